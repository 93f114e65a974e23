"""The public Python API is small and asserted (httpx habit)."""

from __future__ import annotations

import eventwire


def test_public_names():
    assert sorted(eventwire.__all__) == sorted(
        ["Article", "Event", "PlaceMention", "ReadProblem", "__version__", "code", "extract", "geoparse",
         "open_store"])
    for name in eventwire.__all__:
        assert hasattr(eventwire, name)


def test_extract_accepts_an_article(pipeline):
    art = eventwire.Article(id="x", text="Protesters marched through Lagos on Friday.", published=None)
    events = list(eventwire.extract(art, pipeline=pipeline))
    assert events and events[0].event_type == "PROTEST"
    assert events[0].event_date is None and events[0].date_raw  # says why there is no date


def test_pipeline_declares_who_decides_each_field(pipeline):
    owners: dict[str, str] = {}
    for stage, fields in pipeline.stage_fields().items():
        for f in fields:
            assert f not in owners, f"{f} decided by both {owners[f]} and {stage}"
            owners[f] = stage
    assert owners["latitude"] == "places" and owners["fatalities"] == "casualties"


def test_event_ids_are_deterministic_and_text_bound(pipeline):
    text = "Police arrested five men in Kano on Monday. Gunmen attacked a market in Maru."
    a = eventwire.Article(id="x", text=text)
    first = [e.event_id for e in eventwire.extract(a, pipeline=pipeline)]
    again = [e.event_id for e in eventwire.extract(a, pipeline=pipeline)]
    other = [e.event_id for e in eventwire.extract(eventwire.Article(id="x", text=text + " "),
                                                    pipeline=pipeline)]
    assert first and first == again and len(set(first)) == len(first)
    assert not set(first) & set(other)


def test_pipeline_counts_the_seconds_of_each_step(pipeline):
    from eventwire import Article

    before = dict(pipeline.seconds)
    list(pipeline.run([Article(id="t", text="Gunmen killed two people in Kano on Monday, police said.")]))
    for step in ("parse", *(st.name for st in pipeline.stages), "records"):
        assert pipeline.seconds[step] > before.get(step, 0.0), step
