"""The gazetteer: canonical entities with aliases and kinds, shipped as YAML and extendable by the owner.

A file is a list of entries::

    - name: Islamic State group      # canonical name, shown on pages
      key: islamic-state             # optional; the page's URL segment (default: slug of the name)
      kind: group                    # person | place | group | other (named, never indexed)
      aliases: [Islamic State, IS, ISIS, ISIL, Daesh]
      description: Jihadist group... # optional, shown on the entity page

Aliases are matched with their case as written: ``IS`` matches "IS", never "is".
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

import yaml

from generator.errors import InputError
from generator.model import KINDS, Kind
from generator.text import clean_text, slugify

# "other": a name that is no person, place or group (a deity, a religion, a fictional character, software or a
# product): the analysis leaves it out whatever the model calls it.
EntryKind = Kind | Literal["other"]
ENTRY_KINDS: tuple[str, ...] = (*KINDS, "other")

BUILTIN = Path(__file__).with_name("world.yaml")
_WORD = re.compile(r"\w+")
_ENTRY_KEYS = {"name", "key", "kind", "aliases", "description"}


@dataclass(frozen=True)
class GazetteerEntry:
    key: str
    name: str
    kind: EntryKind
    aliases: tuple[str, ...]
    description: str | None
    origin: str  # file:line, for messages

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class _LineLoader(yaml.SafeLoader):
    """A safe loader that records the line of every mapping as ``__line__``."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


@dataclass(frozen=True)
class Gazetteer:
    entries: tuple[GazetteerEntry, ...]
    fingerprint: str

    def by_key(self) -> Mapping[str, GazetteerEntry]:
        """Entries by key (made once: the analysis asks for it for every mention the gazetteer matched)."""
        cached = self.__dict__.get("_cached_keys")
        if cached is None:
            cached = MappingProxyType({e.key: e for e in self.entries})
            object.__setattr__(self, "_cached_keys", cached)
        return cached

    def alias_index(self) -> dict[str, GazetteerEntry]:
        """Every name, exactly as written, and its case-folded form for names longer than four letters."""
        index: dict[str, GazetteerEntry] = {}
        for entry in self.entries:
            for name in entry.names:
                index.setdefault(name, entry)
        for entry in self.entries:
            for name in entry.names:
                if len(name) > 4 and not name.isupper():
                    index.setdefault(name.casefold(), entry)
        return index

    def relevant_digest(self, text: str) -> str:
        """A digest of the entries whose names occur in ``text`` (case aside, word by word): all an article's
        analysis can depend on, so a change elsewhere in the gazetteer leaves that article's recorded
        analysis valid. One pass over the text's words, whatever the size of the gazetteer."""
        words = set(_WORD.findall(text.casefold()))
        by_word = self._by_first_word
        found = {
            index
            for word in words & by_word.keys()
            for index, rest in by_word[word]
            if rest <= words
        }
        parts = [repr((e.key, e.name, e.kind, e.aliases, e.description))
                 for index, e in enumerate(self.entries) if index in found]
        return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]

    @property
    def _by_first_word(self) -> dict[str, list[tuple[int, frozenset[str]]]]:
        cached = self.__dict__.get("_cached_words")
        if cached is None:
            cached = {}
            for index, entry in enumerate(self.entries):
                for name in entry.names:
                    words = _WORD.findall(name.casefold())
                    if words:
                        cached.setdefault(words[0], []).append((index, frozenset(words[1:])))
            object.__setattr__(self, "_cached_words", cached)
        return cached

    def lookup(self, name: str) -> GazetteerEntry | None:
        """The entry a name belongs to: as written, or case aside for names longer than four letters."""
        index = self._index
        found = index.get(name)
        if found is None and len(name) > 4:
            found = index.get(name.casefold())
        return found

    @property
    def _index(self) -> dict[str, GazetteerEntry]:
        cached = self.__dict__.get("_cached_index")
        if cached is None:
            cached = self.alias_index()
            object.__setattr__(self, "_cached_index", cached)
        return cached


def load_gazetteer(extra: Iterable[Path] = (), builtin: bool = True) -> Gazetteer:
    """Load the shipped gazetteer and the owner's files; later files may not reuse a key or an alias."""
    paths = ([BUILTIN] if builtin else []) + list(extra)
    entries: list[GazetteerEntry] = []
    seen_alias: dict[str, GazetteerEntry] = {}
    seen_key: dict[str, GazetteerEntry] = {}
    digest = hashlib.sha256()
    for path in paths:
        if not path.is_file():
            raise InputError(str(path), "gazetteer file not found", "check the `gazetteer` option in mkdocs.yml")
        text = path.read_text(encoding="utf-8")
        digest.update(text.encode("utf-8"))
        for entry in parse_entries(text, str(path)):
            if entry.key in seen_key:
                raise InputError(entry.origin.rsplit(":", 1)[0], f"key {entry.key!r} already used at "
                                 f"{seen_key[entry.key].origin}", "give the entry another `key`",
                                 line=int(entry.origin.rsplit(":", 1)[1]))
            seen_key[entry.key] = entry
            for name in entry.names:
                other = seen_alias.get(name)
                if other is not None and other.key != entry.key:
                    raise InputError(entry.origin.rsplit(":", 1)[0],
                                     f"name {name!r} already belongs to {other.name!r} ({other.origin})",
                                     "keep each alias on one entry only",
                                     line=int(entry.origin.rsplit(":", 1)[1]))
                seen_alias[name] = entry
            entries.append(entry)
    return Gazetteer(tuple(with_variants(entries, seen_alias)), digest.hexdigest())


# A name that opens on a country or union in one spelling is also written in the others:
# "US Navy", "U.S. Navy", "United States Navy".
_PREFIX_SPELLINGS = (("US", "U.S.", "United States"), ("UN", "U.N.", "United Nations"),
                     ("UK", "U.K.", "United Kingdom"), ("EU", "European Union"))


def with_variants(entries: list[GazetteerEntry], taken: dict[str, GazetteerEntry]) -> list[GazetteerEntry]:
    """Each entry with the other spellings of its names' leading "US"/"UN"/"UK"/"EU" as aliases, unless
    another entry already has that name."""
    used = set(taken)
    result = []
    for entry in entries:
        extra = []
        for name in entry.names:
            for spellings in _PREFIX_SPELLINGS:
                head = next((s for s in spellings if name.startswith(s + " ")), None)
                if head is None:
                    continue
                for other in spellings:
                    variant = other + name[len(head):]
                    if variant not in used:
                        used.add(variant)
                        extra.append(variant)
        result.append(replace(entry, aliases=(*entry.aliases, *extra)) if extra else entry)
    return result


def parse_entries(text: str, origin: str) -> list[GazetteerEntry]:
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise InputError(origin, f"not valid YAML ({getattr(error, 'problem', error)})", "correct the YAML",
                         line=mark.line + 1 if mark else None) from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise InputError(origin, "a gazetteer file must be a list of entries", "start each entry with '- name:'",
                         line=1)
    entries = []
    for item in data:
        if not isinstance(item, dict):
            raise InputError(origin, "each entry must be a mapping", "write `- name: ...` then `kind: ...`")
        line = item.pop("__line__")
        unknown = sorted(set(item) - _ENTRY_KEYS)
        if unknown:
            raise InputError(origin, f"unknown field(s) {', '.join(unknown)}",
                             f"use only {', '.join(sorted(_ENTRY_KEYS))}", line=line)
        name = item.get("name")
        if not isinstance(name, str) or not clean_text(name):
            raise InputError(origin, "entry without a `name`", "give every entry a canonical `name`", line=line)
        kind = item.get("kind")
        if kind not in ENTRY_KINDS:
            raise InputError(origin, f"unknown kind {kind!r} for {name!r}",
                             f"use one of {', '.join(ENTRY_KINDS)}", line=line)
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) and clean_text(a) for a in aliases):
            raise InputError(origin, f"`aliases` of {name!r} must be a list of names",
                             "write `aliases: [IS, ISIS]`", line=line)
        key = item.get("key") or slugify(name)
        if not isinstance(key, str) or slugify(key) != key:
            raise InputError(origin, f"key {key!r} of {name!r} is not a URL slug",
                             "use lower-case letters, digits and '-'", line=line)
        description = item.get("description")
        entries.append(GazetteerEntry(
            key=key, name=clean_text(name), kind=kind,
            aliases=tuple(dict.fromkeys(clean_text(a) for a in aliases if clean_text(a) != clean_text(name))),
            description=clean_text(description) if isinstance(description, str) else None,
            origin=f"{origin}:{line}",
        ))
    return entries
