"""Toponym resolution: rank a mention's candidate places with a small learned model over candidate features.

Each candidate gets a feature vector (`features`): how prominent it is (population, kind of place, capital,
curated), how the name matched it (main / alternate / short name / abbreviation, "X province"), and what the
rest of the article says (the share of the article's other places that lie in its country and first-level
division, how many of them lie near it, "X, Y" with Y containing it), and where the publisher is based
(outlets.py: the candidate lies in its country, first-level division, near its city), and how widely known it
is (`log_names`: how many names, mostly other languages' spellings, the gazetteer holds for it). The score is a weighted sum of the
features; the weights (data/ranker.json) are a conditional logit fitted on the dev splits of LGL, TR-News
and GeoWebNews by scripts/train_geo_ranker.py (model card: docs/models/geo_ranker.md). The confidence is the
candidate's softmax probability among the mention's candidates.

The article context is soft: every other mention spreads its weight over its own candidates (by the
context-free `prior` in pass 1, by the model's probabilities in later passes), so that one wrong guess does not
decide the others, and a mention never counts as context for itself or for another mention of the same
name ("Paris ... Paris" must not vote for France twice)."""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .lookup import NAME_ABBR, NAME_ALT, NAME_MAIN, NAME_SHORT, Candidate, Place
from .outlets import Home

# hand weights of the context-free prior (used to order look-ups and as the pass-1 context)
W_POP = 0.65  # per log10 of population
KIND = {NAME_MAIN: 0.0, NAME_ABBR: 0.0, NAME_ALT: -1.2, NAME_SHORT: -2.5}
CLASS_BONUS = {"country": 4.0, "admin1": 1.0, "admin2": 0.0, "city": 0.3, "point": -0.5, "region": 0.5}
W_SEAT = 1.8  # a city preferred over its own same-named division
W_CURATED = 1.0  # curated places were added because news names them
W_CAPITAL = 1.5  # national capitals are named far more than their namesakes
NEAR_KM = 100.0
CLOSE_KM = 50.0  # a county and its seat, a town and its neighbours
FAR_KM = 400.0
MAX_CONTEXT_CANDS = 5  # candidates of another mention that spread its weight
MIN_PROB = 0.0  # abstain below this probability (0: never; acc@161 counts an abstention as wrong)
DIVISION_WORDS = {"county", "parish", "province", "governorate", "state", "region", "district", "oblast",
                  "prefecture", "department", "township"}
PRECISIONS = ("country", "admin1", "admin2", "city", "point", "region")
FEATURES = ("log_pop", "pop_gap", "alt_name", "short_name", "abbreviation",
            *(f"is_{p}" for p in PRECISIONS), "curated", "capital", "division_word_division",
            "division_word_other", "seat_namesake", "container", "ctx_country_share", "ctx_country_named",
            "ctx_admin1_share", "ctx_near", "ctx_close_names", "ctx_none", "conj_same_kind", "dateline_city",
            "home_country", "home_admin1", "home_near", "log_names")
HOME_NEAR_KM = 100.0  # publisher-home prior: full weight within this distance of a local outlet's city,
HOME_FAR_KM = 300.0  # fading to none at this one
HOME_FEATURES = ("home_country", "home_admin1", "home_near")
SPECIFICITY = {"admin1": 3, "region": 2, "country": 1}
# `_unplaced_small`: a town of fewer than SMALL_TOWN_POP people that the text does not place loses to the
# name's country, or to a namesake of at least BIG_NAMESAKE_POP people and NAMESAKE_RATIO times its size
SMALL_TOWN_POP = 50_000
BIG_NAMESAKE_POP = 100_000
NAMESAKE_RATIO = 20.0
# what places a town in the text or the publisher's home, with the least value that counts
PLACING = {"container": 0.5, "ctx_admin1_share": 0.2, "ctx_near": 0.3, "ctx_close_names": 1.0, "home_country": 0.5,
           "home_admin1": 0.5, "home_near": 0.3, "division_word_division": 0.5}
NAMESAKE_REASON = "a small town the text does not place (no state, province or nearby place named)"
MODEL_PATH = Path(__file__).resolve().parent / "data" / "ranker.json"


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


@dataclass
class Context:
    """What the other mentions of the article say, kept per mention name so a name can be left out of
    its own context: name -> country mass, (iso3, admin1) mass, points (lat, lon, weight)."""

    countries: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    named: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # countries named outright
    admin1s: dict[str, Counter[tuple[str | None, str]]] = field(default_factory=lambda: defaultdict(Counter))
    points: dict[str, list[tuple[float, float, float]]] = field(default_factory=lambda: defaultdict(list))
    places: dict[str, list[tuple[Place, float]]] = field(default_factory=lambda: defaultdict(list))
    # every local candidate of every mention, by 1-degree cell: (name, lat, lon)
    grid: dict[tuple[int, int], list[tuple[str, float, float]]] = field(default_factory=lambda: defaultdict(list))

    def add_candidates(self, key: str, places: list[Place]) -> None:
        """All the places a mention named `key` may be (for `close_names`), not only the likely ones."""
        for p in places:
            if p.precision in ("city", "admin2", "point"):
                self.grid[(math.floor(p.lat), math.floor(p.lon))].append((key, p.lat, p.lon))

    def close_names(self, p: Place, key: str) -> int:
        """How many other names of the article may be a place within CLOSE_KM of `p` ("Paris" and
        "Henry County": Paris, Tennessee lies in a Henry County; Paris, Illinois does not)."""
        names: set[str] = set()
        cx, cy = math.floor(p.lat), math.floor(p.lon)
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for k, la, lo in self.grid.get((cx + dx, cy + dy), ()):
                    if k != key and k not in names and haversine_km(p.lat, p.lon, la, lo) <= CLOSE_KM:
                        names.add(k)
        return len(names)

    def add(self, key: str, dist: list[tuple[Place, float]], outright_country: bool = False) -> None:
        """One mention named `key` whose place is `dist` (places with probabilities)."""
        for p, w in dist:
            if w <= 0.0:
                continue
            if p.country_iso3:
                self.countries[key][p.country_iso3] += w  # type: ignore[assignment]
                if outright_country and p.is_country and w >= 0.5:
                    self.named[key].add(p.country_iso3)
            a1 = p.name if p.precision == "admin1" else p.admin1
            if a1 and not p.is_country:
                self.admin1s[key][(p.country_iso3, a1)] += w  # type: ignore[assignment]
            if p.precision in ("city", "admin2", "point") and w >= 0.05:
                self.points[key].append((p.lat, p.lon, w))
            self.places[key].append((p, w))

    def focus(self) -> tuple[Place, float] | None:
        """The article's main place and its weight: among the likely places of its mentions (every name
        counted once), the city / county / point with the most weight of the others within NEAR_KM
        (a county or city at the heart of what the article names), else its likeliest division or
        country."""
        local = [(p, w) for ps in self.places.values() for p, w in ps
                 if p.precision in ("city", "admin2", "point") and w >= 0.3]
        if local:
            def density(pw: tuple[Place, float]) -> float:
                p = pw[0]
                return sum(w for q, w in local if haversine_km(p.lat, p.lon, q.lat, q.lon) <= NEAR_KM)
            best = max(local, key=lambda pw: (density(pw), pw[1]))
            return best[0], density(best)
        wide = [(p, w) for ps in self.places.values() for p, w in ps if w >= 0.3]
        if wide:
            return max(wide, key=lambda pw: (SPECIFICITY.get(pw[0].precision, 0), pw[1]))
        return None

    def view(self, key: str) -> _View:
        """The context seen by a mention named `key` (every other name)."""
        countries: Counter[str] = Counter()
        admin1s: Counter[tuple[str | None, str]] = Counter()
        named: set[str] = set()
        points: list[tuple[float, float, float]] = []
        for k, c in self.countries.items():
            if k != key:
                countries.update(c)
        for k, a in self.admin1s.items():
            if k != key:
                admin1s.update(a)
        for k, n in self.named.items():
            if k != key:
                named |= n
        for k, pts in self.points.items():
            if k != key:
                points.extend(pts)
        return _View(countries, sum(countries.values()), admin1s, sum(admin1s.values()), named, points,
                     self, key)


@dataclass
class _View:
    countries: Counter[str]
    n_countries: float
    admin1s: Counter[tuple[str | None, str]]
    n_admin1s: float
    named: set[str]
    points: list[tuple[float, float, float]]
    ctx: Context | None = None
    key: str = ""
    # place id -> (ctx_near, ctx_close_names): the same place is a candidate of every mention of one name
    seen: dict[int, tuple[float, int]] = field(default_factory=dict)

    def nearby(self, p: Place) -> tuple[float, int]:
        """The weight of the other mentions' points near `p` (ctx_near) and how many other names may be a
        place close to it (ctx_close_names), computed once per place."""
        got = self.seen.get(p.id)
        if got is not None:
            return got
        prec = p.precision
        near = 0.0
        if prec in ("city", "admin2", "point", "admin1"):
            for la, lo, w in self.points:
                if abs(la - p.lat) > 4.0:
                    continue
                d = haversine_km(p.lat, p.lon, la, lo)
                if d < FAR_KM:
                    near += w * (1.0 if d <= NEAR_KM else (FAR_KM - d) / (FAR_KM - NEAR_KM))
        close = 0
        if self.ctx is not None and prec in ("city", "admin2", "point"):
            close = min(self.ctx.close_names(p, self.key), 3)
        got = self.seen[p.id] = (near, close)
        return got


@dataclass
class Ranked:
    place: Place | None
    score: float
    confidence: float
    reason: str
    dist: list[tuple[Place, float]] = field(default_factory=list)  # candidates with probabilities


def prior(c: Candidate, same_name: list[Candidate], division_word: bool = False) -> tuple[float, list[str]]:
    """Context-free score of one candidate among the candidates of the same name (hand-set weights)."""
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
    elif _seat_namesake(c, same_name):
        s -= W_SEAT
        why.append("a city has the same name")
    return s, why


def prior_dist(cands: list[Candidate], division_word: bool = False) -> list[tuple[Place, float]]:
    """The candidates' context-free probabilities (softmax of `prior`), the likeliest first, at most
    MAX_CONTEXT_CANDS."""
    scores = [prior(c, cands, division_word)[0] for c in cands]
    return _softmax_top([c.place for c in cands], scores)


def _softmax_top(places: list[Place], scores: list[float]) -> list[tuple[Place, float]]:
    if not places:
        return []
    top = max(scores)
    ex = [math.exp(s - top) for s in scores]
    z = sum(ex)
    out = sorted(((p, e / z) for p, e in zip(places, ex, strict=True)), key=lambda t: -t[1])
    return out[:MAX_CONTEXT_CANDS]


def _seat_namesake(c: Candidate, same_name: list[Candidate]) -> bool:
    """A division with a city of the same name nearby or inside it ("Baghdad" is the city more often than
    the governorate named after it; "New York" names New York City, whose main name adds "City", more often
    than the state that holds it, as AP style has it: "New York state" when the state is meant)."""
    p = c.place
    if not (p.feature_class == "A" and p.precision in ("admin1", "admin2")):
        return False
    for o in same_name:
        q = o.place
        if (q.feature_class == "P" and q.country_iso3 == p.country_iso3
                and (o.kind == NAME_MAIN or q.name == f"{p.name} City")
                and q.population >= 0.2 * max(p.population, 1)
                and (haversine_km(p.lat, p.lon, q.lat, q.lon) < 150
                     or (p.precision == "admin1" and q.admin1 == p.name))):
            return True
    return False


def contains(outer: Place, inner: Place) -> bool:
    """A country or first-level division holding a place (by country code and division name)."""
    if outer.id == inner.id:
        return False
    if outer.is_country:
        return inner.country_iso3 == outer.country_iso3
    if outer.precision == "admin1":
        return inner.country_iso3 == outer.country_iso3 and inner.admin1 == outer.name
    return False


def features(c: Candidate, cands: list[Candidate], view: _View | None, container: list[Candidate] | None,
             division_word: bool, max_log_pop: float, home: Home | None = None,
             conj: Counter[str] | None = None, dateline: bool = False) -> list[float]:
    """The feature vector of one candidate (in the order of FEATURES). `conj` counts the kinds of place
    (precision) that the places coordinated with the mention are read as ("Washington, New York and Boston":
    cities; "California or Washington": states); `dateline`: the mention is the article's dateline."""
    return (_text_features(c, cands, view, container, division_word, max_log_pop)
            + syntax_features(c.place, conj, dateline) + home_features(c.place, home)
            + [math.log10(1 + c.place.names)])


def syntax_features(p: Place, conj: Counter[str] | None, dateline: bool) -> list[float]:
    """Conjuncts name places of one kind: the share of the mention's conjuncts read as a place of the
    candidate's precision; a dateline names a city (news style), so a city candidate of a dateline gets 1."""
    n = sum(conj.values()) if conj else 0
    same = conj.get(p.precision, 0) / n if conj and n else 0.0
    return [same, float(dateline and p.precision == "city")]


def home_features(p: Place, home: Home | None) -> list[float]:
    """The publisher-home prior: the candidate lies in the outlet's country; in its first-level division
    (local and regional outlets); near its city (local outlets: 1 within HOME_NEAR_KM, fading to 0 at
    HOME_FAR_KM). Zeros when the outlet's home is unknown or it is an international outlet. A home read from
    the article's dateline (scope "dateline", geoparse._dateline_home) gives only the division."""
    if home is None or not home.country_iso3 or p.country_iso3 != home.country_iso3:
        return [0.0, 0.0, 0.0]
    in_a1 = home.admin1 is not None and (p.admin1 == home.admin1 or (p.precision == "admin1" and p.name == home.admin1))
    near = 0.0
    if home.scope == "local" and home.lat is not None and home.lon is not None and not p.is_country:
        d = haversine_km(p.lat, p.lon, home.lat, home.lon)
        near = 1.0 if d <= HOME_NEAR_KM else max(0.0, (HOME_FAR_KM - d) / (HOME_FAR_KM - HOME_NEAR_KM))
    return [float(home.scope != "dateline"), float(in_a1), near]


def _text_features(c: Candidate, cands: list[Candidate], view: _View | None, container: list[Candidate] | None,
                   division_word: bool, max_log_pop: float) -> list[float]:
    p = c.place
    lp = math.log10(p.population + 10)
    prec = p.precision
    is_div = p.feature_class == "A" and not p.is_country
    f = [lp, lp - max_log_pop, float(c.kind == NAME_ALT), float(c.kind == NAME_SHORT), float(c.kind == NAME_ABBR)]
    f += [float(prec == q) for q in PRECISIONS]
    f += [float(p.geonames_id is None), float(p.feature_code == "PPLC"),
          float(division_word and is_div), float(division_word and not is_div),
          float(not division_word and _seat_namesake(c, cands)),
          float(bool(container) and any(contains(k.place, p) for k in container or ()))]
    if view is None or view.n_countries <= 0:
        f += [0.0, 0.0, 0.0, 0.0, 0.0, 1.0]
        return f
    iso = p.country_iso3
    f.append(view.countries.get(iso, 0.0) / view.n_countries if iso else 0.0)
    f.append(float(bool(iso) and iso in view.named and not p.is_country))
    a1 = p.name if prec == "admin1" else p.admin1
    f.append(view.admin1s.get((iso, a1), 0.0) / view.n_admin1s if a1 and view.n_admin1s > 0 else 0.0)
    near, close = view.nearby(p)
    f += [min(near, 3.0), float(close), 0.0]
    return f


_WHY = {"alt_name": "alternate name", "short_name": "short name of a division",
        "division_word_division": "named as a division", "seat_namesake": "a city has the same name",
        "container": "in the place named after it", "ctx_country_share": "its country is the article's",
        "ctx_country_named": "its country is named in the article",
        "ctx_admin1_share": "its first-level division is the article's",
        "ctx_near": "near the article's other places",
        "ctx_close_names": "other names of the article may be places close to it",
        "home_country": "in the publisher's country", "home_admin1": "in the publisher's first-level division",
        "home_near": "near the publisher's home", "conj_same_kind": "listed with places of its kind",
        "dateline_city": "a dateline names a city"}


class Ranker:
    """The learned scorer: weights per feature (data/ranker.json)."""

    def __init__(self, weights: dict[str, float]):
        missing = [f for f in FEATURES if f not in weights]
        if missing:
            raise ValueError(f"ranker weights lack {missing}")
        self.w = [float(weights[f]) for f in FEATURES]

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> Ranker:
        return cls(json.loads(path.read_text(encoding="utf-8"))["weights"])

    def score(self, f: list[float]) -> float:
        return sum(w * x for w, x in zip(self.w, f, strict=True))

    def rank(self, cands: list[Candidate], view: _View | None, container: list[Candidate] | None = None,
             division_word: bool = False, home: Home | None = None, conj: Counter[str] | None = None,
             dateline: bool = False) -> Ranked:
        """The best candidate with its probability and reason, or an unresolved Ranked when none fits."""
        if not cands:
            return Ranked(None, 0.0, 0.0, "no gazetteer entry")
        mlp = max(math.log10(c.place.population + 10) for c in cands)
        feats = [features(c, cands, view, container, division_word, mlp, home, conj, dateline) for c in cands]
        scores = [self.score(f) for f in feats]
        dist = _softmax_top([c.place for c in cands], scores)
        order = sorted(range(len(cands)), key=lambda i: -scores[i])
        bi = order[0]
        best, prob = cands[bi], dist[0][1]
        alt = _unplaced_small(cands, feats, scores, bi)
        if alt is not None:  # the country or the much larger namesake takes the small town's probability
            dist = [(cands[alt].place if p.id == best.place.id else best.place if p.id == cands[alt].place.id else p, w)
                    for p, w in dist]
            if all(p.id != cands[alt].place.id for p, _ in dist):
                dist[0] = (cands[alt].place, prob)
            small = best.place
            bi, best = alt, cands[alt]
            reason = (f"{best.place.name} ({best.place.feature_code}, {best.place.country_iso3 or '-'}) p={prob:.2f}"
                      f" over {len(cands) - 1} other candidate(s): "
                      + ("the country named" if best.place.is_country else "a far larger namesake")
                      + f" beats {small.name} ({small.feature_code}, {small.country_iso3 or '-'}), {NAMESAKE_REASON}")
            return Ranked(best.place, scores[bi], round(prob, 3), reason, dist)
        if prob < MIN_PROB:
            return Ranked(None, scores[bi], 0.0, f"abstained: best candidate {best.place.name} has p={prob:.2f}",
                          dist)
        fb = feats[bi]
        why = [_WHY[n] for n, x, w in zip(FEATURES, fb, self.w, strict=True)
               if n in _WHY and x > 0 and (w > 0 or n in ("alt_name", "short_name"))]
        reason = f"{best.place.name} ({best.place.feature_code}, {best.place.country_iso3 or '-'}) p={prob:.2f}"
        if len(cands) > 1:
            reason += f" over {len(cands) - 1} other candidate(s)"
        if why:
            reason += ": " + ", ".join(why)
        if home is not None and any(fb[FEATURES.index(n)] > 0 for n in HOME_FEATURES):
            reason += f" [publisher home {home.name}: {home.reason}]"
        return Ranked(best.place, scores[bi], round(prob, 3), reason, dist)


def _unplaced_small(cands: list[Candidate], feats: list[list[float]], scores: list[float], bi: int) -> int | None:
    """The candidate that should replace the ranker's choice `bi`, or None. A populated place or division of
    fewer than SMALL_TOWN_POP people that nothing in the text places (no "X, Y", no first-level division,
    nearby place or division word of the article, no publisher there; `PLACING`) is a weak reading
    when the name is also a country's (by its main or alternate name: "Macedonia") or a namesake's of at
    least BIG_NAMESAKE_POP people and NAMESAKE_RATIO times larger by its main name ("Geneva"): an article that merely names
    the town's country ("U.S. negotiators return to Geneva") says nothing about which one is meant."""
    b = cands[bi].place
    if b.is_country or b.feature_class not in ("P", "A") or b.population >= SMALL_TOWN_POP:
        return None
    fb = feats[bi]
    if any(fb[FEATURES.index(n)] >= least for n, least in PLACING.items()):
        return None
    alts = [i for i, c in enumerate(cands) if c.place.is_country and c.kind <= NAME_ALT]
    if not alts:
        big = max(BIG_NAMESAKE_POP, NAMESAKE_RATIO * b.population)
        alts = [i for i, c in enumerate(cands) if c.kind == NAME_MAIN and c.place.population >= big]
    return max(alts, key=lambda i: scores[i]) if alts else None


__all__ = ["FEATURES", "Context", "Ranked", "Ranker", "contains", "features", "haversine_km", "prior", "prior_dist",
           "syntax_features"]
