"""Given names and surnames, from the ``names`` package (the US Census 1990 lists of first names and of
surnames; the data ships in the package, nothing is downloaded) and ``gender-guesser`` (the given names of
some 50 countries, which the Census lacks: "Thibaut"), and the nicknames of English given names,
from the ``nicknames`` package (a hand-curated list: "Larry" is a nickname of Lawrence and of Laurence).

Used as evidence when an entity's kind is decided: a two- or three-word name that the model called an
organisation, that opens on a given name and ends on a surname ("Dean Kamen", "Annie Oakley"), with no
institution's word and no word the article also writes in lower case, is a person.
"""

from __future__ import annotations

import functools
import re
import string
from pathlib import Path

import gender_guesser
import names
from nicknames import NickNamer
from spacy.lang.en.stop_words import STOP_WORDS

from generator.text import unaccented


@functools.lru_cache(maxsize=2)
def _words(*lists: str) -> frozenset[str]:
    found: set[str] = set()
    for which in lists:
        for line in Path(names.FILES[which]).read_text(encoding="ascii").splitlines():
            if line.strip():
                found.add(line.split()[0].casefold())
    return frozenset(found)


@functools.lru_cache(maxsize=1)
def _world_given_names() -> frozenset[str]:
    """The given names of some 50 countries in ``gender-guesser``'s copy of Jörg Michael's ``nam_dict.txt``
    (GNU FDL), case-folded and unaccented: "Thibaut", "Dries". A ``+`` joins a name's parts ("Abd+al"). Only
    names a country gives more than rarely (a frequency of 2 or more on the file's scale of 1 to 13, column
    31 on): the rarest include place names ("Sheffield"). Not English function words ("The", "Even": spaCy's
    stop words)."""
    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    found: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        frequencies = {int(f, 16) for f in line[30:].strip("$ ") if f in string.hexdigits}
        if line[:1] not in ("#", "=", "") and len(fields := line.split()) > 1 and max(frequencies, default=0) >= 2:
            name = unaccented(fields[1]).casefold()
            found.update({name.replace("+", "-"), name.replace("+", "")})
    return frozenset(found - STOP_WORDS)


def is_given_name(word: str) -> bool:
    """A given name of the Census lists or of :func:`_world_given_names`, accents aside ("Siméon"); not a
    word of three capitals or more, which is an abbreviation ("ING", "BNP"; text in capitals is set in its
    proper case before it is read: generator.truecase)."""
    if len(word) >= 3 and word.isupper():
        return False
    folded = unaccented(word).casefold()
    return folded in _words("first:male", "first:female") or folded in _world_given_names()


@functools.lru_cache(maxsize=1)
def _common_nouns() -> frozenset[str]:
    """The words Webster's Second International Dictionary lists in lower case (the ``english-words``
    package's ``web2`` list: 210,000 words, read in a quarter of a second)."""
    from english_words import get_english_words_set  # only when a name is asked about: it takes 0.25 s

    return frozenset(word for word in get_english_words_set(["web2"], lower=False) if word.islower())


def is_common_noun(word: str) -> bool:
    """A word the dictionary lists in lower case ("water", "spouse", "apple"; not "Gorbachev")."""
    return word.casefold() in _common_nouns()


COMMON_SURNAMES = 10_000  # the Census's commoner surnames: 0.002% of people or more ("Croft", not "Times")


@functools.lru_cache(maxsize=1)
def _surname_ranks() -> dict[str, int]:
    """Each surname of the Census list (case-folded) and its rank, commonest first."""
    ranks: dict[str, int] = {}
    for line in Path(names.FILES["last"]).read_text(encoding="ascii").splitlines():
        if fields := line.split():
            ranks[fields[0].casefold()] = int(fields[-1])
    return ranks


def is_surname(word: str) -> bool:
    """A surname of the Census lists, accents aside ("Gálvez")."""
    return unaccented(word).casefold() in _surname_ranks()


def is_common_surname(word: str) -> bool:
    """One of the :data:`COMMON_SURNAMES` commonest surnames of the Census list, accents aside."""
    return _surname_ranks().get(unaccented(word).casefold(), COMMON_SURNAMES + 1) <= COMMON_SURNAMES


INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")


def is_person_name(first: str, last: str) -> bool:
    """``Dean``, ``Kamen`` or ``K.C.``, ``Maurer``: a given name or initials, then a surname (a middle initial
    between them is the caller's)."""
    return (is_given_name(first) or INITIALS.fullmatch(first) is not None) and is_surname(last)


@functools.lru_cache(maxsize=1)
def _nicknamer() -> NickNamer:
    return NickNamer()


@functools.lru_cache(maxsize=4096)
def one_given_name(a: str, b: str) -> bool:
    """``a`` and ``b`` are one given name: the same, or one listed as a nickname of the other ("Larry",
    "Lawrence"; "Bill", "William"); two nicknames of one name are not ("Larry" and "Lon")."""
    a, b = a.casefold(), b.casefold()
    if a == b:
        return True
    namer = _nicknamer()
    return b in namer.nicknames_of(a) or a in namer.nicknames_of(b)
