"""Finding a briefing or an entity for a report, and the link and citation to paste. Reads manifest.json.

What an analyst types is matched in tiers, and the first tier that matches anything wins:

1. an address: a briefing's ID or former ID (or the ID of a duplicate folded into it), a story's key, an
   entity's key or its path (``places/hawija``);
2. a name: an entity's name or one of its aliases, a story's name, or a briefing's title, word for word
   (``Daesh``, ``Raqa``, ``Syria``; case and accents aside);
3. words: every word typed is a whole word of the name, an alias or the title (``kenyan traders``);
   ``ISIS`` never matches ``NEMISIS``.

More than one match in the winning tier is ambiguous: the candidates are listed, entities first.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from generator.errors import BriefingError
from generator.render import citation, markdown_link
from generator.text import absolute_url, unaccented

_WORD = re.compile(r"\w+")


def words(text: str) -> tuple[str, ...]:
    """The words of ``text``, case-folded and without accents: what a match compares."""
    return tuple(_WORD.findall(unaccented(text).casefold()))


@dataclass(frozen=True)
class Target:
    name: str  # ID or key
    title: str
    path: str  # relative to the site root
    kind: str  # briefing | person | place | group
    date: str = ""
    source: str = ""
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Everything the target is called: its title (an entity's name) and its aliases."""
        return (self.title, *self.aliases)


@dataclass(frozen=True)
class Targets:
    """Every briefing and entity of a manifest, with the addresses that reach each."""

    all: tuple[Target, ...]
    addresses: dict[str, Target]

    @classmethod
    def of(cls, targets: list[Target], former: dict[str, Target] | None = None) -> Targets:
        """``targets`` with their addresses: a briefing's ID, an entity's key and path, and ``former`` IDs."""
        addresses = dict(former or {})
        for target in targets:
            if target.kind == "briefing":
                addresses[target.name] = target
            else:
                addresses.setdefault(target.name, target)
                addresses[target.path.strip("/")] = target
        return cls(tuple(targets), addresses)


def load_targets(manifest_path: Path) -> Targets:
    """All briefings and entities, and every address (ID, former ID, key, entity path) that reaches one."""
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BriefingError(f"cannot read {manifest_path} ({error}): run `briefings build` first") from None
    targets, former = [], {}
    for b in manifest["briefings"]:
        target = Target(b["id"], b["title"], b.get("path", b["url"]), "briefing", b["date"], b.get("source", ""))
        targets.append(target)
        former.update(dict.fromkeys([*b.get("old_ids", []), *(d["id"] for d in b.get("duplicates", []))], target))
    for story in manifest.get("stories", []):
        target = Target(story["key"], story["name"], story["path"], "story")
        targets.append(target)
        former.update(dict.fromkeys(story.get("aliases", []), target))
    for e in manifest["entities"]:
        targets.append(Target(e["key"], e["name"], e.get("path", e["url"]), e["kind"],
                              aliases=tuple(e.get("aliases", ()))))
    return Targets.of(targets, former)


def find(query: str, targets: Targets) -> list[Target]:
    """The targets ``query`` names, from the first tier that matches (see the module's docstring), ranked:
    entities before briefings, shorter names before longer ones, newer briefings before older ones."""
    if query.strip() in targets.addresses:
        return [targets.addresses[query.strip()]]
    wanted = words(query)
    if not wanted:
        return []
    exact = [t for t in targets.all if any(words(name) == wanted for name in t.names)]
    if exact:
        return rank(exact)
    needed = set(wanted)
    return rank([t for t in targets.all if any(needed <= set(words(name)) for name in t.names)])


def rank(found: list[Target]) -> list[Target]:
    entities = sorted((t for t in found if t.kind != "briefing"), key=lambda t: (len(words(t.title)), t.title, t.name))
    briefings = sorted((t for t in found if t.kind == "briefing"), key=lambda t: (t.date, t.name), reverse=True)
    return entities + briefings


def link_lines(target: Target, site_url: str, site_name: str = "") -> tuple[str, str, str]:
    """The Markdown link, the permanent URL and the plain citation of a target: what its page's cite box
    shows (:meth:`generator.render.Renderer.cite_block` makes them with the same functions)."""
    url = absolute_url(target.path, site_url)
    return (markdown_link(target.title, url), url,
            citation(target.title, url, target.kind, target.source, target.date, site_name))
