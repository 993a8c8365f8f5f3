"""Scoring rules of `flashpoint eval`, on hand-built events and gold (plus a smoke run on ../shared)."""
from __future__ import annotations

import json
import sys
import types

import pytest
from typer.testing import CliRunner

from conftest import shared_path
from flashpoint.cli import app
from flashpoint.evaluation import (SEED, SENTENCE_SET, ExpectedEvent, GoldEvent, GoldSentence,
                                   SeedGold, detect_format, evaluate, match_pairs, score_seed,
                                   score_sentence_set)
from flashpoint.model import Actor, Attribution, Event, SentenceRef, Span


def ev(type_, src, tgt, status="occurred", doc_id="doc", src_span=None, tgt_span=None,
       src_code=None, tgt_code=None, n=[0]) -> Event:
    """A predicted event built by hand; ``src``/``tgt`` are country codes (None: no actor)."""
    n[0] += 1

    def actor(country, span, code):
        if country is None and span is None:
            return None
        start, end = span or (0, 1)
        return Actor(text="x", start=start, end=end, code=code or country, country=country)

    return Event(id=f"{doc_id}:{n[0]}", doc_id=doc_id, mention_id=f"{doc_id}:{n[0]}",
                 coder="test", type=type_, status=status, trigger=Span("t", 0, 1),
                 sentence=SentenceRef(0, 0, 1), source=actor(src, src_span, src_code),
                 target=actor(tgt, tgt_span, tgt_code))


def seed(*events: GoldEvent) -> SeedGold:
    return SeedGold(document="a.txt", text="text", published="2024-04-11", events=list(events))


def g(src, type_, tgt, status="occurred", required=True) -> GoldEvent:
    return GoldEvent(source=src, type=type_, target=tgt, status=status, required=required)


# ---- seed format -------------------------------------------------------------------------

def test_consult_is_undirected_but_other_types_are_not():
    gold = seed(g("USA", "CONSULT", "TUR"), g("ISR", "ASSAULT", "IRN"))
    s = score_seed([ev("CONSULT", "TUR", "USA"), ev("ASSAULT", "IRN", "ISR")], gold)
    assert s.with_status.per_type["CONSULT"].tp == 1
    assert s.with_status.per_type["ASSAULT"].tp == 0
    assert (s.with_status.per_type["ASSAULT"].fp, s.with_status.per_type["ASSAULT"].fn) == (1, 1)


def test_optional_gold_is_neither_missed_nor_false_when_found():
    gold = seed(g("USA", "SUPPORT", "ISR"), g("USA", "REQUEST", "TUR", required=False),
                g("USA", "REQUEST", "CHN", required=False))
    s = score_seed([ev("SUPPORT", "USA", "ISR"), ev("REQUEST", "USA", "TUR")], gold)
    o = s.with_status.overall
    assert (o.tp, o.fp, o.fn) == (1, 0, 0)
    assert s.neutral == 1
    assert o.f1 == 1.0


def test_required_gold_is_matched_before_an_identical_optional_one():
    gold = seed(g("IRN", "ASSAULT", "ISR", "anticipated", required=False),
                g("IRN", "ASSAULT", "ISR", "anticipated", required=True))
    s = score_seed([ev("ASSAULT", "IRN", "ISR", "anticipated")], gold)
    assert (s.with_status.overall.tp, s.with_status.overall.fn) == (1, 0)


def test_status_aware_and_without_status_differ():
    gold = seed(g("IRN", "ASSAULT", "ISR", "anticipated"))
    s = score_seed([ev("ASSAULT", "IRN", "ISR", "occurred")], gold)
    assert (s.with_status.overall.tp, s.with_status.overall.fp, s.with_status.overall.fn) == (0, 1, 1)
    assert (s.without_status.overall.tp, s.without_status.overall.fp) == (1, 0)


def test_each_gold_event_is_matched_once_and_each_prediction_once():
    gold = seed(g("IRN", "THREATEN", "ISR"), g("IRN", "THREATEN", "ISR"), g("IRN", "THREATEN", "ISR"))
    two = score_seed([ev("THREATEN", "IRN", "ISR")] * 2, gold).with_status.overall
    assert (two.tp, two.fp, two.fn) == (2, 0, 1)
    one_gold = seed(g("IRN", "THREATEN", "ISR"))
    four = score_seed([ev("THREATEN", "IRN", "ISR")] * 4, one_gold).with_status.overall
    assert (four.tp, four.fp, four.fn) == (1, 3, 0)


def test_unique_tuples_credit_a_coder_that_merges_mentions():
    gold = seed(g("IRN", "ASSAULT", "ISR", "anticipated"), g("IRN", "ASSAULT", "ISR", "anticipated"),
                g("USA", "CONSULT", "SAU"))
    s = score_seed([ev("ASSAULT", "IRN", "ISR", "anticipated"), ev("CONSULT", "SAU", "USA")], gold)
    assert s.with_status.overall.fn == 1
    assert s.unique_with_status.overall.f1 == 1.0


def test_prediction_without_a_country_is_a_false_positive():
    gold = seed(g("IRN", "ASSAULT", "ISR"))
    s = score_seed([ev("ASSAULT", None, "ISR"), ev("ASSAULT", "IRN", None)], gold)
    o = s.with_status.overall
    assert (o.tp, o.fp, o.fn) == (0, 2, 1)
    assert o.precision == 0.0 and o.recall == 0.0


def test_attribution_scorer_is_called_when_present_and_reported_absent_otherwise(monkeypatch):
    gold = seed(g("IRN", "ASSAULT", "ISR"))
    attr = Attribution(id="a1", doc_id="a", kind="named", cue="said", start=0, end=4)
    monkeypatch.setitem(sys.modules, "flashpoint.attribution.evaluate", None)  # import fails
    assert score_seed([], gold, [attr]).attribution_note == "attribution scoring unavailable"

    calls = []

    def fake(pred, gold_list, text):
        calls.append((len(pred), text))
        return {"precision": 1.0, "recall": 0.5, "f1": 0.667, "tp": 1, "fp": 0, "fn": 1}

    module = types.ModuleType("flashpoint.attribution.evaluate")
    module.score_attributions = fake
    monkeypatch.setitem(sys.modules, "flashpoint.attribution.evaluate", module)
    s = score_seed([], gold, [attr])
    assert calls == [(1, "text")]
    assert s.attribution["recall"] == 0.5


def test_match_pairs_finds_a_maximum_matching_where_greedy_would_not():
    # pred 0 fits gold 0 and 1; pred 1 fits gold 0 only: greedy pred 0 -> gold 0 loses a pair.
    fits = {(0, 0), (0, 1), (1, 0)}
    m = match_pairs([0, 1], [0, 1], lambda p, gi: (p, gi) in fits)
    assert m == {0: 1, 1: 0}


# ---- sentence-set format -----------------------------------------------------------------

def sentence(*expected: ExpectedEvent, id_="s1") -> GoldSentence:
    return GoldSentence(id=id_, text="Iran attacked Israel and Syria.", date=None, expected=list(expected))


def x(type_, src, tgt, src_code=None, tgt_code=None) -> ExpectedEvent:
    return ExpectedEvent(type=type_, source_span=src, target_span=tgt,
                         source_code=src_code, target_code=tgt_code)


def test_span_overlap_rule_and_type_equality():
    gold = [sentence(x("ASSAULT", (0, 4), (14, 20)))]
    hit = ev("ASSAULT", "IRN", "ISR", doc_id="s1", src_span=(0, 4), tgt_span=(16, 25))  # partial overlap
    wrong_type = ev("COERCE", "IRN", "ISR", doc_id="s1", src_span=(0, 4), tgt_span=(14, 20))
    touching = ev("ASSAULT", "IRN", "SYR", doc_id="s1", src_span=(0, 4), tgt_span=(20, 24))  # ends meet: no overlap
    s = score_sentence_set({"s1": [touching, wrong_type, hit]}, gold)
    assert (s.events.overall.tp, s.events.overall.fp, s.events.overall.fn) == (1, 2, 0)


def test_null_expected_side_matches_anything_but_null_prediction_needs_null_gold():
    gold = [sentence(x("PROTEST", (0, 4), None), x("ASSAULT", (0, 4), (14, 20)))]
    preds = [ev("PROTEST", "IRN", "ISR", doc_id="s1", src_span=(0, 4), tgt_span=(14, 20)),
             ev("ASSAULT", "IRN", None, doc_id="s1", src_span=(0, 4))]
    s = score_sentence_set({"s1": preds}, gold)
    assert s.events.per_type["PROTEST"].tp == 1
    assert (s.events.per_type["ASSAULT"].fp, s.events.per_type["ASSAULT"].fn) == (1, 1)
    bare = score_sentence_set({"s1": [ev("PROTEST", "IRN", None, doc_id="s1", src_span=(1, 3))]},
                              [sentence(x("PROTEST", (0, 4), None))])
    assert bare.events.overall.tp == 1


def test_sentence_set_matches_each_expected_event_once():
    gold = [sentence(x("ASSAULT", (0, 4), (14, 20)))]
    same = ev("ASSAULT", "IRN", "ISR", doc_id="s1", src_span=(0, 4), tgt_span=(14, 20))
    s = score_sentence_set({"s1": [same, same]}, gold)
    assert (s.events.overall.tp, s.events.overall.fp) == (1, 1)


def test_type_only_is_per_sentence_sets_and_other_docs_are_ignored():
    gold = [sentence(x("ASSAULT", (0, 4), (14, 20)), x("ASSAULT", (0, 4), (25, 30))),
            sentence(x("AGREE", (0, 4), (14, 20)), id_="s2")]
    preds = {"s1": [ev("ASSAULT", "IRN", None, doc_id="s1")],  # wrong spans, right type
             "s2": [ev("REJECT", "IRN", "ISR", doc_id="s2")],
             "other": [ev("AID", "USA", "ISR", doc_id="other")]}
    s = score_sentence_set(preds, gold)
    t = s.type_only.overall
    assert (t.tp, t.fp, t.fn) == (1, 1, 1)
    assert s.events.overall.tp == 0 and s.predicted == 2


def test_actor_code_accuracy_exact_and_country_prefix():
    gold = [sentence(x("ASSAULT", (0, 4), (14, 20), "IRNMIL", "ISR"))]
    pred = ev("ASSAULT", "IRN", "ISR", doc_id="s1", src_span=(0, 4), tgt_span=(14, 20),
              src_code="IRNGOV", tgt_code="ISR")
    c = score_sentence_set({"s1": [pred]}, gold).codes
    assert c.compared == 2
    assert (c.exact_rate, c.country_rate) == (0.5, 1.0)


# ---- files and CLI -----------------------------------------------------------------------

def _write_seed(tmp_path):
    (tmp_path / "story.txt").write_text("Turkey hosted talks with the United States.", encoding="utf-8")
    gold = {"document": "story.txt", "assumed_publication_date": "2024-04-11", "scoring": "tuples",
            "events": [{"source": {"country": "USA"}, "type": "CONSULT", "target": {"country": "TUR"},
                        "status": "occurred", "required": True}],
            "attributions": []}
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    return path


def test_formats_are_detected_from_content(tmp_path):
    seed_path = _write_seed(tmp_path)
    gsr = tmp_path / "set.jsonl"
    gsr.write_text(json.dumps({"id": "a", "text": "Iran attacked Israel.", "expected": [],
                               "meta": {"spans": []}}) + "\n", encoding="utf-8")
    assert detect_format(seed_path) == SEED
    assert detect_format(gsr) == SENTENCE_SET
    other = tmp_path / "other.json"
    other.write_text('{"foo": 1}', encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(other)])
    assert result.exit_code == 1 and "not a gold file" in result.output


def test_cli_scores_predictions_file_for_seed_gold(tmp_path):
    gold = _write_seed(tmp_path)
    pred = tmp_path / "pred.jsonl"
    lines = [ev("CONSULT", "TUR", "USA", doc_id="story"), ev("ASSAULT", "TUR", "USA", doc_id="story"),
             ev("ASSAULT", "TUR", "USA", doc_id="another-doc")]  # other doc: not counted
    pred.write_text("".join(json.dumps(e.to_dict()) + "\n" for e in lines), encoding="utf-8")
    assert evaluate(gold, pred_path=pred).with_status.overall.fp == 1
    result = CliRunner().invoke(app, ["eval", str(gold), "--pred", str(pred), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["format"] == "seed"
    assert data["with_status"]["overall"]["tp"] == 1
    assert data["with_status"]["overall"]["precision"] == 0.5


def test_cli_reports_a_malformed_prediction_line(tmp_path):
    gold = _write_seed(tmp_path)
    pred = tmp_path / "pred.jsonl"
    pred.write_text('{"type": "CONSULT"}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(gold), "--pred", str(pred)])
    assert result.exit_code == 1
    assert "pred.jsonl:1" in result.output


@pytest.mark.shared
def test_cli_runs_on_both_shared_gold_files():
    runner = CliRunner()
    for parts, marker in ((("data", "seed", "gold.json"), "status-aware F1"),
                          (("data", "plover-gsr", "dev.jsonl"), "type only")):
        result = runner.invoke(app, ["eval", str(shared_path(*parts))])
        assert result.exit_code == 0, result.output
        assert marker in result.output
        assert "F1=" in result.output
    seed_json = json.loads(runner.invoke(app, ["eval", str(shared_path("data", "seed", "gold.json")),
                                               "--json"]).output)
    assert seed_json["gold_required"] == 18
    assert seed_json["unique_with_status"]["overall"]["tp"] + \
        seed_json["unique_with_status"]["overall"]["fn"] == 14


def test_alternative_type_of_a_gold_record_is_accepted_and_counted_under_the_gold_type():
    from flashpoint.evaluation.sentence_set import gold_sentence_from_dict

    record = {"id": "s1", "text": "Iran closed its borders to Iraq.", "expected": [
        {"type": "COERCE", "source_text": "Iran", "target_text": "Iraq"}],
        "meta": {"spans": [{"source": [0, 4], "target": [27, 31]}],
                 "original": [{"alt_types": ["SANCTION"]}]}}
    gold = [gold_sentence_from_dict(record)]
    pred = ev("SANCTION", "IRN", "IRQ", doc_id="s1", src_span=(0, 4), tgt_span=(27, 31))
    s = score_sentence_set({"s1": [pred]}, gold)
    assert s.events.per_type["COERCE"].tp == 1 and "SANCTION" not in s.events.per_type
    wrong = ev("AID", "IRN", "IRQ", doc_id="s1", src_span=(0, 4), tgt_span=(27, 31))
    assert score_sentence_set({"s1": [wrong]}, gold).events.overall.tp == 0


def test_coding_failures_on_some_sentences_score_as_misses(capsys):
    from flashpoint.evaluation.runner import code_sentences
    from flashpoint.model import CodedDocument

    class FlakyCoder:
        def pipe(self, docs, on_error="raise"):
            for d in docs:
                if d.id == "bad":
                    yield (d, ValueError("boom"))
                else:
                    yield CodedDocument(document=d, events=[ev("AGREE", "USA", "CHN", doc_id=d.id)])

    sents = [sentence(x("AGREE", None, None), id_="good"), sentence(x("AGREE", None, None), id_="bad")]
    preds = code_sentences(sents, coder=FlakyCoder())
    assert [e.doc_id for e in preds.events] == ["good"]
    assert "failed on 1 of 2" in capsys.readouterr().err
    s = score_sentence_set({"good": preds.events}, sents)
    assert (s.events.overall.tp, s.events.overall.fn) == (1, 1)
