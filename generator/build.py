"""The whole generation in one linear function: read -> analyse -> index -> render -> write."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import InputError
from generator.gazetteer import load_gazetteer
from generator.index import build_archive
from generator.nlp.analyse import AnalysisOptions, analyse
from generator.reader import DEFAULT_MAX_BYTES, read_seeds
from generator.render import SiteOptions, render_site
from generator.writer import WriteReport, write_tree

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildOptions:
    seeds: Path
    out: Path
    gazetteers: tuple[Path, ...] = ()
    analysis: AnalysisOptions = field(default_factory=AnalysisOptions)
    site: SiteOptions = field(default_factory=SiteOptions)
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class BuildReport:
    articles: int
    entities: int
    problems: tuple[InputError, ...]
    written: WriteReport


def generate(options: BuildOptions, progress: Callable[[int], None] | None = None) -> BuildReport:
    """Generate ``options.out`` from ``options.seeds``; bad seeds are reported, the rest is written."""
    gazetteer = load_gazetteer(options.gazetteers)
    read = read_seeds(options.seeds, options.max_bytes)
    analyses = analyse(read.articles, gazetteer, options.analysis, progress=progress)
    archive = build_archive([(a, analyses[a.id]) for a in read.articles], gazetteer)
    files = render_site(archive, options.site)
    written = write_tree(options.out, files)
    return BuildReport(len(read.articles), len(archive.entities), read.problems, written)


def check(seeds: Path, gazetteers: tuple[Path, ...] = (), max_bytes: int = DEFAULT_MAX_BYTES) -> list[InputError]:
    """Every problem in the seeds and the gazetteer files, without analysing or writing anything."""
    problems: list[InputError] = []
    try:
        load_gazetteer(gazetteers)
    except InputError as error:
        problems.append(error)
    problems.extend(read_seeds(seeds, max_bytes).problems)
    return problems

