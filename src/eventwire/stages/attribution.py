"""Attribution stage: who each event is reported by (attribution_text, attribution_name,
attribution_country, claim_status, attribution_reason).

Where the source is found, in order:
1. a reporting verb (data/reporting_verbs.tsv) that governs the event: the event sits in its complement
   ("the Guards claimed that they destroyed", "the Guards claim to have attacked", "state media reported
   the attack"); nested reports keep the innermost source ("state media reported the Guards claim ...":
   the Guards; "Reuters, quoting the Guards," : the Guards; "the Guards said ... as quoted by Reuters":
   the Guards), except belief verbs ("Fowler said he thinks ...", "polls show"), which give way to an
   outer speaker. A cue that does not report is skipped: negated ("did not say"), future or modal ("will
   announce"), infinitive ("plans to announce"), or whose object is not what it reports ("praised his work");
2. a parenthetical reporting clause of the event's clause, set off by punctuation ("a man was killed,
   police said"), and "according to X";
3. quotations: an event inside a quotation takes the speaker of the quotation, named in the sentence that
   opens or closes it ("“...,” the Guards said in a statement"), at the start of the sentence after it when
   the parser ends the sentence at '?”' ("“...?” Graham asked."), introduced by "X said:" just before it, or
   named after a dash ("“...” ― Jane Doe"). Beside a quotation, bare framing verbs count as cues ("Limbaugh
   continued:", "the letter reads", "he went on"), and a "not" or "will" set off from the cue by a comma or
   a quotation mark belongs to the quotation ('"Probably not," she said'). A quotation left open at the end
   of its paragraph takes the speaker named where the run of quoted paragraphs closes; a quotation with no
   speaker near it continues the speaker of the quotation before it (within two paragraphs). The speaker's
   own "I think" inside the quote stays the speaker's;
4. "reportedly", "allegedly", "accused of": no named source, but the claim status says so;
5. a paragraph introduced by "X added:" at the end of the previous one. An interview transcript's speaker
   label ("PENCE: ...", also inside an opening quotation mark) comes before rules 3-4 when the sentence has
   no source of its own other than "I"/"you" or a belief verb; in a text with two labels or more, the
   unlabelled paragraphs after a label (up to three) are that speaker's.
A dateline parsed as the subject ("WASHINGTON -- President Obama ... said") gives way to its apposition.
Pronoun sources ("she said") take the name of the latest named source before them (or the nearest person
or organisation named before).

claim_status: denied (deny, reject, dismiss), alleged (allegedly, accused of, allege), claimed (the source
is a party to the event: it matches actor1 or actor2, or "claimed responsibility"), reported (any other
source: media, officials of other countries, "sources"), asserted (no source at all).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..annotate import doc_ents, doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..context import ArticleContext, EventDraft
    from ..resources import Resources

DATA = Path(__file__).parent / "data"

# how the event's clause hangs on a reporting verb that governs it (dobj only for OBJECT_CUES; prep not
# for a time: "said after reading")
COMPLEMENT_DEPS = ("ccomp", "xcomp", "dobj", "csubj", "obj", "pcomp", "relcl", "acl", "attr", "oprd",
                   "nsubjpass", "pobj", "prep")
TIME_PREPS = {"after", "before", "during", "since", "until", "while", "upon", "following"}
PARENTHETICAL_DEPS = ("parataxis", "advcl", "ccomp")
SPEECH_NOUNS = {"statement", "report", "communique", "communiqué", "announcement", "release", "tweet", "post",
                "interview", "briefing", "message", "letter", "video", "broadcast", "bulletin", "press",
                "spokesman", "spokeswoman", "spokesperson", "representative", "memo", "filing", "complaint"}
MEDIUM_WORDS = SPEECH_NOUNS | {"twitter", "x", "facebook", "telegram", "television", "tv", "conference"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "who"}
NAME_SKIP_DEPS = ("det", "punct", "appos", "relcl", "acl", "cc", "conj", "prep", "case", "advmod", "predet")
DENY_WORDS = {"deny", "dismiss", "reject", "refute"}
ALLEGE_WORDS = {"allegedly", "purportedly", "supposedly"}
REPORTEDLY = {"reportedly"}
_OPEN = {"“": "”", "«": "»"}


def _read_tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows[1:]


REPORTING: dict[str, tuple[str, str]] = {r[0]: (r[1], r[2]) for r in _read_tsv("reporting_verbs.tsv")}
OBJECT_CUES: set[str] = {r[0] for r in _read_tsv("reporting_verbs.tsv") if len(r) > 3 and r[3] == "yes"}
# Country names, demonyms and seats of power ("Iraqi security sources" -> IRQ, "the Kremlin" -> RUS): the actors
# stage's curated table (one table for both stages); pycountry's names cover the rest.
COUNTRY_TABLE = Path(__file__).parent.parent / "actors" / "data" / "curated_countries.tsv"
COUNTRY_KINDS = {"name", "demonym", "seat", "building"}


def _country_phrases() -> dict[str, str]:
    out: dict[str, str] = {}
    rows = [ln.split("\t") for ln in COUNTRY_TABLE.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")][1:]
    for r in rows:
        if len(r) >= 3 and r[2] in COUNTRY_KINDS:
            out.setdefault(r[0].lower(), r[1])
    return out


@dataclass(frozen=True)
class Attribution:
    """The source of one event as found in the text."""

    source: Span | None  # the source as written (the innermost reporter); None for "reportedly"
    cue: Token | None  # the reporting verb / "according" / noun
    text: str  # attribution_text
    status: str  # status implied by the cue: reported, denied, alleged
    how: str  # which rule found it

    @property
    def source_text(self) -> str | None:
        return self.source.text if self.source is not None else None


# ------------------------------------------------------------------------------------------ country names


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import pycountry

    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v:
                names[v.lower()] = c.alpha_3
    names.update(_country_phrases())
    return names


def country_of(phrase: str) -> str | None:
    """ISO3 of a country name, demonym or seat of government ("Iraqi" -> IRQ, "the White House" -> USA)."""
    p = phrase.lower().strip().removeprefix("the ").strip()
    p = re.sub(r"'s$|’s$", "", p)
    return _country_names().get(p)


# Country phrases found anywhere inside a source phrase ("a senior State Department official").
INNER_COUNTRY_PHRASES = {"white house": "USA", "state department": "USA", "north korea": "PRK",
                         "south korea": "KOR", "united states": "USA"}


def span_country(span: Span) -> tuple[str | None, str]:
    """The country a source phrase names: its head, or a demonym / country modifier ("Iraqi security sources",
    "Iran's Revolutionary Guards")."""
    names = _country_names()
    ents = [e for e in doc_ents(span.doc) if e.start >= span.start and e.end <= span.end
            and e.label_ in ("GPE", "NORP", "ORG", "FAC", "LOC")]
    for e in ents:
        iso = country_of(e.text)
        if iso:
            return iso, f"{e.text!r} -> {iso}"
    for t in span:
        iso = names.get(t.lower_)
        if iso and (t.pos_ in ("PROPN", "ADJ") or t.text[:1].isupper()):
            return iso, f"{t.text!r} -> {iso}"
    low = span.text.lower()
    for k, iso in INNER_COUNTRY_PHRASES.items():
        if k in low:
            return iso, f"{k!r} -> {iso}"
    return None, ""


# ------------------------------------------------------------------------------------------ source phrases


def _np_span(head: Token) -> Span:
    """The source noun phrase as written, without trailing appositions, relative clauses or punctuation."""
    toks = [head]
    stack = [c for c in head.children if c.dep_ not in ("relcl", "acl", "punct", "cc", "conj", "appos")]
    while stack:
        c = stack.pop()
        toks.append(c)
        stack.extend(g for g in c.children if g.dep_ not in ("relcl", "punct"))
    lo = min(t.i for t in toks)
    hi = max(t.i for t in toks) + 1
    return head.doc[lo:hi]


def canonical_name(head: Token) -> str:
    """The head noun phrase of a source: determiners, possessors' "'s", appositions and clauses dropped
    ("Iran's Revolutionary Guards" -> "Revolutionary Guards", "the Guards' statement" -> "Guards")."""
    if head.lemma_.lower() in SPEECH_NOUNS:
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is None:
            for p in head.children:
                if p.dep_ == "prep" and p.lower_ in ("for", "of", "from"):
                    owner = next((g for g in p.children if g.dep_ == "pobj"), None)
        if owner is not None and owner.pos_ != "PRON":
            return canonical_name(owner)
    keep = [head]
    for c in head.children:
        if c.i < head.i and c.dep_ in ("compound", "amod", "nmod", "nummod") and c.pos_ != "PRON":
            keep.extend(t for t in c.subtree if t.dep_ not in ("det", "poss", "case", "punct"))
    keep.sort(key=lambda t: t.i)
    name = " ".join(t.text for t in keep)
    name = re.sub(r"\s+([’'])", r"\1", name)
    return name.strip()


DATELINE_DASHES = {"--", "—", "–", "―"}


def _past_dateline(c: Token) -> Token:
    """'WASHINGTON -- President Obama ... said': the parser makes the dateline the subject and the speaker its
    apposition; the speaker is the apposition."""
    nxt = c.doc[c.i + 1] if c.i + 1 < len(c.doc) else None
    if c.text.isupper() and len(c.text) > 1 and nxt is not None and nxt.text in DATELINE_DASHES:
        app = next((a for a in c.children if a.dep_ == "appos" and a.i > nxt.i), None)
        if app is not None:
            return app
    return c


def _subject(v: Token, q: tuple[int, int] | None = None) -> Token | None:
    """The subject of a reporting verb (the agent of a passive one); outside quotation q when given (the parser
    may attach a subject of the quoted words to the verb that frames them)."""
    for c in v.children:
        if c.dep_ in ("nsubj", "nsubjpass") and not (q is not None and q[0] <= c.idx < q[1]):
            c = _past_dateline(c)
            if c.dep_ == "nsubjpass":  # "it was reported by X" / "X is quoted as saying"
                agent = next((g for g in v.children if g.dep_ == "agent"), None)
                if agent is not None:
                    return next((g for g in agent.children if g.dep_ == "pobj"), c)
            return c
    if v.dep_ in ("conj", "xcomp", "advcl") and v.head.i != v.i:
        return _subject(v.head) if v.head.pos_ in ("VERB", "AUX") else None
    return None


def _cue_extras(cue: Token) -> list[Token]:
    """Parts of the reporting clause that belong in attribution_text: "in a statement", "on Twitter",
    "told Reuters", "as quoted by Reuters", negation and auxiliaries."""
    out: list[Token] = []
    for c in cue.children:
        if c.dep_ in ("aux", "auxpass", "neg", "prt"):
            out.append(c)
        elif _frame_part(cue, c):
            out.extend(c.subtree)
    return out


def _frame_part(cue: Token, c: Token) -> bool:
    if c.dep_ == "prep" and any(g.lemma_.lower() in MEDIUM_WORDS for g in c.subtree):
        return True
    if c.dep_ in ("dative", "dobj") and cue.lemma_ == "tell" and c.pos_ in ("PROPN", "NOUN", "PRON"):
        return True
    return c.dep_ in ("advcl", "prep") and c.lemma_ in ("quote", "as") and c.i > cue.i


def _text_of(tokens: list[Token], exclude: Span | None = None) -> str:
    toks = sorted({t.i: t for t in tokens if exclude is None or not (exclude.start <= t.i < exclude.end)}.values(),
                  key=lambda t: t.i)
    if not toks:
        return ""
    doc = toks[0].doc
    runs: list[tuple[int, int]] = []
    for t in toks:
        if runs and t.i == runs[-1][1]:
            runs[-1] = (runs[-1][0], t.i + 1)
        else:
            runs.append((t.i, t.i + 1))
    parts = [doc[a:b].text for a, b in runs]
    return " ... ".join(p.strip(" ,") for p in parts if p.strip(" ,"))


def _inner_quoted(cue: Token, src: Token | None) -> Token | None:
    """'Reuters, quoting the Guards, said' / 'state media reported, citing the Guards': the cited source
    (a "quoting"/"citing" clause on the cue, on its subject, or on the reported clause)."""
    for c in cue.sent:
        if c.lemma_ in ("quote", "cite") and c.tag_ == "VBG" and (
                c.head.i == cue.i or (src is not None and c.head.i == src.i) or c.head.head.i == cue.i):
            obj = next((g for g in c.children if g.dep_ == "dobj"), None)
            if obj is not None:
                return obj
    return None


def _make(cue: Token, src: Token | None, how: str, content: Span | None = None) -> Attribution | None:
    if src is None:
        return None
    inner = _inner_quoted(cue, src)
    if inner is not None:
        src = inner
        how += " (nested: the cited source)"
    span = _np_span(src)
    toks = [*span, cue, *_cue_extras(cue)]
    status = REPORTING.get(cue.lemma_.lower(), ("reported", "speech"))[0]
    if any(c.dep_ == "neg" for c in cue.children) and status == "reported":
        status = "denied" if cue.lemma_ in ("confirm",) else status
    return Attribution(span, cue, _text_of(toks, content), status, how)


# ------------------------------------------------------------------------------------------ finding sources


MODALS = {"will", "would", "could", "might", "may", "should", "can", "'ll", "wo", "ca", "must", "shall"}


def _set_off(a: Token, b: Token) -> bool:
    """A comma or quotation mark stands between two tokens: the "not" of '"Probably not," she said' belongs to
    the quotation, not to the reporting verb."""
    lo, hi = sorted((a.i, b.i))
    return any(t.is_punct or t.is_quote for t in a.doc[lo + 1: hi])


# verbs that frame a quotation only when they stand bare beside it ('Limbaugh continued: “...”', '“...,” the
# letter reads', 'she went on, “...”'); elsewhere they report nothing ("continued to fight")
QUOTE_FRAME_VERBS = {"continue", "conclude", "read", "go", "chime", "joke", "quip", "shout", "yell", "write"}


def _quote_cue(t: Token, q: tuple[int, int] | None = None) -> bool:
    """A cue beside quotation q: a reporting verb, or a bare quotation-framing verb (QUOTE_FRAME_VERBS) with no
    object or clause of its own outside the quotation ("go" only as "go on")."""
    if _is_cue(t):
        return True
    if t.pos_ not in ("VERB", "AUX") or t.lemma_.lower() not in QUOTE_FRAME_VERBS:
        return False
    kids = [c for c in t.children if q is None or not q[0] <= c.idx < q[1]]
    if any(c.dep_ in ("dobj", "xcomp", "ccomp", "neg") or (c.dep_ == "aux" and c.lower_ in MODALS) for c in kids):
        return False
    return t.lemma_.lower() != "go" or any(c.dep_ == "prt" and c.lower_ == "on" for c in kids)


def _is_cue(t: Token) -> bool:
    """A reporting verb that reports: not negated ("did not say"; deny-words excepted), not future or
    modal ("will announce", "could claim"), not an infinitive ("plans to announce"), and not with a
    relative "that"/"which" as its subject ("rules that promise ...")."""
    if t.pos_ not in ("VERB", "AUX") or t.lemma_.lower() not in REPORTING:
        return False
    kids = list(t.children)
    if any(c.dep_ == "neg" and not _set_off(c, t) for c in kids) and t.lemma_.lower() not in DENY_WORDS:
        return False
    if any(c.dep_ in ("aux", "auxpass") and (c.lower_ in MODALS or c.tag_ == "TO") and not _set_off(c, t)
           for c in kids):
        return False
    return not any(c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in kids)


def _according(sent: Span, path_ids: set[int]) -> Attribution | None:
    for t in sent:
        if t.lower_ == "according" and (t.head.i in path_ids or t.dep_ == "prep"):
            to = next((c for c in t.children if c.lower_ == "to"), None)
            src = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
            if src is None:
                continue
            span = _np_span(src)
            text = sent.doc[t.i: span.end].text
            return Attribution(span, t, text, "reported", "according to")
    return None


def _complement_ok(cue: Token, below: Token) -> bool:
    if below.dep_ in ("dobj", "obj"):
        return cue.lemma_.lower() in OBJECT_CUES
    if below.dep_ == "prep":
        return below.lower_ not in TIME_PREPS  # "said after reading it": when, not what
    return True


def in_sentence(trigger: Token) -> Attribution | None:
    """The reporting frame of an event inside its own sentence (rules 1 and 2 of the module doc)."""
    sent = trigger.sent
    path = [trigger, *trigger.ancestors]
    path_ids = {t.i for t in path}
    # 1. a reporting verb governing the event (the innermost wins; a belief verb whose subject is a pronoun
    #    standing for an outer speaker, "Fowler said he thinks ...", gives way to that speaker)
    pending: Attribution | None = None
    for k, a in enumerate(path[1:], start=1):
        below = path[k - 1]
        subj = _subject(a)
        if _is_cue(a) and below.dep_ in COMPLEMENT_DEPS and (subj is None or below.i != subj.i) \
                and _complement_ok(a, below):
            att = _make(a, subj, f"{a.lemma_!r} governs the event")
            if att is None:
                continue
            if pending is not None:
                return att if att.source is not None else pending
            if REPORTING.get(a.lemma_.lower(), ("", ""))[1] == "belief":
                pending = att  # "he thinks", "polls show": an outer speaker, if any, is the source
                continue
            return att
    if pending is not None:
        return pending
    # 2. a parenthetical reporting clause of the event's clause ("..., police said"), or 'according to'
    for a in path:
        for c in a.children:
            if c.i in path_ids or not _is_cue(c) or c.dep_ not in PARENTHETICAL_DEPS:
                continue
            if any(g.dep_ in ("ccomp", "xcomp", "dobj") for g in c.children):
                continue  # it reports something else of its own
            lo, hi = sorted((c.i, trigger.i))
            if not any(t.is_punct or t.is_quote for t in sent.doc[lo:hi]):
                continue  # not set off by a comma or a quotation mark: a clause of its own
            att = _make(c, _subject(c), f"parenthetical {c.text!r}")
            if att is not None:
                return att
    return _according(sent, path_ids)


def quote_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of quotations (curly or straight double quotes, ``...'' pairs)."""
    text = doc_text(doc).replace("``", "“ ").replace("''", '" ')  # ''...'' (NYT) toggles like a straight quote
    spans: list[tuple[int, int]] = []
    stack: list[int] = []
    straight_open: int | None = None
    for i, ch in enumerate(text):
        if ch in _OPEN:
            stack.append(i)
        elif ch in _OPEN.values() and stack:
            spans.append((stack.pop(), i + 1))
        elif ch == '"':
            if straight_open is None:
                straight_open = i
            else:
                spans.append((straight_open, i + 1))
                straight_open = None
        elif ch == "\n" and i + 1 < len(text) and text[i + 1] == "\n":
            # a quotation that runs on into the next paragraph reopens there; unclosed ones end here
            if straight_open is not None:
                spans.append((straight_open, i))
                straight_open = None
            while stack:
                spans.append((stack.pop(), i))
    return sorted(spans)


def _speaker_near_quote(doc: Doc, q: tuple[int, int]) -> Attribution | None:
    """The speaker of a quotation: a reporting verb outside it in the sentence where it closes (or, failing
    that, where it opens), or "X said:" just before it."""
    qs, qe = q
    content = doc.char_span(qs, qe, alignment_mode="expand")
    for pos in (qe - 1, qs):
        tok = doc.char_span(pos, pos + 1, alignment_mode="expand")
        if tok is None:
            continue
        sent = tok[0].sent
        for t in sent:
            if qs <= t.idx < qe or not _quote_cue(t, q):
                continue
            att = _make(t, _subject(t, q), f"speaker of the quotation ({t.text!r} outside the quote)", content)
            if att is not None:
                return att
    att = _frame_after(doc, q, content)
    if att is not None:
        return att
    before = doc_text(doc)[max(0, qs - 4): qs]
    if ":" in before:
        tok = doc.char_span(max(0, qs - 4), qs, alignment_mode="expand")
        if tok is not None:
            sent = doc[max(0, tok.start - 1)].sent
            for t in reversed(list(sent)):
                if _quote_cue(t, q) and t.idx < qs:
                    return _make(t, _subject(t, q), "speaker introducing the quotation with a colon", content)
    after = _DASH_NAME.match(doc_text(doc), qe)
    if after:
        span = doc.char_span(after.start(1), after.end(1), alignment_mode="expand")
        if span is not None:
            return Attribution(span, None, after.group(0).strip(), "reported", "name after the quotation's dash")
    return None


FRAME_AFTER_TOKENS = 6  # '“Does anybody know?” Graham asked.': the cue opens the sentence after the quote


def _frame_after(doc: Doc, q: tuple[int, int], content: Span | None) -> Attribution | None:
    """The parser often ends a sentence at a quotation's closing '?”' or '!”': the speaker is then named at the
    start of the next sentence, in the same paragraph ('“...?” Graham asked.')."""
    text = doc_text(doc)
    qe = q[1]
    rest = text[qe: qe + 3]
    if "\n" in rest or not rest.strip():
        return None
    nxt = doc.char_span(qe, min(len(text), qe + 3), alignment_mode="expand")
    if nxt is None:
        return None
    first = nxt[0] if nxt[0].idx >= qe else (nxt[1] if len(nxt) > 1 else None)
    if first is None or first.i != first.sent.start:
        return None
    for t in list(first.sent)[:FRAME_AFTER_TOKENS]:
        if t.is_quote:
            return None
        if _quote_cue(t, q):
            return _make(t, _subject(t, q), f"speaker of the quotation ({t.text!r} after the quote)", content)
    return None


def _colon_paragraph(trigger: Token) -> Attribution | None:
    """A paragraph introduced by "Limbaugh added:" at the end of the paragraph before it is the speaker's."""
    doc = trigger.doc
    par_start = doc_text(doc).rfind("\n", 0, trigger.idx)
    if par_start <= 0:
        return None
    prev_end = doc_text(doc)[:par_start].rstrip()
    if not prev_end.endswith(":"):
        return None
    colon = doc.char_span(len(prev_end) - 1, len(prev_end), alignment_mode="expand")
    if colon is None:
        return None
    for t in reversed(list(colon[0].sent)):
        if _quote_cue(t):
            return _make(t, _subject(t), "paragraph introduced by a reporting clause and a colon")
    return None


FIRST_SECOND = {"i", "we", "you", "me", "us"}
# “...” ― Krystal Correa
_DASH_NAME = re.compile(r"[ \t\u00a0]*[―—–-]{1,2}[ \t\u00a0]*([A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+){0,3})")
# "PENCE: ...", "Chris Wallace: ..." at the start of a paragraph (a capitalised name, no function words)
_LABEL = re.compile(r"[ \t\"“]*((?:[A-Z][A-Z.'\-]+)(?: [A-Z][A-Z.'\-]+){0,2}|(?:[A-Z][a-z.'\-]+)(?: [A-Z][a-z.'\-]+){0,2})"
                    r"\s*:\s+\S")
LABEL_STOP = {"update", "note", "editor's note", "photo", "video", "watch", "read more", "related", "image",
              "source", "sources", "correction", "caption", "warning", "q", "a", "click here", "advertisement",
              "clarification", "disclosure", "breaking", "live", "exclusive"}


def _quote_speaker(doc: Doc, quotes: list[tuple[int, int]], k: int) -> Attribution | None:
    """The speaker of quotation k; a quotation with none named near it continues the previous quotation's
    speaker when it follows within two paragraphs (consecutive quoted paragraphs of one speaker)."""
    att = _speaker_near_quote(doc, quotes[k])
    if att is not None:
        return att
    att = _speaker_of_continuation(doc, quotes, k)
    if att is not None:
        return att
    if k > 0:
        between = doc_text(doc)[quotes[k - 1][1]: quotes[k][0]]
        if between.count("\n\n") <= 2 and len(between) < 400:
            prev = _speaker_near_quote(doc, quotes[k - 1])
            if prev is not None:
                return Attribution(prev.source, prev.cue, prev.text, prev.status,
                                   "continues the previous quotation's speaker")
    return None


TRANSCRIPT_CARRY = 3  # paragraphs: an unlabelled paragraph of a transcript continues the last label's speaker


def _labels(doc: Doc) -> list[tuple[int, int, int]]:
    """(paragraph start, label start, label end) of every paragraph that opens with a speaker label."""
    cached = doc.user_data.get("eventwire_speaker_labels")
    if cached is not None:
        return list(cached)
    text = doc_text(doc)
    out: list[tuple[int, int, int]] = []
    for start in [0, *(m.end() for m in re.finditer(r"\n", text))]:
        m = _LABEL.match(text, start)
        if m and m.group(1).strip().lower() not in LABEL_STOP and "\n" not in text[start: m.end(1)]:
            out.append((start, m.start(1), m.end(1)))
    doc.user_data["eventwire_speaker_labels"] = out
    return out


CONTINUED_PARAGRAPHS = 6  # a quotation runs on over at most this many paragraphs


def _speaker_of_continuation(doc: Doc, quotes: list[tuple[int, int]], k: int) -> Attribution | None:
    """A quotation left open at the end of its paragraph runs on into the next paragraph, which reopens it
    (the news convention for a quotation of several paragraphs): its speaker is the one named where the
    run of paragraphs finally closes."""
    text = doc_text(doc)
    for _ in range(CONTINUED_PARAGRAPHS):
        qs, qe = quotes[k]
        if text[qe - 1: qe] in ('"', "”", "»", "'") or k + 1 >= len(quotes):
            return None  # closed here: the speaker would have been named near it
        gap = text[qe: quotes[k + 1][0]]
        if gap.strip() or gap.count("\n") < 1:
            return None  # the next paragraph does not reopen the quotation
        k += 1
        att = _speaker_near_quote(doc, quotes[k])
        if att is not None:
            return Attribution(att.source, att.cue, att.text, att.status,
                               "speaker named where the quotation of several paragraphs closes")
    return None


def _speaker_label(trigger: Token) -> Attribution | None:
    """Interview transcripts: a paragraph that starts "PENCE: ..." is that speaker's, and so are the unlabelled
    paragraphs after it (up to TRANSCRIPT_CARRY) when the text has at least two labels (a transcript)."""
    doc = trigger.doc
    text = doc_text(doc)
    start = text.rfind("\n", 0, trigger.idx) + 1
    labels = _labels(doc)
    here = [lab for lab in labels if lab[0] == start and lab[2] <= trigger.idx]
    how = "speaker label of the paragraph"
    if not here and len(labels) >= 2:
        before = [lab for lab in labels if lab[0] < start]
        if before and text[before[-1][0]: start].strip().count("\n") < TRANSCRIPT_CARRY * 2:
            here = before[-1:]
            how = "speaker label of an earlier paragraph of the transcript"
    if not here:
        return None
    span = doc.char_span(here[0][1], here[0][2], alignment_mode="expand")
    if span is None:
        return None
    return Attribution(span, None, span.text, "reported", how)


def _weak(att: Attribution | None) -> bool:
    """A source that a quotation's speaker or a transcript label replaces: none, a first or second person
    ("I think", "you know"), or a belief verb ("people know")."""
    return att is None or att.source is None or att.source.root.lower_ in FIRST_SECOND or (
        att.cue is not None and REPORTING.get(att.cue.lemma_.lower(), ("", ""))[1] == "belief")


def find_attribution(trigger: Token, quotes: list[tuple[int, int]] | None = None) -> Attribution | None:
    """The source of the event evoked by `trigger`: its sentence's reporting frame, else the speaker of the
    quotation it is in; None when the text states the event as fact."""
    doc = trigger.doc
    quotes = quote_spans(doc) if quotes is None else quotes
    inside = [k for k, q in enumerate(quotes) if q[0] <= trigger.idx < q[1]]
    att = in_sentence(trigger)
    label = _speaker_label(trigger)
    if label is not None and _weak(att):
        return label
    in_quote = bool(inside) and att is not None and att.cue is not None \
        and quotes[inside[-1]][0] <= att.cue.idx < quotes[inside[-1]][1]
    if att is not None and not in_quote:
        return att
    if inside:
        speaker = _quote_speaker(doc, quotes, inside[-1])
        # the quoted speaker's own "I think", "people know" are still the speaker's word
        if speaker is not None and _weak(att):
            return speaker
    if att is not None:
        return att
    for t in [trigger, *trigger.children, *trigger.ancestors]:
        if t.lower_ in REPORTEDLY:
            return Attribution(None, t, t.text, "reported", "'reportedly'")
    return _colon_paragraph(trigger) or _section_heading(trigger)


SECTION_PARAGRAPHS = 6  # a subheading governs at most this many paragraphs after it
HEADING_WORDS = 10  # a subheading is a short line...
_HEADING_END = re.compile(r"[.!?:;,\"”’')]\s*$")  # ...that does not end like a sentence
_SOURCE_HEADING = re.compile(r"(?i)^(?:here(?:'s| is) )?what (.+?) (said|say|says|told|tell|reported|report|"
                             r"reports|claimed|claim|claims)$")


def _section_heading(trigger: Token) -> Attribution | None:
    """A subheading such as "What Iraqi security sources said" makes the paragraphs under it (up to the next
    subheading, at most SECTION_PARAGRAPHS) that source's report."""
    doc = trigger.doc
    text = doc_text(doc)
    end = text.rfind("\n", 0, trigger.idx)
    for _ in range(SECTION_PARAGRAPHS):
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        end = start - 1
        if not line:
            continue
        if len(line.split()) > HEADING_WORDS or _HEADING_END.search(line) or not line[0].isupper():
            continue  # a paragraph of the story
        m = _SOURCE_HEADING.match(line)
        if m is None:
            return None  # another subheading: a new section
        offset = start + (len(text[start:end + 1]) - len(text[start:end + 1].lstrip()))
        src = doc.char_span(offset + m.start(1), offset + m.end(1), alignment_mode="expand")
        cue = doc.char_span(offset + m.start(2), offset + m.end(2), alignment_mode="expand")
        if src is None or cue is None:
            return None
        return Attribution(src, cue[0], line, "reported", f"subheading {line!r} over the paragraph")
    return None


# ------------------------------------------------------------------------------------------ the stage


def _words(s: str | None) -> set[str]:
    if not s:
        return set()
    return {w for w in re.findall(r"[a-z0-9]+", s.lower()) if w not in ("the", "s", "of", "and", "a", "an")}


def _alleged(trigger: Token) -> str | None:
    for t in [trigger, *trigger.children]:
        if t.lower_ in ALLEGE_WORDS or (t.lower_ == "alleged" and t.dep_ == "amod"):
            return t.text
    h = trigger.head
    for _ in range(3):
        if h.lemma_ in ("accuse", "allege", "charge") and h.i != trigger.i:
            return h.text
        if h.head.i == h.i:
            break
        h = h.head
    return None


class AttributionStage:
    name = "attribution"
    requires: tuple[str, ...] = ("event_type", "actor1_name", "actor1_country")
    assigns = ("attribution_text", "attribution_name", "attribution_country", "claim_status",
               "attribution_reason")

    def __init__(self, res: Resources):
        self.res = res

    def __call__(self, ctx: ArticleContext) -> None:
        quotes = quote_spans(ctx.doc)
        for ev in ctx.events:
            att = find_attribution(ev.trigger, quotes)
            self._assign(ev, att, ctx)

    def _assign(self, ev: EventDraft, att: Attribution | None, ctx: ArticleContext) -> None:
        alleged = _alleged(ev.trigger)
        if att is None:
            status = "alleged" if alleged else "asserted"
            why = f"no source; {alleged!r} marks the event as alleged" if alleged else \
                "no reporting verb, 'according to' or quotation governs the event: stated as fact"
            self._set(ev, None, None, None, status, why)
            return
        if att.source is None:
            self._set(ev, att.text, None, None, "alleged" if alleged else "reported",
                      f"{att.how}: no named source")
            return
        head = att.source.root
        name, resolved = self._name(head, ctx)
        src_country, why_src = self._source_country(att.source, resolved, name)
        status, why_status, party_country = self._status(ev, att, name, alleged, src_country)
        country, why_country = party_country, "the country of the party it names" if party_country else ""
        if country is None:
            country, why_country = src_country, why_src
        reason = f"{att.how}; source {att.source.text!r} -> {name!r}; {why_status}"
        if country:
            reason += f"; country {country} ({why_country})"
        self._set(ev, att.text, name, country, status, reason)

    @staticmethod
    def _set(ev: EventDraft, text: str | None, name: str | None, country: str | None, status: str,
             reason: str) -> None:
        ev.set("attribution_text", text, reason=reason)
        ev.set("attribution_name", name, reason=reason)
        ev.set("attribution_country", country, reason=reason)
        ev.set("claim_status", status, reason=reason)
        ev.set("attribution_reason", reason)

    @staticmethod
    def _name(head: Token, ctx: ArticleContext) -> tuple[str, Span | None]:
        if head.lower_ not in PRONOUNS:
            return canonical_name(head), None
        ante = antecedent(head, ctx.notes.get("attribution_sources", []))
        if ante is not None:
            return canonical_name(ante.root), ante
        return head.text, None

    def _source_country(self, source: Span, resolved: Span | None, name: str) -> tuple[str | None, str]:
        """The source's country: named in its phrase, in the phrase of the name a pronoun stands for, in an
        apposition that gives either one's post ("Jane Doe, spokesperson for the White House"), else the
        actor lexicon's."""
        for span in (source, resolved):
            if span is None:
                continue
            for part in (span, *appositions(span)):
                country, why = span_country(part)
                if country is not None:
                    return country, why
        return self._lexicon_country(name)

    @staticmethod
    def _status(ev: EventDraft, att: Attribution, name: str, alleged: str | None,
                src_country: str | None = None) -> tuple[str, str, str | None]:
        cue = att.cue
        if att.status == "denied" or (cue is not None and cue.lemma_ in DENY_WORDS):
            return "denied", f"the source denies it ({cue.text if cue else ''!r})", None
        claims_resp = cue is not None and cue.lemma_ == "claim" and any(
            t.lemma_ == "responsibility" for t in cue.subtree)
        src_words = _words(name) | _words(att.source_text)
        for k in ("actor1", "actor2"):
            words = _words(ev.get(f"{k}_name")) | _words(ev.get(f"{k}_text"))
            if src_words and words and (src_words & words) - {"forces", "government", "officials", "sources"}:
                return "claimed", f"the source is a party to the event ({k})", ev.get(f"{k}_country")
        if src_country is not None and _speaks_for_state(att.source_text or name):
            for k in ("actor1", "actor2"):
                if ev.get(f"{k}_country") == src_country and ev.get(f"{k}_sector") in STATE_SECTORS:
                    return "claimed", f"the source speaks for the state that is a party ({k}, {src_country})", \
                        src_country
        if claims_resp:
            return "claimed", "the source claims responsibility", None
        if att.status == "alleged" or alleged:
            return "alleged", f"alleged ({alleged or (cue.text if cue else '')!r})", None
        return "reported", "a third party reports it", None

    def _lexicon_country(self, name: str) -> tuple[str | None, str]:
        """The actor lexicon (actors/lexicon.py), when it exists, knows organisations and office holders."""
        lex = self.res.actors
        hit = lex.resolve(name)
        iso = hit.country if hit is not None else None
        if iso:
            return iso, f"actor lexicon: {name!r} -> {iso}"
        return None, ""


STATE_SECTORS = {None, "GOV", "MIL", "COP", "SPY", "LEG", "JUD"}  # a country named alone is its state
NOT_STATE_VOICES = {"sources", "source", "media", "witnesses", "witness", "residents", "resident", "activists",
                    "observers", "analysts", "experts", "people", "citizens", "journalists", "reporters"}


def _speaks_for_state(source: str) -> bool:
    """An official voice (a ministry, a spokesperson, a named official), not the country's media, residents or
    anonymous sources, which report on their state's acts as third parties."""
    return not (_words(source) & NOT_STATE_VOICES)


def appositions(span: Span) -> list[Span]:
    """Phrases set beside a name that say who it is: "Adrienne Watson, spokesperson for the National Security
    Council" -> the apposition's subtree."""
    doc = span.doc
    out = []
    for t in span:
        for c in t.children:
            if c.dep_ == "appos" and not (span.start <= c.i < span.end):
                sub = list(c.subtree)
                out.append(doc[sub[0].i: sub[-1].i + 1])
    return out


def antecedent(pron: Token, earlier: list[Span] | None = None) -> Span | None:
    """What a pronoun source stands for: the latest named source of an earlier reporting clause (within the
    last five sentences), else the nearest person (he, she) or organisation / country (they, it, we) named
    before it."""
    doc = pron.doc
    sent_starts = [s.start for s in doc.sents]
    cur = pron.sent.start
    window = [s for s in sent_starts if s <= cur][-6:]
    lo = window[0] if window else 0
    want = {"he": ("PERSON",), "she": ("PERSON",), "i": ("PERSON",)}.get(pron.lower_, ("ORG", "GPE", "NORP"))
    # latest earlier reporting clause with a named (non-pronoun) subject of the right kind
    for t in reversed(doc[lo: pron.i]):
        if _is_cue(t):
            s = _subject(t)
            if s is not None and s.lower_ not in PRONOUNS and s.i < pron.i:
                ents = [e for e in doc_ents(doc) if e.start <= s.i < e.end]
                if not ents or ents[0].label_ in want or pron.lower_ in ("they", "it", "we"):
                    return _np_span(s)
    for e in reversed(doc_ents(doc)):
        if e.end <= pron.i and e.start >= lo and e.label_ in want:
            return e
    return None
