"""Event filters from user input: one parser for the command line and the REST API.

    f = parse_filter(type="assault", country="irq", since="2024-01-01", near="36.19,44.01,50")

Everything may arrive as text (a query string, a command-line option) or already typed. A bad value
raises FilterError (a ValueError) whose message names the filter and says what it wants; the CLI turns it
into a usage error, the API into a 400 response."""

from __future__ import annotations

import math
import re
from datetime import date

from .store.query import EventFilter

_CODE = re.compile(r"^[A-Za-z]{3}$")


class FilterError(ValueError):
    """A filter value that can't be used; the message says which and why."""


def parse_near(value: str | tuple[float, float, float]) -> tuple[float, float, float]:
    """'LAT,LON,KM' (or a 3-tuple) as floats, checked: -90<=LAT<=90, -180<=LON<=180, KM>=0."""
    if isinstance(value, str):
        parts = [p.strip() for p in value.split(",")]
        try:
            lat, lon, km = (float(p) for p in parts)
        except ValueError:
            raise FilterError(f"near wants LAT,LON,KM (e.g. 36.19,44.01,50), got {value!r}") from None
    else:
        lat, lon, km = (float(x) for x in value)
    if not all(math.isfinite(x) for x in (lat, lon, km)):
        raise FilterError(f"near={value!r}: LAT, LON and KM must be finite numbers")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km >= 0):
        raise FilterError(f"near={value!r}: need -90<=LAT<=90, -180<=LON<=180 and KM>=0")
    return lat, lon, km


def parse_type(value: str) -> str:
    """A PLOVER event type, upper-cased; an unknown type is an error (it would silently match nothing)."""
    from .ontology import EVENT_TYPES

    t = value.strip().upper()
    if t not in EVENT_TYPES:
        raise FilterError(f"type={value!r} is not a PLOVER event type: choose one of {', '.join(EVENT_TYPES)}")
    return t


def parse_country(value: str) -> str:
    """A three-letter code (ISO 3166-1 alpha-3, or a PLOVER code such as IGO), upper-cased."""
    c = value.strip()
    if not _CODE.match(c):
        raise FilterError(f"country={value!r} is not a three-letter code (ISO3 such as IRQ, or IGO, UNO, ...)")
    return c.upper()


def parse_date(value: str | date, name: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise FilterError(f"{name}={value!r} is not a date: use YYYY-MM-DD") from None


def parse_filter(*, type: str | None = None, country: str | None = None, since: str | date | None = None,
                 until: str | date | None = None, actor: str | None = None,
                 near: str | tuple[float, float, float] | None = None, limit: int | str | None = None,
                 offset: int | str | None = None, article_id: str | None = None,
                 fused: bool = False) -> EventFilter:
    """An EventFilter from user input; empty strings mean "no filter". `fused` also returns the reports
    that fusion across articles merged into another article's event. Raises FilterError."""

    def given(v: object) -> bool:
        return v is not None and not (isinstance(v, str) and not v.strip())

    since_d = parse_date(since, "since") if given(since) else None  # type: ignore[arg-type]
    until_d = parse_date(until, "until") if given(until) else None  # type: ignore[arg-type]
    if since_d and until_d and since_d > until_d:
        raise FilterError(f"since={since_d.isoformat()} is after until={until_d.isoformat()}")
    return EventFilter(
        type=parse_type(type) if given(type) else None,  # type: ignore[arg-type]
        country=parse_country(country) if given(country) else None,  # type: ignore[arg-type]
        since=since_d, until=until_d,
        actor=actor.strip() if given(actor) else None,  # type: ignore[union-attr]
        near=parse_near(near) if given(near) else None,  # type: ignore[arg-type]
        limit=_count(limit, "limit") if given(limit) else None,
        offset=_count(offset, "offset") if given(offset) else 0,
        article_id=article_id if given(article_id) else None,
        fused=bool(fused),
    )


def _count(value: int | str | None, name: str) -> int:
    try:
        n = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise FilterError(f"{name}={value!r} is not a whole number") from None
    if n < 0:
        raise FilterError(f"{name}={n} must be 0 or more")
    return n
