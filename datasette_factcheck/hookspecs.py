"""The loader's own extension points, in the style of Datasette's plugin hooks.

A newsroom adds an input format, a measure vocabulary, an extractor or a linker as a separate
package that declares an entry point in the ``datasette_factcheck`` group; the built-in stages
are registered through these same hooks (see ``builtins.py``).
"""
import pluggy

hookspec = pluggy.HookspecMarker("datasette_factcheck")
hookimpl = pluggy.HookimplMarker("datasette_factcheck")


@hookspec
def factcheck_readers():
    """Return a dict mapping a file suffix (".txt") to a reader.

    A reader is called as ``reader(path)`` and yields dicts with a ``text`` key and optional
    ``title``, ``outlet``, ``url``, ``published``, ``story`` and ``path`` (a row id), or raises
    ``datasette_factcheck.extract.readers.BadInput`` for a row or file it cannot read. Readers from
    plugins override the built-in reader for the same suffix."""


@hookspec
def factcheck_measures():
    """Return a dict mapping a measure name ("killed") to words and phrases that report it
    ("dead", "death toll", "lives"). All dicts are merged."""


@hookspec
def factcheck_extract_claims(sentence, doc, article, context):
    """Return a list of ``Claim`` for one body sentence.

    ``sentence`` is a ``Sentence`` (offsets into ``article.text``), ``doc`` the spaCy Doc of the
    whole article, ``context`` an ``ExtractionContext`` (headline and paragraph places, the
    measure vocabulary). Claims from every plugin are pooled; where two overlap, the one that
    comes from the built-in extractor is kept."""


@hookspec(firstresult=True)
def factcheck_link(claims, story, vocabulary, must, cannot):
    """Group one story's claims into ``Fact`` records and return them; the first plugin that
    returns a list wins, so a plugin may replace the built-in linker. ``vocabulary`` holds the
    measure names the extractors know (from ``factcheck_measures``); ``must`` and ``cannot`` the
    pairs of claim ids reviewers kept together or apart (a plugin may leave them out of its
    signature)."""
