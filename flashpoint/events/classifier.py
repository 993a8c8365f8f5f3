"""The trained PLOVER type classifier: a sentence with its source and target marked -> type probabilities.

The runtime needs only numpy: a multinomial logistic regression over sparse, human-readable
features (stemmed words and bigrams with the actors replaced by placeholders, the words between
and around the actors, an optional trigger word, and CAMEO-verb-lexicon cues). It is cheap enough
to run for every candidate event mention. Given the sentence's spaCy parse (``doc=``), it also
reads parse features (``pair_typer.parse_features``: the pair's trigger and its lexicon types,
the dependency path between the actors, status cues, negation); the model is trained on both
views of each example, so text-only calls (the event coder's) stay calibrated. The artifact (``flashpoint/data/models/plover_type.npz``)
is built by ``make train`` (``training/train_classifier.py``); its training data and licences are
in ``flashpoint/data/models/README.md``.

Public API::

    clf = TypeClassifier.load()
    clf.predict("Troops shelled the town.", (0, 6), (19, 23))  # {"ASSAULT": 0.9, ...}
    clf.predict("Troops shelled the town.", (0, 6), (19, 23), doc=nlp(text))  # with parse features
    clf.predict_many([(text, source, target), ...])
"""
from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional, Sequence

import numpy as np

from ..errors import DataFileError
from ..model import PLOVER_TYPES

Span = Optional[tuple[int, int]]
MODELS_DIR = Path(__file__).resolve().parents[1] / "data" / "models"
DEFAULT_MODEL = MODELS_DIR / "plover_type.npz"
FEATURE_VERSION = 2  # bump when featurize() changes; the artifact records the version it was trained with

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[-'][A-Za-z0-9]+)*|[^\sA-Za-z0-9]")
SRC, TGT = "<S>", "<T>"
# Determiners and the like carry no type signal but make bigrams sparse; drop them from n-grams.
_SKIP = frozenset("the a an its their his her of 's , . on in at to on by for and".split())
_WINDOW = 3
_LEX_REACH = 8  # how far after the source the first lexicon word counts as the likely trigger
# Modality cue classes (stemmed). PLOVER codes intent to cooperate as AGREE, intent to harm as
# THREATEN, demands as REQUEST and refusals as REJECT, so the cue class crossed with the trigger
# word's lexicon type is what separates "will release" (AGREE) from "released" (RETREAT).
CUES: dict[str, str] = {
    **dict.fromkeys("will would shall 'll ready prepar willing plan intend pledg promis offer vow "
                    "decid going expect".split(), "INTENT"),
    **dict.fromkeys("must should demand urg ask press insist call".split(), "OBLIGE"),
    **dict.fromkeys("not n't no never refus declin oppos".split(), "NEG"),
}


# ----------------------------------------------------------------------------- features
def stem(word: str) -> str:
    """A light suffix stripper (no dictionary): 'shelled', 'shelling', 'shells' -> 'shell'.

    Good enough to pool inflections of event verbs and nouns; it need not produce real words,
    only the same key at training and run time ('agreed', 'agrees', 'agree' -> 'agre').
    """
    w = word.lower()
    if len(w) <= 4 or not w.isalpha():
        return w
    if w.endswith(("ies", "ied")):
        return w[:-3] + "y"
    verbal = False
    if w.endswith("ing") and len(w) >= 6:
        w, verbal = w[:-3], True
    elif w.endswith("eed"):
        w = w[:-1]  # "agreed" -> "agree" (then "agre" below, like "agree")
    elif w.endswith("ed") and len(w) >= 5:
        w, verbal = w[:-2], True
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if verbal and len(w) >= 4 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]  # "stopped" -> "stop", but keep "shell", "kill"
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


def _overlaps(a: tuple[int, int], b: Span) -> bool:
    return b is not None and a[0] < b[1] and b[0] < a[1]


def _sequence(text: str, source: Span, target: Span, trigger: Span) -> tuple[list[str], int, int, Optional[str]]:
    """Stemmed tokens with each actor collapsed into one placeholder; positions of the placeholders."""
    seq: list[str] = []
    s_pos = t_pos = -1
    trig: Optional[str] = None
    for m in _TOKEN.finditer(text):
        span = (m.start(), m.end())
        if _overlaps(span, source):
            if s_pos < 0:
                s_pos = len(seq)
                seq.append(SRC)
            continue
        if _overlaps(span, target):
            if t_pos < 0:
                t_pos = len(seq)
                seq.append(TGT)
            continue
        tok = stem(m.group())
        if trigger is not None and _overlaps(span, trigger) and trig is None:
            trig = tok
        seq.append(tok)
    return seq, s_pos, t_pos, trig


def featurize(text: str, source: Span = None, target: Span = None, trigger: Span = None,
              lexicon: Optional[dict[str, tuple[str, ...]]] = None) -> list[str]:
    """Feature names for one (sentence, source, target) item. Training and run time share this."""
    seq, s_pos, t_pos, trig = _sequence(text, source, target, trigger)
    feats: list[str] = []
    content = [t for t in seq if t not in _SKIP]
    feats.extend("w:" + t for t in content if t not in (SRC, TGT))
    feats.extend(f"b:{a}_{b}" for a, b in zip(content, content[1:]))
    feats.append(f"has:{int(s_pos >= 0)}{int(t_pos >= 0)}")
    if s_pos >= 0:
        feats.extend("s+:" + t for t in seq[s_pos + 1: s_pos + 1 + _WINDOW] if t not in _SKIP)
        feats.extend("s-:" + t for t in seq[max(0, s_pos - _WINDOW): s_pos] if t not in _SKIP)
    if t_pos >= 0:
        feats.extend("t-:" + t for t in seq[max(0, t_pos - _WINDOW): t_pos])
    if s_pos >= 0 and t_pos >= 0:
        lo, hi = sorted((s_pos, t_pos))
        feats.append("dir:" + ("st" if s_pos < t_pos else "ts"))
        feats.extend("m:" + t for t in seq[lo + 1: hi] if t not in _SKIP)
    if trig is not None:
        feats.append("tr:" + trig)
    cues = {CUES[t] for t in seq if t in CUES}
    feats.extend("cue:" + c for c in cues)
    if lexicon:
        start = s_pos + 1 if s_pos >= 0 else 0
        for i in range(start, min(len(seq), start + _LEX_REACH)):
            if seq[i] in lexicon:
                near_cues = {CUES[t] for t in seq[start:i] if t in CUES} or {"NONE"}
                for typ in lexicon[seq[i]]:
                    feats.append("lexnext:" + typ)
                    feats.extend(f"cuenext:{c}x{typ}" for c in near_cues)
                break
        # Lexicon cues pool rare trigger words into their CAMEO-derived type, so a verb never seen
        # in training still votes; words between/after the actors count again (likely the trigger).
        near = set(seq[s_pos + 1: s_pos + 1 + _WINDOW]) if s_pos >= 0 else set()
        if s_pos >= 0 and t_pos >= 0:
            near.update(seq[min(s_pos, t_pos) + 1: max(s_pos, t_pos)])
        for i, tok in enumerate(seq):
            types = lexicon.get(tok)
            if not types:
                continue
            for typ in types:
                feats.append("lex:" + typ)
                feats.extend(f"cue:{c}x{typ}" for c in cues)
                if tok in near or tok == trig:
                    feats.append("lexnear:" + typ)
    return feats


# ----------------------------------------------------------------------------- model
@dataclass
class _Weights:
    vocab: dict[str, int]
    coef: np.ndarray          # (n_types, n_features) float32
    intercept: np.ndarray     # (n_types,)
    classes: tuple[str, ...]
    lexicon: dict[str, tuple[str, ...]]


_CACHE: dict[Path, "TypeClassifier"] = {}
_LOCK = threading.Lock()


class TypeClassifier:
    """PLOVER type of the relation between a marked source and target in a sentence."""

    def __init__(self, weights: _Weights, path: Optional[Path] = None):
        self._w = weights
        self.path = path
        # Scores are returned in PLOVER_TYPES order whatever order the artifact stores them in.
        self._order = np.array([weights.classes.index(t) for t in PLOVER_TYPES])

    # -- loading ---------------------------------------------------------------------------
    @classmethod
    def load(cls, path: Optional[str | Path] = None) -> "TypeClassifier":
        """Load the classifier (the shipped default when ``path`` is None); cached per path."""
        p = Path(path) if path is not None else DEFAULT_MODEL
        p = p.resolve()
        with _LOCK:
            if p not in _CACHE:
                _CACHE[p] = cls(_read(p), p)
            return _CACHE[p]

    @classmethod
    def from_arrays(cls, vocab: Sequence[str], coef: np.ndarray, intercept: np.ndarray,
                    classes: Sequence[str], lexicon: Optional[dict[str, Sequence[str]]] = None) -> "TypeClassifier":
        """Build from trained arrays (used by training and cross-validation, no file needed)."""
        missing = set(PLOVER_TYPES) - set(classes)
        if missing:
            raise DataFileError(f"classifier has no weights for {sorted(missing)}; train on all 16 PLOVER types")
        return cls(_Weights({f: i for i, f in enumerate(vocab)}, np.asarray(coef, dtype=np.float32),
                            np.asarray(intercept, dtype=np.float32), tuple(classes),
                            {k: tuple(v) for k, v in (lexicon or {}).items()}))

    @property
    def lexicon(self) -> dict[str, tuple[str, ...]]:
        return self._w.lexicon

    # -- prediction ------------------------------------------------------------------------
    def features(self, text: str, source: Span = None, target: Span = None, trigger: Span = None,
                 doc=None) -> list[str]:
        """Feature names of one item; with ``doc`` (a spaCy parse of ``text``) the parse features too."""
        feats = featurize(text, _span(source), _span(target), _span(trigger), self._w.lexicon)
        if doc is not None:
            from .pair_typer import parse_features

            feats.extend(parse_features(doc, _span(source), _span(target)))
        return feats

    def predict(self, text: str, source: Span = None, target: Span = None,
                trigger: Span = None, doc=None) -> dict[str, float]:
        """Probabilities over the 16 PLOVER types (they sum to 1) for one marked sentence.
        ``doc``, the spaCy parse of ``text``, adds the parse features (better; optional)."""
        return self.predict_many([(text, source, target, trigger, doc)])[0]

    def predict_many(self, items: Iterable[tuple]) -> list[dict[str, float]]:
        """``predict`` for many ``(text, source, target[, trigger[, doc]])`` items at once."""
        probs = self.proba_matrix(items)
        return [dict(zip(PLOVER_TYPES, row.tolist())) for row in probs]

    def proba_matrix(self, items: Iterable[tuple]) -> np.ndarray:
        """(n_items, 16) probabilities, columns in PLOVER_TYPES order."""
        return self.proba_from_features(
            self.features(*(tuple(item) + (None,) * 5)[:5]) for item in items)

    def proba_from_features(self, feature_lists: Iterable[list[str]]) -> np.ndarray:
        """``proba_matrix`` for items already turned into feature names (training/CV reuse them)."""
        rows, cols, vals = [], [], []
        n = 0
        for n, feats in enumerate(feature_lists, start=1):
            idx = _indices(self._w.vocab, feats)
            if idx:
                rows.extend([n - 1] * len(idx))
                cols.extend(idx)
                vals.extend([1.0 / np.sqrt(len(idx))] * len(idx))
        scores = np.tile(self._w.intercept, (n, 1))
        if rows:
            contrib = self._w.coef[:, cols].T * np.asarray(vals, dtype=np.float32)[:, None]
            np.add.at(scores, np.asarray(rows), contrib)
        return _softmax(scores[:, self._order]).astype(np.float64)


def _span(value) -> Span:
    """Accept (start, end), [start, end], {"start", "end"} or None."""
    if value is None:
        return None
    if isinstance(value, dict):
        return int(value["start"]), int(value["end"])
    start, end = value
    return int(start), int(end)


def _indices(vocab: dict[str, int], feats: list[str]) -> list[int]:
    # Binary features: a feature seen twice in a sentence counts once.
    return sorted({vocab[f] for f in feats if f in vocab})


# ----------------------------------------------------------------------------- artifact I/O
def save(clf: TypeClassifier, path: Path, meta: Optional[dict] = None) -> None:
    """Write the compact artifact: float16 weights, vocabulary and lexicon as JSON text."""
    w = clf._w
    vocab = sorted(w.vocab, key=w.vocab.get)
    header = {"feature_version": FEATURE_VERSION, "classes": list(w.classes), **(meta or {})}
    np.savez_compressed(
        path,
        coef=w.coef.astype(np.float16),
        intercept=w.intercept.astype(np.float32),
        vocab=np.frombuffer(json.dumps(vocab).encode("utf-8"), dtype=np.uint8),
        lexicon=np.frombuffer(json.dumps({k: list(v) for k, v in sorted(w.lexicon.items())}).encode("utf-8"),
                              dtype=np.uint8),
        header=np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8),
    )


def _read(path: Path) -> _Weights:
    if not path.exists():
        raise DataFileError(f"no trained type classifier at {path}; run `make train` to build it "
                            "(needs ../shared data and the `train` extra)")
    try:
        with np.load(path, allow_pickle=False) as z:
            header = json.loads(bytes(z["header"]).decode("utf-8"))
            vocab = json.loads(bytes(z["vocab"]).decode("utf-8"))
            lexicon = json.loads(bytes(z["lexicon"]).decode("utf-8"))
            coef = z["coef"].astype(np.float32)
            intercept = z["intercept"].astype(np.float32)
    except (OSError, ValueError, KeyError) as exc:
        raise DataFileError(f"type classifier {path} is unreadable ({exc}); rebuild it with `make train`") from exc
    if header.get("feature_version") != FEATURE_VERSION:
        raise DataFileError(f"type classifier {path} was trained with feature version "
                            f"{header.get('feature_version')}, this code needs {FEATURE_VERSION}; "
                            "rebuild it with `make train`")
    if coef.shape != (len(header["classes"]), len(vocab)):
        raise DataFileError(f"type classifier {path} is inconsistent (weights {coef.shape}, "
                            f"{len(vocab)} features); rebuild it with `make train`")
    clf = TypeClassifier.from_arrays(vocab, coef, intercept, header["classes"], lexicon)
    return clf._w


# ----------------------------------------------------------------------------- encoder head
DEFAULT_ENCODER_HEAD = MODELS_DIR / "plover_type_encoder.npz"
ENCODER_HEAD_VERSION = 1  # bump when encoder.pair_vectors changes; the artifact records its version


class EncoderHead:
    """A multinomial logistic regression over MiniLM pair vectors (``encoder.pair_vectors``):
    standardised features, float16 weights, numpy at run time. ``lr_weight`` is the share of the
    sparse LR in the geometric mix that ``CombinedTypeClassifier`` makes (chosen by CV)."""

    def __init__(self, mean: np.ndarray, scale: np.ndarray, coef: np.ndarray, intercept: np.ndarray,
                 classes: Sequence[str], lr_weight: float = 0.5, path: Optional[Path] = None):
        missing = set(PLOVER_TYPES) - set(classes)
        if missing:
            raise DataFileError(f"encoder head has no weights for {sorted(missing)}; train on all 16 PLOVER types")
        self.mean = np.asarray(mean, dtype=np.float32)
        self.scale = np.asarray(scale, dtype=np.float32)
        self.coef = np.asarray(coef, dtype=np.float32)
        self.intercept = np.asarray(intercept, dtype=np.float32)
        self.classes = tuple(classes)
        self.lr_weight = float(lr_weight)
        self.path = path
        self._order = np.array([self.classes.index(t) for t in PLOVER_TYPES])

    @classmethod
    def load(cls, path: Optional[str | Path] = None) -> "EncoderHead":
        """The head (the shipped one when ``path`` is None), cached per path."""
        p = (Path(path) if path is not None else DEFAULT_ENCODER_HEAD).resolve()
        with _LOCK:
            if p not in _HEADS:
                _HEADS[p] = _read_head(p)
            return _HEADS[p]

    def standardize(self, X: np.ndarray) -> np.ndarray:
        """(X - mean) / scale, with each 384-dim block that is all zeros (an absent actor side)
        set to 0, i.e. to the training mean: "no information", not "no actor"."""
        X = np.asarray(X, dtype=np.float32)
        z = (X - self.mean) / self.scale
        block = 384
        for lo in range(0, X.shape[1], block):
            absent = ~np.any(X[:, lo: lo + block] != 0, axis=1)
            z[absent, lo: lo + block] = 0.0
        return z

    def proba_vectors(self, X: np.ndarray) -> np.ndarray:
        """(n, 16) probabilities in PLOVER_TYPES order for (n, PAIR_DIM) pair vectors."""
        z = self.standardize(X)
        return _softmax((z @ self.coef.T + self.intercept)[:, self._order].astype(np.float64))

    def proba_matrix(self, items: Iterable[Sequence]) -> np.ndarray:
        """(n, 16) probabilities for ``(text, source, target)`` items (runs the encoder)."""
        from .encoder import MiniLMEncoder, pair_vectors

        items = [(tuple(it) + (None, None))[:3] for it in items]
        return self.proba_vectors(pair_vectors(MiniLMEncoder.load(), [(t, _span(s), _span(g)) for t, s, g in items]))

    def save(self, path: Path, meta: Optional[dict] = None) -> None:
        header = {"version": ENCODER_HEAD_VERSION, "classes": list(self.classes), "lr_weight": self.lr_weight,
                  **(meta or {})}
        np.savez_compressed(path, mean=self.mean, scale=self.scale, coef=self.coef.astype(np.float16),
                            intercept=self.intercept,
                            header=np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8))


_HEADS: dict[Path, EncoderHead] = {}


def _read_head(path: Path) -> EncoderHead:
    if not path.exists():
        raise DataFileError(f"no encoder head at {path}; run `make train` to build it")
    try:
        with np.load(path, allow_pickle=False) as z:
            header = json.loads(bytes(z["header"]).decode("utf-8"))
            arrays = {k: z[k].astype(np.float32) for k in ("mean", "scale", "coef", "intercept")}
    except (OSError, ValueError, KeyError) as exc:
        raise DataFileError(f"encoder head {path} is unreadable ({exc}); rebuild it with `make train`") from exc
    if header.get("version") != ENCODER_HEAD_VERSION:
        raise DataFileError(f"encoder head {path} has version {header.get('version')}, this code needs "
                            f"{ENCODER_HEAD_VERSION}; rebuild it with `make train`")
    return EncoderHead(arrays["mean"], arrays["scale"], arrays["coef"], arrays["intercept"], header["classes"],
                       header.get("lr_weight", 0.5), path)


class CombinedTypeClassifier:
    """The sparse LR and the encoder head together: p ∝ p_lr^w · p_enc^(1-w) (a product of
    experts; w = ``head.lr_weight``). Same ``predict`` signature as ``TypeClassifier``, so
    ``HybridPairTyper`` takes either. The LR sees the trigger and parse; the encoder sees the text
    with the actors marked; its vector is cached per (text, source, target) because the hybrid
    asks again with different triggers."""

    def __init__(self, lr: TypeClassifier, head: EncoderHead):
        self.lr = lr
        self.head = head
        self._memo: dict[tuple, np.ndarray] = {}

    @property
    def lexicon(self) -> dict[str, tuple[str, ...]]:
        return self.lr.lexicon

    def predict(self, text: str, source: Span = None, target: Span = None,
                trigger: Span = None, doc=None) -> dict[str, float]:
        p_lr = self.lr.proba_matrix([(text, source, target, trigger, doc)])[0]
        key = (text, _span(source), _span(target))
        if key not in self._memo:
            if len(self._memo) > 256:
                self._memo.clear()
            self._memo[key] = self.head.proba_matrix([key])[0]
        row = mix(p_lr, self._memo[key], self.head.lr_weight)
        return dict(zip(PLOVER_TYPES, row.tolist()))

    def predict_many(self, items: Iterable[tuple]) -> list[dict[str, float]]:
        return [self.predict(*(tuple(it) + (None,) * 5)[:5]) for it in items]


def mix(p_lr: np.ndarray, p_enc: np.ndarray, lr_weight: float) -> np.ndarray:
    """Geometric mixture of two probability rows (or matrices), renormalised."""
    return _softmax(lr_weight * np.log(np.maximum(p_lr, 1e-12)) + (1.0 - lr_weight) * np.log(np.maximum(p_enc, 1e-12)))


def _softmax(scores: np.ndarray) -> np.ndarray:
    """Scores to probabilities along the last axis, in place and in the array's own dtype."""
    scores -= scores.max(axis=-1, keepdims=True)
    np.exp(scores, out=scores)
    scores /= scores.sum(axis=-1, keepdims=True)
    return scores
