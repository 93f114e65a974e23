"""Server fixtures: a SQLite store filled by the real pipeline from examples/ (once per session), a small
hand-made store whose counts are known exactly, and TestClients over both."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.article import Article
from eventwire.pipeline import ArticleResult
from eventwire.record import Event
from eventwire.store import Store
from needs import need_server, pg_schema_url

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="session")
def examples_url(tmp_path_factory: pytest.TempPathFactory, pipeline) -> str:
    """A SQLite store holding the examples, coded by the real pipeline."""
    from eventwire import ReadProblem, code

    url = f"sqlite:///{tmp_path_factory.mktemp('server') / 'examples.db'}"
    with Store.open(url) as store:
        store.ingest(r for r in code(EXAMPLES, pipeline=pipeline) if not isinstance(r, ReadProblem))
    return url


@pytest.fixture(scope="session")
def examples_store(examples_url: str) -> Iterator[Store]:
    with Store.open(examples_url) as store:
        yield store


@pytest.fixture(scope="session")
def client(examples_url: str):
    need_server(module_level=False)
    from fastapi.testclient import TestClient

    from eventwire.server import create_app

    with TestClient(create_app(examples_url)) as c:
        yield c


def _ev(aid: str, n: int, **kw) -> Event:
    return Event(event_id=f"{aid}-e{n}", article_id=aid, event_type=kw.pop("event_type", "ASSAULT"),
                 evidence_text=kw.pop("evidence_text", f"Sentence {n}."), **kw)


def small_world() -> list[ArticleResult]:
    """Two articles, five events: two days in one month, one in another, one undated, one placeless."""
    a = Article(id="a", text="text of article a", title="Article A", url="https://example.org/a")
    b = Article(id="b/2", text="text of article b")
    return [
        ArticleResult(a, [
            _ev("a", 0, event_date="2024-01-15", country_iso3="IRQ", latitude=36.19, longitude=44.01),
            _ev("a", 1, event_type="ACCUSE", event_date="2024-01-15", country_iso3="IRQ",
                latitude=33.31, longitude=44.36),
            _ev("a", 2, event_type="PROTEST", event_date="2024-02-01", country_iso3="FRA",
                latitude=48.87, longitude=2.32),
        ]),
        ArticleResult(b, [
            _ev("b/2", 0, event_type="ACCUSE"),
            _ev("b/2", 1, event_type="AID", event_date="2024-01-20"),
        ]),
    ]


@pytest.fixture(scope="session", params=("sqlite", "postgresql"))
def small_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The small world in SQLite, and in PostgreSQL when EVENTWIRE_TEST_PG_URL is set."""
    if request.param == "sqlite":
        urls: Iterator[str] = iter([f"sqlite:///{tmp_path_factory.mktemp('server') / 'small.db'}"])
    else:
        urls = pg_schema_url("ew_server")
    url = next(urls)
    with Store.open(url) as store:
        store.ingest(small_world())
    yield url
    for _ in urls:  # drops the PostgreSQL schema
        pass


@pytest.fixture(scope="session")
def small_client(small_url: str):
    need_server(module_level=False)
    from fastapi.testclient import TestClient

    from eventwire.server import create_app

    with TestClient(create_app(small_url)) as c:
        yield c
