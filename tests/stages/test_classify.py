"""Event-type classifier: the shipped model loads, is small, returns a distribution over the 16 PLOVER
types, and codes clear hand-written sentences (written for this test, not taken from any data set)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from eventwire.errors import ModelError
from eventwire.stages.classify import MODEL_PATH, TYPES, EventTypeClassifier, features

MAX_BYTES = 3_000_000


@pytest.fixture(scope="module")
def clf():
    return EventTypeClassifier.load()


def test_model_files_are_small():
    files = list(MODEL_PATH.parent.glob("event_classifier.*"))
    assert MODEL_PATH in files
    assert sum(f.stat().st_size for f in files) < MAX_BYTES


def test_load_is_cached(clf):
    assert EventTypeClassifier.load() is clf


def test_model_holds_no_sentences(clf):
    # the vocabulary is features (lemmas, bigrams, dependency pairs), never whole sentences
    assert max(len(k.split()) for k in clf.vocab) <= 4


@pytest.mark.parametrize("trigger_word", [None, "attacked"])
def test_prediction_is_a_distribution_over_the_16_types(nlp, clf, trigger_word):
    doc = nlp("Rebels attacked an army base near the border on Tuesday.")
    sent = next(iter(doc.sents))
    trigger = next(t for t in sent if t.text == trigger_word) if trigger_word else None
    ranked = clf.predict(sent, trigger)
    assert sorted(t for t, _ in ranked) == sorted(TYPES)
    probs = [p for _, p in ranked]
    assert probs == sorted(probs, reverse=True)
    assert all(0.0 <= p <= 1.0 for p in probs)
    assert sum(probs) == pytest.approx(1.0, abs=1e-5)


@pytest.mark.parametrize("text,expected", [
    ("Rebels attacked an army base with mortars, killing five soldiers.", "ASSAULT"),
    ("Thousands of farmers marched through the capital to protest against the new land law.", "PROTEST"),
    ("The two presidents met in Geneva to discuss the border dispute.", "CONSULT"),
    ("Canada expelled two Russian diplomats.", "SANCTION"),
    ("Police arrested dozens of opposition activists overnight.", "COERCE"),
    ("The minister accused the opposition of inciting violence.", "ACCUSE"),
    ("Japan sent 50 tonnes of food aid to the flooded province.", "AID"),
    ("The government rejected the union's proposal.", "REJECT"),
    ("The army withdrew its troops from the disputed town.", "RETREAT"),
    ("The rebels released twenty hostages on Monday.", "RETREAT"),
])
def test_clear_sentences(nlp, clf, text, expected):
    sent = next(iter(nlp(text).sents))
    assert clf.predict(sent)[0][0] == expected


def test_trigger_decides_between_two_events(nlp, clf):
    """"condemned" is an ACCUSE whose object is an ASSAULT; asked about "condemned" the model says ACCUSE."""
    sent = next(iter(nlp("The foreign minister condemned the bombing of the hospital.").sents))
    condemned = next(t for t in sent if t.text == "condemned")
    assert clf.predict(sent, condemned)[0][0] == "ACCUSE"


def test_features_abstract_names_and_use_the_lexicon(nlp):
    sent = next(iter(nlp("France imposed sanctions on Iran.").sents))
    feats = features(sent)
    assert "u=_GPE" in feats and "u=france" not in feats
    assert "x=SANCTION" in feats
    assert "r=impose" in feats
    trig = features(sent, sent[1])
    assert "t=impose" in trig and set(feats) < set(trig)


def test_a_model_for_other_features_is_refused(tmp_path):
    with np.load(MODEL_PATH, allow_pickle=False) as z:
        arrays = dict(z)
    meta = json.loads(bytes(arrays["meta"]).decode("utf-8"))
    meta["feature_version"] = -1
    arrays["meta"] = np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8)
    path = tmp_path / "event_classifier.npz"
    np.savez_compressed(path, **arrays)
    with pytest.raises(ModelError, match="feature version"):
        EventTypeClassifier.load(path)
