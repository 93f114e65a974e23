"""Fusion across articles, scored on the Gun Violence Archive (dev): do articles about one incident end up
on one event, and articles about different incidents on different events?

The GVA links several articles to one incident. We take incidents in a stable order (hash of the
incident id) with their articles written 0-7 days after the incident (the `gva` set's filter), code the
articles with the full pipeline, ingest them into a fresh SQLite store (which fuses, store/fusion.py) and
read back each article's main event, chosen as the `gva` scorer chooses it (the ASSAULT with the most
casualties). Two articles are "fused" when their main events are the same stored event after fusion.

Scores are over pairs of articles: precision = fused pairs that share an incident / fused pairs; recall
= pairs of one incident that were fused / pairs of one incident. Many GVA incidents happen in the same
city on the same day, so precision measures the danger of over-merging; a store that never fuses has
precision 1 by convention and recall 0.
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING

from ..article import Article
from ..record import Event
from .common import stable_key
from .gva import GVA_DIR, MAX_DAYS, MIN_CHARS, pick_event
from .metrics import safe_div

if TYPE_CHECKING:
    from ..pipeline import Pipeline


def load_incident_articles(shared: Path, limit: int | None = None) -> list[tuple[str, Article]]:
    """(incident id, article) for the first `limit` incidents in stable order that have at least one
    scored article; the articles of one incident together."""
    base = shared / GVA_DIR
    incidents: dict[str, date] = {}
    with open(base / "incidents.dev.jsonl", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("date"):
                incidents[str(rec["incident_id"])] = date.fromisoformat(rec["date"][:10])
    by_incident: dict[str, list[Article]] = defaultdict(list)
    with open(base / "documents.dev.jsonl", encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            iid = str(doc.get("incident_id"))
            when = incidents.get(iid)
            text = doc.get("text") or ""
            if when is None or not doc.get("dct") or len(text.strip()) < MIN_CHARS:
                continue
            pub = date.fromisoformat(doc["dct"][:10])
            if not 0 <= (pub - when).days <= MAX_DAYS:
                continue
            by_incident[iid].append(Article(id=doc["doc_id"], text=text, published=pub, url=doc.get("uri") or None,
                                            title=doc.get("title") or None))
    order = sorted(by_incident, key=stable_key)
    if limit is not None:
        order = order[:limit]
    return [(iid, a) for iid in order for a in sorted(by_incident[iid], key=lambda a: a.id)]


def cluster_of_main_events(pairs: list[tuple[str, Article]], pipeline: Pipeline | None = None
                           ) -> dict[str, str | None]:
    """Article id -> the stored event its main event ended on after fusion (None: no event)."""
    from ..article import ReadProblem
    from ..pipeline import Pipeline
    from ..store import EventFilter, Store

    pipe = pipeline or Pipeline()
    arts = [a for _, a in pairs]
    own: dict[str, list[Event]] = defaultdict(list)
    with tempfile.TemporaryDirectory(prefix="eventwire-fusion-") as tmp, \
            Store.open(f"sqlite:///{Path(tmp) / 'fusion.db'}") as store:
        store.ingest(r for r in pipe.run(arts) if not isinstance(r, ReadProblem))
        for ev in store.events(EventFilter(fused=True)):
            own[ev.article_id].append(ev)
    out: dict[str, str | None] = {}
    for a in arts:
        evs = sorted(own.get(a.id, []), key=lambda e: (e.evidence_start, e.event_id))
        main = pick_event(evs)
        out[a.id] = None if main is None else (main.fused_into or main.event_id)
    return out


def score(pairs: list[tuple[str, Article]], cluster: dict[str, str | None]) -> dict[str, float]:
    incident = {a.id: iid for iid, a in pairs}
    ids = [a.id for _, a in pairs]
    gold = pred = both = 0
    for x, y in combinations(ids, 2):
        same = incident[x] == incident[y]
        fused = cluster[x] is not None and cluster[x] == cluster[y]
        gold += same
        pred += fused
        both += same and fused
    precision = safe_div(both, pred) if pred else 1.0
    recall = safe_div(both, gold)
    f1 = safe_div(2 * precision * recall, precision + recall)
    return {"pair_precision": precision, "pair_recall": recall, "pair_f1": f1,
            "gold_pairs": float(gold), "fused_pairs": float(pred), "articles": float(len(ids)),
            "incidents": float(len(set(incident.values())))}


def evaluate_fusion(shared: Path, limit: int | None = None, pipeline: Pipeline | None = None
                    ) -> dict[str, float]:
    """`limit` counts incidents (default: all of the dev set)."""
    pairs = load_incident_articles(shared, limit)
    return score(pairs, cluster_of_main_events(pairs, pipeline))
