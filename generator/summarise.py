"""Extractive summary, key points and a derived title. Pure Python: sentences in, text out.

A sentence is a candidate for the summary when it is body prose (not a caption, not a crosshead), a clause
of reasonable length, does not open on a quotation, and does not lean on an earlier sentence ("He said...")
unless that sentence is chosen too. Candidates are scored by position (news puts the event first), by
centrality (how many other sentences share its content words: the main event is what an article keeps
coming back to) and by how much of the article's main cast of entities they name. Key points are chosen
the same way from the rest, with entities the summary already names counting for nothing.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from generator.compress import Parsed, compress
from generator.headline import problems
from generator.nlp import lexicon

QUOTES = tuple("\"“”‘’'«»")
DEPENDENT_OPENERS = {
    "he", "she", "it", "they", "this", "these", "those", "that", "his", "her", "their", "its", "but",
    "however", "also", "and", "meanwhile", "there", "such", "both", "yet", "so", "then", "here",
}
MIN_WORDS, MAX_WORDS = 6, 65  # a news lead often runs past 50 words; it is still the story
POSITION_WEIGHT = 2.5
CAST_WEIGHT = 0.25
_WORD = re.compile(r"[a-z0-9]+")
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
    parse: tuple[Parsed, ...] = ()  # its dependency parse, for the lead sentences (generator.compress)

    @functools.cached_property  # asked for again and again while the summary is chosen
    def words(self) -> int:
        return len(self.text.split())

    @functools.cached_property
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
        and not half_quoted(s.text)
        and not s.text.rstrip().endswith(":")  # it introduces what follows (a quotation, a table): alone, nothing
        and (s.text[:1].isupper() or s.text[:1].isdigit())
        and not courtesy(s.text)
    )


COURTESY = re.compile("|".join(rf"{re.escape(phrase)}\b" for phrase in lexicon.entries("courtesies")), re.IGNORECASE)
CLOSING_COURTESY = re.compile(
    r"[:,]\s+(?:" + "|".join(re.escape(p) for p in lexicon.entries("closing-courtesies")) + r")\s*[.!]*$",
    re.IGNORECASE)


def courtesy(text: str) -> bool:
    """A speech's or a letter's courtesy, not what it tells: a sentence that opens on one ("Thank you,
    Councillor Okafor", "Good evening", "God bless"; lexicon ``courtesies``) or closes on one after a colon or
    a comma ("... and my fellow New Yorkers: welcome."; lexicon ``closing-courtesies``)."""
    return COURTESY.match(text) is not None or CLOSING_COURTESY.search(text) is not None


def half_quoted(text: str) -> bool:
    """The end or the middle of a quotation that began in another sentence: ``...posts 250", said KCNA.``"""
    return text.count('"') % 2 == 1 or text.count("“") != text.count("”")


def salience(sentences: Sequence[SentenceInfo]) -> dict[str, float]:
    """How central each entity is: its share of mentions, damped so one name cannot dominate."""
    counts = Counter(key for s in sentences for key in s.entities)
    total = sum(counts.values()) or 1
    return {key: math.sqrt(n / total) for key, n in counts.items()}


def content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS}


def centrality(sentences: Sequence[SentenceInfo]) -> dict[int, float]:
    """How much of what the article keeps talking about each sentence says: the number of prose sentences
    sharing each of its content words (words used once do not count), over the square root of its length.
    A sentence central to the article tells its main event; a side remark shares little."""
    words = {s.position: content_words(s.text) for s in sentences if s.prose}
    spread = Counter(w for ws in words.values() for w in ws)
    return {
        position: sum(spread[w] for w in ws if spread[w] > 1) / (math.sqrt(len(ws)) + 1)
        for position, ws in words.items()
    }


def score(s: SentenceInfo, central: Mapping[int, float], weights: Mapping[str, float], covered: set[str]) -> float:
    """Position (news puts the event first), centrality, and the main cast it names; with ``covered``,
    entities already told count for nothing (key points add to the summary, they do not repeat it)."""
    position = 10.0 / (1.0 + s.position)
    cast = sum(weights.get(k, 0.0) for k in set(s.entities) - covered)
    return POSITION_WEIGHT * position + central.get(s.position, 0.0) + CAST_WEIGHT * 10 * cast


def choose(
    sentences: Sequence[SentenceInfo],
    count: int,
    max_words: int,
    exclude: Collection[int] = (),
    seen_entities: set[str] | None = None,
    weights: Mapping[str, float] | None = None,
    central: Mapping[int, float] | None = None,
) -> list[SentenceInfo]:
    """Greedy selection, best score first; with ``seen_entities``, each choice lowers the value of what it
    already covers. ``weights`` (:func:`salience`) and ``central`` (:func:`centrality`) are computed when not
    given."""
    weights = salience(sentences) if weights is None else weights
    central = centrality(sentences) if central is None else central
    excluded = {s.text.casefold() for s in sentences if s.position in exclude}
    pool = []
    for s in sentences:  # each text once: a sentence repeated word for word is said once
        if eligible(s) and s.position not in exclude and s.text.casefold() not in excluded:
            pool.append(s)
            excluded.add(s.text.casefold())
    by_position = {s.position: s for s in sentences}
    chosen: list[SentenceInfo] = []
    novelty = seen_entities is not None
    covered = set(seen_entities or ())
    words = 0
    ranked: list[SentenceInfo] = []
    while pool and len(chosen) < count:
        if novelty or not ranked:  # without novelty the scores stay as they are: ranked once
            ranked = sorted(pool, key=lambda s: (-score(s, central, weights, covered), s.position))
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
        ranked.remove(pick)
        if novelty:
            covered.update(pick.entities)
        words += pick.words
    return sorted(chosen, key=lambda s: s.position)


REDUNDANT = 0.6  # a key point whose content words are this share of one sentence already given says it again


def not_redundant(points: Sequence[SentenceInfo], said: list[set[str]]) -> list[SentenceInfo]:
    """The points (in the article's order) without those most of whose content words one sentence already
    given holds: the summary's, or an earlier point's."""
    kept: list[SentenceInfo] = []
    for point in sorted(points, key=lambda p: p.position):
        words = content_words(point.text)
        if words and any(len(words & other) >= REDUNDANT * len(words) for other in said):
            continue
        kept.append(point)
        said = [*said, words]
    return sorted(kept, key=lambda p: p.position)


def summarise(
    sentences: Sequence[SentenceInfo],
    title: str | None,
    summary_sentences: int = 3,
    summary_words: int = 100,
    key_points: int = 5,
    names: Collection[str] = (),
) -> Digest:
    weights, central = salience(sentences), centrality(sentences)  # the same for both choices
    summary = choose(sentences, summary_sentences or len(sentences), summary_words, seen_entities=set(),
                     weights=weights, central=central)
    if summary and summary[0].first_word in DEPENDENT_OPENERS:
        summary = summary[1:]
    if not summary:  # a very short or unusual article: fall back to the first prose sentences
        summary = [s for s in sentences if s.prose][:2]
    taken = {s.position for s in summary}
    covered = {k for s in summary for k in s.entities}
    points = choose(sentences, key_points, 10_000, exclude=taken, seen_entities=covered, weights=weights,
                    central=central)
    points = [p for p in points if p.words <= 40] or points
    said = [content_words(s.text) for s in summary]
    kept = not_redundant(points, said)
    if len(kept) < len(points):  # the next best in place of those that said it again
        more = choose(sentences, key_points, 10_000, exclude=taken | {p.position for p in points},
                      seen_entities=covered, weights=weights, central=central)
        kept = not_redundant([*kept, *(p for p in more if p.words <= 40)], said)[:len(points)]
    points = kept
    return Digest(
        title=title or derive_title(sentences, names=names),
        summary=tuple(s.text for s in summary),
        key_points=tuple(p.text for p in points),
    )


_LEAD_IN_WORDS = {"yesterday", "today", "tonight", "tomorrow", "earlier", "later", "last", "this", "according",
                  "recent", "recently", "meanwhile", "overnight"}


WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
TIME_WORDS = {"yesterday", "today", "tonight", "tomorrow"}
TIME_BEFORE = {"on", "last", "this", "next", "early", "late"}  # "on Monday", "last week"
TIME_UNITS = WEEKDAYS | {"week", "weekend", "month", "year", "night", "morning"}
TENSE_AUXILIARIES = {"has", "have", "had", "was", "were", "been"}  # "was awarded" -> "awarded"
ARTICLES = {"the", "a", "an"}


def headline_style(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The words a headline leaves out: when it happened ("on Thursday", "yesterday", "last week"), the
    auxiliary of a compound tense ("was awarded", "has been placed": "awarded", "placed") and the article
    that opens it ("The government announced" -> "Government announced")."""
    kept: list[tuple[str, str]] = []
    skip = 0
    for i, (text, pos) in enumerate(tokens):
        if skip:
            skip -= 1
            continue
        word = text.strip().casefold()
        after = tokens[i + 1][0].strip().casefold() if i + 1 < len(tokens) else ""
        if word in TIME_WORDS or word in WEEKDAYS:
            continue
        if word in TIME_BEFORE and after in TIME_UNITS:
            skip = 1
            continue
        if word in TENSE_AUXILIARIES and pos == "AUX" and i + 1 < len(tokens) and tokens[i + 1][1] in ("VERB", "AUX"):
            continue
        kept.append((text, pos))
    if len(kept) > 4 and kept[0][0].strip().casefold() in ARTICLES and kept[1][1] in ("PROPN", "NOUN", "ADJ"):
        kept = kept[1:]
    if kept and kept[-1][0] != kept[-1][0].rstrip():  # the last word keeps no space after it
        kept[-1] = (kept[-1][0].rstrip(), kept[-1][1])
    return kept or tokens


def drop_asides(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Without what brackets hold: a headline says "Jared Padalecki is an American actor", not "(born July
    19, 1982)". Unbalanced brackets are left as they are."""
    kept: list[tuple[str, str]] = []
    depth = 0
    for text, pos in tokens:
        word = text.strip()
        if word in ("(", "["):
            depth += 1
        elif word in (")", "]") and depth:
            depth -= 1
            if not depth and kept:  # the space after the aside goes where the aside was
                kept[-1] = (kept[-1][0].rstrip() + (" " if text != word else ""), kept[-1][1])
        elif not depth:
            kept.append((text, pos))
    return kept if depth == 0 and kept else tokens


def drop_lead_in(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Without the phrases a headline leaves out: "Yesterday, ", "On Friday, ", "According to X, ",
    "Quoting Y, " before the main clause (a comma within the first words, and a verb after it), and an
    apposition after the subject's name ("Valeska Paris, an Australian woman, has said")."""
    for _ in range(3):
        comma = next((i for i, (t, _) in enumerate(tokens[:16]) if t.strip() == ","), None)
        if comma is None or comma == 0:
            break
        second = next((i for i, (t, _) in enumerate(tokens[comma + 1:comma + 16], comma + 1) if t.strip() == ","),
                      None)
        if tokens[0][1] == "PROPN" and second is not None and not any(
                pos in {"VERB", "AUX"} for _, pos in tokens[:second]) and tokens[second + 1][1] in {"VERB", "AUX"}:
            name_end = tokens[comma - 1][0].rstrip() + " "
            tokens = [*tokens[:comma - 1], (name_end, tokens[comma - 1][1]), *tokens[second + 1:]]
            continue
        first_text, first_pos = tokens[0]
        opener = (first_pos in {"ADP", "ADV", "SCONJ"} or first_text.strip().lower() in _LEAD_IN_WORDS
                  or first_text.strip().lower().endswith("ing"))
        head = tokens[:comma]
        rest = tokens[comma + 1:]
        if not opener or any(pos in {"VERB", "AUX"} for _, pos in head[1:]) or not any(
                pos in {"VERB", "AUX"} for _, pos in rest):
            break
        tokens = rest
    if tokens:
        text, pos = tokens[0]
        tokens = [(text[:1].upper() + text[1:], pos), *tokens[1:]]
    return tokens


LONGER_HEADLINE = 3  # words a compressed headline may run over the limit before the lead is cut instead


def derive_title(sentences: Sequence[SentenceInfo], max_words: int = 12, names: Collection[str] = ()) -> str:
    """A headline from the lead (its first clause that tells, not a photo caption or an interviewer's question):
    compressed from its parse (:func:`generator.compress.compress`) when that is well formed; else its main
    clause cut at most ``max_words`` words, no dangling words, and when the cut is not well formed
    (``names``: the article's entity names, never cut), the nearest cut that is."""
    lead = (next((s for s in sentences if eligible(s) and s.tokens and not question(s)), None)
            or next((s for s in sentences if s.prose and s.words >= 4 and not courtesy(s.text)), None)
            or next(iter(sentences), None))
    if lead is None:
        return "Untitled briefing"
    # a whole clause a few words over the limit reads better than the lead cut short ("... was in America")
    cut = (compress(lead.parse, max_words) or compress(lead.parse, max_words + LONGER_HEADLINE)) if lead.parse else None
    if not cut or problems(cut, lead.text, names):
        cut = cut_lead(lead, max_words, names)
    title = "".join(t for t, _ in cut).strip().rstrip(".,;:")
    return title[:1].upper() + title[1:] if title else lead.text


def cut_lead(lead: SentenceInfo, max_words: int, names: Collection[str]) -> list[tuple[str, str]]:
    """The lead's main clause cut at most ``max_words`` words, no dangling words; when the cut is not well
    formed, the nearest cut that is (:func:`well_formed_cut`)."""
    tokens = headline_style(drop_lead_in(drop_asides(list(lead.tokens) or [(w + " ", "X") for w in lead.text.split()])))
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
        if len(kept) < len(cut) and cut[len(kept)][1] == "PROPN":  # never half a name: "into Mecca's Grand"
            while len(kept) > 3 and kept[-1][1] in {"PROPN", "PART"}:
                kept.pop()
        elif len(kept) < len(cut) and kept[-1][1] in {"VERB", "AUX"}:  # "... on high alert and has"
            while len(kept) > 3 and kept[-1][1] in {"VERB", "AUX", "CCONJ"} | _DANGLING_POS:
                kept.pop()
        cut = kept
    while cut and (cut[-1][1] in _DANGLING_POS or cut[-1][0].strip() in QUOTES) and len(cut) > 3:
        cut.pop()
    if problems(cut, lead.text, names):
        cut = well_formed_cut(tokens, len(cut), lead.text, names, max_words) or cut
    return cut


QUESTION_OPENERS = lexicon.words("question-openers")


def question(s: SentenceInfo) -> bool:
    """A question, by its mark or by its first word ("How did you come to be involved ...")."""
    return s.text.endswith("?") or s.first_word in QUESTION_OPENERS


TITLE_STRETCH = 4  # words a headline may run past max_words to end well rather than be cut short


def well_formed_cut(tokens: Sequence[tuple[str, str]], end: int, lead: str, names: Collection[str],
                    max_words: int) -> list[tuple[str, str]] | None:
    """The well-formed piece of ``tokens`` (:func:`generator.headline.problems`) that ends nearest ``end``, the
    shorter of two as near: at least four words, at most :data:`TITLE_STRETCH` words more than ``max_words``
    ("... still held by the Islamic State group", not "... still held by the Islamic State"); None if none is."""
    def words(piece: Sequence[tuple[str, str]]) -> int:
        return sum(1 for _, pos in piece if pos != "PUNCT")

    for stop in sorted(range(4, len(tokens) + 1), key=lambda stop: (abs(stop - end), stop)):
        piece = list(tokens[:stop])
        while piece and piece[-1][1] == "PUNCT" and piece[-1][0].strip() not in ('"', "”", ")", "]"):
            piece.pop()
        if 4 <= words(piece) <= max_words + TITLE_STRETCH and not problems(piece, lead, names):
            return piece
    return None
