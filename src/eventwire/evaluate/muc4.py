"""MUC-4 (dev: 1,300 FBIS messages with answer-key templates): what of a terrorism template maps to events.

A message is coded as one article: its text after the dateline and bracketed headers, dated by the
dateline. MUC templates and our events differ in kind, so we score what maps:

- incident detection per message: the key has a relevant template vs we coded an incident event (a
  non-negated ASSAULT or COERCE event);
- templates: each relevant template is aligned one-to-one with an incident event of its message (greedy
  on type, perpetrator and target overlap, date and country agreement); recall of non-optional templates
  and, over aligned pairs, the type and mode (data/muc4_plover.tsv), date, country, perpetrator (actor1)
  and victim or target (actor2) agreement.

The texts are upper case, as distributed. By default (`text_case="sentence"`) they are lower-cased with
sentence starts capitalised before coding: on the first 300 messages this beat the upper-case originals
on every figure (the model tags all-caps text badly), though proper names lose their capitals too.
`text_case="original"` codes the texts as distributed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..article import Article
from ..record import Event
from .common import events_by_article, stable_slice
from .metrics import prf, safe_div, token_f1

if TYPE_CHECKING:
    from ..pipeline import Pipeline

MUC_DIR = Path("data") / "muc4" / "raw" / "dev"
TYPES_FILE = Path(__file__).parent / "data" / "muc4_plover.tsv"
INCIDENT_TYPES = ("ASSAULT", "COERCE")  # our event types that can code a MUC-4 incident
OPEN_RANGE_DAYS = 31  # "- 04 MAR 90" (on or before): we accept the month before the bound
MONTHS = {m: i + 1 for i, m in enumerate(
    ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"))}

_ID_LINE = re.compile(r"^(DEV-MUC3-\d{4})\s+\([^)\n]*\)\s*$", re.MULTILINE)
# dateline dates: "3 JAN 90", "18 APRIL 89", "4 SEPT 89", "JUNE 11 89"
_DATELINE_DMY = re.compile(r"\b(\d{1,2}) ([A-Z]{3})[A-Z]*\.? (\d{2})\b")
_DATELINE_MDY = re.compile(r"\b([A-Z]{3})[A-Z]*\.? (\d{1,2}),? (\d{2})\b")
_HEADERS = re.compile(r"\s*(?:\[[^\]]*\]\s*)*")
_SLOT = re.compile(r"^(\d+)\.\s+([A-Z][A-Z :]*?[A-Z])\s{2,}(.*)$")
_QUOTED = re.compile(r'"([^"]+)"')
_DMY = re.compile(r"(\d{1,2})\s+([A-Z]{3})(?:\s+(\d{2}))?")


@dataclass
class Template:
    incident_type: str
    optional: bool
    stage: str
    dates: list[tuple[date, date]]  # alternatives: (first, last) day the incident may have happened
    countries: list[str]  # ISO3 of the alternatives' country
    perpetrators: list[str]
    targets: list[str]  # human target names and descriptions, physical target ids


@dataclass
class Message:
    id: str
    text: str  # body after dateline and headers, as distributed (upper case)
    published: date | None
    templates: list[Template] = field(default_factory=list)

    @property
    def relevant(self) -> bool:
        return bool(self.templates)


@cache
def type_table() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """MUC incident type -> (PLOVER types, PLOVER modes; empty = any mode)."""
    out: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    with open(TYPES_FILE, encoding="utf-8") as fh:
        lines = [ln.rstrip("\n") for ln in fh if not ln.startswith("#")]
    for ln in lines[1:]:
        muc, types, modes = (ln.split("\t") + ["", ""])[:3]
        out[muc] = (frozenset(filter(None, types.split(";"))), frozenset(filter(None, modes.split(";"))))
    return out


# --- parsing ------------------------------------------------------------------------------------------


def parse_day(text: str, year_hint: int | None) -> date | None:
    """'30 DEC 89' (or '11 NOV' with the year of the hint) -> date; None when unparseable."""
    m = _DMY.search(text)
    if not m or m.group(2) not in MONTHS:
        return None
    year = 1900 + int(m.group(3)) if m.group(3) else year_hint
    if year is None:
        return None
    try:
        return date(year, MONTHS[m.group(2)], int(m.group(1)))
    except ValueError:
        return None


def parse_dates(value: str, year_hint: int | None) -> list[tuple[date, date]]:
    """The DATE slot: alternatives split by '/', each a day, a range 'D1 - D2', or '- D' (on or before D,
    read as the OPEN_RANGE_DAYS before D)."""
    out: list[tuple[date, date]] = []
    for alt in value.split("/"):
        alt = alt.strip().strip("()").strip()
        if not alt or alt in ("*", "-"):
            continue
        if "-" in alt:
            left, _, right = alt.partition("-")
            end = parse_day(right, year_hint)
            start = parse_day(left, year_hint) if left.strip() else None
            if end is None:
                continue
            out.append((start or end - timedelta(days=OPEN_RANGE_DAYS), end))
        else:
            d = parse_day(alt, year_hint)
            if d:
                out.append((d, d))
    return out


@cache
def country_iso3(name: str) -> str | None:
    import pycountry

    try:
        return str(pycountry.countries.lookup(name.strip().title()).alpha_3)
    except LookupError:
        return None


def parse_countries(value: str) -> list[str]:
    out: list[str] = []
    for alt in value.split("/"):
        head = alt.strip().lstrip("?").strip().split(":")[0].strip()
        iso = country_iso3(head) if head and head not in ("*", "-") else None
        if iso and iso not in out:
            out.append(iso)
    return out


def parse_key_block(block: str) -> dict[int, list[str]]:
    """One template of an answer key: slot number -> its value lines (continuations included)."""
    slots: dict[int, list[str]] = {}
    current: int | None = None
    for line in block.splitlines():
        m = _SLOT.match(line.strip())
        if m and line[:1].isdigit():
            current = int(m.group(1))
            slots[current] = [m.group(3).strip()]
        elif current is not None and line.strip():
            slots[current].append(line.strip())
    return slots


def parse_template(slots: dict[int, list[str]], year_hint: int | None) -> Template | None:
    """A Template from its slots; None for the "no relevant incident" template ('*')."""
    head = " ".join(slots.get(1, ["*"]))
    if head.strip() == "*":
        return None
    joined = {k: " ".join(v) for k, v in slots.items()}
    itype = joined.get(4, "").strip().lstrip("?").strip()
    return Template(
        incident_type=itype,
        optional="OPTIONAL" in head,
        stage=joined.get(5, "").strip(),
        dates=parse_dates(joined.get(2, ""), year_hint),
        countries=parse_countries(joined.get(3, "")),
        perpetrators=_QUOTED.findall(joined.get(9, "") + " " + joined.get(10, "")),
        targets=_QUOTED.findall(joined.get(12, "") + " " + joined.get(18, "") + " " + joined.get(19, "")),
    )


def dateline_date(head: str) -> date | None:
    """The date of a dateline ("SAN SALVADOR, 3 JAN 90 (AFP)"); None for "NO DATE" or no year."""
    m = _DATELINE_DMY.search(head)
    if m:
        return parse_day(f"{m.group(1)} {m.group(2)} {m.group(3)}", None)
    m = _DATELINE_MDY.search(head)
    if m:
        return parse_day(f"{m.group(2)} {m.group(1)} {m.group(3)}", None)
    return None


def split_message(raw: str) -> tuple[str, date | None]:
    """(body, publication date) of a message's text after its id line: the dateline runs to the first
    "--", then bracketed headers ("[REPORT] [TEXT]") precede the body."""
    head, sep, rest = raw.partition("--")
    if not sep or len(head) > 300:
        return raw.strip(), None
    h = _HEADERS.match(rest)
    return unwrap(rest[h.end() if h else 0:]), dateline_date(head)


def unwrap(text: str) -> str:
    """Join the hard-wrapped lines of each paragraph (paragraphs are separated by blank lines)."""
    paras = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paras if p)


def read_texts(folder: Path) -> dict[str, tuple[str, date | None]]:
    out: dict[str, tuple[str, date | None]] = {}
    for path in sorted(folder.glob("dev-muc3-*")):
        raw = path.read_text(encoding="latin-1")
        ids = list(_ID_LINE.finditer(raw))
        for i, m in enumerate(ids):
            end = ids[i + 1].start() if i + 1 < len(ids) else len(raw)
            out[m.group(1)] = split_message(raw[m.end():end])
    return out


def read_keys(folder: Path, published: dict[str, date | None]) -> dict[str, list[Template]]:
    out: dict[str, list[Template]] = {}
    for path in sorted(folder.glob("key-dev-*.muc4")):
        raw = path.read_text(encoding="latin-1")
        for block in re.split(r"\n\s*\n", raw):
            slots = parse_key_block(block)
            if 0 not in slots:
                continue
            doc_id = slots[0][0].split()[0]
            pub = published.get(doc_id)
            tpl = parse_template(slots, pub.year if pub else None)
            out.setdefault(doc_id, [])
            if tpl is not None:
                out[doc_id].append(tpl)
    return out


def load_muc4(shared: Path, limit: int | None = None) -> list[Message]:
    """The dev messages with their templates, the first `limit` in stable order (sha256 of the id)."""
    folder = shared / MUC_DIR
    texts = read_texts(folder)
    keys = read_keys(folder, {k: v[1] for k, v in texts.items()})
    missing = sorted(set(texts) ^ set(keys))
    if missing:
        raise ValueError(f"{folder}: texts and keys disagree on {len(missing)} ids, e.g. {missing[:3]}")
    msgs = [Message(doc_id, body, pub, keys[doc_id]) for doc_id, (body, pub) in texts.items()]
    return stable_slice(msgs, lambda m: m.id, limit)


def sentence_case(text: str) -> str:
    """Lower-case `text` and capitalise the first letter of each sentence and paragraph."""
    low = text.lower()
    return re.sub(r"(^|[.!?]\s+|\n\s*)([a-z])", lambda m: m.group(1) + m.group(2).upper(), low)


# --- scoring ------------------------------------------------------------------------------------------


def is_incident(ev: Event) -> bool:
    return ev.event_type in INCIDENT_TYPES and not ev.negated


def _date_ok(t: Template, ev: Event) -> bool:
    if not ev.event_date:
        return False
    try:
        d = date.fromisoformat(ev.event_date)
    except ValueError:
        return False
    return any(a <= d <= b for a, b in t.dates)


def _overlap(text: str | None, gold: list[str]) -> float:
    return max((token_f1(text, g) for g in gold), default=0.0)


def _type_ok(t: Template, ev: Event) -> bool:
    types, _ = type_table().get(t.incident_type, (frozenset(INCIDENT_TYPES), frozenset()))
    return ev.event_type in types


def _mode_ok(t: Template, ev: Event) -> bool | None:
    """None when the MUC type names no mode (any mode of the type is right)."""
    types, modes = type_table().get(t.incident_type, (frozenset(), frozenset()))
    if not modes:
        return None
    return ev.event_type in types and ev.event_mode in modes


def align(templates: list[Template], events: list[Event]) -> list[tuple[Template, Event]]:
    """Greedy one-to-one alignment of templates and incident events by agreement (type, perpetrator,
    target, date, country)."""
    scored: list[tuple[float, int, int]] = []
    for i, t in enumerate(templates):
        for j, ev in enumerate(events):
            s = (float(_type_ok(t, ev)) + _overlap(ev.actor1_text, t.perpetrators)
                 + _overlap(ev.actor2_text, t.targets) + 0.5 * _date_ok(t, ev)
                 + 0.5 * (ev.country_iso3 in t.countries))
            scored.append((s, i, j))
    scored.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_t: set[int] = set()
    used_e: set[int] = set()
    pairs: list[tuple[Template, Event]] = []
    for _, i, j in scored:
        if i not in used_t and j not in used_e:
            used_t.add(i)
            used_e.add(j)
            pairs.append((templates[i], events[j]))
    return pairs


def score_muc4(msgs: list[Message], events: dict[str, list[Event]]) -> dict[str, float]:
    tp = fp = fn = 0
    required = found = n_events = 0
    pairs: list[tuple[Template, Event]] = []
    for msg in msgs:
        inc = [ev for ev in events.get(msg.id, []) if is_incident(ev)]
        n_events += len(inc)
        if msg.relevant and inc:
            tp += 1
        elif msg.relevant:
            fn += 1
        elif inc:
            fp += 1
        aligned = align(msg.templates, inc)
        pairs.extend(aligned)
        required += sum(not t.optional for t in msg.templates)
        found += sum(not t.optional for t, _ in aligned)
    det = prf(tp, fp, fn)

    def share(pred: list[bool]) -> float:
        return safe_div(sum(pred), len(pred))

    modes = [m for m in (_mode_ok(t, e) for t, e in pairs) if m is not None]
    return {
        "detection_precision": det.precision,
        "detection_recall": det.recall,
        "detection_f1": det.f1,
        "template_recall": safe_div(found, required),
        "event_precision": safe_div(len(pairs), n_events),
        "type_accuracy": share([_type_ok(t, e) for t, e in pairs]),
        "mode_accuracy": share(modes),
        "date_accuracy": share([_date_ok(t, e) for t, e in pairs if t.dates]),
        "country_accuracy": share([e.country_iso3 in t.countries for t, e in pairs if t.countries]),
        "perpetrator_match": share([_overlap(e.actor1_text, t.perpetrators) > 0
                                    for t, e in pairs if t.perpetrators]),
        "victim_match": share([_overlap(e.actor2_text, t.targets) > 0 for t, e in pairs if t.targets]),
        "n": float(len(msgs)),
    }


def evaluate_muc4(shared: Path, limit: int | None = None, pipeline: Pipeline | None = None,
                  text_case: str = "sentence") -> dict[str, float]:
    """`eventwire eval muc4`: code each dev message (dated by its dateline) and score what maps."""
    if text_case not in ("original", "sentence"):
        raise ValueError(f"text_case must be 'original' or 'sentence', not {text_case!r}")
    msgs = load_muc4(shared, limit)
    articles = [Article(id=m.id, text=sentence_case(m.text) if text_case == "sentence" else m.text,
                        published=m.published, origin=f"{MUC_DIR}:{m.id}") for m in msgs]
    return score_muc4(msgs, events_by_article(articles, pipeline))
