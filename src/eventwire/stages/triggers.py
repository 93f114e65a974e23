"""The trigger lexicon: which words evoke which PLOVER event type and mode.

Two data files beside this module: `data/triggers.tsv` (curated, wins) and `data/cameo_verbs.tsv`
(generated from the PETRARCH2 CAMEO verb dictionary by scripts/build_triggers.py). speech_verbs() reads the
attribution stage's cue list (`data/reporting_verbs.tsv`) for the events stage's reported-speech rules."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

DATA = Path(__file__).parent / "data"
# CAMEO synonyms that only share their block's code are loose ("reveal" sits under PROMISE); keep them for
# the types where the block is coherent, and keep every block head and every verb with its own code.
LOOSE_SYNONYM_TYPES = {"ASSAULT", "COERCE"}


@dataclass(frozen=True)
class Trigger:
    phrase: str
    pos: str  # "V" or "N"
    type: str  # PLOVER type, or "-" (not a trigger)
    mode: str | None
    contexts: tuple[str, ...]
    when: tuple[str, ...]  # lemmas of which one must occur ("!x": must not occur)
    source: str  # "curated" or "cameo:<code>"
    replaces: str | None = None  # a PLOVER rule's output: the type of the word it recoded ("halted the offensive")

    def applies(self, lemmas: set[str]) -> bool:
        required = [w for w in self.when if not w.startswith("!")]
        banned = [w[1:] for w in self.when if w.startswith("!")]
        if any(b in lemmas for b in banned):
            return False
        return not required or any(r in lemmas for r in required)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        lines = [ln for ln in f if not ln.startswith("#") and ln.strip()]
    return list(csv.DictReader(lines, delimiter="\t"))


def _split(cell: str | None, sep: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in (cell or "").split(sep) if x.strip())


class TriggerLexicon:
    """phrase -> ordered candidate Triggers for a part of speech."""

    def __init__(self, entries: dict[tuple[str, str], list[Trigger]]):
        self.entries = entries

    @classmethod
    @cache
    def load(cls) -> TriggerLexicon:
        entries: dict[tuple[str, str], list[Trigger]] = {}
        for r in _rows(DATA / "triggers.tsv"):
            t = Trigger(r["phrase"], r["pos"], r["type"], r.get("mode") or None,
                        _split(r.get("contexts"), ";"), _split(r.get("when"), ","), "curated")
            entries.setdefault((t.phrase, t.pos), []).append(t)
        for r in _rows(DATA / "cameo_verbs.tsv"):
            key = (r["phrase"], "V")
            if key in entries or (r.get("origin") == "syn" and r["type"] not in LOOSE_SYNONYM_TYPES):
                continue
            entries[key] = [Trigger(r["phrase"], "V", r["type"], r.get("mode") or None,
                                    _split(r.get("contexts"), ";"), (), f"cameo:{r['cameo']}")]
        return cls(entries)

    def lookup(self, phrase: str, pos: str, lemmas: set[str]) -> Trigger | None:
        """The first entry for `phrase` whose condition holds in a sentence with these lemmas;
        None when there is none or it says "not a trigger"."""
        for t in self.entries.get((phrase, pos), ()):
            if t.applies(lemmas):
                return None if t.type == "-" else t
        return None

    def known(self, phrase: str, pos: str) -> bool:
        return (phrase, pos) in self.entries


@cache
def speech_verbs() -> frozenset[str]:
    """The speech verbs (lemmas) of the attribution stage's cue list, data/reporting_verbs.tsv."""
    return frozenset(r["lemma"] for r in _rows(DATA / "reporting_verbs.tsv") if r.get("kind") == "speech")


def candidate_keys(tok: Token) -> tuple[str, list[str]]:
    """The part of speech ("V", "N" or "") and the lexicon phrases a word may match, most specific first:
    a verb with its particle, its object's lemma, any object (`verb _obj`), its passive subject
    (`verb _pass`), then the lemma alone; a noun with its compound, its "of" object, then its lemma and its
    own form. The events stage and the classifier's lexicon features both match through this."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        keys = []
        for ch in tok.children:
            if ch.dep_ == "prt":
                keys.append(f"{lemma} {ch.lower_}")
            elif ch.dep_ in ("dobj", "obj"):
                keys.append(f"{lemma} {ch.lemma_.lower()}")
        if any(ch.dep_ in ("dobj", "obj") for ch in tok.children):
            keys.append(f"{lemma} _obj")  # with any direct object ("returned the paintings")
        if any(ch.dep_ == "nsubjpass" for ch in tok.children):
            keys.append(f"{lemma} _pass")  # passive, with its subject ("the paintings were returned")
        keys.append(lemma)
        return "V", keys
    if tok.pos_ == "NOUN" and tok.dep_ != "compound":
        keys = []
        for ch in tok.children:
            if ch.dep_ == "compound":
                keys.append(f"{ch.lower_} {lemma}")
            if ch.dep_ == "prep" and ch.lower_ == "of":
                keys.extend(f"{lemma} of {g.lemma_.lower()}" for g in ch.children if g.dep_ == "pobj")
        keys.extend([lemma, tok.lower_])
        return "N", keys
    return "", []
