"""Readable rows for `flashpoint show`: one line per event with its evidence snippet."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..model import Actor, Event
from .base import Store

HEADERS = ("type", "source → target", "status", "who says so", "date", "evidence")


@dataclass(frozen=True)
class EventRow:
    type: str
    dyad: str
    status: str
    who: str
    date: str
    evidence: str

    def cells(self) -> tuple[str, ...]:
        return (self.type, self.dyad, self.status, self.who, self.date, self.evidence)


def actor_label(actor: Optional[Actor]) -> str:
    if actor is None:
        return "—"
    return actor.code or actor.country or f'"{actor.text}"'


def who_says(event: Event) -> str:
    a = event.attribution
    if a is None or a.kind == "none":
        return "outlet"
    return f"{a.kind}: {a.text}" if a.text else a.kind


def snippet(text: str, event: Event, width: int = 90) -> str:
    """The trigger's sentence, trimmed around the trigger (marked [like this]) to ``width``."""
    s0, s1 = event.sentence.start, event.sentence.end
    t0, t1 = event.trigger.start, event.trigger.end
    if not (0 <= s0 <= t0 <= t1 <= s1 <= len(text)):
        s0, s1 = max(0, t0 - width), min(len(text), t1 + width)
    marked = " ".join(f"{text[s0:t0]}[{text[t0:t1]}]{text[t1:s1]}".split())
    if len(marked) <= width:
        return marked
    centre = marked.find("[")
    start = max(0, min(centre - width // 3, len(marked) - width + 1))
    piece = marked[start:start + width - 1]
    return ("…" if start > 0 else "") + piece.strip() + ("…" if start + width - 1 < len(marked) else "")


def event_rows(store: Store, limit: Optional[int] = None, width: int = 90) -> list[EventRow]:
    texts: dict[str, str] = {}
    rows = []
    for e in store.events(limit=limit):
        if e.doc_id not in texts:
            doc = store.document(e.doc_id)
            texts[e.doc_id] = doc.text if doc else ""
        rows.append(EventRow(type=e.type, dyad=f"{actor_label(e.source)} → {actor_label(e.target)}",
                             status=e.status, who=who_says(e), date=e.date or "",
                             evidence=snippet(texts[e.doc_id], e, width)))
    return rows


def render_table(headers: tuple[str, ...], rows: list[tuple[str, ...]], max_width: int = 40) -> str:
    """A plain-text table; every column but the last is capped at ``max_width`` characters."""
    def cap(value: str, i: int) -> str:
        if i < len(headers) - 1 and len(value) > max_width:
            return value[:max_width - 1] + "…"
        return value

    cells = [tuple(cap(v, i) for i, v in enumerate(r)) for r in rows]
    widths = [max([len(headers[i])] + [len(r[i]) for r in cells]) for i in range(len(headers))]
    line = lambda r: "  ".join(v.ljust(widths[i]) for i, v in enumerate(r)).rstrip()
    out = [line(headers), line(tuple("─" * w for w in widths))]
    out += [line(r) for r in cells]
    return "\n".join(out)
