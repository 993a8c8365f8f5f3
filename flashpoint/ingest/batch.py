"""Code a stream of articles with ``Coder.pipe`` and keep track of where each came from.

Used by both ``flashpoint code`` and ``flashpoint ingest``: a failing article is handed to
``on_failure`` with its file and line, and the batch goes on.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional, Sequence

from ..model import CodedDocument
from .readers import Article, Problem


@dataclass
class ProblemLog:
    """Prints each problem on one stderr line and counts them (errors decide the exit code)."""

    stream: object = None
    errors: int = 0
    warnings: int = 0
    seen: list[Problem] = field(default_factory=list)

    def __call__(self, problem: Problem) -> None:
        if problem.level == "error":
            self.errors += 1
        else:
            self.warnings += 1
        self.seen.append(problem)
        print(problem, file=self.stream or sys.stderr, flush=True)


def make_coder(actor_files: Sequence[str] = (), lexicon_files: Sequence[str] = (), conventions: Optional[str] = None):
    """The Coder for a CLI run (users' actor files first). Separate so tests can replace it."""
    from ..events.conventions import get_conventions
    from ..pipeline import CodeOptions, Coder

    chosen = get_conventions(conventions).name  # an unknown name fails here, before any input is read
    return Coder(options=CodeOptions(actor_files=tuple(actor_files), lexicon_files=tuple(lexicon_files),
                                     conventions=chosen))


def code_articles(coder, articles: Iterable[Article],
                  on_failure: Callable[[Article, Exception], None],
                  batch_size: int = 32) -> Iterator[tuple[Article, CodedDocument]]:
    """(article, coded document) for every article that codes; failures go to ``on_failure``."""
    pending: dict[int, Article] = {}

    def documents():
        for art in articles:
            pending[id(art.document)] = art
            yield art.document

    for result in coder.pipe(documents(), on_error="record", batch_size=batch_size):
        if isinstance(result, tuple):
            document, exc = result
            on_failure(pending.pop(id(document)), exc)
        else:
            yield pending.pop(id(result.document)), result


def failure_problem(article: Article, exc: Exception) -> Problem:
    reason = str(exc) or type(exc).__name__
    return Problem(f"{article.origin}:{article.document.id}", f"coding failed: {reason}")


def filter_articles(articles: Iterable[Article], keep: Callable[[Article], bool],
                    on_drop: Optional[Callable[[Article], None]] = None) -> Iterator[Article]:
    for art in articles:
        if keep(art):
            yield art
        elif on_drop is not None:
            on_drop(art)
