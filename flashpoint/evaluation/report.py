"""Readable text reports of evaluation results (the CLI prints these; --json prints to_dict())."""
from __future__ import annotations

from typing import Union

from .scores import PRF, Scores
from .seed import SeedScores
from .sentence_set import SentenceSetScores


def _line(label: str, prf: PRF, width: int = 12) -> str:
    return (f"{label:<{width}} P={prf.precision:.3f} R={prf.recall:.3f} F1={prf.f1:.3f}"
            f"  (tp={prf.tp} fp={prf.fp} fn={prf.fn})")


def _table(title: str, scores: Scores) -> list[str]:
    lines = [f"{title}:", "  " + _line("overall", scores.overall)]
    for t, prf in sorted(scores.per_type.items()):
        lines.append("    " + _line(t, prf, width=10))
    return lines


def format_seed(s: SeedScores) -> str:
    lines = [f"seed gold: {s.gold_required} required + {s.gold_optional} optional events, "
             f"{s.predicted} predicted, {s.neutral} matched optional (neutral)"]
    lines += _table("events, status-aware F1", s.with_status)
    lines += _table("events, without status F1", s.without_status)
    lines.append("unique tuples (identical tuples merged on both sides):")
    lines.append("  " + _line("status-aware", s.unique_with_status.overall, width=15))
    lines.append("  " + _line("without status", s.unique_without_status.overall, width=15))
    if s.attribution is not None:
        a = s.attribution
        lines.append(f"attributions: P={a.get('precision', 0):.3f} R={a.get('recall', 0):.3f} "
                     f"F1={a.get('f1', 0):.3f}  (tp={a.get('tp')} fp={a.get('fp')} fn={a.get('fn')})")
    else:
        lines.append(f"attributions: {s.attribution_note or 'not scored (no predicted attributions)'}")
    return "\n".join(lines)


def format_sentence_set(s: SentenceSetScores) -> str:
    lines = [f"sentence set: {s.sentences} sentences, {s.gold_events} expected events, "
             f"{s.predicted} predicted"]
    lines += _table("events (type + source span + target span) F1", s.events)
    lines += _table("type only (per sentence) F1", s.type_only)
    c = s.codes
    lines.append(f"actor codes over matched events: {c.compared} compared, exact {c.exact_rate:.3f}, "
                 f"country prefix {c.country_rate:.3f}")
    return "\n".join(lines)


def format_result(result: Union[SeedScores, SentenceSetScores]) -> str:
    if isinstance(result, SeedScores):
        return format_seed(result)
    return format_sentence_set(result)
