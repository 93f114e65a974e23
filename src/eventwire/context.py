"""What stages share while an article is coded: the ArticleContext and its EventDrafts.

A stage reads the spaCy Doc and the drafts so far and fills the fields it declares in `assigns`
(see pipeline.py), each with a reason; `stages/records.py` flattens a draft into the contract's Event."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .article import Article
from .record import PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


@dataclass
class EventDraft:
    """One event being coded. `trigger` is the token that evokes the event, `sent` its sentence.

    `values` holds contract fields decided so far (name -> value) and `reasons` why (name -> text).
    Set them with `set()`, so that the pipeline can check each stage fills only its own fields."""

    trigger: Token
    sent: Span
    values: dict[str, Any] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)
    # Token spans of the arguments found by the actors stage (start, end token index, doc-level), used
    # by later stages (places, casualties) to know who is who; None when not found.
    actor1_span: Span | None = None
    actor2_span: Span | None = None

    def set(self, name: str, value: Any, reason: str | None = None) -> None:
        self.values[name] = value
        if reason is not None:
            self.reasons[name] = reason

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    @property
    def event_type(self) -> str:
        return str(self.values["event_type"])


@dataclass
class ArticleContext:
    """One article, its parse and everything the stages have found in it."""

    article: Article
    doc: Doc
    events: list[EventDraft] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)  # every place mention (places stage)
    # Doc-level findings a stage shares with later stages, keyed by the stage's name.
    notes: dict[str, Any] = field(default_factory=dict)
