"""Who did what to whom, from the dependency parse: the source and target noun of an event trigger, and the
noun phrase around a noun.

Rules (English, spaCy dependency labels):
- verb trigger: source = nsubj, or the "by" agent of a passive; target = dobj, the nsubjpass of a passive, or
  the object of "against/on/at/upon/into/toward/with"; a verb with no subject of its own (xcomp, conj, advcl,
  participles) takes its governing verb's subject; a relative clause ("militants who attacked") its noun.
- noun trigger ("attack", "airstrikes"): source = possessor ("Iran's attack"), the "by" object, or a
  modifier naming an actor ("Houthi attacks"), or the subject of a light verb ("launched an attack");
  target = the object of "on/against/at/of/targeting".
- a target that is a thing ("the house of an official", "Israel's headquarters") is replaced by its owner."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SUBJ = {"nsubj", "csubj"}
TARGET_PREPS = {"against", "on", "at", "upon", "into", "toward", "towards", "with", "targeting", "onto"}
NOUN_TARGET_PREPS = TARGET_PREPS | {"of", "in"}
INHERIT_DEPS = {"xcomp", "conj", "advcl", "ccomp", "pcomp"}
KEEP_PREPS = {"of", "for", "from", "in"}  # prepositions kept inside an actor phrase
DROP_DEPS = {"relcl", "acl", "advcl", "punct", "dep", "cc:preconj", "prep", "parataxis", "mark", "case"}
NOUN_POS = {"NOUN", "PROPN", "PRON", "NUM"}
# Things an attack can hit whose owner is the real target ("the house of", "Israel's headquarters").
# Verbs whose object noun is the event and whose subject is its actor ("launched an attack").
LIGHT_VERBS = {"launch", "carry", "conduct", "stage", "mount", "perform", "unleash", "wage", "execute", "claim",
               "continue", "resume", "begin", "intensify", "escalate", "step", "make", "hold", "organize",
               "organise", "lead", "start", "order", "commit", "deliver", "undertake", "do", "announce",
               "impose", "issue", "sign", "reach", "give", "provide", "send", "pledge", "declare", "call"}
THINGS = {"house", "home", "headquarters", "building", "office", "base", "facility", "facilities", "center",
          "centre", "compound", "embassy", "consulate", "car", "vehicle", "convoy", "ship", "vessel", "plane",
          "property", "properties", "position", "positions", "resource", "resources", "infrastructure", "camp",
          "depot", "site", "sites", "residence", "airport", "port", "school", "hospital", "area", "areas",
          "village", "town", "city", "territory", "station", "post", "outpost", "asset", "assets", "interest",
          "interests", "target", "targets", "ships", "vessels", "plant", "field", "fields", "network",
          "sovereignty", "independence", "integrity", "security", "territorial", "rights", "policy", "policies",
          "stance", "decision", "plan", "plans", "role", "efforts", "effort", "actions", "action"}


@dataclass(frozen=True)
class Argument:
    head: Token
    span: Span
    how: str  # why this noun was taken ("nsubj of 'claim'", "by-agent", ...)
    whole: Span | None = None  # for an owner taken from a thing ("the house of X"): the thing's phrase


def noun_phrase(head: Token) -> Span:
    """The noun phrase headed by `head`: its modifiers, possessors, appositions, coordinated nouns and "of/for/
    from/in" phrases; not relative clauses or other prepositions. Leading and trailing punctuation is cut."""
    doc = head.doc
    keep = {head.i}

    def walk(tok: Token) -> None:
        for ch in tok.children:
            if ch.dep_ in DROP_DEPS and not (ch.dep_ == "prep" and ch.lower_ in KEEP_PREPS) \
                    and not (ch.dep_ == "case" and ch.tag_ == "POS"):
                continue
            if ch.dep_ == "prep" and tok.i == head.i and ch.i < head.i:
                continue
            keep.add(ch.i)
            walk(ch)

    walk(head)
    left = min(keep)
    right = head.i
    while right + 1 in keep:  # contiguous from the head rightwards
        right += 1
    while left < head.i and (doc[left].is_punct or doc[left].dep_ == "cc"):
        left += 1
    while right > head.i and (doc[right].is_punct or doc[right].dep_ in ("cc", "prep")):
        right -= 1
    if right > left and doc[right].tag_ == "POS":  # "Israel's" -> "Israel"
        right -= 1
    return doc[left:right + 1]


def _arg(tok: Token, how: str) -> Argument:
    return Argument(tok, noun_phrase(tok), how)


def _child(tok: Token, deps: set[str]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _pobj(prep: Token) -> Token | None:
    obj = _child(prep, {"pobj"})
    if obj is None:  # "on Houthi-controlled areas" parsed with a nested prep/pcomp
        inner = _child(prep, {"pcomp"})
        if inner is not None:
            obj = _child(inner, {"dobj", "pobj"})
    return obj


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def owner(tok: Token) -> Token:
    """'the house of X' / "X's house" -> X, when `tok` is a thing."""
    if tok.lemma_.lower() not in THINGS and tok.lower_ not in THINGS:
        return tok
    poss = _child(tok, {"poss"})
    if poss is not None:
        return poss
    for t in [tok, *tok.conjuncts]:  # "the sovereignty, independence and integrity of Iraq"
        for prep in t.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                obj = _pobj(prep)
                if obj is not None:
                    return owner(obj)
    return tok


def subject_of(verb: Token, depth: int = 0) -> Argument | None:
    """The verb's subject: its own, the "by" agent of a passive, or inherited from a governing verb
    (through "willing to", "decided to", participles and relative clauses)."""
    if depth > 4:
        return None
    passive = is_passive(verb)
    for c in verb.children:
        if c.dep_ in SUBJ:
            if c.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
                return _arg(verb.head, f"noun of the relative clause '{verb.text}'")
            return _arg(c, f"subject of '{verb.text}'")
        if passive and c.dep_ == "agent":
            obj = _pobj(c)
            if obj is not None:
                return _arg(obj, f"'by' agent of passive '{verb.text}'")
    if passive:
        return None
    if verb.dep_ == "relcl" and verb.head.pos_ in NOUN_POS:
        return _arg(verb.head, f"noun of the relative clause '{verb.text}'")
    if verb.dep_ == "acl" and verb.head.pos_ in NOUN_POS:
        # "a declaration demanding ...": the declaration's author, when the noun is the object of a verb
        noun = verb.head
        if noun.dep_ in ("dobj", "obj") and noun.head.pos_ in ("VERB", "AUX"):
            inherited = subject_of(noun.head, depth + 1)
            if inherited is not None:
                return Argument(inherited.head, inherited.span, f"{inherited.how}, author of '{noun.text}'")
        if verb.tag_ == "VBG":
            return _arg(noun, f"noun modified by '{verb.text}'")
    gov = verb.head
    if verb.dep_ in INHERIT_DEPS and gov.pos_ == "ADJ" and gov.dep_ in ("acomp", "xcomp") and gov.head is not gov:
        gov = gov.head  # "they are willing to forgive"
    if verb.dep_ in INHERIT_DEPS and gov is not verb and gov.pos_ in ("VERB", "AUX"):
        inherited = subject_of(gov, depth + 1)
        if inherited is not None:
            return Argument(inherited.head, inherited.span, f"{inherited.how}, governing '{verb.text}'")
    return None


def _target(tok: Token, how: str) -> Argument:
    t = owner(tok)
    return Argument(t, noun_phrase(t), how + (" (owner)" if t is not tok else ""),
                    noun_phrase(tok) if t is not tok else None)


def _not_a_party(tok: Token) -> bool:
    """Dates, amounts and numbers are not recipients ('stopped work on Monday', 'killed 23')."""
    return tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL") or tok.like_num


def verb_arguments(verb: Token, is_agent: Callable[[Token], bool] | None = None, depth: int = 0
                   ) -> tuple[Argument | None, Argument | None]:
    """Source and target of a verb. The target is, in order: the passive subject; the indirect object ("gave
    the Ivory Coast aid"); a direct object that is an actor; the object of "against/on/at/with/to..." after the
    verb or after its object ("sanctions on the Taliban"); for a frame verb, the target of the verb it
    governs ("threatened to shell Iraqi towns") or the subject of its clause ("demanded that Israel ease");
    else a direct object that is a thing."""
    agent = is_agent or (lambda t: True)
    source = subject_of(verb) if depth == 0 else None
    target = None
    if is_passive(verb):
        subj = _child(verb, {"nsubjpass"})
        if subj is not None:
            return source, _target(subj, f"passive subject of '{verb.text}'")
    dative = _child(verb, {"dative"})
    if dative is not None and dative.pos_ in NOUN_POS and not _not_a_party(dative):
        return source, _target(dative, f"indirect object of '{verb.text}'")
    obj = _child(verb, {"dobj", "obj"})
    if obj is not None and _not_a_party(obj):
        obj = None
    if obj is not None and agent(owner(obj)):
        return source, _target(obj, f"object of '{verb.text}'")
    inner_src = inner_tgt = None
    if obj is not None and is_agent is not None and obj.pos_ == "NOUN":
        # "condemned Russia's attack on Kyiv": the author of the act is the recipient; else the act's target
        inner_src, inner_tgt = noun_arguments(obj, is_agent, is_agent)
        if inner_src is not None:
            return source, Argument(inner_src.head, inner_src.span, f"{inner_src.how}, object of '{verb.text}'",
                                    inner_src.whole)
    holders = [verb] + ([obj] if obj is not None and inner_tgt is None else [])
    for h in holders:
        for prep in h.children:
            if prep.dep_ == "prep" and prep.lower_ in TARGET_PREPS | {"to", "for"}:
                pobj = _pobj(prep)
                if pobj is not None and not _not_a_party(pobj) and (agent(owner(pobj)) or prep.lower_ in (
                        TARGET_PREPS - {"with"})):
                    return source, _target(pobj, f"'{prep.text}' object of '{h.text}'")
    for c in verb.children:
        if depth < 3 and c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"):
            _, inner = verb_arguments(c, is_agent, depth + 1)
            if inner is not None:
                return source, Argument(inner.head, inner.span, f"{inner.how}, governed by '{verb.text}'",
                                        inner.whole)
        if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX"):
            subj = _child(c, {"nsubj", "nsubjpass"})
            if subj is not None and agent(subj) and subj.lower_ not in ("it", "there"):
                return source, _target(subj, f"subject of '{c.text}', demanded or said by '{verb.text}'")
    if inner_tgt is not None:
        return source, Argument(inner_tgt.head, inner_tgt.span, f"{inner_tgt.how}, object of '{verb.text}'",
                                inner_tgt.whole)
    if obj is not None and (obj.lemma_.lower() in THINGS or obj.pos_ == "PROPN"):
        target = _target(obj, f"object of '{verb.text}'")
    return source, target


def noun_arguments(noun: Token, is_actor: Callable[[Token], bool], is_agent: Callable[[Token], bool]
                   ) -> tuple[Argument | None, Argument | None]:
    """Arguments of a nominal trigger. `is_actor(token)` says whether a word names an actor with a country or an
    organisation ("Houthi"), `is_agent(token)` whether a noun phrase names any actor ("commanders")."""
    source = target = None
    for c in noun.children:
        if c.dep_ == "poss" and source is None:
            source = _arg(c, f"possessor of '{noun.text}'")
        elif c.dep_ == "prep" and c.lower_ == "by" and source is None:
            obj = _pobj(c)
            if obj is not None:
                source = _arg(obj, f"'by' object of '{noun.text}'")
        elif c.dep_ == "prep" and c.lower_ in NOUN_TARGET_PREPS and target is None:
            if c.lower_ == "in" and noun.lemma_.lower() not in ("strike", "attack", "raid"):
                continue
            obj = _pobj(c)
            if obj is None:
                continue
            t = owner(obj)
            if c.lower_ in ("in", "of") and t is obj and not is_actor(t) and t.pos_ != "PRON" \
                    and t.ent_type_ != "PERSON" and not is_agent(t):
                continue  # "attacks in Yemen", "exchange of fire": a place or a thing, not a target
            target = Argument(t, noun_phrase(t), f"'{c.text}' object of '{noun.text}'",
                              noun_phrase(obj) if t is not obj else None)
    if target is None:
        for c in noun.children:
            if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX"):
                subj = _child(c, {"nsubj", "nsubjpass"})
                if subj is not None and is_agent(subj):
                    target = _arg(subj, f"subject of '{c.text}' in the {noun.text}")
                    break
    if source is None:
        mods = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i]
        for m in mods:
            if is_actor(m):
                span = noun.doc[min(t.i for t in m.subtree):m.i + 1]
                source = Argument(m, span, f"modifier '{m.text}' of '{noun.text}'")
                break
    if source is None and noun.dep_ in ("dobj", "obj") and noun.head.lemma_.lower() in LIGHT_VERBS:
        subj = subject_of(noun.head)
        if subj is not None:
            source = Argument(subj.head, subj.span, f"{subj.how} (light verb with '{noun.text}')")
    if source is None and noun.dep_ == "pobj" and noun.head.dep_ == "agent":
        pass  # "killed in the attacks": nothing to say
    return source, target


def event_arguments(trigger: Token, is_actor: Callable[[Token], bool],
                    is_agent: Callable[[Token], bool] | None = None) -> tuple[Argument | None, Argument | None]:
    """(source, target) of an event trigger; either may be None."""
    if trigger.pos_ in ("VERB", "AUX") or trigger.tag_.startswith("VB"):
        return verb_arguments(trigger, is_agent)
    return noun_arguments(trigger, is_actor, is_agent or is_actor)
