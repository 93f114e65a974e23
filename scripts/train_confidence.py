"""Fit the confidence calibrator (src/eventwire/stages/confidence.py) and write
src/eventwire/stages/data/confidence.json; print the 5-fold cross-validated reliability for the model card.

Data: the CASE 2021 task 2 ACLED snippets in ../shared/data/acled-case2021/ (never copied into the
repository; only 12 numbers are): every event the pipeline codes that the crosswalk maps to an ACLED event
type is a training row, labelled right when that type is the snippet's gold ACLED type (see
eventwire/evaluate/calibration.py). The type classifier never saw these snippets.

Model: Platt scaling generalised to a few features (stages/confidence.FEATURES): a logistic regression
fitted by Newton's method with a small L2 penalty, numpy only.

    .venv/bin/python scripts/train_confidence.py [--shared ../shared] [--no-write]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from eventwire.article import Article  # noqa: E402
from eventwire.evaluate import shared_path  # noqa: E402
from eventwire.evaluate.acled import ACLED_FILE, NO_EVENT, load_acled  # noqa: E402
from eventwire.evaluate.calibration import brier, ece, reliability  # noqa: E402
from eventwire.evaluate.common import norm_label, stable_key  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402
from eventwire.resources import default_resources  # noqa: E402
from eventwire.stages.confidence import FEATURE_VERSION, FEATURES, MODEL_PATH, features  # noqa: E402

L2 = 1.0
FOLDS = 5


class Recorder:
    """Stands in for the calibrator while coding: returns the raw score and keeps each event's features."""

    def __init__(self) -> None:
        self.rows: list[list[float]] = []

    def __call__(self, values: dict[str, Any], quad_class: int | None) -> float:
        x = features(values, quad_class)
        self.rows.append(x)
        return x[0]


def collect(shared: Path) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Feature rows, labels and the snippet id of each row."""
    items = load_acled(shared)
    res = default_resources()
    rec = Recorder()
    res.confidence = rec  # type: ignore[assignment]  # the pipeline asks resources for its calibrator
    pipe = Pipeline(res)
    arts = [Article(id=it.id, text=it.text, origin=f"{ACLED_FILE}:{it.id}") for it in items]
    gold = {it.id: (norm_label(it.event_type) if it.event_type != NO_EVENT else None) for it in items}
    xs: list[list[float]] = []
    ys: list[float] = []
    ids: list[str] = []
    for result in pipe.run(arts):
        rows, rec.rows = rec.rows, []
        assert len(rows) == len(result.events)  # type: ignore[union-attr]
        for x, ev in zip(rows, result.events, strict=True):  # type: ignore[union-attr]
            if ev.acled_event_type:
                g = gold[ev.article_id]
                xs.append(x)
                ys.append(1.0 if g is not None and norm_label(ev.acled_event_type) == g else 0.0)
                ids.append(ev.article_id)
    return np.array(xs), np.array(ys), ids


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2, iters: int = 50) -> tuple[np.ndarray, float]:
    """Logistic regression (bias unpenalised) by Newton's method."""
    xb = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(xb.shape[1])
    reg = np.full(xb.shape[1], l2)
    reg[0] = 0.0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-np.clip(xb @ w, -30, 30)))
        grad = xb.T @ (p - y) + reg * w
        hess = (xb.T * (p * (1 - p))) @ xb + np.diag(reg) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[1:], float(w[0])


def predict(x: np.ndarray, w: np.ndarray, b: float) -> np.ndarray:
    return 1 / (1 + np.exp(-np.clip(x @ w + b, -30, 30)))


def cross_validate(x: np.ndarray, y: np.ndarray, ids: list[str]) -> np.ndarray:
    """Out-of-fold probabilities; folds by snippet (its events stay together)."""
    fold = np.array([int(stable_key(i)[:8], 16) % FOLDS for i in ids])
    out = np.zeros(len(y))
    for k in range(FOLDS):
        w, b = fit(x[fold != k], y[fold != k])
        out[fold == k] = predict(x[fold == k], w, b)
    return out


def table(conf: np.ndarray, y: np.ndarray) -> str:
    lines = ["| confidence bin | mean confidence | share right | events |", "|---|---|---|---|"]
    for c, acc, k in reliability(list(conf), [bool(v) for v in y]):
        lo = min(9, int(c * 10)) / 10
        lines.append(f"| {lo:.1f}-{lo + 0.1:.1f} | {c:.2f} | {acc:.2f} | {k} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=None)
    ap.add_argument("--no-write", action="store_true")
    a = ap.parse_args(argv)
    x, y, ids = collect(shared_path(a.shared))
    raw = x[:, 0]
    oof = cross_validate(x, y, ids)
    yl = [bool(v) for v in y]
    print(f"{len(y)} events from {len(set(ids))} snippets; {y.mean():.3f} right")
    print(f"raw score:             ECE {ece(list(raw), yl):.3f}  Brier {brier(list(raw), yl):.3f}")
    print(f"calibrated (5-fold CV): ECE {ece(list(oof), yl):.3f}  Brier {brier(list(oof), yl):.3f}")
    print("\nraw score\n" + table(raw, y) + "\n\ncalibrated, out of fold\n" + table(oof, y))
    w, b = fit(x, y)
    print("\nweights: " + ", ".join(f"{n} {v:+.3f}" for n, v in zip(FEATURES, w, strict=True)) + f"; bias {b:+.3f}")
    if not a.no_write:
        MODEL_PATH.write_text(json.dumps({
            "feature_version": FEATURE_VERSION, "features": list(FEATURES),
            "weights": [round(float(v), 6) for v in w], "bias": round(b, 6),
            "trained_on": "CASE 2021 task 2 ACLED snippets (dev), events with an ACLED type; "
                          "scripts/train_confidence.py",
            "cv_ece": round(ece(list(oof), yl), 4), "raw_ece": round(ece(list(raw), yl), 4),
            "rows": len(y),
        }, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH}")


if __name__ == "__main__":
    main()
