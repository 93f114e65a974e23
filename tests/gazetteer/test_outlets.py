"""The publisher's home (gazetteer/outlets.py) and the ranker's publisher-home prior (hand-written inputs)."""

from __future__ import annotations

import pytest

from eventwire.gazetteer.outlets import Home, Outlets, domain_of, read_table, split_domain, unwrap_archive
from eventwire.gazetteer.rank import FEATURES, home_features


@pytest.fixture(scope="module")
def outlets(gazetteer):
    return Outlets(gazetteer)


def test_domain_of_and_split():
    assert domain_of("https://www.Example-News.com/a/b?x=1") == "example-news.com"
    assert domain_of("news.bbc.co.uk") == "news.bbc.co.uk"
    assert domain_of("not a url") is None
    assert domain_of(None) is None
    assert split_domain("news.bbc.co.uk") == ("bbc", "co.uk")
    assert split_domain("www.denverpost.com") == ("denverpost", "com")
    assert split_domain("smh.com.au") == ("smh", "com.au")


def test_web_archive_urls_are_unwrapped(outlets):
    wrapped = "http://web.archive.org/web/20140215012040/http://www.denverpost.com:80/story/1"
    assert unwrap_archive(wrapped) == "http://www.denverpost.com:80/story/1"
    assert domain_of(wrapped) == "denverpost.com"
    assert domain_of("https://web.archive.org/web/20160101000000id_/ktla.com/2014/a") == "ktla.com"
    assert domain_of("web.archive.org/web/2016/http:/www.tulsaworld.com/a") == "tulsaworld.com"
    assert domain_of("https://archive.org/details/x") == "archive.org"  # not a copy of an article
    assert unwrap_archive("http://www.kxii.com/news/a") == "http://www.kxii.com/news/a"
    direct = outlets.home("http://www.denverpost.com/story/1")
    assert direct is not None and outlets.home(wrapped) == direct


def test_every_table_row_resolves(outlets, gazetteer):
    rows = read_table()
    assert len(rows) > 400
    scopes = {r.scope for r in rows}
    assert scopes == {"local", "regional", "national", "international"}
    table = outlets._load()  # raises on a home the gazetteer cannot place
    for r in rows:
        h = table[r.domain]
        assert (h is None) == (r.scope == "international"), r.domain
        if h is not None:
            assert h.country_iso3 == r.country


def test_table_by_url_subdomain_and_source_name(outlets):
    h = outlets.home("http://www.denverpost.com/2009/03/20/story")
    assert h is not None and h.scope == "local" and h.admin1 == "Colorado" and h.name == "Denver"
    h = outlets.home("http://news.nationalpost.com/news/world/x")
    assert h is not None and h.scope == "national" and h.country_iso3 == "CAN"
    h = outlets.home(None, "The Oregonian")
    assert h is not None and h.admin1 == "Oregon"
    assert outlets.home("https://www.reuters.com/world/x", "Reuters") is None  # international: no prior
    assert outlets.home(None, "Some Unknown Newsletter") is None


def test_place_named_in_the_domain(outlets):
    h = outlets.home("http://www.tulsa-gazette-example.com/story")  # not in the table
    assert h is not None and h.scope == "local" and h.admin1 == "Oklahoma"
    h = outlets.home("http://www.fox99chicago-example.com/")  # a big city inside the name
    assert h is not None and h.name == "Chicago"
    h = outlets.home("http://www.idahonewsnow-example.com/")  # a state opening the name
    assert h is not None and h.scope == "regional" and h.admin1 == "Idaho"
    # a small place inside a name is no home ("...starnews..." is not a place)
    assert outlets.home("http://www.dailystarnews-example.com/") is None


def test_country_code_domain(outlets):
    h = outlets.home("https://www.somepaper-example.co.za/news")
    assert h is not None and h.scope == "national" and h.country_iso3 == "ZAF"
    assert outlets.home("https://www.somepaper-example.io/news") is None  # sold as a generic name


def test_home_features(gazetteer, outlets):
    home = outlets.home("http://www.denverpost.com/x")
    aurora_co = max((c.place for c in gazetteer.lookup("Aurora") if c.place.admin1 == "Colorado"),
                    key=lambda p: p.population)
    aurora_il = max((c.place for c in gazetteer.lookup("Aurora") if c.place.admin1 == "Illinois"),
                    key=lambda p: p.population)
    assert home_features(aurora_co, home) == [1.0, 1.0, 1.0]
    assert home_features(aurora_il, home) == [1.0, 0.0, 0.0]
    assert home_features(aurora_co, None) == [0.0, 0.0, 0.0]
    k = FEATURES.index("home_country")
    assert FEATURES[k:k + 3] == ("home_country", "home_admin1", "home_near")


def test_a_dateline_home_gives_the_division_only(gazetteer):
    wa = next(c.place for c in gazetteer.lookup("Washington") if c.place.feature_code == "ADM1")
    dc = next(c.place for c in gazetteer.lookup("Washington") if c.place.feature_code == "PPLC")
    home = Home("dateline", "USA", wa.name, wa.lat, wa.lon, wa.name, "the dateline names Washington", wa)
    assert home_features(wa, home) == [0.0, 1.0, 0.0]  # no country prior, no nearness: the story's division
    assert home_features(dc, home) == [0.0, 0.0, 0.0]


def test_publisher_home_breaks_a_namesake_tie(nlp, geoparser):
    # no state named: only the publisher can tell which Aurora
    text = "Police in Aurora arrested two men on Tuesday after a robbery at a downtown store."
    doc = nlp(text)
    a = text.index("Aurora")
    il = geoparser.resolve_spans(doc, [(a, a + 6)], url="http://www.chicagotribune.com/news/x")[0]
    co = geoparser.resolve_spans(doc, [(a, a + 6)], url="http://www.denverpost.com/news/x")[0]
    assert il.admin1 == "Illinois" and co.admin1 == "Colorado"
    assert "publisher" in co.reason


def test_domain_home_yields_to_the_namesake_whose_division_the_article_names(nlp, outlets, geoparser):
    url = "http://www.derrynews-example.com/news/x"  # not in the table: a generic domain is read as American
    h = outlets.home(url)
    assert h is not None and h.scope == "local" and h.admin1 == "New Hampshire"
    text = "A new clinic opened at the hospital in Derry on Tuesday, the first of its kind in Northern Ireland."
    doc = nlp(text)
    spans = [(text.index("Derry"), text.index("Derry") + 5), (text.index("Northern"), len(text) - 1)]
    mentions = geoparser.given_mentions(doc, spans)
    moved = geoparser.home_in_article(h, mentions)
    assert moved is not None and moved.admin1 == "Northern Ireland" and moved.country_iso3 == "GBR"
    assert "the article names Northern Ireland" in moved.reason
    derry = geoparser.resolve_spans(doc, spans, url=url)[0]
    assert derry.country_iso3 == "GBR"
    # the article names the home's own division: the home stays
    text2 = "A new clinic opened in Derry on Tuesday, the first in New Hampshire and in Northern Ireland."
    doc2 = nlp(text2)
    spans2 = [(text2.index(w), text2.index(w) + len(w)) for w in ("Derry", "New Hampshire", "Northern Ireland")]
    assert geoparser.home_in_article(h, geoparser.given_mentions(doc2, spans2)) == h
    # a home from the outlets table is never moved
    table_home = outlets.home("http://www.denverpost.com/x")
    assert geoparser.home_in_article(table_home, mentions) is table_home
