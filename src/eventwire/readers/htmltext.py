"""An HTML fragment (a feed item's content) as plain text: one line per block, white space collapsed."""

from __future__ import annotations

import html

from lxml import etree
from lxml import html as lxml_html

_BLOCKS = {
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p", "pre", "section", "table", "td",
    "th", "tr", "ul",
}
_DROP = ("script", "style", "noscript", "template")
_MARK = "\ue000"  # block boundary; the source's own line breaks are just white space in HTML


def html_to_text(fragment: str) -> str:
    """The text of `fragment`, one line per block element, white space inside a line collapsed."""
    if not fragment.strip():
        return ""
    if "<" not in fragment:  # no markup: keep its line breaks, resolve entities
        return _normalise(html.unescape(fragment), "\n")
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _normalise(fragment, "\n")
    for element in list(root.iter(*_DROP)):
        element.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):  # comments, processing instructions
            continue
        if element.tag == "br":
            element.tail = _MARK + (element.tail or "")
        elif element.tag in _BLOCKS:
            element.text = _MARK + (element.text or "")
            element.tail = _MARK + (element.tail or "")
    return _normalise(root.text_content(), _MARK)


def _normalise(text: str, separator: str) -> str:
    lines = (" ".join(line.split()) for line in text.split(separator))
    return "\n".join(line for line in lines if line)
