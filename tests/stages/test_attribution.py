"""Attribution stage: the source of each event and its claim status (golden hand-made sentences), and
the behaviour on the sample article."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.article import Article
from eventwire.context import ArticleContext, EventDraft
from eventwire.resources import default_resources
from eventwire.stages.attribution import AttributionStage, country_of


def _ctx(nlp, text, trigger, actor1=None, actor1_country=None, actor2=None):
    doc = nlp(text)
    ctx = ArticleContext(article=Article(id="t", text=text, published=date(2024, 1, 16)), doc=doc)
    tok = next(t for t in doc if t.text == trigger)
    ev = EventDraft(trigger=tok, sent=tok.sent)
    ev.values.update(event_type="ASSAULT", actor1_name=actor1, actor1_country=actor1_country,
                     actor2_name=actor2)
    ctx.events.append(ev)
    AttributionStage(default_resources())(ctx)
    return ev


def test_no_source_is_asserted(nlp):
    ev = _ctx(nlp, "Gunmen attacked a police station in the north.", "attacked")
    assert ev.get("claim_status") == "asserted" and ev.get("attribution_text") is None


def test_third_party_report(nlp):
    ev = _ctx(nlp, "Rebels attacked the base, state media reported.", "attacked", actor1="rebels")
    assert ev.get("claim_status") == "reported"
    assert ev.get("attribution_name") == "state media"


def test_party_claim(nlp):
    ev = _ctx(nlp, "The Guards said in a statement that they destroyed the headquarters.", "destroyed",
              actor1="Revolutionary Guards", actor1_country="IRN")
    assert ev.get("claim_status") == "claimed"
    assert ev.get("attribution_text") == "The Guards said in a statement"
    assert ev.get("attribution_country") == "IRN"


def test_anonymous_sources_country(nlp):
    ev = _ctx(nlp, "A rocket hit the house of an official, Iraqi security sources said.", "hit")
    assert ev.get("attribution_name") == "Iraqi security sources"
    assert ev.get("attribution_country") == "IRQ"
    assert ev.get("claim_status") == "reported"


def test_according_to(nlp):
    ev = _ctx(nlp, "According to the police, the gunman shot two people.", "shot")
    assert ev.get("attribution_name") == "police" and ev.get("claim_status") == "reported"


def test_denied(nlp):
    ev = _ctx(nlp, "The ministry denied that its troops shelled the village.", "shelled")
    assert ev.get("claim_status") == "denied"


def test_alleged(nlp):
    ev = _ctx(nlp, "The soldiers allegedly beat the prisoners.", "beat")
    assert ev.get("claim_status") == "alleged"


def test_nested_attribution_keeps_the_inner_source(nlp):
    ev = _ctx(nlp, "Reuters, quoting the army, said troops shelled the town.", "shelled")
    assert ev.get("attribution_name") == "army"


def test_quotation_speaker_across_sentences(nlp):
    text = ('"We struck the camp at dawn. The enemy retreated," the commander said in a statement.')
    ev = _ctx(nlp, text, "struck")
    assert ev.get("attribution_name") == "commander"


def test_pronoun_source_takes_the_earlier_name(nlp):
    text = ("Adrienne Watson, a spokesperson, said the missiles were tracked. "
            '"This was a reckless set of strikes," she said.')
    ev = _ctx(nlp, text, "strikes")
    assert ev.get("attribution_name") == "Adrienne Watson"


@pytest.mark.parametrize("phrase,iso", [("Iraqi", "IRQ"), ("Iran", "IRN"), ("the White House", "USA"),
                                        ("Germany", "DEU")])
def test_country_of(phrase, iso):
    assert country_of(phrase) == iso


def test_sample_article(nlp, shared_dir):
    """The canonical sample: the strike is dated Monday 2024-01-15 (the report's day, in an article of
    Tuesday 2024-01-16), the Guards' statement makes it a claim, and the toll sentence gives at least two
    deaths."""
    from eventwire.readers import read
    from eventwire.stages.casualties import CasualtiesStage
    from eventwire.stages.dates import DatesStage

    art = next(a for a in read([str(shared_dir / "samples" / "erbil-2024-01-16.txt")])
               if isinstance(a, Article))
    assert art.published == date(2024, 1, 16)
    doc = nlp(art.text)
    ctx = ArticleContext(article=art, doc=doc)
    for word in ("attacked", "destroyed", "attacks"):
        tok = next(t for t in doc if t.text == word)
        ev = EventDraft(trigger=tok, sent=tok.sent)
        ev.values.update(event_type="ASSAULT", actor1_name="Revolutionary Guards", actor1_country="IRN",
                         actor1_text="Iran's Revolutionary Guards")
        ctx.events.append(ev)
    res = default_resources()
    for stage in (DatesStage(res), AttributionStage(res), CasualtiesStage(res)):
        stage(ctx)
    strike, destroyed, _ = ctx.events
    assert strike.get("event_date") == "2024-01-15"
    assert strike.get("claim_status") == "claimed"
    assert destroyed.get("claim_status") == "claimed"
    assert destroyed.get("attribution_country") == "IRN"
    assert max(ev.get("fatalities") or 0 for ev in ctx.events) >= 2


def test_belief_verb_gives_way_to_the_outer_speaker(nlp):
    ev = _ctx(nlp, "Fowler said he thinks the gunmen attacked the convoy.", "attacked")
    assert ev.get("attribution_name") == "Fowler"


def test_future_cue_is_no_attribution(nlp):
    ev = _ctx(nlp, "The army will announce that troops shelled the town.", "shelled")
    assert ev.get("claim_status") == "asserted"


def test_quotation_continues_the_previous_speaker(nlp):
    text = ('"We saw the soldiers," the farmer said.\n\n"They burned the houses and left."')
    ev = _ctx(nlp, text, "burned")
    assert ev.get("attribution_name") == "farmer"


def test_paragraph_after_a_colon_is_the_speaker_s(nlp):
    text = "The commander added:\n\nOur forces destroyed two rebel positions near the river."
    ev = _ctx(nlp, text, "destroyed")
    assert ev.get("attribution_name") == "commander"


# ------------------------------------------------------------------- quotations, transcripts, datelines


def test_negation_inside_the_quotation_does_not_negate_the_cue(nlp):
    ev = _ctx(nlp, '"Did the army shell the town? Certainly not," the mayor said.', "shell")
    assert ev.get("attribution_name") == "mayor"


def test_modal_inside_the_quotation_does_not_make_the_cue_future(nlp):
    text = '"If the rebels attack, the army will respond at some point, probably soon," said Governor Smith.'
    ev = _ctx(nlp, text, "attack")
    assert ev.get("attribution_name") == "Governor Smith"


def test_speaker_named_after_a_question_quote(nlp):
    text = "The march went on.\n\n“Why did the police shoot him?” the pastor asked. “Nobody knows.”"
    ev = _ctx(nlp, text, "shoot")
    assert ev.get("attribution_name") == "pastor"


def test_quote_framed_by_continued(nlp):
    text = "Smith spoke first.\n\nSmith continued: “The army shelled the bridge at night.”"
    ev = _ctx(nlp, text, "shelled")
    assert ev.get("attribution_name") == "Smith"


def test_name_after_a_dash_with_a_no_break_space(nlp):
    ev = _ctx(nlp, "“The army shelled the bridge at night.” ―\u00a0Jane Doe", "shelled")
    assert ev.get("attribution_name") == "Jane Doe"


def test_transcript_label_carries_to_the_next_paragraph(nlp):
    text = ("Partial transcript as follows:\n\nWALLACE: Why did the army attack the town?\n\n"
            "SMITH: The army attacked it because rebels were there.\n\nThey also shelled the bridge.")
    ev = _ctx(nlp, text, "shelled")
    assert ev.get("attribution_name") == "SMITH"


def test_label_of_a_quoted_transcript_paragraph_beats_the_previous_quote(nlp):
    text = ('"We saw the soldiers," the farmer said.\n\n"WALLACE: Did the soldiers burn the houses?\n\n'
            '"SMITH: I think they burned them all."')
    ev = _ctx(nlp, text, "burn")
    assert ev.get("attribution_name") == "WALLACE"


def test_dateline_is_not_the_speaker(nlp):
    text = "WASHINGTON -- President Smith, visiting troops, said rebels shelled the bridge."
    ev = _ctx(nlp, text, "shelled")
    assert ev.get("attribution_name") == "President Smith"


# parses written out by hand, so the rules are tested whatever the statistical parser does


def _parsed(nlp, words, heads, deps, pos, lemmas):
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_quoted_negation_and_modal_do_not_block_the_cue(nlp):
    from eventwire.stages.attribution import _is_cue, _subject

    # " It will fall , not now , " said Acton .
    words = ['"', "It", "will", "fall", ",", "not", "now", ",", '"', "said", "Acton", "."]
    heads = [9, 9, 9, 9, 9, 9, 5, 9, 9, 9, 9, 9]
    deps = ["punct", "nsubj", "aux", "ccomp", "punct", "neg", "advmod", "punct", "punct", "ROOT", "nsubj", "punct"]
    pos = ["PUNCT", "PRON", "AUX", "VERB", "PUNCT", "PART", "ADV", "PUNCT", "PUNCT", "VERB", "PROPN", "PUNCT"]
    lemmas = ['"', "it", "will", "fall", ",", "not", "now", ",", '"', "say", "Acton", "."]
    doc = _parsed(nlp, words, heads, deps, pos, lemmas)
    said = doc[9]
    assert _is_cue(said)
    quote = (0, doc[8].idx + 1)
    assert _subject(said, quote).text == "Acton"
    assert _subject(said).text == "It"  # without the quotation the first subject stands


def test_negation_next_to_the_cue_still_blocks_it(nlp):
    from eventwire.stages.attribution import _is_cue

    doc = _parsed(nlp, ["Acton", "did", "not", "say", "it"], [3, 3, 3, 3, 3],
                  ["nsubj", "aux", "neg", "ROOT", "dobj"], ["PROPN", "AUX", "PART", "VERB", "PRON"],
                  ["Acton", "do", "not", "say", "it"])
    assert not _is_cue(doc[3])


def test_dateline_subject_gives_way_to_its_apposition(nlp):
    from eventwire.stages.attribution import _subject

    words = ["WASHINGTON", "--", "President", "Obama", ",", "said", "rebels", "attacked", "."]
    heads = [5, 0, 3, 0, 5, 5, 7, 5, 5]
    deps = ["nsubj", "punct", "compound", "appos", "punct", "ROOT", "nsubj", "ccomp", "punct"]
    pos = ["PROPN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB", "NOUN", "VERB", "PUNCT"]
    lemmas = ["WASHINGTON", "--", "President", "Obama", ",", "say", "rebel", "attack", "."]
    doc = _parsed(nlp, words, heads, deps, pos, lemmas)
    assert _subject(doc[5]).text == "Obama"


SECTIONED = ("Fighting resumed near the border on Monday.\n\nWhat local officials said\n\n"
             "Two villages were shelled overnight\n\nA school was damaged.\n\nHow the capital reacted\n\n"
             "Soldiers attacked a checkpoint in the east.")


def test_a_source_subheading_governs_the_paragraphs_under_it(nlp):
    ev = _ctx(nlp, SECTIONED, "shelled")
    assert ev.get("claim_status") == "reported"
    assert ev.get("attribution_name") == "local officials"
    assert "subheading" in ev.get("attribution_reason")


def test_another_subheading_ends_the_section(nlp):
    ev = _ctx(nlp, SECTIONED, "attacked")
    assert ev.get("claim_status") == "asserted" and ev.get("attribution_name") is None


def test_a_story_paragraph_is_not_a_subheading(nlp):
    ev = _ctx(nlp, "What officials said was clear.\n\nSoldiers attacked a checkpoint in the east.", "attacked")
    assert ev.get("claim_status") == "asserted"


def test_a_spokesperson_of_the_acting_state_claims_through_her_apposition(nlp):
    ev = _ctx(nlp, "Maria Lopez, spokesperson for the Mexican foreign ministry, said Mexico supports the "
                   "accord.", "supports", actor1="Mexico", actor1_country="MEX")
    assert ev.get("attribution_country") == "MEX"
    assert ev.get("claim_status") == "claimed"


def test_the_acting_state_s_own_media_still_report(nlp):
    ev = _ctx(nlp, "Mexican state media said Mexico supports the accord.", "supports", actor1="Mexico",
              actor1_country="MEX")
    assert ev.get("attribution_country") == "MEX"
    assert ev.get("claim_status") == "reported"


def test_a_state_department_official_is_american(nlp):
    ev = _ctx(nlp, "Gunmen attacked the embassy, a senior State Department official said.", "attacked")
    assert ev.get("attribution_country") == "USA"
