"""Quotation spans in raw text: curly pairs (“...”) and straight pairs ("...")."""
from __future__ import annotations

import re
from dataclasses import dataclass

# A quotation shorter than this many words is a scare quote ("so-called “red line”"), not speech.
MIN_QUOTE_WORDS = 4

_CURLY = re.compile(r"“([^“”]+)”")
_STRAIGHT = re.compile(r'"([^"]+)"')
_LOW = re.compile(r"„([^„“”]+)[“”]")


@dataclass(frozen=True)
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset after the closing mark
    inner_start: int
    inner_end: int


def find_quotes(text: str, min_words: int = MIN_QUOTE_WORDS) -> list[Quote]:
    """Quotations in ``text`` in order, each at least ``min_words`` words long."""
    found: list[Quote] = []
    for pattern in (_CURLY, _STRAIGHT, _LOW):
        for m in pattern.finditer(text):
            inner = m.group(1)
            if len(inner.split()) < min_words:
                continue
            found.append(Quote(m.start(), m.end(), m.start(1), m.end(1)))
    found.sort(key=lambda q: q.start)
    out: list[Quote] = []
    for q in found:  # drop overlaps (a straight pair inside a curly one)
        if out and q.start < out[-1].end:
            continue
        out.append(q)
    return out
