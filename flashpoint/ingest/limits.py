"""Input limits: how much one file or one article may hold before we refuse it.

Whole-file formats (.txt, .html) are read into memory, so a file over ``max_bytes`` is refused.
Streamed formats (.jsonl, .csv, stdin) are read record by record, so a corpus file may be any
size; instead each *record* (one JSONL line, one CSV row) is held to ``max_bytes``, and every
article's text to ``max_chars``. Both are set by flags (``--max-bytes``, ``--max-chars``) or by
the environment (``FLASHPOINT_MAX_BYTES``, ``FLASHPOINT_MAX_CHARS``).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Optional

from ..errors import InputError

DEFAULT_MAX_BYTES = 10_000_000  # 10 MB per whole file (or per streamed record)
DEFAULT_MAX_CHARS = 1_000_000   # 1 M characters per article (spaCy parses up to 2 M)
ENV_MAX_BYTES = "FLASHPOINT_MAX_BYTES"
ENV_MAX_CHARS = "FLASHPOINT_MAX_CHARS"


def _from_env(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.replace("_", ""))
    except ValueError as exc:
        raise InputError(f"{name}={raw!r} is not a whole number of bytes/characters; "
                         f"unset it or give e.g. {name}={default}") from exc
    if value <= 0:
        raise InputError(f"{name}={raw!r} must be positive")
    return value


@dataclass(frozen=True)
class Limits:
    max_bytes: int = DEFAULT_MAX_BYTES
    max_chars: int = DEFAULT_MAX_CHARS

    @classmethod
    def resolve(cls, max_bytes: Optional[int] = None, max_chars: Optional[int] = None) -> "Limits":
        """Flags win over the environment, which wins over the defaults."""
        return cls(
            max_bytes=max_bytes if max_bytes is not None else _from_env(ENV_MAX_BYTES, DEFAULT_MAX_BYTES),
            max_chars=max_chars if max_chars is not None else _from_env(ENV_MAX_CHARS, DEFAULT_MAX_CHARS),
        )


def too_big_file(size: int, limits: Limits) -> str:
    return (f"file is {size:,} bytes, over the {limits.max_bytes:,}-byte limit; raise it with "
            f"--max-bytes N or {ENV_MAX_BYTES}=N, or split it into a .jsonl file (one article a line)")


def too_big_record(size: int, limits: Limits) -> str:
    return (f"record is {size:,} bytes, over the {limits.max_bytes:,}-byte limit; raise it with "
            f"--max-bytes N or {ENV_MAX_BYTES}=N")


def too_long_text(chars: int, limits: Limits) -> str:
    return (f"article text is {chars:,} characters, over the {limits.max_chars:,}-character limit; "
            f"raise it with --max-chars N or {ENV_MAX_CHARS}=N")
