"""A cheap English check: the share of words that are common English function words.

English news prose runs at roughly 35-50% function words; other languages, even ones written
in the Latin alphabet, share only a few of them ("a", "in"), and non-Latin scripts share none.
Texts too short to judge are accepted.
"""
from __future__ import annotations

import re

ENGLISH_FUNCTION_WORDS = frozenset("""
a about after all also an and are as at be been but by can could for from had has have he her
his how i if in into is it its more no not of on one or our out over said she so than that the
their them there these they this those to up was we were what when which while who will with
would you
""".split())
MIN_WORDS = 20
MIN_RATIO = 0.15
_SAMPLE_CHARS = 5000
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def english_ratio(text: str) -> tuple[float, int]:
    """(share of function words, number of words) in the first few thousand characters."""
    words = _WORD.findall(text[:_SAMPLE_CHARS].lower())
    if not words:
        return 0.0, 0
    hits = sum(1 for w in words if w in ENGLISH_FUNCTION_WORDS)
    return hits / len(words), len(words)


def looks_english(text: str) -> bool:
    ratio, n_words = english_ratio(text)
    if n_words < MIN_WORDS:
        # Too short to judge; a headline-length text with no letters at all is still refused.
        return n_words > 0 or not text.strip()
    return ratio >= MIN_RATIO
