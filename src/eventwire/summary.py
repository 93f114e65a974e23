"""RunSummary: what a run read, skipped (and why) and coded; shared by the CLI and the Python API."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .article import ReadProblem
from .pipeline import ArticleResult

EXIT_OK = 0
EXIT_NOTHING_READ = 1
EXIT_SOME_SKIPPED = 3


@dataclass
class RunSummary:
    articles: int = 0
    events: int = 0
    places: int = 0
    skipped: Counter[str] = field(default_factory=Counter)  # problem code -> count
    problems: list[ReadProblem] = field(default_factory=list)
    event_types: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.perf_counter)
    extra: dict[str, int] = field(default_factory=dict)

    def track(self, results: Iterable[ArticleResult | ReadProblem],
              on_problem: Callable[[ReadProblem], None] | None = None,
              on_article: Callable[[RunSummary], None] | None = None) -> Iterator[ArticleResult]:
        """Pass ArticleResults through, counting them; report and count ReadProblems."""
        for r in results:
            if isinstance(r, ReadProblem):
                self.skipped[r.code] += 1
                if len(self.problems) < 1000:
                    self.problems.append(r)
                if on_problem:
                    on_problem(r)
                continue
            self.articles += 1
            self.events += len(r.events)
            self.places += len(r.places)
            self.event_types.update(e.event_type for e in r.events)
            yield r
            if on_article:
                on_article(self)

    @property
    def n_skipped(self) -> int:
        return sum(self.skipped.values())

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    def exit_code(self) -> int:
        if self.articles == 0 and self.n_skipped:
            return EXIT_NOTHING_READ
        return EXIT_SOME_SKIPPED if self.n_skipped else EXIT_OK

    def lines(self) -> list[str]:
        secs = self.seconds
        rate = self.articles / secs if secs > 0 else 0.0
        out = [f"articles coded: {self.articles}  events: {self.events}  place mentions: {self.places}  "
               f"({secs:.1f} s, {rate:.1f} articles/s)"]
        for k, v in self.extra.items():
            out.append(f"{k}: {v}")
        if self.event_types:
            out.append("events by type: " + ", ".join(f"{t} {n}" for t, n in self.event_types.most_common()))
        if self.skipped:
            from .errors import READ_CODES

            out.append(f"skipped: {self.n_skipped} (" + ", ".join(
                f"{READ_CODES.get(c, c)} [{c}] {n}" for c, n in sorted(self.skipped.items())) + ")")
        return out
