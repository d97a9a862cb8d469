"""The archive index: duplicates folded, one entity per key across all briefings, related briefings, stories.
Pure functions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from generator.dedup import fold
from generator.gazetteer import Gazetteer, GazetteerEntry
from generator.kinds import aliases_of, looks_like_abbreviation, merge_same_key, vote_kind
from generator.model import Analysis, Archive, Article, ArticleEntity, Briefing, Compared, Entity, Geo, Kind
from generator.places import country_names, region_name, resolve, resolve_small, sole_place
from generator.similarity import companions, related_briefings
from generator.stories import find_stories
from generator.text import slugify


def newest_first(article: Article) -> tuple[int, str]:
    return (-article.date.toordinal(), article.id)


def build_archive(items: Sequence[tuple[Article, Analysis]], gazetteer: Gazetteer,
                  compared: Compared | None = None) -> Archive:
    """Near-duplicates folded into the briefing that leads them, one entity per key, places resolved to
    GeoNames, related briefings, story threads. With ``compared``, the last build's search for near-duplicates,
    only the articles new or changed since are compared."""
    items, duplicates, compared = fold(items, compared)
    places = gazetteer_places(gazetteer)
    items = [(article, one_key_per_place(analysis, places)) for article, analysis in items]
    learned = learned_abbreviations(items)
    items = sorted(((article, spelled_out(analysis, learned)) for article, analysis in items),
                   key=lambda pair: newest_first(pair[0]))
    entities = index_entities(items, gazetteer)
    briefings = [Briefing(article, analysis, duplicates=duplicates.get(article.id, ())) for article, analysis in items]
    related = related_briefings(briefings, entities)
    stories = find_stories(briefings, entities)
    story_of = {id: story.key for story in stories.values() for id in story.briefings}
    return Archive(
        briefings=tuple(replace(b, related=related[b.id], story=story_of.get(b.id)) for b in briefings),
        entities=entities,
        stories=stories,
        compared=compared,
    )


def gazetteer_places(gazetteer: Gazetteer) -> dict[int, str]:
    """GeoNames id -> key of the gazetteer place whose names mean that place only."""
    found = {}
    for entry in gazetteer.entries:
        record = sole_place(entry.names) if entry.kind == "place" else None
        if record is not None:
            found.setdefault(record.geonameid, entry.key)
    return found


def one_key_per_place(analysis: Analysis, gazetteer_places: dict[int, str]) -> Analysis:
    """Every spelling of one GeoNames place under one key: the gazetteer's, else the slug of the GeoNames
    name ("Kandahar" and "Qandahar" are both ``kandahar``). The key depends on the place, not on which
    spelling came first, so a new article never moves a published page. Only names that can mean one
    place are keyed so: a spelling that could mean several is never merged on a guess."""
    moves = {}
    for entity in analysis.entities:
        if entity.kind == "place" and not entity.from_gazetteer:
            record = sole_place((entity.name, *entity.aliases))
            if record is not None:
                key = gazetteer_places.get(record.geonameid) or slugify(record.name)
                if key != entity.key:
                    moves[entity.key] = key
    return rekey(analysis, moves)


def index_entities(items: Sequence[tuple[Article, Analysis]], gazetteer: Gazetteer) -> dict[str, Entity]:
    """One :class:`Entity` per key: its names, kind and briefings merged, its companions, and for a place its
    GeoNames record. Each is made once, with every field (``dataclasses.replace`` on thousands of entities
    cost more than the merging)."""
    mentions_of: dict[str, list[tuple[Article, ArticleEntity]]] = defaultdict(list)
    for article, analysis in items:
        for entity in analysis.entities:
            mentions_of[entity.key].append((article, entity))
    known = gazetteer.by_key()
    fields = {key: merge_entity(key, found, known.get(key)) for key, found in sorted(mentions_of.items())}
    rank = {key: i for i, key in enumerate(sorted(fields, key=lambda k: (fields[k]["name"], k)))}
    together = companions((analysis for _, analysis in items), {k: f["kind"] for k, f in fields.items()}, rank)
    geo = locate_places(fields, together)
    return {key: Entity(**found, companions=together.get(key, ()), geo=geo.get(key)) for key, found in fields.items()}


def learned_abbreviations(items: Sequence[tuple[Article, Analysis]]) -> dict[str, str]:
    """Abbreviations the archive has seen spelled out: key of the abbreviation alone -> key of the one entity
    an article paired it with ("Syrian Democratic Forces (SDF)"). One spelling-out is enough, so an alias
    seen in one briefing helps the next; an abbreviation spelled out two ways is learned from neither."""
    seen: dict[str, set[str]] = defaultdict(set)
    for _, analysis in items:
        for entity in analysis.entities:
            for alias in entity.aliases:
                if is_abbreviation(alias) and slugify(alias) != entity.key:
                    seen[slugify(alias)].add(entity.key)
    return {short: next(iter(longs)) for short, longs in sorted(seen.items()) if len(longs) == 1}


def spelled_out(analysis: Analysis, learned: dict[str, str]) -> Analysis:
    """An article that names only "SDF" joins the Syrian Democratic Forces another article spelled out."""
    moves = {e.key: learned[e.key] for e in analysis.entities
             if e.key in learned and not e.from_gazetteer and is_abbreviation(e.name) and e.key == slugify(e.name)}
    return rekey(analysis, moves)


def is_abbreviation(name: str) -> bool:
    return looks_like_abbreviation(name) and not any(c.islower() for c in name)


def rekey(analysis: Analysis, moves: dict[str, str]) -> Analysis:
    """The analysis with moved keys replaced; two of its entities that became one are combined."""
    if not any(e.key in moves for e in analysis.entities):
        return analysis
    moved = [replace(e, key=moves.get(e.key, e.key)) for e in analysis.entities]
    return replace(analysis, entities=merge_same_key(moved))


def merge_entity(
    key: str, found: list[tuple[Article, ArticleEntity]], entry: GazetteerEntry | None
) -> dict[str, Any]:
    """One entity's fields from its per-article forms (all but its companions and place): the gazetteer
    decides, else the archive-wide vote."""
    # Plain dicts, not Counters: an archive has thousands of entities, and a Counter costs more to make.
    votes: dict[str, int] = {}
    names: dict[str, int] = {}
    timeline: dict[str, int] = {}
    roles: dict[str, tuple[int, str]] = {}  # role -> (briefings giving it, the newest of them)
    for article, entity in found:
        for role in entity.roles:
            given, newest = roles.get(role, (0, article.id))
            roles[role] = (given + 1, newest)
        for kind_voted, count in entity.votes:
            votes[kind_voted] = votes.get(kind_voted, 0) + count
        names[entity.name] = names.get(entity.name, 0) + entity.mentions
        for alias in entity.aliases:
            names[alias] = names.get(alias, 0) + 1
        month = article.date.isoformat()[:7]  # YYYY-MM (strftime costs five times more)
        timeline[month] = timeline.get(month, 0) + entity.mentions
    if entry is not None and entry.kind != "other":  # "other" names are never an analysis's entities
        kind: Kind = entry.kind
        name = entry.name
    else:
        kind = vote_kind(votes)
        canonical: dict[str, int] = {}
        for _, entity in found:
            canonical[entity.name] = canonical.get(entity.name, 0) + 1
        name = min(canonical, key=lambda n: (-canonical[n], -names[n], n))
    ids = tuple(dict.fromkeys(article.id for article, _ in found))  # already newest first
    return {
        "key": key,
        "name": name,
        "kind": kind,
        "aliases": aliases_of(name, names),
        "briefings": ids,
        "mentions": sum(entity.mentions for _, entity in found),
        "timeline": tuple(sorted(timeline.items())),
        "description": entry.description if entry is not None else None,
        "roles": tuple((role, newest) for role, (_, newest) in sorted(roles.items(), key=lambda r: (-r[1][0], r[0]))),
    }


def locate_places(
    fields: dict[str, dict[str, Any]], companions: dict[str, tuple[tuple[str, int, int], ...]]
) -> dict[str, Geo | None]:
    """Resolve every place (by its merged ``fields``) to GeoNames: countries first, then other places in the
    context of the countries among its ``companions``, then a place of 1,000 people or more in one of those
    countries or of the countries its companion places lie in ("Positano" beside Naples and Rome, in a
    briefing that names no country). A place GeoNames does not know stays a place, without coordinates
    (None)."""
    places = {key: (found["name"], *found["aliases"]) for key, found in fields.items() if found["kind"] == "place"}
    countries, homes = {}, {}  # the places that are countries; the country of each place GeoNames knows
    for key, names in places.items():
        record = resolve(names)
        if record is not None:
            homes[key] = record.countrycode
            if record.feature == "country":
                countries[key] = record.countrycode
    located: dict[str, Geo | None] = {}
    for key, names in places.items():
        context = {countries[k] for k, _, _ in companions.get(key, ()) if k in countries}
        near = context | {homes[k] for k, _, _ in companions.get(key, ()) if k in homes}  # "Positano" beside Naples
        record = resolve(names, context) or resolve_small(names, near)
        located[key] = None if record is None else Geo(
            record.geonameid, record.name, record.feature, country_names().get(record.countrycode, record.countrycode),
            record.latitude, record.longitude, region_name(record))
    return located
