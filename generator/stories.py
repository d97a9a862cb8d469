"""Story threads: the briefings that follow one developing story, chained online in date order.

Briefings are taken oldest first (then by ID). Each is compared with the earlier briefings of the last
:data:`WINDOW_DAYS` days that share an entity it is about (:func:`generator.similarity.about`), with the weights
the archive had when it came (entity rarity and term weights counted over the briefings up to it). It joins
the story of every one it links to: a shared entity, a text similarity of :data:`STORY_MIN_TEXT` and a score
of :data:`STORY_MIN_SCORE`, the scores of :mod:`generator.similarity`. Linked to none, it starts a story;
linked to two, the two stories merge. So a briefing's story depends only on the briefings before it: a new
article joins a story or starts one, and never moves an older briefing to another story.

A story of two briefings or more has a page. Its key is made once, when it gets its second briefing, from its
first briefing's date and main entity (``2017-09-21-islamic-state-group``), and never changes; a story merged
into an older one keeps its key as an alias, whose URL redirects to the story that holds it.
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass, field

from generator.model import Briefing, Entity, Story
from generator.similarity import MIN_ARCHIVE, about, cosine, rarity, salient, vector
from generator.text import slugify

WINDOW_DAYS = 7
STORY_MIN_TEXT = 0.2
STORY_MIN_SCORE = 0.5
STORY_CANDIDATES = 60  # earlier briefings compared, rarest shared entity first
STORY_ENTITIES = 6  # main entities shown for a story
STORY_NAME_ENTITIES = 3  # of which its name gives the first


@dataclass
class _Thread:
    members: list[str]
    key: str | None = None
    aliases: list[str] = field(default_factory=list)
    merged_into: int | None = None


def find_stories(briefings: Sequence[Briefing], entities: dict[str, Entity]) -> dict[str, Story]:
    """The stories of two briefings or more, by key (see the module's docstring)."""
    ordered = sorted(briefings, key=lambda b: (b.article.date, b.id))
    threads: list[_Thread] = []
    thread_of: dict[str, int] = {}
    named: Counter[str] = Counter()  # briefings naming each entity, so far
    used: Counter[str] = Counter()  # briefings using each term, so far
    recent: dict[str, deque[tuple[int, str]]] = defaultdict(deque)  # entity -> (day, id) of the window's briefings
    vectors: dict[str, dict[str, float]] = {}
    topics: dict[str, frozenset[str]] = {}
    keys_taken: set[str] = set()
    by_id = {b.id: b for b in briefings}

    def root(index: int) -> int:
        while threads[index].merged_into is not None:
            index = threads[index].merged_into  # type: ignore[assignment]
        return index

    for count, b in enumerate(ordered, 1):
        day = b.article.date.toordinal()
        named.update({e.key for e in b.analysis.entities})
        used.update(term for term, _ in b.analysis.terms)
        vectors[b.id] = vector(b.analysis.terms, used, max(count, MIN_ARCHIVE).bit_length())
        mine = topics[b.id] = about(b.analysis)
        linked = {root(thread_of[other]) for other in candidates(mine, recent, day, named)
                  if links(mine, topics[other], vectors[b.id], vectors[other], named)}
        if not linked:
            thread_of[b.id] = len(threads)
            threads.append(_Thread([b.id]))
        else:
            target = min(linked)  # the oldest story
            for other in sorted(linked - {target}):
                merge(threads, target, other)
            thread_of[b.id] = target
            threads[target].members.append(b.id)
            if threads[target].key is None:
                threads[target].key = story_key(by_id[threads[target].members[0]], keys_taken)
        for key in mine:
            recent[key].append((day, b.id))
    return {t.key: make_story(t, by_id, entities, topics) for t in threads
            if t.merged_into is None and t.key is not None}


def candidates(mine: frozenset[str], recent: dict[str, deque[tuple[int, str]]], day: int,
               named: Counter[str]) -> list[str]:
    """Earlier briefings of the window sharing an entity with this one: rarest entity first, newest first."""
    found: dict[str, None] = {}
    for key in sorted(mine, key=lambda k: (named[k], k)):
        window = recent[key]
        while window and window[0][0] < day - WINDOW_DAYS:
            window.popleft()
        for _, other in reversed(window):
            found[other] = None
            if len(found) == STORY_CANDIDATES:
                return list(found)  # not through the rest of a busy entity's window
    return list(found)


def links(mine: frozenset[str], theirs: frozenset[str], a: dict[str, float], b: dict[str, float],
          named: Counter[str]) -> bool:
    shared = mine & theirs
    if not shared:
        return False
    text = cosine(a, b)
    return text >= STORY_MIN_TEXT and sum(rarity(named[k]) for k in shared) + text >= STORY_MIN_SCORE


def merge(threads: list[_Thread], target: int, other: int) -> None:
    """``other`` joins the older ``target``: the story keeps the oldest key, every other key is an alias."""
    into, gone = threads[target], threads[other]
    into.members.extend(gone.members)
    keys = [k for k in (into.key, gone.key) if k]
    into.key = keys[0] if keys else None
    into.aliases.extend([*keys[1:], *gone.aliases])
    gone.merged_into = target


def story_key(first: Briefing, taken: set[str]) -> str:
    """``<date>-<main entity>`` of a story's first briefing, unique among the keys made before it."""
    main = sorted((e for e in first.analysis.entities if salient(e, first.analysis.sentences)),
                  key=lambda e: (-e.mentions, e.first, e.key))
    base = f"{first.article.date.isoformat()}-{main[0].key if main else slugify(first.id)}"
    key, number = base, 1
    while key in taken:
        number += 1
        key = f"{base}-{number}"
    taken.add(key)
    return key


def make_story(thread: _Thread, by_id: dict[str, Briefing], entities: dict[str, Entity],
               topics: dict[str, frozenset[str]]) -> Story:
    """The story's page data: its briefings oldest first, and its main entities (in the most of its briefings,
    then the most mentioned), which name it."""
    members = sorted(thread.members, key=lambda id: (by_id[id].article.date, id))
    present: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    for id in members:
        for e in by_id[id].analysis.entities:
            if e.key in topics[id]:
                present[e.key] += 1
                mentions[e.key] += e.mentions
    main = sorted(present, key=lambda k: (-present[k], -mentions[k], k))[:STORY_ENTITIES]
    names = [entities[k].name for k in main[:STORY_NAME_ENTITIES]]
    name = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else (names[0] if names else thread.key)
    assert thread.key is not None
    return Story(thread.key, name, tuple(members), tuple(sorted(thread.aliases)), tuple(main))
