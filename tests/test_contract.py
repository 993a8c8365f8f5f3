"""The JSON output contract: offsets, round-trips, stable ids, valid PLOVER values.

Runs the real coder over the bundled examples and some sentences of our own, and checks every
record it emits, whatever the coder's current quality.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

import pytest

from flashpoint.model import (ATTRIBUTION_KINDS, PLOVER_TYPES, STATUSES, Actor, Attribution,
                              CodedDocument, Document, Event)
from flashpoint.pipeline import Coder

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles.jsonl"
SENTENCES = [
    "Iran attacked Israel on Monday, two anonymous U.S. officials said.",
    "Russia is expected to launch new strikes on Ukraine's power grid, according to Kyiv.",
    "North Korea threatened to respond to the loudspeaker broadcasts, state media reported.",
    "The Pentagon declined to comment. Hamas did not respond to a request for comment.",
    "\u201cWe will not withdraw,\u201d a spokesman for the rebels said on Tuesday.",
    "China urged the Philippines to pull back its ships, and Manila rejected the demand.",
    "Sudan's army denied shelling the camp, saying the RSF had fired first.",
    "Turkey and Egypt agreed to restore full diplomatic ties, the foreign ministries said.",
    "India could retaliate against Pakistan if the attacks continue, analysts said.",
    "Caf\u00e9 owners in Caracas said police raided their shops \u2014 an \u00e9l\u00e8ve was hurt.",
]


def _documents() -> list[Document]:
    docs = [Document(**{k: r.get(k) for k in ("id", "text", "published", "title", "outlet")})
            for r in map(json.loads, EXAMPLES.read_text(encoding="utf-8").splitlines())]
    docs += [Document(id=f"s{i}", text=t, published="2024-04-11") for i, t in enumerate(SENTENCES)]
    return docs


@pytest.fixture(scope="module")
def coded(coder) -> list[CodedDocument]:
    return list(coder.pipe(_documents()))


def spans(value: Any, path: str = "") -> Iterator[tuple[str, dict]]:
    """Every dict in a record that carries text + start + end (a span of the document)."""
    if isinstance(value, dict):
        if {"text", "start", "end"} <= set(value) and value["start"] is not None:
            yield path, value
        for k, v in value.items():
            yield from spans(v, f"{path}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from spans(v, f"{path}[{i}]")


def offset_problems(text: str, record: dict) -> list[str]:
    problems = [f"{p}: text[{d['start']}:{d['end']}]={text[d['start']:d['end']]!r} != {d['text']!r}"
                for p, d in spans(record) if text[d["start"]:d["end"]] != d["text"]]
    for key in ("start", "end"):
        if isinstance(record.get(key), int) and not 0 <= record[key] <= len(text):
            problems.append(f"{key}={record[key]} outside the text")
    content = record.get("content")
    if isinstance(content, dict) and not 0 <= content["start"] <= content["end"] <= len(text):
        problems.append(f"content {content} outside the text")
    sentence, trigger = record.get("sentence"), record.get("trigger")
    if sentence and trigger and not (
            0 <= sentence["start"] <= trigger["start"] <= trigger["end"] <= sentence["end"] <= len(text)):
        problems.append(f"trigger {trigger} not inside sentence {sentence}")
    return problems


def test_offset_checker_catches_bad_offsets():
    text = "Iran attacked Israel."
    good = {"trigger": {"text": "attacked", "start": 5, "end": 13}, "sentence": {"index": 0, "start": 0, "end": 21}}
    assert offset_problems(text, good) == []
    assert offset_problems(text, {**good, "trigger": {"text": "attacked", "start": 4, "end": 12}})
    assert offset_problems(text, {**good, "sentence": {"index": 0, "start": 6, "end": 21}})


def test_every_offset_matches_the_text(coded):
    problems = []
    for c in coded:
        text = c.document.text
        records = [e.to_dict() for e in c.events] + [a.to_dict() for a in c.attributions] \
            + [a.to_dict() for a in c.actors]
        for r in records:
            problems += [f"{c.document.id}: {p}" for p in offset_problems(text, r)]
    assert problems == []


def test_records_round_trip_through_json(coded):
    for c in coded:
        for cls, items in ((Event, c.events), (Attribution, c.attributions), (Actor, c.actors)):
            for item in items:
                assert cls.from_dict(json.loads(json.dumps(item.to_dict()))) == item
        assert CodedDocument.from_dict(json.loads(json.dumps(c.to_dict()))) == c


def test_event_ids_are_stable_across_runs(coded):
    again = list(Coder().pipe(_documents()))
    assert [[e.to_dict() for e in c.events] for c in again] == [[e.to_dict() for e in c.events] for c in coded]
    assert [[a.id for a in c.attributions] for c in again] == [[a.id for a in c.attributions] for c in coded]


def test_event_values_are_valid(coded):
    for c in coded:
        ids = [e.id for e in c.events]
        assert len(ids) == len(set(ids)), f"{c.document.id}: repeated event ids"
        for e in c.events:
            assert e.doc_id == c.document.id
            assert e.type in PLOVER_TYPES, e.type
            assert e.status in STATUSES, e.status
            assert e.attribution is None or e.attribution.kind in ATTRIBUTION_KINDS
            assert e.quad is None or e.quad in (1, 2, 3, 4)
            assert e.intensity is None or -10 <= e.intensity <= 10
            assert e.confidence is None or 0 <= e.confidence <= 1
        for a in c.attributions:
            assert a.kind in ATTRIBUTION_KINDS and a.doc_id == c.document.id


def test_the_coder_emits_events_to_check(coded):
    n = sum(len(c.events) for c in coded)
    if n == 0:
        pytest.skip("the coder emits no events yet, so the event checks above ran on nothing")
    assert n >= len(coded) // 2
