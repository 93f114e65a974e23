"""PLV_train (Hu et al., ACL 2024): the PLOVER root of the event whose actors match the gold dyad.

Each row is a news sentence with a marked source, a marked target and the gold PLOVER root (15 roots:
CONCEDE and RETREAT are merged as YIELD). The sentence alone is coded (an Article without a date); among
its events we pick the one whose actor1_text / actor2_text best overlap the gold source / target, and
compare its event type with the gold root. A sentence with no event counts as a miss ("NONE").

The committed event classifier (stages/classify.py) was trained on PLV_train, so scoring it on PLV_train
says nothing. Two modes:
- "cv" (the default): 5-fold cross-validation end to end. The folds are stratified by root and keep the
  dyads of one sentence together (classify_train.stratified_folds). For each fold the classifier is
  retrained with the committed recipe (classify_train.CHOSEN: the other folds' PLV rows + GSR [+
  synthetic]) and the whole pipeline, with that classifier in its events stage, codes the held-out raw
  sentences. Training sentences are parsed once and cached (DocBin in the cache folder).
- "in-sample": the committed classifier on every sentence. Fast, but IN-SAMPLE (optimistic); for smoke
  tests and regressions of the pipeline around the classifier only.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..article import Article
from ..errors import ConfigError
from ..record import Event
from ..stages.classify_train import CHOSEN, TrainConfig
from .common import events_by_article, stable_slice
from .metrics import accuracy, macro_f1, per_class_prf, safe_div, token_f1, weighted_f1

if TYPE_CHECKING:
    from ..pipeline import Pipeline
    from ..stages.classify import EventTypeClassifier
    from ..stages.events import EventsStage

PLV_FILE = Path("data") / "plover" / "plv" / "PLV_train.tsv"
ROOTS = ("AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "YIELD", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
MERGED = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}  # PLV merges the two concession types
NO_EVENT = "NONE"


@dataclass(frozen=True)
class PlvItem:
    row: int  # position in the file (0-based, header excluded)
    sentence_id: str
    sentence: str
    source: str
    target: str
    root: str

    @property
    def key(self) -> str:
        return f"{self.sentence_id}\t{self.source}\t{self.target}"


def load_plv(shared: Path, limit: int | None = None) -> list[PlvItem]:
    """The dyads of PLV_train, the first `limit` in stable order (sha256 of sentence id, source, target)."""
    path = shared / PLV_FILE
    items: list[PlvItem] = []
    with open(path, encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh, delimiter="\t")):
            root = to_root(row["gold_root"].strip())
            if root not in ROOTS:
                raise ValueError(f"{path}:{i + 2}: unknown gold_root {row['gold_root']!r}")
            items.append(PlvItem(i, row["sentence_id"].strip(), row["sentence"].strip(),
                                 row["source"].strip(), row["target"].strip(), root))
    return stable_slice(items, lambda it: it.key, limit)


def to_root(event_type: str | None) -> str:
    """Our PLOVER type as a PLV root (CONCEDE, RETREAT -> YIELD); None -> NONE."""
    if not event_type:
        return NO_EVENT
    return MERGED.get(event_type, event_type)


def dyad_score(ev: Event, source: str, target: str) -> float:
    """How well an event's actors match the gold dyad: token F1 of actor1 vs source plus actor2 vs target."""
    return token_f1(ev.actor1_text, source) + token_f1(ev.actor2_text, target)


def pick_event(events: list[Event], source: str, target: str) -> Event | None:
    """The event whose actors best match the gold source and target; ties go to the more confident, then
    to the earlier event."""
    best: Event | None = None
    best_key = (-1.0, -1.0)
    for ev in events:
        key = (dyad_score(ev, source, target), ev.confidence)
        if key > best_key:
            best, best_key = ev, key
    return best


def score_plv(items: list[PlvItem], events: dict[str, list[Event]]) -> dict[str, float]:
    """Metrics of picked events against the gold roots; `events` maps article id (sentence id) -> events."""
    gold: list[str] = []
    pred: list[str] = []
    no_event = dyad_found = 0
    for it in items:
        evs = events.get(it.sentence_id, [])
        ev = pick_event(evs, it.source, it.target)
        if ev is None:
            no_event += 1
        elif token_f1(ev.actor1_text, it.source) > 0 and token_f1(ev.actor2_text, it.target) > 0:
            dyad_found += 1
        gold.append(it.root)
        pred.append(to_root(ev.event_type) if ev else NO_EVENT)
    n = len(items)
    with_event = [(g, p) for g, p in zip(gold, pred, strict=True) if p != NO_EVENT]
    out = {
        "accuracy": accuracy(gold, pred),
        "macro_f1": macro_f1(gold, pred, ROOTS),
        "weighted_f1": weighted_f1(gold, pred, ROOTS),
        "no_event_share": safe_div(no_event, n),
        "dyad_match_share": safe_div(dyad_found, n),
        "accuracy_when_event": safe_div(sum(g == p for g, p in with_event), len(with_event)),
        "n": float(n),
    }
    for root, s in per_class_prf(gold, pred, ROOTS).items():
        out[f"f1_{str(root).lower()}"] = s.f1
    return out


def _articles(items: list[PlvItem]) -> list[Article]:
    texts: dict[str, str] = {}
    for it in items:
        texts.setdefault(it.sentence_id, it.sentence)
    return [Article(id=sid, text=text, origin=f"{PLV_FILE}:{sid}") for sid, text in texts.items()]


def evaluate_plv(shared: Path, limit: int | None = None, pipeline: Pipeline | None = None,
                 mode: str = "cv", config: TrainConfig | None = None) -> dict[str, float]:
    """`eventwire eval plv`: code each sentence once (no date) and score the dyads; `mode` "cv" (default,
    cross-validated end to end) or "in-sample" (the committed classifier). `limit` takes the first N
    dyads in stable order; in "cv" mode every fold is still trained on all the other folds' rows."""
    if mode == "in-sample":
        items = load_plv(shared, limit)
        out = score_plv(items, events_by_article(_articles(items), pipeline))
        out["cross_validated"] = 0.0
        return out
    if mode != "cv":
        raise ConfigError(f"unknown plv evaluation mode {mode!r}: choose cv or in-sample")
    return cross_validate_plv(shared, limit, pipeline, config or CHOSEN)


# Fold models trained in this process, by (gold folder, recipe, folds, spaCy model): the quality gate scores
# the same folds several times (and with deliberately broken stages), the training is done once.
_FOLD_MODELS: dict[tuple[str, TrainConfig, int, str], tuple[list[int], list[EventTypeClassifier]]] = {}


def cross_validate_plv(shared: Path, limit: int | None = None, pipeline: Pipeline | None = None,
                       config: TrainConfig = CHOSEN, folds: int = 5) -> dict[str, float]:
    """The end-to-end cross-validated figures (see the module docstring)."""
    from ..pipeline import Pipeline
    from ..resources import default_resources
    from ..stages import classify_train as ct

    pipe = pipeline or Pipeline(resources=default_resources())
    stage = _events_stage(pipe)
    key = (str(Path(shared).resolve()), config, folds, pipe.resources.spacy_model)
    if key not in _FOLD_MODELS:
        nlp = pipe.resources.nlp
        rows = ct.load_plv(shared, nlp)
        gsr = ct.load_gsr(shared, nlp) if config.gsr else []
        syn = ct.load_synthetic(shared, nlp) if ct.needs_synthetic(config) else []
        fold_of = ct.stratified_folds([r.key for r in rows], [to_root(r.label) for r in rows], folds)
        models = [ct.to_classifier(ct.train_main([r for r, k in zip(rows, fold_of, strict=True) if k != f],
                                                 gsr, syn, config)) for f in range(folds)]
        _FOLD_MODELS[key] = (fold_of, models)
    fold_of, models = _FOLD_MODELS[key]
    items = load_plv(shared, limit)
    events: dict[str, list[Event]] = {}
    committed = stage.classifier
    try:
        for f in range(folds):
            test = [it for it in items if fold_of[it.row] == f]
            if test:
                stage.classifier = models[f]
                events.update(events_by_article(_articles(test), pipe))
    finally:
        stage.classifier = committed
    out = score_plv(items, events)
    out["cross_validated"] = float(folds)
    return out


def _events_stage(pipe: Pipeline) -> EventsStage:
    """The pipeline's events stage (also when a wrapper holds it as `inner`), whose classifier each fold
    replaces."""
    from ..stages.events import EventsStage

    for st in pipe.stages:
        for cand in (st, getattr(st, "inner", None)):
            if isinstance(cand, EventsStage):
                return cand
    raise ConfigError("cross-validated plv evaluation needs a pipeline with an EventsStage")
