"""Geoparsing accuracy on the gold sets in shared/data/geo (LGL, TR-News, GeoWebNews, GeoVirus).

Figures (see each set's SOURCE.txt for the format):
- acc161: end to end, share of gold toponyms (those with coordinates; GeoWebNews: with a GeoNames id)
  that a detected mention overlaps and resolves within 161 km; a missed toponym counts as wrong;
- gold_acc161: the geoparser resolves the gold spans themselves (`Geoparser.resolve_spans`);
- mean_km / median_km (end to end, over matched and resolved toponyms), gold_mean_km, gold_median_km;
- precision / recall of detection by span overlap (gold: every annotated toponym; GeoWebNews: every type
  but the generic *_Expression and Non_Toponym spans)."""

from __future__ import annotations

import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..gazetteer.rank import haversine_km

DATASETS = {
    "lgl": "geo/lgl/lgl.dev.xml",
    "tr-news": "geo/tr-news/TR-News.dev.xml",
    "geowebnews": "geo/geowebnews/GWN.dev.xml",
    "geovirus": "geo/geovirus/GeoVirus.dev.xml",
}
GWN_NOT_TOPONYM = {"Literal_Expression", "Non_Lit_Expression", "Non_Toponym"}
ACC_KM = 161.0


@dataclass
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None = None
    lon: float | None = None
    scored: bool = True  # counts for resolution accuracy
    kind: str = ""


@dataclass
class GoldDoc:
    id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)
    url: str | None = None  # where the set gives it (LGL, TR-News: url; GeoWebNews: link; GeoVirus: source)
    source: str | None = None  # the publisher (LGL, TR-News: domain)


def load(dataset: str, shared: Path, limit: int | None = None) -> list[GoldDoc]:
    if dataset not in DATASETS:
        raise ValueError(f"unknown geo dataset {dataset!r}; choose from {sorted(DATASETS)}")
    root = ET.parse(Path(shared) / "data" / DATASETS[dataset]).getroot()
    docs: list[GoldDoc] = []
    for k, art in enumerate(root.iter("article")):
        if limit is not None and len(docs) >= limit:
            break
        text = art.findtext("text") or ""
        doc = GoldDoc(art.get("docid") or art.get("file") or str(k), text,
                      url=(art.findtext("url") or art.findtext("link") or art.findtext("source") or "").strip() or None,
                      source=(art.findtext("domain") or "").strip() or None)
        if dataset in ("lgl", "tr-news"):
            for t in art.iter("toponym"):
                g = t.find("gaztag")
                lat = lon = None
                if g is not None and g.findtext("lat"):
                    lat, lon = float(g.findtext("lat") or 0), float(g.findtext("lon") or 0)
                doc.toponyms.append(GoldToponym(int(t.findtext("start") or 0), int(t.findtext("end") or 0),
                                                t.findtext("phrase") or "", lat, lon, lat is not None))
        elif dataset == "geowebnews":
            for t in art.iter("toponym"):
                kind = t.findtext("type") or ""
                if kind in GWN_NOT_TOPONYM:
                    continue
                gid = (t.findtext("geonamesID") or "").strip()
                lat_s, lon_s = t.findtext("latitude"), t.findtext("longitude")
                lat = float(lat_s) if lat_s else None
                lon = float(lon_s) if lon_s else None
                doc.toponyms.append(GoldToponym(int(t.findtext("start") or 0), int(t.findtext("end") or 0),
                                                t.findtext("extractedName") or "", lat, lon,
                                                bool(gid) and lat is not None, kind))
        else:  # geovirus
            for t in art.iter("location"):
                lat = float(t.findtext("lat") or 0)
                lon = float(t.findtext("lon") or 0)
                doc.toponyms.append(GoldToponym(int(t.findtext("start") or 0), int(t.findtext("end") or 0),
                                                t.findtext("name") or "", lat, lon, True))
        for t in doc.toponyms:
            _realign(text, t)
        docs.append(doc)
    return docs


def _realign(text: str, t: GoldToponym, window: int = 40) -> None:
    """Some gold offsets are shifted by a few characters (all of GeoVirus by one, ~12% of TR-News):
    move the span to the nearest occurrence of its phrase within `window` characters."""
    if not t.text or text[t.start:t.end] == t.text:
        return
    lo = max(0, t.start - window)
    best: int | None = None
    i = text.find(t.text, lo, t.end + window + len(t.text))
    while i != -1:
        if best is None or abs(i - t.start) < abs(best - t.start):
            best = i
        i = text.find(t.text, i + 1, t.end + window + len(t.text))
    if best is not None:
        t.start, t.end = best, best + len(t.text)


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def run(dataset: str, shared: Path, limit: int | None = None, geoparser: Any = None, nlp: Any = None
        ) -> tuple[dict[str, float], list[dict[str, Any]]]:
    """Figures and one row per scored gold toponym (for error analysis)."""
    if geoparser is None or nlp is None:
        from ..gazetteer.geoparse import Geoparser
        from ..resources import default_resources

        res = default_resources()
        nlp = nlp or res.nlp
        geoparser = geoparser or Geoparser(res.gazetteer)
    docs = load(dataset, shared, limit)
    rows: list[dict[str, Any]] = []
    n_pred = n_pred_ok = n_gold = n_gold_found = 0
    for gd, doc in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        preds = geoparser.parse(doc, gd.id, url=gd.url, source=gd.source)
        gold_sp = [(t.start, t.end) for t in gd.toponyms if t.scored]
        given = geoparser.resolve_spans(doc, gold_sp, gd.id, url=gd.url, source=gd.source) if gold_sp else []
        n_pred += len(preds)
        n_pred_ok += sum(1 for p in preds if any(_overlap(p.start, p.end, t.start, t.end) for t in gd.toponyms))
        n_gold += len(gd.toponyms)
        n_gold_found += sum(1 for t in gd.toponyms if any(_overlap(p.start, p.end, t.start, t.end) for p in preds))
        scored = [t for t in gd.toponyms if t.scored]
        for t, g in zip(scored, given, strict=True):
            hit = [p for p in preds if _overlap(p.start, p.end, t.start, t.end)]
            resolved = [p for p in hit if p.latitude is not None]
            e2e = (haversine_km(resolved[0].latitude, resolved[0].longitude, t.lat, t.lon)  # type: ignore[arg-type]
                   if resolved else None)
            gkm = (haversine_km(g.latitude, g.longitude, t.lat, t.lon)  # type: ignore[arg-type]
                   if g.latitude is not None else None)
            rows.append({"doc": gd.id, "text": t.text, "start": t.start, "kind": t.kind, "gold": (t.lat, t.lon),
                         "found": bool(hit), "e2e_km": e2e, "pred": resolved[0] if resolved else None,
                         "gold_km": gkm, "given": g})
    n = len(rows) or 1
    e2e_km = [r["e2e_km"] for r in rows if r["e2e_km"] is not None]
    g_km = [r["gold_km"] for r in rows if r["gold_km"] is not None]
    figures = {
        "docs": float(len(docs)),
        "toponyms": float(len(rows)),
        "acc161": sum(1 for k in e2e_km if k <= ACC_KM) / n,
        "gold_acc161": sum(1 for k in g_km if k <= ACC_KM) / n,
        "mean_km": statistics.fmean(e2e_km) if e2e_km else float("nan"),
        "median_km": statistics.median(e2e_km) if e2e_km else float("nan"),
        "gold_mean_km": statistics.fmean(g_km) if g_km else float("nan"),
        "gold_median_km": statistics.median(g_km) if g_km else float("nan"),
        "precision": n_pred_ok / n_pred if n_pred else 0.0,
        "recall": n_gold_found / n_gold if n_gold else 0.0,
    }
    return figures, rows


def evaluate_geo(dataset: str, shared: Path, limit: int | None = None) -> dict[str, float]:
    """Geoparsing figures on one gold set: dataset in {"lgl", "tr-news", "geowebnews", "geovirus"};
    `shared` is the shared/ folder (holding data/geo/...)."""
    return run(dataset, shared, limit)[0]


def main() -> None:  # pragma: no cover - python -m eventwire.evaluate.geo SHARED [DATASET...] [--limit N]
    import sys

    args = sys.argv[1:]
    limit = None
    if "--limit" in args:
        i = args.index("--limit")
        limit = int(args[i + 1])
        del args[i:i + 2]
    shared = Path(args[0]) if args else Path("../shared")
    for ds in args[1:] or list(DATASETS):
        figs = evaluate_geo(ds, shared, limit)
        print(ds, " ".join(f"{k}={v:.3f}" for k, v in figs.items()))


if __name__ == "__main__":  # pragma: no cover
    main()
