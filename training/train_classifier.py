"""Train the PLOVER type classifier and write ``flashpoint/data/models/plover_type.npz``.

Run with ``make train`` (installs the ``train`` extra: scikit-learn). Deterministic: the same
inputs give the same artifact. Reads ../shared in place; exits 0 with a message if it is absent.

    python -m training.train_classifier [--out PATH]
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence

import numpy as np

from flashpoint.events.classifier import DEFAULT_MODEL, TypeClassifier, featurize, save
from flashpoint.model import PLOVER_TYPES
from training import data


@dataclass(frozen=True)
class Config:
    """Hyper-parameters, chosen by grouped cross-validation on GSR dev (evaluate_classifier.py)."""

    C: float = 10.0
    origin_weight: dict = field(default_factory=lambda: {"gsr": 1.0, "own": 1.0, "ngec": 0.3})
    use_parse: bool = True      # add parse features (pair_typer.parse_features) to a copy of each item
    plain_weight: float = 0.5   # weight of the text-only copy (the event coder calls without a parse)
    min_count: int = 2          # features seen fewer times (outside gsr/own) are dropped
    use_lexicon: bool = True
    use_ngec: bool = True
    balanced: bool = True       # weigh classes by inverse (weighted) frequency
    seed: int = 0


def parse_table(items: Sequence[data.Item], batch_size: int = 64) -> dict[tuple, list[str]]:
    """Parse features of every item, keyed by ``key(item)``; each distinct text is parsed once
    (nlp.pipe), with the same spaCy pipeline and the same function the hybrid uses at run time."""
    from flashpoint.events.pair_typer import parse_features
    from flashpoint.nlp import load_nlp

    texts = sorted({it.text for it in items})
    by_text: dict[str, list[data.Item]] = {}
    for it in items:
        by_text.setdefault(it.text, []).append(it)
    table: dict[tuple, list[str]] = {}
    for text, doc in zip(texts, load_nlp().pipe(texts, batch_size=batch_size)):
        for it in by_text[text]:
            table.setdefault(key(it), parse_features(doc, it.source, it.target))
    return table


def key(it: data.Item) -> tuple:
    return it.text, it.source, it.target


def item_features(it: data.Item, lex: dict, parsed: Optional[dict], with_parse: bool) -> list[str]:
    feats = featurize(it.text, it.source, it.target, None, lex)
    if with_parse and parsed is not None:
        feats = feats + parsed[key(it)]
    return feats


def fit(items: Sequence[data.Item], lexicon: dict, cfg: Config = Config(),
        parsed: Optional[dict] = None) -> TypeClassifier:
    """Train on ``items``; ``parsed`` (from ``parse_table``) adds a parse-feature copy of each."""
    from scipy.sparse import csr_matrix

    lex = lexicon if cfg.use_lexicon else {}
    items = [it for it in items if cfg.use_ngec or it.origin != "ngec"]
    views = [(False, cfg.plain_weight if cfg.use_parse and parsed is not None else 1.0)]
    if cfg.use_parse and parsed is not None:
        views.append((True, 1.0))
    rows_items = [(it, view_w) for with_parse, view_w in views for it in items]
    feats = [item_features(it, lex, parsed, with_parse) for with_parse, _ in views for it in items]
    items_w = [view_w for _, view_w in rows_items]
    items = [it for it, _ in rows_items]
    counts: Counter = Counter()
    keep: set[str] = set()
    for it, fs in zip(items, feats):
        uniq = set(fs)
        counts.update(uniq)
        if it.origin != "ngec":
            keep.update(uniq)  # hand-checked data: keep even singletons
    vocab = sorted(f for f, k in counts.items() if k >= cfg.min_count or f in keep)
    index = {f: i for i, f in enumerate(vocab)}
    rows, cols, vals = [], [], []
    for r, fs in enumerate(feats):
        idx = sorted({index[f] for f in fs if f in index})
        rows.extend([r] * len(idx))
        cols.extend(idx)
        vals.extend([1.0 / np.sqrt(len(idx))] * len(idx) if idx else [])
    X = csr_matrix((vals, (rows, cols)), shape=(len(items), len(vocab)), dtype=np.float64)
    y = np.array([it.label for it in items])
    w = np.array([cfg.origin_weight[it.origin] * vw for it, vw in zip(items, items_w)], dtype=np.float64)
    model, classes = fit_weighted_lr(X, y, w, C=cfg.C, seed=cfg.seed, balanced=cfg.balanced, max_iter=2000)
    return TypeClassifier.from_arrays(vocab, model.coef_, model.intercept_, classes, lex)


def fit_weighted_lr(X, y: np.ndarray, w: np.ndarray, C: float, seed: int, balanced: bool, max_iter: int):
    """Multinomial LR over all 16 PLOVER types with per-item weights (classes evened out when
    ``balanced``); stops with a message when the data lack a type. Returns (model, class names)."""
    from sklearn.linear_model import LogisticRegression

    if balanced:
        w = class_balanced(y, w)
    model = LogisticRegression(C=C, max_iter=max_iter, tol=1e-4, random_state=seed)
    model.fit(X, y, sample_weight=w)
    classes = [str(c) for c in model.classes_]
    if set(classes) != set(PLOVER_TYPES):
        raise SystemExit(f"training data lacks types {sorted(set(PLOVER_TYPES) - set(classes))}")
    return model, classes


def class_balanced(y: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Sample weights rescaled so every type carries the same total weight (rare types such as
    AID and MOBILIZE would otherwise be drowned by REQUEST and ASSAULT)."""
    per_class: Counter = Counter()
    for label, weight in zip(y, w):
        per_class[label] += weight
    mean = sum(per_class.values()) / len(per_class)
    return w * np.array([mean / per_class[label] for label in y])


def load_all() -> tuple[list[data.Item], list[data.Item], list[data.Item], dict]:
    return data.load_gsr(), data.load_ngec(), data.load_own(), data.cameo_lexicon()



def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_MODEL)
    args = ap.parse_args(argv)
    status = data.absent_shared_status("make train", DEFAULT_MODEL)
    if status is not None:
        return status
    gsr, ngec, own, lexicon = load_all()
    cfg = Config()
    parsed = parse_table(gsr + ngec + own) if cfg.use_parse else None
    clf = fit(gsr + ngec + own, lexicon, cfg, parsed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    meta = {"config": {k: v for k, v in cfg.__dict__.items()},
            "training_items": {"plover-gsr-dev": len(gsr), "ngec-synthetic": len(ngec), "own": len(own)},
            "lexicon_entries": len(lexicon)}
    save(clf, args.out, meta)
    digest = hashlib.sha256(args.out.read_bytes()).hexdigest()[:16]
    print(f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} KiB, {len(clf._w.vocab)} features, "
          f"sha256 {digest}) from {len(gsr)} GSR pairs, {len(ngec)} NGEC texts, {len(own)} own examples")
    return 0


if __name__ == "__main__":
    sys.exit(main())
