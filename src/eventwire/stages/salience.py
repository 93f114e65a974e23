"""Salience: which event is the article's main story.

A news report of a shooting also mentions other violence: last year's tally, an earlier shooting on the same
block, the suspect's earlier crimes, a killing the victim's family remembers. A reader takes the story of the
article to be the violent event the report is about, and so should any consumer that keeps one event per
article. The main event of an article is, among its violent (PLOVER ASSAULT) events that are said to have
happened (not negated, not hypothetical):

1. a recent one: dated within MAIN_DAYS days before publication (news reports what just happened; an event
   dated years or months earlier is background, "a year ago, another teen was shot on the same block");
2. then one dated to the day (a period, "last week", "this month", dates a background event or a roundup);
3. then the one with the most casualties reported (the story is the incident with the toll);
4. then the one mentioned most (the story is retold: "the shooting", "the attack", "the victims");
5. then the one mentioned first (the lead states the story).

An article with no violent event has no main event. `choose_main` decides it on the article's drafts, once
dates and counts are known (the casualties stage, the last stage, calls it), keeps why in
ctx.notes["salience"] and the casualties stage appends that to the event's `casualty_reason`. The drafts are
not reordered: the records stage merges mentions in text order, and moving one draft ahead changes what it
merges (measured: fewer MUC-4 templates and GVA fusion pairs found). `main_event` applies the same rule to
the Event records, after the records stage has merged each event's mentions (so it sees a date or a count
told in another sentence, and the `mentions` each record counts); `eventwire eval gva` scores that event.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..context import ArticleContext, EventDraft
    from ..record import Event

MAIN_DAYS = 31  # an event dated more than this before publication is background, not the story
MAIN_TYPES = {"ASSAULT"}


def _as_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def recent(event_date: object, published: object, days: int = MAIN_DAYS) -> bool:
    """The event's date lies on or within `days` days before publication (both known)."""
    when, pub = _as_date(event_date), _as_date(published)
    return when is not None and pub is not None and 0 <= (pub - when).days <= days


def salience_key(event_type: object, event_date: object, published: object, killed: int | None,
                 injured: int | None, mentions: int, position: int, precision: object = "day"
                 ) -> tuple[bool, bool, int, int, int]:
    """Sort key (largest = main event) of a realised event: recent, then dated to the day, then casualties,
    then the most mentioned, then the first mentioned."""
    return (recent(event_date, published), precision == "day", (killed or 0) + (injured or 0), mentions,
            -position)


def _mentions(ctx: ArticleContext, which: list[int]) -> dict[int, int]:
    """How many mentions of the article each event has: itself and the drafts the records stage may merge
    into it (stages/records.py: same type, no conflicting actors, place or date, within MERGE_WINDOW
    sentences)."""
    from .records import MERGE_WINDOW, compatible

    sent_of = {s.start: k for k, s in enumerate(ctx.doc.sents)}
    si = [sent_of.get(ev.sent.start, 0) for ev in ctx.events]
    return {i: 1 + sum(1 for j, other in enumerate(ctx.events)
                       if j != i and abs(si[i] - si[j]) <= MERGE_WINDOW and compatible(ctx.events[i], other))
            for i in which}


def _why(is_recent: bool, to_the_day: bool, casualties: int, mentions: int, position: int, n: int) -> str:
    parts = [f"dated within {MAIN_DAYS} days before publication" if is_recent
             else f"no violent event is dated within {MAIN_DAYS} days before publication"]
    parts.append("to the day" if to_the_day else "dated by a period")
    parts.append(f"{casualties} casualties reported" if casualties else "no casualties reported")
    parts.append(f"{mentions} mention(s)")
    parts.append("the first event told" if position == 0 else f"event {position + 1} of {n} in text order")
    return "main event of the article: violent event " + ", ".join(parts)


def main_event(events: Sequence[Event]) -> Event | None:
    """The article's main event among its Event records (the rule of the module doc on the records' fields:
    event_type, event_date, date_precision, published, fatalities, injured, negated, hypothetical, and the
    `mentions` each record counts, a field of the public record beyond the contract's table like the reasons),
    or None when the article reports no realised violent event."""
    cands = [(salience_key(e.event_type, e.event_date, e.published, e.fatalities, e.injured, e.mentions, i,
                           e.date_precision), e)
             for i, e in enumerate(events)
             if e.event_type in MAIN_TYPES and not e.negated and not e.hypothetical]
    return max(cands, key=lambda p: p[0])[1] if cands else None


def choose_main(ctx: ArticleContext) -> EventDraft | None:
    """The article's main event among its drafts (see the module doc), or None; why is kept in ctx.notes."""
    pub = ctx.article.published
    realised = [i for i, ev in enumerate(ctx.events)
                if ev.get("event_type") in MAIN_TYPES and not ev.get("negated") and not ev.get("hypothetical")]
    if not realised:
        ctx.notes["salience"] = "no main event: the article reports no realised violent event"
        return None
    mentions = _mentions(ctx, realised)
    cands = [(salience_key(ctx.events[i].get("event_type"), ctx.events[i].get("event_date"), pub,
                           ctx.events[i].get("fatalities"), ctx.events[i].get("injured"), mentions[i], i,
                           ctx.events[i].get("date_precision")), i)
             for i in realised]
    key, best = max(cands)
    main = ctx.events[best]
    ctx.notes["salience"] = (f"{_why(key[0], key[1], key[2], key[3], best, len(ctx.events))} "
                             f"({main.trigger.text!r}, sentence at character {main.sent.start_char})")
    return main
