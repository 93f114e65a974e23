"""The gate check itself (evaluate/gate.py) and the committed quality/floors.toml."""

from __future__ import annotations

import math
import tomllib
from pathlib import Path

import pytest

from eventwire.evaluate import DATASETS
from eventwire.evaluate.gate import (
    SliceFloors,
    check_data,
    check_floors,
    dump_floors,
    load_floors,
    parse_floors,
    sha256_file,
    updated_floors,
)

ROOT = Path(__file__).resolve().parents[2]

FLOORS = {"plv": SliceFloors("plv", 150, floors={"macro_f1": 0.65, "accuracy": 0.70}),
          "lgl": SliceFloors("lgl", 40, floors={"acc161": 0.60}, ceilings={"auc": 0.30})}


def test_passing_results_give_no_message():
    results = {"plv": {"macro_f1": 0.66, "accuracy": 0.70}, "lgl": {"acc161": 0.9, "auc": 0.1}}
    assert check_floors(results, FLOORS) == []


def test_floor_message_names_metric_slice_value_floor_and_file():
    msgs = check_floors({"plv": {"macro_f1": 0.61, "accuracy": 0.9}}, FLOORS)
    assert msgs == ["metric macro_f1 on slice plv[:150] is 0.610, below the floor 0.650 in "
                    "quality/floors.toml"]


def test_ceiling_is_an_upper_bound():
    msgs = check_floors({"lgl": {"acc161": 0.7, "auc": 0.35}}, FLOORS)
    assert msgs == ["metric auc on slice lgl[:40] is 0.350, above the ceiling 0.300 in quality/floors.toml"]


def test_missing_metric_and_nan_fail():
    msgs = check_floors({"plv": {"accuracy": math.nan}}, FLOORS)
    assert any("macro_f1 on slice plv[:150] is missing" in m for m in msgs)
    assert any("accuracy on slice plv[:150] is nan" in m for m in msgs)


def test_datasets_not_scored_are_not_checked():
    assert check_floors({}, FLOORS) == []


def test_parse_rejects_typos_and_bad_limits():
    with pytest.raises(ValueError, match="unknown keys"):
        parse_floors({"plv": {"limit": 10, "floor": {"accuracy": 0.5}}})
    with pytest.raises(ValueError, match="limit must be a positive integer"):
        parse_floors({"plv": {"limit": 0}})


def test_dump_and_parse_round_trip():
    fl = {**FLOORS, "geo": SliceFloors("geo", None, floors={"acc161": 0.5},
                                       data={"data/geo/x.json": "ab" * 32})}
    again = parse_floors(tomllib.loads(dump_floors(fl)))
    assert again == fl


def test_updated_floors_sit_the_margin_below_measured():
    new = updated_floors(FLOORS["lgl"], {"acc161": 0.734, "auc": 0.2})
    assert new.floors == {"acc161": 0.71}
    assert new.ceilings == {"auc": 0.22}
    assert updated_floors(FLOORS["plv"], {"accuracy": 0.65}).floors == {"macro_f1": 0.65, "accuracy": 0.63}


def test_check_data_detects_changed_and_missing_files(tmp_path):
    f = tmp_path / "gold.tsv"
    f.write_text("a\tb\n", encoding="utf-8")
    fl = SliceFloors("x", 5, data={"gold.tsv": sha256_file(f), "absent.tsv": "0" * 64})
    msgs = check_data(fl, tmp_path)
    assert msgs == [f"gold file absent.tsv of slice x[:5] is missing under {tmp_path}"]
    f.write_text("a\tc\n", encoding="utf-8")
    assert "changed" in check_data(fl, tmp_path)[0]


def test_committed_floors_parse_and_name_registered_datasets():
    floors = load_floors(ROOT / "quality" / "floors.toml")
    assert floors, "quality/floors.toml has no dataset"
    for name, fl in floors.items():
        assert name in DATASETS, f"quality/floors.toml names unknown dataset {name!r}"
        assert fl.limit, f"[{name}] needs a limit: the gate runs on small slices"
        assert fl.metrics(), f"[{name}] has no floor or ceiling"


def test_folder_hash_sees_a_changed_or_added_file(tmp_path):
    from eventwire.evaluate.gate import sha256_path

    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("x", encoding="utf-8")
    before = sha256_path(tmp_path / "d")
    (tmp_path / "d" / "b.txt").write_text("y", encoding="utf-8")
    assert sha256_path(tmp_path / "d") != before
    fl = SliceFloors("m", 3, data={"d": before})
    assert "changed" in check_data(fl, tmp_path)[0]
