"""Event-type classifier: which PLOVER type a sentence, or one trigger in it, expresses.

A multinomial logistic regression over sparse features of the spaCy parse, trained by
scripts/train_event_classifier.py (model card: docs/models/event_classifier.md) and stored beside this
module as `data/event_classifier.npz` (vocabulary + weight matrix + bias; numpy only at run time).

Features (all read off the parse that the pipeline already made, no extra model):
- the sentence: lemmas and lemma bigrams, with named entities and numbers replaced by their kind (so the
  model learns "_GPE troops" rather than names); the trigger lexicon's types and phrases for every
  trigger word in the sentence (stages/triggers.py); the root verb, its complements and their objects;
  negation and future/modal markers of the root; the lemma n-grams of the main clause; along the root's
  complement chain, the lexicon types, object nouns and modality (negation, future, modal, plan verbs);
- with a trigger: its lemma, part of speech, dependency label, head, governing verbs, children
  (dependency + lemma), its lexicon type, negation/modality, its dependency path to the root, and the
  same complement-chain features as the root's.

The model scores the 15 roots of the PLV training set, where CONCEDE and RETREAT are one class (YIELD);
a second small logistic regression, trained on the synthetic stories and the GSR records, splits YIELD
into CONCEDE and RETREAT. predict() returns the 16 PLOVER types with probabilities, best first.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..errors import ModelError
from .triggers import TriggerLexicon, candidate_keys

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MODEL_PATH = Path(__file__).parent / "data" / "event_classifier.npz"
TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
YIELD = "YIELD"  # PLV's merged class: CONCEDE + RETREAT
FEATURE_VERSION = 4  # bump when features() changes: a model trained on other features is refused

# Entity kinds that stand in for the words they cover.
ENT_KINDS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
             "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
# Dependents of a verb that say what the event is.
ARG_DEPS = {"dobj", "obj", "xcomp", "ccomp", "prt", "acomp", "attr", "nsubjpass", "agent", "dative", "oprd",
            "prep", "advcl", "conj", "npadvmod"}
FUTURE = {"will", "shall", "'ll"}
MODAL = {"would", "could", "may", "might", "should", "can", "must"}
# Dependents that open a clause of their own: the main clause's words stop there.
SUBCLAUSE_DEPS = {"advcl", "relcl", "acl", "ccomp", "parataxis", "csubj"}
# Verbs that put what they govern into the future or the unreal without being events themselves.
PLAN_LEMMAS = {"plan", "want", "intend", "seek", "prepare", "hope", "expect", "aim", "consider", "try",
               "attempt", "propose", "wish", "vow", "promise", "pledge", "threaten", "refuse", "fail"}


def _norm(tok: Token) -> str:
    """A token's feature form: entity kind, number, or lower-case lemma."""
    if tok.ent_type_ in ENT_KINDS:
        return "_" + tok.ent_type_
    if tok.like_num:
        return "_NUM"
    return tok.lemma_.lower()


def _lexicon_type(tok: Token, lex: TriggerLexicon, lemmas: set[str]) -> tuple[str, str, str] | None:
    """The (type, phrase, source) the trigger lexicon gives a verb or noun, as the events stage matches it
    (triggers.candidate_keys: particles, objects, `verb _obj` / `verb _pass`, compounds, "noun of noun")."""
    pos, keys = candidate_keys(tok)
    for k in keys:
        if lex.known(k, pos):
            t = lex.lookup(k, pos, lemmas)
            return (t.type, k, t.source) if t else None
    return None


def _mood(tok: Token) -> list[str]:
    out = []
    for ch in tok.children:
        low = ch.lower_
        if ch.dep_ == "neg" or (ch.dep_ == "det" and low in ("no", "neither")):
            out.append("neg")
        elif ch.dep_ == "aux" and low in FUTURE:
            out.append("fut")
        elif ch.dep_ == "aux" and low in MODAL:
            out.append("modal")
    return out


def _verb_frame(prefix: str, verb: Token, feats: dict[str, float]) -> None:
    """The verb's lemma, its argument dependents and, one level down, their objects."""
    feats[f"{prefix}={verb.lemma_.lower()}"] = 1.0
    for m in _mood(verb):
        feats[f"{prefix}:{m}"] = 1.0
    for ch in verb.children:
        if ch.dep_ not in ARG_DEPS:
            continue
        feats[f"{prefix}c={ch.dep_}|{_norm(ch)}"] = 1.0
        if ch.dep_ in ("xcomp", "ccomp", "prep", "conj", "advcl"):
            for g in ch.children:
                if g.dep_ in ("dobj", "obj", "pobj", "xcomp", "prt"):
                    feats[f"{prefix}g={_norm(ch)}|{g.dep_}|{_norm(g)}"] = 1.0


def features(sent: Span, trigger: Token | None = None) -> dict[str, float]:
    """Named feature values of a sentence, and of one trigger in it when given."""
    feats = sentence_features(sent)
    if trigger is not None:
        lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
        _trigger_features(trigger, TriggerLexicon.load(), lemmas, feats)
    return feats


def sentence_features(sent: Span) -> dict[str, float]:
    """The sentence's own features (a new dict each call): features() without a trigger."""
    lex = TriggerLexicon.load()
    toks = [t for t in sent if not (t.is_punct or t.is_space)]
    forms = [_norm(t) for t in toks]
    lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    feats: dict[str, float] = {}
    for f in forms:
        feats["u=" + f] = 1.0
    for a, b in zip(forms, forms[1:], strict=False):
        feats[f"b={a} {b}"] = 1.0
    for t in toks:
        hit = _lexicon_type(t, lex, lemmas)
        if hit is not None:
            feats["x=" + hit[0]] = 1.0
            for m in _mood(t):
                feats[f"x={hit[0]}|{m}"] = 1.0
            feats[f"xp={hit[1]}|{hit[0]}"] = 1.0
            feats["xs=" + hit[2]] = 1.0
        if t.pos_ == "VERB":
            for ch in t.children:
                if ch.dep_ in ("dobj", "obj", "nsubjpass", "prt"):
                    feats[f"vo={t.lemma_.lower()}|{_norm(ch)}"] = 1.0
    root = sent.root
    _verb_frame("r", root, feats)
    hit = _lexicon_type(root, lex, lemmas)
    feats["rl=" + (hit[0] if hit else "-")] = 1.0
    for ch in root.children:
        if ch.dep_ in ("xcomp", "ccomp", "dobj", "obj", "conj"):
            hit = _lexicon_type(ch, lex, lemmas)
            if hit is not None:
                feats[f"rll={ch.dep_}|{hit[0]}"] = 1.0
    for ch in root.children:
        if ch.dep_ in ("nsubj", "nsubjpass"):
            feats["rs=" + _norm(ch)] = 1.0
    _clause_features(root, feats)
    _chain_features("", root, lex, lemmas, feats)
    return feats


def _trigger_features(tok: Token, lex: TriggerLexicon, lemmas: set[str], feats: dict[str, float]) -> None:
    feats["t=" + tok.lemma_.lower()] = 1.0
    feats[f"tp={tok.pos_}|{tok.dep_}"] = 1.0
    hit = _lexicon_type(tok, lex, lemmas)
    feats["tl=" + (hit[0] if hit else "-")] = 1.0
    _verb_frame("t", tok, feats)
    head, steps = tok, 0
    while head.head.i != head.i and steps < 3:
        feats[f"ta={head.dep_}|{head.head.lemma_.lower()}"] = 1.0
        head, steps = head.head, steps + 1
        hit = _lexicon_type(head, lex, lemmas)
        if hit is not None:
            feats["tal=" + hit[0]] = 1.0
    path = []
    head = tok
    while head.head.i != head.i and len(path) < 6:
        path.append(head.dep_)
        head = head.head
    feats["tpa=" + ">".join(path)] = 1.0
    feats[f"tpa={'>'.join(path[:2])}|{head.lemma_.lower()}"] = 1.0
    _chain_features("t", tok, lex, lemmas, feats)


def _clause_features(root: Token, feats: dict[str, float]) -> None:
    """Lemma uni- and bigrams of the main clause: the root's words short of its subordinate clauses."""
    words: list[Token] = []
    stack = [root]
    while stack:
        t = stack.pop()
        words.append(t)
        stack.extend(ch for ch in t.children if ch.dep_ not in SUBCLAUSE_DEPS)
    words.sort(key=lambda t: t.i)
    forms = [_norm(t) for t in words if not (t.is_punct or t.is_space)]
    for f in forms:
        feats["cl=" + f] = 1.0
    for a, b in zip(forms, forms[1:], strict=False):
        feats[f"cl={a} {b}"] = 1.0


def _chain_features(prefix: str, tok: Token, lex: TriggerLexicon, lemmas: set[str],
                    feats: dict[str, float]) -> None:
    """Along the word's complement chain (xcomp, ccomp, conj, dobj of a light verb): the lexicon types met,
    the object nouns of its verbs, and the modality (negation, future, modal, plan or promise verbs)."""
    chain, cur = [tok], tok
    while len(chain) < 4:
        nxt = next((ch for ch in cur.children if ch.dep_ in ("xcomp", "ccomp")), None)
        if nxt is None:
            break
        chain.append(nxt)
        cur = nxt
    for depth, t in enumerate(chain):
        for m in _mood(t):
            feats[f"{prefix}md={m}"] = 1.0
        if depth and chain[depth - 1].lemma_.lower() in PLAN_LEMMAS:
            feats[f"{prefix}md=plan:{chain[depth - 1].lemma_.lower()}"] = 1.0
        if any(ch.dep_ == "mark" and ch.lower_ in ("if", "unless") for ch in t.children):
            feats[f"{prefix}md=cond"] = 1.0
        for ch in t.children:
            if ch.dep_ in ("dobj", "obj", "nsubjpass", "attr"):
                feats[f"{prefix}po={_norm(ch)}"] = 1.0
            elif ch.dep_ == "prep":
                for g in ch.children:
                    if g.dep_ == "pobj":
                        feats[f"{prefix}po={ch.lower_}|{_norm(g)}"] = 1.0
        if depth:
            hit = _lexicon_type(t, lex, lemmas)
            feats[f"{prefix}pa={depth}|{hit[0] if hit else '-'}|{t.lemma_.lower()}"] = 1.0


class EventTypeClassifier:
    """Load once with `EventTypeClassifier.load()`; `predict(sent, trigger)` ranks the PLOVER types."""

    def __init__(self, vocab: dict[str, int], weights: np.ndarray, bias: np.ndarray, classes: list[str],
                 split_weights: np.ndarray, split_bias: float, meta: dict[str, object]):
        self.vocab = vocab
        self.weights = weights  # (n_features, n_classes) float32
        self.bias = bias  # (n_classes,)
        self.classes = classes  # PLV roots (YIELD for CONCEDE + RETREAT)
        self.split_weights = split_weights  # (n_features,) logit of RETREAT against CONCEDE
        self.split_bias = split_bias
        self.meta = meta
        # the last sentence's own features: the events stage asks about several triggers of one sentence
        self._last_key: tuple[int, int, int] | None = None
        self._last_sent_doc: object = None
        self._last_sent: dict[str, float] = {}

    @classmethod
    @cache
    def load(cls, path: Path = MODEL_PATH) -> EventTypeClassifier:
        try:
            with np.load(path, allow_pickle=False) as z:
                vocab_words = bytes(z["vocab"]).decode("utf-8").split("\n")
                meta = json.loads(bytes(z["meta"]).decode("utf-8"))
                weights = z["weights"].astype(np.float32)
                bias = z["bias"].astype(np.float32)
                split_w = z["split_weights"].astype(np.float32)
                split_b = float(z["split_bias"])
        except (OSError, KeyError, ValueError) as exc:
            raise ModelError(f"can't load the event classifier {path}: {exc}. Rebuild it with "
                             "scripts/train_event_classifier.py") from exc
        if meta.get("feature_version") != FEATURE_VERSION:
            raise ModelError(f"the event classifier {path} was trained on feature version "
                             f"{meta.get('feature_version')}, this code computes {FEATURE_VERSION}; "
                             "rebuild it with scripts/train_event_classifier.py")
        vocab = {w: i for i, w in enumerate(vocab_words)}
        return cls(vocab, weights, bias, list(meta["classes"]), split_w, split_b, meta)

    def _rows(self, feats: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
        idx = [(self.vocab[k], v) for k, v in feats.items() if k in self.vocab]
        if not idx:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        cols, vals = zip(*idx, strict=True)
        return np.asarray(cols, dtype=np.int64), np.asarray(vals, dtype=np.float32)

    def root_scores(self, feats: dict[str, float]) -> np.ndarray:
        """Probabilities of the PLV roots (self.classes) for a feature dict."""
        cols, vals = self._rows(feats)
        z = vals @ self.weights[cols] + self.bias
        z = np.exp(z - z.max())
        return z / z.sum()

    def retreat_share(self, feats: dict[str, float]) -> float:
        """P(RETREAT | YIELD): a material retreat rather than a verbal concession."""
        cols, vals = self._rows(feats)
        logit = float(vals @ self.split_weights[cols]) + self.split_bias
        return float(1.0 / (1.0 + np.exp(-logit)))

    def predict(self, sent: Span, trigger: Token | None = None) -> list[tuple[str, float]]:
        """The 16 PLOVER types with probabilities (summing to 1), best first. With `trigger`, the type of
        the event that word evokes; without, the sentence's main event."""
        key = (id(sent.doc), sent.start, sent.end)
        if self._last_key != key or self._last_sent_doc is not sent.doc:
            self._last_key, self._last_sent_doc = key, sent.doc
            self._last_sent = sentence_features(sent)
        feats = dict(self._last_sent)
        if trigger is not None:
            lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
            _trigger_features(trigger, TriggerLexicon.load(), lemmas, feats)
        probs = self.root_scores(feats)
        out: dict[str, float] = {}
        for c, p in zip(self.classes, probs, strict=True):
            if c == YIELD:
                r = self.retreat_share(feats)
                out["RETREAT"] = float(p) * r
                out["CONCEDE"] = float(p) * (1.0 - r)
            else:
                out[c] = float(p)
        return sorted(out.items(), key=lambda kv: -kv[1])
