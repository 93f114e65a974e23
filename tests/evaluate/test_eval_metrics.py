"""Metrics of evaluate/metrics.py on hand-computed cases (no spaCy needed)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.evaluate.metrics import (
    acc_at_km,
    accuracy,
    bcubed_prf,
    geo_auc,
    haversine_km,
    macro_f1,
    mean_error_km,
    median_error_km,
    pairwise_prf,
    per_class_prf,
    prf,
    token_f1,
    tokens,
    weighted_f1,
)


def test_accuracy_counts_equal_labels():
    assert accuracy(["A", "B", "C", "A"], ["A", "B", "A", "NONE"]) == 0.5


def test_accuracy_rejects_length_mismatch():
    with pytest.raises(ValueError, match="gold has 2 items but pred has 1"):
        accuracy(["A", "B"], ["A"])


def test_per_class_prf_by_hand():
    gold = ["A", "A", "B", "B", "C"]
    pred = ["A", "B", "B", "B", "NONE"]
    s = per_class_prf(gold, pred, ["A", "B", "C"])
    assert (s["A"].precision, s["A"].recall) == (1.0, 0.5)
    assert s["A"].f1 == pytest.approx(2 / 3)
    assert (s["B"].precision, s["B"].recall) == (pytest.approx(2 / 3), 1.0)
    assert s["B"].f1 == pytest.approx(0.8)
    assert (s["C"].tp, s["C"].fn, s["C"].f1) == (0, 1, 0.0)
    assert "NONE" not in s  # a "no event" prediction is a miss, not a class


def test_macro_f1_counts_none_as_a_miss_but_not_as_a_class():
    gold = ["A", "A", "B", "B", "C"]
    pred = ["A", "B", "B", "B", "NONE"]
    assert macro_f1(gold, pred, ["A", "B", "C"]) == pytest.approx((2 / 3 + 0.8 + 0.0) / 3)


def test_macro_f1_skips_labels_absent_from_gold_and_pred():
    # D is in the label set but never seen: it has no defined F1 and must not drag the mean to 0
    assert macro_f1(["A", "B"], ["A", "B"], ["A", "B", "D"]) == 1.0


def test_macro_f1_default_labels_include_predicted_only_classes():
    # X is predicted but never gold: F1 0 for X, so the mean halves
    assert macro_f1(["A", "A"], ["A", "X"]) == pytest.approx((2 / 3 + 0.0) / 2)


def test_weighted_f1_weights_by_gold_support():
    gold = ["A", "A", "A", "B"]
    pred = ["A", "A", "A", "A"]
    f1_a = 2 * 0.75 * 1.0 / 1.75
    assert weighted_f1(gold, pred) == pytest.approx((3 * f1_a + 1 * 0.0) / 4)


def test_prf_handles_zero_counts():
    assert prf(0, 0, 0).f1 == 0.0
    assert prf(3, 1, 0).precision == 0.75


def test_tokens_and_token_f1():
    assert tokens("The Iranian Foreign Ministry") == ["iranian", "foreign", "ministry"]
    assert token_f1("Iranian Foreign Minister", "the Foreign Minister of Iran") == pytest.approx(
        2 * (2 / 3) * (2 / 3) / (4 / 3))
    assert token_f1(None, "police") == 0.0
    assert token_f1("the", "the") == 0.0  # function words alone carry no identity


def test_haversine_known_distances():
    # London (51.5074, -0.1278) to Paris (48.8566, 2.3522): about 343.5 km
    assert haversine_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(343.5, abs=1.0)
    # a quarter of a meridian: pole to equator
    assert haversine_km(90, 0, 0, 0) == pytest.approx(math.pi / 2 * 6371.0088, rel=1e-9)
    assert haversine_km(10, 20, 10, 20) == 0.0
    # antipodes: half the circumference
    assert haversine_km(0, 0, 0, 180) == pytest.approx(20015.1, abs=1.0)


def test_acc_at_161_and_error_summaries():
    errors = [0.0, 100.0, 161.0, 162.0, 5000.0]
    assert acc_at_km(errors) == 0.6
    assert acc_at_km(errors, 50) == 0.2
    assert mean_error_km(errors) == pytest.approx(5423.0 / 5)
    assert median_error_km(errors) == 161.0
    assert median_error_km([1.0, 3.0]) == 2.0
    assert acc_at_km([]) == 0.0


def test_geo_auc_bounds_and_hand_value():
    assert geo_auc([0.0, 0.0, 0.0]) == 0.0
    assert geo_auc([20039.0, 20039.0]) == pytest.approx(math.log1p(20039) / math.log(20039))
    # two errors, 0 and e-1 km: curve from ln1 = 0 to ln(e) = 1, trapezoid area 0.5 over width 1
    assert geo_auc([math.e - 1, 0.0]) == pytest.approx(0.5 / math.log(20039))
    # errors beyond half the circumference are capped
    assert geo_auc([10**6]) == geo_auc([20039.0])


@given(st.lists(st.floats(min_value=0, max_value=20039), min_size=2, max_size=30),
       st.floats(min_value=1, max_value=5000))
def test_geo_auc_grows_with_errors(errors, extra):
    worse = [e + extra for e in errors]
    assert geo_auc(worse) >= geo_auc(errors)
    assert 0.0 <= geo_auc(errors) <= 1.0001


GOLD = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}


def test_perfect_clustering_scores_one():
    pred = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"}
    assert pairwise_prf(GOLD, pred).f1 == 1.0
    assert bcubed_prf(GOLD, pred).f1 == 1.0


def test_pairwise_by_hand():
    # predicted: {a,b} {c,d,e}; gold pairs ab ac bc de; predicted pairs ab cd ce de
    pred = {"a": 1, "b": 1, "c": 2, "d": 2, "e": 2}
    s = pairwise_prf(GOLD, pred)
    assert (s.tp, s.fp, s.fn) == (2, 2, 2)
    assert s.f1 == 0.5


def test_bcubed_by_hand():
    pred = {"a": 1, "b": 1, "c": 2, "d": 2, "e": 2}
    s = bcubed_prf(GOLD, pred)
    # precision per item: a 1, b 1, c 1/3, d 2/3, e 2/3 ; recall: a 2/3, b 2/3, c 1/3, d 1, e 1
    assert s.precision == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    assert s.recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)


def test_all_singletons_and_one_cluster_extremes():
    singletons = {k: k for k in GOLD}
    one = {k: 0 for k in GOLD}
    assert bcubed_prf(GOLD, singletons).precision == 1.0
    assert bcubed_prf(GOLD, one).recall == 1.0
    assert pairwise_prf(GOLD, singletons).f1 == 0.0


def test_items_missing_from_prediction_are_singletons():
    pred = {"a": 1, "b": 1}
    s = bcubed_prf(GOLD, pred)
    full = bcubed_prf(GOLD, {"a": 1, "b": 1, "c": "c", "d": "d", "e": "e"})
    assert s == full


def test_pooled_geo_weights_sets_by_toponyms_and_reports_the_news_sets_apart() -> None:
    from eventwire.evaluate import pool_geo

    parts = {"lgl": (0.8, 100), "tr-news": (0.9, 100), "geowebnews": (1.0, 200), "geovirus": (0.5, 100)}

    def fake(name, shared, limit):
        acc, n = parts[name]
        return {"acc161": acc, "gold_acc161": acc, "docs": 1.0, "toponyms": float(n)}

    out = pool_geo(fake, None)
    assert out["toponyms"] == 500
    assert out["acc161"] == (80 + 90 + 200 + 50) / 500
    assert out["news_acc161"] == (80 + 90 + 200) / 400
    assert out["macro_acc161"] == (0.8 + 0.9 + 1.0 + 0.5) / 4
