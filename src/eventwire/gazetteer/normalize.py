"""One normalisation of place names, shared by the gazetteer build and its look-ups."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ABBREV = (("st ", "saint "), ("ste ", "sainte "), ("mt ", "mount "), ("ft ", "fort "), ("pt ", "port "))
_PUNCT = re.compile(r"[\.\,\u2019'`´\"()]")
_DASH = re.compile(r"[\-\u2010-\u2015/_]+")
_SPACE = re.compile(r"\s+")
NORMALIZE_CACHE = 1 << 16  # names remembered by `normalize` (the geoparser asks for the same ones many times)


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=NORMALIZE_CACHE)
def normalize(name: str) -> str:
    """Lower case, no accents, no dots or apostrophes, dashes as spaces, no leading "the",
    "St."/"Mt."/"Ft." spelled out: "St. Louis" and "Saint-Louis" both give "saint louis"."""
    s = strip_accents(name).lower()
    s = _PUNCT.sub(lambda m: " " if m.group(0) in "()," else "", s)
    s = _DASH.sub(" ", s)
    s = _SPACE.sub(" ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    for short, full in _ABBREV:
        if s.startswith(short):
            s = full + s[len(short):]
        s = s.replace(" " + short, " " + full)
    return s


def is_latin(text: str) -> bool:
    """True when every letter is Latin script (names in other scripts never occur in English text)."""
    return all(ord(ch) < 0x250 or unicodedata.combining(ch) for ch in text)
