"""flashpoint: news text to political event data (PLOVER), with status and attribution.

Example:
    >>> import flashpoint
    >>> coded = flashpoint.code("Iran attacked Israel on Monday.", published="2024-04-16")
    >>> [(e.type, e.source.code, e.target and e.target.code, e.status) for e in coded.events]
"""
from __future__ import annotations

import functools
from typing import Optional

from .model import Actor, Attribution, CodedDocument, Document, Event
from .version import __version__, CODER

__all__ = ["code", "get_coder", "Coder", "Document", "Event", "Actor", "Attribution",
           "CodedDocument", "__version__", "CODER", "load_store"]


@functools.lru_cache(maxsize=1)
def get_coder():
    """The process-wide Coder (model loaded once)."""
    from .pipeline import Coder

    return Coder()


def code(text: str, published: Optional[str] = None, doc_id: Optional[str] = None) -> CodedDocument:
    """Code one article. ``published`` (YYYY-MM-DD) anchors relative dates and time-aware actors."""
    from .pipeline import make_doc_id

    document = Document(id=doc_id or make_doc_id(text), text=text, published=published)
    return get_coder()(document)


def load_store(url_or_path="flashpoint.duckdb", migrate: bool = True, read_only: bool = False):
    """Open the event store (a DuckDB file path or ":memory:"); see ``flashpoint.store.load_store``."""
    from .store import load_store as _load_store

    return _load_store(url_or_path, migrate=migrate, read_only=read_only)


def __getattr__(name: str):
    if name == "Coder":
        from .pipeline import Coder

        return Coder
    raise AttributeError(name)
