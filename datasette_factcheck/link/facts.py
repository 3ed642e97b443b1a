"""A fact from its claims: the range each figure allows, whether the outlets agree, its label,
and where an article gives a total and its parts, whether they add up."""
from __future__ import annotations

import json
import math
from collections import Counter
from typing import Dict, List, Optional

from ..model import Fact, stable_id
from ..units import is_currency, main_currency, normalised

MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def interval(c: dict):
    """The range of true values a figure allows, from its bound."""
    v = c["value"]
    b = c.get("bound") or "exact"
    lo, hi = c.get("low"), c.get("high")
    if b in ("at_least", "more_than"):
        return (lo if lo is not None else v, math.inf)
    if b in ("up_to", "less_than"):
        return (0.0, hi if hi is not None else v)
    if b == "about":
        return (lo if lo is not None else 0.9 * v, hi if hi is not None else 1.1 * v)
    if lo is not None and hi is not None and lo != hi:
        return (lo, hi)
    return (v, v)


def _live(claims: List[dict]) -> List[dict]:
    return [c for c in claims if not c.get("superseded")] or claims


def _precise(claims: List[dict]) -> List[dict]:
    """Live figures, without vague ones ('dozens') when any precise figure exists."""
    live = _live(claims)
    return [c for c in live if c.get("kind") not in ("vague", "conversion")] or live


def status_of(claims: List[dict]) -> str:
    """single, agree, compatible or conflict. Sums in different currencies are never compared (no
    exchange rate is right for every date, and outlets round their conversions): the status is read
    in the currency most outlets use; with only one outlet in it, the others cannot contradict it."""
    if len({c.get("unit") for c in claims if is_currency(c.get("unit"))}) > 1:
        main = main_currency(claims)
        status = _status_of([c for c in claims if c.get("unit") == main] or claims)
        if status == "single" and len({c.get("outlet") or c["article_id"] for c in claims}) > 1:
            return "compatible"
        return status
    return _status_of(claims)


def _status_of(claims: List[dict]) -> str:
    live = [c for c in _live(claims) if c.get("kind") != "conversion"] or _live(claims)
    vague = [c for c in live if c.get("kind") == "vague"]
    precise = _precise(claims)
    if vague and precise is not live:
        # 'dozens' beside '50' and '50': the outlets agree if the vague words allow the figure
        if len({c["value"] for c in precise}) == 1 and all(interval(v)[0] <= precise[0]["value"] <= interval(v)[1] for v in vague):
            live = precise
    outlets = {c.get("outlet") or c["article_id"] for c in live}
    overlap = max(interval(c)[0] for c in live) <= min(interval(c)[1] for c in live)
    # agree means every outlet gives the same figure: "about 300" beside "more than 300" only overlaps
    same = len({(c["value"], c.get("bound") or "exact") for c in live}) == 1
    if same:
        return "single" if len(outlets) == 1 else "agree"
    return "compatible" if overlap else "conflict"


def _most(values) -> Optional[str]:
    """The value most claims give, ties broken alphabetically so every build agrees."""
    votes = Counter(v for v in values if v)
    if not votes:
        return None
    return max(sorted(votes), key=lambda v: votes[v])


def _typical(members: List[dict]) -> str:
    """The figure most articles give, in its own unit: '150 nmi'."""
    votes = Counter((c["value"], c.get("unit") or "") for c in _precise(members))
    (value, unit), _ = max(sorted(votes.items(), key=str), key=lambda kv: kv[1])
    if value != 1 and unit in ("mile", "yard"):
        unit += "s"
    return f"{value:g} {unit}".strip()


def describe(members: List[dict]) -> dict:
    """The fact's measure, subject, place and time frame: what most of its claims say."""
    measure = _most(c.get("measure") for c in members)
    subject = _most(c.get("subject") for c in members)
    place = _most(c.get("_place") or c.get("place") for c in members)
    time_frame = _most(c.get("_time") or c.get("time_frame") for c in members) or "event"
    return {"measure": measure, "subject": subject, "place": place, "time_frame": time_frame}


def label(d: dict, unit: Optional[str], event_date: Optional[str], typical: str, also=()) -> str:
    """'killed · Homs · 21 Feb'; a sum given in several currencies names them all, the main first;
    a fact with no place is named by its figure: 'distance, km · 150 nmi'."""
    what = d["measure"] or "figure"
    if d["subject"]:
        what = f"{what} ({d['subject']})"
    if unit and also:
        unit = " + ".join([unit, *also])
    if unit and unit not in ("percent", "share") and unit not in what:
        what = f"{what}, {unit}"
    bits = [what, d["place"] or typical]
    when = d["time_frame"]
    if when == "event":
        if event_date:
            m, day = event_date.split("-")
            bits.append(f"{int(day)} {MONTH_NAMES[int(m) - 1]}")
    else:
        bits.append("running total" if when == "running_total" else when)
    return " · ".join(bits)


def make_fact(story: str, members: List[dict], event_date: Optional[str], confidence: Optional[float], taken: set) -> Fact:
    """One Fact. Its id is a hash of what it reports (so a URL survives a rebuild and an added
    article), made unique by its rank in size where two facts would read alike: a figure a
    reviewer splits out of a fact leaves the fact its URL."""
    d = describe(members)
    members_n = [normalised(c) for c in members]
    unit = _most(c.get("_unit") for c in members) or None
    others: tuple = ()
    if unit == "money":  # the range and spread are read in the currency most outlets use
        unit = main_currency(members_n) or next((c["unit"] for c in members_n if is_currency(c.get("unit"))), None)
        others = tuple(sorted({c["unit"] for c in members_n if is_currency(c.get("unit")) and c["unit"] != unit}))
    live = [c for c in _precise(members_n) if unit is None or not is_currency(unit) or c.get("unit") == unit] \
        or _precise(members_n)
    values = [c["value"] for c in live]
    key = (d["measure"], d["subject"], unit, d["place"], d["time_frame"])
    fact_id, rank = stable_id("fact", story, *key), 1
    while fact_id in taken:  # the second, third... largest fact that reads alike (link() goes largest first)
        rank += 1
        fact_id = stable_id("fact", story, *key, rank)
    taken.add(fact_id)
    outlets = sorted({c.get("outlet") or "" for c in members})
    fact = Fact(
        id=fact_id, story=story, label=label(d, unit, event_date, _typical(members), others),
        measure=d["measure"], subject=d["subject"], place=d["place"], time_frame=d["time_frame"], unit=unit,
        claim_ids=[c["id"] for c in members], outlet_count=len(outlets), claim_count=len(members),
        min_value=min(values), max_value=max(values), status=status_of(members_n),
        outlets=outlets, sources=sorted({c.get("source") for c in members if c.get("source")}),
    )
    fact.spread = fact.max_value - fact.min_value
    fact.confidence = confidence
    return fact


def check_parts(facts: List[Fact], members_of: Dict[str, List[dict]]) -> None:
    """Where an article gives a total and its parts (57 in Homs + 83 in Damascus = 140), add them
    up: a fact whose place joins several places is checked against the facts of each part."""
    by_what = {}
    for f in facts:
        by_what.setdefault((f.measure, f.subject, f.unit, f.place, f.time_frame), f)
    for fact in facts:
        names = [p.strip() for p in (fact.place or "").split(" + ")]
        if len(names) < 2:
            continue
        parts = [by_what.get((fact.measure, fact.subject, fact.unit, p, fact.time_frame)) for p in names]
        if not all(parts):
            continue
        rows = []
        for article_id in sorted({c["article_id"] for c in members_of[fact.id]}):
            wholes = [c for c in members_of[fact.id] if c["article_id"] == article_id and not c.get("superseded")]
            found = [[c for c in members_of[p.id] if c["article_id"] == article_id and not c.get("superseded")] for p in parts]
            if not wholes or not all(found):
                continue
            whole, items = wholes[0], [f[0] for f in found]
            lo, hi = interval(whole)
            ok = not (sum(interval(p)[1] for p in items) < lo or sum(interval(p)[0] for p in items) > hi)
            rows.append({
                "article_id": article_id, "outlet": whole.get("outlet"), "whole": whole["value"],
                "whole_bound": whole.get("bound"), "whole_claim": whole["id"],
                "parts": [{"fact_id": p.id, "place": p.place, "value": c["value"], "bound": c.get("bound"),
                           "claim_id": c["id"]} for p, c in zip(parts, items)],
                "sum": sum(c["value"] for c in items), "ok": ok,
            })
        fact.parts = json.dumps({"part_fact_ids": [p.id for p in parts], "articles": rows})
        fact.parts_ok = int(all(r["ok"] for r in rows)) if rows else None
