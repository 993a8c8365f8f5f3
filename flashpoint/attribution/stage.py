"""Attribution stage (placeholder)."""
from ..analysis_state import Analysis


def make_attribution_stage(options):
    """Return the attribution stage configured by ``options`` (a pipeline.CodeOptions)."""
    return attribution_stage


def attribution_stage(analysis: Analysis) -> Analysis:
    return analysis
