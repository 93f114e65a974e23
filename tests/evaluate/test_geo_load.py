"""evaluate/geo.py hands each article's url and publisher to the geoparser (hand-written XML)."""

from __future__ import annotations

from pathlib import Path

from eventwire.evaluate.geo import DATASETS, load

LGL_LIKE = """<?xml version='1.0' encoding='utf-8'?>
<articles><article docid="7">
  <domain>example-courier.com</domain>
  <url>http://www.example-courier.com/story/1</url>
  <text>Flooding closed roads in Springfield.</text>
  <toponyms><toponym><start>25</start><end>36</end><phrase>Springfield</phrase>
    <gaztag geonameid="1"><lat>39.8</lat><lon>-89.6</lon></gaztag></toponym></toponyms>
</article></articles>"""

GWN_LIKE = """<?xml version='1.0' encoding='utf-8'?>
<articles><article file="0">
  <link>http://www.example-daily.co.uk/news/2</link>
  <text>Rain in Leeds.</text>
  <toponyms><toponym><start>8</start><end>13</end><extractedName>Leeds</extractedName><type>Literal</type>
    <geonamesID>2644688</geonamesID><latitude>53.8</latitude><longitude>-1.5</longitude></toponym></toponyms>
</article></articles>"""


def _write(root: Path, dataset: str, xml: str) -> None:
    path = root / "data" / DATASETS[dataset]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(xml, encoding="utf-8")


def test_url_and_source_are_loaded(tmp_path):
    _write(tmp_path, "lgl", LGL_LIKE)
    _write(tmp_path, "geowebnews", GWN_LIKE)
    lgl = load("lgl", tmp_path)[0]
    assert lgl.url == "http://www.example-courier.com/story/1" and lgl.source == "example-courier.com"
    assert lgl.toponyms[0].text == "Springfield"
    gwn = load("geowebnews", tmp_path)[0]
    assert gwn.url == "http://www.example-daily.co.uk/news/2" and gwn.source is None
