"""Hypothesis strategies for valid event records, and small builders for hand-made test worlds.

The strategies are derived from record.Event's fields, so a field added there is generated here too.
Text is any Unicode except surrogates (not encodable as UTF-8) and NUL (PostgreSQL text can't hold it;
readers reject binary input before it gets this far).

`csv_safe=True` leaves out the two things the contract's CSV form can't represent, both documented
in record.py: a nullable string that is "" (an empty cell reads back as null), and a list element that
contains the "; " separator, or a list holding only "" (both split differently when read back)."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from hypothesis import strategies as st

from eventwire.article import Article
from eventwire.pipeline import ArticleResult
from eventwire.record import BOOL_FIELDS, FLOAT_FIELDS, INT_FIELDS, LIST_FIELDS, Event, PlaceMention

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
DATE_FIELDS = ("event_date", "event_date_end", "published")
FLOAT_RANGES = {"latitude": (-90.0, 90.0), "longitude": (-180.0, 180.0), "intensity": (-10.0, 10.0),
                "confidence": (0.0, 1.0)}
INT_RANGES = {"quad_class": (1, 4), "geonames_id": (1, 2**31 - 1), "fatalities": (0, 10**6),
              "injured": (0, 10**6), "evidence_start": (0, 10**8), "evidence_end": (0, 10**8),
              "source_count": (1, 10**5), "mentions": (1, 10**4)}

chars = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
text = st.text(chars, max_size=40)
nonempty_text = st.text(chars, min_size=1, max_size=40)
iso_dates = st.dates(date(1800, 1, 1), date(2200, 12, 31)).map(date.isoformat)


def _nullable(f: dataclasses.Field[Any]) -> bool:
    return "None" in str(f.type)


def _value(f: dataclasses.Field[Any], csv_safe: bool) -> st.SearchStrategy[Any]:
    name = f.name
    if name in LIST_FIELDS:
        if csv_safe:
            item = text.filter(lambda s: "; " not in s)
            return st.lists(item, max_size=4).filter(lambda xs: xs != [""])
        return st.lists(text, max_size=4)
    if name in BOOL_FIELDS:
        return st.booleans()
    if name in INT_FIELDS:
        lo, hi = INT_RANGES.get(name, (-(2**53), 2**53))
        return st.integers(lo, hi)
    if name in FLOAT_FIELDS:
        lo, hi = FLOAT_RANGES.get(name, (None, None))
        return st.floats(lo, hi, allow_nan=False, allow_infinity=False)
    if name == "event_type":
        return st.sampled_from(PLOVER_TYPES)
    if name in DATE_FIELDS:
        return iso_dates
    if name in ("event_id", "article_id"):
        return nonempty_text
    if _nullable(f) and csv_safe:
        return nonempty_text
    return text


STORE_OWNED = ("fused_into", "fusion_reason")  # set by the store's fusion, not by whoever writes events


def event_strategy(csv_safe: bool = False, **fixed: Any) -> st.SearchStrategy[Event]:
    """Valid Events: every field drawn from its type (None where the type allows it), except the
    fields the store decides itself (STORE_OWNED), which a coded event always has empty."""
    parts: dict[str, st.SearchStrategy[Any]] = {}
    for name in STORE_OWNED:
        fixed.setdefault(name, None)
    for f in dataclasses.fields(Event):
        if f.name in fixed:
            parts[f.name] = st.just(fixed[f.name])
            continue
        value = _value(f, csv_safe)
        parts[f.name] = (st.none() | value) if _nullable(f) else value
    return st.fixed_dictionaries(parts).map(lambda d: Event(**d))


def event_lists(csv_safe: bool = False, max_size: int = 6) -> st.SearchStrategy[list[Event]]:
    return st.lists(event_strategy(csv_safe), max_size=max_size, unique_by=lambda e: e.event_id)


def place_strategy(article_id: str) -> st.SearchStrategy[PlaceMention]:
    parts: dict[str, st.SearchStrategy[Any]] = {}
    for f in dataclasses.fields(PlaceMention):
        if f.name == "article_id":
            parts[f.name] = st.just(article_id)
            continue
        if f.name in ("is_demonym",):
            value: st.SearchStrategy[Any] = st.booleans()
        elif f.name in ("start", "end", "sentence_start", "geonames_id"):
            value = st.integers(0, 2**31 - 1)
        elif f.name in ("latitude", "longitude", "confidence"):
            lo, hi = FLOAT_RANGES[f.name]
            value = st.floats(lo, hi, allow_nan=False)
        else:
            value = text
        parts[f.name] = (st.none() | value) if _nullable(f) else value
    return st.fixed_dictionaries(parts).map(lambda d: PlaceMention(**d))


# --- hand-made worlds ----------------------------------------------------------------------------

def article(aid: str, text: str = "", published: date | None = date(2024, 1, 16), **kw: Any) -> Article:
    return Article(id=aid, text=text or f"Text of article {aid}.", published=published, **kw)


def event(aid: str, n: int, **kw: Any) -> Event:
    kw.setdefault("event_type", "ASSAULT")
    return Event(event_id=f"{aid}-e{n}", article_id=aid, **kw)


def place(aid: str, start: int, text: str, **kw: Any) -> PlaceMention:
    return PlaceMention(article_id=aid, text=text, start=start, end=start + len(text), **kw)


def result(aid: str, text: str = "", events: list[Event] | None = None,
           places: list[PlaceMention] | None = None, **kw: Any) -> ArticleResult:
    return ArticleResult(article=article(aid, text, **kw), events=events or [], places=places or [])
