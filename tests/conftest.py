"""Shared fixtures. Tests needing ../shared (gold data) use `shared_dir`: they skip with a message when it
is absent, and fail when it is absent under CI=true."""

from __future__ import annotations

from pathlib import Path

import pytest

from needs import ROOT, need_shared

EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return need_shared()


@pytest.fixture(scope="session")
def pipeline():
    from eventwire.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def nlp():
    from eventwire.resources import default_resources

    return default_resources().nlp
