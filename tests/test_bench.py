"""`make bench` harness: a tiny smoke run (no timing asserts) and the skip rule without ../shared."""
from __future__ import annotations

import importlib.util
import json
import sys

import pytest

from conftest import REPO, shared_path


def load_bench():
    spec = importlib.util.spec_from_file_location("flashpoint_bench", REPO / "benchmarks" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_missing_corpus_skips_or_fails_under_ci(tmp_path, monkeypatch, capsys):
    bench = load_bench()
    missing = str(tmp_path / "absent.csv")
    monkeypatch.delenv("CI", raising=False)
    assert bench.main(["--corpus", missing]) == 0
    assert "skipped" in capsys.readouterr().out
    monkeypatch.setenv("CI", "true")
    assert bench.main(["--corpus", missing]) == 1


def test_read_texts_takes_the_text_column_up_to_the_limit(tmp_path):
    bench = load_bench()
    corpus = tmp_path / "c.csv"
    corpus.write_text('id,text\n1,"One, two."\n2,\n3,"Three\nlines"\n4,Four\n', encoding="utf-8")
    assert bench.read_texts(corpus, 2) == ["One, two.", "Three\nlines"]
    with pytest.raises(SystemExit):
        bench.read_texts(corpus, 2, column="body")


@pytest.mark.shared
def test_bench_smoke_run_on_five_shared_texts(capsys, coder):
    corpus = shared_path("data", "ngec-synthetic", "gpt_synthetic_events_2023-10-19_19.csv")
    bench = load_bench()
    assert bench.main(["--corpus", str(corpus), "--limit", "5", "--batch-size", "4", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["articles"] == 5 and data["words"] > 0 and data["errors"] == 0
    assert set(data["stages_s"]) >= {"actors", "attribution", "events", "when_where"}
    assert data["parse_s"] > 0 and data["total_s"] > 0 and data["peak_rss_mb"] > 0
    assert sum(data["stages_s"].values()) <= data["total_s"]
