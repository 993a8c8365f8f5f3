"""The Coder: runs the stages in order over one document.

Stages (each a module, each testable alone):
  actors       find actor mentions and resolve them against the knowledge base (time-aware)
  attribution  quotes, reporting frames, non-answers, source kinds
  events       triggers, arguments, PLOVER type/mode/context, status
  when_where   dates against the publication date, places
The order is visible here and nowhere else; ``Coder(skip={"when_where"})`` drops a stage.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional

from .analysis_state import Analysis
from .errors import FlashpointError, InputError, StageError
from .events.conventions import DEFAULT_CONVENTIONS
from .model import CodedDocument, Document
from .nlp import load_nlp
from .version import CODER

StageFn = Callable[[Analysis], Analysis]


@dataclass
class Stage:
    name: str
    run: StageFn
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


@dataclass(frozen=True)
class CodeOptions:
    """Options that change what the coder emits (grouped here, not spread over signatures).

    actor_files: users' own actor dictionaries (YAML/CSV), consulted before the bundled KB.
    lexicon_files: users' own trigger lexicons (YAML), consulted before the bundled one.
    use_classifier: let the trained type classifier settle ambiguous trigger words and type
        verbs outside the lexicon; False gives the lexicon-only coder (the classifier has seen
        PLOVER-GSR dev, so evaluations on that set report both).
    conventions: how to code cases where PLOVER's manual and its annotated data disagree
        (``events/conventions.py``): "annotated" (default) or "manual".
    """

    actor_files: tuple[str, ...] = ()
    lexicon_files: tuple[str, ...] = ()
    use_classifier: bool = True
    conventions: str = DEFAULT_CONVENTIONS


def default_stages(options: CodeOptions = CodeOptions()) -> list[Stage]:
    """The stages in order. Each factory takes the options and returns a callable stage."""
    from .actors.stage import make_actors_stage
    from .attribution.stage import make_attribution_stage
    from .events.stage import make_events_stage
    from .when_where.stage import make_when_where_stage

    return [
        Stage("actors", make_actors_stage(options), requires=("doc",), assigns=("mentions",)),
        Stage("attribution", make_attribution_stage(options), requires=("doc", "mentions"),
              assigns=("attributions",)),
        Stage("events", make_events_stage(options), requires=("doc", "mentions", "attributions"),
              assigns=("events",)),
        Stage("when_where", make_when_where_stage(options), requires=("doc", "events"),
              assigns=("events",)),
    ]


def parse_date(value: Optional[str]) -> Optional[dt.date]:
    """ISO date (YYYY-MM-DD, or a datetime whose first 10 chars are one) or None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError as exc:
        raise InputError(f"published date {value!r} is not an ISO date (YYYY-MM-DD)") from exc


def make_doc_id(text: str) -> str:
    return "doc-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


@dataclass
class Coder:
    """Codes documents into events. Load once, call many times (the spaCy model is cached)."""

    options: CodeOptions = field(default_factory=CodeOptions)
    skip: set[str] = field(default_factory=set)
    stages: Optional[list[Stage]] = None

    def __post_init__(self) -> None:
        self.nlp = load_nlp()
        if self.stages is None:
            self.stages = default_stages(self.options)

    def __call__(self, document: Document) -> CodedDocument:
        return self.code_parsed(document, self.nlp(document.text))

    def code_parsed(self, document: Document, sdoc) -> CodedDocument:
        """Code a document whose text this coder's spaCy pipeline has already parsed (``sdoc``),
        so a caller that needs the parse as well parses once."""
        return self._finish(document, sdoc)

    def pipe(self, documents: Iterable[Document], on_error: str = "raise",
             batch_size: int = 32) -> Iterator[CodedDocument | tuple[Document, FlashpointError | Exception]]:
        """Code many documents, parsing in batches. With ``on_error="record"`` a failing
        document yields ``(document, error)`` instead of stopping the batch."""
        pairs = ((d.text, d) for d in documents)
        for sdoc, document in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            try:
                yield self._finish(document, sdoc)
            except Exception as exc:  # noqa: BLE001 - policy decided by caller
                if on_error == "raise":
                    raise
                yield (document, exc)

    def _finish(self, document: Document, sdoc) -> CodedDocument:
        analysis = Analysis(document=document, doc=sdoc, published=parse_date(document.published))
        for stage in self.stages:
            if stage.name in self.skip:
                continue
            result = stage.run(analysis)
            if not isinstance(result, Analysis):
                raise StageError(f"stage {stage.name!r} returned {type(result).__name__}; it must return the Analysis")
            analysis = result
        return CodedDocument(
            document=document,
            events=analysis.events,
            attributions=analysis.attributions,
            actors=[m.actor for m in analysis.mentions],
            coder=CODER,
        )
