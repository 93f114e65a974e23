"""Run every evaluation and regenerate docs/quality.md (`make eval`).

    .venv/bin/python scripts/make_eval.py                    # every dataset (full dev sets) + bench
    .venv/bin/python scripts/make_eval.py --only plv acled   # re-measure some; keep the others' figures
    .venv/bin/python scripts/make_eval.py --limit 100        # quick look on slices (figures say so)
    .venv/bin/python scripts/make_eval.py --bench-only       # re-measure eventwire bench only
    .venv/bin/python scripts/make_eval.py --report-only      # reformat from quality/results.json
    .venv/bin/python scripts/make_eval.py --gate             # score the gate slices against the floors
    .venv/bin/python scripts/make_eval.py --gate --update-floors   # ... and move the floors to measured-0.02

Figures are kept in quality/results.json (one entry per dataset, with the command, limit and date), so
that re-running one dataset does not lose the others."""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from eventwire import CODER  # noqa: E402
from eventwire.evaluate import DATASETS, default_shared, run_eval  # noqa: E402
from eventwire.evaluate.bench import format_bench, run_bench  # noqa: E402
from eventwire.evaluate.gate import (  # noqa: E402
    check_data,
    check_floors,
    dump_floors,
    load_floors,
    updated_floors,
)
from eventwire.evaluate.report import eval_command, write_report  # noqa: E402

RESULTS = ROOT / "quality" / "results.json"
FLOORS = ROOT / "quality" / "floors.toml"
REPORT = ROOT / "docs" / "quality.md"


def load_results(path: Path) -> dict:
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))
    return {"datasets": {}}


def measure(name: str, shared: Path, limit: int | None) -> dict:
    t0 = time.perf_counter()
    try:
        metrics = run_eval(name, shared, limit)
        error = None
    except Exception as exc:  # one broken dataset must not stop the others
        traceback.print_exc(limit=3)
        metrics, error = {}, f"{type(exc).__name__}: {exc}".splitlines()[0]
    return {"metrics": metrics, "limit": limit, "command": eval_command(name, limit),
            "seconds": round(time.perf_counter() - t0, 1), "measured": date.today().isoformat(),
            "error": error}


def run_gate(shared: Path, update: bool, margin: float) -> int:
    floors = load_floors(FLOORS)
    problems: list[str] = []
    new = {}
    for name, fl in floors.items():
        t0 = time.perf_counter()
        got = run_eval(name, shared, fl.limit)
        print(f"{fl.slice_name}: {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        for metric in fl.metrics():
            bound = fl.floors.get(metric, fl.ceilings.get(metric))
            print(f"  {metric:24s} {got.get(metric, float('nan')):.3f}  (bound {bound:.2f})", file=sys.stderr)
        problems += check_data(fl, shared) + check_floors({name: got}, {name: fl}, str(FLOORS.relative_to(ROOT)))
        new[name] = updated_floors(fl, got, margin)
    if update:
        FLOORS.write_text(dump_floors(new), encoding="utf-8")
        print(f"wrote {FLOORS}", file=sys.stderr)
    for p in problems:
        print(f"FAIL {p}", file=sys.stderr)
    return 1 if problems and not update else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="+", choices=list(DATASETS), help="datasets to (re)measure")
    ap.add_argument("--limit", type=int, help="score the first N items of each dataset only")
    ap.add_argument("--shared", type=Path, default=None, help="gold data folder (default: ../shared)")
    ap.add_argument("--no-bench", action="store_true", help="skip eventwire bench")
    ap.add_argument("--bench-articles", type=int, default=200)
    ap.add_argument("--bench-only", action="store_true", help="re-measure eventwire bench only")
    ap.add_argument("--report-only", action="store_true", help="rewrite docs/quality.md from results.json")
    ap.add_argument("--gate", action="store_true", help="score the gate slices of quality/floors.toml")
    ap.add_argument("--update-floors", action="store_true", help="with --gate: move bounds to measured -/+ margin")
    ap.add_argument("--margin", type=float, default=0.02)
    a = ap.parse_args()
    shared = a.shared or default_shared()
    if a.gate:
        return run_gate(shared, a.update_floors, a.margin)

    results = load_results(RESULTS)
    if not a.report_only:
        names = [] if a.bench_only else (a.only or list(DATASETS))
        for name in names:
            print(f"eval {name} ...", file=sys.stderr, flush=True)
            entry = measure(name, shared, a.limit)
            results["datasets"][name] = entry
            status = entry["error"] or ", ".join(f"{k}={v:.3f}" for k, v in list(entry["metrics"].items())[:4])
            print(f"  {entry['seconds']} s: {status}", file=sys.stderr, flush=True)
        if a.bench_only or (not a.no_bench and not a.only):
            print("bench ...", file=sys.stderr, flush=True)
            try:
                bench = run_bench(shared, a.bench_articles)
                results["bench"] = {"metrics": bench, "error": None, "measured": date.today().isoformat()}
                print(format_bench(bench), file=sys.stderr)
            except Exception as exc:
                results["bench"] = {"metrics": {}, "error": f"{type(exc).__name__}: {exc}"}
        results["generated"] = date.today().isoformat()
        results["coder"] = CODER
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    floors = load_floors(FLOORS) if FLOORS.is_file() else {}
    write_report(results, floors, REPORT)
    print(f"wrote {REPORT.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
