"""URLs shared before a rebuild of the same inputs open the same pages after it."""
import re

import pytest
from datasette.app import Datasette

from datasette_factcheck.pipeline import build


async def pages(db_path):
    ds = Datasette([str(db_path)])
    await ds.invoke_startup()
    name = db_path.stem
    db = ds.get_database(name)
    fact = (await db.execute("select id from facts where status = 'conflict' order by id limit 1")).first()[0]
    article = (await db.execute("select id from articles order by id limit 1")).first()[0]
    story = (await db.execute("select id from stories limit 1")).first()[0]
    out = {}
    for path in (f"/{name}/-/factcheck/fact/{fact}", f"/{name}/-/factcheck/article/{article}",
                 f"/{name}/-/factcheck/story/{story}"):
        response = await ds.client.get(path)
        assert response.status_code == 200, path
        out[path] = re.sub(r"\s+", " ", response.text)
    return out


@pytest.mark.asyncio
async def test_urls_survive_a_rebuild(tmp_path):
    db_path = tmp_path / "news.db"
    build(db_path)
    before = await pages(db_path)
    build(db_path)  # the same inputs again, over the old file
    after = await pages(db_path)
    assert before.keys() == after.keys()
    for path in before:
        assert before[path] == after[path], path
