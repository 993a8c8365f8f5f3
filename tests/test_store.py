"""The DuckDB store: schema, idempotent writes, replacement, transactions, exports."""
from __future__ import annotations

import csv
import json

import duckdb
import pytest

import flashpoint
from flashpoint.errors import StoreError
from flashpoint.model import (Actor, Attribution, CodedDocument, Document, Event, EventAttribution,
                              SentenceRef, Span)
from flashpoint.store import DuckDBStore, WriteResult, load_store
from flashpoint.store.migrations import LATEST
from flashpoint.store.report import EventRow, event_rows, render_table, snippet


def coded(doc_id="d1", text="Iran attacked Israel on Monday, officials said.", published="2024-04-15"):
    doc = Document(id=doc_id, text=text, published=published, title="t", outlet="o")
    src = Actor("Iran", 0, 4, code="IRN", country="IRN")
    tgt = Actor("Israel", 14, 20, code="ISR", country="ISR")
    att = Attribution(id=f"{doc_id}:a0", doc_id=doc_id, kind="anonymous", cue="said", start=32, end=46,
                      speaker=Span("officials", 32, 41), count=None, content=Span(text[:30], 0, 30))
    ev = Event(id=f"{doc_id}:0:0", doc_id=doc_id, mention_id=f"{doc_id}:0", coder="test", type="ASSAULT",
               status="occurred", trigger=Span("attacked", 5, 13), sentence=SentenceRef(0, 0, len(text)),
               source=src, target=tgt, context=["military"], date=published,
               attribution=EventAttribution(kind="anonymous", text="officials", start=32, end=41),
               intensity=-9.0, quad=4)
    return CodedDocument(document=doc, events=[ev], attributions=[att], actors=[src, tgt], coder="test")


@pytest.fixture
def store(tmp_path):
    with load_store(tmp_path / "t.duckdb") as s:
        yield s


def test_new_store_is_at_latest_schema(store):
    assert store.schema_version() == LATEST
    assert store.pending_migrations() == []
    assert store.counts() == {"documents": 0, "events": 0, "attributions": 0, "actors": 0}


def test_write_round_trips_records(store):
    c = coded()
    assert store.write(c) is WriteResult.INSERTED
    assert store.events() == c.events
    assert store.attributions() == c.attributions
    assert store.document("d1") == c.document
    assert store.counts() == {"documents": 1, "events": 1, "attributions": 1, "actors": 2}


def test_rewrite_is_idempotent(store):
    store.write(coded())
    before = store.counts()
    assert store.write(coded()) is WriteResult.UNCHANGED
    assert store.counts() == before


def test_same_id_new_text_replaces_old_version(store):
    store.write(coded())
    new = coded(text="Iran attacked Israel on Sunday, officials said.")
    assert store.write(new) is WriteResult.REPLACED
    assert store.counts()["documents"] == 1 and store.counts()["events"] == 1
    assert store.document("d1").text == new.document.text


def test_failed_write_rolls_back_whole_document(store, monkeypatch):
    def boom(*args):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(DuckDBStore, "_insert_attributions", boom)
    with pytest.raises(RuntimeError):
        store.write(coded())
    monkeypatch.undo()
    assert store.counts() == {"documents": 0, "events": 0, "attributions": 0, "actors": 0}
    assert not store.has_document(coded().document.content_hash)
    assert store.write(coded()) is WriteResult.INSERTED


def test_schema_migrations_recorded_and_reopen_keeps_data(tmp_path):
    path = tmp_path / "s.duckdb"
    with load_store(path) as s:
        s.write(coded())
    with load_store(path, read_only=True) as s:
        assert s.counts()["events"] == 1
    con = duckdb.connect(str(path))
    assert con.execute("SELECT version FROM schema_migrations").fetchall() == [(LATEST,)]
    con.close()


def test_old_or_newer_schema_is_refused_with_advice(tmp_path):
    path = tmp_path / "s.duckdb"
    load_store(path).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, 'future')", [LATEST + 1])
    con.close()
    with pytest.raises(StoreError, match="newer than this flashpoint"):
        load_store(path)
    empty = tmp_path / "e.duckdb"
    duckdb.connect(str(empty)).close()
    with pytest.raises(StoreError, match="flashpoint migrate"):
        DuckDBStore(empty, migrate=False)


def test_missing_store_for_reading_and_postgres_url(tmp_path):
    with pytest.raises(StoreError, match="flashpoint ingest"):
        load_store(tmp_path / "absent.duckdb", read_only=True)
    with pytest.raises(StoreError, match="DuckDB"):
        load_store("postgresql://localhost/x")


def test_exports(store, tmp_path):
    store.write(coded("d1"))
    store.write(coded("d2", text="Iran attacked Israel on Friday, officials said."))
    assert store.export(tmp_path / "e.csv", "csv") == 2
    rows = list(csv.DictReader(open(tmp_path / "e.csv", encoding="utf-8")))
    assert [r["id"] for r in rows] == ["d1:0:0", "d2:0:0"]
    assert rows[0]["source_code"] == "IRN" and rows[0]["context"] == "military"
    store.export(tmp_path / "e.parquet", "parquet")
    got = duckdb.connect().execute(f"SELECT id, context FROM '{tmp_path / 'e.parquet'}' ORDER BY id").fetchall()
    assert got == [("d1:0:0", ["military"]), ("d2:0:0", ["military"])]
    store.export(tmp_path / "e.jsonl", "jsonl")
    lines = [json.loads(line) for line in open(tmp_path / "e.jsonl", encoding="utf-8")]
    assert [Event.from_dict(d) for d in lines] == store.events()
    with pytest.raises(StoreError, match="csv, parquet, jsonl"):
        store.export(tmp_path / "e.xml", "xml")


def test_events_filter_and_limit(store):
    store.write(coded("d1"))
    store.write(coded("d2", text="Iran attacked Israel on Friday, officials said.", published="2024-01-01"))
    assert [e.doc_id for e in store.events()] == ["d2", "d1"]  # by publication date
    assert [e.doc_id for e in store.events(limit=1)] == ["d2"]
    assert [e.doc_id for e in store.events(doc_id="d1")] == ["d1"]
    assert [c.document.id for c in store.iter_coded()] == ["d2", "d1"]


def test_show_rows_and_snippet(store):
    store.write(coded())
    (row,) = event_rows(store)
    assert row == EventRow("ASSAULT", "IRN → ISR", "occurred", "anonymous: officials", "2024-04-15",
                           "Iran [attacked] Israel on Monday, officials said.")
    table = render_table(("a", "b"), [("x", "y" * 10)])
    assert table.splitlines()[0].startswith("a") and "y" * 10 in table


def test_snippet_trims_long_sentences_around_trigger():
    text = "word " * 40 + "Iran attacked Israel " + "tail " * 40
    ev = coded().events[0]
    start = text.index("attacked")
    ev.trigger = Span("attacked", start, start + 8)
    ev.sentence = SentenceRef(0, 0, len(text))
    out = snippet(text, ev, width=60)
    assert "[attacked]" in out and len(out) <= 62 and out.startswith("…") and out.endswith("…")


def test_api_load_store_in_memory():
    with flashpoint.load_store(":memory:") as s:
        s.write(coded())
        assert s.counts()["events"] == 1
