"""Places: which named place a figure is about, and which places lie inside which.

A figure's place comes from its own clause, else its sentence, else the nearest context that names
one (its paragraph, the paragraphs before it, the headline). Place names are read from spaCy's
GPE/LOC entities and from general English patterns ("the X suburb of Y", "the city of Y", "Y
district"), so a name spaCy mistakes for a person still counts once the text calls it a place.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Set, Tuple

PLACE_NOUNS = (
    "city|town|village|suburb|district|neighbourhood|neighborhood|area|province|region|county|state|"
    "capital|camp|quarter|borough|municipality|island|port|governorate|prefecture|territory|enclave|"
    "settlement|township|parish|valley|outskirts|hometown"
)
WORD = r"[A-Z](?:[\w-]|['’](?=\w))*"  # an apostrophe only inside a word: "Shi'ite", not "Damascus' "
PROPER = rf"(?:al-|el-|ad-|as-|ash-)?{WORD}(?:[ \t]+(?:al-|el-|de |del |du |la |le )?{WORD}){{0,3}}"
# "the city of Homs", "the Damascus suburb of Sayyida Zeinab", "suburb of Damascus"
# "the Damascus suburb of Sayyida Zeinab": after "the", the first name is the container; without it,
# "Al-Zahraa neighbourhood of Homs", the first name is the part.
OF_PATTERN = re.compile(rf"\b(?P<the>[Tt]he\s+(?:[a-z]+\s+){{0,2}})?(?:(?P<first>{PROPER})\s+)?(?:{PLACE_NOUNS})\s+of\s+(?P<second>{PROPER})")
# "Sayeda Zeinab district", "Yida refugee camp"
NOUN_AFTER = re.compile(rf"\b(?:(?P<owner>{PROPER})['’]s?\s+)?(?P<name>{PROPER})(?:\s+(?:refugee|military|border))?\s+(?:{PLACE_NOUNS})\b")
# "Sayyida Zeinab, a largely Shiite southern suburb of Damascus"
APPOS_OF = re.compile(rf"\b(?P<inner>{PROPER}),\s+(?:a|an|the)\s+[\w\s-]{{0,40}}?(?:{PLACE_NOUNS})\s+(?:of|in|near|outside)\s+(?P<outer>{PROPER})")
# "Yida, South Sudan", "Yida refugee camp in northern South Sudan"; "South Sudan's Yida camp"
IN_COUNTRY = re.compile(  # the container in a lookahead, so that "Later, Paris, France" still finds Paris
    rf"\b(?P<place>{PROPER})(?=(?:\s+(?:refugee|military|border))?(?:\s+(?:{PLACE_NOUNS}))?"
    rf"(?P<sep>,\s+|\s+in\s+(?:the\s+)?(?:[a-z][\w-]*\s+){{0,2}})(?P<country>{PROPER}))")
# "Ferndale, the mayor's home town,", "Ferndale, a mining town": a name the text calls a kind of place
APPOS_KIND = re.compile(
    rf"\b(?P<name>{PROPER}),\s+(?:a|an|the|his|her|their|its|{PROPER}['’]s?)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{PLACE_NOUNS})\s*[,.;]")
# "14 miles northeast of Healdsburg", "130km off Sicily": what a distance is measured from is a place
DISTANCE_OF = re.compile(
    rf"(?:\d|\b)(?:miles?|kilomet(?:er|re)s?|km|metres?|meters?|yards?|feet)\s+(?:\([^)]*\)\s+)?"
    rf"(?:(?:north|south|east|west)[\w-]*\s+of|from|off|outside)\s+(?:the\s+)?(?P<name>{PROPER})")
COUNTRY_S = re.compile(rf"\b(?P<country>{PROPER})['’]s?\s+(?P<place>{PROPER})")
# Parts of a city: a toll there is the city's toll ("a suburb of a city is the same place").
SUB_CITY = re.compile(r"\b(suburb|district|neighbou?rhood|quarter|borough|outskirts|area)\b", re.I)
STOP_NAMES = {
    "The", "A", "An", "This", "That", "Its", "His", "Her", "Their", "Our", "Sunday", "Monday",
    "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December",
}


# How English news names countries where ISO 3166 spells them otherwise ("Russian Federation").
COUNTRY_ALIASES = (
    "US", "U.S.", "USA", "U.S.A.", "America", "United States of America", "UK", "U.K.", "Britain",
    "Great Britain", "England", "Scotland", "Wales", "Northern Ireland", "Russia", "Turkey", "Ivory Coast",
    "Burma", "Czech Republic", "Holland", "Palestine", "Congo", "Vatican", "Macedonia", "Swaziland",
    "Kosovo", "East Timor", "Cape Verde",
)


@lru_cache(maxsize=1)
def world_countries() -> frozenset:
    """Every country's short, common and official English name, from pycountry's ISO 3166 data:
    a figure placed in a country is national, whether or not the article names its people."""
    import pycountry

    names = set(COUNTRY_ALIASES)
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names.add(value)
                names.add(re.sub(r"^the\s+", "", value))
                if "," in value:
                    names.add(value.split(",")[0])  # "Iran, Islamic Republic of" -> "Iran"
    return frozenset(names)


PLACE_VOCABULARY = json.loads((Path(__file__).parent / "vocabulary" / "places.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=4096)
def country_name(name: str) -> Optional[str]:
    """One spelling per country, whichever an outlet uses ('U.S.', 'US', 'America' -> 'United
    States'): ISO 3166's common name from pycountry, or the vocabulary's for a name ISO lacks;
    a country ISO cannot look up keeps its own name; None for a name that is no country."""
    bare = re.sub(r"\.\s*", "", name)  # 'U. K.' -> 'UK'
    if not any(bare == n.replace(".", "") for n in world_countries()):
        return None
    for alias, iso in PLACE_VOCABULARY["country_names"].items():
        if bare == alias.replace(".", ""):
            return iso
    import pycountry

    try:
        found = pycountry.countries.lookup(bare)
    except LookupError:
        return name
    return getattr(found, "common_name", None) or found.name


def home_country(doc) -> Tuple[Optional[str], int]:
    """The country an article is about: the one it names most, counting its people too
    ('Americans' -> United States), and every mention, even one that names a body ('U.S.
    troops'); the first named wins a tie. An article that names no country is in the one its
    cities lie in (GeoNames: Chicago and New York City are in the United States). Returns the
    country (None when none) and how many mentions it has."""
    named: Counter = Counter()
    located: Counter = Counter()
    for ent in doc_ents(doc):
        if ent.label_ in ("GPE", "LOC"):
            name = clean_name(ent.text)
            country = country_name(name)
            if country:
                named[country] += 1
            else:
                located.update(filter(None, map(country_name, _containers(name))))
        elif ent.label_ == "NORP":
            people = demonym_place(ent.text, world_countries())
            if people and country_name(people):
                named[country_name(people)] += 1
    counts = named or located
    best = max(counts, key=counts.get) if counts else None  # a Counter keeps first-seen order
    return best, (counts[best] if best else 0)


def _containers(name: str) -> Set[str]:
    """The country (and US state) GeoNames puts the most populous place of that name in."""
    from ..link.gazetteer import containers  # imported late: link reads this module

    return containers(name)


def doc_ents(doc) -> tuple:
    """spaCy rebuilds doc.ents on every access; the extractor reads them hundreds of times."""
    cached = doc.user_data.get("factcheck_ents")
    if cached is None:
        cached = doc.user_data["factcheck_ents"] = tuple(doc.ents)
    return cached


def doc_text(doc) -> str:
    """spaCy joins doc.text from its tokens on every access: read it once."""
    cached = doc.user_data.get("factcheck_text")
    if cached is None:
        cached = doc.user_data["factcheck_text"] = doc.text
    return cached


def ent_at(doc, i: int):
    """The entity that covers token i, if any."""
    index = doc.user_data.get("factcheck_ent_index")
    if index is None:
        index = doc.user_data["factcheck_ent_index"] = {t: e for e in doc_ents(doc) for t in range(e.start, e.end)}
    return index.get(i)


def clean_name(name: str) -> str:
    name = re.sub(r"^(the|The)\s+", "", name.strip())
    name = re.sub(r"['’]s?$", "", name).strip(" ,.;:")
    return name


# names of bodies that spaCy sometimes takes for places: "Marfin Bank", "Foreign Ministry"
BODY_SUFFIX = re.compile(
    r"\b(Bank|Ministry|Agency|Council|Party|Group|Corporation|Corp|Inc|Ltd|Company|University|"
    r"Times|News|Post|Press|Association|Union|Committee|Commission|Office|Department|Force|Forces|Army|Front|Brigade)$")


def _ok(name: str) -> bool:
    first = name.split()[0] if name.split() else ""
    return (bool(name) and first not in STOP_NAMES and (len(name) > 2 or name in world_countries()) and _capitalised(name)
            and not BODY_SUFFIX.search(name))


# Craft are named like places: "a dhow named Salahaddin", "the pirate dhow, Salahaddin, which",
# "the warship Mysore, which",
# "boarded the Salahaddin". A name given to a vessel, a plane or a train is not where anything is.
CRAFT = r"(?:dhow|vessel|ship|boat|tanker|freighter|trawler|yacht|craft|skiff|ferry|liner|barge|frigate|" \
        r"destroyer|warship|submarine|carrier|plane|aircraft|jet|helicopter|train)s?"
NAME = r"[`'\"‘“]?\s*([A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})"
CRAFT_NAME = re.compile(
    rf"\b{CRAFT}\b[^.;]{{0,40}}?\b(?:named|called|identified as|bearing the name|christened)\s+(?:the\s+)?{NAME}"
    rf"|\b{CRAFT}\s*,\s*(?:the\s+)?{NAME}\s*,|\b{CRAFT}\s+{NAME}(?=\s*,)"
    rf"|\bboard(?:ed|ing|s)?\s+the\s+{NAME}")


def craft_names(text: str) -> Set[str]:
    return {clean_name(g) for m in CRAFT_NAME.finditer(text) for g in m.groups() if g}


@dataclass
class Gazetteer:
    """The place names a text uses, and what the text says lies inside what."""

    names: Set[str] = field(default_factory=set)
    inside: Dict[str, str] = field(default_factory=dict)  # inner -> outer
    blocked: Set[str] = field(default_factory=set)  # nationalities and names of people or bodies
    countries: Set[str] = field(default_factory=set)  # places whose people the text names ("Syrians")
    within: Set[Tuple[str, str]] = field(default_factory=set)  # (place, a country or region the text puts it in)

    def add_text(self, text: str) -> None:
        known = set(self.names)  # only places the text names as places can contain others
        for m in OF_PATTERN.finditer(text):
            if not (m.group("second") or "")[:1].isupper():
                continue
            first, second = clean_name(m.group("first") or ""), clean_name(m.group("second"))
            if first and not first[:1].isupper():
                first = ""
            inner, outer = (second, first) if m.group("the") else (first or second, second if first else "")
            if _ok(inner) and inner not in self.blocked:
                self.names.add(inner)
                if outer in known and outer != inner and SUB_CITY.search(m.group(0)):
                    self.inside.setdefault(inner, outer)
        for m in NOUN_AFTER.finditer(text):
            name = clean_name(m.group("name"))
            if _ok(name) and len(name.split()) <= 3 and name not in self.blocked:
                self.names.add(name)
                owner = clean_name(m.group("owner") or "")
                if owner in known and SUB_CITY.search(m.group(0)):
                    self.inside.setdefault(name, owner)
        for m in DISTANCE_OF.finditer(text):  # a place whatever spaCy took it for elsewhere
            name = clean_name(m.group("name"))
            if _ok(name):
                self.names.add(name)
        for m in APPOS_KIND.finditer(text):
            name = clean_name(m.group("name"))
            if _ok(name) and name not in self.blocked:
                self.names.add(name)
        for m in APPOS_OF.finditer(text):
            inner, outer = clean_name(m.group("inner")), clean_name(m.group("outer"))
            if _ok(inner) and outer in known and inner != outer and SUB_CITY.search(m.group(0)) and inner not in self.blocked:
                self.names.add(inner)
                self.inside.setdefault(inner, outer)

    def add_doc(self, doc) -> None:
        for ent in doc_ents(doc):
            if ent.label_ in ("NORP", "ORG"):
                self.blocked.add(clean_name(ent.text))
        person_words = {w for e in doc_ents(doc) if e.label_ == "PERSON" and len(e) > 1
                        for w in clean_name(e.text).split()[1:]}  # "Sarah Palin's" -> Palin
        labels = defaultdict(Counter)
        for ent in doc_ents(doc):
            labels[clean_name(ent.text)][ent.label_] += 1
        for ent in doc_ents(doc):
            if ent.label_ in ("GPE", "LOC") and not _in_compound_adjective(ent):
                name = clean_name(ent.text)
                seen = labels[name]
                if seen["PERSON"] + seen["ORG"] > seen["GPE"] + seen["LOC"] or name in person_words:
                    continue  # 'Obama' once mistaken for a place, mostly a person; 'Palin' of 'Sarah Palin'
                if _ok(name) and _capitalised(name):
                    self.names.add(name)
        for ent in doc_ents(doc):  # 'the Wasilla Bible Church': a site named after its town
            words = clean_name(ent.text).split()
            if ent.label_ in ("ORG", "FAC") and len(words) >= 3 and ent[-1].lemma_.lower() in SITE_NOUNS \
                    and _ok(words[0]) and words[0] not in person_words and not re.match(r"(St|Saint|Our|First)\b", words[0]):
                self.names.add(words[0])
        self.add_text(doc_text(doc))
        craft = craft_names(doc_text(doc))
        self.names -= craft
        self.blocked |= craft
        self.countries.update(n for n in self.names if n in world_countries())
        for ent in doc_ents(doc):
            if ent.label_ == "NORP":
                place = demonym_place(ent.text, self.names)
                if place and place in world_countries():  # 'Gazans' and 'Parisians' name no country
                    self.countries.add(place)
        self._locate(doc_text(doc))

    def _locate(self, text: str) -> None:
        """'Yida, South Sudan', 'the Yida camp in oil-rich Unity State', 'Syria's Homs': which
        country, or which larger place, the text itself puts a place in."""
        pairs = []
        for m in IN_COUNTRY.finditer(text):
            pairs.append((clean_name(m.group("place")), clean_name(m.group("country")), m.group("sep").strip()))
        for m in COUNTRY_S.finditer(text):
            pairs.append((clean_name(m.group("place")), clean_name(m.group("country")), "'s"))
        for place, outer, sep in pairs:
            place = _bare(place)
            outer_bare = _bare(outer)
            if place not in self.names or place in self.countries:
                continue
            if outer in self.countries:
                self.within.add((place, outer))
            elif sep != "," and outer_bare != place and outer_bare not in self.blocked \
                    and (outer_bare in self.names or outer in self.names):  # "Homs, Damascus" is a list
                self.within.add((place, outer_bare))  # "Yida camp in Unity State": Yida lies in Unity


def _bare(name: str) -> str:
    """'Yida Refugee Camp' -> 'Yida', 'Unity State' -> 'Unity': the name without its kind of place."""
    return re.sub(rf"(?:\s+(?:refugee|military|border))?\s+(?:{PLACE_NOUNS})$", "", name, flags=re.I)


def _capitalised(name: str) -> bool:
    """'Homs', 'al-Zahraa'; not 'pro-Damascus al-Ikhbariya'."""
    first = name.split()[0]
    return first[:1].isupper() or bool(re.match(r"(al|el|ad|as|ash)-[A-Z]", first))


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
    text = doc_text(doc)
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
            if span is not None and _names_a_body(span) or a_party(text, start + e):
                continue
            found.append(Mention(start + s, start + e, name,
                                 span.start if span is not None else -1, span.end if span is not None else -1))
    # demonyms of places the text names elsewhere: "Syrians" -> Syria
    for ent in (e for e in doc_ents(doc) if e.start_char >= start and e.end_char <= end):
        if ent.label_ == "NORP" and _first_conjunct(ent.root).dep_ not in ("amod", "compound", "npadvmod", "nmod", "appos"):
            place = demonym_place(ent.text, gazetteer.names)
            if place and not any(taken[ent.start_char - start:ent.end_char - start]):
                found.append(Mention(ent.start_char, ent.end_char, place, ent.start, ent.end))
    return sorted(found, key=lambda m: m.start)


def _first_conjunct(tok):
    """'Somali and Yemeni pirates': the second of a pair says what the first says (a nationality
    of people, not where they are)."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


ORG_HEADS = {
    "agency", "media", "news", "government", "governor", "gov", "minister", "ministry", "president",
    "army", "force", "police", "official", "spokesman", "spokeswoman", "spokesperson", "tv", "television",
    "radio", "newspaper", "embassy", "ambassador", "mayor", "authority", "council", "leader", "regime",
    "opposition", "observatory", "channel", "outlet", "daily", "parliament", "court", "foreign",
}


PLACE_HEADS = set(PLACE_NOUNS.split("|")) | {"airport", "border", "street", "road", "square", "mountain", "river", "coast", "region", "gulf", "sea", "bay"}


# Nouns a place name can modify and still say where: a site ('a Vancouver office', 'the Wasilla
# Bible Church') or the people who live there ('Gaza militants', 'Texas residents').
SITE_NOUNS = set(PLACE_VOCABULARY["site_nouns"])
RESIDENT_NOUNS = set(PLACE_VOCABULARY["resident_nouns"])
# ... or what is counted there: 'the U.S. population', 'Greek debt', 'Texas deaths'
QUANTITY_NOUNS = set(PLACE_VOCABULARY["quantity_nouns"])
# ... and nouns it modifies to say whose, not where: 'U.S. Marines', 'British troops'
SERVICE_NOUNS = set(PLACE_VOCABULARY["service_nouns"])
# The sides of a conflict or of talks: 'amid Israel and Hamas conflict', 'US-China trade talks'
PARTIES = re.compile(
    r"(?:\s*(?:,|and|&|-|–|/)\s*(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})*(?:\s+[a-z]+)?\s+"
    r"(?:" + "|".join(map(re.escape, PLACE_VOCABULARY["conflict_nouns"])) + r")\b")


def _modifier_head(span):
    """The noun a place name modifies ('Gaza' in 'Gaza militants' -> militants), if any."""
    root = span.root
    if root.dep_ in ("compound", "amod", "nmod", "poss") and root.head.i >= span.end:
        return root.head
    return None


def is_site_or_people(span) -> bool:
    """'a Vancouver office', 'Gaza militants and children', 'the U.S. population': the place is
    where the site, the people or the quantity counted are, so it says where a figure about them is."""
    head = _modifier_head(span)
    if head is None:
        return False
    while head.dep_ in ("compound", "amod") and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head  # 'the Wasilla Bible Church', 'Gaza health workers' -> the last noun
    lemma = head.lemma_.lower()
    return lemma in SITE_NOUNS or lemma in RESIDENT_NOUNS or lemma in QUANTITY_NOUNS or head.lower_ in RESIDENT_NOUNS


def a_party(text: str, end: int) -> bool:
    """'amid Israel and Hamas conflict', 'US-China trade talks': a side of a conflict or of talks
    says who, not where."""
    return bool(PARTIES.match(text, end))


def _names_a_body(span) -> bool:
    """'Syria's SANA news agency', 'Homs Gov. Talal al-Barazi', 'U.S. troops', 'Sudan bombed':
    a place naming who spoke, who acted or whose people, not where; but 'a Vancouver office' and
    'Gaza militants' say where."""
    root = span.root
    head = _modifier_head(span)
    if head is not None and (head.lemma_.lower() in SERVICE_NOUNS or head.lower_ in SERVICE_NOUNS):
        return True
    if is_site_or_people(span):
        return False
    if root.dep_ in ("compound", "amod", "nmod") and root.head.i >= span.end:
        if root.head.lemma_.lower() not in PLACE_HEADS and root.head.pos_ == "NOUN" and root.head.ent_type_ not in ("GPE", "LOC", "FAC"):
            return True
    if root.dep_ in ("poss", "compound", "amod", "nmod") and root.head.i >= span.end:
        head = root.head
        if head.lemma_.lower().rstrip(".") in ORG_HEADS or head.ent_type_ in ("ORG", "PERSON"):
            return True
        if any(t.lemma_.lower().rstrip(".") in ORG_HEADS for t in span.doc[span.end:head.i + 1]):
            return True
    return False


# A country that tallies its own figures is where they are: 'the U.S. has logged 40 million cases'
TALLY_VERBS = set(PLACE_VOCABULARY["tally_verbs"])
# Deeds whose doer a possessive names: 'Israel's strikes', 'Sudan's bombing of the camp'
DEED_NOUNS = set(PLACE_VOCABULARY["deed_nouns"])


def is_actor(m: Mention, doc) -> bool:
    """'Sudan bombed the camp', 'Greece said', 'Israel's strikes': a place as the doer of a deed
    is who acted."""
    if m.token_start < 0:
        return False
    root = doc[m.token_start:m.token_end].root
    if root.dep_ == "poss" and root.head.lemma_.lower() in DEED_NOUNS:
        return True
    return root.dep_ == "nsubj" and root.head.pos_ == "VERB" and root.head.lemma_ not in TALLY_VERBS


def demonym_place(word: str, names) -> Optional[str]:
    """The place a people's name comes from ('Gazans' -> 'Gaza'), tried in a fixed order so that
    every build reads the same place (a set's order changes from one Python process to the next)."""
    w = re.sub(r"s$", "", word.strip())
    candidates = [w[:-1], w[:-2], w[:-1] + "a", w[:-2] + "a", w[:-3] + "y", w[:-3] + "e", w + "istan",
                  w[:-1] + "istan", w[:-1] + "ce", w[:-2] + "y", w[:-3], w[:-4] + "y", w]
    return next((c for c in candidates if c and c in names), None)


def drop_containers(found: List[Mention], gazetteer: Gazetteer, text: str, headline: bool = False) -> List[Mention]:
    """Keep the most specific places: 'Homs in Syria' and 'Orlando, Florida' are about Homs and
    Orlando; 'the Damascus suburb of Sayyida Zeinab' is about Sayyida Zeinab. A headline's comma
    lists places ('Homs, Damascus'), so there a comma is a container only for a country."""
    names = {m.name for m in found}
    keep = []
    for i, m in enumerate(found):
        if any(gazetteer.inside.get(other) == m.name for other in names if other != m.name):
            continue
        if i > 0 and found[i - 1].name != m.name:
            between = text[found[i - 1].end:m.start]
            after = text[m.end:m.end + 6]
            if re.fullmatch(r"\s*(in|,\s*in)\s*", between):
                continue  # "Homs in Syria"
            if re.fullmatch(r"\s*,\s*", between) and not re.match(r"\s*(,\s*)?(and|&)\b", after):
                if m.name in gazetteer.countries or not headline:
                    continue  # "Damascus, Syria"
        keep.append(m)
    seen, out = set(), []
    for m in keep:
        if m.name not in seen:
            seen.add(m.name)
            out.append(m)
    return out


def join(names: List[str]) -> Optional[str]:
    """One place name for a figure's places, each country in its one spelling."""
    if not names:
        return None
    names = sorted({country_name(n) or n for n in names})
    return names[0] if len(names) == 1 else " + ".join(names)


def similar(a: str, b: str) -> bool:
    """Spelling variants of one name: 'Sayyida Zeinab' / 'Sayeda Zeinab'."""
    a, b = a.lower(), b.lower()
    return a == b or (min(len(a), len(b)) >= 5 and SequenceMatcher(None, a, b).ratio() >= 0.84)
