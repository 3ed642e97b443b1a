"""Reviewers on the plugin's pages: who may review, the POST route that records an action, the
sign-in link, and the overlay of ``reviews.Corrections`` on the rows the pages read.

The reviews database is the one Datasette serves as ``<database>-reviews`` (the file
``coverage-reviews.db`` beside ``coverage.db``), attached mutable; every write goes through
Datasette's own ``execute_write_fn``. Each write is checked for the ``factcheck-review``
permission and for a form token signed for this actor and database (besides Datasette's CSRF
protection: a token on 0.65, Origin headers on 1.0a), so a POST without one is refused on both.
"""
from __future__ import annotations

import sqlite3
import time
from typing import Optional

from datasette.utils.asgi import Forbidden, NotFound, Response

from . import reviews
from .views import one, page_url, resolve_database

try:  # Datasette 1.0a: actions on resources
    from datasette.resources import DatabaseResource
except ImportError:
    DatabaseResource = None

ACTION = "factcheck-review"
PLUGIN = "datasette-factcheck"
SIGN_IN = "factcheck-sign-in"
NOTE_LIMIT = 2000


def reviews_database(datasette, name: str):
    """The mutable database that holds ``name``'s reviews, or None when none is attached."""
    db = datasette.databases.get(f"{name}-reviews")
    return db if db is not None and db.is_mutable else None


async def on_startup(datasette) -> None:
    """Give every attached reviews database its table (through Datasette's write thread)."""
    for name in list(datasette.databases):
        db = reviews_database(datasette, name)
        if db is not None and not name.endswith("-reviews"):
            await db.execute_write_fn(reviews.ensure_reviews_shape, block=True)


def reviewers(datasette):
    """The allow block of the plugin's ``reviewers`` setting, e.g. ``{"id": ["alice", "root"]}``."""
    return (datasette.plugin_config(PLUGIN) or {}).get("reviewers")


def actor_is_reviewer(datasette, actor) -> bool:
    from datasette.utils import actor_matches_allow

    allow = reviewers(datasette)
    return bool(actor) and allow is not None and actor_matches_allow(actor, allow)


async def can_review(datasette, actor, name: str) -> bool:
    """The ``factcheck-review`` permission on the database (denied unless granted)."""
    if DatabaseResource is not None:
        return await datasette.allowed(action=ACTION, resource=DatabaseResource(name), actor=actor)
    return await datasette.permission_allowed(actor, ACTION, resource=name, default=False)


def form_token(datasette, actor, name: str) -> str:
    return datasette.sign({"a": (actor or {}).get("id"), "d": name}, ACTION)


def token_ok(datasette, token, actor, name: str) -> bool:
    try:
        return datasette.unsign(token or "", ACTION) == {"a": (actor or {}).get("id"), "d": name}
    except Exception:
        return False


async def corrections(datasette, name: str) -> reviews.Corrections:
    db = reviews_database(datasette, name)
    if db is None:
        return reviews.Corrections()
    try:
        result = await db.execute("select * from reviews order by id")
    except sqlite3.Error:  # attached but not yet shaped
        return reviews.Corrections()
    return reviews.Corrections.from_rows(result.rows)


async def context(datasette, request, name: str) -> dict:
    """What a page needs to show reviews and, to a reviewer, the forms."""
    corr = await corrections(datasette, name)
    allowed = reviews_database(datasette, name) is not None and await can_review(datasette, request.actor, name)
    return {"corrections": corr, "can_review": allowed,
            "form": {"url": page_url(datasette, name, "review"), "next": request.full_path,
                     "token": form_token(datasette, request.actor, name) if allowed else None,
                     "verdicts": reviews.VERDICTS}}


def entry(row: dict) -> dict:
    """A history line as the pages and JSON show it."""
    return {"id": row.get("id"), "at": row.get("at"), "actor": row.get("actor"), "action": row.get("action"),
            "words": reviews.describe(row), "verdict": row.get("verdict"), "note": row.get("note"),
            "fact_id": row.get("fact_id"), "claim_id": row.get("claim_id"),
            "target_fact_id": row.get("target_fact_id")}


def verdict(corr: reviews.Corrections, fact_id) -> Optional[dict]:
    row = corr.verdicts.get(fact_id)
    return entry(row) if row else None


# ---------------------------------------------------------------------------- the overlay

def revise(fact: dict, members: list) -> dict:
    """The fact's counts, range and status from its members once reviews moved claims in or out."""
    live = [c for c in members if not c.get("superseded") and c.get("value") is not None] or members
    out = dict(fact, claim_count=len(members),
               outlet_count=len({c.get("outlet") or c.get("article_id") for c in members}))
    values = [c["value"] for c in live if c.get("value") is not None]
    if values:
        out.update(min_value=min(values), max_value=max(values), spread=max(values) - min(values))
    try:  # the loader's own rule; a slim install (no numpy, so no link package) keeps the built status
        from .link.facts import status_of
        if members:
            out["status"] = status_of(members)
    except ImportError:
        pass
    return out


def regroup(corr: reviews.Corrections, facts: list, claims: list, existing: set):
    """Apply the corrections to a page's facts and their claims: (facts, members by fact id,
    claims moved out of each fact). ``existing``: the story's fact ids (a join to a fact that a
    rebuild has renamed is ignored). Facts whose members changed are revised."""
    ids = {f["id"] for f in facts}
    members, moved_out, touched = {}, {}, set()
    for c in claims:
        new = corr.apply(c, existing)
        if new["fact_id"] != c.get("fact_id"):
            touched.update(x for x in (c.get("fact_id"), new["fact_id"]) if x)
            if c.get("fact_id"):
                moved_out.setdefault(c["fact_id"], []).append(new)
        elif new.get("value") != c.get("value"):
            touched.add(new["fact_id"])
        if new["fact_id"] in ids:
            members.setdefault(new["fact_id"], []).append(new)
    out = [revise(f, members.get(f["id"], [])) if f["id"] in touched else f for f in facts]
    return out, members, moved_out


def review_notes(c: dict) -> list:
    return [entry(r) for r in c.get("review") or []]


# ---------------------------------------------------------------------------- routes

async def review_post(datasette, request):
    """Record one reviewer action, then go back to the page the form was on."""
    if request.method != "POST":
        return Response.text("Reviews are sent with POST from the fact and article pages", status=405)
    db, seen = await resolve_database(datasette, request, "facts")
    name = db.name
    rdb = reviews_database(datasette, name)
    if rdb is None:
        raise NotFound(f"No reviews database is attached: serve {name}-reviews.db beside {name}")
    if not await can_review(datasette, request.actor, name):
        raise Forbidden("You may not review this database (the factcheck-review permission)")
    form = await request.post_vars()
    if not token_ok(datasette, form.get("review_token"), request.actor, name):
        raise Forbidden("This form has expired or was not sent from the fact-check pages: reload the page")
    action = form.get("action")
    if action not in reviews.ACTIONS:
        return Response.text(f"Unknown review action: {action!r}", status=400)
    corr = await corrections(datasette, name)
    row = {"action": action, "actor": str((request.actor or {}).get("id")),
           "note": (form.get("note") or "").strip()[:NOTE_LIMIT] or None}
    if action == "verdict":
        fact = await one(db, "fact", {"id": form.get("fact_id") or ""}, "Fact")
        if form.get("verdict") not in reviews.VERDICTS:
            return Response.text("Choose a verdict", status=400)
        row.update(fact_id=fact["id"], story=fact.get("story"), verdict=form["verdict"])
    else:
        found = (await db.execute("select id, fact_id, story from claims where id = :id",
                                  {"id": form.get("claim_id") or ""})).rows
        if not found:
            raise NotFound("Claim not found")
        claim = dict(found[0])
        story = [dict(r) for r in (await db.execute(
            "select id, fact_id from claims where story = :story", {"story": claim["story"]})).rows]
        facts = {r["id"] for r in (await db.execute(
            "select id from facts where story = :story", {"story": claim["story"]})).rows}
        current = corr.fact_of(claim, facts)
        row.update(claim_id=claim["id"], story=claim["story"], fact_id=current)

        def members_of(fact_id):
            return [c["id"] for c in story if corr.fact_of(c, facts) == fact_id and c["id"] != claim["id"]]

        if action == "split":
            if not current or not members_of(current):
                return Response.text("This figure is not linked with any other", status=400)
            row["members"] = members_of(current)
        elif action == "join":
            target = form.get("target_fact_id")
            if target not in facts or target == current:
                return Response.text("Choose another fact of the same story", status=400)
            row.update(target_fact_id=target, members=members_of(target))
        elif action == "misread":
            value = reviews.parse_value(form.get("value"))
            if value is None:
                return Response.text("Give the value as a number", status=400)
            row["value"] = value
    await rdb.execute_write_fn(lambda conn: reviews.insert(conn, row), block=True)
    back = form.get("next") or ""
    if not (back.startswith("/") and not back.startswith("//") and "\\" not in back):
        back = page_url(datasette, name, "fact", row["fact_id"]) if row.get("fact_id") else page_url(datasette, name)
    return Response.redirect(back)


def sign_in_token(datasette, actor_id: str, hours: float = 72) -> str:
    return datasette.sign({"id": actor_id, "e": int(time.time() + hours * 3600)}, SIGN_IN)


async def sign_in_page(datasette, request):
    """``/-/factcheck-sign-in?token=...``: a link made by ``datasette factcheck sign-in-link``
    with the server's secret signs its holder in under that id (a ``ds_actor`` cookie)."""
    try:
        value = datasette.unsign(request.args.get("token") or "", SIGN_IN)
    except Exception:
        value = None
    if not isinstance(value, dict) or not value.get("id") or value.get("e", 0) < time.time():
        raise Forbidden("This sign-in link is not valid, or has expired: ask for a new one")
    actor = {"id": str(value["id"])}
    response = Response.redirect(datasette.urls.instance())
    if hasattr(datasette, "set_actor_cookie"):
        datasette.set_actor_cookie(response, actor)
    else:
        response.set_cookie("ds_actor", datasette.sign({"a": actor}, "actor"))
    return response

