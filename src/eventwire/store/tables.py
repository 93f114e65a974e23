"""The store's tables (SQLAlchemy Core), one schema for SQLite and PostgreSQL, and the row <-> record
conversions.

The columns of `events` and `places` are the fields of `record.Event` and `record.PlaceMention`, read
from the dataclasses so that record.py stays the only place fields are named. Lists are stored as JSON
text, dates as 'YYYY-MM-DD' text (ISO strings sort as dates), timestamps as ISO 8601 UTC text.

When a field is added to a record, a fresh database gets its column from migration 0001; an existing
one needs a named migration (see migrations.py); `missing_columns` tells which are absent."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import sqlalchemy as sa

from ..record import BOOL_FIELDS, FLOAT_FIELDS, INT_FIELDS, LIST_FIELDS, Event, PlaceMention

metadata = sa.MetaData()


def _column_type(name: str) -> sa.types.TypeEngine[Any]:
    if name in BOOL_FIELDS or name == "is_demonym":
        return sa.Boolean()
    if name in INT_FIELDS or name in ("start", "end", "sentence_start"):
        return sa.BigInteger()
    if name in FLOAT_FIELDS or name == "confidence":
        return sa.Double()
    return sa.Text()  # strings, dates, and lists as JSON text


articles = sa.Table(
    "articles", metadata,
    sa.Column("article_id", sa.Text, primary_key=True),
    sa.Column("text_sha256", sa.Text, nullable=False),
    sa.Column("published", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("language", sa.Text),
    sa.Column("origin", sa.Text),
    sa.Column("ingested_at", sa.Text, nullable=False),
    sa.Column("n_events", sa.Integer, nullable=False),
    sa.Column("text", sa.Text),  # the article text, for provenance (the dashboard shows it); migration 0003
)

_REQUIRED_EVENT_FIELDS = ("event_id", "article_id", "event_type")

events = sa.Table(
    "events", metadata,
    *(
        sa.Column(
            f.name,
            _column_type(f.name),
            primary_key=f.name == "event_id",
            nullable=f.name not in _REQUIRED_EVENT_FIELDS,
        )
        for f in dataclasses.fields(Event)
    ),
    sa.Column("created_at", sa.Text, nullable=False),
    sa.ForeignKeyConstraint(["article_id"], ["articles.article_id"], name="fk_events_article"),
)
sa.Index("ix_events_event_date", events.c.event_date)
sa.Index("ix_events_event_type", events.c.event_type)
sa.Index("ix_events_actor1_country", events.c.actor1_country)
sa.Index("ix_events_actor2_country", events.c.actor2_country)
sa.Index("ix_events_country_iso3", events.c.country_iso3)
sa.Index("ix_events_article_id", events.c.article_id)
sa.Index("ix_events_latitude", events.c.latitude)
sa.Index("ix_events_fused_into", events.c.fused_into)

# Which articles report which event. Every coded event has one row with role "coded" (its own
# article); an article whose event id is already stored from another article gets a "duplicate" row;
# fusion across articles adds "fused" rows. The reason says why the link was made.
event_sources = sa.Table(
    "event_sources", metadata,
    sa.Column("event_id", sa.Text, primary_key=True),
    sa.Column("article_id", sa.Text, primary_key=True),
    sa.Column("role", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("added_at", sa.Text, nullable=False),
    sa.ForeignKeyConstraint(["event_id"], ["events.event_id"], name="fk_event_sources_event",
                            ondelete="CASCADE"),
    sa.ForeignKeyConstraint(["article_id"], ["articles.article_id"], name="fk_event_sources_article",
                            ondelete="CASCADE"),
)
sa.Index("ix_event_sources_article_id", event_sources.c.article_id)

# Every place mention found in an article (the contract's place-mention record), in text order.
places = sa.Table(
    "places", metadata,
    sa.Column("place_id", sa.Integer, primary_key=True, autoincrement=True),
    *(
        sa.Column(f.name, _column_type(f.name), nullable=f.name != "article_id")
        for f in dataclasses.fields(PlaceMention)
    ),
    sa.ForeignKeyConstraint(["article_id"], ["articles.article_id"], name="fk_places_article",
                            ondelete="CASCADE"),
)
sa.Index("ix_places_article_id", places.c.article_id)
sa.Index("ix_places_country_iso3", places.c.country_iso3)

EVENT_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Event))
PLACE_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(PlaceMention))


def event_to_row(ev: Event, created_at: str) -> dict[str, Any]:
    row = ev.to_dict()
    for name in LIST_FIELDS:
        row[name] = json.dumps(list(row[name] or []), ensure_ascii=False)
    row["created_at"] = created_at
    return row


def row_to_event(row: Any) -> Event:
    """An Event from a result row (a Row or a mapping with at least the Event columns)."""
    m = row._mapping if hasattr(row, "_mapping") else row
    d = {name: m[name] for name in EVENT_FIELDS}
    for name in LIST_FIELDS:
        d[name] = json.loads(d[name]) if d[name] else []
    return Event(**d)


def place_to_row(pm: PlaceMention) -> dict[str, Any]:
    return pm.to_dict()


def row_to_place(row: Any) -> PlaceMention:
    m = row._mapping if hasattr(row, "_mapping") else row
    return PlaceMention(**{name: m[name] for name in PLACE_FIELDS})


def missing_columns(conn: sa.Connection) -> dict[str, list[str]]:
    """Columns this code expects that the database lacks, per table ({} when the schema is complete)."""
    insp = sa.inspect(conn)
    missing: dict[str, list[str]] = {}
    for table in metadata.sorted_tables:
        have = {c["name"] for c in insp.get_columns(table.name)}
        lacking = [c.name for c in table.columns if c.name not in have]
        if lacking:
            missing[table.name] = lacking
    return missing
