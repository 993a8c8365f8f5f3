"""`flashpoint code`: code files into events (JSON lines)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from . import app, cli_errors
from .inputs import (ActorsOption, AnyLanguageOption, ConventionsOption, InputsArgument, LexiconOption,
                     MaxBytesOption, MaxCharsOption, PublishedOption, ingest_options)


def _open_output(path: Path):
    from ..errors import FlashpointError

    try:
        return open(path, "w", encoding="utf-8")
    except OSError as exc:
        raise FlashpointError(f"cannot write {path}: {exc.strerror or exc}; check the folder exists "
                              "and is writable") from exc


@app.command("code")
def code_command(
    inputs: InputsArgument,
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write events here (default stdout)."),
    attributions: Optional[Path] = typer.Option(
        None, "--attributions", help="Also write every attribution frame (JSON lines) here."),
    published: PublishedOption = None,
    actors: ActorsOption = None,
    lexicon: LexiconOption = None,
    max_bytes: MaxBytesOption = None,
    max_chars: MaxCharsOption = None,
    any_language: AnyLanguageOption = False,
    conventions: ConventionsOption = None,
):
    """Code articles into PLOVER events, one JSON object a line.

    INPUT is a .txt file (doc id = file name), .jsonl / .csv (fields id, text, published or
    date, url, title, outlet), .html, a directory of those, or - for JSONL on stdin. A bad
    file or line is reported on stderr and skipped; the exit code is 1 if any input failed.

    Example: flashpoint code article.txt --published 2024-04-11
    """
    from ..ingest import read_inputs
    from ..ingest.batch import ProblemLog, code_articles, failure_problem, make_coder

    log = ProblemLog()
    with cli_errors():
        options = ingest_options(published, max_bytes, max_chars, any_language)
        coder = make_coder(actors or (), lexicon_files=lexicon or (), conventions=conventions)
        out = _open_output(output) if output else sys.stdout
        attr_out = _open_output(attributions) if attributions else None
        try:
            articles = read_inputs(inputs, options, log)
            for _, coded in code_articles(coder, articles, lambda a, e: log(failure_problem(a, e))):
                for event in coded.events:
                    out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
                if attr_out is not None:
                    for attribution in coded.attributions:
                        attr_out.write(json.dumps(attribution.to_dict(), ensure_ascii=False) + "\n")
                out.flush()
        finally:
            if output:
                out.close()
            if attr_out is not None:
                attr_out.close()
    if log.errors:
        raise typer.Exit(1)
