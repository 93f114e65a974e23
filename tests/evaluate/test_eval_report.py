"""docs/quality.md rendering (evaluate/report.py) from synthetic results."""

from __future__ import annotations

from eventwire.evaluate.gate import SliceFloors
from eventwire.evaluate.report import Anchor, load_anchors, render, write_report

RESULTS = {
    "generated": "2026-01-01",
    "coder": "eventwire/0.0.test",
    "datasets": {
        "plv": {"metrics": {"accuracy": 0.7, "macro_f1": 0.61234, "f1_assault": 0.9, "f1_agree": 0.5,
                            "n": 1050.0}, "limit": None, "error": None},
        "acled": {"metrics": {}, "limit": None, "error": "ConfigError: something missing"},
    },
    "bench": {"metrics": {"articles": 200, "chars": 600000, "n_process": 2, "events": 900,
                          "extract_seconds": 40.0, "extract_articles_per_s": 5.0, "extract_peak_rss_mb": 950.0,
                          "extract_load_seconds": 3.0, "spacy_seconds": 20.0, "spacy_articles_per_s": 10.0,
                          "spacy_peak_rss_mb": 700.0, "time_ratio": 2.0}, "error": None},
}
FLOORS = {"plv": SliceFloors("plv", 150, floors={"macro_f1": 0.59})}
ANCHORS = [Anchor("plv", "NLI coder", "macro_f1", 0.824, "given gold dyad", "Hu et al. 2024")]


def test_render_has_a_table_per_stage_with_figures_anchors_and_commands():
    md = render(RESULTS, FLOORS, ANCHORS)
    assert md.startswith("# Quality\n")
    assert "## events" in md and "## throughput and memory" in md
    assert "| plv | macro_f1 | 0.612 | ≥ 0.59 on plv[:150] | 0.824 NLI coder [1] | `eventwire eval plv` |" in md
    assert "| plv | per-class F1 | AGREE 0.50, ASSAULT 0.90 |" in md
    assert "| plv | items scored | 1050 |" in md
    assert "| acled | — | not measured (ConfigError: something missing) |" in md
    assert "1. NLI coder: given gold dyad. Hu et al. 2024" in md
    assert "extract takes 2.00x the time of the bare parse" in md
    assert "- `macro_f1`:" in md


def test_stage_without_results_says_not_run():
    md = render({"datasets": {}}, {}, [])
    assert "| gva | — | not measured (not run) |" in md
    assert "Not measured (not run). Run `eventwire bench`." in md


def test_write_report_creates_the_folder(tmp_path):
    path = write_report(RESULTS, FLOORS, tmp_path / "docs" / "quality.md")
    assert path.read_text(encoding="utf-8").startswith("# Quality")


def test_bundled_anchors_parse_and_cite_a_source():
    anchors = load_anchors()
    assert any(a.dataset == "plv" and a.value == 0.824 for a in anchors)
    for a in anchors:
        assert a.source and 0 < a.value <= 1, a


def test_format_metrics_for_the_terminal():
    from eventwire.evaluate.report import format_metrics

    text = format_metrics("plv", {"accuracy": 0.71234, "n": 150.0}, 150)
    assert text.splitlines() == ["plv (first 150 in stable order)", "  accuracy  0.712", "  n         150"]


def test_sizes_share_one_row():
    res = {"datasets": {"lgl": {"metrics": {"docs": 40.0, "toponyms": 461.0, "acc161": 0.7}, "limit": 40}}}
    md = render(res, {}, [])
    assert "| lgl | items scored | docs 40, toponyms 461 |" in md
    assert "| lgl | docs |" not in md
    assert "`eventwire eval lgl --limit 40`" in md
