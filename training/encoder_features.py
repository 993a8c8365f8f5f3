"""MiniLM pair vectors of training items, cached on disk outside the repository.

Encoding ~10,000 items takes minutes on two cores, so cross-validation and training read the
vectors from a cache (``$FLASHPOINT_ENC_CACHE``, default ``/tmp/flashpoint-encoder-cache``) keyed
by a hash of (text, source, target) and the pair-feature version; a changed feature function gets
a new version and so a new cache file.

    python -m training.encoder_features      # fill the cache for GSR + NGEC + own items
"""
from __future__ import annotations

import hashlib
import os
import sys
import time
from pathlib import Path
from typing import Sequence

import numpy as np

from flashpoint.events.encoder import PAIR_DIM, MiniLMEncoder, pair_vectors
from training import data

PAIR_VERSION = 1   # bump with any change to encoder.pair_vectors
CACHE_DIR = Path(os.environ.get("FLASHPOINT_ENC_CACHE", "/tmp/flashpoint-encoder-cache"))


def _key(it: data.Item) -> str:
    raw = repr((it.text, it.source, it.target)).encode("utf-8")
    return hashlib.sha1(raw).hexdigest()


def _cache_file() -> Path:
    return CACHE_DIR / f"pairs-v{PAIR_VERSION}.npz"


def _read_cache() -> dict[str, np.ndarray]:
    path = _cache_file()
    if not path.exists():
        return {}
    with np.load(path, allow_pickle=False) as z:
        keys = [str(k) for k in z["keys"]]
        vecs = z["vecs"]
    return dict(zip(keys, vecs))


def _write_cache(table: dict[str, np.ndarray]) -> None:
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    keys = sorted(table)
    tmp = _cache_file().with_suffix(".tmp.npz")
    np.savez(tmp, keys=np.array(keys), vecs=np.stack([table[k] for k in keys]) if keys
             else np.zeros((0, PAIR_DIM), np.float32))
    tmp.replace(_cache_file())


def vectors(items: Sequence[data.Item], chunk: int = 512, verbose: bool = False) -> np.ndarray:
    """(n, PAIR_DIM) pair vectors of ``items``, computing (and caching) only the missing ones."""
    table = _read_cache()
    missing = list({_key(it): it for it in items if _key(it) not in table}.items())
    if missing:
        enc = MiniLMEncoder.load()
        t0 = time.time()
        for lo in range(0, len(missing), chunk):
            part = missing[lo: lo + chunk]
            vecs = pair_vectors(enc, [(it.text, it.source, it.target) for _, it in part])
            table.update({k: v for (k, _), v in zip(part, vecs)})
            _write_cache(table)
            if verbose:
                print(f"encoded {lo + len(part)}/{len(missing)} ({time.time() - t0:.0f}s)", flush=True)
    return np.stack([table[_key(it)] for it in items]).astype(np.float32) if items \
        else np.zeros((0, PAIR_DIM), np.float32)


def main() -> int:
    if data.missing_shared():
        print("encoder_features: ../shared data absent; nothing to encode")
        return 0
    items = data.load_gsr() + data.load_ngec() + data.load_own()
    X = vectors(items, verbose=True)
    print(f"{X.shape[0]} items, {X.shape[1]} dims, cache {_cache_file()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
