"""The plugin's pages (stories, story, fact, article) and the helpers the Datasette hooks share.

Every page is one function that gathers a JSON-able ``data`` dict (served as-is at ``.json``) and,
for HTML only, a few pieces of server-built markup (charts, highlighted sentences). All SQL lives
in ``SQL`` below; every id from a URL is a bound parameter, and an unknown one is a 404.
Text from articles is escaped here with ``markupsafe.escape`` before any <mark> is wrapped round it.
"""
from __future__ import annotations

import contextvars
import json
import math
import re
import sqlite3
import weakref
from collections import Counter, OrderedDict
from datetime import datetime, timezone
from typing import Optional
from urllib.parse import urlencode, urlsplit

from datasette.utils import tilde_decode, tilde_encode
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup, escape

from .units import LENGTH_KM, is_currency, normalised

try:  # Datasette 1.0a checks permissions on resources; 0.65 on (action, resource) pairs
    from datasette.resources import TableResource
except ImportError:
    TableResource = None

PLUGIN = "datasette-factcheck"
REQUIRED_TABLES = {"claims", "facts"}
PAGE_TABLES = {"stories", "articles", "sentences", "facts", "claims"}
STATUS_ORDER = ("conflict", "compatible", "agree", "single")
STATUS = {
    "conflict": {"label": "Contested", "icon": "\u26a0",
                 "help": "outlets give figures that cannot all be true"},
    "compatible": {"label": "Compatible", "icon": "\u2248",
                   "help": "the figures or their bounds differ, but they could all be true"},
    "agree": {"label": "Agree", "icon": "\u2713",
              "help": "every outlet gives the same figure with the same bound"},
    "single": {"label": "One outlet", "icon": "\u25cb", "help": "only one outlet gives a figure"},
}
UNKNOWN_STATUS = {"label": "Unlinked", "icon": "\u00b7", "help": "not linked to a fact"}
BOUND_WORDS = {
    "exact": "{}", "at_least": "at least {}", "more_than": "more than {}", "about": "about {}",
    "up_to": "up to {}", "less_than": "less than {}",
}
ASIDE_KINDS = {"furniture": "page furniture", "caption": "caption", "byline": "byline"}
FILTERS = ("measure", "place", "outlet", "status")
STATUS_RANK_SQL = (
    "case f.status when 'conflict' then 0 when 'compatible' then 1 "
    "when 'agree' then 2 when 'single' then 3 else 4 end"
)

# the stories whose name or outlets hold the search term (all of them for an empty one); with
# :unreviewed, only those with a fact no reviewer has given a verdict on (:reviewed, a JSON list)
STORIES_MATCHING = """
        from stories s
        where (:q = '' or instr(lower(coalesce(s.name, s.id)), lower(:q)) > 0
           or instr(lower(coalesce(s.outlets, '')), lower(:q)) > 0)
          and (not :unreviewed or exists (select 1 from facts f where f.story = s.id
               and f.id not in (select value from json_each(:reviewed))))"""

SQL = {
    # the loader keeps these counts in the stories table, so the page reads one row per story
    "stories": """
        select s.id, s.name, coalesce(s.article_count, 0) as article_count,
          coalesce(s.fact_count, 0) as fact_count, coalesce(s.contested_count, 0) as contested_count,
          coalesce(s.claim_count, 0) as claim_count, s.outlets as outlets_json""" + STORIES_MATCHING + """
        order by s.name, s.id limit :limit offset :offset""",
    "stories_count": "select count(*) as n" + STORIES_MATCHING,
    "story": "select * from stories where id = :story",
    "story_articles": """
        select a.id, a.story, a.outlet, a.title, a.path, a.published,
          case when :claims then (select count(*) from claims c where c.article_id = a.id) end as claim_count
        from articles a where a.story = :story and :articles order by a.outlet, a.published, a.title, a.id""",
    "story_facts": f"""
        select f.* from facts f where f.story = :story and :facts
          and (:measure = '' or f.measure = :measure)
          and (:place = '' or f.place = :place)
          and (:status = '' or f.status = :status)
          and (:outlet = '' or :claims and f.id in
                (select fact_id from claims where story = :story and outlet = :outlet))
        order by {STATUS_RANK_SQL}, f.outlet_count desc, f.spread desc, f.label, f.id""",
    "story_figures": """
        select c.id, c.fact_id, c.article_id, c.outlet, c.text, c.value, c.low, c.high, c.bound,
               c.source, c.superseded, c.unit, c.kind,
               case when :articles then a.published end as published,
               case when :articles then a.url end as original_url
        from claims c left join articles a on a.id = c.article_id
        where c.story = :story and c.fact_id is not null and :claims
        order by c.value, c.outlet, c.id""",
    "story_options": """
        select 'measure' as name, measure as value from facts
          where story = :story and measure is not null and :facts
        union select 'place', place from facts where story = :story and place is not null and :facts
        union select 'status', status from facts where story = :story and status is not null and :facts
        union select 'outlet', outlet from claims where story = :story and outlet is not null and :claims
        order by 1, 2""",
    "fact": "select * from facts where id = :id",
    "fact_figures": """
        select c.*, s.text as sentence_text, s.start as sentence_start,
               a.title as article_title, a.path as article_path, a.published,
               a.url as original_url
        from claims c
        left join sentences s on s.id = c.sentence_id and :sentences
        left join articles a on a.id = c.article_id and :articles
        where (c.fact_id = :id or c.id in (select value from json_each(:joined))) and :claims
        order by c.superseded, c.value, c.outlet, c.id""",
    "article": "select * from articles where id = :id",
    "story_fact_labels": "select id, label, status from facts where story = :story and :facts order by label, id",
    "article_sentences": """
        select id, idx, paragraph, start, end, kind, text from sentences
        where article_id = :id and :sentences order by idx, start""",
    "article_claims": """
        select c.*, f.label as fact_label, f.status as fact_status from claims c
        left join facts f on f.id = c.fact_id and :facts
        where c.article_id = :id and :claims order by c.start, c.id""",
    "article_competitors": """
        select c.id, c.fact_id, c.article_id, c.outlet, c.text, c.value, c.low, c.high,
               c.bound, c.source, c.superseded, a.published, a.url as original_url
        from claims c left join articles a on a.id = c.article_id
        where (c.fact_id in (select value from json_each(:fact_ids))
               or c.id in (select value from json_each(:joined)))
          and c.article_id != :id and :claims
        order by c.superseded, c.value, c.outlet, c.id""",
    # render_cell: one query for all of a page's cells, the ids bound as one JSON array
    "cell_sentences": """
        select c.sentence_id, c.id, c.start - s.start as rel_start, c.end - s.start as rel_end,
               c.text, c.value, c.bound, c.outlet, c.fact_id, f.status as fact_status
        from claims c join sentences s on s.id = c.sentence_id
        left join facts f on f.id = c.fact_id and :facts
        where c.sentence_id in (select value from json_each(:ids)) order by c.sentence_id, c.start""",
    "cell_facts": """
        select f.id, f.label, f.status,
          (select json_group_array(id) from claims
           where fact_id = f.id and superseded = 0 and :claims) as others
        from facts f where f.id in (select value from json_each(:ids))""",
}


# ---------------------------------------------------------------------------- formatting

def finite(value) -> Optional[float]:
    """The value as a float, or None when it is missing, not a number, infinite or NaN: a
    database may hold any of these, and neither a chart nor strict JSON can show them."""
    try:
        value = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return value if math.isfinite(value) else None


def strict_json(data):
    """``data`` with every infinite or NaN float replaced by None, so the JSON is valid."""
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {k: strict_json(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [strict_json(v) for v in data]
    return data


def number(value) -> str:
    """57.0 -> '57', 1234 -> '1,234', 2.5 -> '2.5'; '?' for what is not a finite number."""
    if isinstance(value, str) and finite(value) is None:
        return value
    value = finite(value)
    if value is None:
        return "?"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def shortened(text, limit=24) -> str:
    """A chart label's outlet (which may be a headline) cut at a word, so the label fits a phone."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"


def figure_words(value, bound) -> str:
    """The figure as a reader would say it: 'at least 57'."""
    return BOUND_WORDS.get(bound or "exact", "{}").format(number(value))


def status_info(status) -> dict:
    return {"status": status, **STATUS.get(status, UNKNOWN_STATUS)}


def outlet_name(row) -> str:
    return row.get("outlet") or row.get("article_path") or "unnamed outlet"


def json_list(raw) -> list:
    """facts.outlets/sources are JSON lists; tolerate NULL and junk."""
    try:
        value = json.loads(raw) if raw else []
    except (TypeError, ValueError):
        return []
    return value if isinstance(value, list) else []


def safe_url(url):
    """Only http(s) URLs become links: anything else (javascript:, data:) stays text."""
    if not url or not isinstance(url, str):
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


# ---------------------------------------------------------------------------- urls

def page_url(datasette, database: str, *parts, format=None, query=None) -> str:
    """A plugin page URL under the database; ids are tilde-encoded like Datasette's own."""
    path = datasette.urls.database(database) + "/-/factcheck"
    for i, part in enumerate(parts):
        path += "/" + (part if i % 2 == 0 else tilde_encode(str(part)))
    if format:
        path += "." + format
    if query:
        path += "?" + urlencode(query)
    return path


def csv_url(datasette, database, query) -> str:
    """Datasette's own CSV of the claims table, filtered in the URL, so the link carries the question."""
    return datasette.urls.table(database, "claims", format="csv") + "?" + urlencode(
        {**query, "_size": "max", "_labels": "on"})


def row_url(datasette, database, table, pk) -> str:
    return datasette.urls.row(database, table, tilde_encode(str(pk)))


# ---------------------------------------------------------------------------- databases

_TABLES_CACHE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


async def has_factcheck_tables(datasette, name: str) -> bool:
    """True when the database has the claims and facts tables (cached for immutable files, and
    once per request for mutable ones)."""
    try:
        db = datasette.get_database(name)
    except KeyError:
        return False
    cache = _TABLES_CACHE.setdefault(datasette, {})
    state = _REQUEST.get()
    checked = state.setdefault("checked", set()) if state is not None else set()
    if name in cache and (not db.is_mutable or name in checked):
        return cache[name]
    try:
        tables = set(await db.table_names())
    except Exception:
        return False
    cache[name] = REQUIRED_TABLES <= tables
    checked.add(name)
    return cache[name]


async def factcheck_databases(datasette) -> list:
    names = []
    for name in list(datasette.databases):
        if name.startswith("_"):
            continue
        if await has_factcheck_tables(datasette, name):
            names.append(name)
    return names


# The request being served, kept by the actor_from_request hook: Datasette 0.65 gives render_cell
# no request, and the actor it resolves lands on this request's scope. Per-request caches hang on it.
_REQUEST: contextvars.ContextVar = contextvars.ContextVar("datasette_factcheck_request", default=None)


def begin_request(request) -> None:
    _REQUEST.set({"request": request, "tables": {}})


def current_request():
    state = _REQUEST.get()
    return state["request"] if state else None


async def _can_view_table(datasette, actor, database, table) -> bool:
    if TableResource is not None:  # 1.0a: a table's permission includes its database's and the instance's
        return await datasette.allowed(action="view-table", resource=TableResource(database, table),
                                       actor=actor)
    visible, _ = await datasette.check_visibility(
        actor, permissions=[("view-table", (database, table)), ("view-database", database), "view-instance"])
    return visible


async def visible_tables(datasette, actor, database: str, tables=PAGE_TABLES) -> frozenset:
    """Which of ``tables`` in ``database`` the actor may view (and the database and instance):
    the plugin shows a table's rows only where Datasette would. Each checked once per request."""
    state = _REQUEST.get()
    cache = state["tables"] if state is not None else {}
    actor_key = json.dumps(actor, sort_keys=True, default=str)
    for t in tables:
        if (database, t, actor_key) not in cache:
            cache[(database, t, actor_key)] = await _can_view_table(datasette, actor, database, t)
    return frozenset(t for t in tables if cache[(database, t, actor_key)])


def flags(seen) -> dict:
    """``:articles``, ``:claims``, ... bound into the SQL: a hidden table's rows are never read."""
    return {t: t in seen for t in PAGE_TABLES}


async def resolve_database(datasette, request, table):
    """The database named in the URL and the tables the actor may view, or 404 when the database
    is unknown, has no fact-check tables, or the actor may not view ``table`` (the page's own)."""
    route = tilde_decode(request.url_vars["database"])
    try:
        db = datasette.get_database(route=route)
    except KeyError:
        raise NotFound("Database not found")
    if not await has_factcheck_tables(datasette, db.name):
        raise NotFound("This database has no fact-check tables")
    seen = await visible_tables(datasette, request.actor, db.name)
    if table not in seen:
        raise NotFound("Database not found" if not seen else "Page not found")
    return db, seen


def url_id(request, name="id") -> str:
    return tilde_decode(request.url_vars[name])


async def rows(db, sql, params=None) -> list:
    return [dict(r) for r in (await db.execute(SQL[sql], params or {})).rows]


async def one(db, sql, params, what):
    found = await rows(db, sql, params)
    if not found:
        raise NotFound(f"{what} not found")
    return found[0]


# ---------------------------------------------------------------------------- highlighting

def locate(sentence_text, sentence_start, claim):
    """(start, end) of the claim inside the sentence, or None: offsets first, then the text."""
    if sentence_text is None:
        return None
    text = claim.get("text")
    if sentence_start is not None and claim.get("start") is not None and claim.get("end") is not None:
        s, e = claim["start"] - sentence_start, claim["end"] - sentence_start
        if 0 <= s < e <= len(sentence_text) and (not text or sentence_text[s:e] == text):
            return s, e
    if text:
        at = sentence_text.find(text)
        if at >= 0:
            return at, at + len(text)
    return None


def segments(text, spans) -> list:
    """Cut ``text`` into [{"text"}, {"text", "claim"}, ...] at each (start, end, claim) span."""
    out, pos = [], 0
    for start, end, payload in sorted(spans, key=lambda s: (s[0], s[1])):
        if start < pos or start >= end or end > len(text):
            continue  # overlapping or out of range: leave the text as it is
        out.append({"text": text[pos:start]})
        out.append({"text": text[start:end], "claim": payload})
        pos = end
    out.append({"text": text[pos:]})
    return [seg for seg in out if seg["text"]]


def highlight(text, spans, render) -> Markup:
    """Escape ``text`` and wrap each (start, end, payload) span with ``render(payload, inner)``."""
    return Markup("".join(  # each part is escaped already: a plain join, not Markup's re-escaping one
        render(seg["claim"], escape(seg["text"])) if "claim" in seg else escape(seg["text"])
        for seg in segments(text, spans)))


def plain_mark(payload, inner) -> Markup:
    return Markup('<mark class="fc-figure">{}</mark>').format(inner)


# ---------------------------------------------------------------------------- one article, one voice

def voices(figures) -> list:
    """One entry per figure an article gives, however often it repeats it (headline and body):
    the first claim, with ``repeats`` (how many times) and ``repeat_ids`` (the other claims), so
    charts, lists and counts never show one outlet as two."""
    once = OrderedDict()
    for f in figures:
        key = (f.get("article_id") or id(f), f.get("value"), f.get("bound") or "exact",
               f.get("unit"), bool(f.get("superseded")))
        once.setdefault(key, []).append(f)
    return [dict(group[0], repeats=len(group), repeat_ids=[g["id"] for g in group[1:] if g.get("id")])
            for group in once.values()]


def outlet_key(f):
    """Who gives a figure: its outlet, or its article when the outlet is unnamed."""
    return f.get("outlet") or f.get("article_id") or id(f)


# ---------------------------------------------------------------------------- chart

CHART_W, ROW_H, PAD_L, PAD_R, AXIS_H = 320, 30, 12, 12, 30  # about a phone's width: text is drawn near its size
CHAR_W = 7.7  # a generous average glyph width at the largest label size (14 units, on phones)


def nice_ticks(lo, hi, count=4, integral=False) -> list:
    span = hi - lo
    if not math.isfinite(span) or span / count <= 0:  # one point, or a range no float can step
        return [lo] if math.isfinite(lo) else []
    raw = span / count
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    if integral:
        step = max(round(step), 1)
    first = math.ceil(lo / step) * step
    return [first + i * step for i in range(int((hi - first) / step) + 1)]


def chart_domain(figs):
    """Room for every figure and its range; never so narrow that 100 and 101 look far apart."""
    values = [f["value"] for f in figs]
    values += [v for f in figs for k in ("low", "high") if (v := finite(f.get(k))) is not None]
    lo, hi = min(values), max(values)
    least = max(abs(lo), abs(hi), 1) * 0.4
    if hi - lo < least:
        mid = (hi + lo) / 2
        lo, hi = mid - least / 2, mid + least / 2
    pad = (hi - lo) * 0.12
    floor = 0 if min(values) >= 0 else lo - pad
    return max(lo - pad, floor), hi + pad


def about_span(f) -> tuple:
    """Where an 'about' figure lies, for drawing: its own low and high, else a tenth either side."""
    low, high = finite(f.get("low")), finite(f.get("high"))
    return (f["value"] * 0.9 if low is None else low, f["value"] * 1.1 if high is None else high)


def chart_shape(f, x, y, left, right) -> list:
    """SVG elements for one figure: a dot, plus an arrowed line for open ranges, a bar for 'about'."""
    bound, cx = f.get("bound") or "exact", x(f["value"])
    parts = []
    if bound in ("at_least", "more_than"):
        parts.append(f'<line class="fc-range" x1="{cx:.1f}" y1="{y}" x2="{right - 6:.1f}" y2="{y}"/>'
                     f'<path class="fc-arrow" d="M{right:.1f},{y} l-8,-4.5 v9 z"/>')
    elif bound in ("up_to", "less_than"):
        parts.append(f'<line class="fc-range" x1="{left + 6:.1f}" y1="{y}" x2="{cx:.1f}" y2="{y}"/>'
                     f'<path class="fc-arrow" d="M{left:.1f},{y} l8,-4.5 v9 z"/>')
    elif bound == "about":
        low, high = about_span(f)
        x1, x2 = x(low), x(high)
        parts.append(f'<rect class="fc-about" x="{x1:.1f}" y="{y - 4}" '
                     f'width="{max(x2 - x1, 4):.1f}" height="8" rx="4"/>')
    open_dot = bound in ("more_than", "less_than")
    parts.append(f'<circle class="fc-dot{" fc-dot-open" if open_dot else ""}" '
                 f'cx="{cx:.1f}" cy="{y}" r="5"/>')
    return parts


def label_position(cx, width):
    """Put the label beside its dot on whichever side it fits, else against the nearer edge."""
    if cx + 8 + width <= CHART_W:
        return "start", cx + 8
    if cx - 8 - width >= 0:
        return "end", cx - 8
    return ("start", 0) if cx < CHART_W / 2 else ("end", CHART_W)


def chart_svg(figures, label, chart_id) -> Markup:
    """A number line with one row per figure, labelled by outlet; open ranges drawn as arrows.
    Sums in several currencies get a line each: no exchange rate puts €2m and $2.6m on one axis."""
    lengths = {f.get("unit") for f in figures if f.get("unit") in LENGTH_KM}
    if len(lengths) > 1:  # miles beside kilometres: drawn in km, each labelled in its own unit
        figures = [dict(normalised(f), label=f"{figure_words(f['value'], f.get('bound'))} {f['unit']}")
                   if f.get("unit") in LENGTH_KM else f for f in figures]
        label = f"{label} (in km)"
    units = sorted({f["unit"] for f in figures if is_currency(f.get("unit"))})
    if len(units) > 1:
        return Markup("").join(
            Markup('<figure class="fc-chart-currency"><figcaption>In {}</figcaption>{}</figure>').format(
                u, _chart_svg([f for f in figures if f.get("unit") == u], f"{label} (in {u})", f"{chart_id}-{u}"))
            for u in units)
    return _chart_svg(figures, label, chart_id)


def _chart_svg(figures, label, chart_id) -> Markup:
    figs = [dict(f, value=v) for f in figures
            if not f.get("superseded") and (v := finite(f.get("value"))) is not None]
    if not figs:
        return Markup("")
    figs = voices(figs)
    figs.sort(key=lambda f: (f["value"], outlet_name(f)))
    lo, hi = chart_domain(figs)
    if not math.isfinite((hi - lo) * (CHART_W - PAD_L - PAD_R)):  # figures near the float limit
        return Markup("")
    left, right = PAD_L, CHART_W - PAD_R

    def x(v):
        return left + (min(max(v, lo), hi) - lo) / (hi - lo) * (right - left)

    summary = ", ".join(f"{f.get('label') or figure_words(f['value'], f.get('bound'))} ({outlet_name(f)})"
                        for f in figs)
    title = f"Figures for {label}: {summary}"
    height = len(figs) * ROW_H + AXIS_H
    body = []
    for i, f in enumerate(figs):
        y = i * ROW_H + 22
        body += chart_shape(f, x, y, left, right)
        text = f"{f.get('label') or figure_words(f['value'], f.get('bound'))} \u00b7 {shortened(outlet_name(f))}" \
            + (f" \u00d7{f['repeats']}" if f["repeats"] > 1 else "")
        anchor, tx = label_position(x(f["value"]), len(text) * CHAR_W)
        body.append(f'<text class="fc-label" x="{tx:.1f}" y="{y - 8}" text-anchor="{anchor}">'
                    f'{escape(text)}</text>')
    axis_y = len(figs) * ROW_H + 6
    body.append(f'<line class="fc-axis" x1="{left}" y1="{axis_y}" x2="{right}" y2="{axis_y}"/>')
    integral = all(f["value"].is_integer() for f in figs)
    for t in nice_ticks(lo, hi, integral=integral):
        tx = x(t)
        body.append(f'<line class="fc-tick" x1="{tx:.1f}" y1="{axis_y}" x2="{tx:.1f}" '
                    f'y2="{axis_y + 5}"/><text class="fc-tick-label" x="{tx:.1f}" '
                    f'y="{axis_y + 18}" text-anchor="middle">{escape(number(t))}</text>')
    svg = (f'<svg class="fc-chart" role="img" aria-labelledby="{escape(chart_id)}" '
           f'aria-label="{escape(title)}" viewBox="0 0 {CHART_W} {height}" '
           f'preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
           f'<title id="{escape(chart_id)}">{escape(title)}</title>{"".join(body)}</svg>')
    return Markup(svg)


# ---------------------------------------------------------------------------- timeline

TL_TOP, TL_PLOT, TL_LEFT, TL_RIGHT = 22, 120, 46, 10  # plot area in the chart's 320-unit width
LABEL_GAP = 16  # one row of label text (12 units, 14 on phones) and a little air
TICK_GAP = 64   # the least room between two date labels on the time axis


def figure_time(published):
    """(when, has_time) for an article's date given as ISO 8601 ('2016-02-22',
    '2016-02-22T05:38:00+05:30'; an offset is read as UTC), or None for anything else."""
    if not isinstance(published, str):
        return None
    text = published.strip()
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        head = re.match(r"\d{4}-\d{2}-\d{2}", text)
        try:
            return (datetime.fromisoformat(head.group(0)), False) if head else None
        except ValueError:
            return None
    if when.tzinfo is not None:
        when = when.astimezone(timezone.utc).replace(tzinfo=None)
    return when, len(text) > 10


def when_words(when, has_time=False, long=False) -> str:
    """22 February 2016 (long), 22 Feb 2016, with the time of day when the date gave one."""
    day = f"{when.day} {when:%B %Y}" if long else f"{when.day} {when:%b %Y}"
    return day + (f", {when:%H:%M}" if has_time else "")


def timeline(figures) -> Optional[dict]:
    """A fact's figures in the order they were given, or None unless they were given at two
    times or more. Each dated figure (one per article, repeats counted once) is superseded when
    its article reports it as replaced, or ``replaced`` when the same outlet gives a different
    figure in a later article; the latest figures are the current ones given last."""
    points, undated = [], 0
    for f in voices(figures):
        value, when = finite(f.get("value")), figure_time(f.get("published"))
        if value is None:
            continue
        if when is None:
            undated += 1
            continue
        points.append(dict(f, value=value, when=when[0], has_time=when[1]))
    if len({p["when"] for p in points}) < 2:
        return None
    last_of = {}
    for p in points:
        if not p.get("superseded"):
            last_of[outlet_key(p)] = max(last_of.get(outlet_key(p), p["when"]), p["when"])
    for p in points:
        last = last_of.get(outlet_key(p))
        kept = {(q["value"], q.get("bound") or "exact") for q in points
                if outlet_key(q) == outlet_key(p) and q["when"] == last and not q.get("superseded")}
        p["replaced"] = bool(not p.get("superseded") and last and p["when"] < last
                             and (p["value"], p.get("bound") or "exact") not in kept)
    current = [p for p in points if not p.get("superseded") and not p["replaced"]] or points
    latest = max(p["when"] for p in current)
    points.sort(key=lambda p: (p["when"], p["value"], str(outlet_key(p))))
    by_outlet = OrderedDict()
    for p in points:
        by_outlet.setdefault(outlet_key(p), []).append(p)
    trails = [ps for ps in by_outlet.values() if len({p["when"] for p in ps}) > 1]
    return {"points": points, "undated": undated, "latest_when": latest, "trails": trails,
            "latest_has_time": any(p["has_time"] for p in current if p["when"] == latest),
            "latest": [p for p in current if p["when"] == latest]}


def time_ticks(times, x) -> list:
    """The distinct times, thinned so their labels never touch; the first and last kept."""
    kept = []
    for t in sorted(set(times)):
        if not kept or x(t) - x(kept[-1]) >= TICK_GAP:
            kept.append(t)
        elif t == max(times) and len(kept) > 1:
            kept[-1] = t
    return kept


def timeline_svg(tl, label, chart_id) -> Markup:
    """Figure against time: one mark per outlet's figure at its article's date, an outlet's
    figures joined by a line, superseded ones hollow and dashed, each labelled by outlet."""
    pts = tl["points"]
    t0, t1 = pts[0]["when"], max(p["when"] for p in pts)
    span = (t1 - t0).total_seconds() or 1.0
    x_left, x_right = TL_LEFT + 12, CHART_W - TL_RIGHT - 12
    lo, hi = chart_domain(pts)
    if not math.isfinite((hi - lo) * TL_PLOT):
        return Markup("")

    def x(when):
        return x_left + (when - t0).total_seconds() / span * (x_right - x_left)

    def y(v):
        return TL_TOP + (hi - min(max(v, lo), hi)) / (hi - lo) * TL_PLOT

    # marks at one time and value (two outlets, one figure) side by side, not on top of each other
    spots = OrderedDict()
    for p in pts:
        spots.setdefault((round(x(p["when"])), round(y(p["value"]))), []).append(p)
    for group in spots.values():
        for i, p in enumerate(group):
            p["cx"], p["cy"] = x(p["when"]) + (i - (len(group) - 1) / 2) * 12, y(p["value"])
        for p in group:  # a label beside a group of marks goes beside the whole group
            p["gx0"], p["gx1"] = group[0]["cx"], group[-1]["cx"]

    back, marks, labels = [], [], []
    integral = all(p["value"].is_integer() for p in pts)
    for t in nice_ticks(lo, hi, count=3, integral=integral):
        ty = y(t)
        back.append(f'<line class="fc-grid" x1="{TL_LEFT}" y1="{ty:.1f}" x2="{CHART_W - TL_RIGHT}" y2="{ty:.1f}"/>'
                    f'<text class="fc-tick-label" x="{TL_LEFT - 6}" y="{ty + 4:.1f}" text-anchor="end">'
                    f'{escape(number(t))}</text>')
    for trail in tl["trails"]:
            line = " ".join(f"{p['cx']:.1f},{p['cy']:.1f}" for p in trail)
            back.append(f'<polyline class="fc-trail" points="{line}"/>')
    for p in pts:
        cx, cy, bound = p["cx"], p["cy"], p.get("bound") or "exact"
        if bound in ("at_least", "more_than"):  # the figure or more: an arrow up
            marks.append(f'<line class="fc-range" x1="{cx:.1f}" y1="{cy - 5:.1f}" x2="{cx:.1f}" y2="{cy - 14:.1f}"/>'
                         f'<path class="fc-arrow" d="M{cx:.1f},{cy - 20:.1f} l-4.5,8 h9 z"/>')
        elif bound in ("up_to", "less_than"):
            marks.append(f'<line class="fc-range" x1="{cx:.1f}" y1="{cy + 5:.1f}" x2="{cx:.1f}" y2="{cy + 14:.1f}"/>'
                         f'<path class="fc-arrow" d="M{cx:.1f},{cy + 20:.1f} l-4.5,-8 h9 z"/>')
        elif bound == "about":
            low, high = about_span(p)
            marks.append(f'<rect class="fc-about" x="{cx - 4:.1f}" y="{y(high):.1f}" width="8" '
                         f'height="{max(y(low) - y(high), 4):.1f}" rx="4"/>')
        old = p.get("superseded") or p["replaced"]
        marks.append(f'<circle class="fc-dot{" fc-dot-superseded" if old else ""}" cx="{cx:.1f}" cy="{cy:.1f}" r="5"/>')
        text = f"{figure_words(p['value'], p.get('bound'))} \u00b7 {shortened(outlet_name(p), 14)}" \
            + (f" \u00d7{p['repeats']}" if p.get("repeats", 1) > 1 else "")
        width = len(text) * CHAR_W
        if p["gx1"] + 9 + width <= CHART_W:  # beside the marks, else under them (never over one)
            anchor, tx, ty = "start", p["gx1"] + 9, cy + 4
        elif p["gx0"] - 9 - width >= 0:
            anchor, tx, ty = "end", p["gx0"] - 9, cy + 4
        else:
            anchor, tx, ty = "start", max(0.0, min(cx - 12, CHART_W - width)), cy + 20
        start = tx if anchor == "start" else tx - width
        labels.append({"p": p, "text": text, "anchor": anchor, "x": tx, "x0": start, "x1": start + width,
                       "y": ty, "old": old})
    placed = []  # labels pushed down, one row at a time, until none touches another
    for lab in sorted(labels, key=lambda lab: lab["y"]):
        for other in sorted(placed, key=lambda o: o["y"]):
            if other["x0"] < lab["x1"] and lab["x0"] < other["x1"] and abs(lab["y"] - other["y"]) < LABEL_GAP:
                lab["y"] = other["y"] + LABEL_GAP
        placed.append(lab)
    for lab in placed:
        p = lab["p"]
        if abs(lab["y"] - 4 - p["cy"]) > 7:  # moved away from its mark: a thin line back to it
            under = lab["x0"] <= p["cx"] <= lab["x1"]
            lx = p["cx"] if under else (lab["x0"] - 2 if lab["anchor"] == "start" else lab["x1"] + 2)
            marks.append(f'<line class="fc-leader" x1="{p["cx"]:.1f}" y1="{p["cy"] + 5:.1f}" '
                         f'x2="{lx:.1f}" y2="{lab["y"] - (13 if under else 4):.1f}"/>')
        marks.append(f'<text class="fc-label{" fc-label-superseded" if lab["old"] else ""}" x="{lab["x"]:.1f}" '
                     f'y="{lab["y"]:.1f}" text-anchor="{lab["anchor"]}">{escape(lab["text"])}</text>')
    axis_y = max([TL_TOP + TL_PLOT + 10] + [lab["y"] + 8 for lab in placed])
    axis = [f'<line class="fc-axis" x1="{TL_LEFT}" y1="{axis_y:.1f}" x2="{CHART_W - TL_RIGHT}" y2="{axis_y:.1f}"/>']
    one_day = t0.date() == t1.date()
    years = {p["when"].year for p in pts}
    for t in time_ticks([p["when"] for p in pts], x):
        words = f"{t:%H:%M}" if one_day else (f"{t.day} {t:%b}" if len(years) == 1 else f"{t.day} {t:%b %Y}")
        axis.append(f'<line class="fc-tick" x1="{x(t):.1f}" y1="{axis_y:.1f}" x2="{x(t):.1f}" y2="{axis_y + 5:.1f}"/>'
                    f'<text class="fc-tick-label" x="{x(t):.1f}" y="{axis_y + 19:.1f}" text-anchor="middle">'
                    f'{escape(words)}</text>')
    height = axis_y + 26
    summary = "; ".join(
        f"{when_words(p['when'], p['has_time'])}: {figure_words(p['value'], p.get('bound'))} ({outlet_name(p)})"
        + (" superseded" if p.get("superseded") or p["replaced"] else "") for p in pts)
    title = f"Figures for {label} over time: {summary}"
    svg = (f'<svg class="fc-chart fc-timeline" role="img" aria-labelledby="{escape(chart_id)}" '
           f'viewBox="0 0 {CHART_W} {height:.0f}" preserveAspectRatio="xMinYMin meet" '
           f'xmlns="http://www.w3.org/2000/svg"><title id="{escape(chart_id)}">{escape(title)}</title>'
           f'{"".join(back + marks + axis)}</svg>')
    return Markup(svg)


def timeline_data(tl) -> Optional[dict]:
    """The timeline in JSON: every dated figure, and when the latest was given."""
    if not tl:
        return None

    def point(p):
        return {"claim_id": p.get("id"), "outlet": outlet_name(p),
                "words": figure_words(p["value"], p.get("bound")), "value": p["value"],
                "published": p.get("published"), "repeats": p.get("repeats", 1),
                "superseded": bool(p.get("superseded")), "replaced": p["replaced"]}

    return {"latest_date": tl["latest_when"].isoformat() if tl["latest_has_time"] else tl["latest_when"].date().isoformat(),
            "latest_words": when_words(tl["latest_when"], tl["latest_has_time"], long=True),
            "latest": [point(p) for p in tl["latest"]], "points": [point(p) for p in tl["points"]],
            "undated": tl["undated"], "joined": bool(tl["trails"])}


def latest_line(tl) -> Optional[dict]:
    """For a story's fact card: when the latest figure was given, and which it was."""
    data = timeline_data(tl)
    return {k: data[k] for k in ("latest_date", "latest_words", "latest")} if data else None


# ---------------------------------------------------------------------------- shaping rows

def unit_words(c) -> Optional[str]:
    """The unit a reader needs beside a figure when facts compare across units: EUR, mile, km."""
    unit = c.get("unit")
    return unit if is_currency(unit) or unit in LENGTH_KM else None


def figure_summary(datasette, database, c, articles=True) -> dict:
    """The public face of one claim in JSON: value, bound in words, who says it, on whose word."""
    unit = unit_words(c)
    return {
        "claim_id": c["id"], "fact_id": c.get("fact_id"), "article_id": c.get("article_id"),
        "outlet": outlet_name(c), "text": c.get("text"), "value": c.get("value"),
        "low": c.get("low"), "high": c.get("high"), "bound": c.get("bound"),
        "words": figure_words(c.get("value"), c.get("bound")) + (f" {unit}" if unit else ""),
        "source": c.get("source"),
        "superseded": bool(c.get("superseded")),
        # one article's repeats of it (headline and body), counted once: "×2"
        "repeats": c.get("repeats") or 1, "repeat_ids": c.get("repeat_ids") or [],
        # when and where the figure was given: its article's date, and the original (http/https only)
        "published": c.get("published"), "original_url": safe_url(c.get("original_url")),
        "article_url": page_url(datasette, database, "article", c["article_id"])
        + f"#claim-{c['id']}" if c.get("article_id") and articles else None,
    }


# Below this, the fact's weakest link is one the linker was unsure of: the pages say so.
WEAK_LINK = 0.75


def _confidence(value):
    """The weakest link's probability, rounded; None for one claim or a value that is not a number."""
    if isinstance(value, (int, float)) and math.isfinite(value):
        return round(float(value), 2)
    return None


def fact_summary(datasette, database, f) -> dict:
    return {
        "id": f["id"], "story": f.get("story"), "label": f.get("label"), "measure": f.get("measure"),
        "subject": f.get("subject"), "place": f.get("place"), "time_frame": f.get("time_frame"),
        "unit": f.get("unit"), "status": f.get("status"), "state": status_info(f.get("status")),
        "outlet_count": f.get("outlet_count"), "claim_count": f.get("claim_count"),
        "min_value": f.get("min_value"), "max_value": f.get("max_value"),
        "spread": f.get("spread"), "outlets": json_list(f.get("outlets")),
        "sources": json_list(f.get("sources")), "parts_ok": f.get("parts_ok"),
        "confidence": _confidence(f.get("confidence")),
        "uncertain": (_confidence(f.get("confidence")) or 1.0) < WEAK_LINK,
        "url": page_url(datasette, database, "fact", f["id"]),
        "row_url": row_url(datasette, database, "facts", f["id"]),
    }


def parse_parts(raw):
    """facts.parts JSON -> {whole, parts, sum, ok, ...} or None; rendered generically."""
    if not raw:
        return None
    try:
        parts = json.loads(raw)
    except (TypeError, ValueError):
        return None
    return parts if isinstance(parts, dict) else None


def competing(claim, others) -> list:
    """The same fact's figures from other outlets (another article when outlets are unnamed)."""
    mine = claim.get("outlet")
    return [o for o in others if o.get("fact_id") == claim.get("fact_id")
            and ((o.get("outlet") != mine) if (mine and o.get("outlet")) else True)]


# ---------------------------------------------------------------------------- responses

async def respond(datasette, request, template, data, extra=None):
    """JSON at .json, else the template with ``data`` plus HTML-only ``extra`` context."""
    if request.url_vars.get("format") == "json":
        return Response.json(strict_json(data), default=str)
    query = f"?{request.query_string}" if request.query_string else ""
    context = {**data, **(extra or {}), "status_meta": STATUS, "status_order": list(STATUS_ORDER),
               "statuses": [status_info(s) for s in STATUS_ORDER],
               "css_url": datasette.urls.static_plugins(PLUGIN, "factcheck.css"),
               "js_url": datasette.urls.static_plugins(PLUGIN, "factcheck.js"),
               "alternate_url_json": request.path + ".json" + query,
               "about_url": page_url(datasette, data["database"], "about")}
    return Response.html(await datasette.render_template(template, context, request=request))


def crumbs(datasette, database, seen, *items) -> list:
    base = [{"label": "home", "href": datasette.urls.instance()},
            {"label": database, "href": datasette.urls.database(database)}]
    if "stories" in seen:
        base.append({"label": "fact-check", "href": page_url(datasette, database)})
    return base + [{"label": label, "href": href} for label, href in items]


async def stored_queries(datasette, database, actor) -> list:
    """The database's canned queries (names and titles), on 0.65 and 1.0a."""
    try:
        if hasattr(datasette, "get_canned_queries"):
            found = await datasette.get_canned_queries(database, actor)
            items = [(name, q.get("title")) for name, q in found.items()]
        else:
            page = await datasette.list_queries(database, actor=actor, limit=50)
            items = [(q.name, q.title) for q in page.queries]
    except Exception:
        return []
    return [{"name": n, "title": t or n.replace("_", " "),
             "url": datasette.urls.query(database, n)} for n, t in items]


# ---------------------------------------------------------------------------- pages

STORIES_PER_PAGE = 100


def _page_number(request) -> int:
    try:
        return max(1, int(request.args.get("page") or 1))
    except ValueError:
        return 1


async def stories_page(datasette, request):
    """Stories a hundred to a page, like Datasette's tables; ``?q=`` finds a story by name or outlet."""
    db, seen = await resolve_database(datasette, request, "stories")
    name = db.name
    q = (request.args.get("q") or "").strip()
    review = "unreviewed" if request.args.get("review") == "unreviewed" else ""
    corr = (await review_views.context(datasette, request, name))["corrections"]
    match = {"q": q, "unreviewed": bool(review), "reviewed": json.dumps(sorted(corr.verdicts))}
    page = _page_number(request)
    total = (await rows(db, "stories_count", match))[0]["n"]
    pages = max(1, -(-total // STORIES_PER_PAGE))
    page = min(page, pages)

    def link(p):
        query = {k: v for k, v in (("q", q), ("review", review), ("page", p if p > 1 else None)) if v}
        return page_url(datasette, name, query=query or None)

    stories = []
    reviewed = Counter(r.get("story") for r in corr.verdicts.values())
    params = {**match, "limit": STORIES_PER_PAGE, "offset": (page - 1) * STORIES_PER_PAGE}
    for s in await rows(db, "stories", params):
        story = dict(s)
        story["outlets"] = [o for o in json_list(story.pop("outlets_json")) if o]
        story["url"] = page_url(datasette, name, "story", s["id"])
        story["reviewed_count"] = reviewed.get(s["id"], 0)
        stories.append(story)
    data = {"database": name, "q": q, "review": review, "total": total, "page": page, "pages": pages,
            "previous_url": link(page - 1) if page > 1 else None,
            "next_url": link(page + 1) if page < pages else None, "stories": stories}
    extra = {"crumb_links": crumbs(datasette, name, seen)[:-1], "stories_url": page_url(datasette, name),
             "unreviewed_url": page_url(datasette, name, query={k: v for k, v in (("q", q), ("review", "unreviewed")) if v}),
             "queries": await stored_queries(datasette, name, request.actor),
             "tables": {t: datasette.urls.table(name, t) for t in sorted(seen)}}
    return await respond(datasette, request, "factcheck_stories.html", data, extra)


async def story_page(datasette, request):
    db, seen = await resolve_database(datasette, request, "stories")
    name, story_id, may = db.name, url_id(request), flags(seen)
    story = await one(db, "story", {"story": story_id}, "Story")
    filters = {k: request.args.get(k) or "" for k in FILTERS}
    review = await review_views.context(datasette, request, name)
    corr = review["corrections"]
    facts = await rows(db, "story_facts", {"story": story_id, **filters, **may})
    existing = {f["id"] for f in await rows(db, "story_fact_labels", {"story": story_id, **may})}
    facts, figures, moved_out = review_views.regroup(
        corr, facts, await rows(db, "story_figures", {"story": story_id, **may}), existing)
    options = {k: [] for k in FILTERS}
    for r in await rows(db, "story_options", {"story": story_id, **may}):
        options[r["name"]].append(r["value"])
    options["status"] = [s for s in STATUS_ORDER if s in options["status"]] + \
        [s for s in options["status"] if s not in STATUS_ORDER]
    timelines = {f["id"]: timeline(figures.get(f["id"], [])) for f in facts}
    fact_list = [{**fact_summary(datasette, name, f),
                  "figures": [figure_summary(datasette, name, c, may["articles"])
                              for c in voices(figures.get(f["id"], []))],
                  "latest": latest_line(timelines[f["id"]]),
                  "review": review_views.verdict(corr, f["id"]),
                  "moved_out": [{**figure_summary(datasette, name, c, may["articles"]),
                                 "review": review_views.review_notes(c)} for c in moved_out.get(f["id"], [])]}
                 for f in facts]
    counts = {s: sum(1 for f in fact_list if f["status"] == s) for s in STATUS_ORDER}
    articles = [{**a, "url": page_url(datasette, name, "article", a["id"])}
                for a in await rows(db, "story_articles", {"story": story_id, **may})]
    data = {"database": name, "story": {"id": story["id"], "name": story.get("name") or story["id"]},
            "filters": filters, "options": options, "counts": counts, "facts": fact_list,
            "articles": articles}
    charts = {f["id"]: chart_svg(figures.get(f["id"], []), f.get("label") or f["id"],
                                 f"chart-{f['id']}") for f in facts}
    extra = {"charts": charts, "story_url": page_url(datasette, name, "story", story_id),
             "csv_url": csv_url(datasette, name, {"story": story_id, "fact_id__notnull": "1"}),
             "crumb_links": crumbs(datasette, name, seen)}
    return await respond(datasette, request, "factcheck_story.html", data, extra)


async def fact_page(datasette, request):
    db, seen = await resolve_database(datasette, request, "facts")
    name, fact_id, may = db.name, url_id(request), flags(seen)
    fact = await one(db, "fact", {"id": fact_id}, "Fact")
    review = await review_views.context(datasette, request, name)
    corr = review["corrections"]
    found = await rows(db, "fact_figures", {"id": fact_id, "joined": json.dumps(corr.joined_into([fact_id])), **may})
    existing = {f["id"] for f in await rows(db, "story_fact_labels", {"story": fact.get("story"), **may})}
    (fact,), members, moved_out = review_views.regroup(corr, [fact], found, existing)
    claims = members.get(fact_id, [])
    groups = OrderedDict()
    sentences = {}
    for c in claims + moved_out.get(fact_id, []):
        at = locate(c.get("sentence_text"), c.get("sentence_start"), c)
        sentences[c["id"]] = highlight(c.get("sentence_text") or "", [(*at, None)] if at else [],
                                       plain_mark)
    for c in voices(claims):
        key = ("superseded",) if c.get("superseded") else ("value", c.get("value"), unit_words(c))
        groups.setdefault(key, []).append({**figure_summary(datasette, name, c, may["articles"]),
                                           "review": review_views.review_notes(c)})
    group_list = [{"value": None if k[0] == "superseded" else k[1], "superseded": k[0] == "superseded",
                   "words": "superseded" if k[0] == "superseded" else f"{number(k[1])} {k[2] or ''}".strip(),
                   "figures": v, "outlet_count": len({f["outlet"] for f in v})}
                  for k, v in groups.items()]
    tl = timeline(claims)
    currencies = sorted({c["unit"] for c in claims if is_currency(c.get("unit"))})
    parts = parse_parts(fact.get("parts"))
    story_url = page_url(datasette, name, "story", fact["story"]) if fact.get("story") and may["stories"] else None
    history = corr.history([fact_id], [c["id"] for c in found])
    data = {"database": name, "fact": fact_summary(datasette, name, fact),
            "story": {"id": fact.get("story"), "url": story_url},
            "groups": group_list, "parts": parts, "timeline": timeline_data(tl),
            "review": {"verdict": review_views.verdict(corr, fact_id),
                       "moved_out": [{**figure_summary(datasette, name, c, may["articles"]),
                                      "review": review_views.review_notes(c)} for c in moved_out.get(fact_id, [])],
                       "history": [review_views.entry(r) for r in history]}}
    others = [u for u in currencies if u != fact.get("unit")]
    extra = {"sentences": sentences, "csv_url": csv_url(datasette, name, {"fact_id": fact_id}),
             "can_review": review["can_review"], "form": review["form"],
             "currency_note": (f"Compared in {fact.get('unit')}; the figures in {' and '.join(others)} are shown "
                               "apart, since no exchange rate is right for every date."
                               if len(currencies) > 1 and fact.get("unit") in currencies else None),
             "chart": chart_svg(claims, fact.get("label") or fact_id, f"chart-{fact_id}"),
             "timeline_chart": timeline_svg(tl, fact.get("label") or fact_id, f"timeline-{fact_id}") if tl else None,
             "repeated": any(f["repeats"] > 1 for g in group_list for f in g["figures"]),
             "parts_view": await parts_view(datasette, db, parts, may["articles"]),
             "crumb_links": crumbs(datasette, name, seen, *([(fact["story"], story_url)] if story_url else []))}
    return await respond(datasette, request, "factcheck_fact.html", data, extra)


async def parts_view(datasette, db, parts, articles=True):
    """The part-and-whole checks, labelled and linked: the loader writes one per article that
    gives the whole and its parts ({"articles": [...]}); a single check ({"whole", "parts"}) is
    read the same way."""
    if not parts:
        return None
    checks = parts.get("articles") if isinstance(parts.get("articles"), list) else [parts]
    checks = [c for c in checks if isinstance(c, dict)]
    entries = [e for c in checks for e in [c.get("whole")] + list(c.get("parts") or [])]
    ids = [e["fact_id"] for e in entries
           if isinstance(e, dict) and isinstance(e.get("fact_id"), (str, int))]
    labels = {}
    if ids:
        marks = ", ".join(f":p{i}" for i in range(len(ids)))
        result = await db.execute(f"select id, label from facts where id in ({marks})",
                                  {f"p{i}": v for i, v in enumerate(ids)})
        labels = {r["id"]: r["label"] for r in result.rows}

    def entry(e):
        if not isinstance(e, dict):  # the loader's whole: its value, on this fact
            return {"words": number(e), "label": None, "url": None}
        fid = e.get("fact_id") if isinstance(e.get("fact_id"), (str, int)) else None
        return {"words": figure_words(e.get("value"), e.get("bound")),
                "label": labels.get(fid) or fid,
                "url": page_url(datasette, db.name, "fact", fid) if fid in labels else None}

    def ok_words(ok):
        return {True: "the parts add up", False: "the parts do not add up"}.get(ok, "not checked")

    def check(c):
        whole = c.get("whole")
        if whole is not None and not isinstance(whole, dict):
            whole = {"value": whole, "bound": c.get("whole_bound")}
        ok = None if c.get("ok") is None else bool(c.get("ok"))
        return {"whole": entry(whole) if whole else None, "parts": [entry(e) for e in c.get("parts") or []],
                "sum": number(c["sum"]) if c.get("sum") is not None else None,
                "ok": ok, "ok_words": ok_words(ok), "outlet": c.get("outlet"),
                "article_url": page_url(datasette, db.name, "article", c["article_id"])
                if isinstance(c.get("article_id"), str) and articles else None}

    shown = [check(c) for c in checks]
    oks = [c["ok"] for c in shown]
    ok = False if False in oks else (True if oks and all(oks) else None)
    return {"checks": shown, "ok": ok, "ok_words": ok_words(ok)}


async def article_page(datasette, request):
    db, seen = await resolve_database(datasette, request, "articles")
    name, article_id, may = db.name, url_id(request), flags(seen)
    article = await one(db, "article", {"id": article_id}, "Article")
    sentences = await rows(db, "article_sentences", {"id": article_id, **may})
    review = await review_views.context(datasette, request, name)
    corr = review["corrections"]
    story_facts = {f["id"]: f for f in await rows(db, "story_fact_labels", {"story": article.get("story"), **may})}
    claims = [corr.apply(c, set(story_facts)) for c in await rows(db, "article_claims", {"id": article_id, **may})]
    fact_ids = sorted({c["fact_id"] for c in claims if c.get("fact_id")})
    others = [corr.apply(o, set(story_facts)) for o in await rows(db, "article_competitors", {
        "id": article_id, "fact_ids": json.dumps(fact_ids), "joined": json.dumps(corr.joined_into(fact_ids)), **may})]
    claim_list = []
    for c in claims:
        fact = story_facts.get(c.get("fact_id")) or {}
        claim_list.append({
            **figure_summary(datasette, name, c), "sentence_id": c.get("sentence_id"),
            "start": c.get("start"), "end": c.get("end"), "fact_label": fact.get("label"),
            "fact_status": fact.get("status"), "fact_state": status_info(fact.get("status")),
            "fact_url": page_url(datasette, name, "fact", c["fact_id"]) if c.get("fact_id") and may["facts"] else None,
            "competing": [figure_summary(datasette, name, o) for o in voices(competing(c, others))],
            "review": review_views.review_notes(c),
            "verdict": review_views.verdict(corr, c.get("fact_id")),
        })
    paragraphs = article_paragraphs(article, sentences, claim_list)
    data = {"database": name,
            "article": {k: article.get(k) for k in ("id", "story", "path", "outlet", "title",
                                                     "url", "published", "text")},
            "paragraphs": [{"paragraph": p["paragraph"], "sentences": p["sentences"]}
                           for p in paragraphs],
            "claims": claim_list,
            "history": [review_views.entry(r) for r in corr.history((), [c["id"] for c in claims])]}
    story_url = page_url(datasette, name, "story", article["story"]) if article.get("story") and may["stories"] else None
    extra = {"safe_url": safe_url(article.get("url")), "rendered": paragraphs,
             "can_review": review["can_review"], "form": review["form"],
             "story_facts": list(story_facts.values()),
             "story_url": story_url, "row_url": row_url(datasette, name, "articles", article_id),
             "crumb_links": crumbs(datasette, name, seen, *([(article["story"], story_url)] if story_url else []))}
    return await respond(datasette, request, "factcheck_article.html", data, extra)


def article_paragraphs(article, sentences, claims) -> list:
    """Sentences grouped by paragraph, each with its claims highlighted (offsets into the text)."""
    if not sentences:  # not segmented: one paragraph per blank-line block of the raw text
        sentences, pos = [], 0
        for i, block in enumerate((article.get("text") or "").split("\n\n")):
            sentences.append({"id": None, "paragraph": i, "start": pos, "end": pos + len(block),
                              "kind": "body", "text": block})
            pos += len(block) + 2
    by_sentence, loose = {}, []
    for c in claims:
        (by_sentence.setdefault(c["sentence_id"], []) if c.get("sentence_id") else loose).append(c)
    paragraphs = OrderedDict()
    for s in sentences:
        mine = by_sentence.get(s["id"], []) + [
            c for c in loose if c.get("start") is not None and s["start"] <= c["start"] < s["end"]]
        spans = [(*at, c) for c in mine if (at := locate(s["text"], s["start"], c))]
        kind = s.get("kind") or "body"
        paragraphs.setdefault(s.get("paragraph") or 0, []).append({
            "id": s["id"], "kind": kind, "text": s["text"], "start": s["start"], "end": s["end"],
            "aside": ASIDE_KINDS.get(kind), "segments": segments(s["text"] or "", spans),
            "claims": [c for *_, c in spans],
        })
    out = []
    for number_, items in paragraphs.items():
        kinds = {i["kind"] for i in items}
        out.append({
            "paragraph": number_,
            "sentences": [{k: i[k] for k in ("id", "kind", "start", "end", "text")} for i in items],
            "lines": items, "headline": kinds == {"headline"},
            "aside": " / ".join(sorted(ASIDE_KINDS[k] for k in kinds)) if kinds <= set(ASIDE_KINDS) else None,
        })
    return out


# ---------------------------------------------------------------------------- render_cell

class DeferredCell(str):
    """A cell of Datasette's own table or row page whose markup is filled in from one lookup for
    the whole page (``resolve_cells``, run from extra_template_vars before the template renders):
    render_cell is awaited cell by cell and never sees the page's other rows. As a string it is
    the plain value, so anything that reads it as text (or a page that never renders) gets that."""

    def __new__(cls, text, render):
        cell = super().__new__(cls, text)
        cell.render = render
        return cell

    def __html__(self):
        return self.render() or escape(str(self))


def cell_checks(database):
    """The tables this request's actor may view in ``database``, once the first cell has asked."""
    state = _REQUEST.get()
    return state.get("cell_checks", {}).get(database) if state is not None else None


async def check_cells(datasette, database) -> frozenset:
    """For the first cell of a request: the tables the actor may view (none without the tables)."""
    request = current_request()
    seen = await visible_tables(datasette, request.actor if request else None, database, ("claims", "facts")) \
        if await has_factcheck_tables(datasette, database) else frozenset()
    state = _REQUEST.get()
    if state is not None:
        state.setdefault("cell_checks", {})[database] = seen
    return seen


def defer_cell(datasette, database, kind, row, value, seen):
    """Queue this cell's lookup with the page's others; None when the plugin has nothing to add."""
    state = _REQUEST.get()
    if isinstance(value, dict):  # a foreign key Datasette has already expanded to {value, label}
        value = value.get("value")
    key = row_value(row, "id") if kind == "sentence" else value
    needs = "claims" if kind == "sentence" else "facts"
    if state is None or needs not in seen or not isinstance(key, (str, int)) or not value:
        return None
    batch = state.setdefault("cells", {}).setdefault((database, kind), {"keys": set(), "found": {}, "seen": seen})
    batch["keys"].add(key)
    if kind == "sentence":
        if not isinstance(value, str):
            return None
        return DeferredCell(value, lambda: sentence_cell(datasette, database, value, batch["found"].get(key), seen))
    claim = row_value(row, "id")
    return DeferredCell(str(value), lambda: fact_cell(datasette, database, batch["found"].get(key), claim))


async def resolve_cells(datasette) -> None:
    """Look up every cell queued on this request: one query per database and kind of cell."""
    state = _REQUEST.get()
    for (database, kind), batch in ((state or {}).get("cells") or {}).items():
        keys = [k for k in batch["keys"] if k not in batch["found"]]
        if not keys:
            continue
        for k in keys:
            batch["found"][k] = [] if kind == "sentence" else None
        try:
            found = await rows(datasette.get_database(database), f"cell_{kind}s",
                               {"ids": json.dumps(keys), **flags(batch["seen"])})
        except (sqlite3.Error, KeyError):
            continue
        for r in found:
            if kind == "sentence":
                batch["found"][r["sentence_id"]].append(r)
            else:
                batch["found"][r["id"]] = r


def sentence_cell(datasette, database, value, claims, seen):
    """sentences.text in Datasette's table and row pages, with its figures marked."""
    if not claims:
        return None
    spans = []
    for c in claims:
        s, e = c["rel_start"], c["rel_end"]
        if not (s is not None and e is not None and 0 <= s < e <= len(value)
                and (not c["text"] or value[s:e] == c["text"])):
            at = value.find(c["text"] or "\0")
            s, e = (at, at + len(c["text"])) if at >= 0 else (None, None)
        if s is not None:
            spans.append((s, e, c))

    def mark(c, inner):
        title = figure_words(c["value"], c["bound"])
        if "facts" in seen:
            title += f" \u00b7 {status_info(c.get('fact_status'))['label']}"
        # f-strings with escape(): Markup.format escapes the same, several times slower
        if c.get("fact_id") and "facts" in seen:
            href = page_url(datasette, database, "fact", c["fact_id"])
            return Markup(f'<mark class="fc-figure" title="{escape(title)}"><a href="{escape(href)}">{inner}</a></mark>')
        return Markup(f'<mark class="fc-figure" title="{escape(title)}">{inner}</mark>')

    return highlight(value, spans, mark)


def fact_cell(datasette, database, fact, claim_id):
    """claims.fact_id: a link to the fact page, its status and how many other figures it has
    (the figures themselves are on the fact page: listed here they made every row tall)."""
    if not fact:
        return None
    info = status_info(fact["status"])
    others = len([i for i in json_list(fact["others"]) if i != claim_id])
    return Markup(
        '<a href="{href}">{label}</a> <span class="fc-cell-status">({icon} {status})</span>'
        ' <small class="fc-cell-others">{others}</small>'
    ).format(href=page_url(datasette, database, "fact", fact["id"]),
             label=fact["label"] or fact["id"], icon=info["icon"], status=info["label"],
             others=f"+{others} other figure{'' if others == 1 else 's'}")


def row_value(row, key):
    try:
        return row[key]
    except (KeyError, IndexError, TypeError):
        return None



async def not_found_page(datasette, request):
    raise NotFound("Page not found")


async def about_page(datasette, request):
    """What the statuses, superseded figures, 'on its own word' and link confidence mean, and the
    long description of every column (Datasette's own pages show the short ones)."""
    from .defaults import DEFAULTS

    db, seen = await resolve_database(datasette, request, "facts")
    data = {"database": db.name, "statuses": [status_info(s) for s in STATUS_ORDER],
            "weak_link": WEAK_LINK, "columns": DEFAULTS["details"]}
    extra = {"crumb_links": crumbs(datasette, db.name, seen),
             "tables": {t: datasette.urls.table(db.name, t) for t in DEFAULTS["details"] if t in seen}}
    return await respond(datasette, request, "factcheck_about.html", data, extra)


from . import review_views  # noqa: E402  (the review pages use this module's helpers)
