"""Who decides each field of the event record: `eventwire explain [FIELD]`.

The stages declare the fields they assign (pipeline.py checks it while coding), so the answer for those
is read from the stage classes themselves; the few fields decided after the stages (ids, scores,
evidence, confidence, fusion) are listed here. A test checks that every field of record.Event has exactly
one answer, so a new field can't appear without saying where it is decided."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, fields

from .record import Event

# Fields decided after the stages: field -> (step, module).
AFTER_STAGES: dict[str, tuple[str, str]] = {
    "event_id": ("records", "eventwire.stages.records"),
    "article_id": ("read", "eventwire.readers"),
    "quad_class": ("records", "eventwire.ontology.plover"),
    "intensity": ("records", "eventwire.ontology.plover"),
    "acled_event_type": ("records", "eventwire.ontology.crosswalks"),
    "acled_sub_event_type": ("records", "eventwire.ontology.crosswalks"),
    "evidence_text": ("records", "eventwire.stages.records"),
    "evidence_start": ("records", "eventwire.stages.records"),
    "evidence_end": ("records", "eventwire.stages.records"),
    "confidence": ("records", "eventwire.stages.confidence"),
    "source_url": ("read", "eventwire.readers"),
    "source_name": ("read", "eventwire.readers"),
    "source_title": ("read", "eventwire.readers"),
    "published": ("read", "eventwire.readers"),
    "mentions": ("records", "eventwire.stages.records"),
    "coder": ("records", "eventwire.stages.records"),
    "schema_version": ("records", "eventwire.record"),
    "source_count": ("store", "eventwire.store.fusion"),
    "fused_into": ("store", "eventwire.store.fusion"),
    "fusion_reason": ("store", "eventwire.store.fusion"),
}


@dataclass(frozen=True)
class Decider:
    field: str
    step: str  # a stage name, or read / records / store
    module: str

    @property
    def path(self) -> str:
        """The source file, relative to the repository (src/eventwire/...)."""
        mod = importlib.import_module(self.module)
        file = getattr(mod, "__file__", None) or ""
        i = file.rfind("eventwire")
        return "src/" + file[i:] if i >= 0 else file

    @property
    def doc(self) -> str:
        """The first paragraph of the module's docstring."""
        mod = importlib.import_module(self.module)
        text = (mod.__doc__ or "").strip()
        return text.split("\n\n")[0].replace("\n", " ")


def _stage_classes() -> list[type]:
    from .stages.actors import ActorsStage
    from .stages.attribution import AttributionStage
    from .stages.casualties import CasualtiesStage
    from .stages.dates import DatesStage
    from .stages.events import EventsStage
    from .stages.places import PlacesStage

    return [EventsStage, PlacesStage, ActorsStage, DatesStage, AttributionStage, CasualtiesStage]


def deciders() -> dict[str, Decider]:
    """Every field of the event record, in record order, with the step that decides it."""
    by_field: dict[str, Decider] = {}
    for cls in _stage_classes():
        for name in cls.assigns:  # type: ignore[attr-defined]
            by_field.setdefault(name, Decider(name, cls.name, cls.__module__))  # type: ignore[attr-defined]
    for name, (step, module) in AFTER_STAGES.items():
        by_field.setdefault(name, Decider(name, step, module))
    return {f.name: by_field[f.name] for f in fields(Event) if f.name in by_field}


def explain(field: str) -> Decider:
    """The decider of one field; KeyError (with the known fields) for an unknown name."""
    table = deciders()
    if field not in table:
        raise KeyError(f"{field!r} is not a field of the event record; fields: {', '.join(table)}")
    return table[field]
