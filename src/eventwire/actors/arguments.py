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
- a conjunct or infinitive after a passive ("was indicted by the court and will resign") has the passive subject as
  its subject, not the 'by' agent; "be engaged/involved in X": the subject does X.
- an act noun's author: its possessor, "by" object, the "by" agent of a participle after it ("crimes committed by
  X"), "from" for things said ("an appeal from X"); its target may be held by the verb governing it ("opened
  investigations against X"), what its relative clause acts on ("a strike that shut down the capital"), or what it
  protests ("in protest of the government's refusal").
- "be opposed to X" is a stance (the subject opposes X or X's author), not a passive; a gerund after a predicate
  adjective ("are guilty of violating") takes the copula's subject; "involved/engaged in" an act: its subject does it;
- a verb of firing ("launched artillery and rocket fire against X") aims at X, not at what it fires; a complaint "to
  Y over X's raids" is about X; "a meeting between X and Y" names X; a meeting's named party ("held talks with
  President X at a dinner") beats the place it is held at;
- a purpose clause aims "against" the recipient ("building weapons to use against X"); a result participle that
  names no victim ("..., killing 50") struck what its verb was aimed at; an act on ties ("a suspension of air links
  with X") concerns the party they are with; a custody noun ("was put under investigation") holds the passive
  subject;
- a word tagged as a present-tense verb where a noun stands ("would not meet hostage-takers demands") is a noun;
  two subjects from a parse error: the name nearest the verb;
- helpers for the stage's last resorts: the two members of a coordinated subject of a reciprocal event
  (`split_coordination`), the nearest named actor of the sentence (`nearest_party`); and for its rules on reported
  speech (`reported_clause`, `speaker_of`, `attributions`), reactions (`reaction_arguments`) and acts named as
  recipients (`is_act`, `actor_within`, `place_of`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SUBJ = {"nsubj", "csubj"}
TARGET_PREPS = {"against", "on", "at", "upon", "into", "toward", "towards", "with", "targeting", "onto"}
NOUN_TARGET_PREPS = TARGET_PREPS | {"of", "in", "to", "between"}
GERUND_PREPS = {"in", "by", "while", "after", "before", "through", "without", "for", "on", "upon"}
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
ENGAGED = {"engage", "involve"}  # "be engaged in X": the subject does X, no passive
STATIONING = {"deploy", "redeploy", "station", "base", "position", "post", "keep", "maintain"}
TRANSFER_NOUNS = {"deployment", "withdrawal", "delivery", "transfer", "dispatch", "shipment", "sale", "export",
                  "redeployment", "pullout", "evacuation", "extradition", "deportation", "donation", "loan",
                  "assistance", "aid", "visit", "trip", "tour", "journey", "mission", "delegation"}
NAMED = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
# Acts that befall the place they happen in: its people are their target ("a curfew in Abidjan", "a raid in Gaza").
PLACE_ACTS = {"strike", "attack", "raid", "curfew", "siege", "blockade", "crackdown", "lockdown", "bombing",
              "shelling", "airstrike", "offensive", "incursion", "raids", "emergency"}
# Nouns of things said: their author is the "by" or "from" object ("an appeal from the president"), and a clause
# under them is said by that author ("issued a reminder to Iraq that it must cooperate").
SAID_NOUNS = {"appeal", "demand", "call", "request", "plea", "offer", "proposal", "ultimatum", "warning", "threat",
              "reminder", "statement", "message", "letter", "note", "declaration", "resolution", "accusation",
              "allegation", "charge", "complaint", "criticism", "condemnation", "invitation", "order", "instruction",
              "suggestion", "insistence", "pressure"}
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


def _list_split_from(tok: Token) -> Token | None:
    """A parse error: the last name of an asyndetic list ("countries like Lebanon, Iran, Yemen extending their
    support") taken as the verb's subject while the rest of the list hangs elsewhere. The name right after a comma
    that follows a name already coordinated into a list of the same kind (entity type) closes that list; the list's
    first member is returned (the rule for coordinations: the first member, the others in the reason)."""
    doc = tok.doc
    if tok.pos_ != "PROPN" or not tok.ent_type_ or tok.i < 2 or doc[tok.i - 1].text != ",":
        return None
    prev = doc[tok.i - 2]
    if prev.dep_ != "conj" or prev.pos_ != "PROPN" or prev.ent_type_ != tok.ent_type_:
        return None
    first = prev
    while first.dep_ == "conj" and first.head.i < first.i and first.head.pos_ == "PROPN":
        first = first.head
    if first.ent_type_ != tok.ent_type_ or first.head.i == tok.head.i:
        return None
    return first


def subject_of(verb: Token, depth: int = 0) -> Argument | None:
    """The verb's subject: its own, the "by" agent of a passive, or inherited from a governing verb
    (through "willing to", "decided to", participles and relative clauses)."""
    if depth > 4:
        return None
    passive = is_passive(verb)
    subjects = [c for c in verb.children if c.dep_ in SUBJ]
    # two subjects is a parse error ("the region in under tension with countries like Iran, Yemen extending their
    # support"): the name nearest the verb is its own
    nearest = max((c for c in subjects if c.i < verb.i and c.pos_ == "PROPN"), key=lambda c: c.i, default=None) \
        if len(subjects) > 1 else None  # (a name; "Members of X, a body linked to Y, investigated": the first)
    for c in verb.children:
        if c.dep_ in SUBJ and (nearest is None or c.i == nearest.i):
            if c.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
                return _arg(verb.head, f"noun of the relative clause '{verb.text}'")
            first = _list_split_from(c)
            if first is not None:
                others = ", ".join(t.text for t in (*first.conjuncts, c))
                return _arg(first, f"subject of '{verb.text}': '{c.text}' closes a list split by a parse error; "
                                   f"its first member is taken, also: {others}")
            return _arg(c, f"subject of '{verb.text}'")
        if passive and c.dep_ == "agent":
            obj = _pobj(c)
            if obj is not None:
                return _arg(obj, f"'by' agent of passive '{verb.text}'")
    if passive:
        return None
    if verb.dep_ == "relcl" and verb.head.pos_ in NOUN_POS:
        return _arg(verb.head, f"noun of the relative clause '{verb.text}'")
    root = _noun_root_main_verb(verb)
    if root is not None:  # "Doctors from two aid groups donated and delivered goods", parsed with no main verb
        return _arg(root, f"subject of '{verb.text}' (the parse has no main verb: the sentence's noun root)")
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
    if verb.dep_ == "pcomp" and gov.dep_ == "prep" and gov.lower_ in GERUND_PREPS and _is_verb(gov.head):
        gov = gov.head  # "joined the crowd in demanding X", "retaliated by shelling": the governing verb's subject
    if verb.dep_ in INHERIT_DEPS and gov.pos_ == "ADJ" and gov.dep_ in ("acomp", "xcomp") and gov.head is not gov:
        gov = gov.head  # "they are willing to forgive"
    elif verb.dep_ == "pcomp" and gov.dep_ == "prep" and gov.head.pos_ == "ADJ" \
            and gov.head.dep_ in ("acomp", "xcomp", "oprd") and _is_verb(gov.head.head):
        gov = gov.head.head  # "X and Y are guilty of violating", "X is responsible for killing": the copula's subject
    if verb.dep_ in ("conj", "xcomp") and gov is not verb and is_passive(gov) and not is_passive(verb):
        # "the minister was indicted by the court and will resign", "X was urged to resign": the one the
        # passive is about acts next, not its 'by' agent
        subj = _child(gov, {"nsubjpass"})
        if subj is not None:
            return _arg(subj, f"passive subject of '{gov.text}', governing '{verb.text}'")
    if verb.dep_ in INHERIT_DEPS and gov is not verb and gov.pos_ in ("VERB", "AUX"):
        inherited = subject_of(gov, depth + 1)
        if inherited is not None:
            return Argument(inherited.head, inherited.span, f"{inherited.how}, governing '{verb.text}'")
    return None


def _noun_root_main_verb(verb: Token) -> Token | None:
    """A parse error: a sentence whose root is a noun, with a past participle after it that has an object of its
    own or through its conjunct ("Doctors from two aid groups donated and delivered $50,000 worth of goods": no
    passive reading takes an object), is that participle's sentence: the root noun is its subject."""
    root = verb.sent.root
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or root.pos_ not in ("NOUN", "PROPN") \
            or verb.i <= root.i or _child(verb, {"agent"}) is not None:
        return None
    noun = verb.head  # the root itself, or the object of a preposition after it ("Doctors from ... groups")
    if noun.i != root.i and not (noun.dep_ == "pobj" and noun.head.head.i == root.i):
        return None
    if not any(_child(v, {"dobj", "obj"}) is not None for v in (verb, *verb.conjuncts)):
        return None
    return root


def stranded_subject(verb: Token, names_actor: Callable[[Token], bool]) -> Argument | None:
    """A parse error: the finite verb of a sentence with no subject in the parse, whose subject stands right before
    it but was hung elsewhere ("With the signing of a memorandum, the government and the rebels have agreed":
    'government' parsed as a conjunct of 'memorandum'). The clause's verb is reached through xcomp and conj; the
    noun right before it (past its auxiliaries and adverbs) is taken, climbed up its coordination while each member
    names an actor by itself (`names_actor`)."""
    top = verb
    for _ in range(4):
        if top.dep_ in ("xcomp", "conj") and top.head is not top and _is_verb(top.head):
            top = top.head
    if top.dep_ != "ROOT" or is_passive(top) or any(c.dep_ in SUBJ | {"nsubjpass", "expl"} for c in top.children):
        return None
    if top.tag_ not in FINITE_TAGS and not any(c.dep_ == "aux" and c.tag_ in FINITE_TAGS | {"MD"}
                                               for c in top.children):
        return None
    doc, i = top.doc, top.i - 1
    while i > top.sent.start and doc[i].head.i == top.i and doc[i].dep_ in ("aux", "neg", "advmod") \
            and not doc[i].ent_type_:
        i -= 1
    tok = doc[i]
    if i < top.sent.start or _not_a_party(tok):
        return None
    if tok.pos_ in ("NOUN", "PROPN"):
        if tok.head.i == top.i:
            return None  # (attached to the verb: not stranded, the parse chose another role for it)
    elif tok.ent_type_ not in ("ORG", "GPE", "NORP", "PERSON") or tok.dep_ != "advmod":
        return None  # (a name tagged as an adverb, "USAID had announced ...", is its subject too)
    while tok.dep_ == "conj" and tok.head.i < tok.i and tok.head.pos_ in ("NOUN", "PROPN") and names_actor(tok.head):
        tok = tok.head
    if not names_actor(tok):
        return None
    return _arg(tok, f"noun right before '{top.text}', which has no subject in the parse")


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


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
    # "troop deployments in Libya", "deploy peacekeepers in Iraq"
    preps = DESTINATION_PREPS + (("in",) if head.pos_ == "NOUN" or head.lemma_.lower() in STATIONING else ())
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
    if is_passive(verb) and verb.lemma_.lower() in ENGAGED:  # "forces were engaged in ethnic cleansing against X"
        subj, inner = _child(verb, {"nsubjpass"}), _in_object(verb)
        if subj is not None and inner is not None:
            _, tgt = noun_arguments(inner, agent, agent, inherit=False)
            return _arg(subj, f"subject of '{verb.text} in'"), tgt
    if is_passive(verb) and verb.lemma_.lower() in STANCE_PARTICIPLES and _child(verb, {"agent"}) is None:
        stance = _stance(verb, agent, is_agent)  # "Israel is opposed to French mediation": Israel opposes France
        if stance is not None:
            return stance
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
    if verb.lemma_.lower() in FIRING_VERBS:  # "launched artillery and rocket fire against guerrilla camps"
        aimed = _aimed_at(verb, obj, agent)
        if aimed is not None:
            return source, aimed
    if obj is not None and agent(owner(obj)):
        return source, _target(obj, f"object of '{verb.text}'")
    inner_src = inner_tgt = None
    if obj is not None and is_agent is not None and obj.pos_ == "NOUN":
        # "condemned Russia's attack on Kyiv": the author of the act is the recipient; else the act's target
        inner_src, inner_tgt = noun_arguments(obj, is_agent, is_agent, inherit=False)
        if inner_src is not None and inner_src.head.pos_ == "PRON":
            inner_src = None  # "pledged his support for X": 'his' is the subject again, X the recipient
        if inner_src is not None and source is not None and inner_src.head.i == source.head.i:
            inner_src = None  # "imposed a curfew": the light verb's subject is the act's author, not its target
        if inner_src is not None:
            return source, Argument(inner_src.head, inner_src.span, f"{inner_src.how}, object of '{verb.text}'",
                                    inner_src.whole)
    if verb.lemma_.lower() in COMPLAINT_VERBS:
        grievance = _grievance(verb, agent, is_agent)
        if grievance is not None:
            return source, grievance
    holders = [verb] + ([obj] if obj is not None and inner_tgt is None else [])
    for h in holders:
        for prep in h.children:
            if prep.dep_ == "prep" and prep.lower_ in TARGET_PREPS | {"to", "for"}:
                pobj = _pobj(prep)
                if pobj is not None and not _not_a_party(pobj) and (agent(owner(pobj)) or prep.lower_ in (
                        TARGET_PREPS - {"with"}) and prep.i > verb.i and not (
                        inner_tgt is not None and inner_tgt.head.pos_ == "PROPN")):  # "On the eve of ..., X freed": no
                    # ("held a meeting with President X at a lunch": the meeting's named party, not the lunch)
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
    purpose = _purpose_against(verb, agent)  # "manufacturing weapons to use against the United States"
    if purpose is not None:
        return source, purpose
    if obj is not None and (obj.lemma_.lower() in THINGS or obj.pos_ == "PROPN"):
        target = _target(obj, f"object of '{verb.text}'")
    if target is None and depth == 0 and verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > verb.head.i \
            and _is_verb(verb.head) and _child(verb, {"dobj", "obj"}) in (None, *_numbers(verb)):
        # "launched rocket fire against guerrilla camps, killing or wounding 50": those it struck
        _, struck = verb_arguments(verb.head, is_agent, depth + 1)
        if struck is not None and agent(struck.head):
            return source, Argument(struck.head, struck.span, f"{struck.how}, struck by '{verb.head.text}' with "
                                    f"the result '{verb.text}' (no victim named)", struck.whole)
    return source, target


def _numbers(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("dobj", "obj") and _not_a_party(c)]


def _purpose_against(verb: Token, agent: Callable[[Token], bool]) -> Argument | None:
    """What a purpose clause after the verb is aimed "against" ("manufacturing weapons to use against X")."""
    for c in verb.children:
        if c.dep_ != "advcl" or c.i < verb.i or not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            continue
        for prep in c.children:
            obj = _pobj(prep) if prep.dep_ == "prep" and prep.lower_ == "against" else None
            if obj is not None and not _not_a_party(obj) and agent(owner(obj)):
                return _target(obj, f"'against' object of '{c.text}', what '{verb.text}' is for")
    return None


def resisted_author(verb: Token, is_agent: Callable[[Token], bool]) -> Argument | None:
    """Whom a refusal resists: the author of the pressure, calls or demands it is made "despite" ("declined to
    resign despite growing pressure by the anti-corruption commission")."""
    for h in (verb, *(c for c in verb.children if c.dep_ == "xcomp")):
        for prep in h.children:
            obj = _pobj(prep) if prep.dep_ == "prep" and prep.lower_ == "despite" else None
            if obj is None or obj.lemma_.lower() not in SAID_NOUNS:
                continue
            author, _ = noun_arguments(obj, is_agent, is_agent, inherit=False)
            if author is not None and author.head.pos_ != "PRON" and is_agent(owner(author.head)):
                return Argument(author.head, author.span, f"{author.how}, resisted by '{verb.text}'", author.whole)
    return None


# Nouns of the state's hold on a person: "X was put/placed under arrest/investigation in C" (by C's authorities).
CUSTODY_NOUNS = frozenset({"arrest", "investigation", "detention", "custody", "surveillance", "interrogation",
                           "guard", "scrutiny", "probe", "inquiry", "trial"})


def under_custody(noun: Token) -> Token | None:
    """The passive verb a custody noun is "under" ("a US national has been put under investigation"); else None."""
    if noun.lemma_.lower() not in CUSTODY_NOUNS or noun.dep_ != "pobj" or noun.head.lower_ != "under":
        return None
    verb = noun.head.head
    return verb if _is_verb(verb) and is_passive(verb) else None


# Participles that, after "be" and with no 'by' agent, state the subject's own stance ("Israel is opposed to X").
STANCE_PARTICIPLES = {"oppose"}
# Verbs of firing and launching: their object is what is fired (artillery, rockets), the target what it is aimed at.
FIRING_VERBS = {"launch", "fire", "lob", "hurl", "throw", "shoot", "unleash", "rain", "drop", "direct", "aim"}
AIM_PREPS = ("against", "at", "on", "upon", "into", "toward", "towards")


def _stance(verb: Token, agent: Callable[[Token], bool], is_agent: Callable[[Token], bool] | None
            ) -> tuple[Argument, Argument | None] | None:
    subj = _child(verb, {"nsubjpass"})
    if subj is None:
        return None
    source = _arg(subj, f"subject of '{verb.text}' (a stance, not a passive)")
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "to":
            continue
        obj = _pobj(prep)
        if obj is None or _not_a_party(obj):
            continue
        if agent(owner(obj)):
            return source, _target(obj, f"what '{verb.text} to' names")
        if is_agent is not None and obj.pos_ == "NOUN":  # "opposed to French mediation": its author
            author, inner = noun_arguments(obj, is_agent, is_agent, inherit=False)
            found = author if author is not None and author.head.pos_ != "PRON" else inner
            if found is not None:
                return source, Argument(found.head, found.span, f"{found.how}, '{verb.text} to' it", found.whole)
    return source, None


def _aimed_at(verb: Token, obj: Token | None, agent: Callable[[Token], bool]) -> Argument | None:
    holders = [verb] + ([obj, *obj.conjuncts] if obj is not None else [])
    for h in holders:
        for prep in h.children:
            if prep.dep_ == "prep" and prep.lower_ in AIM_PREPS and prep.i > verb.i:
                pobj = _pobj(prep)
                if pobj is not None and not _not_a_party(pobj) and agent(owner(pobj)):
                    return _target(pobj, f"'{prep.text}' object of '{h.text}' (what '{verb.text}' is aimed at)")
    return None


# Verbs of complaining: what is complained "over/about/of" names the recipient (or its author: "complained to the UN
# over Israeli air raids" is a complaint about Israel), not the one complained "to".
COMPLAINT_VERBS = {"complain", "protest", "object", "remonstrate", "grumble"}
COMPLAINT_PREPS = ("over", "about", "of", "at", "against")


def _grievance(verb: Token, agent: Callable[[Token], bool], is_agent: Callable[[Token], bool] | None
               ) -> Argument | None:
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in COMPLAINT_PREPS:
            continue
        obj = _pobj(prep)
        if obj is None or _not_a_party(obj):
            continue
        if agent(owner(obj)):
            return _target(obj, f"'{prep.text}' object of '{verb.text}' (what is complained of)")
        if is_agent is not None and obj.pos_ == "NOUN":
            author, _ = noun_arguments(obj, is_agent, is_agent, inherit=False)
            if author is not None and author.head.pos_ != "PRON":
                return Argument(author.head, author.span, f"{author.how}, complained of by '{verb.text}'",
                                author.whole)
    return None


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
        elif c.dep_ == "prep" and (c.lower_ == "by" or c.lower_ == "from" and noun.lemma_.lower() in SAID_NOUNS) \
                and source is None:
            obj = _pobj(c)  # "calls by Kofi Annan", "an appeal from the president"
            if obj is not None:
                source = _arg(obj, f"'{c.text}' object of '{noun.text}'")
        elif c.dep_ == "prep" and c.lower_ in NOUN_TARGET_PREPS and target is None:
            if c.lower_ == "in" and noun.lemma_.lower() not in PLACE_ACTS:
                continue
            obj = _pobj(c)
            if obj is None or _not_a_party(obj):
                continue
            t = owner(obj)
            if c.lower_ in ("in", "of", "to", "between") and t is obj and not is_actor(t) and t.pos_ != "PRON" \
                    and t.ent_type_ != "PERSON" and not is_agent(t):
                partner = _partner(obj, is_agent) if c.lower_ == "of" else None
                if partner is not None:  # "a suspension of air links with Serbia": the other party of the links
                    target = Argument(partner, noun_phrase(partner), f"'with' object of '{obj.text}', "
                                      f"'{c.text}' object of '{noun.text}'")
                continue  # "attacks in Yemen", "exchange of fire": a place or a thing, not a target
            target = Argument(t, noun_phrase(t), f"'{c.text}' object of '{noun.text}'",
                              noun_phrase(obj) if t is not obj else None)
    if target is None:
        for c in noun.children:  # "a general strike that shut down the capital": what the act did is its target
            rel = _child(c, {"nsubj"}) if c.dep_ == "relcl" and _is_verb(c) else None
            obj = _child(c, {"dobj", "obj"}) if rel is not None and rel.lower_ in ("that", "which") else None
            if obj is not None and not _not_a_party(obj) and is_agent(owner(obj)):
                target = _target(obj, f"object of '{c.text}', which the {noun.text} did")
                break
    if target is None or target.how.startswith("'in' object"):  # "a strike in prison in protest of X": X
        target = protest_object(noun, is_agent) or target
    held = under_custody(noun) if target is None else None  # "a US national has been put under investigation"
    subj = _child(held, {"nsubjpass"}) if held is not None else None
    if subj is not None and not _not_a_party(subj):
        target = _target(subj, f"passive subject of '{held.text} under {noun.text}'")  # type: ignore[union-attr]
    if target is None:
        for c in noun.children:
            if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX"):
                subj = _child(c, {"nsubj", "nsubjpass"})
                if subj is not None and is_agent(subj):
                    target = _arg(subj, f"subject of '{c.text}' in the {noun.text}")
                    break
    if target is None and noun.dep_ in ("dobj", "obj") and _is_verb(noun.head):
        for prep in noun.head.children:  # "opened investigations against 28 officials": the verb holds the 'against'
            if prep.dep_ == "prep" and prep.i > noun.i and prep.lower_ in TARGET_PREPS - {"with"}:
                obj = _pobj(prep)
                if obj is not None and not _not_a_party(obj) and is_agent(owner(obj)):
                    target = _target(obj, f"'{prep.text}' object of '{noun.head.text}' (with '{noun.text}')")
                    break
    if source is None:
        mods = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i]
        for m in mods:  # "Israeli attacks", "Houthi raids"; not "a military offensive" (a kind, not an actor)
            if is_actor(m) and (m.pos_ != "ADJ" or m.ent_type_ in NAMED):
                span = noun.doc[min(t.i for t in m.subtree):m.i + 1]
                source = Argument(m, span, f"modifier '{m.text}' of '{noun.text}'")
                break
    if source is None and noun.dep_ in ("dobj", "obj") and noun.head.lemma_.lower() in LIGHT_VERBS:
        subj = subject_of(noun.head)
        if subj is not None:
            source = Argument(subj.head, subj.span, f"{subj.how} (light verb with '{noun.text}')")
    if source is None and noun.dep_ == "pobj" and noun.head.lower_ == "in" and _is_verb(noun.head.head) \
            and noun.head.head.lemma_.lower() in ENGAGED:
        source = engaged_subject(noun.head.head, noun)  # "militants who have been involved in exchanges of fire"
    if inherit and source is None and noun.dep_ in ("dobj", "obj", "pobj", "conj", "nsubjpass", "attr", "appos"):
        verb = governing_verb(noun)
        if verb is not None and verb.lemma_.lower() not in REACTION_VERBS \
                and not (noun.dep_ == "pobj" and noun.head.dep_ == "agent"):
            subj = subject_of(verb)  # "opened talks with the Taliban", "announced a suspension of aid"
            if subj is not None and subj.head.i != noun.i and (target is None or subj.head.i != target.head.i):
                source = Argument(subj.head, subj.span, f"{subj.how} (the verb governing '{noun.text}')")
    return source, target


# Nouns of ties between parties: the party they are "with" is the one an act on them concerns ("a suspension of air
# links with Serbia", "the end of talks with the rebels").
TIE_NOUNS = frozenset({"link", "tie", "relation", "relationship", "contact", "talk", "negotiation", "cooperation",
                       "trade", "flight", "dialogue"})


def _partner(obj: Token, is_agent: Callable[[Token], bool]) -> Token | None:
    if obj.lemma_.lower() in TRANSFER_NOUNS:  # "a suspension of aid to Egypt / in Yemen": where the aid goes
        dest = _destination(obj, None, is_agent)
        return dest.head if dest is not None and is_agent(dest.head) else None
    if obj.lemma_.lower() not in TIE_NOUNS:
        return None
    for prep in obj.children:
        cand = _pobj(prep) if prep.dep_ == "prep" and prep.lower_ == "with" else None
        if cand is not None and not _not_a_party(cand) and is_agent(owner(cand)):
            return owner(cand)
    return None


def engaged_subject(verb: Token, act: Token) -> Argument | None:
    """Who "is engaged/involved in" an act: the subject of 'engaged'/'involved' (passive or not): "Turkish troops
    were involved in clashes with Kurdish rebels", also through a relative clause ("the militants who have been
    involved in exchanges of fire": the relative pronoun stands for the noun it modifies)."""
    subj = _child(verb, {"nsubjpass", "nsubj"})
    if subj is None:
        return None
    return _arg(subj, f"subject of '{verb.text} in' (who does the {act.text})")


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


def mistagged_noun(tok: Token) -> bool:
    """A word tagged as a present-tense verb that stands where a noun does ("would not meet hostage-takers
    demands": 'demands' as the object of 'meet'), with no subject or auxiliary of its own."""
    return tok.tag_ in ("VBZ", "VBP") and tok.dep_ in ("dobj", "obj", "pobj", "nsubjpass") \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children)


def event_arguments(trigger: Token, is_actor: Callable[[Token], bool],
                    is_agent: Callable[[Token], bool] | None = None) -> tuple[Argument | None, Argument | None]:
    """(source, target) of an event trigger; either may be None."""
    if (trigger.pos_ in ("VERB", "AUX") or trigger.tag_.startswith("VB")) and not mistagged_noun(trigger):
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


# Verbs that report what someone else did ("..., officials said", "Japan said it had halted aid"): the act told is
# the event unless the telling is itself the act (an accusation, a demand, a threat made in words).
REPORT_VERBS = {"say", "tell", "report", "add", "state", "write", "note", "confirm", "disclose", "reveal", "quote",
                "announce", "claim", "acknowledge", "admit"}
SPEECH_TYPES = {"ACCUSE", "REQUEST", "THREATEN"}


def reported_clause(trigger: Token, event_type: str | None, is_agent: Callable[[Token], bool]) -> Token | None:
    """The verb of the clause a reporting verb reports, when the event is that clause's act and not the saying:
    "North Korea tried to hack the army's computers, officials said" is North Korea's act, not the officials'.
    Kept on the reporting verb: speech acts (ACCUSE, REQUEST, THREATEN: "X said Y must leave" is X's demand),
    and a clause whose subject names no actor ("the situation was calm, police said")."""
    if event_type in SPEECH_TYPES or trigger.lemma_.lower() not in REPORT_VERBS or not _is_verb(trigger):
        return None
    for c in trigger.children:
        if c.dep_ in ("ccomp", "parataxis") and _is_verb(c) and c.lemma_.lower() not in REPORT_VERBS:
            subj = subject_of(c)
            if subj is not None and subj.head.lower_ not in ("it", "there", "this", "that") \
                    and is_agent(subj.head):
                return c
    return None


# Nouns of acts and states, which are no party and no physical target: the recipient is the actor or the place
# they involve ("ended mediation efforts between rival militias", "a curfew in Algiers", "on alert in the West
# Bank"). Nominalisations by suffix, and a few words that carry none.
ACT_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ancy", "ency", "ism")
# Bodies and institutions that end like nominalisations ("government", "opposition"): parties, not acts.
NOT_ACTS = {"government", "governments", "parliament", "parliaments", "department", "departments", "movement",
            "movements", "alliance", "alliances", "agency", "agencies", "opposition", "coalition", "coalitions",
            "administration", "delegation", "delegations", "organisation", "organization", "organisations",
            "organizations", "association", "associations", "federation", "commission", "commissions", "union",
            "presidency", "intelligence", "resistance", "conference", "establishment", "population", "populations",
            "nation", "nations", "station", "embassy", "mission", "missions", "institution", "institutions",
            "congregation", "faction", "factions", "insurgency", "constituency", "audience"}
ACT_NOUNS = {"crime", "crimes", "abuse", "abuses", "attack", "attacks", "killing", "killings", "raid", "raids",
             "march", "marches", "protest", "protests", "boycott", "sit-in", "riot", "riots", "walkout",
             "alert", "curfew", "visit", "lunch", "dinner", "effort", "efforts", "aid", "help", "support", "ban",
             "embargo", "siege", "blockade", "rally", "strike", "talks", "meeting", "deal", "plan", "call", "demand",
             "demands", "control", "access", "ties", "relations", "commitment", "pledge", "promise", "dispute",
             "war", "conflict", "fighting", "violence", "crackdown", "cooperation", "mediation", "work", "trade",
             "policy", "measures", "measure", "reform", "reforms", "peace", "truce", "ceasefire", "law", "rule",
             "atrocities", "hostilities", "activities", "deliveries", "delivery", "robbery", "robberies",
             "rights", "freedom", "freedoms", "last", "first", "time", "level", "basis", "behalf", "way", "term"}
INSIDE_PREPS = ("of", "to", "for", "between", "with", "against", "from", "on", "among", "toward", "towards")
PLACE_PREPS = ("in", "at", "into", "inside", "across", "throughout")


def is_act(tok: Token) -> bool:
    """A noun (or other word) that names an act or a state rather than a party or a thing."""
    if tok.pos_ not in ("NOUN", "PROPN", "PRON"):
        return True
    low, lemma = tok.lower_, tok.lemma_.lower()
    if tok.pos_ == "PROPN" or tok.ent_type_ or low in NOT_ACTS or lemma in NOT_ACTS:
        return False
    return low in ACT_NOUNS or lemma in ACT_NOUNS or (len(low) > 5 and low.endswith(ACT_SUFFIXES))


def actor_within(head: Token, is_agent: Callable[[Token], bool], places: bool) -> Token | None:
    """The first actor named inside a noun phrase that names none itself, through its prepositions ("efforts
    between rival militias", "his commitment to the Zambian people"); with `places`, also where it happens ("a
    curfew in Algiers"). Breadth first, nearest the head first."""
    preps = INSIDE_PREPS + (PLACE_PREPS if places else ())
    frontier, seen = [head], {head.i}
    pronoun: Token | None = None  # "their demands": 'their', unless a named actor comes
    for _ in range(3):
        nxt = []
        for tok in frontier:
            author = act_author(tok) if tok.i != head.i or is_act(tok) else None
            if author is not None and author.pos_ == "PRON":
                pronoun = pronoun or (author if is_agent(author) else None)
            elif author is not None and is_agent(owner(author)):
                return owner(author)  # "an investigation into crimes committed by Croat forces"
            for prep in tok.children:
                if prep.dep_ not in ("prep", "dative") or prep.lower_ not in preps:
                    continue
                obj = _pobj(prep)
                for cand in [obj, *obj.conjuncts] if obj is not None else []:
                    if cand.i in seen or _not_a_party(cand):
                        continue
                    seen.add(cand.i)
                    if is_agent(owner(cand)):
                        return owner(cand)
                    nxt.append(cand)
        frontier = nxt
    return pronoun


def place_of(verb: Token, is_agent: Callable[[Token], bool]) -> Token | None:
    """The actor or place named where the verb's act happens ("remained on alert in the West Bank", "arrived in
    Amman"): the object of "in/at/into/across" after the verb or after its direct object."""
    holders = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    for h in holders:
        for prep in h.children:
            if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS and prep.i > verb.i:
                obj = _pobj(prep)
                if obj is not None and not _not_a_party(obj) and obj.ent_type_ in ("GPE", "LOC", "NORP", "FAC",
                                                                                       "ORG") and is_agent(obj):
                    return obj
    return None


# Verbs of saying, asking and charging: a demand or accusation made in the clause they govern is their subject's
# ("X said Y must withdraw": X's demand of Y; "Y is failing its refugees, X protested": X accuses Y).
SPEAKER_VERBS = REPORT_VERBS | {"declare", "insist", "conclude", "warn", "reiterate", "urge", "push", "press", "demand",
                                "argue", "stress", "charge", "protest", "complain", "accuse", "allege", "maintain",
                                "remind", "repeat", "believe", "assert", "emphasize", "emphasise", "underline"}
CLAUSE_DEPS = ("ccomp", "parataxis")
CHAIN_DEPS = ("xcomp", "conj", "acomp", "advcl", "relcl", "csubj")


def speaker_of(trigger: Token) -> Argument | None:
    """Who says the clause the trigger stands in: the subject of the verb of saying that governs it, or the
    author of a noun of saying whose clause it is ("issued a reminder to Iraq that it must cooperate"); None when
    the trigger is not in a reported clause."""
    tok, reported = trigger, False
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "obj") and _is_verb(trigger.head):
        tok = trigger.head  # "X said Y must reach an agreement": the clause of the verb the act is the object of
    for _ in range(5):
        head = tok.head
        if head is tok:
            return None
        if tok.dep_ in CLAUSE_DEPS or tok.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" or tok.dep_ == "advcl" \
                and any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children):
            reported = True  # (also "pushing for the US to support": what is asked for)
        elif tok.dep_ not in CHAIN_DEPS and not (tok.dep_ == "pcomp" and head.dep_ == "prep"):
            return None
        tok = head
        if reported and _is_verb(tok) and tok.lemma_.lower() in SPEAKER_VERBS:
            subj = subject_of(tok)
            return None if subj is None else Argument(subj.head, subj.span, f"{subj.how}, who says it")
        if reported and tok.pos_ == "NOUN" and tok.lemma_.lower() in SAID_NOUNS:
            poss = _child(tok, {"poss"})
            if poss is not None:
                return _arg(poss, f"author of the {tok.text}")
            verb = tok.head if tok.dep_ in ("dobj", "obj") and _is_verb(tok.head) else None
            subj = subject_of(verb) if verb is not None else None
            return None if subj is None else Argument(subj.head, subj.span, f"{subj.how}, author of the {tok.text}")
    return None


# Event types that are reactions to another's act ("dismissed an appeal", "accepted the demands", "condemned the
# attack"): coded on the act's noun, their actor is the one who reacts and their recipient the act's author.
REACTION_TYPES = {"REJECT", "CONCEDE", "AGREE", "ACCUSE", "SUPPORT"}
# Coercion coded on the act it stops ("police prevented the demonstration staged by students"): only after a verb
# of stopping, since "condemned the arrest" coded on 'arrest' is the arrest's own event.
BLOCKING_VERBS = {"prevent", "block", "thwart", "foil", "ban", "stop", "halt", "suppress", "disperse", "break",
                  "forbid", "prohibit", "outlaw", "crush", "quell"}


def reaction_arguments(noun: Token, event_type: str | None, is_actor: Callable[[Token], bool],
                       is_agent: Callable[[Token], bool], triggers: set[int] | None = None
                       ) -> tuple[Argument, Argument | None] | None:
    """(reacting actor, author of the act) for a noun trigger whose event is the reaction of the verb governing it
    ("the rebels dismissed an appeal from the president": the rebels REJECT the president); None otherwise, or
    when the verb is itself a trigger (`triggers`: token indices)."""
    blocking = event_type in ("COERCE", "SANCTION")
    if event_type not in REACTION_TYPES and not blocking or noun.pos_ != "NOUN" and not mistagged_noun(noun):
        return None
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in ("to", "with"):  # "conceded to demands"
        verb = verb.head
    elif noun.dep_ not in ("dobj", "obj"):
        return None
    verbs = BLOCKING_VERBS if blocking else REACTION_VERBS
    if not _is_verb(verb) or verb.lemma_.lower() not in verbs or verb.i in (triggers or set()):
        return None  # (a reaction verb that is a trigger of its own is its own event)
    subj = subject_of(verb)
    if subj is None:
        return None
    author, target = noun_arguments(noun, is_actor, is_agent, inherit=False)
    if author is None or author.head.i == subj.head.i:
        by = act_author(noun)  # "the demonstration staged by students"
        author = _arg(by, f"author of the {noun.text}") if by is not None and is_agent(owner(by)) else author
    if author is not None and author.head.i == subj.head.i:
        author = None
    other = author or target
    how = f"reacting to the {noun.text} by '{verb.text}'"
    return (Argument(subj.head, subj.span, f"{subj.how} ({how})"),
            None if other is None else Argument(other.head, other.span, f"{other.how} ({how})", other.whole))


def protest_object(tok: Token, is_agent: Callable[[Token], bool]) -> Argument | None:
    """What an act is "in protest at/of/against/over": that act's author ("in protest of the government's
    refusal" -> the government), or the actor itself ("in protest against the army")."""
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in GRIEVANCE_ACTS:  # "a strike over a bill signed by the minister"
        for prep in tok.children:
            obj = _pobj(prep) if prep.dep_ == "prep" and prep.lower_ == "over" else None
            if obj is None or _not_a_party(obj):
                continue
            author = _child(obj, {"poss"}) or _participle_agent(obj) or act_author(obj)
            for cand in (author, obj):
                if cand is not None and cand.pos_ != "PRON" and is_agent(owner(cand)):
                    return _target(cand, f"what the {tok.text} is over")
    holders = [tok] + ([tok.head] if tok.dep_ in ("dobj", "obj") and _is_verb(tok.head) else []) + [
        c for c in tok.children if c.dep_ in ("dobj", "obj") and _is_verb(tok)]  # "began a strike to protest"
    for h in holders:
        for prep in h.children:
            if prep.dep_ in ("advcl", "xcomp", "relcl", "acl") and prep.lemma_.lower() in PROTEST_VERBS \
                    and prep.i > tok.i and any(c.dep_ == "aux" and c.lower_ == "to" for c in prep.children):
                found = _protested(tok, prep, is_agent)  # "began a hunger strike to protest against X's decision"
                if found is not None:
                    return found
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            protest = _pobj(prep)
            if protest is None or protest.lemma_.lower() not in PROTEST_NOUNS:
                continue
            for p2 in protest.children:
                obj = _pobj(p2) if p2.dep_ == "prep" and p2.lower_ in ("of", "at", "against", "over") else None
                if obj is None:
                    continue
                author = _child(obj, {"poss"})
                if author is None:
                    by = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "by"), None)
                    author = _pobj(by) if by is not None else None
                for cand in (author, obj):
                    if cand is not None and is_agent(owner(cand)):
                        return _target(cand, f"what '{tok.text}' is in {protest.text} {p2.text}")
    return None


# "in protest of/at X", "in defiance of X", "in opposition to X": X (or its author) is what the act opposes.
PROTEST_NOUNS = {"protest", "defiance"}
# A purpose clause of protesting ("... to protest against X", "to denounce X") names what the act opposes.
PROTEST_VERBS = {"protest", "denounce", "condemn", "oppose", "decry", "defy", "demonstrate"}


# Acts of protest: what they are "over" is their grievance ("protests over the government's decision").
GRIEVANCE_ACTS = {"strike", "protest", "demonstration", "rally", "march", "boycott", "walkout", "sit-in", "riot",
                  "hunger", "outcry", "uproar", "row", "dispute"}


def _participle_agent(noun: Token) -> Token | None:
    """The 'by' agent of a participle after a noun ("a bill signed by the minister")."""
    for c in noun.children:
        if c.dep_ == "acl" and c.tag_ == "VBN":
            agent = _child(c, {"agent"})
            if agent is not None:
                return _pobj(agent)
    return None


def _protested(tok: Token, verb: Token, is_agent: Callable[[Token], bool]) -> Argument | None:
    objs = [(c, f"object of '{verb.text}'") for c in verb.children if c.dep_ in ("dobj", "obj")]
    objs += [(_pobj(p), f"'{p.text}' object of '{verb.text}'") for p in verb.children
             if p.dep_ == "prep" and p.lower_ in ("against", "at", "over", "of")]
    for obj, how in objs:
        if obj is None or _not_a_party(obj):
            continue
        author = _child(obj, {"poss"}) or act_author(obj)
        for cand in (author, obj):
            if cand is not None and cand.pos_ != "PRON" and is_agent(owner(cand)):
                return _target(cand, f"{how}, what '{tok.text}' protests")
    return None


# Nouns of breaking away: "independence from X" names X, the state the act is directed at.
SECESSION_NOUNS = {"independence", "secession", "separation", "autonomy", "liberation", "freedom"}


def secession_from(trigger: Token, is_actor: Callable[[Token], bool], is_agent: Callable[[Token], bool]
                   ) -> Argument | None:
    """The state an act seeks independence from ("demonstrated ... calling for independence from Iraq",
    "demanding a referendum on independence from Indonesian rule"), inside the trigger's own phrase or clause."""
    for tok in trigger.subtree:
        if tok.lemma_.lower() not in SECESSION_NOUNS or tok.pos_ != "NOUN":
            continue
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"), None)
        obj = _pobj(prep) if prep is not None else None
        if obj is None:
            continue
        if is_agent(owner(obj)):
            return _target(obj, f"what '{tok.text} from' names")
        mod = next((c for c in obj.children if c.dep_ in ("amod", "compound", "poss") and is_actor(c)), None)
        if mod is not None:  # "independence from Indonesian rule": the ruler
            return Argument(mod, noun_phrase(mod, conjuncts=False), f"'{mod.text}' of '{tok.text} from {obj.text}'")
    return None


def attributions(sent: Span) -> set[int]:
    """Token indices of the sentence's sources of information: the subject phrase of a reporting verb ("...,
    Thai military sources said") and whom it tells ("told AFP"), and the object of "according to". They report the event; they are not its
    parties."""
    out: set[int] = set()
    for tok in sent:
        if tok.lemma_.lower() in REPORT_VERBS and _is_verb(tok):
            subj = _child(tok, {"nsubj"})
            if subj is not None and subj.i > min((c.i for c in tok.children if c.dep_ in CLAUSE_DEPS), default=tok.i):
                out.update(t.i for t in subj.subtree)  # only after the reported clause: "..., X said"
                for c in tok.children:  # "..., commanders told AFP by phone": whom they told
                    if c.dep_ in ("dobj", "obj", "dative") and c.i > subj.i:
                        out.update(t.i for t in c.subtree)
        elif tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            obj = _pobj(tok.doc[tok.i + 1]) or _pobj(tok)
            if obj is not None:
                out.update(t.i for t in obj.subtree)
    return out


def act_author(noun: Token) -> Token | None:
    """Who did an act named by a noun: its possessor, its "by" object, or the "by" agent of a participle after it
    ("crimes committed by Croat forces", "violations by the military", "the army's raids")."""
    if not is_act(noun) or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    poss = _child(noun, {"poss"})
    if poss is not None:  # "their demands": whoever 'their' refers to
        return poss
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            return _pobj(c)
        if c.dep_ == "acl" and c.tag_ == "VBN":
            agent = _child(c, {"agent"})
            if agent is not None:
                return _pobj(agent)
    return None


def _in_object(verb: Token) -> Token | None:
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"), None)
    return _pobj(prep) if prep is not None else None
