"""The plugin pages in a real Chromium, against `datasette serve` in a subprocess.

Skipped when /usr/bin/chromium is missing, unless the CI environment variable is set (then it
fails). Screenshots of every page type, desktop and phone width, go to the test's tmp_path; with
FACTCHECK_SCREENSHOTS=1 the article page and a fact page with a timeline are also copied to
docs/article.png and docs/fact.png for the README.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from conftest import REPO, make_fixture_db, running_datasette

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
WIDTHS = {"desktop": 1280, "phone": 375}


def require_chromium():
    if CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing and CI is set: the browser tests must run in CI")
    pytest.skip(f"{CHROMIUM} is missing (install it with `apt-get install -y chromium`)")


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    """The real bundled sample built by the pipeline; the fixture database if that cannot run."""
    path = tmp_path_factory.mktemp("browser") / "sample.db"
    try:
        from datasette_factcheck.pipeline import build  # noqa: F401  (importable?)

        # in a subprocess with a time limit, so a stuck build cannot hang the test run
        subprocess.run([sys.executable, "-c", "import sys; from datasette_factcheck.pipeline "
                        "import build; build(sys.argv[1])", str(path)],
                       check=True, timeout=600, capture_output=True)
        conn = sqlite3.connect(path)
        if not conn.execute("select count(*) from claims where fact_id is not null").fetchone()[0]:
            raise RuntimeError("the pipeline linked no claims to facts")
        conn.close()
    except Exception as e:  # the pipeline is still being written: fall back, and say so
        detail = (getattr(e, "stderr", None) or b"")[-2000:].decode("utf-8", "replace")
        print(f"\nbrowser tests: using the fixture database ({type(e).__name__}: {e})\n{detail}")
        make_fixture_db(path)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(sample_db, tmp_path_factory):
    """`datasette serve -i sample.db` with the repo's metadata; the rest comes from the plugin."""
    require_chromium()
    port = free_port()
    cmd = [sys.executable, "-m", "datasette", "serve", "-i", str(sample_db), "-h", "127.0.0.1",
           "-p", str(port), "--metadata", str(REPO / "metadata.json")]
    log = tmp_path_factory.mktemp("server") / "datasette.log"
    base = f"http://127.0.0.1:{port}"
    with running_datasette(cmd, log, base):
        yield base


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def targets(sample_db):
    """A claim with competing figures from another outlet, and the pages around it."""
    conn = sqlite3.connect(sample_db)
    conn.row_factory = sqlite3.Row
    row = conn.execute("""
        select c.id as claim, c.article_id, c.fact_id, c.story, o.outlet as other_outlet
        from claims c join claims o on o.fact_id = c.fact_id and o.outlet != c.outlet
        join facts f on f.id = c.fact_id
        where c.superseded = 0 and o.superseded = 0
        order by f.status = 'conflict' desc, c.start limit 1""").fetchone()
    assert row, "the sample has no fact with figures from two outlets"
    others = {r[0] for r in conn.execute(
        "select distinct outlet from claims where fact_id = ? and outlet != "
        "(select outlet from claims where id = ?)", [row["fact_id"], row["claim"]])}
    # a fact whose figures were given at two dates or more: its page draws a timeline
    timeline = conn.execute("""
        select c.fact_id from claims c join articles a on a.id = c.article_id
        where c.fact_id is not null and a.published is not null
        group by c.fact_id having count(distinct a.published) > 1
        order by count(*) desc, c.fact_id limit 1""").fetchone()
    assert timeline, "the sample has no fact whose figures were given at different dates"
    return dict(row) | {"others": others, "timeline_fact": timeline[0]}


def page_urls(server, t) -> dict:
    base = f"{server}/sample/-/factcheck"
    return {"stories": base, "story": f"{base}/story/{t['story']}",
            "fact": f"{base}/fact/{t['fact_id']}", "article": f"{base}/article/{t['article_id']}",
            "about": f"{base}/about", "timeline": f"{base}/fact/{t['timeline_fact']}"}


def new_page(browser, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    return context, page, errors


def popover_text(page, claim):
    pop = page.locator(f"#pop-{claim}")
    pop.wait_for(state="visible", timeout=3000)
    return pop.inner_text()


def test_click_shows_competing_figures(browser, server, targets):
    context, page, errors = new_page(browser, 1280)
    page.goto(page_urls(server, targets)["article"])
    claim = targets["claim"]
    mark = page.locator(f"#claim-{claim}")
    assert page.locator(f"#pop-{claim}").is_hidden()
    mark.click()
    text = popover_text(page, claim)
    assert any(outlet in text for outlet in targets["others"]), text
    assert mark.get_attribute("aria-expanded") == "true"
    page.mouse.move(0, 0)  # a pinned popover stays open when the pointer leaves
    page.wait_for_timeout(300)
    assert page.locator(f"#pop-{claim}").is_visible()
    page.keyboard.press("Escape")
    page.locator(f"#pop-{claim}").wait_for(state="hidden", timeout=3000)
    mark.click()
    popover_text(page, claim)
    mark.click()  # a second click closes it
    page.locator(f"#pop-{claim}").wait_for(state="hidden", timeout=3000)
    assert not errors, errors
    context.close()


def test_keyboard_shows_competing_figures(browser, server, targets):
    context, page, errors = new_page(browser, 1280)
    page.goto(page_urls(server, targets)["article"])
    claim = targets["claim"]
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == f"claim-{claim}":
            break
    else:
        pytest.fail("Tab never reached the highlighted figure")
    page.keyboard.press("Enter")
    text = popover_text(page, claim)
    assert any(outlet in text for outlet in targets["others"]), text
    # Tab moves into the popover (its link to the fact page); it stays open
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.fc-popover') !== null")
    assert page.locator(f"#pop-{claim}").is_visible()
    page.keyboard.press("Escape")
    page.locator(f"#pop-{claim}").wait_for(state="hidden", timeout=3000)
    assert page.evaluate("document.activeElement.id") == f"claim-{claim}"
    page.keyboard.press("Space")
    popover_text(page, claim)
    assert not errors, errors
    context.close()


def test_hover_peeks(browser, server, targets):
    context, page, errors = new_page(browser, 1280)
    page.goto(page_urls(server, targets)["article"])
    page.locator(f"#claim-{targets['claim']}").hover()
    popover_text(page, targets["claim"])
    page.mouse.move(0, 0)
    page.locator(f"#pop-{targets['claim']}").wait_for(state="hidden", timeout=3000)
    context.close()


@pytest.mark.parametrize("kind", ["desktop", "phone"])
def test_screenshots_and_phone_layout(browser, server, targets, tmp_path, kind):
    width = WIDTHS[kind]
    context, page, errors = new_page(browser, width)
    for name, url in page_urls(server, targets).items():
        response = page.goto(url)
        assert response.status == 200, url
        if name == "article":
            page.locator(f"#claim-{targets['claim']}").click()
            popover_text(page, targets["claim"])
        # chart text as drawn on the screen: its font size times the SVG's scale
        smallest = page.evaluate("""() => Math.min(Infinity, ...[...document.querySelectorAll('svg.fc-chart text')]
            .map(t => { const svg = t.ownerSVGElement;
                        return parseFloat(getComputedStyle(t).fontSize)
                               * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width; }))""")
        assert smallest >= 11.95, f"{name}: chart text {smallest:.1f}px at {width}px"
        if name == "timeline":
            assert page.locator("svg.fc-timeline").count() == 1, "no timeline on a fact given at two dates"
            assert "Latest figure given on" in page.inner_text("main, body")
            # every label inside the chart's box, and no two labels on top of each other
            clash = page.evaluate("""() => { const svg = document.querySelector('svg.fc-timeline');
                const box = svg.getBoundingClientRect();
                const r = [...svg.querySelectorAll('text.fc-label')].map(t => t.getBoundingClientRect());
                for (const a of r) { if (a.left < box.left - 1 || a.right > box.right + 1) return 'outside'; }
                for (let i = 0; i < r.length; i++) for (let j = i + 1; j < r.length; j++) {
                  const a = r[i], b = r[j];
                  if (a.left < b.right && b.left < a.right && a.top < b.bottom - 2 && b.top < a.bottom - 2)
                    return 'overlap'; }
                return null; }""")
            assert clash is None, f"timeline labels {clash} at {width}px"
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= width + 1, f"{name} page is {overflow}px wide at {width}px"
        shot = tmp_path / f"{name}-{kind}.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 1000
        docs = {"article": "article.png", "timeline": "fact.png"}
        if name in docs and kind == "desktop" and os.environ.get("FACTCHECK_SCREENSHOTS") == "1":
            (REPO / "docs").mkdir(exist_ok=True)
            shutil.copy(shot, REPO / "docs" / docs[name])
    assert not errors, errors
    print(f"\nscreenshots: {tmp_path}")
    context.close()


def test_json_matches_page(server, targets):
    url = page_urls(server, targets)["fact"] + ".json"
    data = json.loads(urllib.request.urlopen(url, timeout=5).read())
    assert data["fact"]["id"] == targets["fact_id"]
