"""PolNeAR (dev): who reported it — the source of attributed content, as the attribution stage finds it.

PolNeAR marks attribution relations in political news: a Source ("the New York Post"), a Cue ("reports")
and the Content attributed. We score the attribution stage's source finder (`find_attribution`) on every
verb of a document, as if each were an event trigger:
- gold: a verb inside a Content span has the Source of the innermost such Content (nested attributions
  keep the inner source, as the stage does); a verb outside every Content has no source. Verbs inside a
  Cue or Source span, and verbs whose innermost Content has no Source, are not scored;
- predicted: the source mention the stage finds (`Attribution.source`), or none;
- a predicted source is right when it overlaps the gold Source span by at least one token.
Precision = right / predicted sources, recall = right / gold sources, F1 their harmonic mean. One annotator
file per document is used (the first by name; 10 documents have two).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .common import stable_slice
from .metrics import prf

if TYPE_CHECKING:
    from spacy.tokens import Doc

POLNEAR_DIR = Path("data") / "polnear" / "dev"


@dataclass(frozen=True)
class Relation:
    content: tuple[tuple[int, int], ...]  # character spans (possibly discontinuous)
    source: tuple[tuple[int, int], ...] | None
    cue: tuple[tuple[int, int], ...] | None


@dataclass(frozen=True)
class PolnearDoc:
    id: str
    text: str
    published: date | None
    relations: tuple[Relation, ...]


def _spans(field: str) -> tuple[tuple[int, int], ...]:
    out = []
    for part in field.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return tuple(out)


def parse_ann(ann: str) -> list[Relation]:
    """Relations of a brat standoff file: T lines (Source, Cue, Content with offsets), E lines tying them."""
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        cells = line.split("\t")
        if line.startswith("T") and len(cells) >= 2:
            kind, _, offs = cells[1].partition(" ")
            spans[cells[0]] = (kind, _spans(offs))
        elif line.startswith("E") and len(cells) >= 2:
            events.append(dict(arg.split(":", 1) for arg in cells[1].split() if ":" in arg))
    rels: list[Relation] = []
    for ev in events:
        content = spans.get(ev.get("Content", ""))
        if content is None:
            continue
        source = spans.get(ev.get("Source", ""))
        cue = spans.get(ev.get("Cue", ""))
        rels.append(Relation(content[1], source[1] if source else None, cue[1] if cue else None))
    return rels


def load_polnear(shared: Path, limit: int | None = None) -> list[PolnearDoc]:
    base = shared / POLNEAR_DIR
    docs: list[PolnearDoc] = []
    for txt in sorted((base / "text").glob("*.txt")):
        anns = sorted((base / "attributions").glob(f"{txt.stem}_*.ann"))
        if not anns:
            continue
        parts = txt.stem.split("_")
        try:
            pub = date.fromisoformat(parts[1]) if len(parts) > 1 else None
        except ValueError:
            pub = None
        rels = parse_ann(anns[0].read_text(encoding="utf-8"))
        docs.append(PolnearDoc(txt.stem, txt.read_text(encoding="utf-8"), pub, tuple(rels)))
    return stable_slice(docs, lambda d: d.id, limit)


def _inside(pos: int, spans: tuple[tuple[int, int], ...] | None) -> bool:
    return spans is not None and any(a <= pos < b for a, b in spans)


def _length(spans: tuple[tuple[int, int], ...]) -> int:
    return sum(b - a for a, b in spans)


def score_doc(pd: PolnearDoc, doc: Doc) -> tuple[int, int, int]:
    """(right, predicted, gold) source counts over the verbs of one document."""
    from ..stages.attribution import find_attribution, quote_spans

    quotes = quote_spans(doc)
    right = predicted = gold = 0
    for tok in doc:
        if tok.pos_ != "VERB":
            continue
        pos = tok.idx
        if any(_inside(pos, r.cue) or _inside(pos, r.source) for r in pd.relations):
            continue
        containing = [r for r in pd.relations if _inside(pos, r.content)]
        inner = min(containing, key=lambda r: _length(r.content)) if containing else None
        if inner is not None and inner.source is None:
            continue
        gold_src = inner.source if inner is not None else None
        att = find_attribution(tok, quotes)
        src = att.source if att is not None else None
        if gold_src is not None:
            gold += 1
        if src is not None:
            predicted += 1
            if gold_src is not None and any(_inside(t.idx, gold_src) for t in src):
                right += 1
    return right, predicted, gold


def evaluate_polnear(shared: Path, limit: int | None = None) -> dict[str, float]:
    """Source precision, recall and F1 of the attribution stage on PolNeAR dev (see the module doc)."""
    from ..resources import default_resources

    docs = load_polnear(shared, limit)
    nlp = default_resources().nlp
    right = predicted = gold = 0
    for pd, doc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=8), strict=True):
        r, p, g = score_doc(pd, doc)
        right, predicted, gold = right + r, predicted + p, gold + g
    m = prf(right, predicted - right, gold - right)
    return {"source_precision": m.precision, "source_recall": m.recall, "source_f1": m.f1,
            "n_gold_sources": float(gold), "n_predicted": float(predicted), "n_docs": float(len(docs))}
