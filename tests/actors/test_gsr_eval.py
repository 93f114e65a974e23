"""The GSR evaluator (evaluate/gsr.py): loading, gold normalisation, and the pinned quality floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.evaluate.gsr import GoldActor, _find, country_match, evaluate_gsr, load_gsr


def test_country_match_accepts_the_newer_igo_codes():
    assert country_match("IGO", "UNO") and country_match("IGO", "EUR") and country_match("IGO", "IGO")
    assert not country_match("IGO", "NGO")
    assert country_match("USA", "USA") and not country_match("USA", None)


def test_find_whole_words():
    assert _find("They discuss the US plan", "US") == 17
    assert _find("thus us", "US") == 5  # any case when no exact-case match
    assert _find("no such words", "US") == -1


@pytest.mark.shared
def test_load_gsr(shared_dir: Path):
    items = load_gsr(shared_dir)
    assert len(items) >= 300
    assert {it.event for it in items} <= {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                                          "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
                                          "MOBILIZE", "COERCE", "ASSAULT", "YIELD"}
    actors = [a for it in items for a in it.sources + it.targets]
    assert all(isinstance(a, GoldActor) for a in actors)
    assert all(a.code != "JAP" for a in actors)  # normalised to JPN
    assert load_gsr(shared_dir, limit=10) == load_gsr(shared_dir, limit=10)


@pytest.mark.shared
def test_gsr_quality_floors(shared_dir: Path):
    """Pinned floors (measured when written: dictionary 0.89 / 0.85, in context 0.94 / 0.85); a change that lowers
    them must say so here."""
    got = evaluate_gsr(shared_dir)
    assert got["country_accuracy"] >= 0.87, got
    assert got["sector_accuracy"] >= 0.82, got
    assert got["context_country_accuracy"] >= 0.92, got
    assert got["context_sector_accuracy"] >= 0.82, got
