"""Pair features: what a fact-checker weighs when asking whether two figures from two outlets
report one quantity. Each feature has a meaning and a unit test; the model learns its weight.

Hard constraints (``cannot_link``) are the cases where a link is wrong whatever the words: two
units, two measures the vocabulary knows apart (killed, injured), a rise and a fall, an aftershock
and the main shock, two figures dated to different days, a total of several places and
one of them, a forecast and the actual figure, people and things (12 guns, 12 Somalis), a part
that names its group and a count that does not ('39 of the dead were civilians', '39 killed'), a toll
with the attacker and one without
("nine dead, including the gunman" beside "eight victims"), two figures of one article.
"""
from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional

from ..extract.measures import COUNTED_NOUNS, MEASURE_INFO, PERSON_NOUNS, SUBSET_GROUPS
from ..extract.places import demonym_place, world_countries
from ..units import is_currency, normalised, unit_class
from .facts import interval
from .frame import within_a_day

FEATURES = [
    "bias",
    "measure_same", "measure_same_known", "known_alike", "measure_differ", "measure_generic",
    "subject_same", "subject_one_side", "subject_part_one_side", "subject_differ", "what_overlap", "what_unknown", "what_overlap_value_equal",
    "place_same", "place_contains", "place_unstated", "place_unrelated", "place_unrelated_weak", "place_contrasted",
    "time_same", "time_earlier",
    "value_equal", "value_rounds_equal", "value_overlap", "value_close", "value_log_ratio", "value_equal_distinctive",
    "same_measure_value_equal", "same_measure_value_close", "value_equal_story_share",
    "currency_differ",
    "source_same",
    "context_similarity", "both_lead",
    *[f"{q}_mismatch" for q in ("earlier", "additional", "cumulative", "part", "record")],
    "period_mismatch",
    "all_read_alike", "both_first_of_measure", "one_figure_each", "alike_log_ratio",
]
INDEX = {name: i for i, name in enumerate(FEATURES)}
QUALIFIERS = ("earlier", "aftershock", "additional", "cumulative", "record")  # by words near the figure
WORD = re.compile(r"[a-z][a-z'-]*")
STATED = ("sentence", "clause")  # a place read in the figure's own sentence
ROUNDING = math.log10(1.06)  # '€2m' at the story's 1.3 is '$2.6m'; outlets print two figures


@lru_cache(maxsize=1)
def words() -> Dict[str, list]:
    return json.loads((Path(__file__).parent / "words.json").read_text())


@lru_cache(maxsize=1)
def _with_perpetrator_pattern() -> "re.Pattern":
    """'including the gunman', 'counting the two attackers', not 'not including the gunman'."""
    w = words()
    alt = lambda xs: "|".join(re.escape(x) for x in xs)  # noqa: E731
    return re.compile(rf"(?<!not )\b(?:{alt(w['including_words'])})\b(?:\W+\w+){{0,3}}?\W+(?:{alt(w['perpetrator_words'])})s?\b")


def direction(c: dict) -> Optional[str]:
    """'rise' or 'fall' for a figure of change by the words beside it ('fell 0.5%', 'a 3% drop',
    'California losing one'), None when neither or both are there."""
    sides = _sides(c)
    if sides is None:
        return None
    before, after = sides
    near = " ".join(WORD.findall(before[-30:])[-3:] + ["#"] + WORD.findall(after[:20])[:2])
    found = {d for d, pattern in _direction_patterns().items() if pattern.search(near)}
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=1)
def _direction_patterns() -> Dict[str, "re.Pattern"]:
    w = words()
    return {d: re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(x) for x in w[f"{d}_words"]) + r")(?![\w-])")
            for d in ("rise", "fall")}


def with_perpetrator(c: dict) -> bool:
    """Whether the figure's sentence, after it, says the count includes the attacker."""
    sides = _sides(c)
    return sides is not None and bool(_with_perpetrator_pattern().search(sides[1].split(";")[0]))


@lru_cache(maxsize=1)
def _qualifier_patterns() -> Dict[str, "re.Pattern"]:
    """Each qualifier's stems as one pattern, compiled once: a word that starts with any of them."""
    return {q: re.compile(r"\b(?:" + "|".join(re.escape(s) for s in words()[q]) + ")") for q in QUALIFIERS}


@lru_cache(maxsize=1)
def _part_patterns() -> tuple:
    w = words()
    alt = lambda xs: "|".join(re.escape(x) for x in xs)  # noqa: E731
    return (re.compile(rf"\b(?:{alt(w['part_before'])})(?:\W+\w+){{0,2}}?\W*$"),
            re.compile(rf"^\s*(?:{alt(w['part_after'])})\b"))


def is_part(c: dict) -> bool:
    """'including nine children', 'of whom 16 were militants', '39 of the dead': the figure counts
    a part of a larger count, by the words right beside it (link/words.json)."""
    sides = _sides(c)
    if sides is None:
        return False
    (before, after), (part_before, part_after) = sides, _part_patterns()
    whole = before[-5:].strip() == "all"  # 'all three of the cables'
    return bool(part_before.search(before[-40:]) or (part_after.search(after[:40]) and not whole))


def GENERIC() -> set:
    return set(words()["generic_measures"])


def _stem(w: str) -> str:
    return w[:5]


def _sides(c: dict) -> Optional[tuple]:
    """The figure's own sentence before it and after it, in lower case; None when the figure's
    offsets do not fall in its sentence."""
    text = (c.get("sentence_text") or "").lower()
    off = (c.get("start") or 0) - (c.get("sentence_start") or 0)
    if not 0 <= off <= len(text):
        return None
    return text[:off], text[off + len(c.get("text") or ""):]


def _window(c: dict, size: int = 8) -> str:
    """The words of the figure's own sentence around it, in lower case."""
    sides = _sides(c)
    if sides is None:
        return (c.get("sentence_text") or "").lower()
    return " ".join(sides[0].split()[-size:] + ["#"] + sides[1].split()[:size])


def prepare(claims: List[dict], frame, vocabulary) -> List[dict]:
    """Each claim with what its pairs are computed from, read once."""
    vocab = words()
    stop, generic = set(vocab["stop"]), GENERIC()
    articles_giving = {}
    for c in claims:
        articles_giving.setdefault((unit_class(c.get("unit")), normalised(c)["value"]), set()).add(c["article_id"])
    n_articles = max(1, len({c["article_id"] for c in claims}))
    first = {}  # each article's first figure of each measure: the one its headline or lead gives
    for c in sorted(claims, key=lambda c: (c["article_id"], c.get("start") or 0)):
        first.setdefault((c["article_id"], c.get("measure"), unit_class(c.get("unit"))), c["id"])
    known = set(vocabulary or ())
    physical = set(vocab["physical_measures"])  # a quake's depth is no distance from a town
    keys = [_key(c, frame) for c in claims]
    figures = {}  # how many figures each article gives for one measure, place and time
    for c, key in zip(claims, keys):
        if c.get("kind") != "conversion" and not c.get("superseded"):
            figures.setdefault(key, set()).add(normalised(c)["value"])
    round_words, other_words = vocab["round_words"], set(vocab["other_words"])
    out = []
    for c, key in zip(claims, keys):
        n = normalised(c)
        window = _window(c)
        # a part by the words right beside it; a forecast (and the span a figure counts over, its
        # period) as the extractor read them
        quals = {q for q, pattern in _qualifier_patterns().items() if pattern.search(window)} \
            | ({"part"} if is_part(c) else set()) | ({"forecast"} if c.get("time_frame") == "forecast" else set())
        out.append(dict(
            c,
            _place=frame.name(c.get("place")),
            _time=frame.time_key(c),
            _unit=unit_class(c.get("unit")),
            _known=c.get("measure") in known or c.get("measure") in physical,
            _value=n["value"],
            _first=first[(c["article_id"], c.get("measure"), unit_class(c.get("unit")))] == c["id"],
            _share=len(articles_giving[(unit_class(c.get("unit")), n["value"])]) / n_articles,
            _usd=n["value"] * vocab["usd_per_unit"].get(c.get("unit"), 0) if is_currency(c.get("unit")) else None,
            _interval=interval(n),
            _subject=_words_of(c.get("subject")),
            _source=_words_of(c.get("source")),
            _window={_stem(w) for w in WORD.findall(window) if w not in stop},
            _what={_stem(w) for w in WORD.findall(f"{c.get('measure') or ''} {c.get('subject') or ''}".lower())
                   if w not in stop and w not in generic and w not in ("percent", "share")},
            _quals=quals,
            _lead=c.get("sentence_kind") == "headline" or (c.get("paragraph") or 0) <= 1,
            _distinctive=not _round(abs(n["value"] or 0)) and not any(w in (c.get("text") or "").lower() for w in round_words),
            _other=bool(_words_of(c.get("subject")) & other_words
                        or (WORD.findall((c.get("text") or "").lower()) or [""])[0] in other_words),
            _alone=c.get("measure") is not None and len(figures.get(key, ())) == 1,
            _with_perpetrator=with_perpetrator(c),
            _counts=counts(c),
            _direction=direction(c),
            _group=_words_of(c.get("subject")) & SUBSET_GROUPS if "part" in quals else set(),
            _named=_named(c),
        ))
    return out


def _named(c: dict) -> set:
    """The words that say whom a figure counts: its subject, its own text and the three words
    after it ('two children' whose subject the parse missed)."""
    after = " ".join((_sides(c) or ("", ""))[1].split()[:3])
    return _words_of(c.get("subject")) | _words_of(c.get("text")) | _words_of(after)


def _names(c: dict, groups: set) -> bool:
    """Whether a prepared figure names one of the groups, in any form ('children' for 'child')."""
    return any(w.startswith(g[:5]) for w in c["_named"] for g in groups)


def _key(c: dict, frame) -> tuple:
    return (c["article_id"], c.get("measure"), unit_class(c.get("unit")), frame.name(c.get("place")), frame.time_key(c))


def _last_digit(v: float) -> int:
    """The power of ten of a figure's last significant digit: 3 for 15,000; -1 for 15.1."""
    mantissa, exponent = f"{abs(v):.12e}".split("e")
    digits = mantissa.replace(".", "").rstrip("0") or "0"
    return int(exponent) - len(digits) + 1


def rounds_alike(x: Optional[float], y: Optional[float]) -> bool:
    """Whether the more precise figure, rounded as the other is, is the other, within 5%: 15.1
    million and 15 million, 601,000 and 600,000; not 1.2 million and 1 million, and never two
    counts under 100 (39 beside 40 is two tolls)."""
    if not x or not y or x == y or x * y < 0 or max(abs(x), abs(y)) < 100 \
            or abs(x - y) > 0.05 * max(abs(x), abs(y)):
        return False
    e = max(_last_digit(x), _last_digit(y))
    coarse, fine = (x, y) if _last_digit(x) >= _last_digit(y) else (y, x)
    return math.isclose(round(fine / 10 ** e) * 10 ** e, coarse, rel_tol=1e-9)


def _round(v: float) -> bool:
    """A figure outlets might give for many things: 1-9, or a round 10, 20, 100, 1000 (5.9% or a
    magnitude 4.6 is as telling as 57)."""
    if v < 10:
        return float(v).is_integer()
    digits = f"{abs(v):.0f}".rstrip("0")
    return len(digits) <= 1


def counts(c: dict) -> Optional[str]:
    """What a count counts, where the vocabulary says: people (killed, arrested, 'pirates'), things
    ('vehicles', 'guns' in link/words.json), jobs, doses... '12 AK-47 guns' and '12 Somalis arrested' are never one
    quantity, however alike their numbers."""
    m = c.get("measure")
    if m in MEASURE_INFO:
        return MEASURE_INFO[m]["unit_class"]
    if m in COUNTED_NOUNS or m in words()["thing_measures"]:
        return "people" if m == "perpetrators" else "things"
    if m in PERSON_NOUNS or m in SUBSET_GROUPS or (m and _a_people(m)):
        return "people"
    return None


def _a_people(word: str) -> bool:
    """'12 Somalis', '11 Yemenis', 'Palestinians': a people's name, by the country it comes from."""
    names, people = world_countries(), word.title()
    return bool(demonym_place(people, names)) or f"{people.rstrip('s')}a" in names  # Somali: Somalia


def _words_of(s: Optional[str]) -> set:
    return {w.rstrip("s") for w in WORD.findall((s or "").lower())}


def cannot_link(a: dict, b: dict, frame) -> bool:
    if a["article_id"] == b["article_id"]:
        # one article's two figures are two quantities, unless one replaced the other ("rose to")
        differ = a["_value"] != b["_value"] and not (a.get("superseded") or b.get("superseded")) \
            and a.get("unit") == b.get("unit") \
            and (a.get("source") or "") == (b.get("source") or "")  # 'state media said 39; the Observatory, 46'
        return differ
    if a["_unit"] != b["_unit"]:
        return True
    if a["_known"] and b["_known"] and a.get("measure") != b.get("measure"):
        return True
    if a["_direction"] and b["_direction"] and a["_direction"] != b["_direction"]:
        return True  # a rise beside a fall: 'prices fell 0.5%' and 'prices rose 0.5%', a seat lost and one gained
    if a["_counts"] and b["_counts"] and a["_counts"] != b["_counts"]:
        return True  # people beside things: '12 guns' and '12 Somalis'; 'two boats' and 'two arrested'
    if ("forecast" in a["_quals"]) != ("forecast" in b["_quals"]):
        return True
    if ("aftershock" in a["_quals"]) != ("aftershock" in b["_quals"]):
        return True  # an aftershock's figure beside the main shock's: two events
    if _other_days(a, b):
        return True  # two figures each told for its own day: 'on January 26' and 'on Sunday'
    if a["_other"] != b["_other"]:
        return True  # 'another dozen', 'two other buildings': by their own words not the figure beside them
    if (a["_group"] and not _names(b, a["_group"])) or (b["_group"] and not _names(a, b["_group"])):
        return True  # a part that names its group ('39 of the dead were civilians') is not the toll '39 killed'
    if a["_with_perpetrator"] != b["_with_perpetrator"] and a["_value"] != b["_value"]:
        return True  # 'nine dead, including the gunman' beside 'eight victims': they agree, and are two counts
    if frame.place_relation(a, b) == "joint":
        return True
    if a["_time"] != b["_time"] and "hypothetical" in (a["_time"], b["_time"]):
        return True
    return False


def reads_alike(row) -> bool:
    """Whether a pair's features say both figures read alike: one measure the vocabulary defines,
    of the same people, at the same place and time, neither adding to the other ('another 20') nor
    counting over another period (a month beside a year). Such figures are competing readings of
    one quantity however far apart, so they merge at the lower bar (cluster.py)."""
    return bool(row[INDEX["known_alike"]] and row[INDEX["place_same"]]
                and not row[INDEX["period_mismatch"]] and not row[INDEX["additional_mismatch"]])


DAY = re.compile(r"\A(\d\d)-(\d\d)\Z")


def _other_days(a: dict, b: dict) -> bool:
    """Both figures dated ('MM-DD', or 'MM-00' for a month): two days more than a day apart
    (midnight reports land a day either side), or two months; a month holds its own days."""
    if not (a.get("time_frame") == b.get("time_frame") == "dated"):
        return False
    da, db = DAY.match(a.get("time_text") or ""), DAY.match(b.get("time_text") or "")
    if not (da and db):
        return False
    if "00" in (da.group(2), db.group(2)):
        return da.group(1) != db.group(1)
    return not within_a_day(a["time_text"], b["time_text"])


def pair_features(a: dict, b: dict, frame) -> List[float]:
    f = [0.0] * len(FEATURES)

    def put(name, value=1.0):
        f[INDEX[name]] = float(value)

    put("bias")
    ma, mb = a.get("measure"), b.get("measure")
    if ma == mb and ma is not None:
        put("measure_same")
        if a["_known"]:
            put("measure_same_known")  # 'killed' the vocabulary defines, not a lemma such as 'cable'
    elif ma is None or mb is None or ma in GENERIC() or mb in GENERIC():
        put("measure_generic")  # 'four men' beside 'four robbers', 'the amount' beside 'stolen'
    else:
        put("measure_differ")
    wa, wb = a["_subject"], b["_subject"]
    if wa and wb:
        put("subject_same" if (wa <= wb or wb <= wa) else "subject_differ")
    elif wa or wb:
        # 'nine children' beside '28 killed' is a part; '23 pirates' beside '23 arrested' is not
        put("subject_part_one_side" if (wa or wb) & SUBSET_GROUPS else "subject_one_side")
    if a["_what"] and b["_what"]:  # what is counted, whichever of measure and subject it was read into
        put("what_overlap", len(a["_what"] & b["_what"]) / len(a["_what"] | b["_what"]))
    else:
        put("what_unknown")  # one side says only 'the amount' or 'the figure'
    rel = frame.place_relation(a, b)
    if rel == "unrelated" and not (a.get("place_from") in STATED and b.get("place_from") in STATED):
        rel = "unrelated_weak"  # a place carried from the dateline or another sentence
    put({"same": "place_same", "contains": "place_contains", "unstated": "place_unstated",
         "contrasted": "place_contrasted", "unrelated_weak": "place_unrelated_weak"}.get(rel, "place_unrelated"))
    if a["_time"] == b["_time"]:
        put("time_same")
        if f[INDEX["measure_same_known"]] and rel in ("same", "contains", "unstated") and a["_subject"] == b["_subject"]:
            put("known_alike")  # one defined measure of the same people at one place and time: competing tolls, whatever their values
    elif "event" in (a["_time"], b["_time"]) and any(t.startswith("earlier") for t in (a["_time"], b["_time"])):
        put("time_earlier")  # 'last month, two cargo vessels' beside this attack's two boats
    va, vb = a["_value"], b["_value"]
    if a.get("_usd") and b.get("_usd") and a["unit"] != b["unit"]:
        rate = frame.rates.get((a["unit"], b["unit"]))
        if rate:  # at the rate the story's own texts print, rounded as outlets round
            va = vb if abs(math.log10(va * rate / vb)) <= ROUNDING else va * rate
        else:
            va, vb = a["_usd"], b["_usd"]  # roughly, in one currency: only to say 'about as large'

    if va == vb:
        put("value_equal")
        if a["_distinctive"] and b["_distinctive"]:
            put("value_equal_distinctive")
    elif a.get("unit") == b.get("unit") and rounds_alike(a["_value"], b["_value"]):
        put("value_rounds_equal")  # '15 million' beside '15.1 million': one figure, rounded by one outlet
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
    if va == vb and a["_distinctive"] and b["_distinctive"]:
        put("value_equal_story_share", a["_share"])  # 23 given by most of the story's articles is one quantity
    put("what_overlap_value_equal", f[INDEX["what_overlap"]] * f[INDEX["value_equal"]])
    if f[INDEX["measure_same"]] or f[INDEX["measure_generic"]]:
        put("same_measure_value_equal", f[INDEX["value_equal"]])
        put("same_measure_value_close", f[INDEX["value_close"]])
    if f[INDEX["measure_same"]] and f[INDEX["time_same"]] and f[INDEX["place_same"]] and \
            (a.get("subject") or None) == (b.get("subject") or None):
        put("all_read_alike")  # what, where and when all agree: the old linker's whole key
    if f[INDEX["measure_same"]] and a["_first"] and b["_first"]:
        put("both_first_of_measure")  # each outlet's own first toll: the competing figures
    if f[INDEX["measure_same"]] and a["_alone"] and b["_alone"]:
        put("one_figure_each")  # each article gives one figure for this measure, place and time: competing figures
    if f[INDEX["all_read_alike"]] or f[INDEX["one_figure_each"]]:
        put("alike_log_ratio", f[INDEX["value_log_ratio"]])  # competing tolls differ more than two counts of boats
    if is_currency(a.get("unit")) and is_currency(b.get("unit")) and a["unit"] != b["unit"]:
        put("currency_differ")
    if a["_source"] & b["_source"]:
        put("source_same")
    union = a["_window"] | b["_window"]
    if union:
        put("context_similarity", len(a["_window"] & b["_window"]) / len(union))
    if a["_lead"] and b["_lead"]:
        put("both_lead")
    for q in (a["_quals"] ^ b["_quals"]) - {"forecast", "aftershock"}:
        put(f"{q}_mismatch")  # 'two buildings' beside 'two other buildings'; a record beside this week's
    if a.get("period") and b.get("period") and a["period"] != b["period"]:
        put("period_mismatch")  # a month's change beside a year's
    return f
