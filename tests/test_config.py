"""site.yaml is validated once, at the edge, with every problem located."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.config import load_config, parse_config
from dossier.errors import DossierError

REPO = Path(__file__).resolve().parents[1]
SITE = Path("/site/site.yaml")

MINIMAL = """\
title: Uji
language: id
base_url: https://example.test/sub
"""


def problems(text: str) -> list[str]:
    with pytest.raises(DossierError) as caught:
        parse_config(text, SITE)
    return [str(p) for p in caught.value.problems]


def test_the_repository_site_yaml_loads_with_the_three_requested_hubs() -> None:
    config = load_config(REPO)
    assert [h.slug for h in config.hubs] == ["vladivostok", "vostochny", "weapons-deal"]
    assert config.language == "id"
    kim = next(e for e in config.entities if e.name == "Kim Jong Un")
    assert kim.type == "person" and "Kim Jong-un" in kim.aliases and kim.wikidata == "Q56226"


def test_minimal_config_gets_defaults_and_base_url_gets_a_trailing_slash() -> None:
    config = parse_config(MINIMAL, SITE)
    assert config.base_url == "https://example.test/sub/"
    assert config.hubs == () and config.entities == ()
    assert config.paths.articles == "articles"
    assert config.content_dir == Path("/site/content")


def test_unknown_key_is_named_with_line_and_a_suggestion() -> None:
    found = problems(MINIMAL + "hub:\n  - slug: x\n")
    assert found == ["/site/site.yaml:4:1: site.yaml: unknown key 'hub'; did you mean 'hubs'?"]


def test_yaml_syntax_error_has_line_and_column() -> None:
    found = problems('title: "unclosed\nlanguage: id\n')
    assert len(found) == 1 and found[0].startswith("/site/site.yaml:") and "YAML syntax error" in found[0]


def test_every_problem_is_reported_at_once() -> None:
    text = (
        "title: Uji\n"
        "language: Indonesian!\n"
        "base_url: example.org\n"
        "hubs:\n"
        "  - slug: Bad Slug\n"
        "    title: X\n"
        "  - title: no slug\n"
        "    keywords: [a]\n"
        "entities:\n"
        "  - name: Kota\n"
        "    type: city\n"
        "    coordinates: [100, 0]\n"
    )
    found = problems(text)
    joined = "\n".join(found)
    assert ":2:" in joined and "language must be a language code" in joined
    assert ":3:" in joined and "base_url must be an absolute http(s) URL" in joined
    assert "hubs[0].slug 'Bad Slug'" in joined
    assert "hubs[0]: give at least one of 'keywords' or 'entities'" in joined
    assert "hubs[1]: missing required key 'slug'" in joined
    assert ":11:" in joined and "entities[0].type must be one of person, place, organization" in joined
    assert "entities[0].coordinates out of range" in joined
    assert len(found) >= 7


def test_missing_required_keys_and_empty_file() -> None:
    assert any("missing required key 'base_url'" in p for p in problems("title: x\nlanguage: id\n"))
    assert problems("") == ["/site/site.yaml:1: site.yaml is empty; it needs at least 'title' and 'hubs'"]


def test_duplicate_hub_slugs_are_rejected() -> None:
    text = MINIMAL + "hubs:\n  - {slug: a, title: A, keywords: [x]}\n  - {slug: a, title: B, keywords: [y]}\n"
    assert any("slug 'a' is used by another hub" in p for p in problems(text))


def test_labels_and_paths_are_read() -> None:
    text = MINIMAL + "labels:\n  search: Search\npaths:\n  people: people-en\n"
    config = parse_config(text, SITE)
    assert config.labels["search"] == "Search"
    assert config.paths.people == "people-en"


def test_invalid_fixture_site_names_each_problem(invalid_site: Path) -> None:
    with pytest.raises(DossierError) as caught:
        load_config(invalid_site)
    text = str(caught.value)
    assert "site.yaml:4:1: site.yaml: unknown key 'hub'; did you mean 'hubs'?" in text
    assert "entities[0].type must be one of person, place, organization, got 'kota'" in text
