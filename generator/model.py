"""The archive's data model: frozen dataclasses, no spaCy, no Markdown."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

Kind = Literal["person", "place", "group"]
KINDS: tuple[Kind, ...] = ("person", "place", "group")
KIND_FOLDERS: dict[str, str] = {"person": "people", "place": "places", "group": "groups"}


@dataclass(frozen=True)
class Paragraph:
    """One block of an article's body; ``crosshead`` blocks are sub-headings, a block that ends on a photo
    credit (``... Image: Name.``) is a photo caption, a ``table`` block is one line of a table or a list of
    results, and a ``signoff`` block the desk that filed the story: none of them is prose."""

    text: str
    line: int
    crosshead: bool = False
    credit: str | None = None  # set: the block is a photo caption, and this its credit
    table: bool = False
    signoff: bool = False  # the agency's sign-off that ends wire copy ("-- London Newsroom +44 171 542 7717")

    @property
    def prose(self) -> bool:
        return not self.crosshead and self.credit is None and not self.table and not self.signoff


@dataclass(frozen=True)
class Article:
    """One input article as the reader found it, validated and normalised."""

    id: str
    path: str  # relative to the seeds folder, for messages and the source box
    line: int  # where the article starts in its file (JSON Lines: its line)
    date: dt.date
    title: str | None  # None: derive from the lead
    source: str | None  # agency
    dateline: str | None
    caption: str | None
    credit: str | None
    paragraphs: tuple[Paragraph, ...]
    url: str | None
    tags: tuple[str, ...]
    digest: str  # sha256 of the normalised article
    aliases: tuple[str, ...] = ()  # former addresses, "YYYY-MM-DD/old-id": they redirect here

    @property
    def old_ids(self) -> tuple[str, ...]:
        return tuple(alias.split("/", 1)[1] for alias in self.aliases)

    @property
    def body(self) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if p.prose)

    @property
    def words(self) -> int:
        return sum(len(p.text.split()) for p in self.paragraphs)


@dataclass(frozen=True)
class Sentence:
    text: str
    paragraph: int  # index into Article.paragraphs; -1 for the caption
    position: int  # order of the sentence in the body
    entities: tuple[str, ...] = ()  # keys of the entities it mentions


@dataclass(frozen=True)
class ArticleEntity:
    """An entity as one article mentions it."""

    key: str
    name: str
    kind: Kind
    aliases: tuple[str, ...]  # other names this article used
    mentions: int
    votes: tuple[tuple[str, int], ...] = ()  # kind -> mentions voting for it
    from_gazetteer: bool = False
    first: int = 0  # the first prose sentence naming it (0: the lead; -1: the title)
    outlet: bool = False  # a news outlet: the article's agency, a photo credit, a paper or agency it cites
    roles: tuple[str, ...] = ()  # a person's roles in this article ("Iraqi Prime Minister"), commonest first


@dataclass(frozen=True)
class Analysis:
    """What the analysis found in one article."""

    article_id: str
    title: str
    summary: tuple[str, ...]
    key_points: tuple[str, ...]
    entities: tuple[ArticleEntity, ...]
    sentences: int
    terms: tuple[tuple[str, int], ...] = ()  # content lemmas and their counts, commonest first
    signature: tuple[int, ...] = ()  # MinHash of the article's word shingles (generator.dedup)


@dataclass(frozen=True)
class Geo:
    """Where a place is, from GeoNames."""

    geonameid: int
    name: str  # GeoNames' name
    feature: str  # country | state | city
    country: str  # country name
    latitude: float | None
    longitude: float | None
    region: str | None = None  # a city's first-level region, as GeoNames names it ("Kirkuk", "England")


@dataclass(frozen=True)
class Entity:
    """One entity across the archive: one key, one page."""

    key: str
    name: str
    kind: Kind
    aliases: tuple[str, ...]
    briefings: tuple[str, ...]  # ids, newest first
    mentions: int
    # (key, shared briefings, its mentions in them): the strongest first (generator.similarity.companions)
    companions: tuple[tuple[str, int, int], ...] = ()
    roles: tuple[tuple[str, str], ...] = ()  # a person's: (role, the newest briefing giving it), commonest first
    timeline: tuple[tuple[str, int], ...] = ()  # (YYYY-MM, mentions), oldest first
    description: str | None = None
    geo: Geo | None = None  # places only: the GeoNames record it was resolved to

    # Paths are cached (in the instance's __dict__, which the frozen dataclass's fields, equality and repr
    # leave alone): a build asks for them hundreds of thousands of times, once for every link.
    @cached_property
    def url(self) -> str:
        return f"{KIND_FOLDERS[self.kind]}/{self.key}/"

    @cached_property
    def path(self) -> str:
        return f"{KIND_FOLDERS[self.kind]}/{self.key}.md"


def day_folder(date: dt.date) -> str:
    """YYYY/MM/DD, the folder of a day's briefings (without ``strftime``, which costs ten times as much: paths
    are asked for often)."""
    return f"{date.year:04d}/{date.month:02d}/{date.day:02d}"


@dataclass(frozen=True)
class Related:
    id: str
    score: float
    shared: tuple[str, ...]  # keys of the shared entities, rarest first


@dataclass(frozen=True)
class Duplicate:
    """An article folded into a briefing: the same story sent again, or by another agency."""

    id: str
    date: dt.date
    source: str | None
    similarity: float  # Jaccard similarity of the two articles' word shingles

    @property
    def url(self) -> str:
        """Where the article's own briefing would be: it redirects to the briefing that holds it."""
        return f"briefings/{day_folder(self.date)}/{self.id}/"


@dataclass(frozen=True)
class Story:
    """A developing story: briefings chained by their main entities and text within a window of days."""

    key: str  # from its first briefing: never changes when later briefings join
    name: str
    briefings: tuple[str, ...]  # ids, oldest first
    aliases: tuple[str, ...] = ()  # keys of the stories merged into this one: their URLs redirect here
    entities: tuple[str, ...] = ()  # its main places, groups and people (keys), the most present first

    @property
    def url(self) -> str:
        return f"stories/{self.key}/"

    @property
    def path(self) -> str:
        return f"stories/{self.key}.md"


@dataclass(frozen=True)
class Briefing:
    """An article with its analysis, placed in the archive."""

    article: Article
    analysis: Analysis
    related: tuple[Related, ...] = field(default=())
    duplicates: tuple[Duplicate, ...] = ()  # the same story sent again or by others, folded into this one
    story: str | None = None  # key of its story, when it is part of one

    @property
    def id(self) -> str:
        return self.article.id

    @cached_property
    def url(self) -> str:
        return f"briefings/{self.folder}/{self.article.id}/"

    @cached_property
    def path(self) -> str:
        return f"briefings/{self.folder}/{self.article.id}.md"

    @cached_property
    def folder(self) -> str:
        return day_folder(self.article.date)

    @property
    def old_urls(self) -> tuple[str, ...]:
        """Where this briefing used to be, and where each duplicate folded into it would be: each redirects to
        :attr:`url`."""
        return (*(f"briefings/{alias[:10].replace('-', '/')}/{alias[11:]}/" for alias in self.article.aliases),
                *(d.url for d in self.duplicates))

    @property
    def excerpt(self) -> tuple[str, ...]:
        """The summary as a list or a feed shows it beside the title: without the sentence the title was
        derived from, which would say it again, when the summary has another."""
        summary = self.analysis.summary
        if self.article.title is None and len(summary) > 1 and repeats(self.analysis.title, summary[0]):
            return summary[1:]
        return summary

    @property
    def other_ids(self) -> tuple[str, ...]:
        """The other IDs that reach this briefing: its former IDs and those of the duplicates it holds."""
        return (*self.article.old_ids, *(d.id for d in self.duplicates))


def repeats(title: str, sentence: str) -> bool:
    """Most of the title's words (two thirds) are the sentence's: the title was made from it."""
    words = title.casefold().split()
    said = set(sentence.casefold().replace(",", " ").split())
    return bool(words) and sum(w in said for w in words) * 3 >= len(words) * 2


@dataclass(frozen=True)
class Compared:
    """What one build's search for near-duplicates compared: each article by the key of what the search
    reads of it (:func:`generator.dedup.compared_key`), and the pairs it found. The next build compares only
    the articles whose key is new against all, and takes the pairs of two unchanged articles from here."""

    articles: dict[str, str] = field(default_factory=dict)  # article ID -> key
    pairs: tuple[tuple[str, str, float], ...] = ()


@dataclass(frozen=True)
class Archive:
    briefings: tuple[Briefing, ...]  # newest first
    entities: dict[str, Entity]  # by key
    stories: dict[str, Story] = field(default_factory=dict)  # by key
    compared: Compared = field(default_factory=Compared)  # the search for near-duplicates, for the next build

    def briefing(self, id: str) -> Briefing:
        return next(b for b in self.briefings if b.id == id)
