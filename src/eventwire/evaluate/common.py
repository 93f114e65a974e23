"""Helpers every dataset scorer uses: a stable slice order and running articles through the public API."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, TypeVar

from ..article import Article
from ..record import Event

if TYPE_CHECKING:
    from ..pipeline import Pipeline

T = TypeVar("T")


def stable_key(item_id: str) -> str:
    """A sort key that mixes the gold files' order (often grouped by class) but never changes: the
    sha256 of the item id."""
    return hashlib.sha256(item_id.encode("utf-8")).hexdigest()


def stable_slice(items: Sequence[T], key: Callable[[T], str], limit: int | None) -> list[T]:
    """The first `limit` items in stable order (sha256 of `key(item)`, then position); all when None."""
    order = sorted(range(len(items)), key=lambda i: (stable_key(key(items[i])), i))
    chosen = order if limit is None else order[:limit]
    return [items[i] for i in chosen]


def events_by_article(articles: Iterable[Article], pipeline: Pipeline | None = None
                      ) -> dict[str, list[Event]]:
    """Code articles with `eventwire.extract` (the public API, the same path as the CLI); events grouped
    by article id, in the order extract yields them. An article with no event maps to []."""
    import eventwire

    arts = list(articles)
    out: dict[str, list[Event]] = defaultdict(list)
    for a in arts:
        out[a.id] = []
    for ev in eventwire.extract(arts, pipeline=pipeline):
        out[ev.article_id].append(ev)
    return dict(out)


_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def norm_label(label: str | None) -> str | None:
    """Case- and punctuation-blind form of a label ("Air/drone strike" == "air drone strike")."""
    if label is None:
        return None
    out = _NON_ALNUM.sub(" ", label.lower()).strip()
    return out or None
