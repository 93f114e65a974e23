"""docs/quality.md: one table per stage with our figures, the published anchors and the commands.

The figures come from quality/results.json (written by scripts/make_eval.py); the anchors from
data/anchors.tsv and any module-level ANCHORS of the evaluation modules; the gate floors from
quality/floors.toml. `write_report` only formats: it never runs an evaluation."""

from __future__ import annotations

import csv
import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import DATASETS
from .gate import SliceFloors

ANCHORS_FILE = Path(__file__).parent / "data" / "anchors.tsv"
# Hand-kept tables comparing the approaches tried for each model (in the repository, beside the floors).
COMPARISONS_FILE = Path(__file__).resolve().parents[3] / "quality" / "comparisons.md"
STAGES = ("events", "actors", "places", "dates", "attribution", "casualties", "fusion", "confidence")

# What a metric name means, for the glossary under the tables (metrics not listed show their name).
GLOSSARY = {
    "accuracy": "share of items whose label is right",
    "macro_f1": "mean F1 over the classes (each class counts the same)",
    "weighted_f1": "mean F1 over the classes weighted by gold support",
    "no_event_share": "share of items where eventwire coded no event at all (lower is better)",
    "dyad_match_share": "share of PLV dyads where the chosen event's actor1 overlaps the gold source and "
                        "actor2 the gold target",
    "accuracy_when_event": "accuracy over the items where an event was coded",
    "sub_accuracy": "ACLED sub-event type accuracy (unseen task labels count as 'no ACLED event')",
    "sub_macro_f1": "macro-F1 over the ACLED sub-event types",
    "sub_weighted_f1": "support-weighted F1 over every gold label, 'no ACLED event' included "
                       "(the CASE 2021 ranking metric)",
    "sub_accuracy_seen": "sub-event type accuracy over snippets whose gold label is an ACLED type",
    "type_accuracy": "event type accuracy (ACLED type for acled; PLOVER type allowed by the MUC type "
                     "for muc4)",
    "type_macro_f1": "macro-F1 over the ACLED event types",
    "unseen_rejected": "share of non-ACLED snippets (disasters, crime, diplomacy...) given no ACLED type",
    "detection_f1": "message-level F1 of 'has a relevant incident' vs 'an ASSAULT/COERCE event was coded'",
    "template_recall": "share of required MUC templates aligned with an incident event",
    "event_precision": "share of incident events aligned with a MUC template (duplicates count as wrong)",
    "mode_accuracy": "aligned pairs whose PLOVER mode matches the MUC type (bombing: explosives...)",
    "date_accuracy": "aligned pairs whose event_date falls in the template's date range",
    "country_accuracy": "aligned pairs whose country_iso3 is the template's country",
    "perpetrator_match": "aligned pairs whose actor1 overlaps a gold perpetrator",
    "victim_match": "aligned pairs whose actor2 overlaps a gold victim or target",
    "acc161": "share of resolved toponyms within 161 km of the gold point",
    "auc": "area under the log-error curve, normalised to 0..1 (lower is better)",
}


@dataclass(frozen=True)
class Anchor:
    dataset: str
    system: str
    metric: str
    value: float
    measures: str
    source: str


def load_anchors(path: Path = ANCHORS_FILE) -> list[Anchor]:
    """Anchors of the data file plus the ANCHORS lists of the evaluation modules that import."""
    out: list[Anchor] = []
    with open(path, encoding="utf-8") as fh:
        rows = [ln.rstrip("\n") for ln in fh if not ln.startswith("#") and ln.strip()]
    for row in csv.DictReader(rows, delimiter="\t"):
        out.append(Anchor(row["dataset"], row["system"], row["metric"], float(row["value"]),
                          row["measures"], row["source"]))
    seen = {(a.dataset, a.system, a.metric) for a in out}
    for mod_name in sorted({d.module for d in DATASETS.values()}):
        try:
            mod = importlib.import_module(f"{__package__}.{mod_name}")
        except ImportError:
            continue
        for raw in getattr(mod, "ANCHORS", []) or []:
            try:
                a = Anchor(str(raw["dataset"]), str(raw["system"]), str(raw["metric"]), float(raw["value"]),
                           str(raw.get("measures", "")), str(raw["source"]))
            except (KeyError, TypeError, ValueError):
                continue
            if (a.dataset, a.system, a.metric) not in seen:
                seen.add((a.dataset, a.system, a.metric))
                out.append(a)
    return out


def eval_command(name: str, limit: int | None = None) -> str:
    return f"eventwire eval {name}" + (f" --limit {limit}" if limit else "")


def _fmt(v: float | None) -> str:
    if v is None:
        return "—"
    return f"{v:.0f}" if abs(v) >= 100 or float(v).is_integer() else f"{v:.3f}"


def _stage_table(stage: str, results: Mapping[str, Any], anchors: list[Anchor],
                 floors: Mapping[str, SliceFloors], notes: list[str]) -> list[str]:
    names = [d.name for d in DATASETS.values() if d.stage == stage]
    lines = ["| dataset | metric | eventwire | gate floor | anchor | command |",
             "|---|---|---|---|---|---|"]
    rows = 0
    for name in names:
        entry = results.get(name)
        ds_anchors = [a for a in anchors if a.dataset == name]
        cmd = f"`{eval_command(name, entry.get('limit') if entry else None)}`"
        if not entry or entry.get("error"):
            why = entry.get("error") if entry else "not run"
            lines.append(f"| {name} | — | not measured ({why}) | | | {cmd} |")
            rows += 1
            continue
        metrics: dict[str, float] = dict(entry.get("metrics", {}))
        fl = floors.get(name)
        per_class = {k[3:]: v for k, v in metrics.items() if k.startswith("f1_")}
        counts = {k: v for k, v in metrics.items() if is_count(k)}
        for metric, value in metrics.items():
            if metric.startswith("f1_") or metric in counts:
                continue
            gate = ""
            if fl and metric in fl.floors:
                gate = f"≥ {fl.floors[metric]:.2f} on {fl.slice_name}"
            elif fl and metric in fl.ceilings:
                gate = f"≤ {fl.ceilings[metric]:.2f} on {fl.slice_name}"
            anc = "; ".join(f"{a.value:.3f} {a.system} [{_note(notes, a)}]"
                            for a in ds_anchors if a.metric == metric)
            lines.append(f"| {name} | {metric} | {_fmt(value)} | {gate} | {anc} | {cmd} |")
            rows += 1
        for a in ds_anchors:
            if a.metric not in metrics:
                lines.append(f"| {name} | {a.metric} | — | | {a.value:.3f} {a.system} [{_note(notes, a)}] "
                             f"| {cmd} |")
                rows += 1
        if per_class:
            cells = ", ".join(f"{k.upper()} {v:.2f}" for k, v in sorted(per_class.items()))
            lines.append(f"| {name} | per-class F1 | {cells} | | | {cmd} |")
        if counts:
            cells = ", ".join(f"{int(v)}" if k == "n" else f"{k.removeprefix('n_')} {int(v)}"
                              for k, v in counts.items())
            lines.append(f"| {name} | items scored | {cells} | | | {cmd} |")
    return lines if rows else []


def is_count(metric: str) -> bool:
    """Sizes (items, documents, toponyms) rather than scores: shown together on one row."""
    return metric in ("n", "docs", "toponyms") or metric.startswith("n_")


def _note(notes: list[str], a: Anchor) -> int:
    text = f"{a.system}: {a.measures}. {a.source}"
    if text not in notes:
        notes.append(text)
    return notes.index(text) + 1


def _bench_table(bench: Mapping[str, Any] | None) -> list[str]:
    if not bench or bench.get("error"):
        why = bench.get("error") if bench else "not run"
        return [f"Not measured ({why}). Run `eventwire bench`."]
    m = bench["metrics"]
    cmd = f"`eventwire bench --articles {int(m['articles'])}`"
    return [
        "| run | articles/s | seconds | peak RSS, largest process (MB) | peak RSS, sum (MB) | command |",
        "|---|---|---|---|---|---|",
        f"| `extract` (all stages) | {m['extract_articles_per_s']:.1f} | {m['extract_seconds']:.1f} | "
        f"{m.get('extract_peak_rss_process_mb', float('nan')):.0f} | {m['extract_peak_rss_mb']:.0f} | {cmd} |",
        f"| bare spaCy `nlp.pipe` (same model) | {m['spacy_articles_per_s']:.1f} | {m['spacy_seconds']:.1f} | "
        f"{m.get('spacy_peak_rss_process_mb', float('nan')):.0f} | {m['spacy_peak_rss_mb']:.0f} | {cmd} |",
        "",
        f"{int(m['articles'])} GVA dev articles ({int(m['chars']):,} characters), n_process="
        f"{int(m['n_process'])}: extract takes {m['time_ratio']:.2f}x the time of the bare parse. Peak RSS "
        "(resource.getrusage, model loading included) is given for the largest single process and as the sum of "
        "the worker and its children; the sum counts pages the forked children share with their parent "
        "once per process, so it overstates the memory needed."
        + (f" The machine's load average was {m['load_avg_1m']:.1f} on {int(m.get('cpus', 0))} CPUs when the "
           "run started: other work slows both runs." if "load_avg_1m" in m else ""),
    ]


def render(results: Mapping[str, Any], floors: Mapping[str, SliceFloors],
           anchors: list[Anchor] | None = None) -> str:
    """The markdown of docs/quality.md."""
    anchors = load_anchors() if anchors is None else anchors
    datasets: Mapping[str, Any] = results.get("datasets", {})
    out = [
        "# Quality",
        "",
        "How well eventwire codes news, measured on the development part of public gold data sets "
        "(../shared/data; a held-out part of every set is scored separately, so a figure here that the "
        "held-out part does not confirm is overfitting). Every figure goes through the public API "
        "(`eventwire.extract` / `eventwire.geoparse`, the same code as the CLI), and each row says the "
        "command that reproduces it. The whole file is regenerated by `make eval` "
        "(`.venv/bin/python scripts/make_eval.py`); do not edit it by hand.",
        "",
        f"Measured {results.get('generated', '?')} with {results.get('coder', '?')}. "
        "Anchors are published figures for comparison; they were measured under other conditions "
        "(noted in each footnote), so they orient rather than rank.",
        "",
        "The gate column is the floor (or ceiling) that `make test` enforces on a small fixed slice "
        "(quality/floors.toml): a change that lowers a score fails until the floor is edited in the same "
        "commit.",
    ]
    notes: list[str] = []
    for stage in STAGES:
        table = _stage_table(stage, datasets, anchors, floors, notes)
        if not table:
            continue
        descr = "; ".join(f"{d.name}: {d.description}" for d in DATASETS.values() if d.stage == stage)
        out += ["", f"## {stage}", "", descr + ".", "", *table]
    if COMPARISONS_FILE.is_file():
        out += ["", "## approaches compared", "", COMPARISONS_FILE.read_text(encoding="utf-8").strip()]
    out += ["", "## throughput and memory", "", *_bench_table(results.get("bench"))]
    if notes:
        out += ["", "## anchors", ""]
        out += [f"{i}. {n}" for i, n in enumerate(notes, 1)]
    used = sorted({m for e in datasets.values() for m in dict(e.get("metrics", {})) if m in GLOSSARY})
    if used:
        out += ["", "## metrics", ""]
        out += [f"- `{m}`: {GLOSSARY[m]}" for m in used]
    return "\n".join(out) + "\n"


def write_report(results: Mapping[str, Any], floors: Mapping[str, SliceFloors], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(results, floors), encoding="utf-8")
    return path


def format_metrics(name: str, metrics: Mapping[str, float], limit: int | None = None) -> str:
    """Plain-text lines for `eventwire eval DATASET` on a terminal (the CLI prints JSON with --json)."""
    head = f"{name}" + (f" (first {limit} in stable order)" if limit else " (whole dev set)")
    width = max((len(k) for k in metrics), default=0)
    lines = [head]
    for k, v in metrics.items():
        lines.append(f"  {k:<{width}}  {_fmt(v)}")
    return "\n".join(lines)
