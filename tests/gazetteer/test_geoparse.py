"""The geoparser on small hand-made sentences (expectations checked by hand)."""

from __future__ import annotations

import pytest
from mention_helpers import by_text, parse

from eventwire.gazetteer.geoparse import is_fallback
from eventwire.gazetteer.rank import haversine_km


def test_city_with_country_context(nlp, geoparser):
    ms = parse(nlp, geoparser, "Rockets hit Erbil, Iraq, on Tuesday, officials in Baghdad said.")
    erbil = by_text(ms, "Erbil")
    assert erbil.country_iso3 == "IRQ" and erbil.geo_precision == "city"
    assert haversine_km(erbil.latitude, erbil.longitude, 36.19, 44.01) < 25
    assert erbil.sentence_start == 0 and erbil.confidence > 0.5
    assert by_text(ms, "Baghdad").feature_code == "PPLC"


def test_demonyms_are_flagged(nlp, geoparser):
    ms = parse(nlp, geoparser, "Iraqi officials met Iranian diplomats in Geneva.")
    iraqi = by_text(ms, "Iraqi")
    assert iraqi.is_demonym and iraqi.country_iso3 == "IRQ"
    assert by_text(ms, "Iranian").country_iso3 == "IRN"
    assert not by_text(ms, "Geneva").is_demonym


def test_trimmed_spans_and_extension(nlp, geoparser):
    ms = parse(nlp, geoparser, "Ships were attacked in the Red Sea near Yemen's coast and in Iraq's "
                               "Kurdistan region.")
    red = by_text(ms, "Red Sea")
    assert red.feature_code == "SEA" and red.geonames_id is None
    assert by_text(ms, "Yemen").country_iso3 == "YEM"
    assert by_text(ms, "Kurdistan region").name == "Kurdistan Region"


def test_paris_texas_with_state_context(nlp, geoparser):
    ms = parse(nlp, geoparser, "The storm damaged homes in Paris, Texas, and nearby Dallas.")
    paris = by_text(ms, "Paris")
    assert paris.country_iso3 == "USA" and paris.admin1 == "Texas"


def test_paris_france_by_default(nlp, geoparser):
    ms = parse(nlp, geoparser, "Protesters marched through Paris on Saturday.")
    assert by_text(ms, "Paris").country_iso3 == "FRA"


def test_place_inside_an_organisation_name(nlp, geoparser):
    ms = parse(nlp, geoparser, "Flights at Erbil International Airport were halted after the attack.")
    assert any(m.name == "Erbil" for m in ms)


def test_person_names_are_not_places(nlp, geoparser):
    ms = parse(nlp, geoparser, "Adrienne Watson, spokesperson for the council, said Jordan Peterson spoke.")
    assert not [m for m in ms if m.name is not None and "Watson" in m.text]
    assert not [m for m in ms if "Jordan" in m.text]


def test_resolve_given_spans(nlp, geoparser):
    text = "The flood reached Alexandria, Louisiana, and Pineville."
    doc = nlp(text)
    a = text.index("Alexandria")
    out = geoparser.resolve_spans(doc, [(a, a + len("Alexandria")), (text.index("Louisiana"),
                                                                     text.index("Louisiana") + 9)])
    assert out[0].admin1 == "Louisiana" and out[0].country_iso3 == "USA"
    assert out[0].start == a


@pytest.mark.parametrize(("text", "national", "scope", "admin1"), [
    ("YAKIMA, Wash. (AP) - Apple growers across Washington expect a small harvest.", None, "dateline", "Washington"),
    ("YAKIMA, Wash. (AP) - Apple growers across Washington expect a small harvest.", "USA", "regional", "Washington"),
    ("YAKIMA, Wash. (AP) - Apple growers across Washington expect a small harvest.", "GBR", "national", None),
    ("YAKIMA (AP) - Apple growers across Washington expect a small harvest.", None, None, None),
])
def test_a_dateline_division_is_the_story_home(nlp, geoparser, text, national, scope, admin1):
    from eventwire.gazetteer.outlets import Home

    doc = nlp(text)
    names = ["YAKIMA", "Wash.", "Washington"] if "Wash." in text else ["YAKIMA", "Washington"]
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    mentions = geoparser.given_mentions(doc, spans)
    home = None
    if national is not None:
        country = geoparser.gaz.country(national)
        home = Home("national", national, None, country.lat, country.lon, country.name, "outlets table", country)
    got = geoparser.home_in_article(home, mentions)
    assert (got.scope if got else None) == scope
    assert (got.admin1 if got else None) == admin1


@pytest.mark.parametrize("text", ["", "No places here at all.", "the and of"])
def test_no_places(nlp, geoparser, text):
    assert [m for m in parse(nlp, geoparser, text) if m.name] == []


def test_city_tagged_as_person_after_locative_preposition(nlp):
    from eventwire.gazetteer.geoparse import Geoparser
    from eventwire.resources import default_resources

    gp = Geoparser(default_resources().gazetteer)
    doc = nlp("KYIV - Finland's foreign minister arrived in Kyiv on Thursday for talks.")
    mentions = gp.parse(doc, "a")
    assert mentions[0].text == "KYIV"
    assert any(m.text == "Kyiv" and m.start > 10 and m.country_iso3 == "UKR" for m in mentions)


def test_heathrow_in_a_london_story(nlp, geoparser):
    ms = parse(nlp, geoparser, "Flights were grounded at Heathrow on Monday after a fire near London.")
    heathrow = by_text(ms, "Heathrow")
    assert heathrow.country_iso3 == "GBR"
    assert haversine_km(heathrow.latitude, heathrow.longitude, 51.47, -0.46) < 25


def test_given_institution_named_after_a_place(nlp, geoparser):
    text = "Colorado State University and the Bank of Mexico signed the deal; Cornell University did not."
    doc = nlp(text)
    names = ["Colorado State University", "Bank of Mexico", "Cornell University"]
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    csu, bank, cornell = geoparser.resolve_spans(doc, spans, "t")
    assert csu.name == "Colorado" and csu.geo_precision == "admin1" and "named after" in csu.reason
    assert bank.country_iso3 == "MEX" and bank.geo_precision == "country"
    assert "named after" not in cornell.reason  # "Cornell" is no country or division


def test_unknown_name_placed_in_its_container(nlp, geoparser):
    text = "She grew up in Zorbaxville, Ohio, and later moved to Paris."
    names = ["Zorbaxville", "Ohio", "Paris"]
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    unknown, ohio, _ = geoparser.resolve_spans(nlp(text), spans, "t")
    assert is_fallback(unknown) and unknown.name == ohio.name == "Ohio"
    assert "('X, Y')" in unknown.reason and unknown.confidence < 0.5
