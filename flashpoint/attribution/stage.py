"""Attribution stage (placeholder)."""
from ..analysis_state import Analysis


def attribution_stage(analysis: Analysis) -> Analysis:
    return analysis
