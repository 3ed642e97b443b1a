"""The measure vocabulary: the words news uses for the quantities it reports, folded into one name each.

"killed", "dead", "died", "death toll" and "lives" all report one measure, so figures given in
different words can be compared. Plugins add vocabulary through the ``factcheck_measures`` hook.
"""
from __future__ import annotations

# measure -> lemmas or lemma phrases (space-separated) that report it
BUILTIN_MEASURES = {
    "killed": [
        "kill", "dead", "die", "death", "death toll", "toll", "life", "fatality", "fatal",
        "killing", "perish", "slay", "murder", "massacre", "execute", "body", "casualty toll",
        "lose life", "claim life", "cost life", "shoot dead", "deadly", "slaughter",
    ],
    "injured": [
        "wound", "injure", "injury", "hurt", "wounded", "injured", "maim", "hospitalise",
        "hospitalize", "hospitalised", "hospitalized", "treat", "casualty",
    ],
    "missing": ["missing", "unaccounted"],
    "arrested": ["arrest", "detain", "detention", "custody", "capture", "apprehend", "seize"],
    "displaced": ["displace", "flee", "homeless", "uproot", "drive"],
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
    "attackers": ["attacker", "bomber", "suicide bomber", "gunman", "assailant", "suicide attacker", "perpetrator"],
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


def measure_for_lemma(lemma: str, vocabulary: dict) -> str | None:
    lemma = lemma.lower()
    for name, words in vocabulary.items():
        if lemma in words:
            return name
    return None
