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


@pytest.mark.parametrize("text,killed,injured", [
    # a coordinated verb keeps its own subject: "three others", not the "one man" before
    ("One man was killed and three others were shot and wounded during the robbery.", 1, 3),
    # "died" shares the passive subject of the verb it is coordinated with
    ("The man was taken to the hospital and died a short time later.", 1, 0),
    # a singular death noun with "a" is one dead
    ("Police are investigating a shooting death on Dover Street.", 1, None),
    # "found shot" / "left wounded": the participle states the victims' condition
    ("Police came after a teenage boy was found shot.", None, 1),
    ("The attack left three men wounded.", None, 3),
    # the count of "a total of" is in its of-phrase
    ("A total of six people were injured in the shooting.", None, 6),
    # a killing that did not happen
    ("He told police he was going to kill his wife and kids.", None, None),
    ("The gunman threatened to kill everyone in the room.", None, None),
    # a toll of several separate incidents is no event's toll
    ("Four people were killed and 16 wounded in separate shootings across the city.", None, None),
    # a plural incident noun that is not marked separate is still this event's
    ("Two people died and three were hurt in the attacks.", 2, 3),
])
def test_golden_sentences_session2(nlp, text, killed, injured):
    k, i, reason = count_casualties(nlp(text)[:])
    assert (k, i) == (killed, injured), reason


def test_person_named_next_to_a_person_counts_whatever_its_entity_label(nlp):
    from eventwire.stages.casualties import np_count

    doc = nlp("Lott confessed that he shot Lauren Landavazo and Makayla Smith.")
    obj = next(t for t in doc if t.dep_ == "dobj")
    assert np_count(obj)[0] == 2


def test_figures_of_the_sentence_go_to_every_event_of_it(nlp):
    """'a shooting which killed one man and injured three others': the shooting event gets both figures even
    when the parse puts the injured nearer the 'injured' event."""
    ctx = _ctx(nlp, "Deputies are investigating a shooting which killed one man and injured three others.",
               ["shooting"])
    ev = ctx.events[0]
    assert (ev.get("fatalities"), ev.get("injured")) == (1, 3)
    from eventwire.stages.casualties import Figure, combine

    mate = Figure("injured", 3, "injured", "injured: three others", 9, 0)
    own = Figure("killed", 1, "killed", "killed: one man", 5, 0)
    assert combine([own], [], None, [mate])[:2] == (1, 3)
    assert combine([own], [], None, [])[:2] == (1, None)


def test_ordinal_victim_raises_the_count_of_people_hit(nlp):
    text = ("Four people were found shot to death in the home on Sunday. Neighbours heard shots. "
            "Police arrived at dawn. A fifth victim, an 18-year-old woman, was taken to the hospital.")
    ctx = _ctx(nlp, text, ["shot"])
    ev = ctx.events[0]
    assert (ev.get("fatalities"), ev.get("injured")) == (4, 1), ev.get("casualty_reason")


@pytest.mark.parametrize("text,killed,injured", [
    # an address or a caption is never the victims counted
    ("Two people were shot in the 200 block of Main Street.", None, 2),
    # a possessive names one dead
    ("Detectives are investigating the toddler's death.", 1, None),
    ("Her death shocked the town.", 1, None),
    ("Their deaths shocked the town.", None, None),
    # succumb / perish: the subject is the dead
    ("The woman succumbed to her injuries on Monday.", 1, None),
    # victims said to be other people in the same sentence add up, each victims phrase once
    ("A boy was seriously wounded in a shooting that also injured a woman.", None, 2),
    ("Three others were injured and hospitalized.", None, 3),
    # "both" is two people
    ("Both were killed in the crash.", 2, None),
    # a condition said without the word "condition": "three more are critical"
    ("Two men were killed and three more are critical.", 2, 3),
])
def test_golden_sentences_session2b(nlp, text, killed, injured):
    k, i, reason = count_casualties(nlp(text)[:])
    assert (k, i) == (killed, injured), reason


def test_abstract_or_capitalised_common_nouns_are_not_people(nlp):
    from eventwire.stages.casualties import _may_be_person

    doc = nlp("Police said the explosion hurt a woman. A Pause button froze.")
    assert _may_be_person(next(t for t in doc if t.text == "woman"))
    assert not _may_be_person(next(t for t in doc if t.text == "explosion"))
    pause = next(t for t in doc if t.text == "Pause")
    assert pause.pos_ != "NOUN" or not _may_be_person(pause)


def test_ordinal_homicide_victim_raises_the_death_toll(nlp):
    text = ("Four people were found shot to death in a house on Friday. "
            "Police later found a fifth homicide victim in the garage.")
    ctx = _ctx(nlp, text, ["shot"])
    assert ctx.events[0].get("fatalities") == 5, ctx.events[0].get("casualty_reason")


def test_toll_sentence_a_few_sentences_after_the_event_counts_for_it(nlp):
    text = ("Gunmen attacked a checkpoint on Monday. The attackers fled in a car. Police searched the area. "
            "Roads were closed for hours. Witnesses described the car. Two officers died of their wounds.")
    ctx = _ctx(nlp, text, ["attacked"])
    assert ctx.events[0].get("fatalities") == 2, ctx.events[0].get("casualty_reason")


def test_docs_list_every_vague_quantity():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "casualties.md").read_text(encoding="utf-8")
    for phrase, (count, _) in VAGUE.items():
        assert f"| {phrase} | {count} |" in doc, phrase


def test_victims_told_one_per_sentence_add_up(nlp):
    text = "A 17-year-old was shot in the leg on Main Street. A second man was hit in the arm."
    ctx = _ctx(nlp, text, ["shot"])
    assert ctx.events[0].get("injured") == 2, ctx.events[0].get("casualty_reason")


def test_a_restated_count_is_not_added_again(nlp):
    text = ("One man was killed and three others were hurt in a shooting on Main Street. "
            "Police said three others were hurt.")
    ctx = _ctx(nlp, text, ["killed"])
    assert (ctx.events[0].get("fatalities"), ctx.events[0].get("injured")) == (1, 3)


def test_hit_in_a_body_part_is_a_person_hit(nlp):
    k, i, reason = count_casualties(nlp("A woman was hit in the arm.")[:])
    assert (k, i) == (None, 1), reason


@pytest.mark.parametrize("text,killed,injured", [
    # a bullet or a gun that hits someone, in the active voice
    ("The bullet struck her son's left side.", None, 1),
    ("A stray bullet flew through the home and grazed a 3-year-old.", None, 1),
    ("A gun went off, striking his 4-year-old brother in the head.", None, 1),
    ("He fired the gun, striking himself in the leg.", None, 1),
    ("She fired one shot that struck the father in the arm.", None, 1),
    ("The car hit a woman who was crossing the street.", None, None),
    # the survivor of a shooting: recovering, in hospital, left injured
    ("Andrews is recovering from a gunshot wound to the thigh.", None, 1),
    ("The child is recovering at Norton Children's Hospital.", None, 1),
    ("Police recovered a gun at the hospital.", None, None),
    ("The shooting left an 8-year-old boy injured.", None, 1),
    # "the shooting / wounding of" names its victims
    ("Police seek suspects in the shooting and wounding of four men outside a venue.", None, 4),
    ("Police are investigating the shooting of a 17-year-old.", None, 1),
    ("Police are investigating a shooting on Main Street.", None, None),
    # a body part is not a victim; a capitalised "Nationwide" is a name, not a statistic
    ("The gunshot injured his hand.", None, None),
    ("A victim was taken to Nationwide Children's Hospital.", None, 1),
    # the injured are the dead themselves: one victims phrase read by both cues
    ("A juvenile who was injured in the shooting died.", 1, None),
    # a roundup's toll is not one event's
    ("Gunfire wounded 26 people across the city over the weekend.", None, None),
    ("Seven people were wounded in shootings from Saturday morning to early Sunday.", None, None),
])
def test_golden_sentences_session3(nlp, text, killed, injured):
    k, i, reason = count_casualties(nlp(text)[:])
    assert (k, i) == (killed, injured), reason


def test_a_figure_is_lent_only_to_an_event_of_the_same_incident(nlp):
    from eventwire.stages.casualties import article_casualties

    doc = nlp("The latest attack came after Iran vowed to avenge the killing of three guards in Syria.")
    triggers = [next(t for t in doc if t.text == w) for w in ("attack", "killing")]
    lent = article_casualties(doc, triggers, ["ASSAULT", "ASSAULT"])
    kept = article_casualties(doc, triggers, ["ASSAULT", "ASSAULT"], same=lambda k, j: False)
    assert lent[1][0] == 3 and kept[1][0] == 3
    assert lent[0][0] == 3  # without knowing the events, a sentence's figure is lent to its other event
    assert kept[0][0] is None, kept[0][2]


@pytest.mark.parametrize(("a", "b", "expected"), [
    ({"event_date": "2024-01-15"}, {"event_date": "2023-12-01"}, True),       # another month
    ({"event_date": "2024-01-15"}, {"event_date": "2024-01-14"}, False),
    ({"event_date": "2024-01-15"}, {"event_date": None}, False),
    ({"country_iso3": "ISR"}, {"country_iso3": "SYR"}, True),                 # placed in other countries
    ({"country_iso3": "USA"}, {"country_iso3": "USA"}, False),
])
def test_events_of_one_sentence_elsewhere(nlp, a, b, expected):
    from eventwire.stages.casualties import elsewhere

    doc = nlp("The attack came after the killing.")
    drafts = []
    for tok, values in zip((doc[1], doc[5]), (a, b), strict=True):
        ev = EventDraft(trigger=tok, sent=tok.sent)
        ev.values.update(values)
        if "country_iso3" in values:
            ev.values.update(latitude=1.0, longitude=1.0, geo_reason="place tied to trigger via 'in'")
        drafts.append(ev)
    assert elsewhere(*drafts) is expected


def test_a_toll_belongs_to_the_violent_event_of_its_sentence(nlp):
    from eventwire.stages.casualties import article_casualties

    doc = nlp("Iran vowed to avenge the killing of three guards in Syria.")
    triggers = [next(t for t in doc if t.text == w) for w in ("vowed", "killing")]
    threat, killing = article_casualties(doc, triggers, ["THREATEN", "ASSAULT"])
    assert killing[0] == 3
    assert threat[0] is None, threat[2]


@pytest.mark.parametrize(("text", "injured"), [
    ("The ministry said it would send 40 power generators to hospitals in the east.", None),
    ("Paramedics took two men to the hospital after the shooting.", 2),
    ("Medics rushed five people to a hospital in the city.", 5),
])
def test_only_people_are_taken_to_hospital(nlp, text, injured):
    killed, hurt, reason = count_casualties(nlp(text)[:])
    assert (hurt if hurt else None) == injured, reason
