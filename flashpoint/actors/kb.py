"""The actor knowledge base: entries with dated roles, indexed for longest-match lookup.

Phrases are compared as tuples of lowercase ASCII word pieces (``normalize``), so "U.S.",
"Türkiye" and "al-Shabaab" match whatever way the tokenizer splits them. Short all-capital
aliases ("US", "UN", "IS") only match text written in capitals, so the pronoun "us" is not the
United States.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, Optional

# CAMEO sector codes we keep when splitting a code into country + sector. Longer codes such as
# Phoenix's "IGOUNOIAE" or "AFGGOVCOP" are cut to country + first known sector.
SECTORS: frozenset[str] = frozenset({
    "GOV", "MIL", "COP", "REB", "OPP", "PTY", "CVL", "MED", "BUS", "JUD", "LEG", "ELI", "REF",
    "LAB", "EDU", "HLT", "SPY", "NGO", "IGO", "REL", "AGR", "CRM", "ENV", "HRI", "UAF", "IMG",
    "INS", "SEP", "MOD", "RAD", "DEV", "SOC", "PRO",
})
# Pseudo-countries in the country slot of CAMEO codes (not ISO 3166).
PSEUDO_COUNTRIES: frozenset[str] = frozenset({"IGO", "NGO", "IMG", "MNC", "UIS", "INT"})

_WORD = re.compile(r"[^\W_]+", re.UNICODE)

TIERS = {"user": 0, "curated": 1, "phoenix": 2}


def fold(text: str) -> str:
    """Lowercase ASCII form (diacritics dropped): 'Türkiye' -> 'turkiye'."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def pieces(text: str) -> list[str]:
    """Word pieces with original case (diacritics dropped)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _WORD.findall(text)


def normalize(text: str) -> tuple[str, ...]:
    return tuple(p.lower() for p in pieces(text))


def _is_caps_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return 0 < len(letters) <= 4 and all(c.isupper() for c in letters) and "." not in alias


def split_code(code: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """'IRNGOV' -> ('IRN', 'GOV'); 'IRN' -> ('IRN', None); 'IGOUNO' -> ('IGO', None)."""
    if not code:
        return None, None
    country = code[:3]
    rest = code[3:]
    for i in range(0, len(rest) - 2, 3):
        if rest[i:i + 3] in SECTORS:
            return country, rest[i:i + 3]
    return country, None


def canonical_code(code: Optional[str]) -> Optional[str]:
    """Country + first known sector, the form flashpoint emits ('AFGGOVCOP' -> 'AFGGOV')."""
    country, sector = split_code(code)
    if country is None:
        return None
    return country + (sector or "")


@dataclass(frozen=True)
class Role:
    """One code an entry carries, optionally limited to [start, end] (inclusive dates)."""

    code: str
    start: Optional[dt.date] = None
    end: Optional[dt.date] = None
    title: Optional[str] = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, on: dt.date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(frozen=True)
class KBEntry:
    """An actor: a country, seat of power, organisation, group or person."""

    id: str
    name: str
    kind: str
    roles: tuple[Role, ...]
    aliases: tuple[str, ...] = ()
    source: str = ""
    tier: int = 1

    def role_on(self, on: Optional[dt.date]) -> Optional[Role]:
        """The role valid on ``on``: a dated role covering it (latest start wins), else the
        undated role; with no date, the most recent dated role (current office)."""
        dated = [r for r in self.roles if r.dated]
        undated = [r for r in self.roles if not r.dated]
        if on is not None:
            hits = [r for r in dated if r.covers(on)]
            if hits:
                return max(hits, key=lambda r: r.start or dt.date.min)
            if undated:
                return undated[0]
            return None
        if dated:
            return max(dated, key=lambda r: (r.end is None, r.start or dt.date.min))
        return undated[0] if undated else None


@dataclass
class _Hit:
    entry: KBEntry
    case_sensitive: bool
    surface: tuple[str, ...]


@dataclass
class ActorKB:
    """Index of entries by normalised phrase. Earlier tiers (user < curated < phoenix) shadow
    later ones for the same phrase; within a tier the first file added wins."""

    index: dict[tuple[str, ...], list[_Hit]] = field(default_factory=dict)
    lengths: dict[str, set[int]] = field(default_factory=dict)
    entries: dict[str, KBEntry] = field(default_factory=dict)
    role_words: dict[str, "RoleWord"] = field(default_factory=dict)

    def add_entries(self, entries: Iterable[KBEntry]) -> int:
        n = 0
        for entry in entries:
            self.entries.setdefault(entry.id, entry)
            for alias in (entry.name, *entry.aliases):
                key = normalize(alias)
                if len(key) > 1 and key[0] == "the":
                    key = key[1:]  # "the United States": the article stays outside the match
                    alias = alias.split(None, 1)[1] if " " in alias else alias
                if not key:
                    continue
                hits = self.index.setdefault(key, [])
                cs = _is_caps_acronym(alias)
                if any(h.entry.id == entry.id and h.case_sensitive == cs for h in hits):
                    continue
                hits.append(_Hit(entry, cs, tuple(pieces(alias))))
                hits.sort(key=lambda h: h.entry.tier)
                self.lengths.setdefault(key[0], set()).add(len(key))
            n += 1
        return n

    def candidates(self, key: tuple[str, ...], surface: Optional[tuple[str, ...]] = None) -> list[KBEntry]:
        """Entries for an exact normalised phrase, best tier first (case rule applied)."""
        out = []
        for hit in self.index.get(key, ()):
            if hit.case_sensitive and surface is not None and tuple(surface) != hit.surface:
                continue
            out.append(hit.entry)
        if not out:
            return out
        best = out[0].tier
        return [e for e in out if e.tier == best]

    def longest_at(self, words: list[str], surface: list[str], i: int,
                   ends: Optional[set[int]] = None) -> tuple[int, Optional[KBEntry]]:
        """Longest phrase starting at piece ``i``; ``ends`` limits where a match may stop
        (piece offsets that end a token). Returns (length in pieces, entry)."""
        lens = self.lengths.get(words[i])
        if not lens:
            return 0, None
        for n in sorted(lens, reverse=True):
            if i + n > len(words) or (ends is not None and i + n not in ends):
                continue
            found = self.candidates(tuple(words[i:i + n]), tuple(surface[i:i + n]))
            if found:
                return n, found[0]
        return 0, None

    def lookup(self, text: str) -> Optional[KBEntry]:
        cands = self.candidates(normalize(text), tuple(pieces(text)))
        return cands[0] if cands else None

    def size_by_kind(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for e in self.entries.values():
            key = e.kind if e.tier != TIERS["phoenix"] else f"phoenix:{e.kind}"
            out[key] = out.get(key, 0) + 1
        return dict(sorted(out.items()))


@dataclass(frozen=True)
class RoleWord:
    """A noun that names an actor by its role ("officials", "army"), with the sector it gives."""

    lemma: str
    sector: Optional[str]
    anonymous: bool = False  # unnamed "official(s)", "source(s)" are anonymous sources
    abroad: bool = False     # "diplomats in Nairobi" are usually foreign: a place does not give the country
    collective: bool = False  # an institution ("ministry", "army"): "it"/"its" may point back to it
