"""CLI: store_cmd (to be written)."""
