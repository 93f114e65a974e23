"""Named schema migrations, applied in order, each once, recorded in the `migrations` table
(the sqlite-utils way), the same for SQLite and PostgreSQL.

Each migration is a function of an open connection inside a transaction, and must be idempotent on
its own: it checks before it changes (create tables only if absent, add a column only if missing), so
that a fresh database (where 0001 already creates every current column) and an old one end the same.
To change the schema: change tables.py, then append a migration here, e.g.

    ("0002_events_add_foo", lambda conn: add_column_if_missing(conn, tables.events.c.foo)),

Never rename or reorder applied migrations."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import sqlalchemy as sa

from . import tables

Migration = Callable[[sa.Connection], None]
_PG_LOCK_KEY = 0x6576656E7477  # "eventw": the advisory lock that serialises migrations

migrations_table = sa.Table(
    "migrations", sa.MetaData(),
    sa.Column("name", sa.Text, primary_key=True),
    sa.Column("applied_at", sa.Text, nullable=False),
)


def add_column_if_missing(conn: sa.Connection, column: sa.Column[object]) -> None:
    """ALTER TABLE ... ADD COLUMN for a column of tables.py, unless the table already has it."""
    table = column.table
    have = {c["name"] for c in sa.inspect(conn).get_columns(table.name)}
    if column.name in have:
        return
    prep = conn.dialect.identifier_preparer
    coltype = column.type.compile(dialect=conn.dialect)
    conn.exec_driver_sql(
        f"ALTER TABLE {prep.format_table(table)} ADD COLUMN {prep.format_column(column)} {coltype}")


def _0001_initial(conn: sa.Connection) -> None:
    tables.metadata.create_all(conn, checkfirst=True)


def _0002_fusion(conn: sa.Connection) -> None:
    add_column_if_missing(conn, tables.events.c.fused_into)
    add_column_if_missing(conn, tables.events.c.fusion_reason)
    index = next(i for i in tables.events.indexes if i.name == "ix_events_fused_into")
    index.create(conn, checkfirst=True)


def _0003_article_text(conn: sa.Connection) -> None:
    add_column_if_missing(conn, tables.articles.c.text)


MIGRATIONS: list[tuple[str, Migration]] = [
    ("0001_initial", _0001_initial),
    ("0002_events_fusion", _0002_fusion),
    ("0003_articles_text", _0003_article_text),
]


def applied(conn: sa.Connection) -> list[str]:
    """Names of the migrations already recorded, in the order they were applied."""
    rows = conn.execute(sa.select(migrations_table.c.name).order_by(migrations_table.c.applied_at,
                                                                    migrations_table.c.name))
    return [r[0] for r in rows]


def _pending(engine: sa.Engine, todo: list[tuple[str, Migration]]) -> bool:
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table(migrations_table.name):
            return True
        done = set(applied(conn))
    return any(name not in done for name, _ in todo)


def migrate(engine: sa.Engine, migrations: list[tuple[str, Migration]] | None = None) -> list[str]:
    """Apply the migrations not yet recorded, each in its own transaction; return their names.

    Safe when several processes open the same database at once: writers are serialised (SQLite:
    BEGIN IMMEDIATE, see store.py; PostgreSQL: a transaction-level advisory lock) and each migration is
    checked again under the lock. Opening an up-to-date database only reads."""
    todo = MIGRATIONS if migrations is None else migrations
    if not _pending(engine, todo):
        return []
    ran: list[str] = []
    for name, fn in todo:
        with engine.connect() as conn:
            conn = conn.execution_options(eventwire_write=True)
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
                migrations_table.create(conn, checkfirst=True)
                if name in applied(conn):
                    continue
                fn(conn)
                conn.execute(migrations_table.insert().values(
                    name=name, applied_at=datetime.now(UTC).isoformat(timespec="microseconds")))
        ran.append(name)
    return ran
