"""Evaluate a gold file: code its texts (or read predictions) and score them."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence, Union

from ..model import Attribution, Document, Event
from .gold import SEED, Gold, load_gold
from .predictions import group_by_doc, read_attributions, read_events
from .seed import SeedGold, SeedScores, score_seed
from .sentence_set import GoldSentence, SentenceSetScores, score_sentence_set

Result = Union[SeedScores, SentenceSetScores]


@dataclass
class Predictions:
    events: list[Event]
    attributions: Optional[list[Attribution]] = None


def code_seed(gold: SeedGold, coder=None) -> Predictions:
    """Code the seed document with the process-wide coder (publication date from the gold)."""
    coder = coder or _default_coder()
    coded = coder(Document(id=gold.doc_id, text=gold.text, published=gold.published))
    return Predictions(events=list(coded.events), attributions=list(coded.attributions))


def code_sentences(sentences: Sequence[GoldSentence], coder=None) -> Predictions:
    """Code every gold sentence. A sentence the coder fails on scores as no events (its gold
    events become misses) and is reported on stderr, so one bug does not hide all figures."""
    coder = coder or _default_coder()
    docs = [Document(id=s.id, text=s.text, published=s.date) for s in sentences]
    events: list[Event] = []
    failures: list[str] = []
    for item in coder.pipe(docs, on_error="record"):
        if isinstance(item, tuple):
            document, exc = item
            failures.append(f"{document.id}: {type(exc).__name__}: {exc}")
        else:
            events.extend(item.events)
    if failures:
        print(f"warning: the coder failed on {len(failures)} of {len(docs)} sentences "
              f"(scored as no events); first: {failures[0]}", file=sys.stderr)
    return Predictions(events=events)


def seed_events(events: list[Event], gold: SeedGold) -> list[Event]:
    """The predictions for the seed document: those whose doc_id is the document's stem when
    any are, else all of them (a file coded from stdin or under another id)."""
    own = [e for e in events if e.doc_id == gold.doc_id]
    return own if own else events


def evaluate(gold: Union[str, Path, Gold], pred_path: Optional[str | Path] = None,
             attributions_path: Optional[str | Path] = None, coder=None) -> Result:
    """Score a gold file. Without ``pred_path`` the gold texts are coded here."""
    gold = gold if isinstance(gold, Gold) else load_gold(gold)
    if gold.format == SEED:
        seed = gold.seed
        if pred_path is None:
            preds = code_seed(seed, coder)
        else:
            attrs = None
            if attributions_path is not None:
                attrs = [a for a in read_attributions(attributions_path)]
                own = [a for a in attrs if a.doc_id == seed.doc_id]
                attrs = own if own else attrs
            preds = Predictions(events=seed_events(read_events(pred_path), seed), attributions=attrs)
        return score_seed(preds.events, seed, preds.attributions)
    sentences = gold.sentences
    events = read_events(pred_path) if pred_path is not None else code_sentences(sentences, coder).events
    return score_sentence_set(group_by_doc(events), sentences)


def _default_coder():
    import flashpoint

    return flashpoint.get_coder()
