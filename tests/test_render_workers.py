"""The render workers: forked once for every part of the site, the parent told when a part is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.errors import DossierError
from dossier.render_workers import render_and_write


def _source(files: list[tuple[str, bytes]]):
    return lambda wanted: ((path, data) for path, data in files if wanted is None or wanted(path))


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_a_part_is_announced_once_all_its_files_are_written(tmp_path: Path, workers: int) -> None:
    first = [(f"artikel/{i}/index.html", b"a" * i) for i in range(60)]
    second = [(f"tokoh/{i}/index.html", b"b" * i) for i in range(60)]
    heard: list[tuple[int, int]] = []

    def part_done(number: int) -> None:
        heard.append((number, len(list((tmp_path / "artikel").glob("*/index.html")))))

    written = render_and_write((_source(first), _source(second)), tmp_path, tmp_path / "out", workers, part_done)
    assert heard == [(0, 60), (1, 60)]
    assert written.names == frozenset(path for path, _ in first + second) and written.pages == 120
    assert all((tmp_path / path).read_bytes() == data for path, data in first + second)


def test_a_path_in_two_parts_is_reported(tmp_path: Path) -> None:
    files = [(f"p{i}/index.html", b"x") for i in range(20)]
    with pytest.raises(DossierError, match="same output file"):
        render_and_write((_source(files), _source(files[:1])), tmp_path, tmp_path / "out", 2)
