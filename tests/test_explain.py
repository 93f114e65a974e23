"""`eventwire explain`: every field of the record has exactly one step that decides it."""

from __future__ import annotations

from collections import Counter
from dataclasses import fields
from pathlib import Path

from click.testing import CliRunner

from eventwire.cli import cli
from eventwire.explain import AFTER_STAGES, _stage_classes, deciders, explain
from eventwire.record import Event

ROOT = Path(__file__).resolve().parent.parent


def test_every_field_has_a_decider_whose_file_exists() -> None:
    table = deciders()
    assert list(table) == [f.name for f in fields(Event)]
    for d in table.values():
        assert (ROOT / d.path).is_file(), d


def test_a_field_is_decided_in_one_place_only() -> None:
    by_stage = Counter(name for cls in _stage_classes() for name in cls.assigns)
    assert [name for name, n in by_stage.items() if n > 1] == []
    assert set(by_stage) & set(AFTER_STAGES) == set()


def test_explain_names_the_stage_and_its_docstring() -> None:
    d = explain("fatalities")
    assert d.step == "casualties" and d.path == "src/eventwire/stages/casualties.py"
    assert d.doc
    res = CliRunner().invoke(cli, ["explain", "fused_into"])
    assert res.exit_code == 0 and "store/fusion.py" in res.output
    assert CliRunner().invoke(cli, ["explain", "no_such_field"]).exit_code == 2
