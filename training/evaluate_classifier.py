"""Cross-validated evaluation of the PLOVER type classifier on PLOVER-GSR dev pairs.

GSR dev is also training data, so the honest figure is k-fold: each fold's sentences are held
out, the model is trained on the other folds + NGEC + our own examples, and the held-out pairs
are scored. Folds are grouped by sentence id, so the events of one (merged) sentence never sit
on both sides. Prints per-type precision/recall/F1 and macro-F1 over the 16 types.

    python -m training.evaluate_classifier [--folds 5] [--no-lexicon] [--no-ngec] [--C 10]
"""
from __future__ import annotations

import argparse
import dataclasses
import sys
from typing import Sequence

import numpy as np

from flashpoint.model import PLOVER_TYPES
from training import data
from training.train_classifier import Config, fit, load_all


def cross_validate(gsr, ngec, own, lexicon, cfg: Config, folds: int = 5, seed: int = 0) -> tuple[list[str], list[str]]:
    from sklearn.model_selection import StratifiedGroupKFold

    y = [it.label for it in gsr]
    groups = [it.group for it in gsr]
    splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    pred = [""] * len(gsr)
    for train_idx, test_idx in splitter.split(np.zeros(len(gsr)), y, groups):
        clf = fit([gsr[i] for i in train_idx] + ngec + own, lexicon, cfg)
        probs = clf.proba_matrix([(gsr[i].text, gsr[i].source, gsr[i].target) for i in test_idx])
        for i, row in zip(test_idx, probs):
            pred[i] = PLOVER_TYPES[int(row.argmax())]
    return y, pred


def report(gold: Sequence[str], pred: Sequence[str], out=sys.stdout) -> float:
    from sklearn.metrics import precision_recall_fscore_support

    p, r, f, s = precision_recall_fscore_support(gold, pred, labels=list(PLOVER_TYPES), zero_division=0)
    print(f"{'type':<10} {'P':>5} {'R':>5} {'F1':>5} {'n':>4}", file=out)
    for t, pi, ri, fi, si in zip(PLOVER_TYPES, p, r, f, s):
        print(f"{t:<10} {pi:5.2f} {ri:5.2f} {fi:5.2f} {si:4d}", file=out)
    macro = float(np.mean(f))
    acc = float(np.mean([g == q for g, q in zip(gold, pred)]))
    print(f"macro-F1 {macro:.3f}  accuracy {acc:.3f}  ({len(gold)} pairs)", file=out)
    return macro


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0, help="fold shuffling seed")
    ap.add_argument("--no-lexicon", action="store_true")
    ap.add_argument("--no-ngec", action="store_true")
    ap.add_argument("--no-own", action="store_true")
    ap.add_argument("--C", type=float, default=None)
    ap.add_argument("--ngec-weight", type=float, default=None)
    args = ap.parse_args(argv)
    missing = data.missing_shared()
    if missing:
        print("evaluate: ../shared data absent: " + ", ".join(map(str, missing)))
        return 0
    gsr, ngec, own, lexicon = load_all()
    cfg = Config()
    changes = {}
    if args.no_lexicon:
        changes["use_lexicon"] = False
    if args.no_ngec:
        changes["use_ngec"] = False
    if args.C is not None:
        changes["C"] = args.C
    if args.ngec_weight is not None:
        changes["origin_weight"] = {**cfg.origin_weight, "ngec": args.ngec_weight}
    cfg = dataclasses.replace(cfg, **changes)
    print(f"{args.folds}-fold grouped CV on PLOVER-GSR dev; config {cfg}")
    gold, pred = cross_validate(gsr, ngec, [] if args.no_own else own, lexicon, cfg, args.folds, args.seed)
    report(gold, pred)
    return 0


if __name__ == "__main__":
    sys.exit(main())
