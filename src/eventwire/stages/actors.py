"""Actors stage: who did it (actor1) and to whom (actor2), for every event draft.

For each trigger the dependency parse gives the source and target nouns (actors/arguments.py), each expanded
to its noun phrase; the actor dictionary (actors/lexicon.py) gives country and sector; pronouns and short
descriptions ("they", "the Guards") take the actor they refer to (actors/coref.py). A coordination keeps its
first member and notes the others in actor_reason, except in a reciprocal event ("Jordan and Britain agreed",
"X and Y clashed"), whose second member becomes the recipient. A verb trigger whose parse gives no recipient takes
the nearest named actor of its sentence (after the trigger preferred) that is not the source or its own country;
a recipient pronoun that refers back to the source ("its borders") is dropped first. An actor the dictionary does not know keeps its text with
null country and sector; no actor found leaves all fields null, and actor_reason says why. An unnamed non-state
party whose country was only guessed from the words around it (actors/coref.py) takes the country of the event's
own place (country_iso3 from the places stage, which runs first): "a gunman", "12 people", "who" in a US report are
not Cameroonian because "North" or "Cameroon" stands nearby.

Before that, the linguistic rules of actors/arguments.py that pick which span is which argument:
- reported speech: a reporting verb coded with a material act ("X did Z, officials said") takes the arguments of the
  clause it reports; a demand coded in a reported clause ("X said Y must leave") is the speaker's, addressed to Y;
- a reaction coded on the noun of the act it answers ("dismissed an appeal from the president") is the reacting
  subject's, addressed to the act's author; a coercion on the act it stops ("prevented a march by teachers");
- a recipient that names an act, not a party ("ended mediation efforts between rival militias", "a curfew in
  Algiers") gives way to the actor inside it or the place the act befalls; "in protest of X" names X (or its author);
- a passive with no 'by' agent: the weapon it was done with ("killed in a car bomb explosion"), or for acts only
  states do, the country it was done in ("arrested in Lebanon");
- the last-resort nearest actor is never a source of the report ("..., police sources said", "according to X"),
  nor an act named through an adjective ("military aid"), and a modifier stands for the actor noun it modifies;
  it may be the source's own country where the act happens after the trigger ("Albanians demonstrated in Serbia");
- "in protest/defiance of X" and a purpose clause of protesting ("began a hunger strike to protest against X's
  decision") name X even over a physical object ("blocked streets in Hong Kong in defiance of the authorities");
  "independence from X" names X;
- an act coded on the verb that urges it ("urged the EC to support the PLO", typed SUPPORT) has the urged act's
  recipient; an order ("X ordered Y to ...") is its giver's, not the reporter's;
- a coordination of actors is coded as its first member, the others noted in the reason;
- parse repairs: a finite verb left with no subject takes the noun phrase right before it ("With the signing of
  an accord, the government and the rebels have agreed", the subject hung on 'accord'), a past participle with an
  object after a noun root is the sentence's main verb ("Doctors from two aid groups donated ... goods");
- a refusal "despite" someone's pressure or calls is addressed to them; "put/placed under arrest/investigation in
  C" is by C's authorities, to the passive subject."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Literal

from ..actors.arguments import (
    LIGHT_VERBS,
    SPEAKER_VERBS,
    Argument,
    actor_within,
    attributions,
    event_arguments,
    is_act,
    is_passive,
    is_reciprocal,
    nearest_party,
    noun_phrase,
    place_of,
    protest_object,
    reaction_arguments,
    reported_clause,
    resisted_author,
    secession_from,
    speaker_of,
    split_coordination,
    stranded_subject,
    under_custody,
)
from ..actors.coref import ArticleActors, Mention
from ..actors.lexicon import PlaceLookup, place_lookup
from ..context import ArticleContext, EventDraft
from ..errors import EventwireError

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..resources import Resources

FIELDS = ("text", "name", "country", "sector")
# A demand reported as "X said Y must ..." is made by the one who says it (an accusation is not: "Y is suing Z, X
# said" reports Y's act, and the events stage cannot tell an accusing verb from a retyped one here).
SPEECH_ACTS = ("REQUEST",)
# Acts only a state's authorities do: a passive one with no agent, done in a country, is that country's.
STATE_ACTS = frozenset({"arrest", "detain", "jail", "imprison", "sentence", "convict", "indict", "deport", "expel",
                        "extradite", "execute", "hang", "interrogate", "prosecute", "try", "fine", "ban", "outlaw"})
# Stances taken in words: one with no subject of its own in a reported clause is the speaker's.
STANCES = frozenset({"REJECT", "ACCUSE", "THREATEN", "SUPPORT", "AGREE"})
# Acts the passive subject does itself when no 'by' agent says otherwise ("were demobilized").
SELF_ACTS = frozenset({"RETREAT"})
# Verbs of taking one's own people out: passive with no agent, the passive subject's side moves them ("80 UN
# peacekeepers were shipped out of Gorazde", coded SANCTION withdraw), whatever the type.
WITHDRAWAL_VERBS = frozenset({"withdraw", "ship", "pull", "evacuate", "recall", "airlift"})
ASKING = frozenset({"demand", "ask", "request", "urge", "call", "appeal", "seek", "press", "push", "plead", "insist",
                    "order", "instruct", "command", "direct", "summon", "require"})
OBJECT_DEPS = {"dobj", "obj", "xcomp", "ccomp"}
# State actors: their country is not that of the place they act in ("drones hit Kharkiv").
STATE_SECTORS = frozenset({"GOV", "MIL", "SPY"})


def _refers_to_event(trigger: Token, triggers: set[int]) -> bool:
    """The verb's object is another event ("condemned the attacks", "vowed to avenge the killing of ..."):
    its recipient is that event's source (records.py), not whichever actor stands nearest in the sentence. A light
    verb's object is its own act ("imposed a curfew", "launched an attack"), not another event."""
    if trigger.lemma_.lower() in LIGHT_VERBS:
        return False
    frontier = [c for c in trigger.children if c.dep_ in OBJECT_DEPS]
    while frontier:
        tok = frontier.pop()
        if tok.i in triggers:
            return True
        frontier.extend(c for c in tok.children if c.dep_ in OBJECT_DEPS)
    return False

PLACED_MIN_CONFIDENCE = 0.8
NOT_PLACE_ENTS = frozenset({"PERSON", "ORG", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})


def placed_countries(ctx: ArticleContext) -> dict[int, str]:
    """Token index -> country of the place the places stage resolved there, in the article's context (a
    "Lebanon" or "Toledo" of an Ohio report is in the United States). Empty when places did not run first."""
    out: dict[int, str] = {}
    for p in ctx.places:
        # towns and divisions the geoparser is sure of; a country's name says its country by itself
        if p.country_iso3 is None or p.is_demonym or p.confidence < PLACED_MIN_CONFIDENCE \
                or (p.feature_code or "").startswith("PCL"):
            continue
        span = ctx.doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is None or any(t.ent_type_ in NOT_PLACE_ENTS for t in span):
            continue  # "Hassan" of King Hassan, "Supreme" of the Supreme Court: a place only by its letters
        for t in span:
            out.setdefault(t.i, p.country_iso3)
    return out


class ActorsStage:
    name = "actors"
    requires: tuple[str, ...] = ("event_type",)
    assigns = ("actor1_text", "actor1_name", "actor1_country", "actor1_sector", "actor2_text", "actor2_name",
               "actor2_country", "actor2_sector", "actor_reason")

    def __init__(self, res: Resources):
        self.res = res
        self._place_lookup: PlaceLookup | Literal[False] | None = None

    def __call__(self, ctx: ArticleContext) -> None:
        if not ctx.events:
            return
        mentions = ArticleActors(ctx.doc, self.res.actors, ctx.article.published, self._places(),
                                 placed_countries(ctx))
        ctx.notes["actors"] = mentions
        triggers = {ev.trigger.i for ev in ctx.events}
        for ev in ctx.events:
            self.code_event(ev, mentions, triggers)

    def _places(self) -> PlaceLookup | None:
        """Towns and regions for actor phrases the dictionary lacks, from the gazetteer (None without one)."""
        if self._place_lookup is None:
            try:
                self._place_lookup = place_lookup(self.res.gazetteer)
            except EventwireError:  # no gazetteer: the dictionary alone
                self._place_lookup = False
        return self._place_lookup or None

    def code_event(self, ev: EventDraft, mentions: ArticleActors, triggers: set[int] | None = None) -> None:
        # "X did Z, officials said": the officials report X's act (unless the saying is the act)
        etype = ev.get("event_type")
        clause = reported_clause(ev.trigger, etype, mentions.is_agent)
        if clause is not None and clause.i in (triggers or set()):
            clause = None  # the reported act has its own event; the saying keeps its speaker
        anchor = clause if clause is not None else ev.trigger
        reaction = reaction_arguments(anchor, etype, mentions.is_actor, mentions.is_agent, triggers)
        if reaction is not None:  # "dismissed an appeal from the president", coded on 'appeal' as REJECT
            source, target = reaction
        else:
            source, target = event_arguments(anchor, mentions.is_actor, mentions.is_agent)
        if clause is not None:
            source, target = (_reported(a, ev.trigger) for a in (source, target))
        elif etype in SPEECH_ACTS and reaction is None:
            source, target = self._speaker(anchor, source, target, mentions)
        elif etype in STANCES and source is None and reaction is None and _is_verbal(anchor):
            spk = speaker_of(anchor)  # "US officials said that removing the sanctions is out of the question"
            if spk is not None and mentions.is_agent(spk.head):
                source = spk
        if etype not in SPEECH_ACTS and clause is None and reaction is None:
            target = _urged_act_target(anchor, mentions) or target  # "urged the EC to support the PLO" as SUPPORT
        if source is not None and target is not None and source.head.i == target.head.i:
            target = None
        if target is not None and source is not None and self._self_reference(target, source, mentions):
            target = None  # "North Korea agreed to re-open its borders": 'its' is the source again
        if source is not None and (target is None or target.head.pos_ != "PROPN") \
                and is_reciprocal(anchor, ev.get("event_type")):
            pair = split_coordination(source, mentions.is_agent)  # "Jordan and Britain agreed to hold drills"
            if pair is not None:
                source, target = pair
        verbal = _is_verbal(anchor)
        light = anchor.head if not verbal and anchor.dep_ in ("dobj", "obj") and _is_verbal(anchor.head) \
            and anchor.head.lemma_.lower() in LIGHT_VERBS else None  # "X had announced a suspension"
        if source is None and (verbal and not is_passive(anchor) or light is not None):
            # a subject the parse hung elsewhere
            source = stranded_subject(anchor if verbal else light, lambda t: mentions.resolve(  # type: ignore[arg-type]
                t, noun_phrase(t, conjuncts=False)).info is not None)
        if source is None and verbal and is_passive(anchor):
            source = self._implied_agent(anchor, mentions)
        held = under_custody(anchor) if source is None and not verbal else None
        if held is not None:  # "was put under investigation in Italy": by its authorities
            source = self._implied_agent(held, mentions, custody=anchor)
        if target is None and etype == "REJECT" and verbal:
            target = resisted_author(anchor, mentions.is_agent)  # "declined to resign despite pressure by X"
        if source is None and verbal and (etype in SELF_ACTS or etype == "SANCTION" and anchor.lemma_.lower()
                                          in WITHDRAWAL_VERBS) and is_passive(anchor) and target is not None \
                and target.how.startswith("passive subject"):
            # "the guerrillas have been demobilized", "troops were withdrawn": who retreats is the passive subject
            source = Argument(target.head, target.span, f"{target.how} (who retreats; no 'by' agent)", target.whole)
            target = None
        if target is not None and target.whole is None and _names_no_actor(target, mentions):
            target = self._within(target, anchor, mentions, verbal)
            if target is not None and source is not None and target.head.pos_ == "PRON":
                target = None  # "insisted on its demands": a possessive pronoun is most often the subject's
        protest = protest_object(anchor, mentions.is_agent)  # "marched in protest of the army's raids"
        if protest is not None and (target is None or _a_thing(target, mentions)):
            target = protest  # "blocked streets in defiance of the authorities": what the act opposes
        if target is None:
            target = secession_from(anchor, mentions.is_actor, mentions.is_agent)  # "independence from Iraq"
        if target is None and verbal and not _refers_to_event(anchor, triggers or set()):
            reporters = attributions(anchor.sent)  # "..., Thai military sources said": no party
            fits = self._other_than(source, mentions, anchor)
            target = nearest_party(anchor, mentions.named_heads(), source.span if source else None,
                                   fits=lambda tok: tok.i not in reporters and fits(tok) and not _only_a_kind(
                                       tok, mentions))
            if target is not None:
                target = _widen(target, mentions)
        reasons = []
        for n, arg, role in ((1, source, "actor"), (2, target, "recipient")):
            if arg is None:
                for f in FIELDS:
                    ev.set(f"actor{n}_{f}", None)
                reasons.append(f"{role}: none found for '{ev.trigger.text}'")
                continue
            m = _first_member(arg, mentions) or mentions.resolve(arg.head, arg.span)
            if arg.whole is not None:  # "Israel's spy headquarters": keep the owner unless the whole says more
                whole = mentions.resolve(arg.whole.root, arg.whole)
                if _richness(whole) > _richness(m):
                    arg, m = Argument(arg.whole.root, arg.whole, arg.how.replace(" (owner)", "")), whole
            m = _at_event_place(m, ev.get("country_iso3"), mentions.lex.country_name)
            self._set(ev, n, arg, m)
            reasons.append(f"{role}: '{arg.span.text}' ({arg.how}) -> {_describe(m)}")
        ev.actor1_span = source.span if source is not None else None
        ev.actor2_span = target.span if target is not None else None
        ev.set("actor_reason", "; ".join(reasons))

    @staticmethod
    def _speaker(trigger: Token, source: Argument | None, target: Argument | None, mentions: ArticleActors
                 ) -> tuple[Argument | None, Argument | None]:
        """A demand coded on the verb of a reported clause ("X said Y must withdraw", "X issued a reminder to Y
        that it must cooperate") is made by the speaker, to the clause's subject."""
        if trigger.lemma_.lower() in SPEAKER_VERBS | ASKING:  # "X said Y demanded ...": Y's demand
            return source, target
        spk = speaker_of(trigger)
        if spk is None or not (mentions.is_agent(spk.head) or spk.head.pos_ == "PROPN"):
            return source, target  # (a name the dictionary lacks still says it: "the Water Forum concluded")
        addressee = source if source is not None else target
        if addressee is not None:
            a, b = mentions.resolve(spk.head, spk.span), mentions.resolve(addressee.head, addressee.span)
            if addressee.head.i == spk.head.i or a.info is not None and a.info is b.info:
                return source, target  # "X said it must ...": the speaker's own act
            addressee = Argument(addressee.head, addressee.span, f"{addressee.how}, to whom '{spk.span.text}' "
                                 "addresses it", addressee.whole)
        return spk, addressee

    @staticmethod
    def _implied_agent(verb: Token, mentions: ArticleActors, custody: Token | None = None) -> Argument | None:
        """The actor of a passive that names none: the blast it happened in ("was killed in a car bomb explosion";
        not a weapon "with" which someone unnamed did it, "destroyed with missiles"), or, for an act only a state
        does (arrest, expel, indict ...) or a state's hold on a person (`custody`: "was put under investigation in
        Italy"), the country it was done in ("was arrested in Lebanon": its authorities)."""
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "by"):
                continue
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is None:
                continue
            m = mentions.resolve(obj, noun_phrase(obj, conjuncts=False))
            if m.info is not None and m.info.kind == "weapon":
                return Argument(obj, m.span, f"weapon '{prep.text}' which '{verb.text}' was done (no 'by' agent)")
        if custody is not None or verb.lemma_.lower() in STATE_ACTS:
            # (a custody noun, "put under investigation in Italy", may hold the place itself)
            where = place_of(verb, mentions.is_agent) or (place_of(custody, mentions.is_agent) if custody else None)
            m = mentions.resolve(where, noun_phrase(where)) if where is not None else None
            if m is not None and m.info is not None and m.info.kind in ("country", "place", "seat", "capital"):
                return Argument(where, m.span, f"'{verb.text}' in {where.text}: by its authorities (no 'by' agent)")
        return None

    @staticmethod
    def _within(target: Argument, anchor: Token, mentions: ArticleActors, verbal: bool) -> Argument | None:
        """A recipient that names an act, not a party ("ended mediation efforts between rival militias", "a
        curfew in Algiers", "remained on alert in the West Bank"): the actor inside it, else where the act
        happens; None (the nearest-actor fallback follows) when neither names an actor."""
        inner = actor_within(target.head, mentions.is_agent, places=True)
        if inner is not None:
            return Argument(inner, noun_phrase(inner), f"{target.how}: the actor inside '{target.span.text}'")
        where = place_of(anchor, mentions.is_agent) if verbal else None
        if where is not None:
            return Argument(where, noun_phrase(where),
                            f"where '{anchor.text}' happens ('{target.span.text}' names no actor)")
        return None

    @staticmethod
    def _other_than(arg: Argument | None, mentions: ArticleActors, anchor: Token | None = None
                    ) -> Callable[[Token], bool]:
        """A fallback argument must name another actor than `arg`: not its antecedent, not its own country
        ("Venezuela's opposition parties said they would boycott": not 'Venezuela'), unless another sector of it,
        or the country an actor of it acts in, named after the trigger ("the president took steps to enhance
        freedoms in Sudan", "Albanians demonstrated in Serbia": the country, its state and people)."""
        if arg is None:
            return lambda tok: True
        info = mentions.resolve(arg.head, arg.span).info
        if info is None:
            return lambda tok: True

        def fits(tok: Token) -> bool:
            other = mentions.by_head[tok.i].info
            if other is info:  # the actor a pronoun source refers to ("X said he would resign")
                return False
            if other is None or other.country is None or other.country != info.country:
                return True
            if anchor is not None and tok.i > anchor.i and info.sector is not None and other.sector is None \
                    and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "across", "throughout"):
                return True
            return other.sector is not None and info.sector is not None and other.sector != info.sector
        return fits

    @staticmethod
    def _self_reference(target: Argument, source: Argument, mentions: ArticleActors) -> bool:
        """A pronoun target that refers back to the source ("its borders", "themselves")."""
        if target.head.pos_ != "PRON" or target.whole is not None:
            return False
        t, s = mentions.resolve(target.head, target.span), mentions.resolve(source.head, source.span)
        return t.info is not None and t.info is s.info

    @staticmethod
    def _set(ev: EventDraft, n: int, arg: Argument, m: Mention) -> None:
        info = m.info
        ev.set(f"actor{n}_text", arg.span.text)
        ev.set(f"actor{n}_name", info.name if info else None)
        ev.set(f"actor{n}_country", info.country if info else None)
        ev.set(f"actor{n}_sector", info.sector if info else None)


def _is_verbal(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def _reported(arg: Argument | None, verb: Token) -> Argument | None:
    if arg is None:
        return None
    return Argument(arg.head, arg.span, f"{arg.how}, in the clause reported by '{verb.text}'", arg.whole)


def _names_no_actor(arg: Argument, mentions: ArticleActors) -> bool:
    """The argument's head is an act, and its words up to the head name no actor ("aid deliveries" of "aid
    deliveries in Baghdad", "mediation efforts"; an adjective that names no one, "military aid", does not count)."""
    head = arg.head
    if not is_act(head) or head.pos_ == "PRON":
        return False
    words = [t.text for t in head.doc[min(arg.span.start, head.i):head.i + 1]
             if t.i == head.i or not (t.pos_ == "ADJ" and not t.ent_type_)]  # "military aid": a kind of aid
    return mentions.lex.resolve(" ".join(words), mentions.when, mentions.places) is None


def _only_a_kind(tok: Token, mentions: ArticleActors) -> bool:
    """An act whose phrase names an actor only through an adjective ("military aid"): no party."""
    if not is_act(tok) or tok.pos_ == "PRON":
        return False
    words = [t.text for t in mentions.by_head[tok.i].span if not (t.pos_ == "ADJ" and not t.ent_type_)]
    return mentions.lex.resolve(" ".join(words), mentions.when, mentions.places) is None


def _widen(arg: Argument, mentions: ArticleActors) -> Argument:
    """A fallback actor that modifies an actor noun ("Panamanian" in "five Panamanian army officers") stands for
    that noun's whole phrase."""
    head = arg.head
    noun = head.head
    if head.dep_ in ("amod", "compound", "nmod") and noun.pos_ == "NOUN" and noun.i != head.i \
            and mentions.is_agent(noun):
        return Argument(noun, noun_phrase(noun, conjuncts=False), arg.how + f", with the '{noun.text}' it names")
    return arg


def _urged_act_target(trigger: Token, mentions: ArticleActors) -> Argument | None:
    """An act coded on the verb that urges it ("X urged the EC to support the PLO", typed SUPPORT, not REQUEST):
    its recipient is the urged act's ("the PLO"), not the one urged."""
    if not _is_verbal(trigger) or trigger.lemma_.lower() not in ASKING:
        return None
    act = next((c for c in trigger.children if c.dep_ == "xcomp" and _is_verbal(c)
                and c.lemma_.lower() not in ASKING), None)
    if act is None:
        return None
    _, target = event_arguments(act, mentions.is_actor, mentions.is_agent)
    if target is None or not mentions.is_agent(target.head):
        return None
    return Argument(target.head, target.span, f"{target.how}, the act '{trigger.text}' urges", target.whole)


def _a_thing(arg: Argument, mentions: ArticleActors) -> bool:
    """A noun that names no actor by itself ("streets" of "streets in Hong Kong", "roads")."""
    head = arg.head
    return head.pos_ == "NOUN" and not head.ent_type_ and mentions.lex.resolve(head.text, mentions.when) is None


def _first_member(arg: Argument, mentions: ArticleActors) -> Mention | None:
    """A coordination of actors ("the Sudanese government and the rebels in Darfur") is coded as its first
    member, the others noted in the reason (the record holds one actor); None when the phrase is no coordination
    of nouns or its first member names no actor."""
    conj = [c for c in arg.head.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")
            and arg.span.start <= c.i < arg.span.end]
    if not conj or arg.head.pos_ == "PRON":
        return None
    first = noun_phrase(arg.head, conjuncts=False)
    if first == arg.span:
        return None
    m = mentions.resolve(arg.head, first)
    if m.info is None:
        return None
    rest = [mentions.resolve(c, noun_phrase(c, conjuncts=False)) for c in conj]
    noted = ", ".join(f"'{r.span.text}' {_describe(r).split(' (')[0]}" for r in rest)
    return Mention(m.head, m.span, replace(m.info, reason=f"{m.info.reason}; first of the coordination, also: "
                                           f"{noted}"), m.how)


def _at_event_place(m: Mention, place_country: str | None, country_name: Callable[[str], str | None]) -> Mention:
    """An unnamed person or thing (no state actor) whose country was only guessed from the words around it ("12
    people", "a gunman", "who", "he" referring to one) is, as the author or victim of an event, of the country
    of the event's own place (the places stage's country_iso3), not of whichever country word stands nearby; so is
    one whose country only the dictionary read from a town's name the places stage did not resolve ("Hale")."""
    info = m.info
    if info is None or not info.guessed or place_country is None or info.sector in STATE_SECTORS \
            or info.country == place_country:
        return m
    old, new = country_name(info.country or "") or "", country_name(place_country) or place_country
    name = info.name.replace(old, new, 1) if info.name and old and info.name.startswith(old) else info.name
    return Mention(m.head, m.span, replace(info, country=place_country, name=name, guessed=False,
                                           reason=f"{info.reason}; but the event is placed in {place_country}: "
                                                  "a party whose country was only guessed (a word nearby, a town "
                                                  "name the places stage did not resolve) is of that country"), m.how)


def _richness(m: Mention) -> int:
    return 0 if m.info is None else (m.info.country is not None) + (m.info.sector is not None)


def _describe(m: Mention) -> str:
    if m.info is None:
        return f"not in the actor dictionary ({m.how})" if m.how == "dictionary" else m.how
    i = m.info
    head = f"{i.country or '-'} {i.sector or '-'}"
    how = "" if m.how == "dictionary" else f"{m.how}; "
    return f"{head} ({how}{i.reason})"
