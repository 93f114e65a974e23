"""CSV: a header row naming at least `text`, then one article per row, read row by row.

Rows are reported by the line they start on (a quoted field may span lines). The delimiter is the one
the header uses (`,`, `;`, tab or `|`)."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import chain
from pathlib import Path

from ..article import Article, ReadProblem
from ..errors import READ_BAD_CSV, READ_BINARY, READ_NO_TEXT, READ_UNREADABLE
from .decode import NotText, decode_line, iter_file_lines
from .records import record_to_article

# Article texts easily pass csv's default limit of 131072 characters per field.
FIELD_SIZE_LIMIT = min(sys.maxsize, 2**31 - 1)
_DELIMITERS = ",;\t|"


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv_lines(lines: Iterable[str | bytes], source: str, date: date | None = None
                   ) -> Iterator[Article | ReadProblem]:
    """Articles from CSV lines (with their line endings); a bad row yields a ReadProblem at
    `source:line` and reading goes on."""
    csv.field_size_limit(FIELD_SIZE_LIMIT)
    binary_lines: set[int] = set()

    def decoded() -> Iterator[str]:
        for lineno, raw in enumerate(lines, 1):
            try:
                yield decode_line(raw)
            except NotText:
                binary_lines.add(lineno)  # keep the line so the rows after it stay aligned
                text = raw.decode("latin-1") if isinstance(raw, bytes) else raw
                yield text.replace("\x00", "")

    try:
        text_lines = decoded()
        first = next(text_lines, None)
        if first is None:
            yield ReadProblem(source, READ_NO_TEXT, "empty CSV file; expected a header row naming `text`")
            return
        reader = csv.reader(chain([first], text_lines), delimiter=_delimiter(first))
        try:
            header = [name.strip().lower() for name in next(reader)]
        except csv.Error as err:
            yield ReadProblem(f"{source}:1", READ_BAD_CSV, f"malformed header row ({err})")
            return
        if binary_lines:
            yield ReadProblem(f"{source}:1", READ_BINARY, "binary data where the CSV header was expected")
            return
        if "text" not in header:
            found = ", ".join(repr(h) for h in header) or "nothing"
            yield ReadProblem(f"{source}:1", READ_BAD_CSV,
                              f"the header has no `text` column (found {found}); name the article column `text`")
            return
        end = reader.line_num
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as err:
                yield ReadProblem(f"{source}:{end + 1}", READ_BAD_CSV, f"malformed row ({err})")
                end = reader.line_num
                continue
            start, end = end + 1, reader.line_num
            origin = f"{source}:{start}"
            if any(n in binary_lines for n in range(start, end + 1)):
                yield ReadProblem(origin, READ_BINARY, "the row contains binary data (NUL or control bytes)")
                continue
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                yield ReadProblem(origin, READ_BAD_CSV,
                                  f"{len(row)} fields where the header has {len(header)}; "
                                  "quote fields that contain the delimiter")
                continue
            record = {name: (cell if cell.strip() else None) for name, cell in zip(header, row, strict=False)}
            yield record_to_article(record, origin, date)
    except UnicodeDecodeError as err:
        yield ReadProblem(source, READ_BINARY, f"cannot decode the file ({err.reason})")
    except OSError as err:
        yield ReadProblem(source, READ_UNREADABLE, f"cannot read: {err.strerror or err}")


def read_csv_file(path: Path, date: date | None = None) -> Iterator[Article | ReadProblem]:
    yield from read_csv_lines(iter_file_lines(path), str(path), date)
