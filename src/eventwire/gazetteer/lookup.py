"""Look-ups in the offline gazetteer: names -> candidate places, countries by code, name or demonym.

`Gazetteer.open()` builds the SQLite file on first use (gazetteer/build.py, ~20 s) and then loads its
name index into memory (a dict: normalized name -> candidate ids), so look-ups cost a dict access."""

from __future__ import annotations

import marshal
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import GazetteerError
from .build import NAME_ABBR, NAME_ALT, NAME_MAIN, NAME_SHORT, build, default_path, version
from .normalize import normalize

__all__ = ["NAME_ABBR", "NAME_ALT", "NAME_MAIN", "NAME_SHORT", "Candidate", "Gazetteer", "Place"]

_PRECISION = {"PCLI": "country", "PCLD": "country", "PCLS": "country", "PCLF": "country", "PCL": "country",
              "PCLH": "country",
              "ADM1": "admin1", "ADM2": "admin2", "ADMD": "admin1"}


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. `id` is the gazetteer's own row id; geonames_id is None for curated places
    GeoNames lacks (seas, regions)."""

    id: int
    geonames_id: int | None
    name: str
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country_iso3: str | None
    admin1: str | None
    population: int
    names: int = 0  # how many distinct names index it (a place known in many languages is widely known)

    @property
    def is_country(self) -> bool:
        return self.feature_code.startswith("PCL")

    @property
    def precision(self) -> str:
        """The contract's geo_precision: point/city/admin2/admin1/country/region."""
        code = self.feature_code
        if code in _PRECISION:
            return _PRECISION[code]
        if self.feature_class == "P":
            return "city"
        if self.feature_class in ("S", "R"):
            return "point"
        return "region"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a name may refer to, and how the name matched it (NAME_MAIN, NAME_ALT, NAME_SHORT, NAME_ABBR)."""

    place: Place
    kind: int


class Gazetteer:
    """The loaded gazetteer. Thread-safe for reading."""

    def __init__(self, path: Path, places: list[tuple], index: dict[str, tuple[int, ...]],
                 demonyms: dict[str, int], countries: dict[str, int]):
        self.path = path
        self._rows = places
        self._index = index
        self._demonyms = demonyms
        self._countries = countries
        self._cache: dict[int, Place] = {}
        self._lock = threading.Lock()

    @classmethod
    def open(cls, path: str | None = None) -> Gazetteer:
        """Open the gazetteer at `path`, or the versioned file in $EVENTWIRE_CACHE (~/.cache/eventwire),
        building it first when it is missing."""
        p = Path(path) if path else default_path()
        if not p.exists():
            try:
                build(p)
            except OSError as exc:
                raise GazetteerError(f"can't build the gazetteer at {p}: {exc}. Set EVENTWIRE_CACHE to a "
                                     "writable folder.") from exc
        try:
            con = sqlite3.connect(f"file:{p}?mode=ro", uri=True)
            try:
                blobs = dict(con.execute("SELECT key, data FROM blob").fetchall())
                meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
            finally:
                con.close()
        except sqlite3.Error as exc:
            raise GazetteerError(f"can't read the gazetteer {p}: {exc}. Delete the file to rebuild it.") from exc
        if path is None and meta.get("version") != version():  # pragma: no cover - name carries version
            raise GazetteerError(f"gazetteer {p} has version {meta.get('version')}, expected {version()}; "
                                 "delete it to rebuild")
        return cls(p, marshal.loads(blobs["places"]), marshal.loads(blobs["index"]),
                   marshal.loads(blobs["demonyms"]), marshal.loads(blobs["countries"]))

    def __len__(self) -> int:
        return len(self._rows)

    def place(self, pid: int) -> Place:
        p = self._cache.get(pid)
        if p is None:
            p = Place(pid, *self._rows[pid])
            with self._lock:
                self._cache[pid] = p
        return p

    def summaries(self) -> Iterator[tuple[int, str, str, str, int]]:
        """(id, name, feature class, feature code, population) of every place, without building Places."""
        for pid, row in enumerate(self._rows):
            yield pid, row[1], row[4], row[5], row[8]

    def lookup(self, name: str) -> list[Candidate]:
        """Every place `name` may refer to, with how it matched (unranked)."""
        ids = self._index.get(normalize(name))
        if not ids:
            return []
        return [Candidate(self.place(v >> 2), v & 3) for v in ids]

    def candidates(self, name: str) -> list[Place]:
        """Places `name` may refer to, most prominent first (countries, then divisions and cities by
        population); the geoparser re-ranks them with the article's context (rank.py)."""
        from .rank import prior

        cands = self.lookup(name)
        scored = sorted(((prior(c, cands)[0], i) for i, c in enumerate(cands)), reverse=True)
        return [cands[i].place for _, i in scored]

    def has_name(self, normalized: str) -> bool:
        return normalized in self._index

    def country(self, key: str) -> Place | None:
        """A country by ISO 3166-1 alpha-3 or alpha-2 code, English name or demonym ("Iraqi" -> Iraq)."""
        key = key.strip()
        if len(key) == 3 and key.isupper() and key in self._countries:
            return self.place(self._countries[key])
        if len(key) == 2 and key.isupper():
            for pid in self._countries.values():
                p = self.place(pid)
                if p.country_iso3 and self._iso2(p) == key:
                    return p
        for c in self.lookup(key):
            if c.place.is_country:
                return c.place
        d = self.demonym(key)
        return d if d is not None and d.is_country else None

    def demonym(self, word: str) -> Place | None:
        """The country (or region, e.g. "Kurdish" -> Kurdistan Region) a demonym or adjective names."""
        norm = normalize(word)
        pid = self._demonyms.get(norm)
        if pid is None and norm.endswith("s"):
            pid = self._demonyms.get(norm[:-1])
        return self.place(pid) if pid is not None else None

    def country_of(self, place: Place) -> Place | None:
        if place.country_iso3 and place.country_iso3 in self._countries:
            return self.place(self._countries[place.country_iso3])
        return None

    @staticmethod
    def _iso2(p: Place) -> str | None:
        import pycountry

        c = pycountry.countries.get(alpha_3=p.country_iso3)
        return c.alpha_2 if c else None
