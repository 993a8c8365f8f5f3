"""Text normalisation applied to every article before coding (and before hashing).

Offsets in the output refer to the normalised text, which is what the store keeps. We only do
what cannot change meaning: Unicode NFC, one newline convention, no NUL or BOM characters, no
surrounding whitespace.
"""
from __future__ import annotations

import unicodedata

_DROP = {ord("\ufeff"): None, ord("\x00"): None}


def normalise_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_DROP)
    return unicodedata.normalize("NFC", text).strip()
