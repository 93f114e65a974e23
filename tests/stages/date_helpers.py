"""One way for the dates tests to run the dates stage on a hand-written sentence."""

from __future__ import annotations

from datetime import date

from eventwire.article import Article
from eventwire.context import ArticleContext, EventDraft
from eventwire.resources import default_resources
from eventwire.stages.dates import DatesStage


def run_dates(nlp, text: str, published: date, triggers: list[tuple[str, str]], title: str | None = None):
    """Run the dates stage with one event on each (word, event type) trigger; returns the drafts."""
    doc = nlp(text)
    ctx = ArticleContext(article=Article(id="t", text=text, published=published, title=title), doc=doc)
    for word, kind in triggers:
        tok = next(t for t in doc if t.text == word)
        ev = EventDraft(trigger=tok, sent=tok.sent)
        ev.values["event_type"] = kind
        ctx.events.append(ev)
    DatesStage(default_resources())(ctx)
    return ctx.events


def run_one(nlp, text: str, published: date, trigger_word: str, title: str | None = None):
    """The dates stage on one ASSAULT triggered by `trigger_word`; returns its draft."""
    return run_dates(nlp, text, published, [(trigger_word, "ASSAULT")], title=title)[0]
