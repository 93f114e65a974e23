"""Actors named after a place take the country the places stage resolved that place to in the article (the
places stage runs before the actors stage)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.article import Article
from eventwire.pipeline import STAGE_ORDER


def _events(pipeline, text: str):
    return next(iter(pipeline.run([Article(id="t", text=text, published=date(2024, 3, 5))]))).events


def test_places_run_before_actors() -> None:
    assert STAGE_ORDER.index("places") < STAGE_ORDER.index("actors")


@pytest.mark.parametrize(("text", "trigger"), [
    ("Toledo police arrested two men after a shooting in Toledo, Ohio, on Monday, officials said.", "arrested"),
    ("A gunman shot a clerk in Lebanon, Pennsylvania, on Friday. Lebanon police arrested the man.", "arrested"),
])
def test_a_police_force_named_after_a_us_town_is_american(pipeline, text: str, trigger: str) -> None:
    ev = next(e for e in _events(pipeline, text) if e.trigger_text == trigger)
    assert ev.actor1_country == "USA"
    assert "places stage" in (ev.actor_reason or "")


def test_a_country_named_as_a_country_keeps_its_own_code(pipeline) -> None:
    evs = _events(pipeline, "Lebanon accused Israel of shelling villages near the border on Monday.")
    assert any(e.actor1_country == "LBN" for e in evs)


def test_a_place_the_phrase_only_names_does_not_change_the_actors_country(pipeline) -> None:
    evs = _events(pipeline, "Rebels destroyed the main Mossad espionage office in Iraq's Kurdistan region on "
                            "Monday, officials said.")
    ev = next(e for e in evs if e.trigger_text == "destroyed")
    assert ev.actor2_country == "ISR"
