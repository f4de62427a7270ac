"""Shared paths and fixtures for the test suite."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.extract import build_gazetteer
from dossier.extract.gazetteer import Gazetteer

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture
def valid_site() -> Path:
    return FIXTURES / "sites" / "valid"


@pytest.fixture
def invalid_site() -> Path:
    return FIXTURES / "sites" / "invalid"


@pytest.fixture(scope="session")
def bare() -> Gazetteer:
    """The gazetteer with no known entities: the shipped lexicons only."""
    return build_gazetteer(())
