"""The whole generation in one linear function: read -> analyse -> index -> render -> write."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from generator.errors import InputError
from generator.gazetteer import load_gazetteer
from generator.index import build_archive
from generator.model import Analysis, Article
from generator.nlp.analyse import AnalysisOptions, analyse
from generator.nlp.pipeline import article_fingerprint, pipeline_fingerprint
from generator.reader import DEFAULT_MAX_BYTES, read_seeds
from generator.records import dump_record, known_sources, load_records, record_path
from generator.render import PAGE_KEYS, SiteOptions, load_page_keys, render_site
from generator.writer import WriteReport, check_owned, list_files, write_tree

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


class Progress(Protocol):
    """Told how many articles the build will analyse, then how many more are done."""

    def start(self, total: int) -> None: ...

    def advance(self, count: int) -> None: ...


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """A build makes millions of small objects that live until it ends: Python's cycle collector, run every
    700 allocations by default, would walk them again and again (a fifth of an incremental build's time)."""
    before = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def generate(options: BuildOptions, progress: Progress | None = None) -> BuildReport:
    """Generate ``options.out`` from ``options.seeds``; bad seeds are reported, the rest is written.

    read -> reuse recorded analyses (same text, same pipeline) -> analyse the rest -> index -> render ->
    write. A seed that fails to read keeps its last good record, so nothing published is lost.
    """
    with fewer_collections():
        return _generate(options, progress)


def _generate(options: BuildOptions, progress: Progress | None) -> BuildReport:
    check_owned(options.out)  # refuse a foreign folder before any work, not after the analysis
    gazetteer = load_gazetteer(options.gazetteers)
    records = load_records(options.out)
    read = read_seeds(options.seeds, options.max_bytes, known=known_sources(records))
    pipeline = pipeline_fingerprint(options.analysis)

    fresh = {a.id for a in read.articles}
    failed = {problem.path for problem in read.problems}
    kept = [r for r in records.values() if r.article.path in failed and r.article.id not in fresh]
    for record in kept:
        log.warning("%s: kept the published briefing %s from its last good version", record.article.path,
                    record.article.id)

    analyses: dict[str, Analysis] = {}
    todo: list[Article] = []
    fingerprints = {r.article.id: r.fingerprint for r in kept}
    made_with = {r.article.id: r.gazetteer for r in kept}  # the gazetteer digest each fingerprint was made with
    for article in read.articles:
        record = records.get(article.id)
        if record and record.article.digest == article.digest and record.gazetteer == gazetteer.fingerprint \
                and record.fingerprint.startswith(pipeline + "-"):
            fingerprints[article.id] = record.fingerprint  # same text, same gazetteer: the same entries named
        else:
            fingerprints[article.id] = article_fingerprint(pipeline, gazetteer, article)
        made_with[article.id] = gazetteer.fingerprint
        if record and (record.article.digest, record.fingerprint) == (article.digest, fingerprints[article.id]):
            analyses[article.id] = record.analysis
        else:
            todo.append(article)
    reused = len(analyses)
    if progress:
        progress.start(len(todo))
    analyses.update(analyse(todo, gazetteer, options.analysis, progress=progress.advance if progress else None))

    items = [(a, analyses[a.id]) for a in read.articles] + [(r.article, r.analysis) for r in kept]
    record_files: dict[str, str] = {}
    unchanged: set[str] = set()
    made_from: dict[str, str] = {}  # ID -> digest of its record: what its briefing page is made from
    for article, analysis in items:
        old = records.get(article.id)
        source = read.sources.get(article.path, "") if article.id in fresh else old.source if old else ""
        same = old is not None and (old.article, old.analysis, old.fingerprint, old.source, old.gazetteer) == (
            article, analysis, fingerprints[article.id], source, made_with[article.id])
        if same:
            unchanged.add(record_path(article.id))  # the file there is the record: not even read again
            text = old.text
        else:
            text = record_files[record_path(article.id)] = dump_record(
                article, analysis, fingerprints[article.id], source, made_with[article.id])
        made_from[article.id] = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()

    archive = build_archive(items, gazetteer)
    existing = list_files(options.out)
    site = render_site(archive, options.site, previous=load_page_keys(options.out), exists=existing.__contains__,
                       made_from=made_from, jobs=options.analysis.jobs)
    written = write_tree(options.out, {**site.files, **record_files}, keep=site.keep | unchanged,
                         last=(PAGE_KEYS,), existing=existing)
    return BuildReport(len(items), len(archive.entities), read.problems, written, notices=read.notices,
                       analysed=len(todo), reused=reused, kept=tuple(sorted(r.article.id for r in kept)))


def check(seeds: Path, gazetteers: tuple[Path, ...] = (), max_bytes: int = DEFAULT_MAX_BYTES) -> list[InputError]:
    """Every problem in the seeds and the gazetteer files, without analysing or writing anything."""
    problems: list[InputError] = []
    try:
        load_gazetteer(gazetteers)
    except InputError as error:
        problems.append(error)
    problems.extend(read_seeds(seeds, max_bytes).problems)
    return problems

