"""Facts: claims from different outlets that report the same quantity, and how their figures differ.

Two claims join one fact only when measure, subject, unit, place and time frame all agree; a wrong
link is worse than a missing one, so anything unknown keeps claims apart. A suburb counts as its
city (the text says which suburb lies in which city); a joint place ("Homs + Damascus") is a
total, never the same fact as one of its parts, and is checked against them.
"""
from __future__ import annotations

import json
import re
import math
from collections import Counter, defaultdict
from typing import Dict, List, Optional

from . import places, plugins
from .model import Fact, stable_id

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


def _precise(claims: List[dict]) -> List[dict]:
    """Live figures, without vague ones ('dozens') when any precise figure exists."""
    live = [c for c in claims if not c.get("superseded")] or claims
    return [c for c in live if c.get("kind") not in ("vague", "conversion")] or live


def status_of(claims: List[dict]) -> str:
    """single, agree, compatible or conflict. Sums in different currencies are never compared (no
    exchange rate is right for every date, and outlets round their conversions): the status is read
    in the currency most outlets use, and the other currencies are shown beside it. When only one
    outlet uses that currency, the others' figures cannot be said to contradict it: compatible."""
    currencies = {c.get("unit") for c in claims if is_currency(c.get("unit"))}
    if len(currencies) > 1:
        main = main_currency(claims)
        mine = [c for c in claims if c.get("unit") == main] or claims
        status = _status_of(mine)
        outlets = {c.get("outlet") or c["article_id"] for c in claims}
        if status == "single" and len(outlets) > 1:
            return "compatible"
        return status
    return _status_of(claims)


def _status_of(claims: List[dict]) -> str:
    live = [c for c in claims if not c.get("superseded")] or claims
    live = [c for c in live if c.get("kind") != "conversion"] or live
    vague = [c for c in live if c.get("kind") == "vague"]
    precise = _precise(claims)
    if vague and precise is not live:
        # 'dozens' beside '50' and '50': the outlets agree if the vague words allow the figure
        if len({c["value"] for c in precise}) == 1 and all(interval(v)[0] <= precise[0]["value"] <= interval(v)[1] for v in vague):
            live = precise
    outlets = {c.get("outlet") or c["article_id"] for c in live}
    lo = max(interval(c)[0] for c in live)
    hi = min(interval(c)[1] for c in live)
    overlap = lo <= hi
    same = len({c["value"] for c in live}) == 1 and overlap  # "3" and "at least 3" give one figure
    if len(outlets) == 1 and same:
        return "single"
    if same:
        return "agree"
    return "compatible" if overlap else "conflict"


def _day(mmdd: str):
    m, d = mmdd.split("-")
    return int(m) * 31 + int(d)


def story_date(claims: List[dict]) -> Optional[str]:
    """The event's date: the month-day most articles mention (a day either side counts), if at
    least two articles and a fifth of them do: two of twenty recalling the day a candidate was
    named do not date a church fire."""
    per_article = {}
    for c in claims:
        per_article.setdefault(c["article_id"], c.get("article_dates") or "")
    votes = Counter()
    for dates in per_article.values():
        for d in {x for x in dates.split(",") if x}:
            votes[d] += 1
    if not votes:
        return None
    def score(d):
        return sum(n for other, n in votes.items() if abs(_day(other) - _day(d)) <= 1)
    best = max(sorted(votes), key=score)
    return best if score(best) >= max(2, 0.2 * len(per_article)) else None


class PlaceNames:
    """One spelling per place across a story, and each suburb mapped to its city."""

    def __init__(self, claims: List[dict]):
        self.canonical: Dict[str, str] = {}
        self.inside: Dict[str, str] = {}
        counts = Counter()
        for c in claims:
            for name in _split(c.get("place")):
                counts[name] += 1
            if c.get("place_in") and c.get("place") and " + " not in c["place"]:
                self.inside.setdefault(c["place"], c["place_in"])
        for name, _ in counts.most_common():
            target = next((k for k in self.canonical.values() if places.similar(k, name)), name)
            self.canonical[name] = target

    def key(self, place: Optional[str]) -> Optional[str]:
        names = _split(place)
        if not names:
            return None
        out = set()
        for n in names:
            n = self.canonical.get(n, n)
            seen = set()
            while n in self.inside and n not in seen:
                seen.add(n)
                n = self.canonical.get(self.inside[n], self.inside[n])
            out.add(n)
        return " + ".join(sorted(out))


def _split(place: Optional[str]) -> List[str]:
    return [p.strip() for p in place.split(" + ")] if place else []


def time_key(c: dict, event_date: Optional[str]) -> str:
    frame = c.get("time_frame") or "event"
    text = c.get("time_text") or ""
    if frame == "dated":
        if text.endswith("-00"):  # a month without a day: the event's month or an earlier one
            same = event_date is not None and text[:2] == event_date[:2]
            return "event" if same or not event_date else f"earlier {text[:2]}"
        if event_date and text and abs(_day(text) - _day(event_date)) <= 1:
            return "event"
        if event_date:
            return f"earlier {text}"
        return "event"
    if frame == "earlier" and text[:4].isdigit():  # "in December 2008" and "in July 2013" are two events
        return f"earlier {text}"
    return frame


# A size (a crater's width) is measured where the story is: its place adds nothing and, read from
# the context, is often the country of whoever is quoted. A distance from a stated thing keeps its
# place (how far Yida lies from the border); a distance from nothing stated ('150 nautical miles
# off', in the Gulf of Aden, off Somalia, from Aden) is told by its value instead.
PLACELESS = {"width", "depth", "height", "length"}


def _placeless(measure: Optional[str], subject: Optional[str]) -> bool:
    return measure in PLACELESS or (measure == "distance" and not subject)


def claim_key(c: dict, names: PlaceNames, event_date: Optional[str]) -> tuple:
    placeless = _placeless(c.get("measure"), c.get("subject"))
    return (
        c.get("measure"), c.get("subject"), unit_class(c.get("unit")),
        None if placeless else names.key(c.get("place")), time_key(c, event_date),
    )


LENGTH_KM = {"km": 1.0, "mile": 1.609344, "nmi": 1.852, "m": 0.001, "ft": 0.0003048, "yard": 0.0009144}


def is_currency(unit: Optional[str]) -> bool:
    return bool(unit) and len(unit) == 3 and unit.isalpha() and unit.isupper()  # ISO 4217: EUR, USD


def unit_class(unit: Optional[str]) -> str:
    """Miles and metres are one length; euros, pounds and dollars one sum: outlets convert the same
    stolen haul or the same deal into their readers' currency."""
    if unit in LENGTH_KM:
        return "km"
    if is_currency(unit):
        return "money"
    return unit or ""


def main_currency(claims: List[dict]) -> Optional[str]:
    """The currency most articles give a sum in (ties: alphabetical, so every build agrees)."""
    articles = defaultdict(set)
    for c in claims:
        if is_currency(c.get("unit")) and c.get("kind") != "conversion":
            articles[c["unit"]].add(c["article_id"])
    if not articles:
        return None
    return max(sorted(articles), key=lambda u: len(articles[u]))


def normalised(c: dict) -> dict:
    """A claim with its figures in the fact's unit: miles and metres compare as kilometres."""
    factor = LENGTH_KM.get(c.get("unit") or "")
    if not factor or factor == 1.0:
        return c
    out = dict(c)
    for k in ("value", "low", "high"):
        if out.get(k) is not None:
            out[k] = out[k] * factor
    return out


def _dominant(options: Dict[str, set]) -> Optional[str]:
    """The option that at least three quarters of the articles giving one agree on, if any."""
    weights = {k: len(articles) for k, articles in options.items()}
    best = max(sorted(weights), key=weights.get)
    return best if weights[best] >= 0.75 * sum(weights.values()) else None


def _weak_places(claims: List[dict], names: PlaceNames, event_date: Optional[str]) -> List[dict]:
    """A place read only from the context (a dateline, the paragraph before) is where the story is,
    not always where the figure is: a deal's price is not Sunnyvale's. It counts only when some
    outlet puts the same quantity there in the figure's own sentence; otherwise the figure has no
    stated place, and joins the others that give none. So with a country: 'heading for Djibouti'
    some paragraphs before 'seven AK-47s were seized' is not where they were counted."""
    def what(c):
        return c.get("measure"), c.get("subject"), unit_class(c.get("unit")), time_key(c, event_date)
    stated = {what(c) + (names.key(c.get("place")),) for c in claims
              if c.get("place") and c.get("place_from") != "context"}
    def let_go(c):  # the figure has no stated place; the one read is kept for containment
        return dict(c, place=None, place_in=None, place_scope=None, place_dropped=c["place"])

    out = []
    for c in claims:
        if c.get("place_from") == "context" and c.get("place") and what(c) + (names.key(c["place"]),) not in stated:
            c = let_go(c)
        out.append(c)
    # a country carried from another sentence, where most articles give the quantity no place at all
    # (seven AK-47s seized at sea, one outlet after a sentence on Somalia, one after Bahrain's)
    placed, unplaced = defaultdict(set), defaultdict(set)
    for c in out:
        (placed if c.get("place") else unplaced)[what(c)].add(c["article_id"])
    for i, c in enumerate(out):
        if c.get("place_scope") == "country" and c.get("place_from") in ("previous", "context") \
                and len(unplaced[what(c)] - placed[what(c)]) > len(placed[what(c)]):
            out[i] = let_go(c)
    return out


def _located(claims: List[dict]) -> set:
    """(place, larger place) pairs that some article of the story states: 'Yida, South Sudan',
    'the Yida camp in Unity State'."""
    pairs = set()
    for raw in {c.get("article_located") for c in claims if c.get("article_located")}:
        try:
            pairs.update(tuple(p) for p in json.loads(raw))
        except (TypeError, ValueError):
            continue
    return pairs


def _containers(claims: List[dict], names: "PlaceNames") -> Dict[str, set]:
    """Every place the story puts each place in, followed through: Yida -> Unity -> South Sudan."""
    direct = defaultdict(set)
    for p, c in _located(claims):
        if names.key(p) != names.key(c):
            direct[names.key(p)].add(names.key(c))
    out = {}
    for start in list(direct):
        seen, todo = set(), list(direct[start])
        while todo:
            n = todo.pop()
            if n not in seen and n != start:
                seen.add(n)
                todo.extend(direct.get(n, ()))
        out[start] = seen
    return defaultdict(set, out)


def _resolve_places(keys: Dict[str, tuple], claims: List[dict], names: "PlaceNames", countries: set) -> None:
    """A figure with no place, or only its country, joins the local fact of the same kind when one
    place holds at least three quarters of the articles that give one; with two or more places of
    weight (Homs, Damascus) it stays apart: it may be a total. A figure placed in a region the
    story puts that place in ('less than 50 km from the border' in Unity State, where the Yida camp
    is) joins it the same way. A country's figure never joins a place the story puts in another
    country: Ethiopia's 15,000 refugees are not those of Yida, South Sudan."""
    article_of = {c["id"]: c["article_id"] for c in claims}
    place_of = {c["id"]: c.get("place") for c in claims}
    dropped = {c["id"]: c["place_dropped"] for c in claims if c.get("place_dropped")}
    containers = _containers(claims, names)
    local = defaultdict(lambda: defaultdict(set))
    for cid, key in keys.items():
        if key[3] is not None and not key[5]:
            local[key[:3] + key[4:5]][key[3]].add(article_of[cid])
    for cid, key in list(keys.items()):
        options = local.get(key[:3] + key[4:5])
        best = _dominant(options) if options else None
        if best is None or " + " in best:
            continue
        own = names.key(dropped.get(cid) or place_of[cid])
        if cid in dropped or (key[3] is not None and not key[5]):
            # a place let go, or a local place: joins only the place of weight that lies inside it
            joins = best != own and own in containers[best]
        else:  # no place, or a country: never a place the story puts in another country
            in_countries = containers[best] & countries
            joins = key[3] is None or not in_countries or own in in_countries
        if joins:
            keys[cid] = key[:3] + (best,) + key[4:5] + (False,)


def _nation(word: str, countries: set, story_places: set) -> Optional[str]:
    """The place a people's word names: 'us' -> US, 'afghans' -> Afghanistan, 'gazans' -> Gaza."""
    for cand in (word.upper(), word.title(), re.sub(r"s$", "", word.title()) + "a"):  # 'somalis' -> Somalia
        if cand in countries:
            return cand
    return places.demonym_place(word.title(), countries) or places.demonym_place(word.title(), story_places)


def _resolve_peoples(keys: Dict[str, tuple], claims: List[dict], countries: set) -> None:
    """'28 Palestinians killed in Gaza', 'more than two dozen Gazans' and '28 died in Gaza' count
    one toll: a figure that names only its people joins the figures of the same measure, place and
    time that name none, when every people the story counts there (or with no place stated, which
    may be anywhere) belongs to one country, and the people's figures are at least half the largest
    unqualified one. Where another nation's people are counted too (72 Afghans and 13 US troops in
    Kabul; 12 Somalis and 11 Yemenis among 23 pirates), each people is a part; '2 Americans' beside
    '130 killed' is a part however it is worded."""
    story_places = {n for c in claims for n in _split(c.get("place"))}
    value_of = {c["id"]: c.get("value") for c in claims}
    groups = defaultdict(list)
    for cid, key in keys.items():
        groups[(key[0],) + key[2:5]].append(cid)
    nations, people = defaultdict(set), set()
    for (measure, unit, place, when), ids in groups.items():
        for cid in ids:
            subject = keys[cid][1]
            found = {n for w in (subject or "").split() if (n := _nation(w, countries, story_places))}
            nations[(measure, unit, place, when)] |= {n for n in found if n in countries}
            if found and len(subject.split()) == 1:
                people.add(cid)
    anywhere = defaultdict(set)
    for (measure, unit, place, when), found in nations.items():
        anywhere[(measure, unit, when)] |= found
    for (measure, unit, place, when), ids in groups.items():
        seen = anywhere[(measure, unit, when)] if place is None else \
            nations[(measure, unit, place, when)] | nations.get((measure, unit, None, when), set())
        mine = [c for c in ids if c in people]
        plain = [c for c in ids if not keys[c][1]]
        if not mine or len({keys[c][1] for c in mine + plain}) < 2 or len(seen) > 1:
            continue
        largest = max((value_of[c] or 0) for c in mine + plain)
        if all((value_of[c] or 0) >= 0.5 * largest for c in mine):
            for cid in mine:
                keys[cid] = keys[cid][:1] + (None,) + keys[cid][2:]


def _story_countries(claims: List[dict]) -> set:
    return {c["place"] for c in claims if c.get("place_scope") == "country" and c.get("place")}


# sums that say only that they are sums: 'a €2m haul' read without 'haul', 'jewels worth €2m'
BARE_SUMS = ("amount", "value")


def _resolve_amounts(keys: Dict[str, tuple], claims: List[dict]) -> None:
    """A sum given with no word for what it is ('a two-million-euro booty' read without 'booty', 'a
    €2m raid') joins the one kind of sum the other articles give in that currency, place and time,
    when that kind holds at least three quarters of the articles; otherwise it stays apart."""
    article_of = {c["id"]: c["article_id"] for c in claims}
    kinds = defaultdict(lambda: defaultdict(set))
    for cid, key in keys.items():
        if key[2] and key[0] not in BARE_SUMS and not key[1]:
            kinds[key[2:5]][key[0]].add(article_of[cid])
    for cid, key in list(keys.items()):
        if key[0] not in BARE_SUMS or not key[2] or key[1]:
            continue
        options = kinds.get(key[2:5])
        if not options:
            continue
        best = _dominant(options)
        if best is not None:
            keys[cid] = (best,) + key[1:]


def _resolve_times(keys: Dict[str, tuple], claims: List[dict]) -> None:
    """A figure said to belong to an earlier event without its date ('a month before, a bandit made
    off with $136M in Cannes') joins that quantity's one dated earlier event, when the others give
    exactly one; with none or several, it stays apart."""
    article_of = {c["id"]: c["article_id"] for c in claims}
    dated = defaultdict(lambda: defaultdict(set))
    any_sum = defaultdict(set)  # a bare sum ('$136M worth of jewels') may match any kind of sum
    for cid, key in keys.items():
        if key[4].startswith("earlier "):
            dated[key[:4]][key[4]].add(article_of[cid])
            if key[2] == "money":
                any_sum[key[1:4]].add(key[4])
    for cid, key in list(keys.items()):
        options = dated.get(key[:4], {})
        if key[0] in BARE_SUMS and key[2] == "money" and not options:
            options = any_sum.get(key[1:4], set())
        if key[4] == "earlier" and len(options) == 1:
            keys[cid] = key[:4] + (next(iter(options)),) + key[5:]


def _overlap(cs: List[dict]) -> bool:
    """'dozens' and '50' can be one count; '4' and '2' cannot."""
    return max(interval(c)[0] for c in cs) <= min(interval(c)[1] for c in cs)


def _consensus(others: List[dict]) -> Optional[dict]:
    """The figure most other articles give (one vote per article), if one has a clear lead."""
    votes = defaultdict(set)
    sample = {}
    for c in others:
        v = round(c["value"], 6)
        votes[v].add(c["article_id"])
        sample.setdefault(v, c)
    if not votes:
        return None
    ranked = sorted(votes, key=lambda v: (-len(votes[v]), v))
    if len(ranked) > 1 and len(votes[ranked[0]]) == len(votes[ranked[1]]):
        return None
    return sample[ranked[0]]


def _split_ambiguous(groups: Dict[tuple, List[dict]]) -> None:
    """One article giving several figures for one key on the same word (four bombs, two inside the
    camp, one on the airstrip) is counting different things: the figure the other outlets give
    stays in the fact, the article's others stand alone (all of them, when the others agree on none)."""
    for key in list(groups):
        members = groups[key]
        by_article = defaultdict(list)
        for c in members:
            if not c.get("superseded") and c.get("kind") != "conversion":
                by_article[(c["article_id"], c.get("source"), c.get("unit"))].append(normalised(c))
        for (article_id, source, unit), cs in by_article.items():
            if len({round(c["value"], 6) for c in cs}) > 1 and not _overlap(cs):
                cs = [c for c in members if c["article_id"] == article_id and c.get("source") == source
                      and c.get("unit") == unit]
                consensus = _consensus([normalised(c) for c in members if c["article_id"] != article_id
                                        and c.get("unit") == unit and not c.get("superseded")
                                        and c.get("kind") != "conversion"])
                keep = [c for c in cs if consensus is not None and _overlap([normalised(c), consensus])]
                for c in cs:
                    if c in keep:
                        continue  # the figure the other outlets give stays with them
                    members.remove(c)
                    groups[key + (c["id"],)] = [c]
        if not members:
            del groups[key]


SAME_SIZE = 1.5


def _cluster_sizes(groups: Dict[tuple, List[dict]]) -> None:
    """Sizes and distances with no place to tell them apart ('150 nautical miles', '13 nautical
    miles', 'a 10-metre dhow') are told apart by value: figures within half as much again of the
    smallest of a run are one quantity, reported in miles or kilometres, rounded or not."""
    for key in list(groups):
        if key[3] is not None or len(key) != 5 or not _placeless(key[0], key[1]):
            continue
        members = sorted(groups.pop(key), key=lambda c: abs(normalised(c)["value"] or 0))
        runs: List[List[dict]] = []
        for c in members:
            v = abs(normalised(c)["value"] or 0)
            if runs and v <= SAME_SIZE * abs(normalised(runs[-1][0])["value"] or 0):
                runs[-1].append(c)
            else:
                runs.append([c])
        for i, run in enumerate(runs):
            groups[key if i == 0 else key + (run[0]["id"],)] = run


MAGNITUDE = 10


def _split_magnitudes(groups: Dict[tuple, List[dict]]) -> None:
    """A figure ten times larger or smaller than the others' middle value ($136 million beside
    $2.6 million, $9.21 beside $334 million) measures something else, however alike the words
    around it. With two figures there is no middle to trust: both stand alone."""
    for key in list(groups):
        members = groups[key]
        values = sorted(abs(normalised(c)["value"]) for c in members if c["value"])
        if len(values) < 2 or values[-1] <= MAGNITUDE * values[0]:
            continue
        if len({c["article_id"] for c in members}) == 1:
            continue
        middle = values[len(values) // 2] if len(values) >= 3 else None
        for c in list(members):
            v = abs(normalised(c)["value"])
            if middle is None or not v or v > MAGNITUDE * middle or v * MAGNITUDE < middle:
                members.remove(c)
                groups[key + (c["id"],)] = [c]
        if not members:
            del groups[key]


DISTINCT = 10  # a figure this large is seldom the same by chance: 23 pirates, not 2 boats


def _distinctive(v: float) -> bool:
    """$334 million or $281 million, not $1 million or $20 million: a sum with two significant
    digits is seldom given for two different things in one story."""
    digits = f"{abs(v):.6e}".split("e")[0].replace(".", "").rstrip("0")
    return len(digits) >= 2


def _merge_same_figure(groups: Dict[tuple, List[dict]], events: set) -> None:
    """Outlets word one quantity differently: '23 pirates were arrested', '23 brigands', 'arrested
    23 Somali pirates', '23 suspects'. Two facts of one story, time frame and unit, in the same
    place or one with none stated, join when every figure in both is the same number of ten or
    more, and their words are compatible: the same measure, with one subject inside the other or
    none; or a bare headcount ('brigands') beside a reported measure whose subject is that noun or
    is not stated. Two different measures ('killed' and 'injured') never join, whatever the figure."""
    def figure(c):  # in the fact's unit, rounded so that 150 nmi read twice is one figure
        return round(normalised(c)["value"], 6) if c.get("value") is not None else None

    def value(members):
        vs = {figure(c) for c in members if not c.get("superseded") and c.get("kind") != "conversion"}
        return next(iter(vs)) if len(vs) == 1 else None

    def words(subject):  # 'yemenis' (a people's name, which spaCy does not lemmatise) is 'yemeni'
        return {re.sub(r"(?<=[a-z]{3})s$", "", w) for w in (subject or "").split()}

    def compatible(a, b, v):
        (ma, sa), (mb, sb) = a[:2], b[:2]
        if ma == mb or words(ma) == words(mb) or (a[2] == "money" and _distinctive(v)):
            # 'the deal cost AMD $334 million' is its price; 'of which $281m' a part, as '$281m in cash'
            return not sa or not sb or "part" in (sa, sb) or words(sa) <= words(sb) or words(sb) <= words(sa)
        if (ma in events) == (mb in events):
            return False
        (em, es), (hm, hs) = ((ma, sa), (mb, sb)) if ma in events else ((mb, sb), (ma, sa))
        return not hs and (not es or words(hm) <= words(es))

    keys = [k for k in groups if len(k) == 5 and groups[k]]
    # '23 Somali pirates' beside two outlets' '12 Somali pirates': a figure of ten or more that
    # fewer articles of its fact give than another figure, and that is exactly what more articles
    # give for a compatible fact (23 pirates arrested), is that quantity misworded: it moves there
    # before facts are joined. Each move can settle another fact, so this runs until none is left.
    def articles(members, v=None):
        return {m["article_id"] for m in members if v is None or figure(m) == v}

    for _ in range(len(keys)):
        settled = defaultdict(list)  # (figure, unit, time) -> facts whose articles all give it
        for k in keys:
            v = value(groups[k]) if groups[k] else None
            if v is not None:
                settled[(v, k[2], k[4])].append(k)
        moved = False
        for k in keys:
            if len(groups[k]) < 2 or value(groups[k]) is not None:
                continue
            counts = {v: len(articles(groups[k], v)) for v in {figure(m) for m in groups[k]} if v is not None}
            for c in list(groups[k]):
                v = figure(c)
                if v is None or abs(v) < DISTINCT or c.get("superseded") or c.get("kind") == "conversion" \
                        or counts[v] >= max(counts.values()):
                    continue
                home = [o for o in settled.get((v, k[2], k[4]), ()) if o != k and groups[o]
                        and (o[3] == k[3] or o[3] is None or k[3] is None) and compatible(k, o, v)
                        and len(articles(groups[o])) > counts[v]]
                if home:  # the compatible fact most articles give (the rest join it below)
                    groups[k].remove(c)
                    groups[max(home, key=lambda o: (len(articles(groups[o])), str(o)))].append(c)
                    moved = True
        if not moved:
            break
    for k in keys:
        if not groups[k]:
            del groups[k]
    keys = [k for k in keys if k in groups]
    parent = {k: k for k in keys}

    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    by_frame = defaultdict(list)
    for k in keys:
        v = value(groups[k])
        if v is not None and abs(v) >= DISTINCT:
            by_frame[(k[2], k[4], v)].append(k)
    for (_, _, v), frame_keys in by_frame.items():
        for i, a in enumerate(frame_keys):
            for b in frame_keys[i + 1:]:
                if (a[3] == b[3] or a[3] is None or b[3] is None) and compatible(a, b, v):
                    ra, rb = find(a), find(b)
                    if ra != rb:
                        parent[rb] = ra
    roots = defaultdict(list)
    for k in keys:
        roots[find(k)].append(k)
    for members in roots.values():
        if len(members) < 2:
            continue
        # the fact keeps the words most articles use, and a stated place over none
        def weight(k):
            return (k[3] is not None, len({c["article_id"] for c in groups[k]}), k[0] in events, str(k))
        main = max(members, key=weight)
        place = next((k[3] for k in sorted(members, key=weight, reverse=True) if k[3] is not None), None)
        merged = [c for k in members for c in groups.pop(k)]
        groups[main[:3] + (place,) + main[4:]] = groups.get(main[:3] + (place,) + main[4:], []) + merged


def link(claims: List[dict], story: str) -> List[Fact]:
    """Group a story's claims into facts; a claim nothing else reports keeps a fact of its own."""
    countries = _story_countries(claims)
    claims = [dict(c, place_scope="country") if c.get("place") in countries else c for c in claims]
    names = PlaceNames(claims)
    event_date = story_date(claims)
    claims = _weak_places(claims, names, event_date)
    keys = {c["id"]: claim_key(c, names, event_date) + (c.get("place_scope") == "country",) for c in claims}
    _resolve_amounts(keys, claims)
    countries = places.world_countries() | countries  # the world's, and those the story names
    _resolve_places(keys, claims, names, countries)
    _resolve_times(keys, claims)
    _resolve_peoples(keys, claims, countries)
    _resolve_amounts(keys, claims)  # a bare sum dated only now by its event joins that event's kind of sum
    groups: Dict[tuple, List[dict]] = defaultdict(list)
    for c in claims:
        groups[keys[c["id"]][:5]].append(c)
    _cluster_sizes(groups)
    _split_magnitudes(groups)  # first: $9 a share beside $334 million is no ambiguity, just another sum
    _split_ambiguous(groups)
    _merge_same_figure(groups, set(plugins.measures()))
    facts = []
    for key, members in groups.items():
        facts.append(_fact(story, key, members, event_date))
    by_key = {f_key: f for f_key, f in zip(groups.keys(), facts)}
    for key, fact in by_key.items():
        _check_parts(key, fact, by_key, groups)
    return facts


def _typical(members: List[dict]) -> str:
    """The figure most articles give, in its own unit: '150 nmi' names a distance told by value."""
    votes = Counter((c["value"], c.get("unit") or "") for c in _precise(members))
    (value, unit), _ = max(sorted(votes.items(), key=str), key=lambda kv: kv[1])
    if value != 1 and unit in ("mile", "yard"):
        unit += "s"  # '200 yards'; symbols (km, nmi, ft) stay as they are
    return f"{value:g} {unit}".strip()


def _label(key: tuple, event_date: Optional[str], also: tuple = (), typical: Optional[str] = None) -> str:
    """'killed · Homs · 21 Feb'; a sum given in several currencies names them all, the main first."""
    measure, subject, unit, place, when = key[:5]
    if unit and also:
        unit = " + ".join([unit, *also])
    what = measure or "figure"
    if subject:
        what = f"{what} ({subject})"
    if unit and unit not in ("percent", "share") and unit not in what:
        what = f"{what}, {unit}"
    # a quantity told by value is named by it: '150 nmi' and '13 nmi' are two distances
    bits = [what, typical] if _placeless(measure, subject) and typical else [what, place or "place not stated"]
    if when == "event":
        if event_date:
            m, d = event_date.split("-")
            bits.append(f"{int(d)} {MONTH_NAMES[int(m) - 1]}")
    elif when == "running_total":
        bits.append("running total")
    else:
        bits.append(when)
    return " · ".join(bits)


def _fact(story: str, key: tuple, members: List[dict], event_date) -> Fact:
    members_n = [normalised(c) for c in members]
    id_key, unit, others = key, key[2] or None, ()
    if unit == "money":  # the range and spread are read in the currency most outlets use
        unit = main_currency(members_n) or next((c["unit"] for c in members_n if is_currency(c.get("unit"))), None)
        key = key[:2] + (unit,) + key[3:]
        others = tuple(sorted({c["unit"] for c in members_n if is_currency(c.get("unit")) and c["unit"] != unit}))
    live = [c for c in _precise(members_n) if unit is None or not is_currency(unit) or c.get("unit") == unit] \
        or _precise(members_n)
    values = [c["value"] for c in live]
    outlets = sorted({c.get("outlet") or "" for c in members})
    sources = sorted({c.get("source") for c in members if c.get("source")})
    fact = Fact(
        id=stable_id("fact", story, *id_key), story=story, label=_label(key, event_date, others, _typical(members) if _placeless(key[0], key[1]) else None),
        measure=key[0], subject=key[1], place=key[3], time_frame=key[4], unit=unit,
        claim_ids=[c["id"] for c in members], outlet_count=len(outlets), claim_count=len(members),
        min_value=min(values), max_value=max(values), status=status_of(members_n),
        outlets=outlets, sources=sources,
    )
    fact.spread = fact.max_value - fact.min_value
    return fact


def _check_parts(key, fact: Fact, by_key: dict, groups: dict) -> None:
    """Where an article gives a total and its parts (57 in Homs + 83 in Damascus = 140), add them up."""
    place_names = _split(key[3])
    if len(place_names) < 2 or len(key) > 5:
        return
    part_keys = [(key[0], key[1], key[2], p, key[4]) for p in place_names]
    if not all(k in by_key for k in part_keys):
        return
    rows = []
    for article_id in sorted({c["article_id"] for c in groups[key]}):
        wholes = [c for c in groups[key] if c["article_id"] == article_id and not c.get("superseded")]
        if not wholes:
            continue
        parts = []
        for k in part_keys:
            found = [c for c in groups[k] if c["article_id"] == article_id and not c.get("superseded")]
            if not found:
                break
            parts.append(found[0])
        else:
            whole = wholes[0]
            total = sum(p["value"] for p in parts)
            lo, hi = interval(whole)
            parts_lo = sum(interval(p)[0] for p in parts)
            parts_hi = sum(interval(p)[1] for p in parts)
            ok = not (parts_hi < lo or parts_lo > hi)
            rows.append({
                "article_id": article_id, "outlet": whole.get("outlet"), "whole": whole["value"],
                "whole_bound": whole.get("bound"), "whole_claim": whole["id"],
                "parts": [{"fact_id": by_key[k].id, "place": k[3], "value": p["value"],
                           "bound": p.get("bound"), "claim_id": p["id"]} for k, p in zip(part_keys, parts)],
                "sum": total, "ok": ok,
            })
    fact.parts = json.dumps({"part_fact_ids": [by_key[k].id for k in part_keys], "articles": rows})
    fact.parts_ok = int(all(r["ok"] for r in rows)) if rows else None


def facts_to_rows(facts: List[Fact], claims: List[dict]):
    """Facts as records, and for each claim the fact it now belongs to."""
    updates = {}
    for f in facts:
        for cid in f.claim_ids:
            updates[cid] = {"fact_id": f.id}
    return facts, updates
