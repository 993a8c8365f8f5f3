"""Scoring attributions against gold in the seed format.

A gold attribution is ``{"evidence", "speaker", "kind", "affiliation", ...}``. It matches a
predicted one when the evidence's place in the text overlaps the predicted frame, the speakers
share a content word, and kind and affiliation agree. Each prediction matches at most one gold.
"""
from __future__ import annotations

import re
from typing import Any

from ..model import Attribution

_STOP = {"the", "a", "an", "of", "to", "at", "in", "for", "and", "one", "two", "first", "second",
         "third", "both"}
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9][a-z0-9.]*", text.lower().translate(_QUOTES)) if w not in _STOP}


def _locate(evidence: str, text: str) -> tuple[int, int] | None:
    at = text.find(evidence)
    if at < 0:
        at = text.translate(_QUOTES).find(evidence.translate(_QUOTES))
    return (at, at + len(evidence)) if at >= 0 else None


def _matches(pred: Attribution, gold: dict[str, Any], where: tuple[int, int]) -> bool:
    if not (pred.start < where[1] and where[0] < pred.end):
        return False
    if pred.kind != gold.get("kind"):
        return False
    if gold.get("affiliation") and pred.affiliation != gold["affiliation"]:
        return False
    said = _words((pred.speaker.text if pred.speaker else "") + " " + (pred.name or ""))
    return bool(said & _words(gold.get("speaker") or "")) or not gold.get("speaker")


def score_attributions(pred: list[Attribution], gold: list[dict[str, Any]], text: str) -> dict[str, Any]:
    """precision, recall, f1, tp, fp, fn (and the unmatched gold evidence under "missed")."""
    used: set[int] = set()
    tp = 0
    missed = []
    for g in gold:
        where = _locate(g.get("evidence", ""), text)
        best = None
        if where is not None:
            for i, p in enumerate(pred):
                if i in used or not _matches(p, g, where):
                    continue
                overlap = min(p.end, where[1]) - max(p.start, where[0])
                if best is None or overlap > best[0]:
                    best = (overlap, i)
        if best is None:
            missed.append(g.get("evidence"))
            continue
        used.add(best[1])
        tp += 1
    fp = len(pred) - tp
    fn = len(gold) - tp
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn,
            "missed": missed}
