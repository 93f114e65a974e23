"""Detection of small places the tagger misses, by what the sentence says of them (hand-written sentences;
each name below is too small for the prominent-place phrase pass, so only the rule under test finds it)."""

from __future__ import annotations

import pytest

from eventwire.gazetteer.geoparse import Geoparser


def found(nlp, geoparser, text, name):
    ms = [m for m in geoparser.parse(nlp(text), "t") if m.text.lower() == name.lower()]
    assert ms, f"{name!r} not detected in {text!r}"
    return ms[0]


@pytest.mark.parametrize("text,name,admin1,rule", [
    ("Bridge repairs start soon. WINSTED — The town council voted on Tuesday to repair the bridge.",
     "WINSTED", "Connecticut", "dateline"),
    ("Sen. Mark Dunn (D-Elkins) filed the bill on Monday.", "Elkins", "West Virginia", "legislator"),
    ("The Elkhorn Police Department said the road was closed.", "Elkhorn", "Wisconsin", "local institution"),
    ("The family moved to Kearney last spring.", "Kearney", "Nebraska", "move to"),
])
def test_small_place_found_by_its_syntax(nlp, geoparser, text, name, admin1, rule):
    m = found(nlp, geoparser, text, name)
    assert m.country_iso3 == "USA" and m.admin1 == admin1, (rule, m)
    assert m.confidence > 0.3


def test_list_of_counties(nlp, geoparser):
    text = "Storms hit Laurel, Knox and Whitley counties on Sunday."
    for name in ("Laurel", "Knox", "Whitley"):
        m = found(nlp, geoparser, text, name)
        assert m.feature_code == "ADM2" and m.admin1 == "Kentucky", m


def test_town_of(nlp, geoparser):
    assert found(nlp, geoparser, "Officials said the town of Ocotal was flooded.", "Ocotal").country_iso3 == "NIC"


def test_months_and_acronyms_are_not_places(nlp, geoparser):
    ms = Geoparser.parse(geoparser, nlp("The fair opens in May, students at UF said, and closes in June."), "t")
    assert not [m for m in ms if m.text in ("May", "June", "UF") and m.name is not None]


def test_person_after_to_is_not_a_place(nlp, geoparser):
    ms = geoparser.parse(nlp("The coach handed the ball to Taylor, who scored twice."), "t")
    assert not [m for m in ms if m.text == "Taylor" and m.name is not None]


def test_province_and_state_abbreviations(nlp, geoparser):
    text = "Crews reached Wainwright, Alta., on Friday; fires burned near Dubbo in NSW."
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Wainwright", "Alta.", "Dubbo", "NSW")]
    wain, alta, dubbo, nsw = geoparser.resolve_spans(nlp(text), spans, "t")
    assert alta.name == "Alberta" and alta.feature_code == "ADM1"
    assert wain.country_iso3 == "CAN" and wain.admin1 == "Alberta"
    assert nsw.name == "New South Wales" and dubbo.admin1 == "New South Wales"
