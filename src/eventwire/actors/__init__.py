"""The actor dictionary (lexicon.py): countries, demonyms, seats of government, organisations and agent nouns,
mapped to PLOVER country codes and sectors; tables in data/."""

from .lexicon import ActorInfo, ActorLexicon

__all__ = ["ActorInfo", "ActorLexicon"]
