"""Is a headline well formed? One check for the tests and for ``benchmarks/quality.py --titles``.

A headline fails when it:

* ends on a determiner, a preposition, a conjunction or a particle ("... held by the"), or on an adjective
  or a number left without its noun ("... was an American"; not "rebels are defiant", "born in 1958");
* leaves a quotation mark or a bracket open ('A film based on the "Baghdad Blogger');
* cuts a name the lead gives whole ("... held by the Islamic State" where the lead says "the Islamic State
  group");
* reports speech whose clause has no verb ("Kim Collins says suspended sprinter Dwain Chambers");
* has no verb at all and is not a plain noun-phrase headline ("Floods in Somalia" is one).

Tokens come as (text, coarse part of speech) pairs, as the analysis keeps them for the first paragraphs
(Universal POS: NOUN, PROPN, VERB, AUX, ADJ, ADP, DET, ...).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from generator.nlp import lexicon

ENDS_BADLY = {"DET", "ADP", "CCONJ", "SCONJ", "PART", "ADJ", "NUM", "PRON", "AUX"}
BE_FORMS = {"am", "is", "are", "was", "were", "be", "been", "being"}  # a headline never ends on one
NOUN_PHRASE = {"NOUN", "PROPN", "ADJ", "DET", "NUM", "ADP", "CCONJ", "PUNCT", "PART", "X"}
SPEECH_VERBS = lexicon.words("speech-verbs")
_QUOTES = (("\u201c", "\u201d"), ("\u2018", "\u2019"), ("(", ")"), ("[", "]"))


def problems(tokens: Sequence[tuple[str, str]], lead: str = "", names: Iterable[str] = ()) -> list[str]:
    """What is wrong with a headline, as short phrases; [] when it is well formed. ``lead`` is the sentence
    it was made from and ``names`` the article's entity names and aliases, for names cut short."""
    words = [(text.strip(), pos) for text, pos in tokens if text.strip()]
    if not words:
        return ["empty"]
    found = []
    content = [(w, p) for w, p in words if p != "PUNCT"]
    if content and content[-1][1] in ENDS_BADLY and not year_after_preposition(content) \
            and not predicative(content) and not object_pronoun(content):
        found.append(f"ends on {content[-1][1]} {content[-1][0]!r}")
    elif content and content[-1][0].casefold() in BE_FORMS:  # "... the dollar's strength was": tagged a verb
        found.append(f"ends on the copula {content[-1][0]!r}")
    text = "".join(t for t, _ in tokens).strip()
    if text.count('"') % 2 or any(text.count(a) > text.count(b) for a, b in _QUOTES):
        found.append("a quotation mark or bracket is left open")
    if lead and (cut := cut_name(text, lead, names)):
        found.append(f"cuts the name {cut!r}")
    verbs = [i for i, (w, p) in enumerate(words) if p in ("VERB", "AUX")]
    said = [i for i in verbs if words[i][0].casefold() in SPEECH_VERBS]
    if said and reported_without_verb(words, said[-1], verbs):
        found.append(f"what {words[said[-1]][0]!r} reports has no verb")
    if not verbs and not all(p in NOUN_PHRASE for _, p in words):
        found.append("no verb, and not a noun phrase")
    return found


def predicative(words: Sequence[tuple[str, str]]) -> bool:
    """"Rebels are defiant": an adjective after a verb is what the verb says, not a modifier of a noun cut off."""
    return len(words) >= 2 and words[-1][1] == "ADJ" and words[-2][1] in ("AUX", "VERB")


OBJECT_PRONOUNS = {"me", "him", "her", "us", "them", "it", "you", "himself", "herself", "itself", "themselves"}


def object_pronoun(words: Sequence[tuple[str, str]]) -> bool:
    """"... imprisoned her", "... sent to them": a pronoun after a verb or a preposition is its object."""
    return len(words) >= 2 and words[-1][0].casefold() in OBJECT_PRONOUNS and words[-2][1] in ("VERB", "ADP")


def year_after_preposition(words: Sequence[tuple[str, str]]) -> bool:
    """"... born in 1958": a year after a preposition ends a phrase, it modifies nothing."""
    return len(words) >= 2 and re.fullmatch(r"1\d{3}|20\d{2}", words[-1][0]) is not None and words[-2][1] == "ADP"


def reported_without_verb(words: Sequence[tuple[str, str]], said: int, verbs: Sequence[int]) -> bool:
    """After a verb of saying, a clause (it opens on a noun phrase, not "of" or "to") with no verb of its own:
    a participle before a noun ("says suspended sprinter") modifies the noun, it is not the clause's verb."""
    if said >= len(words) - 1 or words[said + 1][1] in ("ADP", "PART", "PUNCT"):
        return False

    def modifier(i: int) -> bool:
        return i + 1 < len(words) and words[i + 1][1] in ("NOUN", "PROPN", "ADJ") \
            and words[i - 1][1] in ("VERB", "AUX", "DET", "ADJ")

    return not any(i > said and not modifier(i) for i in verbs)


def cut_name(title: str, lead: str, names: Iterable[str]) -> str | None:
    """A name the headline stops inside of, where the headline is a piece of the lead: its end falls
    within one of the lead's occurrences of the name."""
    folded_lead, folded_title = lead.casefold(), title.casefold().rstrip(" .")
    start = folded_lead.find(folded_title)
    if start < 0 or not folded_title:
        return None
    end = start + len(folded_title)
    for name in sorted(set(names), key=len, reverse=True):
        for match in re.finditer(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", folded_lead):
            if match.start() < end < match.end():
                return name
    return None
