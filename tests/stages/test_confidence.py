"""The confidence calibrator (stages/confidence.py) and the calibration metrics (evaluate/calibration.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.errors import ModelError
from eventwire.evaluate.calibration import brier, ece, reliability
from eventwire.stages.confidence import FEATURES, Calibrator, features, raw_score

STRONG = {"event_confidence": 0.9, "actor1_country": "IRN", "actor2_country": "IRQ", "latitude": 36.2,
          "mentions": 3}
WEAK = {"event_confidence": 0.3}


def test_the_committed_calibrator_loads_and_ranks_evidence() -> None:
    cal = Calibrator.load()
    strong, weak = cal(STRONG, 4), cal(WEAK, 4)
    assert 0.0 < weak < strong < 1.0


def test_features_follow_the_declared_names() -> None:
    x = features(STRONG, 4)
    assert len(x) == len(FEATURES)
    assert x[FEATURES.index("actor1")] == 1.0 and x[FEATURES.index("quad4")] == 1.0
    assert x[FEATURES.index("quad1")] == 0.0


def test_identity_gives_the_raw_score() -> None:
    assert Calibrator(identity=True)(WEAK, 1) == round(raw_score(WEAK), 2) == 0.3
    assert raw_score({"event_confidence": 0.9, "actor1_name": "x", "actor2_name": "y"}) == 0.95  # capped


def test_a_calibrator_for_other_features_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "c.json"
    f.write_text(json.dumps({"feature_version": 0, "features": ["raw"], "weights": [1.0], "bias": 0.0}))
    with pytest.raises(ModelError, match="other features"):
        Calibrator.load(f)
    with pytest.raises(ModelError, match="can't read"):
        Calibrator.load(tmp_path / "absent.json")


def test_ece_of_a_calibrated_and_an_overconfident_scorer() -> None:
    right = [True] * 7 + [False] * 3
    assert ece([0.7] * 10, right) == pytest.approx(0.0)
    assert ece([0.95] * 10, right) == pytest.approx(0.25)
    assert brier([1.0, 0.0], [True, False]) == 0.0
    assert reliability([0.05, 0.15, 0.16], [False, True, True]) == [(0.05, 0.0, 1), (0.155, 1.0, 2)]
