"""The API over a hand-made store whose answers are known exactly: counts, undated events, ids with a
slash, paging totals, and articles linked to no text."""

from __future__ import annotations

from needs import need_server

need_server()


def test_stats_exact(small_client) -> None:
    s = small_client.get("/api/stats").json()
    assert s["events"] == 5 and s["articles"] == 2 and s["undated"] == 1
    assert s["by_type"] == {"ACCUSE": 2, "AID": 1, "ASSAULT": 1, "PROTEST": 1}
    assert s["by_country"] == {"IRQ": 2, "FRA": 1}
    assert s["by_month"] == {"2024-01": 3, "2024-02": 1, "undated": 1}
    assert s["by_day"] == {"2024-01-15": 2, "2024-01-20": 1, "2024-02-01": 1, "undated": 1}
    assert s["date_range"] == {"first": "2024-01-15", "last": "2024-02-01"}


def test_stats_with_near_are_counted_in_python(small_client) -> None:
    s = small_client.get("/api/stats", params={"near": "36.19,44.01,400"}).json()  # Erbil; Baghdad ~320 km
    assert s["events"] == 2 and s["by_type"] == {"ACCUSE": 1, "ASSAULT": 1} and s["by_day"] == {"2024-01-15": 2}
    s = small_client.get("/api/stats", params={"near": "36.19,44.01,100"}).json()
    assert s["events"] == 1 and s["by_type"] == {"ASSAULT": 1}


def test_total_ignores_paging_and_undated_come_last(small_client) -> None:
    body = small_client.get("/api/events", params={"limit": 2, "offset": 3}).json()
    assert body["total"] == 5
    assert [e["event_id"] for e in body["events"]] == ["a-e2", "b/2-e0"]
    body = small_client.get("/api/events", params={"near": "36.19,44.01,400", "limit": 1}).json()
    assert body["total"] == 2 and [e["event_id"] for e in body["events"]] == ["a-e0"]


def test_since_leaves_out_undated(small_client) -> None:
    body = small_client.get("/api/events", params={"since": "2024-01-16"}).json()
    assert [e["event_id"] for e in body["events"]] == ["b/2-e1", "a-e2"]


def test_ids_with_a_slash(small_client) -> None:
    r = small_client.get("/api/articles/b/2")
    assert r.status_code == 200
    d = r.json()
    assert d["article"]["article_id"] == "b/2"
    assert d["article"]["text_stored"] is True and d["article"]["text"]
    assert [e["event_id"] for e in d["events"]] == ["b/2-e1", "b/2-e0"]
    assert small_client.get("/api/events/b%2F2-e0").json()["event"]["article_id"] == "b/2"


def test_event_sources_carry_the_article(small_client) -> None:
    d = small_client.get("/api/events/a-e0").json()
    assert d["sources"] == [{
        "article_id": "a", "role": "coded", "reason": "coded from this article",
        "added_at": d["sources"][0]["added_at"], "title": "Article A", "url": "https://example.org/a",
        "published": None, "source": None}]
    assert d["article"]["title"] == "Article A"


def test_geojson_null_geometry_for_unplaced(small_client) -> None:
    fc = small_client.get("/api/events.geojson", params={"type": "aid"}).json()
    assert [(f["id"], f["geometry"]) for f in fc["features"]] == [("b/2-e1", None)]
    fc = small_client.get("/api/events.geojson", params={"type": "protest"}).json()
    assert fc["features"][0]["geometry"] == {"type": "Point", "coordinates": [2.32, 48.87]}


def test_fused_reports_on_request(small_client) -> None:
    r = small_client.get("/api/events", params={"fused": "true"})
    assert r.status_code == 200 and r.json()["filters"]["fused"] is True
    assert r.json()["total"] >= small_client.get("/api/events").json()["total"] == 5
    assert small_client.get("/api/events", params={"fused": "maybe"}).status_code == 400


def test_a_database_failure_is_a_json_500(small_url: str, tmp_path) -> None:
    import sqlalchemy as sa
    from fastapi.testclient import TestClient

    from eventwire.server import create_app

    app = create_app(small_url)
    with TestClient(app, raise_server_exceptions=False) as c:
        with app.state.store.engine.begin() as conn:  # a store broken under the running app
            conn.execute(sa.text("ALTER TABLE event_sources RENAME TO event_sources_gone"))
        try:
            r = c.get("/api/events/a-e0")
            assert r.status_code == 500 and r.json()["detail"].startswith("the database failed:")
            assert c.get("/api/events").status_code == 200  # reads that don't need the table still work
        finally:
            with app.state.store.engine.begin() as conn:
                conn.execute(sa.text("ALTER TABLE event_sources_gone RENAME TO event_sources"))
