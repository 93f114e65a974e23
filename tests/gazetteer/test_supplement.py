"""Session 4 additions to the curated supplement and to given-span look-ups (hand-written inputs)."""

from __future__ import annotations

from eventwire.gazetteer.geoparse import DIRECTION_REASON, is_fallback


def test_demonyms_of_first_level_divisions(gazetteer):
    for word, name, iso3 in (("Texans", "Texas", "USA"), ("Welsh", "Wales", "GBR"), ("English", "England", "GBR")):
        p = gazetteer.demonym(word)
        assert p is not None and p.name == name and p.country_iso3 == iso3 and p.feature_code == "ADM1"
    # a division's demonym never passes for a country
    assert gazetteer.country("Texan") is None


def test_curated_water_bodies_islands_and_historical_states(gazetteer):
    erie = [c.place for c in gazetteer.lookup("Lake Erie")]
    assert erie and erie[0].feature_code == "LK" and 41.0 < erie[0].lat < 43.5
    ussr = [c.place for c in gazetteer.lookup("USSR")]
    assert ussr and ussr[0].name == "Soviet Union" and ussr[0].feature_code == "PCLH"
    nz = [c.place for c in gazetteer.lookup("North Island") if c.place.country_iso3 == "NZL"]
    assert nz and nz[0].lat < -34
    nl = [c.place for c in gazetteer.lookup("Newfoundland")]
    assert nl and nl[0].feature_code == "ADM1" and nl[0].country_iso3 == "CAN"


def test_direction_word_before_a_region_given_span(nlp, geoparser):
    text = "Storms hit South Florida and the West Wing staff stayed home in Washington."
    doc = nlp(text)
    a, b = text.index("South Florida"), text.index("West Wing")
    fl, ww = geoparser.resolve_spans(doc, [(a, a + 13), (b, b + 9)])
    assert fl.admin1 == "Florida" and fl.geo_precision == "admin1" and DIRECTION_REASON in fl.reason
    assert ww.latitude is None or is_fallback(ww)  # no town called Wing


def test_landmarks_islands_and_regions(gazetteer):
    for name, code, iso3, lat in (("Windsor Castle", "CSTL", "GBR", 51.5), ("Disneyworld", "AMUS", "USA", 28.4),
                                  ("Trump Tower", "BLDG", "USA", 40.8), ("Palais des Nations", "BLDG", "CHE", 46.2),
                                  ("Mindanao", "ISL", "PHL", 7.5), ("Java", "ISL", "IDN", -7.5),
                                  ("Appalachians", "MTS", "USA", 39.5), ("Third Reich", "PCLH", "DEU", 51.5)):
        found = [c.place for c in gazetteer.lookup(name) if c.place.geonames_id is None]  # curated
        assert any((p.feature_code, p.country_iso3) == (code, iso3) and abs(p.lat - lat) < 0.5 for p in found), \
            (name, found)


def test_arab_names_the_arabian_peninsula_not_a_town(nlp, geoparser, gazetteer):
    p = gazetteer.demonym("Arab")
    assert p is not None and p.name == "Arabian Peninsula"
    text = "Saudi Arabia has led an Arab intervention in Yemen."
    a = text.index("Arab ")
    rec = geoparser.resolve_spans(nlp(text), [(a, a + 4)], "t")[0]
    assert rec.is_demonym and rec.name == "Arabian Peninsula", rec


def test_combining_forms_of_country_names(gazetteer):
    assert gazetteer.demonym("Austro").country_iso3 == "AUT"
    assert gazetteer.demonym("Sino").country_iso3 == "CHN"


def test_the_west_as_a_given_span_is_western_europe_not_a_province(nlp, geoparser):
    text = "Relations between Russia and the West worsened as Western countries expelled diplomats."
    recs = geoparser.resolve_spans(nlp(text), [(text.index("Russia"), text.index("Russia") + 6),
                                               (text.index("West "), text.index("West ") + 4),
                                               (text.index("Western"), text.index("Western") + 7)], "t")
    assert [r.name for r in recs] == ["Russia", "Western Europe", "Western Europe"], recs
    assert not any(r.text in ("West", "Western") for r in geoparser.parse(nlp(text), "t"))  # not detected alone


def test_congress_names_the_capitol_and_english_counties_exist(nlp, geoparser, gazetteer):
    assert "United States Capitol" in {c.place.name for c in gazetteer.lookup("Congress")}
    text = "The chief executive will travel next week to testify before Congress about the data breach."
    doc = nlp(text)
    a = text.index("Congress")
    rec = geoparser.resolve_spans(doc, [(a, a + 8)])[0]
    assert rec.country_iso3 == "USA" and abs(rec.latitude - 38.89) < 0.1 and abs(rec.longitude + 77.01) < 0.1
    for county in ("Berkshire", "Greater Manchester", "West Yorkshire"):  # no ADM2 of GeoNames' England
        assert "GBR" in {c.place.country_iso3 for c in gazetteer.lookup(county)}, county
