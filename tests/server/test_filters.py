"""eventwire.filters: the one parser of event filters from text (REST API; the CLI can share it)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.filters import FilterError, parse_filter, parse_near
from eventwire.store import EventFilter


def test_text_becomes_a_typed_filter() -> None:
    f = parse_filter(type=" assault ", country="irq", since="2024-01-01", until=date(2024, 2, 1),
                     actor=" Guards ", near="36.19, 44.01, 50", limit="10", offset="5", article_id="a/1")
    assert f == EventFilter(type="ASSAULT", country="IRQ", since="2024-01-01", until="2024-02-01",
                            actor="Guards", near=(36.19, 44.01, 50.0), limit=10, offset=5, article_id="a/1")


def test_empty_values_mean_no_filter() -> None:
    assert parse_filter(type="", country=" ", since="", until=None, actor="", near="", limit="",
                        offset="") == EventFilter()


def test_near_tuple_and_limits() -> None:
    assert parse_near((0, -180, 0)) == (0.0, -180.0, 0.0)
    assert parse_near("-90,180,20000") == (-90.0, 180.0, 20000.0)


@pytest.mark.parametrize(("kwargs", "words"), [
    ({"type": "EXPLODE"}, ["type='EXPLODE'", "ASSAULT"]),
    ({"country": "Iraq"}, ["country='Iraq'", "three-letter"]),
    ({"country": "I1Q"}, ["country="]),
    ({"since": "2024-02-30"}, ["since=", "YYYY-MM-DD"]),
    ({"until": "15/01/2024"}, ["until="]),
    ({"since": "2024-02-02", "until": "2024-02-01"}, ["after"]),
    ({"near": "1,2"}, ["LAT,LON,KM"]),
    ({"near": "1,2,3,4"}, ["LAT,LON,KM"]),
    ({"near": "91,0,1"}, ["-90<=LAT<=90"]),
    ({"near": "0,181,1"}, ["-180<=LON<=180"]),
    ({"near": "0,0,-1"}, ["KM>=0"]),
    ({"near": "nan,0,1"}, ["finite"]),
    ({"limit": "ten"}, ["limit="]),
    ({"limit": -1}, ["limit=-1"]),
    ({"offset": "-2"}, ["offset=-2"]),
])
def test_bad_values_say_what_is_wrong(kwargs: dict, words: list[str]) -> None:
    with pytest.raises(FilterError) as exc:
        parse_filter(**kwargs)
    for w in words:
        assert w in str(exc.value)
    assert isinstance(exc.value, ValueError)
