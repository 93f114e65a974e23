"""GVA scoring picks the article's main event from the records' contract fields (stages/salience.py)."""

from __future__ import annotations

from eventwire.evaluate.gva import pick_event
from eventwire.record import Event


def ev(eid: str, typ: str = "ASSAULT", **kw) -> Event:
    return Event(eid, "a", typ, published="2024-03-04", **kw)


def test_recent_day_dated_event_beats_a_background_toll():
    background = ev("old", event_date="2023-03-01", date_precision="day", injured=265)
    roundup = ev("week", event_date="2024-02-26", date_precision="week", injured=12)
    story = ev("story", event_date="2024-03-02", date_precision="day", fatalities=1)
    assert pick_event([background, roundup, story]).event_id == "story"


def test_most_casualties_then_first_listed():
    a = ev("a", event_date="2024-03-02", date_precision="day", fatalities=1)
    b = ev("b", event_date="2024-03-03", date_precision="day", fatalities=1, injured=2)
    c = ev("c", event_date="2024-03-03", date_precision="day", fatalities=3)
    assert pick_event([a, b]).event_id == "b"
    assert pick_event([b, c]).event_id == "b"  # tie in casualties: the first listed


def test_without_a_realised_assault():
    hyp = ev("h", event_date="2024-03-02", hypothetical=True)
    other = ev("x", "COERCE", event_date="2024-03-02")
    assert pick_event([other, hyp]).event_id == "h"  # an ASSAULT still, when it is the only one
    assert pick_event([other]).event_id == "x"
    assert pick_event([]) is None
