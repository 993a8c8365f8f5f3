"""Resolve a short phrase ("State Department spokesperson Matthew Miller", "Iran's supreme
leader", "Tehran") to an Actor without parsing: KB matches over its words, the named actor
(person, organisation, seat) first, then a country with the sector of a role word."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from ..model import Actor
from .kb import ActorKB, pieces
from .resolver import TERRITORY_NOUNS, actor_from_entry

NAMED_FIRST = ("person", "seat", "igo", "org", "group", "phoenix", "capital", "country", "demonym", "place")


def _role_sector(kb: ActorKB, words: list[str], skip: frozenset[str] | set[str] = frozenset()) -> Optional[str]:
    sector = None
    for w in words:
        if w in skip:
            continue
        for form in (w, w[:-1] if w.endswith("s") else w, w[:-2] if w.endswith("es") else w):
            rw = kb.role_words.get(form)
            if rw is not None and rw.sector:
                sector = rw.sector  # the last role word is usually the head noun
                break
    return sector


def resolve_phrase(kb: ActorKB, text: str, on: Optional[dt.date] = None) -> Optional[Actor]:
    surface = pieces(text)
    words = [p.lower() for p in surface]
    found = []
    i = 0
    while i < len(words):
        n, entry = kb.longest_at(words, surface, i)
        if entry is not None and any(c[:1].isupper() for c in surface[i:i + n]):
            found.append(entry)
            i += n
        else:
            i += 1
    if not found:
        return None
    entry = min(found, key=lambda e: (NAMED_FIRST.index(e.kind) if e.kind in NAMED_FIRST else 99, -found.index(e)))
    actor = actor_from_entry(entry, text, 0, len(text), on)
    former = any(w in ("former", "ex", "ousted", "late", "deposed", "retired") for w in words)
    if entry.kind == "person" and actor.sector in (None, "ELI") and actor.country and not former:
        sector = _role_sector(kb, words)
        if sector:
            actor.sector, actor.code, actor.via = sector, actor.country + sector, "title"
    if actor.country and actor.sector is None and entry.kind in ("country", "demonym", "place"):
        # a region's own division noun is no role: "West Darfur State" is the place
        sector = _role_sector(kb, words, TERRITORY_NOUNS if entry.kind == "place" else frozenset())
        if sector:
            actor.sector, actor.code, actor.via = sector, actor.country + sector, "role"
    return actor
