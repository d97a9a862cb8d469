"""The analysis on a Dask cluster: ``briefings build --scheduler ADDRESS``.

``ADDRESS`` is an existing cluster's scheduler (``tcp://host:8786``) or ``local:N``, a ``LocalCluster`` of N
worker processes started for the build. Articles to analyse go to the workers in chunks; each worker loads
the spaCy pipeline, the gazetteer's ruler and the GeoNames index once, through a worker plugin, not per task;
only :class:`~generator.model.Analysis` records come back, never a ``Doc``; with a shared records store
(:mod:`generator.store`), the workers write the records there and the client reads them back. Index, render
and write stay on the client, so the output is byte for byte that of a local build.

Faults: a worker that dies mid-build has its chunks run again elsewhere (Dask reschedules them); a chunk
whose analysis raises is analysed again article by article, and an article that still raises is reported
with its file while the rest builds; a scheduler that cannot be reached is one error line, before anything
is written. Dask is an optional extra: ``pip install -e ".[dask]"``.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from generator.errors import ConfigError
from generator.gazetteer import Gazetteer
from generator.model import Analysis, Article
from generator.nlp.analyse import AnalysisOptions, analyse_chunk
from generator.records import Stamp
from generator.store import DEFAULT, RecordStore

try:
    from distributed import WorkerPlugin
except ImportError:  # Dask is an optional extra: connect() says how to install it
    WorkerPlugin = object  # type: ignore[assignment,misc]

log = logging.getLogger(__name__)

PLUGIN = "briefings-analysis"
CONNECT_TIMEOUT = "5s"
CHUNK_SIZE = 32  # articles per task at most; fewer when the archive is small, so every worker has several
# Dask settings for the workers of a local:N cluster (and what docs/scaling.md advises for a cluster's own).
# Dask starts workers with MALLOC_TRIM_THRESHOLD_=65536, so that glibc hands memory back at once: the
# analysis allocates and frees small objects by the million, and ran 20% slower so (15.2 s against 18.3 s for
# 300 articles, measured); the worker's statistical profiler samples the task's stack every 10 ms and the
# event loop ticks every 20 ms, each taking the GIL from the analysis.
WORKER_CONFIG = {
    "distributed.nanny.pre-spawn-environ": {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1},
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.gil.enabled": False,
}
MISSING = ('--scheduler needs Dask, an optional extra: pip install -e ".[dask]" '
           '(or pip install "dask[distributed]")')


@dataclass(frozen=True)
class Failure:
    """An article whose analysis raised on a worker."""

    article: Article
    error: str


class AnalysisPlugin(WorkerPlugin):
    """Loads the pipeline and GeoNames once per worker process (a Dask ``WorkerPlugin``), and holds what
    every task of the build needs: the gazetteer and the analysis options."""

    name = PLUGIN

    def __init__(self, gazetteer: Gazetteer, options: AnalysisOptions) -> None:
        self.gazetteer = gazetteer
        self.options = options

    def setup(self, worker: object) -> None:
        import gc

        from generator.build import COLLECTION_THRESHOLDS
        from generator.nlp.pipeline import load_pipeline
        from generator.places import load_for_analysis

        load_pipeline(self.options.model, self.gazetteer)
        load_for_analysis()
        # As a local build does (generator.build.fewer_collections): the analysis makes millions of objects, and
        # the cycle collector at its default thresholds would walk them again and again.
        gc.set_threshold(*COLLECTION_THRESHOLDS)


def analyse_task(articles: Sequence[Article], stamps: Mapping[str, Stamp], store: RecordStore
                 ) -> tuple[dict[str, Analysis], list[str], list[Failure]]:
    """One chunk, on a worker: its analyses, and the articles whose analysis raised (each tried alone). With a
    shared records store, the worker writes each article's record there (with its ``stamps``) and returns
    the article IDs in place of the analyses."""
    from distributed import get_worker

    plugin: AnalysisPlugin = get_worker().plugins[PLUGIN]  # type: ignore[assignment]
    failed = []
    try:
        done = analyse_chunk(articles, plugin.gazetteer, plugin.options)
    except Exception:  # one bad article must not sink its chunk: try each on its own
        done = {}
        for article in articles:
            try:
                done.update(analyse_chunk([article], plugin.gazetteer, plugin.options))
            except Exception as error:  # reported with the article's file
                failed.append(Failure(article, f"{type(error).__name__}: {error}"))
    if not store.shared:
        return done, [], failed
    store.write({a.id: stamps[a.id].record(a, done[a.id]) for a in articles if a.id in done})
    return {}, list(done), failed


@contextlib.contextmanager
def connect(address: str) -> Iterator[object]:
    """A Dask client for ``address``: ``local:N`` starts a ``LocalCluster`` of N single-threaded worker
    processes for the block; ``tcp://host:port`` (any Dask address) connects to a running scheduler."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError(MISSING) from None
    if not log.isEnabledFor(logging.INFO):  # Dask's scheduler and client talk at INFO: only with --verbose
        logging.getLogger("distributed").setLevel(logging.WARNING)
    if address.startswith("local:"):
        try:
            count = int(address.removeprefix("local:"))
        except ValueError:
            count = 0
        if count < 1:
            raise ConfigError(f"--scheduler {address}: say how many workers, e.g. local:2")
        import dask

        with dask.config.set(WORKER_CONFIG), LocalCluster(
                n_workers=count, threads_per_worker=1, processes=True, dashboard_address=None,
                silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as error:
        raise ConfigError(f"cannot reach the Dask scheduler at {address} ({type(error).__name__}: {error}). "
                          "Fix: start the scheduler, check the address, or use --scheduler local:N") from None
    try:
        yield client
    finally:
        client.close()


def analyse_on_cluster(
    articles: Sequence[Article],
    gazetteer: Gazetteer,
    options: AnalysisOptions,
    progress: Callable[[int], None] | None = None,
    store: RecordStore = DEFAULT,
    stamps: Mapping[str, Stamp] | None = None,
) -> tuple[dict[str, Analysis], list[Failure], dict[str, str]]:
    """Analyse ``articles`` on the cluster at ``options.scheduler``: results by article ID, in the articles'
    order, and the articles whose analysis raised. With a shared ``store``, the workers write the records
    (each with its article's stamp) and the third value holds them as the client read them back (article ID
    -> text), in place of the results."""
    if not articles:
        return {}, [], {}
    with connect(options.scheduler) as client:
        from distributed import as_completed

        client.register_plugin(AnalysisPlugin(gazetteer, options), name=PLUGIN)  # type: ignore[attr-defined]
        workers = max(1, len(client.scheduler_info()["workers"]))  # type: ignore[attr-defined]
        size = max(1, min(CHUNK_SIZE, -(-len(articles) // (workers * 4))))
        chunks = [list(articles[i:i + size]) for i in range(0, len(articles), size)]
        stamped = [{a.id: stamps[a.id] for a in chunk} if stamps and store.shared else {} for chunk in chunks]
        futures = [client.submit(analyse_task, chunk, own, store, pure=False, retries=2)  # type: ignore[attr-defined]
                   for chunk, own in zip(chunks, stamped, strict=True)]
        sizes = {future.key: len(chunk) for future, chunk in zip(futures, chunks, strict=True)}
        results: dict[str, Analysis] = {}
        written: list[str] = []
        failures: list[Failure] = []
        for future in as_completed(futures):
            done, ids, failed = future.result()
            results.update(done)
            written.extend(ids)
            failures.extend(failed)
            if progress:
                progress(sizes[future.key])
    failures.sort(key=lambda f: (f.article.path, f.article.line))
    if store.shared:
        texts = store.read(written)
        lost = set(written) - texts.keys()
        failures.extend(Failure(a, f"its record could not be read back from {store.url}") for a in articles
                        if a.id in lost)
        return {}, failures, {a.id: texts[a.id] for a in articles if a.id in texts}
    failed_ids = {f.article.id for f in failures}
    return {a.id: results[a.id] for a in articles if a.id not in failed_ids}, failures, {}
