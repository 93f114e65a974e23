"""Time expressions resolved against a publication date: dates, ranges and TIMEX3 values.

`resolve(text, published, tense, anchor)` is ours: weekdays, "yesterday", "last month", "earlier this week",
"three days ago", quarters and halves ("the 1988 third quarter", "1989-H2"), seasons, decades, holidays
(data/holidays.tsv), spelled-out years ("nineteen ninety-six"), PAST_REF / PRESENT_REF / FUTURE_REF
phrases, and "a year earlier" against the quarter it is compared with (`anchor`). dateparser only parses
absolute expressions these rules do not cover. `tense` is the event's: past, present (none to go by) or
future.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"

UPCOMING_DAYS = 122  # without tense, a yearless date up to four months ahead is read as upcoming
WEEKDAYS = {"mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "wednesday": 2, "thu": 3,
            "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4, "sat": 5, "saturday": 5, "sun": 6,
            "sunday": 6}
MONTHS = {"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
          "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
          "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "couple of": 2,
                "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "a few": 3, "few": 3}
DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
                "eighties": 80, "nineties": 90}
SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "fall": ("FA", 9), "autumn": ("FA", 9), "winter": ("WI", 12)}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
            "last": 4, "final": 4}
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MON = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
        r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
AGE = re.compile(r"(?i)\d+[-\s]+(?:year|month|week|day)s?[-\s]+old|\byears?\s+old\b|\baged?\s+\d")
CLOCK = re.compile(r"(?i)\b(?:about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after)|"
                   r"before|after|at|by)?\s*\d{1,2}(?::\d{2})?\s*(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?|o'clock)|"
                   r"\b(?:noon|midnight)\b")


# TIMEX3 part-of-day codes appended to a day's value ("Monday night" -> 2024-01-15TNI)
PARTS_OF_DAY = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI", "tonight": "TNI",
                "overnight": "TNI"}
PART_OF_DAY = re.compile(r"\b(morning|afternoon|evening|night|tonight|overnight)\b")


@dataclass(frozen=True)
class Resolved:
    """A time expression resolved against the publication date. `start` is None for references that name
    no date (PAST_REF "previously"); `value` is the TIMEX3-style value ("2024-01-15", "2024-W02", "2023-12",
    "2024", "PAST_REF", ...)."""

    start: date | None
    end: date | None
    precision: str | None
    value: str
    note: str
    absolute: bool = False  # resolvable without a publication date (names its year)


def resolve_time(text: str, published: date, past: bool = True) -> tuple[date, date, str] | None:
    """Resolve a time expression against the publication date: (start, end, precision), end == start for a
    single day; None when the text names no date (a duration, an age, a clock time)."""
    r = resolve(text, published, "past" if past else "future")
    if r is None or r.start is None or r.precision is None:
        return None
    return r.start, r.end or r.start, r.precision


def timex_value(text: str, published: date, tense: str = "past") -> str | None:
    """The TIMEX3-style value of a time expression (used by the TempEval-3 evaluator)."""
    r = resolve(text, published, tense)
    return r.value if r else None


def _holidays() -> dict[str, tuple[int, int, int | None]]:
    out: dict[str, tuple[int, int, int | None]] = {}
    for line in (DATA / "holidays.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        if not line.strip() or line.startswith("#") or line.startswith("phrase\t"):
            continue
        cells = line.split("\t")
        wd = int(cells[3]) if len(cells) > 3 and cells[3].strip() else None
        out[cells[0]] = (int(cells[1]), int(cells[2]), wd)
    return out


HOLIDAYS = _holidays()


_UNIT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEEN_WORDS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
               "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
               "ninety": 90}
_SPELLED_YEAR = re.compile(
    r"\b(?:(?P<c>" + "|".join(_TEEN_WORDS) + r"|twenty)\s+(?P<y>(?:" + "|".join(_TENS_WORDS) + r")(?:[\s-]+(?:"
    + "|".join(_UNIT_WORDS) + r"))?|" + "|".join(_TEEN_WORDS) + r"|hundred)"
    r"|two\s+thousand(?:\s+and)?(?:\s+(?P<k>" + "|".join([*_TEEN_WORDS, *_UNIT_WORDS]) + r"))?)\b")


def _spelled_years(t: str) -> str:
    """Years written in words, as read aloud in broadcast transcripts: "nineteen ninety-six" -> 1996,
    "two thousand" -> 2000."""
    def year(m: re.Match[str]) -> str:
        if m["c"] is None:
            return str(2000 + (_TEEN_WORDS.get(m["k"] or "", 0) or _UNIT_WORDS.get(m["k"] or "", 0)))
        cent = 20 if m["c"] == "twenty" else _TEEN_WORDS[m["c"]]
        rest = m["y"]
        if rest == "hundred":
            return str(cent * 100)
        if rest in _TEEN_WORDS:
            return str(cent * 100 + _TEEN_WORDS[rest])
        parts = re.split(r"[\s-]+", rest)
        return str(cent * 100 + _TENS_WORDS[parts[0]] + (_UNIT_WORDS[parts[1]] if len(parts) > 1 else 0))
    return _SPELLED_YEAR.sub(year, t)


# a quarter named with its year in front or a possessive: "the 1988 third quarter", "this year's third
# quarter", "the year-ago quarter", "its fiscal first quarter" -> "third quarter 1988", ...
_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|last|final)"
_QUARTER_YEAR_FIRST = re.compile(rf"^(?:the )?(\d{{4}}) ({_ORD}) quarter$")
_QUARTER_REL_YEAR = re.compile(rf"^(?:the )?(this|last|next) year's ({_ORD} )?quarter$")
_QUARTER_YEAR_AGO = re.compile(rf"^(?:the )?(?:comparable |corresponding )?(?:year-earlier|year-ago|year earlier|"
                               rf"year ago|prior-year|prior year) ({_ORD} )?(?:quarter|period)$")


def _rephrase(t: str) -> str:
    """Reorder and trim phrasings that name the same date as a form the rules below know."""
    t = re.sub(r"^(?:its|their|the company's|his|her|our) ", "", t)
    t = re.sub(r"\bfiscal[\s-]+", "", t)
    t = re.sub(rf"\b({_ORD})-quarter\b", r"\1 quarter", t)
    t = re.sub(r"^the year (?=\d{4}$)", "", t)
    m = _QUARTER_YEAR_FIRST.match(t)
    if m:
        return f"{m[2]} quarter {m[1]}"
    m = _QUARTER_REL_YEAR.match(t)
    if m:
        return f"{m[2] or 'same '}quarter {m[1]} year"
    m = _QUARTER_YEAR_AGO.match(t)
    if m:
        return f"{m[1]}quarter a year earlier" if m[1] else "same quarter a year earlier"
    if t in ("year-earlier", "year-ago", "year earlier", "year ago"):
        return "a year earlier"
    m = re.fullmatch(r"(first|second|last|latter) half (?:of )?(\d{4})|first two quarters (?:of )?(\d{4})", t)
    if m:
        return f"{m[2]}-H{2 if m[1] in ('second', 'last', 'latter') else 1}" if m[2] else f"{m[3]}-H1"
    return re.sub(r"^this past ", "past ", t)


def _clean(text: str) -> str:
    t = text.lower().replace("’", "'").replace("‘", "'")
    t = _spelled_years(t)
    t = CLOCK.sub(" ", t)
    t = re.sub(r"\blast night\b", "yesterday", t)
    t = re.sub(r"\b(?:this (?:morning|afternoon|evening)|tonight)\b", "today", t)
    t = re.sub(r"\b(mid|early|late)-(?=[a-z0-9])", r"\1 ", t)
    t = re.sub(r"\b(?:et|est|edt|pst|pdt|cst|cdt|mst|mdt|gmt|utc)\b", " ", t)
    t = re.sub(r"[\s,;:()\[\]\"]+", " ", t).strip(" .-")
    prev = None
    while prev != t:
        prev = t
        t = re.sub(r"^(?:on|at|in|by|during|since|until|till|from|of|as of|around|about|approximately|"
                   r"sometime|some time|circa|before|after|over|throughout|the|early|late|mid|mid-|the end of|"
                   r"the beginning of|the start of|the middle of|end of|beginning of|start of|nearly|almost|"
                   r"roughly|some|just|only|more than|less than|at least|at most|about)\s+", "", t)
        t = re.sub(r"'s?$", "", t)  # "Thursday's shooting", "last weeks' "
        t = re.sub(r"\s+(?:morning|afternoon|evening|night|overnight|time|local time|et|est|edt|pst|pdt|cst|"
                   r"cdt|gmt|utc)$", "", t)
    t = re.sub(rf"^(?:earlier|later) (?=(?:{_WD}|yesterday|today|that day|the same day)$)", "", t.strip(" .-"))
    return _rephrase(t)


def _week_range(d: date) -> tuple[date, date]:
    mon = d - timedelta(days=d.weekday())
    return mon, mon + timedelta(days=6)


def _week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _month_range(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _day(d: date, note: str, absolute: bool = False) -> Resolved:
    return Resolved(d, None, "day", d.isoformat(), note, absolute)


def _month(y: int, m: int, note: str, absolute: bool = False) -> Resolved:
    s, e = _month_range(y, m)
    return Resolved(s, e, "month", f"{y}-{m:02d}", note, absolute)


def _year(y: int, note: str, absolute: bool = False) -> Resolved:
    return Resolved(date(y, 1, 1), date(y, 12, 31), "year", str(y), note, absolute)


def _nth_weekday(y: int, m: int, n: int, wd: int) -> date:
    if n > 0:
        first = date(y, m, 1)
        return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    last = date(y, m, calendar.monthrange(y, m)[1])
    return last - timedelta(days=(last.weekday() - wd) % 7)


def _pick_year(published: date, make: object, tense: str) -> date | None:
    """The occurrence of a yearless date (make(year) -> date) nearest publication on the side the tense says."""
    assert callable(make)
    cands: list[date] = []
    for y in (published.year - 1, published.year, published.year + 1):
        try:
            cands.append(make(y))
        except ValueError:
            continue
    if not cands:
        return None
    if tense == "past":
        ok = [c for c in cands if c <= published]
        return max(ok) if ok else min(cands)
    if tense == "future":
        ok = [c for c in cands if c >= published]
        return min(ok) if ok else max(cands)
    # no tense to go by: the past occurrence, unless the next one is only weeks away ("payable Dec. 7")
    past = [c for c in cands if c <= published]
    soon = [c for c in cands if 0 < (c - published).days <= UPCOMING_DAYS]
    if soon and (not past or (published - max(past)).days > (min(soon) - published).days):
        return min(soon)
    return max(past) if past else min(cands)


def _weekday_date(published: date, wd: int, modifier: str | None, tense: str) -> date:
    delta_back = (published.weekday() - wd) % 7
    delta_fwd = (wd - published.weekday()) % 7
    if modifier in ("next", "coming"):
        return published + timedelta(days=delta_fwd or 7)
    if modifier in ("last", "past", "previous"):
        return published - timedelta(days=delta_back or 7)
    if tense == "future":
        return published + timedelta(days=delta_fwd)
    if tense == "present" and delta_fwd <= 2 and delta_back > 3:
        return published + timedelta(days=delta_fwd)
    return published - timedelta(days=delta_back)


def _year_of(text: str) -> int | None:
    m = re.search(r"\b(1[6-9]\d\d|2[01]\d\d)\b", text)
    if m:
        return int(m.group(1))
    m = re.search(r"'(\d\d)\b", text)
    if m:
        v = int(m.group(1))
        return 2000 + v if v < 50 else 1900 + v
    return None


_UNIT_RE = re.compile(r"^(?P<n>\d+|a couple of|couple of|a few|few|a|an|one|two|three|four|five|six|seven|eight|"
                      r"nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)\s+(?P<u>day|week|month|year)s?\s+"
                      r"(?P<dir>ago|earlier|before|later|from now|hence)$")
_REL_RE = re.compile(r"^(?P<mod>last|this|next|past|previous|coming|earlier this|later this|current|same)\s+"
                     r"(?P<u>week|month|year|weekend|quarter|spring|summer|fall|autumn|winter|decade|century)$")


_YEAR_BACK = re.compile(r"(?:a|one) year (?:ago|earlier|before)|same (?:time|period) (?:a year earlier|last year)|"
                        r"corresponding period last year|year-earlier period|year-ago period|"
                        r"(?:quarter|period) a year (?:ago|earlier)")
_YEAR_PERIOD = re.compile(r"(\d{4}) (?:quarter|period)")  # "the 1988 period", compared with a quarter


def resolve(text: str, published: date | None, tense: str = "past", anchor: Resolved | None = None
            ) -> Resolved | None:
    """Resolve a time expression; `tense` is past, present or future (the event's, not the expression's).
    Without a publication date only expressions that name their year resolve. `anchor` is the period the
    text is comparing with (the nearest quarter before it, see `comparison_anchor`): "a year earlier" then
    names that quarter a year before, not the whole year."""
    t = _clean(text)
    if not t or AGE.search(text):
        return None
    base = published or date(2000, 1, 1)
    if anchor is not None and _YEAR_BACK.fullmatch(t):
        m_a = re.fullmatch(r"(\d{4})-Q([1-4])", anchor.value)
        if m_a:
            y, q = int(m_a[1]) - 1, int(m_a[2])
            return Resolved(date(y, 3 * q - 2, 1), _month_range(y, 3 * q)[1], "month", f"{y}-Q{q}",
                            f"the quarter compared with ({anchor.value}), a year earlier", anchor.absolute)
    if anchor is not None and _YEAR_PERIOD.fullmatch(t):
        m_a = re.fullmatch(r"(\d{4})-Q([1-4])", anchor.value)
        if m_a:
            y, q = int(t[:4]), int(m_a[2])
            return Resolved(date(y, 3 * q - 2, 1), _month_range(y, 3 * q)[1], "month", f"{y}-Q{q}",
                            f"the quarter compared with ({anchor.value}), in {y}", True)
    r = _resolve_clean(t, base, tense)
    if r is None:
        return None
    if published is None and not r.absolute:
        return None
    pod = PART_OF_DAY.search(text.lower())
    if pod and r.precision == "day" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", r.value):
        r = Resolved(r.start, r.end, r.precision, r.value + PARTS_OF_DAY[pod.group(1)], r.note, r.absolute)
    return r


def _resolve_clean(t: str, pub: date, tense: str) -> Resolved | None:  # noqa: C901 - a flat list of rules
    # references: now / the past / the future
    if t in ("now", "currently", "at present", "present", "right now", "nowadays", "these days", "the moment",
             "moment", "at the moment", "so far", "to date", "this time", "current", "the present", "already"):
        return Resolved(pub, None, "day", "PRESENT_REF", "present reference: publication date")
    if t in ("today", "earlier today", "tonight", "this morning", "this afternoon", "this evening", "later today",
             "today's", "this morning's"):
        return _day(pub, "today: publication date")
    if t in ("yesterday", "last night", "yesterday's", "the previous day", "the day before", "previous day"):
        return _day(pub - timedelta(days=1), "the day before publication")
    if t in ("tomorrow", "tomorrow's", "the next day", "the following day"):
        return _day(pub + timedelta(days=1), "the day after publication")
    if t in ("the day before yesterday", "day before yesterday"):
        return _day(pub - timedelta(days=2), "two days before publication")
    if t in ("recently", "recent days", "in recent days", "lately", "recent"):
        return Resolved(pub - timedelta(days=7), pub, "week", "PAST_REF", "recent: the week before publication")
    if t in ("recent years", "in recent years", "the past few years", "past few years", "the last few years",
             "last few years", "past years", "several years ago", "recent weeks and months"):
        return Resolved(pub - timedelta(days=365 * 3), pub, "year", "PAST_REF", "recent years")
    if t in ("year", "full year", "current year", "calendar year", "this year's", "year-end", "fiscal year",
             "current fiscal year", "earlier in the year", "earlier this year"):
        return _year(pub.year, "the year of publication")
    if t in ("latest fiscal year", "previous fiscal year", "last fiscal year", "prior year", "previous year"):
        return _year(pub.year - 1, "the year before publication")
    m_my = re.fullmatch(r"([a-z]+)\.? (this|last|next) year", t)
    if m_my and m_my[1] in MONTHS:
        y = pub.year + {"this": 0, "last": -1, "next": 1}[m_my[2]]
        return _month(y, MONTHS[m_my[1]], f"month of {m_my[2]} year")
    if t in DECADE_WORDS:
        dec = 1900 + DECADE_WORDS[t]
        return Resolved(date(dec, 1, 1), date(dec + 9, 12, 31), "year", str(dec // 10), "decade")
    if t in ("week", "month"):
        code = {"week": "WXX", "month": "XX"}[t]
        return Resolved(None, None, None, f"{pub.year}-{code}", f"an unspecified {t} of the publication year")
    m_lq = re.fullmatch(r"(latest|most recent|recent|reporting|fiscal|year-earlier|year-ago|year earlier|year ago|"
                        r"comparable|same) (?:fiscal )?(?:quarter|period)(?: a year (?:earlier|ago))?|(quarter)", t)
    if m_lq:
        i = pub.year * 4 + (pub.month - 1) // 3 - 1  # the last completed quarter
        if m_lq[1] in ("year-earlier", "year-ago", "year earlier", "year ago", "comparable", "same") \
                or "a year" in t:
            i -= 4
        y, q = i // 4, i % 4 + 1
        return Resolved(date(y, 3 * q - 2, 1), _month_range(y, 3 * q)[1], "month", f"{y}-Q{q}",
                        "the last completed quarter" + (" a year earlier" if i < pub.year * 4 - 1 else ""))
    if t in ("recent weeks", "in recent weeks", "the past few weeks", "past few weeks", "the last few weeks"):
        return Resolved(pub - timedelta(days=30), pub, "month", "PAST_REF", "recent weeks: the month before")
    if t in ("recent months", "in recent months", "the past few months", "past few months", "last few months",
             "past several months", "past several quarters", "past few quarters", "recent quarters"):
        return Resolved(pub - timedelta(days=91), pub, "month", "PAST_REF", "recent months: the quarter before")
    if t in ("the past", "past", "previously", "earlier", "once", "formerly", "in the past", "former", "then",
             "before", "ago", "long ago", "years ago", "the old days", "more recently", "in recent times"):
        return Resolved(None, None, None, "PAST_REF", "past reference without a date")
    if t in ("the future", "future", "soon", "later", "eventually", "in the future", "shortly", "the coming years",
             "coming years", "the coming months", "coming months", "the coming weeks", "coming weeks",
             "the coming days", "coming days", "the years ahead", "the months ahead", "near term", "short term",
             "long term", "near future", "a later date", "later date", "future quarters", "coming quarters",
             "years to come", "the years to come"):
        return Resolved(None, None, None, "FUTURE_REF", "future reference without a date")

    if t in HOLIDAYS:
        m, n, wd = HOLIDAYS[t]
        d = _pick_year(pub, (lambda y: date(y, m, n)) if wd is None else (lambda y: _nth_weekday(y, m, n, wd)),
                       tense)
        return _day(d, f"named day {t!r}") if d else None
    m_h = re.match(r"^(.*?)\s+(\d{4})$", t)
    if m_h and m_h.group(1) in HOLIDAYS:
        m, n, wd = HOLIDAYS[m_h.group(1)]
        y = int(m_h.group(2))
        d = date(y, m, n) if wd is None else _nth_weekday(y, m, n, wd)
        return _day(d, f"named day {m_h.group(1)!r} of {y}", absolute=True)

    m_half = re.fullmatch(r"(\d{4})-H([12])", t)
    if m_half:
        y, h = int(m_half[1]), int(m_half[2])
        return Resolved(date(y, 6 * h - 5, 1), _month_range(y, 6 * h)[1], "month", f"{y}-H{h}", "half year",
                        absolute=True)
    m_wk = re.fullmatch(r"(?:the )?week of (.+)", t)
    if m_wk:  # "the week of March 6": the calendar week of that day
        inner = _resolve_clean(m_wk[1], pub, tense)
        if inner is not None and inner.start is not None and inner.precision == "day":
            s, e = _week_range(inner.start)
            return Resolved(s, e, "week", _week_value(inner.start), f"the week of {inner.value}", inner.absolute)
    m_hol = re.fullmatch(r"(last|this|next|past|coming) (.+)", t)
    if m_hol and m_hol[2] in HOLIDAYS:  # "last Thanksgiving", "next Christmas"
        return _resolve_clean(m_hol[2], pub, "future" if m_hol[1] in ("next", "coming") else
                              "past" if m_hol[1] in ("last", "past") else tense)

    # ISO and numeric dates
    m_iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if m_iso:
        try:
            return _day(date(int(m_iso[1]), int(m_iso[2]), int(m_iso[3])), "ISO date", absolute=True)
        except ValueError:
            return None
    m_num = re.fullmatch(r"(?:[a-z]+ )?(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?", t)
    if m_num:
        mo, dd = int(m_num[1]), int(m_num[2])
        if not (1 <= mo <= 12 and 1 <= dd <= 31):
            return None
        if m_num[3]:
            y = int(m_num[3])
            y = y + (2000 if y < 50 else 1900) if y < 100 else y
            try:
                return _day(date(y, mo, dd), "numeric month/day/year", absolute=True)
            except ValueError:
                return None
        d = _pick_year(pub, lambda y: date(y, mo, dd), tense)
        return _day(d, "numeric month/day, year from publication") if d else None

    # weekdays: "Monday", "last Friday", "Tuesday night" (a month-day in the same text takes precedence below)
    m_wd = re.fullmatch(r"(?:(last|this|past|next|coming|previous)\s+)?([a-z]+)\.?", t)
    if m_wd and m_wd.group(2) in WEEKDAYS:
        mod = m_wd.group(1)
        d = _weekday_date(pub, WEEKDAYS[m_wd.group(2)], mod, tense)
        side = "on or before" if d <= pub else "after"
        return _day(d, f"weekday {side} publication ({tense} tense)")

    # "three days ago", "a week earlier"
    m_u = _UNIT_RE.match(t)
    if m_u:
        n = int(m_u["n"]) if m_u["n"].isdigit() else NUMBER_WORDS.get(m_u["n"], 1)
        sign = -1 if m_u["dir"] in ("ago", "earlier", "before") else 1
        u = m_u["u"]
        if u == "day":
            return _day(pub + timedelta(days=sign * n), f"{n} days from publication")
        if u == "week":
            d = pub + timedelta(days=sign * 7 * n)
            s, e = _week_range(d)
            return Resolved(s, e, "week", _week_value(d), f"{n} weeks from publication")
        if u == "month":
            y, mo = _shift_month(pub.year, pub.month, sign * n)
            return _month(y, mo, f"{n} months from publication")
        return _year(pub.year + sign * n, f"{n} years from publication")

    # "last week", "this month", "earlier this year", "next year", "last summer", "the third quarter"
    m_r = _REL_RE.match(t)
    if m_r:
        return _relative_unit(m_r["mod"], m_r["u"], pub, tense)
    if t in ("weekend", "this weekend", "the weekend", "weekend's"):
        return _relative_unit("this", "weekend", pub, tense)
    m_q = re.fullmatch(r"(?:(first|second|third|fourth|1st|2nd|3rd|4th|last|final|same)[\s-]+quarter|q([1-4]))"
                       r"(?:\s+(?:of\s+)?(?:fiscal\s+)?(\d{4}))?(?:\s+(this year|last year|next year|"
                       r"a year earlier))?", t)
    if m_q and not (m_q[1] == "same" and not m_q[4]):
        shift = {"this year": 0, "last year": -1, "a year earlier": -1, "next year": 1}.get(m_q[4] or "", 0)
        if m_q[1] == "same":  # "last year's quarter": the last completed quarter, a year earlier
            i = pub.year * 4 + (pub.month - 1) // 3 - 1 + 4 * shift
            q, y = i % 4 + 1, i // 4
        elif m_q[3]:
            q = ORDINALS[m_q[1]] if m_q[1] else int(m_q[2])
            y = int(m_q[3])
        elif m_q[4]:
            q = ORDINALS[m_q[1]] if m_q[1] else int(m_q[2])
            y = pub.year + shift
        else:
            q = ORDINALS[m_q[1]] if m_q[1] else int(m_q[2])
            cur_q = (pub.month - 1) // 3 + 1
            y = pub.year if (q <= cur_q or tense == "future") else pub.year - 1
        s = date(y, 3 * q - 2, 1)
        e = _month_range(y, 3 * q)[1]
        return Resolved(s, e, "month", f"{y}-Q{q}", "quarter", absolute=bool(m_q[3]))
    m_s = re.fullmatch(r"(spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(\d{4}))?", t)
    if m_s:
        code, mo = SEASONS[m_s[1]]
        this_year = mo <= pub.month or tense == "future"
        y = int(m_s[2]) if m_s[2] else pub.year if this_year else pub.year - 1
        s = date(y, mo, 1)
        e = _month_range(*_shift_month(y, mo, 2))[1]
        return Resolved(s, e, "month", f"{y}-{code}", "season", absolute=bool(m_s[2]))

    # decades: "the 1990s", "the '90s"
    m_dec = re.fullmatch(r"(1[6-9]\d|20\d)0'?s", t) or re.fullmatch(r"'(\d)0s", t)
    if m_dec:
        g = m_dec[1]
        dec = int(g) * 10 if len(g) == 3 else (1900 + int(g) * 10)
        return Resolved(date(dec, 1, 1), date(dec + 9, 12, 31), "year", str(dec // 10), "decade", absolute=True)

    # absolute: month day [year], day month [year], month [year], year
    words = t.replace(".", " ").replace(",", " ").split()
    words = [w for w in words if w not in WEEKDAYS and w not in ("the", "of", "on")]
    yr = _year_of(t)
    mo_i = next((i for i, w in enumerate(words) if w in MONTHS), None)
    if mo_i is not None:
        mo = MONTHS[words[mo_i]]
        day = None
        for w in words[mo_i + 1: mo_i + 2] + words[max(0, mo_i - 1): mo_i]:
            md = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", w)
            if md and 1 <= int(md[1]) <= 31:
                day = int(md[1])
                break
        if day is not None:
            if yr:
                try:
                    return _day(date(yr, mo, day), "month, day and year", absolute=True)
                except ValueError:
                    return None
            wd_named = next((WEEKDAYS[w] for w in t.replace(",", " ").split() if w in WEEKDAYS), None)
            if wd_named is not None:  # "Saturday, April 25": the nearest year in which that day is a Saturday
                fits = []
                for y in (pub.year - 1, pub.year, pub.year + 1):
                    try:
                        if date(y, mo, day).weekday() == wd_named:
                            fits.append(date(y, mo, day))
                    except ValueError:
                        continue
                if fits:
                    d = min(fits, key=lambda c: abs((c - pub).days))
                    return _day(d, "month and day, the year in which the weekday named fits")
            d = _pick_year(pub, lambda y: date(y, mo, day), tense)
            return _day(d, f"month and day, year from publication ({tense} tense)") if d else None
        rest = [w for w in words if w not in MONTHS and not re.fullmatch(r"'?\d+", w)]
        if rest and not set(rest) <= {"early", "late", "mid", "last", "this", "next", "in"}:
            return _dateparser(t, pub, tense)
        if yr:
            return _month(yr, mo, "month and year", absolute=True)
        if "this" in rest:
            y = pub.year
        elif "last" in rest:
            y = pub.year if mo < pub.month else pub.year - 1
        elif "next" in rest:
            y = pub.year if mo > pub.month else pub.year + 1
        else:
            dd = _pick_year(pub, lambda y: date(y, mo, 1), tense)
            y = dd.year if dd else pub.year
        return _month(y, mo, f"month, year from publication ({tense} tense)")
    m_y = re.fullmatch(r"(?:the year |year |fiscal |calendar |fiscal year |fy ?)?(1[6-9]\d\d|2[01]\d\d)", t)
    if m_y:
        return _year(int(m_y[1]), "year", absolute=True)
    if re.search(r"\d", t):
        return _dateparser(t, pub, tense)
    return None


def _relative_unit(mod: str, unit: str, pub: date, tense: str) -> Resolved | None:
    back = mod in ("last", "past", "previous")
    fwd = mod in ("next", "coming")
    if unit == "week":
        if mod == "past":
            return Resolved(pub - timedelta(days=7), pub, "week", _week_value(pub), "the past week")
        d = pub - timedelta(days=7) if back else pub + timedelta(days=7) if fwd else pub
        s, e = _week_range(d)
        if mod == "earlier this":
            e = pub
        elif mod == "later this":
            s = pub
        return Resolved(s, e, "week", _week_value(d), f"{mod} week")
    if unit == "weekend":
        if fwd or (tense == "future" and not back):
            sat = pub + timedelta(days=(5 - pub.weekday()) % 7 or (7 if fwd else 0))
        else:
            sat = pub - timedelta(days=(pub.weekday() - 5) % 7)
            if back and pub.weekday() in (5, 6):
                sat -= timedelta(days=7)
        return Resolved(sat, sat + timedelta(days=1), "week", f"{_week_value(sat)}-WE", f"{mod} weekend")
    if unit == "month":
        if mod == "past":
            return Resolved(pub - timedelta(days=30), pub, "month", f"{pub.year}-{pub.month:02d}", "the past month")
        y, m = _shift_month(pub.year, pub.month, -1 if back else 1 if fwd else 0)
        r = _month(y, m, f"{mod} month")
        if mod == "earlier this":
            return Resolved(r.start, pub, "month", r.value, r.note)
        if mod == "later this":
            return Resolved(pub, r.end, "month", r.value, r.note)
        return r
    if unit == "year":
        if mod == "past":  # the twelve months before publication: mostly the year before (TimeML)
            return Resolved(pub - timedelta(days=365), pub, "year", str(pub.year - 1), "the past year")
        y = pub.year - 1 if back else pub.year + 1 if fwd else pub.year
        r = _year(y, f"{mod} year")
        if mod == "earlier this":
            return Resolved(r.start, pub, "year", r.value, r.note)
        return r
    if unit == "quarter":
        cur = (pub.month - 1) // 3
        i = pub.year * 4 + cur + (-1 if back else 1 if fwd else 0)
        y, q = i // 4, i % 4 + 1
        return Resolved(date(y, 3 * q - 2, 1), _month_range(y, 3 * q)[1], "month", f"{y}-Q{q}", f"{mod} quarter")
    if unit in SEASONS:
        code, mo = SEASONS[unit]
        y = pub.year
        if back:
            y = pub.year if mo + 2 < pub.month else pub.year - 1
        elif fwd:
            y = pub.year if mo > pub.month else pub.year + 1
        s = date(y, mo, 1)
        e = _month_range(*_shift_month(y, mo, 2))[1]
        return Resolved(s, e, "month", f"{y}-{code}", f"{mod} {unit}")
    if unit == "decade":
        dec = pub.year // 10 * 10 + (-10 if back else 10 if fwd else 0)
        return Resolved(date(dec, 1, 1), date(dec + 9, 12, 31), "year", str(dec // 10), f"{mod} decade")
    return None


@lru_cache(maxsize=4096)
def _dateparser_cached(t: str, pub: date, tense: str) -> tuple[datetime | None, str | None]:
    from dateparser.date import DateDataParser

    prefer = "future" if tense == "future" else "past"
    parser = DateDataParser(languages=["en"], settings={"RELATIVE_BASE": datetime(pub.year, pub.month, pub.day),
                                                        "PREFER_DATES_FROM": prefer,
                                                        "REQUIRE_PARTS": []})
    try:
        dd = parser.get_date_data(t)
    except Exception:  # dateparser raises on odd input; then the text names no date for us
        return None, None
    return dd.date_obj, dd.period


def _dateparser(t: str, pub: date, tense: str) -> Resolved | None:
    """Absolute expressions our rules do not cover, parsed by dateparser (its period gives the precision)."""
    if not (re.search(r"\b(?:" + "|".join(MONTHS) + r")\b", t) or re.search(r"\d{4}|\d/\d|\d-\d", t)):
        return None
    if re.fullmatch(r"\d{1,2}-\d{1,3}", t):
        return None  # "1-10", "3-2": a score, a range or a road, not a date in English news
    obj, period = _dateparser_cached(t, pub, tense)
    if obj is None:
        return None
    d = obj.date()
    absolute = _year_of(t) is not None
    if period == "year":
        return _year(d.year, "dateparser (year)", absolute)
    if period == "month":
        return _month(d.year, d.month, "dateparser (month)", absolute)
    if period == "week":
        s, e = _week_range(d)
        return Resolved(s, e, "week", _week_value(d), "dateparser (week)", absolute)
    return _day(d, "dateparser (day)", absolute)
