"""Fit the toponym ranker (src/eventwire/gazetteer/data/ranker.json) on the dev splits of the geo gold sets.

    python scripts/train_geo_ranker.py SHARED [--cache DIR] [--folds 5] [--write]

For every gold toponym (LGL, TR-News, GeoWebNews dev; the gold spans are given, the other gold spans of the
article are its context; the article's url / domain gives the publisher's home) the geoparser's candidates
get their feature vectors (gazetteer/rank.py); a
candidate is right when it lies within 161 km of the gold point. The model is a conditional logit (softmax
over a mention's candidates, L2-penalised), fitted in two rounds: round 1 on pass-1 features (context from the
context-free prior), round 2 on pass-1 and pass-2 features (context from round 1's ranking), as the geoparser
runs them. Cross-validation by article (--folds) reports held-out acc@161 per set; --write saves the weights
fitted on all articles and the CV figures (docs/models/geo_ranker_cv.json)."""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from eventwire.evaluate.geo import load
from eventwire.gazetteer.geoparse import Geoparser, conj_kinds, mention_keys, prior_context, result_context
from eventwire.gazetteer.lookup import Gazetteer
from eventwire.gazetteer.rank import FEATURES, MODEL_PATH, Ranker, features, haversine_km

SETS = ("lgl", "tr-news", "geowebnews")
ACC_KM = 161.0
L2 = 0.3
BALANCE = True


def parsed_docs(ds: str, texts: list[str], cache: Path | None):
    from spacy.tokens import DocBin

    from eventwire.resources import default_resources

    nlp = default_resources().nlp
    if cache is not None and (cache / f"{ds}.spacy").exists():
        return list(DocBin().from_disk(cache / f"{ds}.spacy").get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=16))
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        db = DocBin(store_user_data=True)
        for d in docs:
            db.add(d)
        db.to_disk(cache / f"{ds}.spacy")
    return docs


class Article:
    """One gold article: its given mentions, and per scored toponym the gold point."""

    def __init__(self, ds: str, doc, mentions, gold, home=None):
        self.ds, self.doc, self.mentions, self.gold = ds, doc, mentions, gold  # gold: list[(lat, lon)]
        self.home = home  # the publisher's home (outlets.Home) from the article's url / domain, or None
        self.keys = mention_keys(doc, mentions)


def articles(shared: Path, cache: Path | None, gp: Geoparser, use_home: bool = True) -> list[Article]:
    out = []
    for ds in SETS:
        gold = load(ds, shared)
        docs = parsed_docs(ds, [g.text for g in gold], cache)
        for gd, doc in zip(gold, docs, strict=True):
            scored = [t for t in gd.toponyms if t.scored]
            if scored:
                mentions = gp.given_mentions(doc, [(t.start, t.end) for t in scored])
                home = gp.home_in_article(gp.home(gd.url, gd.source), mentions) if use_home else None
                out.append(Article(ds, doc, mentions, [(t.lat, t.lon) for t in scored], home))
    return out


def groups(arts: list[Article], ranker: Ranker | None) -> list[tuple[np.ndarray, np.ndarray, str]]:
    """(features, right) per mention with a right and a wrong candidate; pass 1, and pass 2 when a ranker
    is given (its pass-1 ranking as the context)."""
    out = []
    for a in arts:
        contexts = [prior_context(a.keys, a.mentions)]
        if ranker is not None:
            _rank_all(a, contexts[0], ranker)
            contexts.append(result_context(a.keys, a.mentions))
        for n_ctx, ctx in enumerate(contexts):
            views: dict = {}
            for m, key, (la, lo) in zip(a.mentions, a.keys, a.gold, strict=True):
                if len(m.cands) < 2:
                    continue
                right = np.array([haversine_km(c.place.lat, c.place.lon, la, lo) <= ACC_KM for c in m.cands])
                if right.all() or not right.any():
                    continue
                view = views.get(key) or views.setdefault(key, ctx.view(key))
                container = a.mentions[m.container].cands if m.container is not None else None
                mlp = max(math.log10(c.place.population + 10) for c in m.cands)
                conj = conj_kinds(a.mentions, m, use_result=n_ctx > 0)
                x = np.array([features(c, m.cands, view, container, m.division_word, mlp, a.home, conj, m.dateline)
                              for c in m.cands])
                out.append((x, right, a.ds))
    return out


def _rank_all(a: Article, ctx, ranker: Ranker) -> None:
    views: dict = {}
    for m, key in zip(a.mentions, a.keys, strict=True):
        if m.cands:
            view = views.get(key) or views.setdefault(key, ctx.view(key))
            container = a.mentions[m.container].cands if m.container is not None else None
            m.result = ranker.rank(m.cands, view, container, m.division_word, a.home, conj_kinds(a.mentions, m, False),
                                   m.dateline)


def fit(gs: list[tuple[np.ndarray, np.ndarray, str]]) -> np.ndarray:
    """Conditional logit; each set weighs the same in the loss (LGL alone has more mentions than the others)."""
    x = np.vstack([g[0] for g in gs])
    per_set = {ds: sum(1 for g in gs if g[2] == ds) for ds in {g[2] for g in gs}}
    gw = np.array([len(gs) / (len(per_set) * per_set[g[2]]) for g in gs]) if BALANCE else np.ones(len(gs))
    pos = np.concatenate([g[1] for g in gs])
    sizes = np.array([len(g[1]) for g in gs])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    gid = np.repeat(np.arange(len(gs)), sizes)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = x @ w
        m = np.maximum.reduceat(s, starts)
        e = np.exp(s - m[gid])
        z_all = np.add.reduceat(e, starts)
        z_pos = np.add.reduceat(e * pos, starts)
        nll = -np.sum(gw * (np.log(z_pos) - np.log(z_all)))
        p_all = e / z_all[gid]
        p_pos = e * pos / z_pos[gid]
        grad = x.T @ ((p_all - p_pos) * gw[gid])
        return nll + L2 * float(w @ w), grad + 2 * L2 * w

    res = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B")
    return res.x


def train(arts: list[Article]) -> Ranker:
    w1 = fit(groups(arts, None))
    r1 = Ranker(dict(zip(FEATURES, w1.tolist(), strict=True)))
    w2 = fit(groups(arts, r1))
    return Ranker(dict(zip(FEATURES, w2.tolist(), strict=True)))


def accuracy(arts: list[Article], gp: Geoparser) -> dict[str, float]:
    n: dict[str, int] = {}
    ok: dict[str, int] = {}
    for a in arts:
        gp.resolve(a.doc, a.mentions, home=a.home)
        for m, (la, lo) in zip(a.mentions, a.gold, strict=True):
            n[a.ds] = n.get(a.ds, 0) + 1
            p = m.result.place if m.result else None
            ok[a.ds] = ok.get(a.ds, 0) + int(p is not None and haversine_km(p.lat, p.lon, la, lo) <= ACC_KM)
    return {ds: ok.get(ds, 0) / n[ds] for ds in n}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("shared", type=Path)
    ap.add_argument("--cache", type=Path, default=None, help="folder for parsed docs (DocBin)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--no-home", action="store_true", help="leave the publisher's home out (ablation)")
    args = ap.parse_args()
    gaz = Gazetteer.open()
    gp = Geoparser(gaz, Ranker({f: 0.0 for f in FEATURES}))  # candidates only: the weights may be stale
    arts = articles(args.shared, args.cache, gp, use_home=not args.no_home)
    print(f"{len(arts)} articles, {sum(a.home is not None for a in arts)} with a publisher home", file=sys.stderr)
    cv: dict[str, list[float]] = {}
    for k in range(args.folds):
        test = [a for i, a in enumerate(arts) if i % args.folds == k]
        tr = [a for i, a in enumerate(arts) if i % args.folds != k]
        fold = accuracy(test, Geoparser(gaz, train(tr)))
        for ds, v in fold.items():
            cv.setdefault(ds, []).append(v)
        print(f"fold {k}: " + " ".join(f"{ds}={v:.3f}" for ds, v in fold.items()), file=sys.stderr)
    cv_mean = {ds: round(float(np.mean(v)), 4) for ds, v in cv.items()}
    print("cv acc@161 (given spans):", cv_mean)
    ranker = train(arts)
    weights = {f: round(w, 4) for f, w in zip(FEATURES, ranker.w, strict=True)}
    print(json.dumps(weights, indent=1))
    if args.write:
        MODEL_PATH.write_text(json.dumps({
            "model": "conditional logit over toponym candidates (scripts/train_geo_ranker.py)",
            "trained_on": "dev splits of LGL, TR-News, GeoWebNews (gold spans given)",
            "l2": L2, "cv_folds": args.folds, "cv_acc161_given": cv_mean, "weights": weights}, indent=1) + "\n",
            encoding="utf-8")
        print(f"wrote {MODEL_PATH}", file=sys.stderr)


if __name__ == "__main__":
    main()
