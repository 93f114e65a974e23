"""TempEval-3 (TBAQ-cleaned: TimeBank + AQUAINT): normalisation of time expressions to TIMEX3 values.

Every TIMEX3 of the documents (not the document creation time) is given to the dates stage's resolver
(`stages.dates.resolve`) with its text, the document creation time (DCT) as publication date, the tense it
is read in (`stages.dates.expression_tense` on the spaCy parse: "will meet Friday" is future, "payable
Dec. 7" untensed, i.e. the nearest occurrence) and the period it may be compared with (the nearest quarter
named shortly before it, `stages.dates.comparison_anchor`: "a year earlier" after "the third quarter" is
that quarter a year before). The predicted value is compared with the gold `value` attribute, exactly.

Scored: DATE expressions (the calendar points and periods the stage resolves; `value_accuracy`), and the
date part of TIME expressions ("Friday morning" = 1998-08-07TMO; `time_date_accuracy`). DURATION ("three
years") and SET ("every week") expressions are not dates of events: the stage leaves them unresolved by
design, and they are only counted (`n_duration_set`). An expression the resolver leaves unresolved counts
as wrong. The gold spans are given (this measures normalisation, not detection); `detection_recall` is the
share of gold DATE spans that overlap an expression the stage finds itself.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .common import stable_slice
from .metrics import safe_div

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from ..stages.dates import TimeExpr

TE3_DIR = Path("data") / "tempeval3" / "Training" / "TBAQ-cleaned"
_TIMEX = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.DOTALL)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_TAG = re.compile(r"<[^>]+>")
_DAY_PART = re.compile(r"(?<=\d{4}-\d{2}-\d{2})T.*$")


@dataclass(frozen=True)
class Timex:
    start: int  # character offsets in the plain text
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class TmlDoc:
    id: str
    text: str
    dct: date
    timexes: tuple[Timex, ...]


def parse_tml(path: Path) -> TmlDoc | None:
    """Plain text, DCT and TIMEX3s (with offsets into the plain text) of one .tml file."""
    raw = path.read_text(encoding="utf-8")
    dct_m = re.search(r"<DCT>\s*<TIMEX3\b([^>]*)>", raw)
    body_m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.DOTALL)
    if not dct_m or not body_m:
        return None
    dct_val = dict(_ATTR.findall(dct_m.group(1))).get("value", "")
    try:
        dct = date.fromisoformat(dct_val[:10])
    except ValueError:
        return None
    body = body_m.group(1)
    out: list[str] = []
    timexes: list[Timex] = []
    pos = 0
    length = 0
    for m in _TIMEX.finditer(body):
        before = html.unescape(_TAG.sub("", body[pos: m.start()]))
        out.append(before)
        length += len(before)
        inner = html.unescape(_TAG.sub("", m.group(2)))
        attrs = dict(_ATTR.findall(m.group(1)))
        timexes.append(Timex(length, length + len(inner), inner, attrs.get("type", ""), attrs.get("value", "")))
        out.append(inner)
        length += len(inner)
        pos = m.end()
    out.append(html.unescape(_TAG.sub("", body[pos:])))
    return TmlDoc(path.stem, "".join(out), dct, tuple(timexes))


def load_tempeval3(shared: Path, limit: int | None = None) -> list[TmlDoc]:
    docs = [d for p in sorted((shared / TE3_DIR).rglob("*.tml")) if (d := parse_tml(p)) is not None]
    return stable_slice(docs, lambda d: d.id, limit)


def _span_tense(span: Span) -> str:
    from ..stages.dates import expression_tense

    return expression_tense(span, default="present")


def predict_value(doc: Doc, tx: Timex, dct: date, exprs: list[TimeExpr] | None = None) -> str | None:
    """Our TIMEX3 value for a gold time expression span. `exprs` (the time expressions the stage finds in
    the doc) give the period a comparison such as "a year earlier" refers back to."""
    from ..stages.dates import comparison_anchor, find_time_expressions, resolve

    span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
    tense = _span_tense(span) if span is not None and len(span) else "past"
    found = find_time_expressions(doc) if exprs is None else exprs
    anchor = comparison_anchor(doc, tx.start, found, dct)
    r = resolve(tx.text, dct, tense, anchor)
    return r.value if r is not None else None


def evaluate_tempeval3(shared: Path, limit: int | None = None) -> dict[str, float]:
    """Value accuracy of DATE time expressions (and the date part of TIME ones) on TBAQ-cleaned."""
    from ..resources import default_resources
    from ..stages.dates import find_time_expressions

    docs = load_tempeval3(shared, limit)
    nlp = default_resources().nlp
    n_date = ok_date = n_time = ok_time = n_other = detected = 0
    for tml, doc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=8), strict=True):
        exprs = find_time_expressions(doc)
        found = [(e.span.start_char, e.span.end_char) for e in exprs]
        for tx in tml.timexes:
            if tx.type in ("DURATION", "SET"):
                n_other += 1
                continue
            pred = predict_value(doc, tx, tml.dct, exprs)
            if tx.type == "DATE":
                pred = _DAY_PART.sub("", pred) if pred else pred  # a DATE value has no time of day
                n_date += 1
                ok_date += pred == tx.value
                detected += any(s < tx.end and tx.start < e for s, e in found)
            elif tx.type == "TIME":
                n_time += 1
                ok_time += pred is not None and pred[:10] == tx.value[:10]
    return {
        "value_accuracy": safe_div(ok_date, n_date),
        "time_date_accuracy": safe_div(ok_time, n_time),
        "date_and_time_accuracy": safe_div(ok_date + ok_time, n_date + n_time),
        "detection_recall": safe_div(detected, n_date),
        "n_date": float(n_date),
        "n_time": float(n_time),
        "n_duration_set": float(n_other),
        "n_docs": float(len(docs)),
    }
