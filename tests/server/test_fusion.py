"""Fusion across articles as the API shows it: one event with two sources; the fused report on request,
with the event it was fused into and why."""

from __future__ import annotations

from pathlib import Path

from eventwire.article import Article
from eventwire.pipeline import ArticleResult
from eventwire.record import Event
from eventwire.store import Store
from needs import need_server

need_server()


def _report(aid: str) -> ArticleResult:
    ev = Event(event_id=f"{aid}-e0", article_id=aid, event_type="ASSAULT", event_date="2024-01-15",
               date_precision="day", latitude=36.19, longitude=44.01, geo_precision="city",
               country_iso3="IRQ", evidence_text="A drone struck Erbil.", trigger_text="struck")
    return ArticleResult(Article(id=aid, text=f"report {aid}", title=f"Report {aid}"), [ev])


def test_fused_report_and_its_sources(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from eventwire.server import create_app

    url = f"sqlite:///{tmp_path / 'fused.db'}"
    with Store.open(url) as store:
        store.ingest([_report("first")])
        store.ingest([_report("second")])
    with TestClient(create_app(url)) as c:
        assert [e["event_id"] for e in c.get("/api/events").json()["events"]] == ["first-e0"]
        both = c.get("/api/events", params={"fused": "true"}).json()
        assert both["total"] == 2 and both["filters"]["fused"] is True
        kept = c.get("/api/events/first-e0").json()
        assert kept["event"]["source_count"] == 2
        assert [(s["article_id"], s["role"], s["title"]) for s in kept["sources"]] == [
            ("first", "coded", "Report first"), ("second", "fused", "Report second")]
        fused = c.get("/api/events/second-e0").json()
        assert fused["event"]["fused_into"] == "first-e0"
        assert "first-e0" in fused["provenance"]["reasons"]["fusion_reason"]
        # the second article still lists the event it reports
        assert [e["event_id"] for e in c.get("/api/articles/second").json()["events"]] == ["first-e0"]
        assert c.get("/api/stats").json()["events"] == 1
        assert c.get("/api/stats", params={"fused": "true"}).json()["events"] == 2
