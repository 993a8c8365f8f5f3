"""CLI: eval_cmd (to be written)."""
