"""The REST API over a store filled by the real pipeline from examples/: every answer is checked against
what the store returns for the same filters, so the API and `eventwire events` can't drift apart."""

from __future__ import annotations

import json
from dataclasses import fields

import pytest

from eventwire.filters import parse_filter
from eventwire.record import FIELDS, Event
from eventwire.store import EventFilter, Store
from needs import need_server

need_server()

from eventwire.server import reads  # noqa: E402
from eventwire.server.provenance import REASON_FIELDS  # noqa: E402


def _ids(events) -> list[str]:
    return [e["event_id"] if isinstance(e, dict) else e.event_id for e in events]


@pytest.fixture(scope="module")
def all_events(examples_store: Store) -> list[Event]:
    evs = list(examples_store.events())
    assert len(evs) >= 10, "the examples should give a few events to query"
    return evs


def test_health(client) -> None:
    r = client.get("/health")
    assert r.status_code == 200
    assert r.json()["status"] == "ok" and r.json()["database"].startswith("sqlite:///")


def test_events_default_page(client, all_events: list[Event]) -> None:
    r = client.get("/api/events")
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == len(all_events)
    assert body["limit"] == 100 and body["offset"] == 0
    assert _ids(body["events"]) == _ids(all_events)[:100]
    assert set(FIELDS) <= set(body["events"][0])


def test_paging_walks_every_event_in_order(client, all_events: list[Event]) -> None:
    seen: list[str] = []
    offset = 0
    while True:
        body = client.get("/api/events", params={"limit": 7, "offset": offset}).json()
        assert body["total"] == len(all_events)
        if not body["events"]:
            break
        assert len(body["events"]) <= 7
        seen += _ids(body["events"])
        offset += 7
    assert seen == _ids(all_events)


def _filter_cases(evs: list[Event]) -> list[dict[str, str]]:
    """Filters built from the stored data, so each matches something whatever the pipeline codes."""
    placed = next(e for e in evs if e.latitude is not None)
    dated = next(e for e in evs if e.event_date)
    with_country = next(e for e in evs if e.country_iso3)
    with_actor = next(e for e in evs if e.actor1_name or e.actor1_text)
    actor = (with_actor.actor1_name or with_actor.actor1_text or "")[:5]
    return [
        {"type": evs[0].event_type.lower()},
        {"country": with_country.country_iso3.lower()},
        {"since": dated.event_date},
        {"until": dated.event_date},
        {"since": dated.event_date, "until": dated.event_date},
        {"actor": actor.upper()},
        {"near": f"{placed.latitude},{placed.longitude},25"},
        {"article_id": evs[-1].article_id},
        {"type": placed.event_type, "near": f"{placed.latitude},{placed.longitude},300"},
    ]


def test_filters_match_the_store(client, examples_store: Store, all_events: list[Event]) -> None:
    for params in _filter_cases(all_events):
        expected = _ids(examples_store.events(parse_filter(**params)))
        assert expected, f"{params} should match some example event"
        body = client.get("/api/events", params=params).json()
        assert _ids(body["events"]) == expected, params
        assert body["total"] == len(expected), params
        geo = client.get("/api/events.geojson", params=params).json()
        assert [f["id"] for f in geo["features"]] == expected, params
        stats = client.get("/api/stats", params=params).json()
        assert stats["events"] == len(expected), params


def test_a_filter_narrows(client, all_events: list[Event]) -> None:
    t = all_events[0].event_type
    body = client.get("/api/events", params={"type": t}).json()
    assert {e["event_type"] for e in body["events"]} == {t}
    assert body["total"] == sum(e.event_type == t for e in all_events) < len(all_events)
    assert body["filters"]["type"] == t


ALL = ("/api/events", "/api/events.geojson", "/api/stats")
PAGED = ("/api/events", "/api/events.geojson")


@pytest.mark.parametrize(("params", "name", "paths"), [
    ({"since": "2024-13-01"}, "since", ALL),
    ({"until": "yesterday"}, "until", ALL),
    ({"since": "2024-05-01", "until": "2024-04-01"}, "since", ALL),
    ({"near": "36.1,44.0"}, "near", ALL),
    ({"near": "95,44,10"}, "near", ALL),
    ({"near": "a,b,c"}, "near", ALL),
    ({"type": "EXPLODE"}, "type", ALL),
    ({"country": "IRAQ"}, "country", ALL),
    ({"limit": "-1"}, "limit", PAGED),
    ({"limit": "abc"}, "limit", PAGED),
    ({"offset": "-3"}, "offset", PAGED),
    ({"limit": "100000"}, "limit", ("/api/events",)),
])
def test_bad_filters_are_400(client, params: dict[str, str], name: str, paths: tuple[str, ...]) -> None:
    for path in paths:
        r = client.get(path, params=params)
        assert r.status_code == 400, (path, params, r.text)
        detail = r.json()["detail"]
        assert isinstance(detail, str) and name in detail, detail


def test_unknown_ids_are_404(client) -> None:
    for path, word in (("/api/events/0000000000000000", "event"), ("/api/articles/no-such-article", "article")):
        r = client.get(path)
        assert r.status_code == 404
        assert word in r.json()["detail"] and path.rsplit("/", 1)[1] in r.json()["detail"]


def test_event_detail_has_record_and_provenance(client, all_events: list[Event]) -> None:
    for ev in all_events:
        r = client.get(f"/api/events/{ev.event_id}")
        assert r.status_code == 200
        d = r.json()
        assert d["event"] == json.loads(json.dumps(ev.to_dict()))
        prov = d["provenance"]
        assert prov["evidence_text"] == ev.evidence_text
        assert (prov["evidence_start"], prov["evidence_end"]) == (ev.evidence_start, ev.evidence_end)
        assert set(prov["reasons"]) == set(REASON_FIELDS)
        assert {"event_reason", "geo_reason", "date_reason"} <= set(prov["reasons"])
        for span in prov["highlights"]:
            assert ev.evidence_text[span["start"]:span["end"]] == span["text"]
        if ev.trigger_text and ev.trigger_text in ev.evidence_text:
            assert "trigger" in {s["role"] for s in prov["highlights"]}
        assert d["article"]["article_id"] == ev.article_id
        assert d["article"]["published"] == ev.published
        assert ev.article_id in [s["article_id"] for s in d["sources"]]
        assert d["sources"][0]["role"] == "coded"


def test_geojson_is_a_valid_feature_collection(client, all_events: list[Event]) -> None:
    r = client.get("/api/events.geojson")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/geo+json")
    fc = r.json()
    assert fc["type"] == "FeatureCollection"
    assert [f["id"] for f in fc["features"]] == _ids(all_events)
    placed = 0
    for f in fc["features"]:
        assert f["type"] == "Feature" and set(FIELDS) <= set(f["properties"])
        p, g = f["properties"], f["geometry"]
        if p["latitude"] is None or p["longitude"] is None:
            assert g is None
            continue
        placed += 1
        assert g["type"] == "Point" and g["coordinates"] == [p["longitude"], p["latitude"]]
        lon, lat = g["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    assert placed > 0
    assert len(client.get("/api/events.geojson", params={"limit": 3}).json()["features"]) == 3


def test_stats_add_up(client, all_events: list[Event]) -> None:
    s = client.get("/api/stats").json()
    n = len(all_events)
    assert s["events"] == n
    assert sum(s["by_type"].values()) == n
    assert sum(s["by_month"].values()) == sum(s["by_day"].values()) == n
    assert sum(s["by_country"].values()) == sum(1 for e in all_events if e.country_iso3)
    assert s["articles"] == len({e.article_id for e in all_events})
    assert list(s["by_day"]) == sorted(s["by_day"], key=lambda d: (d == "undated", d))
    assert s["store"]["events"] == n
    t = all_events[0].event_type
    typed = client.get("/api/stats", params={"type": t}).json()
    assert set(typed["by_type"]) == {t} and typed["filters"]["type"] == t


def test_sql_and_python_counts_agree(examples_store: Store, all_events: list[Event]) -> None:
    for params in _filter_cases(all_events) + [{}]:
        f = parse_filter(**params)
        assert reads.event_stats(examples_store, f) == reads.summarize(examples_store.events(f)), params


def test_article_with_its_events_and_places(client, examples_store: Store, all_events: list[Event]) -> None:
    aid = all_events[0].article_id
    r = client.get(f"/api/articles/{aid}")
    assert r.status_code == 200
    d = r.json()
    assert d["article"]["article_id"] == aid
    assert d["article"]["text_stored"] is True
    ev = next(e for e in all_events if e.article_id == aid)
    assert d["article"]["text"][ev.evidence_start:ev.evidence_end] == ev.evidence_text  # offsets hold
    assert _ids(d["events"]) == _ids(examples_store.events(EventFilter(article_id=aid)))
    assert aid in {e["article_id"] for e in d["events"]}
    assert len(d["places"]) == len(list(examples_store.places(aid))) > 0


def test_openapi_documents_every_route(client) -> None:
    schema = client.get("/openapi.json").json()
    paths = set(schema["paths"])
    assert {"/health", "/api/events", "/api/events.geojson", "/api/events/{event_id}", "/api/stats",
            "/api/articles/{article_id}"} <= paths
    params = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {f.name for f in fields(EventFilter)} <= params
    assert "Event" in json.dumps(schema["components"])


def test_dashboard_is_served_without_outside_resources(client) -> None:
    import re

    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', r.text):
        assert client.get(asset).status_code == 200, asset
    for name in ("/", "/static/app.js", "/static/style.css"):
        text = client.get(name).text
        outside = [u for u in re.findall(r"(?:https?:)?//[\w.-]+\.\w+[^\s\"')]*", text)
                   if not u.startswith("http://www.w3.org/")]
        assert not outside, (name, outside)
    # FastAPI's /docs and /redoc pages load scripts from a CDN: they are off
    assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404


def test_docs_describe_every_route_and_filter(client) -> None:
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "server.md").read_text(encoding="utf-8")
    schema = client.get("/openapi.json").json()
    for path, ops in schema["paths"].items():
        assert f"`GET {path}`" in doc, f"docs/server.md lacks a section for GET {path}"
        for p in ops["get"].get("parameters", []):
            if p["in"] == "query":
                assert f"`{p['name']}`" in doc, f"docs/server.md does not describe ?{p['name']}"
