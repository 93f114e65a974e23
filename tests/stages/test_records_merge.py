"""records.merge_mentions: mentions of one event within an article become one record, and mentions of
different events stay apart. Drafts are built by hand over real parses, so each rule is tested alone."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.article import Article
from eventwire.context import ArticleContext, EventDraft
from eventwire.stages.records import anaphoric, compatible, merge_mentions

PLACES = {
    "Lagos": dict(latitude=6.45, longitude=3.39, country_iso3="NGA", geo_precision="city"),
    "Abuja": dict(latitude=9.06, longitude=7.49, country_iso3="NGA", geo_precision="city"),
    "the Gulf of Guinea": dict(latitude=1.0, longitude=2.0, country_iso3=None, geo_precision="region"),
    "Ghana": dict(latitude=8.0, longitude=-1.0, country_iso3="GHA", geo_precision="country"),
}


def _ctx(nlp, text: str) -> ArticleContext:
    art = Article(id="t", text=text, published=date(2024, 3, 5))
    return ArticleContext(article=art, doc=nlp(text), events=[], places=[], notes={})


def _draft(ctx: ArticleContext, trigger: str, nth: int = 0, *, place: str | None = None,
           own_place: bool = True, **values) -> EventDraft:
    tok = [t for t in ctx.doc if t.text == trigger][nth]
    ev = EventDraft(trigger=tok, sent=tok.sent)
    ev.values.update(event_type="ASSAULT", negated=False, hypothetical=False, **values)
    if place:
        ev.values.update(PLACES[place], location_name=place,
                         geo_reason="place tied to trigger via 'in'" if own_place else "main place of the article")
    ctx.events.append(ev)
    return ev


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("Gunmen attacked a bank in Lagos. Officials condemned the attacks.", "attacks", True),
    ("Gunmen attacked a bank in Lagos. Officials said this was a cowardly set of attacks.", "attacks", True),
    ("Gunmen attacked a bank in Lagos. They recalled the killing of three guards in Abuja.", "killing", False),
    ("Gunmen attacked a bank in Lagos. Officials condemned attacks by pirates.", "attacks", False),
    ("Gunmen attacked a bank in Lagos. Officials condemned the attacks which happened there.", "attacks", False),
    ("Gunmen attacked a bank in Lagos. The latest attack on Ghana's traders angered Accra.", "attack", True),
    ("Gunmen attacked a bank in Lagos. The latest attack in Abuja killed two.", "attack", False),
    ("Gunmen attacked a bank in Lagos. A latest-style attack on traders followed.", "attack", False),
])
def test_anaphoric_mentions_are_bare_definite_nouns(nlp, text: str, trigger: str, expected: bool) -> None:
    ctx = _ctx(nlp, text)
    assert anaphoric(_draft(ctx, trigger)) is expected


def test_mentions_placed_in_a_sea_and_in_a_country_are_different_events(nlp) -> None:
    ctx = _ctx(nlp, "Pirates attacked a tanker in the Gulf of Guinea. Rebels attacked a convoy in Ghana.")
    sea = _draft(ctx, "attacked", 0, place="the Gulf of Guinea", actor1_text="Pirates")
    land = _draft(ctx, "attacked", 1, place="Ghana")
    assert not compatible(sea, land)
    assert len(merge_mentions(ctx)) == 2


def test_a_fallback_place_does_not_keep_mentions_apart(nlp) -> None:
    ctx = _ctx(nlp, "Pirates attacked a tanker in the Gulf of Guinea. The attack lasted an hour.")
    first = _draft(ctx, "attacked", place="the Gulf of Guinea", actor1_text="Pirates")
    second = _draft(ctx, "attack", place="Ghana", own_place=False)
    assert compatible(first, second)
    assert merge_mentions(ctx) == [first]


def test_an_anaphoric_mention_joins_the_event_it_points_to_despite_its_sentence_place(nlp) -> None:
    ctx = _ctx(nlp, "Gunmen attacked a bank in Lagos. In Abuja, the minister said this was a cowardly set "
                    "of attacks.")
    first = _draft(ctx, "attacked", place="Lagos", actor1_text="Gunmen")
    _draft(ctx, "attacks", place="Abuja")
    merged = merge_mentions(ctx)
    assert merged == [first]
    assert first.get("mentions") == 2


def test_an_event_stays_in_view_after_its_latest_mention(nlp) -> None:
    filler = " ".join(f"Sentence {n} says nothing." for n in range(8))
    ctx = _ctx(nlp, f"Gunmen attacked a bank in Lagos. {filler} The attack shocked Lagos. {filler} "
                    "Officials condemned the attacks.")
    first = _draft(ctx, "attacked", place="Lagos", actor1_text="Gunmen")
    _draft(ctx, "attack", place="Lagos")
    _draft(ctx, "attacks")
    assert merge_mentions(ctx) == [first]
    assert first.get("mentions") == 3


def test_other_sources_of_a_merged_event_are_named_in_the_reason(nlp) -> None:
    ctx = _ctx(nlp, "Gunmen attacked a bank in Lagos, the gang said. Police said the attack killed two.")
    first = _draft(ctx, "attacked", place="Lagos", actor1_text="Gunmen", claim_status="claimed",
                   attribution_name="the gang", attribution_reason="the source is a party")
    _draft(ctx, "attack", claim_status="reported", attribution_name="Police")
    _draft(ctx, "attack", claim_status="reported", attribution_name="gang")  # the same source again
    assert merge_mentions(ctx) == [first]
    assert first.get("claim_status") == "claimed"
    assert first.get("attribution_reason").count("also reported by") == 1
    assert "also reported by 'Police'" in first.get("attribution_reason")


def test_the_latest_attack_on_someones_property_joins_the_event_just_told(nlp) -> None:
    ctx = _ctx(nlp, "Gunmen attacked a bank in Lagos. The latest attack on Ghana's traders angered Accra.")
    first = _draft(ctx, "attacked", place="Lagos", actor1_text="Gunmen")
    _draft(ctx, "attack", place="Ghana", actor2_text="Ghana", actor2_country="GHA")
    assert merge_mentions(ctx) == [first]
    assert first.get("mentions") == 2


def test_an_injured_count_replaces_a_zero_worked_out_by_subtraction(nlp) -> None:
    ctx = _ctx(nlp, "Gunmen attacked a bank in Lagos. Police said the attack wounded three guards.")
    first = _draft(ctx, "attacked", place="Lagos", actor1_text="Gunmen", fatalities=1, injured=0,
                   casualty_reason="killed 1 (died); injured 0 = 1 shot or stabbed minus 1 killed")
    _draft(ctx, "attack", injured=3, casualty_reason="injured 3 in the event's sentence")
    assert merge_mentions(ctx) == [first]
    assert first.get("injured") == 3
    assert first.get("casualty_reason").startswith("injured 3 from sentence 2")


def test_a_reported_zero_injured_is_kept(nlp) -> None:
    ctx = _ctx(nlp, "Gunmen attacked a bank in Lagos. Police said the attack wounded three guards.")
    first = _draft(ctx, "attacked", place="Lagos", actor1_text="Gunmen", injured=0,
                   casualty_reason="injured 0 in the event's sentence ('no one': none)")
    _draft(ctx, "attack", injured=3, casualty_reason="injured 3 in the event's sentence")
    assert merge_mentions(ctx) == [first]
    assert first.get("injured") == 0


def test_a_pointing_back_mention_prefers_an_event_with_no_place_conflict(nlp) -> None:
    # the event told last is placed elsewhere (Ghana): "the attacks" in Abuja point back past it to the one
    # that can have happened there, though both stay in view
    ctx = _ctx(nlp, "Gunmen attacked a bank in Abuja. Rebels have clashed with troops in Ghana. "
                    "Officials in Abuja condemned the attacks.")
    first = _draft(ctx, "attacked", place="Abuja", actor1_text="Gunmen")
    other = _draft(ctx, "clashed", place="Ghana", actor1_text="Rebels")
    _draft(ctx, "attacks", place="Abuja")
    assert merge_mentions(ctx) == [first, other]
    assert (first.get("mentions"), other.get("mentions", 1)) == (2, 1)


@pytest.mark.parametrize(("own_date", "apart"), [(("2024-02-26", "2024-03-03"), True),
                                                  (("2024-03-04", None), False)])
def test_an_indefinite_mention_dated_apart_is_another_incident(nlp, own_date, apart) -> None:
    ctx = _ctx(nlp, "Drones struck the city overnight, the governor said. Last week, a strike on the city "
                    "injured nine people.")
    day = dict(event_date="2024-03-04", date_precision="day", date_reason="the report's day")
    _draft(ctx, "struck", actor1_text="Drones", actor1_country="RUS", **day)
    start, end = own_date
    own = dict(event_date=start, event_date_end=end, date_precision="week" if end else "day",
               date_reason="time expression in the event's clause: 'Last week'")
    _draft(ctx, "strike", **own)
    _draft(ctx, "injured", **own)
    merged = merge_mentions(ctx)
    # the verb of the strike's own sentence joins the strike, not the event told before
    assert [e.trigger.text for e in merged] == (["struck", "strike"] if apart else ["struck"])
