"""Casualties stage, session 4 rules: who the victims are (different people, partial zeros, "another")."""

from __future__ import annotations

import pytest
from stage_helpers import counts

from eventwire.stages.casualties import count_casualties
from eventwire.stages.casualty_persons import Person, describe, distinct


@pytest.mark.parametrize("text,trigger,killed,injured", [
    # a suspect who died is not the officer he shot: the officer is injured
    ("A deputy was shot during the standoff on Friday. The suspect died at the scene.", "shot", 1, 1),
    # without a role that sets them apart, the person shot may be the one who died
    ("A man was shot during the standoff on Friday. The man died at the scene.", "shot", 1, None),
    # "no one else" / a group / "seriously": says nothing of the victim told of
    ("A man was shot in the leg on Elm Street. No one else was hurt.", "shot", None, 1),
    ("A cashier was shot in the shoulder during the robbery. No customers were injured.", "shot", None, 1),
    ("A cashier was shot in the shoulder during the robbery. No one was seriously hurt.", "shot", None, 1),
    # "no one" said of everyone is still 0
    ("Shots hit the house on Elm Street. Nobody was hurt.", "hit", None, 0),
    # "another" in the object of an active verb contrasts with the shooter, not with earlier victims
    ("A 15-year-old boy accidentally shot another boy at a sleepover. The boy died at the hospital.", "shot",
     1, None),
    # "pronounced deceased" is dead
    ("The man was pronounced deceased at the scene.", "pronounced", 1, None),
    # the one person wounded is the one who died, told of again with a pronoun
    ("A boy was wounded in a shooting on Elm Street on Friday. He died at the hospital on Saturday.", "wounded",
     1, None),
    # an indefinite newcomer who died is someone else
    ("A boy was wounded in a shooting on Elm Street on Friday. A woman died in a crash nearby.", "wounded", 1, 1),
    # "another ... also" in a sentence of its own: one more victim
    ("A 15-year-old was shot near the store on Friday. He died at the hospital. Another 15-year-old was also "
     "shot.", "shot", 1, 1),
    # injured "other people" are others than the one the sentence says was hit
    ("A 12-year-old boy remained in critical condition after a shooting that also injured three other people.",
     "shooting", None, 4),
    # "my other cousin is dead": the cousin shot is not the dead one
    ("My cousin got shot and my other cousin is dead, he said.", "shot", 1, 1),
])
def test_who_the_victims_are(nlp, text, trigger, killed, injured):
    k, i, reason = counts(nlp, text, trigger)
    assert (k, i) == (killed, injured), reason


@pytest.mark.parametrize("text,injured", [
    # two indefinite victims phrases of one sentence are two people
    ("A woman was shot in the arm and a 9-year-old boy was shot in the foot.", 2),
    # two people described differently in one sentence are two people
    ("The grandfather was shot in the hand, while the toddler was shot in the leg.", 2),
    # the same person told twice in one sentence is one
    ("A woman was shot in the arm and she was shot again in the back.", 1),
])
def test_victims_of_one_sentence(nlp, text, injured):
    k, i, reason = count_casualties(nlp(text)[:])
    assert (k, i) == (None, injured), reason


def test_an_organ_is_not_a_victim(nlp):
    k, i, reason = count_casualties(nlp("The shooting hurt my heart, she said.")[:])
    assert (k, i) == (None, None), reason


def test_describe_reads_gender_age_and_role(nlp):
    doc = nlp("Police said the 15-year-old girl and a deputy were hurt.")
    girl = describe(next(t for t in doc if t.text == "girl"))
    assert (girl.gender, girl.age, girl.years) == ("f", "child", 15)
    assert describe(next(t for t in doc if t.text == "deputy")).role == "police"


def test_distinct_needs_a_disagreement():
    assert distinct(Person(gender="m"), Person(gender="f")) == "gender m vs f"
    assert distinct(Person(gender="m"), Person()) is None
    assert distinct(Person(age="child"), Person(age="adult"), roles_only=True) is None
    assert distinct(Person(role="police"), Person(role="suspect"), roles_only=True) is not None
    assert distinct(Person(role="police"), Person(role="victim")) is None  # an officer can be the victim
    assert distinct(Person(years=11), Person(years=12)) == "ages 11 vs 12"


@pytest.mark.parametrize("text,injured", [
    # a plural spelled out by a list after a comma counts the list once
    ("The victims, three men and a woman, were wounded.", 4),
    ("The victims, a 19-year-old man and a 22-year-old woman, were shot.", 2),
    # with a number of its own, the plural's number is the count: the list names the same people
    ("Three people, two men and a woman, were wounded.", 3),
    # ages after the plural are not people
    ("The victims, ages 22 and 19, were wounded.", None),
    # "both" + a plural noun: two people
    ("Both men were shot.", 2),
    # a numeral the parser tied to the time after the verb is the verb's object
    ("Police are investigating a shooting that injured five late Saturday night.", 5),
])
def test_victims_spelled_out_after_a_comma(nlp, text, injured):
    assert count_casualties(nlp(text))[1] == injured


@pytest.mark.parametrize("text,trigger,injured", [
    # a vague lower bound gives way to an exact count told later
    ("A shooting broke out at a club on Friday. Some were hit by gunfire. Four people were taken to the "
     "hospital.", "shooting", 4),
    # the shot less the dead when a later sentence counts fewer injured (those taken to a hospital)
    ("Eight people were shot in the city on Wednesday night. A man died at the scene. Five others were "
     "hospitalized.", "shot", 7),
    # ... but not when the later count is the larger one
    ("Two people were shot in the city on Wednesday night. Four others were hurt by flying glass.", "shot", 4),
])
def test_which_count_of_the_injured(nlp, text, trigger, injured):
    assert counts(nlp, text, trigger)[1] == injured
