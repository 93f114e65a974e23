"""The event store: ingest coded articles, query events. SQLite by default, PostgreSQL by URL.

    store = Store.open()                      # $EVENTWIRE_DB, else sqlite:///eventwire.db
    stats = store.ingest(pipeline.run(articles_only))
    for ev in store.events(EventFilter(type="ASSAULT", country="IRQ", since="2024-01-01")): ...

An article is identified by its id and the sha256 of its text: ingesting it again with the same text
changes nothing; with a different text, its events and place mentions are replaced. Each batch of
articles is written in one transaction, so an interrupted ingest keeps whole articles only."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import sqlalchemy as sa
from sqlalchemy import event as sa_event
from sqlalchemy.engine import make_url

from ..article import ReadProblem
from ..errors import StoreError
from ..record import Event, PlaceMention
from . import fusion, tables
from .migrations import migrate
from .query import EventFilter, build_select, post_filter

if TYPE_CHECKING:
    from ..pipeline import ArticleResult

DEFAULT_URL = "sqlite:///eventwire.db"
ENV_VAR = "EVENTWIRE_DB"
_CHUNK = 500  # ids per IN (...) list: far below SQLite's and PostgreSQL's parameter limits

T = TypeVar("T")


def text_sha256(text: str) -> str:
    """The hex sha256 of an article's text (UTF-8): what `has_article` and ingest compare."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class IngestStats:
    """What an ingest did. `articles_updated`: stored with the same id but a different text, so their
    events and place mentions were replaced. `events_linked`: events whose id was already stored
    (from another article with the same text, or repeated): linked to the article, not rewritten."""

    articles_new: int = 0
    articles_unchanged: int = 0
    articles_updated: int = 0
    events_written: int = 0
    events_linked: int = 0
    events_fused: int = 0
    places_written: int = 0

    def add(self, other: IngestStats) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def __str__(self) -> str:
        parts = [f"{self.articles_new} new", f"{self.articles_unchanged} unchanged"]
        if self.articles_updated:
            parts.append(f"{self.articles_updated} updated (text changed: events replaced)")
        text = f"articles: {', '.join(parts)}; events written: {self.events_written}"
        if self.events_linked:
            text += f", linked to an already stored event: {self.events_linked}"
        if self.events_fused:
            text += f"; fused with another article's report of the same event: {self.events_fused}"
        return text


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _chunks(items: Sequence[T], size: int = _CHUNK) -> Iterator[Sequence[T]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def resolve_url(url: str | None = None) -> sa.URL:
    """The database URL: `url`, else $EVENTWIRE_DB, else sqlite:///eventwire.db. A plain path means
    SQLite; postgresql:// and postgres:// use the psycopg (3) driver."""
    raw = url or os.environ.get(ENV_VAR) or DEFAULT_URL
    if "://" not in raw:
        raw = "sqlite:///" + str(Path(raw).expanduser())
    try:
        u = make_url(raw)
    except (sa.exc.ArgumentError, ValueError) as exc:
        raise StoreError(f"{raw!r} is not a database URL: use sqlite:///path.db or "
                         "postgresql://user@host/db") from exc
    backend = u.get_backend_name()
    if backend in ("postgresql", "postgres"):
        if u.drivername in ("postgresql", "postgres"):
            u = u.set(drivername="postgresql+psycopg")
    elif backend != "sqlite":
        raise StoreError(f"unsupported database {backend!r} in {_show(u)}: use sqlite:///path.db or "
                         "postgresql://user@host/db")
    return u


def _show(u: sa.URL) -> str:
    return u.render_as_string(hide_password=True)


def _sqlite_file(u: sa.URL) -> Path | None:
    db = u.database
    if not db or db == ":memory:" or db.startswith("file:") or u.query.get("mode") == "memory":
        return None
    return Path(db)


def _set_wal(cur: Any, tries: int = 50) -> None:
    """Switch the file to WAL (persistent, so later connections find it done). Changing the journal mode
    needs the file to itself and SQLite does not wait on its busy handler for it: when several processes
    open a new database at once, retry for a while instead of failing."""
    import sqlite3
    import time

    for attempt in range(tries):
        try:
            if str(cur.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
                return
            cur.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == tries - 1:
                raise
            time.sleep(0.02 * (attempt + 1))


def _sqlite_engine(u: sa.URL) -> sa.Engine:
    path = _sqlite_file(u)
    if path is not None:
        if path.is_dir():
            raise StoreError(f"{path} is a folder, not a database file: give a file path such as "
                             f"sqlite:///{path / 'eventwire.db'}")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"can't create the folder {path.parent} for {_show(u)}: {exc}") from exc
    engine = sa.create_engine(u, connect_args={"timeout": 30})

    @sa_event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own transaction handling
        # would start it late, after the first SELECT), and set up the connection.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys = ON")
        if path is not None:
            _set_wal(cur)
            cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()
        dbapi_conn.create_function("eventwire_lower", 1, lambda s: s.lower() if isinstance(s, str) else s,
                                   deterministic=True)

    @sa_event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        # Writers take the write lock up front, so two ingests wait for each other (busy timeout)
        # instead of failing when a read transaction can't be upgraded.
        write = conn.get_execution_options().get("eventwire_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _postgres_engine(u: sa.URL) -> sa.Engine:
    try:
        return sa.create_engine(u, pool_pre_ping=True)
    except ImportError as exc:
        if u.get_driver_name() != "psycopg":
            raise StoreError(f"the driver {u.get_driver_name()!r} of {_show(u)} is not installed ({exc}): "
                             "use postgresql://... with eventwire[postgres] (psycopg 3)") from exc
        raise StoreError(f"PostgreSQL needs the psycopg driver ({exc}): "
                         "install eventwire[postgres], i.e. pip install 'psycopg[binary]'") from exc
    except sa.exc.NoSuchModuleError as exc:
        raise StoreError(f"unknown PostgreSQL driver in {_show(u)}: use postgresql://...") from exc


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip()
    return text.splitlines()[0] if text else type(orig).__name__


@contextmanager
def _db_errors(what: str, u: sa.URL) -> Iterator[None]:
    try:
        yield
    except sa.exc.DBAPIError as exc:
        raise StoreError(f"{what} {_show(u)} failed: {_reason(exc)}") from exc


class Store:
    """An open event store. Use `Store.open(url)`; close it (or use it as a context manager)."""

    def __init__(self, engine: sa.Engine, url: sa.URL):
        self.engine = engine
        self._url = url

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Open the store at `url` (default: $EVENTWIRE_DB, else sqlite:///eventwire.db; a plain path
        means SQLite), creating and migrating its tables as needed."""
        u = resolve_url(url)
        engine = _sqlite_engine(u) if u.get_backend_name() == "sqlite" else _postgres_engine(u)
        try:
            with _db_errors("opening", u):
                migrate(engine)
                with engine.connect() as conn:
                    missing = tables.missing_columns(conn)
        except BaseException:
            engine.dispose()
            raise
        if missing:
            engine.dispose()
            raise StoreError(f"the database {_show(u)} lacks columns {missing}: this eventwire is newer "
                             "than its migrations (add one in store/migrations.py)")
        return cls(engine, u)

    @property
    def url(self) -> str:
        """The database URL, password hidden."""
        return _show(self._url)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    # --- writing -------------------------------------------------------------------------------

    def ingest(self, results: Iterable[ArticleResult], batch_size: int = 100,
               fuse: bool = True) -> IngestStats:
        """Store coded articles, `batch_size` articles per transaction. Idempotent: an article stored
        with the same id and text is left alone; with a different text its events are replaced.
        With `fuse`, each new event is fused into an earlier report of the same event from another
        article where the rules of store/fusion.py say they are one event."""
        stats = IngestStats()
        batch: list[ArticleResult] = []
        for res in results:
            if isinstance(res, ReadProblem):
                raise TypeError(f"Store.ingest takes ArticleResults, got a ReadProblem ({res}): "
                                "report read problems before ingesting")
            batch.append(res)
            if len(batch) >= batch_size:
                stats.add(self._ingest_batch(batch, fuse))
                batch = []
        if batch:
            stats.add(self._ingest_batch(batch, fuse))
        return stats

    def _ingest_batch(self, batch: list[ArticleResult], fuse: bool) -> IngestStats:
        with _db_errors("writing to", self._url), self.engine.connect() as conn:
            conn = conn.execution_options(eventwire_write=True)
            with conn.begin():
                return _write_batch(conn, batch, fuse)

    def fuse(self) -> int:
        """Undo every fusion across articles and fuse the whole store again (store/fusion.py), e.g.
        after ingesting with fuse=False or after the rules changed. Returns the number of fused reports."""
        with _db_errors("writing to", self._url), self.engine.connect() as conn:
            conn = conn.execution_options(eventwire_write=True)
            with conn.begin():
                return fusion.refuse_all(conn, _now())

    # --- reading -------------------------------------------------------------------------------

    def has_article(self, article_id: str, text_sha: str) -> bool:
        """True when the article is stored with this text (sha256 hex, see `text_sha256`)."""
        a = tables.articles
        q = sa.select(a.c.article_id).where(a.c.article_id == article_id, a.c.text_sha256 == text_sha)
        with _db_errors("reading", self._url), self.engine.connect() as conn:
            return conn.execute(q).first() is not None

    def events(self, filters: EventFilter | None = None, **kwargs: Any) -> Iterator[Event]:
        """Stored events matching `filters` (or EventFilter(**kwargs)), in event-date order (undated
        last), streamed from the database."""
        if filters is not None and kwargs:
            raise TypeError("give either an EventFilter or keyword filters, not both")
        f = filters if filters is not None else EventFilter(**kwargs)
        return post_filter(f, self._stream(build_select(f, self.dialect)))

    def _stream(self, q: sa.Select[Any]) -> Iterator[Event]:
        with _db_errors("reading", self._url), self.engine.connect() as conn:
            for row in conn.execution_options(yield_per=1000).execute(q):
                yield tables.row_to_event(row)

    def places(self, article_id: str | None = None) -> Iterator[PlaceMention]:
        """Stored place mentions (of one article, or all), in article and text order."""
        p = tables.places
        q = sa.select(p).order_by(p.c.article_id, p.c.place_id)
        if article_id is not None:
            q = q.where(p.c.article_id == article_id)
        with _db_errors("reading", self._url), self.engine.connect() as conn:
            for row in conn.execution_options(yield_per=1000).execute(q):
                yield tables.row_to_place(row)

    def stats(self) -> dict[str, Any]:
        """Counts: articles, events (after fusion across articles), reports fused into another
        article's event, places, events by type and by country (where the event happened), and the first
        and last event date."""
        a, e, p = tables.articles, tables.events, tables.places
        n = sa.func.count()
        alive = e.c.fused_into.is_(None)
        with _db_errors("reading", self._url), self.engine.connect() as conn:
            def count(t: sa.Table, *where: Any) -> int:
                return int(conn.execute(sa.select(sa.func.count()).select_from(t).where(*where)).scalar_one())

            by_type = conn.execute(sa.select(e.c.event_type, n).where(alive).group_by(e.c.event_type)
                                   .order_by(n.desc(), e.c.event_type)).all()
            by_country = conn.execute(sa.select(e.c.country_iso3, n)
                                      .where(alive, e.c.country_iso3.is_not(None))
                                      .group_by(e.c.country_iso3)
                                      .order_by(n.desc(), e.c.country_iso3)).all()
            first, last = conn.execute(sa.select(sa.func.min(e.c.event_date),
                                                 sa.func.max(e.c.event_date)).where(alive)).one()
            return {
                "articles": count(a),
                "events": count(e, alive),
                "fused_reports": count(e, e.c.fused_into.is_not(None)),
                "places": count(p),
                "by_type": {t: int(c) for t, c in by_type},
                "by_country": {k: int(c) for k, c in by_country},
                "date_range": {"first": first, "last": last},
            }


def _check_ids(res: ArticleResult) -> None:
    aid = res.article.id
    for ev in res.events:
        if ev.article_id != aid:
            raise StoreError(f"event {ev.event_id!r} has article_id {ev.article_id!r} but came with "
                             f"article {aid!r}: the records stage must set article_id")
    for pm in res.places:
        if pm.article_id != aid:
            raise StoreError(f"place mention {pm.text!r} has article_id {pm.article_id!r} but came "
                             f"with article {aid!r}")


def _write_batch(conn: sa.Connection, batch: list[ArticleResult], fuse: bool = True) -> IngestStats:
    """Write one batch inside the caller's transaction."""
    a, e, s, p = tables.articles, tables.events, tables.event_sources, tables.places
    stats = IngestStats()
    now = _now()

    ids = list(dict.fromkeys(r.article.id for r in batch))
    stored: dict[str, str] = {}
    for chunk in _chunks(ids):
        rows = conn.execute(sa.select(a.c.article_id, a.c.text_sha256).where(a.c.article_id.in_(chunk)))
        stored.update((aid, sha) for aid, sha in rows)

    # The last version of each article in the batch wins; earlier ones are counted, not written.
    latest: dict[str, tuple[str, ArticleResult]] = {}
    for res in batch:
        aid, sha = res.article.id, text_sha256(res.article.text)
        current = latest[aid][0] if aid in latest else stored.get(aid)
        if current == sha:
            stats.articles_unchanged += 1
            continue
        if current is None:
            stats.articles_new += 1
        else:
            stats.articles_updated += 1
        _check_ids(res)
        latest[aid] = (sha, res)

    replaced = [aid for aid in latest if aid in stored]
    freed: list[str] = []
    for chunk in _chunks(replaced):
        freed.extend(fusion.unfuse_for(conn, list(chunk)))
        owned = sa.select(e.c.event_id).where(e.c.article_id.in_(chunk))
        conn.execute(sa.delete(s).where(sa.or_(s.c.article_id.in_(chunk), s.c.event_id.in_(owned))))
        conn.execute(sa.delete(p).where(p.c.article_id.in_(chunk)))
        conn.execute(sa.delete(e).where(e.c.article_id.in_(chunk)))
        conn.execute(sa.delete(a).where(a.c.article_id.in_(chunk)))

    event_ids = list(dict.fromkeys(ev.event_id for _, res in latest.values() for ev in res.events))
    owner: dict[str, str] = {}
    for chunk in _chunks(event_ids):
        rows = conn.execute(sa.select(e.c.event_id, e.c.article_id).where(e.c.event_id.in_(chunk)))
        owner.update((eid, aid) for eid, aid in rows)

    article_rows: list[dict[str, Any]] = []
    event_rows: list[dict[str, Any]] = []
    source_rows: list[dict[str, Any]] = []
    place_rows: list[dict[str, Any]] = []
    linked: set[tuple[str, str]] = set()
    for aid, (sha, res) in latest.items():
        art = res.article
        article_rows.append({
            "article_id": aid, "text_sha256": sha,
            "published": art.published.isoformat() if art.published else None,
            "title": art.title, "url": art.url, "source": art.source, "language": art.language,
            "origin": art.origin, "ingested_at": now, "n_events": len(res.events), "text": art.text,
        })
        for ev in res.events:
            if ev.event_id in owner:
                stats.events_linked += 1
                if (ev.event_id, aid) not in linked and owner[ev.event_id] != aid:
                    linked.add((ev.event_id, aid))
                    source_rows.append({
                        "event_id": ev.event_id, "article_id": aid, "role": "duplicate", "added_at": now,
                        "reason": f"event id already stored from article {owner[ev.event_id]!r}"})
                continue
            owner[ev.event_id] = aid
            linked.add((ev.event_id, aid))
            row = tables.event_to_row(ev, now)
            row["fused_into"] = row["fusion_reason"] = None  # the store's to decide, below
            event_rows.append(row)
            source_rows.append({"event_id": ev.event_id, "article_id": aid, "role": "coded",
                                "added_at": now, "reason": "coded from this article"})
        place_rows.extend(tables.place_to_row(pm) for pm in res.places)

    for table, rows in ((a, article_rows), (e, event_rows), (s, source_rows), (p, place_rows)):
        if rows:
            conn.execute(sa.insert(table), rows)
    stats.events_written = len(event_rows)
    stats.places_written = len(place_rows)
    if fuse:
        new_ids = [r["event_id"] for r in event_rows]
        stats.events_fused = fusion.fuse_events(conn, freed + new_ids, now)
    return stats
