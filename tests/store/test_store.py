"""Store: ingest (idempotent, updates, batches, links), has_article, places, stats (SQLite and PG)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from eventwire.article import ReadProblem
from eventwire.errors import StoreError
from eventwire.store import Store, tables, text_sha256

from .strategies import event, place, result


def _count(store: Store, table: sa.Table) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


def _world() -> list:
    return [
        result("a1", "Strike in Erbil.", [event("a1", 0, country_iso3="IRQ"), event("a1", 1)],
               [place("a1", 10, "Erbil", country_iso3="IRQ", latitude=36.19, longitude=44.01)]),
        result("a2", "Talks in Doha.", [event("a2", 0, event_type="CONSULT")], [place("a2", 9, "Doha")]),
        result("a3", "Nothing happened here."),
    ]


def test_ingest_counts_and_contents(store: Store) -> None:
    stats = store.ingest(_world())
    assert (stats.articles_new, stats.articles_unchanged, stats.articles_updated) == (3, 0, 0)
    assert (stats.events_written, stats.events_linked, stats.places_written) == (3, 0, 2)
    s = store.stats()
    assert (s["articles"], s["events"], s["places"]) == (3, 3, 2)
    assert sorted(e.event_id for e in store.events()) == ["a1-e0", "a1-e1", "a2-e0"]
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(tables.articles).where(tables.articles.c.article_id == "a1")).one()
    assert row.text_sha256 == text_sha256("Strike in Erbil.")
    assert row.published == "2024-01-16"
    assert row.n_events == 2


def test_ingest_twice_changes_nothing(store: Store) -> None:
    store.ingest(_world())
    before = {t.name: _count(store, t) for t in tables.metadata.sorted_tables}
    events_before = list(store.events())
    stats = store.ingest(_world())
    assert (stats.articles_new, stats.articles_unchanged, stats.articles_updated) == (0, 3, 0)
    assert (stats.events_written, stats.places_written) == (0, 0)
    assert {t.name: _count(store, t) for t in tables.metadata.sorted_tables} == before
    assert list(store.events()) == events_before


def test_changed_text_replaces_events_and_places(store: Store) -> None:
    store.ingest(_world())
    new = result("a1", "Strike in Mosul, corrected.", [event("a1", 7, event_type="COERCE")],
                 [place("a1", 10, "Mosul")])
    stats = store.ingest([new])
    assert (stats.articles_new, stats.articles_unchanged, stats.articles_updated) == (0, 0, 1)
    assert stats.events_written == 1
    assert "updated" in str(stats)
    assert [e.event_id for e in store.events(article_id="a1")] == ["a1-e7"]
    assert [p.text for p in store.places("a1")] == ["Mosul"]
    assert store.stats()["events"] == 2  # a1-e7 and a2-e0
    assert not store.has_article("a1", text_sha256("Strike in Erbil."))
    assert store.has_article("a1", text_sha256("Strike in Mosul, corrected."))
    with store.engine.connect() as conn:
        sources = conn.execute(sa.select(tables.event_sources.c.event_id)
                               .where(tables.event_sources.c.article_id == "a1")).scalars().all()
    assert sources == ["a1-e7"]


def test_same_article_twice_in_one_call_keeps_the_last(store: Store) -> None:
    first = result("x", "first text", [event("x", 0)])
    second = result("x", "second text", [event("x", 1)])
    stats = store.ingest([first, second, second])
    assert (stats.articles_new, stats.articles_updated, stats.articles_unchanged) == (1, 1, 1)
    assert [e.event_id for e in store.events()] == ["x-e1"]
    assert store.has_article("x", text_sha256("second text"))


def test_has_article(store: Store) -> None:
    assert not store.has_article("a1", text_sha256("Strike in Erbil."))
    store.ingest(_world())
    assert store.has_article("a1", text_sha256("Strike in Erbil."))
    assert not store.has_article("a1", text_sha256("other text"))
    assert not store.has_article("zz", text_sha256("Strike in Erbil."))


def test_a_batch_is_one_transaction(store: Store) -> None:
    bad = result("bad", "bad", [event("someone-else", 0)])  # event claims another article
    items = [result("g1", "g1"), result("g2", "g2"), result("g3", "g3"), bad]
    with pytest.raises(StoreError, match="article_id"):
        store.ingest(items, batch_size=2)
    ids = set()
    with store.engine.connect() as conn:
        ids = set(conn.execute(sa.select(tables.articles.c.article_id)).scalars())
    assert ids == {"g1", "g2"}  # first batch committed; second (g3 + bad) rolled back whole


def test_event_id_already_stored_is_linked_not_rewritten(store: Store) -> None:
    store.ingest([result("orig", "same words", [event("orig", 0)])])
    copy_ev = event("orig", 0)
    copy_ev.article_id = "copy"
    stats = store.ingest([result("copy", "same words", [copy_ev])])
    assert (stats.events_written, stats.events_linked) == (0, 1)
    assert store.stats()["events"] == 1
    assert [e.event_id for e in store.events(article_id="copy")] == ["orig-e0"]
    assert [e.article_id for e in store.events(article_id="copy")] == ["orig"]
    again = store.ingest([result("copy", "same words", [copy_ev])])
    assert again.articles_unchanged == 1
    assert _count(store, tables.event_sources) == 2


def test_repeated_event_id_within_an_article(store: Store) -> None:
    stats = store.ingest([result("r", "r", [event("r", 0), event("r", 0)])])
    assert (stats.events_written, stats.events_linked) == (1, 1)
    assert _count(store, tables.event_sources) == 1


def test_ingest_rejects_read_problems(store: Store) -> None:
    with pytest.raises(TypeError, match="ReadProblem"):
        store.ingest([ReadProblem("x.jsonl:3", "R002", "not JSON")])


def test_places_round_trip(store: Store) -> None:
    pm = place("p", 3, "Kurdistan Region", name="Kurdistan", geonames_id=None, latitude=36.0,
               longitude=44.0, feature_code="ADM1", country_iso3="IRQ", admin1="Kurdistan",
               confidence=0.75, is_demonym=False, reason="curated region", geo_precision="admin1",
               sentence_start=0)
    demonym = place("p", 30, "Iraqi", is_demonym=True, reason="demonym")
    store.ingest([result("p", "In the Kurdistan Region, Iraqi officials said", places=[pm, demonym])])
    assert list(store.places("p")) == [pm, demonym]
    assert list(store.places("nothing")) == []


def test_stats(store: Store) -> None:
    store.ingest([
        result("s", "s", [event("s", 0, event_type="ASSAULT", country_iso3="IRQ", event_date="2024-01-15"),
                          event("s", 1, event_type="ASSAULT", country_iso3="IRN", event_date="2024-01-16"),
                          event("s", 2, event_type="ACCUSE", country_iso3="IRQ", event_date="2023-12-31"),
                          event("s", 3, event_type="ACCUSE")]),
    ])
    s = store.stats()
    assert s["articles"] == 1 and s["events"] == 4
    assert s["by_type"] == {"ACCUSE": 2, "ASSAULT": 2}
    assert s["by_country"] == {"IRQ": 2, "IRN": 1}
    assert list(s["by_country"]) == ["IRQ", "IRN"]  # most frequent first
    assert s["date_range"] == {"first": "2023-12-31", "last": "2024-01-16"}


def test_empty_store_stats(store: Store) -> None:
    assert store.stats() == {"articles": 0, "events": 0, "fused_reports": 0, "places": 0, "by_type": {},
                             "by_country": {},
                             "date_range": {"first": None, "last": None}}


def test_reopen_keeps_data(store_url: str) -> None:
    with Store.open(store_url) as s:
        s.ingest(_world())
    with Store.open(store_url) as s:
        assert s.stats()["events"] == 3
        assert s.ingest(_world()).articles_unchanged == 3
