"""A Spark accumulator of counts by key ({"articles": n, "events": n, "type:ASSAULT": n, "skipped:R003": n}).

Spark adds an accumulator's updates from a transformation once per task attempt, so a retried task or a
DataFrame computed twice counts twice: the counts are a report, the problems DataFrame is the record."""

from __future__ import annotations

from collections import Counter
from typing import Any

from pyspark.accumulators import Accumulator, AccumulatorParam


class CountsParam(AccumulatorParam):  # type: ignore[type-arg]
    def zero(self, value: dict[str, int]) -> dict[str, int]:
        return {}

    def addInPlace(self, value1: dict[str, int], value2: dict[str, int]) -> dict[str, int]:
        for key, n in value2.items():
            value1[key] = value1.get(key, 0) + n
        return value1


def new_counter(spark: Any) -> Accumulator:  # type: ignore[type-arg]
    """An accumulator to pass as `counter=` to read_articles() and extract_dataframe()."""
    return spark.sparkContext.accumulator({}, CountsParam())


def by_prefix(counts: dict[str, int], prefix: str) -> Counter[str]:
    """The counts whose key starts with `prefix` ("skipped:" -> by problem code, "type:" -> by event
    type), keyed by the rest of the key."""
    return Counter({k.removeprefix(prefix): n for k, n in counts.items() if k.startswith(prefix)})
