"""How strongly two briefings are about the same thing, and two entities go together. Pure functions.

Two briefings are compared on

* the **entities both are about**: an entity counts for a briefing when it is no news outlet (the agency, a
  photo credit, a paper it cites: :attr:`~generator.model.ArticleEntity.outlet`) and is not mentioned in
  passing: it is named more than once, or in the title, or in the first :data:`LEAD_SENTENCES` sentences or
  the first third of the article (:func:`salient`). Each
  shared one weighs :func:`rarity` of the number of briefings naming it;
* the **similarity of their text**: the cosine of their content lemmas weighted by TF-IDF (:class:`Terms`).

Their score is the sum of the two. Related briefings need a shared entity, a text similarity of
:data:`RELATED_MIN_TEXT` and a score of :data:`RELATED_MIN_SCORE`: below these, a briefing shows none rather
than noise. ``benchmarks/stories.py`` measures the precision these give on stories of known grouping.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy

from generator.model import Analysis, ArticleEntity, Briefing, Entity, Related

LEAD_SENTENCES = 3  # a name said once, after these sentences and the article's first third, is said in passing
RELATED_LIMIT = 5
RELATED_MIN_TEXT = 0.15
RELATED_MIN_SCORE = 0.5
CANDIDATES = 60  # briefings scored per briefing, gathered rarest shared entity first
TEXT_CANDIDATES = 20  # of which those with the most shared weight are compared on their text
COMPANION_LIMIT = 10  # companions shown per kind
BIG_COUNTER = 64  # companions above which numpy ranks them
MIN_ARCHIVE = 64  # the archive size below which term weights are those of an archive of this size


def salient(entity: ArticleEntity, sentences: int) -> bool:
    """What a briefing of ``sentences`` sentences is about: no outlet, and not a name said once after its
    lead and its first third."""
    return not entity.outlet and (entity.mentions > 1 or entity.first < max(LEAD_SENTENCES, sentences // 3))


def about(analysis: Analysis) -> frozenset[str]:
    """Keys of the entities the briefing is about (:func:`salient`)."""
    return frozenset(e.key for e in analysis.entities if salient(e, analysis.sentences))


def rarity(briefings: int) -> float:
    """1 / the power of two at or above the number of briefings naming an entity: 1, 1/2, 1/4 (3-4), ...
    Powers of two add up exactly, and the weight moves only when an entity's count crosses one."""
    return 1.0 / (1 << max(0, briefings - 1).bit_length())


@dataclass(frozen=True)
class Terms:
    """TF-IDF vectors of the briefings' content lemmas. A term's weight is ``1 + ln(count)`` times its
    inverse document frequency in bits (the bit length of the archive's size, at least :data:`MIN_ARCHIVE`,
    less that of the term's count of briefings), so weights move only when a count crosses a power of two."""

    vectors: dict[str, dict[str, float]]  # briefing id -> term -> weight, unit length

    @classmethod
    def of(cls, analyses: Iterable[Analysis], document_frequency: Mapping[str, int] | None = None,
           size: int | None = None) -> Terms:
        analyses = list(analyses)
        if document_frequency is None:
            counted: dict[str, int] = defaultdict(int)
            for analysis in analyses:
                for term, _ in analysis.terms:
                    counted[term] += 1
            document_frequency = counted
        bits = max(size or len(analyses), MIN_ARCHIVE).bit_length()
        return cls({a.article_id: vector(a.terms, document_frequency, bits) for a in analyses})

    def cosine(self, a: str, b: str) -> float:
        return cosine(self.vectors.get(a, {}), self.vectors.get(b, {}))


def cosine(first: dict[str, float], second: dict[str, float]) -> float:
    """The cosine of two unit-length vectors (:func:`vector`): over their shared terms only (a set operation),
    summed exactly (``math.fsum``), so the result does not depend on the order of the terms."""
    return math.fsum(first[term] * second[term] for term in first.keys() & second.keys())


def vector(terms: Sequence[tuple[str, int]], document_frequency: Mapping[str, int], bits: int) -> dict[str, float]:
    weights = {term: (1 + math.log(count)) * max(0, bits - document_frequency.get(term, 1).bit_length())
               for term, count in terms}
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {term: w / norm for term, w in weights.items() if w} if norm else {}


def related_briefings(
    briefings: Sequence[Briefing], entities: dict[str, Entity]
) -> dict[str, tuple[Related, ...]]:
    """For each briefing, up to :data:`RELATED_LIMIT` others about the same entities in similar words, the
    highest score first (ties: the newer). Candidates are gathered rarest shared entity first (newest briefing
    first within an entity), at most :data:`CANDIDATES` of them are scored on shared entities and the
    :data:`TEXT_CANDIDATES` best of those on their text, so an entity in every briefing does not make the
    work grow with the square of the archive."""
    topics = {b.id: about(b.analysis) for b in briefings}
    weight = {key: rarity(len(entity.briefings)) for key, entity in entities.items()}
    terms = Terms.of(b.analysis for b in briefings)
    by_entity: dict[str, list[str]] = defaultdict(list)
    for b in briefings:
        for key in topics[b.id]:
            by_entity[key].append(b.id)
    order = {b.id: rank for rank, b in enumerate(briefings)}  # newest first: the tie-break
    result: dict[str, tuple[Related, ...]] = {}
    texts: dict[tuple[str, str], float] = {}
    for b in briefings:
        mine = topics[b.id]
        candidates: dict[str, None] = {}
        for key in sorted(mine, key=lambda k: (-weight[k], k)):
            for other in by_entity[key]:  # newest first, like the tie-break
                if other != b.id:
                    candidates[other] = None
                    if len(candidates) == CANDIDATES:
                        break  # not through the rest of an entity in every briefing
            if len(candidates) == CANDIDATES:
                break
        shared = {other: sum(map(weight.__getitem__, mine & topics[other])) for other in candidates}
        scored = []
        for other in heapq.nlargest(TEXT_CANDIDATES, shared, key=lambda o: (shared[o], -order[o])):
            pair = (b.id, other) if b.id < other else (other, b.id)
            text = texts.get(pair)
            if text is None:  # each pair once: two briefings are often each other's candidates
                text = texts[pair] = terms.cosine(b.id, other)
            score = shared[other] + text
            if text >= RELATED_MIN_TEXT and score >= RELATED_MIN_SCORE:
                scored.append((-score, order[other], other))
        result[b.id] = tuple(
            Related(other, round(-negative, 6),
                    tuple(sorted(mine & topics[other], key=lambda k: (-weight[k], entities[k].name))))
            for negative, _, other in heapq.nsmallest(RELATED_LIMIT, scored)
        )
    return result


def companions(
    analyses: Iterable[Analysis], kind_of: Mapping[str, str], rank: Mapping[str, int]
) -> dict[str, tuple[tuple[str, int, int], ...]]:
    """For each entity, the entities named with it: (key, shared briefings, their mentions in those
    briefings), the top :data:`COMPANION_LIMIT` of each kind, strongest first. Strength is the number of
    briefings naming both, then the companion's mentions in them, then the order of names (``rank``)."""
    scale = 1 << 32  # shared briefings and mentions as one integer: shared * scale + mentions
    together: dict[str, dict[str, int]] = defaultdict(dict)
    for analysis in analyses:
        here = {e.key: scale + e.mentions for e in analysis.entities}
        for key in here:
            counts = together[key]
            for other, value in here.items():
                counts[other] = counts.get(other, 0) + value
    result = {}
    for key, counts in together.items():
        del counts[key]
        best = top_by_kind(counts, kind_of, rank)
        result[key] = tuple((k, counts[k] // scale, counts[k] % scale) for k in best)
    return result


def top_by_kind(counts: dict[str, int], kind_of: Mapping[str, str], rank: Mapping[str, int]) -> list[str]:
    """The keys of the :data:`COMPANION_LIMIT` highest counts of each kind, highest first (ties by ``rank``).
    A few are sorted as tuples; thousands (an entity in many briefings) by numpy in one pass per kind."""
    if len(counts) <= BIG_COUNTER:
        ordered = sorted((-n, rank[k], k) for k, n in counts.items())
        taken: dict[str, int] = defaultdict(int)
        best = []
        for _, _, k in ordered:
            if taken[kind_of[k]] < COMPANION_LIMIT:
                taken[kind_of[k]] += 1
                best.append(k)
        return best
    keys = list(counts)
    values = numpy.fromiter(counts.values(), dtype=numpy.int64, count=len(keys))
    ranks = numpy.fromiter(map(rank.__getitem__, keys), dtype=numpy.int64, count=len(keys))
    kinds = numpy.array([kind_of[k] for k in keys])
    order = numpy.lexsort((ranks, -values))  # by count, the highest first, then by rank
    chosen = []
    for kind in sorted(set(kinds.tolist())):
        chosen.extend(order[kinds[order] == kind][:COMPANION_LIMIT].tolist())
    chosen.sort(key=lambda i: (-values[i], ranks[i]))
    return [keys[i] for i in chosen]
