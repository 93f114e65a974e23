"""The Article: what every reader yields, and ReadProblem: what a reader reports instead of an article."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Article:
    """One dated news article. `text` is the exact text all character offsets refer to."""

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None
    origin: str = ""  # "path:line" (or "path", "<stdin>:3") where the article was read
    date_note: str | None = None  # why `published` is missing, if it is

    @staticmethod
    def text_id(text: str) -> str:
        """The id of an article that has none: the first 16 hex digits of the sha256 of its text."""
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class ReadProblem:
    """Input that could not be read as an article. Readers yield these instead of raising, so the
    rest of the input is still coded; the CLI prints them on stderr and counts them in the summary."""

    origin: str  # "path:line" or "path"
    code: str  # stable code, e.g. "R001"; see errors.py
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: [{self.code}] {self.message}"
