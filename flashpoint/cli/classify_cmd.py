"""`flashpoint classify`: the PLOVER type of the relation between a marked source and target.

Input JSONL lines ``{"id", "text", "source": {"start", "end"}, "target": {"start", "end"}}``
(either side may be null); output ``{"id", "type", "scores": {TYPE: probability}, "method"}`` per
line. The type comes from ``HybridPairTyper``: the event coder's rules for the pair, else the
lexicon trigger between the actors, else the trained classifier (``method`` says which);
``--classifier-only`` skips the rules (faster: no parse).
A malformed line is reported on stderr with its line number; the others are still classified
and the exit code is 1 if any line failed.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Optional

import typer

from . import app, cli_errors
from .inputs import ConventionsOption
from ..errors import InputError

_BATCH = 256


def parse_line(line: str, lineno: int) -> tuple[Any, str, Optional[tuple[int, int]], Optional[tuple[int, int]]]:
    """One input line -> (id, text, source, target); InputError saying what is wrong."""
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"line {lineno}: not valid JSON ({exc.msg})") from None
    if not isinstance(rec, dict):
        raise InputError(f"line {lineno}: expected a JSON object")
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"line {lineno}: missing or empty \"text\"")
    spans = []
    for side in ("source", "target"):
        value = rec.get(side)
        if value is None:
            spans.append(None)
            continue
        try:
            start, end = int(value["start"]), int(value["end"])
        except (TypeError, KeyError, ValueError):
            raise InputError(f"line {lineno}: \"{side}\" must be null or {{\"start\": int, \"end\": int}}") from None
        if not 0 <= start < end <= len(text):
            raise InputError(f"line {lineno}: \"{side}\" span {start}..{end} is outside the text "
                             f"(length {len(text)})")
        spans.append((start, end))
    return rec.get("id", lineno), text, spans[0], spans[1]


@app.command("classify")
def classify_command(
    input: Path = typer.Argument(..., help="JSONL: id, text, source {start,end}|null, target {start,end}|null."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write results here (default stdout)."),
    model: Optional[Path] = typer.Option(None, "--model", help="A classifier .npz other than the shipped one."),
    classifier_only: bool = typer.Option(False, "--classifier-only",
                                         help="Use the trained classifier alone (no event-coder rules)."),
    conventions: ConventionsOption = None,
):
    """Classify marked (source, target) pairs into PLOVER types, one JSON object a line.

    Example: flashpoint classify pairs.jsonl -o types.jsonl
    """
    from ..events.classifier import TypeClassifier

    failed = 0
    with cli_errors():
        clf = TypeClassifier.load(model)
        typer_ = None
        if not classifier_only:
            from ..events.pair_typer import HybridPairTyper

            coder = None
            if conventions is not None:
                from ..ingest.batch import make_coder

                coder = make_coder(conventions=conventions)
            typer_ = HybridPairTyper(classifier=clf, coder=coder)
        try:
            raw = input.read_bytes()
        except OSError as exc:
            raise InputError(f"{input}: cannot read ({exc.strerror}); check the path") from None
        try:
            lines = raw.decode("utf-8-sig").splitlines()
        except UnicodeDecodeError:
            raise InputError(f"{input}: not UTF-8 text; save it as UTF-8 JSONL") from None
        out = open(output, "w", encoding="utf-8") if output else sys.stdout
        try:
            batch: list[tuple] = []

            def flush() -> None:
                items = [(t, s, g) for _, t, s, g in batch]
                if typer_ is not None:
                    results = [(r.scores, r.method) for r in typer_.type_many(items)]
                else:
                    results = [(sc, "classifier") for sc in clf.predict_many(items)]
                for (rid, *_), (sc, method) in zip(batch, results):
                    best = max(sc, key=sc.get)
                    out.write(json.dumps({"id": rid, "type": best,
                                          "scores": {k: round(v, 6) for k, v in sc.items()},
                                          "method": method},
                                         ensure_ascii=False) + "\n")
                batch.clear()

            for lineno, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    batch.append(parse_line(line, lineno))
                except InputError as exc:
                    failed += 1
                    print(f"error: {input}: {exc}", file=sys.stderr)
                    continue
                if len(batch) >= _BATCH:
                    flush()
            if batch:
                flush()
        finally:
            if output:
                out.close()
    if failed:
        print(f"error: {failed} line(s) of {input} could not be classified (see above)", file=sys.stderr)
        raise typer.Exit(1)
