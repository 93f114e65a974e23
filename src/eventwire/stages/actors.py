"""Actors stage: who did it (actor1) and to whom (actor2), for every event draft.

For each trigger the dependency parse gives the source and target nouns (actors/arguments.py), each expanded
to its noun phrase; the actor dictionary (actors/lexicon.py) gives country and sector; pronouns and short
descriptions ("they", "the Guards") take the actor they refer to (actors/coref.py). A coordination keeps its
first member and notes the others in actor_reason, except in a reciprocal event ("Jordan and Britain agreed",
"X and Y clashed"), whose second member becomes the recipient. A verb trigger whose parse gives no recipient takes
the nearest named actor of its sentence (after the trigger preferred) that is not the source or its own country;
a recipient pronoun that refers back to the source ("its borders") is dropped first. An actor the dictionary does not know keeps its text with
null country and sector; no actor found leaves all fields null, and actor_reason says why."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

from ..actors.arguments import Argument, event_arguments, is_reciprocal, nearest_party, split_coordination
from ..actors.coref import ArticleActors, Mention
from ..actors.lexicon import PlaceLookup, place_lookup
from ..context import ArticleContext, EventDraft
from ..errors import EventwireError

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..resources import Resources

FIELDS = ("text", "name", "country", "sector")
OBJECT_DEPS = {"dobj", "obj", "xcomp", "ccomp"}


def _refers_to_event(trigger: Token, triggers: set[int]) -> bool:
    """The verb's object is another event ("condemned the attacks", "vowed to avenge the killing of ..."):
    its recipient is that event's source (records.py), not whichever actor stands nearest in the sentence."""
    frontier = [c for c in trigger.children if c.dep_ in OBJECT_DEPS]
    while frontier:
        tok = frontier.pop()
        if tok.i in triggers:
            return True
        frontier.extend(c for c in tok.children if c.dep_ in OBJECT_DEPS)
    return False

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
        mentions = ArticleActors(ctx.doc, self.res.actors, ctx.article.published, self._places())
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
        source, target = event_arguments(ev.trigger, mentions.is_actor, mentions.is_agent)
        if source is not None and target is not None and source.head.i == target.head.i:
            target = None
        if target is not None and source is not None and self._self_reference(target, source, mentions):
            target = None  # "North Korea agreed to re-open its borders": 'its' is the source again
        if source is not None and (target is None or target.head.pos_ != "PROPN") \
                and is_reciprocal(ev.trigger, ev.get("event_type")):
            pair = split_coordination(source, mentions.is_agent)  # "Jordan and Britain agreed to hold drills"
            if pair is not None:
                source, target = pair
        verbal = ev.trigger.pos_ in ("VERB", "AUX") or ev.trigger.tag_.startswith("VB")
        if target is None and verbal and not _refers_to_event(ev.trigger, triggers or set()):
            target = nearest_party(ev.trigger, mentions.named_heads(), source.span if source else None,
                                   fits=self._other_than(source, mentions))
        reasons = []
        for n, arg, role in ((1, source, "actor"), (2, target, "recipient")):
            if arg is None:
                for f in FIELDS:
                    ev.set(f"actor{n}_{f}", None)
                reasons.append(f"{role}: none found for '{ev.trigger.text}'")
                continue
            m = mentions.resolve(arg.head, arg.span)
            if arg.whole is not None:  # "Israel's spy headquarters": keep the owner unless the whole says more
                whole = mentions.resolve(arg.whole.root, arg.whole)
                if _richness(whole) > _richness(m):
                    arg, m = Argument(arg.whole.root, arg.whole, arg.how.replace(" (owner)", "")), whole
            self._set(ev, n, arg, m)
            reasons.append(f"{role}: '{arg.span.text}' ({arg.how}) -> {_describe(m)}")
        ev.actor1_span = source.span if source is not None else None
        ev.actor2_span = target.span if target is not None else None
        ev.set("actor_reason", "; ".join(reasons))

    @staticmethod
    def _other_than(arg: Argument | None, mentions: ArticleActors) -> Callable[[Token], bool]:
        """A fallback argument must name another actor than `arg`: not its antecedent, not its own country
        ("Venezuela's opposition parties said they would boycott": not 'Venezuela'), unless another sector of it."""
        if arg is None:
            return lambda tok: True
        info = mentions.resolve(arg.head, arg.span).info
        if info is None:
            return lambda tok: True

        def fits(tok: Token) -> bool:
            other = mentions.by_head[tok.i].info
            if other is None or other.country is None or other.country != info.country:
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


def _richness(m: Mention) -> int:
    return 0 if m.info is None else (m.info.country is not None) + (m.info.sector is not None)


def _describe(m: Mention) -> str:
    if m.info is None:
        return f"not in the actor dictionary ({m.how})" if m.how == "dictionary" else m.how
    i = m.info
    head = f"{i.country or '-'} {i.sector or '-'}"
    how = "" if m.how == "dictionary" else f"{m.how}; "
    return f"{head} ({how}{i.reason})"
