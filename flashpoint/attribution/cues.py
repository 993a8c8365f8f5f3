"""The attribution lexicon (reporting verbs, non-answer phrases, source nouns), read from YAML.

The bundled file is ``data/lexicons/attribution_cues.yaml``; users extend it by passing their own
file with the same keys to :func:`load_cues` (its entries are added to the bundled ones).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import yaml

from ..errors import DataFileError

BUNDLED = "attribution_cues.yaml"
# Package data lives beside the code (setuptools package-data), so a path is enough.
LEXICONS = Path(__file__).resolve().parents[1] / "data" / "lexicons"


@dataclass(frozen=True)
class Cues:
    reporting_verbs: dict[str, str]
    status_cues: dict[str, str]
    phrasal: tuple[tuple[str, str, str], ...]
    according_to: tuple[str, ...]
    non_answers: tuple[tuple[str, re.Pattern], ...]
    anonymous_nouns: frozenset[str]
    ordinals: dict[str, int]
    groups: frozenset[str]
    number_words: dict[str, Optional[int]]
    demonyms: dict[str, Optional[str]] = field(default_factory=dict)
    titles: frozenset[str] = frozenset()


def _read(path_or_text) -> dict:
    try:
        data = yaml.safe_load(path_or_text)
    except yaml.YAMLError as exc:
        raise DataFileError(f"attribution lexicon is not valid YAML ({exc}); fix the file's syntax") from exc
    if not isinstance(data, dict):
        raise DataFileError("attribution lexicon must be a YAML mapping with keys such as reporting_verbs, non_answers")
    return data


def _merge(base: dict, extra: dict) -> dict:
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            merged = dict(out[key])
            for k, v in value.items():
                if isinstance(v, list) and isinstance(merged.get(k), list):
                    merged[k] = merged[k] + v
                else:
                    merged[k] = v
            out[key] = merged
        elif isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = out[key] + value
        else:
            out[key] = value
    return out


def _build(data: dict, origin: str) -> Cues:
    try:
        non_answers = []
        for cue, patterns in (data.get("non_answers") or {}).items():
            for pattern in patterns:
                non_answers.append((cue, re.compile(pattern, re.IGNORECASE)))
        back = data.get("back_references") or {}
        return Cues(
            reporting_verbs={str(k).lower(): str(v) for k, v in (data.get("reporting_verbs") or {}).items()},
            status_cues={str(k): str(v) for k, v in (data.get("status_cues") or {}).items()},
            phrasal=tuple((p["head"], p["child"], p["cue"]) for p in data.get("phrasal_reporting") or ()),
            according_to=tuple(str(p).lower() for p in data.get("according_to") or ()),
            non_answers=tuple(non_answers),
            anonymous_nouns=frozenset(str(n).lower() for n in data.get("anonymous_nouns") or ()),
            ordinals={str(k).lower(): int(v) for k, v in (back.get("ordinals") or {}).items()},
            groups=frozenset(str(g).lower() for g in back.get("groups") or ()),
            number_words={str(k).lower(): v for k, v in (data.get("number_words") or {}).items()},
            demonyms={str(k).lower(): v for k, v in (data.get("demonyms") or {}).items()},
            titles=frozenset(str(t).lower().rstrip(".") for t in data.get("titles") or ()),
        )
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise DataFileError(f"attribution lexicon {origin}: {exc!r}; compare with the bundled {BUNDLED}") from exc


@functools.lru_cache(maxsize=8)
def load_cues(extra_path: Optional[str] = None) -> Cues:
    """The bundled lexicon, plus the entries of ``extra_path`` (a YAML file with the same keys)."""
    data = _read((LEXICONS / BUNDLED).read_text(encoding="utf-8"))
    if extra_path:
        path = Path(extra_path)
        if not path.exists():
            raise DataFileError(f"attribution lexicon {extra_path} does not exist; give the path of a YAML file")
        data = _merge(data, _read(path.read_text(encoding="utf-8")))
    return _build(data, extra_path or BUNDLED)

