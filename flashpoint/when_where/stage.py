"""When/where stage (placeholder)."""
from ..analysis_state import Analysis


def when_where_stage(analysis: Analysis) -> Analysis:
    return analysis
