"""Discourse rules: recipients named in earlier sentences, and pronoun sources reported with the
words of their antecedent."""
from __future__ import annotations

from ..analysis_state import Analysis
from .arguments import Argument
from .candidate import Candidate


# Types whose missing recipient may be taken from the discourse (the actor answered is named
# in a previous sentence: "vowing to respond", "his condemnation of the attack").
DISCOURSE_TARGET_TYPES = {"THREATEN", "ACCUSE"}


def discourse_target(cand: Candidate, analysis: Analysis, sent) -> list[Argument]:
    """The most recent actor of another country named in this or the previous two sentences."""
    src_countries = {s.actor.country for s in cand.sources}
    sents = list(analysis.doc.sents)
    first = sents[max(0, sents.index(sent) - 2)].start if sent in sents else sent.start
    best = None
    for m in analysis.mentions:
        head = analysis.doc[m.token_end - 1]
        locative = head.dep_ == "pobj" and head.head.lower_ in ("in", "at", "near", "from", "into", "across", "to")
        if m.kind in ("capital", "seat") and locative or m.kind in ("place",):
            continue
        if first <= m.token_start < sent.end and m.actor.country and m.actor.country not in src_countries:
            if m.token_start < sent.start:  # an earlier sentence, never this one's bystanders
                if best is None or m.token_start > best.token_start:
                    best = m
    if best is None:
        return []
    cand.confidence = min(cand.confidence, 0.5)
    return [Argument(actor=best.actor, token=analysis.doc[best.token_start], mention=best, inferred=True)]


def antecedent(arg: Argument, analysis: Analysis) -> Argument:
    """A pronoun source whose antecedent is named earlier in the same sentence is reported with
    the antecedent's words ("The Fijian rebels said they will ..." -> "Fijian rebels")."""
    m = arg.mention
    if m is None or m.kind != "pronoun" or not m.resolved:
        return arg
    sent_start = arg.token.sent.start
    for other in analysis.mentions:
        if other is m or other.kind == "pronoun" or not (sent_start <= other.token_start < m.token_start):
            continue
        if other.actor.code == m.actor.code and other.actor.name == m.actor.name:
            return Argument(actor=other.actor, token=analysis.doc[other.token_end - 1], mention=other)
    return arg
