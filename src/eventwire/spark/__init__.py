"""eventwire on Apache Spark: code article archives too large for one machine (needs `eventwire[spark]`).

    from eventwire.spark import extract_dataframe, extract_files, read_articles
    articles = read_articles(spark, ["hdfs:///news/2024/"])   # id, text, published, title, url, ...
    events = extract_dataframe(articles)                       # one row per event; event_schema()
    summary = extract_files(spark, ["news/"], "events.parquet", format="parquet")

Each Python worker loads the Pipeline once and codes its partitions through Pipeline.run (spaCy's
nlp.pipe in batches); rows are exactly those `eventwire extract` gives for the same articles. Bad input
is skipped, never fatal: read_problems() / problems_dataframe() list it, a counter
(counting.new_counter) counts it. See docs/spark.md."""

from __future__ import annotations

from ..errors import ConfigError

try:
    import pyspark  # noqa: F401
except ImportError as err:  # pragma: no cover - depends on the installation
    raise ConfigError("eventwire.spark needs pyspark (and Java 17+): pip install 'eventwire[spark]'") from err

from .api import extract_dataframe, extract_files, problems_dataframe, read_articles, read_problems
from .counting import new_counter
from .schema import event_schema
from .session import get_session

__all__ = ["event_schema", "extract_dataframe", "extract_files", "get_session", "new_counter", "problems_dataframe",
           "read_articles", "read_problems"]
