"""What the tests need from outside the repository, in one place.

Each `need_*` returns the resource, or skips the test with a message saying how to provide it. When the
resource is *required* the test fails instead, so that a CI run never passes by skipping: the gold data and
the server extra are required under CI=true; PostgreSQL, Chromium and Spark when their EVENTWIRE_REQUIRE_*
variable is 1, which `.ci/run` sets once it has started or installed them.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))
PG_ENV = "EVENTWIRE_TEST_PG_URL"
PG_FLAG = "EVENTWIRE_REQUIRE_PG"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def required(flag: str | None = None) -> bool:
    """With a `flag` (an EVENTWIRE_REQUIRE_* variable): whether it is 1; without: whether CI=true."""
    return os.environ.get(flag) == "1" if flag else os.environ.get("CI") == "true"


def missing(msg: str, *, flag: str | None = None, module_level: bool = False) -> NoReturn:
    """Skip with `msg`, or fail when the resource is required."""
    if required(flag):
        pytest.fail(f"{msg} ({flag or 'CI=true'}: it must be present)", pytrace=False)
    pytest.skip(msg, allow_module_level=module_level)


def need_shared() -> Path:
    """The ../shared folder of gold data."""
    if SHARED.is_dir():
        return SHARED
    missing(f"gold data folder {SHARED} is absent (set EVENTWIRE_SHARED to its path)")


def need_server(module_level: bool = True) -> None:
    """fastapi and httpx (the server extra), importable."""
    for name in ("fastapi", "httpx"):
        if importlib.util.find_spec(name) is None:
            missing(f"the server tests need eventwire[server] and httpx ({name} is missing): "
                    "pip install -e '.[dev,server]'", module_level=module_level)


def need_chromium() -> str:
    """A headless-capable Chromium: $EVENTWIRE_CHROMIUM or one of BROWSERS on PATH."""
    own = os.environ.get("EVENTWIRE_CHROMIUM")
    found = own if own and shutil.which(own) else next(filter(None, map(shutil.which, BROWSERS)), None)
    if found:
        return found
    missing(f"no Chromium found (looked for {', '.join(BROWSERS)} and $EVENTWIRE_CHROMIUM): "
            "install it (Debian: apt-get install chromium) to test the dashboard in a browser",
            flag="EVENTWIRE_REQUIRE_CHROMIUM")


def need_spark() -> None:
    """pyspark and a Java runtime; called at module level."""
    if importlib.util.find_spec("pyspark") is None:
        why = "pyspark is not installed (pip install 'eventwire[spark]')"
    elif not shutil.which("java") and not (Path(os.environ.get("JAVA_HOME", "/nonexistent")) / "bin" / "java").exists():
        why = "no Java runtime (java on PATH or JAVA_HOME) for pyspark"
    else:
        return
    missing(f"Spark tests skipped: {why}", flag="EVENTWIRE_REQUIRE_SPARK", module_level=True)


def need_pg_url() -> str:
    """The URL of a PostgreSQL database the tests may create schemas in, with psycopg importable."""
    url = os.environ.get(PG_ENV)
    if not url:
        missing(f"PostgreSQL tests need {PG_ENV}=postgresql://user:password@host/db "
                "(a database the tests may create schemas in)", flag=PG_FLAG)
    if importlib.util.find_spec("psycopg") is None:
        missing("PostgreSQL tests need psycopg: pip install 'psycopg[binary]'", flag=PG_FLAG)
    return url


def pg_schema_url(prefix: str = "ew_test") -> Iterator[str]:
    """Yield a URL whose connections use a fresh PostgreSQL schema; drop the schema afterwards."""
    import sqlalchemy as sa

    base = sa.engine.make_url(need_pg_url()).set(drivername="postgresql+psycopg")
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        yield base.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
            hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()
