"""What the event coder asks of attributions: which frame covers a piece of text, what status
that frame passes down, whether the speaker is the actor itself."""
from __future__ import annotations

from typing import Optional

from ..analysis_state import Analysis
from ..model import Actor, Attribution, EventAttribution
from .cues import load_cues


def frames_covering(analysis: Analysis, start: int, end: int) -> list[Attribution]:
    """Attributions whose content covers chars [start, end), innermost (shortest content) first."""
    hits = [a for a in analysis.attributions
            if a.content is not None and a.content.start <= start and end <= a.content.end]
    return sorted(hits, key=lambda a: (a.content.end - a.content.start, -a.content.start))


def frame_for(analysis: Analysis, start: int, end: int) -> Optional[Attribution]:
    """The innermost attribution whose content covers [start, end), or None (the outlet's voice)."""
    hits = frames_covering(analysis, start, end)
    return hits[0] if hits else None


def to_event_attribution(attr: Optional[Attribution]) -> EventAttribution:
    """The record carried on an event; ``None`` gives kind "none" (the outlet's own voice)."""
    if attr is None:
        return EventAttribution(kind="none")
    speaker = attr.speaker
    return EventAttribution(kind=attr.kind, text=speaker.text if speaker else None, count=attr.count,
                            affiliation=attr.affiliation, name=attr.name,
                            start=speaker.start if speaker else attr.start,
                            end=speaker.end if speaker else attr.end, id=attr.id)


def frame_status(attr: Optional[Attribution]) -> Optional[str]:
    """"anticipated" for frames that expect or assess (believe, assess, expect, anticipate, as
    listed under status_cues in the lexicon); None for frames that pass status through."""
    if attr is None:
        return None
    return load_cues().status_cues.get(attr.cue)


def is_self(attr: Optional[Attribution], actor: Optional[Actor]) -> bool:
    """True when the speaker is the actor itself (Biden quoted on what "we" do; Iran's leader on
    Iran's threat is not self unless the actor is the leader's own code)."""
    if attr is None or actor is None or attr.speaker is None:
        return False
    sp = attr.speaker
    if sp.start <= actor.start and actor.end <= sp.end:
        return True
    if attr.name and actor.name and attr.name.lower() == actor.name.lower():
        return True
    if attr.code and actor.code and len(attr.code) > 3 and attr.code == actor.code:
        return True
    return False
