"""CAMEO roots and the ACLED crosswalk."""

from __future__ import annotations

import pytest

from eventwire.ontology.crosswalks import acled, acled_for_event, acled_types, cameo_codes, cameo_root
from eventwire.ontology.plover import EVENT_TYPES


@pytest.mark.parametrize(("ptype", "mode", "root"), [
    ("AGREE", None, "03"), ("CONSULT", "visit", "04"), ("SUPPORT", None, "05"), ("COOPERATE", None, "06"),
    ("AID", None, "07"), ("CONCEDE", None, "08"), ("RETREAT", "release", "08"), ("ACCUSE", "investigate", "09"),
    ("ACCUSE", "disapprove", "11"), ("REQUEST", "meet", "10"), ("REJECT", None, "12"), ("THREATEN", None, "13"),
    ("PROTEST", "demo", "14"), ("MOBILIZE", "troops", "15"), ("SANCTION", "expel", "16"),
    ("COERCE", "arrest", "17"), ("COERCE", "restrict", "17"), ("ASSAULT", "abduct", "18"),
    ("ASSAULT", "firearms", "19"), ("ASSAULT", "aerial", "19"), ("ASSAULT", "unconventional", "20"),
])
def test_cameo_root(ptype, mode, root):
    assert cameo_root(ptype, mode) == root


def test_every_type_has_a_cameo_root():
    assert all(cameo_root(t) for t in EVENT_TYPES)
    assert "1821" in cameo_codes("ASSAULT", "sexual")


def test_acled_names_match_the_case_2021_codes():
    types = acled_types()
    assert len(types) == 25
    assert types["AIR_STRIKE"] == ("Explosions/Remote violence", "Air/drone strike")
    assert {t for t, _ in types.values()} == {"Battles", "Explosions/Remote violence",
                                               "Violence against civilians", "Protests", "Riots",
                                               "Strategic developments"}


@pytest.mark.parametrize(("args", "expected"), [
    (("ASSAULT", "firearms", (), "MIL", "CVL"), ("Violence against civilians", "Attack")),
    (("ASSAULT", "firearms", (), "MIL", "REB"), ("Battles", "Armed clash")),
    (("ASSAULT", "aerial", (), "MIL", "CVL"), ("Explosions/Remote violence", "Air/drone strike")),
    (("ASSAULT", "drone"), ("Explosions/Remote violence", "Air/drone strike")),
    (("ASSAULT", "heavy-weapons"), ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    (("ASSAULT", "explosives"), ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    (("ASSAULT", "suicide-attack"), ("Explosions/Remote violence", "Suicide bomb")),
    (("ASSAULT", "abduct", (), "REB", "CVL"), ("Violence against civilians", "Abduction/forced disappearance")),
    (("ASSAULT", "sexual"), ("Violence against civilians", "Sexual violence")),
    (("ASSAULT", "beat", (), "CVL", "CVL"), ("Riots", "Mob violence")),
    (("ASSAULT", "crowd-control", (), "COP", "CVL"), ("Protests", "Protest with intervention")),
    (("PROTEST", "demo"), ("Protests", "Peaceful protest")),
    (("PROTEST", "riot"), ("Riots", "Violent demonstration")),
    (("COERCE", "arrest", (), "COP", "CVL"), ("Strategic developments", "Arrests")),
    (("COERCE", "seize", ("territory",), "REB", "MIL"), ("Battles", "Non-state actor overtakes territory")),
    (("COERCE", "seize", ("territory",), "MIL", "REB"), ("Battles", "Government regains territory")),
    (("RETREAT", "ceasefire"), ("Strategic developments", "Agreement")),
    (("MOBILIZE", "troops"), ("Strategic developments", "Change to group/activity")),
    (("CONSULT", "visit"), (None, None)),
    (("ACCUSE", "disapprove", (), "GOV", "GOV"), (None, None)),
])
def test_acled_for_event(args, expected):
    assert acled_for_event(*args) == expected


def test_force_against_protesters_uses_the_recipient_text():
    got = acled_for_event("ASSAULT", "firearms", (), "COP", "CVL", "anti-government protesters")
    assert got == ("Protests", "Excessive force against protesters")


def test_acled_without_actors():
    assert acled("ASSAULT", "aerial") == ("Explosions/Remote violence", "Air/drone strike")
    assert acled("ASSAULT", "assassinate") == ("Violence against civilians", "Attack")  # older mode name
    assert acled("ASSAULT", "no-such-mode") == (None, None)


def test_agreements_need_two_conflict_parties():
    assert acled_for_event("AGREE", None, (), "GOV", "REB") == ("Strategic developments", "Agreement")
    assert acled_for_event("SUPPORT", None, (), None, "REB") == (None, None)  # verbal backing is not a deal
    assert acled_for_event("AGREE", None, (), "GOV", "GOV") == (None, None)


def test_an_intelligence_office_is_not_a_battle_side():
    assert acled_for_event("ASSAULT", "destroy", (), "MIL", "SPY") == ("Strategic developments",
                                                                     "Looting/property destruction")


@pytest.mark.parametrize(("args", "evidence", "expected"), [
    (("ASSAULT", "explosives", (), "UAF", "CVL"), "A grenade was thrown into the market.",
     ("Explosions/Remote violence", "Grenade")),
    (("ASSAULT", "aerial", (), "MIL", "CVL"), "Artillery shells and rockets hit the town.",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    (("ASSAULT", "aerial", (), "MIL", "CVL"), "Warplanes fired missiles at the town.",
     ("Explosions/Remote violence", "Air/drone strike")),
    (("ASSAULT", None, (), "MIL", None), "Helicopters dropped chlorine on the district.",
     ("Explosions/Remote violence", "Chemical weapon")),
    (("PROTEST", "demo", (), "CVL", "GOV"), "Demonstrators hurled stones at the police.",
     ("Riots", "Violent demonstration")),
    (("COERCE", "seize", (), "COP", None), "Police seized a cache of rifles and ammunition.",
     ("Strategic developments", "Disrupted weapons use")),
    (("ASSAULT", "firearms", (), "COP", "CVL"), "Police opened fire on a protest in the capital.",
     ("Protests", "Excessive force against protesters")),
    (("ASSAULT", None, (), "MIL", None), "Soldiers clashed with gunmen near the border.",
     ("Battles", "Armed clash")),
])
def test_evidence_words(args, evidence, expected):
    assert acled_for_event(*args, evidence=evidence) == expected


def test_territory_needs_a_place():
    assert acled_for_event("COERCE", "seize", (), "MIL", "REB", "the village of Kashma") == (
        "Battles", "Government regains territory")
    assert acled_for_event("COERCE", "seize", (), "REB", "MIL", "the town") == (
        "Battles", "Non-state actor overtakes territory")
