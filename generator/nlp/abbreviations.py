"""Abbreviation pairs inside an article: ``Syrian Democratic Forces (SDF)`` and ``SDF (Syrian Democratic Forces)``.

The long form is found with the Schwartz-Hearst algorithm (Schwartz & Hearst 2003, "A simple algorithm
for identifying abbreviation definitions in biomedical text"): the letters of the short form, matched
right to left in the words before the parenthesis, the first one at the start of a word.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from generator.kinds import looks_like_abbreviation

_CONNECTORS = {"of", "for", "the", "and", "in", "on", "de", "du", "al", "la", "to", "&"}


def long_form(short: str, words: str) -> str | None:
    """The shortest tail of ``words`` whose letters spell ``short`` (Schwartz-Hearst), if any."""
    s, l_ = len(short) - 1, len(words) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while l_ >= 0 and (words[l_].lower() != c or (s == 0 and l_ > 0 and words[l_ - 1].isalnum())):
            l_ -= 1
        if l_ < 0:
            return None
        l_ -= 1
        s -= 1
    start = words.rfind(" ", 0, l_ + 1) + 1
    candidate = words[start:].strip()
    return candidate if is_proper_phrase(candidate) or spells_initials(short, candidate) \
        or spells_term(short, candidate) else None


def spells_initials(short: str, phrase: str) -> bool:
    """``Iraqi security forces`` for ISF: the first letters of the words are the abbreviation exactly."""
    letters = [c.lower() for c in short if c.isalnum()]
    words = phrase.replace("-", " ").split()
    return len(words) >= 2 and words[0][0].isupper() and [w[0].lower() for w in words] == letters


def spells_term(short: str, phrase: str) -> bool:
    """``bovine spongiform encephalopathy`` for BSE: a term in lower case whose words' first letters are the
    abbreviation exactly (the rules index no term: rule abbreviation-of-a-term)."""
    letters = [c.lower() for c in short if c.isalnum()]
    words = phrase.replace("-", " ").split()
    return len(words) >= 2 and all(w.isalpha() and w.islower() for w in words) and [w[0] for w in words] == letters


def is_proper_phrase(phrase: str) -> bool:
    words = phrase.split()
    if len(words) < 2:
        return False
    if not (words[0][0].isupper() and words[-1][0].isupper()):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _CONNECTORS or (w[0].islower() and len(w) <= 8)
               for w in words)  # ("Movimento 5 Stelle")


def find_pairs(doc: Doc) -> list[tuple[Span, Span]]:
    """(long form, short form) spans for every ``X (Y)`` where one side abbreviates the other."""
    pairs = []
    for open_ in (t for t in doc if t.text == "(" and t.i > 0):
        close = next((t for t in doc[open_.i + 1: open_.i + 12] if t.text == ")"), None)
        if close is None or close.i == open_.i + 1:
            continue
        inside = doc[open_.i + 1: close.i]
        if len(inside) == 1 and looks_like_abbreviation(inside.text):
            window = doc[max(0, open_.i - min(len(inside.text) + 5, len(inside.text) * 2)): open_.i]
            found = long_form(inside.text, window.text)
            if found:
                start = window.end_char - len(found)
                span = doc.char_span(start, window.end_char, alignment_mode="expand")
                if span is not None:
                    pairs.append((span, inside))
        elif len(inside) > 1 and open_.i > 0:
            short = doc[open_.i - 1: open_.i]
            if looks_like_abbreviation(short.text) and long_form(short.text, inside.text) == inside.text:
                pairs.append((inside, short))
    return pairs
