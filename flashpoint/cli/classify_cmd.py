"""CLI: classify_cmd (to be written)."""
