"""Actors stage on hand-made sentences (golden), and on the bundled sample article."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.article import Article
from eventwire.context import ArticleContext, EventDraft
from eventwire.resources import default_resources
from eventwire.stages.actors import ActorsStage


@pytest.fixture(scope="module")
def stage() -> ActorsStage:
    return ActorsStage(default_resources())


def code(nlp, stage, text: str, trigger: str, event_type: str = "ASSAULT", nth: int = 0) -> EventDraft:
    """Run the stage on `text` with one draft whose trigger is the nth token spelled `trigger`."""
    doc = nlp(text)
    tok = [t for t in doc if t.text == trigger][nth]
    ev = EventDraft(trigger=tok, sent=tok.sent)
    ev.set("event_type", event_type)
    ctx = ArticleContext(article=Article(id="t", text=text), doc=doc, events=[ev])
    stage(ctx)
    return ev


def actor(ev: EventDraft, n: int) -> tuple[str | None, str | None]:
    return ev.get(f"actor{n}_country"), ev.get(f"actor{n}_sector")


# (sentence, trigger, type, actor1 (country, sector), actor2 (country, sector))
GOLDEN = [
    ("Iran's Revolutionary Guards attacked a base in Syria on Monday.", "attacked", "ASSAULT",
     ("IRN", "MIL"), ("SYR", None)),
    ("Israeli warplanes struck Hezbollah positions in southern Lebanon.", "struck", "ASSAULT",
     ("ISR", "MIL"), ("LBN", "REB")),
    ("The convoy was ambushed by Taliban fighters near Kandahar.", "ambushed", "ASSAULT",
     ("AFG", "REB"), (None, None)),
    ("The foreign minister of Iraq met Iranian officials in Tehran.", "met", "CONSULT",
     ("IRQ", "GOV"), ("IRN", "GOV")),
    ("Egyptian police arrested dozens of protesters in Cairo.", "arrested", "COERCE",
     ("EGY", "COP"), ("EGY", "CVL")),
    ("Police fired tear gas at students in Nairobi.", "fired", "ASSAULT", ("KEN", "COP"), ("KEN", "EDU")),
    ("The Houthis said they attacked a tanker in the Red Sea.", "attacked", "ASSAULT",
     ("YEM", "REB"), (None, "BUS")),
    ("Russian forces and Ukrainian troops clashed near the border.", "clashed", "ASSAULT",
     ("RUS", "MIL"), ("UKR", "MIL")),
    ("The US condemned the Russian attack on Kyiv.", "attack", "ASSAULT", ("RUS", None), ("UKR", "CVL")),
    ("The US condemned the Russian attack on Kyiv.", "condemned", "ACCUSE", ("USA", None), ("RUS", None)),
    ("A rocket hit the house of a senior Turkish intelligence official.", "hit", "ASSAULT",
     (None, "UAF"), ("TUR", "SPY")),
    ("Hamas militants fired rockets at Israel and the army responded with airstrikes.", "fired", "ASSAULT",
     ("PSE", "REB"), ("ISR", None)),
    ("Tehran has agreed to release the detained sailors.", "agreed", "AGREE", ("IRN", "GOV"), (None, None)),
]


@pytest.mark.parametrize(("text", "trigger", "etype", "a1", "a2"), GOLDEN)
def test_golden_sentences(nlp, stage, text, trigger, etype, a1, a2):
    ev = code(nlp, stage, text, trigger, etype)
    assert actor(ev, 1) == a1, ev.get("actor_reason")
    assert actor(ev, 2) == a2, ev.get("actor_reason")
    assert ev.get("actor_reason")


def test_spans_and_texts(nlp, stage):
    ev = code(nlp, stage, "Israeli warplanes struck Hezbollah positions in southern Lebanon.", "struck")
    assert ev.get("actor1_text") == "Israeli warplanes"
    assert ev.actor1_span is not None and ev.actor1_span.text == "Israeli warplanes"
    assert ev.actor2_span is not None and "Hezbollah" in ev.actor2_span.text


def test_pronoun_she_takes_the_spokeswoman(nlp, stage):
    text = ("Mary Smith, a spokeswoman for the State Department, spoke on Monday. "
            "She condemned the raid on the embassy.")
    ev = code(nlp, stage, text, "condemned", "ACCUSE")
    assert actor(ev, 1) == ("USA", "GOV"), ev.get("actor_reason")
    assert "coreferent" in ev.get("actor_reason")


def test_definite_description_takes_the_named_group(nlp, stage):
    text = "Iran's Revolutionary Guards fired missiles at Erbil. The Guards said the strike hit a spy base."
    ev = code(nlp, stage, text, "said", "ACCUSE")
    assert actor(ev, 1) == ("IRN", "MIL"), ev.get("actor_reason")


def test_ethnic_group_takes_the_nearest_country(nlp, stage):
    text = "Officials in Iraq said a Kurdish businessman was killed in the strike."
    ev = code(nlp, stage, text, "killed")
    assert actor(ev, 2) == ("IRQ", "BUS"), ev.get("actor_reason")


def test_coordination_notes_the_rest(nlp, stage):
    text = "Forces of the US and the UK carried out airstrikes on rebel positions in Yemen."
    ev = code(nlp, stage, text, "airstrikes")
    assert actor(ev, 1) == ("USA", "MIL"), ev.get("actor_reason")
    assert "GBR" in ev.get("actor_reason")


def test_no_actor_gives_nulls_and_a_reason(nlp, stage):
    ev = code(nlp, stage, "Heavy fighting was reported overnight.", "fighting")
    for n in (1, 2):
        for f in ("text", "name", "country", "sector"):
            assert ev.get(f"actor{n}_{f}") is None
    assert "none found" in ev.get("actor_reason")
    assert ev.actor1_span is None


def test_unknown_actor_keeps_its_text(nlp, stage):
    ev = code(nlp, stage, "Zorblat Quenty attacked the village.", "attacked")
    assert ev.get("actor1_text") == "Zorblat Quenty"
    assert actor(ev, 1) == (None, None)
    assert "not in the actor dictionary" in ev.get("actor_reason")


def test_stage_declares_its_fields(stage):
    assert stage.name == "actors"
    assert stage.requires == ("event_type",)
    assert "actor_reason" in stage.assigns and "actor2_sector" in stage.assigns


@pytest.mark.shared
def test_sample_article(shared_dir: Path, nlp, stage):
    from eventwire.readers import read
    from eventwire.stages.events import EventsStage

    art = next(a for a in read([str(shared_dir / "samples" / "erbil-2024-01-16.txt")])
               if isinstance(a, Article))
    ctx = ArticleContext(article=art, doc=nlp(art.text))
    EventsStage(default_resources())(ctx)
    stage(ctx)
    by_trigger = {}
    for ev in ctx.events:
        by_trigger.setdefault(ev.trigger.text, []).append(ev)
    first = ctx.events[0]
    assert first.event_type == "ASSAULT"
    assert actor(first, 1) == ("IRN", "MIL"), first.get("actor_reason")
    assert actor(first, 2)[0] == "ISR"
    for ev in ctx.events:  # the Houthis are never coded as the Yemeni state
        for n in (1, 2):
            if "Houthi" in (ev.get(f"actor{n}_text") or ""):
                assert actor(ev, n) == ("YEM", "REB"), ev.get("actor_reason")
    strikes = by_trigger.get("airstrikes", [])
    assert strikes and actor(strikes[0], 1) == ("USA", "MIL")
    assert "GBR" in strikes[0].get("actor_reason")
    destroyed = by_trigger.get("destroyed", [])
    assert destroyed and actor(destroyed[0], 1) == ("IRN", "MIL")  # "they" -> the Guards


# Argument finding beyond subject and object (actors/arguments.py, stages/actors.py)
ARGUMENTS = [
    # coordinated subject of a reciprocal event: the second member is the recipient
    ("Chile and Peru agreed to hold joint naval drills.", "agreed", "AGREE", ("CHL", "PER")),
    # sending and withdrawing: where the troops go or leave, not the troops
    ("Ghana sent 150 soldiers to Mali on Monday.", "sent", "AID", ("GHA", "MLI")),
    ("Kenya withdrew its soldiers from Somalia.", "withdrew", "RETREAT", ("KEN", "SOM")),
    # a noun trigger takes the subject of the verb that governs it
    ("Norway opened direct talks with the Taliban.", "talks", "CONSULT", ("NOR", "AFG")),
    # 'his' in the object is the subject again; the recipient is the 'for' phrase
    ("The Spanish prime minister pledged his support for the Moroccan government.", "pledged", "SUPPORT",
     ("ESP", "MAR")),
]


@pytest.mark.parametrize(("text", "trigger", "etype", "countries"), ARGUMENTS)
def test_argument_rules(nlp, stage, text, trigger, etype, countries):
    ev = code(nlp, stage, text, trigger, etype)
    assert (ev.get("actor1_country"), ev.get("actor2_country")) == countries, ev.get("actor_reason")


def test_reciprocal_split_only_for_reciprocal_events(nlp, stage):
    ev = code(nlp, stage, "Russian and Syrian jets bombed the town of Ariha.", "bombed")
    assert "first of a coordination" not in ev.get("actor_reason")


def test_nearest_named_actor_when_the_parse_gives_no_recipient(nlp, stage):
    text = "Japan has agreed to lend up to $2 billion to Vietnam for new railways."
    ev = code(nlp, stage, text, "agreed", "AGREE")
    assert ev.get("actor1_country") == "JPN", ev.get("actor_reason")
    assert ev.get("actor2_country") == "VNM", ev.get("actor_reason")


def test_fallback_recipient_is_not_the_source_again(nlp, stage):
    text = "Bolivia's opposition parties said they would boycott the referendum."
    ev = code(nlp, stage, text, "boycott", "PROTEST")
    assert ev.get("actor2_country") is None, ev.get("actor_reason")


def test_unknown_name_takes_its_apposition(nlp, stage):
    text = "Omar Benzarti, Tunisia's best-known human rights lawyer, accused the police of torture."
    ev = code(nlp, stage, text, "accused", "ACCUSE")
    assert ev.get("actor1_country") == "TUN", ev.get("actor_reason")
    assert "apposition" in ev.get("actor_reason")


def test_weapon_takes_the_country_of_the_place_it_struck(nlp, stage):
    ev = code(nlp, stage, "A car bomb killed four people in Kabul on Sunday.", "killed")
    assert actor(ev, 1) == ("AFG", "UAF"), ev.get("actor_reason")


def test_anti_country_is_not_the_context_country(nlp, stage):
    text = "A well-known anti-Iran columnist was shot dead in central Baghdad."
    ev = code(nlp, stage, text, "shot")
    assert actor(ev, 2) == ("IRQ", "JRN"), ev.get("actor_reason")


@pytest.mark.parametrize(("text", "trigger"), [
    ("The rebels issued a warning after months of negotiations with the army.", "negotiations"),  # an adjunct
    ("Canada called for sanctions against Belarus.", "sanctions"),  # asking for an act is not doing it
    ("The mayor accepted the demands of the striking nurses.", "demands"),  # reacting to it neither
])
def test_noun_trigger_does_not_take_every_governing_subject(nlp, stage, text, trigger):
    ev = code(nlp, stage, text, trigger, "CONSULT")
    assert ev.get("actor1_text") is None or "governing" not in ev.get("actor_reason"), ev.get("actor_reason")


@pytest.mark.parametrize(("text", "other", "expected"), [
    ("Iran vowed to avenge the killing of three guards in Syria.", "killing", True),
    ("The ministry condemned the attacks near the capital of Kurdistan.", "attacks", True),
    ("The ministry condemned the attacks near the capital of Kurdistan.", None, False),
])
def test_a_verb_whose_object_is_another_event_refers_to_it(nlp, text: str, other: str | None,
                                                           expected: bool) -> None:
    from eventwire.stages.actors import _refers_to_event

    doc = nlp(text)
    verb = next(t for t in doc if t.pos_ == "VERB")
    triggers = {verb.i} | {t.i for t in doc if t.text == other}
    assert _refers_to_event(verb, triggers) is expected
