"""One record (a JSONL object, a CSV row, a text file) to a normalised ``Document``.

Field names follow DESIGN.md: ``id``, ``text``, ``published`` (or ``date``), ``url``, ``title``,
``outlet``. Everything here is pure: problems are raised as ``InputError`` for the caller to
report with the file and line.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Callable, Mapping, Optional

from ..errors import InputError
from ..model import Document
from .language import english_ratio, looks_english
from .limits import Limits, too_long_text
from .normalise import normalise_text

FIELDS = ("id", "text", "published", "date", "url", "title", "outlet")
Warn = Callable[[str], None]


def iso_date(value: Any, warn: Warn) -> Optional[str]:
    """YYYY-MM-DD from an ISO date or datetime string; a warning and None if it is not one."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return dt.date.fromisoformat(str(value).strip()[:10]).isoformat()
    except ValueError:
        warn(f"published date {value!r} is not an ISO date (YYYY-MM-DD); coding without a date")
        return None


def _optional_str(record: Mapping[str, Any], name: str) -> Optional[str]:
    value = record.get(name)
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def record_to_document(record: Mapping[str, Any], default_id: str, default_published: Optional[str],
                       warn: Warn) -> Document:
    """Build a Document from a mapping with at least a non-empty string ``text``."""
    if "text" not in record:
        present = ", ".join(sorted(map(str, record))) or "none"
        raise InputError(f'no "text" field (fields present: {present}); every article needs '
                         '{"id": ..., "text": ...}')
    text = record["text"]
    if not isinstance(text, str):
        raise InputError(f'"text" must be a string, not {type(text).__name__}')
    doc_id = _optional_str(record, "id") or default_id
    published = iso_date(record.get("published") or record.get("date"), warn) or default_published
    return Document(id=doc_id, text=text, published=published, url=_optional_str(record, "url"),
                    title=_optional_str(record, "title"), outlet=_optional_str(record, "outlet"))


class NotEnglish(InputError):
    """The text does not look like English; the caller reports it as a skip, not a failure."""


def finish_document(doc: Document, limits: Limits, any_language: bool) -> Document:
    """Normalise the text and apply the per-article checks (empty, too long, language)."""
    text = normalise_text(doc.text)
    if not text:
        raise InputError("article text is empty")
    if len(text) > limits.max_chars:
        raise InputError(too_long_text(len(text), limits))
    if not any_language and not looks_english(text):
        ratio, _ = english_ratio(text)
        raise NotEnglish(f"skipped: text does not look like English ({ratio:.0%} common English "
                         "words); flashpoint codes English only; pass --any-language to code it anyway")
    doc.text = text
    return doc
