"""The trigger lexicon: word -> candidate PLOVER types, modes and contexts (data, not code).

Bundled: ``data/lexicons/triggers.yaml``. Users add their own files of the same shape with
``TriggerLexicon.load(extra=[path])``; their entries are consulted first.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from ..data.loader import load_yaml, read_yaml
from ..errors import DataFileError
from ..model import PLOVER_TYPES


@dataclass(frozen=True)
class TriggerEntry:
    """One lexicon entry: ``words`` is a lemma tuple ("break", "off"); ``pos`` verb or noun."""

    words: tuple[str, ...]
    type: str
    pos: str
    rank: int  # order of the type in the file for this word: lower is the default reading


@dataclass
class TypeInfo:
    target_preps: frozenset[str]
    modes: dict[str, frozenset[str]]
    context: tuple[str, ...]


@dataclass
class TriggerLexicon:
    entries: dict[tuple[str, str], list[TriggerEntry]] = field(default_factory=dict)  # (pos, first word)
    types: dict[str, TypeInfo] = field(default_factory=dict)

    @classmethod
    def load(cls, extra: Iterable[Path] = ()) -> "TriggerLexicon":
        lex = cls()
        for path in extra:
            lex.add(read_yaml(Path(path)), str(path))
        lex.add(load_yaml("lexicons/triggers.yaml"), "triggers.yaml")
        return lex

    def add(self, data: dict, origin: str) -> None:
        _check_strings(data, origin)
        if not isinstance(data, dict):
            raise DataFileError(f"{origin}: expected a mapping of PLOVER types to entries")
        for type_, spec in data.items():
            if type_ not in PLOVER_TYPES:
                raise DataFileError(f"{origin}: {type_!r} is not a PLOVER type (one of {', '.join(PLOVER_TYPES)})")
            spec = spec or {}
            for pos in ("verbs", "nouns"):
                for phrase in spec.get(pos, []) or []:
                    words = tuple(str(phrase).lower().split())
                    key = (pos[:-1], words[0])
                    bucket = self.entries.setdefault(key, [])
                    if any(e.words == words and e.type == type_ for e in bucket):
                        continue
                    bucket.append(TriggerEntry(words, type_, pos[:-1], rank=len([e for e in bucket if e.words == words])))
            if type_ not in self.types:
                modes = {m: frozenset(str(w).lower() for w in (cues or [])) for m, cues in (spec.get("modes") or {}).items()}
                self.types[type_] = TypeInfo(
                    target_preps=frozenset(spec.get("target_preps", []) or []),
                    modes=modes,
                    context=tuple(spec.get("context", []) or []),
                )

    def candidates(self, pos: str, lemmas: list[str], i: int) -> list[TriggerEntry]:
        """Entries whose words match ``lemmas[i:]`` (longest phrase first)."""
        found = []
        for entry in self.entries.get((pos, lemmas[i]), []):
            n = len(entry.words)
            if tuple(lemmas[i:i + n]) == entry.words:
                found.append(entry)
        found.sort(key=lambda e: (-len(e.words), e.rank))
        return found

    def mode_for(self, type_: str, cue_lemmas: set[str]) -> Optional[str]:
        info = self.types.get(type_)
        if info is None:
            return None
        # A phrase cue ("car bomb", all its words among the cues) is more specific than a word
        # ("bomb"), so phrases are tried first, then words, each in the file's mode order.
        for mode, cues in info.modes.items():
            if any(" " in cue and set(cue.split()) <= cue_lemmas for cue in cues):
                return mode
        for mode, cues in info.modes.items():
            if cues & cue_lemmas:
                return mode
        return None


def _check_strings(node, origin: str) -> None:
    """YAML reads bare on/off/yes/no as booleans; a lexicon word must be text."""
    if isinstance(node, bool):
        raise DataFileError(f"{origin}: found {node!r} where a word was expected; quote words such as "
                            f'"on", "off", "no" and "yes" in the YAML file')
    if isinstance(node, dict):
        for v in node.values():
            _check_strings(v, origin)
    elif isinstance(node, list):
        for v in node:
            _check_strings(v, origin)


@functools.lru_cache(maxsize=1)
def default_lexicon() -> TriggerLexicon:
    return TriggerLexicon.load()


@functools.lru_cache(maxsize=1)
def context_cues() -> dict[str, tuple[tuple[str, ...], ...]]:
    """PLOVER context -> cue phrases as lemma tuples (``data/lexicons/contexts.yaml``)."""
    data = load_yaml("lexicons/contexts.yaml")
    _check_strings(data, "contexts.yaml")
    return {ctx: tuple(tuple(str(w).lower().split()) for w in words) for ctx, words in data.items()}


def contexts_for(lemmas: list[str], defaults: tuple[str, ...] = ()) -> list[str]:
    """The type's default contexts, then every context whose cue occurs in ``lemmas``."""
    found = list(defaults)
    joined = set(lemmas)
    for ctx, cues in context_cues().items():
        if ctx in found:
            continue
        for cue in cues:
            if (len(cue) == 1 and cue[0] in joined) or (len(cue) > 1 and _contains(lemmas, cue)):
                found.append(ctx)
                break
    return found


def _contains(seq: list[str], part: tuple[str, ...]) -> bool:
    n = len(part)
    return any(tuple(seq[i:i + n]) == part for i in range(len(seq) - n + 1))


@functools.lru_cache(maxsize=1)
def status_cues() -> dict:
    return load_yaml("lexicons/status_cues.yaml")
