"""CLI: actors_cmd (to be written)."""
