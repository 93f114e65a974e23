"""Places stage: every place mention of the article (ctx.places), and where each event happened.

The event's place is, in order of preference:
1. a place tied to the trigger in the parse: reached from the trigger (or the verb it is the object of)
   through a locative preposition (in, near, at, on the outskirts of, across...), or a place modifying
   the trigger or its target noun ("the Erbil attack", "a Kabul hospital was bombed");
2. another place in the trigger's sentence (not a demonym, the most specific);
3. the dateline ("ERBIL, Iraq (Reuters) -");
4. the article's main place (the most often named, the most specific on ties), or a demonym.
geo_reason says which rule chose it. A place that cannot be resolved never stops the others; a mention the
gazetteer does not know (placed by the geoparser at the article's main place, gazetteer.geoparse.FALLBACK)
is never chosen."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from ..annotate import doc_text
from ..gazetteer.geoparse import Geoparser, is_fallback
from ..record import PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..context import ArticleContext, EventDraft
    from ..resources import Resources

LOCATIVE = {"in", "near", "at", "on", "across", "outside", "inside", "around", "into", "over", "along",
            "throughout", "within", "off", "towards", "toward", "against", "nearby", "outskirts", "by",
            "between", "beyond", "amid", "through"}
# nouns through which "of" still names a place: "on the outskirts of X", "in the north of X"
AREA_NOUNS = {"outskirts", "edge", "city", "town", "village", "province", "region", "capital", "north", "south",
              "east", "west", "centre", "center", "heart", "part", "parts", "area", "areas", "border",
              "suburbs", "suburb", "district", "districts", "coast", "shores", "waters", "streets", "port",
              "outside", "vicinity", "county", "state", "neighbourhood", "neighborhood", "governorate"}
MODIFIER_DEPS = {"compound", "amod", "nmod", "npadvmod"}
SPECIFIC = {"point": 0, "city": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5, None: 6}
DATELINE = re.compile(r"^\s*(?:[A-Z][A-Za-z .'\u2019-]{1,40})(?:,\s*[A-Za-z][A-Za-z .'\u2019-]{1,40})?\s*"
                      r"(?:\([^)]{1,40}\))?\s*(?:[\u2014\u2013]|--|-\s)")
MAX_PATH = 8


class PlacesStage:
    name = "places"
    requires: tuple[str, ...] = ("event_type",)
    assigns = ("location_text", "location_name", "latitude", "longitude", "geo_precision", "geonames_id",
               "feature_code", "country_iso3", "admin1", "geo_reason")

    def __init__(self, res: Resources):
        self.res = res
        self._geoparser: Geoparser | None = None

    @property
    def geoparser(self) -> Geoparser:
        if self._geoparser is None:
            self._geoparser = Geoparser(self.res.gazetteer)
        return self._geoparser

    def __call__(self, ctx: ArticleContext) -> None:
        doc = ctx.doc
        try:
            mentions = self.geoparser.parse(doc, ctx.article.id, url=ctx.article.url, source=ctx.article.source)
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the run
            mentions = []
            ctx.notes["places"] = {"error": f"geoparser failed: {exc!r}"}
        ctx.places = mentions
        spans = [_token_span(doc, m) for m in mentions]
        dateline = _dateline(doc, mentions)
        main = _main_place(mentions, spans)
        for ev in ctx.events:
            try:
                choice, reason = choose(ev, mentions, spans, dateline, main)
            except Exception as exc:  # noqa: BLE001
                choice, reason = None, f"no place: location rule failed ({exc!r})"
            _assign(ev, choice, reason)


ATTACKS = {"ASSAULT", "COERCE"}  # event types whose demonym modifier names the attacker ("Israeli strikes")


def choose(ev: EventDraft, mentions: list[PlaceMention], spans: list[Span | None],
           dateline: PlaceMention | None, main: PlaceMention | None) -> tuple[PlaceMention | None, str]:
    """The place of one event and why."""
    sent = ev.sent
    in_sent = [(m, sp) for m, sp in zip(mentions, spans, strict=True)
               if sp is not None and sent.start <= sp.start and sp.end <= sent.end and _usable(m)]
    tied: list[tuple[PlaceMention, str]] = []
    for m, sp in in_sent:
        how = _tie(ev.trigger, sp)
        if how and m.is_demonym and how == "as a modifier of the trigger" and ev.get("event_type") in ATTACKS:
            continue  # "Russian missile attacks damaged plants in Ukraine": the demonym says who, not where
        if how:
            tied.append((m, how))
    if tied:
        non_dem = [t for t in tied if not t[0].is_demonym] or tied
        m, how = min(non_dem, key=lambda t: (SPECIFIC[t[0].geo_precision], abs(t[0].start - ev.trigger.idx)))
        m = _refine(m, [x for x, _ in in_sent])
        return m, f"place tied to trigger {how}"
    places = [m for m, _ in in_sent if not m.is_demonym]
    if places:
        m = min(places, key=lambda x: (SPECIFIC[x.geo_precision], abs(x.start - ev.trigger.idx)))
        return m, "most specific place in the event's sentence"
    if dateline is not None:
        return dateline, "dateline"
    demonyms = [m for m, _ in in_sent if m.is_demonym]
    if main is not None:
        return main, "main place of the article (most often named)"
    if demonyms:
        return demonyms[0], "demonym in the event's sentence"
    return None, "no place found in the article"


def _tie(trigger: Token, span: Span) -> str | None:
    """How a place span hangs on the trigger in the dependency parse, or None."""
    anchors = {trigger.i}
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "attr",
                                                               "obj", "conj"):
        anchors.add(trigger.head.i)  # "launched strikes in Yemen": the prep hangs on the verb
    targets = {c.i for c in trigger.children if c.dep_ in ("dobj", "nsubjpass", "obj", "attr")}
    head = span.root
    tok = head
    preps: list[str] = []
    deps: list[str] = []
    through_area = False  # the "of" closest to the place hangs on an area noun
    for _ in range(MAX_PATH):
        if tok.dep_ in ("prep", "agent"):
            if not preps and tok.lower_ == "of" and tok.head.lower_ in AREA_NOUNS:
                through_area = True
            # a place that is itself a passive's agent ("drones launched by Russia") acted; it is not where
            # (the agent's own place may still be: "killed by Pittsburgh police")
            agent = tok.dep_ == "agent" and deps == ["pobj"]
            preps.append("by (agent)" if agent else tok.lower_)
        deps.append(tok.dep_)
        parent = tok.head
        if parent.i == tok.i:
            return None
        if parent.i in anchors or parent.i in targets:
            if preps and (preps[0] in LOCATIVE or (through_area and any(p in LOCATIVE for p in preps))):
                phrase = " ".join(reversed(preps))
                return f"via '{phrase}'"
            if not preps and deps[0] in MODIFIER_DEPS and len(deps) == 1:
                return "as a modifier of " + ("the trigger" if parent.i in anchors else "its target")
            if parent.i in anchors:
                return None
        if parent.pos_ == "VERB" and parent.i not in anchors and tok.dep_ in ("ccomp", "advcl", "xcomp"):
            return None
        tok = parent
    return None


def _refine(m: PlaceMention, others: list[PlaceMention]) -> PlaceMention:
    """A country or division chosen while the sentence names a place inside it: keep the more specific
    one only when it is in that country and the sentence names it as a place (not a demonym)."""
    if m.geo_precision not in ("country", "admin1", "region"):
        return m
    inside = [o for o in others if not o.is_demonym and o.country_iso3 == m.country_iso3
              and SPECIFIC[o.geo_precision] < SPECIFIC[m.geo_precision] and o.name is not None]
    return min(inside, key=lambda o: SPECIFIC[o.geo_precision]) if inside else m


def _token_span(doc: Doc, m: PlaceMention) -> Span | None:
    if m.end <= m.start:
        return None
    return doc.char_span(m.start, m.end, alignment_mode="expand")


def _dateline(doc: Doc, mentions: list[PlaceMention]) -> PlaceMention | None:
    head = doc_text(doc)[:200]
    mt = DATELINE.match(head)
    if not mt:
        return None
    inside = [m for m in mentions if m.start < mt.end() and _usable(m) and not m.is_demonym]
    return min(inside, key=lambda m: m.start) if inside else None


def _main_place(mentions: list[PlaceMention], spans: list[Span | None]) -> PlaceMention | None:
    """The article's main place: first the country whose places are named most (a place used as an actor,
    "the US said", counts less than one used as a location, "in Iraq"), then, within it, the place named
    most, the more specific on ties."""
    weights: list[float] = []
    for m, sp in zip(mentions, spans, strict=True):
        w = 0.0
        if _usable(m) and sp is not None:
            dep = sp.root.dep_
            w = 0.5 if m.is_demonym else 1.0
            if dep in ("nsubj", "nsubjpass", "poss", "compound") and not m.is_demonym:
                w = 0.4
            elif dep == "pobj" and sp.root.head.lower_ in LOCATIVE:
                w = 1.5
        weights.append(w)
    by_country: Counter[str] = Counter()
    by_place: Counter[tuple[str | None, str | None]] = Counter()
    first: dict[tuple[str | None, str | None], PlaceMention] = {}
    for m, w in zip(mentions, weights, strict=True):
        if w <= 0:
            continue
        by_country[m.country_iso3 or m.name or ""] += w  # type: ignore[assignment]
        key = (m.name, m.country_iso3)
        by_place[key] += w  # type: ignore[assignment]
        if key not in first or (first[key].is_demonym and not m.is_demonym):
            first[key] = m
    if not by_country:
        return None
    country = max(by_country, key=lambda c: by_country[c])
    keys = [k for k in by_place if (k[1] or k[0] or "") == country and not first[k].is_demonym]
    if not keys:
        return None
    key = max(keys, key=lambda k: (by_place[k], -SPECIFIC[first[k].geo_precision], -first[k].start))
    return first[key]


def _usable(m: PlaceMention) -> bool:
    """A resolved mention, not one placed at the article's main place for want of its name."""
    return m.name is not None and not is_fallback(m)


def _assign(ev: EventDraft, m: PlaceMention | None, reason: str) -> None:
    if m is None:
        for f in PlacesStage.assigns[:-1]:
            ev.set(f, None)
        ev.set("geo_reason", reason, reason=reason)
        return
    why = f"{reason}: {m.reason}"
    ev.set("location_text", m.text, reason=why)
    ev.set("location_name", m.name)
    ev.set("latitude", m.latitude)
    ev.set("longitude", m.longitude)
    ev.set("geo_precision", m.geo_precision)
    ev.set("geonames_id", m.geonames_id)
    ev.set("feature_code", m.feature_code)
    ev.set("country_iso3", m.country_iso3)
    ev.set("admin1", m.admin1)
    ev.set("geo_reason", why, reason=why)
