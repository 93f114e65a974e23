"""Actors stage: who did it (actor1) and to whom (actor2), for every event draft.

For each trigger the dependency parse gives the source and target nouns (actors/arguments.py), each expanded
to its noun phrase; the actor dictionary (actors/lexicon.py) gives country and sector; pronouns and short
descriptions ("they", "the Guards") take the actor they refer to (actors/coref.py). A coordination keeps its
first member and notes the others in actor_reason. An actor the dictionary does not know keeps its text with
null country and sector; no actor found leaves all fields null, and actor_reason says why."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from ..actors.arguments import Argument, event_arguments
from ..actors.coref import ArticleActors, Mention
from ..actors.lexicon import PlaceLookup, place_lookup
from ..context import ArticleContext, EventDraft
from ..errors import EventwireError

if TYPE_CHECKING:
    from ..resources import Resources

FIELDS = ("text", "name", "country", "sector")


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
        for ev in ctx.events:
            self.code_event(ev, mentions)

    def _places(self) -> PlaceLookup | None:
        """Towns and regions for actor phrases the dictionary lacks, from the gazetteer (None without one)."""
        if self._place_lookup is None:
            try:
                self._place_lookup = place_lookup(self.res.gazetteer)
            except EventwireError:  # no gazetteer: the dictionary alone
                self._place_lookup = False
        return self._place_lookup or None

    def code_event(self, ev: EventDraft, mentions: ArticleActors) -> None:
        source, target = event_arguments(ev.trigger, mentions.is_actor, mentions.is_agent)
        if source is not None and target is not None and source.head.i == target.head.i:
            target = None
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
