"""Training the event-type classifier (stages/classify.py), shared by scripts/train_event_classifier.py
and the cross-validated `eventwire eval plv`, so that both train exactly the same model.

- the training data (read from the shared gold folder, never copied into the repository): PLV_train rows
  with their gold trigger, the PLOVER GSR records, the NGEC synthetic stories; parsed once and cached as
  spaCy DocBins in the cache folder ($EVENTWIRE_CACHE or ~/.cache/eventwire);
- a multinomial logistic regression fitted with numpy alone (L-BFGS on the same objective as
  scikit-learn's LogisticRegression: C * weighted log-loss + 0.5 * |W|^2, intercept not penalised,
  "balanced" class weights), so that neither the runtime nor the evaluation needs scikit-learn;
- conversion of a fitted model into a runtime EventTypeClassifier, in memory or as the .npz file.

The features are classify.features(), the function the runtime calls: there is one feature code."""

from __future__ import annotations

import collections
import csv
import hashlib
import json
import os
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .classify import FEATURE_VERSION, YIELD, EventTypeClassifier, features

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

PLV = Path("data/plover/plv/PLV_train.tsv")
GSR = Path("data/plover/plover-gsr-cameo/PLOVER_GSR_CAMEO.txt")
SYN = Path("data/plover/ngec-synthetic-plover/gpt_synthetic_events_2023-10-19_19.csv.zip")
HEADLINES = Path("data/plover/ngec-synthetic-plover/synthetic_headlines.csv")
GSR_NAMES = {"DEMAND": "REQUEST", "FIGHT": "ASSAULT", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}
MERGED = {"CONCEDE": YIELD, "RETREAT": YIELD}
# Headline slots filled with neutral names so that the entity-kind features see a country or a city.
COUNTRIES = ["France", "Kenya", "Brazil", "India", "Turkey", "Nigeria", "Peru", "Japan", "Egypt", "Mexico"]
CITIES = ["Lagos", "Lima", "Aleppo", "Dhaka", "Caracas", "Mosul", "Nairobi", "Kabul"]

Feats = dict[str, float]


@dataclass
class Row:
    """One labelled training sentence: its features alone, and with its gold trigger when known."""

    label: str
    sent: Feats
    gold: Feats | None = None
    key: str = ""  # PLV: sentence id (the unit of the cross-validation folds)
    doc: Any = None  # the parsed Doc (kept for variants that need more than the features)
    extra: dict[str, Any] = field(default_factory=dict)


# -- parsing, cached ----------------------------------------------------------------------------------
def cache_dir() -> Path:
    return Path(os.environ.get("EVENTWIRE_CACHE") or Path.home() / ".cache" / "eventwire")


def parse_cached(nlp: Language, texts: Sequence[str], name: str, batch_size: int = 64) -> list[Doc]:
    """Parse `texts` with `nlp`, reusing a DocBin cached under the cache folder. The cache key holds the
    texts and the model's name and version, so another model or other texts never reuse it."""
    from spacy.tokens import DocBin

    h = hashlib.sha256()
    h.update(f"{nlp.meta.get('name')}-{nlp.meta.get('version')}-{nlp.pipe_names}".encode())
    for t in texts:
        h.update(t.encode("utf-8") + b"\0")
    path = cache_dir() / "docs" / f"{name}-{h.hexdigest()[:16]}.spacy"
    if path.exists():
        try:
            docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
            if len(docs) == len(texts):
                return docs
        except (OSError, ValueError):
            pass
    docs = list(nlp.pipe(texts, batch_size=batch_size))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        DocBin(docs=docs).to_disk(tmp)
        tmp.replace(path)
    except OSError:
        pass  # a read-only cache only costs time
    return docs


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


def gold_trigger(doc: Doc, marked: str) -> Token | None:
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


def read_plv(shared: Path) -> list[dict[str, str]]:
    with open(shared / PLV, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def load_plv(shared: Path, nlp: Language, featurize: Callable[..., Feats] = features) -> list[Row]:
    """PLV_train, one Row per dyad (the file's order); key = sentence id."""
    rows = read_plv(shared)
    docs = parse_cached(nlp, [r["sentence"].strip() for r in rows], "plv")
    out = []
    for r, doc in zip(rows, docs, strict=True):
        sent = doc[:]
        g = gold_trigger(doc, r["marked_sentence"].strip())
        out.append(Row(r["gold_root"].strip(), featurize(sent), featurize(sent, g) if g is not None else None,
                       key=r["sentence_id"].strip(), doc=doc))
    return out


def load_gsr(shared: Path, nlp: Language, featurize: Callable[..., Feats] = features) -> list[Row]:
    """The PLOVER GSR sentences (old type names mapped), with the EVT markup's trigger."""
    records = [x for x in json.loads((shared / GSR).read_text(encoding="utf-8")) if x["event"] != "DOCUMENT"]
    docs = parse_cached(nlp, [x["text"] for x in records], "gsr")
    out = []
    for x, doc in zip(records, docs, strict=True):
        markup = x["textInfo"].get("markup", "") if isinstance(x.get("textInfo"), dict) else ""
        m = re.search(r"\(EVT: ([^)]+)\)", markup)
        trig = None
        if m:
            word = m.group(1).split()[0]
            trig = next((t for t in doc if t.text == word), None)
        label = GSR_NAMES.get(x["event"], x["event"])
        out.append(Row(label, featurize(doc[:]), featurize(doc[:], trig) if trig is not None else None,
                       key=f"gsr:{x.get('id', len(out))}", doc=doc))
    return out


def load_synthetic(shared: Path, nlp: Language, featurize: Callable[..., Feats] = features,
                   sentences: int = 2) -> list[Row]:
    """Synthetic stories (their first `sentences` sentences, one row each) and filled headline templates."""
    with zipfile.ZipFile(shared / SYN) as z:
        name = next(n for n in z.namelist() if n.endswith(".csv"))
        rows = list(csv.DictReader(z.read(name).decode("utf-8").splitlines()))
    with open(shared / HEADLINES, encoding="utf-8", newline="") as fh:
        heads = list(csv.DictReader(fh))
    out = []
    docs = parse_cached(nlp, [r["text"][:600] for r in rows], "synthetic", batch_size=32)
    for k, (r, doc) in enumerate(zip(rows, docs, strict=True)):
        for s in list(doc.sents)[:sentences]:
            out.append(Row(r["label"].strip(), featurize(s), key=f"syn:{k}", extra={"mode": r.get("mode", "")}))
    texts = [_fill(h["title"], k) for k, h in enumerate(heads)]
    for k, (h, doc) in enumerate(zip(heads, parse_cached(nlp, texts, "headlines"), strict=True)):
        out.append(Row(h["event"].strip(), featurize(doc[:]), key=f"head:{k}"))
    return out


def _fill(title: str, k: int) -> str:
    return (title.replace("{country_1}", COUNTRIES[k % len(COUNTRIES)])
            .replace("{country_2}", COUNTRIES[(k + 3) % len(COUNTRIES)])
            .replace("{city}", CITIES[k % len(CITIES)]))


def stratified_folds(keys: Sequence[str], labels: Sequence[str], k: int = 5) -> list[int]:
    """A fold number per item: items with the same key share a fold; within each label the keys are dealt
    round-robin in a fixed pseudo-random order (sha256 of the key), so folds are stratified and stable."""
    first_label: dict[str, str] = {}
    for key, lab in zip(keys, labels, strict=True):
        first_label.setdefault(key, lab)
    by_label: dict[str, list[str]] = collections.defaultdict(list)
    for key, lab in first_label.items():
        by_label[lab].append(key)
    fold_of: dict[str, int] = {}
    turn = 0
    for lab in sorted(by_label):
        for key in sorted(by_label[lab], key=lambda s: hashlib.sha256(s.encode("utf-8")).hexdigest()):
            fold_of[key] = turn % k
            turn += 1
    return [fold_of[key] for key in keys]


# -- the model ----------------------------------------------------------------------------------------
@dataclass
class Linear:
    """A fitted logistic regression: weights (n_features, n_classes), or (n_features, 1) for a binary
    model, whose column is the logit of classes[1]."""

    names: list[str]
    weights: np.ndarray
    bias: np.ndarray
    classes: list[str]

    def proba(self, feats: Iterable[Feats]) -> np.ndarray:
        index = {n: i for i, n in enumerate(self.names)}
        rows = []
        for f in feats:
            z = self.bias.astype(np.float64).copy()
            for k, v in f.items():
                i = index.get(k)
                if i is not None:
                    z += v * self.weights[i]
            z = np.exp(z - z.max())
            rows.append(z / z.sum())
        return np.array(rows)


class _Csr:
    """A sparse row matrix with the two products logistic regression needs, in numpy alone."""

    def __init__(self, rows: list[dict[int, float]], n_cols: int):
        lens = np.array([len(r) for r in rows], dtype=np.int64)
        self.indptr = np.concatenate([[0], np.cumsum(lens)])
        self.indices = np.fromiter((i for r in rows for i in r), dtype=np.int64, count=int(lens.sum()))
        self.data = np.fromiter((v for r in rows for v in r.values()), dtype=np.float64, count=int(lens.sum()))
        self.row_of = np.repeat(np.arange(len(rows)), lens)
        self.n_rows, self.n_cols = len(rows), n_cols
        order = np.argsort(self.indices, kind="stable")
        self.t_rows, self.t_data = self.row_of[order], self.data[order]
        counts = np.bincount(self.indices, minlength=n_cols)
        self.t_ptr = np.concatenate([[0], np.cumsum(counts)])
        self.empty_rows = lens == 0
        self.empty_cols = counts == 0

    def dot(self, w: np.ndarray) -> np.ndarray:  # X @ w
        if not len(self.data):
            return np.zeros((self.n_rows, w.shape[1]))
        out = np.add.reduceat(w[self.indices] * self.data[:, None], np.minimum(self.indptr[:-1], len(self.data) - 1))
        out[self.empty_rows] = 0.0
        return out

    def tdot(self, g: np.ndarray) -> np.ndarray:  # X.T @ g
        if not len(self.data):
            return np.zeros((self.n_cols, g.shape[1]))
        out = np.add.reduceat(g[self.t_rows] * self.t_data[:, None], np.minimum(self.t_ptr[:-1], len(self.data) - 1))
        out[self.empty_cols] = 0.0
        return out


def _dot(a: np.ndarray, b: np.ndarray) -> float:
    """Inner product without BLAS: a multi-threaded BLAS thrashes on a busy machine (5x slower here)."""
    return float(np.multiply(a, b).sum())


def _lbfgs(fun: Callable[[np.ndarray], tuple[float, np.ndarray]], x0: np.ndarray, max_iter: int = 500,
           tol: float = 1e-4, memory: int = 10) -> np.ndarray:
    """Minimise a smooth function with limited-memory BFGS and a backtracking (Armijo) line search."""
    x = x0.copy()
    f, g = fun(x)
    s_hist: list[np.ndarray] = []
    y_hist: list[np.ndarray] = []
    for _ in range(max_iter):
        if np.abs(g).max() <= tol:
            break
        q = g.copy()
        alphas = []
        for s, y in zip(reversed(s_hist), reversed(y_hist), strict=True):
            a = _dot(s, q) / (_dot(y, s))
            alphas.append(a)
            q -= a * y
        if s_hist:
            q *= _dot(s_hist[-1], y_hist[-1]) / _dot(y_hist[-1], y_hist[-1])
        for (s, y), a in zip(zip(s_hist, y_hist, strict=True), reversed(alphas), strict=True):
            b = _dot(y, q) / (_dot(y, s))
            q += (a - b) * s
        d = -q
        slope = _dot(g, d)
        if slope >= 0:  # not a descent direction: restart from the gradient
            s_hist.clear()
            y_hist.clear()
            d, slope = -g, -_dot(g, g)
        step = 1.0 if s_hist else min(1.0, 1.0 / max(np.abs(g).sum(), 1e-12))
        while True:
            x_new = x + step * d
            f_new, g_new = fun(x_new)
            if f_new <= f + 1e-4 * step * slope or step < 1e-10:
                break
            step *= 0.5
        s, y = x_new - x, g_new - g
        if _dot(s, y) > 1e-10:
            s_hist.append(s)
            y_hist.append(y)
            if len(s_hist) > memory:
                s_hist.pop(0)
                y_hist.pop(0)
        converged = abs(f - f_new) <= 1e-9 * max(1.0, abs(f))
        x, f, g = x_new, f_new, g_new
        if converged:
            break
    return x


Sample = tuple[Feats, str, float, str]  # features, label, weight, sentence key (for document frequency)


def fit(samples: list[Sample], C: float, min_df: int, class_weight: str | None = "balanced",
        max_iter: int = 500) -> Linear:
    """Logistic regression over the features seen in at least `min_df` sentences (distinct keys): the
    objective of scikit-learn's LogisticRegression(C, class_weight), minimised with numpy's L-BFGS."""
    df = collections.Counter(k for k, _ in {(k, key) for f, _, _, key in samples for k in f})
    names = sorted(k for k, n in df.items() if n >= min_df and "\n" not in k)
    index = {n: i for i, n in enumerate(names)}
    classes = sorted({s[1] for s in samples})
    y = np.array([classes.index(s[1]) for s in samples])
    counts = np.bincount(y, minlength=len(classes))
    cw = (len(y) / (len(classes) * counts)) if class_weight == "balanced" else np.ones(len(classes))
    sw = np.array([s[2] for s in samples], dtype=np.float64) * cw[y]
    X = _Csr([{index[k]: v for k, v in f.items() if k in index} for f, _, _, _ in samples], len(names))
    n_feat, binary = len(names), len(classes) == 2
    k = 1 if binary else len(classes)
    Y = np.zeros((len(y), k))
    if binary:
        Y[:, 0] = y
    else:
        Y[np.arange(len(y)), y] = 1.0

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        W = theta[: n_feat * k].reshape(n_feat, k)
        b = theta[n_feat * k:]
        Z = X.dot(W) + b
        if binary:
            p = 1.0 / (1.0 + np.exp(-Z))
            ll = np.logaddexp(0.0, Z[:, 0]) - Y[:, 0] * Z[:, 0]
            G = p - Y
        else:
            zmax = Z.max(axis=1, keepdims=True)
            lse = zmax[:, 0] + np.log(np.exp(Z - zmax).sum(axis=1))
            ll = lse - (Z * Y).sum(axis=1)
            G = np.exp(Z - lse[:, None]) - Y
        G *= (C * sw)[:, None]
        f = float(C * (sw * ll).sum() + 0.5 * (W * W).sum())
        gW = X.tdot(G) + W
        return f, np.concatenate([gW.ravel(), G.sum(axis=0)])

    theta = _lbfgs(loss, np.zeros(n_feat * k + k), max_iter=max_iter)
    W = theta[: n_feat * k].reshape(n_feat, k).astype(np.float32)
    b = theta[n_feat * k:].astype(np.float32)
    return Linear(names, W, b, classes)


def merged_label(label: str) -> str:
    return MERGED.get(label, label)


def main_samples(plv: Sequence[Row], extra: Sequence[tuple[Row, float]] = (), gold_rows: bool = True,
                 view: Callable[[Feats], Feats] = lambda f: f) -> list[Sample]:
    """Training samples of the main (15-root) model: each PLV row and each extra (row, weight), alone and,
    when `gold_rows`, with its gold trigger."""
    out: list[Sample] = []
    for n, (r, w) in enumerate([*((r, 1.0) for r in plv), *extra]):
        lab, key = merged_label(r.label), r.key or f"row:{n}"
        out.append((view(r.sent), lab, w, key))
        if gold_rows and r.gold is not None:
            out.append((view(r.gold), lab, w, key))
    return out


def split_samples(rows: Iterable[Row], names: set[str]) -> list[Sample]:
    """CONCEDE vs RETREAT samples over the main model's vocabulary."""
    return [({k: v for k, v in r.sent.items() if k in names}, r.label, 1.0, r.key or f"row:{i}")
            for i, r in enumerate(rows) if r.label in ("CONCEDE", "RETREAT")]


def runtime_arrays(main: Linear, split: Linear | None, meta: dict[str, Any]) -> dict[str, np.ndarray]:
    """The arrays of the runtime model file (classify.EventTypeClassifier.load reads them)."""
    index = {n: i for i, n in enumerate(main.names)}
    split_w = np.zeros(len(main.names), dtype=np.float32)
    sign, split_b = 1.0, 0.0
    if split is not None:
        for n, w in zip(split.names, split.weights[:, 0], strict=True):
            split_w[index[n]] = w
        # the binary model's column is the logit of classes[1]; make it the logit of RETREAT
        sign = 1.0 if split.classes[1] == "RETREAT" else -1.0
        split_b = float(split.bias[0])
    weights, bias = main.weights, main.bias
    if len(main.classes) == 2 and weights.shape[1] == 1:  # binary: softmax over (0, logit of classes[1])
        weights = np.hstack([np.zeros_like(weights), weights])
        bias = np.concatenate([np.zeros_like(bias), bias])
    meta = {**meta, "classes": main.classes, "feature_version": FEATURE_VERSION, "n_features": len(main.names)}
    return {
        "vocab": np.frombuffer("\n".join(main.names).encode("utf-8"), dtype=np.uint8),
        "weights": weights.astype(np.float16),
        "bias": bias.astype(np.float32),
        "split_weights": (sign * split_w).astype(np.float16),
        "split_bias": np.float32(sign * split_b),
        "meta": np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8),
    }


def export(main: Linear, split: Linear | None, path: Path, meta: dict[str, Any]) -> None:
    np.savez_compressed(path, **runtime_arrays(main, split, meta))  # type: ignore[arg-type]


def to_classifier(main: Linear, split: Linear | None = None, meta: dict[str, Any] | None = None
                  ) -> EventTypeClassifier:
    """A runtime classifier from a fitted model, in memory (the same float16 rounding as the file)."""
    a = runtime_arrays(main, split, meta or {})
    vocab = {w: i for i, w in enumerate(main.names)}
    return EventTypeClassifier(vocab, a["weights"].astype(np.float32), a["bias"], list(main.classes),
                               a["split_weights"].astype(np.float32), float(a["split_bias"]),
                               json.loads(bytes(a["meta"]).decode("utf-8")))


# -- one training recipe for the trainer and the evaluator ---------------------------------------------
@dataclass(frozen=True)
class TrainConfig:
    """How the main model is trained. CHOSEN is the committed model's recipe."""

    C: float = 3.0
    min_df: int = 2  # a feature must occur in at least this many training sentences
    gsr: bool = True  # add the GSR sentences
    gold_rows: bool = True  # add a row per sentence with its gold trigger
    synthetic: float = 0.0  # weight of the synthetic story rows (0: not used)
    class_weight: str | None = "balanced"
    drop: tuple[str, ...] = ()  # feature families (name prefix before "=") left out
    only: tuple[str, ...] = ()  # when set, only these feature families

    def view(self) -> Callable[[Feats], Feats]:
        if not self.drop and not self.only:
            return lambda f: f
        drop, only = set(self.drop), set(self.only)
        return lambda f: {k: v for k, v in f.items()
                          if k.split("=")[0] not in drop and (not only or k.split("=")[0] in only)}


CHOSEN = TrainConfig()


def train_main(plv: Sequence[Row], gsr: Sequence[Row], syn: Sequence[Row], cfg: TrainConfig = CHOSEN) -> Linear:
    """The main (15-root) model trained on these PLV rows plus, as the recipe says, GSR and synthetic rows."""
    extra = [(r, 1.0) for r in gsr] if cfg.gsr else []
    if cfg.synthetic > 0:
        extra += [(r, cfg.synthetic) for r in syn]
    samples = main_samples(plv, extra, cfg.gold_rows, cfg.view())
    return fit(samples, cfg.C, cfg.min_df, cfg.class_weight)


def needs_synthetic(cfg: TrainConfig) -> bool:
    return cfg.synthetic > 0
