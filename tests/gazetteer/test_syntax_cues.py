"""Syntax cues of the ranker (rank.syntax_features): coordinated places share their kind, a dateline names a
city; and a division whose same-named city lies inside it ("New York") counts as that city's namesake."""

from __future__ import annotations

from collections import Counter

from eventwire.gazetteer.rank import FEATURES, Ranker, _seat_namesake, syntax_features


def _spans(text, words):
    return [(text.index(w), text.index(w) + len(w)) for w in words]


def _cands(gazetteer, name):
    return gazetteer.lookup(name)


def _one(gazetteer, name, code):
    return next(c for c in gazetteer.lookup(name) if c.place.feature_code == code)


def test_the_model_weighs_the_syntax_cues():
    r = Ranker.load()
    w = dict(zip(FEATURES, r.w, strict=True))
    assert w["conj_same_kind"] > 0 and w["dateline_city"] > 0


def test_syntax_features(gazetteer):
    city = max((c.place for c in gazetteer.lookup("Boston") if c.place.feature_class == "P"),
               key=lambda p: p.population)
    state = _one(gazetteer, "Massachusetts", "ADM1").place
    assert syntax_features(city, Counter({"city": 2}), False) == [1.0, 0.0]
    assert syntax_features(state, Counter({"city": 1, "admin1": 1}), False) == [0.5, 0.0]
    assert syntax_features(city, None, True) == [0.0, 1.0]
    assert syntax_features(state, Counter(), True) == [0.0, 0.0]


def test_coordinated_mentions_are_linked(nlp, geoparser):
    text = "After stops in Washington, New York and Boston, the crown prince flew to Houston."
    doc = nlp(text)
    ms = geoparser.given_mentions(doc, _spans(text, ["Washington", "New York", "Boston", "Houston"]))
    assert sorted(ms[1].conjuncts) == [0, 2], [m.conjuncts for m in ms]
    assert ms[3].conjuncts == []


def _prob(m, name):
    return next((w for p, w in m.result.dist if p.name == name), 0.0)


def test_a_listed_name_leans_to_its_conjuncts_kind(nlp, geoparser):
    text = "The law firm has offices in Los Angeles, Miami, Boston, New York, and Detroit."
    doc = nlp(text)
    spans = _spans(text, ["Los Angeles", "Miami", "Boston", "New York", "Detroit"])
    listed = geoparser.given_mentions(doc, spans)
    assert listed[3].conjuncts
    geoparser.resolve(doc, listed)
    alone = geoparser.given_mentions(doc, spans)
    for m in alone:
        m.conjuncts = []
    geoparser.resolve(doc, alone)
    assert _prob(listed[3], "New York City") > _prob(alone[3], "New York City") + 0.05
    text = "Voters in Oregon, Idaho and Washington approved the measure."
    rec = geoparser.resolve_spans(nlp(text), _spans(text, ["Oregon", "Idaho", "Washington"]), "t")[2]
    assert rec.feature_code == "ADM1" and rec.admin1 == "Washington", rec


def test_a_bracketed_dateline_names_the_city(nlp, geoparser):
    text = "(NEW YORK) — Police officers shot a man who had pointed a pipe at them, officials said."
    recs = geoparser.parse(nlp(text), "t")
    ny = next(r for r in recs if r.text == "NEW YORK")
    assert ny.name == "New York City" and "a dateline names a city" in ny.reason, ny


def test_a_state_holding_its_same_named_city_is_that_citys_namesake(gazetteer):
    ny = _cands(gazetteer, "New York")
    state = next(c for c in ny if c.place.feature_code == "ADM1")
    assert _seat_namesake(state, ny)
    wa = _cands(gazetteer, "Washington")  # the capital does not lie in Washington state
    assert not _seat_namesake(next(c for c in wa if c.place.feature_code == "ADM1"), wa)
