"""Which reader reads a file: by extension first, then by content (see CONTRACT.md "Input: articles")."""

from __future__ import annotations

import re
from pathlib import Path

TEXT = "text"
JSONL = "jsonl"
CSV = "csv"
HTML = "html"
FEED = "feed"
XML = "xml"  # .xml: a feed when its root is a feed root, checked by content

EXTENSIONS: dict[str, str] = {
    ".txt": TEXT,
    ".jsonl": JSONL,
    ".ndjson": JSONL,
    ".csv": CSV,
    ".html": HTML,
    ".htm": HTML,
    ".rss": FEED,
    ".atom": FEED,
    ".xml": XML,
}

HEAD_BYTES = 64 * 1024  # how much of a file content detection looks at

# Markup that may precede the root element: XML declaration, processing instructions, comments, doctype.
_PROLOG = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)", re.S | re.I)
_DOCTYPE_HTML = re.compile(r"<!DOCTYPE\s+html", re.I)
_ROOT = re.compile(r"<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
_FEED_ROOTS = {"rss", "feed", "RDF"}
_HTML_ROOTS = {"html", "head", "body"}


def format_from_extension(path: Path) -> str | None:
    """The format a file's extension names, or None when the extension says nothing."""
    return EXTENSIONS.get(path.suffix.lower())


def root_element(head: str) -> str | None:
    """The local name of the first element of a markup document (`rss`, `feed`, `RDF`, `html`), if any."""
    pos = 0
    text = head.removeprefix("\ufeff")
    while True:
        prolog = _PROLOG.match(text, pos)
        if not prolog:
            break
        if _DOCTYPE_HTML.match(prolog.group(0).strip()):
            return "html"
        pos = prolog.end()
    rest = text[pos:].lstrip()
    root = _ROOT.match(rest)
    return root.group(2) if root else None


def format_from_content(head: str) -> str:
    """JSON Lines when the first non-blank character is `{`; a feed for an <rss>, <feed> or <rdf:RDF>
    root; HTML for <html> (or a doctype html); otherwise dated text."""
    stripped = head.removeprefix("\ufeff").lstrip()
    if stripped.startswith("{"):
        return JSONL
    if stripped.startswith("<"):
        root = root_element(stripped)
        if root in _FEED_ROOTS:
            return FEED
        if root is not None and root.lower() in _HTML_ROOTS:
            return HTML
    return TEXT


def is_readable_name(path: Path) -> bool:
    """Files a folder walk reads: known extensions, and files without one (detected by content).
    Other files in a folder (README.md, .py, images) are not articles and are passed over."""
    return not path.suffix or path.suffix.lower() in EXTENSIONS
