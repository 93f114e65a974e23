"""Words and names that only look like actors: a town's name written in lower case, a person named like a
town, a local person who shares an office holder's surname."""

from __future__ import annotations

from eventwire.actors.coref import ArticleActors
from eventwire.actors.lexicon import place_lookup
from eventwire.resources import default_resources


def _mention(nlp, text: str, word: str, nth: int = 0):
    res = default_resources()
    doc = nlp(text)
    actors = ArticleActors(doc, res.actors, None, place_lookup(res.gazetteer))
    return [m for m in actors.order if m.head.text == word][nth]


def test_a_capital_in_lower_case_is_a_word(nlp) -> None:
    m = _mention(nlp, "Police said a 16-year-old male was shot on Elm Street.", "male")
    assert m.info is None or m.info.country is None


def test_a_capital_in_capitals_is_still_its_country(nlp) -> None:
    assert default_resources().actors.resolve("Male").country == "MDV"


def test_a_persons_name_is_not_the_town_of_that_name(nlp) -> None:
    m = _mention(nlp, "Officer Dana Young said Young fired two shots at the car.", "Young", 1)
    assert m.info is None or m.info.country is None


def test_a_local_namesake_is_not_the_office_holder(nlp) -> None:
    m = _mention(nlp, "Mark Peterson, 45, of Dayton was shot on Friday. Police said Peterson died at the scene.",
                 "Peterson", 1)
    assert m.info is None or m.info.country is None


def test_an_office_holder_named_by_surname_alone_is_still_known(nlp) -> None:
    m = _mention(nlp, "Mugabe said the talks had failed.", "Mugabe")
    assert m.info is not None and m.info.country == "ZWE"
