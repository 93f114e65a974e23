"""Annotate: what eventwire adds to the spaCy pipeline before the parser.

`paragraph_breaks` starts a sentence after every line break, so that headlines, photo captions and
subheadings without a full stop ("How the US reacted") do not run into the next sentence."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("eventwire_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text_with_ws and not tok.is_space:
            tok.is_sent_start = True
    return doc


def add_paragraph_breaks(nlp: Language) -> None:
    if "eventwire_paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("eventwire_paragraph_breaks", before="parser")


def doc_text(doc: Doc) -> str:
    """The Doc's text, computed once: spaCy's `Doc.text` joins every token on each access, which is costly
    in loops over events or mentions."""
    text = doc.user_data.get("eventwire_text")
    if text is None:
        text = doc.user_data["eventwire_text"] = doc.text
    return text
