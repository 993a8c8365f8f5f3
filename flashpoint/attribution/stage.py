"""Attribution stage: every quote, reported statement and non-answer in a document.

Fills ``analysis.attributions`` (model.Attribution, ids ``{doc_id}:a{n}`` in text order) and
``analysis.notes["frame_cues"]`` ({attribution id: reporting verb lemma}) for the event coder.
"""
from __future__ import annotations

from typing import Optional

from ..analysis_state import Analysis
from ..model import Attribution, Span
from .cues import Cues, load_cues
from .frames import RawFrame, according_frames, non_answer_frames, quote_frames, verb_frames
from .quotes import find_quotes
from .sources import SpeakerResolver


def make_attribution_stage(options):
    """Return the attribution stage configured by ``options`` (a pipeline.CodeOptions).

    ``options.attribution_cues`` (if the options carry it) names a user YAML lexicon that extends
    the bundled one."""
    cues = load_cues(getattr(options, "attribution_cues", None))

    def attribution_stage(analysis: Analysis) -> Analysis:
        analysis.attributions, analysis.notes["frame_cues"] = find_attributions(analysis, cues)
        return analysis

    return attribution_stage


def find_attributions(analysis: Analysis, cues: Optional[Cues] = None) -> tuple[list[Attribution], dict[str, str]]:
    """All attribution frames of the document, speakers resolved in reading order."""
    cues = cues or load_cues()
    doc = analysis.doc
    quotes = find_quotes(doc.text)
    q_frames, used = quote_frames(doc, cues)
    raw: list[RawFrame] = list(q_frames)
    raw += non_answer_frames(doc, cues)
    raw += according_frames(doc, cues)
    raw += verb_frames(doc, cues, used, quotes)
    raw = _dedupe(raw)
    # resolve speakers in the order they are read, so "the second official" finds the first
    # ("We believe ...,” X said: the quote's speaker must be known before its "we")
    quoted = [q for f in q_frames for q in f.quotes]
    raw.sort(key=lambda f: (_first_person_in(f, quoted), f.speaker_head.i, f.start))
    resolver = SpeakerResolver(analysis, cues)
    built = []
    for frame in raw:
        enclosing = _enclosing_quote(built, frame)
        source = resolver.describe(frame.speaker_head, enclosing)
        built.append((frame, source))
    built.sort(key=lambda fs: (fs[0].start, fs[0].end))
    doc_id = analysis.document.id
    out: list[Attribution] = []
    verbs: dict[str, str] = {}
    for n, (frame, source) in enumerate(built):
        content = None
        if frame.content is not None:
            a, b = frame.content
            content = Span(text=doc.text[a:b], start=a, end=b)
        start = min(frame.start, source.speaker.start)
        end = max(frame.end, source.speaker.end)
        attr = Attribution(id=f"{doc_id}:a{n}", doc_id=doc_id, kind=source.kind, cue=frame.cue,
                           start=start, end=end, speaker=source.speaker,
                           affiliation=source.affiliation, count=source.count, name=source.name,
                           code=source.code, content=content)
        out.append(attr)
        if frame.verb:
            verbs[attr.id] = frame.verb
    return out, verbs


def _first_person_in(frame: RawFrame, quotes) -> bool:
    head = frame.speaker_head
    return head.lower_ in ("i", "we", "me", "us") and any(q.start <= head.idx < q.end for q in quotes)


def _enclosing_quote(built, frame: RawFrame):
    """The source of the quote frame whose quotation contains this frame's speaker ("we")."""
    at = frame.speaker_head.idx
    for other, source in built:
        if other.cue == "quote" and other is not frame and any(q.start <= at < q.end for q in other.quotes):
            return source
    return None


def _dedupe(frames: list[RawFrame]) -> list[RawFrame]:
    """One frame per cue token (a verb found by two families is kept once, the first family)."""
    seen: set[tuple[int, int]] = set()
    out = []
    for f in frames:
        key = (f.cue_token if f.cue_token is not None else -1, f.speaker_head.i)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out
