"""Counts and precision/recall/F1: the typed results every scorer returns."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable


@dataclass
class PRF:
    """True positives, false positives and false negatives, with the derived figures.

    An empty side gives 0.0 rather than a division error: no predictions means precision 0.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if (self.tp + self.fp) else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if (self.tp + self.fn) else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if (p + r) else 0.0

    def add(self, other: "PRF") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Scores:
    """Overall and per-type counts for one way of matching (e.g. status-aware)."""

    overall: PRF = field(default_factory=PRF)
    per_type: dict[str, PRF] = field(default_factory=dict)

    def count(self, type_: str, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        delta = PRF(tp, fp, fn)
        self.overall.add(delta)
        self.per_type.setdefault(type_, PRF()).add(delta)

    @property
    def macro_f1(self) -> float:
        """Mean F1 over the types that occur in gold or predictions."""
        types = list(self.per_type.values())
        return sum(t.f1 for t in types) / len(types) if types else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"overall": self.overall.to_dict(), "macro_f1": round(self.macro_f1, 4),
                "per_type": {t: p.to_dict() for t, p in sorted(self.per_type.items())}}


def merge_scores(parts: Iterable[Scores]) -> Scores:
    total = Scores()
    for part in parts:
        total.overall.add(part.overall)
        for t, prf in part.per_type.items():
            total.per_type.setdefault(t, PRF()).add(prf)
    return total
