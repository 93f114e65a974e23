"""Detection cues added in session 2 (hand-written sentences): demonyms the tagger misses or calls people,
"X in Y" inside an organisation's name, "X, <state>", and names such cues teach to the rest of the article."""

from __future__ import annotations

import pytest


def mentions(nlp, geoparser, text):
    return geoparser.parse(nlp(text), "t")


@pytest.mark.parametrize("text,word,iso3", [
    ("Salvadoran migrants waited at the border on Monday.", "Salvadoran", "SLV"),
    ("Azerbaijani soldiers laid the mines, Sri Lankan officials said.", "Sri Lankan", "LKA"),
    ("Azerbaijani soldiers laid the mines, Sri Lankan officials said.", "Azerbaijani", "AZE"),
    ("Crowds waved Korean flags in the square.", "Korean", "KOR"),
    ("North Korean troops crossed the line.", "North Korean", "PRK"),
])
def test_demonym_outside_a_norp_entity(nlp, geoparser, text, word, iso3):
    ms = [m for m in mentions(nlp, geoparser, text) if m.text == word]
    assert ms and ms[0].is_demonym and ms[0].country_iso3 == iso3, ms


def test_place_after_in_inside_an_organisation_name_is_taught(nlp, geoparser):
    text = "Students at Saint Mary Lutheran School in Ocilla won the prize. Ocilla fifth-graders wrote letters."
    ms = [m for m in mentions(nlp, geoparser, text) if m.text == "Ocilla"]
    assert len(ms) == 2 and all(m.admin1 == "Georgia" for m in ms), ms
    assert "inside a name" in ms[0].reason


def test_name_before_comma_and_state(nlp, geoparser):
    ms = [m for m in mentions(nlp, geoparser, "Ocilla, Georgia, is a quiet town.") if m.text == "Ocilla"]
    assert ms and ms[0].admin1 == "Georgia" and "', <place>'" in ms[0].reason, ms


def test_person_after_comma_is_not_taught_as_a_place(nlp, geoparser):
    # "Welch" follows a place, but only strong cues spread a name to the rest of the article
    text = "Police in Kansas City said Welch, 34, was stabbed. Welch was taken to hospital."
    ms = [m for m in mentions(nlp, geoparser, text) if m.text == "Welch" and m.name is not None]
    assert not ms, ms


def test_curated_syrian_region(nlp, geoparser):
    text = "Aid reached civilians in Eastern Ghouta as shelling hit Ghouta again."
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Eastern Ghouta", "hit Ghouta")]
    spans[1] = (spans[1][0] + 4, spans[1][1])
    for m in geoparser.resolve_spans(nlp(text), spans, "t"):
        assert m.country_iso3 == "SYR" and 33.0 < m.latitude < 34.0 and 36.0 < m.longitude < 37.0, m


def test_province_abbreviation_whose_dot_ends_the_sentence(nlp, geoparser):
    ms = [m for m in mentions(nlp, geoparser, "A cat found near Melville, Sask. survived the trip.")
          if m.text.startswith("Sask")]
    assert ms and ms[0].name == "Saskatchewan", ms


def test_county_inside_a_person_or_organisation_entity(nlp, geoparser):
    text = ("The suspect was arrested on Friday, according to Anderson County Sheriff Greg Taylor. "
            "At a recent Walker County Commissioners Court meeting, the members voted.")
    ms = {m.text: m for m in mentions(nlp, geoparser, text)}
    assert "Anderson County" in ms and ms["Anderson County"].feature_code == "ADM2", ms
    assert "Walker County" in ms and ms["Walker County"].feature_code == "ADM2", ms


def test_capitalised_stop_word_alone_is_not_a_place(nlp, geoparser):
    ms = mentions(nlp, geoparser, "Most of the residents left. No one stayed in the US after that.")
    assert not [m for m in ms if m.text in ("Most", "No")], ms
    assert [m for m in ms if m.text == "US" and m.country_iso3 == "USA"], ms
