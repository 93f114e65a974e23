"""Crosswalks from PLOVER to other ontologies: CAMEO roots (data/cameo2plover.tsv, from the PLOVER repository,
with data/cameo_extra.tsv) and ACLED event / sub-event types (data/acled_crosswalk.tsv, rules written for eventwire)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from .plover import event_type, normalize_mode, read_table

# Sector groups the ACLED rules refer to (see the header of data/acled_crosswalk.tsv).
SECTOR_GROUPS: dict[str, frozenset[str]] = {
    "ARMED": frozenset({"MIL", "REB", "PRM", "UAF", "COP", "CRM"}),
    "SECURITY": frozenset({"MIL", "COP", "PRM", "SPY"}),
    "NONSTATE": frozenset({"REB", "PRM", "UAF", "CRM"}),
    "CIVILIAN": frozenset({"CVL", "JRN", "EDU", "MED", "REF", "REL", "LAB", "AGR", "BUS", "SOC", "ELI", "OPP",
                           "PTY", "GOV", "LEG", "JUD", "UNK"}),
}
PROTESTER_WORDS = ("protest", "demonstrat", "marcher", "rallying", "rally", "strikers")
WEAPON_WORDS = ("weapon", "arms", "ammunition", "explosive", "bomb", "ied", "mine", "rocket", "missile", "drone",
                "grenade", "rifle", "gun", "cache", "munition")
TERRITORY_WORDS = ("town", "village", "city", "territory", "area", "district", "region", "base", "position",
                   "hill", "province", "neighbourhood", "neighborhood", "outpost", "checkpoint", "border", "airport")


# ---------------------------------------------------------------- CAMEO

@cache
def _cameo_rows() -> list[tuple[str, str, str | None, tuple[str, ...]]]:
    rows = []
    for r in read_table("cameo2plover.tsv") + read_table("cameo_extra.tsv"):
        try:
            mode = normalize_mode(r["type"], r["mode"])
        except ValueError:  # a context written in the mode column (e.g. 'pro_autocracy')
            mode = None
        rows.append((r["cameo"], r["type"], mode, tuple(c for c in r["contexts"].split(";") if c)))
    return rows


def cameo_codes(type_: str, mode: str | None = None) -> list[str]:
    """All CAMEO codes that CAMEO2PLOVER maps to this PLOVER type (and mode, when given and mapped)."""
    t = event_type(type_).name
    m = normalize_mode(t, mode) if mode else None
    rows = [r for r in _cameo_rows() if r[1] == t]
    if m:
        with_mode = [r for r in rows if r[2] == m]
        rows = with_mode or [r for r in rows if r[2] is None] or rows
    return [r[0] for r in rows]


def cameo_root(type_: str, mode: str | None = None) -> str | None:
    """The 2-digit CAMEO root most of the CAMEO codes of this type (and mode) fall under, e.g.
    ('ASSAULT', 'firearms') -> '19', ('ACCUSE', 'investigate') -> '09'; ties go to the first in table order."""
    codes = cameo_codes(type_, mode)
    if not codes:
        return None
    counts = Counter(c[:2] for c in codes)
    best = max(counts.values())
    return next(c[:2] for c in codes if counts[c[:2]] == best)


# ---------------------------------------------------------------- ACLED

@dataclass(frozen=True)
class _Rule:
    types: frozenset[str]
    modes: str  # "*", "-" or "a|b"
    contexts: str
    actor1: str
    actor2: str
    words: re.Pattern[str] | None  # the evidence must contain one of these word stems
    without: re.Pattern[str] | None  # ... and none of these
    case_code: str
    note: str


@cache
def acled_types() -> dict[str, tuple[str, str]]:
    """CASE 2021 code -> (ACLED event type, ACLED sub-event type)."""
    return {r["case_code"]: (r["event_type"], r["sub_event_type"]) for r in read_table("acled_types.tsv")}


@cache
def _acled_rules() -> list[_Rule]:
    rules = []
    for r in read_table("acled_crosswalk.tsv"):
        if r["case_code"] not in acled_types():
            raise ValueError(f"acled_crosswalk.tsv: unknown ACLED code {r['case_code']!r}")
        rules.append(_Rule(frozenset(r["type"].split("|")), r["mode"], r["context"], r["actor1"], r["actor2"],
                           _stems(r["words"]), _stems(r["without"]), r["case_code"], r["note"]))
    return rules


def _stems(cell: str) -> re.Pattern[str] | None:
    if cell in ("", "*"):
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in cell.split("|")) + ")", re.IGNORECASE)


def _match_value(pattern: str, value: str | None) -> bool:
    if pattern == "*":
        return True
    if pattern == "-":
        return value is None
    return value is not None and value in pattern.split("|")


def _match_sector(pattern: str, sector: str | None, flags: frozenset[str] = frozenset()) -> bool:
    if pattern == "*":
        return True
    if pattern == "-":
        return sector is None and not flags
    for alt in pattern.split("|"):
        if alt == "-" and sector is None:
            return True
        if alt in flags or (sector is not None and (alt == sector or sector in SECTOR_GROUPS.get(alt, ()))):
            return True
    return False


def acled_rule(type_: str, mode: str | None = None, contexts: Iterable[str] = (),
               actor1_sector: str | None = None, actor2_sector: str | None = None,
               actor2_text: str | None = None, evidence: str | None = None) -> tuple[str, str] | None:
    """(CASE code, note) of the first crosswalk rule matching the event, or None. `evidence` is the text the
    event was coded from: some rules look for words in it ("grenade", "chlorine")."""
    t = event_type(type_).name
    try:
        m = normalize_mode(t, mode)
    except ValueError:
        m = None
    ctx = set(contexts)
    flags = _flags(actor2_text)
    text = evidence or ""
    for rule in _acled_rules():
        if t not in rule.types or not _match_value(rule.modes, m):
            continue
        if rule.contexts != "*" and not ctx.intersection(rule.contexts.split("|")):
            continue
        if (rule.words is not None and not rule.words.search(text)) or (
                rule.without is not None and rule.without.search(text)):
            continue
        if _match_sector(rule.actor1, actor1_sector) and _match_sector(rule.actor2, actor2_sector, flags):
            return rule.case_code, rule.note
    return None


def _flags(actor2_text: str | None) -> frozenset[str]:
    if not actor2_text:
        return frozenset()
    low = actor2_text.lower()
    out = set()
    for flag, words in (("PROTESTERS", PROTESTER_WORDS), ("WEAPONS", WEAPON_WORDS),
                        ("TERRITORY", TERRITORY_WORDS)):
        if any(re.search(r"\b" + w, low) for w in words):
            out.add(flag)
    return frozenset(out)


def acled_for_event(type_: str, mode: str | None = None, contexts: Iterable[str] = (),
                    actor1_sector: str | None = None, actor2_sector: str | None = None,
                    actor2_text: str | None = None, evidence: str | None = None
                    ) -> tuple[str | None, str | None]:
    """(ACLED event type, ACLED sub-event type) for a PLOVER event, using its actors' sectors where the ACLED
    distinction depends on who acted on whom, and words of its evidence sentence where the mode cannot tell
    ("grenade", "shelling", "chlorine"); (None, None) when no ACLED category applies."""
    hit = acled_rule(type_, mode, contexts, actor1_sector, actor2_sector, actor2_text, evidence)
    if hit is None:
        return None, None
    return acled_types()[hit[0]]


def acled(type_: str, mode: str | None = None, contexts: Iterable[str] = ()) -> tuple[str | None, str | None]:
    """(ACLED event type, ACLED sub-event type) from the PLOVER type, mode and contexts alone."""
    return acled_for_event(type_, mode, contexts)
