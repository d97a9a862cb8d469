"""Articles -> :class:`Analysis`, with the real spaCy pipeline. spaCy ``Doc`` objects never leave this module.

Each caption, paragraph and crosshead is its own ``Doc``: news structure decides the first sentence
boundaries, so a caption, a dateline or a crosshead can never merge into the lead sentence.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import logging
import multiprocessing
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

import numpy
from spacy.attrs import ENT_ID, ENT_IOB, ENT_TYPE, IDX, IS_ALPHA, IS_STOP, LEMMA, LOWER, ORTH, SPACY, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from generator.compress import Parsed
from generator.gazetteer import Gazetteer
from generator.model import Analysis, Article
from generator.names import is_common_noun, is_common_surname, is_given_name, is_person_name, one_given_name
from generator.nlp import lexicon
from generator.nlp.abbreviations import find_pairs
from generator.nlp.entities import (
    ADJECTIVE_PREFIXES,
    CRAFT_PREFIXES,
    GROUP_HEADS,
    HEADS,
    HONORIFICS,
    ORDINAL,
    PEERAGES,
    PLACE_LABELS,
    TITLE_WORDS,
    Mention,
    given_name_syllable,
)
from generator.nlp.pipeline import COARSE, DEFAULT_MODEL, load_pipeline
from generator.nlp.rules import Rule, group_mentions, rule
from generator.nlp.salience import ROLE_MAX_WORDS, content_terms, entity_roles, first_sentences, is_outlet, role_before
from generator.places import (
    country_names,
    country_of,
    distinct_place,
    is_known_place,
    is_place_name,
    load_for_analysis,
    meanings,
    population,
    small_places,
)
from generator.reader import EMPTY_CELLS
from generator.shingles import signature
from generator.summarise import SentenceInfo, summarise
from generator.truecase import CAPITALS_WORD, case_forms, in_capitals, recase, recase_names, without_capitals

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AnalysisOptions:
    model: str = DEFAULT_MODEL
    summary_sentences: int = 3  # at most; 0: as many as the word budget holds
    summary_words: int = 100
    key_points: int = 5
    jobs: int = 1  # worker processes for the analysis (the CLI and the plugin default to the machine's cores)
    batch_size: int = 64
    scheduler: str = ""  # a Dask cluster to analyse on (tcp://host:8786, or local:N): generator.cluster


@dataclass
class _Collected:
    # text, paragraph, prose, tokens, finite, parse (generator.compress)
    sentences: list[tuple[str, int, bool, tuple[tuple[str, str], ...], bool, tuple[Parsed, ...]]]
    mentions: list[Mention]
    pairs: list[tuple[str, str]]
    lower_words: set[str]
    terms: Counter[str] = field(default_factory=Counter)
    parsed: int = 0  # sentences parsed so far (LEAD_PARSES at most)


def analyse(
    articles: Sequence[Article],
    gazetteer: Gazetteer,
    options: AnalysisOptions = AnalysisOptions(),
    progress: Callable[[int], None] | None = None,
) -> dict[str, Analysis]:
    """Analyse the articles; results keyed by article ID, the same whatever ``options.jobs``.

    With several jobs, each worker process analyses whole chunks of articles (``nlp.pipe`` and this
    module's own steps) and sends back only the small :class:`Analysis` objects: spaCy ``Doc`` objects
    never cross a process boundary, and the main process stays idle instead of competing for a core.
    """
    if not articles:
        return {}
    load_pipeline(options.model, gazetteer)  # loaded once, before any worker is forked
    load_for_analysis()  # GeoNames is loaded once, before any worker is forked
    jobs = max(1, min(options.jobs, len(articles) // MIN_ARTICLES_PER_JOB))
    if jobs == 1:
        return analyse_chunk(articles, gazetteer, options, progress)
    size = max(1, min(CHUNK_SIZE, -(-len(articles) // (jobs * 4))))
    chunks = [articles[i:i + size] for i in range(0, len(articles), size)]
    results: dict[str, Analysis] = {}
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with context.Pool(jobs) as pool:
        work = functools.partial(analyse_chunk, gazetteer=gazetteer, options=options)
        for chunk, done in zip(chunks, pool.imap(work, chunks), strict=True):
            results.update(done)
            if progress:
                progress(len(chunk))
    return {article.id: results[article.id] for article in articles}


def analyse_chunk(
    articles: Sequence[Article],
    gazetteer: Gazetteer,
    options: AnalysisOptions,
    progress: Callable[[int], None] | None = None,
) -> dict[str, Analysis]:
    """Analyse articles in one ``nlp.pipe`` stream in this process."""
    nlp = load_pipeline(options.model, gazetteer)
    parser = nlp.get_pipe("parser") if "parser" in nlp.component_names else None
    articles = [proper_case(article) for article in articles]
    collected = [_Collected([], [], [], set(), Counter()) for _ in articles]

    def units():
        for index, article in enumerate(articles):
            for text, paragraph, prose in model_texts(article):
                table = paragraph >= 0 and article.paragraphs[paragraph].table
                yield text, (index, paragraph, prose, text, table)

    current: int | None = None
    for doc, (index, paragraph, prose, text, table) in nlp.pipe(units(), as_tuples=True,
                                                                batch_size=options.batch_size):
        if progress and current is not None and index != current:
            progress(index - current)
        current = index
        collect(doc, text, paragraph, prose, collected[index], parser, table)
    if progress and current is not None:
        progress(len(articles) - current)
    return {
        article.id: finish(article, found, gazetteer, options)
        for article, found in zip(articles, collected, strict=True)
    }


def proper_case(article: Article) -> Article:
    """``article`` with its title, caption and paragraphs that are set in capitals in their proper case
    (:mod:`generator.truecase`: each word as the article writes it inside a sentence, or as GeoNames writes a
    country's name, or as the dateline spells it), so that the model reads names as names and the briefing
    does not shout."""
    texts = [article.title or "", article.caption or "", *(p.text for p in article.paragraphs)]
    tables = [p.text for p in article.paragraphs if p.table and not in_capitals(p.text)]
    if not any(in_capitals(text) for text in texts) and not any(CAPITALS_WORD.search(text) for text in tables):
        return article
    evidence = [article.title or "", article.caption or "",
                *(without_capitals(p.text) if p.table else p.text for p in article.paragraphs)]
    forms = {**{word: word.capitalize() for word in MONTHS_DAYS}, **country_words(), **case_forms(evidence)}
    filed = [(re.compile(rf"\b{re.escape(place)}\b", re.IGNORECASE), place)
             for place in (part.strip() for part in (article.dateline or "").split(",")) if place]

    def proper(text: str | None, names: bool = False) -> str | None:
        if not text or not (in_capitals(text) or names):
            return text
        cased = recase(text, forms, names) if in_capitals(text) else recase_names(text, forms, is_known_place)
        for pattern, place in filed:  # a place the dateline names is spelt as the dateline spells it ("Sun City")
            cased = pattern.sub(lambda _, place=place: place, cased)
        return cased

    return replace(article, title=proper(article.title), caption=proper(article.caption), paragraphs=tuple(
        replace(p, text=proper(p.text, names=p.table) or p.text) for p in article.paragraphs))


@functools.lru_cache(maxsize=1)
def country_words() -> dict[str, str]:
    """Case-folded one-word country names -> the name ("china" -> "China")."""
    return {name.casefold(): name for name in country_names().values() if " " not in name}


def model_texts(article: Article) -> Iterator[tuple[str, int, bool]]:
    """The texts of an article the model reads, one ``Doc`` each, with their paragraph number (TITLE for the
    title, -1 for the caption) and whether they are prose."""
    if article.title and not title_case(article.title):  # its names count; it is never a summary sentence
        section = SECTION.match(article.title)
        for piece in section.group("section", "headline") if section else (article.title,):
            yield piece, TITLE, False
    if article.caption:
        yield article.caption, -1, False
    for number, paragraph in enumerate(article.paragraphs):
        if not CATEGORIES.match(paragraph.text) and not paragraph.signoff:
            yield paragraph.text, number, paragraph.prose and not CITATION.match(paragraph.text)


# "Golf - Norman leads by two": wire copy files a headline under a section of a word or three and a dash. The
# model reads the two apart, or it runs the section into the headline's first name ("Golf - Norman").
SECTION = re.compile(r"^(?P<section>\S+(?: \S+){0,2}) [-–—] (?P<headline>\S.*)$")
# "Categories: August 15, 2008 Canada Published North America": a news site's filing of the article, not its
# text (its words are the site's labels: "Published", "Archived").
CATEGORIES = re.compile(r"^Categories\s*:")
# A source the article cites, in a list of sources: '"Title of the report" — Toronto Star, August 15, 2008',
# maybe after its author ('Peter Zimonjic. "Title" — Edmonton Sun, August 16, 2008'). The outlet is a group;
# the line is no prose.
CITATION = re.compile(
    r'^(?:[^"“”]{1,80}?\.\s+)?["“][^"“”]+["”]\s*[-–—]{1,2}\s*(?P<outlet>[A-Z][^,"“”]{1,60}?),\s+'
    r"(?:[A-Z][a-z]+\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+\.? \d{4}|\d{4}-\d{2}-\d{2})\.?$"
)


# "the town of X", "X province": the words around a name that say it is a place.
PLACE_BEFORE = lexicon.words("place-before")
MONTHS_DAYS = lexicon.words("months-days")
PLACE_AFTER = lexicon.words("place-after")
CUED_LABELS = {"PERSON", "ORG", "NORP"}
# "designer Halston", "striker Dries Mertens": a lower-case occupation just before a name says it is a person's.
PERSON_BEFORE = set(lexicon.words("occupations"))
PERSON_BEFORE |= {word + "s" for word in PERSON_BEFORE if not word.endswith(("man", "woman", "s"))}
PERSON_CUED_LABELS = {"ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"}
# "the militant group Hezbollah", "the Sea Org group": a lower-case word for an organisation just before or
# after a name says it is a group's. Not after a nationality ("the Kurdish group") or a place ("the Brazil
# team" is not in the list either).
GROUP_BEFORE = lexicon.words("group-before")
GROUP_AFTER = lexicon.words("group-after")
GROUP_CUED_LABELS = {"PERSON", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"}
# "Home Secretary", "Foreign Affairs minister": a name the model cut out of a job title, not an organisation's.
JOB_AFTER = lexicon.words("job-after")
# "Mark Tedeschi, QC,": letters after a person's name, not a place or a group.
POST_NOMINALS = lexicon.words("post-nominals")
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
FINITE_TAG_IDS = tuple(sorted(get_string_id(tag) for tag in FINITE_TAGS))
MIN_ARTICLES_PER_JOB = 16  # fewer, and a worker process costs more than it saves
CHUNK_SIZE = 32
TITLE_PARAGRAPHS = 2  # a title is derived from a sentence of the first paragraphs
LEAD_PARSES = 3  # the first prose sentences of an article are parsed, for its headline (generator.compress)
TITLE = -2  # the paragraph number of an article's own title
DATELINE = -3  # the sentence number of a dateline's mentions (in no sentence)
LOWER_WORD = re.compile(r"\b[a-z]+\b")


def place_cue(c: Columns, start: int, end: int) -> bool:
    """"the town of X", "the valley of the X", "X province", "X, a village of ...": the words around a name
    say it is a place."""
    if start >= 2 and c.lower[start - 1] == OF and c.lower[start - 2] in PLACE_BEFORE_IDS:
        return True
    if start >= 3 and c.lower[start - 1] == THE and c.lower[start - 2] == OF and c.lower[start - 3] in PLACE_BEFORE_IDS:
        return True
    return (end < len(c.lower) and c.lower[end] in PLACE_AFTER_IDS) or appositive_place(c, end)


def appositive_place(c: Columns, end: int) -> bool:
    """"Wayllabamba, a village of a dozen houses", "Hawija, a small town", "Sfax, a port city": a comma, "a"
    or "an", up to two adjectives or nouns, and a word for a place (lexicon ``place-before``) that is the
    phrase's last noun (not "Pell, a city official")."""
    if end + 2 >= len(c.lower) or c.orth[end] != COMMA or c.lower[end + 1] not in A_OR_AN_IDS:
        return False
    for i in range(end + 2, min(end + 5, len(c.lower))):
        if c.lower[i] in PLACE_BEFORE_IDS and (i + 1 == len(c.tag) or c.tag[i + 1] not in COMMON_NOUN_TAG_IDS):
            return True
        if c.tag[i] != JJ_TAG and c.tag[i] not in COMMON_NOUN_TAG_IDS:
            return False
    return False


def after_a_place_preposition(c: Columns, start: int) -> bool:
    """"in Ravello", "to the Hague": a preposition of place (lexicon ``place-prepositions``) just before the
    name, or before "the" and the name."""
    before = start - 1 if start >= 1 and c.lower[start - 1] != THE else start - 2
    return before >= 0 and c.lower[before] in PLACE_PREPOSITION_IDS


def group_cue(c: Columns, start: int, end: int) -> bool:
    """"the militant group Hezbollah", "the Sea Org group": the word before or after a name, in lower case,
    says it is an organisation."""
    return (start >= 1 and c.orth[start - 1] in GROUP_BEFORE_IDS) or (
        end < len(c.orth) and c.orth[end] in GROUP_AFTER_IDS)


def person_cue(doc: Doc, c: Columns, start: int, end: int) -> int | None:
    """Where a person's name cued by an occupation starts ("designer Halston", "athletes Vitas Gerulaitis",
    the given name left out of the model's span; "our guide, Somchai,"), or None without such a cue."""
    if start >= 1 and c.lower[start - 1] in PERSON_BEFORE_IDS and doc[start - 1].is_lower:
        cued = start
    elif (start >= 2 and c.lower[start - 1] == COMMA and c.lower[start - 2] in PERSON_BEFORE_IDS
          and doc[start - 2].is_lower and end < len(doc) and c.lower[end] == COMMA):
        cued = start  # "our guide, Somchai, said": a name set off by commas after an occupation
    elif (start >= 2 and c.lower[start - 2] in PERSON_BEFORE_IDS and doc[start - 2].is_lower
          and doc[start - 1].is_title and c.iob[start - 1] == OUTSIDE):
        cued = start - 1
    else:
        return None
    words = doc[start:end]
    return cued if all(t.is_title or t.is_upper or not t.is_alpha or (0 < t.i - start < len(words) - 1
                                                                       and t.lower_ in SURNAME_PARTICLES)
                       for t in words) else None


class Columns(NamedTuple):
    """A Doc's token attributes as lists of string IDs and numbers, read in one ``Doc.to_array`` call: asking
    a ``Token`` costs a Python object per token asked about."""

    tag: list[int]
    idx: list[int]  # character offset of the token in the text
    iob: list[int]  # 1 inside an entity, 2 outside, 3 at its beginning
    ent_type: list[int]
    lower: list[int]
    orth: list[int]
    space: list[int]  # 1 when white space follows the token
    ent_id: list[int]  # the gazetteer key of the entity the token is in, if the gazetteer matched it
    lemma: list[int]
    stop: list[int]  # 1 for a stop word
    alpha: list[int]  # 1 for a word of letters only


COLUMNS = [TAG, IDX, ENT_IOB, ENT_TYPE, LOWER, ORTH, SPACY, ENT_ID, LEMMA, IS_STOP, IS_ALPHA]


def _ids(strings: Iterable[str]) -> frozenset[int]:
    return frozenset(get_string_id(s) for s in strings)


HYPHEN, COMMA, OF, PERSON, NORP = (get_string_id(s) for s in ("-", ",", "of", "PERSON", "NORP"))
FROM, THE, AT, UNIVERSITY = (get_string_id(s) for s in ("from", "the", "at", "university"))
PLACE_LABEL_IDS = _ids(("GPE", "LOC"))
GIVEN_NAME_MISREAD_IDS = _ids(("GPE", "LOC", "NORP", "ORG", "FAC"))  # labels the model gives a lone given name
SURNAME_PARTICLES = lexicon.words("surname-particles")  # "Herve de Charette", "Ludwig van Beethoven"
POSSESSIVE_TAG, OFFICE_IDS = get_string_id("POS"), _ids(("office", "department"))
ORG, APOSTROPHE = get_string_id("ORG"), get_string_id("'")
INSIDE, OUTSIDE, BEGIN = 1, 2, 3  # ENT_IOB values
MARKS = _ids(("#", "@"))  # before a hashtag or a handle
ADJECTIVE_PREFIX_IDS = _ids(ADJECTIVE_PREFIXES)
POST_NOMINAL_IDS = _ids(POST_NOMINALS | {p + "." for p in POST_NOMINALS})
PLACE_BEFORE_IDS, PLACE_AFTER_IDS = _ids(PLACE_BEFORE), _ids(PLACE_AFTER)
A_OR_AN_IDS = _ids(("a", "an"))
# the one-word titles of offices ("Prosecutor", "Chief", "Sheriff"), but forms of address ("Mr", "Sir")
OFFICE_WORD_IDS = _ids(word for word in lexicon.entries("titles") if " " not in word and not word.endswith(".")
                       and word not in HONORIFICS)
PLACE_PREPOSITION_IDS = _ids(lexicon.words("place-prepositions"))  # "in Ravello", "the ferry to Sorrento"
PERSON_BEFORE_IDS, JOB_AFTER_IDS = _ids(PERSON_BEFORE), _ids(JOB_AFTER)
GROUP_BEFORE_IDS, GROUP_AFTER_IDS = _ids(GROUP_BEFORE), _ids(GROUP_AFTER)
# "the graphic novel Angel Catbird", "the Hajj pilgrimage": a lower-case word for a work, a product or an
# event just before or after a name says it is no person's, place's or group's (lexicons "work-before",
# "work-after")
WORK_BEFORE_IDS, WORK_AFTER_IDS = _ids(lexicon.words("work-before")), _ids(lexicon.words("work-after"))
# "The Lookout (2007)", "Analytic Syntax (1937)": a year alone in brackets after a name dates a work
OPENING, CLOSING = get_string_id("("), get_string_id(")")
YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
# "the Municipality of Bogliasco": a unit of government before "of" and a place (lexicon "administrative-units")
ADMINISTRATIVE_UNIT_IDS = _ids(lexicon.words("administrative-units"))
# "Dr. Bailey", "Mrs Thatcher": a form of address before a name says a person's (lexicon "honorifics")
HONORIFIC_IDS = _ids(HONORIFICS | {h + "." for h in HONORIFICS})


def not_a_name(c: Columns, start: int, end: int) -> bool:
    """"pro-Beijing" (an adjective: the model's span starts after the hyphen) or "Mark Tedeschi, QC"
    (letters after a name)."""
    if start >= 2 and c.orth[start - 1] == HYPHEN and not c.space[start - 2] \
            and c.lower[start - 2] in ADJECTIVE_PREFIX_IDS:
        return True
    return (end - start == 1 and c.orth[start] in POST_NOMINAL_IDS and start >= 2 and c.orth[start - 1] == COMMA
            and c.ent_type[start - 2] == PERSON)


def name_syllable(doc: Doc, end: int) -> bool:
    """"-tat" after "Wong Yeung", "-un" after "Kim Jong": the rest of a hyphenated given name, not a suffix
    such as "-led" or "-style"."""
    if end + 1 >= len(doc) or doc[end].text != "-" or doc[end - 1].whitespace_ or doc[end].whitespace_:
        return False
    return given_name_syllable(doc[end + 1].text) and doc[end + 1].ent_iob_ != "B"


def unnamed_names(doc: Doc, columns: numpy.ndarray, c: Columns) -> list[tuple[int, int, str]]:
    """Runs of two or more proper nouns outside every entity that the model did not see as names: (start,
    end, label). A run that ends on an institution's or a building's word ("The Deseret News observed", "the
    Ghaza Hotel", with a nationality before them: "the Saudi Interior Ministry") is an organisation's or a
    building's; a run of two or three words that opens on a given name and ends on a surname ("the party's
    Regina Ip") is a person's, and so is one that opens on a given name after a nationality ("South African
    Ernie Els"), and a run of up to three after an occupation ("the grammarian Aelius Donatus", "his
    publisher, Simrock,"). ``columns`` is the Doc's ``to_array(COLUMNS)``, ``c`` the same as
    lists."""
    mask = one_of(columns[:, 0], PROPER_TAG_IDS) & (columns[:, 2] == OUTSIDE)
    if not mask.any():
        return []
    candidate = mask.tolist()
    found = []
    for last in numpy.flatnonzero(mask).tolist():
        end = last + 1
        if end < len(candidate) and candidate[end]:
            continue  # not the end of a run
        start = last
        while start > 0 and candidate[start - 1]:
            start -= 1
        headed = c.lower[last] in HEAD_IDS
        if not headed and end - start <= 3 and after_an_occupation(doc, c, start) \
                and (end == len(c.iob) or c.iob[end] != BEGIN) and all(t.is_title for t in doc[start:end]):
            # (a given name before the model's surname is the occupation cue's: "singer Carly [Simon]")
            found.append((start, end, "PERSON"))
            continue
        if not headed and end - start <= 3 and unnamed_place(doc, c, start, end):
            found.append((start, end, "GPE"))
            continue
        # the word checks first: the title-case check makes a Token object per word
        if end - start < 2 or (not headed and end - start > 3) or not all(t.is_title for t in doc[start:end]):
            continue
        if headed:
            label = "ORG" if doc[last].lower_ in GROUP_HEADS else "FAC"
            if start and c.ent_type[start - 1] == NORP and c.iob[start - 1] == BEGIN:
                start -= 1  # "the Saudi Interior Ministry"
            found.append((start, end, label))
        elif not doc[start].is_sent_start and is_person_name(doc[start].text, doc[last].text):
            found.append((start, end, "PERSON"))  # (a sentence's first word may be capitalised for that alone)
        elif start and c.ent_type[start - 1] == NORP and is_given_name(doc[start].text):
            found.append((start, end, "PERSON"))  # a given name after a nationality: "South African Ernie Els"
    return found


def unnamed_place(doc: Doc, c: Columns, start: int, end: int) -> bool:
    """Proper nouns the model left out, after a preposition of place or "of" ("In Accra and in Kumasi", "the
    Northern District of Illinois"), that are a place's own name in GeoNames, of 15,000 people or more, and
    no given name, common surname, month or day ("in March" is no town in England)."""
    placed = after_a_place_preposition(c, start) or (start >= 1 and c.lower[start - 1] == OF)
    if not placed or not all(t.is_title for t in doc[start:end]):
        return False
    name = doc[start:end].text
    return (is_known_place(name) and is_place_name(name) and not is_given_name(name)
            and not is_common_surname(name) and name.casefold() not in MONTHS_DAYS)


def after_an_occupation(doc: Doc, c: Columns, start: int) -> bool:
    """Token ``start`` follows an occupation in lower case (lexicon ``occupations``), or one and a comma."""
    before = start - 1 - (start >= 2 and c.lower[start - 1] == COMMA)
    return before >= 0 and c.lower[before] in PERSON_BEFORE_IDS and doc[before].is_lower


def affiliations(doc: Doc, c: Columns, runs: Iterable[tuple[int, int, int, int]]) -> list[tuple[int, int]]:
    """"Leung Kwok-hung of LSD", "Gary Fan of the Neo Democrats": proper nouns outside every entity (or a
    nationality's: "Democrats") just after a person's name and "of" or "from" are the organisation the person
    belongs to, when they are an abbreviation, end on an institution's word, or are two or more after "the"
    and end on a plural. (start, end) of each."""
    found = []
    for _, last, label, _ in runs:
        if label != PERSON or last + 1 >= len(c.lower) or c.lower[last] not in (OF, FROM):
            continue
        the = c.lower[last + 1] == THE
        start = end = last + 1 + the
        while end < len(c.tag) and c.tag[end] in PROPER_TAG_IDS and (c.iob[end] == OUTSIDE or c.ent_type[end] == NORP):
            end += 1
        if end > start and (c.lower[end - 1] in HEAD_IDS or (end - start == 1 and len(doc[start]) >= 2
                                                              and doc[start].is_upper)
                            or (the and end - start >= 2 and c.tag[end - 1] == PLURAL_PROPER_TAG)):
            found.append((start, end))
    return found


PEERAGE_IDS = _ids(PEERAGES)
ORDINAL_WORD = re.compile(ORDINAL)


def peer_titles(c: Columns, runs: Iterable[tuple[int, int, int, int]], cut: Callable[[int, int], str]
                ) -> list[tuple[tuple[int, int], tuple[int, int], int]]:
    """"John FitzGibbon, 2nd Earl of Clare": a peer's title (lexicon ``peerages``, an ordinal before it, a
    place or a name after it) just after a person's name and a comma is another name of that person.
    ((start, end) of the name, (start, end) of the title, the first token of the place after "of" or -1)
    of each."""
    found = []
    for start, end, label, _ in runs:
        if label != PERSON or end + 2 >= len(c.lower) or c.orth[end] != COMMA:
            continue
        first = word = end + 1
        word += ORDINAL_WORD.fullmatch(cut(word, word + 1)) is not None
        if word >= len(c.lower) or c.lower[word] not in PEERAGE_IDS:
            continue
        of = word + 1 < len(c.lower) and c.lower[word + 1] == OF
        last = named = word + 1 + of
        while last < len(c.tag) and c.tag[last] in PROPER_TAG_IDS:
            last += 1
        if last > named:
            found.append(((start, end), (first, last), named if of else -1))
    return found


def entity_runs(c: Columns) -> list[tuple[int, int, int, int]]:
    """The Doc's entities as ``Doc.ents`` finds them in the same token attributes (a run that begins with a
    typed B token and goes on through I tokens), without a ``Span`` object each: (start, end, label, id)."""
    runs = []
    start = -1
    for i, iob in enumerate(c.iob):
        if iob == INSIDE and start >= 0:
            continue
        if start >= 0:
            runs.append((start, i, c.ent_type[start], c.ent_id[start]))
        start = i if iob == BEGIN and c.ent_type[i] else -1
    if start >= 0:
        runs.append((start, len(c.iob), c.ent_type[start], c.ent_id[start]))
    return runs


def through_plural_possessives(c: Columns, runs: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """A group's name the model ended on a plural's possessive goes on through the proper nouns after it that
    it left out: the possessive is inside the name ("the Croatian Peasants' Party", "the Farmers' Union";
    not "Kenya's Daniel Komen", a singular's, nor "the Peasants' leader")."""
    out = []
    for start, end, label, key in runs:
        if label == ORG and end - start >= 2 and c.tag[end - 1] == POSSESSIVE_TAG and c.orth[end - 1] == APOSTROPHE:
            stop = end
            while stop < len(c.tag) and c.tag[stop] in PROPER_TAG_IDS and c.iob[stop] == OUTSIDE:
                stop += 1
            end = stop
        out.append((start, end, label, key))
    return out


def given_name_before_a_surname(doc: Doc, runs: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """A given name the model read as a place's or a group's, right before a surname it read as a person's,
    is the first word of that person's name ("[Magnus/GPE] [Larsson/PERSON] beat ..." is Magnus Larsson):
    one run, a person's. Not a given name ("Sweden Larsson"), nor a name of two words or more before it."""
    out: list[tuple[int, int, int, int]] = []
    for run in runs:
        start, end, label, _ = run
        if out and label == PERSON and end - start == 1 and doc[start].is_title:
            before = out[-1]
            if before[1] == start and before[1] - before[0] == 1 and before[2] in GIVEN_NAME_MISREAD_IDS \
                    and not before[3] and doc[before[0]].is_title and is_given_name(doc[before[0]].text):
                out[-1] = (before[0], end, PERSON, 0)
                continue
        out.append(run)
    return out


def between_figures(doc: Doc, runs: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """In a line of a table, names are cells: a run the model read across a figure ("Leeds United 3
    Sheffield") is cut at each figure, and the figures are left out."""
    figures = {token.i for token in doc if any(ch.isdigit() for ch in token.text)}
    if not figures:
        return runs
    cut: list[tuple[int, int, int, int]] = []
    for start, end, label, key in runs:
        piece = start
        for i in [*sorted(f for f in figures if start <= f < end), end]:
            if i > piece:
                cut.append((piece, i, label, key))
            piece = i + 1
    return cut


def table_runs(doc: Doc, runs: list[tuple[int, int, int, int]], cut: Callable[[int, int], str],
               sentence_of: Callable[[int], int], into: _Collected) -> list[tuple[int, int, int, int]]:
    """The runs of a line of a table, cut at its figures (:func:`between_figures`), without the first word
    of a label in sentence case ("Repo rate 3.00": the capital opens the label, it says no name). A side of
    a result is a team, whatever the model read in it ("Cologne 1" as a person, "Bayern Munich 1 Hansa" as
    one name): the line's shape is the cue, and it votes with the prose (a mention of its own)."""
    runs = between_figures(doc, runs)
    if label_in_sentence_case(doc):
        runs = [run for run in runs if run[0] != 0]
    for start, end in score_line_sides(doc):
        runs = [run for run in runs if run[1] <= start or run[0] >= end]
        into.mentions.append(Mention(cut(start, end), "ORG", sentence_of(start), cued=True, side=True))
    if (row := ranked_name(doc)) is not None:
        start, end = row
        covering = [run for run in runs if run[0] < end and run[1] > start]
        name = cut(start, end)
        if not covering:  # "Buffalo 13 12 3 78 74 29": the model saw no name in the line's first cell
            into.mentions.append(Mention(name, "ORG", sentence_of(start)))
        elif all(run[2] in PLACE_LABEL_IDS for run in covering) and not any(m < 0 for m in meanings(name)[:1]):
            # a town in a table of standings is its team ("Hartford 12 7 6 77 76 30"); a country (the likeliest
            # meaning GeoNames gives the name: countries' IDs are negative) stays a place
            runs = [run for run in runs if run not in covering]
            into.mentions.append(Mention(name, "ORG", sentence_of(start), cued=True, side=True))
    return runs


RANKED_FIGURES = 3  # a name and this many figures or more: a row of standings, a leaderboard, a medal table


def ranked_name(doc: Doc) -> tuple[int, int] | None:
    """A row of standings or a leaderboard: a name of capitalised words, then :data:`RANKED_FIGURES` figures
    or more and nothing else ("Hartford 12 7 6 77 76 30", "Greg Norman 66 69 135"): (start, end) of the
    name; else None."""
    figure = [any(ch.isdigit() for ch in token.text) or token.text in EMPTY_CELLS for token in doc]
    cell = next((i for i, is_figure in enumerate(figure) if is_figure), len(doc))
    if cell == 0 or len(doc) - cell < RANKED_FIGURES or not all(figure[cell:]):
        return None
    words = doc[:cell]
    if not all(t.is_title or t.is_upper or t.text in {"-", ".", "'", "&"} for t in words if not t.is_space):
        return None
    return 0, cell


def label_in_sentence_case(doc: Doc) -> bool:
    """A line of a table that opens on a label of two words or more in sentence case, a capital and then
    lower case, before its figures ("Repo rate 3.00", "Interim dividend 3.1p vs 2.8p"; not "Japan beat China
    2-1", "Bayern Munich 2")."""
    label = list(itertools.takewhile(lambda token: not any(ch.isdigit() for ch in token.text), doc))
    rest = [token for token in label[1:] if token.is_alpha]
    return len(label) >= 2 and label[0].is_title and bool(rest) and all(token.is_lower for token in rest)


def score_line_sides(doc: Doc) -> list[tuple[int, int]]:
    """A line of results that reads name, score, name, score ("Bayern Munich 2 Hamburg 0"): (start, end) of
    its two sides, the teams (or players), when every word of each is capitalised; else none."""
    figure = [any(ch.isdigit() for ch in token.text) for token in doc]
    cells: list[tuple[int, int]] = []
    start = 0
    for i, is_figure in enumerate(figure):
        if is_figure:
            if i == start:
                return []  # two figures in a row, or a line that opens on one: not name, score, name, score
            cells.append((start, i))
            start = i + 1
    if len(cells) != 2 or start != len(doc):
        return []
    named = [(begin, end) for begin, end in cells
             if all(t.text[:1].isupper() or not t.is_alpha for t in doc[begin:end])
             and any(t.is_alpha for t in doc[begin:end])]
    return named if len(named) == 2 else []


def one_of(values: numpy.ndarray, ids: tuple[int, ...]) -> numpy.ndarray:
    """``numpy.isin`` for a handful of ids, without its sorting (which cost more than the rest per Doc)."""
    mask = values == ids[0]
    for other in ids[1:]:
        mask |= values == other
    return mask


PROPER_TAG_IDS = tuple(get_string_id(tag) for tag in ("NNP", "NNPS"))
CONTENT_TAG_IDS = _ids(tag for tag, coarse in COARSE.items() if coarse in ("NOUN", "PROPN", "VERB", "ADJ"))
PLURAL_PROPER_TAG = get_string_id("NNPS")
IN_TAG, JJ_TAG = get_string_id("IN"), get_string_id("JJ")
COMMON_NOUN_TAG_IDS = _ids(("NN", "NNS"))
TRAILING_ADJECTIVE_LABELS = {"ORG", "FAC", "GPE", "LOC"}
HEAD_IDS = _ids(HEADS)
GROUP_HEAD_IDS = _ids(GROUP_HEADS)
COARSE_OF_TAG = {get_string_id(tag): coarse for tag, coarse in COARSE.items()}


def title_case(title: str) -> bool:
    """"Pop Culture Celebrated At Expo": every word capitalised, which the model reads as names throughout."""
    words = [w for w in title.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


class Tokens(NamedTuple):
    """One Doc as the span rules read it: the Doc, its token columns, and where each place entity ends (by its
    first token)."""

    doc: Doc
    c: Columns
    place_runs: dict[int, int]


# The model's entity spans, corrected at the token level before their text is read. Each registry runs in
# order; a rule is named, with its one-line example: a sentence (``[words/LABEL]`` marks the model's span where
# the example sets it), then a mention the rule makes (``Text/LABEL``, ``+`` when cued) or ``no Text``.
# ``tests/test_span_rules.py`` runs each on the real model, with the rule and without it.
NOT_NAMES: list[Rule] = []  # (tokens, first, last) -> True: the span is no name
BOUNDS: list[Rule] = []  # (tokens, first, end, label, key) -> (first, end): where the name really starts and ends
NOT_NAMES_AFTER: list[Rule] = []  # (tokens, first, end, label) -> True: the corrected span is no name
CUES: list[Rule] = []  # (tokens, first, last, end, label) -> (label, start, cued), or None; the first that fits


@rule(NOT_NAMES, "hashtag-or-handle", "Posts tagged #Mosul spread on Monday. -> no Mosul")
def _hashtag(t: Tokens, first: int, last: int) -> bool:
    return first > 0 and t.c.orth[first - 1] in MARKS and not t.c.space[first - 1]


@rule(NOT_NAMES, "adjective-or-letters-after-a-name",
      "The pro-Beijing camp won, said Mark Tedeschi, QC, on Monday. -> no QC")
def _adjective_or_post_nominal(t: Tokens, first: int, last: int) -> bool:
    return not_a_name(t.c, first, last)


@rule(BOUNDS, "hyphenated-given-name", "Police arrested [Wong Yeung/PERSON]-tat on Monday. -> Wong Yeung-tat/PERSON")
def _hyphenated_given_name(t: Tokens, first: int, end: int, label: str, key: str) -> tuple[int, int]:
    if label == "PERSON" and end - first >= 2 and name_syllable(t.doc, end):
        return first, end + 2
    return first, end


@rule(BOUNDS, "adjective-of-the-noun-after", "He criticised [Scientology on French/ORG] television. -> Scientology/ORG")
def _adjective_after(t: Tokens, first: int, end: int, label: str, key: str) -> tuple[int, int]:
    c = t.c
    if label in TRAILING_ADJECTIVE_LABELS and not key and end - first >= 3 and c.tag[end - 2] == IN_TAG \
            and c.tag[end - 1] == JJ_TAG and end < len(c.tag) and c.tag[end] in COMMON_NOUN_TAG_IDS:
        return first, end - 2
    return first, end


@rule(BOUNDS, "proper-nouns-a-name-opens-on",
      "Stalls were run by Red Dwarf [Society of Canada/ORG] on Saturday. -> Red Dwarf Society of Canada/ORG")
def _name_opening(t: Tokens, first: int, end: int, label: str, key: str) -> tuple[int, int]:
    """The proper noun before an organisation's span ("Internet Explorer's"); else, for a span that opens on
    its head word, up to three proper nouns before it ("Doctor Who Society of Canada" tagged from
    "Society")."""
    c = t.c
    if label != "ORG" or key:
        return first, end
    if first and c.iob[first - 1] == OUTSIDE and c.tag[first - 1] in PROPER_TAG_IDS \
            and c.orth[first - 1] != c.lower[first - 1] and (first == 1 or c.tag[first - 2] not in PROPER_TAG_IDS):
        return first - 1, end
    if c.lower[first] in GROUP_HEAD_IDS:
        start = first
        while start > 0 and first - start < 3 and c.iob[start - 1] == OUTSIDE \
                and c.tag[start - 1] in PROPER_TAG_IDS and c.orth[start - 1] != c.lower[start - 1]:
            start -= 1
        return start, end
    return first, end


@rule(BOUNDS, "office-after-a-possessive",
      "The Orange County Sheriff's office said nothing. -> The Orange County Sheriff's office/ORG")
def _office(t: Tokens, first: int, end: int, label: str, key: str) -> tuple[int, int]:
    c = t.c
    if label == "ORG" and not key and end < len(c.lower) and c.tag[end - 1] == POSSESSIVE_TAG \
            and c.orth[end] in OFFICE_IDS:
        return first, end + 1
    return first, end


@rule(BOUNDS, "university-at-its-campus", "She studied at the University of North Carolina at Greensboro for years."
      " -> the University of North Carolina at Greensboro/ORG")
def _campus(t: Tokens, first: int, end: int, label: str, key: str) -> tuple[int, int]:
    c = t.c
    if label == "ORG" and not key and end + 1 < len(c.lower) and c.lower[end] == AT \
            and UNIVERSITY in c.lower[first:end] and (campus := t.place_runs.get(end + 1)):
        return first, campus
    return first, end


@rule(BOUNDS, "administrative-unit-of-a-place",
      "Taxes rose in the Municipality of Bogliasco last year. -> Bogliasco/GPE")
def _administrative_unit(t: Tokens, first: int, end: int, label: str, key: str) -> tuple[int, int]:
    """The place's name after "of", not the unit's word: "the Municipality of Livorno" is Livorno."""
    c = t.c
    unit = first + (c.lower[first] == THE)
    if label in PLACE_LABELS and not key and unit + 2 < end and c.lower[unit] in ADMINISTRATIVE_UNIT_IDS \
            and t.doc[unit].is_title and c.lower[unit + 1] == OF and t.doc[unit + 2].is_title:
        return unit + 2, end
    return first, end


@rule(BOUNDS, "office-at-the-end-of-a-name",
      "Cook County Sheriff Tom Dart said the jail was full. -> Cook County/FAC")
def _office_at_the_end(t: Tokens, first: int, end: int, label: str, key: str) -> tuple[int, int]:
    """A name the model ran on into an office's title, before a person's name ("Montgomery County Prosecutor
    Mathias Heck", "Dayton Police Chief Kamran Afzal"): the name ends before the office, the holder's."""
    c = t.c
    if key or label not in ("ORG", "GPE", "FAC") or end >= len(c.ent_type) or c.ent_type[end] != PERSON:
        return first, end
    cut = end
    while cut - first > 1 and c.lower[cut - 1] in OFFICE_WORD_IDS and t.doc[cut - 1].is_title:
        cut -= 1
    return first, cut


@rule(BOUNDS, "figures-beside-a-persons-name",
      "Essex declared on 412 for eight ( R. Irani 123 , N. Hussain 88 ) on Friday . -> N. Hussain/PERSON")
def _figures_beside_a_person(t: Tokens, first: int, end: int, label: str, key: str) -> tuple[int, int]:
    """A person's name holds no figure: the model read a score, a time or an age beside it into the name
    ("Scottie Pippen 22", "A. Mullally 4-37"): the name ends before its first figure and opens after the
    figures before it. A group's or a building's name may hold one ("Studio 54", "Terminal 5")."""
    if label != "PERSON" or key:
        return first, end
    figure = [any(ch.isdigit() for ch in token.text) for token in t.doc[first:end]]
    while len(figure) > 1 and figure[0]:  # "135 Colin Montgomerie"
        first, figure = first + 1, figure[1:]
    return first, first + next((i for i, is_figure in enumerate(figure) if is_figure and i), len(figure))


REPORTING_PERIOD = re.compile(r"(?:[HQ][1-4]|[1-4][HQ]|FY\d{0,4}|9M)")  # "H1", "Q3", "1H", "FY96": a period


@rule(BOUNDS, "a-reporting-period-after-a-name", "Siemens Q3 profit beat forecasts on Thursday. -> Siemens/ORG")
def _reporting_period(t: Tokens, first: int, end: int, label: str, key: str) -> tuple[int, int]:
    """A half, a quarter or a financial year after a company's name is the period its results are for, no
    part of the name ("Aegon H1 profit", "Nokia Q2 results")."""
    if label == "ORG" and not key and end - first >= 2 and REPORTING_PERIOD.fullmatch(t.doc[end - 1].text):
        return first, end - 1
    return first, end


@rule(NOT_NAMES_AFTER, "part-of-a-job-title", "The Home Secretary said the plan would be reviewed. -> no Home")
def _job_title(t: Tokens, first: int, end: int, label: str) -> bool:
    return label == "ORG" and end < len(t.doc) and t.c.lower[end] in JOB_AFTER_IDS


@rule(NOT_NAMES_AFTER, "office-addressed-by-its-title", "Thank you, Mr. Speaker, for the time. -> no Speaker")
def _addressed_by_title(t: Tokens, first: int, end: int, label: str) -> bool:
    """"Mr. Speaker", "Mr. Chairman": a form of address before a title is how a speech addresses an
    office, not a name (not a title that is also a common surname: "Mr Major")."""
    c, doc = t.c, t.doc
    return bool(first) and c.lower[first - 1] in HONORIFIC_IDS and doc[first - 1].is_title and all(
        token.lower_.rstrip(".") in TITLE_WORDS and not is_common_surname(token.text) for token in doc[first:end])


@rule(CUES, "work-or-product-cue",
      "She launched her graphic novel [Angel Catbird/PERSON] at the fair. -> Angel Catbird/WORK_OF_ART+")
def _work_cue(t: Tokens, first: int, last: int, end: int, label: str) -> tuple[str, int, bool] | None:
    """Not a kind's label: the name is never indexed."""
    c = t.c
    if (first and c.orth[first - 1] in WORK_BEFORE_IDS) or (end < len(c.orth) and c.orth[end] in WORK_AFTER_IDS):
        return "WORK_OF_ART", first, True
    if end - first >= 2 and t.doc[first:end].text.startswith(CRAFT_PREFIXES):  # "Space Shuttle Atlantis"
        return "WORK_OF_ART", first, True
    return ("WORK_OF_ART", first, True) if dated_work(t, first, end, label) else None


def dated_work(t: Tokens, first: int, end: int, label: str) -> bool:
    """"The Lookout (2007)": a name and a year alone in brackets are a work and the year it came out; not a
    place and a date ("in Paris (1927)") nor an author and the year of the work cited ("by Giovanni Bellini
    (1505)", "Cruse and Croft (2004)": a person's or a common surname's name)."""
    c, doc = t.c, t.doc
    if label in ("PERSON", "GPE", "LOC") or end + 2 >= len(c.orth) or c.orth[end] != OPENING \
            or c.orth[end + 2] != CLOSING or not YEAR.fullmatch(doc[end + 1].text):
        return False
    words = [token.text for token in doc[first:end] if token.is_title]
    return not (first and doc[first - 1].lower_ == "by") and not (
        (len(words) == 1 and is_common_surname(words[0])) or (len(words) == 2 and is_person_name(*words)))


@rule(CUES, "place-cue", "They fled the city of Marawi. -> Marawi/GPE")
def _place_cue(t: Tokens, first: int, last: int, end: int, label: str) -> tuple[str, int, bool] | None:
    return ("GPE", first, False) if label in CUED_LABELS and place_cue(t.c, first, last) else None


@rule(CUES, "group-cue", "The militant group Abu Sayyaf kidnapped them. -> Abu Sayyaf/ORG+")
def _group_cue(t: Tokens, first: int, last: int, end: int, label: str) -> tuple[str, int, bool] | None:
    return ("ORG", first, True) if label in GROUP_CUED_LABELS and group_cue(t.c, first, last) else None


@rule(CUES, "occupation-before-a-name", "The show was made by designer Halston in 1975. -> Halston/PERSON+")
def _person_cue(t: Tokens, first: int, last: int, end: int, label: str) -> tuple[str, int, bool] | None:
    if label in PERSON_CUED_LABELS and (start := person_cue(t.doc, t.c, first, end)) is not None:
        return "PERSON", start, True
    return None


@rule(CUES, "form-of-address-before-a-name", "The patient was seen by Dr. [Bailey/ORG] on Monday. -> Bailey/PERSON+")
def _form_of_address(t: Tokens, first: int, last: int, end: int, label: str) -> tuple[str, int, bool] | None:
    """Before the span, or opening it (a group's span takes in the proper noun before it): the name starts
    after it."""
    c, doc = t.c, t.doc
    if label not in PERSON_CUED_LABELS:
        return None
    if first and c.lower[first - 1] in HONORIFIC_IDS and doc[first - 1].is_title:
        return "PERSON", first, True
    if end - first >= 2 and c.lower[first] in HONORIFIC_IDS and doc[first].is_title:
        return "PERSON", first + 1, True
    return None


@rule(CUES, "person-named-after-an-occupation", "The study was led by researcher Mu Li at the lab. -> Mu Li/PERSON+")
def _person_cued(t: Tokens, first: int, last: int, end: int, label: str) -> tuple[str, int, bool] | None:
    return ("PERSON", first, person_cue(t.doc, t.c, first, end) == first) if label == "PERSON" else None


def span_mention(t: Tokens, run: tuple[int, int, int, int], cut: Callable[[int, int], str]
                 ) -> tuple[str, str, str, bool, int] | None:
    """One entity span of the model, through the span rules: (name, label, key, cued, first token), or None
    when it is no name."""
    first, last, label_id, key_id = run
    if any(drop.run(t, first, last) for drop in NOT_NAMES):
        return None
    strings = t.doc.vocab.strings
    label, key = strings[label_id], strings[key_id] if key_id else ""
    end = last
    for bound in BOUNDS:
        first, end = bound.run(t, first, end, label, key)
    if key:
        return cut(first, end), label, key, False, first
    if any(drop.run(t, first, end, label) for drop in NOT_NAMES_AFTER):
        return None
    for cue in CUES:
        if (found := cue.run(t, first, last, end, label)) is not None:
            label, start, cued = found
            return cut(start, end), label, key, cued, first
    return cut(first, end), label, key, False, first


def pieces_of_long_forms(runs: list[tuple[int, int, int, int]], pairs: list[tuple[Span, Span]]
                         ) -> list[tuple[int, int, int, int]]:
    """"Movimento 5 Stelle (M5S)": the model's person "Stelle" is a piece of the long form, not a name."""
    return [run for run in runs if run[2] != PERSON or not any(
        long.start <= run[0] and run[1] <= long.end and (run[0], run[1]) != (long.start, long.end)
        for long, _ in pairs)]


def pair_mentions(doc: Doc, pairs: list[tuple[Span, Span]], sentence_of: Callable[[int], int],
                  into: _Collected) -> None:
    """The abbreviation pairs, and a mention for each side the model missed, with the short form's label."""
    for long, short in pairs:
        into.pairs.append((long.text, short.text))
        label = next((e.label_ for e in doc.ents if e.text == short.text), "ORG")
        if not any(e.start == long.start and e.end == long.end for e in doc.ents):
            into.mentions.append(Mention(long.text, label, sentence_of(long.start)))
        if not any(e.start == short.start and e.end == short.end for e in doc.ents):
            into.mentions.append(Mention(short.text, label, sentence_of(short.start)))


def peer_mentions(c: Columns, runs: list[tuple[int, int, int, int]], cut: Callable[[int, int], str],
                  sentence_of: Callable[[int], int], into: _Collected) -> list[tuple[int, int, int, int]]:
    """A mention of each peer's title (:func:`peer_titles`) and its pair with the person's name; the runs
    without the model's pieces of the title ("1st Earl", "Snowdon"); what a peer is "of" is a place
    ("Snowdon")."""
    for (start, end), (first, last), place in peer_titles(c, runs, cut):
        runs = [run for run in runs if run[1] <= first or run[0] >= last]
        into.mentions.append(Mention(cut(first, last), "PERSON", sentence_of(first), cued=True))
        if place >= 0:
            into.mentions.append(Mention(cut(place, last), "GPE", sentence_of(place), cued=True, guessed=True))
        into.pairs.append((cut(start, end), cut(first, last)))
    return runs


def sentences_of(doc: Doc, text: str, paragraph: int, prose: bool, columns: numpy.ndarray, c: Columns,
                 into: _Collected, parser: Callable[[Doc], Doc] | None = None) -> list[int]:
    """Each sentence of the Doc as plain data (with its tokens' coarse tags in the first paragraphs, where
    a title may be derived from, and the parse of the first :data:`LEAD_PARSES` prose sentences); the first
    token of each."""
    finite_tags = one_of(columns[:, 0], FINITE_TAG_IDS)
    starts = [*c.idx, len(text)]
    sentence_starts = []
    for first, end in whole_sentences(doc, c):
        tokens = tuple((text[starts[i]:starts[i + 1]], COARSE_OF_TAG.get(c.tag[i], "X"))
                       for i in range(first, end)) if paragraph <= TITLE_PARAGRAPHS else ()
        parse: tuple[Parsed, ...] = ()
        if parser is not None and tokens and prose and paragraph >= 0 and into.parsed < LEAD_PARSES:
            parse = parse_sentence(parser, doc[first:end], tokens)
            into.parsed += 1
        into.sentences.append((text[starts[first]:starts[end]].strip(), paragraph, prose, tokens,
                               bool(finite_tags[first:end].any()), parse))
        sentence_starts.append(first)
    return sentence_starts


def parse_sentence(parser: Callable[[Doc], Doc], sentence: Span,
                   tokens: tuple[tuple[str, str], ...]) -> tuple[Parsed, ...]:
    """The dependency parse of one sentence, run on its own ``Doc`` (the pipeline leaves the parser out:
    parsing every sentence would cost a fifth more time, for the few a headline is made from)."""
    doc = parser(sentence.as_doc())
    return tuple(Parsed(text, pos, t.tag_, t.dep_, t.head.i, t.lemma_, f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_
                        else "") for t, (text, pos) in zip(doc, tokens, strict=True))


def whole_sentences(doc: Doc, c: Columns) -> Iterator[tuple[int, int]]:
    """The Doc's sentences as (first token, end), a sentence the model ended inside brackets joined to the
    next: no sentence ends in a parenthesis ("Otto Jespersen (Danish: [ʌtˢo]; 1860 – 1943) was a linguist")."""
    first, depth = 0, 0
    for sent in doc.sents:
        depth += sum(BRACKET_DEPTH.get(orth, 0) for orth in c.orth[sent.start:sent.end])
        if depth <= 0 or sent.end == len(doc):
            yield first, sent.end
            first, depth = sent.end, 0


BRACKET_DEPTH = {get_string_id(mark): step for marks, step in (("([", 1), (")]", -1)) for mark in marks}


def collect(doc: Doc, text: str, paragraph: int, prose: bool, into: _Collected,
            parser: Callable[[Doc], Doc] | None = None, table: bool = False) -> None:
    """Sentences, mentions and abbreviation pairs of one Doc, as plain data. Kept lean: it runs per paragraph.

    ``text`` is the string the Doc was made from (spaCy keeps every character, so ``doc.text == text``):
    pieces of it are cut by character offsets, because ``Doc.text`` and ``Span.text`` make a Python
    ``Token`` for every token they join (a third of this function's time before)."""
    offset = len(into.sentences)
    first_mention = len(into.mentions)
    columns = doc.to_array(COLUMNS)
    c = Columns(*columns.T.tolist())
    starts = [*c.idx, len(text)]  # token i is text[starts[i]:starts[i + 1]], with its space

    def cut(start: int, end: int) -> str:  # the text of tokens start..end, without the last one's space
        return text[starts[start]:starts[end] - c.space[end - 1]]

    if paragraph == TITLE:  # the title's names only, through the same span rules: no sentence, no position
        title_mentions(doc, c, cut, into)
        return

    sentence_starts = sentences_of(doc, text, paragraph, prose, columns, c, into, parser)

    def sentence_of(token: int) -> int:
        return offset + bisect.bisect_right(sentence_starts, token) - 1

    runs = name_runs(doc, c)
    if table:
        runs = table_runs(doc, runs, cut, sentence_of, into)
    cited = CITATION.match(text) if not prose else None
    if cited:  # the outlet is a group, whatever the model saw in it
        outlet_start, outlet_end = cited.span("outlet")
        token = bisect.bisect_right(c.idx, outlet_start) - 1
        into.mentions.append(Mention(cited.group("outlet"), "ORG", sentence_of(token), cued=True))
        runs = [run for run in runs if starts[run[1]] <= outlet_start or starts[run[0]] >= outlet_end]
    pairs = find_pairs(doc) if "(" in text else []
    if pairs:
        runs = pieces_of_long_forms(runs, pairs)
    runs = peer_mentions(c, runs, cut, sentence_of, into)
    tokens = span_tokens(doc, c, runs)
    for run in runs:
        if (found := span_mention(tokens, run, cut)) is not None:
            name, label, key, cued, first = found
            role = person_role(doc, c, first, cut) if label == "PERSON" else ""
            into.mentions.append(Mention(name, label, sentence_of(first), key, cued, role=role,
                                         placed=after_a_place_preposition(c, first)))
    for start, end in affiliations(doc, c, runs):
        into.mentions.append(Mention(cut(start, end), "ORG", sentence_of(start), cued=True, guessed=True))
    for start, end, label in unnamed_names(doc, columns, c):
        into.mentions.append(Mention(cut(start, end), label, sentence_of(start), guessed=True))
    into.lower_words.update(LOWER_WORD.findall(text))
    pair_mentions(doc, pairs, sentence_of, into)
    if table:  # a line of a table: its names take the kind the prose gives them (rules.entity_of)
        into.mentions[first_mention:] = [replace(m, tabled=True) for m in into.mentions[first_mention:]]
    if prose:
        into.terms.update(content_words(doc, c))


def title_mentions(doc: Doc, c: Columns, cut: Callable[[int, int], str], into: _Collected) -> None:
    """The names of an article's title, read by the span rules as the text's are ("Aegon H1 profit rises"
    names Aegon), in no sentence (-1)."""
    runs = name_runs(doc, c)
    tokens = span_tokens(doc, c, runs)
    for run in runs:
        if (found := span_mention(tokens, run, cut)) is not None:
            name, label, key, cued, _ = found
            into.mentions.append(Mention(name, label, -1, key, cued))


def name_runs(doc: Doc, c: Columns) -> list[tuple[int, int, int, int]]:
    """The model's entity runs of a Doc, with the corrections that join runs (a plural's possessive inside
    a group's name, a given name misread before its surname), for the title and the text alike."""
    return given_name_before_a_surname(doc, through_plural_possessives(c, entity_runs(c)))


def span_tokens(doc: Doc, c: Columns, runs: list[tuple[int, int, int, int]]) -> Tokens:
    """The Doc as the span rules read it, with where each of its place runs ends."""
    return Tokens(doc, c, {start: stop for start, stop, label_id, _ in runs if label_id in PLACE_LABEL_IDS})


def person_role(doc: Doc, c: Columns, first: int, cut: Callable[[int, int], str]) -> str:
    """The role given just before the person's name that starts at token ``first``, in its sentence
    (:func:`~generator.nlp.salience.role_before`)."""
    start = max(doc[first].sent.start, first - ROLE_MAX_WORDS - 1)
    if start == first:
        return ""
    strings = doc.vocab.strings
    return role_before([cut(i, i + 1) for i in range(start, first)], [strings[c.tag[i]] for i in range(start, first)],
                       [c.ent_type[i] == PERSON for i in range(start, first)])


def content_words(doc: Doc, c: Columns) -> Iterator[str]:
    """The lemmas of the Doc's nouns, proper nouns, verbs and adjectives, lower-cased, stop words left out."""
    strings = doc.vocab.strings
    for tag, stop, alpha, lemma in zip(c.tag, c.stop, c.alpha, c.lemma, strict=True):
        if tag in CONTENT_TAG_IDS and alpha and not stop:
            term = strings[lemma].casefold()
            if len(term) > 1:
                yield term


# What the entity rules know besides an article's mentions: GeoNames and the name lists (the fields of
# generator.nlp.rules.Context; the article's own lower-case words are added per article).
EVIDENCE: dict[str, Callable[..., object]] = dict(
    known_place=is_known_place, person_name=is_person_name, given_name=is_given_name, place_name=is_place_name,
    place_meanings=meanings, one_given_name=one_given_name, common_surname=is_common_surname,
    place_country=country_of, small_places=small_places, distinct_place=distinct_place, place_population=population,
    common_noun=is_common_noun,
)


def dateline_mentions(article: Article) -> list[Mention]:
    """The places of the article's dateline ("Al-Ain, United Arab Emirates": two) as mentions: a dateline
    names where the story was filed, a place, whatever the model would read in it. They are in no sentence
    (:data:`DATELINE`)."""
    parts = (article.dateline or "").split(",")
    return [Mention(part.strip(), "GPE", DATELINE, cued=True, placed=True) for part in parts if part.strip()]


def finish(article: Article, found: _Collected, gazetteer: Gazetteer, options: AnalysisOptions) -> Analysis:
    filed = dateline_mentions(article)
    entities, key_of = group_mentions([*found.mentions, *filed], found.pairs, gazetteer,
                                      common_words=frozenset(found.lower_words), **EVIDENCE)
    # A place is indexed for its dateline, but the dateline is no mention of it in the text: it says where
    # the news came from, not what it is about (an entity named only there is like the agency: an outlet).
    named = {key_of[i] for i in range(len(found.mentions)) if i in key_of}
    datelined = Counter(key_of[i] for i in range(len(found.mentions), len(found.mentions) + len(filed)) if i in key_of)
    entities = tuple(replace(e, mentions=max(1, e.mentions - datelined[e.key])) for e in entities)
    keys_by_sentence: dict[int, list[str]] = {}
    for index, mention in enumerate(found.mentions):
        if index in key_of:
            keys_by_sentence.setdefault(mention.sentence, []).append(key_of[index])
    # an outlet is where the news came from, not who or what it is about: it is no part of the main cast
    outlets = {e.key for e in entities if is_outlet(e, article) or (datelined[e.key] and e.key not in named)}
    sentences = [
        SentenceInfo(
            text=text,
            position=position,
            paragraph=paragraph,
            prose=prose,
            entities=tuple(k for k in dict.fromkeys(keys_by_sentence.get(position, ())) if k not in outlets),
            tokens=tokens,
            finite=finite,
            parse=parse,
        )
        for position, (text, paragraph, prose, tokens, finite, parse) in enumerate(found.sentences)
        if text
    ]
    digest = summarise(
        sentences,
        article.title,
        summary_sentences=options.summary_sentences,
        summary_words=options.summary_words,
        key_points=options.key_points,
        names=[name for e in entities for name in (e.name, *e.aliases)],
    )
    first = first_sentences(keys_by_sentence, [prose and bool(text) for text, _, prose, *_ in found.sentences])
    after_all = sum(s.prose for s in sentences)
    roles = entity_roles((key_of[i], m.role) for i, m in enumerate(found.mentions) if i in key_of)
    entities = tuple(replace(e, first=first.get(e.key, after_all), outlet=e.key in outlets,
                             roles=roles.get(e.key, ())) for e in entities)
    return Analysis(
        article_id=article.id,
        title=digest.title,
        summary=digest.summary,
        key_points=digest.key_points,
        entities=entities,
        sentences=len(sentences),
        terms=content_terms(found.terms),
        signature=signature(article),
    )
