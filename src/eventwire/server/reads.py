"""Reads the REST API needs beyond `Store.events`: one event with its sources, one article, the total
count and the counts by type, country, month and day of a filtered query.

Every filtered read starts from `store.query.build_select`, so the API returns exactly what
`eventwire events` returns for the same filters. `near` is decided in Python (post_filter), so with
`near` the counts are made over the matching events in Python; without it they are SQL aggregates."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from ..record import Event
from ..store import EventFilter, Store, tables
from ..store.query import build_select

UNDATED = "undated"


def _unpaged(f: EventFilter) -> EventFilter:
    return dataclasses.replace(f, limit=None, offset=0)


def count_events(store: Store, f: EventFilter) -> int:
    """How many events match `f`, ignoring its limit and offset."""
    f = _unpaged(f)
    if f.near is not None:
        return sum(1 for _ in store.events(f))
    sub = build_select(f, store.dialect).order_by(None).subquery()
    with store.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(sub)).scalar_one())


def get_event(store: Store, event_id: str) -> Event | None:
    """The stored event with this id (fused reports included), or None."""
    ev = tables.events
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(ev).where(ev.c.event_id == event_id)).first()
    return tables.row_to_event(row) if row is not None else None


_ARTICLE_META = ("article_id", "title", "url", "source", "published", "language", "origin", "ingested_at",
                 "n_events", "text_sha256")


def event_sources(store: Store, event_id: str) -> list[dict[str, Any]]:
    """The articles that report an event (event_sources joined with articles): role, reason, title, url,
    published, source; the article it was coded from first."""
    s, a = tables.event_sources, tables.articles
    q = (sa.select(s.c.article_id, s.c.role, s.c.reason, s.c.added_at, a.c.title, a.c.url, a.c.published,
                   a.c.source)
         .join(a, a.c.article_id == s.c.article_id)
         .where(s.c.event_id == event_id)
         .order_by(sa.case((s.c.role == "coded", 0), else_=1), a.c.published, s.c.article_id))
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]


def get_article(store: Store, article_id: str) -> dict[str, Any] | None:
    """An article's stored metadata, and its text when the store keeps a `text` column (`text_stored`
    says whether it does), or None when the article is unknown."""
    a = tables.articles
    text_col = a.c.get("text")
    cols = [a.c[name] for name in _ARTICLE_META] + ([text_col] if text_col is not None else [])
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(*cols).where(a.c.article_id == article_id)).first()
    if row is None:
        return None
    d = dict(row._mapping)
    d.setdefault("text", None)
    d["text_stored"] = text_col is not None and d["text"] is not None
    return d


def _month(day: str | None) -> str:
    return day[:7] if day else UNDATED


def _sorted(counter: Counter[str]) -> dict[str, int]:
    return {k: counter[k] for k in sorted(counter, key=lambda k: (-counter[k], k))}


def _chrono(counter: Counter[str]) -> dict[str, int]:
    return {k: counter[k] for k in sorted(counter, key=lambda k: (k == UNDATED, k))}


def _summary(events: int, articles: int, by_type: Counter[str], by_country: Counter[str],
             by_day: Counter[str], first: str | None, last: str | None) -> dict[str, Any]:
    by_month: Counter[str] = Counter()
    for day, c in by_day.items():
        by_month[_month(day if day != UNDATED else None)] += c
    return {
        "events": events,
        "articles": articles,
        "undated": by_day.get(UNDATED, 0),
        "date_range": {"first": first, "last": last},
        "by_type": _sorted(by_type),
        "by_country": _sorted(by_country),
        "by_month": _chrono(by_month),
        "by_day": _chrono(by_day),
    }


def summarize(events: Iterable[Event]) -> dict[str, Any]:
    """Counts over events in hand: by type, by country where the event happened (events without one
    are left out of by_country), by month and by day of event_date (undated under "undated")."""
    n = 0
    articles: set[str] = set()
    by_type: Counter[str] = Counter()
    by_country: Counter[str] = Counter()
    by_day: Counter[str] = Counter()
    for ev in events:
        n += 1
        articles.add(ev.article_id)
        by_type[ev.event_type] += 1
        if ev.country_iso3:
            by_country[ev.country_iso3] += 1
        by_day[ev.event_date or UNDATED] += 1
    dated = [d for d in by_day if d != UNDATED]
    return _summary(n, len(articles), by_type, by_country, by_day, min(dated, default=None),
                    max(dated, default=None))


def event_stats(store: Store, f: EventFilter) -> dict[str, Any]:
    """`summarize` over the events matching `f` (limit and offset ignored), as SQL aggregates when the
    filter has no `near`."""
    f = _unpaged(f)
    if f.near is not None:
        return summarize(store.events(f))
    sub = build_select(f, store.dialect).order_by(None).subquery()
    n = sa.func.count()
    with store.engine.connect() as conn:
        total, n_articles, first, last = conn.execute(
            sa.select(n, sa.func.count(sa.distinct(sub.c.article_id)), sa.func.min(sub.c.event_date),
                      sa.func.max(sub.c.event_date))).one()
        by_type = Counter({t: int(c) for t, c in conn.execute(
            sa.select(sub.c.event_type, n).group_by(sub.c.event_type))})
        by_country = Counter({k: int(c) for k, c in conn.execute(
            sa.select(sub.c.country_iso3, n).where(sub.c.country_iso3.is_not(None))
            .group_by(sub.c.country_iso3))})
        by_day: Counter[str] = Counter()
        for day, c in conn.execute(sa.select(sub.c.event_date, n).group_by(sub.c.event_date)):
            by_day[day or UNDATED] += int(c)
    return _summary(int(total), int(n_articles), by_type, by_country, by_day, first, last)
