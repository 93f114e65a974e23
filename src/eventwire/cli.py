"""The eventwire command line: parse options, call the Python API, format output. No logic of its own.

Data goes to stdout (or -o FILE), messages to stderr. Exit status: 0 everything was read; 3 some input was
skipped (reported on stderr); 1 nothing could be read, or an error (one line on stderr); 2 bad usage."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any, TypeVar

import click

from .article import ReadProblem
from .errors import EventwireError
from .record import Event, PlaceMention

F = TypeVar("F", bound=Callable[..., Any])

TABLE_COLUMNS = [("event_date", "date"), ("event_type", "type"), ("event_mode", "mode"),
                 ("actor1_name", "actor"), ("actor1_country", "c1"), ("actor2_name", "target"),
                 ("actor2_country", "c2"), ("location_name", "where"), ("country_iso3", "iso3"),
                 ("fatalities", "killed"), ("injured", "hurt"), ("claim_status", "claim")]


def _stderr() -> Any:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from exc


def date_option(f: F) -> F:
    return click.option("--date", "date_", callback=_parse_date, metavar="YYYY-MM-DD",
                        help="Publication date for articles that have none (overrides a text file's date).")(f)


def db_option(f: F) -> F:
    return click.option("--db", envvar="EVENTWIRE_DB", default=None, metavar="URL",
                        help="Database URL: sqlite:///path.db (default sqlite:///eventwire.db) or "
                             "postgresql://user@host/db; also $EVENTWIRE_DB.")(f)


def filter_options(f: F) -> F:
    opts = [
        click.option("--type", "type_", help="PLOVER event type, e.g. ASSAULT."),
        click.option("--country", help="ISO3 code of an actor or of the event's place."),
        click.option("--since", callback=_parse_date, metavar="YYYY-MM-DD", help="Events on or after."),
        click.option("--until", callback=_parse_date, metavar="YYYY-MM-DD", help="Events on or before."),
        click.option("--actor", help="Text in an actor's name (case-insensitive)."),
        click.option("--near", metavar="LAT,LON,KM", help="Events within KM of a point."),
        click.option("--limit", type=int, help="At most this many events."),
        click.option("--with-fused", "fused", is_flag=True,
                     help="Also list reports fused into another article's event (see `eventwire fuse`)."),
    ]
    for o in reversed(opts):
        f = o(f)
    return f


def _filters(type_: str | None, country: str | None, since: date | None, until: date | None,
             actor: str | None, near: str | None, limit: int | None, fused: bool = False) -> Any:
    from .filters import FilterError, parse_filter

    try:
        return parse_filter(type=type_, country=country, since=since, until=until, actor=actor,
                            near=near, limit=limit, fused=fused)
    except FilterError as exc:
        raise click.UsageError(str(exc)) from None


def _open_existing(db: str | None) -> Any:
    """The store, for commands that only read: a SQLite file that does not exist is an error, not a new
    empty database."""
    from pathlib import Path

    from . import open_store
    from .errors import StoreError
    from .store.store import resolve_url

    url = resolve_url(db)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:" \
            and not Path(url.database).exists():
        raise StoreError(f"no database at {url.database}: create it with `eventwire ingest PATH --db ...`")
    return open_store(db)


def _open_out(output: str | None, binary: bool = False) -> Any:
    if output in (None, "-"):
        return sys.stdout.buffer if binary else sys.stdout
    return open(output, "wb" if binary else "w", encoding=None if binary else "utf-8", newline="")


def _print_table(events: Iterable[Event], out: Any) -> int:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    for _, title in TABLE_COLUMNS:
        table.add_column(title, overflow="fold")
    n = 0
    for ev in events:
        d = ev.to_dict()
        table.add_row(*["" if d[k] is None else str(d[k]) for k, _ in TABLE_COLUMNS])
        n += 1
    Console(file=out, width=max(140, Console().width)).print(table)
    return n


def _write_events(events: Iterable[Event], fmt: str, output: str | None) -> int:
    if fmt == "table":
        return _print_table(events, _open_out(output))
    from .export import write_events

    out = output if output not in (None, "-") else (sys.stdout.buffer if fmt == "parquet" else sys.stdout)
    return write_events(events, fmt, out)


class Progress:
    """A progress bar on a terminal; a running count on stderr every `every` articles otherwise."""

    def __init__(self, label: str, every: int = 100):
        self.label = label
        self.every = every
        self.tty = sys.stderr.isatty()
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> Progress:
        if self.tty:
            from rich.progress import BarColumn, TextColumn, TimeElapsedColumn
            from rich.progress import Progress as RichProgress

            self._bar = RichProgress(TextColumn("{task.description}"), BarColumn(),
                                     TextColumn("{task.completed} articles, {task.fields[events]} events"),
                                     TimeElapsedColumn(), console=_stderr(), transient=True)
            self._bar.start()
            self._task = self._bar.add_task(self.label, total=None, events=0)
        return self

    def update(self, summary: Any) -> None:
        if self._bar is not None:
            self._bar.update(self._task, completed=summary.articles, events=summary.events)
        elif summary.articles % self.every == 0:
            click.echo(f"{self.label}: {summary.articles} articles, {summary.events} events", err=True)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()


def _report_problem(p: ReadProblem) -> None:
    click.echo(f"skipped {p}", err=True)


def _finish(summary: Any, quiet: bool = False) -> None:
    if not quiet:
        for line in summary.lines():
            click.echo(line, err=True)
    sys.exit(summary.exit_code())


def processes_option(f: F) -> F:
    return click.option("-p", "--processes", type=click.IntRange(1, 64), default=1, show_default=True,
                        help="Worker processes (each parses and codes whole batches).")(f)


def _coded(paths: tuple[str, ...], date_: date | None, summary: Any, progress: Progress,
           processes: int = 1) -> Iterator[Any]:
    from . import code
    from .pipeline import Pipeline

    pipeline = Pipeline(n_process=processes) if processes > 1 else None
    yield from summary.track(code(list(paths), date_, pipeline), on_problem=_report_problem,
                             on_article=progress.update)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="eventwire")
def cli() -> None:
    """eventwire: news articles in, geolocated, source-attributed PLOVER event records out."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@date_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "geojson", "table"]), default=None,
              help="Output format (default: table on a terminal, jsonl otherwise).")
@click.option("-o", "--output", default=None, help="Write to this file instead of stdout.")
@click.option("-q", "--quiet", is_flag=True, help="No summary on stderr.")
@processes_option
def extract(paths: tuple[str, ...], date_: date | None, fmt: str | None, output: str | None, quiet: bool,
            processes: int) -> None:
    """Code events from articles (files, folders, or - for stdin) and print them; no database."""
    from .summary import RunSummary

    if fmt is None:
        fmt = "table" if output is None and sys.stdout.isatty() else "jsonl"
    summary = RunSummary()
    with Progress("coding") as progress:
        events = (ev for r in _coded(paths, date_, summary, progress, processes) for ev in r.events)
        _write_events(events, fmt, output)
    _finish(summary, quiet)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@date_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default=None,
              help="Output format (default: table on a terminal, jsonl otherwise).")
@click.option("-q", "--quiet", is_flag=True, help="No summary on stderr.")
def geoparse(paths: tuple[str, ...], date_: date | None, fmt: str | None, quiet: bool) -> None:
    """Print every place mention found in the articles, resolved (one record per mention)."""
    from .summary import RunSummary

    if fmt is None:
        fmt = "table" if sys.stdout.isatty() else "jsonl"
    summary = RunSummary()
    mentions: list[PlaceMention] = []
    with Progress("geoparsing") as progress:
        for r in _coded(paths, date_, summary, progress):
            if fmt == "jsonl":
                for m in r.places:
                    sys.stdout.write(json.dumps(m.to_dict(), ensure_ascii=False) + "\n")
            else:
                mentions.extend(r.places)
    if fmt == "table":
        from rich.console import Console
        from rich.table import Table

        cols = ["article_id", "text", "start", "name", "country_iso3", "admin1", "latitude", "longitude",
                "feature_code", "confidence", "is_demonym"]
        table = Table(header_style="bold")
        for c in cols:
            table.add_column(c)
        for m in mentions:
            d = m.to_dict()
            table.add_row(*["" if d[c] is None else str(d[c]) for c in cols])
        Console().print(table)
    _finish(summary, quiet)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@date_option
@click.option("-q", "--quiet", is_flag=True, help="No summary on stderr.")
@processes_option
@click.option("--no-fuse", is_flag=True,
              help="Don't fuse new events with other articles' reports of the same event.")
def ingest(paths: tuple[str, ...], db: str | None, date_: date | None, quiet: bool, processes: int,
           no_fuse: bool) -> None:
    """Code articles into the database. Re-ingesting the same article changes nothing."""
    from . import open_store
    from .summary import RunSummary

    store = open_store(db)
    summary = RunSummary()
    with Progress("ingesting") as progress:
        stats = store.ingest(_coded(paths, date_, summary, progress, processes), fuse=not no_fuse)
    store.close()
    summary.extra.update({k: v for k, v in vars(stats).items() if isinstance(v, int)})
    _finish(summary, quiet)


@cli.command()
@db_option
@filter_options
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "geojson", "table"]), default=None,
              help="Output format (default: table on a terminal, jsonl otherwise).")
@click.option("-o", "--output", default=None, help="Write to this file instead of stdout.")
def events(db: str | None, fmt: str | None, output: str | None, **filters: Any) -> None:
    """Query stored events."""
    if fmt is None:
        fmt = "table" if output is None and sys.stdout.isatty() else "jsonl"
    store = _open_existing(db)
    n = _write_events(store.events(_filters(**filters)), fmt, output)
    store.close()
    click.echo(f"{n} events", err=True)


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "geojson", "parquet"]), required=True)
@click.option("-o", "--output", required=True, help="File to write.")
@filter_options
def export(db: str | None, fmt: str, output: str, **filters: Any) -> None:
    """Export stored events to a file."""
    store = _open_existing(db)
    n = _write_events(store.events(_filters(**filters)), fmt, output)
    store.close()
    click.echo(f"exported {n} events to {output}", err=True)


@cli.command()
@click.argument("field", required=False)
def explain(field: str | None) -> None:
    """Say which step and module decide FIELD of the event record (all fields without FIELD)."""
    from .explain import deciders
    from .explain import explain as explain_field

    if field is None:
        for d in deciders().values():
            click.echo(f"{d.field:<22} {d.step:<12} {d.path}")
        return
    try:
        d = explain_field(field)
    except KeyError as exc:
        raise click.UsageError(str(exc.args[0])) from None
    click.echo(f"{d.field}: decided by the {d.step} step, in {d.path}")
    if d.doc:
        click.echo(d.doc)


@cli.command()
@db_option
def fuse(db: str | None) -> None:
    """Fuse reports of the same event across articles again, over the whole database (after an
    ingest with --no-fuse, or after the fusion rules changed)."""
    store = _open_existing(db)
    n = store.fuse()
    total = store.stats()["events"]
    store.close()
    click.echo(f"fused {n} reports into other articles' events; {total} events remain", err=True)


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stats(db: str | None, as_json: bool) -> None:
    """Counts of stored articles and events, by type and country, and the date range."""
    store = _open_existing(db)
    s = store.stats()
    store.close()
    if as_json:
        click.echo(json.dumps(s, indent=2, default=str))
        return
    for k, v in s.items():
        if isinstance(v, dict):
            click.echo(f"{k}: " + ", ".join(f"{a} {b}" for a, b in v.items()))
        else:
            click.echo(f"{k}: {v}")


@cli.command(name="eval")
@click.argument("dataset")
@click.option("--limit", type=int, default=None, help="Score only the first N items (a fixed slice).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--shared", envvar="EVENTWIRE_SHARED", default=None, metavar="DIR",
              help="Folder holding data/ with the gold sets (default ../shared).")
def eval_(dataset: str, limit: int | None, as_json: bool, shared: str | None) -> None:
    """Score eventwire against gold data: plv, gsr, geo, lgl, tr-news, geowebnews, geovirus, gva, muc4,
    tempeval3, polnear, acled."""
    from .evaluate import run_eval, shared_path

    res = run_eval(dataset, shared_path(shared), limit)
    if as_json:
        click.echo(json.dumps(res, indent=2, default=str))
    else:
        for k, v in res.items():
            click.echo(f"{k}\t{v:.4f}" if isinstance(v, float) else f"{k}\t{v}")


@cli.command()
@click.option("--articles", type=int, default=200, help="Number of articles to code.")
@click.option("--processes", type=int, default=2, help="spaCy processes (nlp.pipe n_process).")
@click.option("--shared", envvar="EVENTWIRE_SHARED", default=None, metavar="DIR")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def bench(articles: int, processes: int, shared: str | None, as_json: bool) -> None:
    """Throughput and peak memory of extract, beside a bare spaCy parse of the same texts."""
    from .evaluate import shared_path
    from .evaluate.bench import run_bench

    res = run_bench(shared_path(shared), n_articles=articles, n_process=processes)
    if as_json:
        click.echo(json.dumps(res, indent=2, default=str))
    else:
        for k, v in res.items():
            click.echo(f"{k}\t{v:.3f}" if isinstance(v, float) else f"{k}\t{v}")


@cli.command(name="spark")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", required=True, help="Output folder (Spark writes part files into it).")
@click.option("--format", "fmt", type=click.Choice(["parquet", "jsonl"]), default="parquet", show_default=True,
              help="Output format.")
@click.option("--master", default=None, help="Spark master URL (default: spark-submit's, else local[*]).")
@click.option("--partitions", type=click.IntRange(1), default=None,
              help="Spread the articles over this many partitions (default: 4 x the cluster's cores).")
@click.option("--overwrite", is_flag=True, help="Replace the output folder if it exists.")
@date_option
@click.option("-q", "--quiet", is_flag=True, help="No summary on stderr.")
def spark(paths: tuple[str, ...], output: str, fmt: str, master: str | None, partitions: int | None,
          overwrite: bool, date_: date | None, quiet: bool) -> None:
    """Code large archives on Apache Spark into a folder of part files (needs eventwire[spark], Java 17+)."""
    from .spark import extract_files, get_session

    summary = extract_files(get_session(master), list(paths), output, format=fmt, date=date_,
                            partitions=partitions, mode="overwrite" if overwrite else "errorifexists")
    for problem in summary.problems:
        _report_problem(problem)
    _finish(summary, quiet)


# --- eventwire serve (server/): the REST API and the dashboard ----------------------------------------

@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on (0.0.0.0: every interface; the API has no authentication).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="TCP port.")
def serve(db: str | None, host: str, port: int) -> None:
    """REST API and web dashboard over the stored events (needs eventwire[server])."""
    from .errors import ConfigError

    try:
        import uvicorn

        from .server import create_app
    except ImportError as exc:
        raise ConfigError(f"`eventwire serve` needs the server extra ({exc.name} is not installed): "
                          "pip install 'eventwire[server]'") from exc
    store = _open_existing(db)
    click.echo(f"serving {store.url} at http://{host}:{port}/ (API schema: /openapi.json); Ctrl-C stops",
               err=True)
    uvicorn.run(create_app(store=store), host=host, port=port, log_level="warning")


def main() -> None:
    try:
        cli(standalone_mode=True)
    except EventwireError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
