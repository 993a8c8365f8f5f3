"""Training data for the PLOVER type classifier, read in place (never copied into the repo).

- PLOVER-GSR dev (``../shared/data/plover-gsr/dev.jsonl``, CC BY-SA 4.0): one item per expected
  (source, target) pair, with the spans of ``meta.spans``; ``group`` is the sentence id so
  cross-validation never splits one (possibly merged) sentence across folds.
- NGEC synthetic stories (``../shared/data/ngec-synthetic/...csv``, MIT): document-level
  pseudo-labels; we use the filled headline and the story's first sentence, without actors.
- Our own examples (``training/own_examples.jsonl``): short sentences we wrote, actors marked.
- The CAMEO verb dictionary (``../shared/data/petrarch2-dictionaries/CAMEO.2.0.txt``, MIT) with
  ``../shared/data/cameo_to_plover.csv`` gives a stemmed verb -> PLOVER type lexicon.
"""
from __future__ import annotations

import csv
import json
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from flashpoint.events.classifier import stem
from flashpoint.model import PLOVER_TYPES

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FLASHPOINT_SHARED", REPO.parent / "shared"))
GSR = SHARED / "data" / "plover-gsr" / "dev.jsonl"
NGEC = SHARED / "data" / "ngec-synthetic" / "gpt_synthetic_events_2023-10-19_19.csv"
CAMEO_VERBS = SHARED / "data" / "petrarch2-dictionaries" / "CAMEO.2.0.txt"
CAMEO_MAP = SHARED / "data" / "cameo_to_plover.csv"
OWN = REPO / "training" / "own_examples.jsonl"
REQUIRED = (GSR, NGEC, CAMEO_VERBS, CAMEO_MAP)


@dataclass(frozen=True)
class Item:
    text: str
    source: Optional[tuple[int, int]]
    target: Optional[tuple[int, int]]
    label: str
    origin: str   # "gsr" | "ngec" | "own"
    group: str    # items of one sentence share a group (cross-validation folds split by group)


def missing_shared() -> list[Path]:
    return [p for p in REQUIRED if not p.exists()]


def absent_shared_status(who: str, artifact: Path) -> Optional[int]:
    """None when the training data in ../shared are there; otherwise say so and return the exit
    status: 0 (skipped, the shipped ``artifact`` is kept), or 1 under CI=true, where their
    absence is a failure."""
    missing = missing_shared()
    if not missing:
        return None
    print(f"{who}: skipped, the training data in ../shared is absent: "
          + ", ".join(str(p) for p in missing) + f"; the shipped {artifact.name} is kept.")
    return 1 if os.environ.get("CI") == "true" else 0


def load_gsr(path: Path = GSR) -> list[Item]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        for exp, span in zip(rec["expected"], rec["meta"]["spans"]):
            items.append(Item(rec["text"], _tuple(span["source"]), _tuple(span["target"]),
                              exp["type"], "gsr", rec["id"]))
    return items


def load_own(path: Path = OWN) -> list[Item]:
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        rec = json.loads(line)
        if rec["type"] not in PLOVER_TYPES:
            raise ValueError(f"{path}:{n}: unknown type {rec['type']!r}")
        items.append(Item(rec["text"], _tuple(rec.get("source")), _tuple(rec.get("target")),
                          rec["type"], "own", rec.get("id", f"own-{n}")))
    return items


_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


def load_ngec(path: Path = NGEC) -> list[Item]:
    """Headline and first sentence of each story, labelled with the story's (noisy) event."""
    items = []
    with path.open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh)):
            label = row["label"].strip().upper()
            if label not in PLOVER_TYPES:
                continue
            headline = row["prompt"].strip().splitlines()[0].strip() if row["prompt"].strip() else ""
            body = row["text"].strip()
            first = _SENT_END.split(body, maxsplit=1)[0].strip() if body else ""
            for text in (headline, first):
                if 3 <= len(text.split()) <= 60:
                    items.append(Item(text, None, None, label, "ngec", f"ngec-{n}"))
    return items


def cameo_lexicon(verbs: Path = CAMEO_VERBS, mapping: Path = CAMEO_MAP,
                  min_share: float = 0.3, max_types: int = 2) -> dict[str, list[str]]:
    """Stemmed CAMEO verb -> its most frequent PLOVER types (by the codes of its patterns)."""
    code_type = _code_types(mapping)
    per_word: dict[str, Counter] = defaultdict(Counter)
    block_words: list[tuple[str, Optional[str]]] = []
    block_codes: Counter = Counter()
    header: list[Optional[str]] = [None]

    def flush():
        # A verb's own code, else its block's default code, else what its patterns code to.
        for word, own in block_words:
            default = own or header[0]
            if default:
                per_word[word][default] += 3
            elif block_codes:
                total = sum(block_codes.values())
                for typ, k in block_codes.items():
                    per_word[word][typ] += k / total
        block_words.clear()
        block_codes.clear()

    in_verbs = False
    for raw in verbs.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if "VERB PATTERNS" in raw:
            in_verbs = True
            continue
        if not in_verbs or not line.strip():
            continue
        code = re.search(r"\[([0-9]+)", line)
        typ = code_type(code.group(1)) if code else None
        if line.startswith("---"):
            flush()
            header[0] = typ
            continue
        if line.startswith("-"):
            if typ:
                block_codes[typ] += 1
            continue
        head = line.strip().split()[0].lstrip("+&").split("_")[0]
        if head.isalpha():
            block_words.append((stem(head), typ))
    flush()
    lexicon = {}
    for word, counts in per_word.items():
        total = sum(counts.values())
        if not total:
            continue
        top = [t for t, k in counts.most_common(max_types) if k / total >= min_share]
        if top:
            lexicon[word] = top
    return dict(sorted(lexicon.items()))


def _code_types(mapping: Path):
    exact: dict[str, str] = {}
    root: dict[str, str] = {}
    with mapping.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            typ = row["plover_event"].strip()
            if not typ:
                continue
            if row["level"] == "root":
                root.setdefault(row["cameo"], typ)
            else:
                exact.setdefault(row["cameo"], typ)
    # CAMEO 02 (APPEAL) is not a PLOVER category of its own; PLOVER's REQUEST covers appeals.
    root.setdefault("02", "REQUEST")

    def lookup(code: str) -> Optional[str]:
        for k in range(len(code), 2, -1):
            if code[:k] in exact:
                return exact[code[:k]]
        return root.get(code[:2])

    return lookup


def _tuple(span) -> Optional[tuple[int, int]]:
    if span is None:
        return None
    if isinstance(span, dict):
        return int(span["start"]), int(span["end"])
    return int(span[0]), int(span[1])
