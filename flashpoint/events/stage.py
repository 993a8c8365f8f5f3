"""Events stage (placeholder)."""
from ..analysis_state import Analysis


def make_events_stage(options):
    """Return the events stage configured by ``options`` (a pipeline.CodeOptions)."""
    return events_stage


def events_stage(analysis: Analysis) -> Analysis:
    return analysis
