"""The working state of one document as it moves through the coder's stages.

Public records live in ``model.py``; this holds them together with the spaCy parse and the
internal, token-level views (actor mentions, attribution frames) that later stages need.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Optional

from .model import Actor, Attribution, Document, Event


@dataclass
class ActorMention:
    """An actor found in the text, with its spaCy token range ``[token_start, token_end)``.

    ``kind`` says what sort of mention it is: country, demonym, capital, seat, person, org,
    group, role, anonymous, pronoun, unknown. ``plural`` marks "officials", "they", coordinated sets.
    """

    actor: Actor
    token_start: int
    token_end: int
    kind: str = "unknown"
    plural: bool = False

    @property
    def resolved(self) -> bool:
        return self.actor.code is not None or self.actor.country is not None


@dataclass
class Analysis:
    """Everything known about one document so far. Each stage fills some fields."""

    document: Document
    doc: Any  # spacy.tokens.Doc over document.text
    published: Optional[dt.date] = None
    mentions: list[ActorMention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    notes: dict[str, Any] = field(default_factory=dict)

    def mention_at(self, token_i: int) -> Optional[ActorMention]:
        """The actor mention that covers token ``token_i``, if any (innermost wins)."""
        best = None
        for m in self.mentions:
            if m.token_start <= token_i < m.token_end:
                if best is None or (m.token_end - m.token_start) < (best.token_end - best.token_start):
                    best = m
        return best

    def phrase_at(self, token_i: int) -> Optional[ActorMention]:
        """``mention_at``, widened to the longest resolved mention with the same head word:
        "U.N. mediator Diego Cordovez" rather than "Diego Cordovez", so an event's evidence span
        holds the title, and its code is the one the title gives. A phrase headed elsewhere
        ("its ambassador from Qatar" around "Qatar") is another actor and is not taken."""
        inner = self.mention_at(token_i)
        if inner is None or not inner.resolved:
            return inner
        head = inner.token_end - 1
        best = inner
        for m in self.mentions:
            if (m.token_start <= inner.token_start and m.token_end == inner.token_end and m.resolved
                    and (m.token_end - m.token_start) > (best.token_end - best.token_start)
                    and self._head_of(m) == head):
                best = m
        return best

    def _head_of(self, m: ActorMention) -> int:
        """The token of a mention whose syntactic head lies outside it."""
        for t in self.doc[m.token_start:m.token_end]:
            if not (m.token_start <= t.head.i < m.token_end) or t.head.i == t.i:
                return t.i
        return m.token_end - 1
