"""Salience: the article's main event (recent, to the day, most casualties, most mentioned, first)."""

from __future__ import annotations

from datetime import date

from eventwire.article import Article
from eventwire.context import ArticleContext, EventDraft
from eventwire.record import Event
from eventwire.stages.salience import choose_main, main_event, recent

TEXT = ("Last year 265 people were shot in the city. A man was shot and killed on Saturday. "
        "Police arrested a suspect.")


def _ctx(nlp, values):
    doc = nlp(TEXT)
    ctx = ArticleContext(article=Article(id="t", text=TEXT, published=date(2024, 3, 4)), doc=doc)
    for word, vals in values:
        tok = next(t for t in doc if t.text == word)
        ev = EventDraft(trigger=tok, sent=tok.sent)
        ev.values.update(vals)
        ctx.events.append(ev)
    return ctx


def test_recent_event_comes_before_a_background_one_with_more_casualties(nlp):
    ctx = _ctx(nlp, [
        ("shot", {"event_type": "ASSAULT", "event_date": "2023-01-01", "fatalities": None, "injured": 265}),
        ("arrested", {"event_type": "COERCE", "event_date": "2024-03-02", "fatalities": None, "injured": None}),
        ("killed", {"event_type": "ASSAULT", "event_date": "2024-03-02", "fatalities": 1, "injured": None}),
    ])
    main = choose_main(ctx)
    assert main is not None and main.trigger.text == "killed"
    assert [e.trigger.text for e in ctx.events] == ["shot", "arrested", "killed"]  # not reordered
    assert "main event" in ctx.notes["salience"]


def test_most_casualties_then_first_mention_among_recent_events(nlp):
    ctx = _ctx(nlp, [
        ("shot", {"event_type": "ASSAULT", "event_date": "2024-03-02", "fatalities": None, "injured": None}),
        ("killed", {"event_type": "ASSAULT", "event_date": "2024-03-02", "fatalities": 1, "injured": None}),
    ])
    assert choose_main(ctx).trigger.text == "killed"
    ctx = _ctx(nlp, [
        ("shot", {"event_type": "ASSAULT", "event_date": "2024-03-02", "fatalities": 1, "injured": None}),
        ("killed", {"event_type": "ASSAULT", "event_date": "2024-03-02", "fatalities": 1, "injured": None}),
    ])
    assert choose_main(ctx).trigger.text == "shot"


def test_no_violent_or_only_hypothetical_event_means_no_main_event(nlp):
    ctx = _ctx(nlp, [
        ("arrested", {"event_type": "COERCE", "event_date": "2024-03-02"}),
        ("killed", {"event_type": "ASSAULT", "event_date": "2024-03-02", "fatalities": 1, "hypothetical": True}),
    ])
    assert choose_main(ctx) is None


def test_main_event_of_records():
    old = Event("a", "x", "ASSAULT", event_date="2020-05-01", published="2024-03-04", injured=265)
    new = Event("b", "x", "ASSAULT", event_date="2024-03-02", published="2024-03-04", fatalities=1)
    other = Event("c", "x", "COERCE", event_date="2024-03-03", published="2024-03-04")
    assert main_event([old, other, new]) is new
    assert main_event([other]) is None
    assert recent("2024-03-04", "2024-03-04") and not recent("2024-03-05", "2024-03-04")
    assert not recent(None, "2024-03-04")


def test_the_pipeline_marks_the_main_event_and_main_event_picks_it(pipeline):
    text = ("In 2019, 40 people were shot dead in the county, police said. "
            "On Saturday a gunman shot and killed two men outside a bar on Main Street, police said.")
    [result] = list(pipeline.run([Article(id="s", text=text, published=date(2024, 3, 4))]))
    main = main_event(result.events)
    assert main is not None and main.event_date == "2024-03-02", [(e.event_date, e.evidence_text)
                                                                  for e in result.events]
    assert any("main event of the article" in (e.casualty_reason or "") for e in result.events)
