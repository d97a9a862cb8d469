"""The whole generation in one linear function: read -> analyse -> index -> render -> write."""

from __future__ import annotations

import contextlib
import gc
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from generator.cache import Cache, Plan, compared_file, open_cache, parse_records
from generator.errors import InputError
from generator.gazetteer import Gazetteer, load_gazetteer
from generator.index import build_archive
from generator.model import Analysis, Article
from generator.nlp.analyse import AnalysisOptions, analyse
from generator.reader import DEFAULT_MAX_BYTES, ReadResult, read_seeds
from generator.render import PAGE_KEYS, SiteOptions, render_site
from generator.store import RecordStore
from generator.writer import TreeWriter, WriteReport, check_owned, list_files

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildOptions:
    seeds: Path
    out: Path
    gazetteers: tuple[Path, ...] = ()
    analysis: AnalysisOptions = field(default_factory=AnalysisOptions)
    site: SiteOptions = field(default_factory=SiteOptions)
    max_bytes: int = DEFAULT_MAX_BYTES
    records: str = ""  # an fsspec URL the records live in (generator.store), else briefings/_records


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
    stages: tuple[tuple[str, float], ...] = ()  # (stage, seconds): start (gazetteer, records), read, analyse, ...


class Stages:
    """Wall seconds of each stage of a build, for ``--verbose`` and the benchmarks (never for the output)."""

    def __init__(self) -> None:
        self.laps: tuple[tuple[str, float], ...] = ()
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps = (*self.laps, (stage, now - self._last))
        self._last = now

    def split(self, first: str, second: str, seconds_of_second: float) -> None:
        """Two stages that ran interleaved since the last lap, the second's share known (rendering and writing)."""
        now = time.perf_counter()
        self.laps = (*self.laps, (first, now - self._last - seconds_of_second), (second, seconds_of_second))
        self._last = now


class Progress(Protocol):
    """Told how many articles the build will analyse, then how many more are done."""

    def start(self, total: int) -> None: ...

    def advance(self, count: int) -> None: ...


COLLECTION_THRESHOLDS = (100_000, 50, 100)


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """A build makes millions of small objects that live until it ends: Python's cycle collector, run every
    700 allocations by default, would walk them again and again (a fifth of an incremental build's time)."""
    before = gc.get_threshold()
    gc.set_threshold(*COLLECTION_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()  # what the user's cache froze as it read it (generator.usercache.load) is collected again


def generate(options: BuildOptions, progress: Progress | None = None) -> BuildReport:
    """Generate ``options.out`` from ``options.seeds``; bad seeds are reported, the rest is written.

    read -> plan what to analyse (:mod:`generator.cache`: reuse recorded analyses of the same text, gazetteer
    and pipeline) -> analyse the rest (here, or on a Dask cluster) -> index -> render -> write. A seed that
    fails to read, or whose analysis fails on a cluster, keeps its last good record, so nothing published is
    lost.
    """
    with fewer_collections():
        return _generate(options, progress)


def _generate(options: BuildOptions, progress: Progress | None) -> BuildReport:
    check_owned(options.out)  # refuse a foreign folder before any work, not after the analysis
    clock = Stages()
    gazetteer = load_gazetteer(options.gazetteers)
    cache = open_cache(options.out, RecordStore(options.records))
    clock.lap("start")
    read = read_seeds(options.seeds, options.max_bytes, known=cache.sources())
    plan = cache.plan(read, gazetteer, options.analysis)
    clock.lap("read")
    if progress:
        progress.start(len(plan.todo))
    if options.analysis.scheduler:
        cache, analysed, failures = analyse_on_cluster(cache, read, plan, gazetteer, options.analysis, progress)
    else:
        analysed, failures = analyse(plan.todo, gazetteer, options.analysis, progress=progress and progress.advance), []
    read, plan = cache.after_failures(read, plan, failures)
    analyses = {**plan.reused, **analysed}
    items = [(a, analyses[a.id]) for a in read.articles] + [(r.article, r.analysis) for r in plan.kept]
    records = cache.record_files(items, read, plan)
    clock.lap("analyse")
    archive = build_archive(items, gazetteer, cache.compared)
    clock.lap("index")
    existing = list_files(options.out)
    site = render_site(archive, options.site, previous=cache.page_keys, exists=existing.__contains__,
                       made_from=records.made_from, jobs=options.analysis.jobs)
    tree = TreeWriter(options.out, existing)
    tree.check(site.page_paths)
    tree.write(site.pages)  # each page written as it is rendered: the site is never all in memory
    records.save()  # a shared store's records (the default store's are files of the tree)
    files = {**site.rest(), **records.files(), **compared_file(archive.compared)}
    tree.check(files)
    tree.write(sorted(files.items(), key=lambda item: item[0] == PAGE_KEYS))  # the page keys vouch for the rest
    written = tree.finish(keep=site.keep | records.keep())
    records.snapshot(options.out)  # what the next build reads the records from
    clock.split("render", "write", tree.seconds)
    log.info("generation stages: %s", ", ".join(f"{stage} {seconds:.2f} s" for stage, seconds in clock.laps))
    return BuildReport(len(items), len(archive.entities), read.problems, written, notices=read.notices,
                       analysed=len(analysed), reused=len(plan.reused),
                       kept=tuple(sorted(r.article.id for r in plan.kept)), stages=clock.laps)


def analyse_on_cluster(
    cache: Cache, read: ReadResult, plan: Plan, gazetteer: Gazetteer, options: AnalysisOptions,
    progress: Progress | None
) -> tuple[Cache, dict[str, Analysis], list[tuple[Article, str]]]:
    """The analyses of ``plan.todo`` on the Dask cluster ``options.scheduler`` names (:mod:`generator.cluster`),
    and the articles whose analysis raised there, with the error. With a shared records store the workers
    write the records, and the cache returned holds them as the client read them back."""
    from generator import cluster

    stamps = {a.id: cache.stamp(a, read, plan) for a in plan.todo} if cache.store.shared else {}
    done, failed, texts = cluster.analyse_on_cluster(plan.todo, gazetteer, options, progress and progress.advance,
                                                     cache.store, stamps)
    failures = [(f.article, f.error) for f in failed]
    if cache.store.shared:
        stored = parse_records(texts, cache.store.url)
        cache = cache.with_records(stored)
        done = {a.id: stored[a.id].analysis for a in plan.todo if a.id in stored}
        failures += [(a, "its record in the store could not be read") for a in plan.todo
                     if a.id in texts and a.id not in stored]
    return cache, done, failures


def check(seeds: Path, gazetteers: tuple[Path, ...] = (), max_bytes: int = DEFAULT_MAX_BYTES) -> list[InputError]:
    """Every problem in the seeds and the gazetteer files, without analysing or writing anything."""
    problems: list[InputError] = []
    try:
        load_gazetteer(gazetteers)
    except InputError as error:
        problems.append(error)
    problems.extend(read_seeds(seeds, max_bytes).problems)
    return problems

