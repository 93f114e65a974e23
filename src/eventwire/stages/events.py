"""Events stage: find the words that evoke events and decide each event's PLOVER type, mode, contexts,
and whether it is negated or hypothetical.

Method: a trigger lexicon (triggers.py) matched on the dependency parse, one event per trigger, then
PLOVER's tense and modality rules:
- a trigger inside the complement of a frame verb that is itself a trigger ("threatened to attack",
  "demanded that troops withdraw", "agreed to release") is absorbed by the frame, whose mode it sets;
- a future or promised material-conflict action ("operations will continue", "vowed to strike") is a
  THREATEN; a future or promised cooperative action ("will send aid") is an AGREE; "would" in reported
  speech is such a future ("said it would send aid"), and so is readiness ("is willing to send aid");
- an obligation a speaker puts on another actor ("says Israel must end its attacks") is a REQUEST;
- plans, wishes and conditionals ("plans to", "could", "if") are flagged hypothetical;
- negated triggers ("did not attack", "no one was arrested") are flagged negated and, by default, dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..context import ArticleContext, EventDraft
from ..resources import Resources
from .classify import EventTypeClassifier
from .triggers import Trigger, TriggerLexicon, candidate_keys, speech_verbs

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Verbs whose object noun is the event ("launched an attack"): modality comes from the light verb.
LIGHT_VERBS = {"launch", "carry", "conduct", "perform", "stage", "mount", "execute", "begin", "continue",
               "resume", "step", "intensify", "escalate", "unleash", "wage", "hold", "make", "issue", "lead",
               "organize", "organise", "start", "announce", "impose", "sign", "reach", "deliver", "send",
               "provide", "give", "pledge", "declare", "order", "call", "plan", "threaten", "vow", "extend", "set"}
# Verbs that put what they govern into the future or the unreal without being events themselves.
PLAN_VERBS = {"plan", "want", "intend", "seek", "prepare", "hope", "expect", "aim", "consider", "try",
              "attempt", "propose", "wish", "mull", "weigh", "could", "might"}
MODALS_FUTURE = {"will", "shall", "'ll"}
# Adjectives of readiness that make what they govern an intention ("is willing to send aid", "ready to withdraw its
# troops": AGREE, the PLOVER manual's "indicate willingness or commitment to cooperate"; "ready to strike": THREATEN).
WILLING = {"willing", "ready", "prepared", "eager", "poised"}
MODALS_UNREAL = {"would", "could", "may", "might", "should", "can", "must", "ought"}
CONFLICT_MATERIAL = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"}
# PLOVER's cooperative quad classes (verbal and material cooperation), and the acts of force among the others.
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
FORCEFUL = {"ASSAULT", "COERCE"}
COOP_MATERIAL = {"AID", "COOPERATE", "RETREAT", "CONCEDE"}
# What a future tense makes a THREATEN: material conflict, and an announced protest or boycott
# (CAMEO2PLOVER-2021 133 "threaten with political dissent, protest").
FUTURE_THREAT = CONFLICT_MATERIAL | {"PROTEST"}
# PLOVER manual (AGREE): CONSULT, SUPPORT, COOPERATE and AID in the future tense are AGREE ("references to
# future meetings, summits, state visits"); a future RETREAT is a CONCEDE (an announced release an AGREE, see
# INTENT_AGREE_MODES); a future CONCEDE stays one.
FUTURE_AGREE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
FRAME_TYPES = {"THREATEN", "REQUEST", "REJECT", "AGREE"}
# Dependencies of a hyphenated participle that modifies a noun as an adjective ("the rebel-held capital",
# "Iranian-backed rebels"); a plain participle ("wounded soldiers") may still report the event.
ATTRIBUTIVE_DEPS = {"amod", "compound"}
# A participle of purpose that modifies a noun ("a peace agreement aimed at ending the violence", "a law
# designed to curb protests") says what the thing is for; the event is the noun's, not the participle's.
PURPOSE_PARTICIPLES = {"aim", "design", "intend", "mean"}
# Adverbs of frequency: with a present or present-perfect verb they describe a pattern over time ("the city has
# been hit repeatedly by missiles", "troops regularly shell the villages"), background rather than one event
# that happened. In the past tense they stay one event done many times ("he was stabbed repeatedly").
HABITUAL_ADVERBS = {"repeatedly", "regularly", "frequently", "often", "routinely", "constantly",
                    "continually", "habitually", "persistently"}
ARG_DEPS = {"xcomp", "ccomp", "dobj", "pobj", "prep", "acl", "advcl", "obj", "nsubjpass", "conj"}

# The mode a frame takes from the event it governs (PLOVER's THREATEN/REQUEST/REJECT modes).
THREAT_MODE = {"ASSAULT": "violence", "MOBILIZE": "violence", "SANCTION": "relations", "PROTEST": "relations"}
THREAT_MODE_BY_MODE = {"arrest": "arrest", "ban": "ban", "deport": "expel", "expel": "expel",
                       "seize": "territory", "restrict": "restrict", "curfew": "restrict"}
ASK_MODE = {"RETREAT": "yield", "CONCEDE": "yield", "AID": "assist", "COOPERATE": "assist",
            "CONSULT": "meet", "AGREE": "meet"}

# Verbs that end what their object names, and what ending each conflictual type is: the PLOVER manual's
# CONCEDE covers "suspending protests", its RETREAT "ending active conflicts"; CAMEO2PLOVER-2021 maps
# easing sanctions and boycotts (085) and curfews or emergency rule (0813, 0814) to RETREAT.
END_VERBS = {"end", "halt", "stop", "suspend", "lift", "cancel", "abandon", "call off", "scrap", "ease",
             "terminate", "relax", "cease", "drop", "revoke", "rescind", "repeal", "scale back", "wind down",
             "shorten"}
# Ending talks is SANCTION (CAMEO2PLOVER-2021 164 "halt negotiations"); dropping an investigation or a charge
# is a CONCEDE (the manual: "easing of administrative or legal restrictions", acquittals); halting aid is a
# SANCTION 'withdraw' (the manual: "withdraw ... one's non-military resources (e.g., aid)"; CAMEO2PLOVER-2021 161),
# ending cooperation a SANCTION 'discontinue' ("terminate ... exchanges").
ENDED = {"PROTEST": ("CONCEDE", None), "SANCTION": ("RETREAT", "ease"), "COERCE": ("RETREAT", None),
         "ASSAULT": ("RETREAT", "ceasefire"), "MOBILIZE": ("RETREAT", "disarm"), "CONSULT": ("SANCTION", "withdraw"),
         "ACCUSE": ("CONCEDE", None), "AID": ("SANCTION", "withdraw"), "COOPERATE": ("SANCTION", "discontinue")}
# Cancelling a meeting is no ended consultation: the manual (SANCTION, ambiguities) says "Cancellation of meetings
# are REJECT and therefore verbal conflict"; halting or suspending talks stays SANCTION.
CANCEL_VERBS = {"cancel", "call off"}
# Retreat modes whose announcement is an AGREE: CAMEO2PLOVER-2021 0353 "express intent to release persons or
# property", 0356 "express intent to de-escalate military engagement" for disarming and demobilizing ("will lay
# down their arms"); other announced retreats ("will withdraw troops") are CONCEDE, the manual's own example.
INTENT_AGREE_MODES = {"release", "return", "disarm"}

# Instruments that give an ASSAULT its mode when the trigger does not.
INSTRUMENT_MODE = [
    ({"suicide"}, "suicide-attack"),
    ({"drone", "drones", "uav"}, "drone"),
    ({"airstrike", "airstrikes", "warplane", "warplanes", "jet", "jets", "missile", "missiles", "rocket",
      "rockets", "helicopter", "bomber", "aircraft", "air"}, "aerial"),
    ({"artillery", "shell", "shells", "shelling", "mortar", "mortars", "tank", "tanks"}, "heavy-weapons"),
    ({"bomb", "bombs", "ied", "explosive", "explosives", "grenade", "landmine", "mine", "blast", "explosion"},
     "explosives"),
    ({"gun", "guns", "gunmen", "gunman", "rifle", "rifles", "gunfire", "shot", "shooting", "bullet",
      "bullets", "firearm", "firearms", "sniper"}, "firearms"),
    ({"knife", "knives", "machete", "machetes", "stick", "sticks", "stone", "stones", "club", "clubs"},
     "primitive"),
    ({"tear", "teargas", "baton", "batons", "cannon"}, "crowd-control"),
]


class EventsStage:
    name = "events"
    requires: tuple[str, ...] = ()
    assigns = ("event_type", "event_mode", "event_contexts", "negated", "hypothetical", "trigger_text",
               "event_reason", "event_confidence")

    # The trained classifier (stages/classify.py, docs/models/event_classifier.md) retypes the triggers the
    # lexicon finds (the lexicon finds the words and gives mode and contexts), and may code a sentence the
    # lexicon finds nothing in. Chosen on the cross-validated `eventwire eval plv` (docs/models/
    # event_classifier.md), checked on MUC-4 and ACLED: a CAMEO-dictionary trigger, anywhere in the
    # sentence, takes the classifier's type whatever its confidence (the classifier is right more often
    # than that loose lexicon); a curated trigger (written from the PLOVER manual) only when the classifier
    # is fairly sure, since PLV's labels, which trained it, depart from the manual in places, and never when
    # it is a noun another verb governs ("condemned the attack": a referenced event, not the sentence's).
    # A sentence without a lexicon event is coded by the classifier when its main clause links two actors
    # (main_predicate; PLV: 9% of sentences had no event, their verbs missing from the lexicon), or else
    # when the classifier is sure, since most sentences of an article report no event.
    RETYPE_MIN_P = 0.0
    RETYPE_CURATED_MIN_P = 0.6  # the sentence's main trigger
    RETYPE_CURATED_OTHER_MIN_P = 0.6  # its other curated triggers that are not referenced nouns
    RETYPE_ALL = True  # also the other triggers of the sentence
    RETYPE_CROSS_MIN_P = 0.85  # a curated cooperative trigger retyped as an act of force (FORCEFUL)
    SENTENCE_MIN_P = 0.6
    PREDICATE_MIN_P = 0.3
    # When every lexicon event of a sentence is one it mentions in passing, the main clause's own action is coded
    # too (_sentence_draft with `passing`; PLV: about 40 errors were a passing mention picked while the main verb had
    # no lexicon event); its root verb, without an actor as object, at p >= PASSING_ROOT_MIN_P.
    PASSING_PREDICATE = True
    PASSING_ROOT_MIN_P = 0.45
    # (lexicon type, classifier type) pairs where PLV, which trained the classifier, departs from the PLOVER
    # manual: PLV codes imposed sanctions as COERCE (the lexicon now does too, after CAMEO2PLOVER-2021 163) and
    # also convictions, expulsions and severed ties, which the manual and the lexicon keep as SANCTION.
    KEEP_MANUAL = frozenset({("SANCTION", "COERCE")})
    # The raw confidence of an event the sentence reports in its main clause against the events it mentions
    # in passing (a noun another verb governs, a subordinate clause or phrase): the sentence is about the
    # former, the latter are often background ("after the talks", "who attacked").
    MAIN_BONUS = 0.1
    REFERENCED_PENALTY = 0.2

    def __init__(self, res: Resources | None = None, keep_negated: bool = False, use_classifier: bool = True):
        self.res = res
        self.keep_negated = keep_negated
        self.lexicon = TriggerLexicon.load()
        # reporting verbs that are no event themselves ("say", "insist"; not "accuse", "demand")
        self.reporters = {v for v in speech_verbs() if self.lexicon.lookup(v, "V", set()) is None}
        self.classifier = EventTypeClassifier.load() if use_classifier else None

    def __call__(self, ctx: ArticleContext) -> None:
        for sent in ctx.doc.sents:
            ctx.events.extend(self.sentence_events(sent))

    # -- one sentence -------------------------------------------------------------------------
    def sentence_events(self, sent: Span) -> list[EventDraft]:
        lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
        found: dict[int, tuple[Token, Trigger, str]] = {}
        for tok in sent:
            if tok.pos_ == "VERB" and tok.dep_ in ATTRIBUTIVE_DEPS and tok.i > 0 and tok.nbor(-1).text == "-":
                continue  # a hyphenated participle used as an adjective ("rebel-held", "U.S.-backed") describes
            if tok.dep_ == "amod" and tok.tag_ == "VBG" and tok.pos_ in ("VERB", "ADJ"):
                continue  # an attributive present participle describes its noun ("a visiting official")
            if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lemma_.lower() in PURPOSE_PARTICIPLES:
                continue  # "an agreement aimed at ending the violence": the agreement's purpose, no event
            if tok.pos_ == "VERB" and _habitual(tok):
                continue  # "has been hit repeatedly": a pattern the article describes, no event of its own
            hit = self.match(tok, lemmas)
            if hit is not None:
                found[tok.i] = (tok, hit[0], hit[1])
        _ending(found)
        _finalized(found)
        drafts: list[EventDraft] = []
        absorbed: set[int] = set()
        passing = 0  # drafted events the sentence mentions in passing
        frames: dict[int, str] = {}  # frame token index -> mode taken from what it governs
        for i, (tok, trig, _phrase) in found.items():
            frame = self._frame_trigger(tok, found)
            if frame is not None:
                absorbed.add(i)
                ftrig = found[frame.i][1]
                if ftrig.mode is None and frame.i not in frames:
                    mode = self._frame_mode(ftrig.type, trig)
                    if mode:
                        frames[frame.i] = mode
        # the classifier learned one label per sentence: it may retype only the sentence's main trigger
        # (the one nearest the root of the parse), never the events that sentence mentions in passing
        live = [i for i in found if i not in absorbed]
        main = min(live, key=lambda i: (_depth(found[i][0]), i)) if live else None
        for i, (tok, trig, phrase) in sorted(found.items()):
            if i in absorbed:
                continue
            # a noun that another verb governs names an event the sentence refers to ("condemned the
            # attack"), and a subordinate clause another event ("until avenging", "who attacked"): the
            # classifier's sentence-level type is not theirs
            referenced = tok.pos_ == "NOUN" and self._governor(tok) is tok and tok.dep_ != "ROOT" \
                or _subordinate(tok)
            retype = i == main or self.RETYPE_ALL and (
                trig.source != "curated" or self.RETYPE_CURATED_OTHER_MIN_P <= 1.0 and not referenced)
            ev = self._draft(tok, sent, trig, phrase, lemmas, frames.get(i), retype=retype, main=i == main,
                             referenced=referenced)
            if ev is not None:
                drafts.append(ev)
                passing += referenced
        duty = self._obligation_draft(sent, drafts, found)
        if duty is not None:
            drafts.append(duty)
        elif not found and self.classifier is not None:  # (a negated trigger is no gap to fill)
            ev = self._sentence_draft(sent)
            if ev is not None:
                drafts.append(ev)
        elif drafts and passing == len(drafts) and self.classifier is not None and self.PASSING_PREDICATE:
            # every event the lexicon found is mentioned in passing ("left a meeting with ...", "quashed the
            # orders for the detention of ..."): the main clause's own action, if it links two actors, is the
            # sentence's event too
            ev = self._sentence_draft(sent, passing=drafts)
            if ev is not None:
                drafts.append(ev)
        return drafts

    def _sentence_draft(self, sent: Span, passing: list[EventDraft] | None = None) -> EventDraft | None:
        """No event from the lexicon: the classifier codes the sentence's main predicate when the clause
        reports an action of one actor on another (main_predicate), or, failing that, when it is sure.
        With `passing`, the sentence's lexicon events, all mentioned in passing ("left a meeting with ...",
        "said it will not begin talks until the release"): the same, for a predicate that is none of theirs
        and is no verb of being or undergoing ("died"), and only for a type none of them has (else the
        passing mention may well be the sentence's event)."""
        assert self.classifier is not None
        taken = {ev.trigger.i for ev in passing or ()}
        pred, why = main_predicate(sent)
        if pred is not None and pred.i in taken:
            return None
        if pred is not None:
            top, p = self.classifier.predict(sent, pred)[0]
            need = self.PREDICATE_MIN_P
        else:
            root = sent.root
            if root.pos_ != "VERB" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
                return None
            pred, why = root, "the root verb"
            if passing is not None and not self._acts(root, taken):
                return None
            top, p = self.classifier.predict(sent, None)[0]
            need = self.PASSING_ROOT_MIN_P if passing is not None else self.SENTENCE_MIN_P
        if passing is not None and top in {ev.get("event_type") for ev in passing}:
            return None
        if p < need:
            return None
        trig = Trigger(pred.lemma_.lower(), "V", top, None, (), (), "classifier")
        ev = self._draft(pred, sent, trig, trig.phrase, set(), None)
        if ev is not None:
            gap = "every lexicon event is mentioned in passing" if passing is not None else "no lexicon event"
            ev.values["event_reason"] = f"{gap}; classifier codes {why} {pred.text!r} -> {top} " \
                                        f"(p={p:.2f}); " + ev.values["event_reason"]
            ev.values["event_confidence"] = round(0.5 * p + (self.MAIN_BONUS if passing is not None else 0.0), 2)
        return ev

    def _acts(self, root: Token, taken: set[int]) -> bool:
        """Whether a root verb that is no lexicon event reports an action of an actor: its subject names one
        (an entity, a proper noun, a personal pronoun; not "the rains caused"), it is no verb of being or
        undergoing ("remained", "died"), and a reporting verb reports a clause ("said it will not begin talks",
        not "claimed responsibility for the attack")."""
        lemma = root.lemma_.lower()
        if root.i in taken or lemma in STATIVE and lemma not in self.reporters:
            return False
        if lemma in self.reporters and not any(c.dep_ == "ccomp" for c in root.children):
            return False
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subj is not None and _names_actor(subj, ACTOR_ENTS, pronoun=True)

    def match(self, tok: Token, lemmas: set[str]) -> tuple[Trigger, str] | None:
        """The trigger `tok` evokes in a sentence with these lemmas, and the phrase that matched: the first
        of its candidate phrases (triggers.candidate_keys) the lexicon knows decides."""
        pos, keys = candidate_keys(tok)
        for k in keys:
            if self.lexicon.known(k, pos):
                t = self.lexicon.lookup(k, pos, lemmas)
                return (t, k) if t else None
        return None

    # -- reported obligations ("X says Y must ...") ----------------------------------------------
    def _obligation(self, tok: Token) -> Token | None:
        """The verb of a reported obligation that governs this event word, or None: a clause with "must" (not
        the epistemic "must have") whose subject is not the speaker's "I"/"we", and that is the complement of a
        reporting verb that is itself no event ("said", "insisted", "reiterated"; reporting_verbs.tsv). The
        walk climbs from the word's governing verb through complements and conjuncts, at most 5 steps."""
        cur, steps = self._governor(tok), 0
        while steps < 5:
            if any(c.dep_ == "aux" and c.lower_ == "must" for c in cur.children):
                return cur if self._obliges(cur) else None
            if cur.dep_ not in ("xcomp", "conj", "acomp", "dobj", "obj") or cur.head is cur:
                return None
            cur, steps = cur.head, steps + 1
        return None

    def _obliges(self, verb: Token) -> bool:
        if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in self.reporters:
            return False
        if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children):
            return False  # "must have known": an inference, not a demand
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subj is not None and subj.lower_ not in ("i", "we")

    def _obligation_draft(self, sent: Span, drafts: list[EventDraft],
                          found: dict[int, tuple[Token, Trigger, str]]) -> EventDraft | None:
        """A reported obligation with no event word of its own ("the EU says an intervention must be avoided",
        "said North Korea must do something meaningful"): the REQUEST itself, on the obliged verb."""
        taken = {ev.trigger.i for ev in drafts} | set(found)
        for verb in sent:
            if verb.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "aux" and c.lower_ == "must"
                                                              for c in verb.children):
                continue
            if not self._obliges(verb) or any(t.i in taken for t in verb.subtree):
                continue
            if any(c.dep_ == "neg" for c in verb.children):
                continue
            trig = Trigger(verb.lemma_.lower(), "V", "REQUEST", "change", (), (), "curated")
            ev = self._draft(verb, sent, trig, f"must {verb.lemma_.lower()}", set(), None)
            if ev is not None:
                ev.values["event_reason"] = f"a reported obligation 'must {verb.text}' under {verb.head.text!r} " \
                                            "-> REQUEST (PLOVER: demands); " + ev.values["event_reason"]
            return ev
        return None

    # -- modality -----------------------------------------------------------------------------
    def _reported_future(self, verb: Token) -> bool:
        """Whether "would" on this verb is a future shifted back by reported speech ("the regime said it would
        allow access": the sequence of tenses), not a conditional: the verb's clause, reached through
        complements and conjuncts, is the complement of a reporting verb that is no event, and no "if" or
        "unless" opens a condition in it."""
        cur, steps = verb, 0
        while cur.dep_ in ("xcomp", "conj") and cur.head is not cur and steps < 4:
            cur, steps = cur.head, steps + 1
        if cur.dep_ != "ccomp" or cur.head.lemma_.lower() not in self.reporters:
            return False
        return not any(t.dep_ == "mark" and t.lower_ in ("if", "unless") for t in cur.subtree)

    def _governor(self, tok: Token) -> Token:
        """The verb whose tense and modality an event word takes: itself for a verb, the light verb for a
        noun that is its object or subject ("launched an attack", "operations will continue")."""
        if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "obj", "nsubj", "nsubjpass") \
                and tok.head.lemma_.lower() in LIGHT_VERBS:
            return tok.head
        return tok

    def _chain(self, tok: Token) -> list[Token]:
        """The event word, its governing verb, and the verbs above it through complements."""
        out = [tok]
        cur = self._governor(tok)
        if cur is not tok:
            out.append(cur)
        steps = 0
        while cur.dep_ in ARG_DEPS and cur.head is not cur and steps < 5:
            if cur.dep_ == "conj" and cur.head.pos_ != "VERB":
                break
            cur = cur.head
            out.append(cur)
            steps += 1
            if cur.pos_ == "VERB" and cur.dep_ not in ("xcomp", "ccomp", "advcl", "conj"):
                break
        return out

    def _frame_trigger(self, tok: Token, found: dict[int, tuple[Token, Trigger, str]]) -> Token | None:
        """A frame trigger (threaten, demand, agree, refuse...) that governs this event word."""
        if tok.pos_ == "NOUN" and self._governor(tok) is tok and not (
                tok.dep_ in ("dobj", "obj") and tok.head.i in found
                and found[tok.head.i][1].type in FRAME_TYPES):
            # a referenced event ("condemned the attacks", "vowed to avenge the killing") is not governed
            # by a frame; only the frame's own object is ("demanded a ceasefire")
            return None
        for anc in self._chain(tok)[1:]:
            if anc.i in found and found[anc.i][1].type in FRAME_TYPES and anc.i != tok.i:
                return anc
        return None

    @staticmethod
    def _frame_mode(frame_type: str, inner: Trigger) -> str | None:
        if frame_type == "THREATEN":
            return THREAT_MODE_BY_MODE.get(inner.mode or "") or THREAT_MODE.get(inner.type, "violence"
                                                                              if inner.type == "ASSAULT" else None)
        if frame_type in ("REQUEST", "REJECT"):
            return ASK_MODE.get(inner.type, "change")
        return None

    def _modality(self, tok: Token) -> tuple[bool, str | None, str | None]:
        """(negated, 'future'|'unreal'|'plan'|None, the words that say so). A noun that is no light verb's
        argument names an event the sentence refers to ("avenge the killing"): only its own negation counts."""
        chain = [tok]
        cur = self._governor(tok)
        if cur is not tok:
            chain.append(cur)
        if tok.pos_ == "NOUN" and cur is tok:
            pass  # a referenced event: no tense or frame of its own
        else:
            while cur.dep_ in ("xcomp", "conj") and cur.head is not cur and len(chain) < 6:
                cur = cur.head
                chain.append(cur)
        negated = False
        neg_word = None
        for t in chain[:2]:
            for ch in t.children:
                if ch.dep_ == "neg" or (ch.dep_ == "det" and ch.lower_ in ("no", "neither")):
                    negated, neg_word = True, ch.text
                if ch.dep_ in ("nsubjpass", "dobj", "nsubj") and t.pos_ == "VERB":
                    for d in ch.children:
                        if d.dep_ == "det" and d.lower_ == "no":
                            negated, neg_word = True, f"{d.text} {ch.text}"
        mood: str | None = None
        why: str | None = None
        for t in chain:
            if t.i != tok.i and t.lemma_.lower() in PLAN_VERBS:
                return negated, "plan", t.text
            for ch in t.children:
                low = ch.lower_
                if ch.dep_ == "aux" and low in MODALS_FUTURE and mood is None:
                    mood, why = "future", ch.text
                elif ch.dep_ == "aux" and low == "would" and mood is None and self._reported_future(t):
                    mood, why = "future", ch.text  # "said it would release them": a future in reported speech
                elif ch.dep_ == "aux" and low in MODALS_UNREAL and mood is None or ch.dep_ == "mark" and low in ("if", "unless") and mood is None:
                    mood, why = "unreal", ch.text
            if t.lemma_.lower() in ("vow", "promise", "pledge") and t.i != tok.i:
                mood, why = "future", t.text
            elif t.i != tok.i and t.pos_ == "ADJ" and t.lemma_.lower() in WILLING and mood is None:
                mood, why = "willing", t.text  # "is willing to send aid": the manual's AGREE ("indicate willingness")
        if neg_word:
            why = neg_word if why is None else why
        return negated, mood, why

    # -- one event ----------------------------------------------------------------------------
    def _draft(self, tok: Token, sent: Span, trig: Trigger, phrase: str, lemmas: set[str],
               frame_mode: str | None, retype: bool = False, main: bool = True,
               referenced: bool = False) -> EventDraft | None:
        negated, mood, why = self._modality(tok)
        # "will not release the hostages"; a concession withheld in any tense ("did not give permission")
        refusal = negated and (mood == "future" and trig.type in COOP_MATERIAL | {"AGREE"} or trig.type == "CONCEDE")
        if negated and not refusal and not self.keep_negated:
            return None
        typ, mode = trig.type, trig.mode or frame_mode
        contexts = list(trig.contexts)
        reason = f"trigger {tok.text!r} ({phrase}, {trig.source}) -> {typ}"
        if refusal:
            # "will not release the hostages", "won't lift the ban": a refusal, PLOVER's REJECT
            typ, mode, contexts, negated = "REJECT", ASK_MODE.get(trig.type, "change"), [], False
            reason += f"; a cooperative action or concession the actor will not make ({why!r}) -> REJECT (PLOVER)"
        p_type = None
        # a future or planned material action is typed by PLOVER's tense rules below, not by the classifier
        ruled = refusal or mood in ("future", "plan", "willing") and trig.type in CONFLICT_MATERIAL | COOP_MATERIAL \
            | FUTURE_THREAT
        if self.classifier is not None and retype and trig.source != "classifier" and not ruled:
            top, p_type = best_root(self.classifier.predict(sent, tok))
            need = self.RETYPE_MIN_P if trig.source != "curated" else \
                self.RETYPE_CURATED_MIN_P if main else self.RETYPE_CURATED_OTHER_MIN_P
            if trig.source == "curated" and typ in COOPERATIVE and top in FORCEFUL:
                # a curated cooperative word made an act of force needs more: the classifier's sentence-level type
                # is often another event's ("Iran also backs the militants who have been involved in exchange of
                # fire" is no ASSAULT), and an ASSAULT draws the sentence's casualty counts
                need = max(need, self.RETYPE_CROSS_MIN_P)
            # a PLOVER rule's output is not retyped back to what the rule recoded: the classifier, trained on one
            # label per sentence, reads "ceased its military operations" or "dropped the investigation" as the
            # operation or the investigation, "agreed to a trade deal" as the AGREE the rule made a SUPPORT
            if top != typ and p_type >= need and (typ, top) not in self.KEEP_MANUAL and top != trig.replaces:
                reason += f"; classifier -> {top} (p={p_type:.2f}; the lexicon said {typ})"
                typ, mode, contexts = top, (frame_mode if top in FRAME_TYPES else None), []
        hypothetical = False
        obliged = self._obligation(tok)
        if obliged is not None and typ not in FRAME_TYPES:
            # "Russia says Israel must end its attacks": the speaker demands the act of another actor
            typ, mode, contexts = "REQUEST", ASK_MODE.get(typ, "change"), []
            reason += f"; an obligation the speaker puts on another actor ({obliged.head.text!r} ... 'must') -> " \
                      "REQUEST (PLOVER: demands)"
        elif mood == "willing" and typ in FUTURE_THREAT:
            mode = THREAT_MODE_BY_MODE.get(trig.mode or "") or THREAT_MODE.get(typ, "violence")
            typ = "THREATEN"
            reason += f"; readiness for a conflictual action ({why!r}) -> THREATEN (PLOVER)"
        elif mood == "willing" and typ in FUTURE_AGREE | COOP_MATERIAL:
            typ, mode = "AGREE", None
            reason += f"; willingness to cooperate or yield ({why!r}) -> AGREE (PLOVER: \"indicate willingness\")"
        elif mood == "future" and typ in FUTURE_THREAT:
            mode = THREAT_MODE_BY_MODE.get(trig.mode or "") or THREAT_MODE.get(typ, "violence")
            typ = "THREATEN"
            reason += f"; future conflictual action ({why!r}) -> THREATEN (PLOVER)"
        elif mood == "future" and typ in FUTURE_AGREE:
            typ, mode = "AGREE", None
            reason += f"; future cooperative action ({why!r}) -> AGREE (PLOVER)"
        elif mood == "future" and typ == "RETREAT" and mode in INTENT_AGREE_MODES:
            typ, mode = "AGREE", None
            reason += f"; announced release ({why!r}) -> AGREE (CAMEO2PLOVER-2021 0353)"
        elif mood == "future" and typ == "RETREAT":
            typ = "CONCEDE"
            reason += f"; announced retreat ({why!r}) -> CONCEDE (PLOVER)"
        elif mood in ("unreal", "plan") and typ not in FRAME_TYPES:
            hypothetical = True
            reason += f"; hypothetical ({why!r})"
        if typ == "ASSAULT" and mode is None:
            mode = instrument_mode(sent)
            if mode:
                reason += f"; mode {mode} from the instrument"
        if negated:
            reason += f"; negated ({why!r})"
        conf = 0.7 if trig.source == "curated" else 0.55
        if tok.pos_ == "NOUN":
            conf -= 0.1
        if p_type is not None:
            conf = 0.5 * conf + 0.5 * p_type if typ == trig.type else 0.8 * p_type
        if referenced:
            conf -= self.REFERENCED_PENALTY
            reason += "; an event the sentence mentions in passing (lower confidence)"
        elif main and trig.source != "classifier":
            conf += self.MAIN_BONUS
            reason += "; the sentence's main event (higher confidence)"
        ev = EventDraft(trigger=tok, sent=sent)
        ev.set("event_type", typ, reason)
        ev.set("event_mode", mode)
        ev.set("event_contexts", contexts)
        ev.set("negated", negated)
        ev.set("hypothetical", hypothetical)
        ev.set("trigger_text", tok.text)
        ev.set("event_reason", reason)
        ev.set("event_confidence", round(conf, 2))
        return ev


# The classifier scores PLV's 15 roots and splits YIELD into CONCEDE and RETREAT afterwards.
YIELD_TYPES = ("CONCEDE", "RETREAT")


def best_root(ranked: list[tuple[str, float]]) -> tuple[str, float]:
    """The classifier's best type and its probability at the level it was trained on, PLV's roots: a
    concession or retreat counts with the probability of YIELD (CONCEDE + RETREAT), not with half of it, so
    the retyping thresholds mean the same for every type; the type is the likelier of the two. (The
    fallbacks for sentences without a lexicon event keep the split probability: on news, where most
    sentences report no event, YIELD is the classifier's usual guess for an eventless clause, and at the
    root level it coded "told", "identified", "was taken to hospital" as retreats; PLV gained 0.001.)"""
    probs = dict(ranked)
    yield_p = sum(probs.get(t, 0.0) for t in YIELD_TYPES)
    top, p = next(((t, q) for t, q in ranked if t not in YIELD_TYPES), ("", 0.0))
    if yield_p > p:
        return max(YIELD_TYPES, key=lambda t: probs.get(t, 0.0)), yield_p
    return top, p


def _ending(found: dict[int, tuple[Token, Trigger, str]]) -> None:
    """PLOVER's de-escalations: ending a conflictual action ("called off the strike", "lifted its boycott",
    "halted the offensive") is a YIELD, not the action. The verb becomes the event (ENDED: CONCEDE for
    protests, RETREAT for fighting, sanctions and restrictions) and the noun is dropped; in place."""
    for i, (tok, trig, _phrase) in list(found.items()):
        if tok.pos_ != "NOUN" or trig.type not in ENDED or tok.dep_ not in ("dobj", "obj", "nsubjpass"):
            continue
        verb = tok.head
        lemma = verb.lemma_.lower()
        if any(ch.dep_ == "prt" for ch in verb.children):
            lemma += " " + next(ch.lower_ for ch in verb.children if ch.dep_ == "prt")
        if verb.pos_ != "VERB" or lemma not in END_VERBS:
            continue
        typ, mode = ("REJECT", None) if trig.type == "CONSULT" and lemma in CANCEL_VERBS else ENDED[trig.type]
        phrase = f"{lemma} {tok.lemma_.lower()}"
        found[verb.i] = (verb, Trigger(phrase, "V", typ, mode, (), (), "curated", replaces=trig.type), phrase)
        del found[i]


# The PLOVER manual's SUPPORT: "ratify, sign, or finalize an agreement or treaty" (CAMEO2PLOVER-2021 057 "sign formal
# agreement"); a promise to sign one, or an agreement to do something ("agreed to withdraw"), stays AGREE.
AGREEMENT_NOUNS = {"agreement", "deal", "accord", "treaty", "pact", "memorandum", "text", "framework", "protocol",
                   "convention", "charter", "declaration", "communique"}
FINALIZE_VERBS = {"agree", "sign", "reach", "conclude", "finalize", "finalise", "ratify", "strike", "seal", "ink"}


def _finalized(found: dict[int, tuple[Token, Trigger, str]]) -> None:
    """An AGREE trigger that finalizes an agreement is a SUPPORT: a verb of FINALIZE_VERBS in a clause of its
    own (not "hoped to sign", not "agreed to withdraw") whose object, or the object of its "to"/"on" ("agreed
    to a trade deal", "agreed on the text"), is an agreement. The agreement noun is then the same event and
    is dropped; governed by a finalizing verb that is no trigger ("reached an agreement") it becomes the
    SUPPORT itself. In place; a future or modal still makes it AGREE through the tense rules."""
    for i, (tok, trig, _phrase) in list(found.items()):
        if i not in found or trig.type != "AGREE":
            continue
        verb = tok if tok.pos_ == "VERB" else tok.head if tok.dep_ in ("dobj", "obj") else \
            tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "on", "upon") else None
        if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in FINALIZE_VERBS \
                or verb.dep_ == "xcomp" or any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
            continue
        objs = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        objs += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "on", "upon")
                 for g in c.children if g.dep_ == "pobj"]
        deals = [o for o in objs if o.lemma_.lower() in AGREEMENT_NOUNS]
        if not deals:
            continue
        if tok is not verb and verb.i in found:
            continue  # the verb is the event (below, or already)
        phrase = f"{verb.lemma_.lower()} {deals[0].lemma_.lower()}"
        found[i] = (tok, Trigger(phrase, trig.pos, "SUPPORT", None, ("diplomatic",), (), "curated", replaces="AGREE"),
                    phrase)
        if tok is verb:
            for d in deals:
                found.pop(d.i, None)


# Dependencies that open a clause or phrase of its own below the main clause; an adverbial clause only
# with a subordinator ("until", "after they attacked"), not a participle of the same actor ("..., demanding").
SUBORDINATE_DEPS = {"relcl", "acl", "pcomp", "pobj", "prep", "parataxis", "csubj", "appos", "npadvmod"}


def _habitual(verb: Token) -> bool:
    """A present or present-perfect verb with an adverb of frequency (HABITUAL_ADVERBS)."""
    if not any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in verb.children):
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if auxes:  # the first auxiliary carries the tense: "has (been) hit", "is shelled"; not "had", "was"
        return auxes[0].tag_ in ("VBZ", "VBP") and auxes[0].lemma_ in ("have", "be")
    return verb.tag_ in ("VBZ", "VBP")


def _subordinate(tok: Token) -> bool:
    """Whether the word lies in a subordinate clause or phrase rather than on the main clause's chain."""
    steps = 0
    while tok.head is not tok and steps < 50:
        if tok.dep_ in SUBORDINATE_DEPS or tok.dep_ == "advcl" and any(c.dep_ == "mark" for c in tok.children):
            return True
        tok, steps = tok.head, steps + 1
    return False


def _depth(tok: Token) -> int:
    d = 0
    while tok.head is not tok and d < 50:
        tok, d = tok.head, d + 1
    return d


def instrument_mode(sent: Span) -> str | None:
    words = {t.lower_ for t in sent}
    for cue, mode in INSTRUMENT_MODE:
        if words & cue:
            return mode
    return None


# Entity kinds that name an actor (a person, a group, a state) and those a target may also be (a place).
ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
TARGET_ENTS = ACTOR_ENTS | {"LOC", "FAC"}
ACTOR_PRONOUNS = {"he", "she", "they", "we", "i"}
# Verbs that say something about the subject, not an action on another actor.
STATIVE = {"be", "have", "seem", "become", "remain", "appear", "include", "contain", "consist", "mean",
           "cost", "number", "total", "lie", "live", "die", "know", "think", "believe", "feel", "like", "want",
           "need", "expect", "hope", "say", "tell", "report", "add", "note", "write", "state", "claim"}


def _names_actor(head: Token, kinds: set[str], pronoun: bool = False) -> bool:
    """A noun phrase that names an actor: an entity of these kinds (or an untagged proper noun) in it, or,
    when `pronoun`, a personal pronoun."""
    if head.pos_ == "PRON":
        return pronoun and head.lower_ in ACTOR_PRONOUNS
    return any(t.ent_type_ in kinds or (t.pos_ == "PROPN" and not t.ent_type_) for t in head.subtree)


def main_predicate(sent: Span) -> tuple[Token | None, str]:
    """The verb of the sentence's main clause when it reports an action between two actors, and how it was
    found; (None, "") otherwise. The verb: the root; under a reporting or stative root, its clausal
    complement ("X said Y did Z"); under "be" + adjective, the adjective's verb ("is ready to contribute",
    "were guilty of violating"). It must be a verb, not negated, not stative, with an actor as its subject
    (or as the "by" agent of a passive) and an actor or a place as its object, dative or prepositional
    object ("DHS returned the artifacts to Italy"), or, for a passive, any subject ("the artifacts were
    returned by DHS")."""
    root = sent.root
    pred, how = root, "the main verb"
    if root.lemma_.lower() in STATIVE:
        inner = next((c for c in root.children if c.dep_ == "ccomp" and c.pos_ == "VERB"), None)
        for ac in (c for c in root.children if c.dep_ == "acomp"):
            inner = inner or next((g for g in ac.children if g.dep_ == "xcomp" and g.pos_ == "VERB"), None)
            for prep in (g for g in ac.children if g.dep_ == "prep"):
                inner = inner or next((g for g in prep.children if g.dep_ == "pcomp" and g.pos_ == "VERB"), None)
        if inner is not None:
            pred, how = inner, "the main clause's verb"
    if pred.pos_ != "VERB" or pred.lemma_.lower() in STATIVE:
        return None, ""
    if any(c.dep_ == "neg" for c in [*pred.children, *(c for c in root.children if pred is not root)]):
        return None, ""
    subj = next((c for c in pred.children if c.dep_ == "nsubj"), None)
    if subj is None and pred is not root:
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    passive = next((c for c in pred.children if c.dep_ == "nsubjpass"), None)
    agent = next((g for c in pred.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if passive is not None and agent is not None and _names_actor(agent, ACTOR_ENTS):
        return pred, how + " (passive)"
    if subj is None or not _names_actor(subj, ACTOR_ENTS, pronoun=True):
        return None, ""
    for c in pred.children:
        if c.dep_ in ("dobj", "obj", "dative") and _names_actor(c, TARGET_ENTS):
            return pred, how
        if c.dep_ == "prep" and any(g.dep_ == "pobj" and _names_actor(g, TARGET_ENTS) for g in c.children):
            return pred, how
    return None, ""
