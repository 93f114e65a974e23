"""Article files on any Hadoop file system (local, HDFS, S3) to Articles, with eventwire's own readers.

The driver lists the files the way `eventwire extract` walks a folder (recursively, sorted, hidden
names and non-article extensions passed over); each file is then read whole on an executor
(SparkContext.binaryFiles) by the reader its extension (then its content) names, so ids, dates and
problems are exactly those of the CLI. One file is one unit of reading: split very large files."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from ..article import Article, ReadProblem
from ..errors import READ_BAD_FEED, READ_UNREADABLE
from ..readers import detect
from ..readers.csvfile import read_csv_lines
from ..readers.decode import bom_encoding, lenient_text
from ..readers.inputs import read_document
from ..readers.jsonl import read_jsonl_lines

Item = Article | ReadProblem


def list_files(spark: Any, paths: list[str]) -> tuple[list[str], list[ReadProblem]]:
    """The article files under `paths` (files or folders, any Hadoop URI), and the paths that are missing."""
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    files: list[str] = []
    problems: list[ReadProblem] = []
    for raw in paths:
        path = jvm.org.apache.hadoop.fs.Path(str(raw))
        fs = path.getFileSystem(conf)
        if not fs.exists(path):
            problems.append(ReadProblem(str(raw), READ_UNREADABLE, "cannot read: no such file or folder"))
            continue
        if fs.getFileStatus(path).isFile():
            files.append(str(fs.makeQualified(path)))  # a file named explicitly is read whatever its name
            continue
        found: list[str] = []
        base = PurePosixPath(str(fs.makeQualified(path).toUri().getPath()))
        listing = fs.listFiles(path, True)
        while listing.hasNext():
            status = listing.next()
            rel = PurePosixPath(str(status.getPath().toUri().getPath()))
            parts = rel.relative_to(base).parts if rel.is_relative_to(base) else rel.parts
            if any(p.startswith(".") for p in parts) or not detect.is_readable_name(rel):
                continue
            found.append(str(status.getPath()))
        files.extend(sorted(found, key=lambda u: PurePosixPath(u).parts))
    return files, problems


def path_exists(spark: Any, path: str) -> bool:
    """Whether `path` (any Hadoop URI) exists."""
    jpath = spark.sparkContext._jvm.org.apache.hadoop.fs.Path(path)
    return bool(jpath.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).exists(jpath))


def display_origin(uri: str) -> str:
    """A Hadoop path as the CLI would name the file: `file:/data/a.jsonl` -> `/data/a.jsonl`."""
    return uri.removeprefix("file://").removeprefix("file:")


def _lines(data: bytes) -> Iterator[str | bytes]:
    """The file's lines as readers.decode.iter_file_lines gives them for a file on disk."""
    encoding = bom_encoding(data[:4])
    if encoding in (None, "utf-8-sig"):
        yield from io.BytesIO(data)
        return
    yield from io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline="")


def read_bytes(uri: str, data: bytes, date: date | None = None) -> Iterator[Item]:
    """The articles of one file's bytes, read as readers.inputs.read_file reads a file on disk."""
    origin = display_origin(uri)
    path = PurePosixPath(origin)
    fmt = detect.format_from_extension(path)  # type: ignore[arg-type]  # PurePath: only .suffix is read
    try:
        if fmt == detect.JSONL:
            yield from read_jsonl_lines(_lines(data), origin, date)
            return
        if fmt == detect.CSV:
            yield from read_csv_lines(_lines(data), origin, date)
            return
        if fmt in (None, detect.XML):
            found = detect.format_from_content(lenient_text(data[:detect.HEAD_BYTES]))
            if fmt == detect.XML and found not in (detect.FEED, detect.HTML):
                yield ReadProblem(origin, READ_BAD_FEED,
                                  "an .xml file without an RSS/Atom root (<rss>, <feed> or <rdf:RDF>)")
                return
            if found == detect.JSONL:
                yield from read_jsonl_lines(_lines(data), origin, date)
                return
            fmt = found
        yield from read_document(fmt, data, path.stem, origin, date)
    except UnicodeDecodeError as err:
        yield ReadProblem(origin, READ_UNREADABLE, f"cannot decode the file ({err.reason})")


def article_tuple(a: Article) -> tuple[str | None, ...]:
    """An Article as a row of schema.ARTICLE_SCHEMA."""
    return (a.id, a.text, a.published.isoformat() if a.published else None, a.title, a.url, a.source,
            a.language, a.origin, a.date_note)


def problem_tuple(p: ReadProblem) -> tuple[str, str, str]:
    return (p.origin, p.code, p.message)


def file_items(pair: tuple[str, bytes], date: date | None, counter: Any, want: str) -> Iterator[tuple[Any, ...]]:
    """Executor side of read_articles (want="articles") and read_problems (want="problems")."""
    uri, data = pair
    for item in read_bytes(uri, data, date):
        if isinstance(item, Article):
            if want == "articles":
                yield article_tuple(item)
        else:
            if counter is not None:
                counter.add({f"skipped:{item.code}": 1})
            if want == "problems":
                yield problem_tuple(item)
