"""Atom feeds, written with feedgen: ``feed.xml`` of the latest briefings, and one per entity
(``places/<key>/feed.xml``, ...) of the latest briefings that name it. Links are absolute from ``site_url``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from feedgen.feed import FeedGenerator

from generator.model import Archive, Briefing, Entity
from generator.text import absolute_url

LIMIT = 50  # entries in the archive's feed
ENTITY_LIMIT = 20  # entries in an entity's feed


def entity_feed_path(e: Entity) -> str:
    """Where an entity's feed lives: beside its page's index (``places/hawija/feed.xml``)."""
    return f"{e.url}feed.xml"


def render_feed(archive: Archive, site_url: str = "", title: str = "Briefing Archive") -> bytes:
    return atom(archive.briefings[:LIMIT], site_url, title, "The latest briefings", "feed.xml", "",
                "urn:briefing-archive:feed")


def render_entity_feed(e: Entity, briefings: Sequence[Briefing], site_url: str = "",
                       site_name: str = "Briefing Archive") -> bytes:
    """The newest :data:`ENTITY_LIMIT` of ``briefings`` (the entity's, newest first)."""
    return atom(briefings[:ENTITY_LIMIT], site_url, f"{site_name}: {e.name}", f"The latest briefings naming {e.name}",
                entity_feed_path(e), e.url, f"urn:briefing-archive:{e.kind}:{e.key}")


def atom(latest: Sequence[Briefing], site_url: str, title: str, subtitle: str, self_path: str, page_path: str,
         urn: str) -> bytes:
    feed = FeedGenerator()
    feed.id(absolute_url(page_path, site_url) if site_url else urn)
    feed.title(title)
    feed.subtitle(subtitle)
    feed.link(href=absolute_url(self_path, site_url), rel="self")
    feed.link(href=absolute_url(page_path, site_url), rel="alternate")
    newest = latest[0].article.date if latest else dt.date(1970, 1, 1)
    feed.updated(midnight(newest))
    for b in latest:
        entry = feed.add_entry(order="append")
        url = absolute_url(b.url, site_url)
        entry.id(url if site_url else f"urn:briefing-archive:briefing:{b.id}")
        entry.title(b.analysis.title)
        entry.link(href=url)
        entry.published(midnight(b.article.date))
        entry.updated(midnight(b.article.date))
        entry.summary(" ".join(b.excerpt))
        if b.article.source:
            entry.author(name=b.article.source)
    return feed.atom_str(pretty=True)


def midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
