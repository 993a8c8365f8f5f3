"""The sentence-set gold format (``../shared/data/plover-gsr/dev.jsonl``).

One JSON object a line: ``{id, text, date, expected: [{type, source_text, target_text,
source_code, target_code}], meta: {spans: [{source: [s, e], target: [s, e]}]}}``;
``meta.spans[i]`` holds the character offsets of ``expected[i]``'s actors.

Rules:
- a predicted event matches an expected one when the types are equal (or the prediction has one
  of the record's acceptable ``alt_types``; it then counts under the gold type), the predicted source span
  overlaps the expected source span and the predicted target span overlaps the expected target
  span (overlap: they share at least one character);
- a null expected side (the GSR gives no such actor) matches any predicted side, null or not:
  the gold says nothing about it, so neither choice of the coder is wrong;
- a null predicted side never matches a non-null expected side;
- each prediction matches at most one expected event and vice versa (maximum matching).
Also reported: type-only figures (per sentence, the set of predicted types against the set of
expected types) and actor-code accuracy over matched events: ``exact`` compares the whole code
(``IRNGOV``), ``country`` its first three letters. GSR codes keep old CAMEO spellings (``JAP``,
``IGO``, ``***`` suffixes); they are compared as written, which understates accuracy slightly.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Sequence

from ..errors import InputError
from ..model import Actor, Event
from .matching import match_pairs
from .scores import PRF, Scores

SpanT = Optional[tuple[int, int]]


@dataclass(frozen=True)
class ExpectedEvent:
    type: str
    source_span: SpanT
    target_span: SpanT
    source_text: Optional[str] = None
    target_text: Optional[str] = None
    source_code: Optional[str] = None
    target_code: Optional[str] = None
    alt_types: tuple[str, ...] = ()  # other types the gold accepts (meta.original[].alt_types)


@dataclass
class GoldSentence:
    id: str
    text: str
    date: Optional[str]
    expected: list[ExpectedEvent] = field(default_factory=list)


@dataclass
class CodeAccuracy:
    """Actor-code agreement over matched events (sides where gold and prediction both have one)."""

    compared: int = 0
    exact: int = 0
    country: int = 0

    @property
    def exact_rate(self) -> float:
        return self.exact / self.compared if self.compared else 0.0

    @property
    def country_rate(self) -> float:
        return self.country / self.compared if self.compared else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"compared": self.compared, "exact": round(self.exact_rate, 4),
                "country": round(self.country_rate, 4)}


@dataclass
class SentenceSetScores:
    events: Scores
    type_only: Scores
    codes: CodeAccuracy
    sentences: int
    gold_events: int
    predicted: int

    def to_dict(self) -> dict[str, Any]:
        return {"format": "sentence-set", "events": self.events.to_dict(),
                "type_only": self.type_only.to_dict(), "codes": self.codes.to_dict(),
                "sentences": self.sentences, "gold_events": self.gold_events,
                "predicted": self.predicted}


def _span(value: Any) -> SpanT:
    if value is None:
        return None
    start, end = value
    return (int(start), int(end))


def gold_sentence_from_dict(data: Mapping[str, Any], where: str = "") -> GoldSentence:
    try:
        expected_raw = data.get("expected") or []
        spans = (data.get("meta") or {}).get("spans") or [{}] * len(expected_raw)
        if len(spans) != len(expected_raw):
            raise ValueError(f"{len(expected_raw)} expected events but {len(spans)} meta.spans")
        originals = (data.get("meta") or {}).get("original") or []
        # alt_types sit on the original GSR record; they apply only where one record made the line
        alt = tuple(originals[0].get("alt_types") or ()) if len(originals) == 1 else ()
        expected = [
            ExpectedEvent(type=x["type"], source_span=_span(s.get("source")),
                          target_span=_span(s.get("target")), source_text=x.get("source_text"),
                          target_text=x.get("target_text"), source_code=x.get("source_code"),
                          target_code=x.get("target_code"), alt_types=alt)
            for x, s in zip(expected_raw, spans)]
        return GoldSentence(id=str(data["id"]), text=data["text"], date=data.get("date"),
                            expected=expected)
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"{where}: malformed sentence-set record ({exc!r}); it needs id, text, "
                         "expected[{type}] and meta.spans") from exc


def is_sentence_set_record(data: Any) -> bool:
    return isinstance(data, dict) and "expected" in data and "text" in data


def read_sentence_set(path: str | Path) -> list[GoldSentence]:
    path = Path(path)
    out = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({exc})") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{n}: not JSON ({exc.msg}); fix or remove the line") from exc
        out.append(gold_sentence_from_dict(data, where=f"{path}:{n}"))
    return out


def _overlaps(actor: Optional[Actor], span: SpanT) -> bool:
    if span is None:
        return True  # the gold names no actor on this side: anything goes
    if actor is None:
        return False
    return actor.start < span[1] and span[0] < actor.end


def event_fits(pred: Event, gold: ExpectedEvent) -> bool:
    return ((pred.type == gold.type or pred.type in gold.alt_types) and _overlaps(pred.source, gold.source_span)
            and _overlaps(pred.target, gold.target_span))


def _compare_code(acc: CodeAccuracy, actor: Optional[Actor], code: Optional[str]) -> None:
    if actor is None or not code or not actor.code:
        if code and actor is not None:
            acc.compared += 1  # the coder found the actor but could not code it: wrong
        return
    acc.compared += 1
    acc.exact += actor.code.upper() == code.upper()
    acc.country += actor.code[:3].upper() == code[:3].upper()


def score_sentence(preds: Sequence[Event], gold: GoldSentence, scores: Scores,
                   type_only: Scores, codes: CodeAccuracy) -> None:
    """Add one sentence's counts to the running totals."""
    matching = match_pairs(preds, gold.expected, event_fits)
    for pi, p in enumerate(preds):
        gi = matching.get(pi)
        if gi is None:
            scores.count(p.type, fp=1)
            continue
        g = gold.expected[gi]
        scores.count(g.type, tp=1)
        _compare_code(codes, p.source, g.source_code)
        _compare_code(codes, p.target, g.target_code)
    matched = set(matching.values())
    for gi, g in enumerate(gold.expected):
        if gi not in matched:
            scores.count(g.type, fn=1)
    pred_types = {p.type for p in preds}
    gold_types = {g.type for g in gold.expected}
    for t in pred_types | gold_types:
        type_only.count(t, tp=int(t in pred_types and t in gold_types),
                        fp=int(t in pred_types and t not in gold_types),
                        fn=int(t in gold_types and t not in pred_types))


def score_sentence_set(pred_by_id: Mapping[str, Sequence[Event]],
                       gold: Iterable[GoldSentence]) -> SentenceSetScores:
    """Score predictions (grouped by ``doc_id``) against every gold sentence.

    Predictions whose ``doc_id`` is no gold id are ignored: they belong to some other corpus.
    """
    scores, type_only, codes = Scores(), Scores(), CodeAccuracy()
    n_sent = n_gold = n_pred = 0
    for sentence in gold:
        preds = list(pred_by_id.get(sentence.id, ()))
        score_sentence(preds, sentence, scores, type_only, codes)
        n_sent += 1
        n_gold += len(sentence.expected)
        n_pred += len(preds)
    return SentenceSetScores(events=scores, type_only=type_only, codes=codes,
                             sentences=n_sent, gold_events=n_gold, predicted=n_pred)


__all__ = ["ExpectedEvent", "GoldSentence", "CodeAccuracy", "SentenceSetScores", "PRF",
           "read_sentence_set", "score_sentence_set", "event_fits"]
