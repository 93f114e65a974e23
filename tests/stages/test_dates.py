"""Dates stage: resolution of time expressions against the publication date, and the choice of the
expression that governs an event (golden hand-made sentences)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.article import Article
from eventwire.context import ArticleContext, EventDraft
from eventwire.resources import default_resources
from eventwire.stages.dates import DatesStage, find_time_expressions, resolve, resolve_time

TUE = date(2024, 1, 16)  # a Tuesday


@pytest.mark.parametrize("text,expected", [
    ("on Monday", (date(2024, 1, 15), date(2024, 1, 15), "day")),
    ("Monday night", (date(2024, 1, 15), date(2024, 1, 15), "day")),
    ("on Tuesday", (TUE, TUE, "day")),
    ("late Sunday night", (date(2024, 1, 14), date(2024, 1, 14), "day")),
    ("about 11:30 p.m. Saturday", (date(2024, 1, 13), date(2024, 1, 13), "day")),
    ("yesterday", (date(2024, 1, 15), date(2024, 1, 15), "day")),
    ("last night", (date(2024, 1, 15), date(2024, 1, 15), "day")),
    ("three days ago", (date(2024, 1, 13), date(2024, 1, 13), "day")),
    ("last month", (date(2023, 12, 1), date(2023, 12, 31), "month")),
    ("earlier this week", (date(2024, 1, 15), TUE, "week")),
    ("last week", (date(2024, 1, 8), date(2024, 1, 14), "week")),
    ("next week", (date(2024, 1, 22), date(2024, 1, 28), "week")),
    ("in 2014", (date(2014, 1, 1), date(2014, 12, 31), "year")),
    ("Jan. 15", (date(2024, 1, 15), date(2024, 1, 15), "day")),
    ("Dec. 30", (date(2023, 12, 30), date(2023, 12, 30), "day")),
    ("March 2019", (date(2019, 3, 1), date(2019, 3, 31), "month")),
    ("1/15/2024", (date(2024, 1, 15), date(2024, 1, 15), "day")),
    ("Christmas", (date(2023, 12, 25), date(2023, 12, 25), "day")),
])
def test_resolve_past(text, expected):
    assert resolve_time(text, TUE, past=True) == expected


def test_recently_is_a_range_before_publication():
    start, end, precision = resolve_time("recently", TUE)
    assert start < end == TUE and precision == "week"


def test_weekday_in_the_future():
    assert resolve_time("Monday", TUE, past=False) == (date(2024, 1, 22), date(2024, 1, 22), "day")


@pytest.mark.parametrize("text", ["a 34-year-old", "three years", "2 a.m.", "the day", ""])
def test_no_date(text):
    assert resolve_time(text, TUE) is None


def test_without_publication_date_only_absolute_dates_resolve():
    assert resolve("Monday", None) is None
    r = resolve("January 15, 2024", None)
    assert r is not None and r.start == date(2024, 1, 15)


def test_ages_are_not_time_expressions(nlp):
    doc = nlp("A 34-year-old man was shot on Friday.")
    assert [e.span.text for e in find_time_expressions(doc)] == ["Friday"]


def _run(nlp, text, published, trigger_word):
    doc = nlp(text)
    ctx = ArticleContext(article=Article(id="t", text=text, published=published), doc=doc)
    tok = next(t for t in doc if t.text == trigger_word)
    ev = EventDraft(trigger=tok, sent=tok.sent)
    ev.values["event_type"] = "ASSAULT"
    ctx.events.append(ev)
    DatesStage(default_resources())(ctx)
    return ev


def test_clause_expression_beats_report_time(nlp):
    ev = _run(nlp, "Police said on Monday that the man was shot on Saturday.", TUE, "shot")
    assert ev.get("event_date") == "2024-01-13"
    assert ev.get("date_raw") == "Saturday"


def test_report_time_when_the_clause_has_none(nlp):
    ev = _run(nlp, "Rebels attacked the base, state media reported on Monday.", TUE, "attacked")
    assert ev.get("event_date") == "2024-01-15"
    assert "report" in ev.get("date_reason")


def test_month_range(nlp):
    ev = _run(nlp, "Three soldiers were killed in Syria last month.", TUE, "killed")
    assert (ev.get("event_date"), ev.get("event_date_end"), ev.get("date_precision")) == \
        ("2023-12-01", "2023-12-31", "month")


def test_historical_date_is_kept(nlp):
    ev = _run(nlp, "The town was shelled in 2014.", TUE, "shelled")
    assert ev.get("event_date") == "2014-01-01" and ev.get("date_precision") == "year"
    assert "historical" in ev.get("date_reason")


def test_future_event(nlp):
    ev = _run(nlp, "The army will attack the town next week.", TUE, "attack")
    assert ev.get("event_date") == "2024-01-22" and ev.get("event_date_end") == "2024-01-28"


def test_fallback_to_publication_date(nlp):
    ev = _run(nlp, "Gunmen attacked a police station.", TUE, "attacked")
    assert ev.get("event_date") == "2024-01-16"
    assert ev.get("date_raw") == "no time expression; publication date"


def test_no_publication_date(nlp):
    ev = _run(nlp, "Gunmen attacked a police station on Monday.", None, "attacked")
    assert ev.get("event_date") is None
    assert "publication date" in ev.get("date_raw")


def test_narrative_time_from_the_lead(nlp):
    text = "Gunmen attacked a police station on Sunday. The attackers fled into the hills."
    doc = nlp(text)
    ctx = ArticleContext(article=Article(id="t", text=text, published=TUE), doc=doc)
    for word in ("attacked", "fled"):
        tok = next(t for t in doc if t.text == word)
        ev = EventDraft(trigger=tok, sent=tok.sent)
        ev.values["event_type"] = "ASSAULT"
        ctx.events.append(ev)
    DatesStage(default_resources())(ctx)
    assert ctx.events[1].get("event_date") == "2024-01-14"
    assert "narrative" in ctx.events[1].get("date_reason")
