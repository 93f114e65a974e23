"""Helpers shared by the geoparser tests: parse a sentence, list and find its place mentions."""

from __future__ import annotations


def parse(nlp, geoparser, text):
    return geoparser.parse(nlp(text), "t")


def texts(mentions):
    return [m.text for m in mentions]


def by_text(mentions, text):
    hits = [m for m in mentions if m.text == text]
    assert hits, f"{text!r} not found among {texts(mentions)}"
    return hits[0]
