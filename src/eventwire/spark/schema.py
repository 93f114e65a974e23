"""Spark schemas read off the record dataclasses, so a field added to `Event` appears in Spark output
without a change here: list fields are array<string>, int long, float double, bool boolean, the rest
string. Every column is nullable (a value a stage leaves unset must never fail a whole job)."""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

from pyspark.sql.types import (
    ArrayType,
    BooleanType,
    DataType,
    DoubleType,
    LongType,
    StringType,
    StructField,
    StructType,
)

from ..record import Event

# Columns of read_articles(): the article fields of the contract, where each article was read, and
# why its date is missing (the dates stage quotes that note in date_raw).
ARTICLE_COLUMNS = ("id", "text", "published", "title", "url", "source", "language", "origin", "date_note")
PROBLEM_COLUMNS = ("origin", "code", "message")

ARTICLE_SCHEMA = StructType([StructField(c, StringType(), True) for c in ARTICLE_COLUMNS])
PROBLEM_SCHEMA = StructType([StructField(c, StringType(), True) for c in PROBLEM_COLUMNS])


def spark_type(annotation: Any) -> DataType:
    """The Spark type of a dataclass field annotation (`int | None` is long, `list[str]` array<string>)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return spark_type(args[0]) if len(args) == 1 else StringType()
    if origin is list or annotation is list:
        return ArrayType(StringType(), True)
    if annotation is bool:  # before int: bool is a subclass of int
        return BooleanType()
    if annotation is int:
        return LongType()
    if annotation is float:
        return DoubleType()
    return StringType()


def dataclass_schema(cls: type) -> StructType:
    """A StructType with one nullable column per field of the dataclass `cls`, in field order."""
    hints = typing.get_type_hints(cls)
    return StructType([StructField(f.name, spark_type(hints[f.name]), True) for f in dataclasses.fields(cls)])


def event_schema() -> StructType:
    """The schema of extract_dataframe(): one column per field of eventwire.record.Event."""
    return dataclass_schema(Event)
