"""The plugin shows a table's rows only to an actor who may view that table (and its database
and the instance), on its own pages, their JSON, render_cell, the table and row actions and the
menu, on Datasette 0.65 and 1.0a alike. Runs against the fixture database from conftest."""
from __future__ import annotations

import pytest

from conftest import KABUL, SYRIA
from test_plugin import BASE, IS_1, make_ds


# The database's views select from these tables; Datasette shows a view by the view's own
# permission, so whoever hides a table hides the views over it too.
VIEWS_OVER = {"claims": ["claims_in_context"], "sentences": ["claims_in_context"],
              "articles": ["claims_in_context"], "facts": ["claims_in_context", "contested_facts"]}


def deny(hidden):
    """Config (1.0a) or metadata (0.65) that hides one table (and the views over it), or the instance."""
    tables = {t: {"allow": False} for t in [hidden] + VIEWS_OVER.get(hidden, [])}
    block = {"allow": False} if hidden == "instance" else {"databases": {"sample": {"tables": tables}}}
    return {"config": block} if IS_1 else {"metadata": block}


def pages(ids):
    """Every plugin page (HTML and JSON) and Datasette's own pages the plugin adds to."""
    ours = [BASE, f"{BASE}/story/{SYRIA}", f"{BASE}/story/{KABUL}"]
    ours += [f"{BASE}/fact/{f}" for f in ids["facts"].values()]
    ours += [f"{BASE}/article/{a}" for a in ids["articles"].values()]
    theirs = ["/", "/sample", "/sample/sentences?_size=100", "/sample/claims?_size=100",
              "/sample/claims_in_context?_size=100", "/sample/facts", "/sample/articles", "/sample/stories",
              f"/sample/claims/{ids['claims']['presstv:57']}", f"/sample/facts/{ids['facts']['homs_killed']}",
              f"/sample/articles/{ids['articles']['presstv']}", f"/sample/stories/{SYRIA}"]
    return ours + [p + ".json" for p in ours] + theirs


def markers(ids):
    """(pages, text): text that only the table holds, on pages whose path contains ``pages``."""
    return {
        "facts": [("", "killed in Homs and Damascus"), ("", "US service members killed"),
                  ("", "Contested)"), ("/sentences", "\u00b7 Contested")],
        "articles": [("", "apnews.com/article/homs-bombings"), ("", "presstv.ir/Detail")],
        "sentences": [("", 'fc-kind-tag">byline'), ("", '"kind": "byline"'),
                      ("/fact/", "state-run media said")],
        "claims": [("", claim) for claim in ids["claims"].values()] + [("", '<mark class="fc-')],
        # (Datasette's own table pages label facts.story with the story's name, whatever the
        # permissions: the foreign-key label is Datasette's, not the plugin's)
        "stories": [(BASE, "Homs and Damascus bombings, 21 February 2016"),
                    (BASE, "Kabul airport bombing, 26 August 2021"), ("", f'href="{BASE}"')],
    }


async def fetch_all(ds, ids):
    out = {}
    for path in pages(ids):
        r = await ds.client.get(path)
        assert r.status_code in (200, 403, 404), (path, r.status_code, r.text[:500])
        out[path] = (r.status_code, r.text)
    return out


@pytest.mark.asyncio
async def test_every_marker_shows_when_nothing_is_hidden(fixture_db):
    """The control: each table's markers do appear somewhere when the actor may see it all."""
    path, ids = fixture_db
    got = await fetch_all(await make_ds([path]), ids)
    assert all(status == 200 for status, _ in got.values()), [p for p, (s, _) in got.items() if s != 200]
    for table, found in markers(ids).items():
        for where, text in found:
            assert any(text in body for p, (_, body) in got.items() if where in p), (table, text)


@pytest.mark.asyncio
@pytest.mark.parametrize("hidden", ["facts", "articles", "sentences", "claims", "stories", "instance"])
async def test_a_hidden_table_shows_nowhere(fixture_db, hidden):
    path, ids = fixture_db
    got = await fetch_all(await make_ds([path], **deny(hidden)), ids)
    tables = list(markers(ids)) if hidden == "instance" else [hidden]
    for table in tables:
        for where, text in markers(ids)[table]:
            leaks = [p for p, (_, body) in got.items() if where in p and text in body]
            assert not leaks, (hidden, text, leaks)
    if hidden == "instance":
        return
    # the page built on the hidden table is a 404; the others still answer
    own = {"stories": [f"{BASE}.json", f"{BASE}/story/"], "facts": [f"{BASE}/fact/"],
           "articles": [f"{BASE}/article/"]}.get(hidden, [])
    for p, (status, _) in got.items():
        if p.startswith(BASE):
            expected = 404 if any(p.startswith(o) for o in own) or (p == BASE and hidden == "stories") else 200
            assert status == expected, (hidden, p, status)
    if hidden != "articles":
        assert "people were killed when two explosions struck" in got[f"{BASE}/article/{ids['articles']['ap']}"][1]


@pytest.mark.asyncio
@pytest.mark.parametrize("hidden", ["facts", "stories"])
async def test_an_allowed_actor_still_sees_the_hidden_table(fixture_db, hidden):
    """allow: {id: editor} hides the table from others only: render_cell follows the actor."""
    path, ids = fixture_db
    block = {"databases": {"sample": {"tables": {hidden: {"allow": {"id": "editor"}}}}}}
    ds = await make_ds([path], **({"config": block} if IS_1 else {"metadata": block}))
    cookies = {"ds_actor": ds.sign({"a": {"id": "editor"}}, "actor")}
    text = {"facts": "US service members killed", "stories": "Kabul airport bombing, 26 August 2021"}[hidden]
    page = {"facts": "/sample/claims?_size=100", "stories": BASE}[hidden]
    assert text in (await ds.client.get(page, cookies=cookies)).text
    assert text not in (await ds.client.get(page)).text
