"""Date expressions: finding them in a parsed span and resolving them against publication.

Our own small parser (no dateparser): explicit dates ("April 1", "1 April 2024", "2024-04-01"),
weekdays ("on Wednesday", "last Friday", "next Monday"), relative days and periods ("yesterday",
"this weekend", "next few days", "last month", "two days ago").

The tense rule for bare weekdays: past or present tense → the latest such day on or before
publication; future → the first such day after publication. Tense comes from the verb that
governs the expression (:func:`tense_of`).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "a": 1, "an": 1, "several": 3, "few": 3, "a few": 3, "couple": 2,
           "a couple of": 2}
UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30, "months": 30, "year": 365, "years": 365}

_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_NUM = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an|several|a few|a couple of)"

# Order matters: longer, more specific patterns first; matches never overlap.
PATTERNS: tuple[tuple[str, re.Pattern], ...] = tuple((name, re.compile(rx, re.IGNORECASE)) for name, rx in (
    ("iso", r"\b\d{4}-\d{2}-\d{2}\b"),
    ("month_day_year", rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b"),
    ("day_month_year", rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?\b"),
    ("ago", rf"\b{_NUM}\s+(?:days?|weeks?|months?|years?)\s+ago\b"),
    ("weekday", rf"\b(?:(?:last|next|this|on|early|late)\s+)?{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?\b"),
    ("relative_day", r"\b(?:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tonight|tomorrow)\b"),
    ("coming", rf"\b(?:(?:in\s+)?the\s+)?(?:next|coming)\s+(?:few\s+|several\s+|couple\s+of\s+|{_NUM}\s+)?(?:days?|weeks?|months?)\b"),
    ("period", r"\b(?:this|last|next|earlier\s+this|later\s+this|past)\s+(?:weekend|week|month|year)\b"),
))


@dataclass(frozen=True)
class DateExpression:
    text: str
    start: int  # char offsets in the document
    end: int
    kind: str


def find_in_text(text: str, offset: int = 0) -> list[DateExpression]:
    """Date expressions in plain text (``offset`` is added to the char positions)."""
    found: list[DateExpression] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if kind in ("month_day_year", "day_month_year") and _is_may_verb(text, m):
                continue
            taken.append((m.start(), m.end()))
            found.append(DateExpression(m.group(0), offset + m.start(), offset + m.end(), kind))
    found.sort(key=lambda d: d.start)
    return found


def _is_may_verb(text: str, m: re.Match) -> bool:
    """"may 5" is a date; "they may 5..." is rare but "May" the modal is not followed by a day."""
    return m.group(0)[:3].lower() == "may" and not m.group(0)[:1].isupper()


def find_date_expressions(span) -> list[DateExpression]:
    """Date expressions inside a spaCy Span (or Doc), with document char offsets."""
    start = span.start_char if hasattr(span, "start_char") else 0
    return find_in_text(span.text, start)


# -- resolution --------------------------------------------------------------------------------
def resolve_date(expression: str, published: Optional[dt.date], tense: str = "past") -> Optional[dt.date]:
    """The calendar date ``expression`` names, read from ``published`` with ``tense``
    ("past", "present" or "future"). Periods resolve to their first day after (future) or the
    period's start (past). None when the expression is not understood or needs a publication
    date that is missing."""
    text = " ".join(expression.lower().replace(",", " ").split())
    explicit = _explicit(text, published, tense)
    if explicit is not None or published is None:
        return explicit
    for resolver in (_weekday, _relative_day, _ago, _coming, _period):
        value = resolver(text, published, tense)
        if value is not None:
            return value
    return None


def _explicit(text: str, published: Optional[dt.date], tense: str) -> Optional[dt.date]:
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        return _safe_date(int(m[1]), int(m[2]), int(m[3]))
    m = re.search(r"\b([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s+(\d{4}))?\b", text)
    if m and m[1] in MONTHS:
        return _with_year(MONTHS[m[1]], int(m[2]), m[3], published, tense)
    m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?(?:\s+(\d{4}))?\b", text)
    if m and m[2] in MONTHS:
        return _with_year(MONTHS[m[2]], int(m[1]), m[3], published, tense)
    return None


def _with_year(month: int, day: int, year: Optional[str], published: Optional[dt.date], tense: str):
    if year:
        return _safe_date(int(year), month, day)
    if published is None:
        return None
    candidate = _safe_date(published.year, month, day)
    if candidate is None:
        return None
    # a yearless date is the nearest one in the direction the tense points
    if tense == "future" and candidate < published - dt.timedelta(days=31):
        return _safe_date(published.year + 1, month, day)
    if tense != "future" and candidate > published + dt.timedelta(days=31):
        return _safe_date(published.year - 1, month, day)
    return candidate


def _safe_date(y: int, m: int, d: int) -> Optional[dt.date]:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _weekday(text: str, published: dt.date, tense: str) -> Optional[dt.date]:
    m = re.search(rf"(?:(last|next|this)\s+)?({_WEEKDAY})", text)
    if not m:
        return None
    target = WEEKDAYS[m[2]]
    back = (published.weekday() - target) % 7  # days back to the latest such day (0 = today)
    if m[1] == "last":
        return published - dt.timedelta(days=back or 7)
    if m[1] == "next" or tense == "future":
        return published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)
    return published - dt.timedelta(days=back)


def _relative_day(text: str, published: dt.date, tense: str) -> Optional[dt.date]:
    table = {"the day before yesterday": -2, "yesterday": -1, "today": 0, "tonight": 0,
             "the day after tomorrow": 2, "tomorrow": 1}
    for word, delta in table.items():
        if re.search(rf"\b{word}\b", text):
            return published + dt.timedelta(days=delta)
    return None


def _number(word: str) -> Optional[int]:
    return int(word) if word.isdigit() else NUMBERS.get(word)


def _ago(text: str, published: dt.date, tense: str) -> Optional[dt.date]:
    m = re.search(rf"({_NUM})\s+(days?|weeks?|months?|years?)\s+ago", text)
    if not m or _number(m[1]) is None:
        return None
    return published - dt.timedelta(days=_number(m[1]) * UNITS[m[2]])


def _coming(text: str, published: dt.date, tense: str) -> Optional[dt.date]:
    if re.search(r"\b(?:next|coming)\s+(?:few\s+|several\s+|couple\s+of\s+|\w+\s+)?(?:days?|weeks?|months?)\b", text):
        # "next month"/"next week" name a calendar period; "the next few days" a range from tomorrow
        if re.search(r"\bnext\s+(?:week|month)\b", text):
            return _period(text, published, tense)
        return published + dt.timedelta(days=1)  # the range starts tomorrow
    return None


def _period(text: str, published: dt.date, tense: str) -> Optional[dt.date]:
    m = re.search(r"(earlier this|later this|this|last|next|past)\s+(weekend|week|month|year)", text)
    if not m:
        return None
    which, unit = m[1], m[2]
    monday = published - dt.timedelta(days=published.weekday())
    if unit == "weekend":
        saturday = monday + dt.timedelta(days=5)
        if which == "last" or (which == "past"):
            return saturday - dt.timedelta(days=7) if published.weekday() < 5 else saturday - dt.timedelta(days=7)
        if which == "next":
            return saturday + dt.timedelta(days=7) if published.weekday() >= 5 else saturday
        return saturday
    if unit == "week":
        offset = {"last": -7, "past": -7, "next": 7}.get(which, 0)
        return monday + dt.timedelta(days=offset)
    if unit == "month":
        first = published.replace(day=1)
        if which in ("last", "past"):
            return (first - dt.timedelta(days=1)).replace(day=1)
        if which == "next":
            return (first + dt.timedelta(days=32)).replace(day=1)
        return first
    year = published.year + {"last": -1, "past": -1, "next": 1}.get(which, 0)
    return dt.date(year, 1, 1)


# -- tense ---------------------------------------------------------------------------------------
FUTURE_MODALS = {"will", "'ll", "shall", "wo"}


def governing_verb(token):
    """The nearest verb at or above ``token`` in the parse."""
    seen = 0
    while token is not None and seen < 12:
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
            return token
        if token.head.i == token.i:
            return token if token.pos_ in ("VERB", "AUX") else None
        token = token.head
        seen += 1
    return None


def tense_of(verb) -> str:
    """"past", "future" or "present" for a verb token, from its tag and auxiliaries:
    VBD / has+VBN → past; will, going to, be+VBG (futurate progressive) → future."""
    if verb is None:
        return "past"  # news reports mostly what happened
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_MODALS:
        return "future"
    if verb.head.i != verb.i and verb.dep_ == "xcomp" and verb.head.lemma_ == "go" \
            and verb.head.tag_ == "VBG":
        return "future"  # "is going to attack"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and words & {"has", "have", "had"}:
        return "past"
    if verb.tag_ == "VBG" and words & {"is", "are", "am", "'s", "'re"}:
        return "future"  # present progressive with a time expression: "is meeting on Friday"
    if verb.tag_ in ("VBZ", "VBP") or verb.tag_ == "VB" and words & {"do", "does"}:
        return "present"
    if verb.tag_ == "VB" and verb.dep_ in ("xcomp", "ccomp", "advcl"):
        return tense_of(verb.head) if verb.head.i != verb.i else "present"
    return "past"
