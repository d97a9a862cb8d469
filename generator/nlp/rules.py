"""The entity rules of one article, as ordered registries of named rules, run in one place (:func:`group_mentions`).

Mentions (what the model and the gazetteer ruler found) become the article's entities in five stages, each
a registry below; a rule is a small function with its name, and its one-line example (mentions, then what
the rule makes of them), which ``tests/test_rules.py`` runs with every rule and again without that one:

1. :data:`SPLITS` cut a mention the model glued together into the mentions it holds;
2. :data:`LABELS` correct a mention's label from the words of its name;
3. :data:`LOOKUPS` find the gazetteer's entry a name stands for, when the plain lookup finds none;
4. :data:`DROPS` leave out what is not a name (a nationality, an idea, a word of the prose);
5. :data:`INSIDE` add the places and gazetteer entries named inside a longer name, the names of events and
   works included (they are not indexed themselves: "the Vietnam War" names Vietnam);
6. :data:`MERGES` join the names that are one entity (the same name, an abbreviation, a surname);

then each entity's kind is voted (:data:`PEOPLE` adds the names the evidence says are people's) and its
name and aliases chosen (:mod:`generator.kinds`, as for the archive). The string-level helpers the rules
call are in :mod:`generator.nlp.entities`; the word lists in ``generator/nlp/lexicons/``.

An example reads ``Text/LABEL; Text/LABEL -> expectation``: a label may be followed by ``+`` (cued by the
words around it), ``?`` (guessed by a rule of the analysis, not the model) or ``@`` (after a preposition of
place: "in", "to", "from"), ``=key`` (a gazetteer entry).
``lower: words;`` in front lists words the article also writes in lower case, ``pair: Long/Short;`` an
abbreviation pair written in parentheses. Expectations: ``A = B`` (one entity), ``no A`` (no entity named
A), ``A is kind``, ``A named B`` (the entity A belongs to is named B); ``A`` is a name or an alias of the
entity, or the text of one of its mentions (an alias several people share is no one's: "Moreau").
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from generator.gazetteer import Gazetteer, GazetteerEntry
from generator.kinds import aliases_of, looks_like_abbreviation, merge_same_key, vote_kind
from generator.model import ArticleEntity
from generator.nlp import lexicon
from generator.nlp.entities import (
    _ADHERENT,
    _GENERIC_INSTITUTIONS,
    _IDEA,
    _OTHER_LABELS,
    CRAFT_PREFIXES,
    GROUP_HEADS,
    HEADS,
    KIND_OF_LABEL,
    LABEL_OF_KIND,
    PLACE_EVIDENCE,
    PLACE_HEADS,
    PLACE_LABELS,
    PLACE_PREFIXES,
    TITLE_WORDS,
    Mention,
    after_a_person,
    coordinated,
    fold,
    group_after_place,
    headed,
    hyphenated_name,
    initials_of,
    misspelled,
    nested_entries,
    nested_places,
    normalise,
    peer_title,
    person_shaped,
    spelled_out,
    strip_titles,
    surname,
    unglued,
    variant_pairs,
)
from generator.text import slugify

CAMPUS_HEADS = frozenset({"university", "college"})  # a name that goes on "at" its campus ("... at Greensboro")
GENERATIONS = lexicon.words("generations")  # "Johann II Bernoulli", "Martin Luther King Jr"

@dataclass(frozen=True)
class Context:
    """What the rules know besides the mentions: the gazetteer, GeoNames and the name lists, and the words
    the article also writes in lower case."""

    gazetteer: Gazetteer
    known_place: Callable[[str], bool] = lambda name: False  # GeoNames knows it as a place
    common_words: frozenset[str] = frozenset()  # words the article also writes in lower case
    person_name: Callable[[str, str], bool] = lambda first, last: False  # a given name and a surname
    given_name: Callable[[str], bool] = lambda word: False
    place_name: Callable[[str], bool] = lambda name: False  # a GeoNames place's own name
    # the GeoNames places a name can mean, the likeliest first (generator.places.meanings)
    place_meanings: Callable[[str], tuple[int, ...]] = lambda name: ()
    # one given name, or one a nickname of the other (generator.names.one_given_name)
    one_given_name: Callable[[str, str], bool] = lambda a, b: a.casefold() == b.casefold()
    # a surname the US Census lists among its commoner ones (generator.names.is_common_surname)
    common_surname: Callable[[str], bool] = lambda word: False
    # the country (ISO code) of the place a name likeliest means, or "" (generator.places.country_of)
    place_country: Callable[[str], str] = lambda name: ""
    # the places of 1,000 people or more a name can mean in one of the countries (generator.places.small_places)
    small_places: Callable[[str, frozenset[str]], tuple[int, ...]] = lambda name, countries: ()
    # GeoNames has another place of the name's own, a tenth as populous or more (generator.places.distinct_place)
    distinct_place: Callable[[str, int], bool] = lambda name, meant: False
    # the people of the most populous place whose own name it is (generator.places.population)
    place_population: Callable[[str], int] = lambda name: 0
    # a word the dictionary lists in lower case (generator.names.is_common_noun)
    common_noun: Callable[[str], bool] = lambda word: False


class Kept(NamedTuple):
    index: int  # the mention's position in the article's mentions; -1: found inside another name
    mention: Mention
    name: str
    key: str  # the gazetteer entry's key, or ""


@dataclass(frozen=True)
class Rule:
    name: str
    example: str
    run: Callable[..., object]


def rule(registry: list[Rule], name: str, example: str) -> Callable[[Callable[..., object]], Callable[..., object]]:
    """Register a function as the rule ``name`` of ``registry``, in the order of this file."""
    def register(run: Callable[..., object]) -> Callable[..., object]:
        registry.append(Rule(name, example, run))
        return run
    return register


def bare(text: str) -> str:
    """A mention's words as its other mentions share them: folded, without "the" in front."""
    return fold(text.removeprefix("the ").removeprefix("The "))


class Mentions:
    """Article-wide facts about the model's mentions that the per-mention rules read."""

    def __init__(self, mentions: Sequence[Mention], context: Context,
                 pairs: Sequence[tuple[str, str]] = ()) -> None:
        self.mentions = mentions
        self.context = context
        self.pairs = pairs  # (long form, short form) of each abbreviation the article spells out

    @functools.cached_property
    def term_abbreviations(self) -> set[str]:
        """Short forms the article spells out in lower case, or in words of the dictionary only that the
        model read as a person's name: a term's, not a name's ("bovine spongiform encephalopathy (BSE)",
        "Bovine Spongiform Encephalopathy (BSE)", "improvised explosive device (IED)")."""
        people = {m.text for m in self.mentions if m.label == "PERSON"}
        return {short for long, short in self.pairs
                if not any(word[:1].isupper() for word in long.split() if word[:1].isalpha())
                or (long in people and dictionary_words(long.split(), self.context))}

    @functools.cached_property
    def lone_people(self) -> set[str]:
        """Names the model calls a person's, case aside ("Mertens")."""
        return {normalise(m.text, "PERSON").casefold() for m in self.mentions if m.label == "PERSON"} - {""}

    @functools.cached_property
    def works(self) -> set[str]:
        """Names the words around a mention call a work's, a product's or an event's (folded), and a craft's
        name without the words that open it ("Atlantis" of "Space Shuttle Atlantis")."""
        cued = [m.text for m in self.mentions if m.label == "WORK_OF_ART" and m.cued]
        crafts = [text.removeprefix(prefix) for text in cued for prefix in CRAFT_PREFIXES if text.startswith(prefix)]
        return {bare(text) for text in (*cued, *crafts)}

    @functools.cached_property
    def surnames(self) -> set[str]:
        """The last word of every full name the model calls a person's (folded)."""
        names = (normalise(m.text, "PERSON").casefold().split() for m in self.mentions if m.label == "PERSON")
        return {words[-1] for words in names if len(words) > 1}

    @functools.cached_property
    def people_words(self) -> set[str]:
        """Every word of a name the model calls a person's."""
        return {w for m in self.mentions if m.label == "PERSON" for w in normalise(m.text, "PERSON").casefold().split()}


# -- 1. splits: Mention -> the mentions it holds --------------------------------------------------------------
SPLITS: list[Rule] = []


@rule(SPLITS, "name-after-a-person", "Rathbun/PERSON; Rathbun the Scientology/ORG -> Scientology is group")
def _after_a_person(mention: Mention, facts: Mentions) -> tuple[Mention, ...]:
    return (after_a_person(mention, facts.people_words),)


@rule(SPLITS, "person-glued-to-a-group",
      "Lydia Smith for Food Standards Australia/ORG -> Lydia Smith is person")
def _unglued(mention: Mention, facts: Mentions) -> tuple[Mention, ...]:
    return unglued(mention, facts.context.person_name, facts.context.given_name)


@rule(SPLITS, "coordinated-places", "North and South Korea/GPE -> North Korea is place")
def _coordinated(mention: Mention, facts: Mentions) -> tuple[Mention, ...]:
    return coordinated(mention)


@rule(SPLITS, "names-either-side-of-a-slash",
      "Newsmax / Zogby/ORG -> Zogby is group")
def _slash(mention: Mention, facts: Mentions) -> tuple[Mention, ...]:
    """"McCutchan Art Center / Pace Galleries", "Newsmax / Zogby": a slash between spaces parts two names
    (a joint venture or a poll's two sponsors), each of the mention's label."""
    if " / " not in mention.text or mention.key:
        return (mention,)
    return tuple(replace(mention, text=part.strip()) for part in mention.text.split(" / ") if part.strip())


@rule(SPLITS, "places-either-side-of-to",
      "Council Bluffs to Davenport/ORG -> no Council Bluffs to Davenport")
def _from_to(mention: Mention, facts: Mentions) -> tuple[Mention, ...]:
    """"from Council Bluffs to Davenport", "Ilkley to Saddleworth": a span the model read across "to" is two
    places when GeoNames knows each side as a place's own name (not "Coast to Coast", "Back to Basics")."""
    text = mention.text.removeprefix("the ")
    if mention.key or " to " not in text:
        return (mention,)
    sides = [side.strip() for side in text.split(" to ")]
    if len(sides) != 2 or not all(side[:1].isupper() and facts.context.place_name(side) for side in sides):
        return (mention,)
    return tuple(replace(mention, text=side, label="GPE") for side in sides)


@rule(SPLITS, "a-name-at-a-place", "Sussex at Hove/ORG -> Sussex is group")
def _at_a_place(mention: Mention, facts: Mentions) -> tuple[Mention, ...]:
    """"against Sussex at Hove", "the Orioles at Baltimore": a span the model read across "at" is a name and
    the place it is at, when GeoNames knows the side after "at" as a place's own name; not a university at its
    campus ("the University of North Carolina at Greensboro", one name: span rule university-at-its-campus)."""
    before, at, after = mention.text.partition(" at ")
    if not at or mention.key or " at " in after or not (before[:1].isupper() and after[:1].isupper()) \
            or not facts.context.place_name(after) or any(w.casefold() in CAMPUS_HEADS for w in before.split()):
        return (mention,)
    return replace(mention, text=before), replace(mention, text=after, label="GPE")


@rule(SPLITS, "two-groups-either-side-of-a-comma",
      "the Air Force Academy, Squadron Officer School/ORG -> Squadron Officer School is group")
def _comma(mention: Mention, facts: Mentions) -> tuple[Mention, ...]:
    """A group's name after a comma that ends on an institution's word (lexicon ``group-heads``) is a group of
    its own, listed after another ("the Air Force Academy, Squadron Officer School"); not a place after the
    comma ("Trinity College, Cambridge", "the University of California, Berkeley")."""
    before, comma, after = mention.text.partition(", ")
    words = after.split()
    if not comma or mention.key or mention.label != "ORG" or len(words) < 2 or ", " in after \
            or words[-1].casefold() not in GROUP_HEADS or facts.context.known_place(after):
        return (mention,)
    return replace(mention, text=before), replace(mention, text=after)


# -- 2. labels: Mention -> Mention (``name`` is None before the name is read) --------------------------------
LABELS: list[Rule] = []


@rule(LABELS, "named-as-a-work-elsewhere", "Hajj/WORK_OF_ART+; Hajj/PERSON -> no Hajj")
def _work_elsewhere(mention: Mention, name: str | None, facts: Mentions) -> Mention:
    """A name the words around one of its mentions call a work's, a product's or an event's ("the Hajj
    pilgrimage": the span rule ``work-or-product-cue``) is one in every sentence of the article."""
    if name is None and mention.label != "WORK_OF_ART" and bare(mention.text) in facts.works:
        return replace(mention, label="WORK_OF_ART")
    return mention


@rule(LABELS, "title-before-a-persons-name",
      "Joshua Norton/PERSON; Emperor Norton/ORG -> Norton named Joshua Norton")
def _title_before_a_person(mention: Mention, name: str | None, facts: Mentions) -> Mention:
    """A title before the last word of a name the model calls a person's elsewhere in the article ("known as
    Emperor Norton", "President Obama" called a group) is that person's title and name."""
    if name is not None or mention.key or mention.label not in ("ORG", "GPE", "NORP"):
        return mention
    rest = strip_titles(mention.text.removeprefix("the ").removeprefix("The "))
    words = rest.split()
    if rest != mention.text and 1 <= len(words) <= 3 and person_shaped(words) \
            and words[-1].casefold() in facts.people_words:
        return replace(mention, label="PERSON")
    return mention


EVENT_HEADS, AWARD_HEADS = lexicon.words("event-heads"), lexicon.words("award-heads")


@rule(LABELS, "named-as-an-event-or-an-award", "the Royal Gold Medal/ORG -> no Royal Gold Medal")
def _event_or_award(mention: Mention, name: str | None, facts: Mentions) -> Mention:
    """A name of two words or more that ends on an event's or an award's word (lexicons ``event-heads``,
    ``award-heads``: "the Avignon Festival", "the Teen Choice Awards", "the Newcomer of the Year award"), or
    has an award's word before "for" or "in" ("the BAFTA Award for Best Actress"), is an event's, whatever
    the model called it."""
    words = [w.casefold().strip(".,'’") for w in mention.text.split()]
    if name is not None or mention.key or len(words) < 2:
        return mention
    if words[-1] in EVENT_HEADS | AWARD_HEADS or any(
            word in AWARD_HEADS and after in ("for", "in") for word, after in itertools.pairwise(words[1:])):
        return replace(mention, label="EVENT")
    return mention


WORK_HEADS = lexicon.words("work-heads")


@rule(LABELS, "named-as-a-work", "the Dvorak Symphony/PERSON -> no Dvorak Symphony")
def _work(mention: Mention, name: str | None, facts: Mentions) -> Mention:
    """A name that ends on a word for a work (lexicon ``work-heads``: "the First Symphony", "The Inspector
    Lynley Mysteries", "Overtures") is a work's, whatever the model called it."""
    words = normalise(mention.text, mention.label).split()
    if name is None and not mention.key and words and words[-1][:1].isupper() \
            and words[-1].casefold() in WORK_HEADS:
        return replace(mention, label="WORK_OF_ART", cued=True)
    return mention


@rule(LABELS, "full-name-of-a-surname-called-a-person",
      "Dries Mertens/PRODUCT; Mertens/PERSON -> Dries Mertens is person")
def _full_name_of_a_person(mention: Mention, name: str | None, facts: Mentions) -> Mention:
    """A full name the model gave a label of no kind is a person's when its last word alone is a person (not a
    work's that its words say is one: "the First Symphony")."""
    if name is not None or mention.label not in _OTHER_LABELS or mention.key or mention.cued:
        return mention
    words = normalise(mention.text, "PERSON").split()
    if 2 <= len(words) <= 3 and person_shaped(words) and words[-1].casefold() in facts.lone_people:
        return Mention(mention.text, "PERSON", mention.sentence)
    return mention


@rule(LABELS, "head-word-of-a-name-of-no-kind", "the Sydney Morning Herald/EVENT -> Sydney Morning Herald is group")
def _head_word_of_no_kind(mention: Mention, name: str | None, facts: Mentions) -> Mention:
    """A name of two words or more with a label of no kind: its head word says a group (or a place); not
    when the words around it say a work ("The Winter Harbour (1962)")."""
    if name is not None or mention.label not in _OTHER_LABELS or mention.key or mention.cued:
        return mention
    words = normalise(mention.text, "PERSON").split()
    if len(words) >= 2 and words[-1].casefold() in HEADS:
        return Mention(mention.text, "ORG" if words[-1].casefold() in GROUP_HEADS else "FAC", mention.sentence)
    return mention


@rule(LABELS, "building-called-a-group", "the Al Wakrah Stadium/ORG -> Al Wakrah Stadium is place")
def _building_called_a_group(mention: Mention, name: str | None, facts: Mentions) -> Mention:
    """A name of two words or more that ends on a place's or a building's word (lexicon ``place-heads``:
    "stadium", "museum", "bridge") is a place, though the model called it an organisation; not when the words
    around it say a group ("the Red Canyon militia")."""
    if name is not None or mention.label != "ORG" or mention.key or mention.cued:
        return mention
    words = normalise(mention.text, "ORG").split()
    if len(words) >= 2 and words[-1][:1].isupper() and words[-1].casefold() in PLACE_HEADS:
        return replace(mention, label="FAC")
    return mention


PLACE_HEADS_FIRST = lexicon.words("place-heads-first")
NAME_WORDS = TITLE_WORDS | HEADS | PLACE_PREFIXES | PLACE_HEADS_FIRST  # words that say what a name names


@rule(LABELS, "building-named-by-its-first-word", "Palazzo Avino/PERSON -> Palazzo Avino is place")
def _building_by_its_first_word(mention: Mention, name: str | None, facts: Mentions) -> Mention:
    """A name of capitalised words that opens on a building's or a square's word (lexicon
    ``place-heads-first``: "Villa Rufolo", "Hotel Poseidon", "Piazza Navona") is a place, though the model
    called it a person's or an organisation's; not when the words before it say a person (*designer Villa
    Rufolo*)."""
    if name is not None or mention.label not in ("ORG", "PERSON") or mention.key or mention.cued:
        return mention
    words = normalise(mention.text, mention.label).split()
    if len(words) >= 2 and words[0].casefold() in PLACE_HEADS_FIRST and all(w[:1].isupper() for w in words):
        return replace(mention, label="FAC")
    return mention


@rule(LABELS, "a-people-in-the-plural", "the Palestinians/NORP -> Palestinians is person")
def _a_people(mention: Mention, name: str | None, facts: Mentions) -> Mention:
    """A people, a nation or the followers of a faith that the model calls a nationality, named by a plural
    noun ("the Palestinians", "Muslims"; not an adjective: "Iraqi", "Swiss"), are people, as the dev sets'
    annotators count them. Not the followers of an idea ("Islamists": rule followers-not-the-group)."""
    words = mention.text.removeprefix("the ").split()
    if name is None and not mention.key and mention.label == "NORP" and len(words) == 1 \
            and re.fullmatch(r"[A-Z][a-z]+[^s]s", words[0]) and not _ADHERENT.match(words[0]):
        return replace(mention, label="PERSON")
    return mention


@rule(LABELS, "a-word-of-the-dictionary-called-a-person", "Water/PERSON -> no Water")
def _dictionary_word(mention: Mention, name: str | None, facts: Mentions) -> Mention:
    """One word the model calls a person's that the dictionary lists in lower case ("Water said", "Spouse",
    "Apple's iPhone"), that is no given name, no common surname and no last word of a person's full name in
    the article, and that no title, occupation or role says is a person's, is no person: a thing or a
    typing slip. ("Halston", "Gorbachev" are no words of the dictionary.)"""
    context = facts.context
    if name is not None or mention.key or mention.label != "PERSON" or mention.cued or mention.role:
        return mention
    word = normalise(mention.text, "PERSON")
    if " " in word or not word or not context.common_noun(word) or context.given_name(word) \
            or context.common_surname(word) or word.casefold() in facts.surnames \
            or word.casefold() in TITLE_WORDS:  # a title alone is rule a-title-alone's
        return mention
    return replace(mention, label="MISC")


@rule(LABELS, "words-of-the-dictionary-called-a-person",
      "Bovine Spongiform Encephalopathy/PERSON -> no Bovine Spongiform Encephalopathy")
def _dictionary_words(mention: Mention, name: str | None, facts: Mentions) -> Mention:
    """Two words or more the model calls a person's name, each one the dictionary lists in lower case and
    none a given name or a common surname, that no title, occupation or role says are a person's: a term in
    capitals ("Bovine Spongiform Encephalopathy", "Improvised Explosive Device"), not a name ("Grace Hope",
    "Rose Garden" have name words; rule a-word-of-the-dictionary-called-a-person is for one word)."""
    if name is not None or mention.key or mention.label != "PERSON" or mention.cued or mention.role:
        return mention
    words = normalise(mention.text, "PERSON").split()
    if len(words) >= 2 and dictionary_words(words, facts.context):
        return replace(mention, label="MISC")
    return mention


@rule(LABELS, "a-name-that-opens-on-an-abbreviation", "ING Barings/PERSON -> ING Barings is group")
def _opens_on_an_abbreviation(mention: Mention, name: str | None, facts: Mentions) -> Mention:
    """A name the model calls a person's that opens on an abbreviation of three capitals or more ("ING
    Barings", "BNP Paribas", "HSBC Holdings") is a company's: a person's name opens on a given name or on
    initials ("J. R. Smith", "AJ Styles"), never on letters that stand for words."""
    words = normalise(mention.text, "PERSON").split()
    if name is not None or mention.key or mention.label != "PERSON" or mention.cued or mention.role \
            or len(words) < 2 or not (words[0].isalpha() and words[0].isupper() and len(words[0]) >= 3):
        return mention
    return replace(mention, label="ORG")


def dictionary_words(words: Sequence[str], context: Context) -> bool:
    """Every word one the dictionary lists in lower case, and none a given name, a common surname, a title, or
    a word that says a place's or an institution's name (a head word, a first word: "Wat Pho", "Mount Fuji"):
    no part of a name (:func:`_dictionary_words`)."""
    return all(context.common_noun(w) and not context.given_name(w) and not context.common_surname(w)
               and w.casefold() not in NAME_WORDS for w in words)


@rule(LABELS, "abbreviation-of-a-term", "pair: bovine spongiform encephalopathy/BSE; BSE/ORG -> no BSE")
def _term_abbreviation(mention: Mention, name: str | None, facts: Mentions) -> Mention:
    """An abbreviation the article spells out in lower case stands for a term, a disease or a thing, not for
    a group's or a place's name ("bovine spongiform encephalopathy (BSE)", "improvised explosive device
    (IED)"); a long form with a name in it is a name ("Iraqi security forces (ISF)")."""
    if name is None and not mention.key and mention.text in facts.term_abbreviations:
        return replace(mention, label="MISC")
    return mention


@rule(LABELS, "a-family-by-its-surname", "Manju Sam/PERSON; the Sams/ORG -> no Sams")
def _family(mention: Mention, name: str | None, facts: Mentions) -> Mention:
    """The plural of a surname the article gives a person ("the Sams", "the Olsens") names a family, not a
    group: its people are indexed each by their own names, the family is not."""
    word = mention.text.removeprefix("the ").removeprefix("The ").casefold()
    if name is None and not mention.key and mention.label != "PERSON" and " " not in word \
            and word.endswith("s") and word not in facts.surnames \
            and {word[:-1], word[:-2] if word.endswith("es") else ""} & facts.surnames:
        return replace(mention, label="MISC")
    return mention


@rule(LABELS, "head-word-of-a-person-name", "Instituto Gonzaga/PERSON -> Instituto Gonzaga is group")
def _head_word_of_a_person(mention: Mention, name: str | None, facts: Mentions) -> Mention:
    if name is None or mention.label != "PERSON" or mention.key:
        return mention
    return headed(mention, name, facts.context.person_name, facts.context.common_words)


# -- 3. lookups: the gazetteer's entry for a name the plain lookup did not find ------------------------------
LOOKUPS: list[Rule] = []


@rule(LOOKUPS, "gazetteer-group-after-its-country",
      "US Islamic State of Iraq and the Levant/ORG"
      " -> US Islamic State of Iraq and the Levant named Islamic State group")
def _group_after_its_country(mention: Mention, name: str, context: Context) -> GazetteerEntry | None:
    if mention.label in ("PERSON", "NORP"):
        return None
    return group_after_place(name, context.gazetteer, context.known_place)


# -- 4. drops: (mention, name, entry) -> True when it is no name ---------------------------------------------
DROPS: list[Rule] = []


@rule(DROPS, "named-but-no-person-place-or-group", "Zeus/PERSON; Wicca/GPE -> no Wicca")
def _other(mention: Mention, name: str, entry: GazetteerEntry | None, context: Context) -> bool:
    """A name the gazetteer knows as a deity, a religion, a fictional character, software or a product
    (kind ``other``) that the model called a person, place or group: never indexed."""
    return entry is not None and entry.kind == "other"


@rule(DROPS, "a-title-alone", "Peter the Great/PERSON; the Tsar/PERSON -> no Tsar")
def _title_alone(mention: Mention, name: str, entry: GazetteerEntry | None, context: Context) -> bool:
    """A title with no name ("the Tsar said") is no name, unless it is also a common surname ("King said":
    Martin Luther King)."""
    return entry is None and all(w.casefold().rstrip(".") in TITLE_WORDS and not context.common_surname(w)
                                 for w in name.split())


@rule(DROPS, "nationality-or-religion", "Iraqi/NORP -> no Iraqi")
def _nationality(mention: Mention, name: str, entry: GazetteerEntry | None, context: Context) -> bool:
    return entry is None and mention.label == "NORP"


@rule(DROPS, "followers-not-the-group", "Islamists/ORG -> no Islamists")
def _followers(mention: Mention, name: str, entry: GazetteerEntry | None, context: Context) -> bool:
    return entry is None and mention.label != "PERSON" and _ADHERENT.match(name) is not None


@rule(DROPS, "prose-words-opening-a-sentence", "lower: police station; Police Station/FAC? -> no Police Station")
def _prose_words(mention: Mention, name: str, entry: GazetteerEntry | None, context: Context) -> bool:
    return mention.guessed and entry is None and all(
        w.casefold() in context.common_words or w.casefold() in HEADS for w in name.split())


@rule(DROPS, "guessed-person-with-a-word-of-the-prose", "lower: rose; Rose Garden/PERSON? -> no Rose Garden")
def _guessed_person(mention: Mention, name: str, entry: GazetteerEntry | None, context: Context) -> bool:
    return mention.guessed and mention.label == "PERSON" and any(
        w.casefold() in context.common_words for w in name.split())


@rule(DROPS, "an-idea", "Islamophobia/ORG -> no Islamophobia")
def _idea(mention: Mention, name: str, entry: GazetteerEntry | None, context: Context) -> bool:
    return entry is None and _IDEA.match(name) is not None


@rule(DROPS, "capitalised-prose-called-a-person", "lower: black box; Black Box/PERSON -> no Black Box")
def _capitalised_prose(mention: Mention, name: str, entry: GazetteerEntry | None, context: Context) -> bool:
    words = name.split()
    return (mention.label == "PERSON" and not mention.cued and entry is None and len(words) >= 2
            and all(w.casefold() in context.common_words for w in words)
            and not context.person_name(words[0], words[-1]))


@rule(DROPS, "one-common-word", "lower: government; Government/ORG; the Ministry/ORG -> no Ministry")
def _one_common_word(mention: Mention, name: str, entry: GazetteerEntry | None, context: Context) -> bool:
    return entry is None and " " not in name and (name.casefold() in context.common_words
                                                  or name.casefold() in _GENERIC_INSTITUTIONS)


# -- 5. inside: names found inside a kept name (index -1: they name no sentence's entity) --------------------
INSIDE: list[Rule] = []


@rule(INSIDE, "place-inside-a-name", "University of Sheffield/ORG -> Sheffield is place")
def _places_inside(item: Kept, context: Context) -> list[Kept]:
    places = nested_places(item.name, context.place_name, context.given_name, context.common_words)
    return [Kept(-1, Mention(place, "GPE", item.mention.sentence), place, "") for place in places]


@rule(INSIDE, "place-an-event-is-named-after", "Berlin International Film Festival/EVENT -> Berlin is place")
def _event_place(item: Kept, context: Context) -> list[Kept]:
    """The longest run of an event's first words (up to three) that is a place's own name and no given name:
    where it happens ("the Avignon Festival") or what it was about ("the Vietnam War"). Not an award's."""
    words = item.name.split()
    if item.mention.label != "EVENT" or words[-1].casefold() in AWARD_HEADS:  # "the Stirling Prize"
        return []
    for cut in range(min(3, len(words) - 1), 0, -1):
        place = " ".join(words[:cut])
        if context.place_name(place) and not (cut == 1 and context.given_name(place)) \
                and place.casefold() not in context.common_words:
            return [Kept(-1, Mention(place, "GPE", item.mention.sentence), place, "")]
    return []


@rule(INSIDE, "gazetteer-entry-inside-a-name",
      "United Nations High Commissioner for Refugees/ORG -> United Nations is group")
def _entries_inside(item: Kept, context: Context) -> list[Kept]:
    entries = nested_entries(item.name, context.gazetteer, context.gazetteer.by_key().get(item.key))
    return [Kept(-1, Mention(inner, LABEL_OF_KIND[entry.kind], item.mention.sentence, entry.key), inner, entry.key)
            for inner, entry in entries]


# -- 6. merges: pairs of names that are one entity -----------------------------------------------------------
@dataclass
class Article:
    """The kept mentions of one article and what the merge and vote rules read of them."""

    kept: list[Kept]
    pairs: Sequence[tuple[str, str]]
    context: Context
    skip: frozenset[str] = frozenset()  # rules left out
    surnames: set[str] = field(default_factory=set)  # names that joined a person: they vote "person"

    @functools.cached_property
    def long_names(self) -> set[str]:
        return {k.name for k in self.kept if k.mention.label != "PERSON" and len(k.name.split()) > 1}

    @functools.cached_property
    def first_sentence(self) -> dict[str, int]:
        """Each kept name -> the sentence of the text it is first named in; a name only the title (or the
        dateline) gives, the number of its mention there (below 0)."""
        first: dict[str, int] = {}
        for item in self.kept:
            sentence, known = item.mention.sentence, first.get(item.name)
            if known is None or (sentence >= 0 and (known < 0 or sentence < known)):
                first[item.name] = sentence
        return first

    @functools.cached_property
    def first_mention(self) -> dict[str, int]:
        """Each kept name -> the sentence of its first mention, the title's (-1) before the text's."""
        first: dict[str, int] = {}
        for item in self.kept:
            first[item.name] = min(first.get(item.name, item.mention.sentence), item.mention.sentence)
        return first

    def named_before(self, name: str, other: str) -> bool:
        """``name`` is named in the text no later than ``other``, or one of them only in the title: a
        headline shortens names as it likes ("Ward Hill Group" over "Ward Hill Group Plc said ...")."""
        first = self.first_sentence
        return first[name] <= first[other] or min(first[name], first[other]) < 0

    @functools.cached_property
    def group_labelled(self) -> set[str]:
        return {k.name for k in self.kept if k.mention.label == "ORG"}

    @functools.cached_property
    def place_labelled(self) -> set[str]:
        return {k.name for k in self.kept if k.mention.label in ("GPE", "LOC", "FAC")}

    @functools.cached_property
    def people(self) -> tuple[Counter[str], set[str]]:
        """Full names of people (with how often the model calls them so), and the names :data:`PEOPLE` says
        are people's though the model called them something else."""
        votes: Counter[str] = Counter(k.name for k in self.kept if k.mention.label == "PERSON" and " " in k.name)
        confirmed: set[str] = set()
        people_rules = [r for r in PEOPLE if r.name not in self.skip]
        for item in self.kept:
            for person_rule in people_rules:
                if person_rule.run(item, self):
                    votes[item.name] += 1
                    confirmed.add(item.name)
                    break
        return votes, confirmed

    @functools.cached_property
    def name_words(self) -> set[str]:
        """Every word of the article's names of two words or more, case-folded."""
        return {w.casefold() for k in self.kept if " " in k.name for w in k.name.split()}

    @functools.cached_property
    def mention_count(self) -> Counter[str]:
        """How many kept mentions each name has."""
        return Counter(k.name for k in self.kept)

    @functools.cached_property
    def person_labelled(self) -> set[str]:
        return {k.name for k in self.kept if k.mention.label == "PERSON"}

    @functools.cached_property
    def uncued_people(self) -> set[str]:
        """Names the model calls a person's once, that no title, occupation or form of address says are, and
        whose last word is never a person's name alone ("Ward Hill"; not "Andy Warhol" beside "Warhol said")."""
        cued = {k.name for k in self.kept if k.mention.cued or k.mention.role}
        return {name for name in self.person_labelled - cued - self.people[1]
                if self.mention_count[name] == 1 and name.split()[-1] not in self.person_labelled}

    @functools.cached_property
    def placed(self) -> set[str]:
        """Names after a preposition of place ("in Levico Terme") that the model does not call a person's."""
        return {k.name for k in self.kept if k.mention.placed and k.mention.label != "PERSON"}

    @functools.cached_property
    def countries(self) -> frozenset[str]:
        """The countries the article's places lie in (or are), as the model's places and the gazetteer's
        name them: where a small place it names is likeliest to be."""
        places = {k.name for k in self.kept if k.mention.label in PLACE_LABELS and not k.mention.tabled}
        places |= {entry.name for k in self.kept if k.key and (entry := self.context.gazetteer.by_key().get(k.key))
                   and entry.kind == "place"}
        return frozenset(filter(None, map(self.context.place_country, sorted(places))))

    @functools.cached_property
    def alone_as_person(self) -> set[str]:
        return {k.name.casefold() for k in self.kept if k.mention.label == "PERSON" and not k.key and " " not in k.name}


class Clusters:
    """Union-find over names; a cluster's root is its smallest name."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, name: str) -> str:
        self.parent.setdefault(name, name)
        while self.parent[name] != name:
            self.parent[name] = self.parent[self.parent[name]]
            name = self.parent[name]
        return name

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


Pairs = Iterator[tuple[str, str]]
MERGES: list[Rule] = []


@rule(MERGES, "same-name-case-aside",
      "Korean People's Army/ORG; KOREAN PEOPLE'S ARMY/ORG; KPA/ORG -> KPA = Korean People's Army")
def _same_name(article: Article, clusters: Clusters) -> Pairs:
    """The same name but for case, punctuation or a first word written short ("St Jerome", "Saint Jerome")."""
    folded: dict[str, str] = {}
    for item in article.kept:
        yield folded.setdefault(fold(spelled_out(item.name)), item.name), item.name


@rule(MERGES, "same-gazetteer-entry",
      "Islamic State of Iraq/ORG=islamic-state; Islamic State in Iraq/ORG=islamic-state; ISI/ORG"
      " -> ISI = Islamic State of Iraq")
def _same_entry(article: Article, clusters: Clusters) -> Pairs:
    for item in article.kept:
        if item.key:
            yield f"\0{item.key}", item.name


@rule(MERGES, "abbreviation-in-parentheses",
      "pair: Movimento 5 Stelle/M5S; Movimento 5 Stelle/ORG; M5S/ORG -> Movimento 5 Stelle = M5S")
def _abbreviation_pair(article: Article, clusters: Clusters) -> Pairs:
    for long, short in article.pairs:
        a, b = normalise(long, "ORG"), normalise(short, "ORG")
        if a and b and a in clusters.parent and b in clusters.parent and not peer_title(short):
            yield a, b


@rule(MERGES, "a-peer-and-the-title",
      "pair: John FitzGibbon/2nd Earl of Clare; John FitzGibbon/PERSON; 2nd Earl of Clare/PERSON+ "
      "-> John FitzGibbon = 2nd Earl of Clare")
def _peer_and_title(article: Article, clusters: Clusters) -> Pairs:
    """A peer's title the text gives after a person's name and a comma ("John FitzGibbon, 2nd Earl of
    Clare": generator.nlp.analyse.peer_titles) is that person's."""
    for name, title in article.pairs:
        a, b = normalise(name, "PERSON"), normalise(title, "PERSON")
        if a and b and a in clusters.parent and b in clusters.parent and peer_title(title):
            yield a, b


@rule(MERGES, "abbreviation-without-parentheses",
      "Korean People's Army/ORG; KPA/ORG -> Korean People's Army = KPA")
def _bare_abbreviation(article: Article, clusters: Clusters) -> Pairs:
    initials = {long: initials_of(long) for long in article.long_names}
    for item in article.kept:
        if not item.key and item.name.isupper() and looks_like_abbreviation(item.name):
            owners = {clusters.find(long) for long in article.long_names if initials[long] == item.name}
            if len(owners) == 1:
                yield next(iter(owners)), item.name


@rule(MERGES, "initials-then-the-last-words",
      "University of North Carolina at Greensboro/ORG; UNC Greensboro/ORG"
      " -> UNC Greensboro = University of North Carolina at Greensboro")
def _initials_then_words(article: Article, clusters: Clusters) -> Pairs:
    """A short name that opens on the initials of a longer name's first words and ends on its last words
    ("UC Berkeley": the University of California, Berkeley)."""
    for item in article.kept:
        first, _, rest = item.name.partition(" ")
        if item.key or not rest or not first.isupper() or not looks_like_abbreviation(first):
            continue
        owners = {clusters.find(long) for long in article.long_names
                  if long.endswith(" " + rest) and long != item.name
                  and initials_of(long.removesuffix(" " + rest)) == first}
        if len(owners) == 1:
            yield next(iter(owners)), item.name


@rule(MERGES, "name-and-its-head-word", "CBC/ORG; CBC News/ORG -> CBC News = CBC")
def _head_word(article: Article, clusters: Clusters) -> Pairs:
    """A group's name and the same name with a group's head words after it, whichever comes first ("CBC",
    "CBC News"; "Ward Hill", "Ward Hill Group Plc", though the model read a person in "Ward Hill": no title
    or occupation said so). Not a place's: "Manchester" is not "Manchester United"."""
    for long in sorted(article.long_names & article.group_labelled):
        words = long.split()
        cut = len(words)
        while cut > 1 and words[cut - 1].casefold() in GROUP_HEADS:
            cut -= 1
        short = " ".join(words[:cut])
        if cut < len(words) and (short in article.group_labelled or short in article.uncued_people) \
                and short not in article.place_labelled and not article.context.known_place(short):
            yield short, long


@rule(MERGES, "group-by-its-first-or-last-words",
      "Major League Baseball/ORG; Major League/ORG -> Major League Baseball = Major League")
def _group_by_its_words(article: Article, clusters: Clusters) -> Pairs:
    """A group's name that opens or ends the name of one group named before it is that group's short form
    ("the Society" after the Society of the Cincinnati; "the Press" after the New York Press): of several
    such names, the shortest ("Major League" is Major League Baseball, not Major League Baseball Draft).
    Not a name the model calls a place, nor one GeoNames knows ("Manchester" is not Manchester United), nor a
    gazetteer's entry ("UN" is the United Nations, not the UN Security Council)."""
    groups = sorted(article.group_labelled)
    entries = {item.name for item in article.kept if item.key}
    for short in groups:
        if short in article.place_labelled or short in entries or article.context.known_place(short):
            continue
        longer = [long for long in groups if article.named_before(long, short)
                  and (long.startswith(short + " ") or long.endswith(" " + short))]
        yield from owner_of_short_form(short, longer, clusters)


@rule(MERGES, "a-clipped-first-word", "Federal Reserve/ORG; Fed/ORG -> Federal Reserve = Fed")
def _clipped(article: Article, clusters: Clusters) -> Pairs:
    """One word of three letters or more that the first word of one group's longer name opens on, two letters
    short of it or more, is that group's clipped name ("the Fed" of the Federal Reserve, "the Met" of the
    Metropolitan Police). Not an institution's head word ("Bank" is no clipping of Bankers Trust), a name
    the model calls a place, nor one GeoNames knows."""
    groups = sorted(article.group_labelled)
    for short in groups:
        if " " in short or len(short) < 3 or not short.istitle() or short.casefold() in HEADS \
                or short in article.place_labelled or article.context.known_place(short):
            continue
        longer = [long for long in groups if " " in long and long.startswith(short)
                  and len(long.split()[0]) >= len(short) + 2]
        yield from owner_of_short_form(short, longer, clusters)


def owner_of_short_form(short: str, longer: Sequence[str], clusters: Clusters) -> Pairs:
    """The pair of a short form and the one entity of the longer names it shortens, if it is only one's: of
    several such names, the shortest stands for the rest."""
    owners = {clusters.find(long) for long in longer if not any(o != long and o in long for o in longer)}
    if len(owners) == 1:
        yield next(iter(owners)), short


@rule(MERGES, "building-by-its-last-words",
      "Steven F. Udvar-Hazy Center/FAC; Udvar-Hazy Center/FAC -> Steven F. Udvar-Hazy Center = Udvar-Hazy Center")
def _building_by_its_words(article: Article, clusters: Clusters) -> Pairs:
    """A building's name of two words or more (ending on a word of lexicon ``place-heads``) that ends the
    name of one building named before it is that building's short form. Not a place GeoNames knows."""
    buildings = sorted({k.name for k in article.kept if k.mention.label == "FAC" and " " in k.name
                        and k.name.split()[-1].casefold() in PLACE_HEADS})
    for short in buildings:
        if article.context.known_place(short):
            continue
        longer = [long for long in buildings if article.named_before(long, short) and long.endswith(" " + short)]
        yield from owner_of_short_form(short, longer, clusters)


@rule(MERGES, "a-name-and-the-place-it-is-of",
      "Evergreen Museum/FAC; Evergreen Museum of McMinnville/ORG -> Evergreen Museum = Evergreen Museum of McMinnville")
def _name_of_a_place(article: Article, clusters: Clusters) -> Pairs:
    """A name followed by "of" and a place GeoNames knows is the same name, when the article also writes it
    alone and no other longer name opens on it ("the Church" after the Church of England)."""
    names = {item.name for item in article.kept}
    for long in sorted(article.long_names):
        short, of, where = long.rpartition(" of ")
        if of and short in names and article.context.known_place(where) \
                and not any(other != long and other.startswith(short + " ") for other in names):
            yield short, long


@rule(MERGES, "two-names-of-one-place", "Bombay/GPE; Mumbai/GPE -> Bombay = Mumbai")
def _one_place(article: Article, clusters: Clusters) -> Pairs:
    """A place's name that can mean the place another name of the article means most likely ("New York"
    may be New York City; "Bombay" is Mumbai), unless it most likely means a country ("Mexico" may be
    Mexico City, but is Mexico) or a place of its own name that is no village beside the other ("Manhattan"
    is also a name of New York City, but the borough: :func:`~generator.places.distinct_place`)."""
    context = article.context
    meanings = {name: found for name in sorted(article.place_labelled) if (found := context.place_meanings(name))}
    for name, found in meanings.items():
        for other, could in meanings.items():
            if other != name and found[0] in could and (could[0] >= 0 or could[0] == found[0]) \
                    and not (found[0] >= 0 and context.distinct_place(other, found[0])):
                yield name, other


@rule(MERGES, "two-names-of-one-small-place",
      "Trento/GPE; Levico Terme/ORG@; Levico/GPE -> Levico Terme = Levico")
def _one_small_place(article: Article, clusters: Clusters) -> Pairs:
    """Two names of a place that GeoNames knows as one place of 1,000 people or more, and as no other, in
    the countries of the article (:attr:`Article.countries`): each read as a place by the model or after a
    preposition of place. (Larger places' names: rule two-names-of-one-place.)"""
    context = article.context
    by_place: dict[tuple[int, ...], list[str]] = defaultdict(list)
    for name in sorted(article.place_labelled | article.placed):
        if not context.place_meanings(name) and len(found := context.small_places(name, article.countries)) == 1:
            by_place[found].append(name)
    for names in by_place.values():
        yield from ((names[0], other) for other in names[1:])


@rule(MERGES, "typing-slip", "United Nations/ORG; Untied Nations/ORG -> United Nations = Untied Nations")
def _typing_slip(article: Article, clusters: Clusters) -> Pairs:
    yield from variant_pairs(article.long_names)


@rule(MERGES, "one-person-two-spellings",
      "Kristin Wilkins/PERSON; Kristen Wilkins/PERSON -> Kristin Wilkins = Kristen Wilkins")
def _person_two_spellings(article: Article, clusters: Clusters) -> Pairs:
    yield from variant_pairs(article.people[0])


@rule(MERGES, "one-person-by-a-nickname",
      "Lawrence Lessig/PERSON; Larry Lessig/PERSON -> Lawrence Lessig = Larry Lessig")
def _nickname(article: Article, clusters: Clusters) -> Pairs:
    """Two full names that differ only in their given names, one a nickname of the other."""
    names = sorted(article.people[0])
    for i, name in enumerate(names):
        first, *rest = name.split()
        for other in names[i + 1:]:
            other_first, *other_rest = other.split()
            if rest == other_rest and first != other_first and article.context.one_given_name(first, other_first):
                yield name, other


@rule(MERGES, "a-name-in-either-order",
      "Higuchi Ichiyō/PERSON; Ichiyō Higuchi/PERSON -> Higuchi Ichiyō = Ichiyō Higuchi")
def _either_order(article: Article, clusters: Clusters) -> Pairs:
    """A person's two names, surname first or last (Japanese, Chinese, Korean and Hungarian names are
    written in both orders in English)."""
    names = {name for name in article.people[0] if len(name.split()) == 2}
    for name in sorted(names):
        given, family = name.split()
        if f"{family} {given}" in names:
            yield name, f"{family} {given}"


def surname_owners(article: Article, clusters: Clusters) -> dict[str, set[str]]:
    """Case-folded surname (or last word) -> the clusters of the people's full names that end with it (not a
    peer's title: "Dunmore" in "4th Earl of Dunmore" is a place)."""
    by_surname: dict[str, set[str]] = defaultdict(set)
    for full in (name for name in article.people[0] if not peer_title(name)):
        by_surname[surname(full).casefold()].add(clusters.find(full))
        by_surname[full.split()[-1].casefold()].add(clusters.find(full))
    return by_surname


def lone_names(article: Article) -> Iterator[Kept]:
    """Mentions that may be a person's surname or given name alone: one word (or the model's PERSON), no
    gazetteer entry, and no place GeoNames knows that the model never called a person and calls a place at
    least as often as anything else ("Jordan"; not "Holt", a town in England, that the model calls a group
    seven times and a place twice)."""
    labels_of: dict[str, Counter[str]] = defaultdict(Counter)
    for item in article.kept:
        labels_of[item.name][item.mention.label] += 1
    for item in article.kept:
        name, label = item.name, item.mention.label
        if item.key or (len(name.split()) != 1 and label != "PERSON"):
            continue
        labels = labels_of[name]
        as_place = labels["GPE"] + labels["LOC"] + labels["FAC"]
        if as_place and "PERSON" not in labels and 2 * as_place >= labels.total() and article.context.known_place(name):
            continue
        yield item


@rule(MERGES, "full-name-and-middle-names",
      "Eugene Nida/PERSON; Eugene A. Nida/PERSON -> Eugene Nida = Eugene A. Nida")
def _middle_names(article: Article, clusters: Clusters) -> Pairs:
    """A person's name and the same name with middle names ("Otto Jespersen", "Jens Otto Harry Jespersen"):
    the shorter's words in the longer, in order, the same last word; not when the longer has a word that
    tells a family apart ("Johann II Bernoulli" is not Johann Bernoulli: :data:`GENERATIONS`). A place
    after "of" is the person's estate or seat, not part of the name ("Patrick Leopold Gordon of
    Auchleuchries" is Patrick Gordon)."""
    names = sorted(article.people[0], key=lambda n: (len(n.split()), n))
    for i, short in enumerate(names):
        words = short.split()
        for long in names[i + 1:]:
            seat = " of " in long and long.rpartition(" of ")[2][:1].isupper()
            longer = (long.rpartition(" of ")[0] if seat else long).split()
            if len(longer) + seat > len(words) and longer[-1] == words[-1] and in_order(words, longer) \
                    and not GENERATIONS & (set(longer) - set(words)):
                yield short, long


@rule(MERGES, "initials-and-the-surname",
      "Graham Thorpe/PERSON; G. Thorpe/PERSON -> Graham Thorpe = G. Thorpe")
def _initials_and_surname(article: Article, clusters: Clusters) -> Pairs:
    """A person's initials and surname ("G. Thorpe", "J.R. Smith", as scorecards and lists of results name
    people) join the one full name with that surname whose given names open on those initials."""
    names = article.people[0]
    for short in names:
        first, _, surname = short.partition(" ")
        if not INITIAL_LETTERS.fullmatch(first) or not surname:
            continue
        letters = first.replace(".", "")
        owners = {clusters.find(long) for long in names if long != short and long.endswith(" " + surname)
                  and given_initials(long.removesuffix(" " + surname)).startswith(letters)}
        if len(owners) == 1:
            yield next(iter(owners)), short


# "G.", "J.R.": a given name or two written as initials.
INITIAL_LETTERS = re.compile(r"(?:[A-Z]\.){1,3}")


def given_initials(given: str) -> str:
    """"Graham" -> "G", "John Ronald" -> "JR"; "" when the given names are initials themselves."""
    words = given.split()
    return "" if not words or INITIAL_LETTERS.fullmatch(words[0]) else "".join(w[0] for w in words)


def in_order(words: Sequence[str], longer: Sequence[str]) -> bool:
    """``words`` appear in ``longer`` in the same order (not necessarily side by side)."""
    rest = iter(longer)
    return all(word in rest for word in words)


@rule(MERGES, "surname-of-one-person", "Haider al-Abadi/PERSON; Abadi/PERSON -> Haider al-Abadi = Abadi")
def _surname(article: Article, clusters: Clusters) -> Pairs:
    """A surname joins the one person whose full name ends with it; failing that, the start of one name
    ("James" for James To), or a surname misspelled by up to two letters. A place GeoNames knows, never
    called a person, stays a place ("Jordan")."""
    people = article.people[0]
    by_surname = surname_owners(article, clusters)
    for item in lone_names(article):
        name, label = item.name, item.mention.label
        owners = by_surname.get(name.casefold(), set()) or {
            clusters.find(full) for full in people if full.startswith((name + " ", name + "-"))
        }
        if not owners and label == "PERSON" and " " not in name:
            owners = {owner for known, found in by_surname.items() if misspelled(name.casefold(), known)
                      for owner in found}
        if len(owners) == 1:
            article.surnames.add(name)
            yield next(iter(owners)), name


@rule(MERGES, "surname-of-the-first-named",
      "Jeanne Moreau/PERSON; Anatole Moreau/PERSON; Moreau/PERSON -> Jeanne Moreau = Moreau")
def _surname_of_the_first(article: Article, clusters: Clusters) -> Pairs:
    """A surname that several people's full names end with is the one named first: news and biographies
    name their subject first by full name and then by surname, and the others by their full or first names
    (the surname alone would be ambiguous otherwise)."""
    by_surname = surname_owners(article, clusters)
    first: dict[str, int] = {}
    for name, sentence in article.first_mention.items():
        root = clusters.find(name)
        first[root] = min(first.get(root, sentence), sentence)
    for item in lone_names(article):
        owners = by_surname.get(item.name.casefold(), set())
        if item.name in article.surnames or " " in item.name or len(owners) < 2:
            continue
        ranked = sorted(owners, key=lambda owner: (first[owner], owner))  # every owner is a kept name's
        if first[ranked[0]] < first[ranked[1]]:
            article.surnames.add(item.name)
            yield ranked[0], item.name


# -- people: names the model called something else that the evidence says are people's -------------------------
PEOPLE: list[Rule] = []


@rule(PEOPLE, "person-by-the-surname-alone", "Uzo Aduba/ORG; Aduba/PERSON -> Uzo Aduba is person")
def _by_surname_alone(item: Kept, article: Article) -> bool:
    """The model is surer of people named by surname: "Kamen said". Not a place GeoNames knows by the whole
    name, nor one that opens on a place's first word ("Thank you, Glasgow", read as a person's, says nothing
    of Port Glasgow; lexicon ``place-prefixes``)."""
    words = item.name.split()
    context = article.context
    return (not item.key and 2 <= len(words) <= 3 and person_shaped(words) and not context.known_place(item.name)
            and (words[0].casefold() not in PLACE_PREFIXES or context.given_name(words[0]))
            and item.mention.label in {"ORG", "GPE", "LOC", "FAC"}
            and words[-1].casefold() in article.alone_as_person)


@rule(PEOPLE, "a-persons-name-in-the-other-order",
      "Natsuko Higuchi/PERSON; Higuchi Natsuko/FAC -> Higuchi Natsuko is person")
def _other_order(item: Kept, article: Article) -> bool:
    """A two-word name that the model calls a person's in the other order is a person's (Japanese, Chinese,
    Korean and Hungarian names are written surname first and last; rule a-name-in-either-order joins them)."""
    words = item.name.split()
    return not item.key and len(words) == 2 and item.mention.label != "PERSON" and person_shaped(words) \
        and f"{words[1]} {words[0]}" in article.person_labelled


@rule(PEOPLE, "given-name-and-surname-called-a-group", "Dean Kamen/ORG -> Dean Kamen is person")
def _given_name_and_surname(item: Kept, article: Article) -> bool:
    """A given name and a surname (or a romanised Chinese or Korean name, or a given name and a last word
    that is no place's and no given name: :func:`given_name_first`), no place, no gazetteer entry, no word of
    the article's prose, that the model called a group or a building without a building's word ("Namibia's
    Frankie Fredericks", read as a building)."""
    words, context = item.name.split(), article.context
    label = item.mention.label
    return (not item.key and 2 <= len(words) <= 3 and person_shaped(words)
            and (label == "ORG" or (label == "FAC" and words[-1].casefold() not in PLACE_HEADS))
            and (context.person_name(words[0], words[-1]) or hyphenated_name(item.name)
                 or given_name_first(words, context))
            and not context.known_place(item.name) and context.gazetteer.lookup(words[0]) is None
            and not any(w.casefold() in context.common_words for w in words))


@rule(PEOPLE, "a-surname-called-a-group-once", "Croft/ORG -> Croft is person")
def _surname_called_a_group_once(item: Kept, article: Article) -> bool:
    """One word the model calls a group in its one mention, that is one of the US Census's commoner
    surnames ("Croft"; not "Guardian", "Times", "Crown") and no given name, no place GeoNames knows, no
    gazetteer entry, no word of the article's prose or of its longer names: a person named by the surname
    alone ("by Cruse and Croft"). A company named after its founder is named more than once."""
    name, context = item.name, article.context
    return (not item.key and item.mention.label == "ORG" and " " not in name and name.istitle()
            and not item.mention.text.casefold().startswith("the ")
            and article.mention_count[name] == 1 and context.common_surname(name)
            and not context.given_name(name) and not context.known_place(name)
            and name.casefold() not in context.common_words and name.casefold() not in article.name_words)


@rule(PEOPLE, "given-name-of-a-place", "Gregory of Tours/ORG -> Gregory of Tours is person")
def _given_name_of_a_place(item: Kept, article: Article) -> bool:
    """A given name that is no place's own name, "of" and a place: a saint's or a ruler's name ("Hilary of
    Poitiers", "Catherine of Aragon"; not "Victoria of Australia", "University of Paris")."""
    given, of, place = item.name.partition(" of ")
    context = article.context
    return (not item.key and item.mention.label == "ORG" and bool(of) and " " not in given
            and context.given_name(given) and not context.place_name(given) and context.known_place(place))


def given_name_first(words: Sequence[str], context: Context) -> bool:
    """A name that opens on a given name (each part of a hyphenated one a given name: "Pierre-Simon
    Laplace") that is no place's own name ("Charlotte Hornets"; "Robert" is only some place's other name),
    and ends on a word that is no given name: a surname
    of the US Census lists, or one they lack that is no place GeoNames knows ("Sophie Dymoke", not "Sophie
    Dubai")."""
    first, last = words[0], words[-1]
    return (all(context.given_name(part) for part in first.split("-")) and not context.place_name(first)
            and not context.given_name(last)
            and (context.person_name(first.split("-")[0], last) or not context.known_place(last)))


# -- the runner ---------------------------------------------------------------------------------------------
HOST_LABELS = frozenset({"EVENT", "WORK_OF_ART"})  # no kind's, but places are named in them ("the Vietnam War")


def keep(mentions: Sequence[Mention], context: Context, skip: frozenset[str] = frozenset(),
         pairs: Sequence[tuple[str, str]] = ()) -> tuple[list[Kept], list[Kept]]:
    """Stages 1-4: each mention split, relabelled, looked up and kept unless a drop rule says it is no name;
    and, apart, the names of events and works (:data:`HOST_LABELS`), which are not indexed but may name a
    place inside them (stage 5)."""
    facts = Mentions(mentions, context, pairs)
    splits = [r for r in SPLITS if r.name not in skip]
    labels = [r for r in LABELS if r.name not in skip]
    lookups = [r for r in LOOKUPS if r.name not in skip]
    drops = [r for r in DROPS if r.name not in skip]
    gazetteer = context.gazetteer
    kept: list[Kept] = []
    hosts: list[Kept] = []
    for i, whole in enumerate(mentions):
        parts = [whole]
        for split in splits:
            parts = [piece for part in parts for piece in split.run(part, facts)]
        for part in parts:
            mention = part
            for label in labels:
                mention = label.run(mention, None, facts)
            name = normalise(mention.text, mention.label)
            if name and mention.label in HOST_LABELS:
                hosts.append(Kept(i, mention, name, ""))
            if not name or mention.label not in KIND_OF_LABEL:
                continue
            for label in labels:
                mention = label.run(mention, name, facts)
            entry = gazetteer.lookup(name) if not mention.key else gazetteer.by_key().get(mention.key)
            for lookup in lookups:
                if entry is None:
                    entry = lookup.run(mention, name, context)
            if whole.tabled and not mention.tabled:  # the rules make new mentions: it stays a table's
                mention = replace(mention, tabled=True)
            if not any(drop.run(mention, name, entry, context) for drop in drops):
                kept.append(Kept(i, mention, name, entry.key if entry else ""))
    return kept, hosts


def inside(kept: list[Kept], context: Context, skip: frozenset[str] = frozenset()) -> list[Kept]:
    """Stage 5: what the :data:`INSIDE` rules find inside each name of two words or more (not a person's).
    Each name is cut once per article: a name recurs."""
    found: list[Kept] = []
    cache: dict[tuple[str, str, str], list[Kept]] = {}
    for item in kept:
        if item.mention.label == "PERSON" or " " not in item.name:
            continue
        for inner in INSIDE:
            if inner.name in skip:
                continue
            cached = cache.get((inner.name, item.name, item.key))
            if cached is None:
                cached = cache[inner.name, item.name, item.key] = inner.run(item, context)
            found += [k._replace(mention=replace(k.mention, sentence=item.mention.sentence)) for k in cached]
    return found


BIG_CITY = 300_000  # a common surname that is the own name of a city this large means the city


def person_word(name: str, context: Context) -> bool:
    """One word that is a given name or one of the commoner surnames ("Campbell", "Marx", "Adam"): GeoNames'
    knowing it as a place says little of what the text means by it unless the model reads a place in it.
    Not a surname that is the name of a city of :data:`BIG_CITY` people or more ("We leave Glasgow in the
    rain"): alone, that is the city."""
    if " " in name:
        return False
    return context.given_name(name) or (context.common_surname(name) and context.place_population(name) < BIG_CITY)


def geonames_place(name: str, placed: bool, article: Article) -> bool:
    """GeoNames knows the name as a place of 15,000 people or more; or, when a mention follows a preposition
    of place ("the ferry to Sorrento", "it comes from Minori"), as a place of 1,000 or more in a country the
    article's places lie in (:attr:`Article.countries`)."""
    context = article.context
    return context.known_place(name) or (placed and bool(context.small_places(name, article.countries)))


def entity_of(items: list[Kept], article: Article) -> ArticleEntity:
    """One cluster's entity: the gazetteer's kind and name, else the vote of its mentions (a full name two
    votes, a cue one more, GeoNames' knowing a name :data:`PLACE_EVIDENCE`, unless it is a person's name
    no mention reads as a place: :func:`person_word`) and its fullest name. Mentions
    in a table's lines vote only when no mention outside the tables does: a line of names and figures
    tells the model little of what a name is, and the prose tells more. A side of a result ("Arsenal 2
    Derby 0") is the exception: the line's shape says a team, and it votes "group" with the prose
    (*Bayern Munich*, which the model reads in prose as a place)."""
    gazetteer = article.context.gazetteer
    keys = sorted({item.key for item in items if item.key})
    entry = gazetteer.by_key()[keys[0]] if keys else None
    people = article.surnames | article.people[1]
    votes: Counter[str] = Counter()
    voters = [item for item in items if not item.mention.tabled or item.mention.side] or items
    for item in voters:
        label = "PERSON" if item.name in people else item.mention.label
        votes[KIND_OF_LABEL[label]] += (2 if len(item.name.split()) > 1 else 1) + item.mention.cued
    in_prose = any(not item.mention.tabled for item in items)  # a table alone: its shape is the evidence
    placed = any(item.mention.placed for item in voters)
    if not entry and in_prose and any(geonames_place(name, placed, article) for name in
                                      {item.name for item in items} - article.surnames
                                      if votes["place"] or not person_word(name, article.context)):
        votes["place"] += PLACE_EVIDENCE
    kind = entry.kind if entry else vote_kind(votes)
    forms = Counter(item.name for item in items)
    if entry:
        canonical = entry.name
    elif kind == "person":  # the fullest name, not a peer's title
        canonical = max(forms, key=lambda n: (not peer_title(n), len(n.split()), forms[n], len(n), n))
    else:
        canonical = max(forms, key=lambda n: (not n.isupper(), forms[n], len(n), n))
    return ArticleEntity(
        key=entry.key if entry else slugify(canonical),
        name=canonical,
        kind=kind,
        aliases=aliases_of(canonical, forms),
        mentions=len(items),
        votes=tuple(sorted(votes.items())),
        from_gazetteer=entry is not None,
    )


def group_mentions(
    mentions: Sequence[Mention],
    pairs: Iterable[tuple[str, str]],
    gazetteer: Gazetteer,
    skip: frozenset[str] = frozenset(),
    **evidence: Any,
) -> tuple[tuple[ArticleEntity, ...], dict[int, str]]:
    """Entities of one article, and for each kept mention (by index) the key of its entity. ``evidence`` is
    what the rules know besides the mentions, the fields of :class:`Context` (the analysis passes the real
    ones: :data:`generator.nlp.analyse.EVIDENCE`); ``skip`` names rules to leave out (the tests run each
    rule's example without it)."""
    context = Context(gazetteer, **evidence)
    pairs = list(pairs)
    kept, hosts = keep(mentions, context, skip, pairs)
    kept += inside([*kept, *hosts], context, skip)
    article = Article(kept, pairs, context, skip)
    clusters = Clusters()
    for item in kept:
        clusters.find(item.name)
    for merge in MERGES:
        if merge.name not in skip:
            for a, b in merge.run(article, clusters):
                clusters.union(a, b)
    members: dict[str, list[Kept]] = defaultdict(list)
    for item in kept:
        members[clusters.find(item.name)].append(item)
    entities: list[ArticleEntity] = []
    key_of: dict[int, str] = {}
    for items in members.values():
        entity = entity_of(items, article)
        entities.append(entity)
        key_of.update((item.index, entity.key) for item in items if item.index >= 0)
    return merge_same_key(unambiguous_aliases(entities)), key_of


def unambiguous_aliases(entities: Sequence[ArticleEntity]) -> list[ArticleEntity]:
    """A person's one-word alias that is a surname or middle name of another person in the article (a word
    of a full name but its first) is no alias of either: in an article on the Bernoullis, "Bernoulli" names
    Daniel here and Johann there. (Its mentions stay with the person the merge rules gave them to.)"""
    words = {id(e): {w.casefold() for name in (e.name, *e.aliases) for w in name.split()[1:]}
             for e in entities if e.kind == "person"}
    owners = Counter(w for own in words.values() for w in own)

    def shared(entity: ArticleEntity, alias: str) -> bool:
        return owners[alias.casefold()] > (alias.casefold() in words[id(entity)])

    return [replace(e, aliases=tuple(a for a in e.aliases if " " in a or not shared(e, a)))
            if e.kind == "person" else e for e in entities]
