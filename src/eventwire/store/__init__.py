"""The event store (SQLite by default, PostgreSQL by URL): `Store.open(url)`, `ingest`, `events`."""

from __future__ import annotations

from .query import EventFilter
from .store import IngestStats, Store, text_sha256

__all__ = ["EventFilter", "IngestStats", "Store", "text_sha256"]
