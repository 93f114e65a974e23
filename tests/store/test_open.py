"""Opening a store: URLs, defaults, SQLite settings, clear errors, migrations."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from eventwire import open_store
from eventwire.errors import StoreError
from eventwire.store import Store, tables
from eventwire.store.migrations import MIGRATIONS, add_column_if_missing, applied, migrate


def test_sqlite_url_creates_parent_folders(tmp_path: Path) -> None:
    db = tmp_path / "a" / "b" / "ew.db"
    with Store.open(f"sqlite:///{db}") as s:
        assert s.dialect == "sqlite"
    assert db.is_file()


def test_sqlite_is_wal_with_foreign_keys(tmp_path: Path) -> None:
    db = tmp_path / "ew.db"
    with Store.open(f"sqlite:///{db}") as s, s.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    raw = sqlite3.connect(db)
    assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)  # persistent in the file
    raw.close()


def test_plain_path_means_sqlite(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "plain.db")) as s:
        assert s.url == f"sqlite:///{tmp_path / 'plain.db'}"
    assert (tmp_path / "plain.db").is_file()


def test_default_is_eventwire_db_in_working_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EVENTWIRE_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    with open_store() as s:
        assert s.url == "sqlite:///eventwire.db"
    assert (tmp_path / "eventwire.db").is_file()


def test_env_var_sets_the_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWIRE_DB", f"sqlite:///{tmp_path / 'env.db'}")
    with Store.open() as s:
        assert s.url.endswith("env.db")
    with Store.open(f"sqlite:///{tmp_path / 'arg.db'}") as s:  # an explicit URL wins
        assert s.url.endswith("arg.db")


@pytest.mark.parametrize(("url", "message"), [
    ("mysql://u@host/db", "unsupported database 'mysql'"),
    ("http://example.org/db", "unsupported database"),
    ("postgresql://u@host:notaport/db", "not a database URL"),
])
def test_bad_urls(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        Store.open(url)


def test_folder_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        Store.open(f"sqlite:///{tmp_path}")


def test_not_a_database(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not an SQLite file" * 100)
    with pytest.raises(StoreError, match=r"\[E010\] opening sqlite:///.*junk.db failed"):
        Store.open(f"sqlite:///{junk}")


def test_missing_postgres_driver(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg -> ImportError
    with pytest.raises(StoreError, match=r"install eventwire\[postgres\]"):
        Store.open("postgresql://someone@localhost/eventwire")


def test_unreachable_postgres_server() -> None:
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError, match=r"opening postgresql.*127\.0\.0\.1:1/x\S* failed") as err:
        Store.open("postgresql://u:secret@127.0.0.1:1/x?connect_timeout=3")
    assert "secret" not in str(err.value)


def test_migrations_are_recorded_once(store_url: str) -> None:
    with Store.open(store_url) as s, s.engine.connect() as conn:
        first = applied(conn)
    assert first == [name for name, _ in MIGRATIONS]
    with Store.open(store_url) as s:
        assert migrate(s.engine) == []
        with s.engine.connect() as conn:
            assert applied(conn) == first


def test_new_migration_runs_once_in_order(store_url: str) -> None:
    calls: list[str] = []

    def extra(conn: sa.Connection) -> None:
        calls.append("extra")

    with Store.open(store_url) as s:
        assert migrate(s.engine, [*MIGRATIONS, ("0099_test_extra", extra)]) == ["0099_test_extra"]
        assert migrate(s.engine, [*MIGRATIONS, ("0099_test_extra", extra)]) == []
        with s.engine.connect() as conn:
            assert applied(conn)[-1] == "0099_test_extra"
    assert calls == ["extra"]


def test_add_column_if_missing_is_idempotent(store_url: str) -> None:
    md = sa.MetaData()
    later = sa.Table("articles", md, sa.Column("article_id", sa.Text), sa.Column("word_count", sa.Integer))
    with Store.open(store_url) as s:
        for _ in range(2):
            with s.engine.begin() as conn:
                add_column_if_missing(conn, later.c.word_count)
        with s.engine.connect() as conn:
            cols = [c["name"] for c in sa.inspect(conn).get_columns("articles")]
    assert cols.count("word_count") == 1


def test_schema_older_than_the_code_is_reported(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    Store.open(f"sqlite:///{db}").close()
    raw = sqlite3.connect(db)
    raw.execute("ALTER TABLE events DROP COLUMN trigger_text")
    raw.commit()
    raw.close()
    with pytest.raises(StoreError, match="trigger_text"):
        Store.open(f"sqlite:///{db}")


def test_events_table_has_every_record_field() -> None:
    from eventwire.record import FIELDS

    assert [c.name for c in tables.events.columns] == [*FIELDS, "created_at"]


def test_sqlite_readers_do_not_block_a_writer(tmp_path: Path) -> None:
    from .strategies import event, result

    url = f"sqlite:///{tmp_path / 'wal.db'}"
    with Store.open(url) as reader, Store.open(url) as writer:
        writer.ingest([result("a", "a", [event("a", 0), event("a", 1)])])
        it = reader.events()
        assert next(it).event_id == "a-e0"  # a read transaction is open
        stats = writer.ingest([result("b", "b", [event("b", 0)])])  # WAL: the writer goes ahead
        assert stats.events_written == 1
        assert [e.event_id for e in it] == ["a-e1"]  # the reader keeps its snapshot
        assert len(list(reader.events())) == 3


def test_concurrent_first_opens_migrate_once(store_url: str) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def open_close(_: int) -> list[str]:
        with Store.open(store_url) as s, s.engine.connect() as conn:
            return applied(conn)

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(open_close, range(4)))
    assert results == [[name for name, _ in MIGRATIONS]] * 4


def test_a_database_from_before_fusion_is_upgraded(tmp_path: Path) -> None:
    """A store written by eventwire before migration 0002 gains the fusion columns and keeps its rows."""
    db = tmp_path / "v1.db"
    raw = sqlite3.connect(db)
    raw.executescript("""
        CREATE TABLE articles (article_id TEXT PRIMARY KEY, text_sha256 TEXT NOT NULL, published TEXT,
            title TEXT, url TEXT, source TEXT, language TEXT, origin TEXT, ingested_at TEXT NOT NULL,
            n_events INTEGER NOT NULL);
        INSERT INTO articles VALUES ('a', 'x', NULL, NULL, NULL, NULL, NULL, NULL, '2024', 1);
        CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL);
        INSERT INTO migrations VALUES ('0001_initial', '2024');
    """)
    cols = ", ".join(f'"{c.name}" {c.type.compile(dialect=sa.dialects.sqlite.dialect())}'
                     for c in tables.events.columns if c.name not in ("fused_into", "fusion_reason"))
    raw.execute(f"CREATE TABLE events ({cols})")
    raw.execute("INSERT INTO events (event_id, article_id, event_type, created_at) VALUES ('e', 'a', 'ASSAULT', '2024')")
    for t in (tables.event_sources, tables.places):
        raw.execute(str(sa.schema.CreateTable(t).compile(dialect=sa.dialects.sqlite.dialect())))
    raw.commit()
    raw.close()
    with Store.open(f"sqlite:///{db}") as s:
        with s.engine.connect() as conn:
            assert applied(conn) == ["0001_initial", "0002_events_fusion", "0003_articles_text"]
        (ev,) = list(s.events())
        assert ev.event_id == "e" and ev.fused_into is None
