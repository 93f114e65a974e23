"""Scores shared by every evaluation: classification, detection, geocoding and clustering.

Pure Python (no spaCy, no numpy), so the tests of the metrics run anywhere. Every function takes plain
lists or dicts and returns floats in 0..1 unless its name says otherwise (`haversine_km`)."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)
# Half the Earth's circumference: the largest possible great-circle error (Gritta et al. 2018 normalise
# the AUC of the log error curve by ln(20039)); errors are capped there.
MAX_ERROR_KM = 20039.0
ACC_KM = 161.0  # "accuracy@161": an error of at most 161 km (100 miles) counts as correct


@dataclass(frozen=True)
class PRF:
    """Precision, recall, F1 and the counts they come from."""

    precision: float
    recall: float
    f1: float
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def support(self) -> int:
        """Gold items of the class (tp + fn)."""
        return self.tp + self.fn


def safe_div(num: float, den: float) -> float:
    """num / den, or 0.0 when den is 0."""
    return num / den if den else 0.0


def prf(tp: int, fp: int, fn: int) -> PRF:
    """Precision, recall and F1 from counts (0.0 where a ratio is undefined)."""
    p = safe_div(tp, tp + fp)
    r = safe_div(tp, tp + fn)
    return PRF(p, r, safe_div(2 * p * r, p + r), tp, fp, fn)


# --- classification -----------------------------------------------------------------------------------


def accuracy(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> float:
    """Share of items whose predicted label equals the gold label."""
    _check_same_length(gold, pred)
    return safe_div(sum(g == p for g, p in zip(gold, pred, strict=True)), len(gold))


def per_class_prf(gold: Sequence[Hashable], pred: Sequence[Hashable],
                  labels: Iterable[Hashable] | None = None) -> dict[Hashable, PRF]:
    """P/R/F1 of each label. `labels` defaults to every label seen in gold or pred; a prediction outside
    `labels` (e.g. "NONE" for no event) still counts as a miss for the gold label."""
    _check_same_length(gold, pred)
    tp: Counter[Hashable] = Counter()
    fp: Counter[Hashable] = Counter()
    fn: Counter[Hashable] = Counter()
    for g, p in zip(gold, pred, strict=True):
        if g == p:
            tp[g] += 1
        else:
            fn[g] += 1
            fp[p] += 1
    names = list(labels) if labels is not None else sorted(set(gold) | set(pred), key=str)
    return {lab: prf(tp[lab], fp[lab], fn[lab]) for lab in names}


def macro_f1(gold: Sequence[Hashable], pred: Sequence[Hashable],
             labels: Iterable[Hashable] | None = None) -> float:
    """Unweighted mean F1 over `labels` (default: every label in gold or pred). A label that is neither in
    gold nor predicted has no defined F1 and is left out of the mean."""
    scores = per_class_prf(gold, pred, labels)
    used = [s.f1 for s in scores.values() if s.tp + s.fp + s.fn > 0]
    return safe_div(sum(used), len(used))


def weighted_f1(gold: Sequence[Hashable], pred: Sequence[Hashable],
                labels: Iterable[Hashable] | None = None) -> float:
    """Mean F1 over `labels` weighted by gold support (the CASE 2021 task 2 ranking metric)."""
    scores = per_class_prf(gold, pred, labels)
    total = sum(s.support for s in scores.values())
    return safe_div(sum(s.f1 * s.support for s in scores.values()), total)


def _check_same_length(gold: Sequence[object], pred: Sequence[object]) -> None:
    if len(gold) != len(pred):
        raise ValueError(f"gold has {len(gold)} items but pred has {len(pred)}")


# --- text overlap -------------------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+", re.UNICODE)
# Words that carry no identity when matching an actor span against a gold span.
_STOP = frozenset({"the", "a", "an", "of", "and", "s", "in", "on", "for", "to", "its", "their", "his", "her"})


def tokens(text: str | None) -> list[str]:
    """Lower-cased word tokens of `text` without articles and similar function words."""
    if not text:
        return []
    return [t for t in _TOKEN.findall(text.lower()) if t not in _STOP]


def token_f1(a: str | None, b: str | None) -> float:
    """Bag-of-words F1 between two strings (SQuAD-style); 0.0 when either is empty."""
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p = common / sum(ta.values())
    r = common / sum(tb.values())
    return 2 * p * r / (p + r)


# --- geocoding ----------------------------------------------------------------------------------------


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two WGS84 points."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def acc_at_km(errors_km: Sequence[float], km: float = ACC_KM) -> float:
    """Share of errors of at most `km` (accuracy@161 by default)."""
    return safe_div(sum(e <= km for e in errors_km), len(errors_km))


def mean_error_km(errors_km: Sequence[float]) -> float:
    return safe_div(sum(errors_km), len(errors_km))


def median_error_km(errors_km: Sequence[float]) -> float:
    if not errors_km:
        return 0.0
    s = sorted(errors_km)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2


def geo_auc(errors_km: Sequence[float], max_km: float = MAX_ERROR_KM) -> float:
    """Area under the curve of sorted log errors, normalised to 0..1 (lower is better): 0 when every error
    is 0 km, 1 when every error is half the Earth's circumference. This is the AUC of Gritta et al.
    ("What's missing in geographical parsing?", LRE 2018; "Which Melbourne?", ACL 2018): errors are
    sorted, mapped to ln(1 + km), integrated with the trapezoid rule over unit steps and divided by
    ln(max_km) times the width of the curve (as in their `print_stats`). An unresolved toponym should
    enter as `max_km`."""
    if not errors_km:
        return 0.0
    ys = [math.log1p(min(max(e, 0.0), max_km)) for e in sorted(errors_km)]
    scale = math.log(max_km)
    if len(ys) == 1:
        return ys[0] / scale
    area = sum((ys[i] + ys[i + 1]) / 2 for i in range(len(ys) - 1))
    return area / (scale * (len(ys) - 1))


# --- clustering (fusion of articles into incidents) ---------------------------------------------------


def _clusters(assign: Mapping[Hashable, Hashable]) -> dict[Hashable, set[Hashable]]:
    out: dict[Hashable, set[Hashable]] = defaultdict(set)
    for item, cluster in assign.items():
        out[cluster].add(item)
    return out


def _complete(gold: Mapping[Hashable, Hashable], pred: Mapping[Hashable, Hashable]
              ) -> dict[Hashable, Hashable]:
    """`pred` restricted to the gold items; a gold item the prediction lacks becomes its own cluster."""
    return {item: pred.get(item, ("__singleton__", item)) for item in gold}


def pairwise_prf(gold: Mapping[Hashable, Hashable], pred: Mapping[Hashable, Hashable]) -> PRF:
    """Pairwise clustering P/R/F1 over the gold items: a pair of items is positive when both are in the
    same cluster. `gold` and `pred` map item -> cluster id."""
    p_assign = _complete(gold, pred)
    gold_pairs = _same_cluster_pairs(gold)
    pred_pairs = _same_cluster_pairs(p_assign)
    tp = len(gold_pairs & pred_pairs)
    return prf(tp, len(pred_pairs) - tp, len(gold_pairs) - tp)


def _same_cluster_pairs(assign: Mapping[Hashable, Hashable]) -> set[frozenset[Hashable]]:
    pairs: set[frozenset[Hashable]] = set()
    for members in _clusters(assign).values():
        ms = sorted(members, key=str)
        for i, a in enumerate(ms):
            for b in ms[i + 1:]:
                pairs.add(frozenset((a, b)))
    return pairs


def bcubed_prf(gold: Mapping[Hashable, Hashable], pred: Mapping[Hashable, Hashable]) -> PRF:
    """B-cubed P/R/F1 (Bagga & Baldwin 1998) over the gold items: per item, precision is the share of its
    predicted cluster that shares its gold cluster, recall the share of its gold cluster found in its
    predicted cluster; both are averaged over items."""
    if not gold:
        return prf(0, 0, 0)
    p_assign = _complete(gold, pred)
    g_cl, p_cl = _clusters(gold), _clusters(p_assign)
    p_sum = r_sum = 0.0
    for item in gold:
        g_members = g_cl[gold[item]]
        p_members = p_cl[p_assign[item]]
        both = len(g_members & p_members)
        p_sum += both / len(p_members)
        r_sum += both / len(g_members)
    p, r = p_sum / len(gold), r_sum / len(gold)
    return PRF(p, r, safe_div(2 * p * r, p + r))
