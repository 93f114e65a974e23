"""Casualties stage: how many were killed and injured in each event (fatalities, injured, casualty_reason).

Counts come from the parse, never from any number in the sentence: a casualty cue (data/casualty_cues.tsv:
"killed", "died", "dead", "deaths", "wounded", "injuries", "shot") is tied to the noun phrase of its victims
(the passive subject of "were killed", the object of "killing", the subject of "died", the head of "five
injured", "the deaths of three people", "the death toll rose to 12"), and that phrase is counted: numerals
and number words, conjoined people ("a man and his two sons" = 3), one for a named or singular person,
vague words from the conservative table data/vague_quantities.tsv. So ages ("John Smith, 34,"), dates, times,
counts of missiles and money are never read as tolls. Nothing reported gives null, never 0; "no one was
hurt" gives 0.

Also counted: "a triple shooting" (three hit), "a double homicide" (two dead), "opened fire on four men",
"three shooting victims", "suffered a gunshot wound", "hit by gunfire", "a fatal shooting" (at least one
dead), "was found shot" / "left three wounded", "a shooting death" and "the toddler's death" (one dead), "a
total of six people", "both" (two), "three more are critical" (three hit), "succumbed to her injuries", "a
fifth victim" (at least five hit; "a fifth homicide victim": at least five dead). Sentences that read like
statistics ("so far this year", "in 2015", "percent") give no figures, nor do tolls of several incidents
("16 wounded in separate shootings across the city") or killings that did not happen ("was going to kill",
"threatened to kill"). Addresses, captions and abstract nouns are not victims ("the 200 block", "Image 8 of
8", "a discharge").

Also (docs/casualties.md, "Who was hit"): a bullet or gun that strikes someone ("the bullet struck her son"),
"hit in the arm", the survivor ("recovering from a gunshot wound", "recovering at ... Hospital", "left an
8-year-old boy injured"); a body part is no victim ("injured his hand"); injured and dead read from one
victims phrase are the same people; "a second man was hit" in a later sentence adds one to a count of one;
roundups ("wounded 26 people across the city", "in shootings from Saturday to Sunday") give no figure. Once
counted, the article's main event is chosen (stages/salience.py) and its casualty_reason says so.

Vague quantities (data/vague_quantities.tsv, also in docs/casualties.md) take the smallest count the word can
honestly mean: "a couple" 2, "a few" 2, "several" 3, "many" 3, "a handful" 3, "a dozen" 12, "dozens" 24,
"scores" 40, "hundreds" 200, "thousands" 2000; "double/triple/quadruple shooting" 2/3/4.

A figure in a sentence belongs to the event nearest its cue in the parse; the sentence's other events use it
for a category they have no figure of their own for ("a shooting which killed one man and injured three
others"). Victims said to be other people in one sentence add up ("a boy was wounded in a shooting that also
injured a woman" = 2). A sentence that reports a toll but has no violent (ASSAULT) event of its own (the
sentence after a strike, or one that refers back to "the attack") gives its figures to the ASSAULT events of
the nearest such sentence before it, when within five sentences (ORPHAN_WINDOW: local reports name the dead a
few sentences after the shooting) or when it refers back with a definite noun or "a second victim", else of
the nearest one after it within five sentences.

When figures differ within the article, casualty_reason says which was kept and which were not: the latest
update ("the toll rose to 12") wins, then the event's own sentence, then another event's figure in the same
sentence, then the first toll sentence after it; "a fifth victim" raises a smaller count. People "shot" or
"stabbed" but not said to be killed are counted as injured: shot minus killed when the same sentences give
both, all of them when they are "other" people; none when the article reports at least as many dead
elsewhere (they may be the same people).

Who the victims are (stages/casualty_persons.py; not yet in docs/casualties.md): a person shot
is not one of the dead when the two are told apart by their role ("a deputy was shot ... the suspect died") or
the dead are "other" people of the same sentence ("my cousin got shot and my other cousin is dead"); one
person wounded and one person dead in another sentence, the later told of with a definite noun or a pronoun
that agrees in gender, age and role ("a boy was wounded ... he died"), are one person who died (not counted as
injured). In one sentence, two indefinite victims phrases ("a woman was shot ... and a 5-year-old girl was
shot") or two differently described ones ("the uncle ... while the child") are two people; injured "other
people" add to the one person hit ("a boy remained in critical condition after a shooting that also injured
three other people" = 4). "Another 15-year-old was also shot" in a sentence of its own is one more victim;
"another" in the object of an active verb ("a teen shot another teen") sets the victim against the shooter
and is not more victims. A "no one" that leaves out the victims told of ("no one else was hurt", "no
officers were injured", "no one was seriously hurt") gives no figure; only "no one / nobody / no injuries"
said of everyone gives 0. "Pronounced deceased" is dead (data/casualty_cues.tsv).

Session 5 (docs/casualties.md, "Survivors, parts and repairs"): people said to be alive now ("is recovering at
the hospital", "are in stable condition", "was listed in stable condition") are at least that many injured,
whatever the dead; a bare number of the injured in the sentence of those shot is a part of them ("six men were
shot, among them one with grave wounds" = 6); one definite victim in the event's sentence gives way to an exact
count of all in a following one ("the three victims were driven to a clinic"); "an officer was shot and a man
was killed" is two people; "also hit by gunfire" are others; verbless headlines ("a woman in stable condition",
"farmer shot in leg"); medical centres are hospitals; numbers after names are ages.
Which nouns are people and which never are: data/person_nouns.tsv (column `person`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .casualty_persons import NOT_PEOPLE, Person, describe, distinct
from .casualty_persons import WORDS as PERSON_WORDS
from .records import place_conflict
from .salience import choose_main

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Span, Token

    from ..context import ArticleContext, EventDraft
    from ..resources import Resources

DATA = Path(__file__).parent / "data"
CATEGORIES = ("killed", "injured", "hit")
ORPHAN_WINDOW = 5  # a toll sentence this many sentences from a violent event's sentence counts for it
VIOLENT_TYPES = {"ASSAULT"}  # the events tolls belong to (PLOVER ASSAULT: violent attacks)
BACKREF_NOUNS = {"attack", "strike", "airstrike", "shooting", "bombing", "blast", "explosion", "raid", "assault",
                 "incident", "violence", "clash", "fighting", "shelling", "ambush", "stabbing", "massacre",
                 "crash", "fire", "gunfire", "rampage", "killing", "killings", "barrage"}
MAX_COUNT = 100_000
GROUP_NOUNS = {"family", "crowd", "group", "people", "population", "community", "village", "town", "city", "unit",
               "force", "forces", "army", "police", "team", "staff", "crew", "class", "household"}
PAIR_NOUNS = {"couple": 2, "pair": 2, "twins": 2, "duo": 2, "trio": 3}
UPDATE_VERBS = {"rise", "climb", "increase", "jump", "reach", "grow", "mount", "soar", "hit"}
NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "dozen": 12, "a": 1, "an": 1, "single": 1, "both": 2,
}
PLACE_ENTS = {"GPE", "LOC", "FAC", "ORG", "DATE", "TIME", "MONEY", "PRODUCT", "WORK_OF_ART"}
# nouns that are never the victims counted ("Image 8 of 8", "three rounds", "two hours"): data/person_nouns.tsv
NON_PERSON = NOT_PEOPLE
# "a total of six people": the count is in the of-phrase
TOTAL_NOUNS = {"total", "number", "tally", "count"}
SUBJECTS = ("nsubj", "nsubjpass")
INTRANSITIVE_DEATH = {"die", "succumb", "perish"}  # the subject is the dead
PERSON_PRONOUNS = {"he", "she", "him", "her", "himself", "herself", "i", "me"}
FATAL_ADVERBS = {"fatally", "mortally"}
MULTIPLES = {"double", "triple", "quadruple", "quintuple"}
HOSPITAL_WORDS = {"hospital", "er", "clinic", "trauma"}
MEDICAL_WORDS = {"medical", "trauma", "health", "burn"}  # "Grant Medical Center", "a trauma center"


def _is_hospital(t: Token) -> bool:
    """A hospital, by the common noun or a medical centre's name ("taken to Grant Medical Center")."""
    if t.lemma_.lower() in HOSPITAL_WORDS:
        return True
    return t.lower_ in ("center", "centre") and any(c.dep_ == "compound" and c.lower_ in MEDICAL_WORDS
                                                    for c in t.children)
# the subject is the patient: "the child is recovering at Norton Children's Hospital", "remains in hospital"
STAY_VERBS = {"recover", "remain", "stay"}
HOSPITAL_VERBS = {"take", "transport", "rush", "airlift", "fly", "send", "carry", "bring", "drive", "admit",
                  "hospitalize", "treat", "convey", "evacuate"}
CONDITIONS = {"critical", "serious", "stable", "fair", "good", "grave", "guarded"}  # "in critical condition"
GUNFIRE = {"gunfire", "bullet", "shot", "round", "shrapnel", "fire", "gunshot", "pellet"}
# "a triple shooting" (three hit), "a double homicide" (two dead)
MULTIPLE_NOUNS = {"shooting": "hit", "stabbing": "hit", "homicide": "killed", "murder": "killed",
                  "killing": "killed", "murder-suicide": "killed"}
FATAL_EVENT_NOUNS = {"shooting", "stabbing", "attack", "crash", "assault", "beating", "incident"}
# a sentence that reads like statistics gives no casualty figure to any event
STATISTICS = re.compile(r"(?i)\b(?:per year|each year|every year|a year|this year|last year|"
                        r"since (?:19|20)\d\d|since (?:january|the start|the beginning)|annual(?:ly)?|on average|"
                        r"percent|statistics|(?-i:nationwide)|in (?:19|20)\d\d)\b|%")


def _read_tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows[1:]  # header


CUES: dict[tuple[str, str], str] = {(r[0], r[2]): r[1] for r in _read_tsv("casualty_cues.tsv")}
VAGUE: dict[str, tuple[int, str]] = {r[0]: (int(r[1]), r[2]) for r in _read_tsv("vague_quantities.tsv")}


@dataclass(frozen=True)
class Figure:
    """One casualty count read from the text."""

    category: str  # killed, injured, hit (shot or stabbed, killed or not)
    count: int
    text: str  # the words counted
    note: str  # how they were counted
    cue_i: int  # token index of the cue
    sent_start: int  # token index of the sentence start
    update: bool = False  # "the toll rose to 12": a later figure that replaces earlier ones
    others: bool = False  # "three other victims": not the same people as the dead
    floor: bool = False  # "a fifth victim": at least this many, wherever it is said
    who: int = -1  # token index of the victims phrase counted (-1: none)
    added: bool = False  # "another man was also shot", "a second man was hit": more victims than told before
    person: Person | None = None  # what a single victim's phrase says of them ("the deputy": police)
    new: bool = False  # the victims phrase is indefinite ("a woman", "two men"): people not told of before
    alive: bool = False  # said to be alive now ("in stable condition", "recovering at the hospital"): not dead
    part: bool = False  # the victims phrase is a bare number ("among them one with grave wounds")


# ------------------------------------------------------------------------------------------ counting phrases


def parse_number(tok: Token) -> tuple[int, str] | None:
    """The value of a numeral token with its compound parts ("1,200", "twenty-one", "two hundred",
    "a dozen"); None if it is not a number."""
    words = [c for c in tok.children if c.dep_ in ("compound", "quantmod", "nummod") and c.i < tok.i
             and (c.like_num or c.lower_ in NUMBER_WORDS)]
    parts = [*words, tok]
    total = 0
    current = 0
    seen = False
    for p in parts:
        w = p.lower_.replace(",", "")
        for piece in w.split("-"):
            if not piece:
                continue
            if re.fullmatch(r"\d+(\.\d+)?", piece):
                v = float(piece)
                if v != int(v):
                    return None
                current += int(v)
                seen = True
            elif piece in NUMBER_WORDS:
                v2 = NUMBER_WORDS[piece]
                if v2 in (100, 1000):
                    current = max(current, 1) * v2
                    if v2 == 1000:
                        total += current
                        current = 0
                elif v2 == 12 and piece == "dozen":
                    current = max(current, 1) * 12
                else:
                    current += v2
                seen = True
            else:
                return None
    if not seen:
        return None
    value = total + current
    if value > MAX_COUNT:
        return None
    return value, " ".join(p.text for p in parts)


def _qualifier(tok: Token) -> str:
    mods = [c.lower_ for c in tok.children if c.dep_ in ("advmod", "quantmod")]
    for c in tok.children:
        mods += [g.lower_ for g in c.children if c.dep_ in ("advmod", "quantmod")]
    if "least" in mods or "more" in mods or "over" in mods:
        return "at least"
    if "about" in mods or "around" in mods or "nearly" in mods or "approximately" in mods or "some" in mods:
        return "about"
    return ""


def _vague(tok: Token) -> tuple[int, str] | None:
    """Vague quantity words on or before a noun: "several people", "dozens", "a dozen", "a few"."""
    w = tok.lower_
    prev = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
    for phrase in (f"{prev} {w}", w):
        if phrase in VAGUE:
            n, note = VAGUE[phrase]
            return n, f"{phrase!r} = {n} ({note}, conservative table)"
    return None


def _phrase(t: Token) -> str:
    return t.doc[t.left_edge.i: t.right_edge.i + 1].text


ABSTRACT_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "ism")


def _may_be_person(p: Token) -> bool:
    """A singular noun that can name a person: not an abstract noun ("-tion", "-ment", ...), and not a common
    noun written with a capital inside a sentence (a caption or a heading: "Pause", "Image")."""
    if p.pos_ == "NOUN" and p.lower_.endswith(ABSTRACT_SUFFIXES):
        return False
    return not (p.pos_ == "NOUN" and p.text[:1].isupper() and p.i != p.sent.start and p.ent_type_ != "PERSON")


def _single_count(p: Token, depth: int = 0) -> tuple[int, str] | None:
    """Count one conjunct of a victims phrase."""
    low = p.lower_
    kids = list(p.children)
    if low in ("nobody", "none") or (low in ("one", "body") and any(c.lower_ == "no" for c in kids)):
        return 0, f"{p.text!r}: none"
    if any(c.dep_ == "det" and c.lower_ == "no" for c in kids):
        return 0, f"'no {p.text}': none"
    if low in TOTAL_NOUNS and depth < 2:
        of = next((k for k in kids if k.dep_ == "prep" and k.lower_ == "of"), None)
        pobj = _child(of, ("pobj",)) if of is not None else None
        if pobj is not None and _is_count_phrase(pobj):
            return _single_count(pobj, depth + 1)
    if p.lower_ in ("who", "that", "which") and p.head.dep_ == "relcl" and depth < 2:
        return _single_count(p.head.head, depth + 1)
    if (p.like_num or p.pos_ == "NUM") and not _age_between_commas(p):
        of = next((k for k in kids if k.dep_ == "prep" and k.lower_ == "of"), None)
        whole = _child(of, ("pobj",)) if of is not None else None
        if whole is not None and whole.pos_ == "NOUN" and not _animate(whole):
            return None  # "shot down 41 of the 67 drones": a part of things, not people
        v = parse_number(p)
        if v is not None:
            q = _qualifier(p)
            return v[0], (f"{q} " if q else "") + v[1]
    if low in NON_PERSON or p.lemma_.lower() in NON_PERSON or (low in BODY_PARTS and low != "body"):
        return None  # "the 200 block", "Image 8 of 8", "three rounds", "injured his hand": not people
    vg = _vague(p)
    if vg is not None:
        return vg
    for c in kids:
        if c.dep_ == "nummod" and c.i < p.i and (c.like_num or c.lower_ in NUMBER_WORDS):
            v = parse_number(c)  # a number after the noun is an age or a label ("Dale Evans Jr. 24")
            if v is not None:
                q = _qualifier(c)
                return v[0], (f"{q} " if q else "") + f"{v[1]} {p.text}"
        if c.dep_ in ("amod", "det", "nummod", "quantmod") and c.i < p.i:
            vg = _vague(c)
            if vg is not None:
                return vg
        if c.dep_ in ("det", "predet") and c.lower_ == "both" and p.tag_ == "NNS" and p.pos_ == "NOUN":
            return 2, f"'both {p.text}': two people"
    if low in NON_PERSON or p.lemma_.lower() in NON_PERSON:
        return None
    if low in ("old", "olds") and any(c.lower_ in ("year", "month", "week") or "year" in c.lower_
                                      for c in p.subtree):
        return (1, f"'{_phrase(p)}': one person") if low == "old" else None
    if low == "both":
        return 2, "'both': two people"
    if low in ("another", "other") or (low == "one" and not kids):
        return 1, f"{p.text!r}: one person"
    if p.ent_type_ in PLACE_ENTS:
        return None
    for c in kids:  # "three sheriff's deputies" parsed with the numeral on the possessor
        if c.dep_ == "poss" and p.tag_ in ("NNS", "NNPS"):
            nm = next((g for g in c.children if g.dep_ == "nummod"), None)
            v = parse_number(nm) if nm is not None else None
            if v is not None:
                return v[0], f"{v[1]} {c.text} {p.text}"
    if low in PAIR_NOUNS:
        return PAIR_NOUNS[low], f"{p.text!r} = {PAIR_NOUNS[low]}"
    if low in PERSON_PRONOUNS:
        return 1, f"{p.text!r}: one person"
    if p.tag_ in ("NN", "NNP") and low not in GROUP_NOUNS and p.pos_ in ("NOUN", "PROPN") and _may_be_person(p):
        return 1, f"{p.text!r}: one person"
    return None


def _age_between_commas(p: Token) -> bool:
    """A bare number set off by commas after a word for a person is an age: "the second man, 19, is in good
    condition", "Smith, 34, was shot"."""
    doc = p.doc
    if p.i < 2 or p.i + 1 >= len(doc) or doc[p.i - 1].text != "," or doc[p.i + 1].text not in (",", ")"):
        return False
    before = doc[p.i - 2]
    return before.pos_ in ("NOUN", "PROPN", "PRON") or before.lower_ in ("other", "one", "another")


def _clausal_conjunct(c: Token) -> bool:
    """'killing two and leading dozens of officers': a conjunct with its own verb is not one of the victims."""
    return any(k.dep_ == "amod" and k.tag_ in ("VBG", "VBN") for k in c.children) or c.pos_ in ("VERB", "AUX")


def _apposed_list(head: Token) -> list[Token] | None:
    """The people a plural noun is spelled out as after a comma: "the victims, three men and a woman, were
    wounded" (the list is an apposition, parsed as an appos or as conjuncts of the plural). Conjuncts are
    read as an apposition only when the list closes with a comma or the plural is definite ("the victims"):
    "two officers, a bystander and the suspect" is a list of three groups."""
    if head.tag_ not in ("NNS", "NNPS"):
        return None
    ap = next((c for c in head.children if c.dep_ == "appos" and c.i > head.i), None)
    if ap is not None:
        return [ap, *[c for c in ap.conjuncts if c.i > ap.i and not _clausal_conjunct(c)]]
    conjs = [c for c in head.conjuncts if c.i > head.i and not _clausal_conjunct(c)]
    doc = head.doc
    if not conjs or head.i + 1 >= len(doc) or doc[head.i + 1].text != ",":
        return None
    if any(c.dep_ == "cc" and c.i < conjs[0].i for c in head.children):
        return None
    end = conjs[-1].right_edge.i + 1
    closes = end < len(doc) and doc[end].text == ","
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in head.children)
    return conjs if closes or definite else None


def np_count(head: Token) -> tuple[int, str] | None:
    """Count a victims phrase with its conjuncts: "a man and his two sons" = 3. A bare plural inside a
    conjunction counts as 2 (at least two); alone it is unknown (None). A plural spelled out by a list after
    a comma ("the victims, three men and a woman") is counted once: by its own number, else by the list."""
    listed = _apposed_list(head)
    if listed is not None and all(p.pos_ in ("NOUN", "PROPN") and p.lemma_.lower() not in ("age", "aged")
                                  for p in listed):  # "the victims, 22 and 19", "the men, ages 18 and 22": ages
        own = _single_count(head)
        if own is not None:
            return own[0], f"{own[1]} (the list after it names the same people)"
        inner = _count_parts(listed, listed[0])
        if inner is not None:
            return inner[0], f"{head.text!r}, spelled out: {inner[1]}"
    return _count_parts([head, *[c for c in head.conjuncts if c.i > head.i and not _clausal_conjunct(c)]], head)


def _count_parts(parts: list[Token], head: Token) -> tuple[int, str] | None:
    total = 0
    notes = []
    for p in parts:
        c = _single_count(p)
        if c is None and p is not head and p.pos_ == "PROPN" and head.ent_type_ == "PERSON":
            c = (1, f"{p.text!r}: one person, named beside {head.text!r}")  # "X and Makayla Smith" (ORG)
        if c is None:
            if len(parts) > 1 and p.tag_ in ("NNS", "NNPS") and p.ent_type_ != "PERSON":
                c = (2, f"{p.text!r}: plural, at least two")
            else:
                return None
        total += c[0]
        notes.append(c[1])
    return total, " + ".join(notes)


# ------------------------------------------------------------------------------------------ cues in a sentence


def _cue_category(t: Token) -> tuple[str, str] | None:
    lemma = t.lemma_.lower()
    if t.pos_ in ("VERB", "AUX") or (t.tag_.startswith("VB") and t.dep_ not in ("amod",)):
        cat = CUES.get((lemma, "VERB"))
        return (cat, "VERB") if cat else None
    if t.pos_ == "ADJ" or t.tag_ == "VBN":
        cat = CUES.get((t.lower_, "ADJ")) or CUES.get((lemma, "ADJ"))
        if cat is None and t.tag_ == "VBN":
            cat = CUES.get((lemma, "VERB"))
        return (cat, "ADJ") if cat else None
    if t.pos_ in ("NOUN", "PROPN"):
        cat = CUES.get((lemma, "NOUN"))
        return (cat, "NOUN") if cat else None
    return None


def _is_fatal(v: Token) -> bool:
    for c in v.children:
        if c.lower_ in FATAL_ADVERBS:
            return True
        if c.dep_ in ("oprd", "acomp", "xcomp") and c.lower_ == "dead":
            return True
        if c.dep_ == "prep" and c.lower_ == "to" and any(g.lemma_ == "death" for g in c.children):
            return True
    return False


def _passive(v: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)


def _shared_subject(v: Token, deps: tuple[str, ...]) -> Token | None:
    """The subject a coordinated verb shares with the verbs before it: the nearest conjunct head up the chain
    that has a subject of its own ("three others were shot and wounded": others, not the "one man" of an
    earlier "one man was killed and ...")."""
    h = v
    while h.dep_ == "conj" and h.head.i != h.i:
        h = h.head
        own = _child(h, ("nsubj", "nsubjpass"))
        if own is not None:
            return own if own.dep_ in deps else None
    return None


def _conj_root(v: Token) -> Token:
    while v.dep_ == "conj" and v.head.i != v.i:
        v = v.head
    return v


def _child(v: Token, deps: tuple[str, ...]) -> Token | None:
    """The child with one of these relations nearest the head (parsers sometimes give two subjects)."""
    kids = [c for c in v.children if c.dep_ in deps]
    return min(kids, key=lambda c: abs(c.i - v.i)) if kids else None




def _animate(t: Token) -> bool:
    """The object of "took/sent ... to the hospital" names people: a person word, a person's name, a pronoun
    or a bare number ("took two to the hospital")."""
    lemma = t.lemma_.lower()
    return (lemma in PERSON_WORDS or t.lower_ in PERSON_WORDS or t.ent_type_ == "PERSON"
            or t.pos_ in ("PRON", "NUM"))


def _is_count_phrase(t: Token) -> bool:
    """A noun with a numeral or a vague quantity: "5 others", "dozens"."""
    return any(c.dep_ == "nummod" for c in t.children) or t.lower_ in VAGUE


def _governing_subject(v: Token) -> Token | None:
    """The subject of the clause a non-finite clause hangs on ("X was taken to hospital after being shot")."""
    h = v.head
    for _ in range(3):
        if h.pos_ in ("VERB", "AUX"):
            return _child(h, ("nsubjpass", "nsubj"))
        if h.head.i == h.i:
            return None
        h = h.head
    return None


def _word_before_auxiliary(v: Token) -> Token | None:
    """The subject of a passive verb the parser left without one: the word before its auxiliary, when it ends a
    noun phrase the parser hung elsewhere ("looking into it after a 6-year-old was shot": "6-year-old" was read
    as the object of "after")."""
    aux = next((c for c in v.children if c.dep_ in ("auxpass", "aux") and c.i < v.i), None)
    if aux is None or aux.i == 0 or aux.i == aux.sent.start:
        return None
    prev = v.doc[aux.i - 1]
    if prev.dep_ not in ("pobj", "dobj", "conj", "appos") or prev.head.i > prev.i:
        return None
    return prev if prev.pos_ in ("NOUN", "PROPN") or prev.lower_ == "old" else None


def _verb_patient(v: Token) -> Token | None:
    if v.lemma_ in INTRANSITIVE_DEATH:
        return _child(v, ("nsubj",)) or _shared_subject(v, ("nsubj", "nsubjpass"))
    if _passive(v) or (v.tag_ == "VBN" and v.dep_ == "conj" and _passive(_conj_root(v))):
        subj = _child(v, ("nsubjpass", "nsubj")) or _shared_subject(v, ("nsubjpass",))
        if subj is None and v.dep_ in ("pcomp", "advcl", "xcomp"):
            return _governing_subject(v)  # "a teen was taken to hospital after being shot"
        return subj if subj is not None else _word_before_auxiliary(v)
    if v.tag_ == "VBN" and v.dep_ in ("oprd", "ccomp", "xcomp") and v.head.lemma_ == "leave":
        return _child(v.head, ("dobj",))  # "a shooting that left two men wounded"
    if v.dep_ in ("acl", "amod") and (v.tag_ == "VBN" or (v.tag_ == "VBD" and _child(v, SUBJECTS) is None)):
        # a reduced relative ("the three people shot"), whether tagged as a participle or as a past tense
        if v.head.lemma_.lower() in BACKREF_NOUNS:  # "a shooting that left three people wounded"
            left = next((t for t in v.head.subtree if t.lemma_ == "leave" and _child(t, ("dobj",))), None)
            return _child(left, ("dobj",)) if left is not None else None
        return v.head
    obj = _child(v, ("dobj",))
    subj = _child(v, ("nsubj",))
    if obj is None and subj is not None and not any(c.dep_ in ("aux", "auxpass") for c in v.children) and (
            v.tag_ == "VBN" or _is_count_phrase(subj) or _in_body_part(v)):
        return subj  # "the four people shot", "... and 5 others injured": reduced or headline style
    if obj is None and (num := _number_before_a_time(v)) is not None:
        return num  # "a shooting that injured five late Saturday night": the numeral was parsed into the time
    if obj is None:
        for cj in v.conjuncts:
            if cj.i > v.i:
                obj = _child(cj, ("dobj",))
                if obj is not None:
                    break
    return obj


TIME_NOUNS = {"morning", "afternoon", "evening", "night", "day", "weekend", "week", "today", "tonight", "monday",
              "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _number_before_a_time(v: Token) -> Token | None:
    """A numeral right after an active casualty verb that the parser tied to a following time phrase ("injured
    five late Saturday night"): a count of people cannot qualify a night, so it is the verb's object."""
    if v.i + 1 >= len(v.doc):
        return None
    num = v.doc[v.i + 1]
    if not (num.like_num or num.lower_ in NUMBER_WORDS) or num.dep_ != "nummod" or num.head.i <= num.i:
        return None
    return num if num.head.lower_ in TIME_NOUNS and num.head.tag_ in ("NN", "NNP") else None


MODAL_WORDS = {"will", "would", "could", "might", "may", "should", "can", "must", "shall", "'ll", "wo", "ca"}
SEPARATE_WORDS = {"separate", "several", "multiple", "different", "unrelated", "various"}


def _unrealised(v: Token) -> bool:
    """A killing that did not (yet) happen: an infinitive or a modal ("was going to kill his wife", "threatened
    to kill", "could have killed"). "Shot to death" is not one (there "to" is a preposition)."""
    return any(c.dep_ in ("aux", "auxpass") and (c.tag_ == "TO" or c.lower_ in MODAL_WORDS) for c in v.children)


def _aggregate(t: Token) -> bool:
    """A toll of several incidents ("4 killed, 16 wounded in separate shootings", "... in shootings across
    Chicago"): the cue's "in"-phrase is a plural incident noun marked as separate, counted, or spread
    "across" a place."""
    preps = [c for v in (t, *t.conjuncts) for c in v.children if c.dep_ == "prep"]
    if any(p.lower_ in SPREAD_PREPS and any(g.dep_ == "pobj" and g.lemma_.lower() in AREA_NOUNS for g in p.children)
           for p in preps):
        return True  # "gunfire wounded 26 people across the city"
    for prep in [p for p in preps if p.lower_ in ("in", "during")]:
        for n in prep.children:
            if n.dep_ != "pobj" or n.tag_ != "NNS" or n.lemma_.lower() not in BACKREF_NOUNS:
                continue
            kids = list(n.children)
            if any(k.lower_ in SEPARATE_WORDS or (k.dep_ == "nummod" and k.lower_ not in ("one", "1")) for k in kids):
                return True
            if any(k.dep_ == "prep" and k.lower_ == "across" for k in kids):
                return True
            if not any(k.dep_ in ("det", "poss", "amod", "compound") for k in kids):
                return True  # a bare plural: "wounded in shootings from Saturday morning to early Sunday"
    return False


SPREAD_PREPS = {"across", "throughout"}
AREA_NOUNS = {"city", "country", "state", "county", "region", "nation", "area", "town", "metro", "district", "province"}


ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
            "tenth": 10, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8, "9th": 9, "10th": 10}


def _ordinal_victim(t: Token) -> int | None:
    """'A fifth victim was taken to hospital': at least five people were hit."""
    if t.lemma_.lower() != "victim" or t.tag_ != "NN":
        return None
    return next((ORDINALS[c.lower_] for c in t.children if c.dep_ == "amod" and c.lower_ in ORDINALS), None)


STATE_PARTICIPLES = {"shot": "hit", "stabbed": "hit", "wounded": "injured", "injured": "injured"}
STATE_VERBS = {"find", "leave", "discover"}


def _found_state(t: Token) -> tuple[str, Token] | None:
    """(category, victims) for a participle that states the victims' condition after find / leave ("was found
    shot", "left three wounded"), whatever part of speech the tagger gives it ("shot" is often a noun)."""
    if t.lower_ in STATE_PARTICIPLES and t.dep_ == "acl" and t.head.dep_ == "dobj" \
            and t.head.head.lemma_ == "leave":  # "a shooting that left an 8-year-old boy injured"
        return ("killed" if _is_fatal(t) else STATE_PARTICIPLES[t.lower_]), t.head
    if t.lower_ not in STATE_PARTICIPLES or t.dep_ not in ("oprd", "xcomp", "acomp", "ccomp", "attr"):
        return None
    h = t.head
    if h.lemma_ not in STATE_VERBS:
        return None
    victims = _child(h, ("nsubjpass",)) if _passive(h) else _child(h, ("dobj",))
    if victims is None:
        return None
    cat = "killed" if _is_fatal(t) else STATE_PARTICIPLES[t.lower_]
    return cat, victims


def _adj_patient(a: Token) -> Token | None:
    nm = _child(a, ("nummod",))
    if nm is not None:
        return nm
    if a.dep_ == "amod":
        return a.head
    h = a.head
    if a.dep_ in ("acomp", "attr"):
        return _child(h, ("nsubj", "nsubjpass"))
    if a.dep_ in ("oprd", "xcomp", "ccomp", "advcl"):
        found = _child(h, ("dobj",)) or _child(h, ("nsubjpass",))
        if found is None and h.dep_ in ("acl", "relcl") and h.tag_ == "VBN":
            return h.head  # "the man and two children found dead"
        return found
    if a.dep_ == "conj":
        root = _conj_root(a)
        return _adj_patient(root) if root.i != a.i else None
    return None


def _noun_figure(n: Token) -> tuple[Token | None, tuple[int, str] | None, bool]:
    """(victims head, direct count, update) for a noun cue: "three deaths", "the deaths of two men"."""
    if n.lemma_ == "death" and n.dep_ == "pobj" and n.head.lower_ == "to":
        return None, None, False  # "shot to death": handled on the verb
    if n.lemma_ == "death" and n.dep_ == "compound":
        return None, None, False  # "death toll", "death threats": not a count of its own
    c = _single_count(n) if any(k.dep_ in ("nummod", "det", "amod") for k in n.children) else None
    if c is not None and (c[0] == 0 or n.tag_ in ("NNS", "NNPS") or any(k.dep_ == "nummod" for k in n.children)):
        return None, c, False
    if n.tag_ == "NN" and CUES.get((n.lemma_.lower(), "NOUN")) == "killed" and not _has_of(n):
        if any(k.dep_ == "det" and k.lower_ in ("a", "an") for k in n.children):
            return None, (1, f"'a {n.text}': one dead"), False  # "investigating a shooting death"
        owner = next((k for k in n.children if k.dep_ == "poss"), None)
        if owner is not None and (owner.lower_ in SINGULAR_POSSESSIVES or (
                owner.tag_ in ("NN", "NNP") and owner.lower_ not in NON_PERSON and owner.ent_type_ not in PLACE_ENTS)):
            return None, (1, f"'{owner.text} {n.text}': one dead"), False  # "her death", "the toddler's death"
    of = next((k for k in n.children if k.dep_ == "prep" and k.lower_ == "of"), None)
    if of is not None:
        pobj = _child(of, ("pobj",))
        return pobj, None, False
    h = n.head
    if n.dep_ == "dobj" and h.lemma_ in ("suffer", "sustain", "receive", "have", "treat"):
        return _child(h, ("nsubj", "nsubjpass")), None, False  # "the boy suffered a gunshot wound"
    if n.dep_ == "pobj" and h.lower_ == "from" and h.head.lemma_ in ("recover", "recuperate", "heal"):
        return _child(h.head, ("nsubj",)), None, False  # "Andrews is recovering from a gunshot wound"
    if n.dep_ == "pobj" and h.lower_ == "with" and h.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return h.head, None, False  # "four victims with gunshot wounds"
    if n.dep_ == "pobj" and h.lower_ in ("with", "for") and h.head.pos_ in ("VERB", "AUX") and (
            h.lower_ == "with" or h.head.lemma_ in ("treat", "hospitalize", "admit")):
        subj = _child(h.head, ("nsubjpass", "nsubj")) or _governing_subject(h.head)
        return subj, None, False  # "seven were treated for wounds"
    return None, None, False


SINGULAR_POSSESSIVES = {"his", "her"}


def _has_of(n: Token) -> bool:
    return any(k.dep_ == "prep" and k.lower_ == "of" for k in n.children)


def _toll_figure(t: Token) -> tuple[int, str, bool] | None:
    """"the death toll rose to 12", "a toll of 12", "the toll stands at 12"."""
    cands: list[Token] = []
    for k in t.children:
        if k.dep_ == "prep" and k.lower_ in ("of", "at", "to"):
            cands += [g for g in k.children if g.dep_ == "pobj"]
    h = t.head
    update = False
    if t.dep_ in ("nsubj", "nsubjpass") and h.pos_ in ("VERB", "AUX"):
        update = h.lemma_ in UPDATE_VERBS
        for k in h.children:
            if k.dep_ == "prep" and k.lower_ in ("to", "at", "of"):
                cands += [g for g in k.children if g.dep_ == "pobj"]
            if k.dep_ in ("dobj", "attr"):
                cands.append(k)
    for c in cands:
        if c.like_num or c.pos_ == "NUM":
            v = parse_number(c)
            if v is not None:
                return v[0], f"toll {v[1]}", update
        cc = np_count(c)
        if cc is not None and c.tag_ in ("NNS", "NNPS"):
            return cc[0], f"toll {cc[1]}", update
    return None


def _also(v: Token) -> bool:
    """"Two men were also hit by gunfire": people besides those told of."""
    return any(c.dep_ == "advmod" and c.lower_ == "also" for c in v.children)


def _others(t: Token) -> bool:
    return t.lower_ in ("others", "another") or any(c.lower_ in ("other", "another") for c in t.children)


def sentence_figures(sent: Span) -> list[Figure]:
    """Every casualty figure of one sentence (none in a sentence that reads like statistics: "more than 750
    people have been killed so far this year" is a tally, not an event's toll)."""
    out: list[Figure] = []
    if STATISTICS.search(sent.text):
        return out
    s0 = sent.start
    for t in sent:
        if t.lemma_.lower() == "toll" or (t.lower_ == "toll" and t.pos_ == "NOUN"):
            deathy = any(k.lemma_ in ("death", "casualty") for k in t.children) or t.head.lemma_ != "pay"
            tf = _toll_figure(t) if deathy else None
            if tf is not None:
                out.append(Figure("killed", tf[0], t.text, tf[1], t.i, s0, update=tf[2]))
            continue
        if t.lower_ in FATAL_ADVERBS and (t.head.like_num or t.head.pos_ == "NUM"):
            v = parse_number(t.head)  # "three people were shot, one fatally"
            if v is not None:
                out.append(Figure("killed", v[0], f"{t.head.text} {t.text}", f"{v[1]} {t.text}", t.i, s0))
            continue
        if t.pos_ == "NOUN" and t.lemma_.lower() in FATAL_EVENT_NOUNS and any(
                c.dep_ == "amod" and c.lower_ in ("fatal", "deadly", "lethal") for c in t.children):
            of = next((k for k in t.children if k.dep_ == "prep" and k.lower_ == "of"), None)
            pobj = _child(of, ("pobj",)) if of is not None else None
            c = np_count(pobj) if pobj is not None else None
            c = c or (1, "a fatal event: at least one dead")
            out.append(Figure("killed", c[0], t.text, f"fatal {t.text}: {c[1]}", t.i, s0))
            continue
        if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in MULTIPLE_NOUNS:
            mult = next((c for c in t.children if c.dep_ in ("amod", "compound", "nmod")
                         and c.lower_ in VAGUE and c.lower_ in MULTIPLES), None)
            if mult is not None:
                n, note = VAGUE[mult.lower_]
                out.append(Figure(MULTIPLE_NOUNS[t.lemma_.lower()], n, f"{mult.text} {t.text}", note, t.i, s0))
                continue
        if t.lower_ == "fire" and t.head.lemma_ == "open":
            on = next((k for k in t.head.children if k.dep_ == "prep" and k.lower_ == "on"), None) or \
                next((k for k in t.children if k.dep_ == "prep" and k.lower_ == "on"), None)
            pobj = _child(on, ("pobj",)) if on is not None else None
            c = np_count(pobj) if pobj is not None and _is_count_phrase(pobj) else None
            if c is not None:
                out.append(Figure("hit", c[0], f"opened fire on {pobj.text}", c[1], t.i, s0))
            continue
        if t.lemma_.lower() == "victim" and any(c.lemma_.lower() in ("shooting", "gunshot", "stabbing")
                                                 for c in t.children if c.dep_ in ("amod", "compound")):
            c = _single_count(t) if _is_count_phrase(t) else None
            if c is not None:
                out.append(Figure("hit", c[0], t.text, f"{t.text}: {c[1]}", t.i, s0, others=_others(t)))
            continue
        if t.lower_ == "lives" and t.dep_ == "dobj" and t.head.lemma_ in ("claim", "take", "cost"):
            of = next((k for k in t.children if k.dep_ == "prep" and k.lower_ == "of"), None)
            pobj = _child(of, ("pobj",)) if of is not None else None
            c = np_count(pobj) if pobj is not None else _single_count(t)
            if c is not None:
                out.append(Figure("killed", c[0], t.head.text + " " + t.text, c[1], t.i, s0))
            continue
        if _is_hospital(t) and t.dep_ == "pobj" and t.head.lower_ in ("to", "in", "at"):
            v = t.head.head
            if v.lemma_ in HOSPITAL_VERBS or (v.lemma_ == "be" and t.head.lower_ == "in") or (
                    v.lemma_ in STAY_VERBS and _child(v, ("dobj",)) is None):
                subj = _child(v, ("nsubjpass",)) or (_child(v, ("dobj",)) if v.lemma_ not in STAY_VERBS | {"be"}
                                                     else _child(v, ("nsubj",)))
                if subj is not None and subj.dep_ == "dobj" and not _animate(subj):
                    continue  # "Helsinki would send 40 power generators to hospitals": goods, not patients
                c = np_count(subj) if subj is not None and subj.pos_ != "PRON" or (
                    subj is not None and subj.lower_ in PERSON_PRONOUNS) else None
                if c is not None:  # "a woman was taken to the hospital", "five people are in the hospital"
                    out.append(Figure("hit", c[0], f"{v.text} ... {t.text}", f"taken to hospital: {c[1]}", t.i,
                                      s0, others=(_others(subj) if subj is not None else False) or _also(v),
                                      person=_person(subj, c[0]), new=_indefinite(subj),
                                      alive=v.lemma_ in STAY_VERBS | {"be"} and _present(v)))
                continue
        if t.lower_ in CONDITIONS and t.dep_ == "acomp" and t.head.lemma_ == "be" and t.lower_ != "good":
            subj = _child(t.head, ("nsubj",))  # "... and four more are stable"
            c = np_count(subj) if subj is not None and (subj.like_num or _is_count_phrase(subj)) else None
            if c is not None:
                more = _others(subj) or any(k.lower_ == "more" for k in subj.children)
                out.append(Figure("hit", c[0], t.text, f"{t.text}: {c[1]}", t.i, s0, others=more,
                                  alive=_present(t.head)))
            continue
        if t.lower_ == "condition" and any(c.lower_ in CONDITIONS for c in t.children):
            h = t.head.head if t.head.dep_ == "prep" else t.head
            subj = _child(h, ("nsubjpass", "nsubj")) if h.pos_ in ("VERB", "AUX") else None
            if subj is None and t.head.lower_ == "in" and h.pos_ in ("NOUN", "PROPN", "NUM") and h.i < t.i:
                subj = h  # verbless, as in a headline: "a woman in stable condition, two others hurt"
            c = np_count(subj) if subj is not None else None
            if c is not None:  # "one person is listed in critical condition"
                out.append(Figure("hit", c[0], t.text, f"in {t.text}: {c[1]}", t.i, s0,
                                  others=_others(subj) if subj is not None else False,
                                  person=_person(subj, c[0]), new=_indefinite(subj),
                                  alive=h.pos_ not in ("VERB", "AUX") or _present(h) or h.lemma_ == "list"))
            continue
        if t.lemma_ in ("hit", "strike", "graze") and _passive(t) and (any(
                g.lemma_.lower() in GUNFIRE for a in t.children if a.dep_ == "agent" for g in a.children)
                or any(c.dep_ == "nsubjpass" and c.lemma_.lower() == "victim" for c in t.children)
                or _in_body_part(t)):
            subj = _child(t, ("nsubjpass",))  # "two others were hit by gunfire", "a man was hit in the arm"
            c = np_count(subj) if subj is not None else None
            if c is not None:
                out.append(Figure("hit", c[0], t.text, f"{t.text} by gunfire: {c[1]}", t.i, s0,
                                  others=(_others(subj) if subj is not None else False) or _also(t),
                                  who=subj.i if subj is not None else -1, added=_additional(subj, t),
                                  person=_person(subj, c[0]), new=_indefinite(subj)))
            continue
        struck = _struck_by_gunfire(t)
        if struck is not None:  # "the bullet struck her son", "the gun went off, striking his brother"
            c = np_count(struck)
            if c is not None:
                out.append(Figure("hit", c[0], t.text, f"{t.text} by a bullet: {c[1]}", t.i, s0,
                                  others=_others(struck), who=struck.i, person=_person(struck, c[0]),
                                  new=_indefinite(struck)))
            continue
        nth = _ordinal_victim(t)
        if nth is not None:  # "a fifth homicide victim": at least five dead
            fatal = any(c.lower_ in ("homicide", "murder", "fatal", "fatality") for c in t.children)
            cat = "killed" if fatal else "hit"
            out.append(Figure(cat, nth, t.text, f"'{_phrase(t)[:40]}': at least {nth} people {cat}", t.i, s0,
                              floor=True))
            continue
        found = _found_state(t)
        if found is not None:  # "a teenage boy was found shot", "left two men wounded"
            c = np_count(found[1])
            if c is not None:
                out.append(Figure(found[0], c[0], t.text, f"{t.head.text} {t.text}: {c[1]}", t.i, s0,
                                  others=_others(found[1]), person=_person(found[1], c[0]),
                                  new=_indefinite(found[1])))
            continue
        cue = _cue_category(t)
        if cue is None:
            continue
        cat, pos = cue
        if _aggregate(t):
            continue
        patient: Token | None
        direct: tuple[int, str] | None = None
        if pos == "VERB":
            if _unrealised(t):
                continue
            if cat in ("hit", "injured") and _is_fatal(t):
                cat = "killed"
            if cat == "hit" and any(cj.lemma_ in ("kill", "murder") and cj.i > t.i and _child(cj, SUBJECTS) is None
                                    for cj in t.conjuncts):  # "shot and killed", not "X was killed and Y shot"
                cat = "killed"
            patient = _verb_patient(t)
        elif pos == "ADJ":
            patient = _adj_patient(t)
        else:
            patient, direct, _ = _noun_figure(t)
        if direct is None and patient is not None:
            if patient.i == t.i:
                continue
            direct = np_count(patient)
        if direct is None:
            continue
        if direct[0] == 0 and _partial_zero(t, patient):
            continue  # "no one else was hurt", "no officers were injured": says nothing of the victims told of
        also = any(c.dep_ == "advmod" and c.lower_ == "also" for c in t.children)
        out.append(Figure(cat, direct[0], t.text, f"{t.text}: {direct[1]}", t.i, s0,
                          others=(patient is not None and _others(patient)
                                  and not _agent_contrast(t, patient)) or also,
                          who=_antecedent(patient).i if patient is not None else -1, added=_additional(patient, t),
                          person=_person(_antecedent(patient), direct[0]) if patient is not None else None,
                          new=_indefinite(_antecedent(patient)) if patient is not None else False,
                          part=patient is not None and _bare_number(_antecedent(patient))))
    return out


EVERYONE = {"one", "body", "nobody", "none", "people", "person", "persons", "injury", "injuries", "casualty",
            "casualties", "fatality", "fatalities", "death", "deaths", "victim", "victims"}
BEYOND = {"else", "other", "additional", "further", "more", "serious", "seriously", "critically", "severely",
          "life-threatening", "major"}


def _agent_contrast(cue: Token, victims: Token) -> bool:
    """"another" in the object of an active verb sets the victim against the one who acted, not against
    earlier victims: "a teenager accidentally shot another teen" (one victim, the other teen)."""
    return _active(cue) and victims.dep_ == "dobj" and victims.head.i == cue.i \
        and _child(cue, ("nsubj",)) is not None and victims.lower_ != "others"


def _active(v: Token) -> bool:
    return v.pos_ in ("VERB", "AUX") and not _passive(v)


def _partial_zero(cue: Token, victims: Token | None) -> bool:
    """A "no one" that leaves out the victims told of: other people ("no one else was hurt", "no other
    injuries"), a group ("no officers were injured", "no students") or the worst harm only ("no one was
    seriously hurt"). Only "no one / nobody / no injuries" said of everyone gives 0 injured."""
    words = [*cue.children, *(victims.children if victims is not None else ())]
    if any(w.lower_ in BEYOND for w in words):
        return True
    return victims is not None and victims.lower_ not in EVERYONE and victims.lemma_.lower() not in EVERYONE


def _person(victims: Token | None, count: int) -> Person | None:
    """What the phrase of a single victim says of them (casualty_persons.describe); None for several."""
    return describe(_antecedent(victims)) if victims is not None and count == 1 else None


DEFINITE = {"the", "this", "that", "these", "those", "both", "all", "each", "either", "neither"}


def _indefinite(victims: Token | None) -> bool:
    """The victims phrase brings new people into the story: a noun with "a", "an" or a bare numeral ("a woman",
    "two men", "a 5-year-old girl"), not a definite, possessive or pronoun phrase ("the child", "his son",
    "she", "another man")."""
    if victims is None or victims.pos_ == "PRON":
        return False
    kids = list(victims.children)
    if any(c.dep_ == "poss" or (c.dep_ in ("det", "predet") and c.lower_ in DEFINITE) for c in kids):
        return False
    return any((c.dep_ == "det" and c.lower_ in ("a", "an")) or c.dep_ == "nummod" for c in kids)


def _antecedent(t: Token) -> Token:
    """The noun a relative pronoun stands for ("a juvenile who was injured": juvenile), else the token."""
    if t.lower_ in ("who", "that", "which") and t.head.dep_ == "relcl":
        return t.head.head
    return t


BODY_PARTS = {"arm", "leg", "head", "chest", "back", "shoulder", "neck", "face", "foot", "hand", "stomach", "abdomen",
              "thigh", "hip", "buttock", "buttocks", "torso", "side", "knee", "ankle", "wrist", "jaw", "eye", "groin",
              "calf", "elbow", "finger", "toe", "cheek", "heel", "shin", "forearm", "lower", "upper", "body",
              "heart", "lung", "lungs", "liver", "kidney", "spine", "skull", "brain", "pelvis", "rib", "ribs"}


def _in_body_part(v: Token) -> bool:
    """"was hit in the arm", "struck in the leg": a person hit by a bullet (no agent named)."""
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(g.lemma_.lower() in BODY_PARTS for g in c.children
                                                               if g.dep_ == "pobj") for c in v.children)


WEAPONS = {"gun", "handgun", "pistol", "rifle", "shotgun", "firearm", "weapon", "revolver"}


def _struck_by_gunfire(v: Token) -> Token | None:
    """The person a bullet or a gun hit, in the active voice: "the bullet struck her son" (the son), "a stray
    bullet grazed a 3-year-old", "his gun discharged a bullet and struck his daughter", "a gun went off,
    striking his brother in the head"; "struck her son's left side": the son. None for anything else ("the
    car hit a woman")."""
    if v.lemma_ not in ("hit", "strike", "graze") or v.pos_ != "VERB" or _passive(v):
        return None
    subj = _child(v, ("nsubj",))
    if subj is None and v.dep_ in ("conj", "advcl", "xcomp") and v.head.i != v.i:
        subj = _child(v.head, ("nsubj",))  # "... went off, striking", "discharged a bullet and struck"
    if subj is not None and subj.lower_ in ("that", "which") and subj.head.dep_ == "relcl":
        subj = subj.head.head  # "fired one shot that struck the father in the arm"
    fired = v.dep_ == "advcl" and v.head.lemma_ in ("fire", "discharge", "shoot")  # "fired the gun, striking him"
    if not fired and (subj is None or subj.lemma_.lower() not in GUNFIRE | WEAPONS):
        return None
    obj = _child(v, ("dobj",))
    if obj is not None and obj.lemma_.lower() in BODY_PARTS:
        obj = next((c for c in obj.children if c.dep_ == "poss"), None)  # "her son's left side"
    if obj is None or obj.lower_ in NON_PERSON or obj.lemma_.lower() in NON_PERSON:
        return None
    return obj


def _additional(victims: Token | None, cue: Token) -> bool:
    """The victims are one more person than those told of before, marked by an indefinite ordinal: "a second
    man was hit in the arm", "a third person was shot", or by "another" with "also" in a passive clause of
    its own ("another 15-year-old was also shot"). Not "another man" or "also" alone (news restates its lead:
    "another man was injured" in the lead and again below), nor "the second victim" (already told of)."""
    if victims is None:
        return False
    kids = list(victims.children)
    if any(c.dep_ == "amod" and c.lower_ in ORDINALS for c in kids):
        return not any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "these", "those", "their") for c in kids)
    if any(c.dep_ == "det" and c.lower_ == "another" for c in kids) and victims.dep_ == "nsubjpass" \
            and any(c.dep_ == "advmod" and c.lower_ == "also" for c in cue.children):
        return True  # "another 15-year-old was also shot": one more, said of a sentence of its own
    return False


def _two_people(a: Figure, b: Figure) -> bool:
    """Two victims phrases of one sentence that cannot be the same people: both indefinite (each "a"-phrase
    of a sentence brings in someone new: "a woman was shot in the leg and a 5-year-old girl was shot in the
    shoulder") or described as different people ("the uncle was shot in the hand, while the child was shot in
    the chest": casualty_persons.distinct)."""
    if a.who < 0 or b.who < 0:
        return False
    return (a.new and b.new) or distinct(a.person, b.person) is not None


def _sentence_total(figs: list[Figure]) -> Figure:
    """The figure of one category for one sentence: the largest, plus those said to be other people ("a boy
    was wounded in a shooting that also injured a woman" = 2; "three others were wounded")."""
    best = max(figs, key=lambda x: (not x.others, x.count))
    extra: list[Figure] = []
    for f in figs:  # other people, each victims phrase once ("three others were injured and hospitalized")
        if (f.others or _two_people(f, best)) and f is not best and f.sent_start == best.sent_start \
                and f.who != best.who and all(f.who != e.who for e in extra):
            extra.append(f)
    if best.others or not extra:
        return max(figs, key=lambda x: x.count)
    total = best.count + sum(f.count for f in extra)
    note = " + ".join([best.note, *(f"{f.note} (other people)" for f in extra)])
    return Figure(best.category, total, best.text, note, best.cue_i, best.sent_start, best.update, False, best.floor,
                  best.who)


# ------------------------------------------------------------------------------------------ combining figures


def combine(own: list[Figure], later: list[Figure] | None = None, article_killed: int | None = None,
            mates: list[Figure] | None = None, added: list[Figure] | None = None
            ) -> tuple[int | None, int | None, str]:
    """(killed, injured, reason) from an event's own figures and those of later toll sentences.
    `article_killed`: the largest death toll reported for any event of the article; people only said to be
    "shot" are not counted as injured when they may be those dead. `mates`: figures of the event's sentence
    that sit nearer another event of it ("a shooting which killed one man and injured three others"): used
    for a category the event has no figure of its own for, before any other sentence's."""
    later = later or []
    mates = mates or []
    chosen: dict[str, Figure] = {}
    notes: list[str] = []
    for cat in CATEGORIES:
        updates = [f for f in own + later if f.category == cat and f.update]
        mine = [f for f in own if f.category == cat]
        rest = [f for f in later if f.category == cat]
        if updates:
            f = max(updates, key=lambda x: (x.sent_start, x.cue_i))
            chosen[cat] = f
            notes.append(f"{cat} {f.count} from the latest update ({f.note})")
        elif mine:
            f = _sentence_total(mine)
            whole = _whole_told_later(f, rest)
            if whole is not None:
                notes.append(f"{cat} {whole.count} told in a following toll sentence ({whole.note}), the event's "
                             f"sentence naming one of them ({f.note})")
                chosen[cat] = whole
                continue
            chosen[cat] = f
            others = sorted({x.count for x in mine + rest if x.count != f.count})
            extra = f"; other figures {others} not used (the event's own sentence wins)" if others else ""
            notes.append(f"{cat} {f.count} in the event's sentence ({f.note}){extra}")
        elif [f for f in mates if f.category == cat]:
            f = max((x for x in mates if x.category == cat), key=lambda x: x.count)
            chosen[cat] = f
            notes.append(f"{cat} {f.count} in the event's sentence, nearer another mention ({f.note})")
        elif rest:
            # a vague lower bound ("some were hit") gives way to a count ("four people were hit") told later
            f = next((x for x in rest if not _is_vague(x)), rest[0])
            chosen[cat] = f
            others = sorted({x.count for x in rest if x.count != f.count})
            first = "first exact count wins" if _is_vague(rest[0]) and f is not rest[0] else "first toll sentence wins"
            extra = f"; other figures {others} not used ({first})" if others else ""
            notes.append(f"{cat} {f.count} in a following toll sentence ({f.note}){extra}")
    _add_victims(chosen, added or [], notes)
    for cat in ("killed", "hit"):
        floors = [f for f in own + mates + later if f.category == cat and f.floor]
        if floors and (cat not in chosen or max(x.count for x in floors) > chosen[cat].count):
            f = max(floors, key=lambda x: x.count)
            chosen[cat] = f
            notes.append(f"{cat} {f.count}: {f.note}, more than any other count")
    _same_people(chosen, notes)
    killed = chosen["killed"].count if "killed" in chosen else None
    injured = chosen["injured"].count if "injured" in chosen else None
    injured = _plus_the_one_hit(chosen, injured, notes)
    injured = _part_of_those_hit(chosen, injured, killed, notes)
    injured = _hit_in_own_sentence(chosen, own, injured, killed, notes)
    if injured is None and "hit" in chosen:
        hit = chosen["hit"].count
        dead = chosen.get("killed")
        if chosen["hit"].others:
            injured = hit
            notes.append(f"injured {injured}: {hit} other people shot or stabbed")
        elif dead is not None and dead.others and dead.sent_start == chosen["hit"].sent_start \
                and not chosen["hit"].floor:
            injured = hit  # "my cousin got shot and my other cousin is dead"
            notes.append(f"injured {injured}: the {hit} shot or stabbed are not the other people dead "
                         f"({dead.note})")
        elif killed and dead is not None and _two_people(chosen["hit"], dead) \
                and dead.sent_start == chosen["hit"].sent_start and chosen["hit"].new and dead.new \
                and hit == 1 == dead.count:
            injured = hit  # "an officer was shot and a man killed": each "a"-phrase brings in someone new
            notes.append(f"injured {hit}: the {hit} shot or stabbed are other people than the dead, both told of "
                         f"as new in one sentence ({chosen['hit'].note} / {dead.note})")
        elif killed and (why := distinct(chosen["hit"].person, chosen["killed"].person, roles_only=True)):
            injured = hit
            notes.append(f"injured {injured}: the {hit} shot or stabbed are not the dead ({why}: "
                         f"{chosen['hit'].note} / {chosen['killed'].note})")
        elif killed is not None or not article_killed:
            injured = max(hit - (killed or 0), 0)
            notes.append(f"injured {injured} = {hit} shot or stabbed minus {killed or 0} killed")
        elif hit > article_killed:
            injured = hit - article_killed
            notes.append(f"injured {injured} = {hit} shot or stabbed minus the article's {article_killed} dead")
        else:
            notes.append(f"{hit} shot or stabbed, not counted as injured: the article reports {article_killed} "
                         "dead, who may be the same people")
    injured = _alive_floor(own + later, injured, notes)
    if killed is None and injured is None:
        return None, None, "no casualty count reported for this event"
    return killed, injured, "; ".join(notes)


def _bare_number(t: Token) -> bool:
    """A number standing for people without a noun of its own: "among them one with grave wounds", "of the
    three people shot, two were badly hurt" (a part of people named before)."""
    return (t.like_num or t.pos_ == "NUM") and t.dep_ != "nummod" and t.lower_ not in ("no", "none")


def _part_of_those_hit(chosen: dict[str, Figure], injured: int | None, killed: int | None,
                       notes: list[str]) -> int | None:
    """The injured counted by a bare number in the sentence that tells how many were shot are some of them
    ("six men were shot, among them one with grave wounds"; "of the three people shot, two were badly hurt"):
    all those shot, less the dead, were injured."""
    inj, hit = chosen.get("injured"), chosen.get("hit")
    if injured is None or inj is None or hit is None or not inj.part or inj.others or hit.floor \
            or inj.sent_start != hit.sent_start or hit.who == inj.who:
        return injured
    cand = hit.count - (killed or 0)
    if cand <= injured:
        return injured
    notes.append(f"injured {cand} = {hit.count} shot minus {killed or 0} killed: the {injured} injured ({inj.note}) "
                 f"are some of those shot ({hit.note})")
    return cand


def _alive_floor(figs: list[Figure], injured: int | None, notes: list[str]) -> int | None:
    """People said to be alive now ("the child is recovering at the hospital", "two others are in stable
    condition") are injured, not dead: at least that many were injured, whatever the dead of the article (a
    sentence that also tells of a death is left out: "was in critical condition before he died")."""
    dead_sents = {f.sent_start for f in figs if f.category == "killed"}
    alive = [f for f in figs if f.alive and f.sent_start not in dead_sents and f.count > 0]
    if not alive:
        return injured
    f = max(alive, key=lambda x: x.count)
    if injured is not None and injured >= f.count:
        return injured
    notes.append(f"injured {f.count}: said to be alive now ({f.note}), more than the {injured} counted otherwise"
                 if injured is not None else f"injured {f.count}: said to be alive now ({f.note})")
    return f.count


def _present(v: Token) -> bool:
    """The verb tells of now: present tense ("is in stable condition", "remains in hospital", "are recovering"),
    not of a past state ("was in critical condition" may have ended in death)."""
    verbs = [v, *(c for c in v.children if c.dep_ in ("aux", "auxpass"))]
    return any(x.tag_ in ("VBZ", "VBP") for x in verbs)


def _whole_told_later(own: Figure, rest: list[Figure]) -> Figure | None:
    """The event's sentence tells of one victim known already ("the older victim was shot in the hip": a
    definite phrase) and a following toll sentence counts several exactly ("the three victims were driven to a
    clinic"): the one victim is one of them, and the count of all is the toll."""
    if own.count != 1 or own.new or own.who < 0 or own.others or own.floor:
        return None
    return next((x for x in rest if x.count > 1 and not _is_vague(x) and not x.others), None)


def _hit_in_own_sentence(chosen: dict[str, Figure], own: list[Figure], injured: int | None, killed: int | None,
                         notes: list[str]) -> int | None:
    """The injured are those shot, less the dead, when the event's own sentence says how many were shot and
    another sentence tells of fewer injured ("eight people were shot ... one died ... five others were
    hospitalized" = 7): the later sentence often counts only some of them (those taken to a hospital)."""
    inj, hit = chosen.get("injured"), chosen.get("hit")
    if injured is None or inj is None or hit is None or inj in own or hit not in own or inj.update or hit.floor:
        return injured
    cand = hit.count - (killed or 0)
    if cand <= injured:
        return injured
    notes.append(f"injured {cand} = {hit.count} shot in the event's sentence minus {killed or 0} killed, more than "
                 f"the {injured} injured told later")
    return cand


def _is_vague(f: Figure) -> bool:
    """A count read from the conservative table of vague quantities ("several", "some"): a lower bound."""
    return "conservative table" in f.note


def _plus_the_one_hit(chosen: dict[str, Figure], injured: int | None, notes: list[str]) -> int | None:
    """Injured said to be other people ("a shooting that also injured three other people") are others than
    the one person the same sentence says was hit ("a 12-year-old boy remained in critical condition after a
    shooting that also injured three other people" = 4), less any dead that sentence tells of."""
    inj, hit, dead = chosen.get("injured"), chosen.get("hit"), chosen.get("killed")
    if injured is None or inj is None or hit is None or not inj.others or hit.others or hit.person is None \
            or hit.sent_start != inj.sent_start or hit.who == inj.who:  # hit.person: one victim named apart
        return injured
    extra = hit.count - (dead.count if dead is not None and dead.sent_start == hit.sent_start else 0)
    if extra <= 0:
        return injured
    notes.append(f"injured {injured} + {extra}: the other people injured and the {hit.count} hit ({hit.note})")
    return injured + extra


def _same_people(chosen: dict[str, Figure], notes: list[str]) -> None:
    """The injured or hit counted are the dead themselves when both counts read the same victims phrase ("a
    juvenile who was injured in the shooting died"): they are not counted as injured."""
    dead = chosen.get("killed")
    if dead is None or dead.who < 0:
        return
    for cat in ("injured", "hit"):
        f = chosen.get(cat)
        if f is not None and f.who == dead.who and f.count <= dead.count:
            del chosen[cat]
            notes.append(f"{cat} {f.count} not counted: the same people as the dead ({f.note})")
        elif f is not None and _told_again(f, dead):
            del chosen[cat]
            notes.append(f"{cat} {f.count} not counted: the one person wounded is the one who died, told of again "
                         f"({f.note} / {dead.note})")


def _told_again(hurt: Figure, dead: Figure) -> bool:
    """One person wounded in one sentence and one person dead in another, where the later phrase refers back
    (a definite noun or a pronoun: "a boy was wounded ... he died at the hospital") and the two descriptions
    agree: the same person, who died of the wounds (not one dead and one wounded)."""
    if hurt.person is None or dead.person is None or hurt.others or hurt.sent_start == dead.sent_start:
        return False
    later = hurt if hurt.sent_start > dead.sent_start else dead
    return not later.new and distinct(hurt.person, dead.person) is None


def _add_victims(chosen: dict[str, Figure], added: list[Figure], notes: list[str]) -> None:
    """Victims told of one per sentence add up: "a 17-year-old was shot in the leg. A second man was hit in the
    arm" = 2 hit. `added` are the figures of later sentences whose victims are one more person ("a second
    man", see _additional). They fill a category the event has no count for, and add one person to a count of
    one; a count of several is not added to, since news restates its lead. People only said to be hit go to
    the injured when the event's count of the injured is what was kept."""
    seen: set[tuple[int, int]] = set()
    single = {cat for cat, f in chosen.items() if f.count == 1}  # narrated one victim at a time
    for f in added:
        if (f.sent_start, f.who if f.who >= 0 else f.cue_i) in seen:
            continue
        seen.add((f.sent_start, f.who if f.who >= 0 else f.cue_i))
        cat = "injured" if f.category == "hit" and "injured" in chosen and "hit" not in chosen else f.category
        base = chosen.get(cat)
        if base is not None and base.sent_start == f.sent_start:
            continue  # the same sentence's figure: already counted
        if base is not None and (cat not in single or f.count != 1):
            continue  # "one killed, three others hurt ... three others were hurt": a restatement, not more people
        if base is None:
            chosen[cat] = Figure(cat, f.count, f.text, f.note, f.cue_i, f.sent_start, others=True, who=f.who,
                                 person=f.person)
            notes.append(f"{cat} {f.count}: more victims in a later sentence ({f.note})")
            continue
        chosen[cat] = Figure(cat, base.count + f.count, base.text, f"{base.note} + {f.note}", base.cue_i,
                             base.sent_start, base.update, base.others, base.floor, base.who)
        notes.append(f"{cat} {base.count} + {f.count} more victims in a later sentence ({f.note})")


def count_casualties(span: Span | Doc) -> tuple[int | None, int | None, str]:
    """(killed, injured, reason) reported in one sentence (or span); None when not reported."""
    sents = list(span.sents) if hasattr(span, "sents") else [span]
    figs: list[Figure] = []
    for s in sents:
        figs += sentence_figures(s)
    return combine(figs)


def _backrefers(sent: Span) -> bool:
    for t in sent:
        if _ordinal_victim(t) is not None:
            return True  # "a second victim ...": more of the same event's victims
        if t.lemma_.lower() in BACKREF_NOUNS and t.pos_ == "NOUN":
            if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in t.children):
                return True
            if any(c.dep_ == "poss" for c in t.children):
                return True
    return False


def _path_len(a: Token, b: Token) -> int:
    anc_a = [a, *a.ancestors]
    ids = {t.i: k for k, t in enumerate(anc_a)}
    for k, t in enumerate([b, *b.ancestors]):
        if t.i in ids:
            return k + ids[t.i]
    return 99


def article_casualties(doc: Doc, triggers: list[Token], types: list[str] | None = None,
                       same: Callable[[int, int], bool] | None = None
                       ) -> list[tuple[int | None, int | None, str]]:
    """(killed, injured, reason) for each trigger token of one doc, as the stage computes them. `types` are
    the events' types: a toll sentence without a violent event of its own (VIOLENT_TYPES) gives its figures
    to the violent events of the nearest violent sentence before it (within ORPHAN_WINDOW sentences, or at
    any distance when it refers back to "the attack"), else of the nearest one after it (within the window).
    Without types (or without violent events) every event counts as violent. `same(k, j)`: events k and j
    may be one incident (the stage: not `elsewhere`); a figure nearer event j is lent to event k of its sentence
    only then ("the attack came after Iran vowed to avenge the killing of three guards in Syria": the three
    are not the attack's)."""
    sents = list(doc.sents)
    sent_index = {s.start: k for k, s in enumerate(sents)}
    types = types or ["ASSAULT"] * len(triggers)
    violent_k = {k for k, t in enumerate(types) if t in VIOLENT_TYPES} or set(range(len(triggers)))
    by_sent: dict[int, list[int]] = {}
    violent_by_sent: dict[int, list[int]] = {}
    for k, trig in enumerate(triggers):
        si = sent_index[trig.sent.start]
        by_sent.setdefault(si, []).append(k)
        if k in violent_k:
            violent_by_sent.setdefault(si, []).append(k)
    own: dict[int, list[Figure]] = {k: [] for k in range(len(triggers))}
    later: dict[int, list[Figure]] = {k: [] for k in range(len(triggers))}
    mates: dict[int, list[Figure]] = {k: [] for k in range(len(triggers))}  # nearer another event of the sentence
    added: dict[int, list[Figure]] = {k: [] for k in range(len(triggers))}  # more victims, later sentences
    violent_sents = sorted(violent_by_sent)
    told: set[int] = set()  # violent sentences that tell of victims (not only of "another" one)
    for si, sent in enumerate(sents):
        figs = sentence_figures(sent)
        if not figs:
            continue
        more = [f for f in figs if f.added]
        anchor = [e for e in violent_sents if e in told and 0 < si - e <= ORPHAN_WINDOW]
        if more and anchor:
            for k in violent_by_sent[anchor[-1]]:
                added[k] += more
        if si in violent_by_sent and len(more) < len(figs):
            told.add(si)
        if more and anchor and si not in by_sent:
            figs = [f for f in figs if not f.added]  # given to the event they add to, not as a toll sentence's
            if not figs:
                continue
        if si in by_sent:
            # a toll belongs to the sentence's violent events: "Iran vowed to avenge the killing of three
            # guards" gives the three to the killing, not to the threat
            evs = violent_by_sent.get(si) or by_sent[si]
            for f in figs:
                cue = doc[f.cue_i]
                dist = {k: _path_len(cue, triggers[k]) for k in evs}
                best = min(dist.values())
                nearest = [k for k in evs if dist[k] == best]
                for k in evs:
                    if dist[k] == best:
                        own[k].append(f)
                    elif same is None or any(same(k, j) for j in nearest):
                        mates[k].append(f)
            if si in violent_by_sent:
                continue
        prev = [e for e in violent_sents if e < si]
        nxt = [e for e in violent_sents if e > si]
        target = None
        if prev and (si - prev[-1] <= ORPHAN_WINDOW or _backrefers(sent)):
            target = prev[-1]
        elif nxt and nxt[0] - si <= ORPHAN_WINDOW:
            target = nxt[0]
        if target is not None:
            for k in violent_by_sent[target]:
                later[k] += figs
    killed_counts = [f.count for k in own for f in own[k] + later[k] if f.category == "killed"]
    article_killed = max(killed_counts) if killed_counts else None
    return [combine(own[k], later[k], article_killed, mates[k], added[k]) for k in range(len(triggers))]


class CasualtiesStage:
    name = "casualties"
    requires: tuple[str, ...] = ("event_type",)
    assigns = ("fatalities", "injured", "casualty_reason")

    def __init__(self, res: Resources):
        self.res = res

    def __call__(self, ctx: ArticleContext) -> None:
        if not ctx.events:
            return
        evs = ctx.events
        results = article_casualties(ctx.doc, [ev.trigger for ev in evs], [str(ev.get("event_type")) for ev in evs],
                                     same=lambda k, j: not elsewhere(evs[k], evs[j]))
        for ev, (killed, injured, reason) in zip(ctx.events, results, strict=True):
            _assign(ev, killed, injured, reason)
        main = choose_main(ctx)  # counts and dates are known now: say which event is the article's story
        if main is not None:
            main.set("casualty_reason", f"{main.get('casualty_reason')}; {ctx.notes['salience']}")


def elsewhere(a: EventDraft, b: EventDraft) -> bool:
    """Two events of one sentence that cannot be one incident: placed by their own words in different
    countries, or dated to different months."""
    ma, mb = (str(ev.get("event_date") or "")[:7] for ev in (a, b))
    return place_conflict(a, b) or (len(ma) == len(mb) == 7 and ma != mb)


def _assign(ev: EventDraft, killed: int | None, injured: int | None, reason: str) -> None:
    ev.set("fatalities", killed, reason=reason)
    ev.set("injured", injured, reason=reason)
    ev.set("casualty_reason", reason)
