"""Records: merge the mentions of one event within an article, then flatten each draft into the contract's
Event (ids, PLOVER scores, ACLED crosswalk, evidence offsets, confidence, article metadata).

Merging: news repeats an event ("the Guards claimed the strike ... died in the attacks ... condemned the
attacks which happened near Erbil"). Drafts of the same type whose actors, places and dates do not
conflict are one event; the first mention that names a source actor is kept as the evidence, and the
others fill what it lacks (the most precise place, the highest casualty count, a stated date, an
attribution), each with a reason naming the sentence it came from."""

from __future__ import annotations

import hashlib

from .. import CODER
from ..context import ArticleContext, EventDraft
from ..ontology import crosswalks, plover
from ..record import Event
from .confidence import Calibrator

RAW = Calibrator(identity=True)
GEO_RANK = {"point": 6, "city": 5, "admin2": 4, "admin1": 3, "region": 2, "country": 1}
FALLBACK_GEO = ("dateline", "main place of the article", "demonym in", "no place")  # geo_reason prefixes
MERGE_WINDOW = 12  # sentences: mentions further apart are not merged


def _sentence_index(ctx: ArticleContext) -> dict[int, int]:
    return {s.start: i for i, s in enumerate(ctx.doc.sents)}


def _conflict(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a != b


def _same_actor(a: EventDraft, b: EventDraft, n: str) -> bool:
    """Actor n (1 or 2) of a and b do not contradict each other."""
    return not (_conflict(a.get(f"actor{n}_country"), b.get(f"actor{n}_country"))
                or (_conflict(a.get(f"actor{n}_name"), b.get(f"actor{n}_name"))
                    and a.get(f"actor{n}_country") is None))


def _placed(ev: EventDraft) -> bool:
    """The event has a place of its own (not a dateline or article-level fallback)."""
    return ev.get("latitude") is not None and not (ev.get("geo_reason") or "no place").startswith(FALLBACK_GEO)


def place_conflict(a: EventDraft, b: EventDraft) -> bool:
    """Different countries; a place outside any country (a sea, a strait) differs from every country when
    both mentions are placed by their own words."""
    if _placed(a) and _placed(b):
        return a.get("country_iso3") != b.get("country_iso3")
    return _conflict(a.get("country_iso3"), b.get("country_iso3"))


ANAPHORIC_DETS = {"the", "this", "these", "that", "those", "such"}
ANAPHORIC_SUBJECTS = {"this", "that", "it", "these", "those"}


RECENCY_MODIFIERS = {"latest", "recent", "same"}
LOCATIVE_PREPS = {"in", "near", "at", "outside", "inside", "around", "across", "along"}


def points_back_by_recency(ev: EventDraft) -> bool:
    """"The latest attack on ...", "the recent strikes": a definite noun mention marked as the most recent (or
    the same) event of its kind refers to the event just told, even when it names a target; only a place
    stated by a locative preposition of its own ("the latest attack in Kabul") keeps it apart."""
    t = ev.trigger
    if t.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in t.children):
        return False
    if not any(c.dep_ == "amod" and c.lower_ in RECENCY_MODIFIERS for c in t.children):
        return False
    return not any(c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS for c in t.children)


def anaphoric(ev: EventDraft) -> bool:
    """A mention that points back to an event told before: one marked as the latest of its kind (above), or a
    bare noun with no actor of its own, and a definite or demonstrative determiner ("the attacks", "these
    strikes") or the predicate of "this/it was" ("this was a reckless set of strikes"), and nothing said about
    it (no prepositional phrase, relative clause or possessor). Its sentence's places describe something else."""
    if points_back_by_recency(ev):
        return True
    if ev.get("actor1_text") is not None or ev.get("actor2_text") is not None or ev.trigger.pos_ != "NOUN":
        return False
    if any(c.dep_ in ("prep", "acl", "relcl", "poss") for c in ev.trigger.children):
        return False  # "the killing of three guards in Syria": it says what it is about; not a pointer back
    head = ev.trigger
    while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.lower_ == "of":
        head = head.head.head  # "a set of strikes" -> "set"
    if any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in head.children):
        return True
    return head.dep_ == "attr" and any(c.dep_ == "nsubj" and c.lower_ in ANAPHORIC_SUBJECTS
                                       for c in head.head.children)


NEW_REFERENT_DETS = {"a", "an", "another"}
OWN_CLAUSE_DATE = "time expression in the event's clause"  # dates.py: the event's own words date it


def introduces_new(ev: EventDraft) -> bool:
    """"Last week, a strike on the city injured nine": an indefinite noun (a new referent) that its own clause
    dates is another incident, unless its date meets the earlier mention's ("a shooting on Sept. 3")."""
    t = ev.trigger
    return t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in NEW_REFERENT_DETS for c in t.children) \
        and (ev.get("date_reason") or "").startswith(OWN_CLAUSE_DATE)


def _dates_meet(a: EventDraft, b: EventDraft) -> bool:
    """The two mentions' date ranges overlap (or one is undated)."""
    a0, b0 = a.get("event_date"), b.get("event_date")
    if not (a0 and b0):
        return True
    a1, b1 = a.get("event_date_end") or a0, b.get("event_date_end") or b0
    return not (str(a1) < str(b0) or str(b1) < str(a0))


def compatible(a: EventDraft, b: EventDraft) -> bool:
    if a.get("event_type") != b.get("event_type"):
        return False
    if a.get("hypothetical") != b.get("hypothetical") or a.get("negated") != b.get("negated"):
        return False
    if not (_same_actor(a, b, "1") and _same_actor(a, b, "2")):
        return False
    # an actor cannot be both the source of one mention and the target of the other
    if a.get("actor1_country") and a.get("actor1_country") == b.get("actor2_country") \
            and a.get("actor1_country") != a.get("actor2_country"):
        return False
    if place_conflict(a, b) and not (anaphoric(a) or anaphoric(b)):
        return False
    da, db = a.get("event_date"), b.get("event_date")
    if da and db and da != db and a.get("date_precision") == "day" == b.get("date_precision") \
            and "publication" not in (a.get("date_raw") or "") + (b.get("date_raw") or ""):
        return False
    return True


def _same_source(name: str, pv: dict) -> bool:
    """`name` is the record's source or one already named beside it ('Guards' and 'Revolutionary Guards')."""
    words = set(name.lower().split())
    known = [str(pv.get("attribution_name") or ""), *pv.get("other_sources", ())]
    return any(words <= set(k.lower().split()) for k in known if k)


def _absorb(primary: EventDraft, other: EventDraft, where: str) -> None:
    """Fill what `primary` lacks from another mention of the same event."""
    pv, ov = primary.values, other.values
    for n in ("1", "2"):
        if pv.get(f"actor{n}_text") is None and ov.get(f"actor{n}_text") is not None:
            for f in ("text", "name", "country", "sector"):
                pv[f"actor{n}_{f}"] = ov.get(f"actor{n}_{f}")
            pv["actor_reason"] = f"{pv.get('actor_reason') or ''}; actor{n} from {where}".strip("; ")
    if pv.get("event_mode") is None and ov.get("event_mode") is not None:
        pv["event_mode"] = ov["event_mode"]
    p_rank = GEO_RANK.get(pv.get("geo_precision") or "", 0)
    o_rank = GEO_RANK.get(ov.get("geo_precision") or "", 0)
    p_fallback = (pv.get("geo_reason") or "no place").startswith(FALLBACK_GEO)
    o_fallback = (ov.get("geo_reason") or "no place").startswith(FALLBACK_GEO)
    if ov.get("latitude") is not None and not o_fallback and (p_fallback or o_rank > p_rank):
        for f in ("location_text", "location_name", "latitude", "longitude", "geo_precision", "geonames_id",
                  "feature_code", "country_iso3", "admin1"):
            pv[f] = ov.get(f)
        pv["geo_reason"] = f"{ov.get('geo_reason')} (from {where})"
    for f in ("fatalities", "injured"):
        # a 0 injured worked out by subtraction ("injured 0 = 2 shot or stabbed minus 2 killed", casualties stage)
        # is no report that nobody was hurt: another mention's count of the injured says more
        inferred = f == "injured" and pv.get(f) == 0 and "injured 0 = " in (pv.get("casualty_reason") or "")
        if ov.get(f) is not None and (pv.get(f) is None or (inferred and ov[f] > 0)):
            pv[f] = ov[f]
            pv["casualty_reason"] = f"{f} {ov[f]} from {where}: {ov.get('casualty_reason') or ''}".strip()
    if "publication" in (pv.get("date_raw") or "publication") and ov.get("event_date") \
            and "publication" not in (ov.get("date_raw") or "publication"):
        for f in ("event_date", "event_date_end", "date_precision", "date_raw"):
            pv[f] = ov.get(f)
            if f in other.reasons:
                primary.reasons[f] = other.reasons[f]
        pv["date_reason"] = f"date from {where}: {ov.get('date_reason') or ''}".rstrip(": ")
    if pv.get("claim_status", "asserted") == "asserted" and ov.get("claim_status", "asserted") != "asserted":
        for f in ("attribution_text", "attribution_name", "attribution_country", "claim_status"):
            pv[f] = ov.get(f)
        pv["attribution_reason"] = f"attribution from {where}"
    elif ov.get("attribution_name") and not _same_source(ov["attribution_name"], pv):
        # one source per record; the others that tell the same event are named in the reason
        pv["attribution_reason"] = (f"{pv.get('attribution_reason') or ''}; also {ov.get('claim_status')} by "
                                    f"{ov['attribution_name']!r} ({where})").strip("; ")
        pv["other_sources"] = [*pv.get("other_sources", ()), ov["attribution_name"]]  # not a record field
    pv["mentions"] = pv.get("mentions", 1) + ov.get("mentions", 1)


def _first_told_casualties(primary: EventDraft, first: EventDraft, where: str) -> None:
    """The casualty counts of the mention told first stay the record's when a later mention that names the
    actor becomes its evidence: the first telling of an event carries its toll (the lead), a later one often
    a part of it ("the older victim was shot in the hip")."""
    pv, fv = primary.values, first.values
    for f in ("fatalities", "injured"):
        # as in _absorb, a 0 injured worked out by subtraction gives way to a count
        inferred = f == "injured" and fv.get(f) == 0 and "injured 0 = " in (fv.get("casualty_reason") or "")
        if fv.get(f) is not None and pv.get(f) != fv[f] and not (inferred and (pv.get(f) or 0) > 0):
            pv[f] = fv[f]
            pv["casualty_reason"] = f"{f} {fv[f]} from {where}, told first: {fv.get('casualty_reason') or ''}".strip()


def merge_mentions(ctx: ArticleContext) -> list[EventDraft]:
    """One draft per event of the article (mentions merged), in order of first mention."""
    sent_of = _sentence_index(ctx)
    merged: list[EventDraft] = []
    owner: dict[int, EventDraft] = {}  # id(draft) -> the merged draft that stands for it
    last: dict[int, int] = {}  # id(merged draft) -> sentence of its latest mention
    for ev in ctx.events:
        si = sent_of.get(ev.sent.start, 0)
        # the antecedent: the nearest compatible event that names its source, else the nearest one. A mention
        # that points back ("the attacks") looks for the event talked about last, which stays in view for
        # MERGE_WINDOW sentences after its latest mention (one placed elsewhere only when no other is in view);
        # other mentions, after its first.
        if anaphoric(ev):
            near = sorted((c for c in reversed(merged) if si - last[id(c)] <= MERGE_WINDOW and compatible(c, ev)),
                          key=lambda c: (place_conflict(c, ev), -last[id(c)]))
        else:
            near = [c for c in reversed(merged)
                    if si - sent_of.get(c.sent.start, 0) <= MERGE_WINDOW and compatible(c, ev)]
        if introduces_new(ev):
            near = [c for c in near if _dates_meet(c, ev)]
        # a new incident's sentence tells of it: its other mentions there join it, not an earlier event
        same = [c for c in near if c.sent.start == ev.sent.start and introduces_new(c)]
        named = [c for c in near if c.get("actor1_text") is not None]
        target = (same or named or near or [None])[0]
        if target is None:
            merged.append(ev)
            owner[id(ev)] = ev
            last[id(ev)] = si
            continue
        where = f"sentence {si + 1} ({ev.trigger.text!r})"
        if target.get("actor1_text") is None and ev.get("actor1_text") is not None:
            # the later mention names the actor: it becomes the evidence
            merged[merged.index(target)] = ev
            told = f"sentence {sent_of.get(target.sent.start, 0) + 1} ({target.trigger.text!r})"
            _absorb(ev, target, told)
            _first_told_casualties(ev, target, told)
            for k, v in list(owner.items()):
                if v is target:
                    owner[k] = ev
            owner[id(ev)] = ev
            last[id(ev)] = si
        else:
            _absorb(target, ev, where)
            owner[id(ev)] = target
            last[id(target)] = si
    _targets_from_referenced_events(ctx, merged, owner)
    return merged


REFERENCE_DEPS = {"dobj", "obj", "nsubjpass"}
REFERENCE_PREPS = {"against", "on", "over", "for", "about"}


def _targets_from_referenced_events(ctx: ArticleContext, merged: list[EventDraft],
                                    owner: dict[int, EventDraft]) -> None:
    """An event whose object is another event ("condemned the attacks") targets that event's source."""
    by_token = {ev.trigger.i: ev for ev in ctx.events}
    for ev in merged:
        if ev.get("actor2_text") is not None:
            continue
        objs = [c for c in ev.trigger.children if c.dep_ in REFERENCE_DEPS]
        objs += [g for c in ev.trigger.children if c.dep_ == "prep" and c.lower_ in REFERENCE_PREPS
                 for g in c.children if g.dep_ == "pobj"]
        for o in objs:
            ref = by_token.get(o.i)
            ref = owner.get(id(ref)) if ref is not None else None
            if ref is None or ref is ev or ref.get("actor1_text") is None:
                continue
            for f in ("text", "name", "country", "sector"):
                ev.values[f"actor2_{f}"] = ref.get(f"actor1_{f}")
            ev.values["actor_reason"] = (f"{ev.get('actor_reason') or ''}; target is the source of the "
                                         f"{ref.get('event_type')} event it refers to ({o.text!r})").strip("; ")
            break


def _text_sha(ctx: ArticleContext) -> str:
    sha = ctx.notes.get("records.text_sha256")
    if sha is None:
        sha = ctx.notes["records.text_sha256"] = hashlib.sha256(ctx.article.text.encode("utf-8")).hexdigest()
    return str(sha)


def _event_id(ctx: ArticleContext, ev: EventDraft) -> str:
    key = f"{ctx.article.id}|{_text_sha(ctx)}|{ev.trigger.idx}|{ev.get('event_type')}|{CODER}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _evidence(ctx: ArticleContext, ev: EventDraft) -> tuple[int, int, str]:
    text = ctx.article.text
    start, end = ev.sent.start_char, ev.sent.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end, text[start:end]


def to_event(ctx: ArticleContext, ev: EventDraft, confidence: Calibrator = RAW) -> Event:
    v = ev.values
    art = ctx.article
    typ = v["event_type"]
    try:
        mode = plover.normalize_mode(typ, v.get("event_mode"))
    except ValueError:
        mode = None
    start, end, text = _evidence(ctx, ev)
    a_type, a_sub = (None, None)
    if not v.get("hypothetical") and not v.get("negated"):
        a_type, a_sub = crosswalks.acled_for_event(typ, mode, v.get("event_contexts") or (),
                                                   v.get("actor1_sector"), v.get("actor2_sector"),
                                                   v.get("actor2_text"), evidence=text)
    names = Event.__dataclass_fields__
    fields = {k: val for k, val in v.items() if k in names}
    fields.update(
        event_id=_event_id(ctx, ev), article_id=art.id, event_type=typ, event_mode=mode,
        event_contexts=list(v.get("event_contexts") or []), quad_class=plover.quad_class(typ),
        intensity=plover.intensity(typ, mode), acled_event_type=a_type, acled_sub_event_type=a_sub,
        evidence_text=text, evidence_start=start, evidence_end=end,
        confidence=confidence(v, plover.quad_class(typ)),
        source_url=art.url, source_name=art.source, source_title=art.title,
        published=art.published.isoformat() if art.published else None, source_count=1, coder=CODER,
        geo_reason=v.get("geo_reason") or "no place found", claim_status=v.get("claim_status") or "asserted",
        negated=bool(v.get("negated")), hypothetical=bool(v.get("hypothetical")),
    )
    return Event(**fields)


def build_records(ctx: ArticleContext, confidence: Calibrator = RAW) -> list[Event]:
    """The article's Event records; `confidence` scores each (the pipeline passes the calibrated one,
    stages/confidence.py; the default is the raw score)."""
    return [to_event(ctx, ev, confidence) for ev in merge_mentions(ctx)]
