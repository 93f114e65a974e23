"""Dates stage, session-5 rules (hand-written sentences): the headline's day for a text that dates nothing,
named days that spaCy tags with their article ("a New Year's Eve shooting"), scheduled points that date no
past event ("a vigil is planned for Thursday"), "the morning after the shooting", and aftermath steps
("turned himself in", "provided details") that are not the incident's time."""

from __future__ import annotations

from datetime import date

from stage_helpers import run_one

from eventwire.stages.dates import find_time_expressions, headline_time

SUN = date(2024, 1, 14)  # a Sunday
TUE = date(2024, 1, 16)  # a Tuesday




def test_headline_day_dates_an_undated_text(nlp):
    ev = run_one(nlp, "A young boy was shot in the leg outside his home. He is expected to recover.", SUN, "shot",
              title="Boy hospitalized after Saturday morning shooting")
    assert ev.get("event_date") == "2024-01-13"
    assert ev.get("date_raw") == "Saturday morning"
    assert "headline" in ev.reasons["event_date"]


def test_without_a_headline_day_the_publication_date_stays(nlp):
    ev = run_one(nlp, "A young boy was shot in the leg outside his home. He is expected to recover.", SUN, "shot",
              title="Boy hospitalized after shooting")
    assert ev.get("event_date") == "2024-01-14"
    assert "publication date" in ev.get("date_raw")


def test_the_text_beats_the_headline(nlp):
    ev = run_one(nlp, "A young boy was shot in the leg on Friday outside his home.", SUN, "shot",
              title="Boy hospitalized after Saturday morning shooting")
    assert ev.get("event_date") == "2024-01-12"


def test_headline_time_skips_old_and_stamp_days():
    assert headline_time("Police blotter for March 3, 2019", SUN) is None  # not recent
    assert headline_time(None, SUN) is None
    c = headline_time("Two hurt in Friday night shooting", SUN)
    assert c is not None and c.res.start == date(2024, 1, 12)


def test_named_day_entity_with_its_article(nlp):
    doc = nlp("Detroit — A 5-year-old boy was hit in his ankle during a New Year's Eve shooting on the east side.")
    texts = [e.span.text for e in find_time_expressions(doc)]
    assert any(t.startswith("New Year") for t in texts)
    assert not any(t.lower().startswith("a new year") for t in texts)


def test_new_years_eve_shooting_dated_the_eve(nlp):
    text = "A 5-year-old boy was hit in his ankle during a New Year's Eve shooting on the east side."
    ev = run_one(nlp, text, date(2024, 1, 1), "shooting")
    assert ev.get("event_date") == "2023-12-31"


def test_scheduled_vigil_day_does_not_date_the_shooting(nlp):
    text = ("A 13-year-old boy died from a gunshot wound Sunday night near his home. "
            "A vigil is planned for Thursday at 7 p.m. at the scene of the shooting.")
    ev = run_one(nlp, text, TUE, "shooting")
    assert ev.get("event_date") == "2024-01-14"


def test_the_morning_after_the_shooting_shifts_one_day(nlp):
    ev = run_one(nlp, "Both teenagers went to school Friday, the morning after the shooting that killed their friend.",
              TUE, "shooting")
    assert ev.get("event_date") == "2024-01-11"  # the Thursday before Friday 12 January


def test_hours_after_keeps_the_day(nlp):
    ev = run_one(nlp, "The boy died Friday, hours after the shooting.", TUE, "shooting")
    assert ev.get("event_date") == "2024-01-12"


def _expr(nlp, text, word):
    doc = nlp(text)
    return next(e.span for e in find_time_expressions(doc) if e.span.text == word)


def test_aftermath_steps_are_follow_ups(nlp):
    from eventwire.stages.dates import _follow_up
    assert _follow_up(_expr(nlp, "The suspect turned himself in to police on Wednesday.", "Wednesday"))
    assert _follow_up(_expr(nlp, "Police on Tuesday provided more details about the case.", "Tuesday"))
    assert _follow_up(_expr(nlp, "The sheriff declined to comment Monday.", "Monday"))
    assert not _follow_up(_expr(nlp, "The argument turned violent on Wednesday.", "Wednesday"))
    assert not _follow_up(_expr(nlp, "A gunman opened fire on Wednesday.", "Wednesday"))



def test_related_articles_date_is_a_stamp(nlp):
    text = ("Related Articles January 9, 2017 Man dead after shootout outside club. "
            "The shooting happened at about 4:30 a.m. Sunday, prosecutors said.")
    ev = run_one(nlp, text, date(2017, 1, 11), "Man")
    assert ev.get("event_date") == "2017-01-08"
    doc = nlp(text)
    from eventwire.stages.dates import _is_stamp_label
    stamp = next(e.span for e in find_time_expressions(doc) if e.span.text.startswith("January 9"))
    assert _is_stamp_label(stamp)
