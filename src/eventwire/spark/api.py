"""The driver side: DataFrames of articles in, DataFrames (or files) of events out."""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date
from functools import partial
from typing import Any

from pyspark.sql import Column, DataFrame, SparkSession
from pyspark.sql import functions as F

from ..article import ReadProblem
from ..errors import ConfigError
from ..summary import RunSummary
from . import files, worker
from .counting import by_prefix, new_counter
from .schema import ARTICLE_SCHEMA, PROBLEM_SCHEMA, event_schema

OUTPUT_FORMATS = ("parquet", "jsonl")
MAX_REPORTED_PROBLEMS = 1000  # as RunSummary keeps


def _paths(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[str]:
    if isinstance(paths, (str, os.PathLike)):
        return [os.fspath(paths)]
    return [os.fspath(p) for p in paths]


def _binary_files(spark: SparkSession, paths: list[str], partitions: int | None) -> tuple[Any, list[ReadProblem]]:
    names, missing = files.list_files(spark, paths)
    sc = spark.sparkContext
    if not names:
        return sc.emptyRDD(), missing
    n = partitions or sc.defaultParallelism
    return sc.binaryFiles(",".join(names), minPartitions=n), missing


def read_articles(spark: SparkSession, paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
                  date: date | None = None, partitions: int | None = None, counter: Any = None) -> DataFrame:
    """The articles in files and folders (JSON Lines, CSV, and the other formats `eventwire extract`
    reads), one row each: id, text, published (YYYY-MM-DD or null), title, url, source, language, origin
    (file:line) and date_note. Ids, dates and skipped input are exactly those of the CLI's readers (a
    missing id is the first 16 hex digits of the sha256 of the text); read_problems() lists what was
    skipped, and `counter` (counting.new_counter) counts it. `date` overrides every publication date.
    `partitions`: spread the articles over this many partitions (a shuffle); by default each partition
    holds whole files."""
    rdd, missing = _binary_files(spark, _paths(paths), partitions)
    if counter is not None:
        for problem in missing:
            counter.add({f"skipped:{problem.code}": 1})
    rows = rdd.flatMap(partial(files.file_items, date=date, counter=counter, want="articles"))
    if partitions:
        rows = rows.repartition(partitions)
    return spark.createDataFrame(rows, ARTICLE_SCHEMA)


def read_problems(spark: SparkSession, paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
                  date: date | None = None) -> DataFrame:
    """What read_articles() skips in the same input, one row each: origin (file:line), code (errors.py
    READ_* codes) and message, as `eventwire extract` reports them on stderr."""
    rdd, missing = _binary_files(spark, _paths(paths), None)
    rows = rdd.flatMap(partial(files.file_items, date=date, counter=None, want="problems"))
    found = spark.createDataFrame(rows, PROBLEM_SCHEMA)
    if not missing:
        return found
    return spark.createDataFrame([files.problem_tuple(p) for p in missing], PROBLEM_SCHEMA).union(found)


def _input_columns(df: DataFrame, id_col: str | None, text_col: str, date_col: str | None,
                   title_col: str | None, url_col: str | None, source_col: str | None,
                   language_col: str | None) -> DataFrame:
    """`df` with only the worker's INPUT_COLUMNS, renamed; absent optional columns are null."""
    have = set(df.columns)
    if text_col not in have:
        raise ConfigError(f"the DataFrame has no {text_col!r} column (columns: {', '.join(df.columns)}); "
                          "pass text_col= the column that holds the article text")
    # None: the column of the canonical name when the DataFrame has one (read_articles() output does).
    wanted = {"id": id_col, "text": text_col, "published": date_col, "title": title_col or "title",
              "url": url_col or "url", "source": source_col or "source", "language": language_col or "language",
              "origin": "origin", "date_note": "date_note"}
    explicit = {"title": title_col, "url": url_col, "source": source_col, "language": language_col,
                "id": id_col if id_col != "id" else None,
                "published": date_col if date_col != "published" else None}
    cols: list[Column] = []
    for name in worker.INPUT_COLUMNS:
        col = wanted[name]
        if col is not None and col in have:
            cols.append(F.col(col).alias(name))
        elif explicit.get(name):
            raise ConfigError(f"the DataFrame has no {col!r} column (columns: {', '.join(df.columns)})")
        else:
            cols.append(F.lit(None).cast("string").alias(name))
    return df.select(*cols)


def extract_dataframe(df: DataFrame, id_col: str | None = "id", text_col: str = "text",
                      date_col: str | None = "published", title_col: str | None = None,
                      url_col: str | None = None, source_col: str | None = None,
                      language_col: str | None = None, counter: Any = None) -> DataFrame:
    """Code the articles of `df` into events: one row per event, columns event_schema() (the fields of
    eventwire.record.Event). Rows are the same as `eventwire extract` gives for the same articles.

    A missing or absent id is the text's hash; the date column may be a string (ISO or RFC 822 date),
    a date or a timestamp. title/url/source/language default to the columns of those names, if present.
    Rows without text or with an impossible date are skipped (problems_dataframe() lists them, `counter`
    counts them). Each Python worker loads the Pipeline once and codes its partitions in batches."""
    inputs = _input_columns(df, id_col, text_col, date_col, title_col, url_col, source_col, language_col)
    schema = event_schema()
    kinds = [(f.name, f.dataType.typeName()) for f in schema.fields]
    rows = inputs.rdd.mapPartitions(partial(worker.extract_partition, schema_kinds=kinds, counter=counter))
    return df.sparkSession.createDataFrame(rows, schema)


def problems_dataframe(df: DataFrame, id_col: str | None = "id", text_col: str = "text",
                       date_col: str | None = "published") -> DataFrame:
    """The rows extract_dataframe() skips: origin (the row's `origin` column, else its id), code, message."""
    inputs = _input_columns(df, id_col, text_col, date_col, None, None, None, None)
    return df.sparkSession.createDataFrame(inputs.rdd.mapPartitions(worker.problem_partition), PROBLEM_SCHEMA)


def extract_files(spark: SparkSession, paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
                  output: str | os.PathLike[str], format: str = "parquet", date: date | None = None,
                  partitions: int | None = None, mode: str = "errorifexists") -> RunSummary:
    """Read articles from `paths`, code them and write the events to the folder `output` (Spark writes
    part files): Parquet, or JSON Lines with nulls kept as in `eventwire extract`. Returns a RunSummary
    (articles, events, place mentions, skipped input by code with up to 1000 problems) for stderr.
    `partitions` (default: 4 x the cluster's cores) spreads the articles evenly over the workers."""
    fmt = format.lower()
    if fmt not in OUTPUT_FORMATS:
        raise ConfigError(f"unknown Spark output format {format!r}: choose one of {', '.join(OUTPUT_FORMATS)}")
    if mode in ("error", "errorifexists") and files.path_exists(spark, os.fspath(output)):
        raise ConfigError(f"the output folder {os.fspath(output)} exists; remove it or overwrite it "
                          "(mode='overwrite', --overwrite)")
    summary = RunSummary()
    counter = new_counter(spark)
    n = partitions or 4 * spark.sparkContext.defaultParallelism
    events = extract_dataframe(read_articles(spark, paths, date, n, counter), counter=counter)
    writer = events.write.mode(mode)
    if fmt == "parquet":
        writer.parquet(os.fspath(output))
    else:
        writer.option("ignoreNullFields", "false").json(os.fspath(output))
    counts = dict(counter.value)
    summary.articles, summary.events = counts.get("articles", 0), counts.get("events", 0)
    summary.places = counts.get("places", 0)
    summary.extra["pipeline loads"] = counts.get("pipeline_loads", 0)
    summary.event_types.update(by_prefix(counts, "type:"))
    summary.skipped.update(by_prefix(counts, "skipped:"))
    if summary.skipped:
        problems = read_problems(spark, paths, date).limit(MAX_REPORTED_PROBLEMS).collect()
        summary.problems = [ReadProblem(r["origin"], r["code"], r["message"]) for r in problems]
    return summary

