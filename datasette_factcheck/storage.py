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
        "located": str,
    },
    "sentences": {
        "id": str, "article_id": str, "story": str, "idx": int, "paragraph": int, "start": int,
        "end": int, "kind": str, "text": str,
    },
    "facts": {
        "id": str, "story": str, "label": str, "measure": str, "subject": str, "place": str,
        "time_frame": str, "unit": str, "status": str, "outlet_count": int, "claim_count": int,
        "min_value": float, "max_value": float, "spread": float, "outlets": str, "sources": str,
        "parts": str, "parts_ok": int, "confidence": float,
    },
    "claims": {
        "id": str, "article_id": str, "sentence_id": str, "fact_id": str, "story": str,
        "outlet": str, "start": int, "end": int, "text": str, "value": float, "low": float,
        "high": float, "bound": str, "unit": str, "measure": str, "subject": str, "place": str,
        "place_in": str, "place_scope": str, "place_from": str, "source": str, "time_frame": str, "time_text": str, "superseded": int, "kind": str,
        "extractor": str, "period": str,
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


def fast_writes(db: sqlite_utils.Database) -> None:
    """Settings for a connection that writes a throw-away copy (the loader's temporary file, renamed
    over the database only on success): no journal file and no sync per transaction."""
    db.execute("PRAGMA journal_mode = MEMORY")
    db.execute("PRAGMA synchronous = OFF")
    # 16 MB of page cache: writes are appends and index inserts, and a cache that grows with the
    # database would make the loader's memory grow with the corpus
    db.execute("PRAGMA cache_size = -16384")


def ensure_db_shape(db: sqlite_utils.Database) -> None:
    """Create every table, foreign key, index, view and the full-text index, once."""
    order = ["stories", "articles", "sentences", "facts", "claims"]
    for name in order:
        if not db[name].exists():
            db[name].create(
                SCHEMA[name], pk="id", foreign_keys=FOREIGN_KEYS.get(name, []), not_null={"id"}
            )
        else:  # a database built by an earlier version gains the columns it lacks
            have = db[name].columns_dict
            for column, kind in SCHEMA[name].items():
                if column not in have:
                    db[name].add_column(column, kind)
    for name, index_list in INDEXES.items():
        for cols in index_list:
            db[name].create_index(cols, if_not_exists=True)
    for name, sql in VIEWS.items():
        db.create_view(name, sql, replace=True)
    if not db["sentences"].detect_fts():
        db["sentences"].enable_fts(["text"], create_triggers=True, tokenize="porter")


def _columns(table: str, rows: list) -> list:
    """The columns to write: the schema's, in schema order, then any others the rows carry (which
    SQLite rejects, as sqlite-utils' insert would)."""
    known = list(SCHEMA[table])
    extra = []
    for row in rows:
        for key in row:
            if key not in SCHEMA[table] and key not in extra:
                extra.append(key)
    present = set().union(*(row.keys() for row in rows)) if rows else set()
    return [c for c in known if c in present] + extra


def _insert_rows(db, table: str, rows: list, replace: bool = True) -> None:
    """One executemany for many rows: far cheaper than sqlite-utils' per-call introspection."""
    if not rows:
        return
    cols = _columns(table, rows)
    sql = "insert {}into [{}] ({}) values ({})".format(
        "or replace " if replace else "", table, ", ".join(f"[{c}]" for c in cols), ", ".join("?" * len(cols)))
    db.conn.executemany(sql, [[row.get(c) for c in cols] for row in rows])


def _upsert_rows(db, table: str, rows: list) -> None:
    """Insert, or update in place (keeping the rowid) the rows whose id is already there."""
    if not rows:
        return
    cols = _columns(table, rows)
    sets = ", ".join(f"[{c}] = excluded.[{c}]" for c in cols if c != "id")
    sql = "insert into [{}] ({}) values ({}) on conflict(id) do update set {}".format(
        table, ", ".join(f"[{c}]" for c in cols), ", ".join("?" * len(cols)), sets)
    db.conn.executemany(sql, [[row.get(c) for c in cols] for row in rows])


def _chunks(items: list, n: int = 500):
    for i in range(0, len(items), n):
        yield items[i:i + n]


def write_article(db, article_row: dict, sentence_rows: list, claim_rows: list) -> None:
    """Upsert one article with its sentences and claims (replacing what was there before)."""
    write_articles(db, [(article_row, sentence_rows, claim_rows)])


def write_articles(db, batch: Iterable[tuple]) -> None:
    """Write a batch of (article_row, sentence_rows, claim_rows) in one transaction: each article
    upserted, its old sentences and claims replaced by the new ones."""
    batch = list({a["id"]: (a, s, c) for a, s, c in batch}.values())  # the same article twice: the last wins
    if not batch:
        return
    with db.atomic():
        db.conn.executemany("insert or ignore into stories (id, name) values (?, ?)",
                            [(s, s) for s in dict.fromkeys(a["story"] for a, _, _ in batch)])
        _upsert_rows(db, "articles", [a for a, _, _ in batch])
        ids = [a["id"] for a, _, _ in batch]
        for chunk in _chunks(ids):
            marks = ", ".join("?" * len(chunk))
            db.conn.execute(f"delete from claims where article_id in ({marks})", chunk)
            db.conn.execute(f"delete from sentences where article_id in ({marks})", chunk)
        _insert_rows(db, "sentences", [s for _, rows, _ in batch for s in rows])
        _insert_rows(db, "claims", [c for _, _, rows in batch for c in rows])


def ensure_story(db, story: str) -> None:
    with db.atomic():
        db.conn.execute("insert or ignore into stories (id, name) values (?, ?)", [story, story])


def story_claims(db, story: str) -> list:
    return list(
        db.query(
            "select claims.*, articles.path as article_path, articles.dates as article_dates, "
            "articles.located as article_located, sentences.text as sentence_text, "
            "sentences.start as sentence_start, sentences.kind as sentence_kind, "
            "sentences.paragraph as paragraph from claims "
            "join articles on articles.id = claims.article_id "
            "left join sentences on sentences.id = claims.sentence_id "
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
    with db.atomic():
        db.conn.execute("update claims set fact_id = null where story = ?", [story])
        db.conn.execute("delete from facts where story = ?", [story])
        rows = []
        for f in facts:
            rows.append({
                "id": f.id, "story": f.story, "label": f.label, "measure": f.measure,
                "subject": f.subject, "place": f.place, "time_frame": f.time_frame,
                "unit": f.unit, "status": f.status, "outlet_count": f.outlet_count,
                "claim_count": f.claim_count, "min_value": f.min_value,
                "max_value": f.max_value, "spread": f.spread,
                "outlets": json.dumps(f.outlets), "sources": json.dumps(f.sources),
                "parts": f.parts, "parts_ok": f.parts_ok, "confidence": f.confidence,
            })
        _insert_rows(db, "facts", rows)
        by_columns: dict = {}
        for claim_id, update in claim_updates.items():
            if update:
                by_columns.setdefault(tuple(update), []).append([*update.values(), claim_id])
        for cols, params in by_columns.items():
            sets = ", ".join(f"[{c}] = ?" for c in cols)
            db.conn.executemany(f"update claims set {sets} where id = ?", params)
        update_story_counts(db, story)


def drop_claims(db, ids) -> None:
    """Remove claims a reviewer marked "not a figure" (they get no fact at the next build)."""
    with db.atomic():
        for chunk in _chunks(sorted(ids)):
            db.conn.execute(f"delete from claims where id in ({', '.join('?' * len(chunk))})", chunk)


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
    with db.atomic():  # the name stays: a detected story's is set by name_stories
        db.conn.execute("insert or ignore into stories (id, name) values (?, ?)", [story, story])
        _upsert_rows(db, "stories", [{"id": story, **row, "outlets": json.dumps(outlets)}])


def name_stories(db, names: dict) -> None:
    """Give detected stories their readable names (their ids never change)."""
    with db.atomic():
        db.conn.executemany("update stories set name = ? where id = ?", [(n, s) for s, n in names.items()])


def finish(db) -> None:
    """Make the database ready to publish: FTS rebuilt, statistics fresh, one file."""
    db["sentences"].rebuild_fts()
    db.analyze()
    db.vacuum()
