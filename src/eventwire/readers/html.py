"""HTML pages: the main text, title and date extracted offline with trafilatura (nothing is fetched).

The publication date comes from the page's markup only (meta tags, <time>, JSON-LD): trafilatura's
"extensive" date search also guesses from dates in the body text, which would make the date of an event
the article reports look like its publication date."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from datetime import date

import trafilatura

from ..article import Article, ReadProblem
from ..errors import READ_BAD_DATE, READ_BAD_FEED, READ_BINARY, READ_NO_TEXT
from .dates import NO_DATE_NOTE, BadDate, parse_date
from .decode import NotText, decode_bytes, looks_like_text

_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)", re.I)

_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)


def decode_page(data: bytes) -> str:
    """The page as text: in the charset its <meta> declares, else as any text (UTF-8, cp1252)."""
    declared = _CHARSET.search(data[:4096])
    if declared:
        try:
            codec = codecs.lookup(declared.group(1).decode("ascii"))
        except LookupError:
            codec = None
        if codec is not None and codec.name not in ("utf-8", "utf-16", "utf-32") and looks_like_text(data):
            # browsers read latin-1 and ascii labels as windows-1252 (WHATWG Encoding Standard)
            name = "cp1252" if codec.name in ("iso8859-1", "ascii") else codec.name
            return data.decode(name, errors="replace")
    return decode_bytes(data)


def read_html(data: str | bytes, article_id: str | None, origin: str, date: date | None = None
              ) -> Iterator[Article | ReadProblem]:
    """One Article from an HTML page. A missing `article_id` is the hash of the extracted text."""
    try:
        page = data if isinstance(data, str) else decode_page(data)
    except NotText as err:
        yield ReadProblem(origin, READ_BINARY, f"not an HTML page: {err}")
        return
    try:
        doc = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False, favor_precision=True,
                                          include_tables=False, date_extraction_params=_DATE_PARAMS)
    except Exception as err:  # trafilatura and lxml raise many kinds on broken markup
        yield ReadProblem(origin, READ_BAD_FEED, f"cannot parse the HTML page ({type(err).__name__}: {err})")
        return
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        yield ReadProblem(origin, READ_NO_TEXT, "no main text found in the HTML page")
        return
    note = None
    if date is not None:
        published: date | None = date
    else:
        try:
            published = parse_date(doc.date)
        except BadDate as err:
            yield ReadProblem(origin, READ_BAD_DATE, f"{err}; fix the page's date or give --date")
            return
        note = None if published else NO_DATE_NOTE + " (no publication date in the page's markup)"
    lang = _HTML_LANG.search(page[:4096])
    yield Article(
        id=article_id or Article.text_id(text),
        text=text,
        published=published,
        title=doc.title or None,
        url=doc.url or None,
        source=doc.sitename or None,
        language=lang.group(1).lower() if lang else None,
        origin=origin,
        date_note=note,
    )
