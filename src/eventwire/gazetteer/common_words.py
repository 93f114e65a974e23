"""Precision rules of the geoparser: names that, where they stand, are no place, and readings a name
cannot have as written. Each rule is stated for a class of names, never for one name:

- common words and street-address words (data/common_words.tsv: "Metro", "Police", "Street", "Rd", "Hills")
  are never a place alone; a name before a street suffix ("Brazil Avenue", "Whispering Hills Drive") or
  after "block of" ("the 300 block of De Haven") names a street;
- a short word in capitals inside mixed-case text is an acronym ("SWAT officers", "Brewton, AL"): outside a
  dateline it names only a country, a first-level division, a region ("EU") or a city of a million ("UK",
  "DC", "NYC"), not
  a district or town it spells (Swat) or abbreviates (Halle, "AL"); in a sentence written all in capitals (TV
  transcripts, shouted headlines) capitals say nothing, so a name is a place there only when the article
  also writes it in mixed case;
- a town's alternate name loses to a city in another country that bears it as its main name and is at
  least as populous and at least ALIAS_CITY_POP ("Philadelphia", an ancient name of Amman, is the US city);
- a state or province abbreviation is read only as written, with its dot ("Man." is Manitoba, "Man" is a
  man);
- a one-word name that is a word of a longer person's name in the article ("Jose Vargas ... Vargas said"),
  or that touches a person's name ("Chief Hassan Aden"), is that person's name unless the syntax places it
  ("in Vargas", "Vargas, Venezuela"), and so is a frequent US surname (data/surnames.tsv) alone; so is one half of a hyphenated name whose other half no place bears
  ("Garcia-Ramires");
- "St. X" before a hospital's, church's or school's word is the saint ("St. Elizabeth Medical Center");
- a one-word name outside any entity that the article also writes in lower case is that common word ("Man
  accused of ..." and "a man was shot").
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..annotate import doc_ents
from .lookup import NAME_ABBR, NAME_ALT, NAME_MAIN, Candidate
from .normalize import normalize

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

COMMON_WORDS_FILE = Path(__file__).resolve().parent / "data" / "common_words.tsv"
SURNAMES_FILE = Path(__file__).resolve().parent / "data" / "surnames.tsv"
STREET, GENERIC = "street", "generic"
UPPER_SHARE = 0.8  # a sentence with at least this share of its words in capitals is written in capitals
UPPER_MIN_WORDS = 4
ACRONYM_MAX = 4
STREET_GAP = 2  # capitalised words between a name and a street suffix ("West Palma Vista Drive")
SAINT_INSTITUTIONS = {"hospital", "medical", "health", "healthcare", "church", "cathedral", "chapel", "parish",
                      "school", "academy", "university", "college", "high", "elementary", "catholic", "episcopal",
                      "lutheran", "methodist", "baptist", "regional", "memorial", "mercy", "clinic"}
NAME_PART_DEPS = {"compound", "amod", "nmod"}  # a word inside a longer name
ACRONYM_CITY_POP = 1_000_000  # an acronym names a country, a state or a city this big ("LA", "NYC")
ALIAS_CITY_POP = 100_000  # an alternate name of a town yields to a namesake city of at least this size
PERSON_REASON = "a word of a person's name in the article"
STREET_REASON = "part of a street's name"
GENERIC_REASON = "a common word, not a place's name"
ACRONYM_REASON = "an acronym in capitals"
UPPER_REASON = "a name in a sentence written in capitals, never written in mixed case in the article"


@cache
def common_words() -> dict[str, str]:
    """Normalised word -> class (STREET or GENERIC), from data/common_words.tsv."""
    out: dict[str, str] = {}
    with open(COMMON_WORDS_FILE, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            word, kind = line.rstrip("\n").split("\t")[:2]
            out[normalize(word)] = kind
    return out


@cache
def common_surnames() -> frozenset[str]:
    """Normalised common US surnames that are also gazetteer names (data/surnames.tsv)."""
    with open(SURNAMES_FILE, encoding="utf-8") as f:
        return frozenset(normalize(line.strip()) for line in f if line.strip() and not line.startswith("#"))


def is_common_word(text: str) -> bool:
    """A common noun or address word that is never a place alone ("Metro", "Street", "St.", "City Center")."""
    return normalize(text) in common_words()


def street_name(doc: Doc, start: int, end: int) -> bool:
    """doc[start:end] names a street: a capitalised street suffix follows, maybe after more capitalised
    words ("Brazil Avenue", "West Palma Vista Dr.", "Sul Ross Ave."), and no name or number goes on after
    it ("Florida Highway Patrol", "Oxford Road 5"); or "block of" precedes ("the 300 block of De Haven")."""
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ == "block":
        return True
    for k in range(end, min(len(doc), end + STREET_GAP + 1)):
        tok = doc[k]
        if not tok.text[:1].isupper():
            return False
        if common_words().get(normalize(tok.text)) == STREET:
            after = doc[k + 1] if k + 1 < len(doc) else None
            if after is not None and after.text == "." and not tok.whitespace_:
                after = doc[k + 2] if k + 2 < len(doc) else None
            return not (after is not None and (after.text[:1].isupper() or after.like_num) and not after.is_sent_start)
    return False


def saint_of_institution(doc: Doc, start: int, end: int) -> bool:
    """"St. X" / "Saint X" right before a word of a church's, hospital's or school's name is the patron saint
    ("St. Elizabeth Medical Center", "St. Vincent hospital"), not a place named after the saint."""
    first = normalize(doc[start].text)
    if first not in ("st", "saint") or end >= len(doc) or doc[end].lower_ not in SAINT_INSTITUTIONS:
        return False
    name = normalize(doc[start:end].text)  # unless the article names "St. X" elsewhere as such ("St. Cloud")
    n = end - start
    return not any(normalize(doc[k:k + n].text) == name and (k + n >= len(doc) or doc[k + n].lower_ not in
                                                               SAINT_INSTITUTIONS)
                   for k in range(len(doc) - n + 1) if k != start and doc[k].text[:1] == "S")


def hyphenated_name(doc: Doc, start: int, end: int, known: Callable[[str], bool]) -> bool:
    """doc[start:end] is one half of a hyphenated name whose other half is a capitalised word that is no
    place's name nor a demonym (`known`), nor is the whole ("Garcia-Ramires", "Rojo-Rivas"): a double
    surname ("Miami-Dade", "Egyptian-US", "Gilgit-Baltistan" are places)."""
    other = None
    if end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
        other = doc[end + 1]
    elif start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_:
        other = doc[start - 2]
    if other is None or not other.is_alpha or len(other.text) < 3 or not other.text[:1].isupper():
        return False  # "R-Charleston": a party's letter, then the legislator's home
    whole = doc[min(start, other.i):max(end, other.i + 1)].text
    return not known(other.text) and not known(whole)  # "Egyptian-US", "Gilgit-Baltistan"


def common_noun_here(doc: Doc, start: int, end: int) -> bool:
    """A one-word name opening a sentence or headline that the article also writes in lower case as a word
    ("Man accused of ..." with "a man was shot", "Car searches" with "the car"): the capital is the
    sentence's."""
    if end - start != 1 or not doc[start].text.istitle() or not doc[start].is_sent_start:
        return False  # "US" is no "us"
    return doc[start].lower_ in _lower_words(doc)


def _lower_words(doc: Doc) -> set[str]:
    """The words the article writes in lower case (once per doc, kept in doc.user_data)."""
    words = doc.user_data.get("eventwire.lower_words")
    if words is None:
        words = doc.user_data["eventwire.lower_words"] = {t.text for t in doc if t.is_lower}
    return words


def upper_sentence(span: Span) -> bool:
    """The sentence around span is written in capitals (at least UPPER_MIN_WORDS words of two letters or
    more, UPPER_SHARE of them upper-case)."""
    words = [t.text for t in span.sent if t.is_alpha and len(t.text) >= 2]
    if len(words) < UPPER_MIN_WORDS:
        return False
    return sum(1 for w in words if w.isupper()) >= UPPER_SHARE * len(words)


def mixed_case_words(doc: Doc) -> set[str]:
    """Lower-cased words the article writes capitalised but not in capitals ("Detroit", not "DETROIT"),
    inside a sentence (a sentence's first word is capitalised anyway: "Well, ...")."""
    return {t.lower_ for t in doc if t.is_alpha and t.text[:1].isupper() and not t.text.isupper()
            and not t.is_sent_start}


def written_in_mixed_case(span: Span, mixed: set[str]) -> bool:
    return all(t.lower_ in mixed for t in span if t.is_alpha and t.lower_ != "the")


def is_acronym(text: str) -> bool:
    """A short word in capitals ("SWAT", "EST"; two to ACRONYM_MAX letters: longer words in capitals are
    names written in capitals, "NEWARK --")."""
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= ACRONYM_MAX and all(c.isupper() for c in letters) and "." not in text


def prune(span: Span, cands: list[Candidate], dateline: bool = False) -> list[Candidate]:
    """The candidates the name can have as written in span (see the module's rules): a town's alternate
    name yields to a big city abroad bearing it as its main name; an abbreviation needs its dot; an acronym
    in mixed-case text names only a country, a first-level division or a city of a million."""
    if not cands:
        return cands
    text = span.text
    mains = [c.place for c in cands if c.kind == NAME_MAIN and c.place.feature_class in ("P", "A")]
    doc = span.doc
    dotted = "." in text or (span.end < len(doc) and doc[span.end].text == "." and not span[-1].whitespace_)
    upper_word = len(span) == 1 and is_acronym(text) and not dateline and not upper_sentence(span)
    out = []
    for c in cands:
        p = c.place
        if c.kind == NAME_ALT and p.feature_class == "P" and any(
                q.country_iso3 != p.country_iso3 and q.population >= max(p.population, ALIAS_CITY_POP) for q in mains):
            continue  # "Philadelphia": the US city, not Amman's ancient name (but "New York" may be the city)
        if c.kind == NAME_ABBR and not dotted and not (len(text) == 2 and text.isupper()):
            continue  # "Man" is no "Man." (Manitoba)
        if upper_word and not (p.precision in ("country", "admin1", "region")
                               or (p.feature_class == "P" and p.population >= ACRONYM_CITY_POP)):
            continue  # "SWAT officers" are no Swat; "UK", "EU", "DC", "LA", "NYC" stay
        out.append(c)
    return out


def surnames(doc: Doc) -> set[str]:
    """The last words of the article's PERSON names of two words or more ("Vargas" of "Jose Vargas")."""
    return {ent[-1].lower_ for ent in doc_ents(doc) if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].is_alpha}


def person_name_word(doc: Doc, start: int, end: int, person: list[bool], surnames: set[str],
                     titles: frozenset[str] | set[str] = frozenset()) -> bool:
    """doc[start:end] is one word that is the surname of a longer PERSON name in the article and heads its
    own phrase (not a word of a longer name), or, unless written in capitals (a dateline: "WASHINGTON Barack
    Obama pardoned"), that touches a person's name with no punctuation between ("Hassan Aden", "Aden
    Smith"). The caller exempts countries and first-level divisions ("Egypt Dan Kurtzer")."""
    if end - start != 1:
        return False
    if doc[start].lower_ in surnames and doc[start].dep_ not in NAME_PART_DEPS:
        return True  # "Vargas called 9-1-1", but "the Dublin Veterinary Clinic" (a word of a longer name)
    if doc[start].text.isupper():
        return False
    before = start > 0 and person[start - 1] and doc[start - 1].pos_ == "PROPN" and doc[start - 1].whitespace_ != ""
    after = end < len(doc) and person[end] and doc[end].pos_ == "PROPN" and doc[start].whitespace_ != "" \
        and doc[end].lower_.rstrip(".") not in titles  # "Manila Archbishop Luis Tagle": the see, then a title
    return before or after


__all__ = ["ACRONYM_REASON", "GENERIC_REASON", "PERSON_REASON", "STREET_REASON", "UPPER_REASON", "common_words",
           "is_acronym", "is_common_word", "mixed_case_words", "person_name_word", "prune", "common_noun_here", "common_surnames", "hyphenated_name", "saint_of_institution", "street_name",
           "surnames",
           "upper_sentence", "written_in_mixed_case"]
