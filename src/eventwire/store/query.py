"""Event queries: the EventFilter, the SQL it becomes, and the distance check SQL can't do portably.

`near` is a bounding box in SQL (on latitude/longitude, exact for a sphere, split at the antimeridian),
then the haversine distance in Python; `limit` and `offset` move to Python when `near` is set."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa

from ..record import Event
from . import tables

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)


@dataclass(frozen=True)
class EventFilter:
    """What `Store.events` returns; every field None means all events.

    type: PLOVER event type (case-insensitive). country: ISO3 (or PLOVER) code matched against
    actor1_country, actor2_country and country_iso3. since / until: inclusive bounds on event_date
    (events without a date are left out when either is set). actor: case-insensitive substring of
    actor1/actor2 text or name. near: (lat, lon, km). article_id: events reported by that article
    (coded from it, or linked to it by event_sources). limit / offset: paging, in date order.
    fused: also return the reports that fusion across articles merged into another article's event
    (store/fusion.py); by default each event appears once."""

    type: str | None = None
    country: str | None = None
    since: str | date | None = None
    until: str | date | None = None
    actor: str | None = None
    near: tuple[float, float, float] | None = None
    limit: int | None = None
    offset: int = 0
    article_id: str | None = None
    fused: bool = False

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, _iso(value, name))
        if self.near is not None:
            lat, lon, km = self.near
            if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km >= 0):
                raise ValueError(f"near={self.near!r}: need -90<=lat<=90, -180<=lon<=180, km>=0")
        if self.limit is not None and self.limit < 0:
            raise ValueError(f"limit={self.limit!r} must be >= 0")
        if self.offset < 0:
            raise ValueError(f"offset={self.offset!r} must be >= 0")


def _iso(d: str | date, name: str) -> str:
    if isinstance(d, date):
        return d.isoformat()
    try:
        return date.fromisoformat(str(d)).isoformat()
    except ValueError:
        raise ValueError(f"{name}={d!r} is not a date: use YYYY-MM-DD") from None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(lat: float, lon: float, km: float) -> tuple[float, float, list[tuple[float, float]]]:
    """(lat_min, lat_max, longitude ranges) holding every point within km of (lat, lon) on a sphere.

    The longitude half-width is asin(sin(r) / cos(lat)) (J. P. Matuschek, "Finding points within a
    distance of a latitude/longitude using bounding coordinates"); a box reaching a pole or the
    antimeridian covers all longitudes or is split in two ranges."""
    r = km / EARTH_RADIUS_KM
    pad = 1e-7  # degrees (about 1 cm), so rounding never drops a point the exact check would keep
    lat_min, lat_max = lat - math.degrees(r) - pad, lat + math.degrees(r) + pad
    full = [(-180.0, 180.0)]
    if lat_min <= -90 or lat_max >= 90:
        return max(lat_min, -90.0), min(lat_max, 90.0), full
    ratio = math.sin(r) / math.cos(math.radians(lat))
    if ratio >= 1:
        return lat_min, lat_max, full
    dlon = math.degrees(math.asin(ratio)) + pad
    lo, hi = lon - dlon, lon + dlon
    if lo < -180:
        return lat_min, lat_max, [(lo + 360, 180.0), (-180.0, hi)]
    if hi > 180:
        return lat_min, lat_max, [(lo, 180.0), (-180.0, hi - 360)]
    return lat_min, lat_max, [(lo, hi)]


def _lower(dialect_name: str, col: sa.ColumnElement[Any]) -> sa.ColumnElement[Any]:
    # SQLite's lower() folds ASCII only; the store registers eventwire_lower (Python's str.lower).
    if dialect_name == "sqlite":
        return sa.func.eventwire_lower(col, type_=sa.Text)
    return sa.func.lower(col, type_=sa.Text)


def build_select(f: EventFilter, dialect_name: str) -> sa.Select[Any]:
    ev = tables.events
    q = sa.select(ev)
    if not f.fused:
        q = q.where(ev.c.fused_into.is_(None))
    if f.type:
        q = q.where(ev.c.event_type == f.type.upper())
    if f.country:
        c = f.country.upper()
        q = q.where(sa.or_(ev.c.actor1_country == c, ev.c.actor2_country == c, ev.c.country_iso3 == c))
    if f.since is not None:
        q = q.where(ev.c.event_date >= str(f.since))
    if f.until is not None:
        q = q.where(ev.c.event_date <= str(f.until))
    if f.actor:
        needle = f.actor.lower()
        cols = (ev.c.actor1_text, ev.c.actor1_name, ev.c.actor2_text, ev.c.actor2_name)
        q = q.where(sa.or_(*(_lower(dialect_name, c).contains(needle, autoescape=True) for c in cols)))
    if f.article_id is not None:
        src = tables.event_sources
        q = q.where(ev.c.event_id.in_(sa.select(src.c.event_id).where(src.c.article_id == f.article_id)))
    if f.near is not None:
        lat_min, lat_max, lon_ranges = bounding_box(*f.near)
        q = q.where(ev.c.latitude.between(lat_min, lat_max))
        q = q.where(sa.or_(*(ev.c.longitude.between(lo, hi) for lo, hi in lon_ranges)))
    q = q.order_by(ev.c.event_date.is_(None), ev.c.event_date, ev.c.article_id, ev.c.evidence_start,
                   ev.c.event_id)
    if f.near is None:
        if f.limit is not None:
            q = q.limit(f.limit)
        if f.offset:
            q = q.offset(f.offset)
    return q


def post_filter(f: EventFilter, events: Iterable[Event]) -> Iterator[Event]:
    """What SQL left to Python: the exact distance for `near`, then limit and offset."""
    if f.near is None:
        yield from events
        return
    lat, lon, km = f.near
    skipped = returned = 0
    for ev in events:
        if f.limit is not None and returned >= f.limit:
            return
        if ev.latitude is None or ev.longitude is None:
            continue
        if haversine_km(lat, lon, ev.latitude, ev.longitude) > km:
            continue
        if skipped < f.offset:
            skipped += 1
            continue
        returned += 1
        yield ev
