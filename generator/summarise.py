"""Extractive summary, key points and a derived title. Pure Python: sentences in, text out.

A sentence is a candidate for the summary when it is body prose (not the caption, not a crosshead), of
reasonable length, does not open on a quotation, and does not lean on an earlier sentence ("He said...")
unless that sentence is chosen too. Candidates are scored by position (news puts the event first) and by
how much of the article's main cast of entities they name, with a penalty for repeating what is already
chosen.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

QUOTES = tuple("\"“”‘’'«»")
DEPENDENT_OPENERS = {
    "he", "she", "it", "they", "this", "these", "those", "that", "his", "her", "their", "its", "but",
    "however", "also", "and", "meanwhile", "there", "such", "both", "yet", "so", "then", "here",
}
MIN_WORDS, MAX_WORDS = 6, 55
_TITLE_BREAKS = {",", ";", ":", "—", "–", "-", "(", "as", "after", "while", "amid", "with", "which", "who",
                 "when", "where", "because", "although", "though", "despite", "according", "since"}
_DANGLING_POS = {"ADP", "DET", "CCONJ", "SCONJ", "PUNCT", "PART", "AUX", "PRON", "ADV"}


@dataclass(frozen=True)
class SentenceInfo:
    text: str
    position: int
    paragraph: int  # -1: caption
    prose: bool  # False for captions and crossheads
    entities: tuple[str, ...]  # entity keys mentioned
    tokens: tuple[tuple[str, str], ...] = ()  # (text with trailing space, coarse POS)
    finite: bool = True  # has a finite verb: a clause, not a caption fragment ("Pilgrims at the mosque.")

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def first_word(self) -> str:
        return re.sub(r"\W", "", self.text.split()[0]).lower() if self.text.split() else ""


@dataclass(frozen=True)
class Digest:
    title: str
    summary: tuple[str, ...]
    key_points: tuple[str, ...]


def eligible(s: SentenceInfo) -> bool:
    return (
        s.prose
        and s.finite
        and MIN_WORDS <= s.words <= MAX_WORDS
        and not s.text.startswith(QUOTES)
        and (s.text[:1].isupper() or s.text[:1].isdigit())
    )


def salience(sentences: Sequence[SentenceInfo]) -> dict[str, float]:
    """How central each entity is: its share of mentions, damped so one name cannot dominate."""
    counts = Counter(key for s in sentences for key in s.entities)
    total = sum(counts.values()) or 1
    return {key: math.sqrt(n / total) for key, n in counts.items()}


def score(s: SentenceInfo, weights: dict[str, float], chosen_entities: set[str]) -> float:
    position = 1.0 / (1.0 + 0.5 * s.position)
    names = set(s.entities)
    content = sum(weights.get(k, 0.0) for k in names - chosen_entities)
    repeat = 0.25 * sum(weights.get(k, 0.0) for k in names & chosen_entities)
    return 2.5 * position + content + 0.1 * repeat


def choose(
    sentences: Sequence[SentenceInfo],
    count: int,
    max_words: int,
    exclude: Collection[int] = (),
    seen_entities: set[str] | None = None,
) -> list[SentenceInfo]:
    """Greedy selection: best score first, each choice lowering the value of what it already covers."""
    weights = salience(sentences)
    pool = [s for s in sentences if eligible(s) and s.position not in exclude]
    by_position = {s.position: s for s in sentences}
    chosen: list[SentenceInfo] = []
    covered = set(seen_entities or ())
    words = 0
    while pool and len(chosen) < count:
        ranked = sorted(pool, key=lambda s: (-score(s, weights, covered), s.position))
        pick = None
        for s in ranked:
            if s.first_word in DEPENDENT_OPENERS:
                previous = by_position.get(s.position - 1)
                if previous is None or previous not in chosen:
                    continue
            if words + s.words > max_words and chosen:
                continue
            pick = s
            break
        if pick is None:
            break
        chosen.append(pick)
        pool.remove(pick)
        covered.update(pick.entities)
        words += pick.words
    return sorted(chosen, key=lambda s: s.position)


def summarise(
    sentences: Sequence[SentenceInfo],
    title: str | None,
    summary_sentences: int = 3,
    summary_words: int = 80,
    key_points: int = 5,
) -> Digest:
    summary = choose(sentences, summary_sentences, summary_words)
    if summary and summary[0].first_word in DEPENDENT_OPENERS:
        summary = summary[1:]
    if not summary:  # a very short or unusual article: fall back to the first prose sentences
        summary = [s for s in sentences if s.prose][:2]
    taken = {s.position for s in summary}
    covered = {k for s in summary for k in s.entities}
    points = choose(sentences, key_points, 10_000, exclude=taken, seen_entities=covered)
    points = [p for p in points if p.words <= 40] or points
    return Digest(
        title=title or derive_title(sentences),
        summary=tuple(s.text for s in summary),
        key_points=tuple(p.text for p in points),
    )


def derive_title(sentences: Sequence[SentenceInfo], max_words: int = 12) -> str:
    """A headline from the lead: its main clause, at most ``max_words`` words, no dangling words."""
    lead = next((s for s in sentences if s.prose and s.words >= 4), None) or next(iter(sentences), None)
    if lead is None:
        return "Untitled briefing"
    tokens = list(lead.tokens) or [(w + " ", "X") for w in lead.text.split()]
    cut: list[tuple[str, str]] = []
    seen_verb = False
    for text, pos in tokens:
        word = text.strip()
        if seen_verb and word.lower() in _TITLE_BREAKS and len(cut) >= 5:
            break
        cut.append((text, pos))
        seen_verb = seen_verb or pos in {"VERB", "AUX"}
    words = [(t, p) for t, p in cut if t.strip()]
    if len([w for w in words if w[1] != "PUNCT"]) > max_words:
        kept: list[tuple[str, str]] = []
        for t, p in cut:
            if len([k for k in kept if k[1] != "PUNCT"]) >= max_words:
                break
            kept.append((t, p))
        cut = kept
    while cut and (cut[-1][1] in _DANGLING_POS or cut[-1][0].strip() in QUOTES) and len(cut) > 3:
        cut.pop()
    title = "".join(t for t, _ in cut).strip().rstrip(".,;:")
    return title[:1].upper() + title[1:] if title else lead.text
