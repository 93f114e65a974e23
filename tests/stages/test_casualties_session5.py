"""Casualties stage, session 5 rules (docs/casualties.md, "Session 5"): survivors, parts of those shot, ages
after names, verbless headlines, medical centres, parse repairs, and the first-told toll of a merged record."""

from __future__ import annotations

from datetime import date

import pytest
from stage_helpers import counts

from eventwire.article import Article
from eventwire.context import ArticleContext, EventDraft
from eventwire.stages.casualties import count_casualties
from eventwire.stages.records import merge_mentions


@pytest.mark.parametrize("text,trigger,killed,injured", [
    # a survivor "is recovering" / "is in stable condition": injured, whatever the dead of the article
    ("Four people were killed in the shooting on Saturday. A 9-year-old girl is recovering at Mercy Hospital.",
     "shooting", 4, 1),
    ("Two men were killed in the shooting. A woman was listed in stable condition at the hospital.", "shooting",
     2, 1),
    # a past state may have ended in death: not counted against the dead
    ("Four people were killed in the shooting on Saturday. A 9-year-old girl was in critical condition at Mercy "
     "Hospital.", "shooting", 4, 0),
    ("Two men were killed in the shooting. A woman was taken to the hospital.", "shooting", 2, 0),
    # a bare number of the injured in the sentence of those shot is a part of them
    ("Six men were shot behind the bar, among them one with grave wounds.", "shot", None, 6),
    ("Of the three people shot, two were badly hurt.", "shot", None, 3),
    # one victim known already in the event's sentence, all of them counted in the next
    ("The older victim was shot in the hip. The three victims were driven to a clinic.", "shot", None, 3),
    # two "a"-phrases of one sentence, one shot and one killed, are two people
    ("An officer was shot and a man was killed during the standoff.", "shot", 1, 1),
    # ... but a number of people shot includes the one killed
    ("Six people were shot, one man was killed during the standoff.", "shot", 1, 5),
    # people "also hit by gunfire" are others than the dead
    ("A 7-year-old boy was killed in the shooting. Two women in the car were also hit by gunfire.", "shooting",
     1, 2),
    # a headline without a verb: "one man in critical condition"
    ("A woman in stable condition, two others hurt after shooting near the park", "shooting", None, 3),
    ("Farmer shot in leg near county fairgrounds", "shot", None, 1),
    # a medical centre is a hospital
    ("Two men were taken to Grant Medical Center after the shooting.", "shooting", None, 2),
    # the parser hung the subject of "was shot" on "after": the word before the auxiliary is the victim
    ("Deputies are looking into it after a 6-year-old was shot in the foot at a campground.", "shot", None, 1),
    # numbers after names are ages
    ("Mark Olson, 31, and Dale Evans Jr. 24, were also injured in the shooting.", "shooting", None, 2),
])
def test_session5counts(nlp, text, trigger, killed, injured):
    k, i, why = counts(nlp, text, trigger)
    assert (k, i) == (killed, injured), why


def test_a_vehicle_is_no_victim(nlp):
    killed, injured, why = count_casualties(nlp("A van was struck by gunfire during the shooting."))
    assert (killed, injured) == (None, None), why


def test_an_age_set_off_by_commas_is_not_a_count(nlp):
    killed, injured, why = count_casualties(nlp("The second man, 19, is in good condition."))
    assert injured != 19 and killed is None, why


def test_the_toll_told_first_stays_with_the_record(nlp):
    """The lead's toll stays the record's when a later mention naming the actor becomes its evidence."""
    text = "A shooting injured three people on Main Street. Police said a neighbor shot the woman."
    ctx = ArticleContext(article=Article(id="t", text=text, published=date(2024, 3, 5)), doc=nlp(text),
                         events=[], places=[], notes={})
    for trig, actor, injured in (("shooting", None, 3), ("shot", "a neighbor", 1)):
        tok = next(t for t in ctx.doc if t.text == trig)
        ev = EventDraft(trigger=tok, sent=tok.sent)
        ev.values.update(event_type="ASSAULT", negated=False, hypothetical=False, actor1_text=actor,
                         injured=injured, casualty_reason=f"injured {injured} in the event's sentence")
        ctx.events.append(ev)
    merged = merge_mentions(ctx)
    assert len(merged) == 1
    assert merged[0].trigger.text == "shot"  # the mention that names the actor is the evidence
    assert merged[0].get("injured") == 3
    assert "told first" in merged[0].values["casualty_reason"]


def test_one_table_says_which_nouns_are_people():
    """data/person_nouns.tsv holds the person words (with gender, age, role), the people words that may be taken to
    a hospital and the nouns that never name victims; no word is on both sides."""
    from eventwire.stages.casualty_persons import _ROWS, NOT_PEOPLE, WORDS

    assert all(len(r) == 5 and r[4] in ("yes", "no") for r in _ROWS)
    assert not set(WORDS) & NOT_PEOPLE
    assert {"passenger", "bystander", "others"} <= set(WORDS) and {"van", "bullet", "block"} <= NOT_PEOPLE


@pytest.mark.parametrize("text,injured", [
    ("Medics took two passengers to the hospital after the shooting.", 2),
    ("The city sent two generators to the hospital after the shooting.", None),
])
def test_only_people_are_taken_to_hospital(nlp, text, injured):
    _, i, why = counts(nlp, text, "shooting")
    assert i == injured, why
