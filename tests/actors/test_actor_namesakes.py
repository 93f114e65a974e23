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


def test_a_namesake_the_tagger_did_not_mark_as_a_person(nlp) -> None:
    # "Demetrius Ward" left untagged (or tagged an organisation) still names a local Ward
    m = _mention(nlp, "Demetrius Ward was arrested on Sunday in West Oakland. Police say Ward fired into the salon.",
                 "Ward", 1)
    assert m.info is None or m.info.country is None


def test_another_first_name_with_the_same_initial_is_another_person(nlp) -> None:
    m = _mention(nlp, "Mayor Jim Kenney visited the wounded officers. Kenney asked residents to pray.", "Kenney", 1)
    assert m.info is None or m.info.country is None


def test_a_possessive_does_not_hide_the_full_name(nlp) -> None:
    m = _mention(nlp, "The shot was fired inside David Valle's home. Valle told deputies he was cleaning a pistol.",
                 "Valle", 1)
    assert m.info is None or m.info.country is None


def test_a_word_the_tagger_takes_for_no_name_is_no_town(nlp) -> None:
    m = _mention(nlp, "The driver of the SUV fled on foot.", "SUV")
    assert m.info is None or m.info.country is None


def test_a_country_in_lower_case_is_a_word(nlp) -> None:
    m = _mention(nlp, "Police said a turkey hunter was shot in the woods on Saturday.", "hunter")
    assert m.info is None or m.info.country is None


def test_a_country_name_that_begins_a_city_name_is_that_city() -> None:
    res = default_resources()
    places = place_lookup(res.gazetteer)
    for text in ("Riviera Beach police", "a Jersey City housing development"):
        info = res.actors.resolve(text, None, places)
        assert info is not None and info.country == "USA", (text, info)


def test_a_persons_surname_is_no_place_for_the_context(nlp) -> None:
    # "Paris" of "Sgt. Mark Paris" is a person (though tagged a place), not the city that would give "police" a country
    m = _mention(nlp, "Sgt. Mark Paris was wounded. Paris was taken to hospital, police said.", "police")
    assert m.info is not None and m.info.country is None, m.info
