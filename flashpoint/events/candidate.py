"""A proposed event before it becomes records: a trigger with its sources, targets, type and
status, and the small comparisons of actors that the event stage's rules share."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .arguments import Argument
from .triggers import TriggerMatch


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
    refusal_verb: object = None
    mode: Optional[str] = None
    dropped: bool = False
    frame: object = None  # the attribution frame around the trigger (model.Attribution) or None
    alone: bool = False  # an act with no recipient by nature (a resignation), coded with none

    @classmethod
    def from_decision(cls, match: TriggerMatch, type_: str, sources: list[Argument], targets: list[Argument],
                      decision, **fields) -> "Candidate":
        """A candidate carrying what ``status.decide_status`` read off the parse."""
        return cls(match=match, type=type_, sources=sources, targets=targets, status=decision.status,
                   status_cue=decision.cue, future=decision.future, threat_verb=decision.threat_verb,
                   intent_verb=decision.intent_verb, request_verb=decision.request_verb,
                   refusal_verb=decision.refusal_verb, **fields)


def same_country(a: Argument, b: Argument) -> bool:
    return bool(a.actor.country) and a.actor.country == b.actor.country


def is_generic(args: list[Argument]) -> bool:
    return bool(args) and not any(a.resolved for a in args)


def others(args: list[Argument], excluded: list[Argument]) -> list[Argument]:
    """``args`` without the actors in ``excluded`` (an event's own source is never its recipient)."""
    return [a for a in args if not any(same_actor(a, x) for x in excluded)]


def who(arg: Argument) -> tuple:
    a = arg.actor
    return (a.code, a.name or a.text.lower()) if a.code else (a.start, a.end)


def same_actor(a: Argument, b: Argument) -> bool:
    if a.key == b.key:
        return True
    if a.actor.code and a.actor.code == b.actor.code and a.actor.name == b.actor.name:
        return True
    return False
