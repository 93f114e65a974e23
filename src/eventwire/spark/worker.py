"""What runs on the executors: one Pipeline per Python worker process, partitions coded in batches.

No pyspark here: the partition functions take any iterator of Spark Rows or dicts, and the accumulator
is whatever has an `add` method."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import chain
from typing import Any

from ..article import Article, ReadProblem
from ..pipeline import Pipeline
from ..readers.records import record_to_article
from ..record import Event

# Once per Python worker process (Spark reuses its workers across tasks: spark.python.worker.reuse), lazily
# on the first partition that has an article; or inherited, already loaded, from eventwire.spark.daemon.
_PIPELINE: Pipeline | None = None

# The canonical names extract_dataframe() selects the user's columns into, before the rows are shipped.
INPUT_COLUMNS = ("id", "text", "published", "title", "url", "source", "language", "origin", "date_note")


def worker_pipeline() -> Pipeline:
    """This process's Pipeline, built on first use."""
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = Pipeline()
    return _PIPELINE


def row_origin(row: Mapping[str, Any]) -> str:
    """Where a row came from, for problem reports: its `origin` column, else its id."""
    if row.get("origin"):
        return str(row["origin"])
    return f"row id={row['id']}" if row.get("id") not in (None, "") else "row without id"


def row_to_item(row: Mapping[str, Any]) -> Article | ReadProblem:
    """A row with the INPUT_COLUMNS to an Article (or a ReadProblem: no text, impossible date), by the same
    rules as the JSON Lines and CSV readers: a missing id is the text's hash, the text is kept as is."""
    record = {k: row.get(k) for k in ("id", "text", "published", "title", "url", "source", "language")}
    item = record_to_article(record, row_origin(row), None)
    note = row.get("date_note")
    if isinstance(item, Article) and item.published is None and note:
        item = dataclasses.replace(item, date_note=str(note))
    return item


def _converter(kind: str) -> Callable[[Any], Any]:
    casts: dict[str, Callable[[Any], Any]] = {"long": int, "double": float, "boolean": bool, "string": str,
                                              "array": lambda v: [str(x) for x in v]}
    cast = casts.get(kind, str)
    return lambda v: None if v is None else cast(v)


def event_row_maker(schema_kinds: Iterable[tuple[str, str]]) -> Callable[[Event], tuple[Any, ...]]:
    """A function from an Event to a tuple in schema order, each value cast to its column's type
    (Spark refuses an int in a double column). `schema_kinds` is [(field, 'long'|'double'|...)]."""
    pairs = [(name, _converter(kind)) for name, kind in schema_kinds]

    def make(ev: Event) -> tuple[Any, ...]:
        d = ev.to_dict()
        return tuple(conv(d.get(name)) for name, conv in pairs)

    return make


def extract_partition(rows: Iterable[Any], schema_kinds: list[tuple[str, str]], counter: Any = None
                      ) -> Iterator[tuple[Any, ...]]:
    """Code one partition: rows (Spark Rows or dicts with the INPUT_COLUMNS) in, event tuples out.
    The articles stream through Pipeline.run, which parses them with nlp.pipe in batches. A bad row is
    skipped and counted in `counter` (a Spark accumulator of {key: count}) under its problem code.
    A partition without articles never loads the pipeline."""
    make = event_row_maker(schema_kinds)
    articles = _skip_problems((row_to_item(_as_dict(r)) for r in rows), counter)
    first = next(articles, None)
    if first is None:
        return
    if counter is not None and _PIPELINE is None:
        counter.add({"pipeline_loads": 1})
    for result in worker_pipeline().run(chain([first], articles)):
        if isinstance(result, ReadProblem):  # not reached: problems were taken out above
            continue
        if counter is not None:
            counts = {"articles": 1, "events": len(result.events), "places": len(result.places)}
            for ev in result.events:
                counts[f"type:{ev.event_type}"] = counts.get(f"type:{ev.event_type}", 0) + 1
            counter.add(counts)
        for ev in result.events:
            yield make(ev)


def _skip_problems(items: Iterator[Article | ReadProblem], counter: Any) -> Iterator[Article]:
    for item in items:
        if isinstance(item, ReadProblem):
            if counter is not None:
                counter.add({f"skipped:{item.code}": 1})
            continue
        yield item


def problem_partition(rows: Iterable[Any]) -> Iterator[tuple[str, str, str]]:
    """The rows extract_partition() skips, as (origin, code, message); no NLP, so this is cheap."""
    for r in rows:
        item = row_to_item(_as_dict(r))
        if isinstance(item, ReadProblem):
            yield (item.origin, item.code, item.message)


def _as_dict(row: Any) -> dict[str, Any]:
    return row.asDict() if hasattr(row, "asDict") else dict(row)
