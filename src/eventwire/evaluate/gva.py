"""Gun Violence Archive (dev): event date, killed and injured of the incident an article reports.

Each article (documents.dev.jsonl) is linked to one GVA incident (incidents.dev.jsonl) with its date and
its counts of killed and injured. We score the articles written 0-7 days after the incident with at least
200 characters of text (older or shorter pages are mostly about something else, or paywalls), coded as
Articles dated by their document creation time, with their url and title as a feed gives them. The event scored per article is the article's main event
(stages/salience.py `main_event`, on the records' fields: a realised ASSAULT event, recent, dated to the
day, with the most casualties, the most mentions, first listed), else the first ASSAULT or the first event.
Null counts are compared as 0 (GVA writes 0 when nobody was hurt); an article with no event scores as
wrong on date and as 0 killed / 0 injured.

Two modes:
- "pipeline" (default): the public API (`eventwire.extract`), i.e. the events stage decides the events;
- "functions": a fixed keyword trigger list (shoot, kill, wound, ...) stands in for the events stage and
  the dates and casualties stages' functions are applied to it directly; it measures those two stages
  alone, without the events stage's choices.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..article import Article
from ..record import Event
from .common import stable_slice
from .metrics import ACC_KM, haversine_km, safe_div

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..pipeline import Pipeline

GVA_DIR = Path("data") / "gva"
MAX_DAYS = 7
MIN_CHARS = 200
# "functions" mode: words that evoke a gun-violence event, standing in for the events stage.
FALLBACK_TRIGGERS = {"shoot", "shooting", "kill", "killing", "wound", "injure", "murder", "stab", "stabbing",
                     "homicide", "gunfire", "fire", "slay"}


@dataclass(frozen=True)
class GvaItem:
    doc_id: str
    text: str
    published: date
    incident_date: date
    killed: int
    injured: int
    latitude: float | None
    longitude: float | None
    url: str | None = None  # the article's address and title, as a user's feed would give them
    title: str | None = None

    def article(self) -> Article:
        return Article(id=self.doc_id, text=self.text, published=self.published, url=self.url, title=self.title)


def load_gva(shared: Path, limit: int | None = None) -> list[GvaItem]:
    """The scored articles (0-7 days after their incident, >= 200 characters), in stable order."""
    base = shared / GVA_DIR
    incidents: dict[str, dict[str, Any]] = {}
    with open(base / "incidents.dev.jsonl", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            incidents[str(rec["incident_id"])] = rec
    items: list[GvaItem] = []
    with open(base / "documents.dev.jsonl", encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            inc = incidents.get(str(doc.get("incident_id")))
            if inc is None or not doc.get("dct") or not inc.get("date"):
                continue
            text = doc.get("text") or ""
            pub = date.fromisoformat(doc["dct"][:10])
            when = date.fromisoformat(inc["date"][:10])
            if len(text.strip()) < MIN_CHARS or not 0 <= (pub - when).days <= MAX_DAYS:
                continue
            items.append(GvaItem(doc["doc_id"], text, pub, when, int(inc.get("num_killed") or 0),
                                 int(inc.get("num_injured") or 0), inc.get("latitude"), inc.get("longitude"),
                                 doc.get("uri") or None, doc.get("title") or None))
    return stable_slice(items, lambda it: it.doc_id, limit)


@dataclass(frozen=True)
class Prediction:
    event_date: str | None
    killed: int | None
    injured: int | None
    latitude: float | None = None
    longitude: float | None = None


def pick_event(events: list[Event]) -> Event | None:
    """The article's main event (stages/salience.py `main_event`, on the records' fields: the realised ASSAULT
    event dated within 31 days before publication, to the day, with the most casualties, the most mentions,
    first listed), else the first ASSAULT event, else the first event."""
    from ..stages.salience import main_event

    return main_event(events) or next((e for e in events if e.event_type == "ASSAULT"),
                                      events[0] if events else None)


def _default_pipeline() -> Pipeline:
    """The full pipeline when every stage exists; else the stages that exist of events, dates, casualties."""
    from ..pipeline import Pipeline

    try:
        return Pipeline()
    except ImportError:
        from ..resources import default_resources
        from ..stages.casualties import CasualtiesStage
        from ..stages.dates import DatesStage
        from ..stages.events import EventsStage

        res = default_resources()
        return Pipeline(res, stages=[EventsStage(res), DatesStage(res), CasualtiesStage(res)])


def predict_pipeline(items: list[GvaItem], pipeline: Pipeline | None = None) -> list[Prediction]:
    from .common import events_by_article

    pipe = pipeline or _default_pipeline()
    arts = [it.article() for it in items]
    by_id = events_by_article(arts, pipe)
    out: list[Prediction] = []
    for it in items:
        ev = pick_event(by_id.get(it.doc_id, []))
        if ev is None:
            out.append(Prediction(None, None, None))
        else:
            out.append(Prediction(ev.event_date, ev.fatalities, ev.injured, ev.latitude, ev.longitude))
    return out


def fallback_triggers(doc: Doc) -> list[Token]:
    """Keyword triggers (first per sentence) standing in for the events stage in "functions" mode."""
    out = []
    for sent in doc.sents:
        for t in sent:
            if t.lemma_.lower() in FALLBACK_TRIGGERS and t.pos_ in ("VERB", "NOUN"):
                out.append(t)
                break
    return out


def predict_functions(items: list[GvaItem]) -> list[Prediction]:
    """Dates and casualties on keyword triggers, through the stages' own code (no events stage)."""
    from ..context import ArticleContext, EventDraft
    from ..resources import default_resources
    from ..stages.casualties import CasualtiesStage
    from ..stages.dates import DatesStage

    res = default_resources()
    dates, casualties = DatesStage(res), CasualtiesStage(res)
    out: list[Prediction] = []
    docs: Iterable[Doc] = res.nlp.pipe((it.text for it in items), batch_size=16)
    for it, doc in zip(items, docs, strict=True):
        ctx = ArticleContext(article=it.article(), doc=doc)
        for t in fallback_triggers(doc):
            ev = EventDraft(trigger=t, sent=t.sent)
            ev.values["event_type"] = "ASSAULT"
            ctx.events.append(ev)
        if not ctx.events:
            out.append(Prediction(None, None, None))
            continue
        dates(ctx)
        casualties(ctx)
        best = max(enumerate(ctx.events),
                   key=lambda p: ((p[1].get("fatalities") or 0) + (p[1].get("injured") or 0), -p[0]))[1]
        out.append(Prediction(best.get("event_date"), best.get("fatalities"), best.get("injured")))
    return out


def score(items: list[GvaItem], preds: list[Prediction]) -> dict[str, float]:
    n = len(items)
    date_ok = sum(1 for it, p in zip(items, preds, strict=True) if p.event_date == it.incident_date.isoformat())
    near = sum(1 for it, p in zip(items, preds, strict=True) if p.event_date is not None
               and abs((date.fromisoformat(p.event_date) - it.incident_date).days) <= 1)
    killed_ok = sum(1 for it, p in zip(items, preds, strict=True) if (p.killed or 0) == it.killed)
    injured_ok = sum(1 for it, p in zip(items, preds, strict=True) if (p.injured or 0) == it.injured)
    both_ok = sum(1 for it, p in zip(items, preds, strict=True)
                  if (p.killed or 0) == it.killed and (p.injured or 0) == it.injured)
    reported = [(it, p) for it, p in zip(items, preds, strict=True) if p.killed is not None]
    geo = [haversine_km(it.latitude, it.longitude, p.latitude, p.longitude)
           for it, p in zip(items, preds, strict=True)
           if it.latitude is not None and it.longitude is not None and p.latitude is not None
           and p.longitude is not None]
    with_gold_geo = sum(1 for it in items if it.latitude is not None and it.longitude is not None)
    return {
        "date_exact": safe_div(date_ok, n),
        "date_within_1_day": safe_div(near, n),
        "killed_exact": safe_div(killed_ok, n),
        "injured_exact": safe_div(injured_ok, n),
        "casualties_both_exact": safe_div(both_ok, n),
        "killed_exact_when_reported": safe_div(sum(1 for it, p in reported if p.killed == it.killed),
                                               len(reported)),
        "geo_acc_161km": safe_div(sum(1 for e in geo if e <= ACC_KM), with_gold_geo),
        "no_event": safe_div(sum(1 for p in preds if p.event_date is None and p.killed is None), n),
        "n": float(n),
    }


def evaluate_gva(shared: Path, limit: int | None = None, pipeline: Pipeline | None = None,
                 mode: str = "pipeline") -> dict[str, float]:
    """Date, killed and injured exact-match rates on GVA dev articles (see the module doc)."""
    items = load_gva(shared, limit)
    if mode == "functions":
        preds = predict_functions(items)
    elif mode == "pipeline":
        preds = predict_pipeline(items, pipeline)
    else:
        raise ValueError(f"mode must be 'pipeline' or 'functions', not {mode!r}")
    return score(items, preds)
