"""The fusion scorer's pair counting (evaluate/fusion.py), on hand-made clusters."""

from __future__ import annotations

from eventwire.article import Article
from eventwire.evaluate.fusion import score


def _pairs(spec: list[tuple[str, str]]) -> list[tuple[str, Article]]:
    return [(inc, Article(id=aid, text="x")) for inc, aid in spec]


def test_pairs_are_scored_against_incidents() -> None:
    pairs = _pairs([("i1", "a"), ("i1", "b"), ("i1", "c"), ("i2", "d")])
    # a and b fused (right), c alone (missed two pairs), d fused with c (wrong).
    m = score(pairs, {"a": "e1", "b": "e1", "c": "e3", "d": "e3"})
    assert m["gold_pairs"] == 3 and m["fused_pairs"] == 2
    assert m["pair_precision"] == 0.5 and m["pair_recall"] == 1 / 3


def test_articles_without_events_are_never_fused() -> None:
    pairs = _pairs([("i1", "a"), ("i1", "b")])
    m = score(pairs, {"a": None, "b": None})
    assert m["fused_pairs"] == 0 and m["pair_recall"] == 0 and m["pair_precision"] == 1.0
