"""Event writers (csv, jsonl, geojson, parquet) shared by the CLI and the API, and readers back.

    n = write_events(store.events(), "parquet", "events.parquet")
    for ev in read_events("events.parquet", "parquet"): ...

`out` is a path, a text stream or a binary stream. Every format streams: nothing holds all events in
memory (GeoJSON is written feature by feature; Parquet in row groups of `batch_size` events).
Parquet is binary and needs a file (a path, or a seekable binary file object): writing it to a text
stream or a pipe such as stdout raises ConfigError. Field order is record.FIELDS everywhere."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO, Any, BinaryIO, TextIO

from .errors import ConfigError
from .record import BOOL_FIELDS, FIELDS, FLOAT_FIELDS, INT_FIELDS, LIST_FIELDS, SCHEMA_VERSION, Event

FORMATS = ("csv", "jsonl", "geojson", "parquet")
EXTENSIONS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".geojson": "geojson",
              ".parquet": "parquet"}

Target = TextIO | BinaryIO | str | os.PathLike[str]
Source = TextIO | BinaryIO | str | os.PathLike[str]


def format_for_path(path: str | os.PathLike[str]) -> str | None:
    """The export format a file name implies (.csv, .jsonl/.ndjson, .geojson, .parquet), or None."""
    return EXTENSIONS.get(os.path.splitext(os.fspath(path))[1].lower())


def _check_format(fmt: str) -> str:
    f = fmt.lower()
    if f not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    return f


def _is_path(x: object) -> bool:
    return isinstance(x, (str, os.PathLike))


def _is_text(stream: IO[Any]) -> bool:
    if isinstance(stream, io.TextIOBase):
        return True
    if isinstance(stream, (io.RawIOBase, io.BufferedIOBase)):
        return False
    return "b" not in getattr(stream, "mode", "") and hasattr(stream, "encoding")


@contextmanager
def _text_out(out: Target, newline: str | None) -> Iterator[TextIO]:
    """A text stream to write to: a file we open (and close), the given text stream, or a UTF-8
    wrapper around the given binary stream (detached afterwards, so the caller's stream stays open)."""
    if _is_path(out):
        with open(out, "w", encoding="utf-8", newline=newline) as f:  # type: ignore[arg-type]
            yield f
        return
    stream: IO[Any] = out  # type: ignore[assignment]
    if _is_text(stream):
        yield stream  # type: ignore[misc]
        stream.flush()
        return
    wrapper = io.TextIOWrapper(stream, encoding="utf-8", newline=newline, write_through=True)
    try:
        yield wrapper
        wrapper.flush()
    finally:
        wrapper.detach()


# --- writers -------------------------------------------------------------------------------------

def _write_csv(events: Iterable[Event], f: TextIO) -> int:
    w = csv.DictWriter(f, fieldnames=list(FIELDS), extrasaction="raise")
    w.writeheader()
    n = 0
    for ev in events:
        w.writerow(ev.to_row())
        n += 1
    return n


def _write_jsonl(events: Iterable[Event], f: TextIO) -> int:
    n = 0
    for ev in events:
        f.write(json.dumps(ev.to_dict(), ensure_ascii=False))
        f.write("\n")
        n += 1
    return n


def feature(ev: Event) -> dict[str, Any]:
    """The GeoJSON Feature of an event: the record as properties, a Point [lon, lat] or null."""
    geometry = None
    if ev.latitude is not None and ev.longitude is not None:
        geometry = {"type": "Point", "coordinates": [ev.longitude, ev.latitude]}
    return {"type": "Feature", "id": ev.event_id, "geometry": geometry, "properties": ev.to_dict()}


def _write_geojson(events: Iterable[Event], f: TextIO) -> int:
    f.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for ev in events:
        f.write(",\n" if n else "\n")
        f.write(json.dumps(feature(ev), ensure_ascii=False))
        n += 1
    f.write("\n]}\n")
    return n


def parquet_schema() -> Any:
    """The explicit Arrow schema of an events Parquet file, in record.FIELDS order."""
    import pyarrow as pa

    def arrow_type(name: str) -> Any:
        if name in LIST_FIELDS:
            return pa.list_(pa.string())
        if name in BOOL_FIELDS:
            return pa.bool_()
        if name in INT_FIELDS:
            return pa.int64()
        if name in FLOAT_FIELDS:
            return pa.float64()
        return pa.string()

    return pa.schema([pa.field(name, arrow_type(name), nullable=True) for name in FIELDS],
                     metadata={"eventwire.schema_version": SCHEMA_VERSION})


def _parquet_target(out: Target) -> Any:
    if _is_path(out):
        return os.fspath(out)  # type: ignore[arg-type]
    stream: IO[Any] = out  # type: ignore[assignment]
    if _is_text(stream):
        raise ConfigError("Parquet is binary and can't be written to a text stream such as stdout: "
                          "give an output file, e.g. -o events.parquet")
    seekable = getattr(stream, "seekable", None)
    if not (callable(seekable) and seekable()):
        raise ConfigError("Parquet must be written to a file, not a pipe or terminal: "
                          "give an output file, e.g. -o events.parquet")
    return stream


def _write_parquet(events: Iterable[Event], out: Target, batch_size: int) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    target = _parquet_target(out)
    schema = parquet_schema()
    n = 0
    with pq.ParquetWriter(target, schema, compression="zstd") as writer:
        rows: list[dict[str, Any]] = []
        for ev in events:
            rows.append(ev.to_dict())
            if len(rows) >= batch_size:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema), row_group_size=batch_size)
                n += len(rows)
                rows = []
        if rows:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema), row_group_size=batch_size)
            n += len(rows)
    return n


def write_events(events: Iterable[Event], fmt: str, out: Target, batch_size: int = 10_000) -> int:
    """Write events as csv, jsonl, geojson or parquet to a path or stream; return how many."""
    f = _check_format(fmt)
    if f == "parquet":
        return _write_parquet(events, out, batch_size)
    with _text_out(out, newline="" if f == "csv" else None) as stream:
        if f == "csv":
            return _write_csv(events, stream)
        if f == "jsonl":
            return _write_jsonl(events, stream)
        return _write_geojson(events, stream)


# --- readers (round trips, re-imports) -----------------------------------------------------------

@contextmanager
def _text_in(src: Source, newline: str | None) -> Iterator[TextIO]:
    if _is_path(src):
        with open(src, encoding="utf-8", newline=newline) as f:  # type: ignore[arg-type]
            yield f
        return
    stream: IO[Any] = src  # type: ignore[assignment]
    if _is_text(stream):
        yield stream  # type: ignore[misc]
        return
    wrapper = io.TextIOWrapper(stream, encoding="utf-8", newline=newline)
    try:
        yield wrapper
    finally:
        wrapper.detach()


def read_events(src: Source, fmt: str) -> Iterator[Event]:
    """Events back from a file written by `write_events` (any of its formats)."""
    f = _check_format(fmt)
    if f == "parquet":
        import pyarrow.parquet as pq

        pf = pq.ParquetFile(os.fspath(src) if _is_path(src) else src)  # type: ignore[arg-type]
        for batch in pf.iter_batches():
            for d in batch.to_pylist():
                yield Event.from_dict(d)
        return
    with _text_in(src, newline="" if f == "csv" else None) as stream:
        if f == "csv":
            for row in csv.DictReader(stream):
                yield Event.from_row(row)
        elif f == "jsonl":
            for line in stream:
                if line.strip():
                    yield Event.from_dict(json.loads(line))
        else:
            for feat in json.load(stream)["features"]:
                yield Event.from_dict(feat["properties"])
