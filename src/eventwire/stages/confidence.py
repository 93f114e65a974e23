"""Confidence: the probability that an event record is right, calibrated on gold data.

The events stage gives each event a raw score (from the trigger lexicon and the type classifier); the
records stage adds what the other stages found. `Calibrator` turns these into the contract's
`confidence` with a small logistic regression (Platt scaling over a few features) fitted by
`scripts/train_confidence.py` on gold data the type classifier never saw, so that among events with
confidence about p, about p are right. What "right" means and the measured reliability are in the model
card, docs/models/confidence.md; the weights are stages/data/confidence.json.

Features are read from the event's values only (no parse), so the same code scores a draft in the
pipeline and rebuilds the training rows."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ModelError

MODEL_PATH = Path(__file__).parent / "data" / "confidence.json"
FEATURE_VERSION = 1
FEATURES = ("raw", "event_score", "actor1", "actor2", "place", "log_mentions", "hypothetical",
            "quad1", "quad2", "quad3", "quad4")


def raw_score(values: Mapping[str, Any]) -> float:
    """The uncalibrated score: the events stage's confidence plus a little for each actor found."""
    c = float(values.get("event_confidence", 0.5))
    if values.get("actor1_country") or values.get("actor1_name"):
        c += 0.1
    if values.get("actor2_country") or values.get("actor2_name"):
        c += 0.05
    if values.get("hypothetical"):
        c -= 0.1
    return max(0.05, min(0.95, c))


def features(values: Mapping[str, Any], quad_class: int | None) -> list[float]:
    """The calibrator's inputs, in the order of FEATURES."""
    return [
        raw_score(values),
        float(values.get("event_confidence", 0.5)),
        1.0 if values.get("actor1_country") or values.get("actor1_name") else 0.0,
        1.0 if values.get("actor2_country") or values.get("actor2_name") else 0.0,
        1.0 if values.get("latitude") is not None else 0.0,
        math.log(max(1, int(values.get("mentions") or 1))),
        1.0 if values.get("hypothetical") else 0.0,
        *(1.0 if quad_class == q else 0.0 for q in (1, 2, 3, 4)),
    ]


@dataclass(frozen=True)
class Calibrator:
    """p = sigmoid(bias + weights . features); `identity` returns the raw score unchanged."""

    weights: tuple[float, ...] = ()
    bias: float = 0.0
    identity: bool = False

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> Calibrator:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ModelError(f"can't read the confidence calibrator {path}: {exc}; rebuild it with "
                             "scripts/train_confidence.py") from exc
        if data.get("feature_version") != FEATURE_VERSION or tuple(data.get("features", ())) != FEATURES:
            raise ModelError(f"the confidence calibrator {path} was fitted on other features "
                             f"(version {data.get('feature_version')}, this code computes {FEATURE_VERSION}); "
                             "rebuild it with scripts/train_confidence.py")
        return cls(tuple(float(w) for w in data["weights"]), float(data["bias"]))

    def __call__(self, values: Mapping[str, Any], quad_class: int | None) -> float:
        if self.identity:
            return round(raw_score(values), 2)
        return round(self.probability(features(values, quad_class)), 2)

    def probability(self, x: Sequence[float]) -> float:
        z = self.bias + sum(w * v for w, v in zip(self.weights, x, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
