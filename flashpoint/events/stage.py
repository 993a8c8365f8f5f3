"""Events stage: triggers -> arguments -> type, mode, context -> status -> Event records.

Order of work for one sentence:
1. ``find_triggers`` proposes verbs and nouns from the lexicon; ``refine.not_an_event`` drops
   the ones that name no event here ("declined to comment");
2. each trigger's source and target come from the parse (``arguments``);
3. the type is the lexicon's reading, corrected by the parse (``refine.TYPE_RULES``), or the
   classifier's choice where a word is ambiguous;
4. ``decide_status`` reads modals, negation and expectation cues;
5. ``folding.fold_candidates`` applies PLOVER's rules for how mentions combine (threats,
   promises, requests, accusations, verbs acting on event nouns);
6. ``discourse`` supplies recipients named in earlier sentences for threats and accusations;
7. one event per (source, target) pair; events of one trigger share ``mention_id``.
"""
from __future__ import annotations

import contextvars
import functools
from typing import Optional

from ..analysis_state import Analysis
from ..attribution.lookup import frame_for, frame_status, to_event_attribution
from ..model import Event, EventAttribution, SentenceRef, Span
from ..version import CODER
from .arguments import (PATIENT_VERBS, PLACE_KINDS, STATEMENT_NOUNS, Argument, _governing_subject, expand,
                        noun_arguments, subject_of, subtree_target, verb_arguments)
from .candidate import Candidate, same_actor, who
from .discourse import DISCOURSE_TARGET_TYPES, antecedent, blamed_for, discourse_target, responder
from .conventions import Conventions, get_conventions
from .folding import RECIPROCAL, RESPONSIVE, conditional_party, fold_candidates
from .refine import Reading, implied_source, not_an_event, refine_type, spoken_accusation
from .lexicon import TriggerLexicon, contexts_for, default_lexicon, status_cues
from .scores import score
from .status import PASS_THROUGH, decide_status, path_up
from .triggers import TriggerMatch, find_triggers

COMMUNICATION = PASS_THROUGH | {"warn", "vow", "pledge", "promise", "threaten", "say", "assure", "clear"}
# Nouns for what is said, whose "that" clause the issuer speaks ("a reminder that Iraq must ...").
SPOKEN_NOUNS = STATEMENT_NOUNS | {"reminder", "warning", "demand", "call", "appeal", "assurance", "pledge", "promise",
                                  "threat", "message", "reply", "response"}


def make_events_stage(options):
    extra = tuple(getattr(options, "lexicon_files", ()) or ())
    lexicon = TriggerLexicon.load(extra=extra) if extra else default_lexicon()
    return functools.partial(events_stage, lexicon=lexicon, use_classifier=getattr(options, "use_classifier", True),
                             conventions=get_conventions(getattr(options, "conventions", None)))


def events_stage(analysis: Analysis, lexicon: Optional[TriggerLexicon] = None, use_classifier: bool = True,
                 conventions: Optional[Conventions] = None) -> Analysis:
    lexicon = lexicon or default_lexicon()
    token = _USE_CLASSIFIER.set(use_classifier)
    try:
        return _code_events(analysis, lexicon, get_conventions(conventions))
    finally:
        _USE_CLASSIFIER.reset(token)


def _code_events(analysis: Analysis, lexicon: TriggerLexicon, conventions: Conventions) -> Analysis:
    doc = analysis.doc
    counter = 0
    for s_index, sent in enumerate(doc.sents):
        matches = find_triggers(sent, lexicon)
        candidates = [c for c in (_candidate(m, analysis, lexicon) for m in matches) if c]
        candidates += _classifier_candidates(sent, {m.token.i for m in matches}, analysis, lexicon)
        fold_candidates(candidates, analysis, conventions)
        _drop_place_echoes(candidates)
        seen_pairs: set[tuple] = set()  # one event per (type, source, target) per sentence
        for cand in candidates:
            if cand.dropped:
                continue
            if not cand.targets and cand.type == "THREATEN":
                cand.targets = conditional_party(cand, analysis)
            if not cand.targets and (cand.type in DISCOURSE_TARGET_TYPES or cand.match.token.lemma_.lower() in RESPONSIVE):
                cand.targets = discourse_target(cand, analysis, sent)
            # a pronoun nobody resolved ("its", "themselves", "those") names no actor
            cand.sources = [a for a in cand.sources if not _unresolved_pronoun(a)]
            cand.targets = [a for a in cand.targets if not _unresolved_pronoun(a)]
            targets = cand.targets
            if not targets and len(cand.sources) > 1 and _each_others(cand):
                targets = cand.sources  # "X and Y met", "X and Y clashed": each is the other's recipient
            if not targets and ((cand.type, cand.mode) in TARGETLESS or cand.alone) and _acts_alone(cand):
                targets = [None]  # "Shevardnadze resigned", "Iran mobilized its reserves"
            pairs = [(s, t) for s in cand.sources for t in targets if (t is None or not same_actor(s, t))
                     and (cand.type, who(s), who(t) if t is not None else None) not in seen_pairs]
            seen_pairs.update((cand.type, who(s), who(t) if t is not None else None) for s, t in pairs)
            if not pairs:
                continue
            mention_id = f"{analysis.document.id}:{counter}"
            counter += 1
            for k, (src, tgt) in enumerate(pairs):
                analysis.events.append(_event(analysis, cand, src, tgt, mention_id, k, s_index, sent, lexicon))
    _claim_attacks(analysis, lexicon, counter)
    return analysis


def _claim_attacks(analysis: Analysis, lexicon: TriggerLexicon, counter: int) -> None:
    """An attack reported without its attacker ("the attack on a consulate in Damascus") becomes an
    event when the text says both who answers it (a threat made in its wake) and who is blamed for
    it ("Israel will face punishment for its role in the incident"). Low confidence: inferred."""
    sents = list(analysis.doc.sents)
    for match, decision in analysis.notes.pop("unclaimed_attacks", []):
        tok = match.token
        s_index = next(i for i, s in enumerate(sents) if s.start <= tok.i < s.end)
        victim = responder(tok, analysis)
        culprit = blamed_for(tok, analysis, sents[s_index:s_index + 3])
        if victim is None or culprit is None or culprit.actor.country == victim.actor.country:
            continue
        cand = Candidate.from_decision(match, "ASSAULT", [culprit], [victim], decision, confidence=0.4,
                                       mode=lexicon.mode_for("ASSAULT", {t.lemma_.lower() for t in tok.subtree}),
                                       frame=_frame(tok, analysis))
        mention_id = f"{analysis.document.id}:{counter}"
        counter += 1
        analysis.events.append(_event(analysis, cand, culprit, victim, mention_id, 0, s_index, sents[s_index], lexicon))


def _candidate(match: TriggerMatch, analysis: Analysis, lexicon: TriggerLexicon) -> Optional[Candidate]:
    tok = match.token
    if not_an_event(tok):
        return None
    type_ = match.types[0]
    info = lexicon.types[type_]
    if match.pos == "verb":
        sources, targets = verb_arguments(tok, info.target_preps, analysis)
    else:
        sources, targets = noun_arguments(tok, info.target_preps, analysis, type_)
    sources = [antecedent(s, analysis) for s in sources]
    frame = _frame(tok, analysis)
    speaker = _speaker(tok, analysis) or _frame_speaker(frame, analysis)
    if all(_unresolved_pronoun(s) for s in sources) and _speakers_pronoun(tok, speaker, analysis):
        sources = [speaker]  # "the Umma party said it would ...": "it" is the party
    reading = refine_type(match, Reading(type_, sources, targets), analysis)
    type_, sources, targets = reading.type, reading.sources, reading.targets
    if not targets and sources and not (type_ in RECIPROCAL and len(sources) > 1):
        targets = subtree_target(tok, sources, analysis, lexicon.types[type_].target_preps)
    if spoken_accusation(match, Reading(type_, sources, targets)):
        type_ = "ACCUSE"
    elif len(match.types) > 1 and type_ == match.types[0]:  # a rule above has not already decided
        type_ = _choose_type(match, sources, targets)
    decision = decide_status(tok)
    if decision.habitual:
        return None
    if not sources and speaker is not None and tok.dep_ == "dobj" and tok.head.lemma_.lower() in PATIENT_VERBS:
        sources = [speaker]  # "X made it clear that Y will face punishment": X is the actor
    if not sources:
        sources = implied_source(match, type_, analysis)  # "a French journalist was detained in Iran"
    if not sources:
        if type_ == "ASSAULT" and match.pos == "noun" and decision.status == "occurred":
            analysis.notes.setdefault("unclaimed_attacks", []).append((match, decision))
        return None
    cue_lemmas = {t.lemma_.lower() for t in tok.subtree} | {tok.lemma_.lower()}
    if tok.head.i != tok.i:
        cue_lemmas |= {t.lemma_.lower() for t in tok.head.children}
    mode = (reading.mode if type_ == reading.type else None) or lexicon.mode_for(type_, cue_lemmas) or lexicon.mode_for(
        type_, {t.lemma_.lower() for t in tok.sent})
    cand = Candidate.from_decision(match, type_, sources, targets, decision, mode=mode, speaker=speaker,
                                   frame=frame)
    if cand.speaker is not None:
        # "we"/"I" in a quote is the speaker
        cand.sources = [cand.speaker if _first_person(s.token) else s for s in cand.sources]
        cand.targets = [t for t in cand.targets if not _first_person(t.token)]
    obligation = _obligation(tok)
    if obligation is not None and speaker is not None and match.pos == "verb" \
            and not any(same_actor(speaker, s) for s in sources):
        # "Russia said Sudan must return the helicopter": Russia asks Sudan (PLOVER REQUEST)
        cand.type, cand.mode, cand.status = "REQUEST", None, "occurred"
        cand.targets, cand.sources = sources, [speaker]
        cand.status_cue = obligation
        return cand
    if frame is not None and cand.status == "occurred":
        cand.status = frame_status(frame) or cand.status
    return cand


def _drop_place_echoes(cands: list[Candidate]) -> None:
    """"British aircraft killed 4 Iraqis in an attack on a depot in Basra": one attack, whose
    recipients are the Iraqis; Basra only says where. A place recipient is dropped when the same
    source does the same type of act in the sentence to an actor of the place's country."""
    live = [c for c in cands if not c.dropped]
    for cand in live:
        places = [t for t in cand.targets if t.mention is not None and t.mention.kind in PLACE_KINDS]
        if not places:
            continue
        sources = {who(s) for s in cand.sources}
        people = [t for other in live if other.type == cand.type and sources & {who(s) for s in other.sources}
                  for t in other.targets if t.mention is None or t.mention.kind not in PLACE_KINDS]
        echoes = [p for p in places if any(t.actor.country and t.actor.country == p.actor.country for t in people)]
        if echoes:
            cand.targets = [t for t in cand.targets if t not in echoes]
            if not cand.targets:
                cand.dropped = True


# (type, mode) of acts that have no recipient by nature: they are coded with the target left empty.
# Other events need both sides (dyad analysis reads pairs); a resignation is still news.
TARGETLESS = {("RETREAT", "resign")}


def _acts_alone(cand: Candidate) -> bool:
    """A named actor (not a bare "officials") resigning on its own, said as news: a verb, or a
    noun a verb acts on ("announced his resignation"), not "since her resignation"."""
    tok = cand.match.token
    if cand.match.pos == "noun" and tok.dep_ not in ("dobj", "nsubj", "nsubjpass"):
        return False
    return any(s.named for s in cand.sources)


# Objects that make a shared act mutual: "X and Y signed an agreement", "restored ties".
MUTUAL_OBJECTS = {"agreement", "accord", "deal", "treaty", "pact", "memorandum", "ceasefire", "truce", "tie",
                  "relation", "partnership", "alliance", "cooperation", "declaration", "protocol", "communique"}


def _backs_a_third_thing(cand: Candidate) -> bool:
    """"Russia, Turkey and Iran supported the peace process": they back it together, not each
    other. Only support is read this way; "X and Y discussed the crisis" still consult each other."""
    if cand.type != "SUPPORT" or cand.match.pos != "verb":
        return False
    objects = [c for c in cand.match.token.children if c.dep_ == "dobj"]
    return any(o.lemma_.lower() not in MUTUAL_OBJECTS for o in objects)


FIRST_PERSON = {"we", "i", "us", "me"}


def _unresolved_pronoun(arg: Argument) -> bool:
    return arg.token.pos_ == "PRON" and arg.actor.code is None


SPEAKER_CLAUSE_DEPS = {"dobj", "xcomp", "conj"}
# Third-person subject pronouns and the antecedents they agree with.
PRONOUN_AGREEMENT = {"it": "body", "they": "bodies", "he": "person", "she": "person"}


def _agrees(speaker: Argument, agreement: str) -> bool:
    person = speaker.token.ent_type_ == "PERSON" or (speaker.mention is not None and speaker.mention.kind == "person")
    if agreement == "person":
        return person
    plural = speaker.token.tag_ in ("NNS", "NNPS") or (speaker.mention is not None and speaker.mention.plural)
    return not person and (agreement == "bodies" or not plural)


def _reported_clause(verb) -> bool:
    """``verb`` heads what a communication verb reports ("said it would ..."), not a clause
    inside it ("said ... a spree in which they shot ...", "said ... before they agreed ...")."""
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in COMMUNICATION


def _speakers_pronoun(tok, speaker: Optional[Argument], analysis: Analysis) -> bool:
    """"The Umma party said it would boycott ...", "Bob Smith said he would strike ...": the
    pronoun subject of the reported clause is its speaker. Coreference resolves pronouns only to
    actors the knowledge base knows; this names the actor when the speaker is one it does not."""
    if speaker is None or speaker.resolved:
        return False
    node = tok
    while True:
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")), None)
        if subj is not None:
            agreement = PRONOUN_AGREEMENT.get(subj.lower_) if subj.dep_ == "nsubj" else None
            mention = analysis.mention_at(subj.i)
            return (agreement is not None and (mention is None or not mention.resolved)
                    and _reported_clause(node) and speaker.token.i < subj.i and _agrees(speaker, agreement))
        # the act is the pronoun's own only up a chain of objects and controlled verbs ("said it
        # would launch an attack", "said it would try to boycott"), not from inside an adjunct
        # ("said it is trying suspects in the killings")
        if node.dep_ not in SPEAKER_CLAUSE_DEPS or node.head.lemma_.lower() in COMMUNICATION:
            return False
        node = node.head


def _first_person(tok) -> bool:
    return tok.pos_ == "PRON" and tok.lower_ in FIRST_PERSON  # "US mediation" is the country


# Fighting words that make coordinated actors each other's opponents ("X and Y clashed", "both
# sides violated the truce"); "X and Y attacked" names no target.
MUTUAL_FIGHTING = {"clash", "fight", "battle", "skirmish", "violate", "breach", "exchange"}
# Acts done for others: co-hosts of talks are not consulting each other.
THIRD_PARTY = {"host", "mediate", "broker", "sponsor", "organize", "organise", "convene", "facilitate"}


def _each_others(cand: Candidate) -> bool:
    """Coordinated sources with no recipient act on each other: they meet, agree or cooperate
    (not when hosting or backing a third thing), or they fight."""
    tok = cand.match.token
    if cand.type == "ASSAULT":
        return tok.lemma_.lower() in MUTUAL_FIGHTING
    if tok.lemma_.lower() == "exchange":
        return True  # "Kenya and Uganda exchanged prisoners": each releases to the other
    return cand.type in RECIPROCAL and tok.lemma_.lower() not in THIRD_PARTY \
        and tok.head.lemma_.lower() not in THIRD_PARTY and not _backs_a_third_thing(cand)


OBLIGATION = {"must", "should"}


def _obligation(tok):
    """The "must"/"should" that makes a reported action a demand on its subject."""
    for child in tok.children:
        if child.dep_ == "aux" and child.lower_ in OBLIGATION:
            return child
    return None


def _frame(tok, analysis: Analysis):
    """The innermost attribution frame whose content holds the trigger, or None."""
    return frame_for(analysis, tok.idx, tok.idx + len(tok.text))


def _frame_speaker(frame, analysis: Analysis) -> Optional[Argument]:
    """The speaker of the attribution frame (quote, "according to") around a trigger."""
    if frame is None or frame.speaker is None:
        return None
    span = analysis.doc.char_span(frame.speaker.start, frame.speaker.end, alignment_mode="expand")
    if span is None:
        return None
    m = None
    for t in reversed(list(span)):
        m = analysis.mention_at(t.i)
        if m is not None and m.resolved:
            break
    if m is None or not m.resolved:
        return None
    return Argument(actor=m.actor, token=analysis.doc[m.token_start], mention=m)


# Verbs outside the lexicon are typed by the classifier only when it is this sure.
UNLISTED_VERB_THRESHOLD = 0.6
NON_EVENT_VERBS = PASS_THROUGH | {"be", "have", "do", "become", "seem", "appear", "include", "involve",
                                  "remain", "continue", "begin", "start", "try", "want", "need", "know",
                                  "think", "see", "find", "get", "go", "come", "take", "give", "make"}


@functools.lru_cache(maxsize=1)
def _cue_verbs() -> frozenset[str]:
    """Verbs that frame other events (expect, promise, urge, launch ...), never events themselves."""
    cues = status_cues()
    return frozenset(w for k in ("anticipated", "intent", "requesting", "light_verbs") for w in cues.get(k, []))


def _classifier_candidates(sent, taken: set[int], analysis: Analysis, lexicon: TriggerLexicon) -> list[Candidate]:
    """Verbs the lexicon does not list but whose subject and object are both actors: the
    classifier reads the sentence with them marked and types the event if it is sure."""
    classifier = _classifier()
    if classifier is None:
        return []
    out = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.i in taken or tok.lemma_.lower() in NON_EVENT_VERBS:
            continue
        if tok.lemma_.lower() in _cue_verbs() or any(c.dep_ == "xcomp" for c in tok.children):
            continue  # "directed the Pentagon to assist": the verb frames the act in its complement
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        obj = [c for c in tok.children if c.dep_ in ("dobj",)]
        if not subj or not obj:
            continue
        sources, targets = expand(subj[0], analysis), expand(obj[0], analysis)
        sources = [antecedent(a, analysis) for a in sources if a.resolved]
        targets = [a for a in targets if a.resolved]
        if not sources or not targets:
            continue
        off = sent.start_char
        probs = classifier.predict(sent.text, (sources[0].actor.start - off, sources[0].actor.end - off),
                                   (targets[0].actor.start - off, targets[0].actor.end - off),
                                   trigger=(tok.idx - off, tok.idx - off + len(tok.text)))
        type_, p = max(probs.items(), key=lambda kv: kv[1])
        if p < UNLISTED_VERB_THRESHOLD:
            continue
        decision = decide_status(tok)
        if decision.habitual:
            continue
        frame = _frame(tok, analysis)
        out.append(Candidate.from_decision(
            TriggerMatch(token=tok, pos="verb", candidates=[]), type_, sources, targets, decision,
            confidence=round(0.7 * p, 2), frame=frame,
            speaker=_speaker(tok, analysis) or _frame_speaker(frame, analysis)))
    return out


# How much more probable another reading must be before the classifier overrides the lexicon's
# first reading of an ambiguous word.
CLASSIFIER_MARGIN = 0.2


def _choose_type(match: TriggerMatch, sources: list[Argument], targets: list[Argument]) -> str:
    """An ambiguous trigger word ("strike", "withdraw"): the classifier reads the sentence with the
    actors marked and picks among the lexicon's readings only."""
    types = match.types
    classifier = _classifier()
    if classifier is None:
        return types[0]
    sent = match.token.sent
    off = sent.start_char

    def rel(args):
        return (args[0].actor.start - off, args[0].actor.end - off) if args and args[0].actor.start >= off and args[0].actor.end <= sent.end_char else None

    tok = match.token
    probs = classifier.predict(sent.text, rel(sources), rel(targets), trigger=(tok.idx - off, tok.idx - off + len(tok.text)))
    best = max(types, key=lambda t: probs.get(t, 0.0))
    return best if probs.get(best, 0.0) > probs.get(types[0], 0.0) + CLASSIFIER_MARGIN else types[0]


_USE_CLASSIFIER: contextvars.ContextVar[bool] = contextvars.ContextVar("use_classifier", default=True)


def _classifier():
    return _load_classifier() if _USE_CLASSIFIER.get() else None


@functools.lru_cache(maxsize=1)
def _load_classifier():
    try:
        from .classifier import TypeClassifier

        return TypeClassifier.load()
    except Exception:  # noqa: BLE001 - the lexicon order is the documented fallback
        return None


def _speaker(tok, analysis: Analysis) -> Optional[Argument]:
    """The subject of the communication verb that reports this trigger ("X said/vowed that ...")."""
    for gov in path_up(tok)[1:]:
        if gov.lemma_.lower() in COMMUNICATION and gov.pos_ in ("VERB", "AUX", "ADJ"):
            verb = gov if gov.pos_ != "ADJ" else gov.head
            subj = subject_of(verb, analysis)
            return subj[0] if subj else None
        if gov.pos_ == "NOUN" and gov.lemma_.lower() in SPOKEN_NOUNS:
            # "issued a reminder to Iraq that it must cooperate": whoever issued it speaks
            subj = _governing_subject(gov, analysis)
            return subj[0] if subj else None
    return None


def _event(analysis: Analysis, cand: Candidate, src: Argument, tgt: Argument, mention_id: str,
           k: int, s_index: int, sent, lexicon: TriggerLexicon) -> Event:
    tok = cand.match.token
    intensity, quad, cameo = score(cand.type, cand.mode)
    cue = cand.status_cue
    event = Event(
        id=f"{mention_id}:{k}",
        doc_id=analysis.document.id,
        mention_id=mention_id,
        coder=CODER,
        type=cand.type,
        status=cand.status,
        trigger=Span(tok.text, tok.idx, tok.idx + len(tok.text)),
        sentence=SentenceRef(s_index, sent.start_char, sent.end_char),
        source=src.actor,
        target=tgt.actor if tgt is not None else None,
        mode=cand.mode,
        context=contexts_for([t.lemma_.lower() for t in sent], lexicon.types[cand.type].context),
        status_cue=Span(cue.text, cue.idx, cue.idx + len(cue.text)) if cue is not None else None,
        attribution=_attribution(cand, src),
        intensity=intensity,
        quad=quad,
        cameo=cameo,
        confidence=round(cand.confidence * (0.8 if tgt is not None and tgt.inferred else 1.0)
                         * (0.8 if src.inferred else 1.0), 2),
    )
    return event


def _attribution(cand: Candidate, src: Argument) -> EventAttribution:
    """The frame that vouches for the event ("self" when its speaker is the source), else the
    speaker of the reporting verb above the trigger, else the outlet's own voice."""
    if cand.frame is not None:
        attr = to_event_attribution(cand.frame)
        if cand.frame.speaker is not None and src.actor.start == cand.frame.speaker.start:
            attr.kind = "self"
        return attr
    if cand.speaker is not None:
        sp = cand.speaker.actor
        kind = "self" if sp.start == src.actor.start else "named"
        return EventAttribution(kind=kind, text=sp.text, affiliation=sp.country, name=sp.name,
                                start=sp.start, end=sp.end)
    return EventAttribution(kind="none")
