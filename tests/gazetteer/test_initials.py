"""Capital initials of countries and divisions (gazetteer/initials.py): for given spans, and after
"<place>, " in running text (hand-written sentences)."""

from __future__ import annotations

import pytest

from eventwire.gazetteer.initials import Initialisms, initials, is_initialism


@pytest.fixture(scope="module")
def index(gazetteer):
    return Initialisms(gazetteer)


def test_initials_of_names():
    assert initials("South Africa") == "SA"
    assert initials("Newfoundland and Labrador") == "NL"
    assert initials("Al Lādhiqīyah") is None  # one name after the article
    assert initials("Texas") is None
    assert is_initialism("WA") and is_initialism("NSW")
    assert not is_initialism("Wa") and not is_initialism("USSR") and not is_initialism("A1")


def test_index_by_initials_and_postal_code(index):
    def names(text):
        return {(c.place.name, c.place.country_iso3) for c in index.lookup(text)}

    assert {("South Africa", "ZAF"), ("South Australia", "AUS"), ("Saudi Arabia", "SAU")} <= names("SA")
    assert {("Western Australia", "AUS"), ("Washington", "USA")} <= names("WA")  # initials; postal code
    assert ("Texas", "USA") in names("TX") and ("British Columbia", "CAN") in names("BC")
    assert not index.lookup("Sa") and not index.lookup("SOUTH")


@pytest.mark.parametrize("text,word,name", [
    ("Fires burned near Perth, WA on Sunday, police said.", "WA", "Western Australia"),
    ("He moved to Austin, TX last year.", "TX", "Texas"),
    ("Fans in Kelowna, BC waited for hours.", "BC", "British Columbia"),
])
def test_initials_after_a_place_and_comma(nlp, geoparser, text, word, name):
    ms = [m for m in geoparser.parse(nlp(text), "t") if m.text == word]
    assert ms and ms[0].name == name and "after '<place>, '" in ms[0].reason, ms


def test_initials_alone_are_not_places(nlp, geoparser):
    text = "WA officials met SA investors in a hotel. Shares of Acme, SA rose."
    assert not [m for m in geoparser.parse(nlp(text), "t") if m.text in ("WA", "SA")]


def test_given_initials_take_the_article_context(nlp, geoparser):
    text = "Rain fell across Cape Town and Johannesburg. SA farmers welcomed it."
    doc = nlp(text)
    a = text.index("SA ")
    spans = [(text.index("Cape Town"), text.index("Cape Town") + 9),
             (text.index("Johannesburg"), text.index("Johannesburg") + 12), (a, a + 2)]
    rec = geoparser.resolve_spans(doc, spans, "t")[2]
    assert rec.name == "South Africa" and "capital initials" in rec.reason, rec
