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


def test_ids_do_not_depend_on_the_python_process(tmp_path):
    """A rebuild runs in a new Python process, whose string hashes (and so set order) differ: every
    id and every fact must come out the same. The Gaza story once read 'Gazans' as 'Gaza' in one
    process and 'Gazan' in another."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    import sqlite_utils

    here = Path(__file__).parent
    inputs = [str(here.parent / "datasette_factcheck" / "sample"),
              str(here / "data" / "clusters" / "allsides_neus__07_israel_gaza_strikes_2021-05-11")]
    dumps = []
    for seed in ("1", "5"):
        out = tmp_path / f"seed{seed}.db"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, str(here.parent / "scripts" / "build_db.py"), str(out), *inputs,
                        "--processes", "1", "--no-progress"], env=env, check=True, capture_output=True)
        db = sqlite_utils.Database(out)
        dumps.append({t: [tuple(r) for r in db.execute(f"select * from [{t}] order by id").fetchall()]
                      for t in ("articles", "sentences", "claims", "facts")})
    assert dumps[0]["claims"] and dumps[0]["facts"]
    for table in dumps[0]:
        assert dumps[0][table] == dumps[1][table], table
