"""Write users' actor files (YAML): `flashpoint actors add`."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import yaml

from ..errors import DataFileError
from .loader import entries_from_rows, load_kb


def add_actor(path: str | Path, name: str, code: str, start: Optional[str] = None, end: Optional[str] = None,
              kind: str = "person", aliases: tuple[str, ...] | list[str] = ()) -> None:
    """Append an actor row to a YAML file (validated first); the KB cache is cleared so the
    next ``load_kb`` sees it."""
    p = Path(path)
    if p.suffix.lower() not in (".yaml", ".yml"):
        raise DataFileError(f"{p}: `actors add` writes YAML; give a file ending in .yaml")
    data = {"actors": []}
    if p.exists():
        data = yaml.safe_load(p.read_text(encoding="utf-8")) or {"actors": []}
        if not isinstance(data, dict) or not isinstance(data.get("actors", []), list):
            raise DataFileError(f"{p}: expected `actors:` followed by a list")
        data.setdefault("actors", [])
    row = {"name": name, "kind": kind, "code": code.upper()}
    if aliases:
        row["aliases"] = list(aliases)
    if start:
        row["from"] = start
    if end:
        row["to"] = end
    entries_from_rows([row], str(p), 0)  # raises a DataFileError naming the problem
    data["actors"].append(row)
    p.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    load_kb.cache_clear()
