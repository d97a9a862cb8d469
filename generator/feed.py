"""``feed.xml``: an Atom feed of the latest briefings (title, date, summary, link), written with feedgen."""

from __future__ import annotations

import datetime as dt

from feedgen.feed import FeedGenerator

from generator.model import Archive

LIMIT = 50


def render_feed(archive: Archive, site_url: str = "", title: str = "Briefing Archive") -> bytes:
    base = site_url.rstrip("/") + "/" if site_url else ""
    feed = FeedGenerator()
    feed.id(base or "urn:briefing-archive:feed")
    feed.title(title)
    feed.subtitle("The latest briefings")
    feed.link(href=f"{base}feed.xml", rel="self")
    feed.link(href=base or "./", rel="alternate")
    latest = archive.briefings[:LIMIT]
    newest = latest[0].article.date if latest else dt.date(1970, 1, 1)
    feed.updated(midnight(newest))
    for b in latest:
        entry = feed.add_entry(order="append")
        entry.id(f"{base}{b.url}" if base else f"urn:briefing-archive:briefing:{b.id}")
        entry.title(b.analysis.title)
        entry.link(href=f"{base}{b.url}")
        entry.published(midnight(b.article.date))
        entry.updated(midnight(b.article.date))
        entry.summary(" ".join(b.analysis.summary))
        if b.article.source:
            entry.author(name=b.article.source)
    return feed.atom_str(pretty=True)


def midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
