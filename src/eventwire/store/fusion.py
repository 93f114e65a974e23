"""Fusion across articles: when two articles report the same event, keep one event and count its sources.

Within one article, stages/records.py already merges the mentions of an event. Across articles the
store does it, after each ingest: a newly stored event is fused into an earlier event of another article
when everything that both records say agrees:

- the same PLOVER type, neither negated nor hypothetical, and the same mode where both have one;
- both dated to the day (`date_precision` "day") and at most `MAX_DAYS` apart;
- actor countries that do not conflict (actor1 with actor1, actor2 with actor2; a null agrees with
  anything);
- the same place: both located finer than a province (city, district, point) and at most `MAX_KM`
  apart; or, when either is only located to a province or country, the same country and either an
  actor country that both records name or the same province and the same casualty counts (at least one
  count given by both, none differing). Events without any location are not fused.

Among several earlier events that match, the closest in time wins, then the one whose casualty counts
agree, then the one with more casualties and more mentions (an article's main report of the event rather
than a passing mention), then the nearest.

The fused event keeps its record; its `fused_into` names the surviving event and `fusion_reason` says
why. The surviving event gains an `event_sources` row (role "fused") for the other article, and its
`source_count` becomes the number of articles that report it. Queries return surviving events only,
unless asked for the fused reports too (`EventFilter(fused=True)`).

The rule is deliberately strict: merging two distinct attacks loses an event, while an unmerged
duplicate only inflates a count that `source_count` and `fusion_reason` let the user audit."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

import sqlalchemy as sa

from ..record import Event
from . import tables
from .query import haversine_km

MAX_DAYS = 1
MAX_KM = 50.0
FINE = ("point", "city", "admin2")


def _day(ev: Event) -> date | None:
    if ev.event_date is None or ev.date_precision != "day":
        return None
    try:
        return date.fromisoformat(ev.event_date)
    except ValueError:
        return None


def _agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _place(new: Event, old: Event) -> tuple[float, str] | None:
    """(distance for ranking, words) when the two events happened at the same place, else None."""
    if new.latitude is None or new.longitude is None or old.latitude is None or old.longitude is None:
        return None
    if new.geo_precision in FINE and old.geo_precision in FINE:
        km = haversine_km(new.latitude, new.longitude, old.latitude, old.longitude)
        if km > MAX_KM:
            return None
        return km, f"{km:.0f} km apart"
    if new.country_iso3 is None or new.country_iso3 != old.country_iso3:
        return None
    if new.admin1 is not None and old.admin1 is not None and new.admin1 != old.admin1:
        return None  # a province-level event does not reach into another province
    # an actor of the place's own country (police, a gunman) is in most reports there: it says nothing
    shared = [c for c in (new.actor1_country, new.actor2_country)
              if c is not None and c != new.country_iso3 and c in (old.actor1_country, old.actor2_country)]
    if shared:
        return MAX_KM, f"both in {new.country_iso3} (coarse location) with actor country {shared[0]} in both"
    if new.admin1 is not None and new.admin1 == old.admin1 and _same_counts(new, old):
        return MAX_KM, f"both in {new.admin1}, {new.country_iso3} (coarse location) with the same casualties"
    return None


def _both_given(new: Event, old: Event) -> list[tuple[int, int]]:
    """The casualty counts (killed, injured) that both records give."""
    return [(a, b) for a, b in ((new.fatalities, old.fatalities), (new.injured, old.injured))
            if a is not None and b is not None]


def _same_counts(new: Event, old: Event) -> bool:
    """At least one casualty count given by both records, and no count given by both that differs."""
    given = _both_given(new, old)
    return bool(given) and all(a == b for a, b in given)


def _counts_conflict(new: Event, old: Event) -> bool:
    return any(a != b for a, b in _both_given(new, old))


Rank = tuple[int, int, int, int, float]


def match(new: Event, old: Event) -> tuple[Rank, str] | None:
    """How well `new` matches the earlier event `old` (lower is better) and why, or None if they are
    not the same event by the rules of this module."""
    if new.article_id == old.article_id or new.event_type != old.event_type:
        return None
    if new.negated or new.hypothetical or old.negated or old.hypothetical:
        return None
    if not _agree(new.event_mode, old.event_mode):
        return None
    d_new, d_old = _day(new), _day(old)
    if d_new is None or d_old is None:
        return None
    days = abs((d_new - d_old).days)
    if days > MAX_DAYS:
        return None
    if not (_agree(new.actor1_country, old.actor1_country) and _agree(new.actor2_country, old.actor2_country)):
        return None
    place = _place(new, old)
    if place is None:
        return None
    km, where = place
    actors = "->".join(c or "?" for c in (old.actor1_country or new.actor1_country,
                                           old.actor2_country or new.actor2_country))
    reason = (f"same {new.event_type} as event {old.event_id} of article {old.article_id!r}: "
              f"{days} day(s) apart, {where}, actor countries agree ({actors})")
    weight = (old.fatalities or 0) + (old.injured or 0)
    return (days, int(_counts_conflict(new, old)), -weight, -old.mentions, km), reason


def _candidates(conn: sa.Connection, ev: Event) -> list[Event]:
    e = tables.events
    d = _day(ev)
    if d is None:
        return []
    lo, hi = (d - timedelta(days=MAX_DAYS)).isoformat(), (d + timedelta(days=MAX_DAYS)).isoformat()
    q = (sa.select(e).where(e.c.event_type == ev.event_type, e.c.event_date.between(lo, hi),
                            e.c.fused_into.is_(None), e.c.article_id != ev.article_id)
         .order_by(e.c.created_at, e.c.article_id, e.c.evidence_start, e.c.event_id))
    return [tables.row_to_event(r) for r in conn.execute(q)]


def _recount(conn: sa.Connection, event_ids: Iterable[str]) -> None:
    e, s = tables.events, tables.event_sources
    for eid in set(event_ids):
        n = conn.execute(sa.select(sa.func.count()).select_from(s).where(s.c.event_id == eid)).scalar_one()
        conn.execute(sa.update(e).where(e.c.event_id == eid).values(source_count=max(1, int(n))))


def fuse_events(conn: sa.Connection, event_ids: Sequence[str], now: str) -> int:
    """Fuse each of `event_ids` (in order) into an earlier matching event, inside the caller's
    transaction. Events later in `event_ids` are not candidates for earlier ones. Returns how many
    were fused."""
    e, s = tables.events, tables.event_sources
    pending = set(event_ids)
    fused = 0
    for eid in event_ids:
        pending.discard(eid)
        row = conn.execute(sa.select(e).where(e.c.event_id == eid)).first()
        if row is None:
            continue
        ev = tables.row_to_event(row)
        if ev.fused_into is not None:
            continue
        best: tuple[Rank, str, Event] | None = None
        for old in _candidates(conn, ev):
            if old.event_id in pending or old.event_id == eid:
                continue
            m = match(ev, old)
            if m is not None and (best is None or m[0] < best[0]):
                best = (m[0], m[1], old)
        if best is None:
            continue
        _, reason, old = best
        conn.execute(sa.update(e).where(e.c.event_id == eid).values(fused_into=old.event_id,
                                                                    fusion_reason=reason))
        # Events already fused into this one follow it to the surviving event.
        conn.execute(sa.update(e).where(e.c.fused_into == eid).values(fused_into=old.event_id))
        have = conn.execute(sa.select(s.c.article_id).where(s.c.event_id == old.event_id,
                                                            s.c.article_id == ev.article_id)).first()
        if have is None:
            conn.execute(sa.insert(s).values(event_id=old.event_id, article_id=ev.article_id, role="fused",
                                             reason=reason, added_at=now))
        _recount(conn, [old.event_id])
        fused += 1
    return fused


def unfuse_for(conn: sa.Connection, article_ids: Sequence[str]) -> list[str]:
    """Before the events of `article_ids` are deleted (their text changed): free the events fused
    into them, drop the "fused" links those articles gave to other events and recount those. Returns
    the freed event ids, to fuse again once the new events are written."""
    e, s = tables.events, tables.event_sources
    owned = sa.select(e.c.event_id).where(e.c.article_id.in_(article_ids))
    freed = [r[0] for r in conn.execute(
        sa.select(e.c.event_id).where(e.c.fused_into.in_(owned), e.c.article_id.not_in(article_ids))
        .order_by(e.c.created_at, e.c.article_id, e.c.evidence_start, e.c.event_id))]
    if freed:
        conn.execute(sa.update(e).where(e.c.event_id.in_(freed)).values(fused_into=None, fusion_reason=None))
    linked = [r[0] for r in conn.execute(
        sa.select(s.c.event_id).where(s.c.article_id.in_(article_ids), s.c.role == "fused"))]
    if linked:
        conn.execute(sa.delete(s).where(s.c.article_id.in_(article_ids), s.c.role == "fused"))
        _recount(conn, [x for x in linked if x not in freed])
    return freed


def refuse_all(conn: sa.Connection, now: str) -> int:
    """Undo every fusion and fuse the whole store again in ingest order (after the rules changed)."""
    e, s = tables.events, tables.event_sources
    conn.execute(sa.delete(s).where(s.c.role == "fused"))
    conn.execute(sa.update(e).values(fused_into=None, fusion_reason=None, source_count=1))
    _recount(conn, [r[0] for r in conn.execute(sa.select(s.c.event_id).where(s.c.role == "duplicate"))])
    ids = [r[0] for r in conn.execute(sa.select(e.c.event_id).order_by(
        e.c.created_at, e.c.article_id, e.c.evidence_start, e.c.event_id))]
    return fuse_events(conn, ids, now)

