"""Actors stage: find actor mentions and resolve them (placeholder until the KB lands)."""
from __future__ import annotations

from ..analysis_state import ActorMention, Analysis
from ..model import Actor


def make_actors_stage(options):
    """Return the actors stage configured by ``options`` (a pipeline.CodeOptions)."""
    return actors_stage


def actors_stage(analysis: Analysis) -> Analysis:
    for ent in analysis.doc.ents:
        if ent.label_ in ("GPE", "NORP", "ORG", "PERSON"):
            actor = Actor(text=ent.text, start=ent.start_char, end=ent.end_char)
            analysis.mentions.append(ActorMention(actor, ent.start, ent.end, kind="unknown"))
    return analysis
