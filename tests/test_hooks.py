"""The pipeline's own pluggy hooks: a plugin adds an input format and an extractor."""
import sqlite_utils

from datasette_factcheck.hookspecs import hookimpl
from datasette_factcheck.model import Claim
from datasette_factcheck.pipeline import build
from datasette_factcheck.plugins import get_plugin_manager, measures, readers


class WireFormat:
    """A newsroom's wire feed: 'HEADLINE|BODY' files with the suffix .wire."""

    __name__ = "wire-format"

    @hookimpl
    def factcheck_readers(self):
        def read(path):
            headline, body = path.read_text().split("|", 1)
            yield {"text": f"{headline}\n{body}", "title": headline, "outlet": "Wire Service"}

        return {".wire": read}

    @hookimpl
    def factcheck_measures(self):
        return {"sheltered": ["shelter"]}

    @hookimpl
    def factcheck_extract_claims(self, sentence, doc, article, context):
        # flags every "Category N" storm rating as a claim
        out = []
        i = sentence.text.find("Category ")
        if i >= 0:
            start = sentence.start + i
            end = start + len("Category 4")
            out.append(Claim(start=start, end=end, text=article.text[start:end], value=4.0,
                             measure="storm category", extractor="wire-format"))
        return out


def test_builtins_are_registered_through_the_hooks():
    pm = get_plugin_manager()
    assert pm.get_plugin("builtins") is not None
    assert {".txt", ".md", ".html", ".jsonl", ".csv"} <= set(readers())
    assert "killed" in measures() and "dead" in measures()["killed"]


def test_a_plugin_adds_a_format_an_extractor_and_vocabulary(tmp_path):
    pm = get_plugin_manager()
    plugin = WireFormat()
    pm.register(plugin, name="wire-format")
    try:
        assert "shelter" in measures()["sheltered"]
        src = tmp_path / "storm.wire"
        src.write_text("Storm nears coast|The Category 4 storm forced officials to shelter 3,000 residents, police said.")
        out = tmp_path / "x.db"
        summary = build(out, [src])
        assert summary.articles == 1
        db = sqlite_utils.Database(out)
        art = next(db.query("select * from articles"))
        assert art["outlet"] == "Wire Service" and art["title"] == "Storm nears coast"
        rows = {r["text"]: r for r in db.query("select * from claims")}
        assert rows["Category 4"]["extractor"] == "wire-format"
        assert rows["3,000"]["measure"] == "sheltered"
    finally:
        pm.unregister(plugin)
    assert ".wire" not in readers()
