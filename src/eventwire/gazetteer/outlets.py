"""The publisher's home: where an article's outlet is based, from its url or source name, for the ranker's
publisher-home prior (rank.py `home_*` features). A local paper's "Columbus" is most likely the Columbus
near it; a national outlet's "Alexandria" more likely one in its own country.

In order:
1. the curated table data/outlets.tsv (world, national and regional outlets) by the url's domain (or a
   parent domain: "news.nationalpost.com") or by the source name ("The Denver Post");
2. a place named in the domain, in the country of its country-code domain, or for a generic domain (.com,
   .net, .org) in the United States first: a first-level division or a town of at least MIN_LOCAL_POP
   people opening the domain name ("denverpost.com", "mysanantonio.com"), or a division or a city of at
   least MIN_INNER_POP people inside it ("nbcchicago.com"); else a country or a large city anywhere
   ("bangkokpost.com"). The longest name wins, then the most populous namesake; a name several sizeable
   places share (Springfield) gives the country only (`_named_in_domain`);
3. the country of a country-code top-level domain (".co.uk", ".ca", ".in"), as a national home.
International outlets (wire services, world broadcasters) have no home. The result is a soft feature of the
ranker, never an override."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .lookup import NAME_MAIN, Gazetteer, Place
from .normalize import normalize

TABLE = Path(__file__).resolve().parent / "data" / "outlets.tsv"
SCOPES = ("local", "regional", "national", "international")
MIN_LOCAL_POP = 20_000  # a town opening a domain name ("bradenton.com")
MIN_INNER_POP = 250_000  # a city inside one ("clickondetroit.com")
MIN_WORLD_POP = 250_000  # a city abroad named by a generic domain ("bangkokpost.com")
AMBIGUOUS_SHARE = 1 / 3
MAX_CACHE = 100_000  # outlets remembered
# Generic top-level domains: most English-language local outlets on them are American (a documented
# assumption: places of the United States are tried first, then countries and large cities anywhere).
GENERIC_TLDS = {"com", "net", "org", "us", "info", "biz", "news"}
GENERIC_HOME_COUNTRY = "USA"
MIN_KEY_LEN = 4  # "ohio.com"; shorter names ("al", "la") are too ambiguous inside a domain
MIN_INNER_LEN = 6
DOMAIN_LEADS = ("www", "the", "my")  # "thestate.com", "mysanantonio.com"
# second-level labels under which a country-code domain registers names ("bbc.co.uk", "smh.com.au")
SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "or", "ne", "go", "edu", "gob", "nic"}
# country-code domains sold as generic names: they say nothing of where the outlet is
GENERIC_CCTLDS = {"io", "tv", "co", "me", "ly", "fm", "ai", "am", "cc", "ws", "to", "nu", "gg"}
CCTLD_EXCEPTIONS = {"uk": "GBR"}


@dataclass(frozen=True)
class Home:
    """Where the outlet is based: a city (local), a first-level division (regional) or a country (national)."""

    scope: str
    country_iso3: str
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    name: str = ""
    reason: str = ""
    place: Place | None = field(default=None, compare=False)  # the gazetteer's entry for the home


@dataclass(frozen=True)
class _Row:
    domain: str
    names: tuple[str, ...]
    scope: str
    home: str
    admin1: str
    country: str


def read_table(path: Path = TABLE) -> list[_Row]:
    rows: list[_Row] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 6:
            raise ValueError(f"{path.name}: expected 6 tab-separated fields: {line!r}")
        domain, names, scope, home, admin1, country = (p.strip() for p in parts)
        if scope not in SCOPES:
            raise ValueError(f"{path.name}: unknown scope {scope!r} for {domain}")
        rows.append(_Row(domain.lower(), tuple(n for n in names.split("|") if n), scope, home, admin1, country))
    return rows


ARCHIVE_HOSTS = {"web.archive.org", "wayback.archive.org", "archive.org"}
# "/web/20170101000000/http://www.example.com/a", "/web/20170101000000id_/example.com/a", "/web/2017/http:/x.com"
_ARCHIVE_PATH = re.compile(r"^/web/\d{1,14}[a-z_]*/(.+)$", re.I)


def unwrap_archive(url: str) -> str:
    """The original url of a web-archive copy ("http://web.archive.org/web/<timestamp>/<original url>",
    as research corpora such as GVA give their articles' addresses); any other url unchanged."""
    m = re.match(r"^(?:[a-z][a-z0-9+.-]*://)?([^/?#]+)(/[^?#]*.*)$", url.strip(), re.I)
    if m is None or m.group(1).lower().split(":")[0] not in ARCHIVE_HOSTS:
        return url
    inner = _ARCHIVE_PATH.match(m.group(2))
    if inner is None:
        return url
    original = re.sub(r"^([a-z][a-z0-9+.-]*):/+", r"\1://", inner.group(1), flags=re.I)  # "http:/x" too
    return unwrap_archive(original)


def domain_of(url: str | None) -> str | None:
    """The host of a url (or of a bare domain), lower-case, without "www."; the original url's host for a
    web-archive copy."""
    if not url:
        return None
    url = unwrap_archive(url.strip())
    if not re.match(r"^[a-z][a-z0-9+.-]*://", url, re.I):
        url = "http://" + url
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    if host.startswith("www."):
        host = host[4:]
    return host if "." in host else None


def split_domain(host: str) -> tuple[str, str]:
    """(registered name, public suffix): "news.bbc.co.uk" -> ("bbc", "co.uk")."""
    labels = host.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in SECOND_LEVEL:
        return labels[-3], ".".join(labels[-2:])
    if len(labels) >= 2:
        return labels[-2], labels[-1]
    return host, ""


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", normalize(text))


def _fits(p: Place, country: str | None, inner: bool) -> bool:
    """Whether a place may be the home a domain name names (see `Outlets._named_in_domain`)."""
    if country is None:  # anywhere: countries and large cities
        return p.is_country or (p.feature_class == "P" and p.population >= MIN_WORLD_POP)
    if p.country_iso3 != country or p.is_country:
        return False
    if p.precision == "admin1":
        return True
    return p.feature_class == "P" and p.population >= (MIN_INNER_POP if inner else MIN_LOCAL_POP)


def _source_key(name: str) -> str:
    k = normalize(name)
    return k[4:] if k.startswith("the ") else k


class Outlets:
    """Publisher homes for one gazetteer. Thread-safe; the table and the name index load on first use."""

    def __init__(self, gazetteer: Gazetteer, table: Path = TABLE):
        self.gaz = gazetteer
        self.table_path = table
        self._lock = threading.Lock()
        self._by_domain: dict[str, Home | None] | None = None
        self._by_name: dict[str, Home | None] = {}
        self._names: dict[str, list[int]] | None = None
        self._cache: dict[tuple[str | None, str | None], Home | None] = {}

    # -- public ----------------------------------------------------------------------------------------

    def home(self, url: str | None = None, source: str | None = None) -> Home | None:
        """The home of the outlet that published an article, or None (unknown or international)."""
        key = (domain_of(url), source)  # one entry per outlet, not per article
        if key in self._cache:
            return self._cache[key]
        h = self._find(key[0], source)
        with self._lock:
            if len(self._cache) >= MAX_CACHE:
                self._cache.clear()
            self._cache[key] = h
        return h

    # -- table ---------------------------------------------------------------------------------------------

    def _load(self) -> dict[str, Home | None]:
        with self._lock:
            if self._by_domain is None:
                by_domain: dict[str, Home | None] = {}
                for row in read_table(self.table_path):
                    h = self._resolve_row(row)
                    by_domain[row.domain] = h
                    for n in row.names:
                        self._by_name.setdefault(_source_key(n), h)
                self._by_domain = by_domain
            return self._by_domain

    def _resolve_row(self, row: _Row) -> Home | None:
        why = f"publisher {row.domain} ({row.scope}, outlets table)"
        if row.scope == "international":
            return None
        country = self.gaz.country(row.country)
        if country is None:
            raise ValueError(f"outlets table: unknown country {row.country!r} for {row.domain}")
        if row.scope == "national":
            return Home("national", row.country, None, country.lat, country.lon, country.name, why, country)
        divs = [c.place for c in self.gaz.lookup(row.admin1) if c.place.precision == "admin1"
                and c.place.country_iso3 == row.country] if row.admin1 else []
        div = max(divs, key=lambda p: p.population) if divs else None
        admin1 = div.name if div is not None else (row.admin1 or None)
        if row.scope == "regional":
            if div is None:
                raise ValueError(f"outlets table: no division {row.admin1!r} in {row.country} for {row.domain}")
            return Home("regional", row.country, admin1, div.lat, div.lon, div.name, why, div)
        cities = [c.place for c in self.gaz.lookup(row.home) if c.place.country_iso3 == row.country
                  and c.place.feature_class in ("P", "A") and not c.place.is_country
                  and (div is None or c.place.admin1 == admin1 or c.place.id == div.id)]
        if not cities:
            raise ValueError(f"outlets table: no place {row.home!r} in {row.admin1}, {row.country} for {row.domain}")
        city = max(cities, key=lambda p: (p.feature_class == "P", p.population))
        return Home("local", row.country, admin1, city.lat, city.lon, city.name, why, city)

    # -- look-up -------------------------------------------------------------------------------------------

    def _find(self, host: str | None, source: str | None) -> Home | None:
        table = self._load()
        if host is None and source and " " not in source.strip() and "." in source:
            host = domain_of(source)  # a source given as a domain: "chicagotribune.com"
        if host is not None:
            labels = host.split(".")
            for k in range(len(labels) - 1):
                d = ".".join(labels[k:])
                if d in table:
                    return table[d]
        if source:
            k = _source_key(source)
            if k in self._by_name:
                return self._by_name[k]
        if host is None:
            return None
        name, suffix = split_domain(host)
        cc = suffix.rsplit(".", 1)[-1]
        national = self._country_domain(cc)
        if national is None and cc not in GENERIC_TLDS and cc not in GENERIC_CCTLDS:
            return None  # a country code the gazetteer lacks, or an unknown suffix
        h = self._named_in_domain(name, national.country_iso3 if national is not None else GENERIC_HOME_COUNTRY)
        return h if h is not None else national

    def _index(self) -> dict[str, list[int]]:
        """Names without spaces ("sanantonio") -> the ids of the places so named: countries, first-level
        divisions and populated places of at least MIN_LOCAL_POP people (built once, ~0.1 s)."""
        with self._lock:
            if self._names is None:
                names: dict[str, list[int]] = {}
                for pid, name, fclass, fcode, pop in self.gaz.summaries():
                    if (fclass == "P" and pop >= MIN_LOCAL_POP) or fcode in ("ADM1", "ADMD") \
                            or fcode.startswith("PCL"):
                        k = _key(name)
                        if len(k) >= MIN_KEY_LEN:
                            names.setdefault(k, []).append(pid)
                self._names = names
            return self._names

    def _places(self, key: str) -> list[Place]:
        """The places a space-less name names, the most populous first."""
        ids = self._index().get(key)
        if not ids:
            return []
        return sorted((self.gaz.place(i) for i in ids), key=lambda p: -p.population)

    def _named_in_domain(self, label: str, country: str | None) -> Home | None:
        """A place the domain name names: within `country` (a country-code domain's; "USA" for a generic
        domain), any populated place of MIN_LOCAL_POP people or first-level division opening the name, or a
        division or a city of MIN_INNER_POP people inside it; for a generic domain with no such place, a
        country or a city of MIN_WORLD_POP people ("bangkokpost.com"). The longest name wins. A name that
        several sizeable places of the country bear (the second at least AMBIGUOUS_SHARE of the first:
        Springfield, Columbia) gives only the country as the home."""
        label = label.replace("-", "").lower()
        for lead in DOMAIN_LEADS:
            if label.startswith(lead) and len(label) > len(lead) + MIN_KEY_LEN:
                label = label[len(lead):]
                break
        names = self._index()
        passes: list[str | None] = [country]
        if country == GENERIC_HOME_COUNTRY:
            passes.append(None)
        for within in passes:
            best: tuple[int, list[Place]] | None = None
            for i in range(len(label)):
                for j in range(len(label), i + MIN_KEY_LEN - 1, -1):
                    if label[i:j] not in names:
                        continue
                    ps = [p for p in self._places(label[i:j]) if _fits(p, within, inner=i > 0)]
                    if ps and (i == 0 or j - i >= MIN_INNER_LEN):
                        if best is None or j - i > best[0]:
                            best = (j - i, ps)
                        break  # the longest name starting at i
            if best is not None:
                return self._home_of(best[1])
        return None

    def _home_of(self, places: list[Place]) -> Home:
        countries = [p for p in places if p.is_country]
        cities = [p for p in places if p.feature_class == "P"]
        if countries:  # "panarmenian.net": the country, not a city named after it
            p = countries[0]
        else:  # a state and a big city of one name: the city
            p = cities[0] if cities and cities[0].population >= MIN_INNER_POP else places[0]
        same = sorted((c.place for c in self.gaz.lookup(p.name) if c.kind == NAME_MAIN and c.place.id != p.id
                       and c.place.country_iso3 == p.country_iso3 and c.place.feature_class == p.feature_class
                       and not p.is_country), key=lambda q: -q.population)
        why = f"publisher's domain names {p.name}"
        if p.is_country or (same and same[0].population >= AMBIGUOUS_SHARE * p.population):
            country = self.gaz.country_of(p) or p
            if not p.is_country:
                why += f" (as do other places of {country.name}: the country only)"
            return Home("national", p.country_iso3 or "", None, country.lat, country.lon, country.name, why, country)
        if p.precision == "admin1":
            return Home("regional", p.country_iso3 or "", p.name, p.lat, p.lon, p.name, why, p)
        return Home("local", p.country_iso3 or "", p.admin1, p.lat, p.lon, p.name, why, p)

    def _country_domain(self, cc: str) -> Home | None:
        if len(cc) != 2 or cc in GENERIC_CCTLDS:
            return None
        country = self.gaz.country(CCTLD_EXCEPTIONS.get(cc, cc.upper()))
        if country is None or not country.country_iso3:
            return None
        return Home("national", country.country_iso3, None, country.lat, country.lon, country.name,
                    f"publisher's country-code domain .{cc}", country)


__all__ = ["Home", "Outlets", "domain_of", "read_table", "split_domain"]
