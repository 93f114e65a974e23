"""Train the event-type classifier (src/eventwire/stages/classify.py) and write
src/eventwire/stages/data/event_classifier.npz; optionally cross-validate the variants first.

Data (all in ../shared/data/plover/, never copied into the repository; only feature names and weights are):
- PLV_train (Hu et al., ACL 2024; no licence stated, research use): 1,050 news sentences with a PLOVER root
  (15 roots, CONCEDE + RETREAT = YIELD) and a marked source and target. Each sentence gives two training
  rows: the sentence alone (trigger None) and the sentence with its "gold trigger", the lowest common
  dependency ancestor of the marked source and target (the verb that links them).
- PLOVER GSR (CC BY-SA 4.0): ~322 CAMEO-manual sentences with PLOVER types under older names (DEMAND =
  REQUEST, FIGHT = ASSAULT, DISAPPROVE and INVESTIGATE = ACCUSE), the trigger from the EVT markup.
- For the CONCEDE / RETREAT split only: the NGEC synthetic stories (machine generated, MIT; first two
  sentences) and headline templates, plus the GSR's CONCEDE and RETREAT sentences.

Model: scikit-learn LogisticRegression (multinomial, class_weight=balanced), exported as vocabulary +
float16 weight matrix + bias, so that the runtime needs numpy only. scikit-learn is needed here only:
    .venv/bin/pip install scikit-learn
    .venv/bin/python scripts/train_event_classifier.py [--shared ../shared] [--cv] [--no-write]
--cv prints (and writes to docs/models/event_classifier_cv.json) 5-fold stratified CV figures on PLV_train
(StratifiedKFold(5, shuffle=True, random_state=0)) for each variant, end to end from the raw sentence.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import re
import sys
import time
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from eventwire.resources import default_resources  # noqa: E402
from eventwire.stages import classify  # noqa: E402
from eventwire.stages.classify import FEATURE_VERSION, YIELD, features  # noqa: E402

PLV = Path("data/plover/plv/PLV_train.tsv")
GSR = Path("data/plover/plover-gsr-cameo/PLOVER_GSR_CAMEO.txt")
SYN = Path("data/plover/ngec-synthetic-plover/gpt_synthetic_events_2023-10-19_19.csv.zip")
HEADLINES = Path("data/plover/ngec-synthetic-plover/synthetic_headlines.csv")
CV_OUT = ROOT / "docs/models/event_classifier_cv.json"
GSR_NAMES = {"DEMAND": "REQUEST", "FIGHT": "ASSAULT", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}
MERGED = {"CONCEDE": YIELD, "RETREAT": YIELD}
C_MAIN = 3.0  # chosen on the CV below (C 1-10 within 0.005 macro-F1)
C_SPLIT = 0.1
MIN_DF = 2  # a feature must occur in at least this many training sentences
# Headline slots filled with neutral names so that the entity-kind features see a country or a city.
COUNTRIES = ["France", "Kenya", "Brazil", "India", "Turkey", "Nigeria", "Peru", "Japan", "Egypt", "Mexico"]
CITIES = ["Lagos", "Lima", "Aleppo", "Dhaka", "Caracas", "Mosul", "Nairobi", "Kabul"]

Feats = dict[str, float]


@dataclass
class Row:
    label: str
    sent: Feats  # features of the sentence alone
    gold: Feats | None = None  # with its gold trigger
    lexicon: list[tuple[Feats, str]] = field(default_factory=list)  # (features, lexicon type) per event


# -- data ---------------------------------------------------------------------------------------------
def _strip_marks(marked: str) -> tuple[str, dict[str, tuple[int, int]]]:
    """PLV's marked sentence without <s>/<t> tags, and the tags' character spans in it."""
    spans: dict[str, tuple[int, int]] = {}
    opened: dict[str, int] = {}
    parts: list[str] = []
    pos = last = 0
    for m in re.finditer(r"</?[st]>", marked):
        parts.append(marked[last:m.start()])
        pos += m.start() - last
        last = m.end()
        tag = m.group()
        if tag.startswith("</"):
            spans[tag[2]] = (opened.get(tag[2], pos), pos)
        else:
            opened[tag[1]] = pos
    parts.append(marked[last:])
    return "".join(parts), spans


def gold_trigger(doc: Any, marked: str) -> Any:
    """The token that links PLV's marked source and target: their lowest common dependency ancestor, or
    the first verb above it when one span contains the other."""
    clean, spans = _strip_marks(marked)
    if clean != doc.text or "s" not in spans or "t" not in spans:
        return None
    src = doc.char_span(*spans["s"], alignment_mode="expand")
    tgt = doc.char_span(*spans["t"], alignment_mode="expand")
    if src is None or tgt is None or not len(src) or not len(tgt):
        return None
    above = {t.i for t in [src.root, *src.root.ancestors]}
    tok = next((t for t in [tgt.root, *tgt.root.ancestors] if t.i in above), None)
    if tok is None:
        return None
    inside = src.start <= tok.i < src.end or tgt.start <= tok.i < tgt.end
    while inside and tok.pos_ != "VERB" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def load_plv(shared: Path, nlp: Any) -> list[Row]:
    from eventwire.stages.events import EventsStage

    stage = EventsStage()
    with open(shared / PLV, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    out = []
    for r, doc in zip(rows, nlp.pipe([r["sentence"].strip() for r in rows], batch_size=64), strict=True):
        sent = doc[:]
        g = gold_trigger(doc, r["marked_sentence"].strip())
        events = [ev for s in doc.sents for ev in stage.sentence_events(s)]
        out.append(Row(r["gold_root"].strip(), features(sent), features(sent, g) if g is not None else None,
                       [(features(sent, ev.trigger), ev.get("event_type")) for ev in events]))
    return out


def load_gsr(shared: Path, nlp: Any) -> list[Row]:
    records = [x for x in json.loads((shared / GSR).read_text(encoding="utf-8")) if x["event"] != "DOCUMENT"]
    out = []
    for x, doc in zip(records, nlp.pipe([x["text"] for x in records], batch_size=64), strict=True):
        markup = x["textInfo"].get("markup", "") if isinstance(x.get("textInfo"), dict) else ""
        m = re.search(r"\(EVT: ([^)]+)\)", markup)
        trig = None
        if m:
            word = m.group(1).split()[0]
            trig = next((t for t in doc if t.text == word), None)
        label = GSR_NAMES.get(x["event"], x["event"])
        out.append(Row(label, features(doc[:]), features(doc[:], trig) if trig is not None else None))
    return out


def load_synthetic(shared: Path, nlp: Any) -> list[Row]:
    """Synthetic stories (first two sentences, one row each) and filled headline templates."""
    with zipfile.ZipFile(shared / SYN) as z:
        name = next(n for n in z.namelist() if n.endswith(".csv"))
        rows = list(csv.DictReader(z.read(name).decode("utf-8").splitlines()))
    with open(shared / HEADLINES, encoding="utf-8", newline="") as fh:
        heads = list(csv.DictReader(fh))
    out = []
    for r, doc in zip(rows, nlp.pipe([r["text"][:600] for r in rows], batch_size=32), strict=True):
        for s in list(doc.sents)[:2]:
            out.append(Row(r["label"].strip(), features(s)))
    texts = [_fill(h["title"], k) for k, h in enumerate(heads)]
    for h, doc in zip(heads, nlp.pipe(texts), strict=True):
        out.append(Row(h["event"].strip(), features(doc[:])))
    return out


def _fill(title: str, k: int) -> str:
    return (title.replace("{country_1}", COUNTRIES[k % len(COUNTRIES)])
            .replace("{country_2}", COUNTRIES[(k + 3) % len(COUNTRIES)])
            .replace("{city}", CITIES[k % len(CITIES)]))


# -- model --------------------------------------------------------------------------------------------
def keep_only(prefixes: tuple[str, ...] | None) -> Callable[[Feats], Feats]:
    if prefixes is None:
        return lambda f: f
    return lambda f: {k: v for k, v in f.items() if k.split("=")[0] in prefixes}


@dataclass
class Linear:
    names: list[str]
    weights: np.ndarray  # (n_features, n_classes)
    bias: np.ndarray
    classes: list[str]

    def proba(self, feats: Iterable[Feats]) -> np.ndarray:
        index = {n: i for i, n in enumerate(self.names)}
        rows = []
        for f in feats:
            z = self.bias.copy()
            for k, v in f.items():
                i = index.get(k)
                if i is not None:
                    z += v * self.weights[i]
            z = np.exp(z - z.max())
            rows.append(z / z.sum())
        return np.array(rows)


Sample = tuple[Feats, str, float, int]  # features, label, weight, sentence id (for document frequency)


def fit(samples: list[Sample], C: float, min_df: int) -> Linear:
    """Logistic regression over the features seen in at least `min_df` sentences. A binary model has one
    weight column: the logit of classes[1]."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    seen = {(k, sid) for f, _, _, sid in samples for k in f}
    df = collections.Counter(k for k, _ in seen)
    keep = {k for k, n in df.items() if n >= min_df and "\n" not in k}
    dv = DictVectorizer()
    X = dv.fit_transform([{k: v for k, v in f.items() if k in keep} for f, _, _, _ in samples])
    clf = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
    clf.fit(X, [s[1] for s in samples], sample_weight=np.array([s[2] for s in samples]))
    return Linear(list(dv.feature_names_), clf.coef_.T.astype(np.float32), clf.intercept_.astype(np.float32),
                  [str(c) for c in clf.classes_])


def samples_for(plv: list[Row], gsr: list[Row], syn: list[Row], variant: dict[str, Any]) -> list[Sample]:
    view = keep_only(variant.get("only"))
    rows = [(r, 1.0) for r in plv] + [(r, 1.0) for r in gsr if variant.get("gsr")]
    rows += [(r, variant["synthetic"]) for r in syn if variant.get("synthetic")]
    out: list[Sample] = []
    for sid, (r, w) in enumerate(rows):
        lab = MERGED.get(r.label, r.label)
        out.append((view(r.sent), lab, w, sid))
        if variant.get("gold") and r.gold is not None:
            out.append((view(r.gold), lab, w, sid))
    return out


def train_main(plv: list[Row], gsr: list[Row], syn: list[Row], variant: dict[str, Any]) -> Linear:
    return fit(samples_for(plv, gsr, syn, variant), variant.get("C", C_MAIN), variant.get("min_df", MIN_DF))


def train_split(gsr: list[Row], syn: list[Row], names: set[str]) -> Linear:
    """CONCEDE (0) vs RETREAT (1) over the main model's vocabulary."""
    rows = [r for r in [*syn, *gsr] if r.label in ("CONCEDE", "RETREAT")]
    samples = [({k: v for k, v in r.sent.items() if k in names}, r.label, 1.0, i) for i, r in enumerate(rows)]
    return fit(samples, C_SPLIT, 1)


# -- cross-validation ---------------------------------------------------------------------------------
VARIANTS: dict[str, dict[str, Any]] = {
    "words (lemma uni+bigrams), PLV": {"only": ("u", "b")},
    "all features, PLV": {},
    "all features, PLV + GSR": {"gsr": True},
    "all features, PLV + GSR + gold-trigger rows (chosen)": {"gsr": True, "gold": True},
    "chosen, no min_df": {"gsr": True, "gold": True, "min_df": 1},
    "chosen + synthetic w0.1": {"gsr": True, "gold": True, "synthetic": 0.1},
}


def metrics(gold: list[str], pred: list[str], labels: list[str]) -> dict[str, Any]:
    from sklearn.metrics import accuracy_score, f1_score

    per = f1_score(gold, pred, labels=labels, average=None, zero_division=0)
    return {"accuracy": round(float(accuracy_score(gold, pred)), 4),
            "macro_f1": round(float(f1_score(gold, pred, labels=labels, average="macro", zero_division=0)), 4),
            "per_class_f1": {lab: round(float(x), 3) for lab, x in zip(labels, per, strict=True)}}


def cross_validate(plv: list[Row], gsr: list[Row], syn: list[Row], only: str = "") -> dict[str, Any]:
    from sklearn.model_selection import StratifiedKFold

    y = np.array([r.label for r in plv])
    labels = sorted(set(y))
    folds = list(StratifiedKFold(5, shuffle=True, random_state=0).split(np.zeros(len(y)), y))
    report: dict[str, Any] = {}
    lex_first = [MERGED.get(r.lexicon[0][1], r.lexicon[0][1]) if r.lexicon else "NONE" for r in plv]
    report["lexicon only: first event's type (events stage)"] = metrics(list(y), lex_first, labels)
    for name, variant in VARIANTS.items():
        if only not in name:
            continue
        t0 = time.time()
        preds: dict[str, list[str]] = collections.defaultdict(lambda: [""] * len(y))
        for tr, te in folds:
            model = train_main([plv[i] for i in tr], gsr, syn, variant)
            view = keep_only(variant.get("only"))
            cl = np.array(model.classes)
            sent_p = model.proba(view(plv[i].sent) for i in te)
            for j, i in enumerate(te):
                r = plv[i]
                preds["sentence"][i] = cl[sent_p[j].argmax()]
                if not variant.get("gold"):
                    continue
                g = r.gold if r.gold is not None else r.sent
                preds["gold trigger (not end to end)"][i] = cl[model.proba([view(g)])[0].argmax()]
                if r.lexicon:
                    p = model.proba(view(f) for f, _ in r.lexicon)
                    preds["first lexicon trigger"][i] = cl[p[0].argmax()]
                    preds["lexicon type, classifier when no trigger"][i] = MERGED.get(r.lexicon[0][1],
                                                                                      r.lexicon[0][1])
                else:
                    for k in ("first lexicon trigger", "lexicon type, classifier when no trigger"):
                        preds[k][i] = preds["sentence"][i]
        for mode, pred in preds.items():
            key = f"{name} | {mode}"
            report[key] = metrics(list(y), pred, labels)
            per_fold = [metrics([y[i] for i in te], [pred[i] for i in te], labels)["macro_f1"] for _, te in folds]
            report[key]["fold_macro_f1"] = per_fold
            print(f"{key:100s} acc={report[key]['accuracy']:.3f} macro-F1={report[key]['macro_f1']:.3f} "
                  f"({time.time() - t0:.0f}s)", flush=True)
    return report


# -- export -------------------------------------------------------------------------------------------
def export(main: Linear, split: Linear, path: Path, meta: dict[str, Any]) -> None:
    index = {n: i for i, n in enumerate(main.names)}
    split_w = np.zeros(len(main.names), dtype=np.float32)
    for n, w in zip(split.names, split.weights[:, 0], strict=True):
        split_w[index[n]] = w
    # the binary model's coefficient is the logit of classes[1]; make it the logit of RETREAT
    sign = 1.0 if split.classes[1] == "RETREAT" else -1.0
    meta = {**meta, "classes": main.classes, "feature_version": FEATURE_VERSION, "n_features": len(main.names)}
    np.savez_compressed(
        path,
        vocab=np.frombuffer("\n".join(main.names).encode("utf-8"), dtype=np.uint8),
        weights=main.weights.astype(np.float16),
        bias=main.bias.astype(np.float32),
        split_weights=(sign * split_w).astype(np.float16),
        split_bias=np.float32(sign * float(split.bias[0])),
        meta=np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8),
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--cv", action="store_true", help="cross-validate the variants first")
    ap.add_argument("--no-write", action="store_true", help="do not write the model file")
    ap.add_argument("--only", default="", help="cross-validate only the variants whose name contains this")
    args = ap.parse_args(argv)
    nlp = default_resources().nlp
    t0 = time.time()
    plv = load_plv(args.shared, nlp)
    gsr = load_gsr(args.shared, nlp)
    syn = load_synthetic(args.shared, nlp)
    print(f"parsed PLV {len(plv)}, GSR {len(gsr)}, synthetic {len(syn)} rows in {time.time() - t0:.0f}s")
    if args.cv:
        report = cross_validate(plv, gsr, syn, args.only)
        CV_OUT.parent.mkdir(parents=True, exist_ok=True)
        CV_OUT.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {CV_OUT}")
    if args.no_write:
        return 0
    chosen = VARIANTS["all features, PLV + GSR + gold-trigger rows (chosen)"]
    model = train_main(plv, gsr, syn, chosen)
    split = train_split(gsr, syn, set(model.names))
    meta = {"trained_on": "PLV_train (1,050) + PLOVER GSR (322) sentences, each alone and with its trigger; "
                          "CONCEDE/RETREAT split: NGEC synthetic stories + headlines + GSR",
            "C": C_MAIN, "min_df": MIN_DF, "C_split": C_SPLIT}
    export(model, split, classify.MODEL_PATH, meta)
    print(f"wrote {classify.MODEL_PATH} ({classify.MODEL_PATH.stat().st_size / 1e6:.2f} MB, "
          f"{len(model.names)} features)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
