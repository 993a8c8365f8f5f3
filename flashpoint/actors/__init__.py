"""Actors: the time-aware knowledge base, mention finding, coreference, Phoenix import.

Public functions:
    resolve_text(text, on=None) -> Actor | None   KB lookup of a phrase, by date
    country_of(text) -> str | None                ISO3 of a country name, demonym or capital
    load_kb(actor_files=()) -> ActorKB            the knowledge base (cached)
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from ..model import Actor
from .kb import PSEUDO_COUNTRIES
from .loader import load_kb

__all__ = ["resolve_text", "country_of", "load_kb"]


def _date(on) -> Optional[dt.date]:
    if on is None or isinstance(on, dt.date):
        return on
    return dt.date.fromisoformat(str(on)[:10])


def resolve_text(text: str, on: Optional[dt.date] = None, actor_files: tuple[str, ...] = ()) -> Optional[Actor]:
    """The actor a phrase names on date ``on`` ("Biden" -> USAGOV in 2024, USAELI in 2026)."""
    from .phrase import resolve_phrase

    return resolve_phrase(load_kb(tuple(actor_files)), text, _date(on))


def country_of(text: str) -> Optional[str]:
    """ISO3 country of a country name, short/historic name, demonym or capital; else None."""
    kb = load_kb()
    entry = kb.lookup(text)
    if entry is None or entry.kind not in ("country", "demonym", "capital"):
        actor = resolve_text(text)
        country = actor.country if actor else None
    else:
        country = (entry.role_on(None) or entry.roles[0]).code[:3]  # dated names: the current sense
    return country if country and country not in PSEUDO_COUNTRIES else None
