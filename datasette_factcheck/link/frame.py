"""The story frame: what a story is about, read once per story before any pair is compared.

Its event date (the day most articles name), one spelling per place, the place hierarchy the
texts state ("Yida, South Sudan", "the Yida camp in Unity State") followed through, with ISO 3166
countries from pycountry, and the places the story contrasts: two places count as distinct
quantities for a measure only where one article gives different figures of that measure for both.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import Dict, List, Optional, Set

from ..extract import places
from ..units import is_currency
from . import gazetteer


def split_place(place: Optional[str]) -> List[str]:
    """'Homs + Damascus' (a joint total) -> ['Homs', 'Damascus']."""
    return [p.strip() for p in place.split(" + ")] if place else []


def _day(mmdd: str) -> int:
    m, d = mmdd.split("-")
    return int(m) * 31 + int(d)


def within_a_day(x: str, y: str) -> bool:
    """Two month-days ('02-21') a day apart at most: a report filed after midnight is the same day's."""
    return abs(_day(x) - _day(y)) <= 1


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
        return sum(n for other, n in votes.items() if within_a_day(other, d))

    best = max(sorted(votes), key=score)
    return best if score(best) >= max(2, 0.2 * len(per_article)) else None


def story_rates(claims: List[dict]) -> Dict[tuple, float]:
    """(from, to) -> rate, from the conversions the story's own texts print: "2m euros (£1.7m;
    $2.6m)" says a euro was worth 0.85 pounds and 1.3 dollars that day, which no fixed table
    knows. The median of what the articles print, so one outlet's slip does not decide."""
    by_sentence = defaultdict(list)
    for c in claims:
        if is_currency(c.get("unit")) and c.get("value"):
            by_sentence[(c["article_id"], c.get("sentence_id"))].append(c)
    seen = defaultdict(list)
    for group in by_sentence.values():
        group.sort(key=lambda c: c.get("start") or 0)
        base, previous = None, None
        for c in group:
            if c.get("kind") == "conversion" or (previous is not None and previous.get("kind") == "conversion"
                                                 and _between(previous, c).strip() in (";", ",", "/", "or")):
                c = dict(c, kind="conversion")  # the second of '(£1.7m; $2.6m)'
            else:
                base = c
            previous = c
            if c.get("kind") == "conversion" and base is not None and base["unit"] != c["unit"]:
                seen[(base["unit"], c["unit"])].append(c["value"] / base["value"])
                seen[(c["unit"], base["unit"])].append(base["value"] / c["value"])
    return {pair: sorted(r)[len(r) // 2] for pair, r in sorted(seen.items())}


def _between(a: dict, b: dict) -> str:
    """The text of their sentence between two figures of it."""
    text, start = a.get("sentence_text") or "", a.get("sentence_start") or 0
    return text[(a.get("end") or 0) - start:(b.get("start") or 0) - start]


class Frame:
    """Per story: the event date, canonical place names and which place lies in which."""

    def __init__(self, claims: List[dict]):
        self.event_date = story_date(claims)
        self.canonical: Dict[str, str] = {}
        counts = Counter(n for c in claims for n in split_place(c.get("place")))
        for name, _ in counts.most_common():  # the story's most common spelling, 'U.S.' and 'US' as one
            iso = gazetteer.country(name)
            self.canonical[name] = next((k for k in self.canonical.values() if places.similar(k, name)
                                         or (iso and gazetteer.country(k) == iso)), name)
        direct = defaultdict(set)
        for c in claims:
            if c.get("place_in") and c.get("place") and " + " not in c["place"]:
                direct[self.name(c["place"])].add(self.name(c["place_in"]))
        for raw in {c.get("article_located") for c in claims if c.get("article_located")}:
            try:
                pairs = [tuple(p) for p in json.loads(raw)]
            except (TypeError, ValueError):
                continue
            for inner, outer in pairs:
                if self.name(inner) != self.name(outer):
                    direct[self.name(inner)].add(self.name(outer))
        self.containers: Dict[str, Set[str]] = {}
        for start in list(direct):
            seen, todo = set(), list(direct[start])
            while todo:
                n = todo.pop()
                if n not in seen and n != start:
                    seen.add(n)
                    todo.extend(direct.get(n, ()))
            self.containers[start] = seen
        self.contrasted = self._contrasts(claims)
        self.rates = story_rates(claims)
        self._relations: Dict[tuple, str] = {}

    def name(self, place: Optional[str]) -> Optional[str]:
        """One spelling per place: the story's most common."""
        if not place:
            return None
        return " + ".join(sorted({self.canonical.get(n, n) for n in split_place(place)}))

    def contains(self, outer: str, inner: str) -> bool:
        """Whether the story puts ``inner`` inside ``outer`` (a country holds every place the
        story names in it; a joint place 'A + B' holds A and B)."""
        if outer == inner:
            return False
        parts = split_place(outer)
        if len(parts) > 1:
            return inner in parts or any(self.contains(p, inner) for p in parts)
        if outer in self.containers.get(inner, ()):
            return True
        # the gazetteer (a country by its ISO name, a US state by its name) only where the
        # story itself does not place ``inner``
        return inner not in self.containers and (gazetteer.country(outer) or outer) in gazetteer.containers(inner)

    def _contrasts(self, claims: List[dict]) -> Set[tuple]:
        """(measure, place, place) where one article gives different figures of that measure for
        both places: the story's own evidence that they are two quantities."""
        by_article = defaultdict(lambda: defaultdict(set))
        for c in claims:
            p = self.name(c.get("place"))
            if p and c.get("measure") and not c.get("superseded") and self.time_key(c) == "event":
                # this event's figures: an earlier heist in Cannes does not make Cannes a part of this one
                by_article[c["article_id"]][(c["measure"], p)].add(c["value"])
        out = set()
        for figures in by_article.values():
            keys = sorted(figures)
            for i, (m1, p1) in enumerate(keys):
                for m2, p2 in keys[i + 1:]:
                    if m1 == m2 and p1 != p2 and figures[(m1, p1)] != figures[(m2, p2)]:
                        out.add((m1, p1, p2))
                        out.add((m1, p2, p1))
        return out

    def _split_into_parts(self, measures: set, whole: str, part: str) -> bool:
        """Whether the story gives ``part`` and another place inside ``whole`` different figures
        of the measure: then a figure for the whole is their total, not the part's."""
        return any(m == m2 and x == part and y != whole and self.contains(whole, y)
                   for m, x, y in self.contrasted for m2 in measures)

    def _distinguished(self, measures: set, names: List[str]) -> bool:
        """Whether the story gives different figures of one of these measures for two of these places."""
        return any((m, x, y) in self.contrasted for m in measures for x in names for y in names if x != y)

    def time_key(self, c: dict) -> str:
        """event, running_total, hypothetical, or 'earlier <when>': the date a figure is told for,
        read against the event's date ("in December 2008" and "in July 2013" are two events)."""
        frame = c.get("time_frame") or "event"
        text = c.get("time_text") or ""
        when = self.event_date
        if frame == "dated":
            if text.endswith("-00"):  # a month without a day: the event's month or an earlier one
                return "event" if not when or text[:2] == when[:2] else f"earlier {text[:2]}"
            if not when or (text and within_a_day(text, when)):
                return "event"
            return f"earlier {text}"
        if frame == "earlier" and text[:4].isdigit():
            return f"earlier {text}"
        return frame

    def place_relation(self, a: dict, b: dict) -> str:
        key = (a["_place"], b["_place"], a.get("measure"), b.get("measure"))
        if key not in self._relations:
            self._relations[key] = self._place_relation(a, b)
        return self._relations[key]

    def _place_relation(self, a: dict, b: dict) -> str:
        """same, contains (one holds the other), unstated (one or both give no place), joint (a
        total of several places beside another place), contrasted (an article gives both
        different figures of the measure) or unrelated."""
        pa, pb = a["_place"], b["_place"]
        if pa is None or pb is None:
            return "unstated"
        if pa == pb:
            return "same"
        measure = a.get("measure")
        if " + " in pa or " + " in pb:
            parts_a, parts_b = split_place(pa), split_place(pb)
            if self._distinguished({measure, b.get("measure")}, parts_a + parts_b):
                # a total of places the story counts apart is never one of them, though a place
                # that holds them all ('Syria' beside 'Homs + Damascus') may give that total
                for whole, parts in ((pa, parts_b), (pb, parts_a)):
                    if " + " not in whole and all(self.contains(whole, x) for x in parts):
                        return "contains"
                return "joint"
            # places named together with a figure ('cables between Europe, the Middle East and
            # Asia'), not a total of quantities the story tells apart
            if any(x == y or self.contains(x, y) or self.contains(y, x) for x in parts_a for y in parts_b):
                return "contains"
            return "unrelated"
        if self.contains(pa, pb) or self.contains(pb, pa):
            whole, part = (pa, pb) if self.contains(pa, pb) else (pb, pa)
            if self._split_into_parts({measure, b.get("measure")}, whole, part):
                return "joint"  # 'Syria' beside 'Homs' where the story counts Homs and Damascus apart: a total and a part
            return "contains"
        if self._distinguished({measure, b.get("measure")}, [pa, pb]):
            return "contrasted"
        return "unrelated"
