"""Events stage (placeholder)."""
from ..analysis_state import Analysis


def events_stage(analysis: Analysis) -> Analysis:
    return analysis
