"""Dated text: the whole input is the article, optionally preceded by `date YYYY-MM-DD`.

The text is the decoded input with universal newlines (as Python's text mode reads it); when it starts
with the date prefix, the text is what follows the date, leading white space stripped."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from ..article import Article, ReadProblem
from ..errors import READ_BAD_DATE, READ_BINARY, READ_NO_TEXT
from .dates import NO_DATE_NOTE, BadDate, parse_date
from .decode import NotText, decode_bytes, universal_newlines

DATE_PREFIX = re.compile(r"\s*date:?[ \t]+(\d{4}-\d{1,2}-\d{1,2})(?=\s|$)", re.I)


def split_date_prefix(content: str) -> tuple[str | None, str]:
    """(the date as written, or None; the article text)."""
    match = DATE_PREFIX.match(content)
    if not match:
        return None, content
    return match.group(1), content[match.end():].lstrip()


def read_dated_text(data: str | bytes, article_id: str | None, origin: str, date: date | None = None
                    ) -> Iterator[Article | ReadProblem]:
    """One Article (or a ReadProblem). A missing `article_id` is the hash of the text."""
    try:
        content = data if isinstance(data, str) else decode_bytes(data)
    except NotText as err:
        yield ReadProblem(origin, READ_BINARY, f"not text: {err}")
        return
    if "\x00" in content:
        yield ReadProblem(origin, READ_BINARY, "not text: contains NUL characters")
        return
    raw_date, text = split_date_prefix(universal_newlines(content).removeprefix("\ufeff"))
    if not text.strip():
        yield ReadProblem(origin, READ_NO_TEXT, "no article text" + (" after the date line" if raw_date else ""))
        return
    note = None
    if date is not None:
        published: date | None = date
    else:
        try:
            published = parse_date(raw_date)
        except BadDate as err:
            yield ReadProblem(origin, READ_BAD_DATE, f"{err}; fix the `date` line or give --date")
            return
        note = None if published else NO_DATE_NOTE
    yield Article(id=article_id or Article.text_id(text), text=text, published=published,
                  origin=origin, date_note=note)
