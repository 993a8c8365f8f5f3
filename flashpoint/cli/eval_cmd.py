"""`flashpoint eval`: score events against gold (seed format or sentence-set format)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from . import app, cli_errors


@app.command("eval")
def eval_command(
    gold: Path = typer.Argument(..., help="Gold file: seed JSON (gold.json) or sentence-set JSONL."),
    pred: Optional[Path] = typer.Option(None, "--pred", help="Predicted events (JSONL from `flashpoint code`); "
                                        "without it the gold texts are coded now."),
    attributions: Optional[Path] = typer.Option(None, "--attributions",
                                                help="Predicted attributions (JSONL) to score with --pred (seed format)."),
    as_json: bool = typer.Option(False, "--json", help="Print one machine-readable JSON object."),
    lexicon_only: bool = typer.Option(False, "--lexicon-only",
                                      help="Code without the trained classifier (it has seen PLOVER-GSR dev)."),
):
    """Print precision, recall and F1 overall and per type, with and without status.

    Example: flashpoint eval ../shared/data/seed/gold.json
    """
    from ..evaluation import evaluate, format_result

    with cli_errors():
        coder = None
        if lexicon_only and pred is None:
            from ..pipeline import CodeOptions, Coder

            coder = Coder(options=CodeOptions(use_classifier=False))
        result = evaluate(gold, pred_path=pred, attributions_path=attributions, coder=coder)
        if as_json:
            out = result.to_dict()
            out["gold"] = str(gold)
            out["pred"] = str(pred) if pred else None
            print(json.dumps(out, indent=2))
        else:
            print(format_result(result))
