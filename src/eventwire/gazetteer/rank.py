"""Toponym resolution: rank a mention's candidate places by features, with the article as context.

Score of a candidate = prior (population, kind of place, how the name matched)
                     + context (its country / first-level division is named elsewhere in the article,
                       it lies near the article's other places, "X, Y" where Y contains it).
Each feature that fired is kept in the reason. The confidence is the softmax share of the best candidate,
shrunk towards 0.5 when the best score is low; below MIN_SCORE the mention is left unresolved."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from .lookup import NAME_ABBR, NAME_ALT, NAME_MAIN, NAME_SHORT, Candidate, Place

# weights (tuned on the dev parts of LGL, TR-News and GeoWebNews; see evaluate/geo.py)
W_POP = 0.65  # per log10 of population
KIND = {NAME_MAIN: 0.0, NAME_ABBR: 0.0, NAME_ALT: -1.2, NAME_SHORT: -2.5}
CLASS_BONUS = {"country": 4.0, "admin1": 1.0, "admin2": 0.0, "city": 0.3, "point": -0.5, "region": 0.5}
W_SAME_COUNTRY = 2.0
W_SAME_ADMIN1 = 2.0
W_CONTAINER = 6.0  # "X, Y" with Y containing the candidate
W_NEAR = 1.0  # per other place of the article within NEAR_KM (less up to FAR_KM), at most 3
NEAR_KM = 100.0
FAR_KM = 400.0
W_SEAT = 1.8
W_CURATED = 1.0
W_CAPITAL = 1.5  # national capitals are named far more than their namesakes  # curated places were added because news names them  # a city preferred over its own same-named division
MIN_SCORE = 1.0
DIVISION_WORDS = {"county", "parish", "province", "governorate", "state", "region", "district", "oblast",
                  "prefecture", "department", "township"}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


@dataclass
class Context:
    """What the article says about where it is: countries and divisions named, places resolved so far."""

    countries: Counter[str] = field(default_factory=Counter)  # iso3 -> mentions
    admin1s: Counter[tuple[str | None, str]] = field(default_factory=Counter)  # (iso3, admin1 name)
    # (mention index, lat, lon, weight, normalized name) of places resolved so far
    points: list[tuple[int, float, float, float, str]] = field(default_factory=list)


@dataclass
class Ranked:
    place: Place | None
    score: float
    confidence: float
    reason: str


def prior(c: Candidate, same_name: list[Candidate], division_word: bool = False) -> tuple[float, list[str]]:
    """Context-free score of one candidate among the candidates of the same name."""
    p = c.place
    why: list[str] = []
    s = W_POP * math.log10(p.population + 10)
    s += KIND[c.kind]
    if c.kind == NAME_ALT:
        why.append("alternate name")
    elif c.kind == NAME_SHORT:
        why.append("short name of a division")
    prec = p.precision
    if p.geonames_id is None:
        s += W_CURATED
    if p.feature_code == "PPLC":
        s += W_CAPITAL
    if prec == "country" and c.kind == NAME_ALT:
        s += CLASS_BONUS["country"] / 2
    else:
        s += CLASS_BONUS.get(prec, 0.0)
    if division_word:
        if p.feature_class == "A" and not p.is_country:
            s += 2.0
            why.append("named as a division")
    elif p.feature_class == "A" and prec in ("admin1", "admin2"):
        # "Baghdad" is the city more often than the governorate named after it
        for o in same_name:
            q = o.place
            if (q.feature_class == "P" and q.country_iso3 == p.country_iso3 and o.kind == NAME_MAIN
                    and q.population >= 0.2 * max(p.population, 1)
                    and haversine_km(p.lat, p.lon, q.lat, q.lon) < 150):
                s -= W_SEAT
                why.append("a city has the same name")
                break
    return s, why


def rank(cands: list[Candidate], ctx: Context, mention_ix: int = -1, container: list[Candidate] | None = None,
         division_word: bool = False) -> Ranked:
    """The best candidate with its confidence and reason, or an unresolved Ranked when none fits."""
    if not cands:
        return Ranked(None, 0.0, 0.0, "no gazetteer entry")
    scored: list[tuple[float, Candidate, list[str]]] = []
    n_countries = sum(ctx.countries.values()) or 1
    for c in cands:
        p = c.place
        s, why = prior(c, cands, division_word)
        if container and any(_contains(k.place, p) for k in container):
            s += W_CONTAINER
            why.append("in the place named after it")
        if p.country_iso3 and ctx.countries.get(p.country_iso3) and not p.is_country:
            share = ctx.countries[p.country_iso3] / n_countries
            s += W_SAME_COUNTRY * (0.5 + share)
            why.append(f"country {p.country_iso3} named in the article")
        if p.admin1 and not p.is_country and p.precision != "admin1" and ctx.admin1s.get((p.country_iso3, p.admin1)):
            s += W_SAME_ADMIN1
            why.append(f"{p.admin1} named in the article")
        if ctx.points and p.precision in ("city", "admin2", "point"):
            near = 0.0
            seen: set[str] = set()
            for ix, la, lo, w, key in ctx.points:
                if ix == mention_ix or key in seen:
                    continue
                d = haversine_km(p.lat, p.lon, la, lo)
                if d < FAR_KM:
                    seen.add(key)
                    near += w * (1.0 if d <= NEAR_KM else (FAR_KM - d) / (FAR_KM - NEAR_KM))
            if near > 0:
                s += W_NEAR * min(near, 3.0)
                why.append(f"near {len(seen)} other place(s) of the article")
        scored.append((s, c, why))
    scored.sort(key=lambda t: -t[0])
    best_s, best, why = scored[0]
    if best_s < MIN_SCORE:
        return Ranked(None, best_s, 0.0, f"abstained: best candidate {best.place.name} scores {best_s:.1f}")
    z = sum(math.exp(min(s - best_s, 0.0)) for s, _, _ in scored)
    share = 1.0 / z
    conf = share * (1 / (1 + math.exp(-(best_s - 3.0))))
    reason = f"{best.place.name} ({best.place.feature_code}, {best.place.country_iso3 or '-'})"
    if len(scored) > 1:
        reason += f" over {len(scored) - 1} other candidate(s)"
    if why:
        reason += ": " + ", ".join(why)
    return Ranked(best.place, best_s, round(conf, 3), reason)


def _contains(outer: Place, inner: Place) -> bool:
    if outer.id == inner.id:
        return False
    if outer.is_country:
        return inner.country_iso3 == outer.country_iso3
    if outer.precision == "admin1":
        return inner.country_iso3 == outer.country_iso3 and inner.admin1 == outer.name
    return False
