"""Publication dates as written in the input: ISO 8601 (`2024-01-16`, `2024-01-16T10:00:00+03:00`) or
RFC 822 (`Tue, 16 Jan 2024 10:00:00 GMT`, as RSS writes them). The date is the calendar date as written,
not converted to UTC: an article dated 23:30 local time belongs to that local day."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

NO_DATE_NOTE = "no date in input"

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")


class BadDate(ValueError):
    """A date that is impossible (2024-02-30) or in no format we read."""


def parse_date(value: object) -> date | None:
    """The date in `value`; None when it is empty; raises BadDate when it is not a real date."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise BadDate(f"{value!r} is not a date string (expected YYYY-MM-DD)")
    text = value.strip()
    if not text:
        return None
    iso = _ISO.match(text)
    if iso:
        try:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError as err:
            raise BadDate(f"{text!r} is not a real date ({err})") from err
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError) as err:
        raise BadDate(f"{text!r} is not a date in a format eventwire reads (expected YYYY-MM-DD)") from err


def publication_date(value: object, override: date | None) -> tuple[date | None, str | None]:
    """(published, date_note) for an article: the caller's date wins, then the input's own date.
    Raises BadDate for an impossible own date unless an override makes it irrelevant."""
    if override is not None:
        return override, None
    published = parse_date(value)
    return published, None if published else NO_DATE_NOTE
