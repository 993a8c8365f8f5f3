"""The seed gold format: one document, tuple-level events, attributions.

File shape (``../shared/data/seed/gold.json``): ``document`` (text file, relative to the gold file),
``assumed_publication_date``, ``scoring`` (the rule in words), ``events`` (each with
``source.country``, ``type``, ``target.country``, ``status``, ``required``) and ``attributions``.

Rules (from the file's ``scoring`` field):
- an event matches on (source.country, type, target.country, status); ``without_status`` drops
  the status from the key;
- for CONSULT the direction is not scored (the two countries form an unordered pair);
- gold events with ``required: false`` are neither misses when absent nor false positives when
  found: a prediction that matches one is neutral;
- each predicted event matches at most one gold event and vice versa (multiset matching), so
  three identical gold tuples need three predictions;
- a prediction without a source or target country cannot match and counts as a false positive.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Sequence

from ..errors import InputError
from ..model import Attribution, Event
from .matching import match_pairs
from .scores import Scores

UNDIRECTED_TYPES = frozenset({"CONSULT"})


@dataclass(frozen=True)
class GoldEvent:
    source: Optional[str]
    type: str
    target: Optional[str]
    status: Optional[str]
    required: bool = True
    evidence: Optional[str] = None


@dataclass
class SeedGold:
    document: str
    text: str
    published: Optional[str]
    events: list[GoldEvent]
    attributions: list[dict[str, Any]] = field(default_factory=list)
    scoring: Optional[str] = None

    @property
    def doc_id(self) -> str:
        return Path(self.document).stem


@dataclass
class SeedScores:
    with_status: Scores
    without_status: Scores
    unique_with_status: Scores
    unique_without_status: Scores
    neutral: int  # predictions that matched a required=false gold event (status-aware)
    gold_required: int
    gold_optional: int
    predicted: int
    attribution: Optional[dict[str, Any]] = None
    attribution_note: Optional[str] = None
    scoring_rule: Optional[str] = None  # the gold file's own words on how to score it

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": "seed",
            "with_status": self.with_status.to_dict(),
            "without_status": self.without_status.to_dict(),
            "unique_with_status": self.unique_with_status.to_dict(),
            "unique_without_status": self.unique_without_status.to_dict(),
            "neutral": self.neutral, "gold_required": self.gold_required,
            "gold_optional": self.gold_optional, "predicted": self.predicted,
            "attribution": self.attribution, "attribution_note": self.attribution_note,
            "scoring_rule": self.scoring_rule,
        }


def is_seed_gold(data: Any) -> bool:
    return isinstance(data, dict) and "events" in data and "document" in data


def read_seed_gold(path: str | Path) -> SeedGold:
    """Read a seed-format gold file and the document it names (relative to the gold file)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: cannot read seed gold ({exc}); it must be one JSON object") from exc
    return seed_gold_from_dict(data, base=path.parent, name=str(path))


def seed_gold_from_dict(data: dict[str, Any], base: Path, name: str = "gold") -> SeedGold:
    if not is_seed_gold(data):
        raise InputError(f"{name}: a seed gold file needs 'document' and 'events' fields")
    doc_path = base / data["document"]
    try:
        text = doc_path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{name}: its document {doc_path} cannot be read ({exc}); "
                         "'document' is a path relative to the gold file") from exc
    events = []
    for i, e in enumerate(data["events"]):
        try:
            events.append(GoldEvent(
                source=(e.get("source") or {}).get("country"), type=e["type"],
                target=(e.get("target") or {}).get("country"), status=e.get("status"),
                required=bool(e.get("required", True)), evidence=e.get("evidence")))
        except (KeyError, AttributeError, TypeError) as exc:
            raise InputError(f"{name}: events[{i}] is malformed ({exc!r}); each needs a 'type'") from exc
    return SeedGold(document=data["document"], text=text,
                    published=data.get("assumed_publication_date") or data.get("published"),
                    events=events, attributions=list(data.get("attributions") or []),
                    scoring=data.get("scoring"))


def tuple_key(source: Optional[str], type_: str, target: Optional[str],
              status: Optional[str], with_status: bool) -> Optional[tuple]:
    """The comparison key; None when a side is missing (such a prediction cannot match)."""
    if not source or not target:
        return None
    pair: tuple = tuple(sorted((source, target))) if type_ in UNDIRECTED_TYPES else (source, target)
    return (type_, pair, status) if with_status else (type_, pair)


def _pred_key(event: Event, with_status: bool) -> Optional[tuple]:
    src = event.source.country if event.source else None
    tgt = event.target.country if event.target else None
    return tuple_key(src, event.type, tgt, event.status, with_status)


def _gold_key(g: GoldEvent, with_status: bool) -> Optional[tuple]:
    return tuple_key(g.source, g.type, g.target, g.status, with_status)


def score_tuples(pred_keys: Sequence[tuple[str, Optional[tuple]]],
                 gold: Sequence[tuple[str, Optional[tuple], bool]]) -> tuple[Scores, int]:
    """Score ``(type, key)`` predictions against ``(type, key, required)`` gold.

    Required gold is matched first (a prediction that could fill a required event does so);
    leftover predictions may then match optional gold and become neutral. Returns the scores and
    the number of neutral predictions.
    """
    def fits(p, g):
        return p[1] is not None and p[1] == g[1]

    required = [i for i, g in enumerate(gold) if g[2]]
    matching = match_pairs(pred_keys, gold, fits, gold_order=required)
    matching = match_pairs(pred_keys, gold, fits, taken=matching)
    scores = Scores()
    neutral = 0
    for pi, (ptype, _) in enumerate(pred_keys):
        gi = matching.get(pi)
        if gi is None:
            scores.count(ptype, fp=1)
        elif gold[gi][2]:
            scores.count(gold[gi][0], tp=1)
        else:
            neutral += 1
    matched_gold = set(matching.values())
    for gi, (gtype, _, req) in enumerate(gold):
        if req and gi not in matched_gold:
            scores.count(gtype, fn=1)
    return scores, neutral


def _unique(pred_keys, gold):
    """Collapse identical tuples on both sides: credits a coder that merges repeated mentions of
    one real-world event (the seed file says such a merge is right). A unique gold tuple is
    required when any of its copies is. On the seed article the 18 required events are 14
    unique required tuples: the count the issues' targets name."""
    preds = list(dict.fromkeys(pred_keys))
    req: dict = {}
    for t, k, r in gold:
        req[(t, k)] = req.get((t, k), False) or r
    return preds, [(t, k, r) for (t, k), r in req.items()]


def score_seed(pred_events: Sequence[Event], gold: SeedGold,
               pred_attributions: Optional[Sequence[Attribution]] = None) -> SeedScores:
    """Score predicted events (and, when given, attributions) against one seed gold document."""
    scores, unique, neutral = {}, {}, {}
    for with_status in (True, False):
        pk = [(e.type, _pred_key(e, with_status)) for e in pred_events]
        gk = [(g.type, _gold_key(g, with_status), g.required) for g in gold.events]
        scores[with_status], neutral[with_status] = score_tuples(pk, gk)
        unique[with_status], _ = score_tuples(*_unique(pk, gk))
    attribution, note = (None, None)
    if pred_attributions is not None:
        attribution, note = score_attributions_if_available(list(pred_attributions), gold)
    return SeedScores(
        with_status=scores[True], without_status=scores[False],
        unique_with_status=unique[True], unique_without_status=unique[False],
        neutral=neutral[True], gold_required=sum(g.required for g in gold.events),
        gold_optional=sum(not g.required for g in gold.events), predicted=len(pred_events),
        attribution=attribution, attribution_note=note, scoring_rule=gold.scoring)


def score_attributions_if_available(pred: list[Attribution], gold: SeedGold
                                    ) -> tuple[Optional[dict[str, Any]], Optional[str]]:
    """Call the attribution engineer's scorer when it exists (it is written separately)."""
    try:
        from ..attribution.evaluate import score_attributions  # lazy: optional module
    except (ImportError, AttributeError):
        return None, "attribution scoring unavailable"
    result = score_attributions(pred, gold.attributions, gold.text)
    return dict(result), None
