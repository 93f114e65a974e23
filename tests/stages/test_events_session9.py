"""Events stage, session 9: conveyed, reaffirmed or pledged support and solidarity are SUPPORT (the PLOVER manual's
SUPPORT: "express support for"). Every sentence is written for this test."""

from __future__ import annotations

import pytest
from stage_helpers import coded


@pytest.mark.parametrize("text,trigger", [
    ("The Spanish foreign minister conveyed Madrid's solidarity to the Moroccan government.", "conveyed"),
    ("The governor conveyed his support to the striking nurses.", "conveyed"),
    ("The union reaffirmed its solidarity with the dock workers.", "reaffirmed"),
    ("Neighbouring states pledged solidarity with the flooded province.", "pledged"),
])
def test_conveyed_support_or_solidarity_is_support(nlp, rules, text, trigger):
    out = coded(nlp, rules, text)
    assert ("SUPPORT", None, trigger) in out, out


@pytest.mark.parametrize("text,trigger", [
    ("The Dutch foreign minister cancelled a planned trip to Ankara after the row over the rally.", "cancelled"),
    ("The Chilean president has cancelled his meeting with the Bolivian leader.", "cancelled"),
    ("Both governments cancelled the border talks scheduled for next week.", "cancelled"),
])
def test_a_cancelled_meeting_or_visit_is_reject(nlp, rules, text, trigger):
    """The manual (SANCTION, ambiguities): "Cancellation of meetings are REJECT"."""
    out = coded(nlp, rules, text)
    assert ("REJECT", None, trigger) in out, out


@pytest.mark.parametrize("text,trigger", [
    ("The supreme court dismissed the opposition's petition against the election results.", "dismissed"),
    ("A federal judge dismissed the lawsuit filed by the fishermen's cooperative.", "dismissed"),
    ("The appeals court dismissed the former mayor's plea for an early release.", "dismissed"),
])
def test_a_dismissed_petition_or_lawsuit_is_reject(nlp, rules, text, trigger):
    """The manual's REJECT: "All rejections and refusals" (the mode may come from what is dismissed)."""
    out = coded(nlp, rules, text)
    assert any(typ == "REJECT" and word == trigger for typ, _mode, word in out), out
