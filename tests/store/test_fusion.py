"""Fusion across articles (store/fusion.py): the rules on pairs of records, and what the store does."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.record import Event
from eventwire.store import Store
from eventwire.store.fusion import match
from eventwire.store.query import EventFilter

from .strategies import event, result

ERBIL = {"latitude": 36.19, "longitude": 44.01, "geo_precision": "city", "country_iso3": "IRQ"}
MOSUL = {"latitude": 36.34, "longitude": 43.13, "geo_precision": "city", "country_iso3": "IRQ"}
IRAQ = {"latitude": 33.0, "longitude": 44.0, "geo_precision": "country", "country_iso3": "IRQ"}


def strike(aid: str, n: int = 1, **kw: Any) -> Event:
    base: dict[str, Any] = {"event_type": "ASSAULT", "event_mode": "aerial", "event_date": "2024-01-15",
                            "date_precision": "day", "actor1_country": "IRN", "actor2_country": "IRQ",
                            **ERBIL}
    base.update(kw)
    return event(aid, n, **base)


def test_same_strike_in_two_articles_matches() -> None:
    m = match(strike("b", event_date="2024-01-16", latitude=36.25), strike("a"))
    assert m is not None
    (days, conflict, _, _, km), reason = m
    assert days == 1 and km < 10 and conflict == 0
    assert "a-e1" in reason and "1 day(s) apart" in reason


@pytest.mark.parametrize("change", [
    {"event_type": "ACCUSE"},                 # another kind of event
    {"event_date": "2024-01-18"},             # three days later
    {"date_precision": "month"},              # only the month is known
    {"event_date": None},
    {"event_mode": "firearms"},               # another mode
    {"actor1_country": "USA"},                # another attacker
    {"negated": True},
    {"hypothetical": True},
    MOSUL,                                    # 80 km away
    {"latitude": None, "longitude": None},    # no location
])
def test_what_keeps_two_reports_apart(change: dict[str, Any]) -> None:
    assert match(strike("b", **change), strike("a")) is None


def test_reports_of_one_article_are_not_fused() -> None:
    assert match(strike("a", 2), strike("a", 1)) is None


def test_coarse_location_needs_the_same_country_and_a_shared_actor_country() -> None:
    assert match(strike("b", **IRAQ), strike("a")) is not None
    assert match(strike("b", actor1_country=None, actor2_country=None, **IRAQ), strike("a")) is None
    assert match(strike("b", **{**IRAQ, "country_iso3": "SYR"}), strike("a")) is None


def test_an_actor_of_the_places_own_country_does_not_make_a_coarse_match() -> None:
    police = {"actor1_country": None, "actor2_country": "IRQ"}
    assert match(strike("b", **{**IRAQ, **police}), strike("a", **police)) is None


def test_a_province_level_event_does_not_reach_into_another_province() -> None:
    ninawa = {**IRAQ, "geo_precision": "admin1", "admin1": "Nineveh"}
    assert match(strike("b", **ninawa), strike("a", admin1="Erbil")) is None
    assert match(strike("b", **{**ninawa, "admin1": "Erbil"}), strike("a", admin1="Erbil")) is not None


def test_coarse_location_without_actors_needs_the_same_province_and_counts() -> None:
    state = {**IRAQ, "geo_precision": "admin1", "admin1": "Erbil", "actor1_country": None,
             "actor2_country": None}
    old = strike("a", admin1="Erbil", actor1_country=None, actor2_country=None, fatalities=4)
    assert match(strike("b", **state, fatalities=4), old) is not None
    assert match(strike("b", **state, fatalities=5), old) is None
    assert match(strike("b", **state), old) is None  # no count to compare
    assert match(strike("b", **{**state, "admin1": "Nineveh"}, fatalities=4), old) is None


def test_the_main_report_of_an_earlier_article_is_preferred(store: Store) -> None:
    store.ingest([result("a", events=[strike("a", 1), strike("a", 2, fatalities=4, mentions=3)])], fuse=False)
    store.ingest([result("b", events=[strike("b", fatalities=4)])])
    everything = {e.event_id: e for e in store.events(EventFilter(fused=True))}
    assert everything["b-e1"].fused_into == "a-e2"


def test_null_fields_agree_with_anything() -> None:
    assert match(strike("b", event_mode=None, actor2_country=None), strike("a")) is not None


def test_the_store_fuses_a_later_report_and_counts_sources(store: Store) -> None:
    stats = store.ingest([result("a", events=[strike("a")])])
    assert stats.events_fused == 0
    stats = store.ingest([result("b", events=[strike("b"), strike("b", 2, event_type="ACCUSE")])])
    assert stats.events_fused == 1
    shown = list(store.events())
    assert [e.event_id for e in shown] == ["a-e1", "b-e2"]
    assert shown[0].source_count == 2
    everything = {e.event_id: e for e in store.events(EventFilter(fused=True))}
    assert everything["b-e1"].fused_into == "a-e1"
    assert "a-e1" in (everything["b-e1"].fusion_reason or "")
    # Article b reports the surviving event: it is found through b's id too.
    assert {e.event_id for e in store.events(article_id="b")} == {"a-e1", "b-e2"}
    s = store.stats()
    assert s["events"] == 2 and s["fused_reports"] == 1


def test_a_batch_fuses_in_order_and_keeps_the_first_report(store: Store) -> None:
    store.ingest([result("a", events=[strike("a")]), result("b", events=[strike("b")]),
                  result("c", events=[strike("c", event_date="2024-01-16")])])
    (only,) = list(store.events())
    assert only.event_id == "a-e1" and only.source_count == 3


def test_changing_the_surviving_article_frees_its_fused_reports(store: Store) -> None:
    store.ingest([result("a", events=[strike("a")]), result("b", events=[strike("b")])])
    # Article a is corrected: its strike was on another day; b's report stands on its own again.
    store.ingest([result("a", text="Corrected text.", events=[strike("a", event_date="2024-01-10")])])
    shown = {e.event_id: e for e in store.events()}
    assert set(shown) == {"a-e1", "b-e1"}
    assert shown["b-e1"].fused_into is None and shown["a-e1"].source_count == 1


def test_changing_a_fused_article_drops_its_link(store: Store) -> None:
    store.ingest([result("a", events=[strike("a")]), result("b", events=[strike("b")])])
    store.ingest([result("b", text="Now about a protest.", events=[strike("b", event_type="PROTEST")])])
    shown = {e.event_id: e for e in store.events()}
    assert shown["a-e1"].source_count == 1 and "b-e1" in shown


def test_fuse_rebuilds_after_an_ingest_without_fusion(store: Store) -> None:
    store.ingest([result("a", events=[strike("a")]), result("b", events=[strike("b")])], fuse=False)
    assert len(list(store.events())) == 2
    assert store.fuse() == 1
    assert store.fuse() == 1  # idempotent
    (only,) = list(store.events())
    assert only.source_count == 2
