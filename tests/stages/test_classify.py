"""Event-type classifier: the shipped model loads, is small, returns a distribution over the 16 PLOVER
types, and codes clear hand-written sentences (written for this test, not taken from any data set)."""

from __future__ import annotations

import json
from pathlib import Path

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
    assert "x=COERCE" in feats  # imposed sanctions: COERCE (CAMEO2PLOVER-2021 163)
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


# -- training (stages/classify_train.py), shared by the trainer script and `eventwire eval plv` ---------
def test_numpy_logistic_regression_learns_a_toy_problem():
    from eventwire.stages.classify_train import fit

    rng = np.random.default_rng(0)
    samples = []
    for i in range(90):
        label = ("A", "B", "C")[i % 3]
        feats = {f"w={label}": 1.0, f"noise={int(rng.integers(5))}": 1.0}
        if i % 10 == 0:
            feats["w=shared"] = 1.0
        samples.append((feats, label, 1.0, f"s{i}"))
    model = fit(samples, C=1.0, min_df=2)
    assert model.classes == ["A", "B", "C"]
    probs = model.proba([{"w=A": 1.0}, {"w=B": 1.0}, {"w=C": 1.0}])
    assert list(probs.argmax(axis=1)) == [0, 1, 2]
    assert probs.sum(axis=1) == pytest.approx([1.0, 1.0, 1.0])
    # min_df: a feature seen in one sentence only is not in the vocabulary
    rare = fit([*samples, ({"w=once": 1.0}, "A", 1.0, "x")], C=1.0, min_df=2)
    assert "w=once" not in rare.names


def test_fit_is_a_minimum_of_the_objective():
    """The numpy L-BFGS reaches the minimum of C * log-loss + |W|^2 / 2: any small step increases it."""
    from eventwire.stages.classify_train import fit

    samples = [({"a": 1.0, "b": float(i % 2)}, "X" if i % 3 else "Y", 1.0, str(i)) for i in range(30)]
    m = fit(samples, C=2.0, min_df=1, class_weight=None)
    X = np.array([[f.get(n, 0.0) for n in m.names] for f, _, _, _ in samples])
    y = np.array([m.classes.index(lab) for _, lab, _, _ in samples])

    def objective(w: np.ndarray, b: float) -> float:
        z = X @ w + b
        return float(2.0 * np.sum(np.logaddexp(0.0, z) - y * z) + 0.5 * w @ w)

    w0, b0 = m.weights[:, 0].astype(np.float64), float(m.bias[0])
    best = objective(w0, b0)
    for dw in (np.array([0.05, 0.0]), np.array([0.0, -0.05])):
        assert objective(w0 + dw, b0) >= best - 1e-6
    assert objective(w0, b0 + 0.05) >= best - 1e-6


def test_folds_are_stratified_stable_and_keep_a_sentence_together():
    from eventwire.stages.classify_train import stratified_folds

    keys = [f"s{i // 2}" if i < 10 else f"s{i}" for i in range(100)]  # s0..s4 hold two dyads each
    labels = [("A", "B", "C", "D")[(i // 2) % 4 if i < 10 else i % 4] for i in range(100)]
    folds = stratified_folds(keys, labels, 5)
    assert folds == stratified_folds(keys, labels, 5)
    for i in range(0, 10, 2):
        assert folds[i] == folds[i + 1]
    for lab in "ABCD":
        counts = np.bincount([f for f, la, k in zip(folds, labels, keys, strict=True) if la == lab], minlength=5)
        assert counts.max() - counts.min() <= 2


def test_a_trained_model_runs_in_memory_and_from_its_file(nlp, tmp_path):
    from eventwire.stages.classify_train import Row, export, main_samples, to_classifier, train_main

    texts = {"ASSAULT": ["Rebels attacked the army base.", "Gunmen shot three soldiers."],
             "PROTEST": ["Farmers marched against the law.", "Students protested in the capital."]}
    rows = [Row(lab, features(doc[:]), key=t) for lab, ts in texts.items()
            for t, doc in zip(ts, nlp.pipe(ts), strict=True)]
    assert len(main_samples(rows)) == 4
    model = train_main(rows, [], [])
    mem = to_classifier(model)
    path = tmp_path / "clf.npz"
    export(model, None, path, {"test": True})
    disk = EventTypeClassifier.load(path)
    sent = next(iter(nlp("Rebels attacked a police station.").sents))
    assert mem.predict(sent)[0][0] == "ASSAULT"
    assert [t for t, _ in mem.predict(sent)] == [t for t, _ in disk.predict(sent)]


def test_plv_evaluation_modes():
    from eventwire.errors import ConfigError
    from eventwire.evaluate.plv import _events_stage, evaluate_plv
    from eventwire.pipeline import Pipeline
    from eventwire.stages.events import EventsStage

    with pytest.raises(ConfigError, match="mode"):
        evaluate_plv(Path("."), mode="train")

    class Wrapper:  # a stage that wraps the events stage (as the quality gate's broken stage does)
        name, requires, assigns = "events", (), EventsStage.assigns

        def __init__(self, inner):
            self.inner = inner

        def __call__(self, ctx):
            self.inner(ctx)

    inner = EventsStage()
    assert _events_stage(Pipeline(stages=[Wrapper(inner)])) is inner
    with pytest.raises(ConfigError):
        _events_stage(Pipeline(stages=[]))
