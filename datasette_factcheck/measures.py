"""The measure vocabulary: the words news uses for the quantities it reports, folded into one name each.

"killed", "dead", "died", "death toll" and "lives" all report one measure, so figures given in
different words can be compared. Plugins add vocabulary through the ``factcheck_measures`` hook.
"""
from __future__ import annotations

# measure -> lemmas or lemma phrases (space-separated) that report it
BUILTIN_MEASURES = {
    "killed": [
        "kill", "dead", "die", "death", "death toll", "toll", "fatality", "fatal",
        "killing", "perish", "slay", "murder", "massacre", "execute", "body", "casualty toll",
        "lose life", "claim life", "cost life", "shoot dead", "deadly", "slaughter",
    ],
    "injured": [
        "wound", "injure", "injury", "hurt", "wounded", "injured", "maim", "hospitalise",
        "hospitalize", "hospitalised", "hospitalized", "treat", "casualty",
    ],
    "missing": ["missing", "unaccounted"],
    "arrested": ["arrest", "detain", "detention", "custody", "capture", "apprehend", "seize", "nab", "surrender"],
    "displaced": ["displace", "flee", "homeless", "uproot", "drive", "refugee", "displaced person"],
    "evacuated": ["evacuate", "evacuee", "evacuation"],
    "rescued": ["rescue", "save", "free", "release"],
    "charged": ["charge", "indict", "prosecute", "convict", "sentence"],
    "affected": ["affect"],
}

# Counted nouns that are themselves the measure: "two explosions", "four bomb attacks".
COUNTED_NOUNS = {
    # blasts, bombs and attacks are one count in news of an attack: "four blasts", "four bomb attacks"
    "attacks": [
        "blast", "explosion", "bomb blast", "detonation", "bomb", "car bomb", "device", "ied",
        "attack", "bombing", "car bombing", "assault", "explosive",
    ],
    "strikes": ["airstrike", "air strike", "strike", "raid", "air raid", "missile", "rocket", "shell", "sortie"],
    "shootings": ["shooting", "gunfight", "firefight"],
    # whoever did it: "four robbers" and "four thieves" are one count, as "gunmen" and "attackers" are
    "perpetrators": ["attacker", "bomber", "suicide bomber", "gunman", "assailant", "suicide attacker", "perpetrator",
                     "robber", "thief", "burglar", "raider", "bandit", "hijacker", "kidnapper", "arsonist", "looter"],
    "vehicles": ["vehicle", "car", "truck", "bus", "ship", "boat", "vessel", "aircraft", "plane", "helicopter"],
    "buildings": ["building", "house", "home", "shop", "store", "school", "church", "hospital", "apartment"],
    "countries": ["country", "nation"],
}

# Who can be killed, wounded or arrested: counted nouns that take the measure of their verb.
# Generic ones ("people") compare with each other; specific ones ("civilians") only with themselves.
GENERIC_PERSONS = {"people", "person", "persons", "victim", "individual", "casualty", "life", "other", "body", "population"}
PERSON_NOUNS = GENERIC_PERSONS | {
    "civilian", "child", "kid", "woman", "man", "boy", "girl", "adult", "baby", "infant", "teenager",
    "student", "pupil", "teacher", "worker", "employee", "staff", "resident", "citizen", "national",
    "soldier", "troop", "service member", "servicemember", "member", "marine", "sailor", "officer",
    "policeman", "police", "militant", "fighter", "rebel", "insurgent", "militiaman", "militia",
    "guard", "protester", "demonstrator", "rioter", "refugee", "migrant", "passenger", "pilot",
    "crew", "hostage", "pirate", "suspect", "prisoner", "inmate", "patient", "doctor", "nurse",
    "journalist", "reporter", "tourist", "visitor", "worshipper", "pilgrim", "villager", "family",
    "miner", "firefighter", "customer", "bystander", "gunman", "attacker", "bomber", "personnel",
    "afghan", "american", "iraqi", "syrian", "israeli", "palestinian", "citizen", "shopper",
}


# Different words for one group of people, folded so that outlets' wordings compare.
PERSON_CLASSES = {
    "military": {"troop", "soldier", "service member", "servicemember", "serviceman", "military personnel",
                 "personnel", "military", "servicewoman"},
    "police": {"police", "policeman", "police officer", "officer", "policemen"},
    "civilian": {"civilian", "non-combatant"},
    "child": {"child", "kid", "minor"},
}
NATIONALITY = {"us": "us", "u.s.": "us", "u.s": "us", "american": "us", "united states": "us", "uk": "uk", "british": "uk"}


# Groups that news counts as a part of a toll ("39 of the dead were civilians"): a figure about
# them is a different quantity from the whole. Other descriptions ("three bank workers") are not.
SUBSET_GROUPS = {
    "civilian", "child", "woman", "man", "boy", "girl", "military", "police", "militant", "fighter",
    "rebel", "militiaman", "insurgent", "soldier", "marine", "foreigner", "tourist", "journalist",
    "student", "pupil", "teenager", "baby", "infant", "adult", "attacker", "gunman", "bomber",
    "hostage", "prisoner", "pirate", "suspect", "american", "afghan",
}


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


def measure_for_lemma(lemma: str, vocabulary: dict) -> str | None:
    lemma = lemma.lower()
    for name, words in vocabulary.items():
        if lemma in words:
            return name
    return None
