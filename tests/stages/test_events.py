"""Events stage: golden hand-checked sentences (type, mode, modality)."""

from __future__ import annotations

import pytest

from eventwire.stages.events import EventsStage


@pytest.fixture(scope="module")
def stage():
    return EventsStage()


def coded(nlp, stage, text):
    doc = nlp(text)
    return [(ev.get("event_type"), ev.get("event_mode"), ev.get("hypothetical"), ev.trigger.text)
            for s in doc.sents for ev in stage.sentence_events(s)]


@pytest.mark.parametrize("text,expected", [
    ("Gunmen shot dead three villagers in Zamfara on Sunday.", ("ASSAULT", "firearms", False, "shot")),
    ("Police arrested 40 demonstrators outside parliament.", ("COERCE", "arrest", False, "arrested")),
    ("Thousands of teachers protested against pay cuts in the capital.", ("PROTEST", "demo", False,
                                                                          "protested")),
    ("The European Union imposed new sanctions on three banks.", ("SANCTION", "discontinue", False, "imposed")),
    ("The foreign minister met his Turkish counterpart in Ankara.", ("CONSULT", None, False, "met")),
    ("The rebels threatened to attack the town.", ("THREATEN", "violence", False, "threatened")),
    ("Russia condemned the decision.", ("ACCUSE", "disapprove", False, "condemned")),
    ("The army said its military operations will continue until the insurgents surrender.",
     ("THREATEN", "violence", False, "operations")),
    ("The government will send food aid to the flooded districts.", ("AGREE", None, False, "send")),
    ("Two Israeli airstrikes hit a camp in southern Lebanon.", ("ASSAULT", "aerial", False, "airstrikes")),
])
def test_golden_sentences(nlp, stage, text, expected):
    assert expected in coded(nlp, stage, text)


def test_negated_event_is_dropped(nlp, stage):
    assert not [e for e in coded(nlp, stage, "Police did not arrest anyone.") if e[0] == "COERCE"]


def test_negated_event_kept_when_asked(nlp):
    st = EventsStage(keep_negated=True)
    doc = nlp("Police did not arrest anyone.")
    evs = [ev for s in doc.sents for ev in st.sentence_events(s)]
    assert evs and evs[0].get("negated") is True


def test_plan_is_hypothetical(nlp, stage):
    out = coded(nlp, stage, "The ministry plans to deport the migrants next month.")
    assert ("COERCE", "deport", True, "deport") in out


def test_reporting_verbs_are_not_events(nlp, stage):
    assert coded(nlp, stage, "The spokesman said on Tuesday that the report was accurate.") == []


def test_strike_is_disambiguated_by_context(nlp, stage):
    assert coded(nlp, stage, "Workers went on strike over unpaid wages.")[0][0] == "PROTEST"
    assert coded(nlp, stage, "A drone strike killed two commanders.")[0][0] == "ASSAULT"


def test_headline_lines_are_sentences(nlp):
    doc = nlp("How the police reacted\n\nOfficers arrested five men.")
    assert [s.text.strip() for s in doc.sents][0] == "How the police reacted"


def test_dateline_is_its_own_sentence(nlp):
    doc = nlp("LAGOS, Nigeria - Police arrested five men on Monday.")
    assert [s.text.strip() for s in doc.sents][0] == "LAGOS, Nigeria -"
    doc = nlp("Police arrested five men - and two women - on Monday.")
    assert len(list(doc.sents)) == 1


@pytest.mark.parametrize("text,trigger", [
    ("The rebels said they will not release the hostages.", "release"),
    ("The government will not lift the curfew this week.", "lift"),
])
def test_a_cooperative_action_the_actor_will_not_take_is_a_rejection(nlp, stage, text, trigger):
    out = coded(nlp, stage, text)
    assert any(t == "REJECT" and w == trigger and not hyp for t, _mode, hyp, w in out), out


def test_a_negated_past_cooperation_is_still_dropped(nlp, stage):
    assert not [e for e in coded(nlp, stage, "The rebels did not release the hostages.") if e[3] == "release"]
