"""Who is the speaker: kind (named/anonymous), count, affiliation, name, actor code.

Actor resolution belongs to the actors stage (``analysis.mentions``) and the actor knowledge base
(``flashpoint.actors.resolve_text`` / ``country_of``). This module only reads them, and falls back
to a small demonym table and the gazetteer's country names when neither knows the speaker.
Back-references ("the second official", "both officials", "he", "Biden" after "Joe Biden") are
resolved against the sources met earlier in the same document (:class:`SourceMemory`).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Optional

from ..model import Span
from .cues import Cues

PRONOUNS_SINGULAR = {"he", "she", "him", "her"}
PRONOUNS_PLURAL = {"they", "them"}
PRONOUNS_FIRST = {"i", "we", "me", "us"}
PRONOUN_IT = {"it"}
# Words that say a source is kept unnamed; plural sources without them (and without a number)
# speak for their body on the record. "sources" and "people" are anonymous however they appear.
ANONYMITY_MARKERS = {"anonymous", "unnamed", "unidentified", "anonymity", "familiar", "undisclosed"}
COLLECTIVE_ANONYMOUS = {"source", "person", "people", "insider", "individual"}


@dataclass
class Source:
    """A resolved speaker."""

    kind: str  # named / anonymous
    speaker: Span
    affiliation: Optional[str] = None
    count: Optional[int] = None
    name: Optional[str] = None
    code: Optional[str] = None
    person: bool = False
    plural: bool = False


@dataclass
class SourceMemory:
    """Sources met so far in one document, newest last."""

    sources: list[Source] = field(default_factory=list)

    def add(self, source: Source) -> None:
        self.sources.append(source)

    def last(self, predicate) -> Optional[Source]:
        for source in reversed(self.sources):
            if predicate(source):
                return source
        return None


def speaker_tokens(head) -> tuple[int, int]:
    """Token range [start, end) of the speaker phrase headed by ``head``: its subtree without
    relative clauses, clausal modifiers and edge punctuation (appositions stay: they carry role
    and affiliation, as in "Nate Evans, a spokesperson for the U.S. Mission")."""
    cut = {"relcl", "acl", "punct"}
    tokens = [head]
    for child in head.children:
        if child.dep_ in cut and child.dep_ != "punct":
            continue
        if child.dep_ == "punct":
            tokens.append(child)
            continue
        tokens.extend(child.subtree)
    idx = sorted(t.i for t in tokens)
    # keep the contiguous run around the head (a cut child may leave a hole)
    start = end = head.i
    present = set(idx)
    while start - 1 in present:
        start -= 1
    while end + 1 in present:
        end += 1
    doc = head.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    return start, end + 1


def _span(doc, start: int, end: int) -> Span:
    piece = doc[start:end]
    return Span(text=piece.text, start=piece.start_char, end=piece.end_char)


def _country_of_code(code: Optional[str]) -> Optional[str]:
    return code[:3] if code and len(code) >= 3 and code[:3].isalpha() and code[:3].isupper() else None


def _kb_resolve(text: str, on: Optional[dt.date]):
    """The actor KB's answer for ``text``, or None when the KB is absent or does not know it."""
    try:
        from ..actors import resolve_text  # the KB lands with the actors stage
    except (ImportError, AttributeError):
        return None
    try:
        return resolve_text(text, on=on)
    except TypeError:
        return resolve_text(text)
    except Exception:  # noqa: BLE001 - a KB failure must not stop attribution
        return None


def _kb_country(text: str) -> Optional[str]:
    try:
        from ..actors import country_of
    except (ImportError, AttributeError):
        return None
    try:
        return country_of(text)
    except Exception:  # noqa: BLE001
        return None


def _affiliation_tokens(head, tokens) -> set[int]:
    """Token indices of the speaker phrase that can carry its affiliation."""
    drop: set[int] = set()
    for t in tokens:
        if t.dep_ == "prep" and t.lower_ in TOPIC_PREPS:
            drop.update(x.i for x in t.subtree)
        if t.dep_ == "amod" and t.head.i == head.i and any(True for _ in t.children):
            drop.update(x.i for x in t.subtree)
    return {t.i for t in tokens} - drop


TOPIC_PREPS = frozenset({"with", "on", "about", "over", "regarding", "concerning"})


def _fallback_country(tokens, cues: Cues, ents=()) -> Optional[str]:
    """Demonyms and country names inside the speaker phrase, first one wins."""
    from ..when_where.places import country_code

    words = [t.text.lower() for t in tokens]
    for i, word in enumerate(words):
        if i + 1 < len(words) and f"{word} {words[i + 1]}" in cues.demonyms:
            value = cues.demonyms[f"{word} {words[i + 1]}"]
            if value:
                return value
        if word in cues.demonyms and cues.demonyms[word]:
            return cues.demonyms[word]
    for ent in ents:
        if ent.label_ in ("GPE", "NORP"):
            code = country_code(ent.text)
            if code:
                return code
    return None


class SpeakerResolver:
    """Describes speakers of one document in reading order (so back-references can resolve)."""

    def __init__(self, analysis, cues: Cues):
        self.analysis = analysis
        self.cues = cues
        self.memory = SourceMemory()

    # -- public -------------------------------------------------------------------------------
    def describe(self, head, quote_speaker: Optional[Source] = None) -> Source:
        doc = self.analysis.doc
        start, end = speaker_tokens(head)
        span = _span(doc, start, end)
        lower = head.lower_
        if head.tag_ in ("PRP", "WP") or lower in PRONOUNS_SINGULAR | PRONOUNS_PLURAL | PRONOUNS_FIRST:
            source = self._pronoun(head, span, quote_speaker)
        else:
            source = self._phrase(head, start, end, span)
        self.memory.add(source)
        return source

    # -- pieces -------------------------------------------------------------------------------
    def _pronoun(self, head, span: Span, quote_speaker: Optional[Source]) -> Source:
        lower = head.lower_
        if lower in PRONOUNS_FIRST and quote_speaker is not None:
            return replace(quote_speaker, speaker=span)
        if lower in PRONOUNS_SINGULAR:
            # subject continuity beats general coreference for reporting verbs:
            # "Gallant emphasized to Austin that ... He firmly stated" → Gallant
            recent = self._recent_person(head)
            if recent is not None:
                return replace(recent, speaker=span)
        mention = self.analysis.mention_at(head.i)
        if mention is not None and mention.resolved and mention.actor.via == "coref":
            actor = mention.actor
            earlier = self.memory.last(lambda s: actor.name is not None and s.name == actor.name)
            if earlier is not None:
                return replace(earlier, speaker=span)
            return Source("named", span, actor.country or _country_of_code(actor.code), None,
                          actor.name, actor.code, person=True)
        plural = lower in PRONOUNS_PLURAL or lower == "we"
        if lower in PRONOUN_IT:  # an organisation or a state speaking: "It said that ..."
            earlier = self.memory.last(lambda s: s.kind == "named" and not s.person)
            if earlier is not None:
                return replace(earlier, speaker=span)
            return Source("anonymous", span, None, None, None, None)
        if plural:
            earlier = self.memory.last(lambda s: s.plural or s.kind == "anonymous")
        else:
            earlier = self._recent_person(head) or self.memory.last(lambda s: s.person)
        if earlier is not None:
            return replace(earlier, speaker=span)
        return Source("anonymous", span, None, None, None, None, plural=plural)

    def _recent_person(self, head) -> Optional[Source]:
        """The last person named as a subject in this or the previous two sentences, as a known
        source when one matches ("Miller emphasized ... He stressed" → Miller)."""
        doc = head.doc
        sent = head.sent
        first = sent.start
        for _ in range(2):
            if first == 0:
                break
            first = doc[first - 1].sent.start
        people = [e for e in doc.ents if e.label_ == "PERSON" and first <= e.start and e.end <= head.i
                  and e.root.dep_ in ("nsubj", "nsubjpass")]
        if not people:
            return None
        person = people[-1]
        surname = person.text.split()[-1]
        known = self.memory.last(lambda s: s.person and s.name and s.name.split()[-1] == surname)
        if known is not None:
            return known
        start, end = speaker_tokens(person.root)
        affiliation, code, _ = self._affiliation(person.root, doc[start:end])
        name = self._person_name(person)
        return Source("named", Span(person.text, person.start_char, person.end_char), affiliation,
                      None, name, code, person=True)

    def _person_name(self, ent) -> str:
        """The name without leading titles and nationality ("German Chancellor Olaf Scholz")."""
        tokens = list(ent)
        while len(tokens) > 2 and (tokens[0].lower_.rstrip(".") in self.cues.titles
                                   or tokens[0].lower_ in self.cues.demonyms):
            tokens = tokens[1:]
        return " ".join(t.text for t in tokens)

    def _phrase(self, head, start: int, end: int, span: Span) -> Source:
        doc = self.analysis.doc
        tokens = doc[start:end]
        person = self._person_entity(head, tokens)
        plural = head.tag_ in ("NNS", "NNPS")
        anonymous = person is None and head.lemma_.lower() in self.cues.anonymous_nouns
        if anonymous and plural and head.lemma_.lower() not in COLLECTIVE_ANONYMOUS \
                and not any(t.like_num or t.lower_ in ANONYMITY_MARKERS or t.lemma_.lower() in ("both", "several", "some")
                            for t in doc[max(0, start - 1):head.i]) \
                and not any(t.lower_ in ANONYMITY_MARKERS for t in head.subtree):
            # "EU foreign ministers said", "Ukrainian officials said": a body speaking on the record
            anonymous = False
        affiliation, code, actor_name = self._affiliation(head, tokens)
        count = self._count(head, plural) if anonymous else None
        if anonymous:
            back = self._back_reference(head)
            if back is not None:
                affiliation = affiliation or back.affiliation
                ordinal = self._ordinal(head)
                count = 1 if ordinal else (count or back.count)
            return Source("anonymous", span, affiliation, count, None, code, plural=plural)
        name = self._person_name(person) if person is not None else None
        if person is None and head.pos_ == "PROPN":
            # the NER may miss a bare surname ("Gallant emphasized"); a known person claims it
            known = self.memory.last(lambda s: s.person and s.name and s.name.split()[-1] == head.text)
            if known is not None:
                return replace(known, speaker=span)
        if person is not None:
            earlier = self.memory.last(lambda s: s.person and s.name and s.name != name
                                       and s.name.split()[-1] == name.split()[-1])
            if earlier is not None:  # "Biden" after "President Joe Biden"
                name = earlier.name
                affiliation = affiliation or earlier.affiliation
                code = code or earlier.code
        if name is None and head.pos_ == "PROPN":
            run = [head]
            while run[0].i > 0 and head.doc[run[0].i - 1].pos_ == "PROPN" \
                    and head.doc[run[0].i - 1].dep_ == "compound":
                run.insert(0, head.doc[run[0].i - 1])
            name = actor_name or self._person_name(run)
        if name is None:
            name = actor_name or _strip_det(self._core(head).text)
        return Source("named", span, affiliation, None, name, code, person=person is not None, plural=plural)

    def _core(self, head):
        """The head noun with its compounds and adjectives ("State Department spokesperson")."""
        start = head.i
        for child in head.lefts:
            if child.dep_ in ("compound", "amod", "nmod", "det", "poss", "nummod") or child.ent_type_:
                start = min(start, child.left_edge.i)
        return head.doc[start: head.i + 1]

    def _person_entity(self, head, tokens):
        for ent in tokens.ents:
            if ent.label_ == "PERSON" and ent.start <= head.i < ent.end:
                return ent
        mention = self.analysis.mention_at(head.i)
        if mention is not None and mention.kind == "person":
            return head.doc[mention.token_start:mention.token_end]
        return None

    def _affiliation(self, head, tokens) -> tuple[Optional[str], Optional[str], Optional[str]]:
        """(country, actor code, actor name): the head's own mention first, then mentions inside
        the phrase in reading order, then the KB on the phrase and its entities, then the
        fallback tables. Topic modifiers ("familiar with Iran's plans") are not affiliation."""
        keep = _affiliation_tokens(head, tokens)
        mentions = [m for m in self.analysis.mentions
                    if m.token_start in keep and (m.token_end - 1) in keep and m.resolved]
        mentions.sort(key=lambda m: (not (m.token_start <= head.i < m.token_end), m.token_start))
        for m in mentions:
            country = m.actor.country or _country_of_code(m.actor.code)
            if country:
                own = m.token_start <= head.i < m.token_end
                return country, m.actor.code if own else None, m.actor.name if own else None
        on = self.analysis.published
        doc = head.doc
        core = self._core(head)
        texts = [(core.text, True)]
        texts += [(e.text, e.start <= head.i < e.end) for e in tokens.ents
                  if e.start in keep and e.label_ in ("PERSON", "ORG", "GPE", "NORP", "FAC")]
        for text, own in texts:
            actor = _kb_resolve(text, on)
            if actor is not None and (actor.country or actor.code):
                country = actor.country or _country_of_code(actor.code)
                return country, actor.code if own else None, actor.name if own else None
        kept = doc[min(keep):max(keep) + 1] if keep else tokens
        country = _kb_country(kept.text) or _fallback_country([doc[i] for i in sorted(keep)], self.cues,
                                                             [e for e in tokens.ents if e.start in keep])
        return country, None, None

    def _count(self, head, plural: bool) -> Optional[int]:
        for child in head.children:
            word = child.lower_
            if child.dep_ in ("nummod", "det", "quantmod", "predet") or child.like_num:
                if word in self.cues.number_words:
                    return self.cues.number_words[word]
                if word.isdigit():
                    return int(word)
        return None if plural else 1

    def _ordinal(self, head) -> Optional[int]:
        for child in head.lefts:
            if child.lower_ in self.cues.ordinals and child.dep_ in ("amod", "nummod", "det", "compound"):
                return self.cues.ordinals[child.lower_]
        return None

    def _back_reference(self, head) -> Optional[Source]:
        """An earlier anonymous source this phrase refers back to, if it is a definite
        reference: "the first U.S. official", "the second official", "both officials"."""
        dets = {c.lower_ for c in head.lefts if c.dep_ in ("det", "predet")}
        if not (self._ordinal(head) or dets & self.cues.groups) or dets & {"a", "an", "another"}:
            return None
        lemma = head.lemma_.lower()
        return self.memory.last(lambda s: s.kind == "anonymous" and s.speaker.text
                                and _lemma_of(s.speaker.text) == lemma) or \
            self.memory.last(lambda s: s.kind == "anonymous")


def _lemma_of(text: str) -> str:
    word = text.split()[-1].lower() if text.split() else ""
    return word[:-1] if word.endswith("s") else word


def _strip_det(text: str) -> str:
    for det in ("the ", "The ", "a ", "A ", "an ", "An "):
        if text.startswith(det):
            return text[len(det):]
    return text


def _noun_phrases(tokens):
    try:
        return list(tokens.noun_chunks)
    except (ValueError, AttributeError):
        return []
