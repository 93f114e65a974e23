"""The PLOVER ontology: event types, their modes, contexts, sector codes, quad classes and scores.

The tables live in data/*.tsv (derived from the PLOVER manual v0.8, CC BY-SA 4.0); this module only reads them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of a data/*.tsv table as dicts: lines starting with '#' are its provenance header."""
    text = resources.files("eventwire.ontology").joinpath("data", name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    head = lines[0].split("\t")
    rows = []
    for ln in lines[1:]:
        cells = ln.split("\t")
        cells += [""] * (len(head) - len(cells))
        rows.append(dict(zip(head, cells, strict=False)))
    return rows


@dataclass(frozen=True)
class EventType:
    name: str
    quad_class: int
    intensity: float
    requires_recipient: bool
    definition: str
    modes: tuple[str, ...]


@dataclass(frozen=True)
class _Tables:
    types: dict[str, EventType]
    mode_scores: dict[tuple[str, str], float | None]
    mode_aliases: dict[tuple[str, str], str]
    contexts: dict[str, str]
    sectors: dict[str, str]
    country_codes: dict[str, str]


@cache
def _tables() -> _Tables:
    modes: dict[str, list[str]] = {}
    scores: dict[tuple[str, str], float | None] = {}
    for r in read_table("modes.tsv"):
        modes.setdefault(r["type"], []).append(r["mode"])
        scores[(r["type"], r["mode"])] = float(r["intensity"]) if r["intensity"] else None
    types = {
        r["type"]: EventType(r["type"], int(r["quad_class"]), float(r["intensity"]),
                             r["requires_recipient"] == "yes", r["definition"], tuple(modes.get(r["type"], ())))
        for r in read_table("event_types.tsv")
    }
    aliases = {(r["type"], r["alias"]): r["mode"] for r in read_table("mode_aliases.tsv")}
    contexts = {r["context"]: r["definition"] for r in read_table("contexts.tsv")}
    sect = read_table("sectors.tsv")
    sectors = {r["code"]: r["definition"] for r in sect if r["kind"] == "sector"}
    countries = {r["code"]: r["definition"] for r in sect if r["kind"] == "country"}
    return _Tables(types, scores, aliases, contexts, sectors, countries)


def event_type(name: str) -> EventType:
    """The EventType record of a PLOVER type (KeyError for an unknown type)."""
    return _tables().types[name.upper()]


def quad_class(type_: str) -> int:
    """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
    return event_type(type_).quad_class


def normalize_mode(type_: str, mode: str | None) -> str | None:
    """The current PLOVER mode name for `mode` (older names such as 'assassinate' -> 'targeted'); None when the
    mode is empty or has no current equivalent. Raises ValueError for a mode unknown for the type."""
    if not mode:
        return None
    t = type_.upper()
    m = mode.strip().lower().replace(" ", "-")
    if (t, m) in _tables().mode_scores:
        return m
    if (t, m) in _tables().mode_aliases:
        return _tables().mode_aliases[(t, m)] or None
    raise ValueError(f"{mode!r} is not a PLOVER mode of {t} (modes: {', '.join(event_type(t).modes) or 'none'})")


def is_valid_mode(type_: str, mode: str | None) -> bool:
    """True when `mode` is one of the type's modes in the PLOVER manual (None is always valid: modes are
    optional)."""
    if mode is None:
        return type_.upper() in _tables().types
    return (type_.upper(), mode) in _tables().mode_scores


def intensity(type_: str, mode: str | None = None) -> float:
    """PLOVER conflict/cooperation score, -10..+10: the mode's score where the manual gives one, else the
    type's."""
    et = event_type(type_)
    if mode:
        try:
            m = normalize_mode(et.name, mode)
        except ValueError:
            m = None
        score = _tables().mode_scores.get((et.name, m)) if m else None
        if score is not None:
            return score
    return et.intensity


def describe(type_: str) -> dict[str, Any]:
    et = event_type(type_)
    return {"type": et.name, "quad_class": et.quad_class, "quad_name": QUAD_NAMES[et.quad_class],
            "intensity": et.intensity, "modes": list(et.modes), "definition": et.definition}


# The tables as module constants (small files, read once at import).
EVENT_TYPES: tuple[str, ...] = tuple(_tables().types)
MODES: dict[str, tuple[str, ...]] = {k: v.modes for k, v in _tables().types.items()}
CONTEXTS: tuple[str, ...] = tuple(_tables().contexts)
SECTORS: tuple[str, ...] = tuple(_tables().sectors)
NONSTATE_CODES: tuple[str, ...] = tuple(_tables().country_codes)
