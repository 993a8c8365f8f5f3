"""Readers: files and stdin to ``Article`` (a Document plus where it came from).

One reader per input format, chosen by suffix from ``READERS``. A problem with a whole file
(empty, binary, too large, undecodable) is raised as ``InputError``; a problem with one record
(a malformed JSONL line, a CSV row without text) is reported through ``report`` and reading
goes on. Streamed formats (.jsonl, .csv, stdin) are read record by record.
"""
from __future__ import annotations

import csv
import io
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, Optional

from ..errors import InputError
from ..model import Document
from .decode import FALLBACK_WARNING, binary_reason, decode_bytes, sniff, stream_encoding, undecodable
from .html_text import html_to_text
from .limits import Limits, too_big_file, too_big_record
from .records import NotEnglish, finish_document, iso_date, record_to_document

STDIN = "-"


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input; ``level`` is "error" (exit 1) or "warning"."""

    where: str
    message: str
    level: str = "error"

    def __str__(self) -> str:
        return f"{self.level}: {self.where}: {self.message}"


@dataclass(frozen=True)
class IngestOptions:
    """How inputs are read. ``published`` is the date for articles that carry none."""

    limits: Limits = field(default_factory=Limits)
    published: Optional[str] = None
    any_language: bool = False


@dataclass
class Article:
    document: Document
    origin: str              # the file (or "-") it came from
    line: Optional[int] = None

    @property
    def where(self) -> str:
        return f"{self.origin}:{self.line}" if self.line is not None else self.origin


Report = Callable[[Problem], None]


class _Source:
    """Shared plumbing for one input: turns records into Articles, reporting record problems."""

    def __init__(self, origin: str, options: IngestOptions, report: Report) -> None:
        self.origin, self.options, self.report = origin, options, report

    def article(self, record: dict, default_id: str, line: Optional[int]) -> Optional[Article]:
        where = f"{self.origin}:{line}" if line is not None else self.origin

        def warn(message: str) -> None:
            self.report(Problem(where, message, "warning"))

        try:
            doc = record_to_document(record, default_id, self.options.published, warn)
            doc = finish_document(doc, self.options.limits, self.options.any_language)
        except NotEnglish as exc:
            self.report(Problem(where, str(exc), "warning"))
            return None
        except InputError as exc:
            self.report(Problem(where, str(exc)))
            return None
        return Article(doc, self.origin, line)


def read_text(path: Path, src: _Source) -> Iterator[Article]:
    text = _read_file_text(path, src)
    if (art := src.article({"text": text}, path.stem, None)) is not None:
        yield art


def read_html(path: Path, src: _Source) -> Iterator[Article]:
    page = html_to_text(_read_file_text(path, src))
    if not page.text:
        raise InputError("HTML page has no visible text")
    record = {"text": page.text, "title": page.title,
              "published": iso_date(page.published, lambda m: src.report(Problem(src.origin, m, "warning")))}
    if (art := src.article(record, path.stem, None)) is not None:
        yield art


def _read_file_text(path: Path, src: _Source) -> str:
    size = path.stat().st_size
    limits = src.options.limits
    if size == 0:
        raise InputError("file is empty")
    if size > limits.max_bytes:
        raise InputError(too_big_file(size, limits))
    data = path.read_bytes()
    if reason := binary_reason(data[:8192]):
        raise InputError(reason)
    try:
        decoded = decode_bytes(data)
    except UnicodeDecodeError as exc:
        raise InputError(undecodable(exc)) from exc
    if not decoded.text.strip():
        raise InputError("file is empty (only whitespace)")
    if decoded.warning:
        src.report(Problem(src.origin, decoded.warning, "warning"))
    return decoded.text


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, Optional[bytes], int]]:
    """(line number, bytes or None when over the limit, size); never holds an over-long line."""
    lineno = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        lineno += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            size = len(line)
            while line and not line.endswith(b"\n"):
                line = stream.readline(1 << 20)
                size += len(line)
            yield lineno, None, size
        else:
            yield lineno, line, len(line)


def read_jsonl_stream(stream: BinaryIO, src: _Source, stem: str) -> Iterator[Article]:
    warned_encoding = False
    for lineno, line, size in _lines(stream, src.options.limits.max_bytes):
        where = f"{src.origin}:{lineno}"
        if line is None:
            src.report(Problem(where, too_big_record(size, src.options.limits)))
            continue
        if not line.strip():
            continue
        if b"\x00" in line:
            src.report(Problem(where, "line contains NUL bytes (binary data); remove it"))
            continue
        try:
            decoded = decode_bytes(line)
        except UnicodeDecodeError as exc:
            src.report(Problem(where, undecodable(exc)))
            continue
        if decoded.warning and not warned_encoding:
            warned_encoding = True
            src.report(Problem(where, decoded.warning, "warning"))
        try:
            record = json.loads(decoded.text)
        except json.JSONDecodeError as exc:
            src.report(Problem(where, f"malformed JSON ({exc.msg} at column {exc.colno}); "
                                      "fix or remove this line"))
            continue
        if not isinstance(record, dict):
            src.report(Problem(where, f'each line must be a JSON object with a "text" field, '
                                      f"not a {type(record).__name__}"))
            continue
        if (art := src.article(record, f"{stem}-{lineno}", lineno)) is not None:
            yield art


def read_jsonl(path: Path, src: _Source) -> Iterator[Article]:
    if path.stat().st_size == 0:
        raise InputError("file is empty")
    with path.open("rb") as stream:
        if reason := binary_reason(sniff(stream)):
            raise InputError(reason)
        yield from read_jsonl_stream(stream, src, path.stem)


def read_csv(path: Path, src: _Source) -> Iterator[Article]:
    if path.stat().st_size == 0:
        raise InputError("file is empty")
    limits = src.options.limits
    with path.open("rb") as raw:
        if reason := binary_reason(sniff(raw)):
            raise InputError(reason)
        try:
            encoding = stream_encoding(raw)
        except UnicodeDecodeError as exc:
            raise InputError(undecodable(exc)) from exc
        if encoding != "utf-8-sig":
            src.report(Problem(src.origin, FALLBACK_WARNING, "warning"))
        text = io.TextIOWrapper(raw, encoding=encoding, newline="")
        csv.field_size_limit(max(limits.max_bytes, 131072))
        reader = csv.DictReader(text)
        header = [(h or "").strip().lower() for h in (reader.fieldnames or [])]
        if "text" not in header:
            raise InputError(f'no "text" column (columns: {", ".join(header) or "none"}); CSV input '
                             "needs a header row with text and optionally id, published or date, "
                             "url, title, outlet")
        reader.fieldnames = header
        rowno = 0
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise InputError(f"line {reader.line_num}: unreadable CSV ({exc}); "
                                 f"if a field is over {limits.max_bytes:,} bytes raise --max-bytes") from exc
            rowno += 1
            record = {k: v for k, v in row.items() if k is not None}
            if not (record.get("text") or "").strip():
                src.report(Problem(f"{src.origin}:{reader.line_num}", 'row has no "text"; skipped'))
                continue
            if (art := src.article(record, f"{path.stem}-{rowno}", reader.line_num)) is not None:
                yield art


READERS: dict[str, Callable[[Path, _Source], Iterator[Article]]] = {
    ".txt": read_text,
    ".text": read_text,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".csv": read_csv,
    ".html": read_html,
    ".htm": read_html,
}
SUPPORTED = ", ".join(sorted(READERS))


def expand(inputs: Iterable[str], report: Report) -> Iterator[str]:
    """Each input as given, with directories replaced by the supported files inside (sorted)."""
    for name in inputs:
        if name == STDIN:
            yield name
            continue
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*")
                           if p.is_file() and p.suffix.lower() in READERS
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not found:
                report(Problem(name, f"directory has no supported files ({SUPPORTED})"))
            yield from (str(p) for p in found)
        else:
            yield name


def read_inputs(inputs: Iterable[str], options: IngestOptions = IngestOptions(),
                report: Optional[Report] = None, stdin: Optional[BinaryIO] = None) -> Iterator[Article]:
    """Every article in ``inputs`` (files, directories, ``-`` for JSONL on stdin), in order.

    Problems go to ``report`` (default: printed on stderr); a file-level problem skips that
    file only. Example::

        for art in read_inputs(["corpus.jsonl", "notes/"]):
            print(art.document.id, len(art.document.text))
    """
    report = report or (lambda p: print(p, file=sys.stderr))
    seen: dict[str, str] = {}
    for name in expand(inputs, report):
        src = _Source(name, options, report)
        count = 0
        try:
            for art in _read_one(name, src, stdin):
                count += 1
                doc_id = art.document.id
                if doc_id in seen:
                    report(Problem(art.where, f"document id {doc_id!r} repeats {seen[doc_id]}; "
                                              "give each article a unique id", "warning"))
                else:
                    seen[doc_id] = art.where
                yield art
        except InputError as exc:
            report(Problem(name, str(exc)))
        except FileNotFoundError:
            report(Problem(name, "no such file or directory"))
        except OSError as exc:
            report(Problem(name, f"cannot read it ({exc.strerror or exc})"))


def _read_one(name: str, src: _Source, stdin: Optional[BinaryIO]) -> Iterator[Article]:
    if name == STDIN:
        yield from read_jsonl_stream(stdin or sys.stdin.buffer, src, "stdin")
        return
    path = Path(name)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(f"unsupported input type {path.suffix or '(no suffix)'!r}; use {SUPPORTED}, "
                         "a directory, or - for JSONL on stdin")
    if not path.exists():
        raise FileNotFoundError(name)
    yield from reader(path, src)
