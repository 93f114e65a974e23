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
