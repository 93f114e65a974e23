"""Who did what to whom, from the dependency parse: the source and target noun of an event trigger, and the
noun phrase around a noun.

Rules (English, spaCy dependency labels):
- verb trigger: source = nsubj, or the "by" agent of a passive; target = dobj, the nsubjpass of a passive, or
  the object of "against/on/at/upon/into/toward/with"; a verb with no subject of its own (xcomp, conj, advcl,
  participles) takes its governing verb's subject; a relative clause ("militants who attacked") its noun.
- noun trigger ("attack", "airstrikes"): source = possessor ("Iran's attack"), the "by" object, or a
  modifier naming an actor ("Houthi attacks"), or the subject of a light verb ("launched an attack");
  target = the object of "on/against/at/of/targeting".
- a target that is a thing ("the house of an official", "Israel's headquarters") is replaced by its owner.
- sending, withdrawing and giving ("sent troops to Liberia", "withdrew its soldiers from Gaza", "the deployment
  of 230 troops to Liberia"): the target is where the theme goes or comes from, not the theme.
- a noun trigger with no source of its own takes the subject of the verb governing it ("opened talks with the
  Taliban"), unless that verb reacts to or asks for the act ("conceded to the demands", "called for sanctions").
- helpers for the stage's last resorts: the two members of a coordinated subject of a reciprocal event
  (`split_coordination`), the nearest named actor of the sentence (`nearest_party`)."""

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
# Prepositions of time and circumstance: an act named after them is another event ("after weeks of talks").
ADJUNCT_PREPS = {"after", "before", "during", "amid", "amidst", "following", "since", "despite", "until", "ahead",
                 "throughout", "in", "on", "at", "over", "under", "without", "like", "as", "than"}
# Verbs that respond to or ask for someone else's act: their subject is not the author of the act named by their
# object ("conceded to the demands of the drivers", "condemned the attack", "called for sanctions").
REACTION_VERBS = {"accept", "reject", "concede", "condemn", "welcome", "criticize", "criticise", "denounce",
                  "investigate", "protest", "oppose", "support", "back", "meet", "answer", "respond", "ignore",
                  "refuse", "deny", "dismiss", "praise", "endorse", "approve", "applaud", "decry", "deplore",
                  "slam", "blame", "hail", "heed", "yield", "bow", "agree", "comply", "avenge", "retaliate",
                  "survive", "report", "witness", "follow", "kill", "injure", "wound", "die", "flee", "escape",
                  "prevent", "block", "thwart", "foil", "fear", "expect", "await", "discuss", "debate", "study",
                  "review", "monitor", "document",
                  # asking for an act does not make one its author ("called for sanctions against X")
                  "call", "demand", "urge", "ask", "request", "seek", "propose", "suggest", "appeal", "press",
                  "push", "want", "need", "recommend", "advocate", "favor", "favour", "insist"}
THINGS = {"house", "home", "headquarters", "building", "office", "base", "facility", "facilities", "center",
          "centre", "compound", "embassy", "consulate", "car", "vehicle", "convoy", "ship", "vessel", "plane",
          "property", "properties", "position", "positions", "resource", "resources", "infrastructure", "camp",
          "depot", "site", "sites", "residence", "airport", "port", "school", "hospital", "area", "areas",
          "village", "town", "city", "territory", "station", "post", "outpost", "asset", "assets", "interest",
          "interests", "target", "targets", "ships", "vessels", "plant", "field", "fields", "network",
          "sovereignty", "independence", "integrity", "security", "territorial", "rights", "policy", "policies",
          "stance", "decision", "plan", "plans", "role", "efforts", "effort", "actions", "action"}


# Verbs and nouns of sending, moving and giving: the recipient is where the theme goes ("to/into Liberia") or
# comes from ("withdrew its troops from Gaza"), not the theme itself (troops, aid, teams).
TRANSFER_VERBS = {"send", "deploy", "dispatch", "withdraw", "pull", "move", "transfer", "deliver", "ship", "fly",
                  "airlift", "return", "extradite", "deport", "expel", "evacuate", "station", "redeploy", "give",
                  "provide", "donate", "supply", "lend", "grant", "offer", "contribute", "export", "sell",
                  "mobilize", "mobilise", "amass", "mass", "reduce", "cut", "suspend", "halt", "freeze",
                  "increase", "resume", "boost", "restore", "stop", "slash", "extend", "pledge", "allocate"}
TRANSFER_NOUNS = {"deployment", "withdrawal", "delivery", "transfer", "dispatch", "shipment", "sale", "export",
                  "redeployment", "pullout", "evacuation", "extradition", "deportation", "donation", "loan",
                  "assistance", "aid", "visit", "trip", "tour", "journey", "mission", "delegation"}
NAMED = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
DESTINATION_PREPS = ("to", "into", "toward", "towards", "from", "out", "against")


@dataclass(frozen=True)
class Argument:
    head: Token
    span: Span
    how: str  # why this noun was taken ("nsubj of 'claim'", "by-agent", ...)
    whole: Span | None = None  # for an owner taken from a thing ("the house of X"): the thing's phrase


def noun_phrase(head: Token, conjuncts: bool = True) -> Span:
    """The noun phrase headed by `head`: its modifiers, possessors, appositions, coordinated nouns (unless
    `conjuncts` is False) and "of/for/from/in" phrases; not relative clauses or other prepositions. Leading and
    trailing punctuation is cut."""
    doc = head.doc
    keep = {head.i}

    def walk(tok: Token) -> None:
        for ch in tok.children:
            if ch.dep_ in DROP_DEPS and not (ch.dep_ == "prep" and ch.lower_ in KEEP_PREPS) \
                    and not (ch.dep_ == "case" and ch.tag_ == "POS"):
                continue
            if not conjuncts and tok.i == head.i and ch.dep_ in ("conj", "cc"):
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


def _destination(head: Token, obj: Token | None, agent: Callable[[Token], bool]) -> Argument | None:
    """The actor or place a theme is sent to or taken from: the object of "to/into/from" after the verb, its
    object or the noun ("sent a platoon to Kuwait", "the release of $1.2 billion in aid to Egypt")."""
    holders = [head] + ([obj] if obj is not None else [])
    preps = DESTINATION_PREPS + (("in",) if head.pos_ == "NOUN" else ())  # "troop deployments in Libya"
    for h in list(holders):  # one "of/in/for" phrase deeper: "the release of $1.2 billion in aid to Egypt",
        for prep in h.children:  # "mobilized the army for an assault against X"
            if prep.dep_ == "prep" and prep.lower_ in ("of", "in", "for"):
                inner = _pobj(prep)
                if inner is not None:
                    holders.append(inner)
    for h in holders:
        for prep in h.children:
            if prep.dep_ in ("prep", "dative") and prep.lower_ in preps:
                pobj = _pobj(prep)
                # after the verb itself any place or party ("granted asylum to Julian Assange", "withdrew from
                # a border zone"); deeper, only a known actor
                if pobj is not None and not _not_a_party(pobj) and (agent(owner(pobj)) or h is head and (
                        pobj.ent_type_ in NAMED or pobj.lemma_.lower() in THINGS)):
                    return _target(pobj, f"'{prep.text}' object of '{h.text}' (where '{head.text}' goes)")
    return None


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
    if dative is not None and dative.pos_ == "ADP":  # "gave aid to X", parsed with 'to' as the dative
        dative = _pobj(dative)
    if dative is not None and dative.pos_ in NOUN_POS and not _not_a_party(dative):
        return source, _target(dative, f"indirect object of '{verb.text}'")
    obj = _child(verb, {"dobj", "obj"})
    if obj is not None and _not_a_party(obj):
        obj = None
    if verb.lemma_.lower() in TRANSFER_VERBS:  # "sent troops to Liberia": the destination, not the troops
        dest = _destination(verb, obj, agent)
        if dest is not None:
            return source, dest
    if obj is not None and agent(owner(obj)):
        return source, _target(obj, f"object of '{verb.text}'")
    inner_src = inner_tgt = None
    if obj is not None and is_agent is not None and obj.pos_ == "NOUN":
        # "condemned Russia's attack on Kyiv": the author of the act is the recipient; else the act's target
        inner_src, inner_tgt = noun_arguments(obj, is_agent, is_agent, inherit=False)
        if inner_src is not None and inner_src.head.pos_ == "PRON":
            inner_src = None  # "pledged his support for X": 'his' is the subject again, X the recipient
        if inner_src is not None:
            return source, Argument(inner_src.head, inner_src.span, f"{inner_src.how}, object of '{verb.text}'",
                                    inner_src.whole)
    holders = [verb] + ([obj] if obj is not None and inner_tgt is None else [])
    for h in holders:
        for prep in h.children:
            if prep.dep_ == "prep" and prep.lower_ in TARGET_PREPS | {"to", "for"}:
                pobj = _pobj(prep)
                if pobj is not None and not _not_a_party(pobj) and (agent(owner(pobj)) or prep.lower_ in (
                        TARGET_PREPS - {"with"}) and prep.i > verb.i):  # "On the eve of ..., X freed": no
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


def noun_arguments(noun: Token, is_actor: Callable[[Token], bool], is_agent: Callable[[Token], bool],
                   inherit: bool = True) -> tuple[Argument | None, Argument | None]:
    """Arguments of a nominal trigger. `is_actor(token)` says whether a word names an actor with a country or an
    organisation ("Houthi"), `is_agent(token)` whether a noun phrase names any actor ("commanders"). With
    `inherit`, a noun with no source of its own takes the subject of the verb governing it."""
    source = target = None
    if noun.lemma_.lower() in TRANSFER_NOUNS:  # "the deployment of 230 troops to Liberia"
        target = _destination(noun, None, is_agent)
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
            if obj is None or _not_a_party(obj):
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
    if inherit and source is None and noun.dep_ in ("dobj", "obj", "pobj", "conj", "nsubjpass", "attr", "appos"):
        verb = governing_verb(noun)
        if verb is not None and verb.lemma_.lower() not in REACTION_VERBS \
                and not (noun.dep_ == "pobj" and noun.head.dep_ == "agent"):
            subj = subject_of(verb)  # "opened talks with the Taliban", "announced a suspension of aid"
            if subj is not None and subj.head.i != noun.i and (target is None or subj.head.i != target.head.i):
                source = Argument(subj.head, subj.span, f"{subj.how} (the verb governing '{noun.text}')")
    return source, target


def governing_verb(noun: Token) -> Token | None:
    """The verb whose object the noun is, directly ("opened direct talks"), through its first conjunct, through
    one preposition that is not an adjunct of time or circumstance ("leaving ... for the withdrawal"), or as the
    "of" object of such an object ("announced a suspension of aid"); None for "after weeks of talks"."""
    tok = noun
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    for _ in range(2):
        if tok.dep_ in ("dobj", "obj", "attr", "nsubjpass", "oprd", "appos"):
            return tok.head if _is_verb(tok.head) else None
        if tok.dep_ != "pobj" or tok.head.lower_ in ADJUNCT_PREPS:
            return None
        prep = tok.head
        if _is_verb(prep.head):
            return prep.head
        if prep.lower_ != "of" or prep.head.pos_ != "NOUN":
            return None
        tok = prep.head  # "a suspension of aid": the suspension's verb
    return None


def _is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")
    return None


def event_arguments(trigger: Token, is_actor: Callable[[Token], bool],
                    is_agent: Callable[[Token], bool] | None = None) -> tuple[Argument | None, Argument | None]:
    """(source, target) of an event trigger; either may be None."""
    if trigger.pos_ in ("VERB", "AUX") or trigger.tag_.startswith("VB"):
        return verb_arguments(trigger, is_agent)
    return noun_arguments(trigger, is_actor, is_agent or is_actor)


# Verbs whose coordinated subject names both parties ("Trump and Putin agreed", "X and Y clashed").
RECIPROCAL_VERBS = {"agree", "meet", "talk", "negotiate", "clash", "fight", "sign", "discuss", "cooperate",
                    "reconcile", "consult", "confer", "collaborate", "partner", "ally", "trade", "exchange", "reach",
                    "fail", "hold", "settle", "resume", "establish", "restore", "normalize", "normalise", "renew",
                    "conclude", "meeting", "talks", "agreement", "deal", "accord", "treaty", "clashes", "summit",
                    "tie", "ties", "relation", "relations", "exercise", "exercises", "cooperation", "pact"}
RECIPROCAL_TYPES = {"AGREE", "CONSULT", "COOPERATE"}


def split_coordination(arg: Argument, is_agent: Callable[[Token], bool]) -> tuple[Argument, Argument] | None:
    """'Trump and Putin (agreed)': the first member as the source, the next member that names an actor as the
    target; None when the phrase is not a coordination of actors."""
    others = [c for c in arg.head.conjuncts if c.i > arg.head.i and c.pos_ in NOUN_POS and is_agent(c)]
    if not others:
        return None
    other = others[0]
    first = Argument(arg.head, noun_phrase(arg.head, conjuncts=False), f"{arg.how}, first of a coordination")
    second = Argument(other, noun_phrase(other, conjuncts=False),
                      f"other member of the coordination '{arg.span.text}' (reciprocal event)")
    return first, second


def is_reciprocal(trigger: Token, event_type: str | None) -> bool:
    """Whether the event's parties act on each other (agreements, meetings, clashes): PLOVER codes the second
    member of a coordinated subject as the target."""
    if event_type in RECIPROCAL_TYPES:
        return True
    tok = trigger
    for _ in range(3):  # "failed to reach agreement", "agreed to hold talks"
        if tok.lemma_.lower() in RECIPROCAL_VERBS or tok.lower_ in RECIPROCAL_VERBS:
            return True
        if any(c.lemma_.lower() in RECIPROCAL_VERBS for c in tok.children if c.dep_ in ("dobj", "xcomp")):
            return True
        if tok.head is tok:
            break
        tok = tok.head
    return False


def nearest_party(trigger: Token, heads: list[Token], exclude: Span | None,
                  fits: Callable[[Token], bool] | None = None) -> Argument | None:
    """The named actor nearest to the trigger in its sentence (after it preferred), outside `exclude` (the
    other argument): the last resort when the parse gives no argument ("agreed to lend $1 billion to
    Indonesia" parsed with the "to" phrase elsewhere). `heads` are the heads of actor mentions; `fits` says which
    may be taken."""
    sent = trigger.sent
    above = {t.i for t in exclude.root.ancestors} if exclude is not None else set()
    best: tuple[int, Token] | None = None
    for h in heads:
        if not sent.start <= h.i < sent.end or h.i == trigger.i or h.pos_ == "PRON" or h.i in above:
            continue
        if exclude is not None and exclude.start <= h.i < exclude.end:
            continue
        if fits is not None and not fits(h):
            continue
        dist = abs(h.i - trigger.i) + (0 if h.i > trigger.i else 8)
        if best is None or dist < best[0]:
            best = (dist, h)
    if best is None:
        return None
    h = best[1]
    span = noun_phrase(h, conjuncts=False)
    side = "after" if h.i > trigger.i else "before"
    return Argument(h, span, f"nearest named actor {side} '{trigger.text}' in the sentence (no argument in the parse)")
