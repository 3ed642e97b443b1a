"""The Datasette plugin: pages, JSON, hooks, escaping and the shipped metadata, on 0.65 and 1.0a.

Runs against the fixture database from conftest.make_fixture_db (no spaCy needed).
"""
from __future__ import annotations

import json
import math
import re
import sqlite3

import datasette
import pytest
import pytest_asyncio
from datasette.app import Datasette

from conftest import KABUL, REPO, SYRIA
from datasette_factcheck import views
from datasette_factcheck.storage import SCHEMA, VIEWS

IS_1 = not datasette.__version__.startswith("0.")
JS_HREF = re.compile(r"""(href|src)\s*=\s*["']?\s*javascript:""", re.I)
BASE = "/sample/-/factcheck"


def load_config():
    """metadata.json, as `datasette serve --metadata metadata.json` would read it."""
    return {"metadata": json.loads((REPO / "metadata.json").read_text())}


async def make_ds(paths, **kwargs):
    ds = Datasette([str(p) for p in paths], **kwargs)
    await ds.invoke_startup()
    return ds


@pytest_asyncio.fixture
async def ds(fixture_db):
    path, _ = fixture_db
    return await make_ds([path], **load_config())


@pytest.fixture
def ids(fixture_db):
    return fixture_db[1]


async def get_ok(ds, path):
    r = await ds.client.get(path)
    assert r.status_code == 200, (path, r.status_code, r.text[:2000])
    return r


# ---------------------------------------------------------------------------- pages and JSON

@pytest.mark.asyncio
async def test_plugin_is_installed(ds):
    r = await get_ok(ds, "/-/plugins.json")
    assert "datasette-factcheck" in {p["name"] for p in r.json()}


@pytest.mark.asyncio
async def test_stories_page(ds):
    r = await get_ok(ds, BASE)
    assert "Homs and Damascus bombings, 21 February 2016" in r.text
    assert f'href="{BASE}/story/{SYRIA}"' in r.text
    assert "2 contested" in r.text
    assert "Press TV" in r.text
    assert 'href="/-/static-plugins/datasette-factcheck/factcheck.css"' in r.text
    data = (await get_ok(ds, BASE + ".json")).json()
    assert data["database"] == "sample"
    stories = {s["id"]: s for s in data["stories"]}
    assert set(stories) == {SYRIA, KABUL}
    syria = stories[SYRIA]
    assert syria["article_count"] == 4 and syria["contested_count"] == 2
    assert syria["url"] == f"{BASE}/story/{SYRIA}"
    assert "The Guardian" in syria["outlets"]


@pytest.mark.asyncio
async def test_story_page_orders_contested_first_with_charts(ds, ids):
    r = await get_ok(ds, f"{BASE}/story/{SYRIA}")
    html = r.text
    positions = [html.index(f'href="{BASE}/fact/{ids["facts"][k]}"')
                 for k in ("homs_killed", "damascus_killed", "homs_wounded")]
    assert positions == sorted(positions)
    assert html.count('<svg class="fc-chart" role="img"') == 4
    assert "<title id=" in html and "at least 140 (Press TV)" in html
    assert 'class="fc-arrow"' in html  # an at-least figure drawn as an open range
    for name in ("measure", "place", "outlet", "status"):
        assert f'<select name="{name}">' in html
    assert 'method="get"' in html
    data = (await get_ok(ds, f"{BASE}/story/{SYRIA}.json")).json()
    assert [f["status"] for f in data["facts"]] == ["conflict", "conflict", "compatible", "single"]
    assert data["story"]["id"] == SYRIA
    assert data["counts"] == {"conflict": 2, "compatible": 1, "agree": 0, "single": 1}
    first = data["facts"][0]
    assert {"id", "label", "status", "outlets", "figures", "url"} <= set(first)
    assert {"outlet", "value", "bound", "words", "source", "article_url"} <= set(first["figures"][0])
    assert set(data["options"]["outlet"]) == {"<b>Evil</b> Outlet", "Associated Press", "Press TV",
                                              "The Guardian"}


@pytest.mark.asyncio
@pytest.mark.parametrize("query,expected", [
    ("status=conflict", {"homs_killed", "total_killed"}),
    ("status=compatible", {"damascus_killed"}),
    ("measure=wounded", {"homs_wounded"}),
    ("place=Sayyida+Zeinab", {"damascus_killed"}),
    ("outlet=The+Guardian", {"homs_killed", "total_killed", "damascus_killed"}),
    ("outlet=Press+TV&status=compatible", {"damascus_killed"}),
    ("status=nonsense", set()),
    ("status=&measure=", {"homs_killed", "total_killed", "damascus_killed", "homs_wounded"}),
])
async def test_story_filters(ds, ids, query, expected):
    data = (await get_ok(ds, f"{BASE}/story/{SYRIA}.json?{query}")).json()
    names = {v: k for k, v in ids["facts"].items()}
    assert {names[f["id"]] for f in data["facts"]} == expected
    html = (await get_ok(ds, f"{BASE}/story/{SYRIA}?{query}")).text
    if "status=conflict" in query:
        assert '<option value="conflict" selected>' in html
    if not expected:
        assert "No facts match these filters" in html


@pytest.mark.asyncio
async def test_story_page_lists_its_articles(ds, ids):
    html = (await get_ok(ds, f"{BASE}/story/{SYRIA}")).text
    for key in ("ap", "presstv", "guardian", "hostile"):
        assert f'href="{BASE}/article/{ids["articles"][key]}"' in html
    assert ids["articles"]["kabul_a"] not in html
    data = (await get_ok(ds, f"{BASE}/story/{KABUL}.json")).json()
    assert {a["outlet"] for a in data["articles"]} == {"Reuters", "BBC News"}
    assert data["facts"][0]["status"] == "agree"


@pytest.mark.asyncio
async def test_fact_page(ds, ids):
    fact_id = ids["facts"]["homs_killed"]
    html = (await get_ok(ds, f"{BASE}/fact/{fact_id}")).text
    assert "Contested" in html and 'aria-hidden="true">\u26a0</span>' in html  # text and icon
    assert "on its own word" in html  # Press TV's 57 cites nobody
    assert "Syrian Observatory for Human Rights" in html
    assert '<mark class="fc-figure">57</mark>' in html
    assert '<mark class="fc-figure">Thirty-nine</mark>' in html
    claim = ids["claims"]["guardian:57"]
    assert f'href="{BASE}/article/{ids["articles"]["guardian"]}#claim-{claim}"' in html
    assert "superseded" in html and "Superseded figures" in html
    data = (await get_ok(ds, f"{BASE}/fact/{fact_id}.json")).json()
    assert data["fact"]["status"] == "conflict" and data["fact"]["label"] == "killed in Homs"
    assert data["fact"]["state"]["label"] == "Contested"
    assert "<h1>killed in Homs</h1>" in html
    groups = [g for g in data["groups"] if not g["superseded"]]
    assert [g["value"] for g in groups] == [39, 46, 57, 60]
    assert len(groups[2]["figures"]) == 2  # 57 from Press TV and from the Guardian
    superseded = [g for g in data["groups"] if g["superseded"]][0]["figures"]
    assert [f["value"] for f in superseded] == [14] and superseded[0]["superseded"] is True
    assert data["parts"] is None


@pytest.mark.asyncio
async def test_a_weakly_linked_fact_says_possibly_the_same_quantity(ds, ids):
    weak = ids["facts"]["damascus_killed"]
    html = (await get_ok(ds, f"{BASE}/fact/{weak}")).text
    assert "Possibly the same quantity" in html and "weakest link 0.61" in html
    data = (await get_ok(ds, f"{BASE}/fact/{weak}.json")).json()
    assert data["fact"]["confidence"] == 0.61 and data["fact"]["uncertain"] is True
    strong = (await get_ok(ds, f"{BASE}/fact/{ids['facts']['homs_killed']}")).text
    assert "Possibly the same quantity" not in strong and "weakest link 0.93" in strong
    story = (await get_ok(ds, f"{BASE}/story/{SYRIA}")).text
    assert story.count("Possibly the same quantity") == 1


@pytest.mark.asyncio
async def test_fact_page_part_and_whole(ds, ids):
    fact_id = ids["facts"]["total_killed"]
    html = (await get_ok(ds, f"{BASE}/fact/{fact_id}")).text
    assert "Part and whole" in html and "Adds up" in html
    assert "at least 140" in html and "sum of parts" in html
    assert f'href="{BASE}/fact/{ids["facts"]["damascus_killed"]}"' in html
    assert f'href="{BASE}/article/{ids["articles"]["presstv"]}"' in html
    data = (await get_ok(ds, f"{BASE}/fact/{fact_id}.json")).json()
    assert data["parts"]["sum"] == 140 and data["parts"]["ok"] is True
    assert data["groups"][0]["figures"][0]["words"] == "88"
    assert data["groups"][1]["figures"][0]["words"] == "at least 140"


@pytest.mark.asyncio
async def test_article_page(ds, ids):
    article = ids["articles"]["presstv"]
    html = (await get_ok(ds, f"{BASE}/article/{article}")).text
    claim = ids["claims"]["presstv:57"]
    assert re.search(rf'<mark class="fc-claim fc-status-conflict" id="claim-{claim}" tabindex="0"', html)
    popover = re.search(rf'<div class="fc-popover" role="tooltip" id="pop-{claim}" hidden>(.*?)</div>',
                        html, re.S).group(1)
    assert "The Guardian" in popover and "Associated Press" in popover
    assert "Press TV" in popover  # its own figure is named, in "This article:"
    assert f'href="{BASE}/fact/{ids["facts"]["homs_killed"]}"' in popover
    assert 'href="http://www.presstv.ir/Detail/2016/02/22/homs"' in html
    assert "factcheck.js" in html
    data = (await get_ok(ds, f"{BASE}/article/{article}.json")).json()
    assert data["article"]["outlet"] == "Press TV"
    assert [len(p["sentences"]) for p in data["paragraphs"]] == [1, 2, 1]
    by_id = {c["claim_id"]: c for c in data["claims"]}
    assert {o["outlet"] for o in by_id[claim]["competing"]} == {
        "Associated Press", "The Guardian", "<b>Evil</b> Outlet"}
    assert all(o["outlet"] != "Press TV" for c in data["claims"] for o in c["competing"])


@pytest.mark.asyncio
async def test_article_page_dims_furniture_and_captions(ds, ids):
    html = (await get_ok(ds, f"{BASE}/article/{ids['articles']['ap']}")).text
    assert '<div class="fc-paragraph fc-aside"><span class="fc-kind-tag">page furniture</span>' in html
    assert '<span class="fc-kind-tag">byline</span>' in html
    assert 'class="fc-paragraph fc-headline"' in html
    html = (await get_ok(ds, f"{BASE}/article/{ids['articles']['guardian']}")).text
    assert '<span class="fc-kind-tag">caption</span>' in html


@pytest.mark.asyncio
async def test_article_without_url_or_other_outlets(ds, ids):
    data = (await get_ok(ds, f"{BASE}/article/{ids['articles']['kabul_b']}.json")).json()
    assert data["article"]["url"] is None
    assert [o["outlet"] for o in data["claims"][0]["competing"]] == ["Reuters"]
    html = (await get_ok(ds, f"{BASE}/fact/{ids['facts']['homs_wounded']}")).text
    assert "One outlet" in html


def strict_loads(text):
    """json.loads that refuses Infinity, -Infinity and NaN, which are not JSON."""
    def refuse(name):
        raise ValueError(f"{name} is not JSON")
    return json.loads(text, parse_constant=refuse)


@pytest.mark.asyncio
async def test_non_finite_and_huge_values_never_break_a_page(fixture_db, ids, tmp_path):
    """A database may hold inf, 1e308 or text where a figure belongs: every page still answers,
    and every JSON page is strict JSON."""
    import shutil

    path = tmp_path / "sample.db"
    shutil.copy(fixture_db[0], path)
    inf = float("inf")
    conn = sqlite3.connect(path)
    with conn:
        for key, value, low, high in (("ap:46", inf, inf, inf), ("guardian:57", -inf, None, -inf),
                                      ("presstv:at least 83", 1.7e308, 1.7e308, None),
                                      ("guardian:at least 31", -1.7e308, None, None),
                                      ("hostile:About 60", "lots", "x", inf)):
            conn.execute("update claims set value = ?, low = ?, high = ? where id = ?",
                         (value, low, high, ids["claims"][key]))
        conn.execute("update facts set min_value = ?, max_value = ?, spread = ?, parts = ?",
                     (-inf, inf, inf, json.dumps({"whole": {"value": inf}, "sum": inf, "ok": False})))
    conn.close()
    ds = await make_ds([path], **load_config())
    pages = [BASE] + [f"{BASE}/story/{s}" for s in ids["stories"]] + \
        [f"{BASE}/fact/{f}" for f in ids["facts"].values()] + \
        [f"{BASE}/article/{a}" for a in ids["articles"].values()]
    for page in pages:
        html = (await get_ok(ds, page)).text
        assert not re.search(r"\b(inf|nan|infinity)\b", re.sub(r"<[^>]*>", " ", html), re.I), page
        data = strict_loads((await get_ok(ds, page + ".json")).text)
        assert data["database"] == "sample"
    fact = strict_loads((await get_ok(ds, f"{BASE}/fact/{ids['facts']['homs_killed']}.json")).text)
    assert fact["fact"]["max_value"] is None and fact["parts"]["sum"] is None
    assert None in [g["value"] for g in fact["groups"]]  # the infinite figure is listed, valueless
    for table in ("sentences", "claims"):
        await get_ok(ds, f"/sample/{table}")


def test_nice_ticks_cope_with_any_range():
    for lo, hi in ((0, float("inf")), (-1.7e308, 1.7e308), (1e-320, 2e-320), (float("nan"), 1)):
        assert all(math.isfinite(t) for t in views.nice_ticks(lo, hi))


# ---------------------------------------------------------------------------- 404s and escaping

HOSTILE_IDS = ["x' OR 1=1--", "x%27%20OR%201%3D1--", "..%2F..%2Fetc", "<script>alert(1)</script>",
               "%3Cscript%3E", "~2E~2E~2Fetc", "1;drop table claims", "%00", "~ZZ", "~FF~FE"]


@pytest.mark.asyncio
@pytest.mark.parametrize("page", ["story", "fact", "article"])
@pytest.mark.parametrize("bad", HOSTILE_IDS)
async def test_hostile_ids_are_404(ds, page, bad):
    for suffix in ("", ".json"):
        r = await ds.client.get(f"{BASE}/{page}/{bad}{suffix}", follow_redirects=True)
        assert r.status_code == 404, (page, bad, suffix, r.status_code)
        assert "<script>alert" not in r.text


@pytest.mark.asyncio
async def test_unknown_database_and_plain_database_are_404(fixture_db, tmp_path):
    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("create table sentences (id text primary key, text text)")
    ds = await make_ds([fixture_db[0], plain])
    for path in ("/nope/-/factcheck", "/nope/-/factcheck.json", "/plain/-/factcheck",
                 "/plain/-/factcheck/story/x", f"/plain/-/factcheck/fact/{fixture_db[1]['facts']['homs_killed']}"):
        r = await ds.client.get(path)
        assert r.status_code == 404, path
    # render_cell leaves a sentences table without the fact-check tables alone
    r = await get_ok(ds, "/plain/sentences")
    assert "fc-figure" not in r.text


@pytest.mark.asyncio
async def test_pages_respect_view_permissions(fixture_db, ids):
    deny = {"databases": {"sample": {"allow": False}}}
    ds = await make_ds([fixture_db[0]], **({"config": deny} if IS_1 else {"metadata": deny}))
    for path in (BASE, f"{BASE}/story/{SYRIA}", f"{BASE}/fact/{ids['facts']['homs_killed']}.json",
                 f"{BASE}/article/{ids['articles']['ap']}"):
        r = await ds.client.get(path)
        assert r.status_code in (403, 404), path
        assert "Homs" not in r.text
    html = (await ds.client.get("/")).text
    assert f'href="{BASE}"' not in html


@pytest.mark.asyncio
async def test_hostile_article_is_escaped_everywhere(ds, ids):
    article = ids["articles"]["hostile"]
    pages = [f"{BASE}/article/{article}", f"{BASE}/story/{SYRIA}", BASE,
             f"{BASE}/fact/{ids['facts']['homs_killed']}", f"{BASE}/story/{SYRIA}?outlet=%3Cb%3EEvil%3C%2Fb%3E+Outlet",
             f"{BASE}/story/{SYRIA}?status=%3Cscript%3Ealert(1)%3C/script%3E",
             "/sample/sentences", "/sample/claims", f"/sample/articles/{article}"]
    for path in pages:
        html = (await get_ok(ds, path)).text
        assert "<script>alert" not in html, path
        assert "<img src=x" not in html, path
        assert "<b>Evil</b>" not in html, path
        assert not JS_HREF.search(html), path
    html = (await get_ok(ds, f"{BASE}/article/{article}")).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert '<span class="fc-url-text">javascript:alert(1)</span>' in html  # shown, not linked
    assert "&lt;i&gt;officials&lt;/i&gt;" in html


@pytest.mark.asyncio
async def test_filter_values_from_the_query_string_are_escaped(ds):
    html = (await get_ok(ds, f"{BASE}/story/{SYRIA}?place=%22%3E%3Cscript%3Ealert(1)%3C/script%3E")).text
    assert "<script>alert(1)" not in html


# ---------------------------------------------------------------------------- Datasette's own pages

@pytest.mark.asyncio
async def test_render_cell_highlights_sentences(ds, ids):
    html = (await get_ok(ds, "/sample/sentences?_size=100")).text
    fact = ids["facts"]["damascus_killed"]
    assert (f'<mark class="fc-figure" title="at least 83 \u00b7 Compatible">'
            f'<a href="{BASE}/fact/{fact}">at least 83</a></mark>') in html
    assert "Sayyida Zeinab, killing <mark" in html
    # the hostile sentence: escaped text round the mark
    assert '<mark class="fc-figure" title="about 60' in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    data = (await get_ok(ds, "/sample/sentences.json?_shape=array")).json()
    assert all("<mark" not in row["text"] for row in data)  # JSON stays raw


@pytest.mark.asyncio
async def test_render_cell_links_claims_to_facts(ds, ids):
    html = (await get_ok(ds, "/sample/claims?_size=100")).text
    fact = ids["facts"]["homs_killed"]
    assert f'<a href="{BASE}/fact/{fact}">killed in Homs</a> <span class="fc-cell-status">(\u26a0 Contested)</span>' in html
    assert "Other figures:" not in html  # compact: no list of figures in every row
    # row page too: the link, the status and how many other current figures the fact has
    claim = ids["claims"]["presstv:57"]
    html = (await get_ok(ds, f"/sample/claims/{claim}")).text
    assert f'href="{BASE}/fact/{fact}"' in html
    assert '<small class="fc-cell-others">+4 other figures</small>' in html  # 5 current, less its own
    assert "57 (The Guardian)" not in html


@pytest.mark.asyncio
@pytest.mark.parametrize("path", ["/sample/sentences", "/sample/claims", "/sample/claims_in_context"])
async def test_render_cell_looks_up_a_whole_page_at_once(fixture_db, monkeypatch, path):
    """The queries the plugin adds to a table page do not grow with its rows: 2 rows or 100."""
    from datasette.database import Database
    from datasette.plugins import pm

    import datasette_factcheck

    calls = []
    execute = Database.execute

    async def counting(self, sql, *args, **kwargs):
        calls.append(sql)
        return await execute(self, sql, *args, **kwargs)

    monkeypatch.setattr(Database, "execute", counting)

    async def queries(size):
        ds = await make_ds([fixture_db[0]], **load_config())
        await ds.client.get(f"{path}?_size={size}")  # warm Datasette's own caches
        calls.clear()
        html = (await get_ok(ds, f"{path}?_size={size}")).text
        return len(calls), html.count("fc-figure") + html.count("fc-cell-status")

    (small, few), (large, many) = await queries(2), await queries(100)
    assert few < many and many >= 5
    pm.unregister(datasette_factcheck)
    try:
        (small_bare, none), (large_bare, _) = await queries(2), await queries(100)
    finally:
        pm.register(datasette_factcheck, "factcheck")
    assert none == 0
    assert large - large_bare == small - small_bare, (large, large_bare, small, small_bare)


@pytest.mark.asyncio
@pytest.mark.parametrize("table", ["claims", "facts", "articles"])
async def test_table_actions_link_to_plugin(ds, table):
    html = (await get_ok(ds, f"/sample/{table}")).text
    assert f'href="{BASE}"' in html and "Fact-check: all stories" in html


@pytest.mark.asyncio
async def test_menu_link(ds):
    html = (await get_ok(ds, "/")).text
    assert f'<a href="{BASE}">Fact-check</a>' in html


@pytest.mark.asyncio
@pytest.mark.skipif(not IS_1, reason="row_actions is a Datasette 1.0a hook")
async def test_row_actions(ds, ids):
    fact = ids["facts"]["homs_killed"]
    html = (await get_ok(ds, f"/sample/facts/{fact}")).text
    assert f'href="{BASE}/fact/{fact}"' in html and "Open the fact page" in html
    assert html.count("Open the fact page") == 1  # once: not registered under two names
    claim, article = ids["claims"]["presstv:57"], ids["articles"]["presstv"]
    html = (await get_ok(ds, f"/sample/claims/{claim}")).text
    assert html.count(f'href="{BASE}/article/{article}#claim-{claim}"') == 1
    from datasette.plugins import pm

    assert [i.plugin_name for i in pm.hook.row_actions.get_hookimpls()].count("factcheck") == 1


def test_row_actions_registered_only_where_specified():
    import datasette_factcheck
    from datasette import hookspecs

    assert hasattr(datasette_factcheck, "row_actions") == hasattr(hookspecs, "row_actions")


@pytest.mark.asyncio
async def test_base_url(fixture_db, ids):
    ds = await make_ds([fixture_db[0]], settings={"base_url": "/news/"})
    html = (await get_ok(ds, f"{BASE}/story/{SYRIA}")).text
    assert f'href="/news{BASE}/fact/{ids["facts"]["homs_killed"]}"' in html
    assert 'href="/news/-/static-plugins/datasette-factcheck/factcheck.css"' in html
    html = (await get_ok(ds, f"{BASE}/article/{ids['articles']['ap']}")).text
    assert f'href="/news{BASE}/fact/' in html


@pytest.mark.asyncio
async def test_immutable_database(fixture_db, ids):
    ds = Datasette(immutables=[str(fixture_db[0])])
    await ds.invoke_startup()
    for path in (BASE, f"{BASE}/story/{SYRIA}", f"{BASE}/fact/{ids['facts']['homs_killed']}",
                 f"{BASE}/article/{ids['articles']['ap']}"):
        await get_ok(ds, path)


# ---------------------------------------------------------------------------- metadata and queries

@pytest.mark.asyncio
@pytest.mark.parametrize("name,params,expected", [
    ("contested_facts_in_story", {"story": SYRIA}, 2),
    ("contested_facts_in_story", {"story": KABUL}, 0),
    ("contested_facts_in_story", {"story": ""}, 2),
    ("figures_by_source", {"source": "Observatory"}, 5),
    ("claims_matching", {"term": "Homs"}, 6),
    ("claims_matching", {"term": '"'}, 0),
    ("claims_matching", {"term": ""}, 0),
    ("outlet_outliers", {"outlet": "Associated Press"}, 2),
    ("outlet_outliers", {"outlet": "The Guardian"}, 2),
])
async def test_canned_queries(ds, name, params, expected):
    r = await ds.client.get(f"/sample/{name}.json", params={**params, "_shape": "array"})
    assert r.status_code == 200, r.text
    assert len(r.json()) == expected
    html = (await get_ok(ds, f"/sample/{name}")).text  # the form, before any parameter is given
    assert 'class="message-error"' not in html


@pytest.mark.asyncio
async def test_outliers_are_the_figures_nobody_else_gives(ds):
    r = await ds.client.get("/sample/outlet_outliers.json",
                            params={"outlet": "Associated Press", "_shape": "array"})
    assert sorted(row["value"] for row in r.json()) == [39, 46]


@pytest.mark.asyncio
async def test_stories_page_lists_bookmarkable_queries(ds):
    html = (await get_ok(ds, BASE)).text
    assert 'href="/sample/claims_matching"' in html


def test_defaults_describe_every_table_and_column_briefly():
    from datasette_factcheck.defaults import DEFAULTS

    tables, details = DEFAULTS["tables"], DEFAULTS["details"]
    for table, columns in SCHEMA.items():
        assert tables[table]["description"]
        assert set(details[table]) == set(columns), table  # the long text, on the about page
        assert set(tables[table]["columns"]) <= set(columns)
        assert len(tables[table]["columns"]) <= 10  # not a screen of descriptions before the rows
        assert all(len(text) <= 60 for text in tables[table]["columns"].values())
    for view in VIEWS:
        assert tables[view]["description"]
    assert tables["claims"]["facets"] == ["measure", "bound", "outlet", "source"]
    assert set(DEFAULTS["queries"]) == {"contested_facts_in_story", "figures_by_source",
                                        "claims_matching", "outlet_outliers"}


def test_metadata_keeps_only_what_a_user_customises():
    meta = json.loads((REPO / "metadata.json").read_text())
    assert meta["title"] == "datasette-factcheck" and meta["license"] and meta["source"]
    assert "databases" not in meta


@pytest.mark.asyncio
async def test_a_database_of_any_name_gets_queries_facets_and_descriptions(fixture_db, tmp_path):
    """No metadata and no configuration: what the plugin gives follows the tables, not the name."""
    import shutil

    path = tmp_path / "coverage.db"
    shutil.copyfile(fixture_db[0], path)
    ds = await make_ds([path])
    r = await ds.client.get("/coverage/contested_facts_in_story.json",
                            params={"story": SYRIA, "_shape": "array"})
    assert r.status_code == 200 and len(r.json()) == 2
    r = await ds.client.get("/coverage/outlet_outliers.json",
                            params={"outlet": "The Guardian", "_shape": "array"})
    assert len(r.json()) == 2
    html = (await get_ok(ds, "/coverage/claims")).text
    assert "Every figure an article asserts" in html  # the table's description
    assert "Who is cited" in html  # a short column description
    data = (await get_ok(ds, "/coverage/claims.json?_extra=facet_results")).json() if IS_1 else \
        (await get_ok(ds, "/coverage/claims.json")).json()
    facets = data["facet_results"]
    assert set((facets.get("results") or facets)) >= {"measure", "bound", "outlet", "source"}
    html = (await get_ok(ds, "/coverage/-/factcheck")).text
    assert 'href="/coverage/claims_matching"' in html
    # a database without the tables gets nothing
    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("create table t (x)").connection.commit()
    ds = await make_ds([plain])
    assert (await ds.client.get("/plain/contested_facts_in_story")).status_code == 404


@pytest.mark.asyncio
async def test_a_users_own_metadata_wins(fixture_db):
    meta = {"databases": {"sample": {"tables": {"claims": {"description": "Our own words"}}}}}
    ds = await make_ds([fixture_db[0]], metadata=meta)
    html = (await get_ok(ds, "/sample/claims")).text
    assert "Our own words" in html and "Every figure an article asserts" not in html


@pytest.mark.asyncio
async def test_column_descriptions_show(ds):
    html = (await get_ok(ds, "/sample/claims")).text
    assert "Every figure an article asserts" in html


# ---------------------------------------------------------------------------- helpers

@pytest.mark.parametrize("value,bound,words", [
    (57, "at_least", "at least 57"), (57.0, "exact", "57"), (1200, "more_than", "more than 1,200"),
    (2.5, "about", "about 2.5"), (10, "up_to", "up to 10"), (3, "less_than", "less than 3"),
    (4, None, "4"), (None, "exact", "?"),
])
def test_figure_words(value, bound, words):
    assert views.figure_words(value, bound) == words


@pytest.mark.parametrize("url,ok", [
    ("https://example.com/a", True), ("http://example.com", True), ("javascript:alert(1)", False),
    (" JavaScript:alert(1)", False), ("data:text/html,x", False), ("//evil.com", False),
    ("ftp://x", False), (None, False), ("http://[bad", False),
])
def test_safe_url(url, ok):
    assert (views.safe_url(url) is not None) == ok


def test_highlight_escapes_and_skips_bad_spans():
    out = views.highlight("<b>57</b> & 46", [(3, 5, None), (4, 6, None), (12, 14, None), (9, 99, None)],
                          views.plain_mark)
    assert str(out) == ('&lt;b&gt;<mark class="fc-figure">57</mark>&lt;/b&gt; &amp; '
                        '<mark class="fc-figure">46</mark>')


def test_chart_is_accessible_and_escaped():
    figs = [{"value": 57, "bound": "at_least", "outlet": "<b>X</b>"},
            {"value": 10, "bound": "up_to", "outlet": "Y"},
            {"value": 30, "bound": "about", "low": 27, "high": 33, "outlet": "Z"},
            {"value": 14, "bound": "exact", "outlet": "Y", "superseded": 1}]
    svg = str(views.chart_svg(figs, "killed & <wounded>", "chart-1"))
    assert svg.startswith('<svg class="fc-chart" role="img" aria-labelledby="chart-1"')
    assert "<b>" not in svg and "&lt;b&gt;X&lt;/b&gt;" in svg
    assert "at least 57 (&lt;b&gt;X&lt;/b&gt;), " not in svg  # ordered by value
    assert "up to 10 (Y), about 30 (Z), at least 57 (&lt;b&gt;X&lt;/b&gt;)" in svg
    assert svg.count('class="fc-arrow"') == 2 and 'class="fc-about"' in svg
    assert "(Y), 14" not in svg  # superseded figures are not drawn
    assert views.chart_svg([], "x", "c") == ""


def test_sums_in_several_currencies_get_a_chart_each():
    figs = [{"value": 2e6, "unit": "EUR", "outlet": "A"}, {"value": 2e6, "unit": "EUR", "outlet": "B"},
            {"value": 2.6e6, "unit": "USD", "outlet": "C"}]
    svg = str(views.chart_svg(figs, "stolen", "chart-1"))
    assert svg.count("<svg ") == 2 and 'id="chart-1-EUR"' in svg and 'id="chart-1-USD"' in svg
    assert "stolen (in USD): 2,600,000 (C)" in svg and "2,600,000 (C)" not in svg.split("chart-1-USD")[0]
    assert str(views.chart_svg(figs[:2], "stolen", "chart-1")).count("<svg ") == 1


def test_miles_beside_kilometres_are_drawn_in_km_and_labelled_in_their_own_unit():
    figs = [{"value": 10, "unit": "mile", "outlet": "A"}, {"value": 25, "bound": "less_than", "unit": "km", "outlet": "B"}]
    svg = str(views.chart_svg(figs, "distance", "chart-1"))
    assert "10 mile · A" in svg and "less than 25 km · B" in svg and "(in km)" in svg
    # drawn at 16.1 km, left of 25 km: the dot for A is not at the far right
    import re
    xs = [float(x) for x in re.findall(r'<circle class="fc-dot[^"]*" cx="([\d.]+)"', svg)]
    assert len(xs) == 2 and xs[0] < xs[1]


def test_nice_ticks():
    assert views.nice_ticks(0, 100) == [0, 25, 50, 75, 100]
    assert views.nice_ticks(5, 5) == [5]


@pytest.mark.asyncio
async def test_stories_page_pages_and_finds_stories(tmp_path):
    """A year of coverage is hundreds of stories: a hundred to a page, found by name or outlet."""
    import sqlite_utils

    from datasette_factcheck import storage

    path = tmp_path / "many.db"
    db = sqlite_utils.Database(path)
    storage.ensure_db_shape(db)
    db["stories"].insert_all([
        {"id": f"story-{i:03d}", "name": f"story-{i:03d}" + (" <b>flood</b>" if i % 50 == 0 else ""),
         "article_count": 1, "fact_count": 0, "contested_count": 0, "claim_count": 0,
         "outlets": json.dumps(["Daily <Post>" if i == 7 else "Wire"])} for i in range(250)])
    db.close()
    ds = await make_ds([path])
    base = "/many/-/factcheck"
    page1 = (await get_ok(ds, base + ".json")).json()
    assert (page1["total"], page1["pages"], page1["page"]) == (250, 3, 1)
    assert len(page1["stories"]) == 100 and page1["stories"][0]["id"] == "story-000"
    assert page1["previous_url"] is None and page1["next_url"] == base + "?page=2"
    page3 = (await get_ok(ds, base + ".json?page=3")).json()
    assert [s["id"] for s in page3["stories"]][-1] == "story-249" and len(page3["stories"]) == 50
    assert page3["next_url"] is None and page3["previous_url"] == base + "?page=2"
    assert (await get_ok(ds, base + ".json?page=99")).json()["page"] == 3      # past the end: the last page
    assert (await get_ok(ds, base + ".json?page=x")).json()["page"] == 1       # malformed: the first
    found = (await get_ok(ds, base + ".json?q=FLOOD")).json()
    assert {s["id"] for s in found["stories"]} == {"story-000", "story-050", "story-100", "story-150", "story-200"}
    assert [s["id"] for s in (await get_ok(ds, base + ".json?q=daily+<post>")).json()["stories"]] == ["story-007"]
    html = (await get_ok(ds, base + "?q=%3Cscript%3Ealert(1)%3C/script%3E")).text
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    html = (await get_ok(ds, base + "?page=2")).text
    assert 'rel="prev"' in html and 'rel="next"' in html and "page 2 of 3" in html
    assert "<b>flood</b>" not in html and 'type="search" name="q"' in html


# ---------------------------------------------------------------------------- time, export, about

@pytest.mark.asyncio
async def test_figures_carry_their_date_and_a_safe_link_to_the_original(ds, ids):
    fact = ids["facts"]["homs_killed"]
    data = (await get_ok(ds, f"{BASE}/fact/{fact}.json")).json()
    by_outlet = {f["outlet"]: f for g in data["groups"] for f in g["figures"]}
    assert by_outlet["Press TV"]["published"] == "2016-02-22"
    assert by_outlet["Press TV"]["original_url"] == "http://www.presstv.ir/Detail/2016/02/22/homs"
    assert by_outlet["<b>Evil</b> Outlet"]["original_url"] is None  # javascript: is never a link
    for page in (f"{BASE}/fact/{fact}", f"{BASE}/article/{ids['articles']['ap']}"):
        html = (await get_ok(ds, page)).text
        assert '<time class="fc-date" datetime="2016-02-22">2016-02-22</time>' in html
        assert 'class="fc-original" href="http://www.presstv.ir/Detail/2016/02/22/homs"' in html
        assert not JS_HREF.search(html)


@pytest.mark.asyncio
async def test_story_and_fact_pages_link_to_csv_of_their_figures(ds, ids):
    fact = ids["facts"]["homs_killed"]
    html = (await get_ok(ds, f"{BASE}/fact/{fact}")).text
    href = re.search(r'href="([^"]+)">CSV of these figures', html).group(1).replace("&amp;", "&")
    r = await get_ok(ds, href)
    lines = r.text.strip().splitlines()
    assert lines[0].startswith("id,") and len(lines) - 1 == 6  # every figure of the fact
    html = (await get_ok(ds, f"{BASE}/story/{KABUL}")).text
    href = re.search(r'href="([^"]+)">CSV of this story', html).group(1).replace("&amp;", "&")
    assert len((await get_ok(ds, href)).text.strip().splitlines()) - 1 == 2


@pytest.mark.asyncio
async def test_about_page_is_linked_from_every_page(ds, ids):
    html = (await get_ok(ds, f"{BASE}/about")).text
    for words in ("Superseded figures", "On its own word", "Link confidence", "How the figures were found",
                  "every figure and every bound is the same", "place_from"):
        assert words in html
    for page in (BASE, f"{BASE}/story/{SYRIA}", f"{BASE}/fact/{ids['facts']['homs_killed']}",
                 f"{BASE}/article/{ids['articles']['ap']}"):
        assert f'href="{BASE}/about">About these pages' in (await get_ok(ds, page)).text


def test_a_figure_in_one_articles_headline_and_body_is_one_mark():
    figs = [{"id": "h", "article_id": "a1", "value": 57, "bound": "exact", "outlet": "Herald"},
            {"id": "b", "article_id": "a1", "value": 57, "bound": "exact", "outlet": "Herald"},
            {"id": "o", "article_id": "a2", "value": 57, "bound": "exact", "outlet": "Gazette"},
            {"id": "l", "article_id": "a1", "value": 59, "bound": "at_least", "outlet": "Herald"}]
    svg = str(views.chart_svg(figs, "killed", "c"))
    assert svg.count("<circle") == 3  # Herald's 57 twice is one voice
    assert "57 \u00b7 Herald \u00d72" in svg and "57 \u00b7 Gazette<" in svg


# ---------------------------------------------------------------------------- timeline, one voice

TOLL = "flood-2024-05-01"


def make_toll_db(path):
    """A toll that rises over a day: the Herald says 12 in the morning and 15 at night, the Gazette
    13 and the Courier 14 (in its headline and body: one voice) in the afternoon; and the homes
    flooded, which the Gazette and the Courier give at one time. Returns (fact ids, article ids)."""
    import sqlite_utils

    from conftest import _article_rows, stable_id
    from datasette_factcheck.storage import ensure_db_shape, update_story_counts

    specs = {
        "herald_am": ("Herald", "2024-05-01T08:00:00", [[("body", "Police said 12 people died in the flood.")]]),
        "gazette": ("Gazette", "2024-05-01T16:00:00", [[("body", "The flood killed 13 people, officials said.")],
                                                        [("body", "Some 200 homes were flooded.")]]),
        "courier": ("Courier", "2024-05-01T16:00:00", [[("headline", "Flood kills 14")],
                                                        [("body", "The flood has killed 14 people.")],
                                                        [("body", "About 200 homes were flooded.")]]),
        "herald_pm": ("Herald", "2024-05-01T20:00:00", [[("body", "The death toll rose to 15 on Wednesday.")]]),
    }
    db = sqlite_utils.Database(path)
    ensure_db_shape(db)
    db["stories"].insert({"id": TOLL, "name": "Flood, 1 May 2024"}, pk="id")
    facts = {"killed": stable_id("fact", TOLL, "killed"), "homes": stable_id("fact", TOLL, "homes")}
    figures = {"herald_am": [("12", "killed")], "gazette": [("13", "killed"), ("200", "homes")],
               "courier": [("14", "killed"), ("14", "killed"), ("200", "homes")],
               "herald_pm": [("15", "killed")]}
    articles, sentences, claims = {}, [], []
    for key, (outlet, published, paragraphs) in specs.items():
        article, rows = _article_rows(key, dict(story=TOLL, path=f"{key}.txt", outlet=outlet,
                                                published=published,
                                                title=paragraphs[0][0][1], url=None, paragraphs=paragraphs))
        articles[key] = article
        sentences += rows
        pos = 0
        for text, fact in figures[key]:
            start = article["text"].index(text, pos)
            pos = start + len(text)
            sentence = next(s for s in rows if s["start"] <= start < s["end"])
            claims.append({"id": stable_id("claim", article["id"], start), "article_id": article["id"],
                           "sentence_id": sentence["id"], "fact_id": facts[fact], "story": TOLL,
                           "outlet": outlet, "start": start, "end": pos, "text": text, "value": float(text),
                           "low": float(text), "high": float(text), "bound": "exact", "unit": "people",
                           "measure": fact, "superseded": 0, "kind": "cardinal"})
    fact_rows = []
    for name, fid in facts.items():
        mine = [c for c in claims if c["fact_id"] == fid]
        outlets = sorted({c["outlet"] for c in mine})
        values = [c["value"] for c in mine]
        fact_rows.append({"id": fid, "story": TOLL, "label": name, "measure": name, "unit": "people",
                          "status": "conflict" if len(set(values)) > 1 else "agree",
                          "outlet_count": len(outlets), "claim_count": len(mine), "min_value": min(values),
                          "max_value": max(values), "spread": max(values) - min(values),
                          "outlets": json.dumps(outlets), "sources": "[]", "confidence": 0.9})
    with db.conn:
        db["articles"].insert_all(articles.values(), pk="id")
        db["sentences"].insert_all(sentences, pk="id")
        db["facts"].insert_all(fact_rows, pk="id")
        db["claims"].insert_all(claims, pk="id")
    update_story_counts(db, TOLL)
    db.conn.close()
    return facts, {k: a["id"] for k, a in articles.items()}


@pytest_asyncio.fixture
async def toll(tmp_path):
    path = tmp_path / "flood.db"
    facts, articles = make_toll_db(path)
    return await make_ds([path]), facts, articles


def timeline_svg_of(html):
    found = re.search(r'<svg class="fc-chart fc-timeline".*?</svg>', html, re.S)
    return found.group(0) if found else None


@pytest.mark.asyncio
async def test_a_fact_given_at_different_times_gets_a_timeline(toll):
    ds, facts, _ = toll
    base = "/flood/-/factcheck"
    html = (await get_ok(ds, f"{base}/fact/{facts['killed']}")).text
    svg = timeline_svg_of(html)
    assert svg and 'role="img"' in svg
    # one mark per outlet's figure: the Herald's two reports, the Gazette's, the Courier's once
    assert svg.count("<circle") == 4
    assert svg.count("fc-dot-superseded") == 1  # the Herald's 12, replaced by its own 15
    assert re.search(r'class="fc-label fc-label-superseded"[^>]*>12 · Herald<', svg)
    assert "14 · Courier \u00d72<" in svg
    assert svg.count('class="fc-trail"') == 1  # the Herald's 12 joined to its 15
    assert ">08:00<" in svg and ">20:00<" in svg  # one day: the axis gives times of day
    assert 'Latest figure given on <time datetime="2024-05-01T20:00:00">1 May 2024, 20:00</time>: ' \
           "<strong>15</strong> (Herald)" in html
    assert "superseded: reported as replaced" in html  # the legend says what a hollow mark is
    data = (await get_ok(ds, f"{base}/fact/{facts['killed']}.json")).json()["timeline"]
    assert [(p["outlet"], p["value"], p["replaced"]) for p in data["points"]] == [
        ("Herald", 12, True), ("Gazette", 13, False), ("Courier", 14, False), ("Herald", 15, False)]
    assert data["latest_date"] == "2024-05-01T20:00:00" and [p["words"] for p in data["latest"]] == ["15"]
    # the story page says when the latest figure was given
    story = (await get_ok(ds, f"{base}/story/{TOLL}")).text
    assert story.count("Latest figure given on") == 1 and "1 May 2024, 20:00</time>: 15 (Herald)" in story


@pytest.mark.asyncio
async def test_a_fact_whose_figures_share_one_date_gets_no_timeline(toll, ds, ids):
    flood, facts, _ = toll
    html = (await get_ok(flood, f"/flood/-/factcheck/fact/{facts['homes']}")).text
    assert timeline_svg_of(html) is None and "Latest figure given" not in html
    assert (await get_ok(flood, f"/flood/-/factcheck/fact/{facts['homes']}.json")).json()["timeline"] is None
    assert 'class="fc-chart"' in html  # the number line is still drawn
    one = (await get_ok(ds, f"{BASE}/fact/{ids['facts']['homs_wounded']}.json")).json()
    assert one["timeline"] is None  # one figure, one date


@pytest.mark.asyncio
async def test_one_articles_repeated_figure_counts_once_everywhere(toll):
    ds, facts, articles = toll
    base = "/flood/-/factcheck"
    story = (await get_ok(ds, f"{base}/story/{TOLL}.json")).json()
    killed = next(f for f in story["facts"] if f["id"] == facts["killed"])
    assert len(killed["figures"]) == 4 and killed["outlet_count"] == 3
    courier = [f for f in killed["figures"] if f["outlet"] == "Courier"]
    assert len(courier) == 1 and courier[0]["repeats"] == 2
    html = (await get_ok(ds, f"{base}/story/{TOLL}")).text
    assert "3 outlets\n        · 4 figures (1 repeated in one article, counted once: ×2)" in html
    data = (await get_ok(ds, f"{base}/fact/{facts['killed']}.json")).json()
    fourteen = next(g for g in data["groups"] if g["value"] == 14)
    assert len(fourteen["figures"]) == 1 and fourteen["figures"][0]["repeat_ids"]
    html = (await get_ok(ds, f"{base}/fact/{facts['killed']}")).text
    assert '<span class="fc-count">1 figure</span>' in html  # the 14: one figure, not two
    assert "×2</span>" in html and "it is counted once" in html
    assert html.count('<mark class="fc-figure">14</mark>') == 2  # both its sentences are shown
    homes = (await get_ok(ds, f"{base}/fact/{facts['homes']}")).text
    assert "2 figures from 2 outlets" in homes
    # another article's popover lists the Courier's 14 once
    page = (await get_ok(ds, f"{base}/article/{articles['herald_am']}.json")).json()
    assert [o["outlet"] for o in page["claims"][0]["competing"]].count("Courier") == 1


@pytest.mark.asyncio
async def test_the_loaders_part_and_whole_checks_are_shown_per_article(fixture_db, ids, tmp_path):
    """The loader writes one check per article that gives the whole and its parts (link.facts):
    each is a table naming its article, with its own verdict."""
    import shutil

    from datasette_factcheck.link.facts import check_parts
    from datasette_factcheck.model import Fact

    path = tmp_path / "sample.db"
    shutil.copy(fixture_db[0], path)
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    f = ids["facts"]
    facts = [Fact(id=f["total_killed"], story=SYRIA, label="", measure="killed", subject="people",
                  place="Homs + Sayyida Zeinab", time_frame="event", unit="people")] + \
            [Fact(id=f[k], story=SYRIA, label="", measure="killed", subject="people", place=p,
                  time_frame="event", unit="people") for k, p in (("homs_killed", "Homs"),
                                                                   ("damascus_killed", "Sayyida Zeinab"))]
    members = {fact.id: [dict(r) for r in conn.execute("select * from claims where fact_id = ?", [fact.id])]
               for fact in facts}
    check_parts(facts, members)  # Press TV: 57 + at least 83, at least 140; the Guardian: 57 + at least 31, 88
    with conn:
        conn.execute("update facts set parts = ?, parts_ok = ? where id = ?",
                     [facts[0].parts, facts[0].parts_ok, facts[0].id])
    conn.close()
    ds = await make_ds([path], **load_config())
    html = (await get_ok(ds, f"{BASE}/fact/{f['total_killed']}")).text
    section = html[html.index("Part and whole"):]
    assert "Adds up</span>: the parts add up in each of the 2 articles" in section
    assert section.count('<table class="rows-and-columns fc-parts-table">') == 2
    for outlet, words in (("presstv", "the parts add up"), ("guardian", "the parts add up")):
        assert re.search(rf'<caption><a href="{BASE}/article/{ids["articles"][outlet]}">[^<]+</a>: {words}</caption>',
                         section), outlet
    assert f'href="{BASE}/fact/{f["homs_killed"]}"' in section and ">this fact<" in section
    assert "<td data-label=\"Figure\">88</td>" in section and "<td data-label=\"Figure\">at least 140</td>" in section
