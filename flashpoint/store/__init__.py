"""The event store: one interface (``Store``), a DuckDB backend, numbered migrations.

``load_store("flashpoint.duckdb")`` opens (and creates or migrates) a DuckDB file;
``load_store(":memory:")`` gives a throwaway one. PostgreSQL URLs are reserved for the
PostgreSQL backend.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import StoreError
from .base import EXPORT_FORMATS, TABLES, Store, WriteResult
from .duckdb_store import DuckDBStore

__all__ = ["load_store", "Store", "DuckDBStore", "WriteResult", "TABLES", "EXPORT_FORMATS"]

_POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def load_store(url_or_path: str | Path = "flashpoint.duckdb", migrate: bool = True,
               read_only: bool = False) -> Store:
    """Open the store at ``url_or_path``: a DuckDB file path (created if absent) or ``:memory:``.

    ``migrate`` creates or upgrades the schema; ``read_only`` opens an existing store for reading
    (refused if it is absent or needs migrating).

    Example::

        store = flashpoint.load_store("flashpoint.duckdb")
        for event in store.events(limit=10):
            print(event.type, event.status)
    """
    url = str(url_or_path)
    if url.startswith(_POSTGRES_SCHEMES):
        raise StoreError(f"PostgreSQL stores are not available in this version ({url}); "
                         "use a DuckDB file path such as flashpoint.duckdb")
    if url.startswith("duckdb://"):
        url = url[len("duckdb://"):]
    if read_only and url != ":memory:" and not Path(url).exists():
        raise StoreError(f"no store at {url}; create it with `flashpoint ingest FILES --db {url}`")
    return DuckDBStore(url, migrate=migrate and not read_only, read_only=read_only and url != ":memory:")
