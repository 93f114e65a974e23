"""Helpers for reader tests: split what `read` yields into articles and problems."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pytest

from eventwire.article import Article, ReadProblem
from eventwire.readers import read

Split = tuple[list[Article], list[ReadProblem]]


def split(items: Iterable[Article | ReadProblem]) -> Split:
    articles: list[Article] = []
    problems: list[ReadProblem] = []
    for item in items:
        (problems if isinstance(item, ReadProblem) else articles).append(item)
    return articles, problems


@pytest.fixture
def read_all() -> Callable[..., Split]:
    """read_all(path_or_paths, **kwargs) -> (articles, problems)"""

    def run(paths: Any, **kwargs: Any) -> Split:
        if not isinstance(paths, (list, tuple)):
            paths = [paths]
        return split(read([str(p) for p in paths], **kwargs))

    return run
