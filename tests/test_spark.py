"""eventwire.spark: the Spark DataFrame API gives the rows `eventwire extract` gives.

Needs pyspark and Java; skips with the reason when either is missing, and fails instead when
EVENTWIRE_REQUIRE_SPARK=1 (how CI asks for these tests). One local[1] SparkSession serves every test:
starting the JVM is the slow part."""

from __future__ import annotations

import csv
import dataclasses
import json
import sys
from pathlib import Path

import pytest

from eventwire import Article, extract
from eventwire.errors import ConfigError
from eventwire.record import FIELDS, Event
from needs import need_spark

need_spark()

from eventwire.spark import (  # noqa: E402
    event_schema,
    extract_dataframe,
    extract_files,
    get_session,
    new_counter,
    problems_dataframe,
    read_articles,
    read_problems,
)
from eventwire.spark.schema import dataclass_schema  # noqa: E402

# Hand-written articles (not gold data); each should yield at least one event.
ARTICLES = [
    {"id": "sp-1", "published": "2024-06-26", "source": "Test Wire", "url": "https://example.org/sp-1",
     "title": "Protest in Nairobi",
     "text": "Protesters marched in Nairobi on Tuesday against new taxes, police said. Police fired tear gas "
             "at the crowd and two people were killed."},
    {"date": "2024-03-03",  # no id: the text's hash, as the readers give it
     "text": "Russian forces shelled the city of Kharkiv on Sunday, killing three civilians, the regional "
             "governor said."},
    {"id": "sp-3",  # no date: events get no date, and date_raw says why
     "text": "The foreign ministers of Egypt and Jordan met in Cairo to discuss aid to Gaza."},
    {"id": "sp-4", "published": "2024-02-26", "source": "CSV Wire",  # read from CSV; the text spans lines
     "text": "Hundreds of farmers protested outside parliament in Brussels on Monday,\n"
             "demanding lower fuel prices, police said."},
]
BAD_LINES = [
    json.dumps({"id": "sp-bad-date", "published": "2024-02-30", "text": "Ministers met in Paris."}),
    json.dumps({"id": "sp-empty", "text": "   "}),
    "this line is not JSON",
]


@pytest.fixture(scope="session")
def spark():
    session = get_session("local[1]", "eventwire-tests", conf={
        "spark.ui.enabled": "false", "spark.sql.shuffle.partitions": "2", "spark.pyspark.python": sys.executable})
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def archive(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("spark-archive")
    lines = [json.dumps(a) for a in ARTICLES[:2]] + BAD_LINES
    (folder / "part1.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "part2.jsonl").write_text(json.dumps(ARTICLES[2]) + "\n", encoding="utf-8")
    with open(folder / "part3.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, ["id", "published", "source", "text"])
        writer.writeheader()
        writer.writerow(ARTICLES[3])
    (folder / "README.md").write_text("not an article file\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def expected(archive, pipeline) -> list[dict]:
    """What `eventwire extract` (the same API the CLI calls) gives for the archive."""
    events = sorted((ev.to_dict() for ev in extract([archive], pipeline=pipeline)), key=lambda d: d["event_id"])
    assert len({d["article_id"] for d in events}) == len(ARTICLES), "every test article should give events"
    return events


def _rows(df) -> list[dict]:
    return sorted((r.asDict(recursive=True) for r in df.collect()), key=lambda d: d["event_id"])


def test_schema_follows_the_event_dataclass():
    schema = event_schema()
    assert tuple(schema.fieldNames()) == FIELDS
    kinds = {f.name: f.dataType.simpleString() for f in schema.fields}
    assert kinds["event_contexts"] == "array<string>"
    assert kinds["quad_class"] == kinds["fatalities"] == kinds["geonames_id"] == "bigint"
    assert kinds["latitude"] == kinds["confidence"] == "double"
    assert kinds["negated"] == "boolean"
    assert kinds["event_type"] == kinds["event_date"] == "string"


def test_schema_picks_up_a_new_field():
    @dataclasses.dataclass
    class Wider(Event):
        tags: list[str] = dataclasses.field(default_factory=list)
        score: float | None = None
        count: int = 0
        flag: bool = False

    kinds = {f.name: f.dataType.simpleString() for f in dataclass_schema(Wider).fields}
    assert list(kinds)[-4:] == ["tags", "score", "count", "flag"]
    assert [kinds[k] for k in ("tags", "score", "count", "flag")] == ["array<string>", "double", "bigint",
                                                                      "boolean"]


def test_read_articles_matches_the_readers(spark, archive):
    rows = {r["origin"].rsplit("/", 1)[-1]: r.asDict() for r in read_articles(spark, [str(archive)]).collect()}
    assert sorted(rows) == ["part1.jsonl:1", "part1.jsonl:2", "part2.jsonl:1", "part3.csv:2"]
    assert rows["part1.jsonl:1"]["id"] == "sp-1"
    assert rows["part1.jsonl:1"]["source"] == "Test Wire"
    assert rows["part1.jsonl:2"]["id"] == Article.text_id(ARTICLES[1]["text"])
    assert rows["part1.jsonl:2"]["published"] == "2024-03-03"
    assert rows["part2.jsonl:1"]["published"] is None
    assert rows["part3.csv:2"]["text"] == ARTICLES[3]["text"]


def test_read_problems_reports_bad_lines(spark, archive):
    problems = {(r["origin"].rsplit("/", 1)[-1], r["code"]) for r in read_problems(spark, [str(archive)]).collect()}
    assert problems == {("part1.jsonl:3", "R005"), ("part1.jsonl:4", "R003"), ("part1.jsonl:5", "R002")}


def test_extract_dataframe_rows_equal_eventwire_extract(spark, archive, expected):
    events = extract_dataframe(read_articles(spark, [str(archive)]))
    assert events.schema == event_schema()
    assert _rows(events) == expected


def test_dataframe_with_own_columns_skips_and_counts_bad_rows(spark, expected):
    rows = [(a.get("id"), a["text"], a.get("published") or a.get("date"), a.get("title"), a.get("url"),
             a.get("source")) for a in ARTICLES]
    rows += [("bad-date", "Ministers met in Paris.", "2024-02-30", None, None, None),
             ("no-text", "  ", "2024-01-01", None, None, None)]
    df = spark.createDataFrame(rows, "doc_id string, body string, day string, headline string, link string, "
                                     "outlet string")
    cols = {"id_col": "doc_id", "text_col": "body", "date_col": "day"}
    counter = new_counter(spark)
    events = extract_dataframe(df, title_col="headline", url_col="link", source_col="outlet", counter=counter,
                               **cols)
    assert _rows(events) == expected
    assert counter.value["skipped:R005"] == 1 and counter.value["skipped:R003"] == 1
    assert counter.value["articles"] == len(ARTICLES)
    problems = {(r["origin"], r["code"]) for r in problems_dataframe(df, **cols).collect()}
    assert problems == {("row id=bad-date", "R005"), ("row id=no-text", "R003")}


def test_extract_files_writes_parquet_and_reports_problems(spark, archive, expected, tmp_path):
    out = tmp_path / "events.parquet"
    summary = extract_files(spark, [str(archive)], str(out), format="parquet", partitions=2)
    written = spark.read.parquet(str(out))
    assert _rows(written) == expected
    assert (summary.articles, summary.events) == (len(ARTICLES), len(expected))
    assert dict(summary.skipped) == {"R002": 1, "R003": 1, "R005": 1}
    assert sorted(p.origin.rsplit("/", 1)[-1] for p in summary.problems) == ["part1.jsonl:3", "part1.jsonl:4",
                                                                             "part1.jsonl:5"]
    assert sum(n for _, n in summary.event_types.items()) == len(expected)
    # get_session's worker daemon (eventwire.spark.daemon) loaded the pipeline before forking the
    # workers: no worker had to load it, let alone once per partition or per article
    assert summary.extra["pipeline loads"] == 0
    with pytest.raises(ConfigError, match="exists"):  # nothing already stored is lost
        extract_files(spark, [str(archive)], str(out))


def test_extract_files_jsonl_keeps_nulls(spark, archive, expected, tmp_path):
    out = tmp_path / "events-jsonl"
    summary = extract_files(spark, [str(archive / "sub"), str(archive / "missing.jsonl")], str(out), format="jsonl")
    assert dict(summary.skipped) == {"R001": 1}  # the missing file is reported, the rest is coded
    lines = [json.loads(line) for part in sorted(out.glob("part-*")) for line in part.read_text().splitlines()]
    assert lines and all(set(d) == set(FIELDS) for d in lines)
    assert sorted(lines, key=lambda d: d["event_id"]) == [e for e in expected if e["article_id"] == "sp-3"]
