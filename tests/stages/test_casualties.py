"""Casualties stage: counts of killed and injured from golden hand-made sentences."""

from __future__ import annotations

import pytest

from eventwire.article import Article
from eventwire.context import ArticleContext, EventDraft
from eventwire.resources import default_resources
from eventwire.stages.casualties import VAGUE, CasualtiesStage, count_casualties


@pytest.mark.parametrize("text,killed,injured", [
    ("Three soldiers were killed in the attack.", 3, None),
    ("A man and his two sons died.", 3, None),
    ("The strike killed at least 12 people and injured 30.", 12, 30),
    ("The death toll rose to 12 on Tuesday.", 12, None),
    ("Dozens were wounded.", None, VAGUE["dozens"][0]),
    ("Three people were shot, one fatally, on Saturday night.", 1, 2),
    ("The blast left two people dead and five injured.", 2, 5),
    ("John Smith, 34, was shot and killed near his home.", 1, None),
    ("Police said a 34-year-old man was shot in the leg.", None, 1),
    ("No one was injured.", None, 0),
    ("The rebels fired 40 rockets on Monday, killing 3 civilians.", 3, None),
    ("Two men were fatally shot Sunday.", 2, None),
    ("The 2014 shooting cost $5 million.", None, None),
    ("The attack happened at 11 p.m. on May 5.", None, None),
    ("A quadruple shooting left one man dead on Saturday.", 1, 3),
    ("One man was killed and three others wounded in the shooting.", 1, 3),
    ("A teen was taken to the hospital after being shot.", None, 1),
    ("Two passers-by were hit by gunfire.", None, 2),
    ("Gunmen opened fire on four men outside a bar.", None, 4),
    ("More than 750 people have been killed in the city so far this year.", None, None),
    ("Police are investigating a fatal shooting in the north of the city.", 1, None),
])
def test_golden_sentences(nlp, text, killed, injured):
    k, i, reason = count_casualties(nlp(text)[:])
    assert (k, i) == (killed, injured), reason
    assert reason


def test_vague_family_members_are_counted_conservatively(nlp):
    k, _, reason = count_casualties(nlp("The businessman and several members of his family died.")[:])
    assert k == 1 + VAGUE["several"][0]
    assert "several" in reason


def _ctx(nlp, text, triggers):
    doc = nlp(text)
    ctx = ArticleContext(article=Article(id="t", text=text), doc=doc)
    for word in triggers:
        tok = next(t for t in doc if t.text == word)
        ev = EventDraft(trigger=tok, sent=tok.sent)
        ev.values["event_type"] = "ASSAULT"
        ctx.events.append(ev)
    CasualtiesStage(default_resources())(ctx)
    return ctx


def test_following_toll_sentence_counts_for_the_event(nlp):
    ctx = _ctx(nlp, "Gunmen opened fire on a wedding party in the village. Four people were killed and nine "
                    "were wounded.", ["opened"])
    ev = ctx.events[0]
    assert (ev.get("fatalities"), ev.get("injured")) == (4, 9)
    assert "following" in ev.get("casualty_reason")


def test_not_reported_is_null_not_zero(nlp):
    ctx = _ctx(nlp, "Gunmen opened fire on a police station.", ["opened"])
    assert ctx.events[0].get("fatalities") is None and ctx.events[0].get("injured") is None


def test_toll_sentence_before_the_event_counts(nlp):
    ctx = _ctx(nlp, "Two men died on Sunday. Gunmen had attacked their car near the border.", ["attacked"])
    assert ctx.events[0].get("fatalities") == 2


def test_shot_people_are_not_injured_when_the_dead_may_be_them(nlp):
    ctx = _ctx(nlp, "A man was killed in the attack. Police said gunmen shot him outside his home. "
                    "The suspects fled.", ["killed", "shot"])
    assert ctx.events[1].get("fatalities") is None and ctx.events[1].get("injured") is None


def test_latest_update_wins(nlp):
    ctx = _ctx(nlp, "A car bomb killed five people in the market. The death toll later rose to 11.",
               ["killed"])
    assert ctx.events[0].get("fatalities") == 11
    assert "update" in ctx.events[0].get("casualty_reason")
