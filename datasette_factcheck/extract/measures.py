"""The measure vocabulary: the words news uses for the quantities it reports, folded into one name each.

"killed", "dead", "died", "death toll" and "lives" all report one measure, so figures given in
different words can be compared. The words live in ``vocabulary/measures.json`` (versioned data, so
a newsroom edits a list, not code); plugins add more through the ``factcheck_measures`` hook.
"""
from __future__ import annotations

import json
from pathlib import Path

VOCABULARY_FILE = Path(__file__).parent / "vocabulary" / "measures.json"
VOCABULARY = json.loads(VOCABULARY_FILE.read_text(encoding="utf-8"))
VERSION = VOCABULARY["version"]

# measure -> lemmas or lemma phrases (space-separated) that report it
BUILTIN_MEASURES = {name: m["words"] for name, m in VOCABULARY["measures"].items()}
# measure -> what a figure of it is: its group, unit class and kind (count, rate, level or change)
MEASURE_INFO = {name: {k: v for k, v in m.items() if k not in ("words", "change_of", "counted")}
                for name, m in VOCABULARY["measures"].items()}
# noun -> the measure it counts the units of when they change: 'added 266,000 jobs' (jobs added)
COUNTED_UNITS = {word: name for name, m in VOCABULARY["measures"].items() for word in m.get("counted", ())}
# thing -> the measure its change is: 'the economy added 266,000' (jobs added), in that measure's unit class
CHANGE_OF = {phrase: name for name, m in VOCABULARY["measures"].items() for phrase in m.get("change_of", ())}

# Counted nouns that are themselves the measure: "two explosions", "four bomb attacks".
COUNTED_NOUNS = VOCABULARY["counted_nouns"]

# Who can be killed, wounded or arrested: counted nouns that take the measure of their verb.
# Generic ones ("people") compare with each other; specific ones ("civilians") only with themselves.
GENERIC_PERSONS = set(VOCABULARY["generic_persons"])
PERSON_NOUNS = GENERIC_PERSONS | set(VOCABULARY["person_nouns"])

# Different words for one group of people, folded so that outlets' wordings compare.
PERSON_CLASSES = {name: set(words) for name, words in VOCABULARY["person_classes"].items()}
NATIONALITY = VOCABULARY["nationality"]

# Groups that news counts as a part of a toll ("39 of the dead were civilians"): a figure about
# them is a different quantity from the whole. Other descriptions ("three bank workers") are not.
SUBSET_GROUPS = set(VOCABULARY["subset_groups"])

# The word that says what a sum of money is ("damage", "ransom"), and the measure a unit implies.
MONEY_MEASURES = VOCABULARY["money_measures"]
UNIT_MEASURES = VOCABULARY["unit_measures"]

# How a bare figure says what it measures: 'claims fell to 473,000' (a level), 'prices rose 0.9%'
# (a change), 'the seven-day average of new cases stood at 132,135' (the cases' average); and which
# words make a figure a forecast ('economists had expected claims to fall to 475,000').
CHANGE_VERBS = set(VOCABULARY["change_verbs"])
LEVEL_VERBS = set(VOCABULARY["level_verbs"])
CHANGE_NOUNS = set(VOCABULARY["change_nouns"])
CONTAINER_NOUNS = set(VOCABULARY["container_nouns"])
FORECAST_WORDS = set(VOCABULARY["forecast_words"])
# 'the 6.1% economists had expected', 'the 1 million that analysts projected': who makes forecasts
FORECASTERS = VOCABULARY["forecasters"]
# The parts a thing is counted in, hyphened after a number: 'a one-storey shop', 'a one-bedroom flat'
PART_NOUNS = set(VOCABULARY["part_nouns"])

# The span a figure counts over or compares across: 'from the month before' (a month), 'year over
# year' (a year), 'annual' (a year), so a monthly change and a yearly one are told apart.
_PERIODS = VOCABULARY["reference_periods"]
PERIOD_PHRASES = {phrase.replace("{u}", word): period
                  for period, words in _PERIODS["periods"].items() for word in words
                  for phrase in _PERIODS["phrases"]}
PERIOD_PHRASES.update(_PERIODS["adjectives"])

# 'The Senate voted 69-30', 'passed 69 to 30': a tally's words; 'a poll of 1,000 adults': its sample
TALLY_WORDS = set(VOCABULARY["tally_words"])
POLL_NOUNS = set(VOCABULARY["poll_nouns"])
# 'at least one dose': a count per person, at or under this many, defines whom a figure counts
REGIMEN_COUNTS = {k: v for k, v in VOCABULARY["regimen_counts"].items() if k != "about"}
# What a bare figure before it gives the magnitude of: "a 4.6 quake", "a 2.9 aftershock"
MAGNITUDE_NOUNS = set(VOCABULARY["magnitude_nouns"])
# What a bore in millimetres names rather than measures: 'a 5.56mm rifle', '9mm rounds', a '.45-calibre pistol'
CALIBRE_NOUNS = set(VOCABULARY["calibre_nouns"])


def person_class(phrase: str) -> str:
    """'U.S. service members', 'US troops', 'US military personnel' -> 'us military'."""
    words = phrase.lower().split()
    nation = next((NATIONALITY[w] for w in words if w in NATIONALITY), None)
    rest = " ".join(w for w in words if w not in NATIONALITY)
    for name, members in PERSON_CLASSES.items():
        if rest in members or (rest.split() and rest.split()[-1] in members and rest.split()[-1] != "officer"):
            rest = name
            break
    if rest not in SUBSET_GROUPS and (not rest.split() or rest.split()[-1] not in SUBSET_GROUPS):
        return nation or ""  # a description of the people counted, not a subset of them
    return f"{nation} {rest}".strip() if nation else rest
