"""Short capital abbreviations of countries and first-level divisions for spans already known to be places
(given spans): "SA" (South Africa, South Australia, Saudi Arabia), "WA" (Western Australia, Washington),
"NT", "TX". Such abbreviations are too ambiguous to find in running text (company names, postcodes), so
the gazetteer's own index leaves most of them out; for a span that is a place, they give the candidates and
the ranker's context (the article's countries, the publisher's home) picks one.

Two sources: the initials of a country's or division's name of two words or more ("South Africa" -> SA;
"of", "and", "the" skipped), and the ISO 3166-2 codes (pycountry) of the first-level divisions of the
countries whose postal abbreviations they are (`POSTAL_COUNTRIES`: "US-TX", "AU-WA", "CA-BC")."""

from __future__ import annotations

import re
import threading

from .lookup import NAME_ABBR, Candidate, Gazetteer

MIN_LEN, MAX_LEN = 2, 3
POSTAL_COUNTRIES = ("US", "CA", "AU")  # ISO 3166-2 division codes double as postal abbreviations there
_SKIP = {"of", "and", "the", "da", "de", "del", "do", "dos", "das", "y", "et", "al", "el"}  # "Al Lādhiqīyah" is not AL
_CODES = ("PCLI", "ADM1")


def is_initialism(text: str) -> bool:
    """Two or three capital letters ("SA", "NSW"), nothing else."""
    return MIN_LEN <= len(text) <= MAX_LEN and text.isalpha() and text.isupper() and text.isascii()


def initials(name: str) -> str | None:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _SKIP]
    if len(words) < 2 or not all(w[:1].isalpha() for w in words):
        return None
    return "".join(w[0] for w in words).upper()


class Initialisms:
    """Countries and first-level divisions by their initials or postal code. The index is built on first
    use (a pass over the gazetteer's names, well under a second)."""

    def __init__(self, gazetteer: Gazetteer):
        self.gaz = gazetteer
        self._lock = threading.Lock()
        self._index: dict[str, list[int]] | None = None

    def lookup(self, text: str) -> list[Candidate]:
        if not is_initialism(text):
            return []
        return [Candidate(self.gaz.place(pid), NAME_ABBR) for pid in self._load().get(text, [])]

    def _load(self) -> dict[str, list[int]]:
        with self._lock:
            if self._index is None:
                self._index = self._build()
            return self._index

    def _build(self) -> dict[str, list[int]]:
        index: dict[str, list[int]] = {}
        admin1: dict[tuple[str, str], int] = {}  # (iso3, normalised name) -> place id
        for pid, name, _fclass, code, _pop in self.gaz.summaries():
            if code not in _CODES:
                continue
            key = initials(name)
            if key is not None and MIN_LEN <= len(key) <= MAX_LEN:
                index.setdefault(key, []).append(pid)
            if code == "ADM1":
                p = self.gaz.place(pid)
                if p.country_iso3:
                    admin1[(p.country_iso3, _plain(name))] = pid
        for code, pid in self._postal(admin1):
            if pid not in index.setdefault(code, []):
                index[code].append(pid)
        return index

    @staticmethod
    def _postal(admin1: dict[tuple[str, str], int]) -> list[tuple[str, int]]:
        import pycountry

        out = []
        for cc in POSTAL_COUNTRIES:
            country = pycountry.countries.get(alpha_2=cc)
            if country is None:
                continue
            for sub in pycountry.subdivisions.get(country_code=cc) or []:
                code = sub.code.split("-", 1)[1]
                pid = admin1.get((country.alpha_3, _plain(sub.name)))
                if sub.parent_code is None and is_initialism(code) and pid is not None:
                    out.append((code, pid))
        return out


def _plain(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())
