"""Benchmark: code N articles and compare with spaCy parsing alone on the same texts.

    make bench                       # 1,000 NGEC synthetic stories from ../shared
    python benchmarks/bench.py --limit 200 --batch-size 32 --json

Prints articles/s, words/s, peak RSS, total coding time, the time spaCy takes to parse the same
texts alone (same batch size, same process) and the ratio total/parse, and the time spent in each
coder stage. Fairness: a short warm-up runs both paths first (not timed), then the parse-alone
pass and the full coding pass run once each over the same texts.
The corpus is read in place from ../shared and never copied. Without it the benchmark says
"skipped" and exits 0, or exits 1 under CI=true.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Optional, Sequence

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FLASHPOINT_SHARED", REPO.parent / "shared"))
DEFAULT_CORPUS = SHARED / "data" / "ngec-synthetic" / "gpt_synthetic_events_2023-10-19_19.csv"
WARMUP_TEXTS = 8


@dataclass
class BenchResult:
    articles: int
    words: int
    batch_size: int
    parse_s: float
    total_s: float
    stages_s: dict[str, float] = field(default_factory=dict)
    events: int = 0
    errors: int = 0
    peak_rss_mb: float = 0.0
    model: str = ""

    @property
    def ratio(self) -> float:
        return self.total_s / self.parse_s if self.parse_s else float("inf")

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.total_s if self.total_s else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.total_s if self.total_s else 0.0

    def to_dict(self) -> dict:
        out = asdict(self)
        out.update(ratio=round(self.ratio, 3), articles_per_s=round(self.articles_per_s, 2),
                   words_per_s=round(self.words_per_s, 1))
        return out


def read_texts(path: Path, limit: int, column: str = "text") -> list[str]:
    """The first ``limit`` non-empty values of ``column`` in a CSV file."""
    csv.field_size_limit(sys.maxsize)
    texts = []
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        if column not in (reader.fieldnames or []):
            raise SystemExit(f"bench: {path} has no {column!r} column (columns: {reader.fieldnames})")
        for row in reader:
            text = (row.get(column) or "").strip()
            if text:
                texts.append(text)
                if len(texts) >= limit:
                    break
    return texts


def peak_rss_mb() -> float:
    """Peak resident set size of this process (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def timed_stages(coder, clock: dict[str, float]) -> None:
    """Wrap each stage's ``run`` of this Coder so that its time adds up in ``clock``."""
    for stage in coder.stages:
        clock.setdefault(stage.name, 0.0)

        def wrapped(analysis, _run=stage.run, _name=stage.name):
            t0 = time.perf_counter()
            try:
                return _run(analysis)
            finally:
                clock[_name] += time.perf_counter() - t0

        stage.run = wrapped


def run_bench(texts: Sequence[str], batch_size: int = 64) -> BenchResult:
    from flashpoint.model import Document
    from flashpoint.nlp import load_nlp, model_name
    from flashpoint.pipeline import Coder

    nlp = load_nlp()
    coder = Coder()  # a private Coder: its stages are wrapped with timers below
    clock: dict[str, float] = {}
    docs = [Document(id=f"bench-{i}", text=t) for i, t in enumerate(texts)]

    # Warm-up (untimed): first calls build caches and lazy tables in spaCy and in the stages.
    warm = docs[:WARMUP_TEXTS]
    for _ in nlp.pipe([d.text for d in warm], batch_size=batch_size):
        pass
    for _ in coder.pipe(warm, on_error="record", batch_size=batch_size):
        pass

    t0 = time.perf_counter()
    for _ in nlp.pipe(list(texts), batch_size=batch_size):
        pass
    parse_s = time.perf_counter() - t0

    timed_stages(coder, clock)
    events = errors = 0
    t0 = time.perf_counter()
    for item in coder.pipe(docs, on_error="record", batch_size=batch_size):
        if isinstance(item, tuple):
            errors += 1
        else:
            events += len(item.events)
    total_s = time.perf_counter() - t0

    return BenchResult(articles=len(texts), words=sum(len(t.split()) for t in texts),
                       batch_size=batch_size, parse_s=parse_s, total_s=total_s,
                       stages_s={k: round(v, 4) for k, v in clock.items()}, events=events,
                       errors=errors, peak_rss_mb=round(peak_rss_mb(), 1), model=model_name())


def format_result(r: BenchResult, corpus: Path) -> str:
    stage_total = sum(r.stages_s.values())
    lines = [
        f"corpus: {corpus} ({r.articles} articles, {r.words} words, batch size {r.batch_size}, model {r.model})",
        f"articles/s:       {r.articles_per_s:.2f}",
        f"words/s:          {r.words_per_s:.0f}",
        f"peak RSS:         {r.peak_rss_mb:.0f} MB",
        f"total coding:     {r.total_s:.2f} s  ({r.events} events, {r.errors} errors)",
        f"spaCy parse only: {r.parse_s:.2f} s",
        f"ratio total/parse: {r.ratio:.2f}",
        "stages (time inside each stage; the rest of the total is parsing and bookkeeping):",
    ]
    for name, secs in r.stages_s.items():
        share = 100 * secs / r.total_s if r.total_s else 0.0
        lines.append(f"  {name:<12} {secs:8.2f} s  {share:5.1f}%")
    lines.append(f"  {'(parse+rest)':<12} {r.total_s - stage_total:8.2f} s")
    return "\n".join(lines)


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=1000, help="articles to code (default 1000)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help="CSV with a 'text' column (default: the NGEC synthetic stories in ../shared)")
    parser.add_argument("--batch-size", type=int, default=64, help="spaCy batch size for both passes")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    args = parser.parse_args(argv)

    if not args.corpus.is_file():
        msg = f"bench: corpus {args.corpus} is absent (it lives in the read-only ../shared data)"
        if os.environ.get("CI", "").lower() == "true":
            print(msg + "; CI=true, so this is a failure", file=sys.stderr)
            return 1
        print(msg + "; skipped")
        return 0
    texts = read_texts(args.corpus, args.limit)
    if not texts:
        print(f"bench: {args.corpus} has no texts", file=sys.stderr)
        return 1
    result = run_bench(texts, batch_size=args.batch_size)
    if args.json:
        out = result.to_dict()
        out["corpus"] = str(args.corpus)
        print(json.dumps(out, indent=2))
    else:
        print(format_result(result, args.corpus))
    return 0


if __name__ == "__main__":
    sys.exit(main())
