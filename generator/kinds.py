"""An entity's kind and names, decided the same way for one article and for the whole archive.

The analysis (:mod:`generator.nlp.entities`) decides them from one article's mentions, the index
(:mod:`generator.index`) from every briefing's entities: both call these, and nothing else decides a kind or
orders aliases.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from generator.model import ArticleEntity, Kind

# Tie-break between kinds with equal votes.
KIND_ORDER: tuple[Kind, ...] = ("place", "group", "person")


def looks_like_abbreviation(text: str) -> bool:
    """Two to ten characters, one word, mostly capitals: "SDF", "AMISOM", "PhD" (not "again", "A")."""
    letters = [c for c in text if c.isalpha()]
    return (
        2 <= len(text) <= 10
        and " " not in text
        and text[0].isalpha()
        and sum(c.isupper() for c in letters) >= 2
        and sum(c.isupper() for c in letters) >= len(letters) / 2
    )


def vote_kind(votes: Mapping[str, int]) -> Kind:
    """The kind with the most votes; a tie goes to the first of :data:`KIND_ORDER`."""
    return max(KIND_ORDER, key=lambda k: (votes.get(k, 0), -KIND_ORDER.index(k)))


def aliases_of(name: str, forms: Mapping[str, int]) -> tuple[str, ...]:
    """The other forms of a name, most used first (then alphabetically), one per spelling case aside."""
    seen = {name.casefold()}
    aliases = []
    for form in sorted(forms, key=lambda n: (-forms[n], n)):
        if form.casefold() not in seen:
            seen.add(form.casefold())
            aliases.append(form)
    return tuple(aliases)


def merge_same_key(entities: Iterable[ArticleEntity]) -> tuple[ArticleEntity, ...]:
    """Entities of one article with one key are one ("Al-Shabaab", "Al Shabaab"): the most mentioned one's
    name and kind, every name of the others an alias, the votes and mentions added up."""
    merged: dict[str, ArticleEntity] = {}
    for entity in sorted(entities, key=lambda e: (-e.mentions, e.name)):
        first = merged.get(entity.key)
        if first is None:
            merged[entity.key] = entity
            continue
        votes = Counter(dict(first.votes)) + Counter(dict(entity.votes))
        names = [n for n in (entity.name, *entity.aliases) if n.casefold() != first.name.casefold()]
        merged[entity.key] = ArticleEntity(
            key=first.key,
            name=first.name,
            kind=first.kind,
            aliases=tuple(dict.fromkeys((*first.aliases, *names))),
            mentions=first.mentions + entity.mentions,
            votes=tuple(sorted(votes.items())),
            from_gazetteer=first.from_gazetteer or entity.from_gazetteer,
            first=min(first.first, entity.first),
            outlet=first.outlet or entity.outlet,
            roles=tuple(dict.fromkeys((*first.roles, *entity.roles))),
        )
    return tuple(sorted(merged.values(), key=lambda e: (-e.mentions, e.name)))
