"""Dossier: a static site generator for event dossiers (articles -> cross-linked, searchable site)."""

__version__ = "0.1.0"
