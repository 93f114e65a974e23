"""A record (a JSON object or a CSV row) to an Article: the fields JSON Lines and CSV share."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from ..article import Article, ReadProblem
from ..errors import READ_BAD_DATE, READ_NO_TEXT
from .dates import BadDate, publication_date

OPTIONAL_FIELDS = ("id", "title", "url", "source", "language")


def _field(record: Mapping[str, object], name: str) -> str | None:
    value = record.get(name)
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def record_to_article(record: Mapping[str, object], origin: str, override: date | None
                      ) -> Article | ReadProblem:
    """`text` is required; `date` (or `published`) is an ISO date or datetime; a missing id is the
    text's hash. The text is kept exactly as given, since evidence offsets refer to it."""
    text = record.get("text")
    if text is None:
        return ReadProblem(origin, READ_NO_TEXT, "no `text` field; every article needs one")
    if not isinstance(text, str):
        return ReadProblem(origin, READ_NO_TEXT, f"`text` is a {type(text).__name__}; it must be a string")
    if not text.strip():
        return ReadProblem(origin, READ_NO_TEXT, "`text` is empty")
    raw_date = record.get("date")
    if raw_date is None or raw_date == "":
        raw_date = record.get("published")
    try:
        published, note = publication_date(raw_date, override)
    except BadDate as err:
        return ReadProblem(origin, READ_BAD_DATE, f"{err}; fix the date or remove it")
    return Article(
        id=_field(record, "id") or Article.text_id(text),
        text=text,
        published=published,
        title=_field(record, "title"),
        url=_field(record, "url"),
        source=_field(record, "source"),
        language=_field(record, "language"),
        origin=origin,
        date_note=note,
    )
