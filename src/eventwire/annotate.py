"""Annotate: what eventwire adds to the spaCy pipeline before the parser.

`paragraph_breaks` starts a sentence after every line break, so that headlines, photo captions and
subheadings without a full stop ("How the US reacted") do not run into the next sentence, and after a
dateline ("KYIV - ", "LAGOS, Nigeria — "), so that the dateline is not read as part of the first
sentence's subject."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

DASHES = {"-", "--", "—", "–", "―"}


def _dateline_end(doc: Doc) -> int | None:
    """Index of the dash that closes a dateline at the start of a paragraph's first line, if any."""
    for tok in doc[:10]:
        if tok.text in DASHES:
            words = [t for t in doc[: tok.i] if not t.is_space and not t.is_punct]
            if words and words[0].is_upper and all(t.is_title or t.is_upper for t in words):
                return tok.i
            return None
        if "\n" in tok.text:
            return None
    return None


@Language.component("eventwire_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    dash = _dateline_end(doc)
    if dash is not None and dash + 1 < len(doc):
        doc[dash + 1].is_sent_start = True
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text_with_ws and not tok.is_space:
            tok.is_sent_start = True
    return doc


def add_paragraph_breaks(nlp: Language) -> None:
    if "eventwire_paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("eventwire_paragraph_breaks", before="parser")


_ENTS: tuple[Doc, tuple[Span, ...]] | None = None  # (doc, its entities) of the last doc asked about


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """The Doc's entities, built once per doc: spaCy's `Doc.ents` makes a new Span for every entity on each
    access, which is costly in loops over mentions. Kept for the last doc asked about only (stages read one
    article at a time): in doc.user_data the Spans, which point back at their doc, would make a reference
    cycle that keeps parsed docs in memory until the garbage collector runs."""
    global _ENTS
    got = _ENTS
    if got is not None and got[0] is doc:
        return got[1]
    ents = tuple(doc.ents)
    _ENTS = (doc, ents)
    return ents


def doc_text(doc: Doc) -> str:
    """The Doc's text, computed once: spaCy's `Doc.text` joins every token on each access, which is costly
    in loops over events or mentions."""
    text = doc.user_data.get("eventwire_text")
    if text is None:
        text = doc.user_data["eventwire_text"] = doc.text
    return text


CASED_SHARE = 0.03  # news in normal case capitalises names: well over 3% of the words inside sentences
LOWER_SHARE = 0.2  # ... and writes most words in lower case (a transcript in capitals may sit inside)


CASE_SAMPLE = 600  # tokens read to decide (the text's opening is enough to tell its case)


def is_cased(doc: Doc) -> bool:
    """Whether the text is written in normal case: enough words inside sentences start with a capital ("I"
    aside) and enough are in lower case. Text in one case (lower-cased, sentence-cased or all capitals:
    transcripts, old wire copy) gives no case cue, and the stages that read names from capitals do without it.
    Decided once per doc (kept in doc.user_data)."""
    known = doc.user_data.get("eventwire.cased")
    if known is not None:
        return bool(known)
    words = lower = inner = capital = 0
    for t in doc[:CASE_SAMPLE]:
        if not t.is_alpha or t.text == "I":
            continue
        words += 1
        lower += t.is_lower
        if not t.is_sent_start:
            inner += 1
            capital += t.text[:1].isupper()
    cased = bool(words) and lower >= LOWER_SHARE * words and capital >= CASED_SHARE * max(1, inner)
    doc.user_data["eventwire.cased"] = cased
    return cased
