"""Event filters: each filter by hand, then random filters against a plain-Python reference."""

from __future__ import annotations

import itertools
import math
import uuid
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.record import Event
from eventwire.store import EventFilter, Store
from eventwire.store.query import bounding_box, haversine_km

from .strategies import event, result


def _ids(events) -> list[str]:
    return [e.event_id for e in events]


def _world(aid: str = "w") -> list[Event]:
    return [
        event(aid, 0, event_type="ASSAULT", event_date="2024-01-15", actor1_text="Iran's Revolutionary Guards",
              actor1_name="Islamic Revolutionary Guard Corps", actor1_country="IRN", actor2_country="IRQ",
              country_iso3="IRQ", latitude=36.19, longitude=44.01),  # Erbil
        event(aid, 1, event_type="ACCUSE", event_date="2024-01-16", actor1_name="Iraq",
              actor1_country="IRQ", actor2_name="Iran", actor2_country="IRN", country_iso3="IRQ",
              latitude=33.31, longitude=44.36),  # Baghdad, ~320 km from Erbil
        event(aid, 2, event_type="CONSULT", event_date="2023-12-31",
              actor1_text="Élysée Palace", actor1_country="FRA", country_iso3="FRA",
              latitude=48.87, longitude=2.32),
        event(aid, 3, event_type="ASSAULT", actor2_text="100% of the 50_50 group", country_iso3=None),
        event(aid, 4, event_type="PROTEST", event_date="2024-02-01", actor1_text="students",
              latitude=-16.5, longitude=179.9),  # Fiji, near the antimeridian
        event(aid, 5, event_type="PROTEST", event_date="2024-02-02", actor1_text="farmers",
              latitude=-16.6, longitude=-179.95),  # across it
    ]


@pytest.fixture
def world(store: Store) -> Store:
    evs = _world()
    store.ingest([result("w", "world", evs), result("other", "other", [event("other", 0, event_type="AID", event_date="2024-01-15")])])
    return store


def test_no_filter_returns_all_in_date_order(world: Store) -> None:
    assert _ids(world.events()) == ["w-e2", "other-e0", "w-e0", "w-e1", "w-e4", "w-e5", "w-e3"]


@pytest.mark.parametrize(("f", "expected"), [
    (EventFilter(type="ASSAULT"), ["w-e0", "w-e3"]),
    (EventFilter(type="assault"), ["w-e0", "w-e3"]),
    (EventFilter(country="IRN"), ["w-e0", "w-e1"]),
    (EventFilter(country="irq"), ["w-e0", "w-e1"]),
    (EventFilter(country="FRA"), ["w-e2"]),
    (EventFilter(since="2024-01-16"), ["w-e1", "w-e4", "w-e5"]),
    (EventFilter(since=date(2024, 1, 16)), ["w-e1", "w-e4", "w-e5"]),
    (EventFilter(until="2024-01-15"), ["w-e2", "other-e0", "w-e0"]),
    (EventFilter(since="2024-01-15", until="2024-01-15"), ["other-e0", "w-e0"]),
    (EventFilter(actor="guard"), ["w-e0"]),
    (EventFilter(actor="IRAN"), ["w-e0", "w-e1"]),
    (EventFilter(actor="élysée"), ["w-e2"]),
    (EventFilter(actor="ÉLYSÉE"), ["w-e2"]),
    (EventFilter(actor="100%"), ["w-e3"]),
    (EventFilter(actor="%"), ["w-e3"]),
    (EventFilter(actor="_"), ["w-e3"]),
    (EventFilter(near=(36.19, 44.01, 10)), ["w-e0"]),
    (EventFilter(near=(36.19, 44.01, 400)), ["w-e0", "w-e1"]),
    (EventFilter(near=(36.19, 44.01, 300)), ["w-e0"]),
    (EventFilter(near=(-16.55, 180.0, 50)), ["w-e4", "w-e5"]),
    (EventFilter(near=(-16.55, -180.0, 50)), ["w-e4", "w-e5"]),
    (EventFilter(near=(90.0, 0.0, 10_000)), ["w-e2", "w-e0", "w-e1"]),  # north of ~0.07°N
    (EventFilter(limit=2), ["w-e2", "other-e0"]),
    (EventFilter(limit=2, offset=1), ["other-e0", "w-e0"]),
    (EventFilter(limit=0), []),
    (EventFilter(near=(36.19, 44.01, 400), limit=1, offset=1), ["w-e1"]),
    (EventFilter(article_id="other"), ["other-e0"]),
    (EventFilter(article_id="nobody"), []),
    (EventFilter(type="ASSAULT", country="IRQ", since="2024-01-01", actor="guards"), ["w-e0"]),
])
def test_each_filter(world: Store, f: EventFilter, expected: list[str]) -> None:
    assert _ids(world.events(f)) == expected


def test_keyword_filters(world: Store) -> None:
    assert _ids(world.events(type="ACCUSE")) == ["w-e1"]
    with pytest.raises(TypeError):
        world.events(EventFilter(), type="ACCUSE")


def test_dates_are_normalised() -> None:
    assert EventFilter(since=date(2024, 1, 5), until="20240106").since == "2024-01-05"
    assert EventFilter(until="20240106").until == "2024-01-06"


@pytest.mark.parametrize("bad", [dict(since="2024-1-5"), dict(until="yesterday"), dict(near=(91, 0, 1)), dict(near=(0, 181, 1)), dict(near=(0, 0, -1)),
                                 dict(limit=-1), dict(offset=-1)])
def test_invalid_filters(bad: dict) -> None:
    with pytest.raises(ValueError):
        EventFilter(**bad)


# --- random filters against a reference ----------------------------------------------------------

COUNTRIES = ("IRQ", "IRN", "USA", "FRA")
NAMES = ("Iran", "Iraqi army", "Élysée", "ÖZTÜRK", "police", "100%_x")
lat_st = st.floats(-90, 90, allow_nan=False)
lon_st = st.floats(-180, 180, allow_nan=False)


def maybe(s: st.SearchStrategy) -> st.SearchStrategy:
    return st.none() | s


random_events = st.lists(st.fixed_dictionaries({
    "event_type": st.sampled_from(("ASSAULT", "ACCUSE", "PROTEST")),
    "event_date": maybe(st.dates(date(2023, 12, 25), date(2024, 1, 10)).map(date.isoformat)),
    "actor1_country": maybe(st.sampled_from(COUNTRIES)), "actor2_country": maybe(st.sampled_from(COUNTRIES)),
    "country_iso3": maybe(st.sampled_from(COUNTRIES)),
    "actor1_text": maybe(st.sampled_from(NAMES)), "actor2_name": maybe(st.sampled_from(NAMES)),
    "latitude": maybe(lat_st), "longitude": maybe(lon_st),
}), max_size=12)

random_filters = st.builds(
    EventFilter,
    type=maybe(st.sampled_from(("ASSAULT", "accuse", "REJECT"))),
    country=maybe(st.sampled_from(COUNTRIES)),
    since=maybe(st.dates(date(2023, 12, 25), date(2024, 1, 10))),
    until=maybe(st.dates(date(2023, 12, 25), date(2024, 1, 10)).map(date.isoformat)),
    actor=maybe(st.sampled_from(("ir", "élysée", "öztürk", "POLICE", "%", "_x", "nobody"))),
    near=maybe(st.tuples(lat_st, lon_st, st.floats(0, 21_000))),
    limit=maybe(st.integers(0, 5)),
    offset=st.integers(0, 3),
)


def reference(evs: list[Event], f: EventFilter) -> list[str]:
    def keep(e: Event) -> bool:
        if f.type and e.event_type != f.type.upper():
            return False
        if f.country and f.country.upper() not in (e.actor1_country, e.actor2_country, e.country_iso3):
            return False
        if f.since is not None and (e.event_date is None or e.event_date < str(f.since)):
            return False
        if f.until is not None and (e.event_date is None or e.event_date > str(f.until)):
            return False
        texts = (e.actor1_text, e.actor1_name, e.actor2_text, e.actor2_name)
        if f.actor and not any(t and f.actor.lower() in t.lower() for t in texts):
            return False
        if f.near is not None:
            if e.latitude is None or e.longitude is None:
                return False
            if haversine_km(f.near[0], f.near[1], e.latitude, e.longitude) > f.near[2]:
                return False
        return True

    order = sorted((e for e in evs if keep(e)),
                   key=lambda e: (e.event_date is None, e.event_date or "", e.evidence_start, e.event_id))
    ids = [e.event_id for e in order][f.offset:]
    return ids if f.limit is None else ids[:f.limit]


@settings(max_examples=60, deadline=None)
@given(rows=random_events, filters=st.lists(random_filters, min_size=1, max_size=4))
def test_random_filters_match_reference(module_store: Store, rows: list[dict], filters: list[EventFilter]) -> None:
    aid = uuid.uuid4().hex
    evs = [event(aid, i, **row) for i, row in enumerate(rows)]
    module_store.ingest([result(aid, aid, evs)])
    for f in filters:
        scoped = EventFilter(**{**f.__dict__, "article_id": aid})
        assert _ids(module_store.events(scoped)) == reference(evs, f)


# --- geometry ------------------------------------------------------------------------------------

@given(lat=lat_st, lon=lon_st, km=st.floats(0, 25_000), bearing=st.floats(0, 360), frac=st.floats(0, 1))
def test_bounding_box_holds_every_point_within_range(lat: float, lon: float, km: float, bearing: float,
                                                      frac: float) -> None:
    # the point at distance frac*km along `bearing` (spherical destination formula)
    r = frac * km / 6371.0088
    p1, l1, b = math.radians(lat), math.radians(lon), math.radians(bearing)
    p2 = math.asin(max(-1.0, min(1.0, math.sin(p1) * math.cos(r) + math.cos(p1) * math.sin(r) * math.cos(b))))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(r) * math.cos(p1), math.cos(r) - math.sin(p1) * math.sin(p2))
    plat, plon = math.degrees(p2), (math.degrees(l2) + 540) % 360 - 180
    if haversine_km(lat, lon, plat, plon) > km:  # rounding at the rim: not a point within range
        return
    lat_min, lat_max, lon_ranges = bounding_box(lat, lon, km)
    assert lat_min <= plat <= lat_max
    assert any(lo <= plon <= hi for lo, hi in lon_ranges)


def test_haversine_known_distance() -> None:
    # Erbil - Baghdad, about 322 km great-circle
    assert 315 < haversine_km(36.19, 44.01, 33.31, 44.36) < 330
    assert haversine_km(0, 179.9, 0, -179.9) == pytest.approx(22.24, abs=0.05)


def test_bounding_box_shapes() -> None:
    assert bounding_box(0, 0, 100)[2] == [pytest.approx((-0.8993, 0.8993), abs=1e-3)]
    assert len(bounding_box(0, 179.5, 100)[2]) == 2
    assert bounding_box(89.5, 0, 100)[2] == [(-180.0, 180.0)]
    lat_min, lat_max, _ = bounding_box(0, 0, 30_000)
    assert (lat_min, lat_max) == (-90, 90)


def test_events_stream_lazily(world: Store) -> None:
    it = world.events()
    first = list(itertools.islice(it, 2))
    assert len(first) == 2
    it.close()  # abandoning the stream releases the connection
    assert len(list(world.events())) == 7
