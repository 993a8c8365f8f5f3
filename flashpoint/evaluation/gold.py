"""Detect which gold format a file holds and read it."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Union

from ..errors import InputError
from .seed import SeedGold, is_seed_gold, read_seed_gold, seed_gold_from_dict
from .sentence_set import GoldSentence, is_sentence_set_record, read_sentence_set

SEED = "seed"
SENTENCE_SET = "sentence-set"


@dataclass
class Gold:
    format: str  # SEED or SENTENCE_SET
    path: Path
    seed: Union[SeedGold, None] = None
    sentences: Union[list[GoldSentence], None] = None


def detect_format(path: str | Path) -> str:
    """Seed gold is one JSON object with ``document`` and ``events``; a sentence set has one
    object per line with ``text`` and ``expected``. The content decides, not the suffix."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such gold file")
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read as UTF-8 text ({exc})") from exc
    try:
        whole = json.loads(raw)
    except json.JSONDecodeError:
        whole = None
    if is_seed_gold(whole):
        return SEED
    first = next((line for line in raw.splitlines() if line.strip()), "")
    try:
        record = json.loads(first)
    except json.JSONDecodeError:
        record = None
    if is_sentence_set_record(record):
        return SENTENCE_SET
    raise InputError(f"{path}: not a gold file flashpoint knows. Use the seed format (one JSON object "
                     "with 'document' and 'events') or the sentence-set format (JSON lines with "
                     "'id', 'text', 'expected' and 'meta.spans')")


def load_gold(path: str | Path) -> Gold:
    path = Path(path)
    fmt = detect_format(path)
    if fmt == SEED:
        return Gold(format=SEED, path=path, seed=read_seed_gold(path))
    return Gold(format=SENTENCE_SET, path=path, sentences=read_sentence_set(path))


__all__ = ["Gold", "SEED", "SENTENCE_SET", "detect_format", "load_gold", "seed_gold_from_dict"]
