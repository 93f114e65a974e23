"""Offline gazetteer and geoparser: build.py (SQLite from PyPI data + data/*.tsv), lookup.py (names ->
candidate places, countries, demonyms), rank.py (resolution ranking), geoparse.py (detection + resolution)."""

from __future__ import annotations

from .lookup import Candidate, Gazetteer, Place

__all__ = ["Candidate", "Gazetteer", "Place"]
