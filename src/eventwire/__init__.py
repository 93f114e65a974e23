"""eventwire: news articles in, geolocated, source-attributed PLOVER event records out.

Public API (the CLI is a thin layer over it):

    extract(inputs, date=None)   -> iterator of Event
    geoparse(inputs, date=None)  -> iterator of PlaceMention
    code(inputs, date=None)      -> iterator of ArticleResult | ReadProblem (events and places per article)
    open_store(url=None)         -> Store (SQLite by default, PostgreSQL by URL)

`inputs` is a path, a list of paths (files or folders; "-" for stdin), an Article, a list of Articles,
or a raw text string wrapped with `Article`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date as _date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .article import Article, ReadProblem
from .record import Event, PlaceMention

if TYPE_CHECKING:
    from .pipeline import ArticleResult, Pipeline
    from .store.store import Store

__version__ = "0.1.0"
CODER = f"eventwire/{__version__}"

__all__ = ["Article", "Event", "PlaceMention", "ReadProblem", "__version__", "code", "extract", "geoparse",
           "open_store"]

_pipeline: Pipeline | None = None


def _get_pipeline() -> Pipeline:
    global _pipeline
    if _pipeline is None:
        from .pipeline import Pipeline

        _pipeline = Pipeline()
    return _pipeline


def _articles(inputs: Any, date: _date | None) -> Iterator[Article | ReadProblem]:
    from .readers import read

    if isinstance(inputs, Article):
        yield inputs
        return
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    paths: list[str] = []
    for item in inputs:
        if isinstance(item, (Article, ReadProblem)):
            yield item
        else:
            paths.append(str(item))
    if paths:
        yield from read(paths, date=date)


def code(inputs: Any, date: _date | None = None, pipeline: Pipeline | None = None
         ) -> Iterator[ArticleResult | ReadProblem]:
    """Code articles; yields one ArticleResult (events + place mentions) per article, ReadProblems as met."""
    pipe = pipeline or _get_pipeline()
    yield from pipe.run(_articles(inputs, date))


def extract(inputs: Any, date: _date | None = None, pipeline: Pipeline | None = None) -> Iterator[Event]:
    """Events coded from the inputs (unreadable input is skipped; use `code` to see why)."""
    for res in code(inputs, date, pipeline):
        if not isinstance(res, ReadProblem):
            yield from res.events


def geoparse(inputs: Any, date: _date | None = None, pipeline: Pipeline | None = None
             ) -> Iterator[PlaceMention]:
    """Every place mention in the inputs, resolved."""
    for res in code(inputs, date, pipeline):
        if not isinstance(res, ReadProblem):
            yield from res.places


def open_store(url: str | None = None) -> Store:
    """Open (and migrate) the event store: `sqlite:///eventwire.db` by default, or $EVENTWIRE_DB."""
    from .store.store import Store

    return Store.open(url)


