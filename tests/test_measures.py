"""The measure vocabulary is data: one versioned file, every measure typed, extended by plugins."""
import json

from datasette_factcheck import plugins
from datasette_factcheck.extract import measures

KINDS = {"count", "rate", "level", "change"}


def test_vocabulary_file_is_versioned_and_every_measure_says_what_it_is():
    data = json.loads(measures.VOCABULARY_FILE.read_text())
    assert isinstance(data["version"], int)
    for name, m in data["measures"].items():
        assert m["kind"] in KINDS, name
        assert m["group"] and m["unit_class"], name
        assert m["words"] and all(w == w.lower() for w in m["words"]), name


def test_no_word_reports_two_measures():
    seen = {}
    for name, words in measures.BUILTIN_MEASURES.items():
        for w in words:
            assert seen.setdefault(w, name) == name, f"{w!r} in {seen[w]!r} and {name!r}"


def test_builtin_measures_come_through_the_hook():
    merged = plugins.measures()
    for name, words in measures.BUILTIN_MEASURES.items():
        assert set(words) <= set(merged[name])
