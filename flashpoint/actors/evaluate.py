"""Actor accuracy on PLOVER-GSR records: does the mention covering each gold source/target
span resolve to the gold code (exact) and to its country?"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Optional

from ..nlp import load_nlp
from .coref import resolve_coreference
from .loader import load_kb
from .phrase import resolve_phrase
from .resolver import find_mentions

GSR_DATE = dt.date(2000, 1, 1)  # the GSR's placeholder date


def _covering(mentions, start: int, end: int):
    best, best_key = None, None
    for m in mentions:
        a = m.actor
        overlap = min(end, a.end) - max(start, a.start)
        if overlap <= 0:
            continue
        key = (overlap, m.resolved, -(abs(a.start - start) + abs(a.end - end)))
        if best_key is None or key > best_key:
            best, best_key = m, key
    return best


def actor_accuracy_gsr(path: str | Path, on: dt.date = GSR_DATE, limit: Optional[int] = None) -> dict:
    """Per gold (text, code) pair: exact-code and country-only accuracy; unresolved rate."""
    nlp, kb = load_nlp(), load_kb()
    records = [json.loads(l) for l in Path(path).read_text(encoding="utf-8").splitlines() if l.strip()]
    if limit:
        records = records[:limit]
    total = exact = country = unresolved = 0
    misses: list[tuple[str, str, Optional[str]]] = []
    for rec in records:
        text = rec["text"]
        doc = nlp(text)
        mentions = resolve_coreference(doc, kb, find_mentions(doc, kb, on))
        seen = set()
        for ev, spans in zip(rec["expected"], (rec.get("meta") or {}).get("spans") or [{}] * len(rec["expected"])):
            for side in ("source", "target"):
                gold, phrase = ev.get(f"{side}_code"), ev.get(f"{side}_text")
                if not gold or not phrase:
                    continue
                span = spans.get(side) if isinstance(spans, dict) else None
                start, end = span if span else (text.find(phrase), text.find(phrase) + len(phrase))
                if (start, end, gold) in seen:
                    continue
                seen.add((start, end, gold))
                m = _covering(mentions, start, end)
                actor = m.actor if m is not None and m.resolved else resolve_phrase(kb, phrase, on)
                code = actor.code if actor else None
                total += 1
                unresolved += code is None
                exact += code == gold
                country += bool(code) and code[:3] == gold[:3]
                if code != gold:
                    misses.append((phrase, gold, code))
    return {"records": len(records), "actors": total,
            "exact": round(exact / total, 3) if total else 0.0,
            "country": round(country / total, 3) if total else 0.0,
            "unresolved": round(unresolved / total, 3) if total else 0.0,
            "misses": misses}
