"""Events stage: triggers -> arguments -> type, mode, context -> status -> Event records.

Order of work for one sentence:
1. ``find_triggers`` proposes verbs and nouns from the lexicon;
2. each trigger's source and target come from the parse (``arguments``);
3. the type is the lexicon's reading, or the classifier's choice where a word is ambiguous;
4. ``decide_status`` reads modals, negation and expectation cues;
5. threats: an action a vow/threat governs is folded into one THREATEN event, and an action an
   actor promises of itself ("Israel would retaliate", said by Israel's minister) is a threat;
6. one event per (source, target) pair; events of one trigger share ``mention_id``.
"""
from __future__ import annotations

import contextvars
import functools
from dataclasses import dataclass, field
from typing import Optional

from ..analysis_state import Analysis
from ..model import Actor, Event, EventAttribution, SentenceRef, Span
from ..version import CODER
from .arguments import PATIENT_VERBS, Argument, _prep_targets, expand, noun_arguments, subject_of, subtree_target, verb_arguments
from .lexicon import TriggerLexicon, default_lexicon, status_cues
from .scores import score
from .status import PASS_THROUGH, decide_status, path_up
from .triggers import TriggerMatch, find_triggers

# Conflict types an actor can only promise as a threat ("we will strike" is THREATEN).
THREAT_FOLDABLE = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"}
# Cooperative types whose announcement is AGREE in PLOVER ("will provide aid", "agreed to visit").
AGREE_FOLDABLE = {"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
# Types where coordinated actors with no recipient act with one another ("X and Y agreed").
RECIPROCAL = {"AGREE", "CONSULT", "COOPERATE", "SUPPORT"}
# Types whose missing recipient may be taken from the discourse (the actor answered is named
# in a previous sentence: "vowing to respond", "his condemnation of the attack").
DISCOURSE_TARGET_TYPES = {"THREATEN", "ACCUSE"}
# Triggers whose recipient is whoever did the action they answer ("retaliate for an attack").
RESPONSIVE = {"retaliate", "retaliation", "respond", "response", "punish", "punishment", "reprisal", "revenge", "avenge"}
COMMUNICATION = PASS_THROUGH | {"warn", "vow", "pledge", "promise", "threaten", "say", "assure", "clear"}


@dataclass
class Candidate:
    match: TriggerMatch
    type: str
    sources: list[Argument]
    targets: list[Argument]
    status: str
    status_cue: object = None
    future: bool = False
    threat_verb: object = None
    confidence: float = 0.7
    speaker: Optional[Argument] = None
    intent_verb: object = None
    request_verb: object = None
    mode: Optional[str] = None
    dropped: bool = False


def make_events_stage(options):
    extra = tuple(getattr(options, "lexicon_files", ()) or ())
    lexicon = TriggerLexicon.load(extra=extra) if extra else default_lexicon()
    return functools.partial(events_stage, lexicon=lexicon, use_classifier=getattr(options, "use_classifier", True))


def events_stage(analysis: Analysis, lexicon: Optional[TriggerLexicon] = None, use_classifier: bool = True) -> Analysis:
    lexicon = lexicon or default_lexicon()
    token = _USE_CLASSIFIER.set(use_classifier)
    try:
        return _code_events(analysis, lexicon)
    finally:
        _USE_CLASSIFIER.reset(token)


def _code_events(analysis: Analysis, lexicon: TriggerLexicon) -> Analysis:
    doc = analysis.doc
    counter = 0
    for s_index, sent in enumerate(doc.sents):
        matches = find_triggers(sent, lexicon)
        candidates = [c for c in (_candidate(m, analysis, lexicon) for m in matches) if c]
        candidates += _classifier_candidates(sent, {m.token.i for m in matches}, analysis, lexicon)
        _fold_threats(candidates, analysis)
        seen_pairs: set[tuple] = set()  # one event per (type, source, target) per sentence
        for cand in candidates:
            if cand.dropped:
                continue
            if not cand.targets and (cand.type in DISCOURSE_TARGET_TYPES or cand.match.token.lemma_.lower() in RESPONSIVE):
                cand.targets = _discourse_target(cand, analysis, sent)
            targets = cand.targets
            if not targets and cand.type in RECIPROCAL and len(cand.sources) > 1:
                targets = cand.sources
            pairs = [(s, t) for s in cand.sources for t in targets if not _same_actor(s, t)
                     and (cand.type, _who(s), _who(t)) not in seen_pairs]
            seen_pairs.update((cand.type, _who(s), _who(t)) for s, t in pairs)
            if not pairs:
                continue
            mention_id = f"{analysis.document.id}:{counter}"
            counter += 1
            for k, (src, tgt) in enumerate(pairs):
                analysis.events.append(_event(analysis, cand, src, tgt, mention_id, k, s_index, sent, lexicon))
    return analysis


def _candidate(match: TriggerMatch, analysis: Analysis, lexicon: TriggerLexicon) -> Optional[Candidate]:
    tok = match.token
    type_ = match.types[0]
    info = lexicon.types[type_]
    if match.pos == "verb":
        sources, targets = verb_arguments(tok, info.target_preps, analysis)
    else:
        sources, targets = noun_arguments(tok, info.target_preps, analysis, type_)
    sources = [_antecedent(s, analysis) for s in sources]
    if type_ == "PROTEST" and match.pos == "noun" and tok.head.lemma_.lower() in COMPLAINT_VERBS:
        type_ = "ACCUSE"  # "lodged a protest with Albania"
        targets = targets or _prep_targets(tok.head, frozenset({"with", "to", "against"}), analysis)
    if not targets and sources and not (type_ in RECIPROCAL and len(sources) > 1):
        targets = subtree_target(tok, sources, analysis, lexicon.types[type_].target_preps)
    if len(match.types) > 1:
        type_ = _choose_type(match, sources, targets)
    decision = decide_status(tok)
    if decision.habitual or _blocked(tok) or _denies_a_claim(tok):
        return None
    speaker = _speaker(tok, analysis) or _frame_speaker(tok, analysis)
    if not sources and speaker is not None and tok.dep_ == "dobj" and tok.head.lemma_.lower() in PATIENT_VERBS:
        sources = [speaker]  # "X made it clear that Y will face punishment": X is the actor
    if not sources:
        return None
    cue_lemmas = {t.lemma_.lower() for t in tok.subtree} | {tok.lemma_.lower()}
    if tok.head is not tok:
        cue_lemmas |= {t.lemma_.lower() for t in tok.head.children}
    mode = lexicon.mode_for(type_, cue_lemmas) or lexicon.mode_for(type_, {t.lemma_.lower() for t in tok.sent})
    cand = Candidate(match=match, type=type_, sources=sources, targets=targets, status=decision.status,
                     status_cue=decision.cue, future=decision.future, threat_verb=decision.threat_verb,
                     mode=mode)
    cand.intent_verb = decision.intent_verb
    cand.request_verb = decision.request_verb
    cand.speaker = speaker
    if cand.speaker is not None:
        # "we"/"I" in a quote is the speaker
        cand.sources = [cand.speaker if s.token.lower_ in FIRST_PERSON else s for s in cand.sources]
        cand.targets = [t for t in cand.targets if t.token.lower_ not in FIRST_PERSON]
    obligation = _obligation(tok)
    if obligation is not None and speaker is not None and match.pos == "verb" \
            and not any(_same_actor(speaker, s) for s in sources):
        # "Russia said Sudan must return the helicopter": Russia asks Sudan (PLOVER REQUEST)
        cand.type, cand.mode, cand.status = "REQUEST", None, "occurred"
        cand.targets, cand.sources = sources, [speaker]
        cand.status_cue = obligation
        return cand
    frame = _frame(tok, analysis)
    if frame is not None and cand.status == "occurred":
        from ..attribution.lookup import frame_status

        cand.status = frame_status(frame) or cand.status
    return cand


FIRST_PERSON = {"we", "i", "us", "me"}
OBLIGATION = {"must", "should"}


def _obligation(tok):
    """The "must"/"should" that makes a reported action a demand on its subject."""
    for child in tok.children:
        if child.dep_ == "aux" and child.lower_ in OBLIGATION:
            return child
    return None
# Idioms where an event noun names no event: "pose a threat", "in the face of threats".
BLOCKING_HEADS = {"pose", "face", "counter", "perceive", "fear", "amid"}


DENIAL_VERBS = {"deny", "dismiss", "reject", "refute", "dispute"}


def _denies_a_claim(tok) -> bool:
    """"Rwanda denied backing M23" denies a claim (the backing is negated); it rejects nobody."""
    return tok.lemma_.lower() in DENIAL_VERBS and any(
        c.dep_ in ("xcomp", "ccomp", "pcomp") or (c.dep_ == "dobj" and c.tag_ == "VBG") for c in tok.children)


NON_ANSWER_OBJECTS = {"comment", "interview", "clarification", "reaction", "response", "statement"}
SPEECH_COMPLEMENTS = {"comment", "respond", "elaborate", "speak", "discuss", "say", "confirm", "answer"}


def _blocked(tok) -> bool:
    head = tok.head
    lemma = tok.lemma_.lower()
    # "did not respond to a request for comment", "declined to comment": newsroom non-answers
    if any(c.dep_ == "prep" and c.lower_ == "for" and any(g.lemma_.lower() in NON_ANSWER_OBJECTS for g in c.children)
           for c in tok.children):
        return True
    if lemma in ("decline", "refuse", "reject") and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in SPEECH_COMPLEMENTS for c in tok.children):
        return True
    if tok.dep_ in ("dobj", "attr") and head.lemma_.lower() in BLOCKING_HEADS and tok.lemma_.lower() in ("threat", "danger", "risk"):
        return True
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "face":
        return True
    return False


def _frame(tok, analysis: Analysis):
    try:
        from ..attribution.lookup import frame_for
    except ImportError:
        return None
    return frame_for(analysis, tok.idx, tok.idx + len(tok.text))


def _frame_speaker(tok, analysis: Analysis) -> Optional[Argument]:
    """The speaker of the attribution frame (quote, "according to") around the trigger."""
    frame = _frame(tok, analysis)
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
        if tok.lemma_.lower() in _cue_verbs():
            continue
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        obj = [c for c in tok.children if c.dep_ in ("dobj",)]
        if not subj or not obj:
            continue
        sources, targets = expand(subj[0], analysis), expand(obj[0], analysis)
        sources = [a for a in sources if a.actor.code or a.actor.country]
        targets = [a for a in targets if a.actor.code or a.actor.country]
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
        match = TriggerMatch(token=tok, pos="verb", candidates=[])
        cand = Candidate(match=match, type=type_, sources=sources, targets=targets, status=decision.status,
                         status_cue=decision.cue, future=decision.future, threat_verb=decision.threat_verb,
                         confidence=round(0.7 * p, 2))
        cand.intent_verb, cand.request_verb = decision.intent_verb, decision.request_verb
        cand.speaker = _speaker(tok, analysis) or _frame_speaker(tok, analysis)
        out.append(cand)
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
    try:
        probs = classifier.predict(sent.text, rel(sources), rel(targets), trigger=(tok.idx - off, tok.idx - off + len(tok.text)))
    except TypeError:
        probs = classifier.predict(sent.text, rel(sources), rel(targets))
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
    return None


def _same_country(a: Argument, b: Argument) -> bool:
    return bool(a.actor.country) and a.actor.country == b.actor.country


# A verb acting on an event noun is the event: "accepted the demands" (CONCEDE), "rejected an
# offer" (REJECT), "lifted the blockade" (RETREAT); the noun's own actor is the recipient.
OPERATING_TYPES = {"AGREE", "CONCEDE", "REJECT", "RETREAT", "SANCTION", "ACCUSE", "SUPPORT", "REQUEST"}
# Verbs that make a protest noun a formal diplomatic complaint (PLOVER ACCUSE), not a demonstration.
COMPLAINT_VERBS = {"lodge", "file", "register", "deliver", "send", "submit", "issue", "voice", "express"}
ACCEPTING = {"accept", "meet", "grant", "heed", "satisfy"}
# Types whose refusal is PLOVER REJECT ("will not accept", "did not agree to").
REFUSABLE = {"AGREE", "CONCEDE"}


def _fold_operated(cands: list[Candidate]) -> None:
    by_token = {c.match.token.i: c for c in cands}
    for outer in cands:
        if outer.type == "CONSULT" and outer.match.token.lemma_.lower() in ACCEPTING:
            outer_is_operating = True  # "meet their demands" is not a meeting
        else:
            outer_is_operating = outer.type in OPERATING_TYPES
        if outer.match.pos != "verb" or not outer_is_operating:
            continue
        objects = [c for c in outer.match.token.children if c.dep_ in ("dobj", "nsubjpass")]
        objects += [g for c in outer.match.token.children if c.dep_ == "prep" and c.lower_ in ("to", "with")
                    for g in c.children if g.dep_ == "pobj"]  # "conceded to demands from UNITA"
        for obj in objects:
            inner = by_token.get(obj.i)
            if inner is None or inner.match.pos != "noun":
                continue
            if inner.type == "REQUEST" and outer.match.token.lemma_.lower() in ACCEPTING:
                outer.type, outer.mode = "CONCEDE", None
            elif outer.type == "CONSULT":
                continue
            if outer.type == "CONCEDE" and inner.type in ("COERCE", "SANCTION", "MOBILIZE", "ASSAULT"):
                # undoing force or sanctions ("lifted the blockade") is PLOVER RETREAT
                outer.type, outer.mode = "RETREAT", "access" if inner.type == "COERCE" else None
            if outer.type == "ACCUSE":
                # "condemned the attack by X": the accused is the attacker; the attack stays an event
                if inner.sources and not _is_generic(outer.targets):
                    outer.targets = [s for s in inner.sources if not any(_same_actor(s, x) for x in outer.sources)] or outer.targets
                continue
            inner_others = [s for s in inner.sources if not any(_same_actor(s, x) for x in outer.sources)]
            if inner_others and (not outer.targets or _is_generic(outer.targets)):
                outer.targets = inner_others
            elif not outer.targets:
                outer.targets = inner.targets
            inner.dropped = True


ACCUSING = {"accuse", "blame", "charge", "suspect", "condemn", "criticize", "criticise", "denounce", "allege"}


def _accusing_governor(tok):
    """The accuse-type verb whose "of/for" complement holds ``tok`` ("accused X of shelling ...")."""
    node = tok
    for _ in range(4):
        if node.dep_ not in ("pcomp", "prep", "pobj", "xcomp", "dobj", "advcl"):
            return None
        node = node.head
        if node.lemma_.lower() in ACCUSING and node.pos_ == "VERB":
            return node
    return None


def _fold_purposes(cands: list[Candidate]) -> None:
    """"Students staged a strike to demand the minister's resignation": the demand is the
    protest's purpose, so the protest is the event and the one addressed is its recipient."""
    for cand in cands:
        if cand.type != "REQUEST" or cand.match.token.dep_ not in ("advcl", "xcomp", "relcl"):
            continue
        head = cand.match.token.head
        around = [head] + [c for c in head.children if c.dep_ in ("dobj", "nsubj")]
        protest = next((o for o in cands if o is not cand and o.type == "PROTEST" and o.match.token in around), None)
        if protest is None:
            continue
        if not protest.targets or all(t.inferred for t in protest.targets):
            protest.targets = cand.targets or protest.targets
        cand.dropped = True


def _is_generic(args: list[Argument]) -> bool:
    return bool(args) and all(not (a.actor.code or a.actor.country) for a in args)


def _fold_threats(cands: list[Candidate], analysis: Analysis) -> None:
    """A threat is its own event: fold the action a vow governs into the THREATEN event, and
    turn an action an actor promises of itself into a threat."""
    _fold_operated(cands)
    _fold_purposes(cands)
    for cand in cands:
        if cand.type in REFUSABLE and cand.status == "negated":
            cand.type, cand.mode, cand.status = "REJECT", None, "occurred"  # "will not accept"
    by_token = {c.match.token.i: c for c in cands}
    for cand in cands:
        accuser = _accusing_governor(cand.match.token)
        if accuser is not None and accuser.i in by_token and by_token[accuser.i] is not cand:
            cand.dropped = True  # "accused Moscow of waging war": the accusation is the event
            continue
        if cand.request_verb is not None and cand.type != "REQUEST":
            gov = by_token.get(cand.request_verb.i)
            if gov is not None and gov.type == "REQUEST" and not gov.targets:
                # "urged Turkey to ...", "demanded that Israel ...": the one asked is the actor asked to act
                gov.targets = [s for s in cand.sources if not any(_same_actor(s, g) for g in gov.sources)]
            cand.dropped = True  # what was asked for has not happened
            continue
        if cand.threat_verb is not None and cand.type != "THREATEN":
            gov = by_token.get(cand.threat_verb.i)
            if gov is not None and gov.type == "THREATEN":
                if not gov.targets:
                    gov.targets = cand.targets
                gov.mode = gov.mode or _threat_mode(cand.type)
                cand.dropped = True
                continue
        if cand.intent_verb is not None and cand.type != "AGREE":
            gov = by_token.get(cand.intent_verb.i)
            if gov is not None and gov.type == "AGREE" and cand.type in THREAT_FOLDABLE:
                gov.type, gov.mode = "THREATEN", _threat_mode(cand.type)  # "pledged to strike"
            if gov is not None and gov.type in ("AGREE", "THREATEN") and not gov.dropped:
                passed = cand.targets
                if gov.type in RECIPROCAL and len(gov.sources) > 1:
                    passed = [t for t in passed if not t.inferred]  # "X and Y agreed to ..." is mutual
                gov.targets = gov.targets or passed
                cand.dropped = True
                continue
        if cand.type in AGREE_FOLDABLE and (cand.future or cand.intent_verb is not None) and cand.status != "negated":
            cand.type, cand.mode = "AGREE", None
            if cand.status == "anticipated" and (cand.status_cue is None or cand.status_cue.lemma_.lower() in _INTENT_OR_MODAL):
                cand.status = "occurred"
            continue
        promised = cand.future or cand.threat_verb is not None
        speaker_is_source = cand.speaker is not None and any(_same_country(cand.speaker, s) for s in cand.sources)
        if cand.type in THREAT_FOLDABLE and promised and speaker_is_source and cand.status != "negated":
            cand.type, cand.mode, cand.status = "THREATEN", _threat_mode(cand.type), "occurred"
            cand.sources = [cand.speaker] if cand.speaker.actor.country else cand.sources
        elif promised and speaker_is_source and cand.status in ("anticipated", "occurred"):
            cand.status = "threatened"
    # a responsive action's recipient is the actor of the action it answers
    for cand in cands:
        if not cand.targets and cand.match.token.lemma_.lower() in RESPONSIVE:
            for other in cands:
                if other is not cand and other.match.token.i in {t.i for t in cand.match.token.subtree} | {t.i for t in cand.match.token.head.subtree}:
                    srcs = [s for s in other.sources if not any(_same_country(s, x) for x in cand.sources)]
                    if srcs:
                        cand.targets = srcs
                        other.dropped = other.dropped or other.status == "hypothetical"
                        break


_INTENT_OR_MODAL = {"will", "would", "shall", "'ll", "agree", "offer", "ready", "willing", "prepared",
                    "decide", "promise", "pledge", "vow", "commit", "undertake", "consent", "plan", "intend"}


def _threat_mode(action_type: str) -> Optional[str]:
    return {"ASSAULT": "violence", "SANCTION": "relations", "COERCE": "restrict"}.get(action_type)


def _discourse_target(cand: Candidate, analysis: Analysis, sent) -> list[Argument]:
    """The most recent actor of another country named in this or the previous two sentences."""
    src_countries = {s.actor.country for s in cand.sources}
    trig_i = cand.match.token.i
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


def _antecedent(arg: Argument, analysis: Analysis) -> Argument:
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


def _who(arg: Argument) -> tuple:
    a = arg.actor
    return (a.code, a.name or a.text.lower()) if a.code else (a.start, a.end)


def _same_actor(a: Argument, b: Argument) -> bool:
    if a.key == b.key:
        return True
    if a.actor.code and a.actor.code == b.actor.code and a.actor.name == b.actor.name:
        return True
    return False


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
        target=tgt.actor,
        mode=cand.mode,
        context=list(lexicon.types[cand.type].context),
        status_cue=Span(cue.text, cue.idx, cue.idx + len(cue.text)) if cue is not None else None,
        attribution=_attribution(analysis, tok, cand, src),
        intensity=intensity,
        quad=quad,
        cameo=cameo,
        confidence=round(cand.confidence * (0.8 if tgt.inferred else 1.0), 2),
    )
    return event


def _attribution(analysis: Analysis, tok, cand: Candidate, src: Argument) -> EventAttribution:
    start, end = tok.idx, tok.idx + len(tok.text)
    frame = None
    try:
        from ..attribution.lookup import frame_for, to_event_attribution

        frame = frame_for(analysis, start, end)
        if frame is not None:
            attr = to_event_attribution(frame)
            if frame.speaker is not None and src.actor.start == frame.speaker.start:
                attr.kind = "self"
            return attr
    except ImportError:
        pass
    if cand.speaker is not None:
        sp = cand.speaker.actor
        kind = "self" if sp.start == src.actor.start else "named"
        return EventAttribution(kind=kind, text=sp.text, affiliation=sp.country, name=sp.name,
                                start=sp.start, end=sp.end)
    return EventAttribution(kind="none")
