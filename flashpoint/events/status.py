"""Status of an event: occurred, anticipated, threatened, hypothetical or negated.

We walk from the trigger up the parse to the clause that reports it and read the cues on the way
(modals, negation, "preparing to", "plans for", "expects", "if", "in the event of", "any").
A pass-through reporting verb ("said", "stated") ends the walk: what is above it is the frame.
The cue lists are data (``data/lexicons/status_cues.yaml``).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

from .lexicon import status_cues

PASS_THROUGH = {"say", "state", "tell", "add", "reveal", "note", "report", "confirm", "announce",
                "emphasize", "emphasise", "stress", "declare", "insist", "explain", "acknowledge",
                "write", "claim", "make", "reiterate", "repeat", "indicate", "suggest", "argue"}
STATUS_PRIORITY = ("negated", "hypothetical", "anticipated", "threatened", "occurred")


@dataclass
class StatusDecision:
    status: str
    cue: Optional[object] = None   # spaCy token that decided it
    future: bool = False            # a future modal was seen (will/would/shall)
    habitual: bool = False          # background/generic statement: emit nothing as occurred
    threat_verb: Optional[object] = None  # a vow/threaten/warn verb governing the trigger
    intent_verb: Optional[object] = None  # an agree/offer/promise/ready word governing the trigger
    request_verb: Optional[object] = None  # an urge/ask/demand verb governing the trigger
    refusal_verb: Optional[object] = None  # a refuse/decline verb governing the trigger


def path_up(trigger, limit: int = 8) -> list:
    """Trigger and the tokens that govern it, up to (and including) the first reporting verb."""
    path, tok = [trigger], trigger
    while tok.dep_ != "ROOT" and len(path) < limit:
        tok = tok.head
        path.append(tok)
        if tok.lemma_.lower() in PASS_THROUGH and tok.pos_ in ("VERB", "AUX"):
            break
    return path


@dataclass(frozen=True)
class CueSets:
    """The cue lists of ``status_cues.yaml`` as sets, built once per process (this runs per trigger)."""

    anticipated: frozenset[str]
    hypothetical: frozenset[str]
    threatened: frozenset[str]
    negators: frozenset[str]
    modals: frozenset[str]
    double_neg: frozenset[str]
    habitual: frozenset[str]
    conditional: frozenset[str]
    intent: frozenset[str]
    intent_clausal_only: frozenset[str]
    requesting: frozenset[str]
    refusing: frozenset[str]
    habitual_spans: frozenset[str]


@functools.lru_cache(maxsize=1)
def cue_sets() -> CueSets:
    cues = status_cues()
    return CueSets(
        anticipated=frozenset(cues["anticipated"]),
        hypothetical=frozenset(cues["hypothetical"]),
        threatened=frozenset(cues["threatened"]),
        negators=frozenset(cues["negated"]),
        modals=frozenset(cues["future_modals"]),
        double_neg=frozenset(w for w in cues["double_negation"] if " " not in w),
        habitual=frozenset(cues["habitual"]),
        conditional=frozenset(w for w in cues["conditional_markers"] if " " not in w),
        intent=frozenset(cues.get("intent", [])),
        intent_clausal_only=frozenset(cues.get("intent_clausal_only", [])),
        requesting=frozenset(cues.get("requesting", [])),
        refusing=frozenset(cues.get("refusing", [])),
        habitual_spans=frozenset(cues.get("habitual_spans", [])),
    )


def _perfect(tok) -> bool:
    """A verb in a perfect tense ("have fought", "had been fighting")."""
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in tok.children)


def decide_status(trigger) -> StatusDecision:
    c = cue_sets()
    anticipated, hypothetical, threatened, negators = c.anticipated, c.hypothetical, c.threatened, c.negators
    modals, double_neg, habitual, conditional = c.modals, c.double_neg, c.habitual, c.conditional
    intent, requesting, clausal_intent, refusing = c.intent, c.requesting, c.intent_clausal_only, c.refusing
    habitual_spans = c.habitual_spans

    found: dict[str, object] = {}
    decision = StatusDecision("occurred")
    path = path_up(trigger)
    for depth, tok in enumerate(path):
        # a conjoined verb is a sibling, not a governor: "expected more balloons and urged
        # residents ..." does not make the urging expected. Its modals still reach both.
        lemma = "" if depth > 0 and path[depth - 1].dep_ == "conj" else tok.lemma_.lower()
        is_frame = depth > 0 and tok.lemma_.lower() in PASS_THROUGH
        if depth > 0 and lemma in threatened and tok.pos_ == "VERB":
            decision.threat_verb = decision.threat_verb or tok
            found.setdefault("threatened", tok)
        if 0 < depth <= 2 and lemma in negators and tok.pos_ == "VERB" and not is_frame:
            found.setdefault("negated", tok)  # "denied backing M23", "failed to reach"
        if depth > 0 and lemma in requesting and tok.pos_ in ("VERB", "NOUN") and decision.request_verb is None:
            decision.request_verb = tok
        if 0 < depth <= 2 and lemma in refusing and tok.pos_ == "VERB" and not is_frame:
            decision.refusal_verb = decision.refusal_verb or tok
            found.setdefault("negated", tok)  # refused, so not done
        if depth > 0 and lemma in intent and not is_frame and (
                lemma not in clausal_intent or path[depth - 1].dep_ in ("xcomp", "ccomp", "prep", "pcomp")):
            decision.intent_verb = decision.intent_verb or tok
        if depth > 0 and lemma in anticipated and not is_frame:
            found.setdefault("anticipated", tok)
        for child in tok.children:
            c = child.lower_
            cl = child.lemma_.lower()
            if child.dep_ == "neg" or (child.dep_ == "advmod" and cl in ("never",)) or _no_longer(child):
                if lemma in double_neg:
                    decision.future = True
                    found.setdefault("future", child)
                elif depth <= 2 and not is_frame:
                    found.setdefault("negated", child)
            elif child.dep_ == "aux" and c in modals or (child.dep_ == "aux" and cl in modals):
                if not is_frame:
                    decision.future = True
                    found.setdefault("future", child)
            elif child.dep_ == "aux" and cl in hypothetical:
                if not is_frame:
                    found.setdefault("hypothetical", child)
            elif child.dep_ == "mark" and cl in conditional and depth <= 3:
                found.setdefault("hypothetical", child)
            elif child.dep_ == "advmod" and c in habitual:
                decision.habitual = True  # the word itself: "no longer" (lemma "long") is not "long"
            elif depth == 0 and child.dep_ == "prep" and c == "for" and _perfect(tok) and any(
                    g.lower_ in habitual_spans for g in child.children):
                # "have fought a shadow war for years": background; but "plans to impose
                # restrictions for two years" says how long a new act will last
                decision.habitual = True
            elif child.dep_ == "det" and cl == "no" and tok.pos_ == "NOUN" and depth == 0:
                found.setdefault("negated", child)  # "no talks were held"
            elif child.dep_ == "det" and cl == "any" and tok.pos_ == "NOUN" and (depth <= 1 or path[depth - 1].lower_ == "of"):
                found.setdefault("hypothetical", child)
            elif child.dep_ in ("amod", "advmod") and cl in anticipated and depth <= 1:
                found.setdefault("anticipated", child)
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lemma_.lower() in conditional for c in tok.children):
            found.setdefault("hypothetical", tok)
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "event":
            found.setdefault("hypothetical", tok)  # "in the event of an attack"
        if is_frame:
            break
    for status in ("negated", "hypothetical", "anticipated"):
        if status in found:
            decision.status, decision.cue = status, found[status]
            return decision
    if "threatened" in found:
        decision.status, decision.cue = "anticipated", found["threatened"]
        return decision
    if decision.future:
        decision.status, decision.cue = "anticipated", found.get("future")
    return decision


def _no_longer(tok) -> bool:
    """"would no longer meet their demand": "no" negates "longer", and so the verb."""
    return tok.dep_ == "advmod" and tok.lower_ in ("longer", "more") and any(
        c.dep_ == "neg" and c.lower_ == "no" for c in tok.children)
