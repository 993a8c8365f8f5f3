"""Cross-validated evaluation of the PLOVER type classifier on PLOVER-GSR dev pairs.

GSR dev is also training data, so the honest figure is k-fold: each fold's sentences are held
out, the model is trained on the other folds + NGEC + our own examples, and the held-out pairs
are scored. Folds are grouped by sentence id, so the events of one (merged) sentence never sit
on both sides. Prints per-type precision/recall/F1 and macro-F1 over the 16 types.

Three systems are scored on the same folds (``--systems``):
- ``lr``: the logistic regression alone;
- ``rules``: the hand-written event coder's type for the pair, else the first lexicon reading of
  the trigger word between the actors, else the LR (``HybridConfig(lr_chooses=False)``,
  all rule mass on the rule);
- ``hybrid``: ``HybridPairTyper`` with the LR alone (the LR chooses among the rule's readings
  and its distribution is mixed in);
- ``enc``: the MiniLM encoder head alone (an LR over frozen all-MiniLM-L6-v2 pair vectors,
  ``training/train_encoder_head.py``);
- ``lr+enc``: the product of the LR's and the head's distributions (``CombinedTypeClassifier``);
- ``hybrid-enc``: ``HybridPairTyper`` with ``lr+enc`` in place of the LR (as shipped when the
  encoder head is).
The fold's head is trained like its LR (the fold's GSR test sentences never in training); the pair
vectors of all items are cached under /tmp (``training/encoder_features.py``).
The rule parts are not trained. The event coder itself consults the type classifier for ambiguous
trigger words; during CV it is handed the fold's LR (never the shipped model, which saw every
GSR sentence), or none at all with ``--coder-classifier none``.

    python -m training.evaluate_classifier [--folds 5] [--systems lr,enc,lr+enc,rules,hybrid,hybrid-enc]
        [--no-lexicon] [--no-ngec] [--C 10] [--head-C 0.05] [--lr-weight 0.5]
"""
from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import sys
from collections import Counter
from typing import Sequence
from unittest import mock

import numpy as np

from flashpoint.events.classifier import mix
from flashpoint.events.pair_typer import HybridConfig, HybridPairTyper
from flashpoint.model import PLOVER_TYPES
from training import data
from training.train_classifier import Config, fit, item_features, load_all, parse_table
from training.train_encoder_head import HeadConfig, fit_head


SYSTEMS = ("lr", "enc", "lr+enc", "rules", "hybrid", "hybrid-enc")
_ENC_SYSTEMS = ("enc", "lr+enc", "hybrid-enc")


def cross_validate(gsr, ngec, own, lexicon, cfg: Config, folds: int = 5, seed: int = 0) -> tuple[list[str], list[str]]:
    """LR alone (kept for callers of the old API)."""
    gold, preds, _ = cross_validate_systems(gsr, ngec, own, lexicon, cfg, folds, seed, systems=("lr",))
    return gold, preds["lr"]


def cross_validate_systems(gsr, ngec, own, lexicon, cfg: Config, folds: int = 5, seed: int = 0,
                           systems: Sequence[str] = SYSTEMS, coder_classifier: str = "fold",
                           hybrid: HybridConfig | None = None, head_cfg: HeadConfig | None = None,
                           ) -> tuple[list[str], dict[str, list[str]], dict[str, list[str]]]:
    """Gold labels, predictions per system, and per system how each pair was decided."""
    from sklearn.model_selection import StratifiedGroupKFold

    y = [it.label for it in gsr]
    groups = [it.group for it in gsr]
    splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    preds = {s: [""] * len(gsr) for s in systems}
    methods = {s: [""] * len(gsr) for s in systems}
    typers = _typers(systems, hybrid or HybridConfig())
    # Parse features do not depend on the fold (nothing in them is trained): compute them once.
    parsed = parse_table(list(gsr) + list(ngec) + list(own)) if cfg.use_parse else None
    use_enc = any(s in systems for s in _ENC_SYSTEMS)
    if use_enc:
        from training.encoder_features import vectors

        x_gsr, x_rest = vectors(gsr, verbose=True), vectors(list(ngec) + list(own), verbose=True)
    for train_idx, test_idx in splitter.split(np.zeros(len(gsr)), y, groups):
        clf = fit([gsr[i] for i in train_idx] + ngec + own, lexicon, cfg, parsed)
        head = None
        if use_enc:
            head = fit_head([gsr[i] for i in train_idx] + list(ngec) + list(own),
                            np.concatenate([x_gsr[train_idx], x_rest]), head_cfg or HeadConfig())
        items = [(gsr[i].text, gsr[i].source, gsr[i].target) for i in test_idx]
        probs = {}
        if "lr" in systems or "lr+enc" in systems:
            feats = [item_features(gsr[i], clf.lexicon, parsed, True) for i in test_idx]
            probs["lr"] = clf.proba_from_features(feats)
        if head is not None:
            probs["enc"] = head.proba_vectors(x_gsr[test_idx])
        if "lr+enc" in systems:
            probs["lr+enc"] = mix(probs["lr"], probs["enc"], head.lr_weight)
        for name in ("lr", "enc", "lr+enc"):
            if name not in systems:
                continue
            for i, row in zip(test_idx, probs[name]):
                preds[name][i] = PLOVER_TYPES[int(row.argmax())]
                methods[name][i] = "classifier"
        rule_systems = [s for s in systems if s not in ("lr", "enc", "lr+enc")]
        if not rule_systems:
            continue
        with _coder_uses(clf if coder_classifier == "fold" else None):
            coder = _fresh_coder()
            for name in rule_systems:
                typer = HybridPairTyper(classifier=clf, coder=coder, config=typers[name],
                                        encoder_head=head if name == "hybrid-enc" else None)
                for i, res in zip(test_idx, typer.type_many(items)):
                    preds[name][i] = res.type
                    methods[name][i] = res.method
    return y, preds, methods


def _typers(systems: Sequence[str], hybrid: HybridConfig) -> dict[str, HybridConfig]:
    # Only hybrid-enc may use an encoder head, and only the fold's (never the shipped one).
    return {"rules": HybridConfig(coder_mass=1.0, trigger_mass=1.0, lr_chooses=False, use_encoder=False),
            "hybrid": dataclasses.replace(hybrid, use_encoder=False),
            "hybrid-enc": dataclasses.replace(hybrid, use_encoder=True)}


@contextlib.contextmanager
def _coder_uses(clf):
    """Hand the event coder this fold's classifier (or none) for ambiguous trigger words, instead
    of the shipped model trained on all of GSR dev; restored afterwards."""
    from flashpoint.events import stage

    with mock.patch.object(stage, "_classifier", lambda: clf):
        yield


def _fresh_coder():
    from flashpoint.pipeline import Coder

    return Coder(skip={"when_where"})  # dates and places do not change the type


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


def _hybrid_config(args) -> HybridConfig:
    cfg = HybridConfig()
    changes = {k: v for k, v in (("coder_mass", args.coder_mass), ("trigger_mass", args.trigger_mass)) if v is not None}
    return dataclasses.replace(cfg, **changes)


def _head_config(args) -> HeadConfig:
    changes = {k: v for k, v in (("C", args.head_C), ("lr_weight", args.lr_weight)) if v is not None}
    if args.ngec_weight is not None:
        changes["origin_weight"] = {**HeadConfig().origin_weight, "ngec": args.ngec_weight}
    return dataclasses.replace(HeadConfig(), **changes)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0, help="fold shuffling seed")
    ap.add_argument("--no-lexicon", action="store_true")
    ap.add_argument("--no-ngec", action="store_true")
    ap.add_argument("--no-own", action="store_true")
    ap.add_argument("--C", type=float, default=None)
    ap.add_argument("--no-parse", action="store_true", help="LR without parse features")
    ap.add_argument("--plain-weight", type=float, default=None, help="weight of the text-only copy")
    ap.add_argument("--ngec-weight", type=float, default=None)
    ap.add_argument("--systems", default=",".join(SYSTEMS), help="comma list of " + ", ".join(SYSTEMS))
    ap.add_argument("--head-C", type=float, default=None, help="encoder head: inverse regularisation")
    ap.add_argument("--lr-weight", type=float, default=None, help="lr+enc: the LR's share of the product")
    ap.add_argument("--coder-classifier", choices=("fold", "none"), default="fold",
                    help="what the event coder consults for ambiguous words during CV")
    ap.add_argument("--coder-mass", type=float, default=None, help="hybrid: mass on the coder's type")
    ap.add_argument("--trigger-mass", type=float, default=None, help="hybrid: mass on the trigger's readings")
    args = ap.parse_args(argv)
    missing = data.missing_shared()
    if missing:
        print("evaluate_classifier: skipped, ../shared data absent: " + ", ".join(map(str, missing)))
        return 1 if os.environ.get("CI") == "true" else 0  # under CI its absence is a failure
    gsr, ngec, own, lexicon = load_all()
    cfg = Config()
    changes = {}
    if args.no_lexicon:
        changes["use_lexicon"] = False
    if args.no_ngec:
        changes["use_ngec"] = False
    if args.C is not None:
        changes["C"] = args.C
    if args.no_parse:
        changes["use_parse"] = False
    if args.plain_weight is not None:
        changes["plain_weight"] = args.plain_weight
    if args.ngec_weight is not None:
        changes["origin_weight"] = {**cfg.origin_weight, "ngec": args.ngec_weight}
    cfg = dataclasses.replace(cfg, **changes)
    print(f"{args.folds}-fold grouped CV on PLOVER-GSR dev; config {cfg}")
    systems = [s for s in args.systems.split(",") if s]
    unknown = set(systems) - set(SYSTEMS)
    if unknown:
        ap.error(f"unknown systems {sorted(unknown)}; choose from {', '.join(SYSTEMS)}")
    gold, preds, methods = cross_validate_systems(gsr, ngec, [] if args.no_own else own, lexicon, cfg,
                                                  args.folds, args.seed, systems, args.coder_classifier,
                                                  _hybrid_config(args), _head_config(args))
    summary = {}
    for name in systems:
        print(f"\n== {name} ==")
        summary[name] = report(gold, preds[name])
        by_method = Counter(methods[name])
        right = Counter(m for m, g, p in zip(methods[name], gold, preds[name]) if g == p)
        print("decided by: " + ", ".join(f"{m} {by_method[m]} ({right[m] / by_method[m]:.2f} right)"
                                         for m in sorted(by_method)))
    print("\nmacro-F1: " + "  ".join(f"{n} {f:.3f}" for n, f in summary.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
