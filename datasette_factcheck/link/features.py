"""Pair features: what a fact-checker weighs when asking whether two figures from two outlets
report one quantity. Each feature has a meaning and a unit test; the model learns its weight.

Hard constraints (``cannot_link``) are the cases where a link is wrong whatever the words: two
units, two measures the vocabulary knows apart (killed, injured), a total of several places and
one of them, a forecast and the actual figure, two figures of one article.
"""
from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional

from ..units import is_currency, normalised, unit_class
from .facts import interval

FEATURES = [
    "bias",
    "measure_same", "measure_differ", "measure_unknown",
    "subject_same", "subject_one_side", "subject_differ",
    "place_same", "place_contains", "place_unstated", "place_unrelated", "place_contrasted",
    "time_same",
    "value_equal", "value_overlap", "value_close", "value_log_ratio", "value_equal_distinctive", "vague",
    "currency_differ",
    "source_same", "source_differ",
    "context_similarity", "both_lead",
    "qualifier_mismatch", "period_mismatch",
    "main_measure",
]
INDEX = {name: i for i, name in enumerate(FEATURES)}
PERIODS = ("period_week", "period_month", "period_year")
WORD = re.compile(r"[a-z][a-z'-]*")


@lru_cache(maxsize=1)
def words() -> Dict[str, list]:
    return json.loads((Path(__file__).parent / "words.json").read_text())


def _stem(w: str) -> str:
    return w[:5]


def _window(c: dict, size: int = 8) -> str:
    """The words of the figure's own sentence around it, in lower case."""
    text = c.get("sentence_text") or ""
    off = (c.get("start") or 0) - (c.get("sentence_start") or 0)
    end = off + len(c.get("text") or "")
    if not (0 <= off <= len(text)):
        return text.lower()
    before = text[:off].lower().split()[-size:]
    after = text[end:].lower().split()[:size]
    return " ".join(before + ["#"] + after)


def prepare(claims: List[dict], frame, vocabulary) -> List[dict]:
    """Each claim with what its pairs are computed from, read once."""
    vocab = words()
    stop = set(vocab["stop"])
    known = set(vocabulary or ())
    out = []
    for c in claims:
        n = normalised(c)
        window = _window(c)
        quals = {q for q, stems in vocab.items() if q not in ("stop", "_about")
                 and any(re.search(r"\b" + re.escape(s), window) for s in stems)}
        out.append(dict(
            c,
            _place=frame.name(c.get("place")),
            _time=frame.time_key(c),
            _unit=unit_class(c.get("unit")),
            _known=c.get("measure") in known,
            _value=n["value"],
            _interval=interval(n),
            _window={_stem(w) for w in WORD.findall(window) if w not in stop},
            _quals=quals,
            _lead=c.get("sentence_kind") == "headline" or (c.get("paragraph") or 0) <= 1,
        ))
    return out


def _round(v: float) -> bool:
    """A figure outlets might give for many things: 1-9, or a round 10, 20, 100, 1000."""
    if v < 10:
        return True
    digits = f"{abs(v):.0f}".rstrip("0")
    return len(digits) <= 1


def _words_of(s: Optional[str]) -> set:
    return {w.rstrip("s") for w in WORD.findall((s or "").lower())}


def cannot_link(a: dict, b: dict, frame) -> bool:
    if a["article_id"] == b["article_id"]:
        # one article's two figures are two quantities, unless one replaced the other ("rose to")
        differ = a["_value"] != b["_value"] and not (a.get("superseded") or b.get("superseded"))
        return differ or a.get("measure") != b.get("measure")
    if a["_unit"] != b["_unit"]:
        return True
    if a["_known"] and b["_known"] and a.get("measure") != b.get("measure"):
        return True
    if ("forecast" in a["_quals"]) != ("forecast" in b["_quals"]):
        return True
    if frame.place_relation(a, b) == "joint":
        return True
    if a["_time"] != b["_time"] and "hypothetical" in (a["_time"], b["_time"]):
        return True
    return False


def pair_features(a: dict, b: dict, frame, main_measure: Optional[str] = None) -> List[float]:
    f = [0.0] * len(FEATURES)

    def put(name, value=1.0):
        f[INDEX[name]] = float(value)

    put("bias")
    ma, mb = a.get("measure"), b.get("measure")
    if ma is None or mb is None:
        put("measure_unknown")
    elif ma == mb:
        put("measure_same")
        if ma == main_measure:
            put("main_measure")
    else:
        put("measure_differ")
    sa, sb = a.get("subject"), b.get("subject")
    if sa and sb:
        wa, wb = _words_of(sa), _words_of(sb)
        put("subject_same" if (wa <= wb or wb <= wa) else "subject_differ")
    elif sa or sb:
        put("subject_one_side")
    rel = frame.place_relation(a, b)
    put({"same": "place_same", "contains": "place_contains", "unstated": "place_unstated",
         "contrasted": "place_contrasted"}.get(rel, "place_unrelated"))
    if a["_time"] == b["_time"]:
        put("time_same")
    va, vb = a["_value"], b["_value"]
    if va == vb:
        put("value_equal")
        if not _round(abs(va)):
            put("value_equal_distinctive")
    (la, ha), (lb, hb) = a["_interval"], b["_interval"]
    if max(la, lb) <= min(ha, hb):
        put("value_overlap")
    if va and vb and va * vb > 0:
        ratio = abs(math.log10(abs(va) / abs(vb)))
        put("value_log_ratio", min(2.0, ratio))
        if 0 < ratio <= math.log10(1.5):
            put("value_close")  # 39 beside 46 or 57: the competing tolls of one event
    elif va != vb:
        put("value_log_ratio", 2.0)
    if "vague" in (a.get("kind"), b.get("kind")):
        put("vague")
    if is_currency(a.get("unit")) and is_currency(b.get("unit")) and a["unit"] != b["unit"]:
        put("currency_differ")
    if a.get("source") and b.get("source"):
        put("source_same" if _words_of(a["source"]) & _words_of(b["source"]) else "source_differ")
    union = a["_window"] | b["_window"]
    if union:
        put("context_similarity", len(a["_window"] & b["_window"]) / len(union))
    if a["_lead"] and b["_lead"]:
        put("both_lead")
    qa, qb = a["_quals"] - {"forecast", *PERIODS}, b["_quals"] - {"forecast", *PERIODS}
    put("qualifier_mismatch", len(qa ^ qb))
    pa, pb = a["_quals"] & set(PERIODS), b["_quals"] & set(PERIODS)
    if pa and pb and not (pa & pb):
        put("period_mismatch")
    return f
