"""Precision rules of the geoparser for short international news sentences (hand-written sentences,
expectations checked by hand): names of people after a title, words of an institution's name, countries and
much larger namesakes over small towns the text does not place, names nested in longer names, former and
short country names."""

from __future__ import annotations

import pytest
from mention_helpers import by_text, parse, texts

from eventwire.gazetteer.rank import haversine_km


@pytest.mark.parametrize("text, name", [
    ("Queen Hassan of Jordan told reporters the border would reopen.", "Hassan"),
    ("President Bush warned Baghdad again on Friday.", "Bush"),
    ("The Bush administration warned Baghdad again on Friday.", "Bush"),
    ("Gen. Hassan met the envoy in Amman.", "Hassan"),
])
def test_a_name_after_a_title_is_a_person(nlp, geoparser, text, name):
    ms = parse(nlp, geoparser, text)
    assert name not in texts(ms)


def test_a_title_does_not_hide_a_multiword_place(nlp, geoparser):
    ms = parse(nlp, geoparser, "Flooding closed roads around Prince George on Sunday.")
    pg = by_text(ms, "Prince George")
    assert pg.country_iso3 == "CAN"


def test_an_institution_word_is_no_town(nlp, geoparser):
    ms = parse(nlp, geoparser, "Kenya's Supreme Court annulled the vote, and officials left Nairobi.")
    assert "Supreme" not in texts(ms)
    assert by_text(ms, "Nairobi").country_iso3 == "KEN"


def test_a_small_town_still_names_its_police(nlp, geoparser):
    ms = parse(nlp, geoparser, "The Groton Police Department said the road in Connecticut was closed.")
    assert by_text(ms, "Groton").country_iso3 == "USA"


def test_a_word_inside_a_longer_name_is_no_place(nlp, geoparser):
    ms = parse(nlp, geoparser, "Delegates of the Organization of African Unity met on Monday.")
    assert "Unity" not in texts(ms)


def test_a_country_beats_a_town_the_text_does_not_place(nlp, geoparser):
    ms = parse(nlp, geoparser, "The United States will share intelligence with Macedonia, officials in "
                               "Washington said.")
    mac = by_text(ms, "Macedonia")
    assert mac.country_iso3 == "MKD" and mac.geo_precision == "country"


def test_a_town_placed_by_its_state_keeps_its_name(nlp, geoparser):
    ms = parse(nlp, geoparser, "The fire destroyed a barn in Macedonia, Ohio, on Tuesday.")
    mac = by_text(ms, "Macedonia")
    assert mac.country_iso3 == "USA" and mac.admin1 == "Ohio"


def test_a_much_larger_namesake_beats_an_unplaced_small_town(nlp, geoparser):
    ms = parse(nlp, geoparser, "American and Iranian negotiators will meet again in Geneva next week.")
    geneva = by_text(ms, "Geneva")
    assert geneva.country_iso3 == "CHE"
    assert haversine_km(geneva.latitude, geneva.longitude, 46.2, 6.15) < 50


def test_a_nested_country_name_is_not_read_alone(nlp, geoparser):
    ms = parse(nlp, geoparser, "A spokesman for the Democratic People's Republic of Korea rejected the offer.")
    assert "Republic of Korea" not in texts(ms)
    assert {m.country_iso3 for m in ms if m.name} == {"PRK"}


@pytest.mark.parametrize("name, iso3", [
    ("Bosnia", "BIH"), ("Zaire", "COD"), ("Swaziland", "SWZ"), ("Yugoslavia", "SRB"),
    ("Czechoslovakia", "CZE"), ("East Germany", "DEU"), ("Soviet Union", "RUS"), ("Ceylon", "LKA"),
])
def test_short_and_former_country_names(nlp, geoparser, name, iso3):
    ms = parse(nlp, geoparser, f"Troops from {name} arrived on Monday.")
    m = by_text(ms, name)
    assert m.country_iso3 == iso3 and m.geo_precision == "country"


def test_a_hyphenated_compound_is_no_dateline(nlp, geoparser):
    ms = parse(nlp, geoparser, "NATO-member Norway offered help.")
    assert "NATO" not in texts(ms)


def test_a_bare_direction_is_no_place(nlp, geoparser):
    ms = parse(nlp, geoparser, "Iran accused the West of hypocrisy.")
    assert "West" not in texts(ms)


def test_an_organisation_named_like_a_hamlet_is_no_place(nlp, geoparser):
    recs = geoparser.parse(nlp("Red Cross officials said the convoy reached the border town on Monday."), "t")
    assert not any("Red" in r.text for r in recs), recs


def test_an_ethnonym_in_an_organisations_name_names_its_people_country(nlp, geoparser):
    recs = geoparser.parse(nlp("Rebels of the Moro Islamic Liberation Front attacked an army post in Mindanao."),
                           "t")
    by_text = {r.text: r for r in recs}
    assert by_text["Moro"].country_iso3 == "PHL" and by_text["Mindanao"].country_iso3 == "PHL", recs


def test_a_surname_is_no_ethnonym(nlp, geoparser):
    recs = geoparser.parse(nlp("Former prime minister Aldo Moro was kidnapped in Rome. Moro was held for 55 days."),
                           "t")
    assert [r.name for r in recs] == ["Rome"], recs
