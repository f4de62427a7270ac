#!/usr/bin/env python3
"""Entry point: `python build.py [build|serve|import|extract] ...`."""

from dossier.cli import run

if __name__ == "__main__":
    run()
