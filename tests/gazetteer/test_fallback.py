"""The fallback for a mention whose only reading is a small place abroad far from the article's places
(geoparse `_stray`; hand-written sentences, given spans)."""

from __future__ import annotations


def _spans(text, words):
    return [(text.index(w), text.index(w) + len(w)) for w in words]


def test_a_small_place_abroad_far_from_the_article_falls_back_to_its_main_place(nlp, geoparser):
    text = "Police in Orlando and Sanford, Florida, said a man was arrested at Sears on Tuesday."
    recs = geoparser.resolve_spans(nlp(text), _spans(text, ["Orlando", "Sanford", "Florida", "Sears"]), "t")
    assert recs[3].country_iso3 == "USA" and "small place abroad" in recs[3].reason, recs[3]
    assert recs[3].confidence is not None and recs[3].confidence < 0.2


def test_a_small_place_in_a_country_the_article_names_stays(nlp, geoparser):
    text = "Floods hit Romania on Monday. In Brasov and near Sears, roads were closed."
    recs = geoparser.resolve_spans(nlp(text), _spans(text, ["Romania", "Brasov", "Sears"]), "t")
    assert recs[2].country_iso3 == "ROU" and "fallback" not in recs[2].reason, recs[2]


def test_an_unknown_name_after_a_citys_possessive_is_placed_at_that_city(nlp, geoparser):
    text = "Crews in Austin, Round Rock and Pflugerville worked late. A blaze in Houston's Frobmoor area spread."
    recs = geoparser.resolve_spans(nlp(text), _spans(text, ["Austin", "Round Rock", "Pflugerville", "Houston",
                                                             "Frobmoor"]), "t")
    assert recs[4].name == "Houston" and "'Y's X'" in recs[4].reason, recs[4]
    other = "Crews in Austin, Round Rock and Pflugerville worked late. A blaze in the Frobmoor area spread."
    rec = geoparser.resolve_spans(nlp(other), _spans(other, ["Austin", "Round Rock", "Pflugerville",
                                                             "Frobmoor"]), "t")[3]
    assert rec.name != "Houston" and "main place" in rec.reason, rec


def test_an_article_of_unknown_names_only_is_placed_at_a_local_publishers_home(nlp, geoparser):
    text = "Fans filled the Frobmoor Arena on Saturday."
    span = _spans(text, ["Frobmoor Arena"])
    rec = geoparser.resolve_spans(nlp(text), span, "t", url="https://www.denverpost.com/2018/01/01/a/")[0]
    assert rec.name == "Denver" and "publisher's home" in rec.reason, rec
    assert geoparser.resolve_spans(nlp(text), span, "t")[0].name is None


def test_a_small_namesake_far_from_a_local_publisher_falls_back_to_its_home(nlp, geoparser):
    # "Washington Square" is a square of New Orleans the gazetteer lacks; its namesakes are hamlets far away
    text = "Louisiana officials said the parade will cross Washington Square and end at the Frobmoor Church."
    spans = _spans(text, ["Louisiana", "Washington Square", "Frobmoor Church"])
    recs = geoparser.resolve_spans(nlp(text), spans, "t", url="https://www.nola.com/news/2018/01/a.html")
    assert recs[1].name == "New Orleans" and "local publisher's home" in recs[1].reason, recs[1]
    assert recs[2].name == "New Orleans", recs[2]  # the unknown name follows the main place
    plain = geoparser.resolve_spans(nlp(text), spans, "t")  # no publisher: the reading stays
    assert plain[1].name == "Washington Square" and "fallback" not in plain[1].reason, plain[1]
