"""`eventwire eval DATASET`: score eventwire against gold data through the public API.

One module per dataset (a loader and a scorer), all reached through one registry:

    run_eval("plv", shared, limit=150) -> {"accuracy": 0.71, "macro_f1": 0.64, ..., "n": 150.0}

`shared` is the folder of gold data (`../shared` beside the repository, or $EVENTWIRE_SHARED); `limit`
takes the first N items after a stable order, so a slice is the same on every machine. Modules are
imported when their dataset is asked for, so a missing or broken module is a clear error for that
dataset alone, not a crash of the registry."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ConfigError

GEO_PARTS = ("lgl", "tr-news", "geowebnews", "geovirus")
GEO_DATASETS = (*GEO_PARTS, "geo")
NEWS_GEO_PARTS = ("lgl", "tr-news", "geowebnews")
# Pooled "geo" (when evaluate_geo does not pool itself): shares over gold toponyms, pooled exactly by
# weighting each part with its number of toponyms; counts are summed.
GEO_POOLED_RATES = ("acc161", "gold_acc161")
GEO_POOLED_COUNTS = ("docs", "toponyms")


@dataclass(frozen=True)
class Dataset:
    """Where the scorer of one dataset lives and what it measures."""

    name: str
    module: str  # under eventwire.evaluate
    function: str
    stage: str  # the part of the pipeline it mostly measures (a section of docs/quality.md)
    description: str
    geo_name: str | None = None  # geo datasets: the name passed to evaluate_geo

    def load(self) -> Callable[..., dict[str, float]]:
        """Import the scorer; raise ConfigError (one line, what to do) when it cannot be imported."""
        qualified = f"{__name__}.{self.module}"
        try:
            mod = importlib.import_module(qualified)
        except ImportError as exc:
            raise ConfigError(
                f"evaluation {self.name!r} is not available: module {qualified} cannot be imported ({exc})"
            ) from exc
        func = getattr(mod, self.function, None)
        if not callable(func):
            raise ConfigError(f"evaluation {self.name!r} is not available: {qualified} has no "
                              f"function {self.function}()")
        if self.geo_name is None:
            return func
        geo_name = self.geo_name
        if geo_name == "geo" and "geo" not in getattr(mod, "DATASETS", ()):
            return lambda shared, limit=None, **kw: pool_geo(func, shared, limit, **kw)

        def geo(shared: Path, limit: int | None = None, **kw: Any) -> dict[str, float]:
            return func(geo_name, shared, limit, **kw)

        return geo


def pool_geo(func: Callable[..., dict[str, float]], shared: Path, limit: int | None = None,
             **kw: Any) -> dict[str, float]:
    """The four geo sets as one: each scored with `limit` documents, rates weighted by toponyms; also the
    unweighted mean acc161 over the sets (each set counts the same), and `news_acc161`, pooled over the
    three news sets only (LGL, TR-News, GeoWebNews), the definition of the published anchors."""
    parts = {name: func(name, shared, limit, **kw) for name in GEO_PARTS}
    weight = {name: float(m.get("toponyms", 0.0)) for name, m in parts.items()}
    total = sum(weight.values())
    out: dict[str, float] = {k: sum(float(m.get(k, 0.0)) for m in parts.values()) for k in GEO_POOLED_COUNTS}
    for rate in GEO_POOLED_RATES:
        if all(rate in m for m in parts.values()):
            out[rate] = sum(float(m[rate]) * weight[n] for n, m in parts.items()) / total if total else 0.0
    if all("acc161" in m for m in parts.values()):
        out["macro_acc161"] = sum(float(m["acc161"]) for m in parts.values()) / len(parts)
    # The news sets the published anchors (Mordecai3) pool: LGL, TR-News and GeoWebNews, without GeoVirus.
    news = [n for n in NEWS_GEO_PARTS if "acc161" in parts[n]]
    news_weight = sum(weight[n] for n in news)
    if news and news_weight:
        out["news_acc161"] = sum(float(parts[n]["acc161"]) * weight[n] for n in news) / news_weight
    return out


DATASETS: dict[str, Dataset] = {d.name: d for d in (
    Dataset("plv", "plv", "evaluate_plv", "events",
            "PLV_train sentences, 5-fold cross-validated end to end: for each fold the event classifier is "
            "retrained on the other folds (+ GSR) and the whole pipeline codes the held-out raw sentences; "
            "scored: the PLOVER root of the event whose actors match the gold dyad"),
    Dataset("gsr", "gsr", "evaluate_gsr", "actors",
            "PLOVER GSR (CAMEO manual examples): event type, actor country and sector"),
    *(Dataset(g, "geo", "evaluate_geo", "places",
              "pooled geoparsing datasets" if g == "geo" else f"geoparsing: {g} toponyms and coordinates",
              geo_name=g) for g in GEO_DATASETS),
    Dataset("gva", "gva", "evaluate_gva", "casualties",
            "Gun Violence Archive articles: date, place, killed, injured, incident fusion"),
    Dataset("calibration", "calibration", "evaluate_calibration", "confidence",
            "CASE 2021 ACLED snippets: is `confidence` calibrated (ECE, Brier) for events with an ACLED type"),
    Dataset("fusion", "fusion", "evaluate_fusion", "fusion",
            "Gun Violence Archive incidents with several articles: are articles about one incident fused "
            "into one event (pairwise precision and recall over articles)"),
    Dataset("tempeval3", "tempeval3", "evaluate_tempeval3", "dates",
            "TempEval-3 TIMEX3 normalisation"),
    Dataset("polnear", "polnear", "evaluate_polnear", "attribution",
            "PolNeAR attribution: source and cue of reported events"),
    Dataset("muc4", "muc4", "evaluate_muc4", "events",
            "MUC-4 dev messages (upper-case originals, sentence-cased before coding) against their templates: "
            "incident detection, type, mode, date, country, perpetrators, victims"),
    Dataset("acled", "acled", "evaluate_acled", "events",
            "CASE 2021 task 2 snippets: ACLED event type and sub-event type through the crosswalk"),
)}


def dataset_names() -> list[str]:
    return list(DATASETS)


def get_evaluator(name: str) -> Callable[..., dict[str, float]]:
    """The scorer of a dataset: `f(shared, limit=None, **kw) -> metrics`."""
    try:
        ds = DATASETS[name]
    except KeyError:
        raise ConfigError(f"unknown dataset {name!r}; choose one of: {', '.join(DATASETS)}") from None
    return ds.load()


def default_shared() -> Path:
    """The gold-data folder: $EVENTWIRE_SHARED, else `shared` beside the repository (or the working
    folder's parent)."""
    env = os.environ.get("EVENTWIRE_SHARED")
    if env:
        return Path(env)
    repo = Path(__file__).resolve().parents[3]
    for cand in (repo.parent / "shared", Path.cwd().parent / "shared", Path.cwd() / "shared"):
        if cand.is_dir():
            return cand
    return repo.parent / "shared"


def shared_path(shared: str | Path | None = None) -> Path:
    """The gold-data folder the user gave (`--shared`), else `default_shared()`."""
    return Path(shared) if shared else default_shared()


def run_eval(name: str, shared: Path | str | None = None, limit: int | None = None,
             **kw: Any) -> dict[str, float]:
    """Score one dataset; `limit` takes the first N items after the dataset's stable order. Extra keyword
    arguments (e.g. `pipeline=` for the modules that accept one) go to the scorer."""
    root = Path(shared) if shared is not None else default_shared()
    if not root.is_dir():
        raise ConfigError(f"gold data folder {root} is absent (set EVENTWIRE_SHARED to its path)")
    if limit is not None and limit < 1:
        raise ConfigError(f"--limit must be at least 1, not {limit}")
    func = get_evaluator(name)
    return {k: float(v) for k, v in func(root, limit, **kw).items()}


__all__ = ["DATASETS", "Dataset", "dataset_names", "default_shared", "get_evaluator", "run_eval", "shared_path"]
