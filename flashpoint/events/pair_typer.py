"""Hybrid PLOVER typing of a marked (source, target) pair: the event coder's rules first, the
trained classifier second.

Three steps, first that answers wins:

1. **coder**: run the full event coder on the text; an event whose source overlaps the marked
   source and whose target overlaps the marked target (a null marked side matches anything)
   gives its type. Several: the one whose trigger lies on the dependency path between the two
   actors, else the closest trigger; one trigger read twice gives the accusation
   (``ONE_TRIGGER_PREFERS``).
2. **trigger**: no such event, but a lexicon trigger word sits between the actors in the parse
   (on the dependency path, else governing the source or target, else nearest): the LR's
   probabilities restricted to that word's lexicon readings decide among them.
3. **classifier**: the LR alone.

"The LR" above is, when an encoder head is shipped (``plover_type_encoder.npz``) or passed and
``HybridConfig.use_encoder`` is on, the LR's distribution multiplied with the MiniLM encoder
head's (``classifier.CombinedTypeClassifier``); ``use_encoder=False`` gives the LR alone.

The rules are hand-written (the lexicon and the coder), so they need no training; the LR is the
only trained part. Scores are a mixture: ``rule_mass`` on the rule's reading, the rest spread
with the LR's distribution, so they sum to 1 over the 16 PLOVER types and the LR's second
choices stay visible.

This is deliberately *not* inside ``TypeClassifier``: the event coder calls the classifier for
ambiguous words, and the hybrid calls the coder, so folding them together would recurse.

    typer = HybridPairTyper()
    typer.predict("Troops shelled the town.", (0, 6), (15, 23))   # {"ASSAULT": 0.97, ...}
    typer.type_pair(text, source, target).method                  # "coder" | "trigger" | "classifier"
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

from ..model import PLOVER_TYPES
from .classifier import (DEFAULT_ENCODER_HEAD, CombinedTypeClassifier, EncoderHead, Span, TypeClassifier,
                         _span)

METHODS = ("coder", "trigger", "classifier")


@dataclass(frozen=True)
class PairTyping:
    """The answer for one pair, with how it was reached (for evaluation and debugging)."""

    type: str
    scores: dict[str, float]
    method: str                          # one of METHODS
    rule_types: tuple[str, ...] = ()     # the readings the rule allowed (empty for "classifier")
    trigger: Optional[tuple[int, int]] = None


@dataclass
class HybridConfig:
    """Mixture weights. A mass > 0.5 means the rule's reading always wins the argmax; below, the
    LR overrides it when its own choice beats the rule's by more than mass / (1 - mass).

    The coder's events are right far more often than a bare trigger word (CV on GSR dev: about
    0.8 vs 0.65 accuracy), so the coder is trusted outright and the trigger only leans (0.3 lets
    an LR lead of 0.43 override; 0.3 beat 0.8 in the CV of training/evaluate_classifier.py).
    Re-checked with the parse-feature LR (same 5-fold CV, tuned on it): (coder, trigger) masses
    (0.8, 0.3) 0.680, (0.5, 0.3) 0.680, (0.8, 0.6) 0.680, (0.8, 0.0) 0.662, (0.5, 0.0) 0.662,
    (0.6, 0.1) 0.660 macro-F1, so the masses were kept.
    """

    coder_mass: float = 0.8     # on the coder event's type
    trigger_mass: float = 0.3   # on the LR's choice among the trigger word's lexicon readings
    use_coder: bool = True
    use_trigger: bool = True
    lr_chooses: bool = True     # False: an ambiguous trigger word takes its first lexicon reading
    use_modality: bool = True   # "will meet" is AGREE, "will not meet" REJECT (see modal_reading)
    modal_mass: float = 0.8     # on a trigger's modal reading when it differs from the word's own
    # The LR's distribution times the MiniLM encoder head's (``CombinedTypeClassifier``) when a
    # head is given or shipped; False: the LR alone (the event coder's own calls never use it).
    use_encoder: bool = True


@dataclass
class HybridPairTyper:
    """Types marked pairs with the event coder's rules, the trigger lexicon, then the LR."""

    classifier: Optional[TypeClassifier] = None
    coder: object = None        # a flashpoint Coder; the process-wide one when None
    config: HybridConfig = field(default_factory=HybridConfig)
    encoder_head: Optional[EncoderHead] = None   # the shipped head when None (if there is one)

    def __post_init__(self) -> None:
        if self.classifier is None:
            self.classifier = TypeClassifier.load()
        self.scorer = self.classifier
        if self.config.use_encoder:
            head = self.encoder_head
            if head is None and DEFAULT_ENCODER_HEAD.exists():
                head = EncoderHead.load()
            if head is not None:
                self.encoder_head = head
                self.scorer = CombinedTypeClassifier(self.classifier, head)
        if self.coder is None:
            from .. import get_coder

            self.coder = get_coder()
        # the coder's coding conventions, so both steps read an announced concession alike
        self.conventions = getattr(getattr(self.coder, "options", None), "conventions", None)

    # -- public ------------------------------------------------------------------------------
    def predict(self, text: str, source: Span = None, target: Span = None) -> dict[str, float]:
        """Probabilities over the 16 PLOVER types (in PLOVER_TYPES order, summing to 1)."""
        return self.type_pair(text, source, target).scores

    def predict_many(self, items: Iterable[Sequence]) -> list[dict[str, float]]:
        """``predict`` for many ``(text, source, target)`` items; events are coded once per text."""
        return [r.scores for r in self.type_many(items)]

    def type_many(self, items: Iterable[Sequence]) -> list[PairTyping]:
        cache: dict[str, _Parsed] = {}
        out = []
        for item in items:
            text, source, target = (tuple(item) + (None,) * 3)[:3]
            if text not in cache:
                if len(cache) > 64:  # inputs are usually grouped by text; keep memory flat
                    cache.clear()
                cache[text] = _Parsed(text, self.coder)
            out.append(self._type(cache[text], _span(source), _span(target)))
        return out

    def type_pair(self, text: str, source: Span = None, target: Span = None) -> PairTyping:
        return self._type(_Parsed(text, self.coder), _span(source), _span(target))

    # -- steps ---------------------------------------------------------------------------------
    def _type(self, parsed: "_Parsed", source: Span, target: Span) -> PairTyping:
        cfg = self.config
        if cfg.use_coder:
            event = _matching_event(parsed, source, target)
            if event is not None:
                trig = (event.trigger.start, event.trigger.end)
                lr = self._lr(parsed, source, target, trig)
                return self._mix("coder", (_event_reading(event, cfg.use_modality),), lr, cfg.coder_mass, trig)
        if cfg.use_trigger:
            match = _pair_trigger(parsed, source, target)
            if match is not None:
                tok = match.token
                trig = (tok.idx, tok.idx + len(tok.text))
                lr = self._lr(parsed, source, target, trig)
                types = tuple(t for t in match.types if t in PLOVER_TYPES)
                mass = cfg.trigger_mass
                ruled = _rule_reading(match, parsed)
                if ruled is not None and ruled not in types:
                    # "lifted a state of emergency" is CONCEDE, whatever else "lift" may be: a
                    # parse rule, weighted like the modal readings below
                    types, mass = (ruled,), max(mass, cfg.modal_mass)
                if cfg.use_modality:
                    modal = modal_reading(match.token, types, self.conventions)
                    if modal != types:
                        # a PLOVER rule read off the parse ("will visit" is AGREE), not a bare
                        # word: trusted like the coder's events
                        mass = max(mass, cfg.modal_mass)
                    types = modal
                if not cfg.lr_chooses:
                    types = types[:1]
                return self._mix("trigger", types, lr, mass, trig)
        lr = self._lr(parsed, source, target, None)
        return PairTyping(max(lr, key=lr.get), lr, "classifier")

    def _lr(self, parsed: "_Parsed", source, target, trigger) -> dict[str, float]:
        # Renormalised in float64: the classifier's softmax runs in float32. The parse lends the
        # LR its parse features (trigger, dependency path, status cues).
        probs = self.scorer.predict(parsed.text, source, target, trigger=trigger, doc=parsed.doc)
        total = sum(probs.values())
        return {t: probs[t] / total for t in PLOVER_TYPES}

    @staticmethod
    def _mix(method: str, types: tuple[str, ...], lr: dict[str, float], mass: float,
             trigger: Optional[tuple[int, int]]) -> PairTyping:
        """``mass`` on the rule's readings (split by the LR among them; by lexicon order when the
        LR gives them nothing), the rest as the LR's own distribution."""
        if not types:
            return PairTyping(max(lr, key=lr.get), lr, "classifier", (), trigger)
        inside = sum(lr[t] for t in types)
        if inside > 1e-9:
            rule = {t: lr[t] / inside for t in types}
        else:
            rule = {types[0]: 1.0}
        scores = {t: (1.0 - mass) * lr[t] + mass * rule.get(t, 0.0) for t in PLOVER_TYPES}
        total = sum(scores.values())
        scores = {t: v / total for t, v in scores.items()}
        return PairTyping(max(scores, key=scores.get), scores, method, types, trigger)


# ----------------------------------------------------------------------------- helpers
class _Parsed:
    """One text: its coded events (lazily) and its spaCy parse (lazily, only when needed)."""

    def __init__(self, text: str, coder):
        self.text = text
        self._coder = coder
        self._events = None
        self._doc = None
        self._analysis = None

    @property
    def events(self) -> list:
        if self._events is None:
            from ..model import Document

            # coded on the parse the LR's features read too: one parse per text
            self._events = list(self._coder.code_parsed(Document(id="pair", text=self.text), self.doc).events)
        return self._events

    @property
    def doc(self):
        if self._doc is None:
            from ..nlp import load_nlp

            self._doc = load_nlp()(self.text)
        return self._doc

    @property
    def analysis(self):
        """The parse with its actor mentions (the coder's "actors" stage), for the type rules."""
        if self._analysis is None:
            from ..analysis_state import Analysis
            from ..model import Document

            analysis = Analysis(document=Document(id="pair", text=self.text), doc=self.doc)
            for stage in getattr(self._coder, "stages", None) or []:
                if stage.name == "actors":
                    analysis = stage.run(analysis)
            self._analysis = analysis
        return self._analysis


def _rule_reading(match, parsed: "_Parsed") -> Optional[str]:
    """The type the coder's parse rules give a trigger (``refine.TYPE_RULES``: "lifted the
    curfew" is CONCEDE, "closed its border" COERCE), read with no actors; None if none applies."""
    from .refine import Reading, refine_type

    first = next((t for t in match.types if t in PLOVER_TYPES), None)
    if first is None:
        return None
    try:
        reading = refine_type(match, Reading(first, [], []), parsed.analysis)
    except Exception:  # noqa: BLE001 - a rule that cannot read this parse leaves the lexicon's reading
        return None
    return reading.type if reading.type != first else None


def _overlaps(a: Optional[tuple[int, int]], b: Optional[tuple[int, int]]) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _side_matches(actor, marked: Span) -> bool:
    if marked is None:
        return True  # a null marked side matches anything
    return actor is not None and _overlaps((actor.start, actor.end), marked)


# One trigger the coder reads twice for the pair ("was arrested for collaborating with Israel" is
# COERCE arrest and ACCUSE allege, folding._fold_charges): one label per pair must pick, and the
# annotated PLOVER data gives an arrest or jailing on a stated charge the accusation.
ONE_TRIGGER_PREFERS = frozenset({"ACCUSE"})


def _matching_event(parsed: _Parsed, source: Span, target: Span):
    hits = [e for e in parsed.events if _side_matches(e.source, source) and _side_matches(e.target, target)]
    if not hits:
        return None
    types = {e.type for e in hits}
    if len(types) == 1:
        return hits[0]
    # Different readings: the trigger on the dependency path between the actors, else the closest.
    doc = parsed.doc
    s_head, t_head = _head(doc, source), _head(doc, target)
    path = _dep_path(s_head, t_head)
    path_i = {t.i for t in path}
    anchor = _anchor(source, target)

    def rank(e):
        tok = _token_at(doc, e.trigger.start)
        on_path = tok is not None and tok.i in path_i
        return (0 if on_path else 1, _char_distance((e.trigger.start, e.trigger.end), anchor),
                0 if e.type in ONE_TRIGGER_PREFERS else 1)

    return min(hits, key=rank)


def _pair_trigger(parsed: _Parsed, source: Span, target: Span):
    return pair_trigger(parsed.doc, source, target)


def pair_trigger(doc, source: Span, target: Span):
    """The lexicon trigger (a ``TriggerMatch``) that most plausibly relates the marked pair in a
    parsed text, or None when there is none."""
    from .lexicon import default_lexicon
    from .refine import not_an_event
    from .triggers import find_triggers

    s_head, t_head = _head(doc, source), _head(doc, target)
    sents = {tok.sent.start: tok.sent for tok in (s_head, t_head) if tok is not None}
    if not sents:
        sents = {s.start: s for s in doc.sents}
    actor_tokens = {t.i for t in (s_head, t_head) if t is not None}
    matches = []
    for sent in sents.values():
        matches.extend(m for m in find_triggers(sent, default_lexicon())
                       if m.token.i not in actor_tokens and not _inside(m.token, source, target)
                       and not not_an_event(m.token))  # "violating the ceasefire agreement" agrees to nothing
    if not matches:
        return None
    by_i = {m.token.i: m for m in matches}
    # 1. on the dependency path between the actors, the one highest in the tree (the predicate
    #    that relates them: "vowed" over "attack" in "X vowed to attack Y").
    path = _dep_path(s_head, t_head) if s_head is not None and t_head is not None else []
    on_path = [t for t in path if t.i in by_i]
    if on_path:
        return by_i[min(on_path, key=_depth).i]
    # 2. a trigger governing the source, then one governing the target (nearest first).
    for head in (s_head, t_head):
        if head is None:
            continue
        for gov in _ancestors(head):
            if gov.i in by_i:
                return by_i[gov.i]
    # 3. the nearest trigger in the text to the pair.
    anchor = _anchor(source, target)
    return min(matches, key=lambda m: _char_distance((m.token.idx, m.token.idx + len(m.token.text)), anchor))


# ----------------------------------------------------------------------------- parse features
_PATH_MAX = 4  # longer dependency paths are pooled into one "long" feature (too sparse otherwise)


def parse_features(doc, source: Span = None, target: Span = None) -> list[str]:
    """Features of a marked pair read from its parse (names start with ``p:``), for the LR.

    The same function runs at training time (``training/train_classifier.py``, on a parse of the
    training sentence) and at prediction time (``TypeClassifier.predict(..., doc=doc)``): the
    trigger that the hybrid's trigger step picks (``pair_trigger``), its lemma and lexicon types,
    the modal reading of those types (promise -> AGREE, vow -> THREATEN, demand -> REQUEST), the
    status cues over it (``decide_status``), negation, the dependency labels on the path between
    the source and target heads, the actors' own relations, the prepositions that introduce them
    and the verb governing the source.
    """
    source, target = _span_or_none(source), _span_or_none(target)
    s_head, t_head = _head(doc, source), _head(doc, target)
    feats: list[str] = []
    match = pair_trigger(doc, source, target)
    anchor = None
    if match is not None:
        tok = anchor = match.token
        types = tuple(t for t in match.types if t in PLOVER_TYPES)
        feats.append("p:trig:" + tok.lemma_.lower())
        feats.append("p:trigpos:" + match.pos)
        feats.extend("p:tt:" + t for t in types)
        if types:
            feats.append("p:tt1:" + types[0])
            feats.append("p:tm:" + modal_reading(tok, types)[0])
    else:
        feats.append("p:notrig")
    gov = _governing_verb(s_head) if s_head is not None else None
    if gov is not None:
        feats.append("p:sgov:" + gov.lemma_.lower())
        anchor = anchor if anchor is not None else gov
    if anchor is not None:
        feats.extend(_status_features(anchor))
    for name, head in (("s", s_head), ("t", t_head)):
        if head is None:
            feats.append(f"p:{name}null")
            continue
        feats.append(f"p:{name}dep:{head.dep_}")
        if head.head.pos_ == "ADP" or head.dep_ == "pobj":
            feats.append(f"p:{name}prep:{head.head.lemma_.lower()}")
        elif head.dep_ == "agent" or head.head.dep_ == "agent":
            feats.append(f"p:{name}prep:by")
    if s_head is not None and t_head is not None:
        feats.extend(_path_features(s_head, t_head))
    return feats


def _span_or_none(value) -> Span:
    return None if value is None else _span(value)


def _governing_verb(tok):
    for gov in _ancestors(tok):
        if gov.pos_ in ("VERB", "AUX") and gov.dep_ != "aux":
            return gov
    return None


def _status_features(tok) -> list[str]:
    from .status import decide_status

    try:
        d = decide_status(tok)
    except Exception:  # noqa: BLE001 - a parse the cue reader cannot walk just gives no cue features
        return []
    feats = ["p:st:" + d.status]
    for name, flag in (("future", d.future), ("habitual", d.habitual), ("threatv", d.threat_verb),
                       ("intentv", d.intent_verb), ("requestv", d.request_verb)):
        if flag:
            feats.append("p:" + name)
    if any(c.dep_ == "neg" for c in tok.children) or any(c.dep_ == "neg" for c in tok.head.children):
        feats.append("p:neg")
    return feats


def _path_features(s_head, t_head) -> list[str]:
    """Labels up from the source to the common ancestor (^) and down to the target (v)."""
    if s_head.i == t_head.i:
        return ["p:path:same"]
    up_s = [s_head] + _ancestors(s_head)
    up_t = [t_head] + _ancestors(t_head)
    ids_t = {t.i: n for n, t in enumerate(up_t)}
    top = next((n for n, t in enumerate(up_s) if t.i in ids_t), None)
    if top is None:
        return ["p:path:apart"]
    ups = [t.dep_ for t in up_s[:top]]
    downs = [t.dep_ for t in reversed(up_t[: ids_t[up_s[top].i]])]
    feats = ["p:pl:" + d for d in ups + downs]
    if len(ups) + len(downs) <= _PATH_MAX:
        feats.append("p:path:" + "^".join(ups) + "|" + "v".join(downs))
    else:
        feats.append("p:path:long")
    lca = up_s[top]
    feats.append("p:lca:" + lca.lemma_.lower() if lca.pos_ in ("VERB", "NOUN", "AUX") else "p:lcapos:" + lca.pos_)
    feats.extend("p:pw:" + t.lemma_.lower() for t in up_s[1:top] + up_t[1:ids_t[lca.i]]
                 if t.pos_ in ("VERB", "NOUN", "ADP"))
    return feats


# Cooperative types: refusing one ("will not accept", "refused to meet") is REJECT in PLOVER.
_COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})


def _event_reading(event, use_modality: bool) -> str:
    """The coder's type, except that a negated cooperative act ("will not accept") is a refusal:
    PLOVER codes it REJECT, while the coder keeps the act's type with status "negated"."""
    if use_modality and event.status == "negated" and event.type in _COOPERATIVE:
        return "REJECT"
    return event.type


def modal_reading(trigger_token, types: tuple[str, ...], conventions=None) -> tuple[str, ...]:
    """PLOVER codes what an actor says it will do, not the act itself (the event coder's own rules,
    applied to a bare trigger word): a promised cooperative act is AGREE, a promised harmful act
    THREATEN, a demanded act REQUEST, a refused cooperative act REJECT. The cues come from the
    coder's status reading (``decide_status``: modals, intent/threat/request verbs, negation).
    What a promised concession or retreat is follows the coding ``conventions``."""
    from .conventions import get_conventions
    from .folding import THREAT_FOLDABLE
    from .status import decide_status

    if not types:
        return types
    try:
        d = decide_status(trigger_token)
    except Exception:  # noqa: BLE001 - the bare lexicon reading is the documented fallback
        return types
    first = types[0]
    if d.status == "negated" and first in _COOPERATIVE:
        return ("REJECT",)
    if d.request_verb is not None and first != "REQUEST":
        return ("REQUEST",)
    if d.threat_verb is not None and first != "THREATEN":
        return ("THREATEN",)
    if (d.future or d.intent_verb is not None) and d.status != "negated":
        announced = get_conventions(conventions).announced(first, d.intent_verb)
        if announced != first:
            return (announced,)
        if first in THREAT_FOLDABLE:
            return ("THREATEN",)
    return types


def _inside(tok, *spans: Span) -> bool:
    return any(_overlaps((tok.idx, tok.idx + len(tok.text)), s) for s in spans)


def _head(doc, span: Span):
    """The syntactic head of the tokens under a character span (None for a null span)."""
    if span is None:
        return None
    toks = [t for t in doc if _overlaps((t.idx, t.idx + len(t.text)), span)]
    if not toks:
        return None
    inside = {t.i for t in toks}
    for t in toks:
        if t.head.i not in inside or t.head.i == t.i:
            return t
    return toks[0]


def _token_at(doc, char: int):
    for t in doc:
        if t.idx <= char < t.idx + max(1, len(t.text)):
            return t
    return None


def _ancestors(tok) -> list:
    out = []
    while tok.head.i != tok.i and len(out) < 20:
        tok = tok.head
        out.append(tok)
    return out


def _depth(tok) -> int:
    return len(_ancestors(tok))


def _dep_path(a, b) -> list:
    """Tokens on the tree path between a and b (both ends included); one side only if the other is None."""
    if a is None and b is None:
        return []
    if a is None or b is None:
        one = a if a is not None else b
        return [one] + _ancestors(one)
    up_a = [a] + _ancestors(a)
    up_b = [b] + _ancestors(b)
    ids_b = {t.i: n for n, t in enumerate(up_b)}
    for n, t in enumerate(up_a):
        if t.i in ids_b:
            return up_a[: n + 1] + list(reversed(up_b[: ids_b[t.i]]))
    return up_a + up_b  # different sentences: the two root chains


def _anchor(source: Span, target: Span) -> Optional[tuple[int, int]]:
    spans = [s for s in (source, target) if s is not None]
    if not spans:
        return None
    return min(s[0] for s in spans), max(s[1] for s in spans)


def _char_distance(a: tuple[int, int], b: Optional[tuple[int, int]]) -> int:
    if b is None:
        return a[0]
    if a[1] <= b[0]:
        return b[0] - a[1]
    if b[1] <= a[0]:
        return a[0] - b[1]
    return 0
