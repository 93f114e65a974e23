"""The PLOVER tables: complete, consistent with the manual, and read through the public helpers."""

from __future__ import annotations

import pytest

from eventwire.ontology import plover
from eventwire.ontology.plover import (
    CONTEXTS,
    EVENT_TYPES,
    MODES,
    SECTORS,
    intensity,
    is_valid_mode,
    normalize_mode,
    quad_class,
)

CONTRACT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                  "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


def test_sixteen_types_in_contract_order():
    assert EVENT_TYPES == CONTRACT_TYPES


def test_quad_classes_follow_the_manual():
    quads = {t: quad_class(t) for t in EVENT_TYPES}
    assert set(quads.values()) == {1, 2, 3, 4}
    assert [t for t, q in quads.items() if q == 1] == ["AGREE", "CONSULT", "SUPPORT", "CONCEDE"]
    assert [t for t, q in quads.items() if q == 2] == ["COOPERATE", "AID", "RETREAT"]
    assert [t for t, q in quads.items() if q == 3] == ["REQUEST", "ACCUSE", "REJECT", "THREATEN"]
    assert quad_class("assault") == 4 and quad_class("PROTEST") == 4


def test_intensity_range_and_sign():
    for t in EVENT_TYPES:
        for m in (None, *MODES[t]):
            score = intensity(t, m)
            assert -10 <= score <= 10
            if quad_class(t) == 4:
                assert score < 0, (t, m)
            elif quad_class(t) == 3:
                assert score <= 0.5, (t, m)  # REQUEST assist is +0.5 in the manual
            else:
                assert score > 0, (t, m)
    assert intensity("ASSAULT") == -9
    assert intensity("ASSAULT", "unconventional") == -10
    assert intensity("AID") == 10
    assert intensity("PROTEST", "vandalize") == intensity("PROTEST")  # no mode score: the type's
    assert intensity("CONSULT", "visit") == 4


def test_modes_from_the_manual():
    assert "aerial" in MODES["ASSAULT"] and "firearms" in MODES["ASSAULT"]
    assert MODES["AGREE"] == ()
    assert MODES["REQUEST"] == MODES["REJECT"] == ("assist", "change", "yield", "meet")
    assert is_valid_mode("COERCE", "arrest")
    assert not is_valid_mode("COERCE", "aerial")
    assert is_valid_mode("AGREE", None)


def test_older_mode_names_are_mapped():
    assert normalize_mode("ASSAULT", "assassinate") == "targeted"
    assert normalize_mode("ASSAULT", "Suicide attack") == "suicide-attack"
    assert normalize_mode("ASSAULT", "cleansing") is None
    assert intensity("ASSAULT", "assassinate") == intensity("ASSAULT", "targeted")
    with pytest.raises(ValueError, match="not a PLOVER mode of ASSAULT"):
        normalize_mode("ASSAULT", "hug")


def test_contexts_and_sectors():
    assert len(CONTEXTS) >= 35 and "military" in CONTEXTS and "terrorism" in CONTEXTS
    for code in ("COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "CVL", "OPP", "JRN"):
        assert code in SECTORS
    assert set(plover.NONSTATE_CODES) >= {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}


def test_unknown_type_is_a_key_error():
    with pytest.raises(KeyError):
        quad_class("DEMAND")
