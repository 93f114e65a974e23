"""`eventwire bench`: throughput and peak memory of `extract`, against a bare spaCy parse of the same texts.

The corpus is fixed: the first N articles (non-empty text) of the GVA dev documents. Each of the two
runs happens in a fresh worker process, so that its peak RSS is its own: the worker loads the model,
warms up on short texts (so lazily loaded resources are not timed: WARMUP_RICH reaches those the stages build
on first use), then times
- extract: `list(eventwire.extract(articles, pipeline=Pipeline(n_process=N)))`;
- spacy:   `for doc in nlp.pipe(texts, batch_size=B, n_process=N): pass` with the same model;
- profile: extract in one process, with the seconds each step took (Pipeline.seconds): parse, each stage,
  records. `<stage>_over_parse` is a stage's time over the parse time (the geoparser's target: places
  at most 0.25).
Peak RSS is `resource.getrusage` of the worker (self) plus its children (the n_process > 1 workers)."""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from ..article import Article

GVA_DOCS = Path("data") / "gva" / "documents.dev.jsonl"
WARMUP_TEXT = "Gunmen killed two people in Chicago on Monday, police said."
# The extract runs also warm up on an article that reaches what the stages build on first use: dateparser's
# tables (a month range our rules leave to it), the outlets' domain-name index (a local paper's url the outlets
# table lacks), the capital initials of divisions ("Austin, TX") and the actor dictionary's misspelt-surname
# index (a title before an unknown name). Left to the timed run, they cost ~0.8 s of CPU per process.
WARMUP_RICH = ("Gunmen killed two people in Austin, TX from August 2011 to December 2011, police said. "
               "President Mugabee condemned the shooting.")
WARMUP_URL = "https://www.examplegazette.com/news/warmup"


def load_corpus(shared: Path, n_articles: int) -> list[Article]:
    """The first `n_articles` GVA dev documents with text, as dated Articles."""
    out: list[Article] = []
    with open(shared / GVA_DOCS, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if len(out) >= n_articles:
                break
            row = json.loads(line)
            text = (row.get("text") or "").strip()
            if not text:
                continue
            dct = row.get("dct")
            out.append(Article(id=str(row.get("doc_id") or i), text=text,
                               published=date.fromisoformat(dct[:10]) if dct else None,
                               title=row.get("title"), url=row.get("uri"), origin=f"{GVA_DOCS}:{i + 1}"))
    return out


def peak_rss_mb() -> dict[str, float]:
    """Peak resident set size so far, in MB, of this process and of its waited-for children (Linux
    reports ru_maxrss in KiB)."""
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    scale = 1 / 1024 if sys.platform != "darwin" else 1 / (1024 * 1024)  # macOS reports bytes
    return {"self": self_kb * scale, "children": child_kb * scale}


def _worker(mode: str, shared: Path, n_articles: int, n_process: int, batch_size: int) -> dict[str, Any]:
    """One timed run in this process (called in a fresh interpreter by `run_bench`)."""
    import eventwire
    from eventwire.pipeline import Pipeline
    from eventwire.resources import default_resources

    articles = load_corpus(shared, n_articles)
    t0 = time.perf_counter()
    nlp = default_resources().nlp
    if mode in ("extract", "profile"):
        pipe = Pipeline(batch_size=batch_size, n_process=1)
        list(eventwire.extract([Article(id="warmup", text=WARMUP_TEXT),
                                Article(id="warmup-2", text=WARMUP_RICH, published=date(2015, 1, 7), url=WARMUP_URL)],
                               pipeline=pipe))
        pipe.n_process = n_process if mode == "extract" else 1
        pipe.seconds.clear()
    else:
        nlp(WARMUP_TEXT)
    load_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    n_events = 0
    steps: dict[str, float] = {}
    if mode in ("extract", "profile"):
        n_events = sum(1 for _ in eventwire.extract(articles, pipeline=pipe))
        steps = dict(pipe.seconds)
    else:
        for _ in nlp.pipe((a.text for a in articles), batch_size=batch_size, n_process=n_process):
            pass
    seconds = time.perf_counter() - t1
    rss = peak_rss_mb()
    return {"mode": mode, "articles": len(articles), "chars": sum(len(a.text) for a in articles),
            "seconds": seconds, "load_seconds": load_s, "events": n_events, "steps": steps,
            "peak_rss_self_mb": rss["self"], "peak_rss_children_mb": rss["children"],
            "peak_rss_mb": rss["self"] + rss["children"],
            # the largest single process: the sum above counts copy-on-write pages shared by the forked
            # workers once per process, so it overstates what the machine needs
            "peak_rss_process_mb": max(rss["self"], rss["children"])}


def _run_worker(mode: str, shared: Path, n_articles: int, n_process: int, batch_size: int) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "eventwire.evaluate.bench", "--worker", mode, "--shared", str(shared),
           "--articles", str(n_articles), "--n-process", str(n_process), "--batch-size", str(batch_size)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        tail = proc.stderr.strip().splitlines()[-1:] or ["no message"]
        raise RuntimeError(f"bench worker ({mode}) failed: {tail[0]}")
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def run_bench(shared: Path, n_articles: int = 200, n_process: int = 2, batch_size: int = 16,
              profile_articles: int = 60) -> dict[str, float]:
    """Articles per second and peak RSS of extract and of a bare spaCy parse on the same corpus; then
    where extract's time goes, in one process on the first `profile_articles` articles (0: skip)."""
    import os

    load_before = os.getloadavg()[0]  # other work on the machine skews both runs: say how much
    ex = _run_worker("extract", shared, n_articles, n_process, batch_size)
    sp = _run_worker("spacy", shared, n_articles, n_process, batch_size)
    steps: dict[str, float] = {}
    if profile_articles:
        pr = _run_worker("profile", shared, min(profile_articles, n_articles), 1, batch_size)
        parse = pr["steps"].get("parse", 0.0)
        for name, sec in pr["steps"].items():
            steps[f"seconds_{name}"] = sec
            if name != "parse" and parse:
                steps[f"{name}_over_parse"] = sec / parse
        steps["profile_articles"] = float(pr["articles"])
    return {**steps,
        "articles": float(ex["articles"]),
        "chars": float(ex["chars"]),
        "n_process": float(n_process),
        "events": float(ex["events"]),
        "extract_seconds": ex["seconds"],
        "extract_articles_per_s": ex["articles"] / ex["seconds"] if ex["seconds"] else 0.0,
        "extract_peak_rss_mb": ex["peak_rss_mb"],
        "extract_peak_rss_process_mb": ex["peak_rss_process_mb"],
        "extract_load_seconds": ex["load_seconds"],
        "spacy_seconds": sp["seconds"],
        "spacy_articles_per_s": sp["articles"] / sp["seconds"] if sp["seconds"] else 0.0,
        "spacy_peak_rss_mb": sp["peak_rss_mb"],
        "spacy_peak_rss_process_mb": sp["peak_rss_process_mb"],
        # how many times slower than the bare parse extract is
        "time_ratio": ex["seconds"] / sp["seconds"] if sp["seconds"] else 0.0,
        "load_avg_1m": load_before,
        "cpus": float(os.cpu_count() or 1),
    }


def format_bench(res: dict[str, float]) -> str:
    """A few lines for the terminal."""
    return "\n".join([
        f"corpus: {int(res['articles'])} GVA dev articles ({int(res['chars']):,} characters), "
        f"n_process={int(res['n_process'])}",
        f"extract:     {res['extract_articles_per_s']:7.1f} articles/s  ({res['extract_seconds']:.1f} s, "
        f"{int(res['events'])} events)  peak RSS {res['extract_peak_rss_mb']:.0f} MB",
        f"spaCy parse: {res['spacy_articles_per_s']:7.1f} articles/s  ({res['spacy_seconds']:.1f} s)  "
        f"peak RSS {res['spacy_peak_rss_mb']:.0f} MB",
        f"extract takes {res['time_ratio']:.2f}x the time of the bare spaCy parse",
        *([f"(load average {res['load_avg_1m']:.1f} on {int(res['cpus'])} CPUs when the run started)"]
          if "load_avg_1m" in res else []),
        *([f"one process, {int(res['profile_articles'])} articles: parse {res.get('seconds_parse', 0):.1f} s; "
           + ", ".join(f"{k[:-len('_over_parse')]} {v:.2f}x" for k, v in res.items() if k.endswith("_over_parse"))
           + " of the parse time"] if "profile_articles" in res else []),
    ])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="bench worker (internal to eventwire bench)")
    ap.add_argument("--worker", choices=("extract", "spacy", "profile"), required=True)
    ap.add_argument("--shared", type=Path, required=True)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--n-process", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=16)
    a = ap.parse_args(argv)
    print(json.dumps(_worker(a.worker, a.shared, a.articles, a.n_process, a.batch_size)))


if __name__ == "__main__":
    main()
