"""``objects.inv``: a Sphinx inventory of every briefing and entity, so reports link them by ID.

Each briefing is a ``std:doc`` and a ``std:label`` named by its ID (and by its former IDs and the IDs of the
duplicates folded into it, which point to its URL); each story is a ``std:doc`` named by its path
(``stories/<key>``) and a ``std:label`` named by its key (and by those of the stories merged into it); each
entity is a ``std:doc`` named by its path (``places/hawija``) and a ``std:label`` named by
its key (``hawija``), unless a briefing ID holds that name. URIs are relative to the site root, as intersphinx
and mkdocstrings expect.

The file is Sphinx's inventory format version 2 (four comment lines, then ``name domain:role priority uri
dispname`` lines compressed with zlib at level 9, a URI ending in its name abbreviated to ``$`` and a display
name equal to the name to ``-``), written directly: building sphobjinv objects for 20,000 entries took most
of a second on every rebuild. The tests read it back with sphobjinv and with Sphinx's own intersphinx.
"""

from __future__ import annotations

import zlib

from generator.model import Archive

PROJECT = "Briefing Archive"


def render_inventory(archive: Archive, project: str = PROJECT, version: str = "1") -> bytes:
    entries: dict[tuple[str, str], tuple[str, str]] = {}  # (role, name) -> (uri, display name)
    for b in archive.briefings:
        for name in (b.id, *b.other_ids):
            for role in ("doc", "label"):
                entries[(role, name)] = (b.url, b.analysis.title)
    for story in archive.stories.values():
        for key in (story.key, *story.aliases):
            entries[("doc", f"stories/{key}")] = (story.url, story.name)
            entries.setdefault(("label", key), (story.url, story.name))
    for e in archive.entities.values():
        entries[("doc", e.path.removesuffix(".md"))] = (e.url, e.name)
        entries.setdefault(("label", e.key), (e.url, e.name))
    lines = []
    for (role, name), (uri, display) in sorted(entries.items()):
        display = " ".join((display or "-").split())  # one line, whatever the title holds
        uri = uri[: -len(name)] + "$" if uri.endswith(name) else uri
        lines.append(f"{name} std:{role} -1 {uri} {'-' if display == name else display}\n")
    header = (f"# Sphinx inventory version 2\n# Project: {' '.join(project.split())}\n# Version: {version}\n"
              "# The remainder of this file is compressed using zlib.\n")
    return header.encode("utf-8") + zlib.compress("".join(lines).encode("utf-8"), 9)
