"""CASE 2021 task 2 (Haneczok et al. 2021): ACLED event type and sub-event type of news snippets.

Each snippet is coded alone (no date). Its prediction is the event, among those the ACLED crosswalk maps
(`acled_event_type` set by eventwire.ontology.crosswalks through the records stage), with the highest
confidence (ties: the earlier event); a snippet with no such event predicts "NONE". The five "unseen"
task labels (ORG_CRIME, NATURAL_DISASTER, ...) have no ACLED type, so their gold is "NONE" too:
predicting nothing for them is right."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..article import Article
from ..record import Event
from .common import events_by_article, norm_label, stable_slice
from .metrics import accuracy, macro_f1, safe_div, weighted_f1

if TYPE_CHECKING:
    from ..pipeline import Pipeline

ACLED_FILE = Path("data") / "acled-case2021" / "case2021_task2.dev.tsv"
CODES_FILE = Path(__file__).parent / "data" / "case2021_acled.tsv"
NO_EVENT = "NONE"


@dataclass(frozen=True)
class AcledItem:
    id: str
    text: str
    code: str  # the task's label code, e.g. ARMED_CLASH
    event_type: str  # ACLED event type, or NONE for the unseen task labels
    sub_event_type: str


@cache
def code_table() -> dict[str, tuple[str, str]]:
    """Task label code -> (ACLED event type, sub-event type); ("NONE", "NONE") for unseen labels."""
    out: dict[str, tuple[str, str]] = {}
    with open(CODES_FILE, encoding="utf-8") as fh:
        rows = [line.rstrip("\n") for line in fh if not line.startswith("#")]
    for row in csv.DictReader(rows, delimiter="\t"):
        out[row["code"]] = (row["acled_event_type"] or NO_EVENT, row["acled_sub_event_type"] or NO_EVENT)
    return out


def load_acled(shared: Path, limit: int | None = None) -> list[AcledItem]:
    """The snippets, the first `limit` in stable order (sha256 of the snippet id)."""
    path = shared / ACLED_FILE
    table = code_table()
    items: list[AcledItem] = []
    with open(path, encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)):
            code = row["SubType"].strip()
            if code not in table:
                raise ValueError(f"{path}:{i + 2}: unknown label {code!r} (not in {CODES_FILE.name})")
            etype, sub = table[code]
            items.append(AcledItem(row["id"].strip(), row["EventSnippet"].strip(), code, etype, sub))
    return stable_slice(items, lambda it: it.id, limit)


def pick_event(events: list[Event]) -> Event | None:
    """The most confident event that has an ACLED type (ties: the earlier one)."""
    best: Event | None = None
    for ev in events:
        if ev.acled_event_type and (best is None or ev.confidence > best.confidence):
            best = ev
    return best


def _label(value: str | None) -> str:
    return norm_label(value) or NO_EVENT


def score_acled(items: list[AcledItem], events: dict[str, list[Event]]) -> dict[str, float]:
    g_type: list[str] = []
    p_type: list[str] = []
    g_sub: list[str] = []
    p_sub: list[str] = []
    for it in items:
        ev = pick_event(events.get(it.id, []))
        g_type.append(_label(it.event_type) if it.event_type != NO_EVENT else NO_EVENT)
        g_sub.append(_label(it.sub_event_type) if it.sub_event_type != NO_EVENT else NO_EVENT)
        p_type.append(_label(ev.acled_event_type) if ev else NO_EVENT)
        p_sub.append(_label(ev.acled_sub_event_type) if ev else NO_EVENT)
    seen = [i for i, g in enumerate(g_sub) if g != NO_EVENT]
    unseen = [i for i, g in enumerate(g_sub) if g == NO_EVENT]
    acled_types = sorted({g for g in g_type if g != NO_EVENT} | {p for p in p_type if p != NO_EVENT})
    acled_subs = sorted({g for g in g_sub if g != NO_EVENT} | {p for p in p_sub if p != NO_EVENT})
    return {
        "sub_accuracy": accuracy(g_sub, p_sub),
        "sub_macro_f1": macro_f1(g_sub, p_sub, acled_subs),
        # weighted over every gold label, NONE (the unseen task labels) included: the task's ranking metric
        "sub_weighted_f1": weighted_f1(g_sub, p_sub, sorted(set(g_sub))),
        "sub_accuracy_seen": safe_div(sum(g_sub[i] == p_sub[i] for i in seen), len(seen)),
        "type_accuracy": accuracy(g_type, p_type),
        "type_macro_f1": macro_f1(g_type, p_type, acled_types),
        "no_event_share": safe_div(sum(p == NO_EVENT for p in p_type), len(items)),
        "unseen_rejected": safe_div(sum(p_type[i] == NO_EVENT for i in unseen), len(unseen)),
        "n": float(len(items)),
    }


def evaluate_acled(shared: Path, limit: int | None = None, pipeline: Pipeline | None = None
                   ) -> dict[str, float]:
    """`eventwire eval acled`: code each snippet and score the ACLED (sub-)type of its chosen event."""
    items = load_acled(shared, limit)
    articles = [Article(id=it.id, text=it.text, origin=f"{ACLED_FILE}:{it.id}") for it in items]
    return score_acled(items, events_by_article(articles, pipeline))
