"""Events stage, session 8: voiced support SUPPORT, reinforced forces MOBILIZE, hacking COERCE cyber, people let free
RETREAT, attributive participles no event, and the main clause's own action coded when every lexicon event of the
sentence is mentioned in passing. Every sentence is written for this test."""

from __future__ import annotations

import pytest
from stage_helpers import coded

from eventwire.stages.events import EventsStage


@pytest.mark.parametrize("text,trigger", [
    ("The foreign minister voiced his strong support for the new government.", "voiced"),
    ("The senator reiterated her support for the farmers' union.", "reiterated"),
    ("Regional leaders pledged their full support for the peace plan.", "pledged"),
])
def test_expressed_support_is_support(nlp, rules, text, trigger):
    out = coded(nlp, rules, text)
    assert ("SUPPORT", None, trigger) in out, out


@pytest.mark.parametrize("text,trigger", [
    ("The army intensified its forces along the northern border.", "intensified"),
    ("The alliance strengthened its troops in the Baltic states.", "strengthened"),
    ("Border guards remained on alert after the threats.", "remained"),
])
def test_reinforced_forces_mobilize(nlp, rules, text, trigger):
    out = coded(nlp, rules, text)
    assert ("MOBILIZE", "troops", trigger) in out, out


def test_hacking_is_coerce_cyber_but_hacking_to_death_an_assault(nlp, rules):
    assert ("COERCE", "cyber", "hacked") in coded(nlp, rules, "A criminal group hacked the ministry's email servers.")
    out = coded(nlp, rules, "Attackers hacked a farmer to death with machetes.")
    assert any(t == "ASSAULT" and w == "hacked" for t, _m, w in out), out


def test_letting_people_free_is_a_release(nlp, rules):
    out = coded(nlp, rules, "The government let free dozens of jailed students.")
    assert any(t == "RETREAT" for t, _m, _w in out), out


def test_a_curfew_order_is_coerce_curfew(nlp, rules):
    out = coded(nlp, rules, "The governor signed a curfew order for the capital.")
    assert any(t == "COERCE" and m == "curfew" for t, m, _w in out), out


def test_an_attributive_present_participle_is_no_event(nlp, rules):
    out = coded(nlp, rules, "A visiting senior official praised the new trade rules.")
    assert all(w != "visiting" for _t, _m, w in out), out
    assert ("SUPPORT", None, "praised") in out, out


class OneType:
    """A classifier double: one type for the sentence and its verbs, CONSULT for its nouns."""

    def __init__(self, typ: str, p: float):
        self.typ, self.p = typ, p

    def predict(self, sent, trigger=None):
        if trigger is not None and trigger.pos_ == "NOUN":
            return [("CONSULT", 0.9), (self.typ, 0.1)]
        return [(self.typ, self.p), ("CONSULT", 1.0 - self.p)]


def test_main_clause_action_is_coded_when_the_lexicon_events_are_passing_mentions(nlp):
    stage = EventsStage()
    stage.classifier = OneType("REJECT", 0.9)
    sent = next(nlp("Senator Alan Smith abruptly left a meeting with the president on Wednesday.").sents)
    events = stage.sentence_events(sent)
    assert any(ev.trigger.lower_ == "meeting" and "in passing" in ev.get("event_reason") for ev in events), events
    main = [ev for ev in events if ev.trigger.lower_ == "left"]
    assert main and main[0].get("event_type") == "REJECT", [ev.get("event_reason") for ev in events]
    assert "mentioned in passing; classifier codes" in main[0].get("event_reason")


def test_no_main_clause_event_when_the_classifier_is_unsure_or_the_main_event_is_found(nlp):
    stage = EventsStage()
    stage.classifier = OneType("REJECT", 0.4)  # below PASSING_ROOT_MIN_P, and no actor as object
    sent = next(nlp("Senator Alan Smith abruptly left a meeting with the president on Wednesday.").sents)
    assert all(ev.trigger.lower_ != "left" for ev in stage.sentence_events(sent))
    stage.classifier = OneType("REJECT", 0.9)
    sent = next(nlp("The army attacked the town after the talks.").sents)
    assert [ev.trigger.lower_ for ev in stage.sentence_events(sent)].count("attacked") == 1


def test_no_main_clause_event_for_what_the_subject_undergoes(nlp):
    stage = EventsStage()
    stage.classifier = OneType("ASSAULT", 0.9)
    sent = next(nlp("Three shoppers died hours after the attack on the market.").sents)
    assert all(ev.trigger.lower_ != "died" for ev in stage.sentence_events(sent))


def test_no_main_clause_event_of_a_type_a_passing_mention_has(nlp):
    stage = EventsStage()
    stage.classifier = OneType("CONSULT", 0.9)
    sent = next(nlp("Senator Alan Smith abruptly left a meeting with the president on Wednesday.").sents)
    assert all(ev.trigger.lower_ != "left" for ev in stage.sentence_events(sent))


@pytest.mark.parametrize("text,trigger", [
    ("The two countries expanded their cooperation on border security.", "expanded"),
    ("Cooperation between the two navies was strengthened last year.", "strengthened"),
])
def test_expanded_cooperation_is_cooperate(nlp, rules, text, trigger):
    out = coded(nlp, rules, text)
    assert any(t == "COOPERATE" and w == trigger for t, _m, w in out), out


@pytest.mark.parametrize("text,expected,trigger", [
    ("The union launched a mediation effort between the two ministers.", "CONSULT", "effort"),
    ("The president had lunch with the visiting prime minister.", "CONSULT", "had"),
])
def test_mediation_and_meals_with_someone_are_consultations(nlp, rules, text, expected, trigger):
    out = coded(nlp, rules, text)
    assert any(t == expected and w == trigger for t, _m, w in out), out


@pytest.mark.parametrize("text", [
    "Heavy rains caused floods days after the attack on the dam.",  # no actor as subject
    "The Islamist group claimed responsibility for the attack on the newspaper.",  # no reported clause
])
def test_no_main_clause_event_without_an_acting_actor_or_a_reported_clause(nlp, text):
    stage = EventsStage()
    stage.classifier = OneType("REJECT", 0.9)
    sent = next(nlp(text).sents)
    assert all(ev.trigger.dep_ != "ROOT" for ev in stage.sentence_events(sent))
