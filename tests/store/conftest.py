"""Store fixtures: every store test runs on SQLite and, when EVENTWIRE_TEST_PG_URL is set, on
PostgreSQL too (each test in its own schema, dropped afterwards, so the database is not wiped)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from eventwire.store import Store

PG_ENV = "EVENTWIRE_TEST_PG_URL"
BACKENDS = ("sqlite", "postgresql")


def pg_base_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"PostgreSQL tests need {PG_ENV}=postgresql://user:password@host/db "
                    "(a database the tests may create schemas in)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("PostgreSQL tests need psycopg: pip install 'psycopg[binary]'")
    return url


@pytest.fixture
def pg_schema_url() -> Iterator[str]:
    """A URL whose connections use a fresh schema, dropped after the test."""
    yield from _pg_schema()


def _pg_schema() -> Iterator[str]:
    base = sa.engine.make_url(pg_base_url()).set(drivername="postgresql+psycopg")
    schema = f"ew_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        yield base.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
            hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


def _url(backend: str, folder: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'events.db'}"
    else:
        yield from _pg_schema()


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
