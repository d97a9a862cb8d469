"""How an article uses its entities, and what it is about, for the archive's cross-links.

* where each entity is first named (:func:`first_sentences`): a name in the title or the lead is what the
  story is about, a name said once further down is mentioned in passing;
* whether an entity is a news outlet (:func:`is_outlet`): the article's own agency, a photo credit, or a
  paper, broadcaster or agency it cites ("told Sky News") is where the news came from, not what it is about;
* the role the article gives a person (:func:`role_before`): "Iraqi Prime Minister" in "Iraqi Prime Minister
  Haider al-Abadi";
* the article's content terms (:func:`content_terms`): lemmas of its nouns, verbs and adjectives, for the
  text similarity of two briefings.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from generator.model import Article, ArticleEntity
from generator.nlp import lexicon

# Outlets: agencies and broadcasters known by a name that does not say so ("Reuters", "Xinhua"), and the words
# that say so ("Sky News", "Canadian Press"; "Toronto Star", "The New York Times" end on a paper's word).
OUTLET_NAMES = frozenset(name.casefold() for name in lexicon.entries("news-outlets"))
OUTLET_WORDS = lexicon.words("outlet-words")
OUTLET_LAST_WORDS = lexicon.words("newspaper-heads") | lexicon.words("outlet-last-words")
# Role words: the titles and occupations a role ends on ("Prime Minister", "spokesman", "striker"), and the
# lower-case words a role may hold before them ("former", "deputy").
ROLE_WORDS = frozenset(word.rstrip(".") for phrase in lexicon.entries("titles") for word in phrase.split()) \
    | lexicon.words("occupations")
ROLE_HEADS = frozenset(word.rstrip(".") for phrase in lexicon.entries("titles") for word in phrase.split()[-1:]) \
    | lexicon.words("occupations")
ROLE_MODIFIERS = lexicon.words("role-modifiers")
HONORIFICS = lexicon.words("honorifics")
ROLE_MAX_WORDS = 6
TERMS_KEPT = 60  # content terms recorded per article, the commonest
WORD = re.compile(r"[\w'’-]+")


def first_sentences(keys_by_sentence: dict[int, list[str]], prose: Sequence[bool]) -> dict[str, int]:
    """Entity key -> the number of the first prose sentence naming it (0: the lead), -1 when the title names
    it; an entity named only outside the prose (a caption, a list of sources) gets the number of prose
    sentences, after them all."""
    number = {}
    count = 0
    for position, is_prose in enumerate(prose):
        if is_prose:
            number[position] = count
            count += 1
    first: dict[str, int] = {}
    for sentence, keys in sorted(keys_by_sentence.items()):
        where = -1 if sentence < 0 else number.get(sentence, count)
        for key in keys:
            first[key] = min(first.get(key, where), where)
    return first


def is_outlet(entity: ArticleEntity, article: Article) -> bool:
    """The article's own agency, a name in a photo credit, or a news outlet by its name: "AFP" in an AFP
    story, "Reuters" in "(Reuters/Name)", "Sky News", "the Toronto Star", "Xinhua"."""
    names = [n.casefold() for n in (entity.name, *entity.aliases)]
    credits = " ".join(filter(None, (article.source, article.credit, *(p.credit for p in article.paragraphs))))
    credited = {word.casefold() for word in WORD.findall(credits)}
    if article.source and article.source.casefold() in names:
        return True
    if any(name in credited or (" " in name and name in credits.casefold()) for name in names):
        return True
    if any(name in OUTLET_NAMES for name in names):  # whatever kind the vote gave it ("Xinhua" is a town too)
        return True
    if entity.kind != "group":
        return False
    for name in names:
        words = name.split()
        if any(w in OUTLET_WORDS for w in words) or (len(words) > 1 and words[-1] in OUTLET_LAST_WORDS):
            return True
    return False


def role_before(words: Sequence[str], tags: Sequence[str], person: Sequence[bool]) -> str:
    """The role given just before a person's name, from the words before it (nearest last), their fine tags
    and whether each is part of another person's name: capitalised words and role modifiers up to a title or
    occupation next to the name. "Iraqi Prime Minister" (Haider al-Abadi), "Kurdish leader" (Masoud Barzani),
    "striker" (Dries Mertens); "" when there is none ("Mr" is no role)."""
    taken: list[str] = []
    for word, tag, other in zip(reversed(words), reversed(tags), reversed(person), strict=True):
        bare = word.rstrip(".").casefold()
        if other or len(taken) == ROLE_MAX_WORDS:
            break
        if not taken:
            if bare not in ROLE_HEADS or bare in HONORIFICS:
                return ""
        elif not (bare in ROLE_WORDS or bare in ROLE_MODIFIERS or (word[:1].isupper() and tag in NAME_TAGS)):
            break
        taken.append(word)
    role = list(reversed(taken))
    while role and role[0].rstrip(".").casefold() in HONORIFICS:
        role.pop(0)
    return " ".join(role)


NAME_TAGS = frozenset({"NNP", "NNPS", "JJ"})


def entity_roles(roles: Iterable[tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    """(entity key, role) for each mention -> each entity's roles, the commonest first (ties: first seen)."""
    counts: dict[str, Counter[str]] = {}
    for key, role in roles:
        if role:
            counts.setdefault(key, Counter())[role] += 1
    return {key: tuple(role for role, _ in found.most_common()) for key, found in counts.items()}


def content_terms(terms: Counter[str]) -> tuple[tuple[str, int], ...]:
    """The :data:`TERMS_KEPT` commonest content terms with their counts (ties by the term), in that order."""
    return tuple(sorted(terms.items(), key=lambda item: (-item[1], item[0]))[:TERMS_KEPT])
