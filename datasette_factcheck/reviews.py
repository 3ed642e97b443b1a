"""Reviewers' verdicts and corrections: their database, and what they change.

The reviews live in their own SQLite file beside the published one (``coverage-reviews.db`` next
to ``coverage.db``), so the published database stays immutable and a rebuild never touches them.
Every row is one reviewer action, keyed by the stable claim and fact ids (content hashes), and
never updated: the history is the table. What the actions add up to (``Corrections``) is read the
same way by the plugin's pages (an overlay on the published rows), by the loader (constraints for
the linker at the next build) and by ``scripts/export_reviews.py`` (gold). No Datasette import.
"""
from __future__ import annotations

import json
import math
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Set, Tuple

VERDICTS = {
    "confirmed": "Confirmed",
    "differ": "Figures differ as shown",
    "wrong_link": "Wrong link",
    "second_look": "Needs a second look",
}
ACTIONS = {
    "verdict": "verdict",
    "split": "split out: not the same quantity",
    "join": "joined: the same quantity",
    "not_figure": "not a figure",
    "misread": "value misread",
}
COLUMNS = {
    "id": int, "at": str, "actor": str, "action": str, "story": str, "fact_id": str,
    "claim_id": str, "target_fact_id": str, "verdict": str, "note": str, "value": float,
    "members": str,  # JSON: the claim ids the claim is split from / joined to, as they were then
}
SQL_TYPES = {int: "INTEGER", str: "TEXT", float: "REAL"}


def default_path(db_path) -> Path:
    """``coverage.db`` -> ``coverage-reviews.db``, beside it."""
    p = Path(db_path)
    return p.with_name(f"{p.stem}-reviews{p.suffix or '.db'}")


def ensure_reviews_shape(conn) -> None:
    """Create the reviews table and its indexes (the one place that does); add missing columns."""
    have = {r[1] for r in conn.execute("pragma table_info(reviews)")}
    if not have:
        cols = ", ".join(f"[{c}] {SQL_TYPES[t]}" + (" PRIMARY KEY AUTOINCREMENT" if c == "id" else "")
                         for c, t in COLUMNS.items())
        conn.execute(f"create table reviews ({cols})")
    else:
        for c, t in COLUMNS.items():
            if c not in have:
                conn.execute(f"alter table reviews add column [{c}] {SQL_TYPES[t]}")
    for cols in (["fact_id"], ["claim_id"], ["story"], ["target_fact_id"]):
        conn.execute(f"create index if not exists idx_reviews_{'_'.join(cols)} on reviews ({', '.join(cols)})")
    conn.commit()


def now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def insert(conn, row: dict) -> None:
    """Record one action (the caller has checked who may, and that the ids exist)."""
    row = {k: v for k, v in row.items() if k in COLUMNS and k != "id"}
    row.setdefault("at", now())
    if isinstance(row.get("members"), (list, tuple, set)):
        row["members"] = json.dumps(sorted(row["members"]))
    cols = list(row)
    conn.execute(f"insert into reviews ({', '.join(f'[{c}]' for c in cols)}) values "
                 f"({', '.join('?' * len(cols))})", [row[c] for c in cols])
    conn.commit()


def parse_value(raw) -> Optional[float]:
    """A corrected value from a form: '1,234' or '57' -> float; None for junk, infinity or NaN."""
    try:
        value = float(str(raw).replace(",", "").strip())
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def _members(raw) -> List[str]:
    try:
        value = json.loads(raw) if raw else []
    except (TypeError, ValueError):
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


@dataclass
class Corrections:
    """What the actions add up to: the latest of each kind wins, per fact and per claim."""

    rows: List[dict] = field(default_factory=list)
    verdicts: Dict[str, dict] = field(default_factory=dict)     # fact id -> latest verdict row
    links: Dict[str, dict] = field(default_factory=dict)        # claim id -> latest split or join row
    excluded: Dict[str, dict] = field(default_factory=dict)     # claim id -> its "not a figure" row
    values: Dict[str, dict] = field(default_factory=dict)       # claim id -> latest "misread" row

    @classmethod
    def from_rows(cls, rows: Iterable) -> "Corrections":
        out = cls()
        for r in sorted((dict(r) for r in rows), key=lambda r: r.get("id") or 0):
            out.rows.append(r)
            action = r.get("action")
            if action == "verdict" and r.get("fact_id"):
                out.verdicts[r["fact_id"]] = r
            elif action in ("split", "join") and r.get("claim_id"):
                out.links[r["claim_id"]] = r
            elif action == "not_figure" and r.get("claim_id"):
                out.excluded[r["claim_id"]] = r
            elif action == "misread" and r.get("claim_id") and parse_value(r.get("value")) is not None:
                out.values[r["claim_id"]] = r
        return out

    def __bool__(self):
        return bool(self.rows)

    # ---- the overlay on published claim rows

    def fact_of(self, claim: dict, facts: Optional[Set[str]] = None) -> Optional[str]:
        """The fact a claim belongs to once the corrections apply: None when it is no figure or was
        split out of the fact it is in; a join counts only while its fact exists (``facts``)."""
        cid, fact = claim.get("id") or claim.get("claim_id"), claim.get("fact_id")
        if cid in self.excluded:
            return None
        link = self.links.get(cid)
        if link is None:
            return fact
        if link["action"] == "split":
            return None if fact == link.get("fact_id") else fact
        target = link.get("target_fact_id")
        return target if facts is None or target in facts else fact

    def apply(self, claim: dict, facts: Optional[Set[str]] = None) -> dict:
        """A copy of the claim row with its corrected fact and value, and a ``review`` note."""
        cid = claim.get("id") or claim.get("claim_id")
        out = dict(claim)
        notes = []
        fact = self.fact_of(claim, facts)
        if cid in self.excluded:
            notes.append(self.excluded[cid])
        link = self.links.get(cid)
        if link is not None and fact != claim.get("fact_id"):
            notes.append(link)
        if cid in self.values:
            row = self.values[cid]
            out["value_as_read"] = claim.get("value")
            out["value"] = parse_value(row["value"])
            out["low"] = out["high"] = None
            notes.append(row)
        out["fact_id"] = fact
        out["review"] = notes
        return out

    def joined_into(self, fact_ids: Iterable[str]) -> List[str]:
        """Claims a reviewer joined to one of these facts (wherever the build put them)."""
        wanted = set(fact_ids)
        return sorted(cid for cid, r in self.links.items()
                      if r["action"] == "join" and r.get("target_fact_id") in wanted)

    def history(self, fact_ids: Iterable[str] = (), claim_ids: Iterable[str] = ()) -> List[dict]:
        """The actions on these facts and claims, newest first."""
        facts, claims = set(fact_ids), set(claim_ids)
        return [r for r in reversed(self.rows)
                if r.get("fact_id") in facts or r.get("target_fact_id") in facts or r.get("claim_id") in claims]

    # ---- for the next build

    def constraints(self) -> Tuple[Set[Tuple[str, str]], Set[Tuple[str, str]]]:
        """(must, cannot): claim-id pairs the linker must keep together or apart. A split keeps the
        claim apart from the fact's other claims as the reviewer saw them; a join keeps it with the
        target fact's claims. Each pair is sorted; a pair in both (a later join undoing a split)
        goes to the later action."""
        must: Dict[Tuple[str, str], int] = {}
        cannot: Dict[Tuple[str, str], int] = {}
        for cid, r in self.links.items():
            into = must if r["action"] == "join" else cannot
            for other in _members(r.get("members")):
                if other != cid:
                    into[tuple(sorted((cid, other)))] = r.get("id") or 0
        for pair in set(must) & set(cannot):
            (cannot if must[pair] > cannot[pair] else must).pop(pair)
        return set(must), set(cannot)

    def correct_claims(self, claims: List[dict]) -> List[dict]:
        """A story's claims as the linker should see them: no excluded claim, values corrected."""
        out = []
        for c in claims:
            if c["id"] in self.excluded:
                continue
            if c["id"] in self.values:
                c = dict(c, value=parse_value(self.values[c["id"]]["value"]), low=None, high=None)
            out.append(c)
        return out


def read(path) -> Corrections:
    """The corrections in a reviews database file (read-only); none when there is no such file."""
    path = Path(path)
    if not path.exists():
        return Corrections()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        if not conn.execute("select 1 from sqlite_master where name = 'reviews'").fetchone():
            return Corrections()
        return Corrections.from_rows(conn.execute("select * from reviews order by id"))
    finally:
        conn.close()


def describe(row: dict) -> str:
    """One history line's action in words: 'Confirmed', 'value misread: 57'."""
    action = row.get("action")
    if action == "verdict":
        return VERDICTS.get(row.get("verdict"), row.get("verdict") or "verdict")
    words = ACTIONS.get(action, action or "")
    if action == "misread":
        value = parse_value(row.get("value"))
        words += f": {value:g}" if value is not None else ""
    return words


# ---- feedback to the model: the reviewed stories in the gold format of tests/gold/README.md

def _quote(text: str, start: int, end: int) -> Optional[str]:
    """The shortest stretch of text around [start, end) that occurs once and finds that figure."""
    from .evaluation import locate

    for pad in (0, 12, 24, 48, 96, 200, 400):
        a, b = max(0, start - pad), min(len(text), end + pad)
        quote = text[a:b].strip()
        if quote and locate(text, quote, text[start:end]) == (start, end):
            return quote
    return None


def export_gold(db_path, corrections: Corrections) -> Dict[str, dict]:
    """For each story a reviewer touched: its claims as the reviewers left them (split, joined,
    values corrected), "not a figure" claims as not_claims. Story id -> gold dict."""
    conn = sqlite3.connect(f"file:{Path(db_path)}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    out = {}
    try:
        for story in sorted({r.get("story") for r in corrections.rows if r.get("story")}):
            facts = {r["id"]: r["label"] for r in conn.execute("select id, label from facts where story = ?", [story])}
            articles = {r["id"]: dict(r) for r in conn.execute("select id, path, text from articles where story = ?", [story])}
            gold = {"facts": {}, "claims": [], "not_claims": [], "ignore_after": [],
                    "reviewed_by": sorted({r["actor"] for r in corrections.rows if r.get("story") == story})}
            claims = conn.execute("select * from claims where story = ? order by article_id, start", [story])
            for c in (dict(r) for r in claims):
                art = articles.get(c["article_id"])
                quote = _quote(art["text"], c["start"], c["end"]) if art else None
                if quote is None:
                    continue
                doc, figure = Path(art["path"]).stem, art["text"][c["start"]:c["end"]]
                if c["id"] in corrections.excluded:
                    gold["not_claims"].append({"doc": doc, "quote": quote, "figure": figure, "why": "not a figure (reviewer)"})
                    continue
                new = corrections.apply(c, set(facts))
                fact = new["fact_id"] or f"split-{c['id']}"  # split out: a fact of its own
                gold["facts"].setdefault(fact, facts.get(fact) or f"{c.get('measure') or 'figure'} ({c['id']})")
                item = {"doc": doc, "quote": quote, "figure": figure, "value": new["value"],
                        "bound": c.get("bound") or "exact", "measure": c.get("measure"), "place": c.get("place"),
                        "source": c.get("source"), "fact": fact}
                if c.get("unit"):
                    item["unit"] = c["unit"]
                gold["claims"].append(item)
            out[story] = gold
    finally:
        conn.close()
    return out
