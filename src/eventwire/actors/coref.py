"""Actor mentions of one article, in reading order, and what pronouns and short descriptions refer to.

Simple salience-based coreference: every noun phrase is resolved with the lexicon as it is read; a pronoun
("they", "she") or a short definite description ("the Guards", "the group") takes the most recent earlier
mention that fits (a person for he/she, a group or state for they/it, a mention sharing the head word for
"the Guards"); "we"/"our" in a quotation is the speaker of the sentence. An ethnic group word ("Kurdish")
takes the country of the nearest mention of one of its countries. A name the dictionary lacks takes what its
apposition says ("X, Algeria's leading activist"), and a known person the office an apposition names ("Kofi Annan,
UN secretary-general"); a domestic actor or a weapon ("a car bomb") with no country takes the nearest place's (a
weapon: the place in its own sentence, a town the tagger took for a people included), never a country it is
"anti-"/"pro-" or acts "against". A state's armed act named as the actor ("Israeli airstrikes") is its military's;
a capital stands for its government as subject, object, possessor of an act or "by" agent, but not as the object of
a verb that strikes or blocks a place ("shelled Juba": its people). A subject pronoun of a reported clause is the
one who says it ("the militants said they attacked"); a title the parser cut off before a name still names the
office ("U.N. Secretary-General Kofi Annan"); a person's name the parse split is read whole; a word the tagger took
for no name is never looked up as a town ("SUV", "God"); a surname is a local namesake's when the article names
another person with it, the tagger's PERSON or two untagged capitalised name words ("Demetrius Ward").

Countries from the context: an unnamed thing or group named again ("At least four drones" after "Russian drones
struck") takes the country it was first named with, before any guess; "its forces" takes the country of what "its"
refers to. A demonym is context only where it describes people ("Russian soldiers", "the Russians"), not a thing
("30 kilometres from the Russian border"). A guess is firm only from the actor's own sentence and a people's name,
a country's name or a place the places stage resolved; any other guess (another sentence, a town name only the
dictionary read: "Manchester", "Hale", "Glasgow Village") is marked `guessed`, and the actors stage gives such a
non-state party the country of the event's own place instead (stages/actors.py `_at_event_place`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from ..annotate import doc_ents, is_cased
from .arguments import attributions, is_act, noun_phrase
from .lexicon import COUNTRYISH, NOT_OWN_COUNTRY, ORGISH, ActorInfo, ActorLexicon, PlaceLookup

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Sectors whose actors are usually of the country the report is about when the text names none.
DOMESTIC = frozenset({"COP", "CVL", "REB", "UAF", "CRM", "EDU", "LAB", "AGR", "REF", "JUD", "LEG", "PTY", "OPP",
                      "MED", "JRN", "REL", "SOC", "ELI", "PRM"})
# Nouns that name events or acts, never parties ("condemned the attacks", "avenge the killing of ...").
EVENT_NOUNS = frozenset({"attack", "strike", "airstrike", "killing", "assassination", "bombing", "raid",
                         "invasion", "war", "fighting", "violence", "crime", "action", "demand", "call",
                         "decision", "plan", "agreement", "deal", "talk", "sanction", "aid", "support", "offensive",
                         "operation", "shelling", "massacre", "arrest", "protest", "visit", "meeting", "ceasefire",
                         "truce", "threat", "statement", "declaration", "violation", "allegation", "accusation"})
STATE = frozenset({"GOV", "MIL", "SPY"})
NONSTATE = frozenset({"IGO", "UNO", "EUR", "NGO", "IMG", "MNC", "ISM"})
PERSONAL = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
GROUPISH = {"they", "them", "their", "theirs", "themselves", "it", "its", "itself"}
SPEAKER = {"we", "us", "our", "ours", "ourselves", "i", "me", "my"}
PRONOUN_WORDS = frozenset(PERSONAL | GROUPISH | SPEAKER)
DESCRIPTIONS = {"group", "movement", "organisation", "organization", "militia", "militants", "rebels",
                "government", "regime", "country", "army", "military", "force", "forces", "guards", "party",
                "ministry", "agency", "authorities", "administration", "insurgents", "fighters", "troops"}
SAY_VERBS = {"say", "state", "tell", "add", "claim", "announce", "declare", "warn", "write", "insist", "vow",
             "assure", "note", "report"}
# Further verbs of saying whose subject a pronoun subject of the reported clause refers to.
REPORTING = {"confirm", "deny", "admit", "acknowledge", "reveal", "disclose", "promise", "pledge", "threaten",
             "reiterate", "stress", "maintain", "argue", "believe", "indicate", "signal", "hint", "reply"}
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP"})  # (a misspelt town may be tagged ORG: "Khatmandu")
LOCATIVE = {"in", "near", "at", "from", "across", "inside", "outside", "around", "into", "through"}
# Armed acts: named as the actor ("Israeli airstrikes killed ..."), a state's are its military's.
ARMED_ACTS = frozenset({"attack", "strike", "airstrike", "raid", "bombing", "shelling", "bombardment", "offensive",
                        "incursion", "invasion", "assault", "barrage", "missile", "rocket"})
# Verbs that strike, block or take a place: a capital as their object is the city and its people, not a government.
PLACE_VERBS = {"shell", "bomb", "bombard", "blockade", "besiege", "storm", "occupy", "capture", "seize", "surround",
               "raid", "rocket", "strafe", "encircle", "enter", "invade", "paralyse", "paralyze", "flood", "evacuate"}
PERSON_NOUNS = {"spokesperson", "spokesman", "spokeswoman", "minister", "president", "official", "leader",
                "commander", "chief", "ambassador", "envoy", "secretary", "premier", "king", "prince",
                "governor", "mayor", "general", "businessman", "journalist", "judge", "officer"}


@dataclass(frozen=True)
class Mention:
    head: Token
    span: Span
    info: ActorInfo | None
    how: str  # "dictionary", "coreference: ...", ...

    @property
    def person(self) -> bool:
        """A single person (an antecedent for he/she, not for they/it)."""
        if self.head.ent_type_ == "PERSON":  # an office holder ("named") is a person, an organisation is not
            return self.info is None or self.info.kind not in COUNTRYISH | {"org", "group"}
        return self.head.lemma_.lower() in PERSON_NOUNS and self.head.tag_ in ("NN", "NNP")


class ArticleActors:
    """All actor mentions of a Doc, resolved once; `resolve(head, span)` for any noun of the article."""

    def __init__(self, doc: Doc, lexicon: ActorLexicon, when: date | None = None,
                 places: PlaceLookup | None = None, placed: dict[int, str] | None = None):
        self.doc = doc
        self.placed = placed or {}  # token index -> country of the place resolved there (stages/places.py)
        self.lex = lexicon
        self.when = when
        self.places = places
        self._place_ents: list[tuple[Span, int]] | None = None  # (entity, start of its sentence)
        self._span_words: dict[tuple[int, int], frozenset[str]] = {}
        self._full_names: list[Span] | None = None  # persons the article names in full ("Mark Peterson")
        self._surnames: dict[str, set[int]] | None = None  # their surnames, lower-cased -> token indices
        # whether case tells names from words: some word inside a sentence is capitalised
        self.cased = is_cased(doc)
        self._country_cache: dict[tuple[str, bool], str | None] = {}
        self._reporters: dict[int, set[int]] = {}  # sentence start -> tokens of who reports it ("..., X said")
        self.by_head: dict[int, Mention] = {}
        self._named: list[Token] | None = None
        self.order: list[Mention] = []
        heads: set[int] = set()
        for chunk in doc.noun_chunks:
            heads.add(chunk.root.i)
        for ent in doc_ents(doc):
            if ent.label_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
                heads.add(ent.root.i)
        for tok in doc:
            if tok.lower_ in PRONOUN_WORDS and _is_pronoun(tok):
                heads.add(tok.i)
        for i in sorted(heads):
            tok = doc[i]
            m = self._mention(tok, noun_phrase(tok))
            self.by_head[i] = m
            self.order.append(m)

    # ---------------------------------------------------------------- public

    def resolve(self, head: Token, span: Span) -> Mention:
        """The mention headed by `head` (resolved when the article was read), or one resolved now."""
        m = self.by_head.get(head.i)
        if m is not None and m.span == span:
            return m
        if m is not None and m.info is not None and m.how.startswith("corefer"):
            return Mention(head, span, m.info, m.how)
        own = self._mention(head, span)
        if own.info is None and m is not None and m.info is not None and m.span.start <= span.start \
                and span.end <= m.span.end:
            # "Maulana X" of "opposition leader Maulana X", "Y" of "Y, Algeria's leading activist": the name
            # alone is unknown, its whole noun phrase (title, apposition) says who it is
            return Mention(head, span, m.info, f"from the whole phrase '{m.span.text}'")
        return own

    def named_heads(self) -> list[Token]:
        """Heads of the mentions that name an actor (not pronouns, not weapons), in reading order."""
        if self._named is None:
            self._named = [m.head for m in self.order if m.info is not None and m.info.kind != "weapon"
                           and m.head.pos_ != "PRON" and m.how == "dictionary"]
        return self._named

    def is_agent(self, tok: Token) -> bool:
        """Whether the noun phrase of `tok` names any actor (by the dictionary or by reference)."""
        if tok.lemma_.lower() in EVENT_NOUNS or (tok.tag_ == "NN" and tok.lower_.endswith("ing")):
            return False  # "the killing of three members": an event, not a party to it
        m = self.resolve(tok, noun_phrase(tok))
        return m.info is not None and m.info.kind != "weapon"

    def is_actor(self, tok: Token) -> bool:
        """Whether a modifier word names an actor with a country or an organisation ("Houthi", "Israeli")."""
        info = self.lex.resolve(tok.text, self.when)
        return info is not None and (info.country is not None or info.kind in ORGISH)

    # ---------------------------------------------------------------- reading

    def _mention(self, head: Token, span: Span) -> Mention:
        low = head.lower_
        if _is_pronoun(head):
            return self._pronoun(head, span)
        # a person's name is no place: "Young", "Nelson" and "Garcia" are towns too, but not as a person's name
        # nor is a word the tagger took for no place: "SUV" is no Suva, "God" no Göd (in a text whose case says so)
        places = None if self._person_name(head) or self.cased and not any(
            t.ent_type_ in PLACE_ENTS for t in span) else self.places
        info = self._without_homographs(span, self.lex.resolve(span.text, self.when, places), places)
        if info is None and head.ent_type_ == "PERSON":
            info = self._whole_name(head, span)
        if info is not None and info.kind == "named" and self._namesake(head, info):
            info = None
        if head.pos_ == "PROPN" and (info is None or info.kind == "named"):
            info = self._apposition(head, info)
            if head.ent_type_ == "PERSON" and span.start == _ent_start(head):
                info = self._title_before(head, info)
        if self._is_description(head, span, info):
            ante = self._antecedent(head, lambda m: m.info is not None and (
                m.info.country is not None or m.info.kind in ORGISH) and self._shares_head(m, head))
            if ante is None and low in DESCRIPTIONS:
                ante = self._antecedent(head, lambda m: m.info is not None and m.info.kind in ORGISH
                                        and _compatible(m.info, info))
            if ante is not None and ante.info is not None:
                return Mention(head, span, ante.info, f"coreferent with '{ante.span.text}' (same head word)")
        if info is not None and info.country is None and info.candidates:
            country, where, _ = self._nearest_country(head, info.candidates)
            if country:
                info = replace(info, country=country, name=self.lex.country_name(country) + (
                    f" {info.name}" if info.name else ""),
                    reason=f"{info.reason}; {country} from the nearest mention of one of them ({where})")
        if info is not None and info.country is None and not info.candidates:
            # (a possessive pronoun, "its forces", is its referent's: read before the head, it is resolved)
            inner = [self.by_head.get(t.i) or self._mention(t, noun_phrase(t)) for t in span
                     if t.i != head.i and t.dep_ in ("pobj", "poss", "appos") and (
                         t.pos_ in ("PROPN", "NOUN") or t.dep_ == "poss" and t.i in self.by_head
                         and t.lower_ in GROUPISH and info.sector in STATE)]
            inner = [m for m in inner if m.info is not None and m.info.country is not None]
            if inner:
                sub = inner[0]
                info = replace(info, country=sub.info.country,  # type: ignore[union-attr]
                               reason=f"{info.reason}; country from '{sub.span.text}' ({sub.how})",
                               guessed=sub.info.guessed)  # type: ignore[union-attr]
        if info is not None and info.country is None and not info.candidates and (
                info.sector in DOMESTIC or info.sector in STATE):
            # "At least four drones hit ..." after "Russian drones struck ...": the same thing named earlier
            # with its country is that country's, before any guess from the words around it
            same = self._same_noun_before(head)
            if same is not None and same.info is not None:
                info = replace(info, country=same.info.country, name=f"{self.lex.country_name(same.info.country)} "
                               f"{info.name}", reason=f"{info.reason}; {same.info.country} of the same "
                               f"'{head.lemma_.lower()}' named earlier ('{same.span.text}')")
        if info is not None and info.country is None and not info.candidates and (
                info.sector in DOMESTIC or info.sector in STATE):
            # a weapon as the actor ("a car bomb exploded in Beirut"): the armed group of the place it struck
            weapon = info.kind == "weapon"
            country, where, firm = self._context_country(head, span, same_sentence_only=info.sector in STATE
                                                         or weapon, places_only=weapon)
            if country:
                info = replace(info, country=country, name=f"{self.lex.country_name(country)} {info.name}",
                               reason=f"{info.reason}; {country} from the context ({where})", guessed=not firm)
        if info is not None and info.sector is None and info.country is not None and info.kind in COUNTRYISH \
                and head.lemma_.lower() in ARMED_ACTS and info.country not in NONSTATE:
            # "US Predator attacks killed ...", "Israeli airstrikes": a state's armed acts are its military's
            info = replace(info, sector="MIL", name=f"{self.lex.country_name(info.country)} military",
                           reason=f"{info.reason}; '{head.text}' of a state: its military (MIL)")
        if info is not None and info.kind == "capital" and not _acting(head):
            info = replace(info, sector="CVL", name=self.lex.country_name(info.country),
                           reason=f"{info.reason}; but a capital that is not subject or object is a place: its "
                                  "people (CVL)")
        if info is None and head.ent_type_ == "PERSON":
            ante = self._antecedent(head, lambda m: m.info is not None and m.person
                                    and low in m.span.text.lower())
            if ante is not None and ante.info is not None:
                return Mention(head, span, ante.info, f"coreferent with '{ante.span.text}' (same name)")
        return Mention(head, span, self._unconfirmed_town(span, self._as_placed(span, info)), "dictionary")

    def _unconfirmed_town(self, span: Span, info: ActorInfo | None) -> ActorInfo | None:
        """A country the dictionary read from a town's name ("Hale", "Glasgow Village", "Newtown") that the places
        stage did not resolve there is only a guess: a local namesake is as likely ("Glasgow Village", Missouri)."""
        if info is None or info.country is None or info.kind not in PLACE_KINDS or info.kind == "country" \
                or not self.placed or any(self.placed.get(t.i) == info.country for t in span) \
                or any(t.ent_type_ == "NORP" for t in span):
            return info
        said = [e.kind for w in info.matched if (e := self.lex.lookup(w)) is not None]
        if any(k not in ("place", "seat", "capital", "agent") for k in said) or not any(
                k != "agent" for k in said) and len(said) == len(info.matched):
            return info  # a country's or people's name ("Iraqi police"), a named actor, or no town at all
        return replace(info, guessed=True)

    def _placed_in(self, span: Span) -> str | None:
        return next((self.placed[t.i] for t in span if t.i in self.placed), None)

    def _as_placed(self, span: Span, info: ActorInfo | None) -> ActorInfo | None:
        """An actor whose country the dictionary took from a place name ("Toledo police", "Lebanon" as a town)
        takes the country the places stage resolved that name to in the article's context."""
        if info is None or info.country is None or info.kind not in PLACE_KINDS or any(
                t.ent_type_ == "NORP" for t in span):
            return info
        runs: list[list[Token]] = []  # the place names inside the phrase, as runs of placed tokens
        for t in span:
            if t.i in self.placed:
                if runs and runs[-1][-1].i == t.i - 1:
                    runs[-1].append(t)
                else:
                    runs.append([t])
        # only a place the dictionary read as the actor's country ("Toledo" -> ESP); not a place the phrase
        # merely names ("the Mossad headquarters in Iraq's Kurdistan region")
        countries = {self.placed[r[0].i] for r in runs
                     if self._ent_country(" ".join(t.text for t in r)) == info.country}
        if len(countries) != 1 or info.country in countries:
            return info
        country = countries.pop()
        old = self.lex.country_name(info.country) or info.country
        new = self.lex.country_name(country) or country
        name = info.name.replace(old, new) if info.name and old in info.name else info.name
        return replace(info, country=country, name=name,
                       reason=f"{info.reason}; but the place is in {country} in this article (places stage)")

    def _without_homographs(self, span: Span, info: ActorInfo | None, places: PlaceLookup | None
                            ) -> ActorInfo | None:
        """In a text that capitalises names, a town's or capital's name written in lower case is an English
        word ("a 16-year-old male" is no one from Male): the phrase is read again without it. A text in one
        case (all lower, or upper case lowered for the parser) says nothing by its case."""
        if info is None or not info.matched or not self.cased:
            return info
        bad = {w for m in info.matched if m.islower() and (e := self.lex.lookup(m)) is not None
               and e.kind in LOWERCASE_HOMOGRAPHS for w in m.split()}
        if not bad:
            return info
        words = [t.text for t in span if t.lower_ not in bad]
        return self.lex.resolve(" ".join(words), self.when, places) if words else None

    def _person_name(self, head: Token) -> bool:
        """The word is (part of) a person's name: tagged so, or the surname of a person the article names
        ("Officer Dana Young ... Young fired")."""
        if head.ent_type_ == "PERSON":
            return True
        if head.ent_type_ in ("GPE", "LOC", "FAC") or head.pos_ != "PROPN":
            return False
        return any(e[-1].lower_ == head.lower_ for e in self._persons_in_full())

    def _a_surname(self, tok: Token) -> bool:
        """The surname of a person the article names in full."""
        if self._surnames is None:
            self._surnames = {}
            for e in self._persons_in_full():
                self._surnames.setdefault(e[-1].lower_, set()).add(e[-1].i)
        return bool(self._surnames.get(tok.lower_, set()) - {tok.i})

    def _persons_in_full(self) -> list[Span]:
        """Persons the article names with a first name and a surname: the tagger's PERSON entities (a trailing
        possessive cut: "David Valle's"), and two capitalised name words the tagger left untagged or took for
        an organisation ("Demetrius Ward was arrested"), the first not a title or a place."""
        if self._full_names is None:
            fulls = []
            for e in doc_ents(self.doc):
                if e.label_ == "PERSON" and len(e) >= 2 and e[-1].tag_ == "POS":
                    e = e[:-1]
                if e.label_ == "PERSON" and len(e) >= 2:
                    fulls.append(e)
            for a, b in zip(self.doc, self.doc[1:], strict=False):
                if a.pos_ == b.pos_ == "PROPN" and a.ent_type_ in ("", "ORG", "PERSON") and b.ent_type_ in (
                        "", "ORG", "PERSON") and a.text.istitle() and b.text.istitle() and a.is_alpha \
                        and (b.i + 1 >= len(self.doc) or not self.doc[b.i + 1].text.istitle()) \
                        and self.lex.lookup(a.text) is None:
                    fulls.append(self.doc[a.i:b.i + 1])
            self._full_names = fulls
        return self._full_names

    def _namesake(self, head: Token, info: ActorInfo) -> bool:
        """A surname the dictionary gives to an office holder ("Peterson" -> a Canadian minister) belongs to
        someone else when the article names another person with that surname ("Mark Peterson, 45, of ...")
        and none with the office holder's first name."""
        words = (info.name or "").lower().split()
        if len(words) < 2 or head.lower_ != words[-1] or sum(t.pos_ == "PROPN" for t in head.subtree) > 1:
            return False  # only a surname standing alone ("Peterson", "President Peterson")
        fulls = [e for e in self._persons_in_full() if e[-1].lower_ == head.lower_]
        # another first name (not a spelling of the same one: "Yasir"/"Yasser" share their first letters; nor an
        # initial: "J. Kenney")
        return bool(fulls) and all(not _same_first_name(e[0].lower_, words[0]) for e in fulls)

    def _apposition(self, head: Token, own: ActorInfo | None = None) -> ActorInfo | None:
        """What an apposition says of a name the dictionary lacks: "Salaheddine Sidhoum, Algeria's leading human
        rights activist", "the opposition newspaper La Prensa". A known person (`own`) takes the office an
        apposition names with its country or organisation ("Kofi Annan, UN secretary-general"): the text says what
        the person is now; `own` is kept otherwise."""
        others = [c for c in head.children if c.dep_ == "appos"]
        if head.dep_ == "appos" and head.head.pos_ in ("NOUN", "PROPN"):
            others.append(head.head)
        for o in others:
            phrase = noun_phrase(o, conjuncts=False)
            if head.i in range(phrase.start, phrase.end):
                phrase = self.doc[phrase.start:head.left_edge.i] if phrase.start < head.i \
                    else self.doc[head.right_edge.i + 1:phrase.end]
            end = phrase.end
            while end + 1 < len(self.doc) and self.doc[end].text in ("-", "–") and not self.doc[end].whitespace_:
                end += 2  # "UN secretary-general" parsed with '-general' apart
            if len(phrase) and end > phrase.end:
                phrase = self.doc[phrase.start:end]
            info = self.lex.resolve(phrase.text, self.when, self.places) if len(phrase) else None
            if info is None or info.kind == "weapon":
                continue
            if own is None:
                return replace(info, reason=f"{info.reason} (from the apposition '{phrase.text}')")
            office = _office(own, info, f"the apposition '{phrase.text}'")
            if office is not None:
                return office
        return own

    def _whole_name(self, head: Token, span: Span) -> ActorInfo | None:
        """A person's name the parse split ("Sheikh Hamad bin Khalifa al-Thani" with 'Hamad' as the subject and
        the rest hung elsewhere): the whole name the tagger marked, when the phrase holds only part of it."""
        if head.ent_type_ != "PERSON":
            return None
        ent = next((e for e in doc_ents(self.doc) if e.start <= head.i < e.end and e.label_ == "PERSON"), None)
        if ent is None or (span.start <= ent.start and ent.end <= span.end):
            return None
        info = self.lex.resolve(ent.text, self.when)
        if info is None or info.kind != "named":
            return None
        return replace(info, reason=f"{info.reason} (the whole name '{ent.text}')")

    def _title_before(self, head: Token, own: ActorInfo | None) -> ActorInfo | None:
        """A title the parser cut off from the name after it ("U.N. Secretary-General Kofi Annan" parsed as two
        sentences' roots): the words right before the name, up to a comma, a determiner or a verb, read as an
        office (a person the dictionary knows keeps the office only when it says more, as in an apposition)."""
        start = _ent_start(head)
        i = start - 1  # (the parser may have cut a sentence inside the title: its bound is not looked at)
        while i >= 0 and start - i <= 6 and (
                self.doc[i].pos_ in ("PROPN", "NOUN", "ADJ") or self.doc[i].text in ("-", "–")):
            i -= 1
        if i == start - 1 or self.doc[i + 1].head.i >= start:
            return own  # no title, or one the parse already holds in the name's phrase
        phrase = self.doc[i + 1:start]
        info = self.lex.resolve(phrase.text, self.when, self.places)
        if info is None or info.kind not in ("org", "agent") or info.sector is None:
            return own
        if own is None:
            return replace(info, reason=f"{info.reason} (the title '{phrase.text}' before the name)")
        return _office(own, info, f"the title '{phrase.text}' before the name") or own

    def _pronoun(self, head: Token, span: Span) -> Mention:
        low = head.lower_
        if low in SPEAKER:
            spk = self._speaker(head)
            if spk is not None and spk.info is not None:
                return Mention(head, span, spk.info, f"coreferent with the speaker '{spk.span.text}'")
            return Mention(head, span, None, "first person with no speaker found")
        sayer = self._sayer(head)
        if sayer is not None and sayer.info is not None and sayer.person == (low in PERSONAL):
            return Mention(head, span, sayer.info, f"coreferent with '{sayer.span.text}' (who says it)")
        if low in PERSONAL:
            ante = self._antecedent(head, lambda m: m.info is not None and m.person)
        else:
            ante = self._antecedent(head, lambda m: m.info is not None and not m.person
                                    and not _locative(m) and m.head.pos_ != "PRON" or (
                                        m.head.pos_ == "PRON" and m.info is not None and m.head.lower_ in GROUPISH))
        if ante is None or ante.info is None:
            return Mention(head, span, None, f"no earlier actor fits the pronoun '{head.text}'")
        return Mention(head, span, ante.info, f"coreferent with '{ante.span.text}' (most recent fitting actor)")

    def _sayer(self, head: Token) -> Mention | None:
        """The subject of the verb of saying whose clause a subject pronoun stands in ("the militants said they
        had attacked", "Annan announced that he will withdraw"): a reported clause's subject pronoun is most
        often the one who reports it."""
        if head.dep_ not in ("nsubj", "nsubjpass") or head.lower_ not in PERSONAL | GROUPISH:
            return None
        verb = head.head
        while verb.dep_ == "conj" and verb.head is not verb:  # "said it had halted aid and would ..."
            verb = verb.head
        say = verb.head
        if verb.dep_ != "ccomp" or say is verb or say.lemma_.lower() not in SAY_VERBS | REPORTING \
                or say.pos_ not in ("VERB", "AUX"):
            return None
        subj = next((c for c in say.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.i >= head.i or subj.lower_ in SPEAKER:
            return None
        return self.by_head.get(subj.i)

    def _antecedent(self, head: Token, fits: Callable[[Mention], bool]) -> Mention | None:
        """The most recent earlier mention (within about four paragraphs) that `fits`."""
        hi = head.i
        for m in reversed(self.order):
            if m.head.i >= hi or m.span.start <= hi < m.span.end:
                continue
            if hi - m.head.i > 400:
                break
            if fits(m):
                return m
        return None

    def _speaker(self, head: Token) -> Mention | None:
        sents = [head.sent]
        nxt = head.sent.end
        if nxt < len(self.doc):
            sents.append(self.doc[nxt].sent)
        for s in sents:
            for tok in s:
                if tok.lemma_.lower() in SAY_VERBS and tok.pos_ == "VERB":
                    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                    if subj is None or subj.i == head.i:
                        continue
                    if subj.lemma_.lower() == "statement":
                        poss = next((c for c in subj.children if c.dep_ == "poss"), None)
                        subj = poss or subj
                    if subj.pos_ == "PRON" and subj.lower_ in SPEAKER:
                        continue
                    return self.by_head.get(subj.i) or self._mention(subj, noun_phrase(subj))
        return None

    def _is_description(self, head: Token, span: Span, info: ActorInfo | None) -> bool:
        """'the Guards', 'the group': a definite noun phrase that names no country or organisation itself."""
        if info is not None and (info.country is not None or info.kind in ORGISH):
            return False
        first = span[0].lower_
        return first in ("the", "this", "that", "these", "those") and len(span) <= 3

    def _same_noun_before(self, head: Token) -> Mention | None:
        """The nearest earlier mention (within about four paragraphs) with the same head noun whose own words say
        its country ("Russian drones" for "four drones"): a repeated description of a thing or group is the
        same one until the text says otherwise. Not a proper name, a pronoun or a guessed country."""
        if head.pos_ != "NOUN" or head.ent_type_ or self.lex.resolve(head.text, self.when) is None \
                or any(c.dep_ == "poss" for c in head.children):
            return None  # (an actor noun itself: "drones", "soldiers"; not "the bodies of ...", nor "its forces")
        lemma = head.lemma_.lower()
        return self._antecedent(head, lambda m: m.info is not None and m.info.country is not None
                                and m.head.pos_ == "NOUN" and m.head.lemma_.lower() == lemma and not m.info.guessed
                                and m.info.country not in NONSTATE and m.how == "dictionary"
                                and any(self._says_country(t) for t in m.span if t.i < m.head.i))

    def _says_country(self, tok: Token) -> bool:
        """A modifier word that names a country ("Russian", "Israel's"), not a person or organisation."""
        info = self.lex.resolve(tok.text, self.when) if tok.pos_ in ("ADJ", "PROPN") else None
        return info is not None and info.country is not None and info.kind in COUNTRYISH

    def _context_country(self, head: Token, span: Span, same_sentence_only: bool = False,
                         places_only: bool = False) -> tuple[str | None, str, bool]:
        """The country of the nearest place named in the same sentence, else in the two sentences before: a
        domestic actor ("police", "protesters") is most likely of the country the report is about. State
        actors ("the president", "troops") look in their own sentence only; a weapon ("a car bomb") takes the
        place it struck (`places_only`: no demonyms)."""
        return self._nearest_country(head, None, span, same_sentence_first=True,
                                     window=0 if same_sentence_only else 80, places_only=places_only)

    def _nearest_country(self, head: Token, candidates: tuple[str, ...] | None, span: Span | None = None,
                         same_sentence_first: bool = False, window: int = 80, places_only: bool = False
                         ) -> tuple[str | None, str, bool]:
        """The nearest country-naming entity (place, demonym) to `head`, among `candidates` when given;
        earlier ones are preferred to later ones, the same sentence to others. The flag says whether the
        evidence is firm: in the same sentence (a country named by the event's reporter last), a people's name or a place the places stage resolved there
        ("Beirut"); not a town name only the dictionary read ("Manchester" of a US report) nor another sentence."""
        sent = head.sent
        best: tuple[int, str, str, bool] | None = None
        for ent, ent_sent_start in self._places():
            if span is not None and span.start <= ent.start < span.end:
                continue
            same = ent_sent_start == sent.start
            if same_sentence_first:
                if same:
                    dist = abs(ent.start - head.i)
                elif ent.start < sent.start and sent.start - ent.start < window:
                    dist = 1000 + sent.start - ent.start
                else:
                    continue
            else:
                dist = abs(ent.start - head.i) + (0 if ent.start < head.i else 50)
            if same and ent.start in self._reported_by(sent):
                dist += REPORTER_PENALTY  # "..., a spokeswoman for the U.S. embassy said": not where it happens
            if best is not None and dist >= best[0]:
                continue  # a nearer one is found: the checks below decide nothing
            if head.i in range(ent.start, ent.end) or _against(ent) or places_only and self._demonym(ent):
                continue
            if candidates is None and self._demonym(ent) and not self._of_people(ent):
                continue  # "30 kilometres from the Russian border": no Russians there
            if len(ent) == 1 and ent.label_ != "NORP" and self._a_surname(ent[0]):
                continue  # "Young" of "Officer Dana Young ... Young was talking": a person, not the town
            country = self._placed_in(ent) or self._ent_country(ent.text, not self._demonym(ent))
            if country is None or (candidates is not None and country not in candidates):
                continue
            if best is None or dist < best[0]:
                best = (dist, country, ent.text, same and self._firm(ent))
        return (best[1], f"'{best[2]}'", best[3]) if best else (None, "", False)

    def _reported_by(self, sent: Span) -> set[int]:
        if sent.start not in self._reporters:
            self._reporters[sent.start] = attributions(sent)
        return self._reporters[sent.start]

    def _firm(self, ent: Span) -> bool:
        """A people's name, a country's name or a place the places stage resolved: a country word that is no
        town name read by the dictionary alone ("Manchester" in a report from New Hampshire)."""
        if self._demonym(ent) or self._placed_in(ent) is not None:
            return True
        info = self.lex.resolve(ent.text, self.when)
        return info is not None and info.kind == "country"

    def _of_people(self, ent: Span) -> bool:
        """Whether a demonym names people ("the Russians", "Russian soldiers", "a Russian"), not a thing
        ("the Russian border", "Russian gas") whose people the text does not speak of."""
        root = ent.root
        if root.dep_ not in ("amod", "compound", "nmod") or root.head.pos_ not in ("NOUN", "PROPN"):
            return True
        noun = root.head
        while noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i > noun.i:
            noun = noun.head  # "the Pakistani Federal Secretary Interior"
        if noun.i <= ent.end - 1 or noun.pos_ == "PROPN":
            return True  # (a title or a name: "the Pakistani Federal Secretary Interior")
        return any((info := self.lex.resolve(t.text, self.when)) is not None and info.sector is not None
                   for t in self.doc[ent.end:noun.i + 1])

    def _demonym(self, ent: Span) -> bool:
        """A people's or faith's name ("Iraqi", "Kurds", "Christian"), not a place the tagger took for one
        ("Samarra" as NORP, which the dictionary knows as a town of Iraq)."""
        if ent.label_ != "NORP":
            return False
        info = self.lex.resolve(ent.text, self.when)
        return info is None or info.country is None or info.kind not in ("named", "place", "seat", "capital")

    def _places(self) -> list[tuple[Span, int]]:
        if self._place_ents is None:
            self._place_ents = [(e, e.sent.start) for e in doc_ents(self.doc) if e.label_ in ("GPE", "NORP", "LOC")]
        return self._place_ents

    def _shares_head(self, m: Mention, head: Token) -> bool:
        """Whether an earlier mention's words include `head`'s word ("the Guards" ~ "Revolutionary Guards")."""
        if m.head.i == head.i or m.head.pos_ == "PRON":
            return False
        key = (m.span.start, m.span.end)
        words = self._span_words.get(key)
        if words is None:
            words = self._span_words[key] = frozenset(t.lower_ for t in m.span)
        return head.lower_ in words

    def _ent_country(self, text: str, place: bool = True) -> str | None:
        """Country of a place or demonym entity; only a place name ("GPE", "LOC") is looked up in the gazetteer
        (a religion or people, "Christian", is no town)."""
        key = (text, place)
        if key not in self._country_cache:
            c = self.lex.country_of(text)
            if c is None and place and self.places is not None and text[:1].isupper():
                hit = self.places(text, False)
                c = hit[0] if hit else None
            self._country_cache[key] = c if c not in NONSTATE else None
        return self._country_cache[key]


# A country named only by the one who reports an event ("..., a spokeswoman for the U.S. embassy said", "according
# to Iraqi police") is taken for an actor's context only when the sentence names no other.
REPORTER_PENALTY = 500
# entries that name a town or a seat of government: in lower case the same letters may be an English word
LOWERCASE_HOMOGRAPHS = frozenset({"seat", "place", "country"})  # ("a turkey hunter" is no Turkish hunter)
# kinds of dictionary entries whose country comes from a place's name
PLACE_KINDS = frozenset({"place", "seat", "capital", "country", "agent"})


def _same_first_name(a: str, b: str) -> bool:
    """Whether two first names may be one person's: the same, an initial of the other ("j." / "jason"), or
    spellings sharing their first three letters ("yasir" / "yasser"); "jim" and "jason" are two people."""
    a, b = a.rstrip("."), b.rstrip(".")
    if len(a) == 1 or len(b) == 1:
        return a[:1] == b[:1]
    return a[:3] == b[:3]


def _ent_start(tok: Token) -> int:
    """Index of the first token of the named entity `tok` stands in (its own index outside one)."""
    i = tok.i
    while i > 0 and tok.doc[i].ent_iob_ == "I":
        i -= 1
    return i


def _office(own: ActorInfo, office: ActorInfo, where: str) -> ActorInfo | None:
    """A known person (`own`) with the country and sector of an office the text names for them, when it says
    more than the dictionary (another country, or a sector for a former or undated official); else None."""
    if office.country is None or office.kind not in ("org", "agent") or not (
            office.country != own.country or own.sector in (None, "ELI") and office.sector is not None):
        return None
    sector = office.sector or (own.sector if own.sector != "ELI" else None)
    return replace(own, country=office.country, sector=sector,
                   reason=f"{own.reason}; but {where} names the office: {office.country} {sector or '-'} "
                          f"({office.reason})")


def _against(ent: Span) -> bool:
    """'anti-Syria', 'pro-Iran', 'sanctions against Nigeria': the country named is what the actor is for or
    against, not where it is."""
    doc, i = ent.doc, ent.start
    if ent[0].lower_ in NOT_OWN_COUNTRY:
        return True
    if ent.root.dep_ == "pobj" and ent.root.head.lower_ == "against":  # "sanctions against Nigeria"
        return True
    if i > 0 and doc[i - 1].text in ("-", "–") and i > 1:
        i -= 1
    return i > 0 and doc[i - 1].lower_ in NOT_OWN_COUNTRY


def _acting(tok: Token) -> bool:
    """Whether a noun is the subject or direct object of its verb, the author of an act (PLOVER GSR: a capital
    there stands for its government), and not the object of a verb that strikes or blocks a place."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    if tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in PLACE_VERBS:
        return False  # "shelled Juba", "blockaded Paris": the city, its people
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "obj", "csubj", "ROOT"):
        return True
    if tok.dep_ == "poss" and is_act(tok.head):  # "Moscow's decision"
        return True
    # the 'by' agent of a passive or of an act noun ("an admission by Moscow")
    return tok.dep_ == "pobj" and (tok.head.dep_ == "agent" or tok.head.lower_ == "by" and tok.head.head.pos_ == "NOUN")


def _is_pronoun(tok: Token) -> bool:
    if tok.text.isupper() and len(tok.text) > 1:  # "US", "IT" are names here
        return False
    return tok.pos_ == "PRON" or tok.lower_ in PRONOUN_WORDS


def _compatible(a: ActorInfo, b: ActorInfo | None) -> bool:
    return b is None or b.sector is None or a.sector == b.sector


def _locative(m: Mention) -> bool:
    """A place in a locative phrase ('in Iraq') is not an antecedent for 'they'/'it'."""
    return (m.info is not None and m.info.kind in COUNTRYISH | {"capital"} and m.head.dep_ == "pobj"
            and m.head.head.lower_ in LOCATIVE)
