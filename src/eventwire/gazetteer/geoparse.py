"""The geoparser: find place mentions in a parsed article and resolve them against the gazetteer.

Detection: spaCy GPE/LOC/FAC entities (trimmed of "the" and possessive "'s", extended to a longer
gazetteer name such as "Kurdistan region" or "Gaza Strip"), NORP entities that are demonyms ("Iraqi" ->
Iraq, flagged is_demonym), and a gazetteer phrase pass over proper nouns outside those entities
(e.g. "Erbil" inside "Erbil airport", or mis-typed as ORG/PRODUCT) that keeps only prominent places.
Person names are never places. Resolution: rank.py, in two passes so that the places found first
(countries, states) become the context of the others."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..annotate import doc_text
from ..record import PlaceMention
from .lookup import NAME_MAIN, NAME_SHORT, Candidate, Gazetteer
from .normalize import normalize
from .rank import DIVISION_WORDS, Context, Ranked, rank

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PLACE_LABELS = {"GPE", "LOC", "FAC"}
EMBED_LABELS = {"ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "NORP", "FAC"}
DIRECTIONS = {"northern", "southern", "eastern", "western", "north", "south", "east", "west", "northeast",
              "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern",
              "southwestern", "central", "upper", "lower"}
EXTENSIONS = DIRECTIONS | DIVISION_WORDS | {"strip", "bank", "sea", "gulf", "strait", "straits", "heights",
                                            "peninsula", "city", "island", "islands", "valley", "river", "canal",
                                            "ocean", "bay", "coast", "mountains", "lake", "desert", "basin"}
PROMINENT_POP = 100_000  # a phrase-pass place outside a GPE/LOC entity must be at least this big, or a
PROMINENT_CODES = ("PCLI", "ADM1", "ADMD")  # country or first-level division, or curated
_TRIM_HEAD = {"the", "The", "THE"}
_TRIM_TAIL = {"'s", "’s", "'", "’", "-", "--", "—", "–", ","}
# A PERSON entity governed by one of these ("arrived in Kyiv") is read as a place when the gazetteer knows it:
# the small spaCy model tags some unfamiliar city names as people.
LOCATIVE_PREPS = {"in", "at", "near", "to", "from", "outside", "into", "across", "toward", "towards"}


@dataclass
class Mention:
    start: int  # token indexes in the doc
    end: int
    is_demonym: bool = False
    source: str = ""
    cands: list[Candidate] = field(default_factory=list)
    container: int | None = None  # index of the mention that contains this one ("X, Y")
    division_word: bool = False
    result: Ranked | None = None


class Geoparser:
    """Finds and resolves place mentions. One per process (holds the gazetteer)."""

    def __init__(self, gazetteer: Gazetteer):
        self.gaz = gazetteer

    # -- public ----------------------------------------------------------------------------------------

    def parse(self, doc: Doc, article_id: str = "") -> list[PlaceMention]:
        """Every place mention of the doc, resolved where possible, in text order."""
        mentions = self.detect(doc)
        self.resolve(doc, mentions)
        return [self._record(doc, m, article_id) for m in mentions]

    def resolve_spans(self, doc: Doc, spans: list[tuple[int, int]], article_id: str = "") -> list[PlaceMention]:
        """Resolve given character spans (e.g. gold toponyms), the other given spans being the context."""
        mentions: list[Mention] = []
        for a, b in spans:
            sp = doc.char_span(a, b, alignment_mode="expand")
            if sp is None or len(sp) == 0:
                mentions.append(Mention(0, 0, source="unaligned"))
                continue
            m = Mention(sp.start, sp.end, source="given")
            m.cands = self.gaz.lookup(doc_text(doc)[a:b]) or self._lookup_span(sp)
            d = self.gaz.demonym(doc_text(doc)[a:b])
            if d is not None and not _prominent(m.cands, 1_000_000, countries_only=True):
                m.cands, m.is_demonym = [Candidate(d, NAME_MAIN)], True
            mentions.append(m)
        self.resolve(doc, mentions)
        out = []
        for (a, b), m in zip(spans, mentions, strict=True):
            rec = self._record(doc, m, article_id)
            rec.start, rec.end, rec.text = a, b, doc_text(doc)[a:b]
            out.append(rec)
        return out

    # -- detection -------------------------------------------------------------------------------------

    def detect(self, doc: Doc) -> list[Mention]:
        found: list[Mention] = []
        taken = [False] * len(doc)
        person = [False] * len(doc)
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                for i in range(ent.start, ent.end):
                    person[i] = True

        def take(m: Mention) -> None:
            if any(taken[m.start:m.end]):
                return
            for i in range(m.start, m.end):
                taken[i] = True
            found.append(m)

        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS:
                for m in self._from_place_entity(doc, ent):
                    take(m)
            elif ent.label_ == "NORP":
                m = self._demonym(doc, ent)
                if m is not None:
                    take(m)
        for ent in doc.ents:  # "arrived in Kyiv" with Kyiv tagged PERSON
            if ent.label_ == "PERSON" and ent.root.dep_ == "pobj" and ent.root.head.lower_ in LOCATIVE_PREPS:
                for m in self._phrase_pass(doc, ent.start, ent.end, embedded=False):
                    take(m)
        for ent in doc.ents:  # places inside organisations etc. ("Erbil airport", "Kurdish Regional ...")
            if ent.label_ in EMBED_LABELS:
                for m in self._phrase_pass(doc, ent.start, ent.end, embedded=True):
                    take(m)
        # proper nouns outside any entity
        i = 0
        while i < len(doc):
            if doc[i].ent_type_ or person[i] or taken[i] or not _capitalised(doc[i]):
                i += 1
                continue
            j = i
            while j < len(doc) and not doc[j].ent_type_ and _capitalised(doc[j]) and not taken[j]:
                j += 1
            for m in self._phrase_pass(doc, i, j, embedded=False):
                take(m)
            i = j
        found.sort(key=lambda m: m.start)
        self._link(doc, found)
        return found

    def _from_place_entity(self, doc: Doc, ent: Span) -> list[Mention]:
        s, e = ent.start, ent.end
        while s < e and doc[s].text in _TRIM_HEAD:
            s += 1
        while e > s and doc[e - 1].text in _TRIM_TAIL:
            e -= 1
        if s >= e:
            return []
        # extend: "Kurdistan region", "Gaza Strip", "northern Iraq"
        for ns, ne in ((s, e + 2), (s, e + 1), (s - 1, e)):
            if ns < 0 or ne > len(doc) or (ns, ne) == (s, e):
                continue
            extra = doc[ne - 1] if ne > e else doc[ns]
            if extra.lower_ not in EXTENSIONS:
                continue
            cands = self._lookup_span(doc[ns:ne])
            if cands:
                return [Mention(ns, ne, source=f"{ent.label_} entity, extended", cands=cands)]
        cands = self._lookup_span(doc[s:e])
        if cands:
            return [Mention(s, e, source=f"{ent.label_} entity", cands=cands)]
        # no name for the whole entity: places inside it ("Kurdistan's Erbil airport")
        inner = self._phrase_pass(doc, s, e, embedded=True)
        if inner:
            return inner
        if ent.label_ == "FAC":
            return []
        return [Mention(s, e, source=f"{ent.label_} entity, not in gazetteer")]

    def _demonym(self, doc: Doc, ent: Span) -> Mention | None:
        s, e = ent.start, ent.end
        while s < e and doc[s].text in _TRIM_HEAD:
            s += 1
        for a, b in ((s, e), *((i, i + 1) for i in range(s, e))):
            p = self.gaz.demonym(doc[a:b].text)
            if p is not None:
                return Mention(a, b, is_demonym=True, source="demonym", cands=[Candidate(p, NAME_MAIN)])
        return None

    def _phrase_pass(self, doc: Doc, s: int, e: int, embedded: bool) -> list[Mention]:
        """Longest gazetteer names among the capitalised tokens of doc[s:e], prominent places only."""
        out: list[Mention] = []
        i = s
        while i < e:
            if not _capitalised(doc[i]):
                i += 1
                continue
            hit = None
            for j in range(min(e, i + 4), i, -1):
                if not _capitalised(doc[j - 1]):
                    continue
                span = doc[i:j]
                d = self.gaz.demonym(span.text) if embedded else None
                if d is not None:
                    hit = Mention(i, j, is_demonym=True, source="demonym in a name",
                                  cands=[Candidate(d, NAME_MAIN)])
                    break
                cands = self._lookup_span(span)
                if cands and _prominent(cands):
                    hit = Mention(i, j, source="gazetteer name in a name" if embedded else "gazetteer name",
                                  cands=cands)
                    break
            if hit is not None:
                out.append(hit)
                i = hit.end
            else:
                i += 1
        return out

    def _lookup_span(self, span: Span) -> list[Candidate]:
        text = span.text
        cands = self.gaz.lookup(text)
        if not cands and len(span) > 1 and span[-1].text in _TRIM_TAIL:
            cands = self.gaz.lookup(span[:-1].text)
        return cands

    def _link(self, doc: Doc, mentions: list[Mention]) -> None:
        """"X, Y" containers and "X province" division words."""
        by_start = {m.start: k for k, m in enumerate(mentions)}
        for m in mentions:
            if m.end < len(doc) and doc[m.end].lower_ in DIVISION_WORDS:
                m.division_word = True
            if m.end + 1 < len(doc) and doc[m.end].text == "," and m.end + 1 in by_start:
                k = by_start[m.end + 1]
                if not mentions[k].is_demonym:
                    m.container = k

    # -- resolution ------------------------------------------------------------------------------------

    def resolve(self, doc: Doc, mentions: list[Mention]) -> None:
        ctx = Context()
        for m in mentions:  # pass 0: countries named outright, and demonyms
            if m.is_demonym and m.cands:
                p = m.cands[0].place
                if p.country_iso3:
                    ctx.countries[p.country_iso3] += 1
            elif any(c.place.is_country and c.kind == NAME_MAIN for c in m.cands):
                best = max((c for c in m.cands if c.place.is_country), key=lambda c: c.place.population)
                ctx.countries[best.place.country_iso3 or ""] += 1
        for _ in range(2):
            for k, m in enumerate(mentions):
                container = mentions[m.container].cands if m.container is not None else None
                m.result = rank(m.cands, ctx, k, container, m.division_word) if m.cands else Ranked(
                    None, 0.0, 0.0, "no gazetteer entry")
            ctx = self._context(mentions, ctx)

    @staticmethod
    def _context(mentions: list[Mention], base: Context) -> Context:
        ctx = Context(countries=Counter(base.countries))
        for k, m in enumerate(mentions):
            r = m.result
            if r is None or r.place is None or m.is_demonym:
                continue
            p = r.place
            if p.precision == "admin1" and p.country_iso3:
                ctx.admin1s[(p.country_iso3, p.name)] += 1
                ctx.countries[p.country_iso3] += 1
            elif p.precision in ("city", "admin2", "point"):
                ctx.points.append((k, p.lat, p.lon, r.confidence, p.name))
                if r.confidence < 0.4:
                    continue
                if p.country_iso3:
                    ctx.countries[p.country_iso3] += 0.5  # type: ignore[assignment]
                if p.admin1:
                    ctx.admin1s[(p.country_iso3, p.admin1)] += 0.5  # type: ignore[assignment]
        return ctx

    # -- output ----------------------------------------------------------------------------------------

    def _record(self, doc: Doc, m: Mention, article_id: str) -> PlaceMention:
        if m.end <= m.start:
            return PlaceMention(article_id, "", 0, 0, reason="span not aligned with tokens")
        span = doc[m.start:m.end]
        r = m.result or Ranked(None, 0.0, 0.0, "not resolved")
        rec = PlaceMention(article_id=article_id, text=span.text, start=span.start_char, end=span.end_char,
                           is_demonym=m.is_demonym, sentence_start=_sentence_start(span))
        src = m.source + (" (demonym)" if m.is_demonym and "demonym" not in m.source else "")
        if r.place is None:
            rec.reason = f"{src}; {r.reason}"
            return rec
        p = r.place
        rec.name, rec.geonames_id, rec.latitude, rec.longitude = p.name, p.geonames_id, p.lat, p.lon
        rec.feature_code, rec.country_iso3, rec.admin1 = p.feature_code, p.country_iso3, p.admin1
        rec.confidence = 0.9 if m.is_demonym else r.confidence
        rec.geo_precision = p.precision
        rec.reason = f"{src}; {r.reason}"
        return rec


def _capitalised(tok: Token) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and tok.pos_ in ("PROPN", "ADJ", "NOUN", "X", "")


def _sentence_start(span: Span) -> int | None:
    doc = span.doc
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return None
    return span.sent.start_char


def _prominent(cands: list[Candidate], min_pop: int = PROMINENT_POP, countries_only: bool = False) -> bool:
    """A country or first-level division, or a place of at least min_pop people, named by its main name."""
    for c in cands:
        if c.kind >= NAME_SHORT:
            continue
        p = c.place
        if (p.is_country if countries_only else p.feature_code in PROMINENT_CODES):
            return True
        if p.population >= min_pop and c.kind == NAME_MAIN:
            return True
    return False


__all__ = ["Geoparser", "Mention", "normalize"]
