"""Is `confidence` calibrated? Among events with confidence about p, about p should be right.

"Right" needs gold that says, for an event eventwire coded, whether it is correct. The CASE 2021 ACLED
snippets give it for conflict events: an event that the crosswalk maps to an ACLED event type is right
when that type is the snippet's gold ACLED type (a snippet whose gold label has no ACLED type makes every
such event wrong). Events without an ACLED type are not scored. The type classifier never saw these
snippets; the confidence calibrator (stages/confidence.py) was fitted on them, so `eval calibration`
is in-sample for its 11 weights; scripts/train_confidence.py reports the 5-fold cross-validated figures
in docs/models/confidence.md.

Metrics: ECE (expected calibration error: the mean |accuracy - mean confidence| over 10 equal-width
bins, weighted by the events in each bin), the Brier score, the share right and the mean confidence."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..article import Article
from .acled import ACLED_FILE, NO_EVENT, load_acled
from .common import events_by_article, norm_label
from .metrics import safe_div

if TYPE_CHECKING:
    from ..pipeline import Pipeline

BINS = 10


def reliability(conf: Sequence[float], right: Sequence[bool], bins: int = BINS
                ) -> list[tuple[float, float, int]]:
    """Per equal-width bin of confidence: (mean confidence, share right, events); empty bins left out."""
    groups: list[list[int]] = [[] for _ in range(bins)]
    for i, c in enumerate(conf):
        groups[min(bins - 1, max(0, int(c * bins)))].append(i)
    out = []
    for idx in groups:
        if idx:
            out.append((sum(conf[i] for i in idx) / len(idx), sum(right[i] for i in idx) / len(idx), len(idx)))
    return out


def ece(conf: Sequence[float], right: Sequence[bool], bins: int = BINS) -> float:
    n = len(conf)
    return sum(k * abs(acc - c) for c, acc, k in reliability(conf, right, bins)) / n if n else 0.0


def brier(conf: Sequence[float], right: Sequence[bool]) -> float:
    return safe_div(sum((c - float(r)) ** 2 for c, r in zip(conf, right, strict=True)), len(conf))


def labelled_acled(shared: Path, limit: int | None = None, pipeline: Pipeline | None = None
                   ) -> tuple[list[float], list[bool]]:
    """(confidence, right) for every event of the ACLED snippets that has an ACLED type."""
    items = load_acled(shared, limit)
    arts = [Article(id=it.id, text=it.text, origin=f"{ACLED_FILE}:{it.id}") for it in items]
    events = events_by_article(arts, pipeline)
    conf: list[float] = []
    right: list[bool] = []
    for it in items:
        gold = norm_label(it.event_type) if it.event_type != NO_EVENT else None
        for ev in events.get(it.id, []):
            if ev.acled_event_type:
                conf.append(ev.confidence)
                right.append(gold is not None and norm_label(ev.acled_event_type) == gold)
    return conf, right


def evaluate_calibration(shared: Path, limit: int | None = None, pipeline: Pipeline | None = None
                         ) -> dict[str, float]:
    conf, right = labelled_acled(shared, limit, pipeline)
    return {"ece": ece(conf, right), "brier": brier(conf, right),
            "share_right": safe_div(sum(right), len(right)),
            "mean_confidence": safe_div(sum(conf), len(conf)), "events": float(len(conf))}
