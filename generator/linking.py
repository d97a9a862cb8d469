"""Finding a briefing or an entity for a report, and the link and citation to paste. Reads manifest.json."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from generator.errors import BriefingError
from generator.render import md_escape


@dataclass(frozen=True)
class Target:
    name: str  # ID or key
    title: str
    url: str  # relative to the site root
    kind: str  # briefing | person | place | group
    date: str = ""
    source: str = ""


def load_targets(manifest_path: Path) -> tuple[list[Target], dict[str, Target]]:
    """All briefings and entities, and every name (ID, former ID, key, entity path) that addresses one."""
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BriefingError(f"cannot read {manifest_path} ({error}): run `briefings build` first") from None
    targets, names = [], {}
    for b in manifest["briefings"]:
        target = Target(b["id"], b["title"], b["url"], "briefing", b["date"], b.get("source", ""))
        targets.append(target)
        for name in (b["id"], *b.get("old_ids", [])):
            names[name] = target
    for e in manifest["entities"]:
        target = Target(e["key"], e["name"], e["url"], e["kind"])
        targets.append(target)
        names.setdefault(e["key"], target)
        names[e["url"].strip("/")] = target
    return targets, names


def find(query: str, targets: list[Target], names: dict[str, Target]) -> list[Target]:
    """An exact ID, former ID, key or path first; else every target whose title or name has all the words."""
    if query.strip() in names:
        return [names[query.strip()]]
    words = query.casefold().split()
    if not words:
        return []
    return [t for t in targets if all(w in t.title.casefold() or w in t.name.casefold() for w in words)]


def absolute(url: str, site_url: str) -> str:
    return site_url.rstrip("/") + "/" + url if site_url else "/" + url


def markdown_link(target: Target, site_url: str) -> str:
    return f"[{md_escape(target.title)}]({absolute(target.url, site_url)})"


def citation(target: Target, site_url: str) -> str:
    if target.kind == "briefing":
        return f"{target.title}. {target.source or 'Briefing Archive'}, {target.date}. {absolute(target.url, site_url)}"
    return f"{target.title} ({target.kind}), Briefing Archive. {absolute(target.url, site_url)}"
