"""`flashpoint ingest`, `show`, `export`, `migrate`: the event store from the command line."""
from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import app, cli_errors
from .inputs import (ActorsOption, AnyLanguageOption, ConventionsOption, InputsArgument, MaxBytesOption,
                     MaxCharsOption, PublishedOption, ingest_options)

DbOption = Annotated[str, typer.Option("--db", help="The store: a DuckDB file (created if absent).")]


class Progress:
    """One progress line on stderr: rewritten in place on a terminal, printed once otherwise."""

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.live = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.counts = {"new": 0, "replaced": 0, "unchanged": 0, "failed": 0}
        self.events = 0
        self.started = time.perf_counter()
        self._last = 0.0

    def add(self, outcome: str, events: int = 0) -> None:
        self.counts[outcome] += 1
        self.events += events
        now = time.perf_counter()
        if self.live and now - self._last > 0.2:
            self._last = now
            print("\r" + self.line(), end="", file=self.stream, flush=True)

    def line(self) -> str:
        c = self.counts
        return (f"ingest: {c['new']} new, {c['replaced']} replaced, {c['unchanged']} already stored, "
                f"{c['failed']} failed; {self.events} events ({time.perf_counter() - self.started:.1f} s)")

    def done(self) -> None:
        print(("\r" if self.live else "") + self.line(), file=self.stream, flush=True)


@app.command("ingest")
def ingest_command(
    inputs: InputsArgument,
    db: DbOption = "flashpoint.duckdb",
    published: PublishedOption = None,
    actors: ActorsOption = None,
    max_bytes: MaxBytesOption = None,
    max_chars: MaxCharsOption = None,
    any_language: AnyLanguageOption = False,
    conventions: ConventionsOption = None,
):
    """Code articles into the store. Resumable: articles already stored are skipped.

    Each article is written with its events in one transaction, so after a crash the same
    command picks up where it stopped, without duplicates.

    Example: flashpoint ingest examples/ --db flashpoint.duckdb
    """
    from ..ingest import read_inputs
    from ..ingest.batch import ProblemLog, code_articles, failure_problem, filter_articles, make_coder
    from ..store import WriteResult, load_store

    log = ProblemLog()
    progress = Progress()
    outcome = {WriteResult.INSERTED: "new", WriteResult.REPLACED: "replaced",
               WriteResult.UNCHANGED: "unchanged"}

    def failed(article, exc):
        progress.add("failed")
        log(failure_problem(article, exc))

    with cli_errors():
        options = ingest_options(published, max_bytes, max_chars, any_language)
        with load_store(db) as store:
            coder = make_coder(actors or (), conventions=conventions)
            articles = filter_articles(read_inputs(inputs, options, log),
                                       lambda a: not store.has_document(a.document.content_hash),
                                       lambda a: progress.add("unchanged"))
            for _, coded in code_articles(coder, articles, failed):
                progress.add(outcome[store.write(coded)], len(coded.events))
        progress.done()
    if log.errors:
        raise typer.Exit(1)


@app.command("show")
def show_command(
    db: DbOption = "flashpoint.duckdb",
    limit: Annotated[Optional[int], typer.Option("--limit", "-n", help="Show at most N events.")] = None,
):
    """Print the stored events as a table: type, source → target, status, who says so, date,
    and the evidence (the trigger [in brackets] in its sentence).

    Example: flashpoint show --db flashpoint.duckdb --limit 20
    """
    from ..store import load_store
    from ..store.report import HEADERS, event_rows, render_table

    with cli_errors():
        with load_store(db, read_only=True) as store:
            counts = store.counts()
            width = max(50, shutil.get_terminal_size((200, 24)).columns - 120)
            rows = event_rows(store, limit=limit, width=width)
        if rows:
            print(render_table(HEADERS, [r.cells() for r in rows]))
        shown = f"{len(rows)} of {counts['events']}" if limit is not None else f"{counts['events']}"
        print(f"\n{shown} events from {counts['documents']} documents, "
              f"{counts['attributions']} attributions, {counts['actors']} actor mentions in {db}")


@app.command("export")
def export_command(
    db: DbOption = "flashpoint.duckdb",
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, parquet or jsonl (Event records).")] = "csv",
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")] = ...,
):
    """Write the stored events as CSV, Parquet (flat columns) or JSON lines (full Event records).

    Example: flashpoint export --db flashpoint.duckdb --format parquet -o events.parquet
    """
    from ..store import load_store

    with cli_errors():
        with load_store(db, read_only=True) as store:
            n = store.export(output, fmt.lower())
        print(f"wrote {n} events to {output}", file=sys.stderr)


@app.command("migrate")
def migrate_command(db: DbOption = "flashpoint.duckdb"):
    """Create or upgrade the store's schema (ingest does this by itself).

    Example: flashpoint migrate --db flashpoint.duckdb
    """
    from ..store import load_store

    with cli_errors():
        with load_store(db) as store:
            applied = getattr(store, "applied_on_open", [])
            version = store.schema_version()
        done = f"applied migration(s) {', '.join(map(str, applied))}" if applied else "nothing to do"
        print(f"{db}: schema v{version} ({done})", file=sys.stderr)
