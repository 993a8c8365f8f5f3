"""Count unresolved actor mentions across texts, so users see what to add next."""
from __future__ import annotations

import collections
from typing import Iterable, Optional

from ..analysis_state import Analysis
from ..model import Document
from ..nlp import load_nlp


def count_unknown(texts: Iterable[str], published: Optional[str] = None,
                  actor_files: tuple[str, ...] = ()) -> collections.Counter:
    """Counter of (mention text, kind) for mentions the KB left without a code."""
    from ..pipeline import CodeOptions, parse_date
    from .stage import make_actors_stage

    stage = make_actors_stage(CodeOptions(actor_files=tuple(actor_files)))
    nlp = load_nlp()
    counts: collections.Counter = collections.Counter()
    for n, text in enumerate(texts):
        doc = Document(id=f"u{n}", text=text, published=published)
        analysis = stage(Analysis(document=doc, doc=nlp(text), published=parse_date(published)))
        for m in analysis.mentions:
            if not m.resolved:
                counts[(m.actor.text, m.kind)] += 1
    return counts
