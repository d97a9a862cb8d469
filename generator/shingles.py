"""Each article's word shingles and their MinHash signature (``datasketch``): made once, by the analysis, and
kept in the article's record; :mod:`generator.dedup` finds near-duplicates with them."""

from __future__ import annotations

import re

from generator.model import Article

SHINGLE = 3  # words per shingle
PERMUTATIONS = 64
SEED = 1
SCHEME = "affine32"  # datasketch's hash scheme: stored signatures are read back with it
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def shingles(article: Article) -> frozenset[str]:
    """The article's word shingles: runs of :data:`SHINGLE` words of its prose, lower-cased, punctuation
    left out (captions, credits and crossheads are not the story's text)."""
    words = WORD.findall(" ".join(p.text for p in article.body).casefold())
    if len(words) < SHINGLE:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def signature(article: Article) -> tuple[int, ...]:
    """The MinHash signature of the article's shingles: :data:`PERMUTATIONS` integers."""
    from datasketch import MinHash

    found = MinHash(num_perm=PERMUTATIONS, seed=SEED, scheme=SCHEME)
    found.update_batch([s.encode("utf-8") for s in sorted(shingles(article))])
    return tuple(int(v) for v in found.hashvalues)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0
