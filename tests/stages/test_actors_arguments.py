"""Actors stage: which span becomes the actor and the recipient (argument finding), on hand-written sentences."""

from __future__ import annotations

import pytest

from eventwire.article import Article
from eventwire.context import ArticleContext, EventDraft
from eventwire.resources import default_resources
from eventwire.stages.actors import ActorsStage


@pytest.fixture(scope="module")
def stage() -> ActorsStage:
    return ActorsStage(default_resources())


def code(nlp, stage, text: str, trigger: str, event_type: str, others: tuple[tuple[str, str], ...] = ()
         ) -> EventDraft:
    """Run the stage on `text` with a draft on the first token spelled `trigger` (and drafts on `others`,
    (word, type) pairs, as other events of the sentence)."""
    doc = nlp(text)
    drafts = []
    for word, etype in ((trigger, event_type), *others):
        tok = next(t for t in doc if t.text == word)
        ev = EventDraft(trigger=tok, sent=tok.sent)
        ev.set("event_type", etype)
        drafts.append(ev)
    ctx = ArticleContext(article=Article(id="t", text=text), doc=doc, events=drafts)
    stage(ctx)
    return drafts[0]


def actor(ev: EventDraft, n: int) -> tuple[str | None, str | None]:
    return ev.get(f"actor{n}_country"), ev.get(f"actor{n}_sector")


# (sentence, trigger, type, actor1 (country, sector), actor2 (country, sector))
CASES = [
    # reported speech: the act reported, not the reporters, when the saying is not the act
    ("Kenya deployed troops to Somalia on Friday, officials in Nairobi said.", "said", "MOBILIZE",
     ("KEN", None), ("SOM", None)),
    # a demand reported as "X said Y must ...": the speaker's, addressed to Y
    ("Germany said on Monday that Russia must withdraw its troops.", "withdraw", "REQUEST",
     ("DEU", None), ("RUS", None)),
    # a reaction coded on the noun of the act it answers: the one who reacts, and the act's author
    ("Rebels in Mali rejected an offer from the government.", "offer", "REJECT", ("MLI", "REB"), ("MLI", "GOV")),
    ("Police in Ghana prevented a march organised by teachers.", "march", "COERCE",
     ("GHA", "COP"), ("GHA", "EDU")),
    # an act as the object names no party: the party inside it, or the place it befalls
    ("Norway ended its mediation between Colombian rebels and the government.", "ended", "SANCTION",
     ("NOR", None), ("COL", "REB")),
    ("Britain promised to continue military aid to Mozambique.", "promised", "AGREE", ("GBR", None), ("MOZ", None)),
    # "in protest of" names the target
    ("Farmers in Kenya blocked roads in protest of the government's new tax.", "blocked", "PROTEST",
     ("KEN", "AGR"), ("KEN", "GOV")),
    # "sanctions against Nigeria": a place acted against is not the actor's home
    ("Archbishop Zorbu Mantelo called for sanctions against Nigeria.", "called", "ACCUSE",
     (None, "REL"), ("NGA", None)),
    # a bombing as the actor: the unidentified armed group of the place it struck
    ("A roadside bombing near Kandahar killed two soldiers.", "killed", "ASSAULT", ("AFG", "UAF"), ("AFG", "MIL")),
]


@pytest.mark.parametrize(("text", "trigger", "etype", "a1", "a2"), CASES)
def test_argument_rules(nlp, stage, text, trigger, etype, a1, a2):
    ev = code(nlp, stage, text, trigger, etype)
    assert actor(ev, 1) == a1, ev.get("actor_reason")
    assert actor(ev, 2) == a2, ev.get("actor_reason")


def test_reporters_are_no_fallback_recipient(nlp, stage):
    ev = code(nlp, stage, "Gunmen opened fire in the market, killing three, Nigerian police sources said.",
              "killing", "ASSAULT")
    assert "police" not in (ev.get("actor2_text") or ""), ev.get("actor_reason")


def test_reported_clause_keeps_the_speaker_for_an_accusation(nlp, stage):
    ev = code(nlp, stage, "Israel carried out the strike, Iran said on Sunday.", "said", "ACCUSE")
    assert actor(ev, 1)[0] == "IRN", ev.get("actor_reason")
    assert actor(ev, 2)[0] == "ISR", ev.get("actor_reason")


def test_reaction_verb_with_its_own_event_is_left_alone(nlp, stage):
    # 'rejected' is a trigger of its own: the noun's event keeps the noun's arguments
    ev = code(nlp, stage, "Rebels in Mali rejected an offer from the government.", "offer", "REJECT",
              others=(("rejected", "REJECT"),))
    assert actor(ev, 1) == ("MLI", "GOV"), ev.get("actor_reason")


def test_modifier_of_an_actor_noun_is_widened(nlp, stage):
    ev = code(nlp, stage, "Peru granted asylum on Tuesday after five Panamanian army officers fled.", "granted",
              "AID")
    assert ev.get("actor2_text") and "officers" in ev.get("actor2_text"), ev.get("actor_reason")
    assert actor(ev, 2) == ("PAN", "MIL"), ev.get("actor_reason")


def test_passive_subject_acts_in_the_next_conjunct(nlp, stage):
    # the one the passive is about resigns, not its 'by' agent
    ev = code(nlp, stage, "The Peruvian minister was indicted by a court and will resign.", "resign", "RETREAT")
    assert ev.get("actor1_text") == "The Peruvian minister", ev.get("actor_reason")
    assert actor(ev, 1) == ("PER", "GOV"), ev.get("actor_reason")


def test_gerund_after_a_preposition_takes_the_verbs_subject(nlp, stage):
    ev = code(nlp, stage, "Protesters marched through Nairobi, joining students in demanding the release of detainees.",
              "demanding", "REQUEST")
    assert ev.get("actor1_text") == "Protesters", ev.get("actor_reason")


def test_stance_with_no_subject_in_a_reported_clause_is_the_speakers(nlp, stage):
    ev = code(nlp, stage, "Officials in Ghana said that lifting the ban is out of the question.", "lifting", "REJECT")
    assert actor(ev, 1) == ("GHA", "GOV"), ev.get("actor_reason")
