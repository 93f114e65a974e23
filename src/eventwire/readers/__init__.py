"""Readers: paths and stdin to Articles (one module per format, detect.py picks the module).

    read(paths, date=None, stdin=None) -> Iterator[Article | ReadProblem]

Formats (CONTRACT.md "Input: articles"): dated text (text.py), JSON Lines (jsonl.py), CSV (csvfile.py),
HTML (html.py), RSS/Atom (feed.py). Bad input yields a ReadProblem (errors.py READ_* codes) with the
file and line, and reading goes on. JSON Lines and CSV are streamed line by line.
"""

from __future__ import annotations

from .detect import format_from_content, format_from_extension
from .inputs import read, read_file, read_stream

__all__ = ["format_from_content", "format_from_extension", "read", "read_file", "read_stream"]
