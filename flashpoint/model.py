"""The data model: typed records that every stage reads and writes (the output contract).

Every record round-trips through JSON with ``to_dict()`` / ``from_dict()``. Offsets are character
offsets into the document text as given, so ``text[start:end]`` is always the span's text.
"""
from __future__ import annotations

import dataclasses
import hashlib
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Optional

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
STATUSES: tuple[str, ...] = ("occurred", "anticipated", "threatened", "hypothetical", "negated")
ATTRIBUTION_KINDS: tuple[str, ...] = ("named", "anonymous", "self", "none")


class _Record:
    """JSON round-trip for the dataclasses below (nested records, lists and optionals)."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            out[f.name] = _dump(getattr(self, f.name))
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        hints = typing.get_type_hints(cls)
        kwargs = {}
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            if f.name in data:
                kwargs[f.name] = _load(hints[f.name], data[f.name])
        return cls(**kwargs)


def _dump(value: Any) -> Any:
    if isinstance(value, _Record):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value


def _load(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return _load(args[0], value) if len(args) == 1 else value
    if origin in (list, tuple):
        (arg, *_) = typing.get_args(hint) or (Any,)
        return [_load(arg, v) for v in value]
    if isinstance(hint, type) and issubclass(hint, _Record):
        return hint.from_dict(value)
    return value


@dataclass
class Span(_Record):
    """A piece of the document text: ``document.text[start:end] == text``."""

    text: str
    start: int
    end: int


@dataclass
class Document(_Record):
    """One article as given by the user. ``published`` is an ISO date (YYYY-MM-DD) or None."""

    id: str
    text: str
    published: Optional[str] = None
    url: Optional[str] = None
    title: Optional[str] = None
    outlet: Optional[str] = None

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass
class Actor(_Record):
    """An actor mention resolved (or not) against the knowledge base.

    ``code`` is country + sector in the CAMEO convention (``IRNGOV``, ``ISRMIL``, ``LBNREB``);
    ``code`` is None when the mention could not be resolved (it is still kept and reported).
    ``via`` names what resolved it: a KB entry kind, "coref" for pronouns and "the official", ...
    """

    text: str
    start: int
    end: int
    code: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    name: Optional[str] = None
    kb_id: Optional[str] = None
    via: Optional[str] = None


@dataclass
class Attribution(_Record):
    """A statement frame: who says (or declines to say) something, and what.

    ``kind``: named / anonymous / self / none. ``cue``: said, according_to, quote, assess,
    declined_comment, no_response, ... ``start``/``end`` cover the whole frame; ``content`` the
    asserted text (None for non-answers).
    """

    id: str
    doc_id: str
    kind: str
    cue: str
    start: int
    end: int
    speaker: Optional[Span] = None
    affiliation: Optional[str] = None
    count: Optional[int] = None
    name: Optional[str] = None
    code: Optional[str] = None
    content: Optional[Span] = None


@dataclass
class EventAttribution(_Record):
    """The attribution frame that vouches for an event, as carried on the event record."""

    kind: str
    text: Optional[str] = None
    count: Optional[int] = None
    affiliation: Optional[str] = None
    name: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None
    id: Optional[str] = None


@dataclass
class SentenceRef(_Record):
    index: int
    start: int
    end: int


@dataclass
class Location(_Record):
    text: str
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    start: Optional[int] = None
    end: Optional[int] = None
    geonameid: Optional[int] = None


@dataclass
class Event(_Record):
    """One coded event: one (source, target) pair of one mention (see DESIGN.md)."""

    id: str
    doc_id: str
    mention_id: str
    coder: str
    type: str
    status: str
    trigger: Span
    sentence: SentenceRef
    source: Optional[Actor] = None
    target: Optional[Actor] = None
    mode: Optional[str] = None
    context: list[str] = field(default_factory=list)
    status_cue: Optional[Span] = None
    attribution: Optional[EventAttribution] = None
    date: Optional[str] = None
    date_text: Optional[str] = None
    location: Optional[Location] = None
    intensity: Optional[float] = None
    quad: Optional[int] = None
    cameo: Optional[str] = None
    confidence: Optional[float] = None


@dataclass
class CodedDocument(_Record):
    """What the coder returns for one document."""

    document: Document
    events: list[Event] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    coder: str = ""
