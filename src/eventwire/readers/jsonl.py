"""JSON Lines: one article per line, read line by line so input larger than memory works."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from ..article import Article, ReadProblem
from ..errors import READ_BAD_JSON, READ_BINARY, READ_UNREADABLE
from .decode import NotText, decode_line, iter_file_lines
from .records import record_to_article


def read_jsonl_lines(lines: Iterable[str | bytes], source: str, date: date | None = None
                     ) -> Iterator[Article | ReadProblem]:
    """Articles from JSON Lines; a bad line yields a ReadProblem at `source:line` and reading goes on.
    Blank lines are skipped."""
    lineno = 0
    try:
        for lineno, raw in enumerate(lines, 1):
            origin = f"{source}:{lineno}"
            try:
                line = decode_line(raw)
            except NotText as err:
                yield ReadProblem(origin, READ_BINARY, f"line {err}; JSON Lines must be text")
                continue
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                yield ReadProblem(origin, READ_BAD_JSON,
                                  f"invalid JSON ({err.msg} at column {err.colno}); write one JSON object per line")
                continue
            if not isinstance(obj, dict):
                yield ReadProblem(origin, READ_BAD_JSON,
                                  f"a JSON {type(obj).__name__} where an object with a `text` field was expected")
                continue
            yield record_to_article(obj, origin, date)
    except UnicodeDecodeError as err:
        yield ReadProblem(f"{source}:{lineno + 1}", READ_BINARY, f"cannot decode the file ({err.reason})")
    except OSError as err:
        where = f"{source}:{lineno + 1}" if lineno else source
        yield ReadProblem(where, READ_UNREADABLE, f"cannot read: {err.strerror or err}")


def read_jsonl_file(path: Path, date: date | None = None) -> Iterator[Article | ReadProblem]:
    yield from read_jsonl_lines(iter_file_lines(path), str(path), date)
