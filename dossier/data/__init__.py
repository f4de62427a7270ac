"""Compact lexicons the extractors load at build time (see LICENSES.md, make_data.py)."""
