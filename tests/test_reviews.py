"""Reviewers' verdicts and corrections: each action through the pages' POST route, the permission,
CSRF, the overlay on every page, the constraints they give the linker, surviving a rebuild, and the
export to gold. On Datasette 0.65 and 1.0a (the fixture database; the sample built for the rest)."""
from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
import sys

import pytest
import pytest_asyncio
from datasette.app import Datasette

from conftest import KABUL, REPO, SYRIA, running_datasette
from datasette_factcheck import reviews
from test_plugin import BASE, IS_1


def plugin_settings(reviewers=("alice",)):
    block = {"plugins": {"datasette-factcheck": {"reviewers": {"id": list(reviewers)}}}}
    return {"config": block} if IS_1 else {"metadata": block}


async def serve(db_path, reviewers=("alice",), **kwargs):
    """The published database immutable, its reviews database beside it mutable."""
    review_path = reviews.default_path(db_path)
    sqlite3.connect(review_path).close()
    ds = Datasette(files=[str(review_path)], immutables=[str(db_path)], **plugin_settings(reviewers), **kwargs)
    await ds.invoke_startup()
    return ds


def actor_cookie(ds, actor_id):
    return {"ds_actor": ds.sign({"a": {"id": actor_id}}, "actor")}


async def post(ds, page, fields, actor="alice", token=True, base=BASE):
    """Post a review from ``page`` as a browser would: the form's tokens from the page and the
    csrftoken cookie it set (Datasette 0.65 checks it; 1.0a checks headers instead)."""
    cookies = actor_cookie(ds, actor) if actor else {}
    r = await ds.client.get(page, cookies=cookies)
    assert r.status_code == 200
    data = {"next": page, **fields}
    if token:
        found = dict(re.findall(r'name="(csrftoken|review_token)" value="([^"]*)"', r.text))
        data.update(found)
        cookies.update(r.cookies)  # 0.65: ds_csrftoken
    return await ds.client.post(f"{base}/review", data=data, cookies=cookies)


@pytest.fixture
def db_path(fixture_db, tmp_path):
    path = tmp_path / "sample.db"
    shutil.copy(fixture_db[0], path)
    return path


@pytest_asyncio.fixture
async def ds(db_path):
    return await serve(db_path)


@pytest.fixture
def ids(fixture_db):
    return fixture_db[1]


def logged(db_path):
    conn = sqlite3.connect(reviews.default_path(db_path))
    conn.row_factory = sqlite3.Row
    return [dict(r) for r in conn.execute("select * from reviews order by id")]


async def json_of(ds, path, actor=None):
    path, _, query = path.partition("?")
    r = await ds.client.get(path + ".json" + (f"?{query}" if query else ""), cookies=actor_cookie(ds, actor) if actor else {})
    assert r.status_code == 200, r.text[:500]
    return r.json()


@pytest.mark.asyncio
async def test_the_reviews_database_gets_its_shape_at_startup(ds, db_path):
    conn = sqlite3.connect(reviews.default_path(db_path))
    assert {r[1] for r in conn.execute("pragma table_info(reviews)")} == set(reviews.COLUMNS)
    assert ds.get_database("sample").is_mutable is False


@pytest.mark.asyncio
async def test_verdict_is_recorded_and_shown_on_fact_story_and_stories_pages(ds, db_path, ids):
    fact = ids["facts"]["homs_killed"]
    page = f"{BASE}/fact/{fact}"
    r = await post(ds, page, {"action": "verdict", "fact_id": fact, "verdict": "differ", "note": "tolls <b>grew</b>"})
    assert r.status_code == 302 and r.headers["location"] == page
    row, = logged(db_path)
    assert (row["actor"], row["action"], row["fact_id"], row["verdict"]) == ("alice", "verdict", fact, "differ")
    assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", row["at"])
    html = (await ds.client.get(page)).text
    assert "Figures differ as shown</strong> by <span class=\"fc-reviewer\">alice" in html
    assert "tolls &lt;b&gt;grew&lt;/b&gt;" in html and "<b>grew" not in html
    assert (await json_of(ds, page))["review"]["verdict"]["actor"] == "alice"
    story = await json_of(ds, f"{BASE}/story/{SYRIA}")
    by_id = {f["id"]: f for f in story["facts"]}
    assert by_id[fact]["review"]["verdict"] == "differ"
    assert all(f["review"] is None for i, f in by_id.items() if i != fact)


@pytest.mark.asyncio
async def test_stories_page_filters_not_yet_reviewed(ds, ids):
    before = {s["id"] for s in (await json_of(ds, BASE + "?review=unreviewed"))["stories"]}
    assert before == {SYRIA, KABUL}
    page = f"{BASE}/fact/{ids['facts']['us_troops']}"
    r = await post(ds, page, {"action": "verdict", "fact_id": ids["facts"]["us_troops"], "verdict": "confirmed"})
    assert r.status_code == 302
    after = await json_of(ds, BASE + "?review=unreviewed")
    assert {s["id"] for s in after["stories"]} == {SYRIA}  # the Kabul story's one fact is reviewed
    every = {s["id"]: s for s in (await json_of(ds, BASE))["stories"]}
    assert every[KABUL]["reviewed_count"] == 1 and every[SYRIA]["reviewed_count"] == 0


@pytest.mark.asyncio
async def test_split_takes_a_claim_out_of_its_fact_on_every_page(ds, db_path, ids):
    fact, claim = ids["facts"]["homs_killed"], ids["claims"]["ap:46"]
    page = f"{BASE}/fact/{fact}"
    before = await json_of(ds, page)
    members = {f["claim_id"] for g in before["groups"] for f in g["figures"]}
    assert claim in members
    r = await post(ds, page, {"action": "split", "claim_id": claim})
    assert r.status_code == 302
    row, = logged(db_path)
    assert row["fact_id"] == fact and set(json.loads(row["members"])) == members - {claim}
    after = await json_of(ds, page)
    assert claim not in {f["claim_id"] for g in after["groups"] for f in g["figures"]}
    assert [m["claim_id"] for m in after["review"]["moved_out"]] == [claim]
    assert after["fact"]["claim_count"] == before["fact"]["claim_count"] - 1
    story = {f["id"]: f for f in (await json_of(ds, f"{BASE}/story/{SYRIA}"))["facts"]}
    assert claim not in {f["claim_id"] for f in story[fact]["figures"]}
    assert story[fact]["moved_out"][0]["review"][0]["action"] == "split"
    article = await json_of(ds, f"{BASE}/article/{ids['articles']['ap']}")
    mine = {c["claim_id"]: c for c in article["claims"]}[claim]
    assert mine["fact_id"] is None and mine["review"][0]["actor"] == "alice"
    # the other claims of the article no longer list it among their competitors
    assert all(claim not in {o["claim_id"] for o in c["competing"]} for c in article["claims"])
    assert "split out: not the same quantity" in (await ds.client.get(page)).text  # the history


@pytest.mark.asyncio
async def test_join_moves_a_claim_to_another_fact(ds, db_path, ids):
    target, claim = ids["facts"]["damascus_killed"], ids["claims"]["presstv:57"]
    article = f"{BASE}/article/{ids['articles']['presstv']}"
    r = await post(ds, article, {"action": "join", "claim_id": claim, "target_fact_id": target})
    assert r.status_code == 302 and r.headers["location"] == article
    row, = logged(db_path)
    assert row["target_fact_id"] == target and row["fact_id"] == ids["facts"]["homs_killed"]
    fact = await json_of(ds, f"{BASE}/fact/{target}")
    assert claim in {f["claim_id"] for g in fact["groups"] for f in g["figures"]}
    old = await json_of(ds, f"{BASE}/fact/{ids['facts']['homs_killed']}")
    assert claim not in {f["claim_id"] for g in old["groups"] for f in g["figures"]}
    page = await json_of(ds, article)
    assert {c["claim_id"]: c for c in page["claims"]}[claim]["fact_id"] == target
    # a fact of another story, or no fact, is refused
    r = await post(ds, article, {"action": "join", "claim_id": claim, "target_fact_id": ids["facts"]["us_troops"]})
    assert r.status_code == 400 and len(logged(db_path)) == 1


@pytest.mark.asyncio
async def test_not_a_figure_and_value_misread(ds, db_path, ids):
    fact = ids["facts"]["homs_killed"]
    page = f"{BASE}/fact/{fact}"
    hostile, ap39 = ids["claims"]["hostile:About 60"], ids["claims"]["ap:Thirty-nine"]
    assert (await post(ds, page, {"action": "not_figure", "claim_id": hostile})).status_code == 302
    assert (await post(ds, page, {"action": "misread", "claim_id": ap39, "value": "1,049"})).status_code == 302
    assert (await post(ds, page, {"action": "misread", "claim_id": ap39, "value": "lots"})).status_code == 400
    assert [r["action"] for r in logged(db_path)] == ["not_figure", "misread"]
    data = await json_of(ds, page)
    figures = {f["claim_id"]: f for g in data["groups"] for f in g["figures"]}
    assert hostile not in figures
    assert figures[ap39]["value"] == 1049 and figures[ap39]["review"][0]["words"] == "value misread: 1049"
    assert data["fact"]["max_value"] == 1049
    assert [h["action"] for h in data["review"]["history"]] == ["misread", "not_figure"]  # newest first


@pytest.mark.asyncio
async def test_anonymous_readers_see_reviews_but_no_forms_and_get_403(ds, db_path, ids):
    fact = ids["facts"]["homs_killed"]
    page = f"{BASE}/fact/{fact}"
    assert (await post(ds, page, {"action": "verdict", "fact_id": fact, "verdict": "confirmed"})).status_code == 302
    for actor in (None, "bob"):  # nobody signed in, and someone who is not a reviewer
        html = (await ds.client.get(page, cookies=actor_cookie(ds, actor) if actor else {})).text
        assert "Reviewed: <strong>Confirmed</strong>" in html and "Review history" in html
        assert "fc-review-form" not in html
        for path in (f"{BASE}/article/{ids['articles']['ap']}", f"{BASE}/story/{SYRIA}"):
            assert "fc-review-form" not in (await ds.client.get(path)).text
        r = await ds.client.post(f"{BASE}/review", data={"action": "verdict", "fact_id": fact, "verdict": "wrong_link"},
                                 cookies=actor_cookie(ds, actor) if actor else {})
        assert r.status_code == 403
    assert "fc-review-form" in (await ds.client.get(page, cookies=actor_cookie(ds, "alice"))).text
    assert len(logged(db_path)) == 1


@pytest.mark.asyncio
async def test_a_post_without_the_form_tokens_is_refused(ds, db_path, ids):
    fact = ids["facts"]["homs_killed"]
    r = await post(ds, f"{BASE}/fact/{fact}", {"action": "verdict", "fact_id": fact, "verdict": "confirmed"}, token=False)
    assert r.status_code == 403
    # a token signed for another reviewer does not do either
    cookies = actor_cookie(ds, "alice")
    page = await ds.client.get(f"{BASE}/fact/{fact}", cookies=cookies)
    fields = dict(re.findall(r'name="(csrftoken|review_token)" value="([^"]*)"', page.text))
    fields["review_token"] = ds.sign({"a": "mallory", "d": "sample"}, "factcheck-review")
    cookies.update(page.cookies)
    r = await ds.client.post(f"{BASE}/review", data={**fields, "action": "verdict", "fact_id": fact,
                                                     "verdict": "confirmed"}, cookies=cookies)
    assert r.status_code == 403
    if IS_1:  # Datasette 1.0a's own check: a cross-site browser POST
        r = await ds.client.post(f"{BASE}/review", data={"action": "verdict"}, cookies=actor_cookie(ds, "alice"),
                                 headers={"sec-fetch-site": "cross-site"})
        assert r.status_code == 403
    assert logged(db_path) == []


@pytest.mark.asyncio
async def test_without_a_reviews_database_there_are_no_forms(db_path, ids):
    block = plugin_settings()
    ds = Datasette(immutables=[str(db_path)], **block)
    await ds.invoke_startup()
    html = (await ds.client.get(f"{BASE}/fact/{ids['facts']['homs_killed']}", cookies=actor_cookie(ds, "alice"))).text
    assert "fc-review-form" not in html
    r = await ds.client.post(f"{BASE}/review", data={"action": "verdict"}, cookies=actor_cookie(ds, "alice"))
    assert r.status_code in (403, 404)


@pytest.mark.asyncio
async def test_a_sign_in_link_signs_a_colleague_in(db_path, ids):
    out = subprocess.run([sys.executable, "-m", "datasette", "factcheck", "sign-in-link", "alice",
                          "--secret", "s3cret", "--url", "http://localhost"],
                         capture_output=True, text=True, check=True, cwd=REPO).stdout.strip()
    path = out.removeprefix("http://localhost")
    assert path.startswith("/-/factcheck-sign-in?token=")
    ds = await serve(db_path, secret="s3cret")
    r = await ds.client.get(path)
    assert r.status_code == 302 and "ds_actor" in r.cookies
    page = f"{BASE}/fact/{ids['facts']['homs_killed']}"
    html = (await ds.client.get(page, cookies={"ds_actor": r.cookies["ds_actor"]})).text
    assert "fc-review-form" in html
    other = await serve(db_path, secret="another")  # a server with another secret refuses it
    assert (await other.client.get(path)).status_code == 403
    from datasette_factcheck.review_views import sign_in_token

    expired = sign_in_token(ds, "alice", hours=-1)
    assert (await ds.client.get(f"/-/factcheck-sign-in?token={expired}")).status_code == 403


# ---------------------------------------------------------------------------- the next build

def sample_claims():
    """A story's claims as the loader hands them to the linker (the bundled sample, built once)."""
    from datasette_factcheck import storage
    from datasette_factcheck.pipeline import SAMPLE_STORY

    import sqlite_utils

    return list(storage.story_claims(sqlite_utils.Database(SAMPLE_DB["path"]), SAMPLE_STORY))


SAMPLE_DB = {}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from datasette_factcheck.pipeline import build

    path = tmp_path_factory.mktemp("reviews") / "news.db"
    build(path, processes=1)
    SAMPLE_DB["path"] = path
    return path


def groups(facts):
    return {cid: f.id for f in facts for cid in f.claim_ids}


def test_constraints_reach_the_linker(built):
    from datasette_factcheck.link import link
    from datasette_factcheck.pipeline import SAMPLE_STORY

    claims = sample_claims()
    plain = groups(link(claims, SAMPLE_STORY))
    by_fact = {}
    for cid, fid in plain.items():
        by_fact.setdefault(fid, []).append(cid)
    a, b = next(sorted(m)[:2] for m in by_fact.values() if len(m) > 1)
    apart = groups(link(claims, SAMPLE_STORY, cannot={(a, b)}))
    assert apart[a] != apart[b]
    c, d = sorted(by_fact)[:2]
    x, y = by_fact[c][0], by_fact[d][0]
    assert plain[x] != plain[y]
    together = groups(link(claims, SAMPLE_STORY, must={(x, y)}))
    assert together[x] == together[y]


@pytest.mark.asyncio
async def test_reviews_survive_a_rebuild_and_the_loader_follows_them(built, tmp_path):
    from datasette_factcheck.pipeline import build

    path = tmp_path / "news.db"
    shutil.copy(built, path)
    ds = await serve(path)
    conn = sqlite3.connect(path)
    fact, claim, other = conn.execute("""
        select c.fact_id, c.id, o.id from claims c join claims o on o.fact_id = c.fact_id and o.article_id != c.article_id
        order by c.fact_id, c.id, o.id limit 1""").fetchone()
    excluded, misread = [r[0] for r in conn.execute(
        "select id from claims where fact_id != ? order by id limit 2", [fact])]
    conn.close()
    page = f"/news/-/factcheck/fact/{fact}"
    for fields in ({"action": "verdict", "fact_id": fact, "verdict": "wrong_link"},
                   {"action": "split", "claim_id": claim},
                   {"action": "not_figure", "claim_id": excluded},
                   {"action": "misread", "claim_id": misread, "value": "12345"}):
        r = await post(ds, page, fields, base="/news/-/factcheck")
        assert r.status_code == 302, (fields, r.text[:300])
    before = (await ds.client.get(page + ".json")).json()

    summary = build(path, processes=1)  # the same inputs; the reviews beside the database
    assert summary.articles == 5 and not summary.skipped
    conn = sqlite3.connect(path)
    fact_of = dict(conn.execute("select id, fact_id from claims"))
    assert fact_of[claim] != fact_of[other]  # the split is a cannot-link now
    assert excluded not in fact_of  # not a figure: dropped
    assert conn.execute("select value from claims where id = ?", [misread]).fetchone()[0] == 12345
    conn.close()
    ds = await serve(path)
    after = (await ds.client.get(page + ".json")).json()
    assert after["review"]["verdict"] == before["review"]["verdict"]  # the same fact id, the same verdict
    assert after["review"]["history"] == before["review"]["history"]
    assert claim not in {f["claim_id"] for g in after["groups"] for f in g["figures"]}


@pytest.mark.asyncio
async def test_the_export_is_gold_that_the_evaluation_reads(built, tmp_path):
    from datasette_factcheck import evaluation
    from datasette_factcheck.pipeline import build

    path = tmp_path / "news.db"
    shutil.copy(built, path)
    ds = await serve(path)
    conn = sqlite3.connect(path)
    fact, claim = conn.execute("""
        select c.fact_id, c.id from claims c join claims o on o.fact_id = c.fact_id and o.article_id != c.article_id
        order by c.fact_id desc, c.id limit 1""").fetchone()
    excluded = conn.execute("select id from claims where fact_id != ? order by id desc limit 1", [fact]).fetchone()[0]
    conn.close()
    page = f"/news/-/factcheck/fact/{fact}"
    for fields in ({"action": "split", "claim_id": claim}, {"action": "not_figure", "claim_id": excluded}):
        assert (await post(ds, page, fields, base="/news/-/factcheck")).status_code == 302
    out = tmp_path / "gold"
    subprocess.run([sys.executable, str(REPO / "scripts" / "export_reviews.py"), str(path), str(out)],
                   check=True, capture_output=True, cwd=REPO)
    gold_path, = out.glob("*.gold.json")
    gold = json.loads(gold_path.read_text())
    assert {n["why"] for n in gold["not_claims"]} == {"not a figure (reviewer)"}
    # every gold figure is found where the claim is, and the gold's facts are the story page's
    import sqlite_utils

    articles, spans, _, _, problems = evaluation.located_gold(sqlite_utils.Database(path), gold)
    assert problems == []
    conn = sqlite3.connect(path)
    story, = {r[0] for r in conn.execute("select story from claims where id = ?", [claim])}
    at = {(a, s, e): cid for cid, a, s, e in conn.execute("select id, article_id, start, end from claims")}
    conn.close()
    gold_fact = {at[(articles[g["doc"]]["id"], s, e)]: g["fact"] for g, (s, e) in spans}
    page = (await ds.client.get(f"/news/-/factcheck/story/{story}.json")).json()
    page_fact = {cid: f["id"] for f in page["facts"] for c in f["figures"]
                 for cid in [c["claim_id"], *c.get("repeat_ids", [])]}  # a repeated figure is one voice
    assert excluded not in gold_fact and claim in gold_fact and claim not in page_fact
    assert set(gold_fact) == set(page_fact) | {claim}

    def partition(fact_of):
        out = {}
        for cid, fid in fact_of.items():
            out.setdefault(fid, set()).add(cid)
        return {frozenset(v) for v in out.values()}

    assert partition(gold_fact) == partition(page_fact) | {frozenset([claim])}
    # the published database, not yet rebuilt: the excluded claim is a false claim, the split pair a wrong one
    stale = evaluation.evaluate(path, gold_path)
    assert stale["claim_precision"] < 1.0 and stale["pair_precision"] < 1.0
    build(path, processes=1)  # rebuilt with the reviews: no false claim, and the split stays split
    fresh = evaluation.evaluate(path, gold_path)
    assert fresh["claim_precision"] == fresh["claim_recall"] == 1.0
    split = next((g["figure"], g["doc"]) for g, (s, e) in spans if at[(articles[g["doc"]]["id"], s, e)] == claim)
    assert not [p for p in fresh["wrong_pairs"] if split in (p[:2], p[2:4])]
    # the dropped figure no longer competes, so a fact elsewhere may regroup around its absence
    assert fresh["pair_precision"] >= 0.95


# ---------------------------------------------------------------------------- in a browser

@pytest.mark.browser
def test_a_reviewer_splits_a_claim_in_the_browser_and_a_rebuild_keeps_it(built, tmp_path):
    import contextlib

    from test_browser import CHROMIUM, CHROMIUM_ARGS, free_port, require_chromium

    require_chromium()
    path = tmp_path / "sample.db"
    shutil.copy(built, path)
    sqlite3.connect(reviews.default_path(path)).close()
    block = {"plugins": {"datasette-factcheck": {"reviewers": {"id": ["alice"]}}}}
    settings = tmp_path / "settings.json"
    if IS_1:
        settings.write_text(json.dumps(block))
        options = ["--metadata", str(REPO / "metadata.json"), "-c", str(settings)]
    else:
        settings.write_text(json.dumps({**json.loads((REPO / "metadata.json").read_text()), **block}))
        options = ["--metadata", str(settings)]
    port = free_port()
    base = f"http://127.0.0.1:{port}"

    @contextlib.contextmanager
    def server():
        cmd = [sys.executable, "-m", "datasette", "serve", "-i", str(path), str(reviews.default_path(path)),
               "-h", "127.0.0.1", "-p", str(port), "--secret", "browser-secret", *options]
        with running_datasette(cmd, tmp_path / "datasette.log", base):
            yield

    conn = sqlite3.connect(path)
    fact, claim, story = conn.execute("""
        select c.fact_id, c.id, c.story from claims c join facts f on f.id = c.fact_id
        where (select count(distinct article_id) from claims o where o.fact_id = c.fact_id) > 1
        order by f.status = 'conflict' desc, f.claim_count desc, c.id limit 1""").fetchone()  # the story's main dispute
    conn.close()
    link = subprocess.run([sys.executable, "-m", "datasette", "factcheck", "sign-in-link", "alice",
                           "--secret", "browser-secret", "--url", base],
                          capture_output=True, text=True, check=True).stdout.strip()
    fact_url, story_url = f"{base}/sample/-/factcheck/fact/{fact}", f"{base}/sample/-/factcheck/story/{story}"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            with server():
                reviewer = browser.new_context().new_page()
                reviewer.goto(link)  # signs in, then lands on the home page
                reviewer.goto(fact_url)
                item = reviewer.locator(".fc-figure-item", has=reviewer.locator(f"input[name=claim_id][value='{claim}']")).first
                item.locator("summary").click()
                item.get_by_role("button", name="Split out: not the same quantity").click()
                reviewer.wait_for_url(fact_url)
                moved = reviewer.locator(".fc-moved-out")
                assert moved.count() == 1 and "split out" in moved.inner_text()
                assert "alice" in reviewer.locator(".fc-history").inner_text()
                reviewer.goto(story_url)
                card = reviewer.locator(".fc-card", has=reviewer.locator(f"a[href$='/fact/{fact}']"))
                assert "Taken out by a reviewer" in card.inner_text() and "alice" in card.inner_text()
            # the same inputs again, with the reviews beside the database
            subprocess.run([sys.executable, "-c", "import sys; from datasette_factcheck.pipeline import build; "
                            "build(sys.argv[1], processes=1)", str(path)], check=True, timeout=600, capture_output=True)
            conn = sqlite3.connect(path)
            members = dict(conn.execute("select id, fact_id from claims where story = ?", [story]))
            voices = {tuple(r[1:]) for r in conn.execute(
                "select id, article_id, value, coalesce(bound, 'exact'), unit, superseded != 0 from claims "
                "where fact_id = ? and id != ?", [fact, claim])}  # one article's repeated figure is one item
            conn.close()
            others = [c for c, f in members.items() if f == fact and c != claim]
            assert others and members[claim] != fact  # the fact kept its id; the claim is apart
            with server():
                anonymous = browser.new_context()
                page = anonymous.new_page()
                page.goto(fact_url)
                assert f"input[name=claim_id][value='{claim}']" and page.locator(".fc-review-form").count() == 0
                assert "split out" in page.locator(".fc-history").inner_text()
                assert page.locator(f"a[href$='#claim-{claim}']").count() >= 1  # in the history, not a figure
                figures = page.locator(".fc-group:not(.fc-moved-out) .fc-figure-item").all_inner_texts()
                assert len(figures) == len(voices)
                response = anonymous.request.post(f"{base}/sample/-/factcheck/review", form={
                    "action": "split", "claim_id": others[0]})
                assert response.status == 403
        finally:
            browser.close()


@pytest.mark.asyncio
@pytest.mark.skipif(not IS_1, reason="Datasette 0.65 gives root no permission of a plugin's own")
async def test_root_may_review_on_1_0(db_path):
    from datasette_factcheck.review_views import can_review

    ds = await serve(db_path, reviewers=())
    assert not await can_review(ds, {"id": "root"}, "sample")
    ds.root_enabled = True  # what --root does
    assert await can_review(ds, {"id": "root"}, "sample")
    assert not await can_review(ds, {"id": "alice"}, "sample")
