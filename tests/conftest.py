"""Shared fixtures. Tests needing ../shared (gold data) use `shared_dir`: they skip with a message when it
is absent, and fail when it is absent under CI=true."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))


def require_shared() -> Path:
    if SHARED.is_dir():
        return SHARED
    msg = f"gold data folder {SHARED} is absent (set EVENTWIRE_SHARED to its path)"
    if os.environ.get("CI") == "true":
        pytest.fail(msg + " and CI=true, where it must be present")
    pytest.skip(msg)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return require_shared()


@pytest.fixture(scope="session")
def pipeline():
    from eventwire.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def nlp():
    from eventwire.resources import default_resources

    return default_resources().nlp
