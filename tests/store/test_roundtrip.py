"""Property: any valid Event (and PlaceMention) stored and read back is unchanged."""

from __future__ import annotations

import uuid

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.record import Event, PlaceMention
from eventwire.store import Store

from .strategies import event_lists, place_strategy, result


def _own(evs: list[Event], aid: str) -> list[Event]:
    """The events as coded from article `aid` (ids made unique to this example)."""
    for i, ev in enumerate(evs):
        ev.article_id = aid
        ev.event_id = f"{aid}:{i}:{ev.event_id}"
    return evs


@settings(max_examples=80, deadline=None)
@given(evs=event_lists(), data=st.data())
def test_events_round_trip_through_the_store(module_store: Store, evs: list[Event], data: st.DataObject) -> None:
    aid = f"art-{uuid.uuid4().hex}"
    evs = _own(evs, aid)
    places: list[PlaceMention] = data.draw(st.lists(place_strategy(aid), max_size=3))
    stats = module_store.ingest([result(aid, aid, evs, places)])
    assert stats.events_written == len(evs)
    back = {e.event_id: e for e in module_store.events(article_id=aid)}
    assert back == {e.event_id: e for e in evs}
    for e in evs:  # equal including types (1 == 1.0 == True would hide a lost type)
        for k, v in e.to_dict().items():
            assert type(getattr(back[e.event_id], k)) is type(v), k
    assert list(module_store.places(aid)) == places
