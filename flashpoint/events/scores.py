"""Intensity (PLOVER score), quad class and closest CAMEO code for a type and mode."""
from __future__ import annotations

from typing import Optional

from ..data.loader import load_yaml


def score(type_: str, mode: Optional[str]) -> tuple[Optional[float], Optional[int], Optional[str]]:
    table = load_yaml("lexicons/plover_scores.yaml")
    row = table.get(type_)
    if row is None:
        return None, None, None
    intensity, cameo = float(row["score"]), row.get("cameo")
    if mode and mode in (row.get("modes") or {}):
        value, code = row["modes"][mode]
        intensity, cameo = float(value), code
    return intensity, int(row["quad"]), cameo
