"""Dates stage: when each event happened (event_date, event_date_end, date_precision, date_raw, date_reason).

For each event the governing time expression is looked for, in this order:
1. the event's own clause (or below it); a period there ("shot last week") is narrowed to a day the later
   steps find inside it ("recently" only by a dated mention of the same incident: records.compatible). An expression that hangs on another kind of event the trigger is
   an argument of ("arrested a man Friday for the shooting") is not the event's; when the event sits in an
   "after"/"before" clause of the dated one, the interval named shifts the date ("arrested Thursday, a day
   after he shot ..." -> Wednesday; "hours after" -> the same day) and with no interval it is skipped;
2. a dated mention of the same kind of event elsewhere in the article (the article's narrative time for
   that kind of event; a named day before the reporter's "today"; dates of later steps such as arrests,
   charges, reports or vigils only after the incident's time of 3);
3. the incident's time: an expression of an occurrence verb ("it happened Saturday") or with a clock time
   ("around 10 p.m. Saturday"), which reports of later steps rarely give;
4. the report's time in another clause of the sentence ("police said Monday": the event was on or before);
5. the lead's earliest recent day (later steps last), when it is on or before the report's time of 4;
   then another kind of event's date, then the body's, then the headline's ("... following Saturday
   morning shooting");
6. the publication date, and date_raw says so.

Expressions are spaCy DATE/TIME entities plus our own patterns (weekdays, "yesterday", "earlier this week",
"Jan. 15", ...) and named days (spaCy EVENT entities: "a New Year's Eve shooting"). Resolution against the publication date is ours (`resolve`, in dates_resolve.py);
dateparser only parses absolute expressions our rules do not cover. Tense matters: "Monday" in a past-tense
report is the most recent Monday on or before publication, in a future one the next Monday on or after it;
with no tense to go by, a yearless date is the past one unless the next one is only weeks away ("payable
Dec. 7"). A bare weekday naming the day after the publication stamp ("police said Thursday" on a page stamped
Wednesday) dates nothing: six days back is rare in news, an update the day after the stamp is common
(`_day_after_stamp`). Dates more than a year before publication are kept and flagged as historical; future
ones are flagged as such.

`resolve` also gives TIMEX3 values (TempEval-3): "2024-W02", "1989-Q3", "1989-H2", "PAST_REF", spelled-out
years, and "a year earlier" resolved against the quarter it is compared with (`comparison_anchor`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..annotate import doc_ents, doc_text
from .dates_resolve import (
    _MON,
    _WD,
    AGE,
    CLOCK,
    HOLIDAYS,
    NUMBER_WORDS,
    Resolved,
    _clean,
    _day,
    resolve,
    resolve_time,
    timex_value,
)
from .records import compatible

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..context import ArticleContext, EventDraft
    from ..resources import Resources

__all__ = ["DatesStage", "Resolved", "TimeExpr", "comparison_anchor", "event_tense", "expression_tense",
           "find_time_expressions", "resolve", "resolve_time", "timex_value"]

PRECISIONS = ("day", "week", "month", "year")
HISTORICAL_DAYS = 365  # a date more than this before publication is kept, and flagged as historical
NARRATIVE_DAYS = 31
LEAD_SENTENCES = 5  # the lead: the first five sentences, or the first LEAD_CHARS characters if more
LEAD_CHARS = 1000  # an expression this close before publication can set the article's narrative time

REPORTING_LEMMAS = {"say", "report", "tell", "announce", "state", "claim", "confirm", "add", "deny", "note",
                    "according", "accord", "disclose", "reveal", "write", "explain", "allege", "quote"}

_PART = r"(?:\s+(?:morning|afternoon|evening|night|overnight))?"
# Our own patterns, on top of spaCy's DATE/TIME entities (which miss many relative expressions).
FIND_PATTERNS = [
    re.compile(rf"(?i)\b(?:(?:early|late)\s+)?(?:(?:last|this|past|next|coming|previous)\s+)?{_WD}{_PART}\b"),
    re.compile(r"(?i)\b(?:(?:early|late)\s+)?(?:yesterday|today|tonight|last\s+night|tomorrow)"
               r"(?:\s+(?:morning|afternoon|evening|night))?\b"),
    re.compile(r"(?i)\b(?:earlier|later)\s+(?:this|last)\s+(?:week|month|year)\b"),
    re.compile(r"(?i)\b(?:(?:early|late)\s+)?(?:last|this|next|past|previous|coming)\s+(?:week|month|year|weekend)\b"),
    re.compile(r"(?i)\b(?:over\s+)?the\s+weekend\b"),
    re.compile(r"(?i)\b(?:recently|in\s+recent\s+(?:days|weeks|months))\b"),
    re.compile(rf"\b{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?"),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+\d{{4}}\b)?"),
    re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b"),
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
    re.compile(r"(?i)\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
               r"(?:days?|weeks?|months?|years?)\s+ago\b"),
]


def _pattern_matches(text: str) -> list[re.Match[str]]:
    """Our patterns' matches in a text (FIND_PATTERNS)."""
    return [m for pat in FIND_PATTERNS for m in pat.finditer(text)]


# ---------------------------------------------------------------------------------------------- detection


@dataclass(frozen=True)
class TimeExpr:
    span: Span
    source: str  # "entity" or "pattern"


def find_time_expressions(doc: Doc) -> list[TimeExpr]:
    """Time expressions of a doc: spaCy DATE/TIME entities (and EVENT entities naming a holiday) and our
    patterns, in text order; ages ("a 34-year-old") and bare numbers dropped."""
    found: list[tuple[int, int, str]] = []
    for ent in doc_ents(doc):
        if ent.label_ in ("DATE", "TIME"):
            found.append((ent.start_char, ent.end_char, "entity"))
        elif ent.label_ == "EVENT":
            # a named day, also with the article the entity often takes in "a New Year's Eve shooting"
            skip = len(ent[0].text_with_ws) if ent[0].lower_ in ("a", "an") and len(ent) > 1 else 0
            if _clean(ent.text[skip:]) in HOLIDAYS:
                found.append((ent.start_char + skip, ent.end_char, "entity"))
    text = doc_text(doc)
    for m in _pattern_matches(text):
        found.append((m.start(), m.end(), "pattern"))
    # overlapping finds are all kept (an entity "three Saturday night" and our "Saturday night"): the
    # resolver decides which names a date, and the choice prefers the nearest resolvable one
    found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    seen: set[tuple[int, int]] = set()
    out: list[TimeExpr] = []
    for s, e, src in found:
        if (s, e) in seen:
            continue
        seen.add((s, e))
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or AGE.search(span.text) or _is_age(span) or _bare_number(span) or _season_name(span):
            continue
        out.append(TimeExpr(span, src))
    return out


YEAR_LEFT = {"in", "since", "during", "of", "by", "until", "till", "from", "before", "after", "year", "early",
             "late", "mid", "the", "through", "between", "fiscal"}


ADDRESS_WORDS = {"block", "blocks", "street", "st", "st.", "avenue", "ave", "ave.", "road", "rd", "rd.", "lane",
                 "drive", "dr", "dr.", "boulevard", "blvd", "way", "court", "place", "highway", "hwy", "route",
                 "unit", "apartment", "apt", "suite", "north", "south", "east", "west", "n.", "s.", "e.", "w."}


MIN_YEAR, MAX_YEAR = 1000, 2199  # a bare four-digit number outside these is not a year


def _bare_number(span: Span) -> bool:
    """A number alone is an age ("Joe Hernandez, 17,"), a count or an address ("1802 Beacon St."), unless it
    is a four-digit year after a word like "in" or "since" or before punctuation."""
    text = span.text.strip()
    if re.fullmatch(r"\d{1,3}(?:-year)?|\d{5,}", text):
        return True
    if re.fullmatch(r"\d{4}", text):
        if not MIN_YEAR <= int(text) <= MAX_YEAR:
            return True  # "call 574-LMPD (5673)": a number, not a year
        doc = span.doc
        left = doc[span.start - 1].lower_ if span.start > 0 else ""
        right = doc[span.end] if span.end < len(doc) else None
        if right is not None and (right.pos_ == "PROPN" or right.lower_ in ADDRESS_WORDS):
            return True  # "1802 Beacon St.", "the 1300 block of Clay Street"
        return not (left in YEAR_LEFT or right is None or right.is_punct)
    return False


def _season_name(span: Span) -> bool:
    """A capitalised season word inside a sentence is a name ("Sinking Spring", "in Spring, Texas"); news
    writes seasons in lower case."""
    text = span.text.strip()
    return text in ("Spring", "Summer", "Fall", "Autumn", "Winter") and span.start != span.sent.start


def _is_age(span: Span) -> bool:
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return nxt is not None and nxt.lower_ in ("old", "-old")


ANCHOR_SENTENCES = 3  # a comparison ("a year earlier") looks back this many sentences for its period


def comparison_anchor(doc: Doc, start_char: int, exprs: list[TimeExpr], pub: date | None) -> Resolved | None:
    """The period a comparison at `start_char` refers back to: the nearest quarter named before it in its
    sentence or the ANCHOR_SENTENCES sentences before ("profit rose in the third quarter ... from $3 million
    a year earlier"); None when there is none."""
    sents = list(doc.sents)
    k = next((i for i, s in enumerate(sents) if s.start_char <= start_char < s.end_char), None)
    if k is None or pub is None:
        return None
    lo = sents[max(0, k - ANCHOR_SENTENCES)].start_char
    for ex in reversed(exprs):
        if ex.span.start_char >= start_char or ex.span.end_char > start_char:
            continue
        if ex.span.start_char < lo:
            break
        if re.search(r"(?i)year[\s-]+(?:ago|earlier)|last year|prior[\s-]year", ex.span.text):
            continue  # itself a comparison, not the period compared with
        r = resolve(ex.span.text, pub, "past")
        if r is not None and re.fullmatch(r"\d{4}-Q[1-4]", r.value):
            return r
    return None


# ---------------------------------------------------------------------------------------------- the stage


# words that make the time they govern a scheduled, later point even in a past-tense clause: "payable
# Dec. 7", "effective Feb. 1", "the Jan. 14 deadline", "postponed until Tuesday", "scheduled ... Thursday"
PROSPECTIVE_LEMMAS = {"payable", "effective", "due", "deadline", "expire", "expiration", "schedule", "slate",
                      "postpone", "delay", "adjourn", "extend", "reschedule", "set", "plan"}


def expression_tense(span: Span, default: str = "present") -> str:
    """The tense a time expression is read in: "present" (the occurrence nearest the publication date, on
    either side) when a word between it and its verb (or the verb itself) names a scheduled point, which
    may be past or still to come ("payable Dec. 7", "extended to Nov. 16", "the Tuesday deadline"); future
    for "is to resume trading Tuesday"; else the tense of the clause it modifies (`event_tense`)."""
    root = span.root
    head = root.head if root.head.i != root.i else root
    tok = head
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") and tok.head.lemma_ == "be" and tok.head.tag_ in ("VBZ", "VBP") \
                and any(c.tag_ == "TO" and c.dep_ == "aux" for c in tok.children):
            return "future"  # "is to resume"
        if tok.lemma_.lower() in PROSPECTIVE_LEMMAS or any(
                c.lemma_.lower() in PROSPECTIVE_LEMMAS and c.i < span.start and c.dep_ in ("amod", "compound")
                for c in span.root.children):
            return "present"
        if tok.pos_ in ("VERB", "AUX"):
            break
        if tok.head.i == tok.i:
            break
        tok = tok.head
    if any(t.lemma_.lower() == "deadline" for t in span.doc[span.end: span.end + 2]):
        return "present"  # "the Jan. 14 deadline"
    return event_tense(head, default=default)


# verbs that share the time of the verb they take as complement ("began shooting", "resumed trading"),
# unlike verbs that point forward to it ("asked it to respond by Oct. 31", "agreed to admit ... in March")
ASPECTUAL_LEMMAS = {"begin", "start", "resume", "continue", "stop", "keep", "finish", "cease", "quit"}


def event_tense(trigger: Token, default: str = "past") -> str:
    """past / future for the clause of an event trigger; `default` (news: past) when the clause shows
    neither (no past-tense verb or auxiliary, no will / shall / going to / plan to)."""
    verb = trigger
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    chain = [verb]
    if verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        chain.append(verb.head)
    for v in chain:
        for c in v.children:
            if c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "'ll", "shall", "wo"):
                return "future"
        if v.lemma_ in ("plan", "schedule", "intend", "expect", "prepare", "threaten", "vow", "promise",
                        "propose", "aim") and v.i != verb.i:
            return "future"
        if v.lower_ == "going" and any(c.dep_ == "xcomp" for c in v.children):
            return "future"
    for v in chain:  # the verb, or the aspectual verb it completes ("resumed trading Tuesday")
        if v.pos_ not in ("VERB", "AUX") or (v is not verb and not (
                verb.dep_ == "xcomp" and v.lemma_.lower() in ASPECTUAL_LEMMAS)):
            continue
        if v.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in v.children):
            return "past"
        if v.tag_ == "VBN" and any(c.lemma_ == "have" for c in v.children):
            return "past"
    return default


CLAUSE_DEPS = ("ccomp", "advcl", "relcl", "parataxis", "acl", "conj", "xcomp", "csubj", "pcomp")
# climbing out of these leaves the trigger's clause (coordination does not: "stormed on Monday and killed")
SEQUENCE_MARKS = {"after", "before", "since", "until", "till", "once"}  # "came after Iran vowed ... last month"
SUBORDINATE_DEPS = ("ccomp", "advcl", "relcl", "parataxis", "acl", "xcomp", "csubj", "pcomp")


BOUNDARY_PREPS = {"since", "until", "till"}  # "since taking office in March": the act that opens a period


def _path_cost(trigger: Token, tok: Token) -> tuple[int, bool | None]:
    """Dependency path length between two tokens of one sentence (plus 2 for each clause edge crossed), and
    whether the expression is outside the trigger's clause: the path climbs out of a clause the trigger is in
    ("a man charged Tuesday after his son shot himself", "state media reported on Monday"). None when the
    expression dates something else: the path goes down into a clause that modifies another word ("the
    shooter, identified Friday as ..."), a complement ("vowed to avenge ... last month") or an
    "after"/"before" clause ("came after Iran vowed ... last month"), or the act that bounds the event's
    period ("her first visit since taking office in March")."""
    anc_t = [trigger, *trigger.ancestors]
    anc_e = [tok, *tok.ancestors]
    ids_t = {a.i: k for k, a in enumerate(anc_t)}
    common_k = next((k for k, a in enumerate(anc_e) if a.i in ids_t), None)
    if common_k is None:
        return 99, True
    common = anc_e[common_k]
    up = anc_t[: ids_t[common.i]]
    down = anc_e[:common_k]
    cost = len(up) + len(down)
    cost += 2 * sum(1 for a in up + down if a.dep_ in CLAUSE_DEPS)
    if any((a.dep_ in ("relcl", "acl", "ccomp", "parataxis", "xcomp") and a.head.i != trigger.i)
           or (a.dep_ == "pcomp" and a.pos_ == "VERB" and a.head.lower_ in BOUNDARY_PREPS)
           or (a.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in SEQUENCE_MARKS for m in a.children))
           for a in down):
        return cost, None
    return cost, any(a.dep_ in SUBORDINATE_DEPS for a in up)


SEQUENCE_WORDS = {"after": -1, "following": -1, "before": 1}  # the event is before / after the dated one
UNIT_DAYS = {"minute": 0, "hour": 0, "day": 1, "week": 7}
NEXT_DAY_PARTS = {"day", "morning", "afternoon", "evening", "night"}  # "the morning after": one day later


def _sequence_link(trigger: Token, tok: Token) -> tuple[str, int | None] | None:
    """When the event is inside an "after"/"before" clause or phrase of the clause the expression dates
    ("arrested Thursday, a day after he shot his friend", "died Sunday, hours after the shooting"): the
    word and the event's offset in days from the dated event (-1 for "a day after", 0 for "hours after"),
    None when no measure is given; None when the path crosses no such link."""
    anc_e = {a.i for a in [tok, *tok.ancestors]}
    for a in [trigger, *trigger.ancestors]:
        if a.i in anc_e:
            return None
        link: Token | None = None
        if a.dep_ == "advcl":
            link = next((m for m in a.children if m.dep_ == "mark" and m.lower_ in SEQUENCE_WORDS), None)
            holder = a
        elif a.dep_ == "prep" and a.lower_ in SEQUENCE_WORDS:
            link, holder = a, a
            unit = a.head
            if unit.dep_ == "npadvmod" and unit.lemma_.lower() in NEXT_DAY_PARTS and unit.head.i in anc_e:
                # "went to school Friday, the morning after the shooting": the part of the next (previous) day
                return a.lower_, SEQUENCE_WORDS[a.lower_]
        if link is None:
            continue
        if a.head.i not in anc_e:
            continue  # the link hangs below the common ancestor's path on the trigger's side only
        sign = SEQUENCE_WORDS[link.lower_]
        for m in holder.children:
            if m.dep_ != "npadvmod" or m.lemma_.lower() not in UNIT_DAYS:
                continue
            n = 1
            for c in m.children:
                if c.dep_ == "nummod":
                    n = int(c.text) if c.text.isdigit() else NUMBER_WORDS.get(c.lower_, 1)
            return link.lower_, sign * n * UNIT_DAYS[m.lemma_.lower()]
        return link.lower_, None
    return None


@dataclass
class _Choice:
    res: Resolved
    raw: str
    why: str
    span: Span | None


class DatesStage:
    name = "dates"
    requires: tuple[str, ...] = ("event_type",)
    assigns = ("event_date", "event_date_end", "date_precision", "date_raw", "date_reason")

    def __init__(self, res: Resources):
        self.res = res

    def __call__(self, ctx: ArticleContext) -> None:
        exprs = find_time_expressions(ctx.doc)
        pub = ctx.article.published
        triggers = [e.trigger for e in ctx.events]
        kinds = {e.trigger.i: str(e.get("event_type")) for e in ctx.events}
        own = [choose_expression(t, t.sent, exprs, pub, kinds) for t in triggers]
        clauses = [c for c, _ in own]
        types = [e.get("event_type") for e in ctx.events]
        narrative: _Choice | None | bool = None
        incident: _Choice | None | bool = None
        lead: _Choice | None | bool = None
        body: _Choice | None | bool = None
        headline: _Choice | None | bool = None
        for ev, (clause, other) in zip(ctx.events, own, strict=True):
            choice = None if clause is not None and _coarse(clause) else clause
            what = "narrative time of this kind of event (a dated mention of it)"
            if choice is None:  # another mention of the same kind of event that is dated
                same = [i for i, t in enumerate(types) if t == ev.get("event_type")]
                same_t, same_c = [triggers[i] for i in same], [clauses[i] for i in same]
                choice = narrative_time(same_t, same_c, pub, what, follow_ups=False)
                if choice is None:
                    if incident is None:
                        incident = incident_time(ctx.doc, exprs, pub) or False
                    choice = incident or None
                if choice is None:
                    choice = narrative_time(same_t, same_c, pub, what)
            if choice is None:
                if incident is None:
                    incident = incident_time(ctx.doc, exprs, pub) or False
                choice = incident or None
            if choice is None:
                if lead is None:
                    lead = lead_time(ctx.doc, exprs, pub) or False
                choice = _before_report(other, lead or None)
            if choice is None:
                if narrative is None:
                    narrative = narrative_time(triggers, clauses, pub) or False
                choice = narrative or None
            if choice is None:
                if body is None:
                    body = lead_time(ctx.doc, exprs, pub, whole=True) or False
                choice = body or None
            if choice is None:
                if headline is None:
                    headline = headline_time(ctx.article.title, pub) or False
                choice = headline or None
            if clause is not None and _coarse(clause):
                # a vague past reference ("recently", "in recent weeks") leaves the day open: only a dated
                # mention of the same incident narrows it, not the article's day for whatever it tells
                if clause.res.value == "PAST_REF":
                    same = [i for i, t in enumerate(types)
                            if compatible(ev, ctx.events[i])]
                    choice = narrative_time([triggers[i] for i in same], [clauses[i] for i in same], pub, what,
                                            follow_ups=False)
                choice = _refine(clause, choice)
            self._assign(ev, choice, pub, ctx)

    @staticmethod
    def _assign(ev: EventDraft, choice: _Choice | None, pub: date | None, ctx: ArticleContext) -> None:
        if choice is None:
            if pub is None:
                why = ctx.article.date_note or "the article has no publication date"
                ev.set("event_date", None, reason=f"no resolvable time expression and {why}")
                ev.set("event_date_end", None)
                ev.set("date_precision", None)
                ev.set("date_raw", f"no time expression; {why}")
                ev.set("date_reason", f"no time expression could be resolved and {why}")
                return
            ev.set("event_date", pub.isoformat(), reason="no time expression; publication date")
            ev.set("event_date_end", None)
            ev.set("date_precision", "day")
            ev.set("date_raw", "no time expression; publication date")
            ev.set("date_reason", "no time expression governs the event in its sentence or the article's lead; "
                                  "the publication date is used")
            return
        r = choice.res
        assert r.start is not None
        reason = f"{choice.why}: {choice.raw!r} -> {r.value} ({r.note})"
        if pub is not None and (pub - r.start).days > HISTORICAL_DAYS:
            reason += f"; historical, {(pub - r.start).days // 365} year(s) before publication"
        if pub is not None and r.start > pub:
            reason += "; after publication (future event)"
        ev.set("event_date", r.start.isoformat(), reason=reason)
        end = r.end.isoformat() if r.end and r.end != r.start else None
        ev.set("event_date_end", end)
        ev.set("date_precision", r.precision)
        ev.set("date_raw", choice.raw)
        ev.set("date_reason", reason)


def _before_report(report: _Choice | None, day: _Choice | None) -> _Choice | None:
    """The report's time in another clause ("..., police said Monday") bounds the event from above: a day
    the lead names on or before it (not one of a later step) is the better estimate, else the report's day."""
    if report is None or day is None:
        return report or day
    if day.span is not None and report.span is not None and day.span.start_char == report.span.start_char:
        return report
    if _follow_up(day.span):
        return report  # the lead's day dates a later step (an arrest), not the incident
    if report.res.start is None or day.res.start is None or _coarse(report) or day.res.start > report.res.start:
        return report
    return _Choice(day.res, day.raw, f"{day.why}, on or before the report's {report.raw!r}", day.span)


def _coarse(c: _Choice) -> bool:
    """A period longer than a day ("last week", "over the weekend", "this year")."""
    return c.res.precision != "day" or not re.match(r"\d{4}-\d{2}-\d{2}", c.res.value)


def _refine(period: _Choice, day: _Choice | None) -> _Choice:
    """An event dated only by a period in its clause ("shot last week") takes a day the article gives for the
    incident (a dated mention of the same kind of event, the incident's time, the lead's day) when that day
    falls within the period; otherwise the period stands."""
    r = period.res
    if day is None or _coarse(day) or day.res.start is None or r.start is None:
        return period
    hi = r.end or r.start
    if not r.start <= day.res.start <= hi:
        return period
    return _Choice(day.res, day.raw, f"{day.why}, the day within {period.raw!r} (the event's clause)", day.span)


def _dates_other_event(trigger: Token, tok: Token, kinds: dict[int, str]) -> bool:
    """The expression hangs on the trigger of another kind of event that the trigger is an argument of
    ("police arrested a man Friday for the shooting", "charged Tuesday with killing"): it dates that one."""
    kind = kinds.get(trigger.i)
    anc_e = {a.i for a in [tok, *tok.ancestors]}
    for a in trigger.ancestors:
        if a.i in kinds and kinds[a.i] != kind:
            return True
        if a.i in anc_e:
            return False
    return False


def choose_expression(trigger: Token, sent: Span, exprs: list[TimeExpr], pub: date | None,
                      kinds: dict[int, str] | None = None) -> tuple[_Choice | None, _Choice | None]:
    """The time expressions of the trigger's sentence nearest it in the parse: (in its clause or below it,
    in another clause of the sentence, e.g. the report's "police said Tuesday"). `kinds` maps the token
    index of every event trigger of the article to its event type."""
    tense = event_tense(trigger)
    best: dict[bool, tuple[tuple[int, int], _Choice]] = {}
    day_cands: list[_Choice] = []  # day-precise expressions of the event's clause
    for ex in exprs:
        if ex.span.start < sent.start or ex.span.end > sent.end:
            continue
        if _is_stamp_label(ex.span):
            continue
        own_tense = tense
        if trigger.pos_ in ("NOUN", "PROPN") and ex.span.root.head.i == trigger.i and ex.span.root.dep_ == "poss":
            own_tense = "past"  # "charges will be filed in Tuesday's shooting": the incident named is past
        elif tense == "past":
            # a scheduled point is read forward even beside a past event: "a vigil is planned for Thursday at
            # the scene of the shooting" names the coming Thursday, which dates no shooting
            sched = expression_tense(ex.span, default=tense)
            own_tense = sched if sched in ("present", "future") else tense
        r = resolve(ex.span.text, pub, own_tense)
        if r is None or r.start is None or _day_after_stamp(ex.span.text, r, pub):
            continue
        if tense == "past" and own_tense != tense and pub is not None and r.start > pub:
            continue  # a scheduled point still to come dates no past event
        cost, outside = _path_cost(trigger, ex.span.root)
        if outside is None:
            continue
        seq = _sequence_link(trigger, ex.span.root)
        if seq is None and kinds and _dates_other_event(trigger, ex.span.root, kinds):
            continue
        if seq is not None:
            word, days = seq
            if days is None or r.precision != "day" or not re.match(r"\d{4}-\d{2}-\d{2}", r.value):
                continue  # dates the event this one came before or after, by an unknown interval
            d = r.start + timedelta(days=days)
            r = _day(d, f"{abs(days)} day(s) {word} {r.value} ({r.note})")
            outside = False
        key = (cost, abs(ex.span.start - trigger.i))
        if outside:
            why = "time expression of another clause of the event's sentence (e.g. the report's)"
        elif seq is not None:
            why = f"time expression of the event it came {seq[0]}, shifted by the interval named"
        else:
            why = "time expression in the event's clause"
        cand = _Choice(r, ex.span.text, why, ex.span)
        if not outside and r.precision == "day":
            day_cands.append(cand)
        if outside not in best or key < best[outside][0]:
            best[outside] = (key, cand)
    inner = best[False][1] if False in best else None
    outer = best[True][1] if True in best else None
    if inner is not None and inner.res.precision != "day" and inner.res.start and inner.res.end:
        # a day named in the same clause inside the period refines it ("a violent end to February, with a
        # shooting on Saturday")
        lo, hi = inner.res.start, inner.res.end
        finer = [c for c in day_cands if c.res.start and lo <= c.res.start <= hi]
        if finer:
            c = finer[0]
            inner = _Choice(c.res, c.raw, f"{c.why}, the day within {inner.raw!r}", c.span)
    return inner, outer


BARE_WEEKDAY = re.compile(rf"(?i)^\s*(?:(?:early|late)\s+)?{_WD}{_PART}\s*$")


def _day_after_stamp(text: str, r: Resolved, pub: date | None) -> bool:
    """A bare weekday that names the day after the publication stamp ("Thursday" on a page stamped Wednesday).
    Read in the past tense it is six days back, but news names a day that far back rarely; far more often the
    page's stamp is its first version's and the text was updated the next day ("police said Thursday"). The
    expression is ambiguous, so it dates nothing; the other steps (or the publication date) decide."""
    return pub is not None and r.start is not None and (pub - r.start).days == 6 and bool(BARE_WEEKDAY.match(text))


def _recent_day(r: Resolved | None, pub: date | None) -> bool:
    if r is None or r.start is None or r.precision != "day" or r.value.endswith("_REF"):
        return False
    return pub is None or 0 <= (pub - r.start).days <= NARRATIVE_DAYS


# verbs of the steps that follow an incident (and of its reporting): their dates are not the incident's
FOLLOW_UP_LEMMAS = {"charge", "arrest", "arraign", "appear", "identify", "release", "plead", "book", "jail",
                    "indict", "sentence", "convict", "file", "announce", "name", "detain", "apprehend", "hold",
                    "discharge", "remain", "investigate", "continue", "update", "deny", "seek", "search",
                    # the aftermath: mourning, vigils, statements, public meetings
                    "mourn", "gather", "attend", "address", "speak", "struggle", "remember", "honor", "grieve",
                    "pray", "march", "rally", "describe", "interview", "learn", "lower", "schedule", "testify",
                    # statements and work after the fact: "police on Tuesday provided details", "declined
                    # comment Monday", "came back to collect evidence", "counselors met with students"
                    "provide", "collect", "meet", "decline", "comment", "surrender"}


def _follow_up(span: Span | None) -> bool:
    """The expression dates a later step (an arrest, a charge, a court appearance) or a report."""
    verb = _governing_verb(span) if span is not None else None
    if verb is None:
        return False
    if verb.lemma_.lower() in FOLLOW_UP_LEMMAS | REPORTING_LEMMAS:
        return True
    if verb.lemma_.lower() == "turn" and any(c.dep_ == "prt" and c.lower_ == "in" for c in verb.children):
        return True  # "turned himself in to police Wednesday" (not "the argument turned violent")
    return verb.lemma_.lower() == "be" and _aftermath_state(verb)


# nouns whose state an "is ... on Monday" clause reports after the incident: "an investigation was underway
# Monday", "the boy was in stable condition Tuesday"
AFTERMATH_NOUNS = {"investigation", "probe", "search", "manhunt", "condition", "custody", "jail", "hospital",
                   "counselor", "surgery", "vigil", "funeral"}


def _aftermath_state(verb: Token) -> bool:
    """A "be" clause that states the aftermath (an investigation underway, a victim's condition)."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in AFTERMATH_NOUNS:
            return True
        if c.lower_ == "underway":
            return True
        if c.dep_ == "prep" and any(g.lemma_.lower() in AFTERMATH_NOUNS for g in c.children if g.dep_ == "pobj"):
            return True
    return False


def _deictic_now(raw: str) -> bool:
    """"today", "tonight", "this morning": the reporter's now, which more often dates the report than the
    incident when another mention names a day."""
    return bool(re.search(r"(?i)\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b", raw))


def narrative_time(triggers: list[Token], own: list[_Choice | None], pub: date | None,
                   what: str = "article's narrative time", follow_ups: bool = True) -> _Choice | None:
    """The article's narrative time: the day-precise, recent (within NARRATIVE_DAYS before publication) date
    found in the clause of the article's first event that has one, a named day before the reporter's "today";
    a date of a later step (an arrest, a charge, a report) only when no event has another, and none at all
    without `follow_ups`."""
    found = [(trig, c) for trig, c in zip(triggers, own, strict=True) if c is not None and _recent_day(c.res, pub)
             and (follow_ups or not _follow_up(c.span))]
    for trig, c in sorted(found, key=lambda p: (_follow_up(p[1].span), _deictic_now(p[1].raw))):
        return _Choice(c.res, c.raw, f"{what} (from the clause of {trig.text!r})", c.span)
    return None


# verbs whose clause tells when the incident itself took place ("it happened around 2 p.m. Saturday",
# "officers responded to the home about 11 p.m. Friday")
OCCURRENCE_LEMMAS = {"happen", "occur", "unfold", "erupt", "break", "take", "respond", "dispatch", "call",
                     "summon", "hear", "ring"}


def _occurrence(verb: Token) -> bool:
    """An occurrence verb: "happened", "unfolded", "broke out", "took place", "responded" (not "was taken to
    hospital", "broke a window")."""
    lemma = verb.lemma_.lower()
    if lemma == "take":
        return any(c.lower_ == "place" for c in verb.children)
    if lemma == "break":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    return lemma in OCCURRENCE_LEMMAS


def _governing_verb(span: Span) -> Token | None:
    tok = span.root
    for _ in range(5):
        if tok.pos_ in ("VERB", "AUX") and not span.start <= tok.i < span.end:
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def incident_time(doc: Doc, exprs: list[TimeExpr], pub: date | None) -> _Choice | None:
    """The first recent, day-precise expression of the article that times the incident as such: in the
    clause of an occurrence verb ("the shooting happened Saturday"), or with a clock time ("around 10 p.m.
    Saturday"), which reports of later steps (arrests, statements) rarely give."""
    text = doc_text(doc)
    for ex in exprs:
        if _is_dateline_stamp(ex.span):
            continue
        verb = _governing_verb(ex.span)
        if _follow_up(ex.span):
            continue
        left = text[max(0, ex.span.start_char - 16): ex.span.end_char]
        occurrence = verb is not None and _occurrence(verb)
        if not (occurrence or CLOCK.search(left)):
            continue
        r = _read_past(ex.span, pub)
        if _recent_day(r, pub) and not _day_after_stamp(ex.span.text, r, pub):
            assert r is not None
            what = "an occurrence verb" if occurrence else "a clock time"
            return _Choice(r, ex.span.text, f"the incident's time (an expression with {what})", ex.span)
    return None


def _read_past(span: Span, pub: date | None) -> Resolved | None:
    """An expression of the article read in a news report's past tense, unless a word makes it a scheduled or
    coming point ("a vigil is planned for Thursday", "will be arraigned Friday"): then it is read forward, and
    one still to come dates no past incident."""
    tense = expression_tense(span, default="past")
    r = resolve(span.text, pub, tense)
    if tense != "past" and (r is None or r.start is None or pub is None or r.start > pub):
        return None
    return r


def lead_time(doc: Doc, exprs: list[TimeExpr], pub: date | None, whole: bool = False) -> _Choice | None:
    """The earliest day-precise, recent expression of the article's lead (page stamps and bylines skipped;
    days of later steps last: the incident comes before its aftermath); with `whole`, of the whole article."""
    sents = list(doc.sents)
    end = max((s.end for s in sents[:LEAD_SENTENCES]), default=0)
    end = max([end] + [s.end for s in sents if s.end_char <= LEAD_CHARS])
    if whole:
        end = len(doc)
    found: list[_Choice] = []
    for ex in exprs:
        if ex.span.start >= end:
            break
        if _is_dateline_stamp(ex.span):
            continue
        r = _read_past(ex.span, pub)
        if _recent_day(r, pub) and not _day_after_stamp(ex.span.text, r, pub):
            assert r is not None
            where = "body: no dated event or lead" if whole else "lead"
            found.append(_Choice(r, ex.span.text, f"article's narrative time ({where})", ex.span))
    return min(found, key=lambda c: (_follow_up(c.span), c.res.start), default=None)


def headline_time(title: str | None, pub: date | None) -> _Choice | None:
    """The first recent day the headline names ("Boy hospitalized following Saturday morning shooting"), for an
    article whose text dates nothing: a headline tells the story's main event, in the past tense."""
    if not title:
        return None
    for m in sorted(_pattern_matches(title), key=lambda x: x.start()):
        r = resolve(m.group(0), pub, "past")
        if _recent_day(r, pub) and not _day_after_stamp(m.group(0), r, pub):
            assert r is not None
            return _Choice(r, m.group(0), "the headline's day (the text names none)", None)
    return None


# a dateline's date in parentheses: "HENRY COUNTY, Ind. (Aug. 28, 2015) -- Officials ..."
DATELINE_PAREN = re.compile(r"(?:^|\n|\s{2})[A-Z][A-Z .'-]+,(?:\s+[A-Z][A-Za-z.]+)*\s*\($")


def _is_stamp_label(span: Span) -> bool:
    text = doc_text(span.doc)
    if text[span.end_char: span.end_char + 1] == ")" and DATELINE_PAREN.search(
            text[max(0, span.start_char - 60): span.start_char]):
        return True
    left = text[max(0, span.start_char - 36): span.start_char].lower()
    if re.search(r"\(@\w+\)\s*$", left):
        return True  # an embedded post's date: "... pic.twitter.com/x -- Jane Doe (@jdoe) March 21, 2017"
    return bool(re.search(r"(posted|updated|published|last modified|last updated|related (?:articles?|stories|"
                          r"coverage|links?|content))\s*(on|at)?\s*:?\s*"
                          rf"(?:{_WD},?\s*)?$", left))


def _is_dateline_stamp(span: Span) -> bool:
    """'Posted: Friday, January 31, 2014 10:21 AM', a byline's date, and the like: the page's time stamp,
    not the story's (a stamp label before it, or a sentence with no verb around it)."""
    if _is_stamp_label(span):
        return True
    sent = span.sent
    return not any(t.pos_ in ("VERB", "AUX") for t in sent if not span.start <= t.i < span.end)
