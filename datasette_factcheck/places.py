"""Places: which named place a figure is about, and which places lie inside which.

A figure's place comes from its own clause, else its sentence, else the nearest context that names
one (its paragraph, the paragraphs before it, the headline). Place names are read from spaCy's
GPE/LOC entities and from general English patterns ("the X suburb of Y", "the city of Y", "Y
district"), so a name spaCy mistakes for a person still counts once the text calls it a place.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Dict, List, Optional, Set, Tuple

PLACE_NOUNS = (
    "city|town|village|suburb|district|neighbourhood|neighborhood|area|province|region|county|state|"
    "capital|camp|quarter|borough|municipality|island|port|governorate|prefecture|territory|enclave|"
    "settlement|township|parish|valley|outskirts"
)
PROPER = r"(?:al-|el-|ad-|as-|ash-)?[A-Z][\w'’.-]*(?:\s+(?:al-|el-|de |del |du |la |le )?[A-Z][\w'’-]*){0,3}"
# "the city of Homs", "the Damascus suburb of Sayyida Zeinab", "suburb of Damascus"
OF_PATTERN = re.compile(rf"\b(?:(?P<outer>{PROPER})\s+)?(?:{PLACE_NOUNS})\s+of\s+(?P<inner>{PROPER})")
# "Sayeda Zeinab district", "Yida refugee camp"
NOUN_AFTER = re.compile(rf"\b(?P<name>{PROPER})(?:\s+(?:refugee|military|border))?\s+(?:{PLACE_NOUNS})\b")
# "Sayyida Zeinab, a largely Shiite southern suburb of Damascus"
APPOS_OF = re.compile(rf"\b(?P<inner>{PROPER}),\s+(?:a|an|the)\s+[\w\s-]{{0,40}}?(?:{PLACE_NOUNS})\s+(?:of|in|near|outside)\s+(?P<outer>{PROPER})")
# Parts of a city: a toll there is the city's toll ("a suburb of a city is the same place").
SUB_CITY = re.compile(r"\b(suburb|district|neighbou?rhood|quarter|borough|outskirts|area)\b", re.I)
STOP_NAMES = {
    "The", "A", "An", "This", "That", "Its", "His", "Her", "Their", "Our", "Sunday", "Monday",
    "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December",
}


def clean_name(name: str) -> str:
    name = re.sub(r"^(the|The)\s+", "", name.strip())
    name = re.sub(r"['’]s?$", "", name).strip(" ,.;:")
    return name


def _ok(name: str) -> bool:
    first = name.split()[0] if name.split() else ""
    return bool(name) and first not in STOP_NAMES and len(name) > 2


@dataclass
class Gazetteer:
    """The place names a text uses, and what the text says lies inside what."""

    names: Set[str] = field(default_factory=set)
    inside: Dict[str, str] = field(default_factory=dict)  # inner -> outer

    def add_text(self, text: str) -> None:
        known = set(self.names)  # only places the text names as places can contain others
        for m in OF_PATTERN.finditer(text):
            inner = clean_name(m.group("inner"))
            if _ok(inner):
                self.names.add(inner)
                outer = clean_name(m.group("outer") or "")
                if outer in known and outer != inner and SUB_CITY.search(m.group(0)):
                    self.inside.setdefault(inner, outer)
        for m in NOUN_AFTER.finditer(text):
            name = clean_name(m.group("name"))
            if _ok(name) and len(name.split()) <= 3:
                self.names.add(name)
        for m in APPOS_OF.finditer(text):
            inner, outer = clean_name(m.group("inner")), clean_name(m.group("outer"))
            if _ok(inner) and outer in known and inner != outer and SUB_CITY.search(m.group(0)):
                self.names.add(inner)
                self.inside.setdefault(inner, outer)

    def add_doc(self, doc) -> None:
        for ent in doc.ents:
            if ent.label_ in ("GPE", "LOC") and not _in_compound_adjective(ent):
                name = clean_name(ent.text)
                if _ok(name):
                    self.names.add(name)
        self.add_text(doc.text)


def _in_compound_adjective(ent) -> bool:
    """'London-based', 'Damascus-backed': a place used as a modifier is not where things happened."""
    doc = ent.doc
    nxt = ent.end
    return nxt + 1 < len(doc) and doc[nxt].text == "-" and doc[nxt + 1].pos_ in ("VERB", "ADJ")


@dataclass
class Mention:
    start: int  # character offsets in the article text
    end: int
    name: str
    token_start: int = -1
    token_end: int = -1


def mentions(doc, gazetteer: Gazetteer, start: int, end: int) -> List[Mention]:
    """Place mentions in doc.text[start:end], longest names first, without overlaps."""
    text = doc.text
    found: List[Mention] = []
    taken = [False] * (end - start)
    for name in sorted(gazetteer.names, key=len, reverse=True):
        for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w])", text[start:end]):
            s, e = m.start(), m.end()
            if any(taken[s:e]):
                continue
            if text[start + e:start + e + 2] == "-b" or re.match(r"-(based|backed|led|run|born)", text[start + e:start + e + 8]):
                continue
            for k in range(s, e):
                taken[k] = True
            span = doc.char_span(start + s, start + e, alignment_mode="expand")
            found.append(Mention(start + s, start + e, name,
                                 span.start if span is not None else -1, span.end if span is not None else -1))
    # demonyms of places the text names elsewhere: "Syrians" -> Syria
    for ent in doc.char_span(start, end, alignment_mode="expand").ents if doc.char_span(start, end, alignment_mode="expand") is not None else []:
        if ent.label_ == "NORP":
            place = demonym_place(ent.text, gazetteer.names)
            if place and not any(taken[ent.start_char - start:ent.end_char - start]):
                found.append(Mention(ent.start_char, ent.end_char, place, ent.start, ent.end))
    return sorted(found, key=lambda m: m.start)


def demonym_place(word: str, names) -> Optional[str]:
    w = re.sub(r"s$", "", word.strip())
    candidates = {w, w[:-1], w[:-2], w[:-1] + "a", w[:-2] + "a", w[:-3] + "y", w[:-3] + "e", w + "istan", w[:-1] + "istan"}
    for name in names:
        if name in candidates:
            return name
    return None


def drop_containers(found: List[Mention], gazetteer: Gazetteer, text: str) -> List[Mention]:
    """Keep the most specific places: 'Homs in Syria' and 'Damascus, Syria' are about Homs, Damascus;
    'the Damascus suburb of Sayyida Zeinab' is about Sayyida Zeinab."""
    names = {m.name for m in found}
    keep = []
    for i, m in enumerate(found):
        if any(gazetteer.inside.get(other) == m.name for other in names if other != m.name):
            continue
        if i > 0:
            between = text[found[i - 1].end:m.start]
            if re.fullmatch(r"\s*(,|in|,\s*in)\s*", between) and found[i - 1].name != m.name:
                continue  # "Homs in Syria", "Damascus, Syria": the second is the container
        keep.append(m)
    seen, out = set(), []
    for m in keep:
        if m.name not in seen:
            seen.add(m.name)
            out.append(m)
    return out


def join(names: List[str]) -> Optional[str]:
    if not names:
        return None
    names = sorted(set(names))
    return names[0] if len(names) == 1 else " + ".join(names)


def similar(a: str, b: str) -> bool:
    """Spelling variants of one name: 'Sayyida Zeinab' / 'Sayeda Zeinab'."""
    a, b = a.lower(), b.lower()
    return a == b or (min(len(a), len(b)) >= 5 and SequenceMatcher(None, a, b).ratio() >= 0.84)
