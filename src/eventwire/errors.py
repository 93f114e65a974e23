"""Stable error codes. Each message says what happened and what to do."""

from __future__ import annotations


class EventwireError(Exception):
    """An error the user can act on; the CLI prints it as one line and exits non-zero."""

    code = "E000"

    def __init__(self, message: str):
        super().__init__(f"[{self.code}] {message}")


class ConfigError(EventwireError):
    code = "E001"


class StoreError(EventwireError):
    code = "E010"


class ModelError(EventwireError):
    code = "E020"


class GazetteerError(EventwireError):
    code = "E030"


# Codes of ReadProblem (readers/): reported per file or line, never fatal.
READ_UNREADABLE = "R001"  # file missing, permission denied, I/O error
READ_BAD_JSON = "R002"  # a JSON Lines line that is not a JSON object
READ_NO_TEXT = "R003"  # empty or whitespace-only text, or a record without `text`
READ_BINARY = "R004"  # binary data where text was expected
READ_BAD_DATE = "R005"  # an impossible or unparseable date: the article is skipped (fix the date or drop it)
READ_BAD_CSV = "R006"  # CSV without a `text` column, or a malformed row
READ_BAD_FEED = "R007"  # a feed or HTML page that could not be parsed

READ_CODES = {READ_UNREADABLE: "unreadable", READ_BAD_JSON: "invalid JSON", READ_NO_TEXT: "no text",
              READ_BINARY: "binary data", READ_BAD_DATE: "impossible date", READ_BAD_CSV: "bad CSV",
              READ_BAD_FEED: "unparseable feed/page"}
