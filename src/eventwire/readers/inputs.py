"""Paths and stdin to articles: walk folders, pick each file's reader, hand it the bytes or lines."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import chain
from pathlib import Path
from typing import IO, Any

from ..article import Article, ReadProblem
from ..errors import READ_BAD_FEED, READ_BINARY, READ_NO_TEXT, READ_UNREADABLE
from . import detect
from .csvfile import read_csv_file
from .decode import lenient_text
from .feed import read_feed
from .html import read_html
from .jsonl import read_jsonl_file, read_jsonl_lines
from .text import read_dated_text

STDIN = "-"
STDIN_ORIGIN = "<stdin>"

Item = Article | ReadProblem


def read(paths: Iterable[str | os.PathLike[str]], date: date | None = None, stdin: IO[Any] | None = None
         ) -> Iterator[Item]:
    """Articles from files, folders (recursively, in sorted order, hidden files skipped) and `-` (stdin),
    in input order. Input that cannot be read yields a ReadProblem and the rest is still read.
    `date`, when given, is the publication date of every article, whatever the input says."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for raw in paths:
        if str(raw) == STDIN:
            yield from read_stream(stdin if stdin is not None else _sys_stdin(), date)
            continue
        path = Path(raw)
        if path.is_dir():
            for found in walk(path):
                if isinstance(found, ReadProblem):
                    yield found
                else:
                    yield from read_file(found, date)
        else:
            yield from read_file(path, date)


def _sys_stdin() -> IO[Any]:
    return getattr(sys.stdin, "buffer", sys.stdin)  # bytes, so decoding is ours


def walk(folder: Path, _seen: set[str] | None = None) -> Iterator[Path | ReadProblem]:
    """Files under `folder` a reader can read (see detect.is_readable_name), sorted by name at each
    level, skipping names that start with "." (a folder linked into itself is walked once)."""
    seen = set() if _seen is None else _seen
    real = os.path.realpath(folder)
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as err:
        yield ReadProblem(str(folder), READ_UNREADABLE, f"cannot list the folder: {err.strerror or err}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from walk(path, seen)
        elif detect.is_readable_name(path):
            yield path


def read_file(path: Path, date: date | None = None) -> Iterator[Item]:
    """The articles of one file, read by the format its extension (then its content) names."""
    origin = str(path)
    fmt = detect.format_from_extension(path)
    if fmt == detect.JSONL:
        yield from read_jsonl_file(path, date)
        return
    if fmt == detect.CSV:
        yield from read_csv_file(path, date)
        return
    try:
        if fmt in (None, detect.XML):
            with open(path, "rb") as handle:
                head = handle.read(detect.HEAD_BYTES)
            found = detect.format_from_content(lenient_text(head))
            if fmt == detect.XML and found not in (detect.FEED, detect.HTML):
                yield ReadProblem(origin, READ_BAD_FEED,
                                  "an .xml file without an RSS/Atom root (<rss>, <feed> or <rdf:RDF>)")
                return
            if found == detect.JSONL:
                yield from read_jsonl_file(path, date)
                return
            fmt = found
        data = path.read_bytes()
    except OSError as err:
        yield ReadProblem(origin, READ_UNREADABLE, f"cannot read: {err.strerror or err}")
        return
    yield from read_document(fmt, data, path.stem, origin, date)


def read_document(fmt: str, data: str | bytes, article_id: str | None, origin: str, date: date | None
                  ) -> Iterator[Item]:
    """A whole document (dated text, HTML page or feed) already in memory."""
    if fmt == detect.FEED:
        yield from read_feed(data, origin, date)
    elif fmt == detect.HTML:
        yield from read_html(data, article_id, origin, date)
    else:
        yield from read_dated_text(data, article_id, origin, date)


def read_stream(stream: Iterable[str] | Iterable[bytes], date: date | None = None,
                origin: str = STDIN_ORIGIN) -> Iterator[Item]:
    """Articles from a stream (stdin) of text or bytes: JSON Lines when the first non-blank line starts
    with `{` (read line by line), else one document detected by content. Ids are text hashes."""
    lines: Iterator[Any] = iter(stream)
    head: list[Any] = []
    try:
        for line in lines:
            head.append(line)
            if line.strip():
                break
        if head and lenient_text(head[-1]).lstrip().startswith("{"):
            yield from read_jsonl_lines(chain(head, lines), origin, date)
            return
        head.extend(lines)
    except OSError as err:
        yield ReadProblem(origin, READ_UNREADABLE, f"cannot read: {err.strerror or err}")
        return
    except UnicodeDecodeError as err:
        yield ReadProblem(origin, READ_BINARY, f"not text: cannot decode standard input ({err.reason})")
        return
    if not head:
        yield ReadProblem(origin, READ_NO_TEXT, "nothing on standard input")
        return
    data: str | bytes = b"".join(head) if isinstance(head[0], bytes) else "".join(head)
    fmt = detect.format_from_content(lenient_text(data[:detect.HEAD_BYTES]))
    yield from read_document(fmt, data, None, origin, date)
