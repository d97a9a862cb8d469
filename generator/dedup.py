"""Near-duplicates: the same story sent again (a corrected re-send) or by another agency.

Each article's MinHash signature (``datasketch``) is made once, by the analysis, from the set of its word
shingles, and kept in its record. The index finds candidate pairs with MinHash LSH, then checks each against
the exact Jaccard similarity of the two shingle sets: articles at or above :data:`THRESHOLD` are one story.

A build compares only the articles new or changed since the last one (:class:`~generator.model.Compared`,
kept by :mod:`generator.cache`), each against all on the same LSH bands, and takes the last build's pairs of
two unchanged articles as they were: the pairs are those of comparing everything, at a cost that grows with
the archive, not with its square.

Why ``datasketch`` and not ``rensa``: both are well kept and make a signature in well under a millisecond
(``benchmarks/stories.py --minhash`` prints both); ``datasketch`` rebuilds a MinHash from its stored hash
values, which its LSH index then takes as it is, so a record's signature is used without the article's text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from generator import shingles as shingles_module
from generator.model import Analysis, Article, Compared, Duplicate
from generator.shingles import PERMUTATIONS, SCHEME, SEED, jaccard, shingles

# Jaccard similarity of the shingle sets at or above which two articles are one story. On the stories
# benchmark (benchmarks/stories.py --minhash prints the most similar pairs), corrected re-sends score 0.91 and
# 0.93, another agency's copy with its own lead 0.40 and 0.51, and two articles of one developing story 0.09
# at most: real updates that repeat background paragraphs score higher, hence a threshold well above that.
THRESHOLD = 0.35
# The LSH index is asked for pairs above this similarity: datasketch makes it 18 bands of 2 rows, which
# finds a pair at 0.35 with probability 0.90, at 0.4 with 0.96, at 0.5 with 0.99 (1 - (1 - J^2)^18); each
# candidate is then checked against the exact similarity. (0.2 finds 0.97 of pairs at 0.35, but returned
# eight times the candidates on the 2,000-article synthetic archive, whose templated texts share many
# shingles: 2.4 s against 0.6 s.)
LSH_THRESHOLD = 0.25
# A pair whose MinHash estimate is below this is not checked exactly. With 64 permutations the estimate's
# standard error is 0.06 at 0.35: a pair at the threshold is checked with probability about 0.95, one at 0.4
# with 0.99. (At THRESHOLD - 0.15 the 2,000-article synthetic archive, whose templated texts share about a
# fifth of their shingles, gave 94,000 pairs to check exactly, 2.7 s; at THRESHOLD - 0.1, 11,600.)
ESTIMATE_FLOOR = THRESHOLD - 0.1
ESTIMATE_BLOCK = 20_000  # pairs estimated at once
# A build that has more new or changed articles than this share of the archive compares all through the LSH
# index; fewer, each against all (both find the same pairs: tests/test_stories.py).
INCREMENTAL_SHARE = 0.25
# Articles with fewer shingles (about 25 words) are too short to tell a re-send from another brief in the same
# words ("Officials in Kabul said on Monday that ..."): they are never folded.
MIN_SHINGLES = 25


def bands() -> tuple[int, int]:
    """(bands, rows per band) of the LSH index at :data:`LSH_THRESHOLD`: datasketch's own choice."""
    from datasketch import MinHashLSH

    index = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=PERMUTATIONS)
    return index.b, index.r


def signed(signatures: Sequence[tuple[str, Sequence[int]]]) -> tuple[list[str], Any]:
    """The IDs of the articles that have a signature (some text), and their signatures as one numpy matrix of
    datasketch's affine32 values, a row each."""
    import numpy

    kept = [(id, values) for id, values in signatures if len(values) == PERMUTATIONS]
    return [id for id, _ in kept], numpy.array([values for _, values in kept], dtype=numpy.uint32)


def candidate_pairs(signatures: Sequence[tuple[str, Sequence[int]]]) -> list[tuple[str, str]]:
    """Pairs of IDs (each pair sorted, the list sorted) whose signatures the LSH index says may be at
    :data:`LSH_THRESHOLD` or more, and whose MinHash estimate is at :data:`ESTIMATE_FLOOR` or more (one numpy
    pass over every pair the index gave: templated or boilerplate-heavy copy gives many). Articles without a
    signature (no text) are left out."""
    import numpy
    from datasketch import LeanMinHash, MinHashLSH

    index = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=PERMUTATIONS)
    ids, matrix = signed(signatures)
    row = {id: i for i, id in enumerate(ids)}
    left: list[int] = []
    right: list[int] = []
    for id, values in zip(ids, matrix, strict=True):
        found = LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)
        others = index.query(found)
        left.extend([row[id]] * len(others))
        right.extend(row[other] for other in others)
        index.insert(id, found)
    if not left:
        return []
    a, b = numpy.array(left), numpy.array(right)
    close: list[int] = []
    for start in range(0, len(a), ESTIMATE_BLOCK):  # in blocks: all pairs at once took 64 bytes a pair per side
        block = slice(start, start + ESTIMATE_BLOCK)
        estimate = (matrix[a[block]] == matrix[b[block]]).mean(axis=1)
        close.extend((numpy.flatnonzero(estimate >= ESTIMATE_FLOOR) + start).tolist())
    return sorted({(min(ids[left[i]], ids[right[i]]), max(ids[left[i]], ids[right[i]])) for i in close})


def candidate_pairs_of(new: Sequence[str], signatures: Sequence[tuple[str, Sequence[int]]]) -> list[tuple[str, str]]:
    """The pairs :func:`candidate_pairs` gives that hold one of the ``new`` IDs, found without an LSH index:
    each new signature against all (one numpy pass each): two signatures are candidates when one of the
    index's bands is equal in both, as in the index."""
    import numpy

    ids, matrix = signed(signatures)
    if not ids:
        return []
    count, rows = bands()
    banded = matrix[:, :count * rows].reshape(len(ids), count, rows)
    row = {id: i for i, id in enumerate(ids)}
    found: set[tuple[str, str]] = set()
    for id in new:
        if id not in row:
            continue
        mine = row[id]
        same_band = (banded == banded[mine]).all(axis=2).any(axis=1)
        close = (matrix == matrix[mine]).mean(axis=1) >= ESTIMATE_FLOOR
        for other in numpy.flatnonzero(same_band & close).tolist():
            if other != mine:
                found.add((min(id, ids[other]), max(id, ids[other])))
    return sorted(found)


# The search's own code: a change to it compares everything again.
CODE = hashlib.sha256(Path(__file__).read_bytes() + Path(shingles_module.__file__).read_bytes()).hexdigest()[:16]


def compared_key(article: Article, signature: Sequence[int]) -> str:
    """What the search reads of an article: its text (digest), its signature and the search's code."""
    text = "\x1f".join((CODE, article.digest, ",".join(map(str, signature))))
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def duplicate_pairs(
    articles: Sequence[Article], signatures: dict[str, Sequence[int]], known: Compared | None = None
) -> Compared:
    """(id, id, Jaccard similarity) of each pair of articles that are one story, sorted; with ``known``, the
    last build's, only the articles new or changed since are compared, against all."""
    by_id = {a.id: a for a in articles}
    keys = {a.id: compared_key(a, signatures.get(a.id, ())) for a in articles}
    known = known or Compared()
    unchanged = {id for id, key in keys.items() if known.articles.get(id) == key}
    signed = [(a.id, signatures.get(a.id, ())) for a in articles]
    if unchanged and len(keys) - len(unchanged) <= INCREMENTAL_SHARE * len(keys):
        candidates = candidate_pairs_of([id for id in keys if id not in unchanged], signed)
        kept = [pair for pair in known.pairs if pair[0] in unchanged and pair[1] in unchanged]
    else:
        candidates, kept = candidate_pairs(signed), []
    found = []
    cache: dict[str, frozenset[str]] = {}

    def shingles_of(id: str) -> frozenset[str]:
        if id not in cache:
            cache[id] = shingles(by_id[id])
        return cache[id]

    for a, b in candidates:
        if min(len(shingles_of(a)), len(shingles_of(b))) < MIN_SHINGLES:
            continue
        similarity = jaccard(shingles_of(a), shingles_of(b))
        if similarity >= THRESHOLD:
            found.append((a, b, similarity))
    return Compared(dict(sorted(keys.items())), tuple(sorted([*kept, *found])))


Items = Sequence[tuple[Article, Analysis]]


def fold(items: Items, known: Compared | None = None
         ) -> tuple[list[tuple[Article, Analysis]], dict[str, tuple[Duplicate, ...]], Compared]:
    """The articles that lead their story, for each leader the duplicates folded into it, and what was
    compared (:class:`Compared`, for the next build). Of articles that are one story (chained pairs at
    :data:`THRESHOLD` or more), the leader is the earliest, then the longest (a correction adds), then the
    first by ID: decided by the articles alone, whatever came first."""
    articles = {a.id: a for a, _ in items}
    compared = duplicate_pairs(list(articles.values()), {a.id: n.signature for a, n in items}, known)
    pairs = compared.pairs
    parent = {id: id for id in articles}

    def root(id: str) -> str:
        while parent[id] != id:
            id = parent[id]
        return id

    for a, b, _ in pairs:
        parent[max(root(a), root(b))] = min(root(a), root(b))
    groups: dict[str, list[str]] = {}
    for id in sorted(articles):
        groups.setdefault(root(id), []).append(id)
    folded: dict[str, tuple[Duplicate, ...]] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        ordered = sorted(members, key=lambda id: (articles[id].date, -articles[id].words, id))
        leader = articles[ordered[0]]
        folded[leader.id] = tuple(
            Duplicate(id, articles[id].date, articles[id].source,
                      round(jaccard(shingles(leader), shingles(articles[id])), 4))
            for id in sorted(ordered[1:], key=lambda id: (articles[id].date, id)))
    gone = {d.id for found in folded.values() for d in found}
    return [item for item in items if item[0].id not in gone], folded, compared
