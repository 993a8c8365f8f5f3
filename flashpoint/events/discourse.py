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


# Nouns that refer back to an attack ("the incident"), and the phrases that blame someone for it.
ATTACK_ANAPHORS = {"incident", "attack", "strike", "bombing", "assault", "raid", "killing", "explosion", "blast"}
ANSWERING_WORDS = {"warn", "warning", "vow", "threaten", "threat", "respond", "response", "retaliate",
                   "retaliation", "punish", "punishment", "revenge", "avenge"}
ADJUNCT_HEADS = {"wake", "aftermath", "response", "retaliation", "after", "following", "over"}


def responder(attack, analysis: Analysis):
    """The actor who answers an attack with a threat in the clause the attack is an adjunct of
    ("In the wake of the attack ..., Iranian leaders vowed to respond"): the attack's victim."""
    from .arguments import subject_of

    ancestors = list(attack.ancestors)
    if not any(a.lemma_.lower() in ADJUNCT_HEADS for a in ancestors):
        return None
    verb = next((a for a in ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or not any(t.lemma_.lower() in ANSWERING_WORDS for t in verb.subtree if t.i != attack.i):
        return None
    found = [a for a in subject_of(verb, analysis) if a.actor.country]
    if not found:
        return None
    found[0].inferred = True
    return found[0]


def blamed_for(attack, analysis: Analysis, sents) -> "Argument | None":
    """Who the text blames for an attack in this or the next sentences: "X's role in the
    incident", "X was behind the attack", "X is responsible for the strike", "blamed X for it"."""
    for sent in sents:
        for tok in sent:
            lemma = tok.lemma_.lower()
            blamed = None
            if lemma == "role" and _refers_to_attack(tok, ("in",)):
                blamed = next((c for c in tok.children if c.dep_ == "poss"), None)
            elif lemma == "responsible" and _refers_to_attack(tok, ("for",)):
                blamed = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            elif lemma == "blame" and tok.pos_ == "VERB" and _refers_to_attack(tok, ("for",)):
                blamed = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if blamed is None:
                continue
            m = analysis.mention_at(blamed.i)
            if m is not None and m.resolved and m.actor.country:
                return Argument(actor=m.actor, token=blamed, mention=m, inferred=True)
    return None


def _refers_to_attack(tok, preps) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in preps and
               any(g.dep_ == "pobj" and g.lemma_.lower() in ATTACK_ANAPHORS for g in c.children)
               for c in tok.children)
