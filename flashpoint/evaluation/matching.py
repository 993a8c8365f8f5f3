"""One-to-one matching of predicted to gold items (maximum bipartite matching).

Each predicted item matches at most one gold item and vice versa. Greedy matching can lose pairs
when one prediction fits several gold items (span overlaps, undirected CONSULT), so we use
augmenting paths (Kuhn's algorithm); the inputs are one document or sentence, so it is small.
"""
from __future__ import annotations

from typing import Callable, Optional, Sequence, TypeVar

P = TypeVar("P")
G = TypeVar("G")


def match_pairs(preds: Sequence[P], golds: Sequence[G], fits: Callable[[P, G], bool],
                gold_order: Optional[Sequence[int]] = None,
                taken: Optional[dict[int, int]] = None) -> dict[int, int]:
    """Return ``{pred_index: gold_index}``, a maximum matching under ``fits``.

    ``gold_order`` restricts matching to those gold indices (used to match required gold first).
    ``taken`` is an earlier matching to extend: its predictions stay matched (perhaps re-routed
    within the already matched gold), so a second pass only adds pairs.
    """
    allowed = list(range(len(golds))) if gold_order is None else list(gold_order)
    allowed_set = set(allowed)
    candidates = [[g for g in allowed if fits(p, golds[g])] for p in preds]
    gold_to_pred: dict[int, int] = {}
    if taken:
        for p, g in taken.items():
            gold_to_pred[g] = p
            allowed_set.add(g)
            if g not in candidates[p]:
                candidates[p].insert(0, g)

    def augment(p: int, seen: set[int]) -> bool:
        for g in candidates[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in gold_to_pred or augment(gold_to_pred[g], seen):
                gold_to_pred[g] = p
                return True
        return False

    matched_preds = set(gold_to_pred.values())
    for p in range(len(preds)):
        if p not in matched_preds:
            augment(p, set())
    return {p: g for g, p in gold_to_pred.items()}
