"""Export writers and readers: round trips (property tests), streams, Parquet schema and errors."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings

from eventwire.errors import ConfigError
from eventwire.export import FORMATS, feature, format_for_path, parquet_schema, read_events, write_events
from eventwire.record import FIELDS, Event
from store.strategies import event, event_lists

PROPS = settings(max_examples=60, deadline=None)


def _via_bytes(evs: list[Event], fmt: str) -> list[Event]:
    buf = io.BytesIO()
    assert write_events(evs, fmt, buf) == len(evs)
    buf.seek(0)
    return list(read_events(buf, fmt))


@PROPS
@given(evs=event_lists())
def test_jsonl_round_trip(evs: list[Event]) -> None:
    assert _via_bytes(evs, "jsonl") == evs


@PROPS
@given(evs=event_lists(csv_safe=True))
def test_csv_round_trip(evs: list[Event]) -> None:
    assert _via_bytes(evs, "csv") == evs


@PROPS
@given(evs=event_lists())
def test_parquet_round_trip(evs: list[Event]) -> None:
    back = _via_bytes(evs, "parquet")
    assert back == evs
    for a, b in zip(evs, back, strict=True):
        assert [type(v) for v in a.to_dict().values()] == [type(v) for v in b.to_dict().values()]


@PROPS
@given(evs=event_lists())
def test_geojson_round_trip(evs: list[Event]) -> None:
    buf = io.StringIO()
    write_events(evs, "geojson", buf)
    doc = json.loads(buf.getvalue())
    assert doc["type"] == "FeatureCollection"
    assert [f["properties"] for f in doc["features"]] == [e.to_dict() for e in evs]
    for f, e in zip(doc["features"], evs, strict=True):
        if e.latitude is None or e.longitude is None:
            assert f["geometry"] is None
        else:
            assert f["geometry"] == {"type": "Point", "coordinates": [e.longitude, e.latitude]}
    buf.seek(0)
    assert list(read_events(buf, "geojson")) == evs


def test_csv_form_of_the_contract() -> None:
    ev = event("a", 0, event_contexts=["military", "terrorism"], negated=True, fatalities=None, injured=3,
               event_mode="", latitude=36.5)
    buf = io.StringIO()
    write_events([ev], "csv", buf)
    rows = list(csv.reader(io.StringIO(buf.getvalue())))
    assert tuple(rows[0]) == FIELDS
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["event_contexts"] == "military; terrorism"
    assert (row["negated"], row["fatalities"], row["injured"], row["latitude"]) == ("true", "", "3", "36.5")
    # The CSV form writes null and "" alike (an empty cell): a nullable "" comes back as None.
    assert next(read_events(io.StringIO(buf.getvalue()), "csv")).event_mode is None


def test_csv_cells_with_newlines_and_quotes(tmp_path: Path) -> None:
    ev = event("a", 0, evidence_text='He said "no",\r\nthen left.\rEnd\n', actor1_text="a;b; c")
    path = tmp_path / "e.csv"
    write_events([ev], "csv", path)
    assert list(read_events(path, "csv")) == [ev]


@pytest.mark.parametrize("fmt", FORMATS)
def test_paths_and_empty_exports(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"none.{fmt}"
    assert write_events(iter([]), fmt, path) == 0
    assert list(read_events(path, fmt)) == []
    one = [event("a", 0, event_contexts=["x"], latitude=1.5, longitude=2.5)]
    assert write_events(one, fmt, str(path)) == 1
    assert list(read_events(str(path), fmt)) == one


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "geojson"])
def test_text_formats_to_text_and_binary_streams(fmt: str) -> None:
    evs = [event("a", 0, actor1_text="Élysée — «Paris»"), event("a", 1)]
    text = io.StringIO()
    write_events(evs, fmt, text)
    binary = io.BytesIO()
    write_events(evs, fmt, binary)
    assert not binary.closed  # the caller's stream stays open
    assert binary.getvalue().decode("utf-8") == text.getvalue()
    if fmt != "csv":
        assert "Élysée — «Paris»" in text.getvalue()  # ensure_ascii=False


def test_geojson_is_valid_json_on_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    write_events([event("a", 0, latitude=36.19, longitude=44.01), event("a", 1, latitude=36.19)],
                 "geojson", sys.stdout)
    doc = json.loads(capsys.readouterr().out)
    assert [f["geometry"] for f in doc["features"]] == [{"type": "Point", "coordinates": [44.01, 36.19]}, None]
    assert [f["id"] for f in doc["features"]] == ["a-e0", "a-e1"]


def test_parquet_refuses_text_streams_and_pipes() -> None:
    with pytest.raises(ConfigError, match="-o events.parquet"):
        write_events([event("a", 0)], "parquet", io.StringIO())
    r, w = os.pipe()
    try:
        with os.fdopen(w, "wb") as pipe, pytest.raises(ConfigError, match="not a pipe"):
            write_events([event("a", 0)], "parquet", pipe)
    finally:
        os.close(r)


def test_parquet_schema_is_explicit(tmp_path: Path) -> None:
    path = tmp_path / "e.parquet"
    write_events([event("a", 0)], "parquet", path)
    schema = pq.read_schema(path)
    assert schema.names == list(FIELDS)
    assert schema.field("event_contexts").type == pa.list_(pa.string())
    assert schema.field("fatalities").type == pa.int64()
    assert schema.field("latitude").type == pa.float64()
    assert schema.field("negated").type == pa.bool_()
    assert schema.field("event_date").type == pa.string()
    assert schema.metadata[b"eventwire.schema_version"] == b"1"
    assert schema.equals(parquet_schema(), check_metadata=False)


def test_parquet_is_written_in_row_groups_as_events_arrive(tmp_path: Path) -> None:
    path = tmp_path / "big.parquet"
    sizes: list[int] = []

    def stream() -> Iterator[Event]:
        for i in range(25):
            if i % 10 == 0:  # the file grows by a row group per 10 events, before the stream ends
                sizes.append(path.stat().st_size if path.exists() else -1)
            yield event("a", i, evidence_text="x" * 500)

    assert write_events(stream(), "parquet", path, batch_size=10) == 25
    assert sizes[0] < sizes[1] < sizes[2]
    meta = pq.ParquetFile(path).metadata
    assert (meta.num_row_groups, meta.num_rows) == (3, 25)
    assert [e.event_id for e in read_events(path, "parquet")] == [f"a-e{i}" for i in range(25)]


def test_unknown_format() -> None:
    with pytest.raises(ConfigError, match="unknown export format 'xml'"):
        write_events([], "xml", io.StringIO())
    with pytest.raises(ConfigError):
        list(read_events(io.StringIO(), "xml"))


@pytest.mark.parametrize(("name", "fmt"), [("a.csv", "csv"), ("a.JSONL", "jsonl"), ("a.ndjson", "jsonl"),
                                           ("x/a.geojson", "geojson"), ("a.parquet", "parquet"),
                                           ("a.txt", None)])
def test_format_for_path(name: str, fmt: str | None) -> None:
    assert format_for_path(name) == fmt


def test_feature_needs_both_coordinates() -> None:
    assert feature(event("a", 0, longitude=1.0))["geometry"] is None
    assert feature(event("a", 0, latitude=0.0, longitude=0.0))["geometry"]["coordinates"] == [0.0, 0.0]
