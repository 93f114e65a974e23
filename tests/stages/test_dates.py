"""Dates stage: resolution of time expressions against the publication date, and the choice of the
expression that governs an event (golden hand-made sentences)."""

from __future__ import annotations

from datetime import date

import pytest
from stage_helpers import run_dates, run_one

from eventwire.article import Article
from eventwire.context import ArticleContext, EventDraft
from eventwire.resources import default_resources
from eventwire.stages.dates import (
    DatesStage,
    comparison_anchor,
    expression_tense,
    find_time_expressions,
    resolve,
    resolve_time,
)

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




def test_clause_expression_beats_report_time(nlp):
    ev = run_one(nlp, "Police said on Monday that the man was shot on Saturday.", TUE, "shot")
    assert ev.get("event_date") == "2024-01-13"
    assert ev.get("date_raw") == "Saturday"


def test_report_time_when_the_clause_has_none(nlp):
    ev = run_one(nlp, "Rebels attacked the base, state media reported on Monday.", TUE, "attacked")
    assert ev.get("event_date") == "2024-01-15"
    assert "report" in ev.get("date_reason")


def test_month_range(nlp):
    ev = run_one(nlp, "Three soldiers were killed in Syria last month.", TUE, "killed")
    assert (ev.get("event_date"), ev.get("event_date_end"), ev.get("date_precision")) == \
        ("2023-12-01", "2023-12-31", "month")


def test_historical_date_is_kept(nlp):
    ev = run_one(nlp, "The town was shelled in 2014.", TUE, "shelled")
    assert ev.get("event_date") == "2014-01-01" and ev.get("date_precision") == "year"
    assert "historical" in ev.get("date_reason")


def test_future_event(nlp):
    ev = run_one(nlp, "The army will attack the town next week.", TUE, "attack")
    assert ev.get("event_date") == "2024-01-22" and ev.get("event_date_end") == "2024-01-28"


def test_fallback_to_publication_date(nlp):
    ev = run_one(nlp, "Gunmen attacked a police station.", TUE, "attacked")
    assert ev.get("event_date") == "2024-01-16"
    assert ev.get("date_raw") == "no time expression; publication date"


def test_no_publication_date(nlp):
    ev = run_one(nlp, "Gunmen attacked a police station on Monday.", None, "attacked")
    assert ev.get("event_date") is None
    assert "publication date" in ev.get("date_raw")


def test_narrative_time_from_the_lead(nlp):
    text = "Gunmen attacked a police station on Sunday. The attackers fled into the hills."
    events = run_dates(nlp, text, TUE, [("attacked", "ASSAULT"), ("fled", "ASSAULT")])
    assert events[1].get("event_date") == "2024-01-14"
    assert "narrative" in events[1].get("date_reason")


# ---- TIMEX3 values (TempEval-3 normalisation) ----------------------------------------------------------

OCT26 = date(1989, 10, 26)  # a Thursday, in the fourth quarter


@pytest.mark.parametrize("text,published,value", [
    ("nineteen ninety-six", OCT26, "1996"),
    ("the year two thousand", OCT26, "2000"),
    ("January nineteen ninety-seven", OCT26, "1997-01"),
    ("this year's third quarter", OCT26, "1989-Q3"),
    ("the 1988 third quarter", OCT26, "1988-Q3"),
    ("next year's first quarter", OCT26, "1990-Q1"),
    ("its fiscal second-quarter", OCT26, "1989-Q2"),
    ("the year-ago third quarter", OCT26, "1988-Q3"),
    ("last year's quarter", OCT26, "1988-Q3"),
    ("year-earlier", OCT26, "1988"),
    ("the last half of 1989", OCT26, "1989-H2"),
    ("first two quarters of 1990", OCT26, "1990-H1"),
    ("the week of March 6", date(2000, 3, 10), "2000-W10"),
    ("last Thanksgiving", date(2000, 2, 10), "1999-11-25"),
    ("Saturday, April 25", date(1998, 4, 24), "1998-04-25"),
    ("Earlier Sunday", date(1998, 3, 22), "1998-03-22"),
    ("Later yesterday", OCT26, "1989-10-25"),
    ("Thursday's", OCT26, "1989-10-26"),
    ("this past spring", OCT26, "1989-SP"),
    ("the past year", OCT26, "1988"),
    ("the near future", OCT26, "FUTURE_REF"),
    ("coming quarters", OCT26, "FUTURE_REF"),
    ("the last few months", OCT26, "PAST_REF"),
    ("more recently", OCT26, "PAST_REF"),
])
def test_timex_values(text, published, value):
    r = resolve(text, published, "past")
    assert r is not None and r.value == value


def test_untensed_yearless_date_is_upcoming_only_when_near():
    assert resolve("Nov. 22", OCT26, "present").value == "1989-11-22"  # four weeks ahead
    assert resolve("March 31", OCT26, "present").value == "1989-03-31"  # five months ahead: the past one
    assert resolve("Nov. 22", OCT26, "past").value == "1988-11-22"  # a past-tense clause keeps the past


def test_a_year_earlier_takes_the_quarter_it_is_compared_with():
    quarter = resolve("the third quarter", OCT26, "past")
    assert quarter is not None and quarter.value == "1989-Q3"
    assert resolve("a year earlier", OCT26, "past", anchor=quarter).value == "1988-Q3"
    assert resolve("the 1988 period", OCT26, "past", anchor=quarter).value == "1988-Q3"
    assert resolve("a year earlier", OCT26, "past").value == "1988"  # nothing compared with: the year


def test_comparison_anchor_looks_back_for_a_quarter(nlp):
    doc = nlp("Profit rose 5% in the third quarter. Sales were flat. Revenue was $3 million a year earlier.")
    at = doc.text.index("a year earlier")
    anchor = comparison_anchor(doc, at, find_time_expressions(doc), OCT26)
    assert anchor is not None and anchor.value == "1989-Q3"
    far = nlp("Profit rose in the third quarter. One. Two. Three. Four. Revenue fell from a year earlier.")
    at = far.text.index("a year earlier")
    assert comparison_anchor(far, at, find_time_expressions(far), OCT26) is None


@pytest.mark.parametrize("text,word,tense", [
    ("The company declared a dividend payable Dec. 7.", "Dec.", "present"),
    ("Merieux set the Jan. 14 deadline for the offer.", "Jan.", "present"),
    ("The stock is to resume trading in Paris Tuesday.", "Tuesday", "future"),
    ("The stock resumed trading in Paris Tuesday.", "Tuesday", "past"),
    ("The parent asked the unit to respond by Oct. 31.", "Oct.", "present"),
])
def test_expression_tense(nlp, text, word, tense):
    doc = nlp(text)
    span = next(e.span for e in find_time_expressions(doc) if e.span.text.startswith(word))
    assert expression_tense(span) == tense


def test_capitalised_season_is_a_place_name(nlp):
    doc = nlp("A boy was shot in Spring on Monday.")
    assert [e.span.text for e in find_time_expressions(doc)] == ["Monday"]


# ---- choice of the expression that dates an event -------------------------------------------------------




def test_a_day_after_shifts_the_date(nlp):
    ev = run_one(nlp, "A man was arrested Thursday, a day after he accidentally shot his friend.", TUE, "shot")
    assert ev.get("event_date") == "2024-01-10"  # Thursday 11 January, one day before
    assert "after" in ev.get("date_reason")


def test_hours_after_is_the_same_day(nlp):
    ev = run_one(nlp, "The man died Sunday, hours after he was shot outside a bar.", TUE, "shot")
    assert ev.get("event_date") == "2024-01-14"


def test_after_without_interval_does_not_date_the_earlier_event(nlp):
    ev = run_one(nlp, "A man was charged Monday after his son shot himself.", TUE, "shot")
    assert "event's clause" not in ev.get("date_reason")


def test_narrative_time_prefers_a_mention_of_the_same_kind(nlp):
    events = run_dates(nlp, "Police arrested a man on Tuesday. He shot his neighbor on Sunday. "
                            "The neighbor was wounded badly.", TUE,
                       [("arrested", "COERCE"), ("shot", "ASSAULT"), ("wounded", "ASSAULT")])
    assert events[2].get("event_date") == "2024-01-14"
    assert "this kind of event" in events[2].get("date_reason")


def test_incident_time_from_an_occurrence_verb(nlp):
    events = run_dates(nlp, "Police arrested a man on Tuesday. A woman was wounded. It happened on Saturday.",
                       TUE, [("arrested", "COERCE"), ("wounded", "ASSAULT")])
    assert events[1].get("event_date") == "2024-01-13"
    assert "incident" in events[1].get("date_reason")


def test_lead_time_skips_later_legal_steps(nlp):
    events = run_dates(nlp, "A man was arraigned Tuesday. His neighbor was shot Sunday. Two people were hurt.",
                       TUE, [("hurt", "ASSAULT")])
    assert events[0].get("event_date") == "2024-01-14"


def test_other_events_date_is_not_the_nominal_events(nlp):
    events = run_dates(nlp, "Police arrested a man Monday for the shooting.", TUE,
                       [("arrested", "COERCE"), ("shooting", "ASSAULT")])
    assert events[0].get("event_date") == "2024-01-15"
    assert "event's clause" not in events[1].get("date_reason")


def test_a_day_in_the_clause_refines_a_month(nlp):
    ev = run_one(nlp, "February ended violently, with a shooting that left one man dead on Saturday.",
              date(2015, 3, 2), "shooting")
    assert ev.get("event_date") == "2015-02-28" and ev.get("date_precision") == "day"


def test_report_time_before_another_kind_of_events_date(nlp):
    events = run_dates(nlp, "Police arrested a man on Thursday. A woman was wounded, police said Monday.", TUE,
                       [("arrested", "COERCE"), ("wounded", "ASSAULT")])
    assert events[1].get("event_date") == "2024-01-15"


def test_body_time_when_the_lead_has_none(nlp):
    filler = " ".join(f"Neighbours on street number {i} said the area had long been calm and quiet, and that "
                      f"nobody there had expected anything of the kind to happen." for i in range(10))
    events = run_dates(nlp, f"A woman was wounded. {filler} The victim was taken to hospital on Sunday.", TUE,
                       [("wounded", "ASSAULT")])
    assert events[0].get("event_date") == "2024-01-14"
    assert "body" in events[0].get("date_reason")


@pytest.mark.parametrize("text", ["1-10", "3-2"])
def test_hyphenated_number_pairs_are_not_dates(text):
    assert resolve(text, TUE) is None


def test_a_day_in_the_article_refines_a_period_in_the_clause(nlp):
    events = run_dates(nlp, "A boy was shot last week. The shooting happened on Thursday near the school.",
                       TUE, [("shot", "ASSAULT")])
    assert events[0].get("event_date") == "2024-01-11"
    assert "the day within 'last week'" in events[0].get("date_reason")


def test_a_period_in_the_clause_stands_when_the_articles_day_is_outside_it(nlp):
    events = run_dates(nlp, "A boy was shot last week. The shooting happened on Monday near the school.",
                       TUE, [("shot", "ASSAULT")])
    assert events[0].get("event_date") == "2024-01-08" and events[0].get("date_precision") == "week"


def test_a_same_kind_mention_dated_by_a_later_step_comes_after_the_incident_time(nlp):
    events = run_dates(nlp, "A man was arraigned on Monday in the killing. A woman was wounded in the shooting. "
                            "It happened on Saturday.", TUE, [("killing", "ASSAULT"), ("wounded", "ASSAULT")])
    assert events[1].get("event_date") == "2024-01-13"


def test_aftermath_gatherings_do_not_date_the_incident(nlp):
    events = run_dates(nlp, "Neighbors gathered on Monday to mourn a teenager. "
                            "He had been shot on Saturday. Two people were hurt.", TUE, [("hurt", "ASSAULT")])
    assert events[0].get("event_date") == "2024-01-13"


def test_parenthesised_dateline_date_is_a_stamp(nlp):
    events = run_dates(nlp, "MARION COUNTY, Ind. (Jan. 12, 2024) \u2013 A 7-year-old in Marion County accidentally "
                            "shot his uncle. It happened on Sunday.", TUE, [("shot", "ASSAULT")])
    assert events[0].get("event_date") == "2024-01-14"


def test_lead_takes_its_earliest_recent_day(nlp):
    events = run_dates(nlp, "Reporters waited outside on Monday. Crowds had been there since Saturday. "
                            "Two people were hurt.", TUE, [("hurt", "ASSAULT")])
    assert events[0].get("event_date") == "2024-01-13"


def test_an_embedded_posts_date_is_a_stamp(nlp):
    events = run_dates(nlp, "Police said two men were shot near the park pic.twitter.com/abc "
                            "\u2014 Jane Roe (@janeroe) January 12, 2024\n\nIt happened on Sunday.", TUE,
                       [("shot", "ASSAULT")])
    assert events[0].get("event_date") == "2024-01-14"


def test_an_investigation_underway_is_the_aftermath(nlp):
    events = run_dates(nlp, "An investigation into the shooting was underway Monday. A woman was wounded. "
                            "It happened on Saturday.", TUE, [("shooting", "ASSAULT"), ("wounded", "ASSAULT")])
    assert events[1].get("event_date") == "2024-01-13"


def test_a_bail_hearing_is_a_later_step(nlp):
    events = run_dates(nlp, "A judge lowered the bail of a woman on Monday. Police said the man was run down "
                            "on Saturday. One man was hurt.", TUE, [("hurt", "ASSAULT")])
    assert events[0].get("event_date") == "2024-01-13"


def test_a_four_digit_number_out_of_range_is_not_a_year(nlp):
    found = [x.span.text for x in find_time_expressions(nlp("Call the tip line at 574-LMPD (5673)."))]
    assert "5673" not in found
    assert [x.span.text for x in find_time_expressions(nlp("The dam was built in 1923."))] == ["1923"]


def test_a_possessive_day_of_a_nominal_event_is_past(nlp):
    ev = run_one(nlp, "Prosecutors say more charges will be filed against the suspect in Monday's shooting.", TUE,
              "shooting")
    assert ev.get("event_date") == "2024-01-15"


def test_a_named_day_of_the_same_kind_goes_before_the_reporters_today(nlp):
    events = run_dates(nlp, "Police said a boy was shot this morning at his home. Another boy was wounded on "
                            "Sunday. Two people were hurt.", TUE,
                       [("shot", "ASSAULT"), ("wounded", "ASSAULT"), ("hurt", "ASSAULT")])
    assert events[2].get("event_date") == "2024-01-14"


def test_a_lead_day_before_the_report_time_dates_the_event(nlp):
    events = run_dates(nlp, "The club hosted a party on Saturday. A man was wounded, police said Monday.",
                       TUE, [("wounded", "ASSAULT")])
    assert events[0].get("event_date") == "2024-01-13"
    events = run_dates(nlp, "A man was wounded, police said Saturday. The club hosted a party on Monday.",
                       TUE, [("wounded", "ASSAULT")])
    assert events[0].get("event_date") == "2024-01-13"


def test_a_weekday_naming_the_day_after_the_stamp_dates_nothing(nlp):
    # published Tuesday 2024-01-16: "Wednesday" is six days back or the day after the stamp (an updated page)
    ev = run_one(nlp, "A man was shot on Main Street, police said Wednesday.", TUE, "shot")
    assert ev.get("event_date") == "2024-01-16", ev.get("date_reason")
    assert "publication" in ev.get("date_raw")
    # "last Wednesday" and a weekday further back still resolve
    assert run_one(nlp, "A man was shot last Wednesday.", TUE, "shot").get("event_date") == "2024-01-10"
    assert run_one(nlp, "A man was shot on Sunday.", TUE, "shot").get("event_date") == "2024-01-14"


@pytest.mark.parametrize(("other_place", "narrowed"), [("YEM", False), ("IRQ", True), (None, True)])
def test_a_vague_past_reference_is_narrowed_only_by_the_same_incident(nlp, other_place, narrowed):
    text = "Rebels attacked a convoy on Monday. Government forces recently performed airstrikes on rebel areas."
    doc = nlp(text)
    ctx = ArticleContext(article=Article(id="t", text=text, published=TUE), doc=doc)
    for word, country in (("attacked", "IRQ"), ("airstrikes", other_place)):
        tok = next(t for t in doc if t.text == word)
        ctx.events.append(EventDraft(trigger=tok, sent=tok.sent))
        ctx.events[-1].values.update(event_type="ASSAULT", country_iso3=country)
    DatesStage(default_resources())(ctx)
    first, second = ctx.events
    assert first.get("event_date") == "2024-01-15"
    if narrowed:  # the dated attack may be the same incident: its day narrows "recently"
        assert second.get("event_date") == "2024-01-15"
    else:  # another country's incident does not lend its day
        assert (second.get("event_date"), second.get("event_date_end")) == ("2024-01-09", "2024-01-16")
        assert second.get("date_raw") == "recently"


def test_a_verb_under_a_preposition_dates_its_own_action(nlp):
    text = "The minister met her counterpart during a visit, her first since taking office in March."
    ev = run_one(nlp, text, TUE, "met")
    assert ev.get("date_precision") == "day" and ev.get("event_date") == "2024-01-16"
    assert ev.get("date_raw") != "March"
