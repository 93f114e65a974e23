"""Events stage, session 7: what "call" evokes depends on its complement (CAMEO CALL 041 "discuss by
telephone"; the PLOVER manual's CONSULT "consultation by phone"); laying down arms, reversing decisions. Every
sentence is written for this test."""

from __future__ import annotations

import pytest
from stage_helpers import coded


@pytest.mark.parametrize("text", [
    "The Finnish president called his Estonian counterpart on Monday.",
    "The prime minister called the king on Sunday to discuss the drought.",
])
def test_calling_someone_is_a_phone_consultation(nlp, rules, text):
    out = coded(nlp, rules, text)
    assert ("CONSULT", "phone", "called") in out, out


@pytest.mark.parametrize("text", [
    "The union called for a pay rise on Monday.",
    "The envoy called on both parties to release their prisoners.",
])
def test_calling_for_or_on_someone_stays_a_request(nlp, rules, text):
    out = coded(nlp, rules, text)
    assert any(t == "REQUEST" and w == "called" for t, _m, w in out), out


@pytest.mark.parametrize("text,expected", [
    ("The senator called out the governor for the delays.", "ACCUSE"),
    ("Dock workers called a strike over unpaid wages.", "PROTEST"),
])
def test_calling_out_and_calling_a_strike(nlp, rules, text, expected):
    out = coded(nlp, rules, text)
    assert any(t == expected and w == "called" for t, _m, w in out), out


@pytest.mark.parametrize("text", [
    "The governor called an early election.",
    "The mayor called it a great day for the town.",
])
def test_calling_an_election_or_naming_is_no_event(nlp, rules, text):
    assert all(w != "called" for _t, _m, w in coded(nlp, rules, text))


@pytest.mark.parametrize("text,expected,trigger", [
    ("The rebels laid down their weapons at dawn.", "RETREAT", "laid"),
    ("The government reversed its decision on fuel prices.", "CONCEDE", "reversed"),
    ("The ministry reversed the ban on street vendors.", "CONCEDE", "reversed"),
])
def test_laying_down_arms_and_reversing_a_decision_yield(nlp, rules, text, expected, trigger):
    out = coded(nlp, rules, text)
    assert any(t == expected and w == trigger for t, _m, w in out), out


def test_a_refused_reversal_is_a_rejection(nlp, rules):
    out = coded(nlp, rules, "The appeals court will not reverse its decision on the mayor.")
    assert any(t == "REJECT" and w == "reverse" for t, _m, w in out), out


def test_laying_down_other_things_is_no_retreat(nlp, rules):
    out = coded(nlp, rules, "The council laid down new rules for street vendors.")
    assert all(not (t == "RETREAT" and w == "laid") for t, _m, w in out), out


def test_an_announced_disarmament_is_an_agree(nlp, rules):
    out = coded(nlp, rules, "The militia leaders said their fighters will lay down their arms next week.")
    assert any(t == "AGREE" and w == "lay" for t, _m, w in out), out


@pytest.mark.parametrize("text,trigger", [
    ("A provincial prosecutor charged the former mayor with fraud.", "charged"),
    ("A grand jury indicted two customs officers on Monday.", "indicted"),
])
def test_a_legal_charge_is_an_allegation(nlp, rules, text, trigger):
    out = coded(nlp, rules, text)
    assert ("ACCUSE", "allege", trigger) in out, out


@pytest.mark.parametrize("text,trigger", [
    ("The envoy offered sharp criticism of the new border rules.", "offered"),
    ("The opposition filed a complaint against the election commission.", "filed"),
])
def test_offered_criticism_and_filed_complaints_accuse(nlp, rules, text, trigger):
    out = coded(nlp, rules, text)
    assert any(t == "ACCUSE" and w == trigger for t, _m, w in out), out


def test_a_revoked_decision_is_a_concession(nlp, rules):
    out = coded(nlp, rules, "The tribunal revoked its decision on the detention of the journalist.")
    assert any(t == "CONCEDE" and w == "revoked" for t, _m, w in out), out
