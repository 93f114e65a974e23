"""PLOVER gold-standard records (CAMEO manual examples, PLOVER v0.5b1): actor country and sector.

Two measurements:
- dictionary (always): each gold actor's text (`actorText`) is resolved with the actor dictionary (and the
  gazetteer for towns it lacks) and its country and sector compared with the gold code and sector; this
  measures the dictionary.
- in context (`in_context=True`, the default): the gold actor's words located in the parsed sentence and resolved
  as the actors stage resolves a noun phrase (dictionary, reference, the sentence's places for a domestic actor
  that names no country); this measures the stage minus finding the arguments.
- end to end (`end_to_end=True`): each sentence is coded with `eventwire.extract` (an Article without a date);
  the event whose actor texts best overlap the gold source and target is compared on event type (older
  names mapped to PLOVER v0.8), actor1 country/sector (first gold source) and actor2 country/sector (first
  gold target); a sentence without a matching actor counts as a miss.

Gold normalisation (the file predates PLOVER v0.8): 'JAP', 'ITL', 'VTN' are read as JPN, ITA, VNM; gold IGO
also accepts the newer UNO and EUR; a sector is its first three letters ('REBkur' -> REB, 'CIV' -> CVL);
'***' and codes that are not PLOVER sectors (e.g. 'MOS') are not scored. Scores are accuracies over the
gold actors that have the field."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..article import Article
from .common import events_by_article, stable_slice
from .metrics import safe_div, token_f1

if TYPE_CHECKING:
    from ..actors.lexicon import ActorLexicon, PlaceLookup
    from ..pipeline import Pipeline
    from ..record import Event

GSR_FILE = Path("data") / "plover" / "plover-gsr-cameo" / "PLOVER_GSR_CAMEO.txt"
CODE_FIXES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
SECTOR_FIXES = {"CIV": "CVL"}
OLD_TYPES = {"DEMAND": "REQUEST", "FIGHT": "ASSAULT", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}
IGO_LIKE = {"IGO", "UNO", "EUR"}


@dataclass(frozen=True)
class GoldActor:
    text: str
    code: str | None
    sector: str | None  # a PLOVER sector, or None when absent or not scorable


@dataclass(frozen=True)
class GsrItem:
    id: str
    text: str
    event: str
    when: date | None
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]


def _sectors() -> set[str]:
    from ..ontology.plover import SECTORS

    return set(SECTORS)


def _actors(raw: Any, sectors: set[str]) -> tuple[GoldActor, ...]:
    if not raw or isinstance(raw, str):
        return ()
    if isinstance(raw, dict):
        raw = [raw]
    out = []
    for a in raw:
        if not isinstance(a, dict) or not a.get("actorText"):
            continue
        code = a.get("code") or None
        code = CODE_FIXES.get(code, code) if code else None
        sec = (a.get("sector") or "")[:3].upper()
        sec = SECTOR_FIXES.get(sec, sec)
        out.append(GoldActor(a["actorText"], code, sec if sec in sectors else None))
    return tuple(out)


def load_gsr(shared: Path, limit: int | None = None) -> list[GsrItem]:
    """Coded sentences of the GSR file (the DOCUMENT header skipped), the first `limit` in stable order."""
    records = json.loads((shared / GSR_FILE).read_text(encoding="utf-8"))
    sectors = _sectors()
    items = []
    for r in records:
        if r.get("event") == "DOCUMENT" or not r.get("text"):
            continue
        try:
            when = date.fromisoformat(r["date"]) if r.get("date") else None
        except ValueError:
            when = None
        items.append(GsrItem(r["id"], r["text"], OLD_TYPES.get(r["event"], r["event"]), when,
                             _actors(r.get("source"), sectors), _actors(r.get("target"), sectors)))
    return stable_slice(items, lambda it: it.id, limit)


def country_match(gold: str | None, pred: str | None) -> bool:
    if gold == "IGO":
        return pred in IGO_LIKE
    return gold is not None and gold == pred


def score_dictionary(items: list[GsrItem], lexicon: ActorLexicon, places: PlaceLookup | None = None
                     ) -> dict[str, float]:
    tally = _Tally()
    found = 0
    for it in items:
        for a in it.sources + it.targets:
            info = lexicon.resolve(a.text, it.when, places)
            found += info is not None
            tally.add(a, info)
    return {"country_accuracy": tally.country(), "sector_accuracy": tally.sector(),
            "resolved_rate": safe_div(found, tally.n_c), "n_actors": float(tally.n_c),
            "n_sectors": float(tally.n_s), "n": float(len(items))}


class _Tally:
    """Country and sector hits of resolved actors against gold actors."""

    def __init__(self) -> None:
        self.n_c = self.ok_c = self.n_s = self.ok_s = 0

    def add(self, gold: Any, info: Any) -> None:
        if gold.code:
            self.n_c += 1
            self.ok_c += country_match(gold.code, info.country if info else None)
        if gold.sector:
            self.n_s += 1
            self.ok_s += info is not None and info.sector == gold.sector

    def country(self) -> float:
        return safe_div(self.ok_c, self.n_c)

    def sector(self) -> float:
        return safe_div(self.ok_s, self.n_s)


def score_in_context(items: list[GsrItem], lexicon: ActorLexicon, nlp: Any,
                     places: PlaceLookup | None = None) -> dict[str, float]:
    """Each gold actor resolved where it stands in its parsed sentence, as the actors stage resolves a noun
    phrase (dictionary, then reference and the sentence's places for an actor that names no country)."""
    from ..actors.coref import ArticleActors

    tally = _Tally()
    docs = nlp.pipe([it.text for it in items], batch_size=32)
    for it, doc in zip(items, docs, strict=True):
        actors = ArticleActors(doc, lexicon, it.when, places)
        for a in it.sources + it.targets:
            at = _find(it.text, a.text)
            span = doc.char_span(at, at + len(a.text), alignment_mode="expand") if at >= 0 else None
            if span is not None and len(span):
                info = actors.resolve(span.root, span).info
            else:
                info = lexicon.resolve(a.text, it.when, places)
            tally.add(a, info)
    return {"context_country_accuracy": tally.country(), "context_sector_accuracy": tally.sector()}


def _find(text: str, words: str) -> int:
    """Where `words` stand in `text` as whole words (case first, then any case); -1 when absent."""
    pattern = r"(?<!\w)" + re.escape(words) + r"(?!\w)"
    m = re.search(pattern, text) or re.search(pattern, text, re.IGNORECASE)
    return m.start() if m else -1


def _pick(events: list[Event], it: GsrItem) -> Event | None:
    src = " ".join(a.text for a in it.sources)
    tgt = " ".join(a.text for a in it.targets)
    best, best_key = None, (-1.0, -1.0)
    for ev in events:
        key = (token_f1(ev.actor1_text, src) + token_f1(ev.actor2_text, tgt), float(ev.event_type == it.event))
        if key > best_key:
            best, best_key = ev, key
    return best


def score_end_to_end(items: list[GsrItem], pipeline: Pipeline | None = None) -> dict[str, float]:
    arts = [Article(id=it.id, text=it.text) for it in items]
    events = events_by_article(arts, pipeline)
    counts = {k: [0, 0] for k in ("type", "a1_country", "a1_sector", "a2_country", "a2_sector")}
    for it in items:
        ev = _pick(events.get(it.id, []), it)
        counts["type"][0] += 1
        counts["type"][1] += ev is not None and ev.event_type == it.event
        for n, gold in (("a1", it.sources), ("a2", it.targets)):
            if not gold:
                continue
            g = gold[0]
            pc = getattr(ev, f"actor{n[1]}_country") if ev else None
            ps = getattr(ev, f"actor{n[1]}_sector") if ev else None
            if g.code:
                counts[f"{n}_country"][0] += 1
                counts[f"{n}_country"][1] += country_match(g.code, pc)
            if g.sector:
                counts[f"{n}_sector"][0] += 1
                counts[f"{n}_sector"][1] += ps == g.sector
    out = {f"e2e_{k}_accuracy": safe_div(ok, n) for k, (n, ok) in counts.items()}
    n_c = counts["a1_country"][0] + counts["a2_country"][0]
    n_s = counts["a1_sector"][0] + counts["a2_sector"][0]
    out["e2e_country_accuracy"] = safe_div(counts["a1_country"][1] + counts["a2_country"][1], n_c)
    out["e2e_sector_accuracy"] = safe_div(counts["a1_sector"][1] + counts["a2_sector"][1], n_s)
    return out


def evaluate_gsr(shared: Path, limit: int | None = None, pipeline: Pipeline | None = None,
                 end_to_end: bool = True, lexicon: ActorLexicon | None = None, in_context: bool = True
                 ) -> dict[str, float]:
    """Accuracy of actor country and sector on the GSR: the dictionary alone, the actor phrase in its parsed
    sentence (`in_context`), and the whole pipeline (`end_to_end`)."""
    from ..actors.lexicon import place_lookup
    from ..resources import default_resources

    items = load_gsr(shared, limit)
    res = pipeline.resources if pipeline is not None else default_resources()
    places = place_lookup(res.gazetteer)
    out = score_dictionary(items, lexicon or res.actors, places)
    if in_context:
        out.update(score_in_context(items, lexicon or res.actors, res.nlp, places))
    if end_to_end:
        out.update(score_end_to_end(items, pipeline))
    return out
