"""When/where stage (placeholder)."""
from ..analysis_state import Analysis


def make_when_where_stage(options):
    """Return the when_where stage configured by ``options`` (a pipeline.CodeOptions)."""
    return when_where_stage


def when_where_stage(analysis: Analysis) -> Analysis:
    return analysis
