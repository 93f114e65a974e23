"""The command line, through click's runner: formats, exit codes, the summary, the store round trip."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import cli
from eventwire.record import CONTRACT_FIELDS

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

ARTICLE = ("date 2024-05-07\nGunmen killed three soldiers and wounded five others in an attack on a checkpoint "
           "near Maiduguri on Monday, police said.\n")


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


@pytest.fixture(autouse=True)
def _shared_pipeline(pipeline, monkeypatch):
    import eventwire

    monkeypatch.setattr(eventwire, "_pipeline", pipeline)


def test_extract_jsonl_has_every_contract_field(runner, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE)
    res = runner.invoke(cli, ["extract", str(f), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    assert rows
    for r in rows:
        assert set(CONTRACT_FIELDS) <= set(r)
        assert r["article_id"] == "a" and r["published"] == "2024-05-07"
        assert r["coder"].startswith("eventwire/")
    assault = [r for r in rows if r["event_type"] == "ASSAULT"]
    assert assault and assault[0]["fatalities"] == 3 and assault[0]["injured"] == 5
    assert assault[0]["event_date"] == "2024-05-06"
    assert "articles coded: 1" in res.stderr


def test_extract_csv_and_stdin(runner):
    res = runner.invoke(cli, ["extract", "-", "--format", "csv"], input=ARTICLE)
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows and rows[0]["event_type"]


def test_extract_geojson(runner, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE)
    res = runner.invoke(cli, ["extract", str(f), "--format", "geojson"])
    fc = json.loads(res.stdout)
    assert fc["type"] == "FeatureCollection" and fc["features"]
    geo = [ft for ft in fc["features"] if ft["geometry"]]
    assert geo and geo[0]["geometry"]["coordinates"][0] == geo[0]["properties"]["longitude"]


def test_bad_input_is_skipped_and_reported(runner, tmp_path):
    f = tmp_path / "mixed.jsonl"
    f.write_text('{"id": "ok", "date": "2024-05-07", "text": "Police arrested five men in Kano on Monday."}\n'
                 "{not json\n"
                 '{"id": "bad-date", "date": "2024-02-30", "text": "Troops attacked a village."}\n'
                 '{"id": "empty", "text": "   "}\n')
    res = runner.invoke(cli, ["extract", str(f), "--format", "jsonl"])
    assert res.exit_code == 3, res.output
    assert f"{f}:2" in res.stderr and f"{f}:3" in res.stderr and f"{f}:4" in res.stderr
    assert "skipped: 3" in res.stderr
    assert {json.loads(x)["article_id"] for x in res.stdout.splitlines()} == {"ok"}


def test_nothing_readable_exits_1(runner, tmp_path):
    res = runner.invoke(cli, ["extract", str(tmp_path / "missing.txt"), "--format", "jsonl"])
    assert res.exit_code == 1
    assert "R001" in res.stderr


def test_ingest_is_idempotent_and_queryable(runner, tmp_path):
    db = f"sqlite:///{tmp_path / 'ev.db'}"
    first = runner.invoke(cli, ["ingest", str(EXAMPLES), "--db", db])
    assert first.exit_code == 0, first.output
    assert "articles_new: 10" in first.stderr
    again = runner.invoke(cli, ["ingest", str(EXAMPLES), "--db", db])
    assert "articles_unchanged: 10" in again.stderr and "events_written: 0" in again.stderr
    res = runner.invoke(cli, ["events", "--db", db, "--format", "jsonl", "--type", "ASSAULT"])
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    assert rows and all(r["event_type"] == "ASSAULT" for r in rows)
    near = runner.invoke(cli, ["events", "--db", db, "--format", "jsonl", "--near", "12.2,6.4,150"])
    for r in (json.loads(x) for x in near.stdout.splitlines()):
        assert r["country_iso3"] == "NGA"
    out = tmp_path / "ev.parquet"
    exp = runner.invoke(cli, ["export", "--db", db, "--format", "parquet", "-o", str(out)])
    assert exp.exit_code == 0 and out.stat().st_size > 0
    st = runner.invoke(cli, ["stats", "--db", db, "--json"])
    assert json.loads(st.stdout)["articles"] == 10


def test_bad_date_option_is_a_usage_error(runner, tmp_path):
    res = runner.invoke(cli, ["extract", "x.txt", "--date", "2024-13-01"])
    assert res.exit_code == 2


def test_every_command_is_documented_in_readme():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    for name in cli.commands:
        assert f"eventwire {name}" in readme, f"README does not show `eventwire {name}`"


def test_two_processes_code_the_same_events(runner, pipeline):
    from eventwire.pipeline import Pipeline
    from eventwire.readers import read

    arts = list(read([str(EXAMPLES)]))
    one = [e.to_dict() for r in pipeline.run(arts) for e in r.events]
    two = [e.to_dict() for r in Pipeline(resources=pipeline.resources, n_process=2, batch_size=2).run(arts)
           for e in r.events]
    assert one == two and one


def test_reading_a_missing_database_is_an_error(runner, tmp_path):
    missing = tmp_path / "nope.db"
    res = runner.invoke(cli, ["events", "--db", f"sqlite:///{missing}"])
    assert res.exit_code != 0 and "E010" in str(res.exception)
    assert not missing.exists()


SAME_ATTACK = ("date 2024-05-08\nThe army said three soldiers were killed when gunmen attacked a checkpoint "
               "near Maiduguri on Monday.\n")


def test_two_articles_on_one_attack_are_fused(runner, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE)
    b.write_text(SAME_ATTACK)
    db = f"sqlite:///{tmp_path / 'ew.db'}"
    res = runner.invoke(cli, ["ingest", str(a), str(b), "--db", db])
    assert res.exit_code == 0, res.output
    shown = [json.loads(x) for x in runner.invoke(cli, ["events", "--db", db, "--type", "ASSAULT",
                                                        "--format", "jsonl"]).stdout.splitlines()]
    assert len(shown) == 1 and shown[0]["source_count"] == 2, shown
    both = [json.loads(x) for x in runner.invoke(cli, ["events", "--db", db, "--type", "ASSAULT", "--with-fused",
                                                       "--format", "jsonl"]).stdout.splitlines()]
    assert len(both) == 2
    assert sum(1 for e in both if e["fused_into"] == shown[0]["event_id"]) == 1
    res = runner.invoke(cli, ["fuse", "--db", db])
    assert res.exit_code == 0 and "fused 1 reports" in res.output


def test_ingest_no_fuse_keeps_every_report(runner, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE)
    b.write_text(SAME_ATTACK)
    db = f"sqlite:///{tmp_path / 'ew.db'}"
    assert runner.invoke(cli, ["ingest", str(a), str(b), "--db", db, "--no-fuse"]).exit_code == 0
    shown = runner.invoke(cli, ["events", "--db", db, "--type", "ASSAULT", "--format", "jsonl"]).stdout.splitlines()
    assert len(shown) == 2
