#!/bin/sh
# Install everything the test suite needs and run it: README's test command, and CI's.
#   - a virtual environment in .venv with Dossier and its test tools,
#   - Debian's chromium and axe-core for the browser tests (scripts/install-browser-deps.sh),
#   - ruff, then the whole pytest suite (unit, end-to-end builds, real-browser tests).
set -eu
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
sh scripts/install-browser-deps.sh
.venv/bin/ruff check .
exec .venv/bin/python -m pytest "$@"
