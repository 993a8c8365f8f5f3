"""The DuckDB backend: one embedded file (``flashpoint.duckdb``), one writing process."""
from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

import duckdb

from ..errors import StoreError
from ..model import Actor, Attribution, CodedDocument, Document, Event
from .base import EXPORT_FORMATS, TABLES, Store, WriteResult
from .migrations import BOOKKEEPING, LATEST, MIGRATIONS


def _get(obj: Any, *path: str) -> Any:
    """obj.a.b... or None as soon as a link is None."""
    for name in path:
        if obj is None:
            return None
        obj = getattr(obj, name)
    return obj


# Flattened event columns: (column, how to read it from an Event). The full record is kept too.
EVENT_COLUMNS: tuple[tuple[str, Callable[[Event], Any]], ...] = (
    ("id", lambda e: e.id), ("doc_id", lambda e: e.doc_id), ("mention_id", lambda e: e.mention_id),
    ("coder", lambda e: e.coder), ("type", lambda e: e.type), ("mode", lambda e: e.mode),
    ("context", lambda e: list(e.context or [])), ("status", lambda e: e.status),
    *((f"{side}_{f}", (lambda e, s=side, f=f: _get(e, s, f)))
      for side in ("source", "target") for f in ("text", "code", "country", "sector")),
    ("trigger_text", lambda e: e.trigger.text), ("trigger_start", lambda e: e.trigger.start),
    ("trigger_end", lambda e: e.trigger.end),
    ("sentence_index", lambda e: e.sentence.index), ("sentence_start", lambda e: e.sentence.start),
    ("sentence_end", lambda e: e.sentence.end),
    *((f"attribution_{f}", (lambda e, f=f: _get(e, "attribution", f)))
      for f in ("kind", "text", "count", "affiliation", "id")),
    ("date", lambda e: e.date), ("date_text", lambda e: e.date_text),
    ("location_text", lambda e: _get(e, "location", "text")),
    ("location_country", lambda e: _get(e, "location", "country")),
    ("lat", lambda e: _get(e, "location", "lat")), ("lon", lambda e: _get(e, "location", "lon")),
    ("intensity", lambda e: e.intensity), ("quad", lambda e: e.quad), ("cameo", lambda e: e.cameo),
    ("confidence", lambda e: e.confidence),
    ("record", lambda e: json.dumps(e.to_dict(), ensure_ascii=False)),
)

ATTRIBUTION_COLUMNS: tuple[tuple[str, Callable[[Attribution], Any]], ...] = (
    ("id", lambda a: a.id), ("doc_id", lambda a: a.doc_id), ("kind", lambda a: a.kind),
    ("cue", lambda a: a.cue), ("start", lambda a: a.start), ('"end"', lambda a: a.end),
    ("speaker_text", lambda a: _get(a, "speaker", "text")),
    ("speaker_start", lambda a: _get(a, "speaker", "start")),
    ("speaker_end", lambda a: _get(a, "speaker", "end")),
    ("affiliation", lambda a: a.affiliation), ("count", lambda a: a.count), ("name", lambda a: a.name),
    ("code", lambda a: a.code), ("content_start", lambda a: _get(a, "content", "start")),
    ("content_end", lambda a: _get(a, "content", "end")),
    ("record", lambda a: json.dumps(a.to_dict(), ensure_ascii=False)),
)

ACTOR_COLUMNS: tuple[tuple[str, Callable[[Actor], Any]], ...] = tuple(
    ('"end"' if f == "end" else f, (lambda a, f=f: getattr(a, f)))
    for f in ("text", "start", "end", "code", "country", "sector", "name", "kb_id", "via"))

# Flattened export: the record column is JSON for the jsonl format only.
_EXPORT_SELECT = {
    "parquet": "SELECT * EXCLUDE (record, doc_hash) FROM events ORDER BY doc_id, sentence_index, id",
    "csv": ("SELECT * EXCLUDE (record, doc_hash) REPLACE (array_to_string(context, ';') AS context) "
            "FROM events ORDER BY doc_id, sentence_index, id"),
}
_EVENT_ORDER = "ORDER BY d.published NULLS LAST, e.doc_id, e.sentence_index, e.trigger_start, e.id"


def _insert_sql(table: str, columns: list[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


class DuckDBStore(Store):
    """Events in an embedded DuckDB file. ``DuckDBStore(":memory:")`` for a throwaway store.

    ``migrate=True`` (default) creates or upgrades the schema on open; readers may pass False
    to refuse a database that needs migrating instead of changing it.
    """

    def __init__(self, path: str | Path = "flashpoint.duckdb", migrate: bool = True,
                 read_only: bool = False) -> None:
        self.url = str(path)
        try:
            self.con = duckdb.connect(self.url, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open the store {self.url}: {exc}. If another flashpoint "
                             "process is writing to it, wait for it to finish") from exc
        self._depth = 0
        self.applied_on_open: list[int] = self.migrate() if migrate and not read_only else []
        self._check_version()

    # schema -----------------------------------------------------------------------------
    def _applied(self) -> list[int]:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
        ).fetchone()[0]
        if not exists:
            return []
        return [r[0] for r in self.con.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()]

    def schema_version(self) -> int:
        applied = self._applied()
        return applied[-1] if applied else 0

    def pending_migrations(self) -> list[int]:
        applied = set(self._applied())
        return [m.version for m in MIGRATIONS if m.version not in applied]

    def migrate(self) -> list[int]:
        done = []
        with self.atomic():
            self.con.execute(BOOKKEEPING)
            applied = set(self._applied())
            for m in MIGRATIONS:
                if m.version in applied:
                    continue
                for statement in m.statements:
                    self.con.execute(statement)
                self.con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
                                 [m.version, m.name])
                done.append(m.version)
        return done

    def _check_version(self) -> None:
        version = self.schema_version()
        if version > LATEST:
            raise StoreError(f"{self.url} has schema v{version}, newer than this flashpoint (v{LATEST}); "
                             "upgrade flashpoint to read it")
        if version < LATEST:
            raise StoreError(f"{self.url} has schema v{version}, this flashpoint needs v{LATEST}: "
                             f"run `flashpoint migrate --db {self.url}`")

    # writing ----------------------------------------------------------------------------
    @contextlib.contextmanager
    def atomic(self) -> Iterator[None]:
        if self._depth:
            # DuckDB has no savepoints: an inner block joins the outer transaction.
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.con.execute("BEGIN TRANSACTION")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self.con.execute("ROLLBACK")
            raise
        self._depth = 0
        self.con.execute("COMMIT")

    def has_document(self, content_hash: str) -> bool:
        return self.con.execute("SELECT 1 FROM documents WHERE hash = ?", [content_hash]).fetchone() is not None

    def write(self, coded: CodedDocument) -> WriteResult:
        doc = coded.document
        digest = doc.content_hash
        try:
            with self.atomic():
                if self.has_document(digest):
                    return WriteResult.UNCHANGED
                old = self.con.execute("SELECT hash FROM documents WHERE id = ?", [doc.id]).fetchone()
                if old:
                    self._delete(old[0])
                self._insert_document(coded, digest)
                self._insert_events(coded.events, digest)
                self._insert_attributions(coded.attributions, digest)
                self._insert_actors(coded.actors, digest, doc.id)
        except duckdb.Error as exc:
            raise StoreError(f"could not store document {doc.id!r} in {self.url}: {exc}") from exc
        return WriteResult.REPLACED if old else WriteResult.INSERTED

    def _delete(self, digest: str) -> None:
        for table in ("events", "attributions", "actors"):
            self.con.execute(f"DELETE FROM {table} WHERE doc_hash = ?", [digest])
        self.con.execute("DELETE FROM documents WHERE hash = ?", [digest])

    def _insert_document(self, coded: CodedDocument, digest: str) -> None:
        d = coded.document
        self.con.execute(
            _insert_sql("documents", ["hash", "id", "text", "published", "url", "title", "outlet",
                                      "coder", "n_events"]),
            [digest, d.id, d.text, d.published, d.url, d.title, d.outlet, coded.coder, len(coded.events)])

    def _insert_rows(self, table: str, columns, items, extra: list[Any]) -> None:
        if not items:
            return
        names = [c for c, _ in columns] + ["doc_hash"]
        rows = [[get(item) for _, get in columns] + extra for item in items]
        self.con.executemany(_insert_sql(table, names), rows)

    def _insert_events(self, events: list[Event], digest: str) -> None:
        self._insert_rows("events", EVENT_COLUMNS, events, [digest])

    def _insert_attributions(self, attributions: list[Attribution], digest: str) -> None:
        self._insert_rows("attributions", ATTRIBUTION_COLUMNS, attributions, [digest])

    def _insert_actors(self, actors: list[Actor], digest: str, doc_id: str) -> None:
        columns = (("idx", None),) + ACTOR_COLUMNS
        if not actors:
            return
        names = [c for c, _ in columns] + ["doc_hash", "doc_id"]
        rows = [[i] + [get(a) for _, get in ACTOR_COLUMNS] + [digest, doc_id] for i, a in enumerate(actors)]
        self.con.executemany(_insert_sql("actors", names), rows)

    # reading ----------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}

    def _documents(self, where: str = "", params: Optional[list] = None) -> list[Document]:
        rows = self.con.execute(
            "SELECT id, text, CAST(published AS VARCHAR), url, title, outlet FROM documents "
            f"{where} ORDER BY published NULLS LAST, id", params or []).fetchall()
        return [Document(*row) for row in rows]

    def documents(self) -> list[Document]:
        return self._documents()

    def document(self, doc_id: str) -> Optional[Document]:
        found = self._documents("WHERE id = ?", [doc_id])
        return found[0] if found else None

    def events(self, limit: Optional[int] = None, doc_id: Optional[str] = None) -> list[Event]:
        sql = "SELECT e.record FROM events e JOIN documents d ON d.hash = e.doc_hash"
        params: list[Any] = []
        if doc_id is not None:
            sql += " WHERE e.doc_id = ?"
            params.append(doc_id)
        sql += " " + _EVENT_ORDER
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return [Event.from_dict(json.loads(r[0])) for r in self.con.execute(sql, params).fetchall()]

    def attributions(self, doc_id: Optional[str] = None) -> list[Attribution]:
        sql = "SELECT record FROM attributions"
        params: list[Any] = []
        if doc_id is not None:
            sql += " WHERE doc_id = ?"
            params.append(doc_id)
        sql += ' ORDER BY doc_id, start, "end", id'
        return [Attribution.from_dict(json.loads(r[0])) for r in self.con.execute(sql, params).fetchall()]

    def export(self, path: Path, fmt: str) -> int:
        if fmt not in EXPORT_FORMATS:
            raise StoreError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
        path = Path(path)
        n = self.con.execute("SELECT count(*) FROM events").fetchone()[0]
        try:
            if fmt == "jsonl":
                self._export_jsonl(path)
            else:
                target = str(path).replace("'", "''")
                options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
                self.con.execute(f"COPY ({_EXPORT_SELECT[fmt]}) TO '{target}' ({options})")
        except (duckdb.Error, OSError) as exc:
            raise StoreError(f"could not export to {path}: {exc}") from exc
        return n

    def _export_jsonl(self, path: Path) -> None:
        cursor = self.con.execute("SELECT e.record FROM events e JOIN documents d ON d.hash = e.doc_hash "
                                  + _EVENT_ORDER)
        with open(path, "w", encoding="utf-8") as out:
            while rows := cursor.fetchmany(1000):
                out.writelines(r[0] + "\n" for r in rows)

    def close(self) -> None:
        self.con.close()
