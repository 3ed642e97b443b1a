"""The database contract: the schema and every write, through sqlite-utils.

Other tools (the plugin, scripts/evaluate.py, a newsroom's own queries) read these tables, so the
column names here are a public interface. ``ensure_db_shape`` is the one place that creates them.
"""
from __future__ import annotations

import json
from typing import Iterable

import sqlite_utils

SCHEMA = {
    "stories": {
        "id": str, "name": str, "article_count": int, "outlet_count": int, "claim_count": int,
        "fact_count": int, "contested_count": int, "outlets": str,
    },
    "articles": {
        "id": str, "story": str, "path": str, "outlet": str, "title": str, "url": str,
        "published": str, "text": str, "sentence_count": int, "claim_count": int, "dates": str,
    },
    "sentences": {
        "id": str, "article_id": str, "story": str, "idx": int, "paragraph": int, "start": int,
        "end": int, "kind": str, "text": str,
    },
    "facts": {
        "id": str, "story": str, "label": str, "measure": str, "subject": str, "place": str,
        "time_frame": str, "unit": str, "status": str, "outlet_count": int, "claim_count": int,
        "min_value": float, "max_value": float, "spread": float, "outlets": str, "sources": str,
        "parts": str, "parts_ok": int,
    },
    "claims": {
        "id": str, "article_id": str, "sentence_id": str, "fact_id": str, "story": str,
        "outlet": str, "start": int, "end": int, "text": str, "value": float, "low": float,
        "high": float, "bound": str, "unit": str, "measure": str, "subject": str, "place": str,
        "place_in": str, "place_scope": str, "source": str, "time_frame": str, "time_text": str, "superseded": int, "kind": str,
        "extractor": str,
    },
}
FOREIGN_KEYS = {
    "articles": [("story", "stories", "id")],
    "sentences": [("article_id", "articles", "id")],
    "facts": [("story", "stories", "id")],
    "claims": [
        ("article_id", "articles", "id"),
        ("sentence_id", "sentences", "id"),
        ("fact_id", "facts", "id"),
    ],
}
INDEXES = {
    "articles": [["story"], ["outlet"]],
    "sentences": [["article_id"], ["article_id", "start"]],
    "facts": [["story"], ["story", "status"], ["measure"]],
    "claims": [["article_id"], ["sentence_id"], ["fact_id"], ["story"], ["measure"], ["source"]],
}
VIEWS = {
    "contested_facts": """
        select facts.id, facts.story, facts.label, facts.status, facts.min_value, facts.max_value,
               facts.spread, facts.outlet_count, facts.outlets, facts.sources
        from facts where facts.status = 'conflict'
        order by facts.story, facts.outlet_count desc, facts.spread desc
    """,
    "claims_in_context": """
        select claims.id, claims.story, claims.outlet, claims.text as figure, claims.value,
               claims.bound, claims.measure, claims.place, claims.source, claims.time_frame,
               claims.fact_id, facts.status as fact_status, sentences.text as sentence,
               articles.title as article_title, claims.article_id
        from claims
        join sentences on sentences.id = claims.sentence_id
        join articles on articles.id = claims.article_id
        left join facts on facts.id = claims.fact_id
    """,
}


def ensure_db_shape(db: sqlite_utils.Database) -> None:
    """Create every table, foreign key, index, view and the full-text index, once."""
    order = ["stories", "articles", "sentences", "facts", "claims"]
    for name in order:
        if not db[name].exists():
            db[name].create(
                SCHEMA[name], pk="id", foreign_keys=FOREIGN_KEYS.get(name, []), not_null={"id"}
            )
    for name, index_list in INDEXES.items():
        for cols in index_list:
            db[name].create_index(cols, if_not_exists=True)
    for name, sql in VIEWS.items():
        db.create_view(name, sql, replace=True)
    if not db["sentences"].detect_fts():
        db["sentences"].enable_fts(["text"], create_triggers=True, tokenize="porter")


def write_article(db, article_row: dict, sentence_rows: list, claim_rows: list) -> None:
    """Upsert one article with its sentences and claims (replacing what was there before)."""
    db["articles"].upsert(article_row, pk="id")
    db["claims"].delete_where("article_id = ?", [article_row["id"]])
    db["sentences"].delete_where("article_id = ?", [article_row["id"]])
    if sentence_rows:
        db["sentences"].insert_all(sentence_rows, pk="id", replace=True)
    if claim_rows:
        db["claims"].insert_all(claim_rows, pk="id", replace=True)


def write_articles(db, batch: Iterable[tuple]) -> None:
    """Write a batch of (article_row, sentence_rows, claim_rows) in one transaction."""
    with db.conn:
        for article_row, sentence_rows, claim_rows in batch:
            write_article(db, article_row, sentence_rows, claim_rows)


def ensure_story(db, story: str) -> None:
    db["stories"].insert({"id": story, "name": story}, pk="id", ignore=True)


def story_claims(db, story: str) -> list:
    return list(
        db.query(
            "select claims.*, articles.path as article_path, articles.dates as article_dates from claims "
            "join articles on articles.id = claims.article_id "
            "where claims.story = ? order by claims.article_id, claims.start",
            [story],
        )
    )


def story_headlines(db, story: str) -> dict:
    return {
        r["article_id"]: r["text"]
        for r in db.query(
            "select article_id, text from sentences where story = ? and kind = 'headline' "
            "order by idx",
            [story],
        )
    }


def write_facts(db, story: str, facts: list, claim_updates: dict) -> None:
    """Replace one story's facts and point its claims at them; other stories are not touched."""
    with db.conn:
        db.execute("update claims set fact_id = null where story = ?", [story])
        db["facts"].delete_where("story = ?", [story])
        rows = []
        for f in facts:
            rows.append({
                "id": f.id, "story": f.story, "label": f.label, "measure": f.measure,
                "subject": f.subject, "place": f.place, "time_frame": f.time_frame,
                "unit": f.unit, "status": f.status, "outlet_count": f.outlet_count,
                "claim_count": f.claim_count, "min_value": f.min_value,
                "max_value": f.max_value, "spread": f.spread,
                "outlets": json.dumps(f.outlets), "sources": json.dumps(f.sources),
                "parts": f.parts, "parts_ok": f.parts_ok,
            })
        if rows:
            db["facts"].insert_all(rows, pk="id", replace=True)
        for claim_id, update in claim_updates.items():
            db["claims"].update(claim_id, update)
        update_story_counts(db, story)


def update_story_counts(db, story: str) -> None:
    row = next(db.query(
        """select
             (select count(*) from articles where story = :s) as article_count,
             (select count(distinct coalesce(outlet, path)) from articles where story = :s) as outlet_count,
             (select count(*) from claims where story = :s) as claim_count,
             (select count(*) from facts where story = :s) as fact_count,
             (select count(*) from facts where story = :s and status = 'conflict') as contested_count
        """, {"s": story}))
    outlets = [r["outlet"] for r in db.query(
        "select distinct outlet from articles where story = ? and outlet is not null order by outlet",
        [story])]
    db["stories"].upsert({"id": story, "name": story, **row, "outlets": json.dumps(outlets)}, pk="id")


def finish(db) -> None:
    """Make the database ready to publish: FTS rebuilt, statistics fresh, one file."""
    db["sentences"].rebuild_fts()
    db.analyze()
    db.vacuum()
