"""The loader: every input kind, story naming, manifest, stable ids, atomic replace, bad input."""
import json
import shutil
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from datasette_factcheck.cli import build_command
from datasette_factcheck.pipeline import SAMPLE_DIR, SAMPLE_STORY, build

GOOD = "Police said at least 12 people were killed and 20 wounded in the blast in Springfield on Monday.\n"


def ids(db_path):
    db = sqlite_utils.Database(db_path)
    return {t: sorted(r["id"] for r in db.query(f"select id from {t}")) for t in ("articles", "sentences", "claims", "facts")}


def run(args):
    result = CliRunner().invoke(build_command, [str(a) for a in args], catch_exceptions=False)
    return result


def test_sample_story_by_default(tmp_path):
    out = tmp_path / "sample.db"
    summary = build(out)
    db = sqlite_utils.Database(out)
    assert summary.articles == 5 and summary.exit_code == 0
    assert {r["story"] for r in db.query("select distinct story from articles")} == {SAMPLE_STORY}
    for table in ("articles", "sentences", "claims", "facts", "stories"):
        assert db[table].count > 0, table
    assert db["sentences"].detect_fts() == "sentences_fts"
    # every claim's offsets point at its own text in the article
    for row in db.query("select claims.start, claims.end, claims.text, articles.text as a from claims join articles on articles.id = claims.article_id"):
        assert row["a"][row["start"]:row["end"]] == row["text"]
    fks = {(fk.column, fk.other_table) for fk in db["claims"].foreign_keys}
    assert {("article_id", "articles"), ("sentence_id", "sentences"), ("fact_id", "facts")} <= fks
    indexed = {tuple(i.columns) for i in db["claims"].indexes}
    assert {("article_id",), ("sentence_id",), ("fact_id",)} <= indexed
    # no title is a line the loader marked furniture, byline or caption, or a whole lead, and no
    # outlet is a file hash
    for a in db.query("select id, title, outlet, path, published from articles"):
        aside = {r["text"] for r in db.query(
            "select text from sentences where article_id = ? and kind != 'headline'", [a["id"]])}
        assert a["title"] and a["title"] not in aside, a
        assert a["outlet"] and a["outlet"] not in a["path"], a
        # a text that prints no headline is titled by its lead's first clause, never the whole lead
        lead = next(db.query("select text from sentences where article_id = ? and kind = 'body' "
                             "order by idx limit 1", [a["id"]]))["text"]
        assert a["title"] in aside | {r["text"] for r in db.query(
            "select text from sentences where article_id = ? and kind = 'headline'", [a["id"]])} \
            or (lead.startswith(a["title"]) and len(a["title"]) < len(lead)), a
    assert {r["published"] for r in db.query("select published from articles")} >= {"2016-02-21", "2016-02-22"}
    assert [r["n"] for r in db.query("select count(*) as n from claims where outlet is null")] == [0]


def _sentences(*kinds_texts):
    out, pos = [], 0
    for i, (kind, text) in enumerate(kinds_texts):
        out.append({"idx": i, "kind": kind, "text": text, "start": pos})
        pos += len(text) + 1
    return "\n".join(t for _, t in kinds_texts), out


@pytest.mark.parametrize("first_kind", ["furniture", "byline", "caption"])
def test_furniture_is_never_a_title(first_kind):
    from datasette_factcheck.pipeline import name_article

    text, sentences = _sentences((first_kind, "Sunday, May 05, 2024 | Last Update : 09:18 PM IST"),
                                 ("headline", "Series of bombings kill 119"),
                                 ("body", "A series of explosions left at least 119 dead."))
    row, claims = {"title": sentences[0]["text"], "text": text, "outlet": None, "path": "x.txt"}, [{"outlet": None}]
    name_article(row, sentences, claims)
    assert row["title"] == "Series of bombings kill 119"
    assert row["outlet"] == claims[0]["outlet"] == row["title"]  # no name: the headline


def test_a_lead_is_never_a_title_and_a_given_title_stays():
    from datasette_factcheck.pipeline import name_article

    lead = " ".join(["word"] * 30) + "."
    text, sentences = _sentences(("body", lead), ("body", "A second sentence."))
    text = text.replace("\n", " ")  # one line: the reader's first-line title is the whole lead
    row = {"title": text, "text": text, "outlet": "Herald", "path": "x.txt"}
    name_article(row, sentences, [])
    assert row["title"].endswith("…") and len(row["title"].split()) == 13 and row["outlet"] == "Herald"
    row = {"title": "From the manifest", "text": text, "outlet": "Herald", "path": "x.txt"}
    name_article(row, sentences, [])
    assert row["title"] == "From the manifest"


@pytest.mark.parametrize("lead,title", [
    ("Two bomb attacks killed 88 people in Syria, a monitoring group said.", "Two bomb attacks killed 88 people in Syria"),
    ("Bomb blasts in two cities have left at least 140 people dead.", "Bomb blasts in two cities have left at least 140 people dead"),
    ("In Homs, at least 57 people, mainly civilians, were killed in a double car bombing on Sunday.",
     "In Homs, at least 57 people, mainly civilians, were killed in a …"),  # an opening phrase: twelve words
    ("Rain fell.", "Rain fell."),
])
def test_a_title_from_the_lead_is_its_first_clause(lead, title):
    from datasette_factcheck.pipeline import lead_title

    assert lead_title(lead) == title


def test_an_outlet_from_the_site_never_from_a_hash(tmp_path):
    from pathlib import Path

    from datasette_factcheck.pipeline import Source, _article

    src = Source(Path("000_f6ae5b9c48440f8c.txt"), "s", "000_f6ae5b9c48440f8c.txt")
    assert _article(src, {"text": "x"}, {}).outlet is None  # the headline, later
    assert _article(src, {"text": "x", "url": "https://www.theguardian.com/a"}, {}).outlet == "theguardian.com"
    assert _article(Source(Path("bbc.txt"), "s", "bbc.txt"), {"text": "x"}, {}).outlet == "bbc"


def test_same_inputs_same_ids(tmp_path):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    build(a, [SAMPLE_DIR])
    build(b, [SAMPLE_DIR])
    assert ids(a) == ids(b)
    build(a, [SAMPLE_DIR])  # rebuilt over itself
    assert ids(a) == ids(b)


def test_adding_an_article_keeps_every_other_id(tmp_path):
    folder = tmp_path / "story"
    folder.mkdir()
    for f in sorted(SAMPLE_DIR.glob("*.txt"))[:4]:
        shutil.copy(f, folder)
    before = ids(build_to(tmp_path / "before.db", folder))
    shutil.copy(sorted(SAMPLE_DIR.glob("*.txt"))[4], folder)
    after = ids(build_to(tmp_path / "after.db", folder))
    for table in ("articles", "sentences", "claims"):
        assert set(before[table]) < set(after[table]), table


def build_to(path, *inputs, **kw):
    build(path, list(inputs), **kw)
    return path


def test_story_names_from_folders_and_options(tmp_path):
    root = tmp_path / "coverage"
    (root / "flood").mkdir(parents=True)
    (root / "fire").mkdir()
    (root / "flood" / "a.txt").write_text(GOOD)
    (root / "fire" / "b.md").write_text("# Fire\n\n" + GOOD)
    (root / "top.txt").write_text(GOOD)
    db = sqlite_utils.Database(build_to(tmp_path / "x.db", root, stories="folders"))
    stories = {r["path"]: r["story"] for r in db.query("select path, story from articles")}
    assert stories == {"flood/a.txt": "flood", "fire/b.md": "fire", "top.txt": "coverage"}
    # by default a loose file's story is detected: a folder per story still wins
    db = sqlite_utils.Database(build_to(tmp_path / "auto.db", root))
    stories = {r["path"]: r["story"] for r in db.query("select path, story from articles")}
    assert stories["flood/a.txt"] == "flood" and stories["fire/b.md"] == "fire"
    assert stories["top.txt"] not in ("coverage", "flood", "fire")
    db = sqlite_utils.Database(build_to(tmp_path / "y.db", root, story="all"))
    assert {r["story"] for r in db.query("select story from articles")} == {"all"}
    # with --stories folders, loose files form one story named after their folder
    db = sqlite_utils.Database(build_to(tmp_path / "z.db", root / "top.txt", root / "flood" / "a.txt", stories="folders"))
    assert {r["story"] for r in db.query("select story from articles")} == {"coverage"}


def test_a_corpus_readme_and_licence_are_not_articles(tmp_path):
    root = tmp_path / "corpus"
    (root / "flood").mkdir(parents=True)
    (root / "flood" / "a.txt").write_text(GOOD)
    for name in ("README.md", "LICENSE", "LICENSEDATA.TXT", "flood.README.txt"):
        (root / name).write_text("Sources: 12 outlets, licensed CC BY 4.0. Collected 3 May 2021.")
    (root / "readme-of-the-river.txt").write_text(GOOD)  # an article that only mentions the word
    summary = build(tmp_path / "x.db", [root], processes=1)
    paths = {r["path"] for r in sqlite_utils.Database(tmp_path / "x.db").query("select path from articles")}
    assert paths == {"flood/a.txt", "readme-of-the-river.txt"}
    assert len(summary.documentation) == 4 and not summary.skipped and summary.exit_code == 0
    assert any("documentation" in line and "4" in line for line in summary.lines())


def test_manifest_names_outlets(tmp_path):
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "one.txt").write_text(GOOD)
    (folder / "two.txt").write_text(GOOD.replace("12", "14"))
    manifest = tmp_path / "m.csv"
    manifest.write_text("file,outlet,url,published,title\none.txt,Daily Planet,https://example.com/1,2024-05-01,Blast\n")
    db = sqlite_utils.Database(build_to(tmp_path / "x.db", folder, manifest=manifest))
    rows = {r["path"]: r for r in db.query("select * from articles")}
    assert rows["one.txt"]["outlet"] == "Daily Planet"
    assert rows["one.txt"]["url"] == "https://example.com/1"
    assert rows["one.txt"]["published"] == "2024-05-01"
    assert rows["two.txt"]["outlet"] == "two"  # no manifest row: the file name's stem


def test_jsonl_and_csv_rows(tmp_path):
    folder = tmp_path / "rows"
    folder.mkdir()
    (folder / "a.jsonl").write_text(
        json.dumps({"text": GOOD, "outlet": "Wire", "url": "https://example.com/a", "story": "quake"}) + "\n"
        + "{not json\n"
        + json.dumps({"title": "no text"}) + "\n"
        + json.dumps({"text": GOOD.replace("12", "13"), "outlet": "Herald"}) + "\n"
    )
    (folder / "b.csv").write_text('text,outlet,title\n"' + GOOD.strip() + '",Gazette,Blast\n,Empty,None\n')
    out = tmp_path / "x.db"
    result = run([out, folder, "--stories", "folders"])
    assert result.exit_code == 1
    assert "a.jsonl, row 2: malformed JSON" in result.output
    assert "a.jsonl, row 3: row has no 'text'" in result.output
    assert "b.csv, row 3: row has no 'text'" in result.output
    db = sqlite_utils.Database(out)
    rows = list(db.query("select story, outlet, path from articles order by outlet"))
    assert [r["outlet"] for r in rows] == ["Gazette", "Herald", "Wire"]
    assert {r["story"] for r in rows} == {"rows", "quake"}  # a row's story field wins
    assert "https://example.com/a" in {r["path"] for r in rows}


def test_html_article_without_furniture(tmp_path):
    src = Path(__file__).parent / "data" / "cnn_article.html"
    expected = (Path(__file__).parent / "data" / "cnn_article.expected.txt").read_text()
    out = tmp_path / "x.db"
    build(out, [src])
    row = next(sqlite_utils.Database(out).query("select * from articles"))
    first = expected.strip().splitlines()[0][:60]
    assert first in row["text"]
    assert row["title"] and "Thanksgiving" in row["title"]
    assert row["url"].startswith("http")
    assert "Advertisement" not in row["text"] and "<div" not in row["text"]


def test_bad_inputs_are_named_and_the_rest_loads(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "empty.txt").write_text("")
    (folder / "latin1.txt").write_bytes("Le café a brûlé: 3 personnes ont été tuées, police said 3 people died.".encode("cp1252"))
    (folder / "big.txt").write_text(GOOD * 200)
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    out = tmp_path / "x.db"
    result = run([out, folder, "--max-bytes", "5000"])
    assert result.exit_code == 1
    assert "binary.txt: binary file" in result.output
    assert "empty.txt: empty file" in result.output
    assert "big.txt: too large" in result.output
    assert "notes.docx: unsupported file type" in result.output
    paths = {r["path"] for r in sqlite_utils.Database(out).query("select path from articles")}
    assert paths == {"good.txt", "latin1.txt"}
    assert "articles: 2" in result.output and "skipped: 4" in result.output


def test_nothing_loaded_exits_2_and_keeps_the_old_database(tmp_path):
    out = tmp_path / "x.db"
    good = tmp_path / "good"
    good.mkdir()
    (good / "a.txt").write_text(GOOD)
    assert run([out, good]).exit_code == 0
    before = out.read_bytes()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("")
    result = run([out, bad])
    assert result.exit_code == 2
    assert out.read_bytes() == before
    assert run([out, tmp_path / "does-not-exist"]).exit_code == 2


def test_a_crash_leaves_the_previous_database(tmp_path, monkeypatch):
    out = tmp_path / "x.db"
    build(out, [SAMPLE_DIR])
    before = out.read_bytes()
    import datasette_factcheck.pipeline as pipeline

    def boom(*a, **kw):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "_link_story", boom)
    with pytest.raises(KeyboardInterrupt):
        build(out, [SAMPLE_DIR])
    assert out.read_bytes() == before
    # no temporary file left behind (the lock file stays: removing it would race another load)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".x.db.lock", "x.db"]


def test_a_database_from_an_earlier_version_gains_the_new_columns(tmp_path):
    """`--add` on a database built before articles.located and claims.place_from existed."""
    from datasette_factcheck.storage import ensure_db_shape

    db = sqlite_utils.Database(tmp_path / "old.db")
    ensure_db_shape(db)
    db["claims"].transform(drop={"place_from"})
    db["articles"].transform(drop={"located"})
    assert "place_from" not in db["claims"].columns_dict
    ensure_db_shape(db)
    assert "place_from" in db["claims"].columns_dict and "located" in db["articles"].columns_dict


@pytest.mark.asyncio
async def test_the_readmes_query_examples_return_rows_on_the_sample(tmp_path):
    import re

    from datasette.app import Datasette

    from conftest import REPO

    build(tmp_path / "sample.db")
    examples = set(re.findall(r"`(/sample/\w+\?[^`\s]+)`", (REPO / "README.md").read_text()))
    assert len(examples) >= 4
    ds = Datasette([str(tmp_path / "sample.db")])
    await ds.invoke_startup()
    for url in examples:
        path, query = url.split("?", 1)
        r = await ds.client.get(f"{path}.json?{query}&_shape=array")
        assert r.status_code == 200 and len(r.json()) > 0, url
