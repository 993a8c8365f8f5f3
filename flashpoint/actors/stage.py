"""Actors stage: find actor mentions, resolve them against the KB by the article's date, and
link pronouns and role phrases to their antecedents. Fills ``analysis.mentions``."""
from __future__ import annotations

from ..analysis_state import Analysis
from .coref import resolve_coreference
from .loader import load_kb
from .resolver import find_mentions


def make_actors_stage(options):
    """Return the actors stage configured by ``options`` (a pipeline.CodeOptions): users'
    ``actor_files`` are loaded in front of the bundled knowledge base."""
    files = tuple(str(f) for f in getattr(options, "actor_files", ()) or ())
    kb = load_kb(files)

    def actors_stage(analysis: Analysis) -> Analysis:
        mentions = find_mentions(analysis.doc, kb, analysis.published)
        analysis.mentions = resolve_coreference(analysis.doc, kb, mentions)
        return analysis

    return actors_stage
