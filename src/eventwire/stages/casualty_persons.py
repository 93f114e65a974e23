"""Who a victims phrase describes, to tell whether two phrases can be the same person (casualties stage).

A report says "a deputy was shot" and "the suspect died": one person shot, another dead, so the deputy is
injured, not one of the dead. Two descriptions of one person agree in what they say of the person: grammatical
gender ("the girl" / "he"), age ("a 7-year-old" / "his 56-year-old grandmother", "a boy" / "a man") and role in
the incident (a suspect is not the officer he shot, nor his victim). The words and what they say are in
data/person_nouns.tsv; a noun the table does not know says nothing, and two phrases that say nothing against
each other may be the same person (coreference needs agreement, not identity of words). The same table says
which words can name people at all (WORDS) and which never name the victims counted (NOT_PEOPLE).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

DATA = Path(__file__).parent / "data"
CHILD_MAX = 12  # "a 12-year-old" is a child whatever the noun
ADULT_MIN = 21  # "a 21-year-old" is an adult; between the two, age words ("teen", "man") overlap


def _read() -> list[list[str]]:
    return [line.split("\t") for line in (DATA / "person_nouns.tsv").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")][1:]


_ROWS = _read()
# words that can name people, with what they say of the person (gender, age, role; "-" says nothing)
WORDS: dict[str, tuple[str, str, str]] = {r[0]: (r[1], r[2], r[3]) for r in _ROWS if r[4] == "yes"}
# nouns that never name the victims counted ("Image 8 of 8", "three rounds", "a van was struck")
NOT_PEOPLE: frozenset[str] = frozenset(r[0] for r in _ROWS if r[4] == "no")
AGE = re.compile(r"(\d{1,3})-(?:year|yr)s?-old")


@dataclass(frozen=True)
class Person:
    """What one victims phrase says of the person: gender (m/f), age class (child/adult), years, role."""

    gender: str = "-"
    age: str = "-"
    years: int | None = None
    role: str = "-"


def describe(head: Token) -> Person:
    """What the phrase headed by `head` says of the person it names ("the 15-year-old girl": f, child, 15)."""
    words = [head, *(c for c in head.children if c.dep_ in ("amod", "compound", "nmod") and c.i < head.i)]
    gender = age = role = "-"
    for w in words:
        g, a, r = WORDS.get(w.lower_, ("-", "-", "-"))
        gender = g if g != "-" else gender
        age = a if a != "-" else age
        role = r if r != "-" else role
    phrase = head.doc[head.left_edge.i: head.i + 1].text.lower()
    m = AGE.search(phrase)
    years = int(m.group(1)) if m else None
    if years is not None and age == "-":
        age = "child" if years <= CHILD_MAX else "adult" if years >= ADULT_MIN else "-"
    return Person(gender, age, years, role)


def distinct(a: Person | None, b: Person | None, roles_only: bool = False) -> str | None:
    """Why the two descriptions cannot be one person (they disagree on gender, age or role), or None.
    `roles_only`: only a suspect against anyone else (gender or age tell two people apart but not that one
    of them survived: "the boy was shot ... his father was found dead" is often a murder-suicide)."""
    if a is None or b is None:
        return None
    if roles_only:
        return distinct(Person(role=a.role), Person(role=b.role))
    for what, x, y in (("gender", a.gender, b.gender), ("age", a.age, b.age)):
        if x != "-" and y != "-" and x != y:
            return f"{what} {x} vs {y}"
    if "suspect" in (a.role, b.role) and a.role != b.role and "-" not in (a.role, b.role):
        return f"role {a.role} vs {b.role}"  # an officer or a victim can be one another, not the suspect
    if a.years is not None and b.years is not None and a.years != b.years:
        return f"ages {a.years} vs {b.years}"
    return None
