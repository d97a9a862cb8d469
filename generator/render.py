"""Archive -> the text of every generated file (Markdown pages and manifest.json). Writes nothing.

Article text is untrusted. Templates are Jinja2 with ``finalize`` set to :func:`md_escape`: every value
printed with ``{{ }}`` reaches the page as text unless it is a :class:`Markdown` value built here (links
whose targets are generated paths, never article text).
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import math
import multiprocessing
import posixpath
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

import jinja2

from generator import __version__, charts, maps
from generator.feed import entity_feed_path, render_entity_feed, render_feed
from generator.inventory import render_inventory
from generator.model import KIND_FOLDERS, KINDS, Archive, Briefing, Entity, Geo, Story
from generator.places import region_key
from generator.text import absolute_url, slugify

TEMPLATES = Path(__file__).with_name("templates")
LATEST = 10
ARCHIVE_LATEST = 50
ENTITY_LATEST = 30  # briefings listed on an entity's page; more are on its pages by year
TIMELINE_MONTHS = 24  # an entity mentioned in more months has its timeline by year
WORDS_PER_MINUTE = 220
KIND_TITLES = {"person": "People", "place": "Places", "group": "Groups"}
KIND_SINGULAR = {"person": "Person", "place": "Place", "group": "Group"}
ROLES_SHOWN = 5
NO_RELATED = ("No other briefing is about the same places, groups or people in similar words yet "
              "(shared entities and text are scored as the method page says).")

_SPACE = re.compile(r"\s+")
_INLINE = re.compile(r"([\\`*_\[\]{}|~^])")
_LINE_START = re.compile(r"^(\s*)(\d+(?=[.)])|)([-+*>#.)!])")
_SPECIAL = re.compile(r"[&<>\\`*_\[\]{}|~^]|^\s*\d*[-+*>#.)!]")


class Markdown(str):
    """Text that is already safe Markdown (built by this module), printed as it is."""


def md_escape(value: object) -> str:
    """Make any text show as itself in Markdown: no HTML, no links, no emphasis, no block syntax."""
    if isinstance(value, Markdown):
        return value
    if type(value) is int:
        return str(value)
    return _escape(str(value))


@functools.lru_cache(maxsize=1 << 16)
def _escape(text: str) -> str:
    """:func:`md_escape` of a plain string: names, titles and labels recur on many pages."""
    text = _SPACE.sub(" ", text)
    if not _SPECIAL.search(text):  # most names and titles: nothing to escape
        return text
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + m.group(2) + "\\" + m.group(3), text)


def markdown_link(title: str, url: str) -> str:
    """The Markdown link an analyst pastes into a report: the title escaped, the URL percent-encoded."""
    return f"[{md_escape(title)}]({safe_url(url)})"


def citation(title: str, url: str, kind: str, source: str = "", date: str = "", site_name: str = "") -> str:
    """A plain citation: '"Title." Source, date. URL' for a briefing, '"Name" (kind), Site. URL' otherwise.
    The title opens in a quotation mark, so no title can start a line with Markdown or snippet syntax."""
    title = " ".join(title.split())
    site_name = site_name or SiteOptions.site_name
    if kind == "briefing":
        return f'"{title}." {source or site_name}, {date}. {url}'
    return f'"{title}" ({kind}), {site_name}. {url}'


_NOT_YAML = re.compile("[^\x20-\x7E\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010ffff]")


def yaml_value(value: object) -> Markdown:
    """Any JSON value (strings, numbers, lists, mappings) as YAML for a page's front matter: JSON, which YAML
    reads as the same value, with every character YAML could not read (control characters) taken out."""
    return Markdown(_NOT_YAML.sub(" ", json.dumps(value, ensure_ascii=False, separators=(", ", ": "))))


_TOPIC = re.compile(r"^\w[\w .\-]{0,48}$")


def topics(tags: tuple[str, ...]) -> list[str]:
    """An article's tags that Material's tags plugin may show: words, spaces, '.' and '-' only (the plugin
    prints a tag's name into the page as it is; any other tag stays listed, escaped, in the Source box)."""
    return [tag for tag in tags if _TOPIC.match(tag)]


def search_keywords(names: tuple[str, ...]) -> Markdown:
    """A YAML flow list of ``names`` for a page's front matter ``tags``, which Material's search weighs far
    above a page's text (``Daesh`` and ``IS`` find the group's page first). Each name is a JSON string, which
    YAML reads as the same string; a name YAML could not read (control characters) is left out."""
    return Markdown("[" + ", ".join(json.dumps(n, ensure_ascii=False) for n in names if not _NOT_YAML.search(n))
                    + "]")


def safe_url(url: str) -> str:
    """An http(s) address for a Markdown link target: anything that could end the link is percent-encoded."""
    return quote(url, safe=":/?#=&%.~_-+@,;!$")


def relative(from_path: str, to_path: str) -> str:
    """A link from one generated page to another, as MkDocs resolves (and validates) .md links.

    The same as ``posixpath.relpath`` for the generator's own paths (relative, no '..'), in a fraction of
    its time: a build computes tens of thousands of these."""
    depth = from_path.count("/")
    if depth and not to_path.startswith(from_path[:from_path.index("/") + 1]):
        return "../" * depth + to_path  # another top folder: most links (a briefing's to entity pages)
    folder = from_path.rfind("/") + 1
    if to_path.rfind("/") + 1 == folder and to_path.startswith(from_path[:folder]):
        return to_path[folder:]  # the same folder: an entity's page to another of its kind
    here = from_path.split("/")[:-1]
    there = to_path.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


SITE_URL_UNSET = (
    "site_url is not set in mkdocs.yml. Fix: set it to the address the archive is published at "
    "(site_url: https://example.org/archive/); permanent URLs, the manifest, the feeds and the sitemap are made "
    "from it, and without it they are only paths from the site's root"
)


@dataclass(frozen=True)
class SiteOptions:
    site_url: str = ""  # e.g. https://example.org/archive/ (from mkdocs.yml), for permanent URLs
    site_name: str = "Briefing Archive"
    map_tiles: str = ""  # an owner's tile server under the maps ({z}/{x}/{y}); off: no third-party request
    map_attribution: str = ""  # what the tile server's terms ask maps to say


class Renderer:
    def __init__(self, archive: Archive, options: SiteOptions = SiteOptions()) -> None:
        self.archive = archive
        self.options = options
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            finalize=md_escape,
            autoescape=False,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
            auto_reload=False,  # the templates do not change during a build: no stat per page
            # Markdown uses "{#id}" for heading anchors: move Jinja's comments out of its way.
            comment_start_string="<#--",
            comment_end_string="--#>",
        )
        self.env.globals.update(
            KIND_TITLES=KIND_TITLES, KIND_SINGULAR=KIND_SINGULAR, KINDS=KINDS, md=md_escape,
        )
        self.tiles = maps.Tiles(options.map_tiles, options.map_attribution) if options.map_tiles else None
        self.by_id = {b.id: b for b in archive.briefings}
        self.neighbours = neighbours(archive)
        self.countries = country_pages(archive)
        self.regions = region_pages(archive)
        self.region_places = region_places(archive)
        self._entity_targets: dict[str, tuple[str, str]] = {}

    # -- links ------------------------------------------------------------------------------------
    def link(self, text: str, from_path: str, to_path: str, anchor: str = "") -> Markdown:
        return Markdown(f"[{md_escape(text)}]({relative(from_path, to_path)}{anchor})")

    def anchor(self, name: str) -> Markdown:
        """An explicit heading anchor ``{#name}`` (attr_list), for generated names only."""
        return Markdown("{#" + slugify(name) + "}")

    def code(self, text: str) -> Markdown:
        """An inline code span around any text (Markdown escapes HTML inside code spans itself)."""
        text = " ".join(str(text).split())
        longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
        fence = "`" * (longest + 1)
        pad = " " if text.startswith("`") or text.endswith("`") else ""
        return Markdown(f"{fence}{pad}{text}{pad}{fence}")

    def coordinates(self, geo: Geo) -> str:
        lat, lon = geo.latitude or 0.0, geo.longitude or 0.0
        return f"{abs(lat):.2f}° {'N' if lat >= 0 else 'S'}, {abs(lon):.2f}° {'E' if lon >= 0 else 'W'}"

    def country_link(self, e: Entity, from_path: str | None = None) -> Markdown:
        """The place's country, linked to the country's page when the archive has one (from ``e``'s page, or
        from ``from_path``)."""
        assert e.geo is not None
        if e.geo.feature == "country":
            return Markdown("Country")
        key = self.countries.get(e.geo.country)
        return self.entity_link(key, from_path or e.path) if key else Markdown(md_escape(e.geo.country))

    def region_link(self, e: Entity) -> Markdown:
        """The place's first-level region, linked to the archive's page for that region when it has one."""
        assert e.geo is not None and e.geo.region is not None
        key = self.regions.get(region_key(e.geo.region))
        return self.entity_link(key, e.path) if key else Markdown(md_escape(e.geo.region))

    def region_of(self, e: Entity) -> Markdown | None:
        """For a region's page (:func:`region_pages`): its country and the archive's places that lie in it."""
        held = self.region_places.get(e.key)
        if not held:
            return None
        countries = sorted({p.geo.country for p in held if p.geo is not None})
        within = ", ".join(f"**{self.country_link(p, e.path)}**"
                           for p in {p.geo.country: p for p in held if p.geo}.values())
        places = ", ".join(self.entity_link(p.key, e.path) for p in held)
        return Markdown(f"A first-level region of {within} in GeoNames, where the archive's "
                        f"place{'s' if len(held) > 1 else ''} {places} lie{'' if len(held) > 1 else 's'}"
                        + ("" if len(countries) == 1 else " (regions of one name in several countries)"))

    def geonames_link(self, geo: Geo) -> Markdown:
        return Markdown(f"[GeoNames {geo.geonameid}](https://www.geonames.org/{geo.geonameid})")

    def entity_link(self, key: str, from_path: str) -> Markdown:
        text, path = self._entity_targets.get(key) or self._entity_target(key)
        return Markdown(f"[{text}]({relative(from_path, path)})")

    def _entity_target(self, key: str) -> tuple[str, str]:
        """An entity's link text and page, asked for once per link to it: computed once."""
        entity = self.archive.entities[key]
        found = self._entity_targets[key] = (md_escape(entity.name), entity.path)
        return found

    def briefing_link(self, id: str, from_path: str) -> Markdown:
        briefing = self.by_id[id]
        return self.link(briefing.analysis.title, from_path, briefing.path)

    def year_link(self, e: Entity, year: int) -> Markdown:
        return self.link(str(year), e.path, entity_year_path(e, year))

    def permanent_url(self, url: str) -> str:
        return absolute_url(url, self.options.site_url)

    def cite_block(self, title: str, url: str, kind: str, source: str = "", date: str = "") -> Markdown:
        """An indented code block (Material adds its copy button) with the Markdown link, the permanent URL
        and a plain citation. Code blocks escape HTML themselves; each line opens on '[', the URL or '"'."""
        permanent = self.permanent_url(url)
        lines = (markdown_link(title, permanent), permanent,
                 citation(title, permanent, kind, source, date, self.options.site_name))
        return Markdown("\n".join("    " + line for line in lines))

    # -- machine-readable metadata ----------------------------------------------------------------
    ABOUT = 8  # entities named in a briefing's JSON-LD "about", the most mentioned first

    def news_article(self, b: Briefing) -> dict[str, object]:
        """schema.org NewsArticle of a briefing: headline, date, its main entities (places with their
        GeoNames URI; no outlet, nor a place named only in the dateline), publisher and source."""
        kinds = {"person": "Person", "place": "Place", "group": "Organization"}
        about = []
        named = [seen for seen in b.analysis.entities if not seen.outlet]  # not where the news came from
        for seen in sorted(named, key=lambda s: (-s.mentions, s.key))[:self.ABOUT]:
            e = self.archive.entities[seen.key]
            thing: dict[str, object] = {"@type": kinds[e.kind], "name": e.name, "url": self.permanent_url(e.url)}
            if e.geo is not None:
                thing["sameAs"] = f"https://sws.geonames.org/{e.geo.geonameid}/"
                if e.geo.latitude is not None:
                    thing["geo"] = {"@type": "GeoCoordinates", "latitude": e.geo.latitude,
                                    "longitude": e.geo.longitude}
            about.append(thing)
        url = self.permanent_url(b.url)
        article: dict[str, object] = {
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": b.analysis.title,
            "datePublished": b.article.date.isoformat(), "url": url, "mainEntityOfPage": url,
            "description": " ".join(b.analysis.summary), "identifier": b.id, "wordCount": b.article.words,
            "publisher": {"@type": "Organization", "name": self.options.site_name}, "about": about,
        }
        if b.article.source:
            article["sourceOrganization"] = {"@type": "Organization", "name": b.article.source}
        if b.article.dateline:
            article["locationCreated"] = {"@type": "Place", "name": b.article.dateline}
        return article

    # -- maps -------------------------------------------------------------------------------------
    def marker(self, e: Entity, from_path: str, size: float = 1.0, ringed: bool = False,
               note: str = "") -> maps.Marker | None:
        if e.geo is None or e.geo.latitude is None or e.geo.longitude is None:
            return None
        return maps.Marker(e.geo.latitude, e.geo.longitude, e.name, maps.href(from_path, e.url), size, ringed, note)

    def figure(self, svg: str, caption: str) -> Markdown:
        """A map as a raw HTML block (a ``figure``, which Markdown leaves as it is), with a caption."""
        return Markdown(f'<figure class="briefing-figure">{svg}<figcaption>{html.escape(caption)}</figcaption>'
                        "</figure>")

    def briefing_map(self, b: Briefing) -> Markdown | None:
        """Its places with coordinates as dots (the dateline's ringed), the countries it names shaded."""
        places = [self.archive.entities[seen.key] for seen in b.analysis.entities
                  if self.archive.entities[seen.key].kind == "place"]
        dateline = (b.article.dateline or "").casefold()
        at = {e.key for e in places if dateline and dateline in {n.casefold() for n in (e.name, *e.aliases)}}
        markers = [m for e in places if (m := self.marker(e, b.path, ringed=e.key in at,
                                                          note="dateline" if e.key in at else ""))]
        shaded = [c for e in places if e.geo and e.geo.feature == "country" and (c := maps.country_of(e.geo.name))]
        if not markers and not shaded:
            return None
        frame = maps.around([(m.longitude, m.latitude) for m in markers], [] if markers else [c.main for c in shaded])
        svg = maps.draw(frame, markers, {c.iso for c in shaded}, "Map of the places in this briefing",
                        tiles=self.tiles)
        named = ", ".join(m.label + (f" ({m.note})" if m.note else "") for m in markers)
        return self.figure(svg, f"Places in this briefing: {named}." if named else "Countries in this briefing.")

    def place_map(self, e: Entity) -> Markdown | None:
        """The place on a map of its country (a country: the country itself)."""
        if e.geo is None:
            return None
        country = maps.country_of(e.geo.name if e.geo.feature == "country" else e.geo.country)
        marker = self.marker(e, e.path, ringed=True)
        if marker is None and country is None:
            return None
        frame = maps.around([(marker.longitude, marker.latitude)] if marker else [], [country.main] if country else [])
        where = f"{e.name} in {country.name}" if country and e.geo.feature != "country" else e.name
        svg = maps.draw(frame, [marker] if marker else [], [country.iso] if country else [], f"Map: {where}",
                        tiles=self.tiles)
        return self.figure(svg, f"Map: {where}.")

    def archive_map(self) -> str:
        """The Map page: every place with coordinates, sized by its briefings; countries with a page shaded and
        linked; then every place as a list (the same places, as text)."""
        path = "map.md"
        places = sorted((e for e in self.archive.entities.values() if e.kind == "place"),
                        key=lambda e: (e.name.casefold(), e.key))
        most = max((len(e.briefings) for e in places), default=1)
        markers = [m for e in places
                   if (m := self.marker(e, path, size=0.6 + 1.4 * math.sqrt(len(e.briefings) / most)))]
        links = {c.iso: maps.href(path, e.url) for e in places
                 if e.geo and e.geo.feature == "country" and (c := maps.country_of(e.geo.name))}
        svg = maps.draw(maps.WORLD, markers, links, "Map of every place in the archive", links, tolerance=1.5,
                        tiles=self.tiles)
        listing = Markdown("\n".join(
            f"- {self.entity_link(e.key, path)} ({len(e.briefings)})"
            + (f" — {md_escape(e.geo.country)}" if e.geo and e.geo.feature != "country" else "") for e in places)
            or "- No places yet.")
        return self.render("map.md.j2", figure=self.figure(svg, f"{len(places)} places; a dot for each town or "
                                                                "city, sized by its briefings; countries shaded."),
                           listing=listing, count=len(places))

    # -- pages ------------------------------------------------------------------------------------
    def render(self, template: str, **context: object) -> str:
        return self.env.get_template(template).render(r=self, **context)

    def briefing(self, b: Briefing) -> str:
        # The entity index and the related briefings are built here, as on entity pages (:meth:`entity`).
        entities = self.archive.entities
        lines: dict[str, list[str]] = {kind: [] for kind in KINDS}
        for seen in b.analysis.entities:
            also = f"; here also *{md_escape(', '.join(seen.aliases))}*" if seen.aliases else ""
            lines[entities[seen.key].kind].append(
                f"- {self.entity_link(seen.key, b.path)} — {seen.mentions} mention{'s' if seen.mentions != 1 else ''}"
                + also)
        index = {kind: Markdown("\n".join(found) or "- None named.") for kind, found in lines.items()}
        related = Markdown("\n".join(
            f"- {self.briefing_link(rel.id, b.path)} ({md_escape(self.by_id[rel.id].article.date.isoformat())}) — "
            f"also about {', '.join(md_escape(entities[key].name) for key in rel.shared)}" for rel in b.related
        ) or NO_RELATED)
        minutes = max(1, round(b.article.words / WORDS_PER_MINUTE))
        older, newer = self.neighbours[b.id]
        around = Markdown(" · ".join(
            f"{label}: {self.briefing_link(other, b.path)} ({md_escape(self.by_id[other].article.date.isoformat())})"
            for label, other in (("Earlier", older), ("Later", newer)) if other))
        cite = self.cite_block(b.analysis.title, b.url, "briefing", b.article.source or "", b.article.date.isoformat())
        head = {"topics": yaml_value(topics(b.article.tags)),
                "description": yaml_value(" ".join(b.analysis.summary) or b.analysis.title),
                "published": yaml_value(b.article.date.isoformat()), "jsonld": yaml_value(self.news_article(b))}
        return self.render("briefing.md.j2", b=b, a=b.article, index=index, related=related, minutes=minutes,
                           around=around, cite=cite, map=self.briefing_map(b), head=head, story=self.story_line(b),
                           also=self.also_reported(b),
                           source_url=Markdown(f"<{safe_url(b.article.url)}>") if b.article.url else None)

    def story_line(self, b: Briefing) -> Markdown | None:
        """"Part of the story X: 3 earlier, 1 later briefing", linked to the story's page."""
        if b.story is None:
            return None
        story = self.archive.stories[b.story]
        position = story.briefings.index(b.id)
        earlier, later = position, len(story.briefings) - position - 1
        counts = ", ".join(f"{n} {label}" for n, label in ((earlier, "earlier"), (later, "later")) if n)
        return Markdown(f"Part of the story {self.link(story.name, b.path, story.path)}: {counts} "
                        f"briefing{'s' if earlier + later != 1 else ''}")

    def also_reported(self, b: Briefing) -> Markdown | None:
        """The duplicates folded into the briefing: who else sent the story, and the ID each had."""
        if not b.duplicates:
            return None
        return Markdown("Also reported by " + ", ".join(
            f"{md_escape(d.source or 'another send')} ({self.code(d.id)}, {md_escape(d.date.isoformat())})"
            for d in b.duplicates))

    def companion_lines(self, e: Entity) -> Markdown:
        """"Appears with", one list per kind, strongest first (:func:`generator.similarity.companions`)."""
        entities = self.archive.entities
        blocks = []
        for kind in KINDS:
            lines = [f"- {self.entity_link(key, e.path)} — {shared} briefing{'s' if shared != 1 else ''}, "
                     f"{mentions} mention{'s' if mentions != 1 else ''}"
                     for key, shared, mentions in e.companions if entities[key].kind == kind]
            if lines:
                blocks.append(f"**{KIND_TITLES[kind]}**\n\n" + "\n".join(lines))
        return Markdown("\n\n".join(blocks) or "- No other entity yet.")

    def role_lines(self, e: Entity) -> Markdown | None:
        """A person's roles in the articles, the commonest first, each with the newest briefing giving it."""
        if not e.roles:
            return None
        return Markdown("\n".join(f"- {md_escape(role)} — in {self.briefing_link(id, e.path)}"
                                   for role, id in e.roles[:ROLES_SHOWN]))

    def entity(self, e: Entity) -> str:
        """An entity's page, with its newest briefings; an entity in many has its full list by year on
        pages of their own, so no page grows with the archive (:meth:`entity_year`)."""
        years = Counter(self.by_id[i].article.date.year for i in e.briefings) if len(e.briefings) > ENTITY_LATEST \
            else Counter()
        timeline = e.timeline
        by_month = len(timeline) <= TIMELINE_MONTHS
        if not by_month:  # a long life: by year, so the table stays short
            per_year: Counter[str] = Counter()
            for month, count in timeline:
                per_year[month[:4]] += count
            timeline = tuple(sorted(per_year.items()))
        # Links built here, not in the template: an archive has thousands of entity pages, and a call from
        # Jinja costs several times a call from Python.
        # The lists too: one Jinja loop step per line cost more than the rest of the page.
        latest = e.briefings[:ENTITY_LATEST]
        briefings = Markdown("\n".join(
            f"- {md_escape(self.by_id[i].article.date.isoformat())} — {self.briefing_link(i, e.path)}"
            for i in latest))
        companions = self.companion_lines(e)
        rows = Markdown("\n".join(f"| {md_escape(period)} | {md_escape(count)} |" for period, count in timeline))
        chart = self.timeline_chart(e) if timeline else None
        return self.render("entity.md.j2", e=e, briefings=briefings, latest=len(latest), companions=companions,
                           years=sorted(years.items(), reverse=True), timeline=rows,
                           timeline_by_month=by_month, cite=self.cite_block(e.name, e.url, e.kind), chart=chart,
                           keywords=search_keywords((e.name, *e.aliases)), feed_path=entity_feed_path(e),
                           description=yaml_value(f"{KIND_SINGULAR[e.kind]}: {e.name}, named in "
                                                  f"{len(e.briefings)} briefing{'s' if len(e.briefings) != 1 else ''}"
                                                  f" of {self.options.site_name}."),
                           map=self.place_map(e) if e.kind == "place" else None, roles=self.role_lines(e))

    def story(self, story: Story) -> str:
        """A story's page: its timeline of briefings, oldest first, and its main entities."""
        members = [self.by_id[id] for id in story.briefings]
        timeline = Markdown("\n".join(
            f"- {md_escape(b.article.date.isoformat())} — {self.briefing_link(b.id, story.path)}"
            + (f" ({md_escape(b.article.source)})" if b.article.source else "") for b in members))
        entities = self.archive.entities
        main = Markdown("\n".join(
            f"- **{KIND_TITLES[kind]}:** " + ", ".join(self.entity_link(k, story.path) for k in keys)
            for kind in KINDS if (keys := [k for k in story.entities if entities[k].kind == kind])))
        return self.render("story.md.j2", s=story, timeline=timeline, main=main, first=members[0],
                           last=members[-1], description=yaml_value(story_description(story, members)),
                           keywords=search_keywords((story.name, *story.aliases)),
                           cite=self.cite_block(story.name, story.url, "story"))

    def stories_index(self) -> str:
        """Every story, the one with the newest briefing first."""
        stories = sorted(self.archive.stories.values(),
                         key=lambda s: (-self.by_id[s.briefings[-1]].article.date.toordinal(), s.key))
        lines = Markdown("\n".join(
            f"- {self.link(s.name, 'stories/index.md', s.path)} — {len(s.briefings)} briefings, "
            f"{md_escape(self.by_id[s.briefings[0]].article.date.isoformat())} to "
            f"{md_escape(self.by_id[s.briefings[-1]].article.date.isoformat())}" for s in stories))
        return self.render("stories.md.j2", lines=lines, count=len(stories))

    def entity_feed(self, e: Entity) -> bytes:
        latest = [self.by_id[i] for i in e.briefings[:ENTITY_LATEST]]
        return render_entity_feed(e, latest, self.options.site_url, self.options.site_name)

    def entity_year(self, e: Entity, year: int, briefings: list[Briefing]) -> str:
        return self.render("entity_year.md.j2", e=e, year=year, briefings=briefings,
                           path=entity_year_path(e, year))

    def entity_index(self, kind: str) -> str:
        entities = sorted((e for e in self.archive.entities.values() if e.kind == kind),
                          key=lambda e: (e.name.casefold(), e.key))
        letters: dict[str, list[Entity]] = defaultdict(list)
        for e in entities:
            first = e.name[:1].upper()
            letters[first if first.isalpha() and first.isascii() else "#"].append(e)
        return self.render("entity_index.md.j2", kind=kind, letters=sorted(letters.items()),
                           path=f"{KIND_FOLDERS[kind]}/index.md", count=len(entities))

    def years(self) -> dict[int, list[Briefing]]:
        years: dict[int, list[Briefing]] = defaultdict(list)
        for b in self.archive.briefings:
            years[b.article.date.year].append(b)
        return dict(sorted(years.items(), reverse=True))

    def archive_index(self) -> str:
        """The Briefings tab: every year and month with counts, and the latest briefings."""
        years = {year: Counter(f"{b.article.date:%Y-%m}" for b in briefings)
                 for year, briefings in self.years().items()}
        return self.render("archive.md.j2", years=years, latest=self.archive.briefings[:ARCHIVE_LATEST],
                           path="briefings/index.md")

    def archive_year(self, year: int, briefings: list[Briefing]) -> str:
        """One page per year, by month: the archive stays a set of pages of bounded size."""
        months: dict[str, list[Briefing]] = defaultdict(list)
        for b in briefings:
            months[f"{b.article.date:%Y-%m}"].append(b)
        return self.render("archive_year.md.j2", year=year, months=sorted(months.items(), reverse=True),
                           path=f"briefings/{year}/index.md")

    def latest(self) -> str:
        counts = {kind: sum(1 for e in self.archive.entities.values() if e.kind == kind) for kind in KINDS}
        top = {kind: sorted((e for e in self.archive.entities.values() if e.kind == kind),
                            key=lambda e: (-len(e.briefings), -e.mentions, e.name))[:8] for kind in KINDS}
        dates = [b.article.date for b in self.archive.briefings]
        series, unit = periods(sorted(Counter(f"{d:%Y-%m}" for d in dates).items()))
        chart = self.figure(charts.bars(series, "Briefings over time", "briefings"),
                            f"Briefings by {unit}.") if dates else None
        return self.render("latest.md.j2", latest=self.archive.briefings[:LATEST], counts=counts, top=top,
                           first=min(dates) if dates else None, last=max(dates) if dates else None,
                           path="index.md", chart=chart, growing=self.growing(), volume=series)

    def timeline_chart(self, e: Entity) -> Markdown:
        """An entity's mentions as bars (by month, or by year over a long span: :func:`periods`)."""
        series, unit = periods(e.timeline)
        return self.figure(charts.bars(series, f"Mentions of {e.name} over time"), f"Mentions of {e.name} by {unit}.")

    def growing(self, limit: int = 5) -> list[tuple[Entity, int, int, str]]:
        """The entities named in more briefings in the archive's latest month than in the month before:
        (entity, briefings then, briefings the month before, the month), the largest rise first."""
        if not self.archive.briefings:
            return []
        latest = f"{self.archive.briefings[0].article.date:%Y-%m}"
        year, month = int(latest[:4]), int(latest[5:])
        before = f"{year - 1:04d}-12" if month == 1 else f"{year:04d}-{month - 1:02d}"
        rises = []
        for e in self.archive.entities.values():
            months = Counter(f"{self.by_id[i].article.date:%Y-%m}" for i in e.briefings[:ENTITY_LATEST])
            if months[latest] > months[before]:
                rises.append((months[before] - months[latest], e.name, e, months[latest], months[before]))
        return [(e, now, then, latest) for _, _, e, now, then in sorted(rises, key=lambda r: r[:2])[:limit]]

    def manifest(self) -> str:
        briefings = [
            {
                "id": b.id,
                "url": self.permanent_url(b.url),
                "path": b.url,
                "title": b.analysis.title,
                "date": b.article.date.isoformat(),
                "source": b.article.source or "",
                "dateline": b.article.dateline or "",
                "summary": " ".join(b.analysis.summary),
                "entities": [
                    {
                        "key": e.key,
                        "name": self.archive.entities[e.key].name,
                        "kind": self.archive.entities[e.key].kind,
                        "aliases": list(e.aliases),
                        "mentions": e.mentions,
                    }
                    for e in b.analysis.entities
                ],
                "related": [r.id for r in b.related],
                "old_ids": list(b.article.old_ids),
                "story": b.story or "",
                "duplicates": [{"id": d.id, "date": d.date.isoformat(), "source": d.source or "",
                                "similarity": d.similarity} for d in b.duplicates],
            }
            for b in self.archive.briefings
        ]
        entities = [
            {
                "key": e.key,
                "name": e.name,
                "kind": e.kind,
                "aliases": list(e.aliases),
                "url": self.permanent_url(e.url),
                "path": e.url,
                "feed": self.permanent_url(entity_feed_path(e)),
                "briefings": list(e.briefings),
                **({"geonames": {"id": e.geo.geonameid, "name": e.geo.name, "country": e.geo.country,
                                 **({"region": e.geo.region} if e.geo.region else {}),
                                 "latitude": e.geo.latitude, "longitude": e.geo.longitude}} if e.geo else {}),
            }
            for e in sorted(self.archive.entities.values(), key=lambda e: e.key)
        ]
        stories = [
            {
                "key": story.key,
                "name": story.name,
                "url": self.permanent_url(story.url),
                "path": story.url,
                "aliases": list(story.aliases),
                "briefings": list(story.briefings),
                "entities": list(story.entities),
            }
            for story in sorted(self.archive.stories.values(), key=lambda s: s.key)
        ]
        return json_document({"version": 1}, briefings=briefings, entities=entities, stories=stories)


def story_description(story: Story, members: Sequence[Briefing]) -> str:
    """One line: how many briefings, over which days, and the newest one's title."""
    first, last = members[0].article.date.isoformat(), members[-1].article.date.isoformat()
    span = first if first == last else f"{first} to {last}"
    return f"{len(members)} briefings on {story.name}, {span}. Latest: {members[-1].analysis.title}"


def json_document(head: dict[str, object], **lists: list[object]) -> str:
    """JSON with one line per list item: as readable in a diff as indented JSON, and written by the C
    encoder (``indent`` would switch ``json`` to its pure-Python encoder, seconds on a large archive)."""

    def line(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    parts = [line(key) + ":" + line(value) for key, value in head.items()]
    for key, items in lists.items():
        body = ",\n".join(line(item) for item in items)
        parts.append(line(key) + ":[\n" + body + "\n]" if items else line(key) + ":[]")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def redirect_page(from_url: str, to_url: str, title: str) -> str:
    """A static page at a briefing's former address that sends the reader (and search engines) on."""
    target = html.escape(posixpath.relpath(to_url, from_url) + "/", quote=True)
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Moved: {html.escape(title)}</title>\n"
        f'<link rel="canonical" href="{target}">\n<meta http-equiv="refresh" content="0; url={target}">\n'
        '<meta name="robots" content="noindex">\n</head>\n'
        f'<body><p>This page has moved: <a href="{target}">{html.escape(title)}</a>.</p></body>\n</html>\n'
    )


def entity_year_path(e: Entity, year: int) -> str:
    return f"{KIND_FOLDERS[e.kind]}/{e.key}/{year}.md"


# The tags plugin's listing of every tag and its briefings (front matter `topics`, see mkdocs.yml).
TAGS_PAGE = """---
search:
  exclude: true
---

# Tags

The tags the articles' front matter gives, each with its briefings.

<!-- material/tags -->
"""
VOLUME_MONTHS = 60  # a chart of a longer span than this counts by year


def periods(monthly: Sequence[tuple[str, int]]) -> tuple[list[tuple[str, int]], str]:
    """Counts by month (YYYY-MM, oldest first) as a chart's series, quiet months put in as 0, and its unit;
    over more than :data:`VOLUME_MONTHS` months, by year instead."""
    if not monthly:
        return [], "month"
    if len(charts.months_between(monthly[0][0], monthly[-1][0])) <= VOLUME_MONTHS:
        return filled(monthly, by_month=True), "month"
    years: Counter[str] = Counter()
    for month, count in monthly:
        years[month[:4]] += count
    return filled(sorted(years.items()), by_month=False), "year"


def filled(series: Sequence[tuple[str, int]], by_month: bool) -> list[tuple[str, int]]:
    """``series`` (YYYY-MM or YYYY, oldest first) with the quiet periods between put in as 0."""
    if not series:
        return []
    found = dict(series)
    periods = charts.months_between(series[0][0], series[-1][0]) if by_month else [
        str(y) for y in range(int(series[0][0]), int(series[-1][0]) + 1)]
    return [(p, found.get(p, 0)) for p in periods]


def country_pages(archive: Archive) -> dict[str, str]:
    """GeoNames country name -> the key of the archive's page for that country."""
    return {e.geo.name: e.key for e in sorted(archive.entities.values(), key=lambda e: e.key)
            if e.geo is not None and e.geo.feature == "country"}


def region_places(archive: Archive) -> dict[str, tuple[Entity, ...]]:
    """The key of each region's page (:func:`region_pages`) -> the archive's places that lie in it, by name."""
    regions = region_pages(archive)
    held: dict[str, list[Entity]] = defaultdict(list)
    for e in sorted(archive.entities.values(), key=lambda e: (e.name, e.key)):
        if e.geo is not None and e.geo.region is not None and (key := regions.get(region_key(e.geo.region))):
            held[key].append(e)
    return {key: tuple(places) for key, places in held.items()}


def region_pages(archive: Archive) -> dict[str, str]:
    """:func:`~generator.places.region_key` -> the key of the archive's page for a region of that name: a
    US state, or a place GeoNames does not locate ("Kirkuk province": GeoNames names no region, only its
    cities' regions). A place located as a city or a country is never a region ("Berlin" is not the "State
    of Berlin")."""
    return {region_key(e.name): e.key for e in sorted(archive.entities.values(), key=lambda e: e.key)
            if e.kind == "place" and (e.geo is None or e.geo.feature == "state")}


def neighbours(archive: Archive) -> dict[str, tuple[str | None, str | None]]:
    """Each briefing's ID -> (the one just before it, the one just after it) in date order (IDs break ties):
    the Earlier / Later links of its page."""
    order = archive.briefings  # newest first
    return {b.id: (order[i + 1].id if i + 1 < len(order) else None, order[i - 1].id if i else None)
            for i, b in enumerate(order)}


def entity_years(archive: Archive) -> dict[str, tuple[Entity, int, list[Briefing]]]:
    """The pages by year of the entities named in more than ENTITY_LATEST briefings."""
    by_id = {b.id: b for b in archive.briefings}
    pages = {}
    for e in archive.entities.values():
        if len(e.briefings) > ENTITY_LATEST:
            years: dict[int, list[Briefing]] = defaultdict(list)
            for i in e.briefings:
                years[by_id[i].article.date.year].append(by_id[i])
            for year, briefings in years.items():
                pages[entity_year_path(e, year)] = (e, year, briefings)
    return pages


PAGE_KEYS = "_pages.json"  # page -> digest of what it was rendered from (not published)
# Every field of an entity, hashed as a tuple: a dataclass's own repr costs several times more.
ENTITY_FIELDS = tuple(f.name for f in fields(Entity))


@functools.lru_cache(maxsize=1)
def templates_digest() -> str:
    """The templates, the rendering code (this module, maps, charts, feeds) and the generator's version: a page
    rendered by other templates or other rendering code is rendered again."""
    digest = hashlib.blake2b(__version__.encode(), digest_size=16)
    here = Path(__file__).parent
    code = [here / name for name in ("render.py", "maps.py", "charts.py", "feed.py")]
    for path in (*code, *sorted(TEMPLATES.glob("*.j2"))):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def page_keys(
    archive: Archive,
    options: SiteOptions,
    years: dict[str, tuple[Entity, int, list[Briefing]]] | None = None,
    made_from: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """For each briefing and entity page, a digest of everything its text is rendered from.

    ``made_from`` may give, by briefing ID, a digest of the article and its analysis as the analysis step
    made them (the build has one: the digest of the briefing's record), which is much quicker than taking
    them apart again; the archive-wide changes to the analysis (entity keys moved, entities merged) are
    hashed in any case, with the names they link to."""
    base = repr((templates_digest(), options)).encode("utf-8")  # the same for every page: made once
    made_from = made_from or {}
    entities = archive.entities
    by_id = {b.id: b for b in archive.briefings}

    def key(*parts: object) -> str:
        digest = hashlib.blake2b(base, digest_size=16)
        digest.update(repr(parts).encode("utf-8"))
        return digest.hexdigest()

    keys = {}
    around = neighbours(archive)
    countries, regions, held = country_pages(archive), region_pages(archive), region_places(archive)
    for b in archive.briefings:
        # what the page shows of each related briefing (not its score, which moves with every word of the texts)
        related = [(r.id, by_id[r.id].analysis.title, by_id[r.id].article.date, [entities[k].name for k in r.shared])
                   for r in b.related]
        related += [(other, by_id[other].analysis.title, by_id[other].article.date)
                    for other in around[b.id] if other]
        named = [(e.key, e.mentions, e.aliases, entities[e.key].name, entities[e.key].kind, entities[e.key].path)
                 for e in b.analysis.entities]
        if b.story is not None:  # the story's name, and where the briefing is in it
            story = archive.stories[b.story]
            named.append((story.key, story.name, story.briefings.index(b.id), len(story.briefings)))
        named.append(b.duplicates)
        made = made_from.get(b.id)
        if made is not None:
            keys[b.path] = key(made, related, named)
        else:  # the article's text is in its digest: no need to hash the paragraphs again
            keys[b.path] = key(replace(b.article, paragraphs=()), b.analysis, related, named)
    # What an entity page shows of each briefing and each companion, as one string each (built once).
    card = {b.id: "\x1f".join((b.id, b.analysis.title, str(b.article.date), b.path, *b.analysis.summary,
                                b.article.source or "")) for b in archive.briefings}
    label = {k: "\x1f".join((k, e.name, e.kind, e.path)) for k, e in entities.items()}
    for e in entities.values():
        listed = "\x1e".join(card[i] for i in e.briefings[:ENTITY_LATEST])
        companions = "\x1e".join(label[k] for k, _, _ in e.companions)
        roles = "\x1e".join(card[id] for _, id in e.roles[:ROLES_SHOWN])
        country = (countries.get(e.geo.country), e.geo.region and regions.get(region_key(e.geo.region))) \
            if e.geo is not None else [(p.key, p.name, p.path, p.geo and p.geo.country) for p in held.get(e.key, ())]
        keys[e.path] = key(*map(e.__getattribute__, ENTITY_FIELDS), listed, companions, country, roles)
        keys[entity_feed_path(e)] = key("feed", e.name, e.kind, e.key, listed)
    for path, (e, year, briefings) in (years or entity_years(archive)).items():
        keys[path] = key(e.name, e.kind, e.key, year, "\x1e".join(card[b.id] for b in briefings))
    for story in archive.stories.values():
        keys[story.path] = key(story, "\x1e".join(card[id] for id in story.briefings),
                               "\x1e".join(label[k] for k in story.entities))
    return keys


@dataclass(frozen=True)
class RenderedSite:
    """What a build writes: the pages that changed, rendered one by one as the writer takes them (once), then
    the archive-wide files and the page keys."""

    pages: Iterator[tuple[str, str | bytes]]  # (path, text), rendered when taken
    page_paths: tuple[str, ...]  # their paths, known before any is rendered (checked before any is written)
    rest: Callable[[], dict[str, str | bytes]]  # the archive-wide files and the page keys, after the pages
    keep: frozenset[str]  # pages whose inputs have not changed: the file already there is right

    def all_files(self) -> dict[str, str | bytes]:
        """Every file at once, by path (for the tests: a build streams them)."""
        return dict(sorted({**dict(self.pages), **self.rest()}.items()))


def render_site(
    archive: Archive,
    options: SiteOptions = SiteOptions(),
    previous: Mapping[str, str] | None = None,
    exists: Callable[[str], bool] = lambda path: False,
    made_from: Mapping[str, str] | None = None,
    jobs: int = 1,
) -> RenderedSite:
    """Every generated file, by its path relative to the output folder (:class:`RenderedSite`: the pages are
    rendered as they are written).

    ``previous`` holds the page keys of the last build (``_pages.json``): a briefing or entity page whose
    key is unchanged, and whose file ``exists``, is not rendered again but kept. ``made_from``: see
    :func:`page_keys`. ``jobs``: processes that may render pages (:func:`render_pages`).
    """
    r = Renderer(archive, options)
    years = entity_years(archive)
    # The archive-wide files are rendered whatever changed; with jobs > 1, by a forked process while this one
    # works out which pages changed and renders those (adding one article to a large archive is mostly this).
    shared = _in_background(archive_files, r, jobs=jobs if len(archive.briefings) >= PARALLEL_ARCHIVE else 1)
    keys = page_keys(archive, options, years, made_from)
    previous = previous or {}
    keep = {path for path, key in keys.items() if previous.get(path) == key and exists(path)}
    pages = [(b.path, BRIEFING, b.id) for b in archive.briefings if b.path not in keep]
    pages += [(e.path, ENTITY, e.key) for e in archive.entities.values() if e.path not in keep]
    pages += [(entity_feed_path(e), FEED, e.key) for e in archive.entities.values() if entity_feed_path(e) not in keep]
    pages += [(path, YEAR, path) for path in years if path not in keep]
    pages += [(s.path, STORY, s.key) for s in archive.stories.values() if s.path not in keep]
    keys_text = json.dumps(keys, sort_keys=True, separators=(",\n", ":")) + "\n"

    def rest() -> dict[str, str | bytes]:
        return {**shared(), PAGE_KEYS: keys_text}

    return RenderedSite(render_pages(r, years, pages, jobs), tuple(path for path, _, _ in pages), rest,
                        frozenset(keep))


def archive_files(r: Renderer) -> dict[str, str | bytes]:
    """The files every build renders again: the home page's latest briefings, the indexes of briefings (all,
    by year) and of entities, the manifest, the Sphinx inventory, the feed, and redirects from old URLs."""
    archive, options = r.archive, r.options
    files: dict[str, str | bytes] = {
        "_latest.md": r.latest(),
        "map.md": r.archive_map(),
        "tags.md": TAGS_PAGE,
        "briefings/index.md": r.archive_index(),
        "manifest.json": r.manifest(),
        "objects.inv": render_inventory(archive, options.site_name),
        "feed.xml": render_feed(archive, options.site_url, options.site_name),
    }
    for b in archive.briefings:
        for old in b.old_urls:
            files[old + "index.html"] = redirect_page(old, b.url, b.analysis.title)
    for story in archive.stories.values():
        for alias in story.aliases:
            old = f"stories/{alias}/"
            files[old + "index.html"] = redirect_page(old, story.url, story.name)
    files["stories/index.md"] = r.stories_index()
    for kind in KINDS:
        files[f"{KIND_FOLDERS[kind]}/index.md"] = r.entity_index(kind)
    for year, briefings in r.years().items():
        files[f"briefings/{year}/index.md"] = r.archive_year(year, briefings)
    return files


T = TypeVar("T")
PARALLEL_ARCHIVE = 500  # briefings below which a forked process costs more than the archive-wide files
_background: Callable[[], Any] | None = None  # what the process forked by _in_background runs


def _in_background(function: Callable[[Renderer], T], r: Renderer, jobs: int) -> Callable[[], T]:
    """``function(r)`` run by a forked process when ``jobs`` > 1 (it inherits ``r``; only the result is sent
    back), else here and now; returns what waits for the result."""
    global _background
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        result = function(r)
        return lambda: result
    _background = functools.partial(function, r)
    try:
        pool = multiprocessing.get_context("fork").Pool(1)  # the worker is forked here, with _background set
    finally:
        _background = None
    pending = pool.apply_async(_run_background)
    pool.close()

    def wait() -> T:
        try:
            return pending.get()
        finally:
            pool.terminate()
            pool.join()

    return wait


def _run_background() -> Any:
    assert _background is not None, "only called in the worker forked by _in_background"
    return _background()


BRIEFING, ENTITY, FEED, YEAR, STORY = "briefing", "entity", "feed", "year", "story"
PARALLEL_PAGES = 2000  # fewer pages to render, and forking workers costs more than it saves
_forked: tuple[Renderer, dict[str, tuple[Entity, int, list[Briefing]]]] | None = None  # what workers render from


RENDER_CHUNK = 64  # pages a worker renders and sends back at once: what is in flight stays small


def render_pages(
    r: Renderer, years: dict[str, tuple[Entity, int, list[Briefing]]], pages: list[tuple[str, str, str]], jobs: int
) -> Iterator[tuple[str, str | bytes]]:
    """(path, text) of each of ``pages``: (path, kind, a briefing's ID, an entity's key or a year page's path),
    in order, each rendered when it is asked for (so that the writer holds a few pages at a time, not the site).

    With ``jobs`` > 1 and many pages, forked worker processes render them, :data:`RENDER_CHUNK` at a time:
    they inherit the archive and the renderer from this process (nothing is sent to them but the list of
    pages) and send back only text. The text is the same whichever process renders a page."""
    global _forked
    if jobs <= 1 or len(pages) < PARALLEL_PAGES or "fork" not in multiprocessing.get_all_start_methods():
        yield from _render_each(r, years, pages)
        return
    chunks = [pages[i:i + RENDER_CHUNK] for i in range(0, len(pages), RENDER_CHUNK)]
    _forked = (r, years)
    try:
        pool = multiprocessing.get_context("fork").Pool(jobs)  # the workers are forked here, with _forked set
    finally:
        _forked = None
    with pool:
        for done in pool.imap(_render_forked, chunks):
            yield from done


def _render_forked(pages: list[tuple[str, str, str]]) -> list[tuple[str, str | bytes]]:
    assert _forked is not None, "only called in a worker forked by render_pages"
    return list(_render_each(*_forked, pages))


def _render_each(
    r: Renderer, years: dict[str, tuple[Entity, int, list[Briefing]]], pages: list[tuple[str, str, str]]
) -> Iterator[tuple[str, str | bytes]]:
    for path, kind, ref in pages:
        if kind == BRIEFING:
            yield path, r.briefing(r.by_id[ref])
        elif kind == ENTITY:
            yield path, r.entity(r.archive.entities[ref])
        elif kind == FEED:
            yield path, r.entity_feed(r.archive.entities[ref])
        elif kind == STORY:
            yield path, r.story(r.archive.stories[ref])
        else:
            yield path, r.entity_year(*years[ref])
