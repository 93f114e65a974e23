"""Why an event record says what it says, for the API's event detail and the dashboard's provenance panel.

The record keeps the evidence sentence and the words each stage decided from (trigger_text,
actor1_text, ...), not their offsets inside the evidence. `highlights` finds those words in the evidence
(a whole-word match first, then any match; the trigger first, so it wins an overlap) and says how each
span was found. `reasons` collects every `*_reason` field of the record, with `date_raw`."""

from __future__ import annotations

import re
from typing import Any

from ..record import FIELDS, Event

# (record field, role shown to the user), in the order spans are claimed.
HIGHLIGHT_FIELDS = (("trigger_text", "trigger"), ("actor1_text", "actor1"), ("actor2_text", "actor2"),
                    ("location_text", "location"), ("attribution_text", "attribution"))

REASON_FIELDS: tuple[str, ...] = tuple(f for f in FIELDS if f.endswith("_reason")) + ("date_raw",)


def _candidates(evidence: str, needle: str) -> list[tuple[int, int, str]]:
    """Places of `needle` in `evidence`: whole-word matches, then case-insensitive substrings."""
    found: list[tuple[int, int, str]] = []
    pattern = r"(?<!\w)" + re.escape(needle) + r"(?!\w)"
    for how, pat, flags in (("whole word", pattern, 0), ("whole word, any case", pattern, re.IGNORECASE),
                            ("inside a word", re.escape(needle), re.IGNORECASE)):
        for m in re.finditer(pat, evidence, flags):
            found.append((m.start(), m.end(), how))
    return found


def highlights(ev: Event) -> list[dict[str, Any]]:
    """Spans of the evidence text to highlight: role, field, start, end (offsets in evidence_text; add
    evidence_start for offsets in the article), text, and `found` (how the words were located). A field
    whose words are not in the evidence (e.g. an actor resolved from an earlier sentence) is left out."""
    evidence = ev.evidence_text or ""
    taken: list[tuple[int, int]] = []
    spans: list[dict[str, Any]] = []
    for field, role in HIGHLIGHT_FIELDS:
        needle = (getattr(ev, field) or "").strip()
        if not needle:
            continue
        for start, end, how in _candidates(evidence, needle):
            if all(end <= s or start >= e for s, e in taken):
                taken.append((start, end))
                spans.append({"role": role, "field": field, "start": start, "end": end,
                              "text": evidence[start:end], "found": how})
                break
    spans.sort(key=lambda s: s["start"])
    return spans


def reasons(ev: Event) -> dict[str, Any]:
    """Every reason the record keeps, by field name (null where the stage gave none)."""
    d = ev.to_dict()
    return {name: d.get(name) for name in REASON_FIELDS}


def provenance(ev: Event) -> dict[str, Any]:
    """The evidence and the reasons behind an event record."""
    return {
        "evidence_text": ev.evidence_text,
        "evidence_start": ev.evidence_start,
        "evidence_end": ev.evidence_end,
        "trigger_text": ev.trigger_text,
        "highlights": highlights(ev),
        "reasons": reasons(ev),
    }
