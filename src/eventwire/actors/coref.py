"""Actor mentions of one article, in reading order, and what pronouns and short descriptions refer to.

Simple salience-based coreference: every noun phrase is resolved with the lexicon as it is read; a pronoun
("they", "she") or a short definite description ("the Guards", "the group") takes the most recent earlier
mention that fits (a person for he/she, a group or state for they/it, a mention sharing the head word for
"the Guards"); "we"/"our" in a quotation is the speaker of the sentence. An ethnic group word ("Kurdish")
takes the country of the nearest mention of one of its countries."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from .arguments import noun_phrase
from .lexicon import COUNTRYISH, ORGISH, ActorInfo, ActorLexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PERSONAL = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
GROUPISH = {"they", "them", "their", "theirs", "themselves", "it", "its", "itself"}
SPEAKER = {"we", "us", "our", "ours", "ourselves", "i", "me", "my"}
DESCRIPTIONS = {"group", "movement", "organisation", "organization", "militia", "militants", "rebels",
                "government", "regime", "country", "army", "military", "force", "forces", "guards", "party",
                "ministry", "agency", "authorities", "administration", "insurgents", "fighters", "troops"}
SAY_VERBS = {"say", "state", "tell", "add", "claim", "announce", "declare", "warn", "write", "insist", "vow",
             "assure", "note", "report"}
LOCATIVE = {"in", "near", "at", "from", "to", "across", "inside", "outside", "around", "into", "through"}
PERSON_NOUNS = {"spokesperson", "spokesman", "spokeswoman", "minister", "president", "official", "leader",
                "commander", "chief", "ambassador", "envoy", "secretary", "premier", "king", "prince",
                "governor", "mayor", "general", "businessman", "journalist", "judge", "officer"}


@dataclass(frozen=True)
class Mention:
    head: Token
    span: Span
    info: ActorInfo | None
    how: str  # "dictionary", "coreference: ...", ...

    @property
    def person(self) -> bool:
        """A single person (an antecedent for he/she, not for they/it)."""
        if self.head.ent_type_ == "PERSON":
            return self.info is None or self.info.kind not in ORGISH | COUNTRYISH | {"group"}
        return self.head.lemma_.lower() in PERSON_NOUNS and self.head.tag_ in ("NN", "NNP")


class ArticleActors:
    """All actor mentions of a Doc, resolved once; `resolve(head, span)` for any noun of the article."""

    def __init__(self, doc: Doc, lexicon: ActorLexicon, when: date | None = None):
        self.doc = doc
        self.lex = lexicon
        self.when = when
        self.by_head: dict[int, Mention] = {}
        self.order: list[Mention] = []
        heads: set[int] = set()
        for chunk in doc.noun_chunks:
            heads.add(chunk.root.i)
        for ent in doc.ents:
            if ent.label_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
                heads.add(ent.root.i)
        for tok in doc:
            if _is_pronoun(tok) and tok.lower_ in PERSONAL | GROUPISH | SPEAKER:
                heads.add(tok.i)
        for i in sorted(heads):
            tok = doc[i]
            m = self._mention(tok, noun_phrase(tok))
            self.by_head[i] = m
            self.order.append(m)

    # ---------------------------------------------------------------- public

    def resolve(self, head: Token, span: Span) -> Mention:
        """The mention headed by `head` (resolved when the article was read), or one resolved now."""
        m = self.by_head.get(head.i)
        if m is not None and m.span == span:
            return m
        if m is not None and m.info is not None and m.how.startswith("corefer"):
            return Mention(head, span, m.info, m.how)
        return self._mention(head, span)

    def is_agent(self, tok: Token) -> bool:
        """Whether the noun phrase of `tok` names any actor (by the dictionary or by reference)."""
        m = self.resolve(tok, noun_phrase(tok))
        return m.info is not None

    def is_actor(self, tok: Token) -> bool:
        """Whether a modifier word names an actor with a country or an organisation ("Houthi", "Israeli")."""
        info = self.lex.resolve(tok.text, self.when)
        return info is not None and (info.country is not None or info.kind in ORGISH)

    # ---------------------------------------------------------------- reading

    def _mention(self, head: Token, span: Span) -> Mention:
        low = head.lower_
        if _is_pronoun(head):
            return self._pronoun(head, span)
        info = self.lex.resolve(span.text, self.when)
        if self._is_description(head, span, info):
            ante = self._antecedent(head, lambda m: _shares_head(m, head) and m.info is not None
                                    and (m.info.country is not None or m.info.kind in ORGISH))
            if ante is None and low in DESCRIPTIONS:
                ante = self._antecedent(head, lambda m: m.info is not None and m.info.kind in ORGISH
                                        and _compatible(m.info, info))
            if ante is not None and ante.info is not None:
                return Mention(head, span, ante.info, f"coreferent with '{ante.span.text}' (same head word)")
        if info is not None and info.country is None and info.candidates:
            country, where = self._nearest_country(head, info.candidates)
            if country:
                info = replace(info, country=country, name=self.lex.country_name(country) + (
                    f" {info.name}" if info.name else ""),
                    reason=f"{info.reason}; {country} from the nearest mention of one of them ({where})")
        if info is not None and info.country is None and not info.candidates:
            inner = [self.by_head[t.i] for t in span if t.i != head.i and t.i in self.by_head
                     and t.i < head.i + 40]
            inner = [m for m in inner if m.info is not None and m.info.country is not None]
            if inner:
                sub = inner[0]
                info = replace(info, country=sub.info.country,  # type: ignore[union-attr]
                               reason=f"{info.reason}; country from '{sub.span.text}' ({sub.how})")
        if info is None and head.ent_type_ == "PERSON":
            ante = self._antecedent(head, lambda m: m.info is not None and head.lower_ in m.span.text.lower()
                                    and m.person)
            if ante is not None and ante.info is not None:
                return Mention(head, span, ante.info, f"coreferent with '{ante.span.text}' (same name)")
        return Mention(head, span, info, "dictionary")

    def _pronoun(self, head: Token, span: Span) -> Mention:
        low = head.lower_
        if low in SPEAKER:
            spk = self._speaker(head)
            if spk is not None and spk.info is not None:
                return Mention(head, span, spk.info, f"coreferent with the speaker '{spk.span.text}'")
            return Mention(head, span, None, "first person with no speaker found")
        if low in PERSONAL:
            ante = self._antecedent(head, lambda m: m.person and m.info is not None)
        else:
            ante = self._antecedent(head, lambda m: m.info is not None and not m.person
                                    and not _locative(m) and m.head.pos_ != "PRON" or (
                                        m.head.pos_ == "PRON" and m.info is not None and m.head.lower_ in GROUPISH))
        if ante is None or ante.info is None:
            return Mention(head, span, None, f"no earlier actor fits the pronoun '{head.text}'")
        return Mention(head, span, ante.info, f"coreferent with '{ante.span.text}' (most recent fitting actor)")

    def _antecedent(self, head: Token, fits: Callable[[Mention], bool]) -> Mention | None:
        """The most recent earlier mention (within about four paragraphs) that `fits`."""
        for m in reversed(self.order):
            if m.head.i >= head.i or m.span.start <= head.i < m.span.end:
                continue
            if head.i - m.head.i > 400:
                break
            if fits(m):
                return m
        return None

    def _speaker(self, head: Token) -> Mention | None:
        sents = [head.sent]
        nxt = head.sent.end
        if nxt < len(self.doc):
            sents.append(self.doc[nxt].sent)
        for s in sents:
            for tok in s:
                if tok.lemma_.lower() in SAY_VERBS and tok.pos_ == "VERB":
                    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                    if subj is None or subj.i == head.i:
                        continue
                    if subj.lemma_.lower() == "statement":
                        poss = next((c for c in subj.children if c.dep_ == "poss"), None)
                        subj = poss or subj
                    if subj.pos_ == "PRON" and subj.lower_ in SPEAKER:
                        continue
                    return self.by_head.get(subj.i) or self._mention(subj, noun_phrase(subj))
        return None

    def _is_description(self, head: Token, span: Span, info: ActorInfo | None) -> bool:
        """'the Guards', 'the group': a definite noun phrase that names no country or organisation itself."""
        if info is not None and (info.country is not None or info.kind in ORGISH):
            return False
        first = span[0].lower_
        return first in ("the", "this", "that", "these", "those") and len(span) <= 3

    def _nearest_country(self, head: Token, candidates: tuple[str, ...]) -> tuple[str | None, str]:
        best: tuple[int, str, str] | None = None
        for m in self.order:
            if m.info is None or m.info.country not in candidates or m.head.i == head.i:
                continue
            if m.info.kind not in COUNTRYISH and m.info.kind not in ORGISH:
                continue
            dist = abs(m.head.i - head.i) + (0 if m.head.i < head.i else 50)
            if best is None or dist < best[0]:
                best = (dist, m.info.country, m.span.text)
        return (best[1], f"'{best[2]}'") if best else (None, "")


def _is_pronoun(tok: Token) -> bool:
    if tok.text.isupper() and len(tok.text) > 1:  # "US", "IT" are names here
        return False
    return tok.pos_ == "PRON" or tok.lower_ in PERSONAL | GROUPISH | SPEAKER


def _shares_head(m: Mention, head: Token) -> bool:
    return m.head.i != head.i and head.lower_ in {t.lower_ for t in m.span} and m.head.pos_ != "PRON"


def _compatible(a: ActorInfo, b: ActorInfo | None) -> bool:
    return b is None or b.sector is None or a.sector == b.sector


def _locative(m: Mention) -> bool:
    """A place in a locative phrase ('in Iraq') is not an antecedent for 'they'/'it'."""
    return (m.info is not None and m.info.kind in COUNTRYISH and m.head.dep_ == "pobj"
            and m.head.head.lower_ in LOCATIVE)
