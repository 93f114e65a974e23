"""The event record of the public contract (spec/CONTRACT.md): the only place its fields are named.

`Event` is flat and JSON-ready; `to_dict()` keeps types (JSON Lines, the store), `to_row()` writes lists
joined with "; " and null as "" (CSV)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1"

LIST_FIELDS = ("event_contexts",)
BOOL_FIELDS = ("negated", "hypothetical")
INT_FIELDS = ("quad_class", "geonames_id", "fatalities", "injured", "evidence_start", "evidence_end",
              "source_count", "mentions")
FLOAT_FIELDS = ("intensity", "latitude", "longitude", "confidence")


@dataclass
class Event:
    event_id: str
    article_id: str
    event_type: str
    event_mode: str | None = None
    event_contexts: list[str] = field(default_factory=list)
    quad_class: int | None = None
    intensity: float | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    event_date: str | None = None
    event_date_end: str | None = None
    date_precision: str | None = None
    date_raw: str | None = None
    actor1_text: str | None = None
    actor1_name: str | None = None
    actor1_country: str | None = None
    actor1_sector: str | None = None
    actor2_text: str | None = None
    actor2_name: str | None = None
    actor2_country: str | None = None
    actor2_sector: str | None = None
    location_text: str | None = None
    location_name: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: str | None = None
    geonames_id: int | None = None
    feature_code: str | None = None
    country_iso3: str | None = None
    admin1: str | None = None
    geo_reason: str = ""
    fatalities: int | None = None
    injured: int | None = None
    attribution_text: str | None = None
    attribution_name: str | None = None
    attribution_country: str | None = None
    claim_status: str = "asserted"
    negated: bool = False
    hypothetical: bool = False
    evidence_text: str = ""
    evidence_start: int = 0
    evidence_end: int = 0
    confidence: float = 0.5
    source_url: str | None = None
    source_name: str | None = None
    source_title: str | None = None
    published: str | None = None
    source_count: int = 1
    coder: str = ""
    schema_version: str = SCHEMA_VERSION
    # Fields beyond the contract (allowed: "add fields freely"): why each decision was taken.
    event_reason: str | None = None
    actor_reason: str | None = None
    date_reason: str | None = None
    casualty_reason: str | None = None
    attribution_reason: str | None = None
    trigger_text: str | None = None
    mentions: int = 1  # sentences of the article that mention this event (merged by stages/records.py)
    # Set by the store's fusion across articles (store/fusion.py), never by the pipeline: the event this
    # report was fused into (another article's event of the same type, day and place), and why.
    fused_into: str | None = None
    fusion_reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["event_contexts"] = list(self.event_contexts)
        return d

    def to_row(self) -> dict[str, str]:
        """CSV form: lists joined with '; ', null as '', bools as 'true'/'false'."""
        row: dict[str, str] = {}
        for k, v in self.to_dict().items():
            if v is None:
                row[k] = ""
            elif isinstance(v, list):
                row[k] = "; ".join(v)
            elif isinstance(v, bool):
                row[k] = "true" if v else "false"
            else:
                row[k] = str(v)
        return row

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})

    @classmethod
    def from_row(cls, row: dict[str, str]) -> Event:
        """Inverse of to_row (CSV cells back to typed values)."""
        d: dict[str, Any] = {}
        types = {f.name: f for f in dataclasses.fields(cls)}
        for k, v in row.items():
            if k not in types:
                continue
            if k in LIST_FIELDS:
                d[k] = [x for x in v.split("; ")] if v != "" else []
            elif k in BOOL_FIELDS:
                d[k] = v == "true"
            elif v == "" and k not in ("geo_reason", "evidence_text", "coder", "schema_version",
                                       "event_id", "article_id", "event_type", "claim_status"):
                d[k] = None
            elif k in INT_FIELDS:
                d[k] = int(v)
            elif k in FLOAT_FIELDS:
                d[k] = float(v)
            else:
                d[k] = v
        return cls(**d)


FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Event))
CONTRACT_FIELDS: tuple[str, ...] = FIELDS[: FIELDS.index("schema_version") + 1]


@dataclass
class PlaceMention:
    """The place-mention record of the contract (`eventwire geoparse`)."""

    article_id: str
    text: str
    start: int
    end: int
    name: str | None = None
    geonames_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    feature_code: str | None = None
    country_iso3: str | None = None
    admin1: str | None = None
    confidence: float = 0.0
    is_demonym: bool = False
    reason: str = ""
    # beyond the contract
    geo_precision: str | None = None
    sentence_start: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)
