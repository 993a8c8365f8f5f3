"""Finding attribution frames in a parsed document (pure: returns RawFrame records).

Four families, each a function over the spaCy parse:
  quote_frames      “...,” X said / X said: “...” (split, multi-sentence, continued quotes)
  non_answer_frames X declined to comment / did not respond to a request for comment / ...
  according_frames  according to X, ...
  verb_frames       X said (that) ... / X believes, assesses, expects that ... / X made it clear that ...
The speaker is kept as a head token; sources.SpeakerResolver turns it into a Source later.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .cues import Cues
from .quotes import Quote, find_quotes
from .sources import speaker_tokens

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
CLAUSE_LINKS = ("advcl", "conj", "xcomp", "pcomp")


@dataclass
class RawFrame:
    cue: str  # cue name (said, believe, quote, according_to, declined_comment, ...)
    verb: Optional[str]  # the reporting verb's lemma (or phrase) for status decisions
    speaker_head: object  # spaCy Token
    start: int  # char offsets of the whole frame
    end: int
    content: Optional[tuple[int, int]] = None  # char offsets of what is asserted
    cue_token: Optional[int] = None
    quote_index: Optional[int] = None
    quotes: list[Quote] = field(default_factory=list)


def subject_of(verb):
    """The subject of ``verb``, climbing through participles, conjuncts and acl/relcl heads
    ("..., stating that" → the main verb's subject; "Nate Evans, ..., refrained" → Evans)."""
    seen = 0
    token = verb
    while token is not None and seen < 4:
        for child in token.children:
            if child.dep_ in SUBJECTS and child.tag_ not in ("EX",):
                if child.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
                    return token.head  # "the man who said ..." → the man
                return child
        if token.dep_ in ("acl", "relcl") and token.head.i != token.i:
            return token.head
        if token.dep_ in CLAUSE_LINKS + ("ccomp", "aux") and token.head.i != token.i:
            token = token.head
            seen += 1
            continue
        return None
    return None


def _char_range(tokens) -> tuple[int, int]:
    tokens = [t for t in tokens if not (t.is_punct or t.is_space)] or list(tokens)
    return min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)


def _content_of(clause) -> tuple[int, int]:
    """Char range of a clausal complement without its complementizer ("that")."""
    tokens = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head.i == clause.i and t.i < clause.i
                                                 and t.lower_ in ("that", "whether", "if"))]
    return _char_range(tokens)


def _inside(quotes: list[Quote], char: int) -> Optional[int]:
    for i, q in enumerate(quotes):
        if q.start <= char < q.end:
            return i
    return None


# -- quotes ------------------------------------------------------------------------------------
def quote_frames(doc, cues: Cues) -> tuple[list[RawFrame], set[int]]:
    """Frames for quotations, and the token indices of the cue verbs they used."""
    quotes = find_quotes(doc.text)
    frames: list[RawFrame] = []
    used: set[int] = set()
    for qi, quote in enumerate(quotes):
        cue = _quote_cue(doc, quotes, qi, cues)
        same_verb = cue is not None and frames and frames[-1].cue_token == cue[0].i
        if cue is None or same_verb:
            # “A,” X said, “B.” (same verb) or a cue-less quotation right after a quote frame
            if frames and (same_verb or _continues(doc, frames[-1], quote)):
                prev = frames[-1]
                prev.end = max(prev.end, quote.end)
                prev.content = (prev.content[0], quote.inner_end)
                prev.quotes.append(quote)
            continue
        verb, subject = cue
        used.add(verb.i)
        sent = verb.sent
        lo = min(quote.start, subject.left_edge.idx, verb.idx)
        hi = max(quote.end, sent.end_char if verb.idx > quote.start else quote.end)
        frames.append(RawFrame("quote", verb.lemma_.lower(), subject, lo, hi,
                               (quote.inner_start, quote.inner_end), verb.i, qi, [quote]))
    return frames, used


def _quote_cue(doc, quotes, qi, cues: Cues):
    """(verb, subject) that introduces quotation ``qi``: a reporting verb outside any quotation
    in the sentence around it, nearest to the quote; None when there is none."""
    quote = quotes[qi]
    first = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if first is None or len(first) == 0:
        return None
    sents = {first[0].sent.start: first[0].sent, first[-1].sent.start: first[-1].sent}
    candidates = []
    for sent in sents.values():
        for token in sent:
            if _inside(quotes, token.idx) is not None:
                continue
            if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in cues.reporting_verbs:
                continue
            subject = subject_of(token)
            if subject is None or _inside(quotes, subject.idx) is not None:
                continue
            distance = token.idx - quote.end if token.idx >= quote.end else quote.start - token.idx
            # the parser usually hangs the quoted clause on the verb: prefer that verb
            linked = any(quote.start <= c.idx < quote.end for c in token.children)
            candidates.append((not linked, distance, token, subject))
    if not candidates:
        return None
    candidates.sort(key=lambda c: (c[0], c[1]))
    _, _, verb, subject = candidates[0]
    return verb, subject


def _continues(doc, prev: RawFrame, quote: Quote) -> bool:
    """A cue-less quotation right after a quote frame continues the same speaker."""
    between = doc.text[prev.end:quote.start]
    return between.strip() == "" or between.strip() in (",", ".", ":")


# -- non-answers ---------------------------------------------------------------------------------
def non_answer_frames(doc, cues: Cues) -> list[RawFrame]:
    frames = []
    for sent in doc.sents:
        text = sent.text
        for cue, pattern in cues.non_answers:
            for m in pattern.finditer(text):
                start = sent.start_char + m.start()
                end = sent.start_char + m.end()
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is None or len(span) == 0:
                    continue
                verb = span[0]
                if verb.dep_ in ("aux", "auxpass", "neg") and verb.head.i >= verb.i:
                    verb = verb.head
                subject = subject_of(verb)
                if subject is None:
                    continue
                if any(f.start <= start < f.end for f in frames):
                    continue  # two patterns on one refusal
                frames.append(RawFrame(cue, cue, subject, min(subject.left_edge.idx, start), end,
                                       None, verb.i))
    return frames


# -- according to ------------------------------------------------------------------------------
def according_frames(doc, cues: Cues) -> list[RawFrame]:
    frames = []
    phrases = [p.split() for p in cues.according_to]
    for token in doc:
        for words in phrases:
            if token.lower_ != words[0]:
                continue
            tail = doc[token.i: token.i + len(words)]
            if [t.lower_ for t in tail] != words:
                continue
            last = tail[-1]
            pobj = next((c for c in last.children if c.dep_ == "pobj"), None)
            if pobj is None:
                pobj = next((c for c in token.children for c in c.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            sent = token.sent
            # the parser may hang the main clause under the source as a relative clause:
            # the phrase ends where the speaker phrase ends, not where its subtree does
            phrase_end = speaker_tokens(pobj)[1]
            phrase = set(range(token.i, phrase_end))
            rest = [t for t in sent if t.i not in phrase]
            if not [t for t in rest if not (t.is_punct or t.is_space)]:
                continue
            content = _char_range(rest)
            start = min(token.idx, content[0])
            end = max(doc[phrase_end - 1].idx + len(doc[phrase_end - 1].text), content[1])
            frames.append(RawFrame("according_to", "according_to", pobj, start, end, content, token.i))
    return frames


# -- reporting verbs ---------------------------------------------------------------------------
def verb_frames(doc, cues: Cues, used: set[int], quotes: list[Quote]) -> list[RawFrame]:
    frames = []
    phrasal = {(h, c): cue for h, c, cue in cues.phrasal}
    for token in doc:
        if token.i in used or token.pos_ not in ("VERB", "AUX"):
            continue
        lemma = token.lemma_.lower()
        clause, cue, verb = _complement(token, lemma, cues, phrasal)
        if clause is None:
            continue
        if any(c.dep_ == "auxpass" for c in token.children):
            continue  # "is expected to": status, not a speaker
        subject = subject_of(token)
        if subject is None or (subject.dep_ == "nsubjpass" and subject.head.i == token.i):
            continue
        content = clause if isinstance(clause, tuple) else _content_of(clause)
        start = min(subject.left_edge.idx, token.idx)
        if subject.i > token.i and not any(t.i == subject.i for t in token.subtree):
            start = min(start, subject.idx)
        frames.append(RawFrame(cue, verb, subject, start, max(content[1], token.idx + len(token.text)),
                               content, token.i))
    return frames


def _complement(token, lemma: str, cues: Cues, phrasal: dict):
    """(clause head or char range, cue name, verb label) when ``token`` reports something."""
    if lemma in cues.reporting_verbs:
        cue = cues.reporting_verbs[lemma]
        for child in token.children:
            if child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX", "ADJ", "NOUN"):
                # after the verb ("said that ...") or fronted ("Iran will strike, officials said")
                return child, cue, lemma
        if cue in cues.status_cues:
            # "expects Iran to strike", "is anticipating Iran's response"
            obj = next((c for c in token.children if c.dep_ in ("dobj", "obj")), None)
            xcomp = next((c for c in token.children if c.dep_ == "xcomp"), None)
            if obj is not None:
                pieces = list(obj.subtree) + (list(xcomp.subtree) if xcomp is not None else [])
                return _char_range(pieces), cue, lemma
    for child in token.children:
        key = (lemma, child.lower_)
        if key in phrasal:
            for target in (child, token):
                for grand in target.children:
                    if grand.dep_ in ("ccomp", "advcl") and any(g.dep_ == "mark" and g.lower_ == "that"
                                                               for g in grand.children):
                        return grand, phrasal[key], f"{lemma} {child.lower_}"
    return None, None, None
