"""The learned toponym ranker and its article context (hand-written sentences, expectations checked by hand)."""

from __future__ import annotations

import json
import math

import pytest

from eventwire.gazetteer.geoparse import FALLBACK_CONFIDENCE, is_fallback
from eventwire.gazetteer.lookup import NAME_MAIN, Candidate
from eventwire.gazetteer.rank import FEATURES, MODEL_PATH, Context, Ranker, features


def _place(gazetteer, name, iso3, code=None):
    cands = [c.place for c in gazetteer.lookup(name) if c.place.country_iso3 == iso3
             and (code is None or c.place.feature_code == code)]
    assert cands, f"no {name} in {iso3}"
    return max(cands, key=lambda p: p.population)


def test_model_file_has_a_weight_per_feature():
    weights = json.loads(MODEL_PATH.read_text(encoding="utf-8"))["weights"]
    assert set(weights) == set(FEATURES)
    with pytest.raises(ValueError):
        Ranker({k: v for k, v in weights.items() if k != "container"})


def test_log_names_counts_the_names_of_the_place(gazetteer):
    rome = _place(gazetteer, "Rome", "ITA", "PPLC")
    cands = [c for c in gazetteer.lookup("Rome")]
    f = features(Candidate(rome, NAME_MAIN), cands, None, None, False, 7.0)
    assert f[FEATURES.index("log_names")] == pytest.approx(math.log10(1 + rome.names))
    assert rome.names >= 10


def test_a_name_is_not_its_own_context(gazetteer):
    paris = _place(gazetteer, "Paris", "FRA", "PPLC")
    dallas = _place(gazetteer, "Dallas", "USA")
    ctx = Context()
    ctx.add("paris", [(paris, 1.0)])
    ctx.add("dallas", [(dallas, 1.0)])
    own = ctx.view("paris")
    assert own.countries.get("FRA", 0) == 0 and own.countries["USA"] == 1.0
    assert ctx.view("dallas").countries["FRA"] == 1.0


def test_context_features_favour_the_article_country(gazetteer):
    cands = [c for c in gazetteer.lookup("Paris") if c.place.country_iso3 in ("FRA", "USA")]
    ctx = Context()
    ctx.add("texas", [(_place(gazetteer, "Texas", "USA", "ADM1"), 1.0)])
    view = ctx.view("paris")
    share = FEATURES.index("ctx_country_share")
    for c in cands:
        f = features(c, cands, view, None, False, 7.0)
        assert len(f) == len(FEATURES)
        assert f[share] == (1.0 if c.place.country_iso3 == "USA" else 0.0)
    ranked = Ranker.load().rank(cands, view)
    assert ranked.place is not None and ranked.place.admin1 == "Texas"
    assert 0.0 < ranked.confidence <= 1.0 and "its country is the article's" in ranked.reason


def test_container_outweighs_population(gazetteer):
    cands = gazetteer.lookup("Alexandria")
    ranked = Ranker.load().rank(cands, Context().view("x"),
                                container=[Candidate(_place(gazetteer, "Louisiana", "USA", "ADM1"), NAME_MAIN)])
    assert ranked.place is not None and ranked.place.admin1 == "Louisiana"


def test_state_not_country_among_its_counties(nlp, geoparser):
    ms = geoparser.parse(nlp("Athens police said the suspect fled. The Athens-Clarke County jail holds him, "
                             "Georgia officials said."), "t")
    georgia = [m for m in ms if m.text == "Georgia"]
    assert georgia and georgia[0].country_iso3 == "USA" and georgia[0].feature_code == "ADM1"
    assert all(m.country_iso3 == "USA" for m in ms if m.text == "Athens")


def test_unknown_name_is_placed_at_the_article_focus(nlp, geoparser):
    text = "Volunteers from Zorbleton Flats joined crews in Dallas and Fort Worth after the storm."
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Zorbleton Flats", "Dallas", "Fort Worth")]
    out = geoparser.resolve_spans(nlp(text), spans, "t")
    unknown = out[0]
    assert is_fallback(unknown) and unknown.confidence == FALLBACK_CONFIDENCE
    assert unknown.country_iso3 == "USA" and unknown.admin1 == "Texas"
    assert not is_fallback(out[1]) and out[1].confidence > FALLBACK_CONFIDENCE


def test_name_used_as_a_place_elsewhere_is_a_place_when_tagged_otherwise(nlp, geoparser):
    doc = nlp("Gainesville police arrested a man on Main Street. Gainesville said the city budget would grow. "
              "The Gainesville Police Department declined to comment.")
    ms = [m for m in geoparser.parse(doc, "t") if m.text == "Gainesville"]
    assert len(ms) == 3 and {m.country_iso3 for m in ms} == {"USA"}


def test_direction_word_alone_is_not_a_place(nlp, geoparser):
    ms = geoparser.parse(nlp("Residents of South Kilburn Estate met on Monday."), "t")
    assert not [m for m in ms if m.text == "South" and m.name is not None]


def test_country_inside_an_amount_of_money(nlp, geoparser):
    ms = geoparser.parse(nlp("The deal is worth 15 billion US dollars."), "t")
    assert any(m.text == "US" and m.country_iso3 == "USA" for m in ms)
