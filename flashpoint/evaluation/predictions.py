"""Read predicted events (and attributions) from JSON lines, as `flashpoint code` writes them."""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Callable, TypeVar

from ..errors import InputError
from ..model import Attribution, Event

R = TypeVar("R")


def _read_jsonl(path: str | Path, make: Callable[[dict], R], what: str) -> list[R]:
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read {what} ({exc})") from exc
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            out.append(make(json.loads(line)))
        except (json.JSONDecodeError, TypeError, KeyError, ValueError) as exc:
            raise InputError(f"{path}:{n}: not a valid {what} line ({exc}); "
                             f"expected the JSON that `flashpoint code` writes") from exc
    return out


def read_events(path: str | Path) -> list[Event]:
    return _read_jsonl(path, Event.from_dict, "event")


def read_attributions(path: str | Path) -> list[Attribution]:
    return _read_jsonl(path, Attribution.from_dict, "attribution")


def group_by_doc(events: list[Event]) -> dict[str, list[Event]]:
    grouped: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        grouped[e.doc_id].append(e)
    return dict(grouped)
