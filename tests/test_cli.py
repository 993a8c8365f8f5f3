"""`flashpoint code / ingest / show / export`: inputs, bad input, stdin, resumable ingest.

Plumbing tests use a small fake coder (one event per article, a failure on "BOOM") so they
test the CLI, not the coder's quality; end-to-end tests use the real coder.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from flashpoint.cli import app
from flashpoint.ingest import batch
from flashpoint.model import CodedDocument, Event, SentenceRef, Span
from flashpoint.store import DuckDBStore, load_store

FIX = Path(__file__).parent / "fixtures"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
runner = CliRunner()


class FakeCoder:
    """Coder.pipe's contract: CodedDocument per document, or (document, exc) with on_error="record"."""

    def pipe(self, documents, on_error="raise", batch_size=32):
        for doc in documents:
            if "BOOM" in doc.text:
                exc = RuntimeError("stage exploded")
                if on_error == "raise":
                    raise exc
                yield doc, exc
                continue
            end = doc.text.find(" ") if " " in doc.text else len(doc.text)
            ev = Event(id=f"{doc.id}:0:0", doc_id=doc.id, mention_id=f"{doc.id}:0", coder="fake",
                       type="CONSULT", status="occurred", trigger=Span(doc.text[:end], 0, end),
                       sentence=SentenceRef(0, 0, len(doc.text)), date=doc.published)
            yield CodedDocument(document=doc, events=[ev], coder="fake")


@pytest.fixture
def fake(monkeypatch):
    monkeypatch.setattr(batch, "make_coder", lambda actor_files=(), lexicon_files=(), **_: FakeCoder())


def run(*args, input=None, env=None):
    return runner.invoke(app, [str(a) for a in args], input=input, env=env)


def lines(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def f(name):
    return FIX / name


# --- code ---------------------------------------------------------------------------------

def test_code_txt_to_stdout_with_published(fake):
    r = run("code", f("ceasefire.txt"), "--published", "2024-06-01")
    assert r.exit_code == 0, r.stderr
    (ev,) = lines(r.stdout)
    assert ev["doc_id"] == "ceasefire" and ev["date"] == "2024-06-01"
    assert r.stderr == ""


def test_code_jsonl_and_csv_to_file(fake, tmp_path):
    out = tmp_path / "events.jsonl"
    r = run("code", f("two.jsonl"), f("articles.csv"), "-o", out)
    assert r.exit_code == 1  # the CSV has a row without text
    assert [e["doc_id"] for e in lines(out.read_text())] == ["j1", "j2", "c1", "c3"]
    assert r.stderr.strip().splitlines() == [f"error: {f('articles.csv')}:3: row has no \"text\"; skipped"]


@pytest.mark.parametrize("name, phrase", [
    ("empty.txt", "file is empty"), ("blank.txt", "empty"), ("binary.txt", "looks binary"),
    ("undecodable.txt", "neither UTF-8"), ("notext.csv", 'no "text" column'),
    ("notes.md", "unsupported input type"), ("absent.txt", "no such file"),
])
def test_each_bad_input_gives_one_line_and_exit_1(fake, name, phrase):
    r = run("code", f(name))
    assert r.exit_code == 1
    (line,) = r.stderr.strip().splitlines()
    assert line.startswith(f"error: {f(name)}: ") and phrase in line
    assert r.stdout == ""


def test_mixed_good_and_bad_files_still_code_the_good_ones(fake):
    r = run("code", f("empty.txt"), f("ceasefire.txt"), f("binary.txt"), f("two.jsonl"))
    assert r.exit_code == 1
    assert [e["doc_id"] for e in lines(r.stdout)] == ["ceasefire", "j1", "j2"]
    assert len(r.stderr.strip().splitlines()) == 2


def test_malformed_jsonl_lines_reported_and_rest_coded(fake):
    r = run("code", f("mixed.jsonl"))
    assert r.exit_code == 1
    assert [e["doc_id"] for e in lines(r.stdout)] == ["j1", "j2"]
    errs = r.stderr.strip().splitlines()
    assert [e.split(": ")[1].rsplit(":", 1)[1] for e in errs] == ["2", "3", "5"]


def test_stdin_jsonl(fake):
    data = json.dumps({"id": "in1", "text": "Ghana said it would mediate, officials said."}) + "\n"
    r = run("code", "-", input=data.encode())
    assert r.exit_code == 0
    assert [e["doc_id"] for e in lines(r.stdout)] == ["in1"]


def test_coding_failure_names_file_and_doc_and_batch_goes_on(fake, tmp_path):
    src = tmp_path / "batch.jsonl"
    src.write_text("\n".join(json.dumps({"id": i, "text": t}) for i, t in [
        ("ok1", "Chile said talks would go on, officials said."),
        ("bad", "BOOM went the parser, officials said."),
        ("ok2", "Peru said talks would go on, officials said.")]) + "\n")
    r = run("code", src)
    assert r.exit_code == 1
    assert [e["doc_id"] for e in lines(r.stdout)] == ["ok1", "ok2"]
    assert r.stderr.strip() == f"error: {src}:bad: coding failed: stage exploded"


def test_non_english_warns_exit_0_and_any_language_codes_it(fake):
    r = run("code", f("french.txt"))
    assert r.exit_code == 0 and r.stdout == ""
    assert r.stderr.startswith("warning: ") and "--any-language" in r.stderr
    r = run("code", f("french.txt"), "--any-language")
    assert [e["doc_id"] for e in lines(r.stdout)] == ["french"]


def test_size_limit_flag_and_env(fake):
    r = run("code", f("ceasefire.txt"), "--max-bytes", "100")
    assert r.exit_code == 1 and "--max-bytes" in r.stderr and r.stdout == ""
    r = run("code", f("ceasefire.txt"), env={"FLASHPOINT_MAX_BYTES": "100"})
    assert r.exit_code == 1 and "FLASHPOINT_MAX_BYTES" in r.stderr
    r = run("code", f("ceasefire.txt"), "--max-bytes", "100000", env={"FLASHPOINT_MAX_BYTES": "100"})
    assert r.exit_code == 0


def test_bad_published_flag(fake):
    r = run("code", f("ceasefire.txt"), "--published", "yesterday")
    assert r.exit_code == 1 and "ISO date" in r.stderr


# --- ingest / show / export ---------------------------------------------------------------

def counts(db):
    with load_store(db, read_only=True) as s:
        return s.counts()


def test_ingest_is_idempotent_and_show_export(fake, tmp_path):
    db = tmp_path / "f.duckdb"
    r = run("ingest", f("two.jsonl"), f("ceasefire.txt"), "--db", db)
    assert r.exit_code == 0, r.stderr
    assert "3 new" in r.stderr
    first = counts(db)
    assert first["documents"] == 3 and first["events"] == 3
    r = run("ingest", f("two.jsonl"), f("ceasefire.txt"), "--db", db)
    assert r.exit_code == 0 and "3 already stored" in r.stderr
    assert counts(db) == first

    r = run("show", "--db", db)
    assert r.exit_code == 0
    header = r.stdout.splitlines()[0]
    for col in ("type", "source → target", "status", "who says so", "date", "evidence"):
        assert col in header
    assert r.stdout.count("CONSULT") == 3 and "3 events from 3 documents" in r.stdout
    assert run("show", "--db", db, "--limit", "1").stdout.count("CONSULT") == 1

    for fmt in ("csv", "parquet", "jsonl"):
        out = tmp_path / f"e.{fmt}"
        r = run("export", "--db", db, "--format", fmt, "-o", out)
        assert r.exit_code == 0 and out.stat().st_size > 0
    assert duckdb.connect().execute(f"SELECT count(*) FROM '{tmp_path / 'e.parquet'}'").fetchone() == (3,)
    assert len(lines((tmp_path / "e.jsonl").read_text())) == 3


def test_ingest_bad_files_still_stores_good_ones(fake, tmp_path):
    db = tmp_path / "f.duckdb"
    r = run("ingest", f("empty.txt"), f("ceasefire.txt"), "--db", db)
    assert r.exit_code == 1 and "file is empty" in r.stderr
    assert counts(db)["documents"] == 1


def test_show_and_export_need_an_existing_store(tmp_path):
    r = run("show", "--db", tmp_path / "none.duckdb")
    assert r.exit_code == 1 and "flashpoint ingest" in r.stderr
    r = run("export", "--db", tmp_path / "none.duckdb", "-o", tmp_path / "x.csv")
    assert r.exit_code == 1 and not (tmp_path / "none.duckdb").exists()


def test_migrate_command(tmp_path):
    db = tmp_path / "m.duckdb"
    r = run("migrate", "--db", db)
    assert r.exit_code == 0 and "applied migration(s) 1" in r.stderr
    assert "nothing to do" in run("migrate", "--db", db).stderr


# --- end to end with the real coder ---------------------------------------------------------

def test_crash_mid_batch_then_resume_without_duplicates(coder, tmp_path, monkeypatch):
    db, clean = tmp_path / "crash.duckdb", tmp_path / "clean.duckdb"
    assert run("ingest", EXAMPLES, "--db", clean).exit_code == 0
    expected = counts(clean)
    assert expected["documents"] >= 6

    calls = {"n": 0}
    real = DuckDBStore._insert_events

    def crash_on_fourth(self, events, digest):
        calls["n"] += 1
        if calls["n"] == 4:  # mid-transaction: the document row is already written
            raise RuntimeError("simulated crash")
        return real(self, events, digest)

    monkeypatch.setattr(DuckDBStore, "_insert_events", crash_on_fourth)
    r = run("ingest", EXAMPLES, "--db", db)
    assert isinstance(r.exception, RuntimeError)
    assert counts(db)["documents"] == 3
    monkeypatch.undo()

    r = run("ingest", EXAMPLES, "--db", db)
    assert r.exit_code == 0, r.stderr
    assert "3 already stored" in r.stderr
    assert counts(db) == expected
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) = count(DISTINCT id) FROM events").fetchone() == (True,)
    con.close()


def test_code_attributions_contract(coder, tmp_path):
    out, attrs = tmp_path / "e.jsonl", tmp_path / "a.jsonl"
    r = run("code", EXAMPLES / "articles.jsonl", "-o", out, "--attributions", attrs)
    assert r.exit_code == 0, r.stderr
    records = lines(attrs.read_text())
    assert records, "the examples contain reported speech, so attributions are expected"
    for a in records:
        assert {"doc_id", "kind", "speaker", "affiliation", "count", "cue", "start", "end", "content"} <= set(a)
        assert a["kind"] in ("named", "anonymous", "self", "none")
        assert a["speaker"] is None or {"text", "start", "end"} <= set(a["speaker"])
        assert a["content"] is None or {"start", "end"} <= set(a["content"])
    assert {"declined_comment", "no_response"} & {a["cue"] for a in records}


def test_real_process_stdin_and_stderr_separate(tmp_path):
    exe = Path(sys.executable).with_name("flashpoint")
    if not exe.exists():
        pytest.skip("the flashpoint console script is not installed next to this Python")
    data = (json.dumps({"id": "p1", "text": "Iran attacked Israel on Monday, officials said."}) + "\n"
            + "{broken\n")
    proc = subprocess.run([str(exe), "code", "-"], input=data, capture_output=True, text=True,
                          timeout=300, env={**os.environ, "FLASHPOINT_MAX_BYTES": ""})
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines()[-1].startswith("error: -:2: malformed JSON")
    assert all(e["doc_id"] == "p1" for e in lines(proc.stdout))


def test_unwritable_output_is_one_line(fake, tmp_path):
    r = run("code", f("ceasefire.txt"), "-o", tmp_path / "no" / "such" / "dir.jsonl")
    assert r.exit_code == 1 and r.stderr.startswith("error: cannot write")
