"""Units, shared by the linker and the pages: which figures are one kind of quantity, and how to
read them in one unit. Outlets convert the same haul or deal into their readers' currency and the
same distance into miles or kilometres."""
from __future__ import annotations

from collections import defaultdict
from typing import List, Optional

LENGTH_KM = {"km": 1.0, "mile": 1.609344, "nmi": 1.852, "m": 0.001, "ft": 0.0003048, "yard": 0.0009144}


def is_currency(unit: Optional[str]) -> bool:
    return bool(unit) and len(unit) == 3 and unit.isalpha() and unit.isupper()  # ISO 4217: EUR, USD


def unit_class(unit: Optional[str]) -> str:
    """Miles and metres are one length; euros, pounds and dollars one sum."""
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
    """A claim with its figures in its class's unit: miles and metres compare as kilometres."""
    factor = LENGTH_KM.get(c.get("unit") or "")
    if not factor or factor == 1.0:
        return c
    out = dict(c)
    for k in ("value", "low", "high"):
        if out.get(k) is not None:
            out[k] = out[k] * factor
    return out
