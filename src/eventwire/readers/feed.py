"""RSS and Atom feeds (feedparser): one article per item, with its title, link, published date and its
content (or, failing that, its summary) as plain text. The source is the feed's title.

Items are reported at the line their element starts on (`feed.rss:14`). The id is the hash of the item's
guid/id, else of its link, else of its text, so the same item read again keeps its id."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from typing import Any

import feedparser
from lxml import etree

from ..article import Article, ReadProblem
from ..errors import READ_BAD_DATE, READ_BAD_FEED, READ_BINARY, READ_NO_TEXT
from .dates import NO_DATE_NOTE, BadDate, parse_date
from .decode import NotText, decode_bytes
from .htmltext import html_to_text

_ITEM_TAGS = {"item", "entry"}


def item_lines(data: bytes) -> list[int]:
    """The source line of each <item>/<entry> element, in document order (empty if unparseable)."""
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=True)
    try:
        root = etree.fromstring(data, parser=parser)
    except (etree.XMLSyntaxError, ValueError):
        return []
    if root is None:
        return []
    return [el.sourceline or 0 for el in root.iter()
            if isinstance(el.tag, str) and etree.QName(el).localname in _ITEM_TAGS]


def _item_text(entry: Any) -> str:
    """The longest content block, else the summary, as plain text."""
    blocks = [(c.get("value") or "", c.get("type") or "") for c in entry.get("content") or []]
    if not any(value.strip() for value, _ in blocks):
        detail = entry.get("summary_detail") or {}
        blocks = [(entry.get("summary") or "", detail.get("type") or "text/html")]
    value, kind = max(blocks, key=lambda block: len(block[0]))
    return html_to_text(value) if "html" in kind else value.strip()


def _item_date(entry: Any) -> date | None:
    """The item's own published (or updated) date as written; raises BadDate when it is impossible."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return parse_date(raw)
        except BadDate:
            parsed = entry.get(f"{key}_parsed")  # a format feedparser knows and we do not (UTC)
            if parsed:
                return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            raise
    return None


def read_feed(data: str | bytes, origin: str, date: date | None = None) -> Iterator[Article | ReadProblem]:
    """The items of an RSS/Atom document as Articles; a bad item yields a ReadProblem and reading goes on."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        decode_bytes(raw)
    except NotText as err:
        yield ReadProblem(origin, READ_BINARY, f"not a feed: {err}")
        return
    parsed = feedparser.parse(io.BytesIO(raw))  # a file object: feedparser never fetches it
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception") or "no RSS or Atom root element"
        yield ReadProblem(origin, READ_BAD_FEED, f"not a readable RSS/Atom feed ({reason})")
        return
    if not parsed.entries:
        yield ReadProblem(origin, READ_NO_TEXT, "the feed has no items")
        return
    lines = item_lines(raw)
    if len(lines) != len(parsed.entries):
        lines = []
    feed_title = (parsed.feed.get("title") or "").strip() or None
    feed_language = (parsed.feed.get("language") or "").strip() or None
    for n, entry in enumerate(parsed.entries):
        item_origin = f"{origin}:{lines[n]}" if lines else f"{origin}#item{n + 1}"
        text = _item_text(entry)
        if not text.strip():
            yield ReadProblem(item_origin, READ_NO_TEXT, "the item has neither content nor a summary")
            continue
        note = None
        if date is not None:
            published: date | None = date
        else:
            try:
                published = _item_date(entry)
            except BadDate as err:
                yield ReadProblem(item_origin, READ_BAD_DATE, f"{err}; fix the item's date or give --date")
                continue
            note = None if published else NO_DATE_NOTE
        key = (entry.get("id") or entry.get("link") or "").strip()
        yield Article(
            id=Article.text_id(key) if key else Article.text_id(text),
            text=text,
            published=published,
            title=(entry.get("title") or "").strip() or None,
            url=(entry.get("link") or "").strip() or None,
            source=feed_title,
            language=(entry.get("language") or feed_language),
            origin=item_origin,
            date_note=note,
        )
