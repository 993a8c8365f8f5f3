"""Options shared by the commands that read articles (`code`, `ingest`), defined once."""
from __future__ import annotations

from typing import Annotated, Optional

import typer

InputsArgument = Annotated[list[str], typer.Argument(
    help="Files (.txt, .jsonl, .csv, .html), directories, or - for JSONL on stdin.", metavar="INPUT...")]
PublishedOption = Annotated[Optional[str], typer.Option(
    "--published", help="Publication date YYYY-MM-DD for articles that carry none (e.g. .txt files).")]
ActorsOption = Annotated[Optional[list[str]], typer.Option(
    "--actors", help="Your own actor dictionary (YAML/CSV); repeatable; read before the bundled one.")]
LexiconOption = Annotated[Optional[list[str]], typer.Option(
    "--lexicon", help="Your own trigger lexicon (YAML, same shape as data/lexicons/triggers.yaml); "
                      "repeatable; consulted before the bundled one.")]
ConventionsOption = Annotated[Optional[str], typer.Option(
    "--conventions", help="Where PLOVER's manual and its annotated data disagree, code as the "
                          "annotators do ('annotated', default) or as the manual says ('manual').")]
MaxBytesOption = Annotated[Optional[int], typer.Option(
    "--max-bytes", help="Largest .txt/.html file, or JSONL line / CSV row, in bytes "
                        "(default 10,000,000; env FLASHPOINT_MAX_BYTES).")]
MaxCharsOption = Annotated[Optional[int], typer.Option(
    "--max-chars", help="Longest article text in characters (default 1,000,000; env FLASHPOINT_MAX_CHARS).")]
AnyLanguageOption = Annotated[bool, typer.Option(
    "--any-language", help="Code texts that do not look like English instead of skipping them.")]


def ingest_options(published, max_bytes, max_chars, any_language):
    """IngestOptions from the shared flags (raises InputError on a bad date or limit)."""
    from ..errors import InputError
    from ..ingest import IngestOptions, Limits
    from ..pipeline import parse_date

    date = parse_date(published)
    for name, value in (("--max-bytes", max_bytes), ("--max-chars", max_chars)):
        if value is not None and value <= 0:
            raise InputError(f"{name} must be a positive number, not {value}")
    return IngestOptions(limits=Limits.resolve(max_bytes, max_chars),
                         published=date.isoformat() if date else None, any_language=any_language)
