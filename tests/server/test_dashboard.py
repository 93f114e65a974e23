"""The dashboard in a real headless Chromium: uvicorn serves the examples store on a free port, Chromium
loads the page, runs its JavaScript against the API and dumps the DOM, which must hold what the API holds.

Chromium is found as chromium, chromium-browser, google-chrome or $EVENTWIRE_CHROMIUM (tests/needs.py).
Without it the tests skip; with EVENTWIRE_REQUIRE_CHROMIUM=1 (set it in CI) they fail instead."""

from __future__ import annotations

import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from eventwire.store import Store
from needs import need_chromium, need_server

need_server()

@pytest.fixture(scope="module")
def chromium() -> str:
    return need_chromium()


@pytest.fixture(scope="module")
def server(examples_url: str) -> Iterator[str]:
    """The app under uvicorn in a thread, on a free port of 127.0.0.1; yields its base URL."""
    import uvicorn

    from eventwire.server import create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(examples_url), log_level="warning"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)
    sock.close()


class Dom(HTMLParser):
    """What the tests read from the dumped page: body state, table rows, map dots, timeline bars, marks,
    and the text of elements with an id."""

    def __init__(self, html: str):
        super().__init__()
        self.body: dict[str, str | None] = {}
        self.rows: list[tuple[str, list[str]]] = []
        self.dots: list[str] = []
        self.bars: list[str] = []
        self.land = 0  # country outline paths drawn on the map
        self.marks: list[tuple[str, str]] = []
        self.text: dict[str, str] = {}
        self.hidden: set[str] = set()
        self._open: list[tuple[str, str | None]] = []  # (tag, id or mark class)
        self._cell: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "body":
            self.body = a
        elif tag == "tr" and a.get("data-event-id"):
            self.rows.append((a["data-event-id"] or "", []))
        elif tag == "td" and self.rows:
            self._cell = []
        elif tag == "circle" and a.get("data-event-id"):
            self.dots.append(a["data-event-id"] or "")
        elif tag == "path" and a.get("class") == "land" and len(a.get("d") or "") > 10_000:
            self.land += 1
        elif tag == "rect" and a.get("data-day"):
            self.bars.append(a["data-day"] or "")
        if a.get("id") and "hidden" in a:
            self.hidden.add(a["id"] or "")
        if tag not in ("input", "br", "img", "meta", "link", "hr"):  # HTML's void elements
            self._open.append((tag, a.get("id") or (a.get("class") if tag == "mark" else None)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._cell is not None:
            self.rows[-1][1].append("".join(self._cell))
            self._cell = None
        if any(t == tag for t, _ in self._open):
            while self._open and self._open.pop()[0] != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        for tag, key in self._open:
            if tag == "mark" and key:
                self.marks.append((key, data))
            elif key:
                self.text[key] = self.text.get(key, "") + data


def dump_dom(chromium: str, url: str, profile: Path) -> Dom:
    cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
           "--no-first-run", "--disable-extensions", f"--user-data-dir={profile}",
           "--virtual-time-budget=20000", "--dump-dom", url]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr[-2000:]
    dom = Dom(res.stdout)
    assert dom.body, f"no page from {url}: {res.stdout[:500]} {res.stderr[-1000:]}"
    return dom


def test_dashboard_shows_the_api_data(chromium: str, server: str, examples_store: Store, tmp_path: Path) -> None:
    events = list(examples_store.events())
    chosen = next(e for e in events if e.trigger_text and e.trigger_text in e.evidence_text)
    dom = dump_dom(chromium, f"{server}/?event={chosen.event_id}", tmp_path)
    assert dom.body.get("data-state") == "ready", dom.text.get("error")
    # the table holds the first page of the API, in its order
    assert [eid for eid, _ in dom.rows] == [e.event_id for e in events][:50]
    first = dict(zip(["date", "type"], dom.rows[0][1], strict=False))
    assert first == {"date": events[0].event_date or "–", "type": events[0].event_type}
    # the map has a dot per located event, the timeline a bar per day
    assert sorted(dom.dots) == sorted(e.event_id for e in events if e.latitude is not None)
    assert dom.land == 1  # the shipped world outline was fetched and drawn
    assert sorted(dom.bars) == sorted({e.event_date for e in events if e.event_date})
    assert f"{len(events)} events" in dom.text["summary"]
    # the provenance panel shows the evidence with the trigger marked, and the reasons
    assert "prov-body" not in dom.hidden
    assert dom.text["evidence"] == chosen.evidence_text
    assert ("hl hl-trigger", chosen.evidence_text[dom_index(chosen)]) in dom.marks
    assert chosen.event_reason and chosen.event_reason in dom.text["reasons"]
    assert chosen.article_id in dom.text["sources"]


def dom_index(ev) -> slice:
    from eventwire.server.provenance import highlights

    span = next(s for s in highlights(ev) if s["role"] == "trigger")
    return slice(span["start"], span["end"])


def test_dashboard_filters_from_the_url(chromium: str, server: str, examples_store: Store,
                                        tmp_path: Path) -> None:
    events = list(examples_store.events())
    t = events[-1].event_type
    dom = dump_dom(chromium, f"{server}/?type={t.lower()}&limit=25", tmp_path)
    assert dom.body.get("data-state") == "ready", dom.text.get("error")
    expected = [e.event_id for e in events if e.event_type == t]
    assert [eid for eid, _ in dom.rows] == expected[:25]
    assert {cells[1] for _, cells in dom.rows} == {t}
    assert f"{len(expected)} match" in dom.text["summary"]


def test_dashboard_shows_a_bad_filter(chromium: str, server: str, tmp_path: Path) -> None:
    dom = dump_dom(chromium, f"{server}/?since=2024-13-45", tmp_path)
    assert dom.body.get("data-state") == "error"
    assert "since" in dom.text["error"] and "YYYY-MM-DD" in dom.text["error"]
    assert dom.rows == []
