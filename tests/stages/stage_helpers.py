"""One way for the stage tests to run a stage on a hand-written sentence: drafts on the given trigger words,
the stage applied, the drafts returned."""

from __future__ import annotations

from datetime import date

from eventwire.article import Article
from eventwire.context import ArticleContext, EventDraft
from eventwire.resources import default_resources
from eventwire.stages.casualties import CasualtiesStage
from eventwire.stages.dates import DatesStage


def run_stage(nlp, stage, text: str, triggers: list[tuple[str, str]], published: date | None = None,
              title: str | None = None) -> list[EventDraft]:
    """Run `stage` with one event on each (word, event type) trigger; returns the drafts."""
    doc = nlp(text)
    ctx = ArticleContext(article=Article(id="t", text=text, published=published, title=title), doc=doc)
    for word, kind in triggers:
        tok = next(t for t in doc if t.text == word)
        ev = EventDraft(trigger=tok, sent=tok.sent)
        ev.values["event_type"] = kind
        ctx.events.append(ev)
    stage(ctx)
    return ctx.events


def run_dates(nlp, text: str, published: date, triggers: list[tuple[str, str]], title: str | None = None):
    """The dates stage on events of the given (word, event type) triggers."""
    return run_stage(nlp, DatesStage(default_resources()), text, triggers, published, title)


def run_one(nlp, text: str, published: date, trigger_word: str, title: str | None = None):
    """The dates stage on one ASSAULT triggered by `trigger_word`; returns its draft."""
    return run_dates(nlp, text, published, [(trigger_word, "ASSAULT")], title=title)[0]


def counts(nlp, text: str, trigger: str) -> tuple[int | None, int | None, str]:
    """The casualties stage on one ASSAULT: (fatalities, injured, reason)."""
    ev = run_stage(nlp, CasualtiesStage(default_resources()), text, [(trigger, "ASSAULT")])[0]
    return ev.get("fatalities"), ev.get("injured"), str(ev.get("casualty_reason"))


def coded(nlp, stage, text: str) -> list[tuple[str | None, str | None, str]]:
    """The events stage on each sentence of `text`: (event type, mode, trigger word) of every draft."""
    doc = nlp(text)
    return [(ev.get("event_type"), ev.get("event_mode"), ev.trigger.text)
            for s in doc.sents for ev in stage.sentence_events(s)]
