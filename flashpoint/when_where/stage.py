"""When/where stage: a date and a place for every event.

Date: the date expression nearest the trigger in the event's own words (the trigger's subtree),
else in its clause (the governing verb's subtree), else anywhere in the sentence; resolved against
``analysis.published`` with the tense of the verb that governs the expression. No expression:
the publication date, with ``date_text`` None.
Place: a GPE/LOC/FAC entity attached to the event's words by a preposition of place ("in",
"at", "near", ...), geocoded offline. The event's own source and target are never its location,
and places inside another event's phrase belong to that event.
"""
from __future__ import annotations

from typing import Optional

from ..analysis_state import Analysis
from ..model import Event, Location
from .dates import DateExpression, find_date_expressions, governing_verb, resolve_date, tense_of
from .places import geocode

PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout", "around",
                         "within", "into", "over"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def make_when_where_stage(options):
    """Return the when_where stage configured by ``options`` (a pipeline.CodeOptions)."""
    return when_where_stage


def when_where_stage(analysis: Analysis) -> Analysis:
    doc = analysis.doc
    triggers = {}
    for event in analysis.events:
        token = _trigger_token(doc, event)
        if token is not None:
            triggers[event.id] = token
    other_roots = {t.i for t in triggers.values()}
    for event in analysis.events:
        token = triggers.get(event.id)
        date, text = (None, None)
        if token is not None:
            date, text = event_date(token, analysis.published)
        if date is None and text is None and analysis.published is not None:
            date = analysis.published.isoformat()
        event.date, event.date_text = date, text
        if token is not None:
            event.location = event_location(token, event, other_roots - {token.i})
    return analysis


def _trigger_token(doc, event: Event):
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def _scopes(token):
    """Token index sets from narrow to wide: the trigger's subtree, its clause, its sentence."""
    verb = governing_verb(token)
    sent = token.sent
    yield {t.i for t in token.subtree}
    if verb is not None:
        yield {t.i for t in verb.subtree}
    yield set(range(sent.start, sent.end))


def event_date(token, published) -> tuple[Optional[str], Optional[str]]:
    """(ISO date or None, date text or None) for the event whose trigger is ``token``."""
    doc = token.doc
    expressions = find_date_expressions(token.sent)
    if not expressions:
        return None, None
    for scope in _scopes(token):
        inside = [e for e in expressions if _tokens_of(doc, e) and _tokens_of(doc, e) <= scope]
        if inside:
            best = min(inside, key=lambda e: abs(e.start - token.idx))
            return _resolve(doc, best, published), best.text
    return None, None


def _tokens_of(doc, expression: DateExpression) -> set[int]:
    span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
    return {t.i for t in span} if span is not None else set()


def _resolve(doc, expression: DateExpression, published) -> Optional[str]:
    span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
    tense = tense_of(governing_verb(span.root)) if span is not None else "past"
    value = resolve_date(expression.text, published, tense)
    return value.isoformat() if value is not None else None


def event_location(token, event: Event, other_triggers: set[int]) -> Optional[Location]:
    """The geocoded place of the event, or None."""
    blocked = [(a.start, a.end) for a in (event.source, event.target) if a is not None]
    sent = token.sent
    ents = [e for e in sent.ents if e.label_ in PLACE_LABELS]
    for scope in list(_scopes(token))[:2]:
        for ent in sorted(ents, key=lambda e: abs(e.start_char - token.idx)):
            if not all(t.i in scope for t in ent):
                continue
            if any(a < ent.end_char and ent.start_char < b for a, b in blocked):
                continue
            if not _placed(ent) or _belongs_elsewhere(ent.root, token, other_triggers):
                continue
            location = geocode(ent.text, ent.start_char, ent.end_char)
            if location is not None:
                return location
    return None


def _placed(ent) -> bool:
    """Attached by a preposition of place: "in Damascus", "at the U.N. headquarters"."""
    head = ent.root.head
    return ent.root.dep_ == "pobj" and head.lower_ in PLACE_PREPS


def _belongs_elsewhere(root, trigger, other_triggers: set[int]) -> bool:
    """True when the path from the place up to the trigger's clause passes another event's
    trigger first ("the attack in Damascus" is that attack's place, not the threat's)."""
    token = root
    for _ in range(12):
        if token.i == trigger.i:
            return False
        if token.i in other_triggers:
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False
