"""The PLOVER ontology (plover.py) and crosswalks to CAMEO and ACLED (crosswalks.py); tables in data/."""

from .crosswalks import acled, acled_for_event, cameo_root
from .plover import (
           CONTEXTS,
           EVENT_TYPES,
           MODES,
           SECTORS,
           intensity,
           is_valid_mode,
           normalize_mode,
           quad_class,
)

__all__ = ["CONTEXTS", "EVENT_TYPES", "MODES", "SECTORS", "acled", "acled_for_event", "cameo_root", "intensity",
           "is_valid_mode", "normalize_mode", "quad_class"]
