from __future__ import annotations

from eventwire.gazetteer.build import default_path, read_tsv, version
from eventwire.gazetteer.normalize import normalize
from eventwire.gazetteer.rank import haversine_km


def near(place, lat, lon, km=25.0):
    return haversine_km(place.lat, place.lon, lat, lon) <= km


def test_normalize():
    assert normalize("St. Louis") == normalize("Saint-Louis") == "saint louis"
    assert normalize("the Gaza Strip") == "gaza strip"
    assert normalize("Sanaʼa") != ""
    assert normalize("Côte d’Ivoire") == normalize("Cote d'Ivoire")


def test_versioned_file_name():
    assert version() in default_path().name


def test_erbil_and_baghdad(gazetteer):
    erbil = [p for p in gazetteer.candidates("Erbil") if p.feature_class == "P"][0]
    assert erbil.country_iso3 == "IRQ" and near(erbil, 36.19, 44.01)
    baghdad = [p for p in gazetteer.candidates("Baghdad") if p.feature_class == "P"][0]
    assert baghdad.feature_code == "PPLC" and near(baghdad, 33.34, 44.40)


def test_a_widely_known_place_has_more_names(gazetteer):
    def names(iso3):
        return max((c.place for c in gazetteer.lookup("Venice") if c.place.country_iso3 == iso3
                    and c.place.feature_class == "P" and c.place.name == "Venice"), key=lambda p: p.population).names
    assert names("ITA") > 3 * names("USA") > 0


def test_paris_is_france_by_default(gazetteer):
    best = gazetteer.candidates("Paris")[0]
    assert best.country_iso3 == "FRA"
    assert any(p.country_iso3 == "USA" and p.admin1 == "Texas" for p in gazetteer.candidates("Paris"))


def test_countries_first_for_country_names(gazetteer):
    for name, iso3 in [("Iraq", "IRQ"), ("Yemen", "YEM"), ("U.S.", "USA"), ("Britain", "GBR"),
                       ("Syria", "SYR")]:
        best = gazetteer.candidates(name)[0]
        assert best.country_iso3 == iso3, name
    assert gazetteer.candidates("Iraq")[0].feature_code == "PCLI"


def test_curated_places(gazetteer):
    red = gazetteer.candidates("Red Sea")[0]
    assert red.feature_code == "SEA" and red.geonames_id is None and red.precision == "region"
    assert gazetteer.candidates("Bab al-Mandab")[0].name == "Bab el-Mandeb"
    assert gazetteer.candidates("Kurdistan region")[0].country_iso3 == "IRQ"
    for r in read_tsv("curated.tsv"):
        assert len(r) >= 6 and -90 <= float(r[2]) <= 90 and -180 <= float(r[3]) <= 180, r


def test_country_lookup_and_demonyms(gazetteer):
    assert gazetteer.country("IRQ").name == "Iraq"
    assert gazetteer.country("Iraqi").country_iso3 == "IRQ"
    assert gazetteer.demonym("Iranian").country_iso3 == "IRN"
    assert gazetteer.demonym("Iraqis").country_iso3 == "IRQ"
    assert gazetteer.demonym("Kurdish").name == "Kurdistan Region"
    assert gazetteer.demonym("Parisian") is None
    assert gazetteer.country("France").country_iso3 == "FRA"
    assert gazetteer.country("Atlantis") is None


def test_demonym_table_covers_most_countries():
    targets = {r[0] for r in read_tsv("demonyms.tsv")}
    assert len([t for t in targets if len(t) == 3 and t.isupper()]) >= 190


def test_us_state_abbreviation(gazetteer):
    assert gazetteer.candidates("Calif.")[0].name == "California"


def test_geonames_style_points(gazetteer):
    """Regions and divisions whose populated places sit at one edge carry a representative point
    (curated.tsv, admin1_points.tsv), not the middle of their towns."""
    alberta = [p for p in gazetteer.candidates("Alberta") if p.feature_code == "ADM1"][0]
    assert alberta.country_iso3 == "CAN" and near(alberta, 52.28, -117.47)
    mideast = gazetteer.candidates("Middle East")[0]
    assert mideast.feature_code == "RGN" and near(mideast, 33.14, 35.86)


def test_heathrow_is_the_london_airport(gazetteer):
    cands = gazetteer.candidates("Heathrow")
    assert any(p.country_iso3 == "USA" for p in cands)  # Heathrow, Florida is a namesake
    airport = [p for p in cands if p.feature_code == "AIRP"][0]
    assert airport.country_iso3 == "GBR" and near(airport, 51.47, -0.46)


def test_arabic_article_dropped_in_arab_countries_only(gazetteer):
    qamishli = gazetteer.candidates("Qamishli")  # GeoNames: "Al Qāmishlī"
    assert qamishli and qamishli[0].country_iso3 == "SYR"
    assert not any(c.place.name == "El Paso" and c.place.country_iso3 == "USA" for c in gazetteer.lookup("Paso"))
