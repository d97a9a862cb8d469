"""Word lists the entity rules read, kept as data beside the code (``generator/nlp/lexicons/*.txt``).

Each file holds one entry a line, after a comment saying what the list is and how the rules use it; lines
starting with ``#`` and blank lines are skipped. To add a word, add a line: the analysis fingerprint covers
these files, so every article is analysed again with it.
"""

from __future__ import annotations

import functools
from pathlib import Path

FOLDER = Path(__file__).with_name("lexicons")


@functools.cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of ``lexicons/<name>.txt``, in file order."""
    lines = (FOLDER / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def words(name: str) -> frozenset[str]:
    """The entries of ``lexicons/<name>.txt`` as a set."""
    return frozenset(entries(name))


def files() -> list[Path]:
    """Every lexicon file, for the analysis fingerprint."""
    return sorted(FOLDER.glob("*.txt"))
