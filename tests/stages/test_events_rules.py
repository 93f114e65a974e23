"""Events stage, PLOVER rules added in session 6: reported obligations, willingness, refusals of concessions,
rule outputs the classifier may not undo, attributive participles, and lexicon rows from the manual. Every
sentence is written for this test."""

from __future__ import annotations

import pytest

from eventwire.stages.classify import features
from eventwire.stages.events import EventsStage
from eventwire.stages.triggers import Trigger, TriggerLexicon, candidate_keys


def coded(nlp, stage, text):
    doc = nlp(text)
    return [(ev.get("event_type"), ev.get("event_mode"), ev.get("hypothetical"), ev.trigger.text)
            for s in doc.sents for ev in stage.sentence_events(s)]


@pytest.fixture(scope="module")
def rules():
    return EventsStage(use_classifier=False)  # the lexicon and the rules alone


@pytest.mark.parametrize("text,trigger", [
    # an obligation a speaker puts on another actor is a demand (REQUEST), with or without an event word
    ("The minister said the militias must hand over their weapons.", "hand"),
    ("Oslo says the blockade of the port must be lifted.", "lifted"),
    ("The envoy stressed that both parties must resume talks.", "talks"),
])
def test_a_reported_obligation_is_a_request(nlp, rules, text, trigger):
    out = coded(nlp, rules, text)
    assert any(t == "REQUEST" and w == trigger and not hyp for t, _m, hyp, w in out), out


@pytest.mark.parametrize("text", [
    "Police said the driver must have fallen asleep at the wheel.",  # an inference, not a demand
    "The mayor said we must all stay calm.",  # the speaker's own side
])
def test_other_musts_are_no_request(nlp, rules, text):
    assert not [e for e in coded(nlp, rules, text) if e[0] == "REQUEST"]


@pytest.mark.parametrize("text,expected", [
    # the manual's AGREE: "indicate willingness ... to cooperate"; an announced retreat would be CONCEDE
    ("Norway is willing to send food aid to the region.", "AGREE"),
    ("The government is ready to withdraw its troops from the buffer zone.", "AGREE"),
    ("The militia is ready to attack the town if the talks fail.", "THREATEN"),
    # future tense of a protest or a curfew: THREATEN, not left to the classifier
    ("The opposition said it will boycott the vote.", "THREATEN"),
    ("The governor will extend the curfew in the capital.", "THREATEN"),
    # "would" in reported speech is a future shifted back (the sequence of tenses)
    ("The ministry said it would send food aid to the flooded districts.", "AGREE"),
])
def test_willingness_and_future(nlp, text, expected):
    assert expected in [e[0] for e in coded(nlp, EventsStage(), text)], coded(nlp, EventsStage(), text)


def test_a_reported_conditional_stays_hypothetical(nlp, rules):
    out = coded(nlp, rules, "The ministry said it would send food aid if the rains failed.")
    assert ("AID", None, True, "send") in out, out


def test_a_withheld_concession_is_a_rejection(nlp, rules):
    out = coded(nlp, rules, "The city council did not give permission for the march.")
    assert [e[0] for e in out if e[3] == "give"] == ["REJECT"], out


def test_a_rule_output_is_not_retyped_back(nlp):
    # the classifier reads "halted the offensive" as the offensive; the manual's rule makes it a RETREAT
    trig = Trigger("halt offensive", "V", "RETREAT", "ceasefire", (), (), "curated", replaces="ASSAULT")
    assert trig.replaces == "ASSAULT"
    out = coded(nlp, EventsStage(), "The army halted its offensive on the northern city.")
    assert ("RETREAT", "ceasefire", False, "halted") in out, out


def test_attributive_participles_are_no_events(nlp, rules):
    out = coded(nlp, rules, "Jets bombed positions of the Iranian-backed militia near the rebel-held town.")
    assert [e[3] for e in out] == ["bombed"], out


@pytest.mark.parametrize("text,expected", [
    ("The embassy granted asylum to the dissident.", ("AID", None)),
    ("Japan halted economic aid to the junta.", ("SANCTION", "withdraw")),
    ("The president lifted the state of emergency in the province.", ("RETREAT", None)),
    ("The government closed its borders with both neighbours.", ("COERCE", "restrict")),
    ("Poland opened its borders to the refugees.", ("AID", None)),
    ("Rioters set fire to the mayor's office.", ("ASSAULT", "primitive")),
    ("Dock workers stopped work at the port on Monday.", ("PROTEST", "strike")),
    ("About 2,000 fighters were demobilized under the accord.", ("RETREAT", "disarm")),
    ("Hundreds of students demonstrated outside the ministry.", ("PROTEST", "demo")),
    ("The cabinet accepted the demands of the nurses.", ("CONCEDE", None)),
    ("The general announced a three-day cease-fire.", ("CONCEDE", None)),
    ("The governor launched an attack on the judges, calling them cowards.", ("ACCUSE", "disapprove")),
    ("Some 3,000 families sought refuge in the neighbouring country.", ("REQUEST", "assist")),
    ("The ministers applauded the decision of the court.", ("SUPPORT", None)),
    ("The opposition disputed the official results.", ("ACCUSE", "disapprove")),
])
def test_manual_rows_and_rules(nlp, rules, text, expected):
    assert expected in [(t, m) for t, m, _hyp, _w in coded(nlp, rules, text)], coded(nlp, rules, text)


def test_demonstrating_a_skill_is_no_protest(nlp, rules):
    assert not [e for e in coded(nlp, rules, "The engineers demonstrated the new pump.") if e[0] == "PROTEST"]


def test_classifier_features_see_the_object_and_passive_rows(nlp):
    # the classifier's lexicon features match the lexicon like the events stage (`verb _obj`, `verb _pass`)
    doc = nlp("Customs officers returned two stolen statues to the museum.")
    verb = next(t for t in doc if t.text == "returned")
    pos, keys = candidate_keys(verb)
    assert pos == "V" and keys.index("return _obj") < keys.index("return")
    assert TriggerLexicon.load().known("return _obj", "V")
    feats = features(doc[:], verb)
    assert feats.get("tl=RETREAT") == 1.0 and feats.get("x=RETREAT") == 1.0


@pytest.mark.parametrize("text,trigger", [
    ("The two sides signed an accord aimed at ending the feud.", "aimed"),
    ("Parliament passed a law designed to stop the unrest.", "designed"),
])
def test_a_participle_of_purpose_is_no_event(nlp, rules, text, trigger):
    assert all(w != trigger for _t, _m, _h, w in coded(nlp, rules, text))


@pytest.mark.parametrize("text,trigger,event", [
    ("The city lies near the border and has been hit repeatedly by missiles and drones.", "hit", False),
    ("Soldiers regularly shell the villages along the river.", "shell", False),
    ("The man was stabbed repeatedly outside a bar on Friday.", "stabbed", True),
    ("Rebels had repeatedly attacked the convoy before it reached the town.", "attacked", True),
])
def test_a_present_pattern_is_no_event(nlp, rules, text, trigger, event):
    """A present or present-perfect verb with an adverb of frequency describes a pattern; in the past tense
    it is one event done many times."""
    assert any(w == trigger for _t, _m, _h, w in coded(nlp, rules, text)) is event


@pytest.mark.parametrize("text,kind", [
    ("Shopkeepers said the strike would go on until the tax was withdrawn.", "PROTEST"),
    ("It was the longest strike since a nationwide shutdown two years ago.", "PROTEST"),
    ("The army said the strike hit a weapons depot.", "ASSAULT"),
])
def test_a_strike_of_traders_is_a_protest(nlp, rules, text, kind):
    assert any(t == kind and w == "strike" for t, _m, _h, w in coded(nlp, rules, text))


@pytest.mark.parametrize("text,trigger,kind", [
    # taking a place by arms is fighting (ASSAULT); seizing goods stays COERCE seize
    ("Government troops captured three towns west of the capital on Monday.", "captured", "ASSAULT"),
    ("Rebel fighters seized the airport after a week of fighting.", "seized", "ASSAULT"),
    ("Police seized weapons and ammunition from a house in the city.", "seized", "COERCE"),
])
def test_taking_a_place_by_arms_is_an_assault(nlp, rules, text, trigger, kind):
    assert (kind, trigger) in {(t, w) for t, _m, _h, w in coded(nlp, rules, text)}


def test_a_camera_capturing_video_is_no_assault(nlp, rules):
    text = "A camera in the area captured video of the shooting."
    assert ("ASSAULT", "captured") not in {(t, w) for t, _m, _h, w in coded(nlp, rules, text)}


@pytest.mark.parametrize("text,sub", [
    ("Syrian government forces captured a town near Hama on Saturday.", "Government regains territory"),
    ("Al-Shabab militants recaptured the village from government forces on Sunday.",
     "Non-state actor overtakes territory"),
])
def test_a_place_taken_by_arms_is_an_acled_territory_battle(pipeline, text, sub):
    from eventwire.article import Article

    events = [e for r in pipeline.run([Article(id="t", text=text)]) for e in r.events]
    assert sub in {e.acled_sub_event_type for e in events}, [(e.event_type, e.acled_sub_event_type) for e in events]
