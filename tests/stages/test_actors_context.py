"""Countries guessed from the context: an unnamed party takes the same thing's country named earlier, a demonym
names people only when it describes people, and a guess yields to the event's own place (places stage)."""

from __future__ import annotations

from datetime import date

from eventwire.actors.coref import ArticleActors
from eventwire.article import Article
from eventwire.resources import default_resources


def _events(pipeline, text: str):
    return next(iter(pipeline.run([Article(id="t", text=text, published=date(2024, 3, 5))]))).events


def _mentions(nlp, text: str) -> ArticleActors:
    return ArticleActors(nlp(text), default_resources().actors, date(2024, 3, 5))


def _at(actors: ArticleActors, words: str):
    """The mention whose phrase is `words` (the last one, when the text repeats it)."""
    return next(m for m in reversed(actors.order) if m.span.text == words)


def test_a_thing_named_again_keeps_the_country_it_was_named_with(nlp) -> None:
    actors = _mentions(nlp, "Russian drones struck a residential area of the city overnight, killing three people. "
                            "At least four drones hit a district of Kharkiv shortly after 2 a.m., the governor said.")
    m = _at(actors, "At least four drones")
    assert m.info is not None and m.info.country == "RUS"
    assert "named earlier" in m.info.reason


def test_the_same_noun_without_a_country_word_gives_no_country(nlp) -> None:
    # 'the bodies of ...' is no actor noun, and 'the drones' earlier said no country
    actors = _mentions(nlp, "Drones struck the town overnight. Four drones hit a district of the town at dawn.")
    m = _at(actors, "Four drones")
    assert m.info is None or m.info.country is None or "named earlier" not in m.info.reason


def test_a_demonym_of_a_thing_is_no_context_for_people(nlp) -> None:
    actors = _mentions(nlp, "The city lies about 30 kilometres from the Russian border and has been hit repeatedly. "
                            "Last week, a strike on the city injured nine people, local officials said.")
    m = _at(actors, "nine people")
    assert m.info is not None and m.info.country != "RUS"


def test_a_demonym_of_people_is_still_context(nlp) -> None:
    actors = _mentions(nlp, "Opposition leader Ali Khan led a rally in the capital, according to the Pakistani "
                            "Federal Secretary Interior.")
    m = _at(actors, "Opposition leader Ali Khan")
    assert m.info is not None and m.info.country == "PAK"


def test_a_possessive_pronoun_gives_a_state_organ_its_country(nlp) -> None:
    actors = _mentions(nlp, "Russia's defence ministry said its forces had struck military targets in the region.")
    m = _at(actors, "its forces")
    assert m.info is not None and (m.info.country, m.info.sector) == ("RUS", "MIL")


def test_a_country_name_in_the_same_sentence_is_firm_evidence(nlp) -> None:
    actors = _mentions(nlp, "Macedonia is preparing a major offensive against ethnic Albanian guerrillas.")
    m = _at(actors, "ethnic Albanian guerrillas")
    assert m.info is not None and m.info.country == "MKD" and not m.info.guessed


def test_a_country_from_another_sentence_is_only_a_guess(nlp) -> None:
    actors = _mentions(nlp, "The family moved from Britain in 2010. A man was shot in the leg on Friday night.")
    m = _at(actors, "A man")
    assert m.info is None or m.info.country is None or m.info.guessed


def test_an_unnamed_victim_takes_the_country_of_the_events_place(pipeline) -> None:
    evs = _events(pipeline, "DAYTON, Ohio - The victims had moved from Germany to the city in May. On Saturday "
                            "night a gunman shot two people outside a bar, police said.")
    ev = next(e for e in evs if e.trigger_text == "shot")
    assert ev.country_iso3 == "USA"
    assert (ev.actor1_country, ev.actor2_country) == ("USA", "USA")
    assert "placed in USA" in (ev.actor_reason or "")


def test_a_town_name_the_places_stage_did_not_resolve_yields_to_the_events_place(pipeline) -> None:
    evs = _events(pipeline, "Police said Hale, 31, was shot in her home in Dayton, Ohio, on Friday.")
    ev = next(e for e in evs if e.trigger_text == "shot")
    assert ev.country_iso3 == "USA"
    assert ev.actor2_text == "Hale" and ev.actor2_country == "USA"
    assert "only guessed" in (ev.actor_reason or "")


def test_a_town_the_places_stage_resolved_keeps_its_country(pipeline) -> None:
    evs = _events(pipeline, "Gunmen shot two police officers in Baghdad, Iraq, on Monday, officials said.")
    ev = next(e for e in evs if e.trigger_text == "shot")
    assert ev.actor2_country == "IRQ"
