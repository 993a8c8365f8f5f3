"""The store interface: every backend (DuckDB now, PostgreSQL later) implements ``Store``.

Contract:
- documents are keyed by the sha256 of their normalised text, so writing the same article
  twice is a no-op; a known document id with new text replaces the old version (an updated
  article) with all its rows;
- ``write`` stores one coded document and its events, attributions and actor mentions in one
  transaction, so a crash mid-batch leaves no half-written document and a re-run resumes;
- the schema is versioned by numbered migrations recorded in ``schema_migrations``.
"""
from __future__ import annotations

import abc
import contextlib
from enum import Enum
from pathlib import Path
from typing import Iterator, Optional

from ..model import Attribution, CodedDocument, Document, Event

TABLES = ("documents", "events", "attributions", "actors")
EXPORT_FORMATS = ("csv", "parquet", "jsonl")


class WriteResult(str, Enum):
    INSERTED = "inserted"
    UNCHANGED = "unchanged"   # same text already stored
    REPLACED = "replaced"     # same id, new text: the old version was removed


class Store(abc.ABC):
    """One event store. Use as a context manager, or call ``close()``."""

    url: str

    # schema -----------------------------------------------------------------------------
    @abc.abstractmethod
    def schema_version(self) -> int:
        """The highest applied migration (0 for an empty database)."""

    @abc.abstractmethod
    def pending_migrations(self) -> list[int]:
        """Versions not yet applied (read-only)."""

    @abc.abstractmethod
    def migrate(self) -> list[int]:
        """Apply pending migrations; return the versions applied."""

    # writing ----------------------------------------------------------------------------
    @abc.abstractmethod
    def atomic(self) -> contextlib.AbstractContextManager:
        """A transaction: committed on success, rolled back on any exception. Nests."""

    @abc.abstractmethod
    def has_document(self, content_hash: str) -> bool:
        """Whether a document with this text is stored (to skip re-coding it)."""

    @abc.abstractmethod
    def write(self, coded: CodedDocument) -> WriteResult:
        """Store one coded document with its events, attributions and actors (one transaction)."""

    # reading ----------------------------------------------------------------------------
    @abc.abstractmethod
    def counts(self) -> dict[str, int]:
        """Row count per table in ``TABLES``."""

    @abc.abstractmethod
    def documents(self) -> list[Document]:
        """All documents, by publication date then id."""

    @abc.abstractmethod
    def document(self, doc_id: str) -> Optional[Document]:
        """The stored document with this id, or None."""

    @abc.abstractmethod
    def events(self, limit: Optional[int] = None, doc_id: Optional[str] = None) -> list[Event]:
        """Events in document and sentence order (optionally one document's, at most ``limit``)."""

    @abc.abstractmethod
    def attributions(self, doc_id: Optional[str] = None) -> list[Attribution]:
        """Attribution frames, in document and text order."""

    @abc.abstractmethod
    def export(self, path: Path, fmt: str) -> int:
        """Write the events as ``fmt`` (one of EXPORT_FORMATS) to ``path``; return the row count."""

    @abc.abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def iter_coded(self) -> Iterator[CodedDocument]:
        """Every stored document with its events and attributions (for re-export or linking)."""
        for doc in self.documents():
            yield CodedDocument(document=doc, events=self.events(doc_id=doc.id),
                                attributions=self.attributions(doc_id=doc.id))
