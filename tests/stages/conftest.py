"""Fixtures shared by the stage tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def rules():
    """The events stage with the lexicon and the rules alone (no classifier)."""
    from eventwire.stages.events import EventsStage

    return EventsStage(use_classifier=False)
