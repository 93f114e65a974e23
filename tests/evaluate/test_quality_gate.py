"""The pinned quality gate: every (dataset, metric) bound of quality/floors.toml, on its fixed slice.

Each dataset slice is scored once per session through the public API; a test per bound says which
metric fell below which floor. The last tests break a stage on purpose and check that the gate notices."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.evaluate import run_eval
from eventwire.evaluate.gate import SliceFloors, check_data, check_floors, load_floors

ROOT = Path(__file__).resolve().parents[2]
FLOORS_FILE = ROOT / "quality" / "floors.toml"
FLOORS = load_floors(FLOORS_FILE)
BOUNDS = [(name, metric) for name, fl in FLOORS.items() for metric in fl.metrics()]


@pytest.fixture(scope="session")
def gate_results(shared_dir: Path) -> Callable[[str], dict[str, float]]:
    cache: dict[str, dict[str, float]] = {}

    def get(name: str) -> dict[str, float]:
        if name not in cache:
            cache[name] = run_eval(name, shared_dir, FLOORS[name].limit)
        return cache[name]

    return get


def only(fl: SliceFloors, metric: str) -> SliceFloors:
    return SliceFloors(fl.dataset, fl.limit,
                       {metric: fl.floors[metric]} if metric in fl.floors else {},
                       {metric: fl.ceilings[metric]} if metric in fl.ceilings else {})


@pytest.mark.shared
@pytest.mark.parametrize(("name", "metric"), BOUNDS, ids=[f"{n}-{m}" for n, m in BOUNDS])
def test_bound(name: str, metric: str, gate_results) -> None:
    problems = check_floors({name: gate_results(name)}, {name: only(FLOORS[name], metric)},
                            "quality/floors.toml")
    assert not problems, problems[0]


@pytest.mark.shared
@pytest.mark.parametrize("name", [n for n, fl in FLOORS.items() if fl.data])
def test_gold_data_unchanged(name: str, shared_dir: Path) -> None:
    problems = check_data(FLOORS[name], shared_dir)
    assert not problems, problems[0]


# --- the gate catches a broken stage ------------------------------------------------------------------


class _Broken:
    """Wraps the real events stage and spoils its output: `relabel` every event as ASSAULT, or drop all."""

    def __init__(self, inner, mode: str):
        self.inner, self.mode = inner, mode
        self.name, self.requires, self.assigns = inner.name, inner.requires, inner.assigns

    def __call__(self, ctx) -> None:
        self.inner(ctx)
        if self.mode == "drop":
            ctx.events.clear()
            return
        for ev in ctx.events:
            ev.set("event_type", "ASSAULT", reason="deliberately broken stage (quality gate test)")
            ev.set("event_mode", None, reason="deliberately broken stage (quality gate test)")


@pytest.mark.shared
@pytest.mark.parametrize("mode", ["relabel", "drop"])
def test_gate_fails_when_the_events_stage_is_broken(mode: str, shared_dir: Path) -> None:
    from eventwire.evaluate.plv import evaluate_plv
    from eventwire.pipeline import Pipeline, default_stages
    from eventwire.resources import default_resources

    if "plv" not in FLOORS:
        pytest.fail("quality/floors.toml has no [plv] slice: the gate does not watch event coding")
    res = default_resources()
    stages = default_stages(res)
    assert stages[0].name == "events"
    broken = Pipeline(resources=res, stages=[_Broken(stages[0], mode), *stages[1:]])
    fl = FLOORS["plv"]
    problems = check_floors({"plv": evaluate_plv(shared_dir, fl.limit, pipeline=broken)}, {"plv": fl})
    assert problems, f"the gate passed a pipeline whose events stage was broken ({mode})"
    assert any("macro_f1 on slice plv" in p for p in problems)
