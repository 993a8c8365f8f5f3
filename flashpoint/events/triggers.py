"""Find event triggers in a parsed sentence (pure: returns matches, changes nothing).

A trigger is a verb or a noun whose lemma is in the trigger lexicon. A noun that is the object of
a light verb ("launch an attack", "hold talks", "engaged in discussions") is the trigger; the light
verb only lends its subject.
"""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import TriggerEntry, TriggerLexicon

VERB_TAGS = {"VERB"}
NOUN_TAGS = {"NOUN", "PROPN"}


@dataclass
class TriggerMatch:
    token: object          # spaCy Token, the trigger's head word
    pos: str               # verb or noun
    candidates: list[TriggerEntry]

    @property
    def types(self) -> list[str]:
        seen: list[str] = []
        for c in self.candidates:
            if c.type not in seen:
                seen.append(c.type)
        return seen


# Heads that only carry the act named by their compound modifier: "a mediation mission", "an aid
# convoy", "a bombing campaign".
CARRIER_NOUNS = {"mission", "effort", "bid", "process", "initiative", "campaign", "operation", "package",
                 "convoy", "shipment", "flight", "drive"}


# Particles the parse hangs as a preposition when an object comes between: "pulled its forces out of".
PARTICLE_PREPS = {"out"}


def _phrase_lemmas(token) -> tuple[list[str], int]:
    """Lemmas for phrase matching starting at ``token``: compounds before a noun, particles after a verb."""
    if token.pos_ in NOUN_TAGS:
        lefts = [t for t in token.lefts if t.dep_ in ("compound", "amod") and t.i == token.i - 1]
        start = lefts[0] if lefts else token
        return [t.lemma_.lower() for t in token.doc[start.i:token.i + 1]], token.i - start.i
    following = [token.lemma_.lower()] + [t.lemma_.lower() for t in token.rights
                                          if t.dep_ == "prt" or (t.dep_ == "prep" and t.lower_ in PARTICLE_PREPS)]
    return following + [t.lemma_.lower() for t in token.doc[token.i + 1:token.i + 3]], 0


def find_triggers(sentence, lexicon: TriggerLexicon) -> list[TriggerMatch]:
    matches: list[TriggerMatch] = []
    for token in sentence:
        if token.pos_ in VERB_TAGS or (token.pos_ == "AUX" and token.dep_ != "aux") \
                or (token.pos_ == "ADJ" and token.dep_ == "acomp"):
            pos = "verb"
        elif token.pos_ in NOUN_TAGS and token.ent_type_ not in ("GPE", "NORP", "PERSON", "ORG", "DATE") \
                and (token.dep_ != "compound" or token.head.lemma_.lower() in CARRIER_NOUNS):
            pos = "noun"  # "war crimes", "war games": the head noun decides; "aid convoy": the aid does
        else:
            continue
        lemma = token.lemma_.lower()
        candidates = []
        if pos == "noun":
            lemmas, offset = _phrase_lemmas(token)
            if offset:  # try "air strike" before "strike"
                candidates = [c for c in lexicon.candidates("noun", lemmas, 0) if len(c.words) == len(lemmas)]
            candidates = candidates or lexicon.candidates("noun", [lemma], 0)
            if not candidates and token.text.lower() != lemma:
                candidates = lexicon.candidates("noun", [token.text.lower()], 0)
        else:
            lemmas, _ = _phrase_lemmas(token)
            candidates = lexicon.candidates("verb", lemmas, 0)
        if candidates:
            matches.append(TriggerMatch(token=token, pos=pos, candidates=candidates))
    return matches
