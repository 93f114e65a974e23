"""`eventwire serve`: options reach uvicorn, the app it runs answers, a missing database is an error."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from eventwire.cli import cli
from needs import need_server

need_server()


def test_serve_runs_the_app_on_host_and_port(monkeypatch: pytest.MonkeyPatch, small_url: str) -> None:
    import uvicorn
    from fastapi.testclient import TestClient

    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append({"app": app, **kw}))
    res = CliRunner().invoke(cli, ["serve", "--db", small_url, "--host", "0.0.0.0", "--port", "8123"])
    assert res.exit_code == 0, res.output
    assert "http://0.0.0.0:8123/" in res.stderr
    [call] = calls
    assert (call["host"], call["port"]) == ("0.0.0.0", 8123)
    with TestClient(call["app"]) as c:
        assert c.get("/api/events").json()["total"] == 5


def test_serve_takes_the_database_from_the_environment(monkeypatch: pytest.MonkeyPatch, small_url: str) -> None:
    import uvicorn
    from fastapi.testclient import TestClient

    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append({"app": app, **kw}))
    monkeypatch.setenv("EVENTWIRE_DB", small_url)
    res = CliRunner().invoke(cli, ["serve"])
    assert res.exit_code == 0, res.output
    assert calls[0]["port"] == 8000 and calls[0]["host"] == "127.0.0.1"
    with TestClient(calls[0]["app"]) as c:
        assert c.get("/api/stats").json()["events"] == 5


def test_serve_refuses_a_missing_database(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: pytest.fail("should not start"))
    missing = tmp_path / "none.db"
    res = CliRunner().invoke(cli, ["serve", "--db", f"sqlite:///{missing}"])
    assert res.exit_code != 0
    assert "no database" in str(res.exception) + res.output
    assert not missing.exists()
