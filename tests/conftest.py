"""Shared paths for the test suite."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture
def valid_site() -> Path:
    return FIXTURES / "sites" / "valid"


@pytest.fixture
def invalid_site() -> Path:
    return FIXTURES / "sites" / "invalid"
