"""The string-level helpers of the entity rules: a mention, its normalised name, and the tests on names
(titles, heads, nested places, spelling variants, surnames). Pure Python, no spaCy.

The rules themselves, and the order they run in, are the registries of :mod:`generator.nlp.rules`; the word
lists these helpers read are data files in ``generator/nlp/lexicons/`` (:mod:`generator.nlp.lexicon`).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from generator.gazetteer import Gazetteer, GazetteerEntry
from generator.model import Kind
from generator.nlp import lexicon

KIND_OF_LABEL: dict[str, Kind] = {
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "ORG": "group",
    "NORP": "group",  # kept only when the gazetteer knows the name (e.g. Taliban, Houthis)
}
PLACE_LABELS = frozenset({"GPE", "LOC"})  # the model's labels of a place's name (not a building's: FAC)
PLACE_EVIDENCE = 2  # votes for "place" when GeoNames knows the name

_TITLE_PHRASES = list(lexicon.entries("titles"))
TITLE_WORDS = frozenset(phrase.rstrip(".") for phrase in _TITLE_PHRASES if " " not in phrase)  # "spokesman"
_TITLE_PHRASE_SET = frozenset(_TITLE_PHRASES)
_TITLE_WORDS = sorted((phrase.split() for phrase in _TITLE_PHRASES), key=len, reverse=True)
# "Lam Cheuk-ting", "Moon Jae-in": a short surname, then a given name of two syllables joined by a hyphen,
# the second in lower case: romanised Chinese and Korean names, which the Census name lists do not hold.
HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]{1,5} [A-Z][a-z]+-(?P<syllable>[a-z]{1,5})")
# What follows a hyphen after a name and is not the rest of it: "Hong Kong-based", "Beijing-style".
NOT_SYLLABLES = lexicon.words("not-syllables")
_SURNAME_PARTICLE = re.compile(rf"^(?:{'|'.join(lexicon.entries('surname-particles'))})-", re.IGNORECASE)
_EDGE_PUNCT = "\"'“”‘’«»()[]{}.,;:!?-–—*_/\\|"
# Time zones and clock words the model takes for organisations.
_NOT_NAMES = lexicon.words("not-names")
# "Dr. Bailey", "Mrs Thatcher": forms of address; "Kermie Worm & Mr" is a span cut before the next name
HONORIFICS = lexicon.words("honorifics")
# "pro-Beijing", "anti-Pyongyang", "Pan-democrat": an adjective, not a name (nor part of the name after it).
ADJECTIVE_PREFIXES = lexicon.words("adjective-prefixes")
# A peer's title: "2nd Earl of Clare", "Earl Spencer" (an ordinal, a word of lexicon "peerages", what it is of)
PEERAGES = lexicon.words("peerages")
ORDINAL = r"\d+(?:st|nd|rd|th)"
_PEER_TITLE = re.compile(rf"^(?:{ORDINAL} )?(?P<title>\w+) (?:of )?[A-Z]")


def peer_title(name: str) -> bool:
    """"2nd Earl of Clare", "Earl Spencer": a peer's title (lexicon ``peerages``), with the place or the name
    it is of."""
    match = _PEER_TITLE.match(name)
    return match is not None and match["title"].casefold() in PEERAGES


# "Space Shuttle Atlantis", "USS Cole": the words that open a craft's name, each with the space after it.
CRAFT_PREFIXES = tuple(f"{prefix} " for prefix in lexicon.entries("craft-prefixes"))
_PREFIXES = "|".join(sorted(ADJECTIVE_PREFIXES))
_PREFIXED_ADJECTIVE = re.compile(rf"^(?:{_PREFIXES})-", re.IGNORECASE)
# "the State of Texas", "the Kingdom of Saudi Arabia": the place itself (a municipality or a province is its
# government or a larger area: not the town).
_OF_PLACE = re.compile(r"^(?:State|Republic|Kingdom|Commonwealth|Emirate|Principality) of "
                       r"(?P<place>[A-Z].*)$")
_LEADING_ADJECTIVE = re.compile(rf"^(?:{_PREFIXES})-\S+\s+(?=[A-Z])", re.IGNORECASE)
_WEB_ADDRESS = re.compile(r"^(?:www\.)?(?P<name>[\w-]+)\.(?:com|org|net|gov|ca|co\.uk|org\.uk|com\.au|co\.nz|ie)$",
                          re.IGNORECASE)
# Words that stand for an institution without naming it: "the State", "the Ministry", "the Administration".
_GENERIC_INSTITUTIONS = lexicon.words("generic-institutions")
_FUNCTION_WORDS = lexicon.words("function-words")
_ADHERENT = re.compile(r"^[A-Z][a-z]+ists?$")
# "Islamophobia", "Zionism": an idea or a movement in general, not an organisation, a place or a person.
_IDEA = re.compile(r"^[A-Z][a-z]+(?:ism|phobia)$")
_MONTHS_DAYS = lexicon.words("months-days")
# Scores after a name ("Croatia 6-4 7-6", "Leeds 2-1"): no name ends on a score.
_TRAILING_SCORES = re.compile(r"(?<=\w)(?:\s+\d{1,3}[-–]\d{1,2})+$")


@dataclass(frozen=True)
class Mention:
    """One mention as the model (or the gazetteer ruler) found it."""

    text: str
    label: str  # spaCy label
    sentence: int  # position of its sentence in the article
    key: str = ""  # gazetteer key, when the entity ruler matched it
    cued: bool = False  # the words around it say its kind ("designer Halston"): one more vote
    guessed: bool = False  # proper nouns the model left out, named by their head word ("Deseret News")
    role: str = ""  # a person's: the role given just before the name ("Iraqi Prime Minister")
    tabled: bool = False  # found in a line of a table: its kind is the prose's, when the prose names it
    placed: bool = False  # a preposition of place stands before it ("in Ravello", "to Sorrento")
    side: bool = False  # a side of a result in a table's line of scores ("Hansa Rostock 1 Cologne 1"): a team


def strip_titles(name: str) -> str:
    words = name.split()
    changed = True
    while changed and len(words) > 1:
        changed = False
        lowered = [w.lower() for w in words]
        for title in _TITLE_WORDS:
            if len(title) < len(words) and lowered[: len(title)] == title:
                words = words[len(title):]
                changed = True
                break
    return " ".join(words)


def given_name_syllable(syllable: str) -> bool:
    """"tat" of "Yeung-tat", "un" of "Jong-un": the rest of a hyphenated given name, not a suffix such as
    "led", "based" or "style"."""
    return (syllable.isalpha() and syllable.islower() and len(syllable) <= 5 and not syllable.endswith("ed")
            and syllable not in NOT_SYLLABLES)


def hyphenated_name(name: str) -> bool:
    """"Lam Cheuk-ting": a name shaped like a romanised Chinese or Korean person's (:data:`HYPHENATED_GIVEN`)."""
    match = HYPHENATED_GIVEN.fullmatch(name)
    return match is not None and given_name_syllable(match["syllable"])


@functools.lru_cache(maxsize=1 << 16)
def normalise(text: str, label: str) -> str:
    """The name a mention stands for, or '' when it is not a name at all. (Cached: a name recurs within an
    article and across the archive, and its regular expressions are most of a mention's cost.)"""
    name = " ".join(text.split())
    if name.startswith(("#", "@")):
        return ""
    name = re.sub(r"^(?:the|The|THE)\s+", "", name)
    name = _LEADING_ADJECTIVE.sub("", name)  # "pro-Beijing New People Party"
    name = _TRAILING_SCORES.sub("", name)  # "beat Ivanisevic of Croatia 6-4 7-6": the model read the score in
    name = re.sub(r"(?:'s|’s|'|’)$", "", name)
    initials = re.search(r"\b(?:[A-Za-z]\.){2,}$", name)  # keep the last dot of "U.S." and "U.N."
    name = name.strip(_EDGE_PUNCT + " ")
    if name.count("(") > name.count(")"):  # "National Institute for Disaster Management (INGD": the name ends
        name = name[:name.rindex("(")].rstrip()  # where the bracket the model ran into opens
    if initials:
        name += "."
    if label == "PERSON":
        name = strip_titles(name)
    elif label in ("GPE", "LOC") and (of_place := _OF_PLACE.match(name)):
        name = of_place.group("place")
    if label != "PERSON" and (name.casefold() in _TITLE_PHRASE_SET
                              or all(word.casefold().rstrip(".") in TITLE_WORDS for word in name.split())):
        return ""  # "Emeritus", "Prime Minister" called a group or a place: a title, not a name
    web = _WEB_ADDRESS.match(name)
    if web:  # "Scientology.org" is the site of Scientology
        name = web.group("name")
    if len(name) < 2 or not any(c.isalpha() for c in name):
        return ""
    if not (name[0].isupper() or name[0].isdigit()):
        return ""
    if name.lower() in _MONTHS_DAYS or name.casefold() in _NOT_NAMES:
        return ""
    words = name.split()
    last = words[-1]
    if len(words) > 1 and (last.isdigit() or last in _FUNCTION_WORDS or last in ("&", "No")
                           or last.casefold().rstrip(".") in HONORIFICS):
        return ""  # a span cut in the wrong place: "North and", "Museum of the", "Lodge No", a score "Sweden 1"
    if len(words) == 1 and _PREFIXED_ADJECTIVE.match(name):
        return ""  # "pro-Beijing", "Pan-democrat": an adjective, not a name
    return name


_COORDINATED = re.compile(
    r"^(?:the )?(?P<a>[A-Z][a-z]+) and (?P<b>[A-Z][a-z]+) (?P<head>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?)$"
)


def coordinated(mention: Mention) -> tuple[Mention, ...]:
    """"North and South Korea" names two places: North Korea and South Korea."""
    match = _COORDINATED.match(mention.text) if mention.label in ("GPE", "LOC") else None
    if match is None:
        return (mention,)
    head = match.group("head")
    return tuple(Mention(f"{match.group(side)} {head}", mention.label, mention.sentence) for side in ("a", "b"))


_OTHER_LABELS = {"PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"}
_GLUED_FOR = re.compile(r"^(?P<first>[A-Z][a-z]+) (?P<last>[A-Z][\w'’-]+) for (?P<group>(?:the )?[A-Z].* .+)$")


def unglued(mention: Mention, person_name: Callable[[str, str], bool],
            given_name: Callable[[str], bool]) -> tuple[Mention, ...]:
    """A person's name glued to an organisation's by the model, either way round, is two mentions, and so
    are two institutions joined by "at".

    "Lydia Smith for Food Standards Australia" (a spokesperson *for* the body) and "the Council on
    American-Islamic Relations Alia Salem" (the body, then its officer's name): the person's part is a given
    name and a surname (:mod:`generator.names`; before "for", a given name and any capitalised word), the
    organisation's part at least two words.
    """
    if mention.label != "ORG" or mention.key:
        return (mention,)
    text = " ".join(mention.text.split())
    match = _GLUED_FOR.match(text)
    if match and given_name(match.group("first")):
        person = f"{match.group('first')} {match.group('last')}"
        return Mention(person, "PERSON", mention.sentence), Mention(match.group("group"), "ORG", mention.sentence)
    if " at " in text:  # "the Block Museum of Art at Northwestern University": two institutions
        inner, outer = text.rsplit(" at ", 1)
        outer_words = outer.split()
        if len(outer_words) >= 2 and outer_words[-1].casefold() in GROUP_HEADS \
                and inner.removeprefix("the ")[:1].isupper():
            return Mention(inner, "ORG", mention.sentence), Mention(outer, "ORG", mention.sentence)
    words = text.split()
    body = words[:-2]
    if len(body) >= 2 and body[-1][:1].isupper() and person_name(words[-2], words[-1]) and (
            body[-1].casefold() in HEADS or any(w in _FUNCTION_WORDS for w in body[1:])):
        return (Mention(" ".join(words[:-2]), "ORG", mention.sentence),
                Mention(" ".join(words[-2:]), "PERSON", mention.sentence))
    return (mention,)


def after_a_person(mention: Mention, people_words: set[str]) -> Mention:
    """"Rathbun the Scientology" called an organisation, where the article calls "Rathbun" a person: the
    organisation is what follows "the" (*Scientology*)."""
    if mention.label != "ORG" or mention.key or " the " not in mention.text:
        return mention
    before, after = mention.text.split(" the ", 1)
    words = before.split()
    if words and all(w.casefold() in people_words for w in words) and after[:1].isupper():
        return Mention(after, mention.label, mention.sentence, cued=mention.cued, guessed=mention.guessed)
    return mention


def headed(mention: Mention, name: str, person_name: Callable[[str, str], bool],
           common_words: frozenset[str] = frozenset()) -> Mention:
    """"Castlefrank Road", "Wat Pho" or "Instituto Gonzaga" called a person: its head word (or a place's
    first word: lexicon ``place-prefixes``) says a place or a group,
    unless the name is a given name and a surname ("Stuart Hall") and the article does not write its head
    word in lower case too ("Art Gallery" beside "the director of the gallery" is the gallery). A longer
    name that ends on such a word is a building or an institution named after a person ("the Harold T.
    Whitcomb Center")."""
    words = name.split()
    if len(words) < 2 or (len(words) == 2 and person_name(words[0], words[-1])
                          and words[-1].casefold() not in common_words):
        return mention
    if words[0].casefold() in GROUP_HEADS or words[-1].casefold() in GROUP_HEADS:
        return Mention(mention.text, "ORG", mention.sentence)
    if words[-1].casefold() in PLACE_HEADS or words[0].casefold() in PLACE_PREFIXES:
        return Mention(mention.text, "FAC", mention.sentence)
    return mention


# The spaCy label a gazetteer entry's kind stands for (the entity ruler's label, a nested entry's mention).
# "other" (a deity, a religion, software...) gets a label that is no kind's: such a name is never kept.
LABEL_OF_KIND: dict[str, str] = {"person": "PERSON", "place": "GPE", "group": "ORG", "other": "MISC"}


def place_words(words: str, gazetteer: Gazetteer, known_place: Callable[[str], bool]) -> bool:
    """"United Kingdom", "US": a place to GeoNames or to the gazetteer."""
    entry = gazetteer.lookup(words)
    return known_place(words) if entry is None else entry.kind == "place"


def group_after_place(name: str, gazetteer: Gazetteer, known_place: Callable[[str], bool]) -> GazetteerEntry | None:
    """The gazetteer's group that a name gives with its country in front: "US National Science Foundation"."""
    if name.count(" ") < 2:
        return None
    words = name.split()
    for cut in (1, 2):
        if len(words) - cut >= 2 and (entry := gazetteer.lookup(" ".join(words[cut:]))) is not None \
                and entry.kind == "group" and place_words(" ".join(words[:cut]), gazetteer, known_place):
            return entry
    return None


def nested_entries(name: str, gazetteer: Gazetteer, own: GazetteerEntry | None) -> list[tuple[str, GazetteerEntry]]:
    """Entries of the gazetteer named inside a longer name (whose own entry is ``own``, if any): the United
    Nations in "United Nations High Commissioner for Refugees", the United States in "US Army". Longest
    first, without overlaps. A group's name and its head word ("BBC News") are that group's own service."""
    words = name.split()
    found: list[tuple[str, GazetteerEntry]] = []
    taken: set[int] = set()
    for size in range(min(len(words) - 1, 6), 0, -1):
        for start in range(len(words) - size + 1):
            if taken.intersection(range(start, start + size)):
                continue
            inner = " ".join(words[start:start + size]).strip(_EDGE_PUNCT)
            entry = gazetteer.lookup(inner) if inner else None
            if entry is None or entry.kind in ("person", "other") or entry == own:
                continue
            taken.update(range(start, start + size))
            if not (entry.kind == "group" and all(w.casefold() in HEADS for w in words[:start] + words[start + size:])):
                found.append((inner, entry))
    return found


COMPASS = lexicon.words("compass")
# Between a station's place and "Station": "Shandao MRT Station", "Kowloon Railway Station".
TRANSIT_WORDS = lexicon.words("transit-words")
# "International Space Station", "Central Police Station": the kind of station, not the place it serves.
STATION_KINDS = lexicon.words("station-kinds")
# Newspapers' last words ("Toronto Star", "Edmonton Sun"), which end a piece of a name before a place.
NEWSPAPER_HEADS = lexicon.words("newspaper-heads")
_SEGMENT_BREAKS = frozenset({"&", "/", "+", "-", "–"}) | lexicon.words("head-modifiers")
_PLACE_PLURALS = lexicon.words("place-plurals")


def team_home(words: Sequence[str]) -> str | None:
    """The words before a capitalised plural that ends a name and is no place's ("Pittsburgh" of "Pittsburgh
    Pirates", "Kansas City" of "Kansas City Chiefs"; not "Saratoga" of "Saratoga Springs"): where a team or
    a band may be from, if it is a place's name."""
    last = words[-1]
    if len(words) < 2 or not last[:1].isupper() or last.isupper() or not last.endswith("s") \
            or last.endswith(("ss", "'s", "’s")) or last.casefold() in _PLACE_PLURALS:
        return None
    home = words[:-1]
    return " ".join(home) if all(w[:1].isupper() for w in home) else None


def nested_places(name: str, place_name: Callable[[str], bool], given_name: Callable[[str], bool],
                  common_words: frozenset[str] = frozenset()) -> list[str]:
    """Places named inside a longer name: "Sheffield" in "University of Sheffield", "Colorado" in "Colorado
    State University", "Canada" in "Comic Corps of Canada".

    The name is cut at its function words and its institutions', buildings' and newspapers' words; a piece
    (not the whole name) that is a GeoNames place's own name (:func:`generator.places.is_place_name`) is a
    place, unless it is a single given name ("Mary" in "Mary & Leigh Block Museum") or a word the article
    also writes in lower case. So is a compass word and a place ("Southern Indiana"); and a place and a
    compass word ("Kowloon East", even as the whole name) lie in that place. A station is named after the
    place it serves: "Shandao Station", "NTU Hospital Station". A school's kind before its head word cuts
    the name too ("Stephenville High School"; lexicon ``head-modifiers``), and a team's name ends on a
    plural after its home (:func:`team_home`: "Pittsburgh Pirates")."""
    words = name.split()
    pieces: list[list[str]] = [[]]
    for word in words:
        folded = word.casefold()
        if folded in HEADS or folded in _FUNCTION_WORDS or folded in _SEGMENT_BREAKS or folded in NEWSPAPER_HEADS \
                or not word[:1].isupper():
            pieces.append([])
        else:
            pieces[-1].append(word)
    found = []
    served = words[:-1]
    while served and served[-1].casefold() in TRANSIT_WORDS:
        served = served[:-1]
    if words[-1].casefold() == "station" and served and all(w[:1].isupper() for w in served) \
            and served[-1].casefold() not in STATION_KINDS \
            and not all(w.casefold() in HEADS or w.casefold() in common_words for w in served) \
            and not (len(served) == 1 and given_name(served[0])):
        found.append(" ".join(served))  # "Shandao Station", "NTU Hospital Station": the place it serves
    if (home := team_home(words)) and place_name(home) and not (" " not in home and given_name(home)) \
            and words[-1].casefold() not in common_words:
        found.append(home)  # "Pittsburgh Pirates": the team's home
    for piece in pieces:
        if len(piece) >= 2 and piece[-1].casefold() in COMPASS and place_name(" ".join(piece[:-1])):
            found.append(" ".join(piece[:-1]))  # "Kowloon East" (even the whole name) lies in Kowloon
            continue
        if not piece or len(piece) == len(words):
            continue
        place = " ".join(piece)
        if place_name(place) and not (len(piece) == 1 and given_name(place)) \
                and not any(w.casefold() in common_words for w in piece):
            found.append(place)
        elif len(piece) >= 2 and piece[0].casefold() in COMPASS and place_name(" ".join(piece[1:])):
            found.append(place)  # "Southern Indiana" in "University of Southern Indiana": a part of a place
    return found


_SHORT_FORMS = dict(entry.split() for entry in lexicon.entries("short-forms"))


def spelled_out(name: str) -> str:
    """A name with its first word written in full ("St Jerome" -> "Saint Jerome"; lexicon ``short-forms``)."""
    first, space, rest = name.partition(" ")
    full = _SHORT_FORMS.get(first.casefold()) if space else None
    return f"{full.capitalize()} {rest}" if full else name


def fold(name: str) -> str:
    """What two spellings of one name share: "New People's Party" / "New People Party", "El-Hassan" / "Elhassan"."""
    return re.sub(r"[\W_]+", "", re.sub(r"['’]s\b", "", name.casefold()))


def initials_of(name: str) -> str:
    """The initials of a name's capitalised words, in order: ``KPA`` of ``Korean People's Army``."""
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w[:1].isupper())


# The last word of a place's or a building's name, and of an institution's: never a person's given name.
PLACE_HEADS = lexicon.words("place-heads")
GROUP_HEADS = lexicon.words("group-heads")
HEADS = PLACE_HEADS | GROUP_HEADS
PLACE_PREFIXES = lexicon.words("place-prefixes")


def person_shaped(words: Sequence[str]) -> bool:
    """Capitalised words, none of them an institution's or a place's (University, Council, Street...)."""
    return all(w[:1].isupper() and w.casefold().strip(".,") not in HEADS for w in words)


def spelling_variants(a: str, b: str) -> bool:
    """"Kristin Wilkins" and "Kristen Wilkins", "Untied Nations" and "United Nations": the same words but
    one, of at least four letters and the same first letter, in which one letter is changed or two
    neighbouring letters are swapped."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b) or len(words_a) < 2:
        return False
    differ = [(x.casefold(), y.casefold()) for x, y in zip(words_a, words_b, strict=True)
              if x.casefold() != y.casefold()]
    if len(differ) != 1:
        return False
    x, y = differ[0]
    if len(x) != len(y) or len(x) < 4 or x[0] != y[0]:
        return False
    at = [i for i, (p, q) in enumerate(zip(x, y, strict=True)) if p != q]
    return len(at) == 1 or (len(at) == 2 and at[1] == at[0] + 1 and x[at[0]] == y[at[1]] and x[at[1]] == y[at[0]])


def misspelled(a: str, b: str) -> bool:
    """"bauchtman" for "buchtmann": two words of seven letters or more, with the same first letter, that one
    or two letters inserted, deleted, changed or swapped with a neighbour turn into each other."""
    if a == b or min(len(a), len(b)) < 7 or a[0] != b[0] or abs(len(a) - len(b)) > 2:
        return False
    # optimal string alignment distance, stopped at 3
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > 2:
            return False
        previous2, previous = previous, current
    return previous[-1] <= 2


def variant_pairs(names: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs of :func:`spelling_variants`, compared only within names of one length and number of words."""
    buckets: dict[tuple[int, int], list[str]] = defaultdict(list)
    for name in sorted(names):
        buckets[(len(name), name.count(" "))].append(name)
    return [(a, b) for bucket in buckets.values() if len(bucket) > 1
            for i, a in enumerate(bucket) for b in bucket[i + 1:] if spelling_variants(a, b)]


def surname(name: str) -> str:
    last = name.split()[-1]
    return _SURNAME_PARTICLE.sub("", last)
