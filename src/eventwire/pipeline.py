"""The Pipeline: read -> annotate (spaCy, in batches) -> stages in order -> records.

No field logic lives here: each stage (stages/*.py) declares the fields it `assigns` and the fields it
`requires`; the order is checked when the pipeline is built, and after each stage that it assigned only
its own fields."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from .article import Article, ReadProblem
from .context import ArticleContext
from .record import Event, PlaceMention
from .resources import Resources, default_resources


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, ctx: ArticleContext) -> None: ...


@dataclass
class ArticleResult:
    article: Article
    events: list[Event] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)


STAGE_ORDER = ("events", "places", "actors", "dates", "attribution", "casualties")


def default_stages(res: Resources) -> list[Stage]:
    from .stages.actors import ActorsStage
    from .stages.attribution import AttributionStage
    from .stages.casualties import CasualtiesStage
    from .stages.dates import DatesStage
    from .stages.events import EventsStage
    from .stages.places import PlacesStage

    # places before actors: an actor named after a place ("Toledo police") takes the country of the place as
    # the places stage resolved it in the article's context
    return [EventsStage(res), PlacesStage(res), ActorsStage(res), DatesStage(res), AttributionStage(res),
            CasualtiesStage(res)]


def check_order(stages: list[Stage]) -> None:
    """Every field a stage requires must be assigned by an earlier stage (spaCy's pipe_analysis)."""
    seen: set[str] = set()
    for st in stages:
        missing = [r for r in st.requires if r not in seen]
        if missing:
            raise ValueError(f"stage {st.name!r} requires {missing}, which no earlier stage assigns")
        seen.update(st.assigns)


class Pipeline:
    """Codes articles into events. Load once, then stream: `for result in pipeline.run(articles)`."""

    def __init__(self, resources: Resources | None = None, stages: list[Stage] | None = None,
                 batch_size: int = 16, n_process: int = 1, strict: bool = True):
        self.resources = resources or default_resources()
        self.stages = stages if stages is not None else default_stages(self.resources)
        check_order(self.stages)
        self.batch_size = batch_size
        self.n_process = n_process
        self.strict = strict
        # Seconds spent in this process per step ("parse", each stage's name, "records"), for `eventwire
        # bench`; worker processes (n_process > 1) keep their own.
        self.seconds: dict[str, float] = defaultdict(float)

    def stage_fields(self) -> dict[str, tuple[str, ...]]:
        """Which stage decides which field: {stage name: fields}."""
        return {st.name: st.assigns for st in self.stages}

    def run(self, items: Iterable[Article | ReadProblem]) -> Iterator[ArticleResult | ReadProblem]:
        """Yield one ArticleResult per article, in input order; ReadProblems pass through unchanged.

        With n_process > 1, whole batches (parse and every stage) go to worker processes, each holding its
        own copy of the resources, so the stages run in parallel as well as the parse."""
        batches = _batches(items, self.batch_size)
        if self.n_process <= 1:
            for batch in batches:
                yield from self._run_batch(batch)
            return
        import multiprocessing as mp
        from collections import deque

        global _worker_pipeline
        method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
        if method == "fork":
            # load once here; forked workers inherit the loaded resources copy-on-write
            _ = self.resources.nlp, self.resources.gazetteer, self.resources.actors, self.resources.confidence
            _worker_pipeline = self
        window = 2 * self.n_process  # batches in flight: bounded, so the input is still streamed
        with mp.get_context(method).Pool(self.n_process) as pool:
            pending: deque = deque()
            for batch in batches:
                pending.append(pool.apply_async(_run_in_worker, (batch,)))
                if len(pending) >= window:
                    yield from pending.popleft().get()
            while pending:
                yield from pending.popleft().get()

    def _run_batch(self, batch: list[Article | ReadProblem]) -> Iterator[ArticleResult | ReadProblem]:
        from .stages.records import build_records

        articles = [a for a in batch if isinstance(a, Article)]
        docs = iter(self.resources.nlp.pipe((a.text for a in articles), batch_size=self.batch_size))
        clock = self.seconds
        for item in batch:
            if isinstance(item, ReadProblem):
                yield item
                continue
            t = time.perf_counter()
            ctx = ArticleContext(article=item, doc=next(docs))
            now = time.perf_counter()
            clock["parse"] += now - t  # nlp.pipe parses a whole batch at the first next(): sums are right
            t = now
            for st in self.stages:
                before = [set(ev.values) for ev in ctx.events]
                n_before = len(ctx.events)
                st(ctx)
                if self.strict:
                    self._check_assigns(st, ctx, before, n_before)
                now = time.perf_counter()
                clock[st.name] += now - t
                t = now
            result = ArticleResult(article=item, events=build_records(ctx, self.resources.confidence),
                                   places=list(ctx.places))
            clock["records"] += time.perf_counter() - t
            yield result

    @staticmethod
    def _check_assigns(st: Stage, ctx: ArticleContext, before: list[set[str]], n_before: int) -> None:
        allowed = set(st.assigns)
        for i, ev in enumerate(ctx.events):
            old = before[i] if i < n_before else set()
            extra = set(ev.values) - old - allowed
            if extra:
                raise RuntimeError(f"stage {st.name!r} set {sorted(extra)}, which it does not declare")


def _batches(items: Iterable[Article | ReadProblem], size: int) -> Iterator[list[Article | ReadProblem]]:
    batch: list[Article | ReadProblem] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


_worker_pipeline: Pipeline | None = None


def _run_in_worker(batch: list[Article | ReadProblem]) -> list[ArticleResult | ReadProblem]:
    global _worker_pipeline
    if _worker_pipeline is None:  # spawn start method: build the pipeline once in this worker
        _worker_pipeline = Pipeline()
    return list(_worker_pipeline._run_batch(batch))
