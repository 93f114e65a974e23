"""The geoparser: find place mentions in a parsed article and resolve them against the gazetteer.

Detection: spaCy GPE/LOC/FAC entities (trimmed of "the" and possessive "'s", extended to a longer
gazetteer name such as "Kurdistan region" or "Gaza Strip"), NORP entities that are demonyms ("Iraqi" ->
Iraq, flagged is_demonym), and a gazetteer phrase pass over proper nouns outside those entities
(e.g. "Erbil" inside "Erbil airport", or mis-typed as ORG/PRODUCT) that keeps only prominent places.
Entities the tagger calls people, organisations etc. are places when the article uses the name as a place
elsewhere, or when the sentence says so (`_place_by_syntax`: "in X", "the town of X", "X and Y counties",
"the X Police Department", an upper-case dateline, "(R-X)"); never a name after a title ("King Hassan"),
a word of an institution's own name ("Supreme Court") or a word an organisation's name uses as a word ("the
Organization of African Unity"), nor a shorter name inside a longer one. Resolution: rank.py (with the publisher's
home from the article's url / source, outlets.py, as a soft prior), in RESOLVE_PASSES passes
so that each pass sees the article's other places as the pass before resolved them; a name the gazetteer
lacks is placed at the article's main place with a low confidence and a reason starting FALLBACK."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..annotate import doc_ents, doc_text, is_cased
from ..record import PlaceMention
from .common_words import (
    common_noun_here,
    common_surnames,
    hyphenated_name,
    is_common_word,
    mixed_case_words,
    person_name_word,
    prune,
    saint_of_institution,
    street_name,
    surnames,
    upper_sentence,
    written_in_mixed_case,
)
from .initials import Initialisms, is_initialism
from .lookup import NAME_ABBR, NAME_ALT, NAME_MAIN, NAME_SHORT, Candidate, Gazetteer, Place
from .normalize import normalize
from .outlets import Home, Outlets
from .rank import DIVISION_WORDS, NEAR_KM, Context, Ranked, Ranker, contains, haversine_km, prior_dist

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PLACE_LABELS = {"GPE", "LOC", "FAC"}
EMBED_LABELS = {"ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "NORP", "FAC", "MONEY"}
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
# entities that may be places mis-tagged (whole entity a gazetteer name, placed by syntax or by the article)
RETAG_LABELS = {"PERSON", "ORG", "PRODUCT", "NORP", "WORK_OF_ART", "EVENT", "LANGUAGE", "DATE"}
DIVISION_PLURALS = {"counties", "parishes", "townships", "provinces", "districts", "governorates", "boroughs",
                    "municipalities", "oblasts", "prefectures", "departments"}
CIVIC_WORDS = {"police", "fire", "sheriff", "sheriff's", "city", "town", "township", "village", "borough",
               "high", "elementary", "council", "library", "hospital", "chamber", "historical", "municipal",
               "public", "schools", "mayor", "selectman", "selectmen", "constabulary", "officers", "officials",
               "residents", "area", "court", "department", "board", "superior", "community", "alderman",
               "aldermen", "councilman", "councilwoman", "voters", "neighborhood", "native", "resident", "natives"}
PARTIES = {"R", "D", "I"}  # "Sen. Jay Roberts (R-Ocilla)"
DATELINE_PUNCT = {"—", "–", "-", "--", ":", ",", "("}
CIVIC_REASON = "naming a local institution"
COUNTY_WORDS = {"County", "Parish", "Township", "Borough"}  # capitalised: part of the division's name
IN_NAME_REASON = "after 'in' inside a name"  # "St. John's Lutheran School in Lombard"
COMMA_PLACE_REASON = "before ', <place>'"  # "Greer, South Carolina"
# Besides GPE/LOC/FAC entities, the cues strong enough to make a name a place for the rest of the article
TEACHING_CUES = (IN_NAME_REASON, COMMA_PLACE_REASON, "as the dateline")
SYNTAX_PREPS = {"in", "near", "from", "outside", "across", "throughout", "around", "through", "between"}
# ("to Taylor", "at UF" are not places; "moved to X", "the town of X" are)
MOTION_VERBS = {"move", "travel", "go", "head", "return", "drive", "fly", "relocate", "come", "walk", "ride",
                "commute", "evacuate", "flee", "transfer", "sail", "march", "trek", "bus", "ship", "deport"}
AREA_OF = {"town", "towns", "city", "cities", "village", "villages", "county", "province", "region", "outskirts",
           "outside", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
           "suburb", "suburbs", "municipality", "borough", "township", "community", "hamlet", "capital",
           "port", "district", "centre", "center", "heart", "residents", "mayor", "people"}
CALENDAR_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                  "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                  "saturday", "sunday", "christmas", "easter"}
RESOLVE_PASSES = 3
ORGANISATIONS_FILE = Path(__file__).resolve().parent / "data" / "organisations.tsv"
# capitalised words of an institution's name ("Colorado State University", "Bank of Mexico"; `_named_after`)
INSTITUTION_WORDS = {"University", "College", "State", "House", "Senate", "Assembly", "Legislature", "Parliament",
                     "Congress", "Bank", "Government", "Police", "Army", "Court", "Supreme", "Central", "National",
                     "Institute", "Museum", "Department", "Ministry", "Council", "Capitol", "Statehouse"}
NAMED_AFTER_REASON = "an institution named after a place"
DIRECTION_REASON = "a direction word before a place: the place"
DIRECTION_CITY_POP = 500_000
INITIALISM_REASON = "capital initials of a country or division"
INITIALISM_AFTER_REASON = "capital initials of a country or division after '<place>, '"  # "Perth, WA"
FALLBACK = "fallback"
DOMAIN_HOME_REASON = "publisher's domain names "  # outlets.Outlets._home_of
FALLBACK_CONFIDENCE = 0.15
POSSESSIVE = {"'s", "’s"}
STRAY_POP = 20_000  # `_stray`: a small place abroad, far from all the article's places
STRAY_KM = 1000.0
STRAY_SUPPORT = 2
STRAY_CLASSES = {"P", "S", "L", "T", "H", "V"}
LOCATIVE_PREPS = {"in", "at", "near", "to", "from", "outside", "into", "across", "toward", "towards"}
# A name right after one of these is a person's ("King Hassan", "President Bush", "Gen. Moro"), not a place;
# CAPITAL_TITLES only when capitalised ("General Aoun", but "the general Denver area", "a major London bank")
TITLES = {"king", "queen", "prince", "princess", "sheikh", "sheik", "emir", "sultan", "shah", "president",
          "premier", "chancellor", "minister", "ayatollah", "pope", "gen", "colonel", "col", "lt", "lieutenant",
          "maj", "captain", "capt", "admiral", "adm", "sergeant", "sgt", "mr", "mrs", "ms", "dr", "sir", "lord",
          "lady", "senator", "sen", "rep", "governor", "gov", "mayor", "judge", "bishop", "archbishop", "cardinal",
          "rev", "reverend", "imam", "mullah", "marshal", "secretary", "ambassador", "envoy", "spokesman",
          "spokeswoman", "chairman", "commander", "comrade", "dictator", "monarch", "warlord", "cleric"}
CAPITAL_TITLES = {"General", "Major", "Leader"}
# `_phrase_pass`: the longest name tried (tokens): "the Democratic People's Republic of Korea" is one name,
# not "Republic of Korea" inside a longer one
MAX_NAME_TOKENS = 8
# nouns a leader's name modifies: "the Bush administration" is no place (Bush, Egypt) even though "Bush" is
# never part of a longer person name in the article
LEADER_NOUNS = {"administration", "government", "regime", "presidency", "cabinet", "campaign", "era", "doctrine",
                "family", "dynasty", "aides", "loyalists", "supporters"}


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
    conjuncts: list[int] = field(default_factory=list)  # indexes of the mentions coordinated with this one
    dateline: bool = False  # an upper-case dateline ("NEW YORK (AP) -")


class Geoparser:
    """Finds and resolves place mentions. One per process (holds the gazetteer)."""

    def __init__(self, gazetteer: Gazetteer, ranker: Ranker | None = None):
        self.gaz = gazetteer
        self.ranker = ranker or Ranker.load()
        self.outlets = Outlets(gazetteer)
        self.initialisms = Initialisms(gazetteer)

    # -- public ----------------------------------------------------------------------------------------

    def parse(self, doc: Doc, article_id: str = "", url: str | None = None, source: str | None = None
              ) -> list[PlaceMention]:
        """Every place mention of the doc, resolved where possible, in text order. The article's url and
        source (publisher) give the publisher's home, a soft prior of the ranker (outlets.py)."""
        mentions = self.detect(doc)
        self.resolve(doc, mentions, home=self.home(url, source))
        return [self._record(doc, m, article_id) for m in mentions]

    def resolve_spans(self, doc: Doc, spans: list[tuple[int, int]], article_id: str = "", url: str | None = None,
                      source: str | None = None) -> list[PlaceMention]:
        """Resolve given character spans (e.g. gold toponyms), the other given spans being the context."""
        mentions = self.given_mentions(doc, spans)
        self.resolve(doc, mentions, home=self.home(url, source))
        out = []
        for (a, b), m in zip(spans, mentions, strict=True):
            rec = self._record(doc, m, article_id)
            rec.start, rec.end, rec.text = a, b, doc_text(doc)[a:b]
            out.append(rec)
        return out

    def home(self, url: str | None, source: str | None) -> Home | None:
        """Where the article's publisher is based (None: unknown, or an international outlet)."""
        return self.outlets.home(url, source) if url or source else None

    def home_in_article(self, home: Home | None, mentions: list[Mention]) -> Home | None:
        """A home read from a town the domain names ("derryjournal.com": Derry, New Hampshire, as a generic
        domain is read as American first) yields to a namesake town of another first-level division when the
        article names that division and not the home's ("Northern Ireland": Derry, Northern Ireland, the
        largest such namesake). Homes from the outlets table or a country-code domain are kept. When the
        publisher's home is unknown or national, a dateline that names its town's first-level division
        ("CAMP MURRAY, Wash. -") gives the story's division as a regional home (`_dateline_home`)."""
        if home is None or home.scope == "national":
            return _dateline_home(mentions, home) or home
        if home is None or home.scope != "local" or home.place is None or home.admin1 is None \
                or not home.reason.startswith(DOMAIN_HOME_REASON):
            return home
        named = {(c.place.country_iso3, c.place.name) for m in mentions if not m.is_demonym
                 for c in m.cands if c.kind == NAME_MAIN and c.place.precision == "admin1"}
        if not named or (home.country_iso3, home.admin1) in named:
            return home
        p = home.place
        others = [c.place for c in self.gaz.lookup(p.name) if c.kind == NAME_MAIN and c.place.id != p.id
                  and c.place.feature_class == "P" and c.place.admin1 != home.admin1
                  and (c.place.country_iso3, c.place.admin1) in named]
        if not others:
            return home
        q = max(others, key=lambda o: o.population)
        return Home("local", q.country_iso3 or "", q.admin1, q.lat, q.lon, q.name,
                    f"{home.reason}; the article names {q.admin1}, not {home.admin1}: {q.name}, {q.admin1}", q)

    def given_mentions(self, doc: Doc, spans: list[tuple[int, int]]) -> list[Mention]:
        """Mentions with their candidates for given character spans (not resolved)."""
        mentions: list[Mention] = []
        for a, b in spans:
            sp = doc.char_span(a, b, alignment_mode="expand")
            if sp is None or len(sp) == 0:
                mentions.append(Mention(0, 0, source="unaligned"))
                continue
            m = Mention(sp.start, sp.end, source="given")
            text = doc_text(doc)[a:b]
            m.cands = prune(sp, self.gaz.lookup(text), _dateline_at(sp)) or self._lookup_span(sp)
            if not m.cands:
                m.cands = self._named_after(sp)
                if m.cands:
                    m.source = "given; " + NAMED_AFTER_REASON
            if not m.cands:
                m.cands = self._after_direction(sp)
                if m.cands:
                    m.source = "given; " + DIRECTION_REASON
            if is_initialism(text) and not any(c.place.feature_code in ("PCLI", "ADM1") for c in m.cands):
                extra = self.initialisms.lookup(text)  # "SA", "WA": the article's context picks one
                if extra:
                    m.cands = m.cands + extra
                    m.source = "given; " + INITIALISM_REASON
            d = self.gaz.demonym(text)
            if d is not None and not _prominent(m.cands, 1_000_000, countries_only=True):
                m.cands, m.is_demonym = [Candidate(d, NAME_MAIN)], True
            mentions.append(m)
        self._link(doc, mentions)
        return mentions

    def _named_after(self, span: Span) -> list[Candidate]:
        """An institution the gazetteer lacks, named after a country or first-level division: "Colorado State
        University", "Iowa House", "Mexican Senate", "University of Alberta", "Bank of Mexico" -> that place
        (a given span names a place by metonymy). Empty when the name is not of that shape."""
        words = [t.text for t in span]
        for k in range(len(span) - 1, 0, -1):  # "<place> <institution words>"
            if all(w in INSTITUTION_WORDS for w in words[k:]):
                found = self._country_or_division(span[:k])
                if found:
                    return found
        for k in range(1, len(span) - 1):  # "<institution word> of <place>"
            if words[k] == "of" and words[k - 1] in INSTITUTION_WORDS:
                return self._country_or_division(span[k + 1:])
        return []

    def _after_direction(self, span: Span) -> list[Candidate]:
        """A name the gazetteer lacks that is a direction word before a region ("South Florida", "Western
        US", "East Texas", "Southern Europe", "North London"): the candidates of that region (the part lies
        in it). Only countries, divisions, regions, seas and cities of DIRECTION_CITY_POP people: "West
        Wing" is no part of a town called Wing."""
        if len(span) < 2 or span[0].lower_ not in DIRECTIONS or not span[1].text[:1].isupper():
            return []
        return [c for c in self._lookup_span(span[1:]) if _region_or_city(c.place)]

    def _country_or_division(self, span: Span) -> list[Candidate]:
        if not span[0].text[:1].isupper() or span[0].lower_ in EXTENSIONS:
            return []
        d = self.gaz.demonym(span.text)
        if d is not None:
            return [Candidate(d, NAME_MAIN)]
        return [c for c in self.gaz.lookup(span.text)
                if c.kind == NAME_MAIN and c.place.feature_code in ("PCLI", "ADM1", "ADMD")]

    # -- detection -------------------------------------------------------------------------------------

    def detect(self, doc: Doc) -> list[Mention]:
        found: list[Mention] = []
        taken = [False] * len(doc)
        person = [False] * len(doc)
        for ent in doc_ents(doc):
            if ent.label_ == "PERSON":
                for i in range(ent.start, ent.end):
                    person[i] = True

        place_tok = [False] * len(doc)  # tokens of non-demonym place mentions found so far

        known: set[str] = set()  # names the article uses as places (one sense per article)
        person_words = {t.lower_ for ent in doc_ents(doc) if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}
        last_names = surnames(doc)
        mixed = mixed_case_words(doc) if is_cased(doc) else None  # None: one-case text gives no case cue

        def take(m: Mention) -> None:
            if any(taken[m.start:m.end]) or (not m.is_demonym and self._not_a_place(doc, m, person, last_names,
                                                                                    place_tok, mixed)):
                return
            for i in range(m.start, m.end):
                taken[i] = True
                place_tok[i] = bool(m.cands) and not m.is_demonym
            found.append(m)
            if m.cands and not m.is_demonym and (m.source.split(" ")[0] in PLACE_LABELS
                                                 or any(cue in m.source for cue in TEACHING_CUES)):
                known.add(normalize(doc[m.start:m.end].text))

        for ent in doc_ents(doc):
            if ent.label_ in PLACE_LABELS:
                for m in self._from_place_entity(doc, ent):
                    take(m)
            elif ent.label_ == "NORP":
                m = self._demonym(doc, ent)
                if m is not None:
                    take(m)
        # one sense per article: a name the article uses as a place (a GPE/LOC entity) is a place where
        # the tagger calls it a person or an organisation too ("Gainesville said", "DeKalb Police")
        for _ in range(2):  # twice, so that "Becker, Clay and Wilkin counties" spreads along the list
            self._retag(doc, taken, place_tok, known, person_words, take)
        for ent in doc_ents(doc):  # places inside organisations etc. ("Erbil airport", "Kurdish Regional ...")
            if ent.label_ in EMBED_LABELS:
                for m in self._phrase_pass(doc, ent.start, ent.end, embedded=True, known=known, place_tok=place_tok,
                                           in_org=True):
                    if not (m.is_demonym and m.end - m.start == 1 and doc[m.start].lower_ in person_words):
                        take(m)  # "Moro was held" after "Aldo Moro": the surname, not the people
        for ent in doc_ents(doc):  # "Anderson County Sheriff Greg Taylor" tagged as one person, "Walker County Court"
            if ent.label_ not in PLACE_LABELS:
                for m in self._county_in_name(doc, ent.start, ent.end):
                    take(m)
        # names that the passes above found to be places are places in the rest of the article too
        self._retag(doc, taken, place_tok, known, person_words, take)
        # proper nouns outside any entity
        i = 0
        while i < len(doc):
            if doc[i].ent_type_ or person[i] or taken[i] or not _capitalised(doc[i]):
                i += 1
                continue
            j = i
            while j < len(doc) and not doc[j].ent_type_ and _capitalised(doc[j]) and not taken[j]:
                j += 1
            for m in self._phrase_pass(doc, i, j, embedded=False, known=known, place_tok=place_tok):
                take(m)
            i = j
        self._initials_after_place(doc, found, take)
        found.sort(key=lambda m: m.start)
        self._link(doc, found)
        return found

    def _name_or_demonym(self, text: str) -> bool:
        return self.gaz.has_name(normalize(text)) or self.gaz.demonym(text) is not None

    def _not_a_place(self, doc: Doc, m: Mention, person: list[bool], last_names: set[str], place_tok: list[bool],
                     mixed: set[str] | None) -> bool:
        """The name of m is no place where it stands (gazetteer/common_words.py): a common or address word
        alone, a street's name, a name in a sentence written in capitals that the article never writes in
        mixed case, or a word of a person's name that no syntax places."""
        span = doc[m.start:m.end]
        if m.source.startswith(INITIALISM_AFTER_REASON):
            return False
        if is_common_word(span.text) or street_name(doc, m.start, m.end) \
                or saint_of_institution(doc, m.start, m.end) \
                or hyphenated_name(doc, m.start, m.end, self._name_or_demonym):
            return True
        dateline = _dateline_at(span)
        if mixed is not None:  # the case of the words says something only in text written in normal case
            if m.source.startswith("gazetteer name") and common_noun_here(doc, m.start, m.end):
                return True  # "Man accused of ...", "a man was shot"
            if upper_sentence(span) and not written_in_mixed_case(span, mixed) and not (dateline and m.start == 0):
                return True  # in a sentence in capitals "WELL, WE KNOW ..." is no dateline either
            if not any(t.text[:1].isupper() for t in span):
                return True  # "bush", "van": a lower-case word
        if not dateline and len(span) == 1 and normalize(span.text) in common_surnames() \
                and not any(c.place.is_country and c.kind == NAME_MAIN for c in m.cands):
            return _place_by_syntax(span, place_tok) is None  # "Rodriguez said", but "in Garcia, Nuevo Leon"
        state = any((c.place.feature_code in PROMINENT_CODES or c.place.is_country) and c.kind == NAME_MAIN
                    for c in m.cands)
        if not dateline and not state and person_name_word(doc, m.start, m.end, person, last_names, TITLES) \
                and not any(c.kind == NAME_ABBR for c in m.cands):
            return _place_by_syntax(span, place_tok) is None  # not countries, states, "Pa.": "Egypt Dan Kurtzer"
        return False

    def _initials_after_place(self, doc: Doc, found: list[Mention], take: Callable[[Mention], None]) -> None:
        """Capital initials right after "<place>, " that name a country or division containing that place
        ("Perth, WA", "Durban, SA", "Austin, TX"): the only context where such short abbreviations are safe
        to read as places in running text (elsewhere they are companies, postcodes, units)."""
        by_end = {m.end: m for m in found if m.cands and not m.is_demonym}
        at = {m.start: m for m in found}
        for k in range(2, len(doc)):
            town = by_end.get(k - 1)
            if town is None or doc[k - 1].text != "," or not is_initialism(doc[k].text):
                continue
            if k + 1 < len(doc) and doc[k + 1].text[:1].isupper() and doc[k + 1].is_alpha \
                    and not doc[k + 1].is_sent_start:
                continue  # the start of a longer name ("Boston, MA Holdings")
            cands = [c for c in self.initialisms.lookup(doc[k].text)
                     if any(contains(c.place, t.place) for t in town.cands)]
            if not cands:
                continue
            m = at.get(k)
            if m is not None and m.end == k + 1 and not m.cands:
                m.cands, m.source = cands, f"{m.source}; {INITIALISM_AFTER_REASON}"
            elif m is None:
                take(Mention(k, k + 1, source=INITIALISM_AFTER_REASON, cands=cands))

    def _retag(self, doc: Doc, taken: list[bool], place_tok: list[bool], known: set[str],
               person_words: set[str], take: Callable[[Mention], None]) -> None:
        """Whole entities the tagger calls people, organisations...: demonyms ("Sri Lankan" tagged PERSON),
        names the article uses as places elsewhere, and names placed by their syntax ("arrived in Kyiv")."""
        for ent in doc_ents(doc):  # whole entities mis-tagged as people, organisations...: "arrived in Kyiv"
            if ent.label_ not in RETAG_LABELS:
                continue
            s, e = ent.start, ent.end
            while s < e and doc[s].text in _TRIM_HEAD:
                s += 1
            while e > s and doc[e - 1].text in _TRIM_TAIL:
                e -= 1
            if e <= s or any(taken[s:e]):
                continue
            span = doc[s:e]
            if normalize(span.text) in organisations():
                continue  # "Red Cross officials": the organisation, not the hamlet
            d = self.gaz.demonym(span.text) if ent.label_ != "NORP" else None
            if d is not None and len(span) == 1 and span[0].lower_ in person_words:
                d = None  # "Moro" after "Aldo Moro": a surname, not the people
            if d is not None and span[0].text[:1].isupper():  # "Sri Lankan" tagged as a person
                take(Mention(s, e, is_demonym=True, source=f"demonym tagged {ent.label_}",
                             cands=[Candidate(d, NAME_MAIN)]))
                continue
            cands = self._lookup_span(span)
            if not cands or self.gaz.demonym(span.text) is not None:
                continue
            if ent.label_ == "PERSON" and _after_title(doc, s):
                continue  # "King Hassan of Morocco", "President Bush"
            if normalize(span.text) in known:
                take(Mention(s, e, source=f"{ent.label_} entity named as a place elsewhere in the article",
                             cands=cands))
                continue
            why = _place_by_syntax(span, place_tok)
            if why == CIVIC_REASON and len(span) == 1 and _institution_word(span[0]):
                why = None  # "Supreme Court": the court's own word, not a hamlet's
            if not why and ent.label_ == "PERSON" and e - s == 1 and doc[s].lower_ not in person_words \
                    and _prominent(cands) and not (e < len(doc) and doc[e].lower_ in LEADER_NOUNS):
                why = "a prominent place never part of a longer person name"
            if not why and span.root.dep_ == "pobj" and span.root.head.lower_ in LOCATIVE_PREPS \
                    and _prominent(cands):
                why = f"after '{span.root.head.lower_}'"  # "flew to Kyiv", a prominent place
            if why and _local(cands):
                take(Mention(s, e, source=f"{ent.label_} entity {why}", cands=cands))

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
        if e - s == 1 and doc[s].lower_ in DIRECTIONS:
            return []  # "the West", "the North": a part of the world or of a country the text does not name
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

    def _phrase_pass(self, doc: Doc, s: int, e: int, embedded: bool, known: set[str] | None = None,
                     place_tok: list[bool] | None = None, in_org: bool = False) -> list[Mention]:
        """Longest gazetteer names among the capitalised tokens of doc[s:e]: prominent places, names the
        article uses as places elsewhere (`known`), or places by their syntax (`_place_by_syntax`)."""
        out: list[Mention] = []
        first = next((k for k in range(s, e) if _capitalised(doc[k])), e)
        i = s
        while i < e:
            if not _capitalised(doc[i]):
                i += 1
                continue
            hit = None
            if _after_title(doc, i):
                i += 1  # "King Hassan": the name of a person
                continue
            org = next((j for j in range(min(e, i + MAX_NAME_TOKENS), i, -1)
                        if normalize(doc[i:j].text) in organisations()), None) \
                if normalize(doc[i].text) in _organisation_heads() else None
            if org is not None:
                i = org  # "Red Cross", "NATO": an organisation's name, no place in it
                continue
            for j in range(min(e, i + MAX_NAME_TOKENS), i, -1):
                if not _capitalised(doc[j - 1]):
                    continue
                span = doc[i:j]
                if j - i > 1 and span[-1].lower_ in DIVISION_WORDS and j < len(doc) and doc[j].lower_ == "of":
                    continue  # "Florida Department of Law Enforcement": the department heads an "of" phrase
                if j - i == 1 and (span[0].lower_ in EXTENSIONS or (span[0].is_stop and not span[0].text.isupper())):
                    continue  # "South" of "South Kilburn Estate", "Strip", "Valley", "Most", "No" alone
                d = self.gaz.demonym(span.text)  # "Salvadoran migrant", "Egyptian President" (no entity)
                if d is not None:
                    hit = Mention(i, j, is_demonym=True, source="demonym in a name" if embedded else "demonym",
                                  cands=[Candidate(d, NAME_MAIN)])
                    break
                cands = self._lookup_span(span)
                if not cands:
                    continue
                source = "gazetteer name in a name" if embedded else "gazetteer name"
                if in_org and j - i == 1 and self._modifier_or_head(doc, i, s) \
                        and not (known is not None and normalize(span.text) in known):
                    continue  # "Organization of African Unity", "the Total Independence of Angola"
                if _prominent(cands) or (known is not None and normalize(span.text) in known) or _dotted_abbr(span, cands):
                    hit = Mention(i, j, source=source, cands=cands)
                    break
                why = None
                in_name = embedded and span.root.dep_ == "pobj" and s <= span.root.head.i < e \
                    and span.root.head.lower_ in ("in", "near")  # "St. John's Lutheran School in Lombard"
                if place_tok is not None and (not embedded or i == first or in_name):
                    why = IN_NAME_REASON if in_name else _place_by_syntax(span, place_tok)
                    if embedded and why not in (CIVIC_REASON, IN_NAME_REASON):
                        why = None  # inside a name: "the X Police Department", "Lutheran School in X"
                if why == CIVIC_REASON and embedded and j - i == 1 and _institution_word(doc[i]):
                    why = None  # "Supreme Court", "High Court": the word is part of the institution's name
                if why and _local(cands):
                    hit = Mention(i, j, source=f"{source} {why}", cands=cands)
                    break
            if hit is not None:
                out.append(hit)
                i = hit.end
            else:
                i += 1
        return out

    def _modifier_or_head(self, doc: Doc, i: int, s: int) -> bool:
        """A single word at doc[i] inside an organisation's name (starting at doc[s]) that the name uses as
        a word, not as a place: the head of an "of" phrase ("the Total Independence of Angola") or a noun
        after a demonym ("the Organization of African Unity")."""
        if i + 1 < len(doc) and doc[i + 1].lower_ == "of":
            return True
        return i > s and doc[i - 1].text[:1].isupper() and self.gaz.demonym(doc[i - 1].text) is not None

    def _county_in_name(self, doc: Doc, s: int, e: int) -> list[Mention]:
        """"X County" (or Parish, Township) inside a longer name: a division whatever the entity's label."""
        out: list[Mention] = []
        for k in range(s + 1, e):
            if doc[k].text not in COUNTY_WORDS:
                continue
            for i in range(max(s, k - 3), k):
                span = doc[i:k + 1]
                if not all(_capitalised(t) for t in span):
                    continue
                cands = [c for c in self._lookup_span(span) if c.place.feature_class == "A" and c.kind <= NAME_ALT]
                if cands:
                    out.append(Mention(i, k + 1, source="division name inside a name", cands=cands))
                    break
        return out

    def _lookup_span(self, span: Span) -> list[Candidate]:
        text = span.text
        cands = self.gaz.lookup(text)
        if not cands and len(span) > 1 and span[-1].text in _TRIM_TAIL:
            cands = self.gaz.lookup(span[:-1].text)
        return prune(span, cands, _dateline_at(span))

    def _link(self, doc: Doc, mentions: list[Mention]) -> None:
        """"X, Y" containers, "X province" division words, coordinated mentions ("Washington, New York and
        Boston") and datelines."""
        by_start = {m.start: k for k, m in enumerate(mentions)}
        by_root = {doc[m.start:m.end].root.i: k for k, m in enumerate(mentions) if m.end > m.start}
        for k, m in enumerate(mentions):
            if m.end <= m.start:
                continue
            span = doc[m.start:m.end]
            if doc.has_annotation("DEP"):
                m.conjuncts = [by_root[t.i] for t in span.root.conjuncts if by_root.get(t.i, k) != k
                               and not mentions[by_root[t.i]].is_demonym]
            m.dateline = _dateline_at(span)
            if m.end < len(doc) and doc[m.end].lower_ in DIVISION_WORDS | DIVISION_PLURALS:
                m.division_word = True
            else:  # "Becker, Clay and Wilkin counties": every conjunct names a division
                tok = doc[m.start:m.end].root
                while tok.dep_ == "conj" and tok.head.i != tok.i:
                    tok = tok.head
                if tok.head.lower_ in DIVISION_PLURALS and tok.head.i >= m.end:
                    m.division_word = True
            if m.end + 1 < len(doc) and doc[m.end].text == "," and m.end + 1 in by_start:
                k = by_start[m.end + 1]
                if not mentions[k].is_demonym:
                    m.container = k

    # -- resolution ------------------------------------------------------------------------------------

    def resolve(self, doc: Doc, mentions: list[Mention], passes: int = RESOLVE_PASSES, home: Home | None = None
                ) -> None:
        """Rank every mention's candidates: pass 1 in the context of the other mentions' context-free
        candidates, later passes in the context of their resolved candidates; `home` is the publisher's."""
        home = self.home_in_article(home, mentions)
        keys = mention_keys(doc, mentions)
        ctx = prior_context(keys, mentions)
        for i in range(passes):
            if i:
                ctx = result_context(keys, mentions)
            views: dict[str, object] = {}
            for m, key in zip(mentions, keys, strict=True):
                if not m.cands:
                    m.result = Ranked(None, 0.0, 0.0, "no gazetteer entry")
                    continue
                view = views.get(key)
                if view is None:
                    view = views[key] = ctx.view(key)
                container = mentions[m.container].cands if m.container is not None else None
                m.result = self.ranker.rank(m.cands, view, container, m.division_word, home,  # type: ignore[arg-type]
                                            conj_kinds(mentions, m, use_result=i > 0), m.dateline)
        self._fall_back(doc, mentions, result_context(keys, mentions), home)

    @staticmethod
    def _fall_back(doc: Doc, mentions: list[Mention], ctx: Context, home: Home | None = None) -> None:
        """A mention the gazetteer does not know ("Harwinton", "the Neches River") is placed, with a low
        confidence, at the article's main place: in local news most unknown names are small places near
        the places the article names; "X, Y" with X unknown is placed at Y, "Y's X" at Y when Y is a city,
        a county or a site ("Brooklyn's Bushwick", "Cairo's Abbasiya"), and at a local publisher's home when
        the article names no place the gazetteer knows. So is a mention whose only reading is a small place
        abroad that nothing else in the article is near (`_stray`): a street, a shop or a park the gazetteer
        lacks more likely than a village on another continent; and, in a local outlet's article, one whose only
        reading is a small place of its country far from the publisher and from the article's other places
        (`_stray_from_home`): placed at the publisher's city. The reason starts with FALLBACK so that users
        can tell."""
        todo = [m for m in mentions if not m.cands and m.end > m.start]
        small = [m for m in mentions if m.cands and m.result is not None and _small(m.result.place)]
        if not todo and not small:
            return
        focus = ctx.focus()
        if focus is not None:
            for m in [m for m in small if _stray(m, mentions, focus[0], home)]:  # decided before any moves
                p = m.result.place  # type: ignore[union-attr]
                m.result = Ranked(focus[0], 0.0, FALLBACK_CONFIDENCE,
                                  f"{FALLBACK}: its reading {p.name} ({p.feature_code}, {p.country_iso3 or '-'}) "
                                  f"is a small place abroad far from the article's places; placed at the "
                                  f"article's main place {focus[0].name} ({focus[0].feature_code}, "
                                  f"{focus[0].country_iso3 or '-'})")
        if home is not None and home.scope == "local" and home.place is not None:
            moved = {m.result.place.id for m in small if m.result is not None and m.result.place is not None  # type: ignore[union-attr]
                     and _stray_from_home(m, mentions, home)}
            for m in small:
                p = m.result.place if m.result is not None else None
                if p is not None and p.id in moved and not m.result.reason.startswith(FALLBACK):  # type: ignore[union-attr]
                    m.result = Ranked(home.place, 0.0, FALLBACK_CONFIDENCE,
                                      f"{FALLBACK}: its reading {p.name} ({p.feature_code}, {p.country_iso3 or '-'}) "
                                      f"is a small place far from the local publisher's home and from the article's "
                                      f"places; placed at the publisher's home {home.place.name} "
                                      f"({home.place.feature_code}, {home.place.country_iso3 or '-'})")
            if focus is not None and focus[0].id in moved:
                focus = (home.place, 0.0)
        by_end = {o.end: o for o in mentions if o.cands and not o.is_demonym}
        for m in todo:
            within = mentions[m.container].result if m.container is not None else None
            owner = by_end.get(m.start - 1) if m.start > 0 and doc[m.start - 1].text in POSSESSIVE else None
            owner_place = owner.result.place if owner is not None and owner.result is not None else None
            if within is not None and within.place is not None and mentions[m.container].cands:
                place, where = within.place, "the place it lies in ('X, Y')"
            elif owner_place is not None and owner_place.precision in ("city", "admin2", "point"):
                place, where = owner_place, "the place it belongs to ('Y's X')"
            elif focus is not None:
                place, where = focus[0], "the article's main place"
            elif home is not None and home.scope == "local" and home.place is not None:
                place, where = home.place, "the local publisher's home (the article names no known place)"
            else:
                continue
            m.result = Ranked(place, 0.0, FALLBACK_CONFIDENCE,
                              f"{FALLBACK}: not in the gazetteer; placed at {where} "
                              f"{place.name} ({place.feature_code}, {place.country_iso3 or '-'})")

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
        rec.confidence = 0.9 if m.is_demonym and m.cands else r.confidence
        rec.geo_precision = p.precision
        rec.reason = f"{src}; {r.reason}"
        return rec


def is_fallback(rec: PlaceMention) -> bool:
    """True for a mention placed at the article's main place because its name is unknown."""
    return f"; {FALLBACK}:" in rec.reason


def mention_keys(doc: Doc, mentions: list[Mention]) -> list[str]:
    """The name of each mention as the context knows it (mentions of one name share a key)."""
    return [normalize(doc[m.start:m.end].text) if m.end > m.start else f"#{k}" for k, m in enumerate(mentions)]


@cache
def organisations() -> frozenset[str]:
    """Normalised names of organisations that are never places (data/organisations.tsv)."""
    with open(ORGANISATIONS_FILE, encoding="utf-8") as f:
        return frozenset(normalize(line.strip()) for line in f if line.strip() and not line.startswith("#"))


@cache
def _organisation_heads() -> frozenset[str]:
    """The first words of `organisations()` (a cheap test before trying the longer names)."""
    return frozenset(n.split(" ", 1)[0] for n in organisations())


def conj_kinds(mentions: list[Mention], m: Mention, use_result: bool) -> Counter[str]:
    """The kinds of place (precision) of the mentions coordinated with `m`: as the last pass resolved them
    (`use_result`), else their likeliest context-free reading."""
    kinds: Counter[str] = Counter()
    for k in m.conjuncts:
        o = mentions[k]
        if use_result:
            p = o.result.place if o.result is not None else None
        else:
            d = prior_dist(o.cands, o.division_word) if o.cands else []
            p = d[0][0] if d else None
        if p is not None:
            kinds[p.precision] += 1
    return kinds


def prior_context(keys: list[str], mentions: list[Mention]) -> Context:
    """The article's context from the mentions' context-free candidate probabilities."""
    ctx = Context()
    for key, m in zip(keys, mentions, strict=True):
        if not m.cands:
            continue
        if m.is_demonym:
            ctx.add(key, [(m.cands[0].place, 1.0)])
            continue
        outright = any(c.place.is_country and c.kind == NAME_MAIN for c in m.cands)
        ctx.add(key, prior_dist(m.cands, m.division_word), outright)
        ctx.add_candidates(key, [c.place for c in m.cands])
    return ctx


def result_context(keys: list[str], mentions: list[Mention]) -> Context:
    """The article's context from the mentions' ranked candidate probabilities."""
    ctx = Context()
    for key, m in zip(keys, mentions, strict=True):
        r = m.result
        if r is None or not r.dist:
            continue
        outright = not m.is_demonym and any(c.place.is_country and c.kind == NAME_MAIN for c in m.cands)
        ctx.add(key, r.dist, outright)
        if not m.is_demonym:
            ctx.add_candidates(key, [c.place for c in m.cands])
    return ctx


def _place_by_syntax(span: Span, place_tok: list[bool]) -> str | None:
    """Why the parse says a name is a place whatever its entity label, or None: after a locative
    preposition ("arrived in Kyiv"), ", of X" ("John Smith, 36, of Alexandria"), listed with a place
    ("Hilversum and Almelo"), before "counties" ("Barrow and Walton counties"), or naming a local
    institution ("the Corsicana Police Department")."""
    doc = span.doc
    r = span.root
    nxt = doc[span.end] if span.end < len(doc) else None
    prev = doc[span.start - 1] if span.start > 0 else None
    if _dateline_at(span):
        return "as the dateline"
    if prev is not None and prev.text in ("-", "–") and span.start > 1 and doc[span.start - 2].text in PARTIES:
        return "as a legislator's home ('R-X')"
    if r.pos_ != "PROPN" or any(t.lower_ in CALENDAR_WORDS for t in span) or (
            len(span) == 1 and span.text.isupper() and len(span.text) <= 4):
        return None  # "in May", "at UF": not names of places
    if r.dep_ == "pobj" and r.head.lower_ in SYNTAX_PREPS:
        return f"after '{r.head.lower_}'"
    if r.dep_ == "pobj" and r.head.lower_ == "of" and r.head.i > 0 and doc[r.head.i - 1].text == ",":
        return "after ', of'"
    if r.dep_ == "pobj" and r.head.lower_ == "of" and r.head.head.lower_ in AREA_OF:
        return f"after '{r.head.head.lower_} of'"
    if r.dep_ == "pobj" and r.head.lower_ == "to" and r.head.head.lemma_ in MOTION_VERBS:
        return f"after '{r.head.head.lemma_} to'"
    if nxt is not None and nxt.text in ("-", "–") and span.end + 1 < len(doc) and doc[span.end + 1].lower_ == "based":
        return "before '-based'"
    if nxt is not None and nxt.text == "," and span.end + 1 < len(doc) and place_tok[span.end + 1] \
            and (prev is None or prev.text != ","):
        return COMMA_PLACE_REASON
    if (r.dep_ == "conj" and place_tok[r.head.i]) or any(c.dep_ == "conj" and place_tok[c.i] for c in r.children):
        return "listed with a place"
    tok = r
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.head.lower_ in DIVISION_PLURALS or (nxt is not None and nxt.lower_ in DIVISION_PLURALS):
        return "named with a division word"
    if nxt is not None and nxt.lower_ in CIVIC_WORDS:
        return CIVIC_REASON
    return None


def _dateline_home(mentions: list[Mention], national: Home | None = None) -> Home | None:
    """The first-level division a dateline names after its town ("CAMP MURRAY, Wash. -", "GREER, South
    Carolina -"): news datelines say where the story was filed, so the division is read as the story's home
    (scope "dateline": the home prior favours places in the division, neither places near the town nor, as a
    publisher's home does for its readers, places of the division's country). None when the article's first
    dateline has no such division, or its name fits several divisions. A national publisher's home (`national`)
    becomes the division when it lies in the publisher's country (scope regional: the country prior stays),
    and stays when it lies abroad."""
    lines = [m for m in mentions if m.dateline and m.end > m.start]
    if not lines:
        return None
    m = min(lines, key=lambda x: x.start)
    if m.container is None:
        return None
    divs = {c.place.id: c.place for c in mentions[m.container].cands
            if c.place.precision == "admin1" and c.kind in (NAME_MAIN, NAME_ABBR)}
    if len(divs) != 1:
        return None
    d = next(iter(divs.values()))
    if national is not None:
        if d.country_iso3 != national.country_iso3:
            return None
        return Home("regional", d.country_iso3 or "", d.name, d.lat, d.lon, d.name,
                    f"{national.reason}; the dateline names {d.name}", d)
    return Home("dateline", d.country_iso3 or "", d.name, d.lat, d.lon, d.name,
                f"the dateline names {d.name} ({d.country_iso3 or '-'})", d)


def _dateline_at(span: Span) -> bool:
    """An upper-case name opening a sentence or paragraph and followed by a dash, colon or comma:
    "TORRINGTON — Mayor ...", "BEIRUT: ...", "CARTHAGE, N.C. (AP) -"; or in brackets opening the article
    before a dash: "(NEW YORK) — ..."."""
    doc = span.doc
    if not all(t.text.isupper() or not t.is_alpha for t in span) or not any(t.is_alpha for t in span):
        return False
    if span.start == 1 and doc[0].text == "(" and span.end + 1 < len(doc) and doc[span.end].text == ")" \
            and doc[span.end + 1].text in ("-", "–", "—", "--"):
        return True  # "(NEW YORK) — Police officers ..."
    if span.end >= len(doc) or doc[span.end].text not in DATELINE_PUNCT:
        return False
    if doc[span.end].text in ("-", "–") and not span[-1].whitespace_ and not doc[span.end].whitespace_:
        return False  # "NATO-member Norway": a compound, not "BEIRUT - ..."
    if span.start == 0:
        return True
    prev = doc[span.start - 1]
    return prev.is_space or prev.text in (".", "!", "?", "\n") or span[0].is_sent_start is True


def _dotted_abbr(span: Span, cands: list[Candidate]) -> bool:
    """A dotted state or province abbreviation ("S.C.", "Calif.", "W. Va."): no other word is written so.
    The tokenizer splits the final dot off at a sentence end ("Melville, Sask. believes"): after a comma,
    a name followed by a dot without a space counts too."""
    if len(span.text) < 3 or not any(c.kind == NAME_ABBR for c in cands):
        return False
    if "." in span.text:
        return True
    doc = span.doc
    return (span.end < len(doc) and doc[span.end].text == "." and not span[-1].whitespace_
            and span.start > 0 and doc[span.start - 1].text == ",")


def _stray(m: Mention, mentions: list[Mention], focus: Place, home: Home | None) -> bool:
    """A mention resolved to a populated place or site of fewer than STRAY_POP people in a country that
    neither the article's main place, nor any other place of the article, nor the publisher's home lies in,
    more than STRAY_KM from the main place, when the article names at least STRAY_SUPPORT places of the
    main place's country (a main place found from one stray name is no better a guess)."""
    p = m.result.place if m.result is not None else None
    if p is None or m.is_demonym or not _small(p):
        return False
    if not p.country_iso3 or p.country_iso3 == focus.country_iso3 or (home is not None and home.country_iso3 == p.country_iso3):
        return False
    at_focus: set[int] = set()  # places of the main place's country the article names
    for o in mentions:
        q = o.result.place if o.result is not None else None
        if q is not None and q.id != p.id and q.country_iso3 == p.country_iso3:
            return False
        if q is not None and q.country_iso3 == focus.country_iso3:
            at_focus.add(q.id)
    return len(at_focus) >= STRAY_SUPPORT and haversine_km(p.lat, p.lon, focus.lat, focus.lon) > STRAY_KM


def _stray_from_home(m: Mention, mentions: list[Mention], home: Home) -> bool:
    """A mention of a local outlet's article resolved to a populated place or site of fewer than STRAY_POP
    people in the publisher's country (abroad: `_stray`) but outside its first-level division and more than
    STRAY_KM from its city, with no other place of the article in its division or within NEAR_KM of it,
    while the article names a place in the publisher's division: a square, church or park of the
    publisher's town that the gazetteer lacks, more likely than a hamlet across the continent
    ("Washington Square" in a New Orleans paper)."""
    p = m.result.place if m.result is not None else None
    if p is None or m.is_demonym or not _small(p) or home.place is None or home.lat is None or home.lon is None:
        return False
    if p.country_iso3 != home.country_iso3 or p.admin1 == home.admin1 \
            or haversine_km(p.lat, p.lon, home.lat, home.lon) <= STRAY_KM:
        return False
    at_home = False
    for o in mentions:
        q = o.result.place if o.result is not None and o is not m else None
        if q is None or q.id == p.id or q.is_country:
            continue
        if (q.country_iso3 == p.country_iso3 and (q.admin1 == p.admin1 or q.name == p.admin1)) \
                or haversine_km(p.lat, p.lon, q.lat, q.lon) <= NEAR_KM:
            return False
        if q.country_iso3 == home.country_iso3 and (q.admin1 == home.admin1 or q.name == home.admin1):
            at_home = True
    return at_home


def _after_title(doc: Doc, i: int) -> bool:
    """doc[i] opens a person's name: a capitalised word after a title ("King", "Gen.", "President"). Callers
    try longer gazetteer names from the title on first ("Prince George", "General Santos")."""
    if i == 0 or not doc[i].text[:1].isupper():
        return False
    prev = doc[i - 1].text.rstrip(".")
    return prev.lower() in TITLES or prev in CAPITAL_TITLES


def _institution_word(tok: Token) -> bool:
    """A word of an institution's own name ("Supreme" of "Supreme Court", "High", "National", "Municipal"),
    or an adjective: no town's name when it opens "<word> Court", "<word> Council"."""
    return tok.text in INSTITUTION_WORDS or tok.lower_ in CIVIC_WORDS or tok.pos_ == "ADJ"


def _small(p: Place | None) -> bool:
    return p is not None and p.feature_class in STRAY_CLASSES and p.population < STRAY_POP


def _region_or_city(p: Place) -> bool:
    """A place a direction word can divide: a country, division, region or sea, or a large city."""
    if p.feature_class == "P":
        return p.population >= DIRECTION_CITY_POP
    return p.precision in ("country", "admin1", "admin2", "region")


def _local(cands: list[Candidate]) -> bool:
    """A populated place or division by its main or alternate name (not only a short form)."""
    return any(c.kind <= NAME_ALT and c.place.feature_class in ("P", "A") for c in cands)


def _capitalised(tok: Token) -> bool:
    """A capitalised noun or adjective, or any upper-case word ("BEIRUT:" opening a dispatch is often
    tagged as an adverb or a verb)."""
    t = tok.text
    if not t or not t[0].isupper():
        return False
    return tok.pos_ in ("PROPN", "ADJ", "NOUN", "X", "") or (len(t) >= 3 and t.isalpha() and t.isupper())


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


__all__ = ["Geoparser", "Mention", "conj_kinds", "is_fallback", "mention_keys", "normalize", "organisations",
           "prior_context", "result_context"]
