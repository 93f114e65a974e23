"""Store fixtures: every store test runs on SQLite and, when EVENTWIRE_TEST_PG_URL is set, on
PostgreSQL too (each test in its own schema, dropped afterwards, so the database is not wiped)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import needs
from eventwire.store import Store

BACKENDS = ("sqlite", "postgresql")


@pytest.fixture
def pg_schema_url() -> Iterator[str]:
    """A URL whose connections use a fresh schema, dropped after the test."""
    yield from needs.pg_schema_url()


def _url(backend: str, folder: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'events.db'}"
    else:
        yield from needs.pg_schema_url()


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from _url(request.param, tmp_path)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    s = Store.open(store_url)
    yield s
    s.close()


@pytest.fixture(scope="module", params=BACKENDS)
def module_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                 ) -> Iterator[Store]:
    """One store for a whole module (hypothesis tests: each example uses its own article ids)."""
    gen = _url(request.param, tmp_path_factory.mktemp("store"))
    s = Store.open(next(gen))
    yield s
    s.close()
    gen.close()
