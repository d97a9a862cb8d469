"""Text in capitals in its proper case, from the article's own evidence.

Wire copy sets headlines, and sometimes whole paragraphs, in capitals ("SOCCER - JAPAN GET LUCKY WIN"). The
model reads every word in capitals as a name, and a reader should not be shouted at. A word in capitals
takes the form the article's other text gives it *inside* a sentence (where a capital says a name, not a
sentence's start): "JAPAN" -> "Japan", "UN" -> "UN", "WIN" -> "win"; a word the article writes nowhere else
in mixed case is lower-cased, unless it has no vowel ("NHL": an abbreviation). The text's first letter is a capital.

Only text that is mostly capitals is changed (:func:`in_capitals`); the rest of the article is its evidence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

WORD = re.compile(r"[^\W\d_][\w'’.\-]*[^\W_]|[^\W\d_]")  # "Japan", "Al-Ain", "U.S", "O'Neill", "a"
OPENING = re.compile(r"(?:[.!?]['\"”’)]*|[:—–-])\s*$")  # what ends before a sentence's (or a heading's) first word
CAPITALS = 0.9  # the share of a text's letters in capitals that makes it a text in capitals
MIN_LETTERS = 6
# A word of capitals with no vowel is an abbreviation ("NHL", "BBC", "CNN", "TV"): it stays in capitals, but
# for the short forms of titles, which are written with a capital and lower case ("MR" -> "Mr").
VOWELS = frozenset("aeiouy")
SHORT_TITLES = frozenset({"mr", "mrs", "ms", "dr", "st", "jr", "sr", "mt", "ft"})
# Nor for the short forms of units, which wire copy writes after a figure ("PROFIT RISES 18 PCT"): lower case.
UNITS = frozenset({"pct", "mln", "bln", "mn", "bn", "pts", "km", "kg", "mph", "kph", "hrs", "yrs", "cts"})


def in_capitals(text: str) -> bool:
    """Mostly capital letters, two words or more: a headline or a paragraph set in capitals."""
    letters = [c for c in text if c.isalpha()]
    return (len(letters) >= MIN_LETTERS and len(text.split()) >= 2
            and sum(c.isupper() for c in letters) >= CAPITALS * len(letters))


def case_forms(texts: Iterable[str]) -> dict[str, str]:
    """Case-folded word -> its commonest form inside a sentence (not a sentence's first word), in ``texts``
    not in capitals."""
    counts: dict[str, Counter[str]] = {}
    for text in texts:
        if in_capitals(text):
            continue
        for index, match in enumerate(WORD.finditer(text)):
            if index and not OPENING.search(text[max(0, match.start() - 8):match.start()]):
                word = match.group(0)
                # "EU-wide" says how the article writes "EU" as well as the whole word
                parts = word.split("-") if "-" in word else []
                for form in (word, *filter(None, parts)):
                    counts.setdefault(form.casefold(), Counter())[form] += 1
    return {folded: max(forms, key=lambda form: (forms[form], form)) for folded, forms in counts.items()}


def recase(text: str, forms: dict[str, str], names: bool = False) -> str:
    """``text`` (in capitals) with each word in the form ``forms`` gives it, else lower case (``names``: a
    capital and lower case, as in a line of a table, which is names and figures); its first letter a
    capital."""
    other = str.capitalize if names else str.lower

    def word(match: re.Match[str]) -> str:
        found = match.group(0)
        whole = forms.get(found.casefold())
        if whole is not None:
            return whole
        if found[-2:-1] in ("'", "’") and found[-1] in "sS":  # "FRIDAY'S": the word, then 's
            return word(WORD.match(found[:-2])) + found[-2] + "s"  # type: ignore[arg-type]
        if "-" in found:  # "AL-AIN": its parts, each as the article writes it
            return "-".join(forms.get(part.casefold(), other(part)) for part in found.split("-"))
        return unknown(found)

    def unknown(found: str) -> str:
        folded = found.casefold()
        if folded in UNITS:
            return folded
        if found.isupper() and len(found) >= 2 and not VOWELS & set(folded) and folded.strip(".") not in SHORT_TITLES:
            return found
        return other(found)

    cased = WORD.sub(word, text)
    first = next((i for i, c in enumerate(cased) if c.isalpha()), None)
    return cased if first is None else cased[:first] + cased[first].upper() + cased[first + 1:]


CAPITALS_WORD = re.compile(r"\b[^\W\d_a-z]{2,}(?:['’\-.][^\W\d_a-z]+)*\b")  # "BALTIMORE", "AL-AIN"
NAME_LETTERS = 5
CAPITALS_RUN = re.compile(rf"{CAPITALS_WORD.pattern}(?: {CAPITALS_WORD.pattern})*")  # "NEW YORK"


def recase_names(text: str, forms: dict[str, str], known: Callable[[str], bool]) -> str:
    """A line of a table not in capitals, with each run of words in capitals in it (a name set off, as the
    home side of a result is: "Seattle 10 BALTIMORE 3") in its proper case when the evidence gives one: the
    form ``forms`` gives each word, or a capital and lower case when ``known`` knows that as a name of two
    words or of :data:`NAME_LETTERS` letters or more ("Baltimore", "New York"; an abbreviation is shorter).
    Any other run stays in capitals ("DAX 3,112", "ING 52.10")."""
    def run(match: re.Match[str]) -> str:
        found = match.group(0)
        if all(word.casefold() in forms for word in found.split()):
            return recase(found, forms, names=True)
        titled = recase(found, {}, names=True)
        return titled if (" " in found or len(found) >= NAME_LETTERS) and known(titled) else found

    return CAPITALS_RUN.sub(run, text)


def without_capitals(text: str) -> str:
    """``text`` without its words in capitals: in a line of a table, capitals set a name off (the home
    side), they are no evidence of how the article writes it."""
    return CAPITALS_WORD.sub("", text)
