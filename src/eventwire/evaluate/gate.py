"""The pinned quality gate: floors (and ceilings, for lower-is-better metrics) per dataset slice.

quality/floors.toml holds, per dataset, the slice (`limit`) the gate scores, the floors of the metrics
where higher is better, the ceilings of those where lower is better (e.g. the geo AUC), and the sha256
of the gold files the figures were measured on. `make test` runs the slices and `check_floors`; a change
that lowers a score fails unless the same commit edits the floor."""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

FLOORS_PATH = Path("quality") / "floors.toml"


@dataclass(frozen=True)
class SliceFloors:
    """The gate of one dataset: which slice, which bounds, which data."""

    dataset: str
    limit: int | None
    floors: dict[str, float] = field(default_factory=dict)  # metric must be >= floor
    ceilings: dict[str, float] = field(default_factory=dict)  # metric must be <= ceiling
    data: dict[str, str] = field(default_factory=dict)  # path under shared -> sha256

    @property
    def slice_name(self) -> str:
        return f"{self.dataset}[:{self.limit}]" if self.limit else f"{self.dataset} (all)"

    def metrics(self) -> list[str]:
        return [*self.floors, *self.ceilings]


def parse_floors(raw: Mapping[str, object]) -> dict[str, SliceFloors]:
    """Floors from the parsed TOML: one table per dataset with `limit`, `[x.floors]`, `[x.ceilings]`,
    `[x.data]`. Unknown keys are an error, so a typo cannot switch a check off."""
    out: dict[str, SliceFloors] = {}
    for name, table in raw.items():
        if not isinstance(table, Mapping):
            raise ValueError(f"floors: [{name}] must be a table")
        unknown = set(table) - {"limit", "floors", "ceilings", "data", "note"}
        if unknown:
            raise ValueError(f"floors: [{name}] has unknown keys {sorted(unknown)}")
        limit = table.get("limit")
        if limit is not None and (not isinstance(limit, int) or limit < 1):
            raise ValueError(f"floors: [{name}].limit must be a positive integer")
        out[name] = SliceFloors(
            dataset=name,
            limit=limit,
            floors={k: float(v) for k, v in dict(table.get("floors", {})).items()},
            ceilings={k: float(v) for k, v in dict(table.get("ceilings", {})).items()},
            data={k: str(v) for k, v in dict(table.get("data", {})).items()},
        )
    return out


def load_floors(path: Path | str) -> dict[str, SliceFloors]:
    with open(path, "rb") as fh:
        return parse_floors(tomllib.load(fh))


def check_floors(results: Mapping[str, Mapping[str, float]], floors: Mapping[str, SliceFloors],
                 source: str = str(FLOORS_PATH)) -> list[str]:
    """Every bound that `results` ({dataset: {metric: value}}) breaks, as one message each; [] = pass.

    A dataset of `floors` missing from `results` is not checked (run only the slices you scored); a
    metric missing from a dataset's results is a failure (a renamed metric must not pass silently)."""
    problems: list[str] = []
    for name, fl in floors.items():
        if name not in results:
            continue
        got = results[name]
        for metric, bound in fl.floors.items():
            if metric not in got:
                problems.append(f"metric {metric} on slice {fl.slice_name} is missing from the results")
            elif not got[metric] >= bound:  # also catches NaN
                problems.append(f"metric {metric} on slice {fl.slice_name} is {got[metric]:.3f}, below the "
                                f"floor {bound:.3f} in {source}")
        for metric, bound in fl.ceilings.items():
            if metric not in got:
                problems.append(f"metric {metric} on slice {fl.slice_name} is missing from the results")
            elif not got[metric] <= bound:
                problems.append(f"metric {metric} on slice {fl.slice_name} is {got[metric]:.3f}, above the "
                                f"ceiling {bound:.3f} in {source}")
    return problems


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def sha256_path(path: Path) -> str:
    """sha256 of a file, or of a folder: of the sorted lines "relative path<TAB>sha256 of the file"."""
    if path.is_file():
        return sha256_file(path)
    lines = [f"{p.relative_to(path).as_posix()}\t{sha256_file(p)}\n"
             for p in sorted(path.rglob("*")) if p.is_file()]
    return hashlib.sha256("".join(lines).encode("utf-8")).hexdigest()


def check_data(fl: SliceFloors, shared: Path) -> list[str]:
    """The gold files (or folders) a slice was measured on must be unchanged: floors on other data mean
    nothing."""
    problems: list[str] = []
    for rel, digest in fl.data.items():
        path = shared / rel
        if not path.exists():
            problems.append(f"gold file {rel} of slice {fl.slice_name} is missing under {shared}")
        elif sha256_path(path) != digest:
            problems.append(f"gold file {rel} of slice {fl.slice_name} changed (sha256 differs from "
                            f"{FLOORS_PATH}); re-measure and update the floors")
    return problems


FLOORS_HEADER = """\
# Quality floors of eventwire, checked by `make test` (tests/evaluate/test_quality_gate.py).
# One table per dataset: `limit` is the fixed slice scored (first N items in the dataset's stable order),
# [x.floors] are minimums (higher is better), [x.ceilings] maximums (lower is better, e.g. the geo AUC),
# [x.data] the sha256 of the gold files the bounds were measured on. Bounds sit a little below the
# measured values (scripts/make_eval.py --gate --update-floors sets them to measured -/+ the margin).
# Lowering a bound is allowed only in the commit that explains why.
"""


def _toml_key(key: str) -> str:
    return key if key.replace("_", "").replace("-", "").isalnum() else '"' + key.replace('"', '\\"') + '"'


def dump_floors(floors: Mapping[str, SliceFloors], header: str = FLOORS_HEADER) -> str:
    """TOML text of the floors (the inverse of `parse_floors`)."""
    out = [header.rstrip("\n")]
    for name, fl in floors.items():
        out += ["", f"[{_toml_key(name)}]"]
        if fl.limit is not None:
            out.append(f"limit = {fl.limit}")
        for section, values in (("floors", fl.floors), ("ceilings", fl.ceilings)):
            if values:
                out.append(f"[{_toml_key(name)}.{section}]")
                out += [f"{_toml_key(k)} = {v:.2f}" for k, v in values.items()]
        if fl.data:
            out.append(f"[{_toml_key(name)}.data]")
            out += [f'"{k}" = "{v}"' for k, v in fl.data.items()]
    return "\n".join(out) + "\n"


def updated_floors(fl: SliceFloors, measured: Mapping[str, float], margin: float = 0.02) -> SliceFloors:
    """The same gate with each bound moved to the measured value -/+ `margin` (rounded outward to 0.01);
    metrics not measured keep their bound."""
    import math

    floors = {k: (max(0.0, math.floor(round((measured[k] - margin) * 100, 6)) / 100) if k in measured else v)
              for k, v in fl.floors.items()}
    ceilings = {k: (math.ceil(round((measured[k] + margin) * 100, 6)) / 100 if k in measured else v)
                for k, v in fl.ceilings.items()}
    return SliceFloors(fl.dataset, fl.limit, floors, ceilings, dict(fl.data))
