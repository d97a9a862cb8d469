"""The whole generation in one linear function: read -> analyse -> index -> render -> write."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import InputError
from generator.gazetteer import load_gazetteer
from generator.index import build_archive
from generator.model import Analysis, Article
from generator.nlp.analyse import AnalysisOptions, analyse
from generator.nlp.pipeline import pipeline_fingerprint
from generator.reader import DEFAULT_MAX_BYTES, read_seeds
from generator.records import dump_record, load_records, record_path
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
    notices: tuple[InputError, ...] = ()
    analysed: int = 0  # articles run through the model in this build
    reused: int = 0  # analyses taken from their records
    kept: tuple[str, ...] = ()  # IDs whose seed failed to read: their last good version stays published


def generate(options: BuildOptions, progress: Callable[[int], None] | None = None) -> BuildReport:
    """Generate ``options.out`` from ``options.seeds``; bad seeds are reported, the rest is written.

    read -> reuse recorded analyses (same text, same pipeline) -> analyse the rest -> index -> render ->
    write. A seed that fails to read keeps its last good record, so nothing published is lost.
    """
    gazetteer = load_gazetteer(options.gazetteers)
    read = read_seeds(options.seeds, options.max_bytes)
    fingerprint = pipeline_fingerprint(options.analysis, gazetteer)
    records = load_records(options.out)

    fresh = {a.id for a in read.articles}
    failed = {problem.path for problem in read.problems}
    kept = [(article, analysis, fp) for article, analysis, fp in records.values()
            if article.path in failed and article.id not in fresh]
    for article, _, _ in kept:
        log.warning("%s: kept the published briefing %s from its last good version", article.path, article.id)

    analyses: dict[str, Analysis] = {}
    todo: list[Article] = []
    for article in read.articles:
        record = records.get(article.id)
        if record is not None and record[0].digest == article.digest and record[2] == fingerprint:
            analyses[article.id] = record[1]
        else:
            todo.append(article)
    reused = len(analyses)
    analyses.update(analyse(todo, gazetteer, options.analysis, progress=progress))

    items = [(a, analyses[a.id]) for a in read.articles] + [(a, n) for a, n, _ in kept]
    archive = build_archive(items, gazetteer)
    files = render_site(archive, options.site)
    fingerprints = {a.id: fp for a, _, fp in kept}
    for article, analysis in items:
        files[record_path(article.id)] = dump_record(article, analysis, fingerprints.get(article.id, fingerprint))
    written = write_tree(options.out, files)
    return BuildReport(len(items), len(archive.entities), read.problems, written, notices=read.notices,
                       analysed=len(todo),
                       reused=reused, kept=tuple(sorted(a.id for a, _, _ in kept)))


def check(seeds: Path, gazetteers: tuple[Path, ...] = (), max_bytes: int = DEFAULT_MAX_BYTES) -> list[InputError]:
    """Every problem in the seeds and the gazetteer files, without analysing or writing anything."""
    problems: list[InputError] = []
    try:
        load_gazetteer(gazetteers)
    except InputError as error:
        problems.append(error)
    problems.extend(read_seeds(seeds, max_bytes).problems)
    return problems

