"""The loader at scale, in miniature: --add touches only the stories it adds to, worker processes
change nothing in the output, and the loader never holds more than a few batches of articles.

No wall-clock assertions here: scripts/benchmark.py measures the times.
"""
import shutil
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from datasette_factcheck import pipeline
from datasette_factcheck.cli import build_command
from datasette_factcheck.pipeline import SAMPLE_DIR, build

TABLES = ("stories", "articles", "sentences", "claims", "facts")
KABUL = Path(__file__).parent / "data" / "clusters" / "allsides_neus__04_kabul_airport_bombing_2021-08-26"
SAMPLE = sorted(SAMPLE_DIR.glob("*.txt"))


def snapshot(path) -> dict:
    """Every row of every table, by id, as a tuple of all its columns."""
    db = sqlite_utils.Database(path)
    out = {}
    for table in TABLES:
        cols = [c.name for c in db[table].columns]
        out[table] = {row[0]: row for row in db.execute(
            f"select {', '.join(f'[{c}]' for c in ['id'] + [c for c in cols if c != 'id'])} from [{table}]").fetchall()}
    db.close()
    return out


def rows_of(path, table, story) -> dict:
    db = sqlite_utils.Database(path)
    rows = {r["id"]: r for r in db.query(f"select * from [{table}] where story = ?", [story])}
    db.close()
    return rows


@pytest.fixture
def coverage(tmp_path):
    """Two stories: 'alpha' (three sample articles) and 'beta' (the Kabul cluster)."""
    root = tmp_path / "coverage"
    (root / "alpha").mkdir(parents=True)
    for f in SAMPLE[:3]:
        shutil.copy(f, root / "alpha")
    shutil.copytree(KABUL, root / "beta")
    return root


def test_add_keeps_untouched_rows_and_relinks_the_changed_story(tmp_path, coverage):
    db_path = tmp_path / "x.db"
    build(db_path, [coverage])
    before = snapshot(db_path)
    alpha_before = {t: rows_of(db_path, t, "alpha") for t in ("articles", "sentences", "claims", "facts")}
    beta_before = {t: rows_of(db_path, t, "beta") for t in ("articles", "sentences", "claims", "facts")}
    assert alpha_before["claims"] and beta_before["claims"] and alpha_before["facts"]

    # 1. a new story through the command line's --add
    gamma = tmp_path / "gamma"
    gamma.mkdir()
    shutil.copy(SAMPLE[3], gamma)
    result = CliRunner().invoke(build_command, [str(db_path), str(gamma), "--add", "--stories", "folders", "--processes", "1", "--no-progress"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    after = snapshot(db_path)
    for table in TABLES:
        if table == "stories":
            continue
        # every row that was there is there, byte for byte: --add of another story touches none of them
        assert {k: after[table][k] for k in before[table]} == before[table], table
        added = set(after[table]) - set(before[table])
        assert added, f"no new {table}"
        assert {r["story"] for r in rows_of(db_path, table, "gamma").values()} <= {"gamma"}
        assert added == set(rows_of(db_path, table, "gamma")), table
    assert set(after["stories"]) == {"alpha", "beta", "gamma"}
    assert after["stories"]["alpha"] == before["stories"]["alpha"]
    assert after["stories"]["beta"] == before["stories"]["beta"]

    # 2. one more article for an existing story: that story's facts are recomputed with it
    extra = tmp_path / "extra"
    extra.mkdir()
    shutil.copy(SAMPLE[4], extra / "late.txt")
    summary = build(db_path, [extra / "late.txt"], story="alpha", add=True)
    assert summary.articles == 1 and summary.stories == {"alpha"}
    alpha_after = {t: rows_of(db_path, t, "alpha") for t in ("articles", "sentences", "claims", "facts")}
    # the story's existing articles, sentences and claims keep their ids (and, but for the fact
    # they point at, their contents)
    for table in ("articles", "sentences", "claims"):
        assert set(alpha_before[table]) < set(alpha_after[table]), table
    for cid, row in alpha_before["claims"].items():
        assert {**alpha_after["claims"][cid], "fact_id": None} == {**row, "fact_id": None}
    new_article = (set(alpha_after["articles"]) - set(alpha_before["articles"])).pop()
    new_claims = [c for c in alpha_after["claims"].values() if c["article_id"] == new_article]
    assert new_claims
    # every claim of the new article belongs to one of the story's (recomputed) facts ...
    assert all(c["fact_id"] in alpha_after["facts"] for c in new_claims)
    # ... and some of those facts also hold figures from the articles that were there before
    shared = {c["fact_id"] for c in new_claims} & {
        c["fact_id"] for c in alpha_after["claims"].values() if c["article_id"] != new_article}
    assert shared
    counts = {fid: f["claim_count"] for fid, f in alpha_after["facts"].items()}
    assert sum(counts.values()) == len(alpha_after["claims"])
    assert sqlite_utils.Database(db_path)["stories"].get("alpha")["article_count"] == 4
    # the other stories' rows, facts included, are byte-identical
    final = snapshot(db_path)
    for table in TABLES:
        for key, row in after[table].items():
            if table == "stories" and key == "alpha":
                continue
            in_alpha = (table != "stories" and key in alpha_before.get(table, {}))
            if not in_alpha:
                assert final[table][key] == row, (table, key)


def test_two_processes_give_the_same_rows_as_one(tmp_path):
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    build(one, [SAMPLE_DIR], processes=1)
    build(two, [SAMPLE_DIR], processes=2, batch_size=2)  # three batches over two workers
    a, b = snapshot(one), snapshot(two)
    for table in TABLES:
        assert a[table] == b[table], table
    assert a["claims"] and a["facts"]


def test_the_loader_holds_a_few_batches_not_the_corpus():
    """Articles are read lazily: however long the input, only ``window`` batches are in flight."""
    pulled = []

    def articles():
        for i in range(1000):
            pulled.append(i)
            yield [i]

    class InlinePool:  # apply_async run at once: what matters is how far the input is read
        def apply_async(self, func, args):
            class Done:
                def get(self_inner):
                    return func(*args)
            return Done()

    results = pipeline._bounded_imap(InlinePool(), lambda batch: batch, articles(), window=4)
    first = next(results)
    assert first == [0]
    assert len(pulled) <= 5
    assert [r[0] for r in results] == list(range(1, 1000))


def test_an_article_that_breaks_the_extractor_is_skipped_and_named(tmp_path, monkeypatch):
    from datasette_factcheck.extract import claims

    real = claims.extract_article

    def flaky(article, doc):
        if article.path.startswith("001_"):
            raise ValueError("could not convert string to float: '02.29.12'")
        return real(article, doc)

    monkeypatch.setattr(claims, "extract_article", flaky)
    out = tmp_path / "x.db"
    summary = build(out, [SAMPLE_DIR], processes=1)
    assert summary.articles == len(SAMPLE) - 1
    assert summary.exit_code == 1
    assert any("001_" in s and "could not be extracted (ValueError" in s for s in summary.skipped)
    assert sqlite_utils.Database(out)["articles"].count == len(SAMPLE) - 1
