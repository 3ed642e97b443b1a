"""Figures and hedges in news text, parsed with plain code.

Why this module exists
----------------------
A fact-check starts from the figures an article asserts: "at least 57 people", "more than a
dozen countries", "$1.4bn", "about a kilometer (0.6 mile)". Finding those, reading the number
they stand for and the hedge that bounds it is deterministic string work, and it is kept here,
in the standard library only (``re`` and ``dataclasses``), so that it is fast, predictable and
unit-tested form by form. spaCy is used by another module (``claims.py``) for what needs a
parse: who was counted, where, according to whom. That module calls :func:`find_quantities`
on each sentence and may override the heuristics below with the parse.

Public API
----------
``BOUNDS``                the bounds a hedge can put on a figure.
``Quantity``              one number expression found in a text.
``parse_number(s)``       the value of a bare number expression ("Thirty-nine", "$1.4bn").
``find_quantities(text)`` every number expression in ``text``, sorted and non-overlapping, each
                          with ``excluded`` set to a reason when it is not a claim (a date, a
                          year, a time, an id, "one of" ...).

How ``find_quantities`` works
-----------------------------
1. *Protected spans*: URLs, e-mail addresses, file names, phone numbers, numeric dates, clock
   times, codes that mix letters and digits ("COVID-19", "21S2") and the numbers next to month
   names are found first. They become excluded quantities and nothing else may overlap them.
2. *Number cores*: at the start of every word, digit run and currency sign, a set of small
   matchers (digits, number words, fractions, vague quantities, ordinals, multipliers ...) is
   tried and the longest match wins. A unit written right after the number is part of the core.
3. *Ranges*: "between 30 and 40", "30 to 40", "30-40", "two or three" are merged.
4. *Hedges*: words right before ("at least", "nearly", "another") or after ("or more", "-plus")
   set ``bound`` and the ``low``/``high`` limits.
5. *Exclusions*: durations, ages, years, "one of", "the two now must ...", names such as
   "Resolution 2254" or "Formula One".

Heuristics worth knowing (another module may override them with a parse)
------------------------------------------------------------------------
* "the two"/"the other two" are a pronoun (excluded "pronoun") when the next word is one of a
  small closed list of verbs and adverbs (now, must, will, had, said ...), "of them", or
  punctuation; "the two men" is kept.
* the word "one" (and "zero") is only returned when a content word follows ("one car bomb");
  "no one", "at one point", "a military one that" are not returned at all. A "one" that ends a
  clause after a content word ("Ohio gained two plants and Iowa lost one.") is returned excluded
  "elided": its counted noun was left out, and only a parse can find it in a parallel clause.
* "twice"/"double"/"triple" before "as", "the", a possessive or "last" ("more than twice as high",
  "double last year's") is a ratio (unit "times"); "double"/"triple" must also follow a hedge or a
  copula, since "to double the fee" is a verb; "a double car bombing" stays a multiplier.
* "pounds" is money (GBP) unless a weight word comes before ("weighing 200 pounds") or "of"
  follows ("500 pounds of explosives"), which makes it a weight (unit "lb").
* a bare 4-digit number from 1800 to 2100 is a year unless it is hedged ("at least 2000") or
  followed by a counted noun from a closed list ("2000 troops").
* "2.5m" is 2.5 million after a currency sign or before a counted noun, otherwise 2.5 metres.
* "from 14 to 39" is a range, except after a verb of change ("rose from 14 to 39"), where it is
  two figures.
"""
from __future__ import annotations

import functools
import math
import re
from bisect import bisect_right
from dataclasses import dataclass

from .measures import CALIBRE_NOUNS, PART_NOUNS

__all__ = ["BOUNDS", "KINDS", "EXCLUSION_REASONS", "Quantity", "parse_number", "find_quantities"]

BOUNDS = ("exact", "at_least", "more_than", "about", "up_to", "less_than")
KINDS = ("cardinal", "ordinal", "multiplier", "vague", "range", "share", "percent", "money", "measure")
EXCLUSION_REASONS = ("date", "year", "time", "duration", "age", "one_of", "one_another", "pronoun",
                     "id", "filename", "in_name", "negation", "label", "address", "elided")


@dataclass
class Quantity:
    """One number expression. ``start``/``end`` include hedge words; ``number_start``/``number_end``
    do not. ``excluded`` is None when the figure may be a claim, else one of EXCLUSION_REASONS."""

    start: int
    end: int
    text: str
    value: float
    low: float | None = None
    high: float | None = None
    bound: str = "exact"
    unit: str | None = None
    kind: str = "cardinal"
    hedge: str | None = None
    number_start: int = 0
    number_end: int = 0
    excluded: str | None = None


# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------

_SMALL = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SCALE_WORDS = {"hundred": 100.0, "dozen": 12.0, **_SCALES}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000, "millionth": 1e6,
}
_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                 "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
                 "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10}
_MULTIPLIERS = {"double": 2, "twin": 2, "triple": 3, "treble": 3, "quadruple": 4}

# vague quantity -> (value, low, high)
_VAGUE = {
    "dozens": (24, 24, 99), "scores": (40, 40, 99), "hundreds": (200, 200, 999),
    "thousands": (2000, 2000, 9999), "millions": (2e6, 2e6, 9999999),
    "billions": (2e9, 2e9, 9999999999),
    "tens of thousands": (2e4, 2e4, 99999), "hundreds of thousands": (2e5, 2e5, 999999),
    "tens of millions": (2e7, 2e7, 99999999), "hundreds of millions": (2e8, 2e8, 999999999),
    "a few": (3, 2, 5), "several": (3, 3, 9), "a handful": (3, 2, 5),
}
for _word, _scale in (("dozen", 12), ("hundred", 100), ("thousand", 1e3), ("million", 1e6),
                      ("billion", 1e9)):
    _VAGUE[f"a few {_word}"] = (3 * _scale, 2 * _scale, 5 * _scale)
    _VAGUE[f"several {_word}"] = (3 * _scale, 3 * _scale, 9 * _scale)
del _word, _scale

_CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "$US": "USD", "USD": "USD", "A$": "AUD", "C$": "CAD", "S$": "SGD",
                   "HK$": "HKD", "NZ$": "NZD", "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP",
                   "¥": "JPY", "¤": "XXX"}  # ¤: a currency sign lost in the text (see _LOST_SIGN_RE)
_CURRENCIES = {"USD", "EUR", "GBP", "JPY", "AUD", "CAD", "SGD", "HKD", "NZD", "XXX"}

_TIME_UNITS = {"year", "month", "week", "day", "night", "hour", "minute", "second", "decade",
               "century"}
# unit words written after a number (lower case) -> unit
_UNIT_WORDS = {
    "km": "km", "kms": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km",
    "kilometers": "km", "mile": "mile", "miles": "mile", "metre": "m", "metres": "m", "meter": "m",
    "meters": "m", "cm": "cm", "centimetre": "cm", "centimetres": "cm", "centimeter": "cm",
    "centimeters": "cm", "mm": "mm", "millimetre": "mm", "millimetres": "mm", "millimeter": "mm",
    "millimeters": "mm", "ft": "ft", "foot": "ft", "feet": "ft", "yard": "yard", "yards": "yard",
    "inch": "inch", "inches": "inch",
    "kg": "kg", "kgs": "kg", "kilo": "kg", "kilos": "kg", "kilogram": "kg", "kilograms": "kg",
    "kilogramme": "kg", "kilogrammes": "kg", "gram": "g", "grams": "g", "gramme": "g",
    "grammes": "g", "tonne": "tonne", "tonnes": "tonne", "ton": "tonne", "tons": "tonne",
    "lb": "lb", "lbs": "lb",
    "litre": "litre", "litres": "litre", "liter": "litre", "liters": "litre", "barrel": "barrel",
    "barrels": "barrel", "hectare": "hectare", "hectares": "hectare", "ha": "hectare",
    "acre": "acre", "acres": "acre", "mph": "mph", "kph": "km/h", "kmh": "km/h", "km/h": "km/h",
    "km2": "km2", "km²": "km2", "degree": "degree", "degrees": "degree",
    "magnitude": "magnitude",
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
    "pounds": "GBP", "yen": "JPY", "usd": "USD", "eur": "EUR", "gbp": "GBP",
    "year": "year", "years": "year", "yr": "year", "yrs": "year", "month": "month",
    "months": "month", "week": "week", "weeks": "week", "day": "day", "days": "day",
    "night": "night", "nights": "night", "hour": "hour", "hours": "hour", "hr": "hour",
    "hrs": "hour", "minute": "minute", "minutes": "minute", "min": "minute", "mins": "minute",
    "second": "second", "seconds": "second", "sec": "second", "secs": "second",
    "decade": "decade", "decades": "decade", "century": "century", "centuries": "century",
}
# single letters that are units only when glued to digits ("100m", "24h"); case-sensitive
_TIGHT_UNITS = {"m": "m", "h": "hour", "g": "g", "t": "tonne", "U": "rack unit"}  # "a 10U chassis"

# words that, after a number, show it counts something (a year is not followed by these)
_COUNTED_NOUNS = set("""
people persons person civilians children kids babies infants women men boys girls soldiers troops
fighters militants militiamen rebels insurgents jihadists combatants gunmen attackers police
policemen officers protesters protestors demonstrators refugees migrants residents families homes
houses households buildings vehicles cars trucks deaths dead casualties victims injured wounded
killed lives bodies prisoners detainees hostages students pupils workers employees jobs cases
members staff doctors nurses patients schools villages towns cities attacks strikes airstrikes
raids bombs explosions blasts rockets missiles shells barrels votes voters seats delegates
supporters journalists inmates guards personnel marines sailors pilgrims worshippers tourists
passengers animals cattle sheep acres hectares tonnes tons countries nations companies firms
customers users mosques churches hospitals shops flights planes aircraft tanks ships boats
arrests arrested displaced evacuated missing survivors dollars euros pounds units homes votes
u.s americans syrians iraqis afghans palestinians israelis
""".split())

# function words: after "one"/"zero"/"double" they show the word is not counting anything
_FUNCTION_WORDS = set("""
a an the this that these those some any each every no all both either neither of in on at to for
from by with without into onto over under about above below between among through during before
after since until till upon within across against along around behind beyond near off out up down
via per than as like and or but nor so yet if then because while although though whether is are
was were be been being am has have had having do does did done will would shall should can could
may might must ought it its he him his she her hers they them their theirs we us our you your i
me my mine who whom whose which what where when why how there here not never also too very more
most less least only just even still again ever already now soon later said says say told tells
according another other others such same own else
""".split())
_ONE_IDIOMS = {"point", "hand", "way", "thing", "things", "time", "stage", "side", "sort", "kind",
               "piece", "voice", "another"}
_ONE_BLOCKED_AFTER = {"no", "any", "every", "each", "this", "that", "which", "what", "such"}
_PRONOUN_NEXT = set("""
now must will would had have has are were was is said say says agreed met meet spoke speak also
then should could can may might did do discussed talked signed held who which that together both
each later again still however reportedly
""".split())

# hedge phrase -> (bound, normalised hedge)
_HEDGES = {}
for _bound, _phrases in {
    "at_least": ["at least", "no fewer than", "no less than", "not less than", "not fewer than",
                 "a minimum of"],
    "more_than": ["more than", "over", "above", "in excess of", "upwards of", "upward of",
                  "exceeding", "just over", "well over", "just above", "well above",
                  "greater than", "higher than", "slightly more than", "a little more than",
                  "a little over", "well in excess of", "far more than", "many more than",
                  "much more than", "well more than",
                  # a verb that passes a mark: "cases topped 40 million", "deaths surpass 600,000"
                  "top", "tops", "topped", "topping", "surpass", "surpasses", "surpassed",
                  "surpassing", "exceed", "exceeds", "exceeded", "eclipse", "eclipses", "eclipsed", "eclipsing"],
    "about": ["about", "around", "some", "roughly", "approximately", "approx.", "an estimated",
              "estimated", "nearly", "almost", "close to", "circa", "more or less",
              "in the region of", "on the order of", "of the order of", "just about",
              "an approximate", "in the vicinity of", "estimated at", "valued at approximately",
              # a verb that closes on a mark: "the toll nears 600,000" (just under it)
              "nears", "neared", "nearing", "approaches", "approached", "approaching"],
    "up_to": ["up to", "as many as", "as much as", "at most", "no more than", "not more than",
              "a maximum of", "at the most", "as high as"],
    "less_than": ["fewer than", "less than", "under", "below", "just under", "just below",
                  "well under", "well below", "slightly less than", "slightly fewer than"],
    "exact": ["exactly", "precisely"],
}.items():
    for _p in _phrases:
        _HEDGES[_p] = (_bound, _p)
for _p in ("another", "a further", "an additional", "an extra"):
    _HEDGES[_p] = ("exact", "another")
del _bound, _phrases, _p

_CHANGE_VERBS = ("rose|risen|rising|rises|climbed|climbing|climbs|increased|increasing|increases|"
                 "jumped|jumps|grew|grown|growing|grows|fell|fallen|falling|falls|dropped|dropping|"
                 "drops|declined|declining|decreased|soared|surged|swelled|revised|raised|raising|"
                 "lowered|went|gone|cut|reduced|doubled|tripled|up|down|moved|changed")
# the plain form, after a modal or "to": "will climb by $154 to $2,754" (but "to grow 43% to 44%" is a range)
_CHANGE_VERBS_PLAIN = "rise|climb|increase|jump|grow|fall|drop|decline|decrease|soar|surge|raise|lower|reduce|go|cut"

_NAME_WORDS = ("Route", "Highway", "Interstate", "Flight", "Resolution", "Article", "Chapter",
               "Section", "Clause", "Paragraph", "Amendment", "Protocol", "Proposition", "Apollo",
               "Boeing", "Airbus", "Windows", "Room", "Gate", "Platform", "Terminal", "Camp",
               "Brigade", "Division", "Battalion", "Regiment", "Squadron", "Fleet", "Corps",
               "Channel", "Unit", "Zone", "Sector", "Area", "Block", "Building", "Tower", "Exit",
               "Line", "Phase", "Level", "Fortune", "No", "Number", "Formula", "Ward", "Pier",
               "Volume", "Vol", "Page", "Season", "Episode", "Series", "Model", "Category",
               "Group")
_SAFE_CODE_PARTS = {"magnitude", "mid", "pre", "post", "over", "under", "late", "early", "top",
                    "non", "anti", "aged", "age", "ages", "some", "about", "around", "nearly",
                    "almost", "more", "up", "than", "year", "old", "plus", "odd", "strong"}
_KNOWN_CODES = {"covid", "sars", "mers"}


def _alt(words) -> str:
    """A regex alternation of words, longest first so that "fourteen" wins over "four"."""
    return "(?:" + "|".join(sorted((re.escape(w).replace(r"\ ", r"[ \t]+") for w in words),
                                   key=len, reverse=True)) + ")"


_SP = r"[ \t\u00a0]"          # a space that does not cross a line
_HYPHEN = r"[-‐‑]"
_NUMWORD = _alt(list(_SMALL) + list(_TEENS) + list(_TENS) + list(_SCALE_WORDS))
_SCALE_ALT = r"(?:hundred|thousand|million|billion|trillion|dozen)"
_TIME_ALT = r"(?:hour|day|week|month|year|decade|century|minute|second|night|fortnight)"
_UNIT_AFTER_A = (r"(?:kilomet(?:re|er)|km|mile|metre|meter|kilogram(?:me)?|kilo|tonne|foot|yard|"
                 r"hectare|acre|litre|liter|barrel|hour|day|week|month|year|decade|century|"
                 r"minute|second|night)")
_ZONES = r"(?:GMT|UTC|IST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|CET|CEST|EET|EEST|BST|AEST|AEDT|JST|MSK)"
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# ---------------------------------------------------------------------------------------------
# Regexes, compiled once
# ---------------------------------------------------------------------------------------------

# protected spans
_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"']*[^\s<>\"'.,;:!?)\]]", re.I)
# "http: / / blogs. example. com / 2007 / 08 / story -. html": a link a tokeniser spaced out
_SPACED_URL_RE = re.compile(rf"\b(?:https?|ftp){_SP}?:{_SP}?/{_SP}?/{_SP}?[\w-]+"
                            rf"(?:{_SP}?(?:/{_SP}?[\w-]+|{_HYPHEN}?\.{_SP}?(?-i:[a-z])[\w-]*))*", re.I)
_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_FILENAME_RE = re.compile(r"(?<![\w.-])[\w.-]*\w\.(?:jpe?g|png|gif|webp|svg|tiff?|bmp|pdf|docx?|xlsx?|pptx?|"
                          r"csv|txt|zip|mp3|mp4|mov|avi|html?)\b", re.I)
_PHONE_RE = re.compile(r"(?<![\w+])(?:\+\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]\d{2,4}){1,4}"
                       r"|\(\d{2,4}\)[ .-]?\d{3,4}[ .-]\d{3,4}|\d{3}[.-]\d{3,4}[.-]\d{4})(?![\w])")
_NUMERIC_DATE_RE = re.compile(r"(?<![\w./-])(?:(?P<iso>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
                              r"|(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?:\d{4}|\d{2}))"
                              r"(?![\w/-]|\.\d)")
_CLOCK_RE = re.compile(rf"(?<![\d.:])\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?![\d:])"
                       rf"(?:{_SP}*[AaPp]\.?{_SP}?[Mm]\.?(?![A-Za-z]))?(?:{_SP}+{_ZONES}\b)?")
_AMPM_RE = re.compile(rf"(?<![\w.,:])\d{{1,2}}(?:[.:]\d{{2}})?{_SP}*(?:[AaPp]\.{_SP}?[Mm]\.|[AaPp][Mm]\b)"
                      rf"(?:{_SP}+{_ZONES}\b)?")
_MILITARY_TIME_RE = re.compile(rf"(?<![\w.,])(?:[01]\d|2[0-3])[0-5]\d{_SP}*(?:{_ZONES}|local{_SP}+time)\b")
_OCLOCK_RE = re.compile(rf"\b(?:\d{{1,2}}|{_alt(list(_SMALL) + list(_TEENS)[:3])}){_SP}+o['’]clock\b", re.I)
_NOON_RE = re.compile(r"\b(?:noon|midday|midnight)\b", re.I)
_PAST_TO_RE = re.compile(rf"\b(?:(?:(?:a{_SP}+)?quarter|half|{_alt(['five', 'ten', 'twenty', 'twenty-five'])}){_SP}+past"
                         rf"|(?:a{_SP}+)?quarter{_SP}+to){_SP}+(?:\d{{1,2}}|{_alt(list(_SMALL)[1:] + list(_TEENS)[:3])})\b", re.I)
_SLASH_PAIR_RE = re.compile(r"(?<![\w./])\d{1,2}/\d{1,2}(?![\w/]|\.\d)")
# "a 4x4", "a four-by-four", "two by two": a vehicle type, a size or a manner, never a count
_BY_RE = re.compile(rf"\b(?:\d{{1,2}}|{_alt(list(_SMALL)[1:])})(?:{_SP}*[x×]{_SP}*|{_HYPHEN}by{_HYPHEN}|{_SP}+by{_SP}+)"
                    rf"(?:\d{{1,2}}|{_alt(list(_SMALL)[1:])})\b", re.I)
_CHUNK_RE = re.compile(r"(?<![\w$€£¥.,/‐‑-])(?=[A-Za-z0-9/‐‑-]*\d)(?=[A-Za-z0-9/‐‑-]*[A-Za-z])"
                       r"[A-Za-z0-9]+(?:[/‐‑-][A-Za-z0-9]+)*")
_LEGIT_GLUED_RE = re.compile(r"\d+(?:st|nd|rd|th|s|k|K|M|m|bn|mn|mln|tn|trn|km|kms|km2|cm|mm|kg|kgs|"
                             r"g|t|lb|lbs|mph|kph|kmh|ha|h|hr|hrs|min|mins|yr|yrs|am|pm|AM|PM|pc|pct|"
                             r"ft|sec|secs|U|[kMGTP][bB](?:ps)?)")
_MONTH_DAY_RE = re.compile(rf"\b{_MONTH}{_SP}+(?P<day>\d{{1,2}}(?:st|nd|rd|th)?)\b"
                           rf"(?:,?{_SP}+(?P<year>\d{{4}})\b)?")
_DAY_MONTH_RE = re.compile(rf"(?<![\w.,])(?P<day>\d{{1,2}}(?:st|nd|rd|th)?){_SP}+(?:of{_SP}+)?{_MONTH}"
                           rf"(?![a-z])(?:,?{_SP}+(?P<year>\d{{4}})\b)?")
_MONTH_YEAR_RE = re.compile(rf"\b{_MONTH}(?:{_SP}+of)?,?{_SP}+(?P<year>\d{{4}})\b")
_ON_THE_DAY_RE = re.compile(rf"\b[Oo]n{_SP}+the{_SP}+(?P<day>\d{{1,2}}(?:st|nd|rd|th))\b"
                            rf"(?!{_SP}+(?!of\b)[a-z])")
_WEEKDAY_DAY_RE = re.compile(rf"\b{_WEEKDAY},?{_SP}+(?:the{_SP}+)?(?P<day>\d{{1,2}}(?:st|nd|rd|th))\b")

# number cores
_TRIGGER_RE = re.compile(r"[$€£¥¤'’]|(?<![\w.,])\.?\d|\b[A-Za-z]")
_DIGITS_RE = re.compile(r"""
    (?P<cur>US\$|\$US[ \t]?|(?:HK|NZ|[ACS])\$|\$|€|£|¥|¤[ ]?|(?:USD|EUR|GBP)[ \t]?)?
    (?:(?<=\$US)|(?<![\w.,]))(?P<num>(?(cur)\d{1,3}(?:,[ ]?\d{3}(?!\d))+|\d{1,3}(?:,(?:\d{3}|[ ]000(?!\d)))+)(?:\.\d+)?
             |\d{4,}(?:,\d{3}(?!\d))+(?:\.\d+)?      # "5340,000": misgrouped, read as printed without commas
             |\d+(?:\.\d+)?|\.\d+)
    (?P<scale>[ \t]+(?:[Hh]undred|[Tt]housand|[Mm]illion|[Bb]illion|[Tt]rillion|HUNDRED|THOUSAND|MILLION|BILLION|TRILLION)\b
             |[ \t]?(?:bn|mn|mln|tn|trn)\b
             |[ \t](?:b|bil|bln|mil)\.(?=[ \t]+\S)   # "110 b. euros", "3 mil. dollars"
             |[kKmMbB]\b)?
""", re.X)
_SCALE_SUFFIX = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
                 "bn": 1e9, "mn": 1e6, "mln": 1e6, "tn": 1e12, "trn": 1e12, "k": 1e3, "K": 1e3,
                 "m": 1e6, "M": 1e6, "b": 1e9, "B": 1e9, "b.": 1e9, "bil.": 1e9, "bln.": 1e9, "mil.": 1e6}
# At most _MAX_NUMBER_WORDS words: the longest number in words ("nine hundred and ninety-nine
# thousand nine hundred and ninety-nine") has eleven, and an unbounded run would be read again
# from each of its words (quadratic on "one hundred and one hundred and ...").
_MAX_NUMBER_WORDS = 16
_WORD_RUN_RE = re.compile(rf"(?:\ban?{_SP}+(?={_SCALE_ALT}\b))?\b{_NUMWORD}\b"
                          rf"(?:(?:{_HYPHEN}|{_SP}+and{_SP}+|{_SP}+){_NUMWORD}\b){{0,{_MAX_NUMBER_WORDS - 1}}}", re.I)
_WORD_RE = re.compile(r"[A-Za-z]+")
_ORDINAL_WORD_RE = re.compile(rf"\b(?:(?P<tens>{_alt(_TENS)})(?:{_HYPHEN}|{_SP}))?(?P<ord>{_alt(_ORDINALS)})\b", re.I)
_ORDINAL_DIGITS_RE = re.compile(r"(?<![\w.,])(?P<n>\d+)(?:st|nd|rd|th)\b", re.I)
_FRACTION_RE = re.compile(rf"\b(?P<num>an?|{_alt(list(_SMALL)[1:])})(?:{_SP}+|{_SP}*{_HYPHEN}{_SP}*)"
                          rf"(?P<den>{_alt(_DENOMINATORS)})\b", re.I)
_OF_A_SCALE_RE = re.compile(rf"{_SP}+of{_SP}+an?{_SP}+(?P<s>{_SCALE_ALT})\b", re.I)
_OF_A_UNIT_RE = re.compile(rf"{_SP}+(?:of{_SP}+)?an?{_SP}+(?P<u>{_UNIT_AFTER_A})\b", re.I)
_FRACTION_FOLLOW_RE = re.compile(rf"{_SP}+of\b|\s*(?:[.,;:!?)\]]|$)")
_QUARTER_TIME_RE = re.compile(rf"{_SP}+(?:past|to)\b|{_SP}*{_HYPHEN}?{_SP}*centur", re.I)
_HALF_RE = re.compile(r"\bhalf\b", re.I)
_HALF_BLOCK_BEFORE_RE = re.compile(rf"(?:{_HYPHEN}|(?<![\w])(?:first|second|last|latter|other|in|an?|"
                                   rf"and{_SP}+a|the){_SP}+)\Z", re.I)
_HALF_SHARE_AFTER_RE = re.compile(rf"{_SP}+(?:of|the|its|their|his|her|our|your|all|this|that|these|"
                                  rf"those|an?)\b", re.I)
_BY_BEFORE_RE = re.compile(rf"(?<![\w])(?:by|than|to){_SP}+\Z", re.I)
_HYPHEN_AFTER_RE = re.compile(_HYPHEN)
_HALF_SCALE_RE = re.compile(rf"\b(?:a{_SP}+)?half(?:{_SP}+an?{_SP}+|{_SP}*{_HYPHEN}{_SP}*|{_SP}+)"
                            rf"(?P<s>{_SCALE_ALT})\b", re.I)
_AND_A_HALF_RE = re.compile(rf"\b(?P<n>\d+|{_alt(list(_SMALL) + list(_TEENS) + list(_TENS))}){_SP}+and"
                            rf"{_SP}+a{_SP}+half\b(?:{_SP}+(?P<s>{_SCALE_ALT})\b)?", re.I)
_COUPLE_SCALE_RE = re.compile(rf"\ba{_SP}+couple(?:{_SP}+of)?{_SP}+(?P<s>{_SCALE_ALT})\b", re.I)
_COUPLE_RE = re.compile(rf"\ba{_SP}+couple(?={_SP}+of\b)", re.I)
_COUPLE_LOOSE_RE = re.compile(rf"\ba{_SP}+couple(?:{_SP}+of)?\b", re.I)
_VAGUE_RE = re.compile(r"\b(?:" + "|".join(
    (_alt([k]) + (rf"(?={_SP}+of\b)" if k == "scores" else "")) for k in sorted(_VAGUE, key=len, reverse=True)
) + r")\b", re.I)
_ONE_IN_RE = re.compile(rf"\b(?P<a>\d+|{_alt(list(_SMALL)[1:] + ['ten'])}){_SP}+(?:in|out{_SP}+of)"
                        rf"{_SP}+(?P<every>every{_SP}+)?(?P<b>\d+(?:,\d{{3}})*|"
                        rf"{_alt(list(_SMALL)[2:] + list(_TEENS) + list(_TENS) + ['hundred', 'thousand'])})\b", re.I)
_A_UNIT_RE = re.compile(rf"\ban?{_SP}+(?P<u>{_UNIT_AFTER_A})\b", re.I)
_SECOND_AS_TIME_RE = re.compile(rf"\s*(?:[.,;:!?)]|$)|{_SP}+(?:later|earlier|ago|after|before)\b", re.I)
_MULTIPLIER_RE = re.compile(rf"\b(?P<w>{_alt(_MULTIPLIERS)})\b", re.I)
_DECADE_RE = re.compile(r"(?:['’](?P<short>\d0)|(?<![\w.,'’])(?P<full>\d{1,3}0))s\b")
_MAGNITUDE_PREFIX_RE = re.compile(rf"\bmagnitude(?:{_SP}+|{_SP}*{_HYPHEN}{_SP}*)(?:of{_SP}+)?"
                                  r"(?P<num>\d+(?:\.\d+)?)(?![\w]|[.,]\d)", re.I)
# "M7.5", "Mw 6.1": the seismologists' notation, always with a decimal (M4 is a road, an M16 a rifle)
_M_MAGNITUDE_RE = re.compile(rf"\bM[wLs]?{_SP}?(?P<num>\d\.\d)(?![\w]|[.,]\d)")

# units after a number
_PERCENT_RE = re.compile(rf"{_SP}?%|(?:{_SP}+|{_HYPHEN})?(?:per{_SP}?cent|percent)\b|(?<=\d)(?:pc|pct)\b", re.I)
_POINTS_RE = re.compile(rf"{_SP}+percentage{_SP}+points?\b", re.I)
_MULTIWORD_UNITS = [
    (re.compile(rf"(?:{_SP}+|{_HYPHEN})(?:square|sq\.?){_SP}*(?:kilomet(?:re|er)s?|km)\b", re.I), "km2"),
    (re.compile(rf"(?:{_SP}+|{_HYPHEN})square{_SP}+miles?\b", re.I), "sq mile"),
    (re.compile(rf"(?:{_SP}+|{_HYPHEN})nautical{_SP}+miles?\b", re.I), "nmi"),
    (re.compile(rf"{_SP}+miles?{_SP}+(?:per|an){_SP}+hour\b", re.I), "mph"),
    (re.compile(rf"{_SP}+kilomet(?:re|er)s?{_SP}+(?:per|an){_SP}+hour\b", re.I), "km/h"),
    (re.compile(rf"{_SP}+(?:US|American){_SP}+dollars?\b", re.I), "USD"),
    (re.compile(rf"{_SP}+pounds?{_SP}+sterling\b", re.I), "GBP"),
    (re.compile(rf"{_SP}*°{_SP}?C\b|{_SP}+degrees?{_SP}+(?:Celsius|centigrade)\b", re.I), "celsius"),
    (re.compile(rf"{_SP}*°{_SP}?F\b|{_SP}+degrees?{_SP}+Fahrenheit\b", re.I), "fahrenheit"),
    (re.compile(rf"{_SP}+on{_SP}+the{_SP}+Richter{_SP}+scale\b", re.I), "magnitude"),
]
# data sizes and rates, after digits only ("four gigabit switches" counts switches): "80-Gigabit",
# "1.28Tb / sec", "10Gbps", "64 gigabytes"; an abbreviation is glued or per second ("5 TB cases" is no size)
_DATA_PREFIXES = {"k": "k", "kilo": "k", "m": "M", "mega": "M", "g": "G", "giga": "G", "t": "T", "tera": "T",
                  "p": "P", "peta": "P"}
_DATA_RATE = rf"{_SP}*/{_SP}*(?:s|sec|second)\b|ps\b|{_SP}+(?:per|a){_SP}+second\b"
_DATA_UNIT_RE = re.compile(
    rf"(?:{_SP}*{_HYPHEN}{_SP}*|{_SP}+)?(?P<pw>(?i:kilo|mega|giga|tera|peta))(?P<bw>(?i:bit|byte))s?\b(?P<rw>{_DATA_RATE})?"
    rf"|(?P<pa>[kKMGTP])(?P<ba>b|B)(?:(?P<ra>{_DATA_RATE})|(?![A-Za-z]))")
_UNIT_WORD_RE = re.compile(rf"(?P<sep>{_SP}+|{_SP}*{_HYPHEN}{_SP}*|)(?P<u>km[2²]|km/h|[A-Za-z]+)(?![\w/²])")
_TIMES_AFTER_RE = re.compile(rf"(?P<t>{_SP}+times)(?={_SP}+(?:the|as|more|higher|larger|bigger|greater|faster|"
                             rf"smaller|lower|fewer|less|over|that|its|their|what)\b)", re.I)
_OF_UNIT_RE = re.compile(rf"{_SP}+of{_SP}+(?:US{_SP}+)?(?P<u>[A-Za-z]+)\b")
_AGE_SUFFIX_RE = re.compile(rf"(?:{_SP}*{_HYPHEN}{_SP}*|{_SP}+)olds?\b", re.I)
_GLUED_RE = re.compile(r"[A-Za-z0-9]")

# context
_NOT_EVEN_BEFORE_RE = re.compile(rf"\b(?:not|n[’']t|never|nor)(?:{_SP}+[\w’'-]+){{0,3}}?{_SP}+even{_SP}+\Z", re.I)
_HEDGE_BEFORE_RE = re.compile(r"(?<![\w])(?P<h>" + _alt(_HEDGES).replace(r"\.", r"\.?") + rf"){_SP}+\Z", re.I)
_HEDGE_AFTER_RE = re.compile(rf"{_SP}+or{_SP}+(?P<at_least>more|above)\b"
                             rf"|{_SP}+or{_SP}+(?P<about>so|thereabouts)\b(?!{_HYPHEN})"
                             rf"|{_SP}+or{_SP}+(?P<up_to>fewer|less)\b"
                             rf"|(?:{_HYPHEN}|{_SP}+)(?P<plus>plus)\b(?!{_SP}*\d)"
                             rf"|(?P<sign>\+)(?![ \t]*\d)"
                             rf"|(?:{_HYPHEN}|{_SP}+)(?P<odd>odd)\b", re.I)
_PASS_VERBS = {"top", "tops", "topped", "topping", "surpass", "surpasses", "surpassed", "surpassing",
               "exceed", "exceeds", "exceeded", "eclipse", "eclipses", "eclipsed", "eclipsing"}
# "the top 10", "its top three aides", "America's top 5": 'top' after a determiner is an adjective
_TOP_ADJECTIVE_BEFORE_RE = re.compile(rf"(?:\b(?:the|a|an|its|their|his|her|our|my|your|this|that|these|those|in|of)|['’]s?){_SP}+\Z", re.I)
_NOT_YET_BEFORE_RE = re.compile(rf"\b(?:will|would|could|may|might|shall|to|soon|poised|set|likely|about){_SP}+"
                                rf"(?:soon{_SP}+)?\Z", re.I)
_HEDGE_THE_BEFORE_RE = re.compile(r"(?<![\w])(?P<h>" + _alt(_HEDGES).replace(r"\.", r"\.?") + rf"){_SP}+the{_SP}+\Z", re.I)
_MARK_AFTER_RE = re.compile(rf"(?:{_SP}+|{_HYPHEN})(?:mark|level|threshold|milestone|barrier|range)\b", re.I)
_MOVED_BEFORE_RE = re.compile(rf"\b(?:revised|revise[sd]?|adjusted|marked|moved|pushed|bumped|ratcheted|went|goes|gone|"
                              rf"tick(?:ed|s|ing)?|edg(?:ed|es|ing)|inch(?:ed|es|ing)|cre(?:pt|eps|eping)|"
                              rf"going|go|came|come|comes|brought|taken|took){_SP}+\Z", re.I)
_RANGE_PREFIX_RE = re.compile(rf"(?<![\w])(?P<w>between|from){_SP}+\Z", re.I)
_CHANGE_BEFORE_RE = re.compile(rf"\b(?:{_CHANGE_VERBS})\b[^.,;:!?\n]{{0,40}}\Z", re.I)
_CHANGE_BY_BEFORE_RE = re.compile(rf"\b(?:{_CHANGE_VERBS}|{_CHANGE_VERBS_PLAIN}){_SP}+by{_SP}+\Z", re.I)
_NEXT_WORD_RE = re.compile(rf"(?:{_SP}+|{_SP}*{_HYPHEN}{_SP}*)(?P<w>[A-Za-z][A-Za-z'’.]*)")
_PREV_WORD_RE = re.compile(rf"(?<![\w'’-])(?P<w>[A-Za-z][A-Za-z'’-]*){_SP}+\Z")
_NEGATION_BEFORE_RE = re.compile(rf"(?:(?<![\w])(?:not|never)|n['’]t){_SP}+\Z", re.I)
_AGE_BEFORE_RE = re.compile(rf"(?<![\w])(?:aged|age|ages|ages{_SP}+of|age{_SP}+of){_SP}+\Z", re.I)
_NAME_COMMA_BEFORE_RE = re.compile(rf"(?<![\w])(?P<w>[A-Z][\w'’.-]*),{_SP}+\Z")
_COMMA_AFTER_RE = re.compile(r"\s*,")
_POSSESSIVE_BEFORE_RE = re.compile(rf"(?<![\w])(?:his|her|their|its|my|our|your){_SP}+"
                                   rf"(?:(?:early|mid|late){_SP}*{_HYPHEN}?{_SP}*)?\Z", re.I)
_YEAR_DASH_BEFORE_RE = re.compile(r"(?<![\w.,])(?:1[89]|20)\d\d[-–/]\Z")
_PRONOUN_BEFORE_RE = re.compile(rf"(?<![\w])(?:the(?:{_SP}+other)?|these|those){_SP}+\Z", re.I)
_PRONOUN_AFTER_RE = re.compile(rf"\s*(?:[.,;:!?)\]\"”’]|\Z)|{_SP}+(?:of{_SP}+(?:them|us|you|whom|which|"
                               rf"those|these)|{_alt(_PRONOUN_NEXT)})\b", re.I)
_ONE_OF_RE = re.compile(rf"{_SP}+of\b", re.I)
_ONE_ANOTHER_RE = re.compile(rf"{_SP}+another\b", re.I)
_NAME_WORD_BEFORE_RE = re.compile(rf"(?<![\w])(?:{'|'.join(_NAME_WORDS)})\.?{_SP}+(?:of{_SP}+)?\Z")
_ACRONYM_BEFORE_RE = re.compile(rf"(?<![\w.])(?!(?:US|UK|UN|EU)\b)[A-Z][A-Z&]+{_SP}+\Z")
_CAP_WORD_BEFORE_RE = re.compile(rf"(?<![\w'’-])[A-Z][A-Za-z'’-]*(?:{_SP}+of)?{_SP}+\Z")
_CAP_WORD_AFTER_RE = re.compile(rf"(?:{_SP}+|{_HYPHEN})[A-Z][a-z]")
_WEIGHT_BEFORE_RE = re.compile(r"\b(?:weigh\w*|weight|heav(?:y|ier)|lighter)\b[^.,;:!?\n]{0,30}\Z", re.I)
_FIRST_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
_LINE_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’]*")


# ---------------------------------------------------------------------------------------------
# Number cores
# ---------------------------------------------------------------------------------------------

@dataclass
class _Core:
    """A number expression before hedges and exclusions are applied (internal)."""

    start: int
    end: int
    value: float
    kind: str = "cardinal"          # cardinal | ordinal | multiplier | vague | share
    unit: str | None = None
    low: float | None = None        # for vague quantities and ranges
    high: float | None = None
    scale: float = 1.0              # "million" in "2.5 million", for ranges ("1 to 2 million")
    plain_digits: str | None = None  # the digits when written bare (the year test needs them)
    words: bool = False             # written in words (the name test needs it)
    age: bool = False               # "-year-old", "years old"
    decade: bool = False            # "1990s", "'90s", "his 40s"
    unit_word: str | None = None    # the unit as written ("pounds")
    excluded: str | None = None
    is_range: bool = False
    prefix_start: int | None = None  # "between"/"from" of a range
    prefix_word: str | None = None
    span_start: int = 0
    span_end: int = 0
    hedge: str | None = None
    bound: str = "exact"


def _next_word(text: str, pos: int) -> str | None:
    m = _NEXT_WORD_RE.match(text, pos)
    return m.group("w").rstrip(".").lower() if m else None


def _prev_word(text: str, pos: int) -> str | None:
    m = _PREV_WORD_RE.search(text, max(0, pos - 30), pos)
    return m.group("w").lower() if m else None


def _looks_counted(word: str | None) -> bool:
    """A counted noun from the list, or a plural-looking word ("refugees")."""
    if not word:
        return False
    if word in _COUNTED_NOUNS:
        return True
    return (word.endswith("s") and len(word) > 3 and word not in _FUNCTION_WORDS
            and not word.endswith(("ss", "us", "is", "ous")))


looks_counted = _looks_counted  # for claims.py: whether a word after a number is a thing counted


def _with_unit(text: str, core: _Core, digits: bool = False, allow_of: bool = False) -> _Core:
    """Extend core with a unit written right after it ("30%", "10 km", "three months", "21-year-old")."""
    pos = core.end
    m = _POINTS_RE.match(text, pos) or _PERCENT_RE.match(text, pos)
    if m:
        core.unit = "percentage_point" if "point" in m.group().lower() else "percent"
        core.end = m.end()
        return core
    for rx, unit in _MULTIWORD_UNITS:
        m = rx.match(text, pos)
        if m:
            core.unit, core.end, core.unit_word = unit, m.end(), m.group().strip().lower()
            return core
    m = _DATA_UNIT_RE.match(text, pos) if digits else None
    if m:
        prefix, size = (m.group("pw"), m.group("bw")) if m.group("pw") else (m.group("pa"), m.group("ba"))
        bits = size.lower() == "bit" or size == "b"
        unit = _DATA_PREFIXES[prefix.lower()] + ("b" if bits else "B") + ("/s" if m.group("rw") or m.group("ra") else "")
        core.unit, core.end, core.unit_word = unit, m.end(), m.group().strip().lower()
        return core
    m = _TIMES_AFTER_RE.match(text, pos)
    if m:                                      # "up to 12 times the bandwidth": a multiple
        core.unit, core.end, core.unit_word = "times", m.end("t"), "times"
        return core
    unit = None
    m = _UNIT_WORD_RE.match(text, pos)
    if m:
        word, sep = m.group("u"), m.group("sep")
        if sep or digits:
            unit = _UNIT_WORDS.get(word.lower())
        if unit is None and sep == "" and digits:
            unit = _TIGHT_UNITS.get(word)
    if unit is None and allow_of:               # "thousands of dollars", "a couple of days"
        m = _OF_UNIT_RE.match(text, pos)
        unit = _UNIT_WORDS.get(m.group("u").lower()) if m else None
    if unit:
        core.unit, core.end, core.unit_word = unit, m.end(), m.group("u").lower()
        if unit in _TIME_UNITS:
            age = _AGE_SUFFIX_RE.match(text, core.end)
            if age:
                core.age, core.end = True, age.end()
    return core


def _m_digits(text: str, pos: int, loose: bool) -> _Core | None:
    """250,000 / 6.1 / .5 / $1.4bn / US$334 million / 2.5m / 5k / 30% / 10 km / 6.1-magnitude."""
    m = _DIGITS_RE.match(text, pos)
    if not m:
        return None
    num_text = m.group("num").replace(" ", "")  # "£910, 000": thousands split by a tokeniser
    num = float(num_text.replace(",", ""))
    cur = m.group("cur")
    unit = _CURRENCY_SIGNS[cur.strip()] if cur else None
    end, scale = m.end("num"), 1.0
    suffix = (m.group("scale") or "").strip()
    if suffix:
        factor = _SCALE_SUFFIX[suffix if len(suffix) == 1 else suffix.lower()]
        if suffix == "m" and not (unit or loose or _looks_counted(_next_word(text, m.end()))):
            factor = None                      # "a 2.5m wall": metres, left to _with_unit
        elif suffix in ("b", "B") and not (unit or loose):
            return None
        if factor:
            scale, end = factor, m.end("scale")
    if unit == "XXX" and _looks_counted(_next_word(text, end)):
        return None                            # "Why? 3 reasons": a question, then a count
    core = _Core(pos, end, num * scale, unit=unit, scale=scale)
    if not cur:
        core = _with_unit(text, core, digits=True)
        if scale == 1 and core.unit is None and num_text.isdigit():
            core.plain_digits = num_text
    if _GLUED_RE.match(text, core.end):      # "4G", "21S2": a code, not a figure
        return None
    return core


def _m_magnitude(text: str, pos: int, loose: bool) -> _Core | None:
    """magnitude 6.1 / magnitude-6.1 / magnitude of 6.1 / M6.1."""
    m = _MAGNITUDE_PREFIX_RE.match(text, pos) or _M_MAGNITUDE_RE.match(text, pos)
    if not m:
        return None
    return _Core(pos, m.end(), float(m.group("num")), unit="magnitude", unit_word="magnitude")


def _m_decade(text: str, pos: int, loose: bool) -> _Core | None:
    """1990s / '90s / (in their) 40s."""
    m = _DECADE_RE.match(text, pos)
    if not m:
        return None
    return _Core(pos, m.end(), float(m.group("short") or m.group("full")), decade=True)


def _m_ordinal_digits(text: str, pos: int, loose: bool) -> _Core | None:
    """3rd / 21st."""
    m = _ORDINAL_DIGITS_RE.match(text, pos)
    if not m:
        return None
    return _Core(pos, m.end(), float(m.group("n")), kind="ordinal")


def _parse_word_tokens(words: list[str]) -> tuple[float, int, float] | None:
    """Value, number of words used and final scale of the longest number-word prefix of words.

    Handles "thirty nine", "a hundred and twenty", "two thousand five hundred", "a dozen"."""
    total, current, scale = 0.0, 0.0, 1.0
    last, last_scale, used = None, float("inf"), 0
    for i, word in enumerate(w.lower() for w in words):
        if word in ("a", "an"):
            if i:
                break
            current, last = 1.0, "a"
            continue
        if word == "and":
            if last in ("hundred", "scale"):
                last = "and"
                continue
            break
        if word in _SMALL or word in _TEENS or word in _TENS:
            value = _SMALL.get(word, _TEENS.get(word, _TENS.get(word)))
            if last in (None, "hundred", "scale", "and"):
                current += value
                last = "tens" if word in _TENS else "small"
            elif last == "tens" and word in _SMALL and value:
                current += value
                last = "small"
            else:
                break
            scale = 1.0
        elif word == "hundred":
            if last not in ("a", "small", "tens") or current >= 100:
                break
            current, last, scale = current * 100, "hundred", 100.0
        elif word in _SCALES:
            factor = _SCALES[word]
            if last not in ("a", "small", "tens", "hundred") or factor >= last_scale:
                break
            total += current * factor
            current, last, last_scale, scale = 0.0, "scale", factor, factor
        elif word == "dozen":
            if last is None:
                current = 12.0
            elif last in ("a", "small", "tens"):
                current *= 12
            else:
                break
            used, scale = i + 1, 12.0
            break
        else:
            break
        used = i + 1
    if not used:
        return None
    return total + current, used, scale


def _one_counts_something(text: str, start: int, end: int, word: str) -> bool:
    """'one'/'zero' is a figure only before a content word ("one car bomb"), see module doc."""
    if _prev_word(text, start) in _ONE_BLOCKED_AFTER:
        return False
    nxt = _next_word(text, end)
    if nxt is None:
        return False
    if _HYPHEN_AFTER_RE.match(text, end):
        return nxt in _UNIT_WORDS or nxt in PART_NOUNS  # "one-day visit", "one-storey shop"; not "one-sided"
    if word == "one" and nxt in ("of", "another"):
        return True                           # returned, then excluded one_of / one_another
    if _UNIT_WORDS.get(nxt) in _TIME_UNITS:
        return True                           # "one day": a duration
    if nxt in ("or", "to"):                   # "one or two"
        m = _NEXT_WORD_RE.match(text, end)
        return _next_word(text, m.end()) in _SMALL or _next_word(text, m.end()) in _TEENS
    return nxt not in _FUNCTION_WORDS and nxt not in _ONE_IDIOMS


_CLAUSE_END_RE = re.compile(rf"{_SP}*(?:[,;:.!?)]|[—–]|{_SP}-{_SP}|\Z)")


def _ends_clause_after_content_word(text: str, start: int, end: int) -> bool:
    """'and Iowa lost one.', 'California losing one—as': a clause-final 'one' after a content word
    counts a noun left out; 'no one.', 'the only one.', 'one by one.' count nothing."""
    prev = _prev_word(text, start)
    return (bool(_CLAUSE_END_RE.match(text, end)) and prev is not None
            and prev not in _FUNCTION_WORDS and prev not in _ONE_BLOCKED_AFTER and prev not in _ONE_IDIOMS)


def _m_words(text: str, pos: int, loose: bool) -> _Core | None:
    """Thirty-nine / thirty nine / a hundred and twenty / two thousand five hundred / a dozen."""
    m = _WORD_RUN_RE.match(text, pos)
    if not m:
        return None
    words = list(_WORD_RE.finditer(m.group()))
    parsed = _parse_word_tokens([w.group() for w in words])
    if parsed is None:
        return None
    value, used, scale = parsed
    end = pos + words[used - 1].end()
    word = text[pos:end].lower()
    elided = None
    if word in ("one", "zero") and not loose and not _one_counts_something(text, pos, end, word):
        if not (word == "one" and _ends_clause_after_content_word(text, pos, end)):
            return None
        elided = "elided"
    core = _Core(pos, end, value, words=True, scale=scale, excluded=elided)
    return _with_unit(text, core)


def _m_and_a_half(text: str, pos: int, loose: bool) -> _Core | None:
    """one and a half / two and a half million / 2 and a half years."""
    m = _AND_A_HALF_RE.match(text, pos)
    if not m:
        return None
    n = m.group("n").lower()
    value = float(n) if n.isdigit() else float(_SMALL.get(n, _TEENS.get(n, _TENS.get(n))))
    scale = _SCALE_WORDS[m.group("s").lower()] if m.group("s") else 1.0
    core = _Core(pos, m.end(), (value + 0.5) * scale, words=not n.isdigit(), scale=scale)
    return _with_unit(text, core)


def _m_half_scale(text: str, pos: int, loose: bool) -> _Core | None:
    """half a million / a half-million / half a dozen."""
    m = _HALF_SCALE_RE.match(text, pos)
    if not m:
        return None
    scale = _SCALE_WORDS[m.group("s").lower()]
    return _with_unit(text, _Core(pos, m.end(), 0.5 * scale, words=True, scale=scale))


def _unit_core(start: int, m: re.Match, value: float) -> _Core:
    """A fraction of a unit: "half an hour", "a quarter of a mile"."""
    word = m.group("u").lower()
    return _Core(start, m.end(), value, unit=_UNIT_WORDS.get(word, "week" if word == "fortnight" else None),
                 words=True, unit_word=word)


def _m_fraction(text: str, pos: int, loose: bool) -> _Core | None:
    """a third / two-thirds / three quarters / a quarter of a million / a quarter of an hour."""
    m = _FRACTION_RE.match(text, pos)
    if not m:
        return None
    num_word, den_word = m.group("num").lower(), m.group("den").lower()
    num = 1 if num_word in ("a", "an") else _SMALL[num_word]
    den = _DENOMINATORS[den_word]
    if num >= den or (num_word in ("a", "an") and den_word == "half"):
        return None                        # "two halves"; "a half" is left to the half matchers
    fraction = num / den
    of_scale = _OF_A_SCALE_RE.match(text, m.end())
    if of_scale:
        scale = _SCALE_WORDS[of_scale.group("s").lower()]
        return _with_unit(text, _Core(pos, of_scale.end(), fraction * scale, words=True, scale=scale))
    of_unit = _OF_A_UNIT_RE.match(text, m.end())
    if of_unit:
        return _unit_core(pos, of_unit, fraction)
    if not loose:
        if den_word == "quarter" and _QUARTER_TIME_RE.match(text, m.end()):
            return None                    # "a quarter past nine", "a quarter-century"
        if (num_word in ("a", "an") and den_word != "quarter"
                and not _FRACTION_FOLLOW_RE.match(text, m.end())):
            return None                    # "a third attack" is an ordinal
    return _Core(pos, m.end(), fraction, kind="share", unit="share", words=True)


def _m_half(text: str, pos: int, loose: bool) -> _Core | None:
    """half of / half the / more than half / half an hour; not half-brother, first half."""
    m = _HALF_RE.match(text, pos)
    if not m:
        return None
    of_unit = _OF_A_UNIT_RE.match(text, m.end())
    if of_unit:
        return _unit_core(pos, of_unit, 0.5)
    share = _Core(pos, m.end(), 0.5, kind="share", unit="share", words=True)
    if loose:
        return share
    lo = max(0, pos - 40)
    if _HYPHEN_AFTER_RE.match(text, m.end()) or _HALF_BLOCK_BEFORE_RE.search(text, lo, pos):
        return None
    if (_HALF_SHARE_AFTER_RE.match(text, m.end()) or _HEDGE_BEFORE_RE.search(text, lo, pos)
            or _BY_BEFORE_RE.search(text, lo, pos)):
        return share
    return None


def _m_couple(text: str, pos: int, loose: bool) -> _Core | None:
    """a couple of (2) / a couple hundred (200)."""
    m = _COUPLE_SCALE_RE.match(text, pos)
    if m:
        scale = _SCALE_WORDS[m.group("s").lower()]
        return _with_unit(text, _Core(pos, m.end(), 2 * scale, words=True, scale=scale))
    m = (_COUPLE_LOOSE_RE if loose else _COUPLE_RE).match(text, pos)
    if not m:
        return None
    return _with_unit(text, _Core(pos, m.end(), 2.0, words=True), allow_of=True)


def _m_vague(text: str, pos: int, loose: bool) -> _Core | None:
    """dozens / hundreds / thousands / tens of thousands / scores of / a few / several / a handful."""
    m = _VAGUE_RE.match(text, pos)
    if not m:
        return None
    value, low, high = _VAGUE[re.sub(r"\s+", " ", m.group().lower())]
    core = _Core(pos, m.end(), float(value), kind="vague", low=float(low), high=float(high), words=True)
    return _with_unit(text, core, allow_of=True)


def _m_one_in(text: str, pos: int, loose: bool) -> _Core | None:
    """one in five / three out of four: a share."""
    m = _ONE_IN_RE.match(text, pos)
    if not m:
        return None
    a, b = (parse_number(m.group(g)) for g in ("a", "b"))
    if not a or not b or a >= b or (not m.group("every") and (b > 1000 or 1800 <= b <= 2100)):
        return None
    if _UNIT_WORDS.get(_next_word(text, m.end()) or ""):
        return None                          # "3 in 10 days"
    return _Core(pos, m.end(), a / b, kind="share", unit="share", words=True)


def _m_a_unit(text: str, pos: int, loose: bool) -> _Core | None:
    """a kilometer / an hour / a week: one of a unit."""
    m = _A_UNIT_RE.match(text, pos)
    if not m:
        return None
    word = m.group("u").lower()
    if word == "second" and not loose and not _SECOND_AS_TIME_RE.match(text, m.end()):
        return None                          # "a second attack" is an ordinal
    core = _Core(pos, m.end(), 1.0, unit=_UNIT_WORDS[word], unit_word=word, words=True)
    if core.unit in _TIME_UNITS:
        age = _AGE_SUFFIX_RE.match(text, core.end)
        if age:
            core.age, core.end = True, age.end()
    return core


def _m_multiplier(text: str, pos: int, loose: bool) -> _Core | None:
    """double / twin / triple before a noun: "double car bombing", "twin blasts"."""
    m = _MULTIPLIER_RE.match(text, pos)
    if not m:
        return None
    nxt = _next_word(text, m.end())
    if not loose and (nxt is None or nxt in _FUNCTION_WORDS or nxt in ("digit", "digits")):
        return None
    return _Core(pos, m.end(), float(_MULTIPLIERS[m.group("w").lower()]), kind="multiplier", words=True)


_RATIO_WORDS = {"twice": 2, "thrice": 3, "double": 2, "triple": 3, "treble": 3, "quadruple": 4}
_RATIO_RE = re.compile(rf"\b(?P<w>{_alt(_RATIO_WORDS)})\b", re.I)
# what follows a ratio: "twice as high as", "double the rate", "triple last year's", "twice that of"
_RATIO_AFTER_RE = re.compile(rf"{_SP}+(?:as|the|that|those|its|their|his|her|our|last|what|a|an|pre-?\w+|(?:\w+['’]s))\b", re.I)
# "more than double", "nearly triple", "were double", "is twice": said of a quantity, not a noun
_RATIO_BEFORE_RE = re.compile(rf"\b(?:than|nearly|almost|roughly|about|around|over|is|are|was|were|be|been|being|"
                              rf"remain|remains|remained|now|still){_SP}+\Z", re.I)


def _m_ratio(text: str, pos: int, loose: bool) -> _Core | None:
    """'more than twice as high as', 'double the rate', 'were triple last year's': a ratio to
    another quantity (unit 'times'); 'a double car bombing' is a multiplier before a noun."""
    m = _RATIO_RE.match(text, pos)
    if not m or _HYPHEN_AFTER_RE.match(text, m.end()):
        return None
    word = m.group("w").lower()
    if not _RATIO_AFTER_RE.match(text, m.end()):
        return None
    if word not in ("twice", "thrice") and not _RATIO_BEFORE_RE.search(text, max(0, pos - 20), pos):
        return None  # "double the rate" alone may be a verb: "plans to double the rate"
    return _Core(pos, m.end(), float(_RATIO_WORDS[word]), unit="times", unit_word=word, words=True)


def _m_ordinal_words(text: str, pos: int, loose: bool) -> _Core | None:
    """first / second / Fourth / twenty-first."""
    m = _ORDINAL_WORD_RE.match(text, pos)
    if not m:
        return None
    value = _ORDINALS[m.group("ord").lower()]
    if m.group("tens"):
        if value >= 10:
            return None
        value += _TENS[m.group("tens").lower()]
    return _Core(pos, m.end(), float(value), kind="ordinal", words=True)


_MATCHERS = (_m_digits, _m_magnitude, _m_decade, _m_ordinal_digits, _m_words, _m_and_a_half,
             _m_half_scale, _m_fraction, _m_half, _m_couple, _m_vague, _m_one_in, _m_a_unit,
             _m_ratio, _m_multiplier, _m_ordinal_words)


class _Spans:
    """Sorted, non-overlapping (start, end) spans with an overlap test in log time."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start)
        if i and self.ends[i - 1] > start:
            return True
        return i < len(self.starts) and self.starts[i] < end

    def add(self, start: int, end: int) -> None:
        i = bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def _best_core(text: str, pos: int, loose: bool, masks: _Spans | None = None) -> _Core | None:
    """The longest match of any matcher at pos that does not run into a protected span."""
    best = None
    for matcher in _MATCHERS:
        core = matcher(text, pos, loose)
        if core is None or (masks and masks.overlaps(core.start, core.end)) or not _finite(core):
            continue
        if best is None or core.end > best.end:
            best = core
    return best


def _finite(q) -> bool:
    """A figure whose value does not fit a float (400 nines) is no figure: pages and JSON
    cannot show infinity, and it is never what an article asserts."""
    return all(v is None or math.isfinite(v) for v in (q.value, q.low, q.high))


def _scan_cores(text: str, masks: _Spans) -> list[_Core]:
    cores, until = [], 0
    for m in _TRIGGER_RE.finditer(text):
        pos = m.start()
        if pos < until or masks.overlaps(pos, pos + 1):
            continue
        core = _best_core(text, pos, False, masks)
        if core:
            cores.append(core)
            until = core.end
    return cores


# ---------------------------------------------------------------------------------------------
# Protected spans: things with digits in them that are not figures
# ---------------------------------------------------------------------------------------------

def _valid_numeric_date(m: re.Match) -> bool:
    if m.group("iso"):
        return 1 <= int(m.group("im")) <= 12 and 1 <= int(m.group("id")) <= 31
    a, b = int(m.group("a")), int(m.group("b"))
    return 1 <= a <= 31 and 1 <= b <= 31 and min(a, b) <= 12


def _is_code(chunk: str) -> bool:
    """True for ids mixing letters and digits ("21S2", "A320", "COVID-19", "F-16", "4G"), False for
    figures with a glued suffix or a lowercase word ("10km", "3rd", "6-magnitude", "mid-2011")."""
    for part in re.split(r"[/‐‑-]", chunk):
        if not part or part.isdigit():
            continue
        if part.isalpha():
            lower = part.lower()
            if lower in _KNOWN_CODES:
                return True
            if part.islower() or lower in _SAFE_CODE_PARTS or (part.istitle() and lower in _UNIT_WORDS) \
                    or _DATA_UNIT_RE.fullmatch(part):
                continue                   # "a 300-Acre Wildfire": a headline's capitals on a unit
            return True
        if not _LEGIT_GLUED_RE.fullmatch(part):
            return True
    return False


def _excluded_quantity(text: str, start: int, end: int, reason: str, value: float | None = None) -> Quantity | None:
    if value is None:
        m = _FIRST_NUMBER_RE.search(text, start, end)
        if not m:
            return None
        try:
            value = float(m.group().replace(",", "").rstrip("."))
        except ValueError:  # "02.29.12": a dotted date or a version, no single number
            value = float(re.match(r"\d+", m.group()).group())
        if not math.isfinite(value):
            return None
    kind = "ordinal" if re.search(r"\d(?:st|nd|rd|th)$", text[start:end]) else "cardinal"
    return Quantity(start, end, text[start:end], value, value, value, "exact", None, kind, None,
                    start, end, reason)


_CLOCK_WORDS = {"noon": 12.0, "midday": 12.0, "midnight": 0.0}
_PROTECTED = (
    (_URL_RE, "id"), (_SPACED_URL_RE, "id"), (_EMAIL_RE, "id"), (_FILENAME_RE, "filename"), (_PHONE_RE, "id"),
    (_NUMERIC_DATE_RE, "date"), (_CLOCK_RE, "time"), (_AMPM_RE, "time"), (_MILITARY_TIME_RE, "time"),
    (_OCLOCK_RE, "time"), (_PAST_TO_RE, "time"), (_NOON_RE, "time"), (_SLASH_PAIR_RE, "id"),
    (_BY_RE, "id"), (_CHUNK_RE, "id"),
)
_DATE_PATTERNS = (_MONTH_DAY_RE, _DAY_MONTH_RE, _MONTH_YEAR_RE, _ON_THE_DAY_RE, _WEEKDAY_DAY_RE)


def _protected(text: str) -> tuple[list[Quantity], _Spans]:
    """Excluded quantities for ids, dates and times, and the spans no figure may overlap."""
    found: list[Quantity] = []
    taken = _Spans()
    for regex, reason in _PROTECTED:
        for m in regex.finditer(text):
            start, end = m.span()
            if taken.overlaps(start, end):
                continue
            if regex is _NUMERIC_DATE_RE and not _valid_numeric_date(m):
                continue
            if regex is _CHUNK_RE and (not _is_code(m.group()) or _M_MAGNITUDE_RE.match(text, start)):
                continue
            taken.add(start, end)
            value = None
            if regex is _NOON_RE:
                value = _CLOCK_WORDS[m.group().lower()]
            elif regex is _OCLOCK_RE and not m.group()[0].isdigit():
                value = parse_number(m.group().split()[0])
            elif regex is _PAST_TO_RE:
                value = parse_number(m.group().split()[-1])
            q = _excluded_quantity(text, start, end, reason, value)
            if q:
                found.append(q)
    for regex in _DATE_PATTERNS:
        for m in regex.finditer(text):
            groups = [g for g in ("day", "year") if g in regex.groupindex and m.group(g)]
            if "day" in groups and int(re.match(r"\d+", m.group("day")).group()) > 31:
                continue
            for g in groups:
                start, end = m.span(g)
                if not taken.overlaps(start, end):
                    taken.add(start, end)
                    found.append(_excluded_quantity(text, start, end, "date"))
    return found, taken


# ---------------------------------------------------------------------------------------------
# Ranges, hedges, exclusions
# ---------------------------------------------------------------------------------------------

def _looks_like_year(text: str, core: _Core) -> bool:
    if core.plain_digits is None or len(core.plain_digits) != 4 or core.is_range:
        return False
    if not 1800 <= int(core.plain_digits) <= 2100:
        return False
    if _YEAR_PREP_BEFORE_RE.search(text, max(0, core.start - 8), core.start):
        return True  # "fought since 2011 killed 57": a year, whatever word follows
    return _next_word(text, core.end) not in _COUNTED_NOUNS


_YEAR_PREP_BEFORE_RE = re.compile(rf"\b(?:since|until|till|during){_SP}+$", re.I)


def _range_between(text: str, a: _Core, b: _Core) -> _Core | None:
    """a and b as one range ("between 30 and 40", "30-40", "two or three"), or None."""
    if a.kind != "cardinal" or b.kind != "cardinal" or a.decade or b.decade:
        return None
    if _looks_like_year(text, a) or _looks_like_year(text, b) or a.age:
        return None
    gap = text[a.end:b.start]
    prefix = _RANGE_PREFIX_RE.search(text, max(0, a.start - 10), a.start)
    word = prefix.group("w").lower() if prefix else None
    if re.fullmatch(r"[ \t]*[–—][ \t]*|-|[ \t]+-[ \t]+", gap):
        connector = "dash"
    elif re.fullmatch(rf"(?:{_HYPHEN})?{_SP}+(to|and|or){_SP}+", gap, re.I):  # also "a 24- to 30-foot dhow"
        connector = gap.strip(" \t-‐‑").lower()
    else:
        return None
    if connector == "and" and word != "between":
        return None
    if connector == "or" and (a.unit or a.words != b.words):
        return None
    if connector in ("to", "dash") and word != "between":
        lead = prefix.start() if prefix else a.start
        if _CHANGE_BEFORE_RE.search(text, max(0, lead - 60), lead):
            return None                     # "rose from 14 to 39": two figures
        if _CHANGE_BY_BEFORE_RE.search(text, max(0, lead - 30), lead):
            return None                     # "will climb by $154 to $2,754": the change, then the level
    if a.unit and b.unit and a.unit != b.unit:
        return None
    low = a.value
    if a.scale == 1 and b.scale > 1 and a.value * b.scale <= b.value:
        low = a.value * b.scale              # "1 to 2 million", "$30-40 million"
    if low >= b.value:
        return None
    merged = _Core(a.start, b.end, (low + b.value) / 2, unit=b.unit or a.unit, low=low, high=b.value,
                   is_range=True, age=b.age, unit_word=b.unit_word or a.unit_word)
    if prefix and connector != "or" and (word == "between" or connector in ("to", "dash")):
        merged.prefix_start, merged.prefix_word = prefix.start(), word
    return merged


def _merge_ranges(text: str, cores: list[_Core]) -> list[_Core]:
    out, i = [], 0
    while i < len(cores):
        merged = _range_between(text, cores[i], cores[i + 1]) if i + 1 < len(cores) else None
        out.append(merged or cores[i])
        i += 2 if merged else 1
    return out


def _apply_hedges(text: str, core: _Core) -> None:
    """Set span, hedge and bound from the words right before and after the number."""
    core.span_start, core.span_end = core.start, core.end
    if core.prefix_start is not None:
        core.span_start, core.hedge = core.prefix_start, core.prefix_word
    else:
        m = _HEDGE_BEFORE_RE.search(text, max(0, core.start - 40), core.start)
        if m is None and _MARK_AFTER_RE.match(text, core.end):   # "around the $400 million mark"
            m = _HEDGE_THE_BEFORE_RE.search(text, max(0, core.start - 44), core.start)
        if m and m.group("h").lower() == "up to" and _MOVED_BEFORE_RE.search(text, max(0, m.start() - 20), m.start()):
            m = None                         # "revised up to 507,000", "went up to 40 degrees": where it got to
        elif m and m.group("h").lower() == "top" and (m.start() == 0 or (core.value < 1000 and not core.unit)
                                                     or _TOP_ADJECTIVE_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())):
            m = None                         # "the top 10 states", "Billboard Top 100" rank; "Arrests Top One Million" passes a mark
        if m:
            phrase = re.sub(r"\s+", " ", m.group("h").lower())
            core.bound, core.hedge = _HEDGES.get(phrase) or _HEDGES[phrase + "."]   # "approx" -> "approx."
            if phrase in _PASS_VERBS and _NOT_YET_BEFORE_RE.search(text, max(0, m.start() - 24), m.start()):
                core.bound = "about"         # "deaths will surpass 600,000": not yet, so just under it
            core.span_start = m.start()
    if core.bound == "exact" and core.hedge is None and _NOT_EVEN_BEFORE_RE.search(text, max(0, core.start - 40), core.start):
        core.bound = "less_than"             # "have not had even 5% vaccinated": fewer than that
    after = _HEDGE_AFTER_RE.match(text, core.end)
    if after and core.bound == "exact" and core.hedge in (None, "exactly", "precisely"):
        kind = after.lastgroup
        core.bound = {"plus": "more_than", "sign": "more_than", "odd": "about"}.get(kind, kind)
        core.hedge = {"sign": "plus", "up_to": "or " + after.group(kind).lower(),
                      "at_least": "or more", "about": "or so"}.get(kind, after.group(kind).lower())
        core.span_end = after.end()
    if core.kind == "vague" and core.bound == "exact" and core.hedge is None:
        core.bound = "about"


def _at_sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0\"'“‘«([":
        i -= 1
    return i < 0 or text[i] in ".!?:;\n\r…|—–-"


def _title_case_line(text: str, pos: int) -> bool:
    """Whether the line around pos is a headline; each line of a text is read once, however many
    figures it holds (reading it again for every figure was quadratic on a long line)."""
    starts, flags = _lines(text)
    i = bisect_right(starts, pos) - 1
    if flags[i] is None:
        end = starts[i + 1] - 1 if i + 1 < len(starts) else len(text)
        words = [w for w in _LINE_WORD_RE.findall(text, starts[i], end) if len(w) > 3]
        flags[i] = len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)   # incl. ALL CAPS
    return flags[i]


@functools.lru_cache(maxsize=4)
def _lines(text: str) -> tuple[list[int], list]:
    """The start of each line of text, and a slot per line for _title_case_line's answer."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return starts, [None] * len(starts)


def _is_age(text: str, core: _Core) -> bool:
    if _AGE_BEFORE_RE.search(text, max(0, core.span_start - 20), core.span_start):
        return True
    if core.plain_digits and not core.hedge and 0 < core.value <= 120:
        name = _NAME_COMMA_BEFORE_RE.search(text, max(0, core.start - 40), core.start)
        if name and _COMMA_AFTER_RE.match(text, core.end) and not re.fullmatch(_MONTH + "|" + _WEEKDAY, name.group("w")):
            return True                       # "Ivan Vucenovic, 21, accused"
    return False


# "since at least 2005", "until at least 2030", "from about 1990": a hedged date of a span
_YEAR_PREP_BEFORE_RE = re.compile(rf"\b(?:since|until|till|through|before|after|from|by){_SP}+\Z", re.I)


def _is_year(text: str, core: _Core) -> bool:
    if core.hedge:
        return (core.plain_digits is not None and len(core.plain_digits) == 4 and 1800 <= core.value <= 2100
                and not _looks_counted(_next_word(text, core.end))
                and bool(_YEAR_PREP_BEFORE_RE.search(text, max(0, core.span_start - 10), core.span_start)))
    if _looks_like_year(text, core):
        return True
    return bool(core.plain_digits and len(core.plain_digits) == 2
                and _YEAR_DASH_BEFORE_RE.search(text, max(0, core.start - 6), core.start))


def _is_pronoun(text: str, core: _Core) -> bool:
    """"the two now must ...", "the other two had ...", "the two of them" (see module doc)."""
    if core.kind != "cardinal" or core.unit or core.is_range or core.hedge:
        return False
    if core.value < 2 or core.value != int(core.value):
        return False
    if not _PRONOUN_BEFORE_RE.search(text, max(0, core.start - 20), core.start):
        return False
    return bool(_PRONOUN_AFTER_RE.match(text, core.end))


def _is_calibre(text: str, core: _Core) -> bool:
    """'a 5.56mm and a 7.62mm rifles', '9mm rounds', 'a .45-calibre pistol': a bore names a kind of
    weapon, it counts or measures nothing the story reports."""
    if core.unit not in (None, "mm") or (core.unit is None and not _CALIBRE_WORD_RE.match(text, core.end)):
        return False
    return bool(_CALIBRE_WORD_RE.match(text, core.end) or _CALIBRE_AFTER_RE.match(text, core.end))


def _named_number(text: str, core: _Core) -> bool:
    """'the Sea Me We 3 cable', 'an Opteron 3200 or 4200 part', 'Xeon 5600': bare digits right after
    a capitalised word inside a sentence are part of a name (a model, a cable, a ship)."""
    if core.words or core.unit or not re.match(r"\d+(?![\d,.]\d)", text[core.start:core.end]):
        return False
    m = _CAP_NAME_BEFORE_RE.search(text, max(0, core.start - 30), core.start)
    return bool(m) and not re.fullmatch(_MONTH + "|" + _WEEKDAY, m.group("w")) and not _at_sentence_start(text, m.start())


def _is_in_name(text: str, core: _Core) -> bool:
    """Resolution 2254, Route 66, FTSE 100, Formula One, the Second World War, the Twin Towers."""
    if core.hedge:
        return False
    lo = max(0, core.start - 40)
    if _NAME_WORD_BEFORE_RE.search(text, lo, core.start):
        return not core.is_range
    if _title_case_line(text, core.start):
        return False                          # a headline: capitals say nothing there
    if _named_number(text, core):
        return True
    if core.is_range:
        return False
    if (core.plain_digits and _ACRONYM_BEFORE_RE.search(text, lo, core.start)
            and not _looks_counted(_next_word(text, core.end))):
        return True
    if core.words and text[core.start].isupper() and not _at_sentence_start(text, core.start):
        return bool(_CAP_WORD_BEFORE_RE.search(text, lo, core.start) or _CAP_WORD_AFTER_RE.match(text, core.end))
    return False


def _exclusion(text: str, core: _Core) -> str | None:
    """Why the figure is not a claim, or None."""
    if core.excluded:
        return core.excluded
    if core.unit in _TIME_UNITS:
        return "age" if core.age else "duration"
    if core.decade:
        if core.plain_digits is None and _POSSESSIVE_BEFORE_RE.search(text, max(0, core.start - 30), core.start):
            return "age" if core.value < 200 else "year"
        return "year"
    if _NEGATION_BEFORE_RE.search(text, max(0, core.span_start - 20), core.span_start):
        return "negation"
    if _is_age(text, core):
        return "age"
    if _is_year(text, core):
        return "year"
    if text[core.start:core.end].lower() == "one":
        if _ONE_OF_RE.match(text, core.end):
            return "one_of"
        if _ONE_ANOTHER_RE.match(text, core.end):
            return "one_another"
    if _is_pronoun(text, core):
        return "pronoun"
    if _is_in_name(text, core):
        return "in_name"
    if _LABEL_AFTER_RE.match(text, core.end) or _is_calibre(text, core):
        return "label"
    if core.plain_digits and not core.hedge and _ADDRESS_AFTER_RE.match(text, core.end):
        return "address"
    return None


# "at 12 North Main Street", "40 W. 3rd Ave.", "9 Elm Rd": a house number names a door, counts nothing
_STREET_WORDS = ("street", "st", "avenue", "ave", "av", "road", "rd", "boulevard", "blvd", "drive", "dr", "lane",
                 "ln", "way", "place", "pl", "court", "ct", "terrace", "parkway", "pkwy", "highway", "hwy", "square",
                 "sq", "crescent", "close", "row", "broadway")
_ADDRESS_AFTER_RE = re.compile(
    rf"{_SP}+(?:(?:[NSEW]|NE|NW|SE|SW|North|South|East|West)\.?{_SP}+)?"
    rf"(?:(?:[A-Z][a-z]+|\d+(?:st|nd|rd|th))\.?{_SP}+){{0,3}}(?i:{'|'.join(_STREET_WORDS)})\b\.?")


# "64-bit processors", "a 32-bit system": a kind of thing, not a count of anything
_LABEL_AFTER_RE = re.compile(rf"(?:{_HYPHEN}|{_SP})?bit\b", re.I)
_CALIBRE_WORD_RE = re.compile(rf"{_SP}*{_HYPHEN}?{_SP}*calib(?:re|er)\b", re.I)
_CALIBRE_AFTER_RE = re.compile(rf"(?:{_SP}+[\w.-]+){{0,3}}?{_SP}+{_alt(CALIBRE_NOUNS)}\b", re.I)
_CAP_NAME_BEFORE_RE = re.compile(rf"(?<![\w'’.-])(?P<w>[A-Z][a-z][A-Za-z]*){_SP}+\Z")


def _unit(text: str, core: _Core) -> str | None:
    """The unit, with "pounds" read as a weight in a weight context."""
    if core.unit == "GBP" and core.unit_word and core.unit_word.startswith("pound"):
        if (re.match(rf"{_SP}+of\b", text[core.end:]) or
                _WEIGHT_BEFORE_RE.search(text, max(0, core.span_start - 60), core.span_start)):
            return "lb"
    return core.unit


def _kind(core: _Core, unit: str | None) -> str:
    if core.is_range:
        return "range"
    if core.kind in ("vague", "ordinal", "multiplier", "share"):
        return core.kind
    if unit in _CURRENCIES:
        return "money"
    if unit in ("percent", "percentage_point"):
        return "percent"
    return "measure" if unit and unit != "times" else "cardinal"  # "twice as high": a ratio, no unit of measure


def _limits(core: _Core) -> tuple[float | None, float | None]:
    spread = core.is_range or core.kind == "vague"
    low, high = (core.low, core.high) if spread else (core.value, core.value)
    if core.bound in ("at_least", "more_than"):
        return low, None
    if core.bound in ("up_to", "less_than"):
        return None, high
    if core.bound == "about" and not spread:
        return core.value * 9 / 10, core.value * 11 / 10
    return low, high


_MINUS_RE = re.compile(rf"\b(?:minus|negative){_SP}*(?:{_HYPHEN}{_SP}*)?$", re.I)


def _to_quantity(text: str, core: _Core) -> Quantity:
    unit = _unit(text, core)
    low, high = _limits(core)
    value, start, kind = core.value, core.span_start, _kind(core, unit)
    minus = _MINUS_RE.search(text, max(0, core.start - 20), core.start) if core.span_start == core.start else None
    if minus and minus.end() == core.start:  # "minus 20", "a minus-20 degree night"
        value, start = -value, minus.start()
        low, high = (-high if high is not None else None), (-low if low is not None else None)
    if kind == "range" and core.bound in ("up_to", "less_than") and high is not None:
        value = high  # "as many as 35 to 40": the figure is the most it could be
    elif kind == "range" and core.bound in ("at_least", "more_than") and low is not None:
        value = low
    return Quantity(
        start=start, end=core.span_end, text=text[start:core.span_end],
        value=value, low=low, high=high, bound=core.bound, unit=unit, kind=kind,
        hedge=core.hedge, number_start=core.start, number_end=core.end, excluded=_exclusion(text, core),
    )


# ---------------------------------------------------------------------------------------------
# Public functions
# ---------------------------------------------------------------------------------------------

def parse_number(s: str) -> float | None:
    """The value of a bare number expression, or None if s is not one.

    "Thirty-nine" -> 39, "a hundred and twenty" -> 120, "250,000" -> 250000, "1.4bn" -> 1.4e9,
    "2.5m" -> 2.5e6, "a quarter of a million" -> 250000, "two-thirds" -> 0.667, "half" -> 0.5,
    "dozen" -> 12, "dozens" -> 24 (the value of a vague quantity), "30%" -> 30, "3rd" -> 3.
    """
    if not isinstance(s, str):
        return None
    s = s.strip()
    if not s:
        return None
    core = _best_core(s, 0, True)
    if core is None or core.end != len(s):
        return None
    return float(core.value)


_GLUED_EURO_RE = re.compile(r"\b[Ee]uro(?=\d)")
# "earns? 900 a month", "an? 110 billion loan": a '?' glued to a word before a number is a currency
# sign (€, £) that a lossy encoding turned into '?'; which currency is left to the article (XXX)
_LOST_SIGN_RE = re.compile(r"(?<=[a-z])[?\ufffd](?=[ ]?\d)")
_HYPHEN_SCALE_RE = re.compile(rf"(?<=\d){_HYPHEN}(?={_SCALE_ALT}\b)", re.I)


_TIMES_RE = re.compile(r"\b(?P<w>twice|thrice)\b(?!\s+(?:as|the|a|an|that|than|its|their|his|her|our|my|your|over)\b)", re.I)


def _times(text: str, taken) -> list:
    """'had twice been investigated', 'was arrested twice': how often something happened."""
    out = []
    for m in _TIMES_RE.finditer(text):
        if any(q.start < m.end() and m.start() < q.end for q in taken):
            continue
        value = 2.0 if m.group("w").lower() == "twice" else 3.0
        out.append(Quantity(start=m.start(), end=m.end(), text=m.group(0), value=value, low=value,
                            high=value, bound="exact", unit="times", kind="cardinal", hedge=None,
                            number_start=m.start(), number_end=m.end(), excluded=None))
    return out


def _unglue(text: str) -> str:
    """Length-preserving rewrites of wire-service spellings: 'euro110 billion' -> 'EUR 110 billion',
    '110-billion' -> '110 billion', so offsets still point into the original text."""
    text = _GLUED_EURO_RE.sub("EUR ", text)
    text = _LOST_SIGN_RE.sub("¤", text)
    return _HYPHEN_SCALE_RE.sub(" ", text)


def find_quantities(text: str) -> list[Quantity]:
    """Every number expression in text, sorted by start and non-overlapping.

    Figures that are not claims are returned with ``excluded`` set (see EXCLUSION_REASONS);
    "no one", "at one point", "a" and "zero" on their own are not returned at all."""
    if not text:
        return []
    original = text
    text = _unglue(text)
    protected, masks = _protected(text)
    cores = _merge_ranges(text, _scan_cores(text, masks))
    quantities = list(protected)
    for core in cores:
        _apply_hedges(text, core)
        q = _to_quantity(text, core)
        if _finite(q):                 # a range or a hedge may overflow what its parts did not
            quantities.append(q)
    quantities.extend(_times(text, quantities))
    quantities.sort(key=lambda q: (q.start, q.end))
    if text != original:
        for q in quantities:
            q.text = original[q.start:q.end]
    return quantities
