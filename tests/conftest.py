"""Shared fixtures: the coder is loaded once per test session; ../shared is located here."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FLASHPOINT_SHARED", REPO.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """Path into ../shared, or skip (fail under CI=true) when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        msg = f"needs {path} (the read-only ../shared data); it is absent"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(msg + " and CI=true, so this is a failure")
        pytest.skip(msg)
    return path


@pytest.fixture(scope="session")
def coder():
    import flashpoint

    return flashpoint.get_coder()


def event_rows(coder, text, published="2024-04-11"):
    """(type, source text, target text or None, status, mode) for each event coded in ``text``."""
    from flashpoint.model import Document

    coded = coder(Document(id="t", text=text, published=published))
    return [(e.type, e.source.text, e.target.text if e.target else None, e.status, e.mode) for e in coded.events]
