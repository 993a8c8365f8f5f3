"""Ingest: read articles from files and stdin, normalise them, check limits and language.

Public entry point: ``read_inputs(inputs, options, report)`` yields ``Article`` objects
(a ``model.Document`` plus the file and line it came from); problems are reported as
``Problem`` values, never raised, so one bad file never stops a batch.
"""
from .limits import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, Limits
from .readers import READERS, STDIN, SUPPORTED, Article, IngestOptions, Problem, read_inputs

__all__ = ["read_inputs", "Article", "IngestOptions", "Limits", "Problem", "READERS", "SUPPORTED",
           "STDIN", "DEFAULT_MAX_BYTES", "DEFAULT_MAX_CHARS"]
