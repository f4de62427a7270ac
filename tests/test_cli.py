"""The command line as a user types it: `python build.py extract` shows what the build sees."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TEXT = ("Presiden Rusia Vladimir Putin bertemu Kim Jong Un di Vladivostok pada Rabu (13/9/2023). "
        "\"Kami akan terus memperkuat persahabatan kami,\" kata Dmitry Peskov.\n")


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    # Buffered output, as in a shell where PYTHONUNBUFFERED is not set (it is in some CI images).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    return subprocess.run([sys.executable, str(REPO / "build.py"), *args], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=120)


def test_extract_prints_entities_dates_and_quotes_with_exact_offsets(tmp_path: Path) -> None:
    source = tmp_path / "clip.txt"
    source.write_text(TEXT, encoding="utf-8")
    result = run("extract", str(source), "--published", "2023-09-14")
    assert result.returncode == 0, result.stderr
    (found,) = json.loads(result.stdout)
    text = TEXT.strip()
    names = {(e["type"], e["name"]) for e in found["entities"]}
    assert {("person", "Vladimir Putin"), ("person", "Kim Jong Un"), ("place", "Vladivostok"),
            ("place", "Rusia"), ("person", "Dmitry Peskov")} <= names
    for entity in found["entities"]:
        for mention in entity["mentions"]:
            assert text[mention["start"]:mention["end"]] == mention["text"]
    assert [(d["text"], d["date"]) for d in found["dates"]] == [("Rabu (13/9/2023)", "2023-09-13")]
    assert [(q["speaker"], q["text"]) for q in found["quotes"]] == [
        ("Dmitry Peskov", "Kami akan terus memperkuat persahabatan kami")]


def test_extract_reads_markdown_articles_with_their_front_matter() -> None:
    article = next((REPO / "content").glob("*.md"))
    result = run("extract", str(article))
    assert result.returncode == 0, result.stderr
    (found,) = json.loads(result.stdout)
    assert found["published"] and found["entities"] and found["summary"]


def test_extract_reports_a_file_it_cannot_read_without_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\xe9 di Jakarta.".encode("latin-1"))
    result = run("extract", str(bad))
    assert result.returncode == 1
    assert "latin1.txt:1:" in result.stderr and "UTF-8" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_build_run_as_a_program_prints_its_summary_and_exits_cleanly(tmp_path: Path) -> None:
    """build.py leaves without freeing the dossier object by object; what it printed into a
    pipe must still arrive, and the status must be the build's."""
    site = Path(shutil.copytree(REPO / "tests" / "fixtures" / "sites" / "valid", tmp_path / "site"))
    done = run("--site", str(site), "build", "--output", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Built 3 articles into ") and "render" in done.stdout
    assert (tmp_path / "out" / "index.html").is_file()
    again = run("--site", str(site), "build", "--output", str(tmp_path / "out"))
    assert again.returncode == 0 and again.stdout.startswith("Nothing changed")
    (site / "site.yaml").write_text("title: [\n", encoding="utf-8")
    failed = run("--site", str(site), "build", "--output", str(tmp_path / "out"))
    assert failed.returncode == 1 and "site.yaml:" in failed.stderr and failed.stdout == ""
