"""Highlights of the evidence sentence and the reasons of a record (server/provenance.py)."""

from __future__ import annotations

from eventwire.record import FIELDS, Event
from needs import need_server

need_server()

from eventwire.server.provenance import REASON_FIELDS, highlights, provenance, reasons  # noqa: E402

SENT = "Iranian media said Iran's Guards struck a base near Erbil, the Guards said."


def _ev(**kw) -> Event:
    return Event(event_id="e", article_id="a", event_type="ASSAULT", evidence_text=SENT, **kw)


def _spans(ev: Event) -> list[tuple[str, str, int]]:
    return [(s["role"], s["text"], s["start"]) for s in highlights(ev)]


def test_each_field_found_and_sorted_by_position() -> None:
    ev = _ev(trigger_text="struck", actor1_text="Iran's Guards", actor2_text="a base", location_text="Erbil",
             attribution_text="the Guards said")
    assert _spans(ev) == [("actor1", "Iran's Guards", 19), ("trigger", "struck", 33), ("actor2", "a base", 40),
                          ("location", "Erbil", 52), ("attribution", "the Guards said", 59)]
    for s in highlights(ev):
        assert SENT[s["start"]:s["end"]] == s["text"] and s["found"] == "whole word"


def test_whole_word_preferred_over_a_word_part() -> None:
    # "Iran" occurs first inside "Iranian": the whole word later in the sentence is chosen.
    assert _spans(_ev(actor1_text="Iran")) == [("actor1", "Iran", 19)]


def test_case_insensitive_then_word_part_fallbacks() -> None:
    [s] = highlights(_ev(location_text="erbil"))
    assert (s["text"], s["found"]) == ("Erbil", "whole word, any case")
    [s] = highlights(_ev(actor1_text="ranian"))
    assert (s["start"], s["found"]) == (1, "inside a word")


def test_trigger_wins_an_overlap_and_the_next_match_is_used() -> None:
    # "the Guards" as actor overlaps nothing; "Guards" as actor2 takes the first free occurrence.
    ev = _ev(trigger_text="Guards", actor2_text="Guards")
    assert _spans(ev) == [("trigger", "Guards", 26), ("actor2", "Guards", 63)]


def test_words_not_in_the_evidence_are_left_out() -> None:
    assert highlights(_ev(actor1_text="Hezbollah", trigger_text="")) == []
    assert highlights(Event(event_id="e", article_id="a", event_type="AID")) == []


def test_reasons_are_every_reason_field() -> None:
    assert set(REASON_FIELDS) == {f for f in FIELDS if f.endswith("_reason")} | {"date_raw"}
    r = reasons(_ev(event_reason="trigger 'struck'", geo_reason="main place", date_raw="on Monday"))
    assert r["event_reason"] == "trigger 'struck'" and r["geo_reason"] == "main place"
    assert r["date_raw"] == "on Monday" and r["casualty_reason"] is None
    p = provenance(_ev(trigger_text="struck", evidence_start=10, evidence_end=10 + len(SENT)))
    assert p["evidence_end"] - p["evidence_start"] == len(p["evidence_text"])
