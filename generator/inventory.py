"""``objects.inv``: a Sphinx inventory of every briefing and entity, so reports link them by ID.

Written with sphobjinv. Each briefing is a ``std:doc`` and a ``std:label`` named by its ID (and by its
former IDs, which point to its current URL); each entity is a ``std:doc`` named by its path
(``places/hawija``) and a ``std:label`` named by its key (``hawija``), unless a briefing ID holds that name.
URIs are relative to the site root, as intersphinx and mkdocstrings expect.
"""

from __future__ import annotations

import sphobjinv as soi

from generator.model import Archive

PROJECT = "Briefing Archive"


def render_inventory(archive: Archive, project: str = PROJECT, version: str = "1") -> bytes:
    entries: dict[tuple[str, str], tuple[str, str]] = {}  # (role, name) -> (uri, display name)
    for b in archive.briefings:
        for name in (b.id, *b.article.old_ids):
            for role in ("doc", "label"):
                entries[(role, name)] = (b.url, b.analysis.title)
    for e in archive.entities.values():
        entries[("doc", e.path.removesuffix(".md"))] = (e.url, e.name)
        entries.setdefault(("label", e.key), (e.url, e.name))
    inventory = soi.Inventory()
    inventory.project = project
    inventory.version = version
    for (role, name), (uri, display) in sorted(entries.items()):
        inventory.objects.append(
            soi.DataObjStr(name=name, domain="std", role=role, priority="-1", uri=uri, dispname=display or "-")
        )
    return soi.compress(inventory.data_file(contract=True))
