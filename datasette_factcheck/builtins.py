"""The built-in pipeline stages, registered through the same hooks a plugin would use."""
from .hookspecs import hookimpl
from .extract.measures import BUILTIN_MEASURES
from .extract.readers import BUILTIN_READERS


@hookimpl
def factcheck_readers():
    return dict(BUILTIN_READERS)


@hookimpl
def factcheck_measures():
    return {k: list(v) for k, v in BUILTIN_MEASURES.items()}


@hookimpl
def factcheck_extract_claims(sentence, doc, article, context):
    from .extract.claims import extract_sentence

    return extract_sentence(sentence, doc, article, context)


@hookimpl
def factcheck_link(claims, story, vocabulary, must, cannot):
    from .link import link

    return link(claims, story, vocabulary=vocabulary, must=must or (), cannot=cannot or ())
