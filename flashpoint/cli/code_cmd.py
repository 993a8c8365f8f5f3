"""`flashpoint code`: code files into events (JSON lines)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from . import app, cli_errors


@app.command("code")
def code_command(
    inputs: list[str] = typer.Argument(..., help="Files (.txt, .jsonl, .csv) or - for JSONL on stdin."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write events here (default stdout)."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD for .txt inputs."),
):
    """Code articles into PLOVER events, one JSON object a line.

    Example: flashpoint code article.txt --published 2024-04-11
    """
    import flashpoint
    from ..model import Document

    with cli_errors():
        out = open(output, "w", encoding="utf-8") if output else sys.stdout
        for name in inputs:
            text = Path(name).read_text(encoding="utf-8")
            doc = Document(id=Path(name).stem, text=text, published=published)
            coded = flashpoint.get_coder()(doc)
            for e in coded.events:
                out.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
