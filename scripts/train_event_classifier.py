"""Train the event-type classifier (src/eventwire/stages/classify.py) and write
src/eventwire/stages/data/event_classifier.npz; optionally cross-validate the variants first.

Everything that decides the model lives in the package, shared with the cross-validated `eventwire eval
plv`: the features (eventwire.stages.classify.features), the data loading, the numpy logistic regression and
the committed recipe (eventwire.stages.classify_train: TrainConfig, CHOSEN). This script only chooses
what to run. Data (../shared/data/plover/, never copied into the repository; only feature names and
weights are):
- PLV_train (Hu et al., ACL 2024; no licence stated, research use): 1,050 news sentences with a PLOVER root
  (15 roots, CONCEDE + RETREAT = YIELD) and a marked source and target; each sentence gives a row alone and
  a row with its "gold trigger" (the lowest common dependency ancestor of source and target).
- PLOVER GSR (CC BY-SA 4.0): ~322 CAMEO-manual sentences, old type names mapped, trigger from EVT markup.
- NGEC synthetic stories (machine generated, MIT) and headline templates: the CONCEDE / RETREAT split
  model, and the main model only in the variants that say so.

    .venv/bin/python scripts/train_event_classifier.py [--shared ../shared] [--cv] [--e2e] [--no-write]

--cv: 5-fold CV of the classifier alone on PLV_train (the folds of eventwire.evaluate.plv) for each
variant: the sentence, and the sentence with its gold trigger (not end to end). --e2e: for each variant
also the end-to-end CV of `eventwire eval plv` (the whole pipeline on the held-out raw sentences; about
one minute per variant). Both write docs/models/event_classifier_cv.json. No scikit-learn is needed.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from eventwire.evaluate.metrics import accuracy, macro_f1, per_class_prf  # noqa: E402
from eventwire.evaluate.plv import ROOTS, cross_validate_plv, to_root  # noqa: E402
from eventwire.resources import default_resources  # noqa: E402
from eventwire.stages import classify  # noqa: E402
from eventwire.stages import classify_train as ct  # noqa: E402
from eventwire.stages.classify_train import CHOSEN, TrainConfig  # noqa: E402

CV_OUT = ROOT / "docs/models/event_classifier_cv.json"
C_SPLIT = 0.1
# Feature families added in FEATURE_VERSION 3 (see classify.features).
NEW = ("pa", "po", "cl", "md", "tpa", "tpo", "tmd")
VARIANTS: dict[str, TrainConfig] = {
    "A. words (lemma uni+bigrams), PLV + GSR": TrainConfig(only=("u", "b")),
    "B. parse features of version 2, PLV + GSR + gold-trigger rows": TrainConfig(drop=NEW),
    "C. B, no class weighting": TrainConfig(drop=NEW, class_weight=None),
    "D. B + synthetic stories w0.1": TrainConfig(drop=NEW, synthetic=0.1),
    "E. version 3 features (+ paths, objects, modality, clause n-grams) (chosen)": CHOSEN,
    "F. E + synthetic stories w0.1": TrainConfig(synthetic=0.1),
    "G. E, C=1": TrainConfig(C=1.0),
}


def scores(gold: list[str], pred: list[str]) -> dict[str, Any]:
    return {"accuracy": round(accuracy(gold, pred), 4), "macro_f1": round(macro_f1(gold, pred, ROOTS), 4),
            "per_class_f1": {r: round(s.f1, 3) for r, s in per_class_prf(gold, pred, ROOTS).items()}}


def classifier_cv(rows: list[ct.Row], gsr: list[ct.Row], syn: list[ct.Row], cfg: TrainConfig,
                  fold_of: list[int]) -> dict[str, dict[str, Any]]:
    """The classifier alone on the held-out sentences (and with their gold trigger)."""
    gold = [to_root(r.label) for r in rows]
    preds: dict[str, list[str]] = collections.defaultdict(lambda: [""] * len(rows))
    view = cfg.view()
    for f in range(max(fold_of) + 1):
        model = ct.train_main([r for r, k in zip(rows, fold_of, strict=True) if k != f], gsr, syn, cfg)
        test = [i for i, k in enumerate(fold_of) if k == f]
        cl = np.array(model.classes)
        for i, p in zip(test, model.proba(view(rows[i].sent) for i in test), strict=True):
            preds["classifier: sentence"][i] = str(cl[p.argmax()])
        for i, p in zip(test, model.proba(view(rows[i].gold or rows[i].sent) for i in test), strict=True):
            preds["classifier: gold trigger (not end to end)"][i] = str(cl[p.argmax()])
    return {mode: scores(gold, pred) for mode, pred in preds.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--cv", action="store_true", help="cross-validate the classifier alone per variant")
    ap.add_argument("--e2e", action="store_true", help="also the end-to-end CV (eventwire eval plv)")
    ap.add_argument("--only", default="", help="only the variants whose name contains this")
    ap.add_argument("--no-write", action="store_true", help="do not write the model file")
    args = ap.parse_args(argv)
    nlp = default_resources().nlp
    t0 = time.time()
    rows = ct.load_plv(args.shared, nlp)
    gsr = ct.load_gsr(args.shared, nlp)
    syn = ct.load_synthetic(args.shared, nlp)
    print(f"PLV {len(rows)}, GSR {len(gsr)}, synthetic {len(syn)} rows in {time.time() - t0:.0f}s", flush=True)
    if args.cv or args.e2e:
        fold_of = ct.stratified_folds([r.key for r in rows], [to_root(r.label) for r in rows])
        old = json.loads(CV_OUT.read_text(encoding="utf-8")) if CV_OUT.exists() else {}
        report: dict[str, Any] = {k: v for k, v in old.items() if k in VARIANTS}  # --only: keep the others
        for name, cfg in VARIANTS.items():
            if args.only not in name:
                continue
            t1 = time.time()
            res = classifier_cv(rows, gsr, syn, cfg, fold_of) if args.cv else {}
            if args.e2e:
                m = cross_validate_plv(args.shared, config=cfg)
                res["end to end (eventwire eval plv)"] = {
                    "accuracy": round(m["accuracy"], 4), "macro_f1": round(m["macro_f1"], 4),
                    "no_event_share": round(m["no_event_share"], 4),
                    "per_class_f1": {r: round(m[f"f1_{r.lower()}"], 3) for r in ROOTS}}
            report[name] = res
            for mode, s in res.items():
                print(f"{name[:60]:60s} | {mode:40s} acc={s['accuracy']:.3f} macro-F1={s['macro_f1']:.3f} "
                      f"({time.time() - t1:.0f}s)", flush=True)
            CV_OUT.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {CV_OUT}")
    if args.no_write:
        return 0
    model = ct.train_main(rows, gsr, syn, CHOSEN)
    split = ct.fit(ct.split_samples([*syn, *gsr], set(model.names)), C_SPLIT, 1)
    meta = {"trained_on": "PLV_train (1,050) + PLOVER GSR (322) sentences, each alone and with its trigger; "
                          "CONCEDE/RETREAT split: NGEC synthetic stories + headlines + GSR",
            "recipe": {k: v for k, v in vars(CHOSEN).items()}, "C_split": C_SPLIT}
    ct.export(model, split, classify.MODEL_PATH, meta)
    print(f"wrote {classify.MODEL_PATH} ({classify.MODEL_PATH.stat().st_size / 1e6:.2f} MB, "
          f"{len(model.names)} features)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
