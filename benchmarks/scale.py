"""Rebuilding at archive scale, measured side by side in one run on a synthetic archive.

    python benchmarks/scale.py                 # N = 2000 (about 45 minutes on 2 cores)
    python benchmarks/scale.py --n 400 --small 100
    python benchmarks/scale.py --jobs 1             # only generation/raw at one process (about 15 minutes)
    python benchmarks/scale.py --add-one            # only cold generation and adding one article (5 minutes)
    python benchmarks/scale.py --cluster            # only --jobs 2 against --scheduler local:2 and local:1
    python benchmarks/scale.py --site --n 10000 --small 1000 --rounds 1 --repeat 0
                                                    # cold build, generation and site, and adding one (30 minutes)

Prints:
  * generator time / raw ``nlp.pipe`` time on the same texts with the same processes (jobs 1 and 2), in
    wall time and in CPU time (this process and its worker processes), each the fastest of --rounds runs
    made in turn;
  * the speed-up of ``--jobs 2`` over ``--jobs 1`` (generation, cold);
  * adding one article to the N-article archive (three times, one at a time; the median counts): articles
    analysed, files rewritten, time relative to the cold build's generation time;
  * MkDocs build time per page at N = small and N, per kind of page (the sizes built in turn, --repeat
    rounds; the small size built back to back as many times as last as long as one large build; the
    fastest round of each counts), and the lunr search index's bytes per briefing;
  * when Pagefind is installed, the N-briefing site indexed by Pagefind: bundle bytes per briefing, files,
    and the size of what one query fetches.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from synthetic import write_archive  # noqa: E402

from generator.build import BuildOptions, BuildReport, generate  # noqa: E402
from generator.gazetteer import load_gazetteer  # noqa: E402
from generator.nlp.analyse import AnalysisOptions, model_texts  # noqa: E402
from generator.nlp.pipeline import load_pipeline  # noqa: E402
from generator.places import place_names  # noqa: E402
from generator.reader import read_seeds  # noqa: E402


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - started, result


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (worker processes are joined)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def raw_pipe(seeds: Path, jobs: int) -> tuple[float, float]:
    """spaCy alone: the same texts the generator sends to the model (title, caption and paragraphs of every
    article: :func:`model_texts`), the same pipeline and processes. Wall seconds and CPU seconds."""
    nlp = load_pipeline(AnalysisOptions().model, load_gazetteer())
    texts = [text for a in read_seeds(seeds).articles for text, _, _ in model_texts(a)]
    cpu = cpu_seconds()
    seconds, _ = timed(lambda: sum(1 for _ in nlp.pipe(texts, batch_size=64, n_process=jobs)))
    return seconds, cpu_seconds() - cpu


def mkdocs_build(
    project: Path, out: Path, site: Path, pagefind: bool = False
) -> tuple[float, int, int, dict[str, tuple[int, float]]]:
    """MkDocs alone (generation switched off) into ``site``: seconds, pages, search index bytes, and per kind
    of page (briefings, places, people, groups, other) its pages and seconds (Markdown and HTML, plugins
    included)."""
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    import mkdocs.commands.build as mkdocs_build_module
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    per_kind: dict[str, list[float]] = {}

    def timed_step(step):
        def wrapper(page, *args, **kwargs):
            started = time.perf_counter()
            try:
                return step(page, *args, **kwargs)
            finally:
                head = page.file.src_uri.split("/")[0]
                kind = head if head in ("briefings", "places", "people", "groups") else "other"
                entry = per_kind.setdefault(kind, [0, 0.0])
                entry[0] += step is populate
                entry[1] += time.perf_counter() - started
        return wrapper

    populate, render = mkdocs_build_module._populate_page, mkdocs_build_module._build_page
    mkdocs_build_module._populate_page, mkdocs_build_module._build_page = timed_step(populate), timed_step(render)

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    plugin = config.plugins["briefings"]
    plugin.config.generate = False
    plugin.config.out = str(out)
    plugin.config.pagefind = pagefind
    import logging

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        seconds, _ = timed(build, config)
    finally:
        mkdocs_build_module._populate_page, mkdocs_build_module._build_page = populate, render
    pages = sum(1 for _ in site.rglob("index.html"))
    lunr = site / "search" / "search_index.json"
    index = lunr.stat().st_size if lunr.is_file() else 0  # none with Pagefind
    return seconds, pages, index, {kind: (n, s) for kind, (n, s) in per_kind.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--small", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3,
                        help="rounds of MkDocs builds of each size, after one that learns how many small builds "
                             "last as long as a large one; the fastest counts (0: that one round counts)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="cold generations and raw nlp.pipe runs, in turn, for each --jobs; the fastest counts")
    parser.add_argument("--jobs", type=int, choices=(1, 2),
                        help="only generation/raw at this many processes (a quick check; nothing else is measured)")
    parser.add_argument("--add-one", action="store_true",
                        help="only cold generation at --jobs 2 and adding one article (a quick check)")
    parser.add_argument("--site", action="store_true",
                        help="only cold generation and adding one at --jobs 2 (each with its stages), then MkDocs "
                             "at N=--small and N, and Pagefind at N: the cold build, generation and site")
    parser.add_argument("--cluster", action="store_true",
                        help="only cold generation at --jobs 2, on a LocalCluster of 2 workers and of 1 (the dask "
                             "extra): outputs compared, engine overhead and speed-up printed")
    args = parser.parse_args()
    TREE_MEMORY.start()
    work = Path(tempfile.mkdtemp(prefix="briefings-scale-"))
    try:
        if args.jobs:
            seeds = prepare(work, args.n)
            generation_ratio(work, seeds, args.jobs, args.rounds)
        elif args.add_one:
            cold_then_add_one(work, prepare(work, args.n), args.n, args.rounds)
        elif args.site:
            seeds = prepare(work, args.n)
            cold = cold_then_add_one(work, seeds, args.n, args.rounds)
            outs = {args.small: generate_subset(work, seeds, args.small), args.n: work / "out-2-0"}
            generation_peak = TREE_MEMORY.peak
            TREE_MEMORY.reset()
            site = site_figures(work, outs, args.small, args.n, args.repeat)
            print(f"cold build at N={args.n} (+3 added): generation {cold:.0f} s + MkDocs {site:.0f} s = "
                  f"{(cold + site) / 60:.1f} minutes; peak memory of the process and its workers: generation "
                  f"{generation_peak / 2**20:.0f} MB, MkDocs {TREE_MEMORY.peak / 2**20:.0f} MB (PSS, sampled)")
        elif args.cluster:
            cluster_figures(work, prepare(work, args.n), args.n)
        else:
            run(work, args.n, args.small, args.repeat, args.rounds)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def prepare(work: Path, n: int) -> Path:
    """The synthetic archive, and the model and GeoNames loaded once, outside every timing."""
    seeds = work / "seeds"
    write_archive(seeds, n)
    words = sum(a.words for a in read_seeds(seeds).articles)
    print(f"synthetic archive: {n} articles, {words:,} words ({words // n} per article)")
    load_pipeline(AnalysisOptions().model, load_gazetteer())
    place_names()
    return seeds


def generation_ratio(work: Path, seeds: Path, jobs: int, rounds: int) -> float:
    """Cold generation and raw ``nlp.pipe`` in turn, ``rounds`` times (the generator first in even rounds, raw
    first in odd ones), each keeping its fastest run (as timeit does: on this shared machine the same run
    has taken from 0.8x to 1.25x of its median); printed with each round's own ratio, and the fastest
    generation's seconds returned. Round r builds into ``work/out-{jobs}-{r}``."""
    runs, raws = [], []
    for round_ in range(rounds):
        # Each cold build into a folder of its own, the earlier ones removed only after every timed run:
        # on this machine's disk, file creation runs several times slower for a while after thousands of
        # files were deleted, which would charge the generator for the benchmark's own clean-up.
        out = work / f"out-{jobs}-{round_}"
        # Which runs first alternates from round to round: the machine's speed drifts over minutes, and
        # a drift would otherwise favour whichever always runs second.
        if round_ % 2:
            raws.append(raw_pipe(seeds, jobs))
        cpu = cpu_seconds()
        seconds, report = timed(generate, BuildOptions(seeds=seeds, out=out, analysis=AnalysisOptions(jobs=jobs)))
        runs.append((seconds, cpu_seconds() - cpu, report))
        if not round_ % 2:
            raws.append(raw_pipe(seeds, jobs))
    (seconds, cpu, report), (raw, raw_cpu) = min(runs, key=lambda run: run[0]), min(raws)
    paired = sorted(run[0] / raw_run[0] for run, raw_run in zip(runs, raws, strict=True))
    # Wall time is what CI waits for; CPU time is the work done.
    print(f"jobs={jobs} (fastest of {rounds}: generator {', '.join(f'{r[0]:.1f}' for r in runs)} s, raw "
          f"{', '.join(f'{r[0]:.1f}' for r in raws)} s): generator {seconds:.1f} s, raw nlp.pipe {raw:.1f} s "
          f"-> generator/raw = {seconds / raw:.2f} (CPU: {cpu:.1f} s / {raw_cpu:.1f} s = {cpu / raw_cpu:.2f}; "
          f"each round's own ratio: {', '.join(f'{r:.2f}' for r in paired)}, median "
          f"{statistics.median(paired):.2f}; {report.analysed} analysed, {len(report.written.written)} files)")
    return seconds


def run(work: Path, n: int, small: int, repeat: int = 3, rounds: int = 3) -> None:
    seeds = prepare(work, n)
    cold = {jobs: generation_ratio(work, seeds, jobs, rounds) for jobs in (1, 2)}
    print(f"speed-up of --jobs 2 over --jobs 1: {cold[1] / cold[2]:.2f}x")
    one, two = work / "out-1-0", work / "out-2-0"  # the other folders stay until the end (see above)
    files = sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    same = files == sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file()) and all(
        (one / name).read_bytes() == (two / name).read_bytes() for name in files)
    print(f"byte-identical output for --jobs 1 and --jobs 2: {same}")

    add_one(seeds, two, n, cold[2])
    outs = {}
    for count in (small, n):
        outs[count] = generate_subset(work, seeds, count)
    site_figures(work, outs, small, n, repeat)
    print(json.dumps({"n": n, "jobs_speedup": round(cold[1] / cold[2], 2)}))


def generate_subset(work: Path, seeds: Path, count: int) -> Path:
    """The first ``count`` articles generated cold into a folder of their own (for the MkDocs builds)."""
    subset = work / f"seeds-{count}"
    subset.mkdir()
    for path in sorted(seeds.iterdir())[:count]:
        shutil.copy(path, subset / path.name)
    out = work / f"out-site-{count}"
    generate(BuildOptions(seeds=subset, out=out, analysis=AnalysisOptions(jobs=2)))
    return out


def site_figures(work: Path, outs: dict[int, Path], small: int, n: int, repeat: int) -> float:
    """MkDocs per page at N = small and N (per kind of page), the search index's size, and Pagefind's; the
    fastest MkDocs build at N in seconds is returned."""
    project = work / "site-project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs")
    # Shared machines drift by 10-30% from minute to minute, in spells longer than a small build: the fastest
    # of a few short builds would catch a quick spell that a long build cannot. So the sizes are built in
    # turn, `repeat` times, and the small size is built k times back to back (k: how many small builds
    # last as long as one large one, learnt from the first round), so that both are timed over about the
    # same minutes; each keeps its fastest block (the first round, which learns k, is not counted: it also
    # pays for loading MkDocs' and the theme's modules). Every build writes a site folder of its own (deleting
    # thousands of files slows the next build's writing on this disk); all are removed at the end.
    best: dict[int, tuple[float, int, int, dict[str, tuple[int, float]]]] = {}
    block, lengths = 1, {}
    for round_ in range(repeat + 1):
        for count in (small, n):
            builds = [mkdocs_build(project, outs[count], work / f"site-{count}-{round_}-{k}")
                      for k in range(block if count == small else 1)]
            seconds, pages, index = sum(b[0] for b in builds), sum(b[1] for b in builds), builds[0][2]
            per_kind: dict[str, tuple[int, float]] = {}
            for build in builds:
                for kind, (count_, spent) in build[3].items():
                    before = per_kind.get(kind, (0, 0.0))
                    per_kind[kind] = (before[0] + count_, before[1] + spent)
            if (round_ or not repeat) and (count not in best or seconds / pages < best[count][0] / best[count][1]):
                share = len(builds)  # per build: the block's mean
                best[count] = (seconds / share, pages // share, index,
                               {kind: (pages_ // share, spent / share) for kind, (pages_, spent) in per_kind.items()})
            lengths[count] = seconds
        if not round_ and repeat:
            block = max(1, round(lengths[n] / lengths[small]))
            print(f"MkDocs: one build at N={n} lasts {lengths[n]:.0f} s, at N={small} {lengths[small]:.0f} s: "
                  f"{block} builds at N={small} are timed together against one at N={n}")
    results = {}
    kinds: dict[int, dict[str, tuple[int, float]]] = {}
    for count, (seconds, pages, index, per_kind) in best.items():
        results[count] = seconds / pages
        kinds[count] = per_kind
        rounds = f"fastest of {repeat} rounds" if repeat else "one build"
        print(f"MkDocs at N={count} ({rounds}): {seconds:.1f} s for {pages} pages = "
              f"{1000 * seconds / pages:.1f} ms/page ({1000 * seconds / count:.1f} ms per briefing); "
              f"search index {index / 1e6:.1f} MB = {index / count / 1000:.1f} KB per briefing")
    print(f"MkDocs time per page, N={n} / N={small}: {results[n] / results[small]:.2f}")
    for kind in ("briefings", "places", "people", "groups"):
        (a_pages, a_seconds), (b_pages, b_seconds) = kinds[small].get(kind, (1, 0.0)), kinds[n].get(kind, (1, 0.0))
        a_each, b_each = a_seconds / max(1, a_pages), b_seconds / max(1, b_pages)
        print(f"  {kind}: {a_pages} pages at {1000 * a_each:.1f} ms, {b_pages} pages at {1000 * b_each:.1f} ms "
              f"(ratio {b_each / max(1e-9, a_each):.2f})")
    share = {c: kinds[c].get("briefings", (0, 0.0))[0] / max(1, sum(p for p, _ in kinds[c].values())) for c in kinds}
    print(f"  briefing pages are {100 * share[small]:.0f}% of the pages at N={small}, {100 * share[n]:.0f}% at N={n}")
    # The mix of pages changes with the archive (briefing pages, the costliest, are a larger share of a larger
    # archive): N's pages, each kind at N=small's time per page, give the ratio at an unchanged mix.
    each = {kind: spent / max(1, pages) for kind, (pages, spent) in kinds[small].items()}
    expected = sum(pages * each.get(kind, 0.0) for kind, (pages, _) in kinds[n].items())
    actual = sum(spent for _, spent in kinds[n].values())
    print(f"  pages of N={n} at N={small}'s time per page of their kind: {expected:.1f} s against {actual:.1f} s "
          f"rendered: ratio {actual / max(1e-9, expected):.2f} at the same mix of pages")
    if importlib.util.find_spec("pagefind"):
        pagefind_figures(project, outs[n], n)
    return best[n][0]


def add_one(seeds: Path, out: Path, n: int, cold: float) -> None:
    """One article added at a time to the archive built in ``out``, three times (to N, N + 1, N + 2), at
    ``--jobs 2``: the median counts, as one rebuild on a shared machine can be slowed by a neighbour."""
    added = []
    for extra in range(3):
        write_archive(seeds, 1, start=n + extra)
        seconds, report = timed(generate, BuildOptions(seeds=seeds, out=out, analysis=AnalysisOptions(jobs=2)))
        added.append((seconds, report))
    seconds, report = sorted(added, key=lambda pair: pair[0])[1]
    print(f"add one article to {n} (median of 3: {', '.join(f'{s:.2f}' for s, _ in added)} s): "
          f"{report.analysed} analysed, {report.reused} from records, "
          f"{len(report.written.written)} files rewritten, {len(report.written.removed)} removed, "
          f"{seconds:.2f} s = {100 * seconds / cold:.1f}% of the cold generation ({cold:.1f} s); {stages(report)}")


def cold_then_add_one(work: Path, seeds: Path, n: int, rounds: int) -> float:
    """``--add-one``: the fastest of ``rounds`` cold generations at ``--jobs 2``, then :func:`add_one`. The
    fastest cold generation's seconds are returned."""
    runs = []
    TREE_MEMORY.reset()
    for round_ in range(rounds):
        seconds, report = timed(generate, BuildOptions(seeds=seeds, out=work / f"out-2-{round_}",
                                                       analysis=AnalysisOptions(jobs=2)))
        runs.append((seconds, report))
    seconds, report = min(runs, key=lambda run: run[0])
    print(f"cold generation at --jobs 2 (fastest of {rounds}: {', '.join(f'{s:.1f}' for s, _ in runs)} s): "
          f"{seconds:.1f} s ({stages(report)}); {peak_memory()}")
    add_one(seeds, work / "out-2-0", n, seconds)
    startup(work / "out-2-0")
    return seconds


STARTUP = """
import sys, time
from pathlib import Path
started = time.perf_counter()
from generator.build import fewer_collections, generate
from generator.cache import open_cache
from generator.gazetteer import load_gazetteer
from generator.nlp.analyse import AnalysisOptions
from generator.nlp.pipeline import load_pipeline
from generator.places import load_for_analysis, small_place_index
laps = [("imports", time.perf_counter())]
with fewer_collections():  # as in a build
    load_pipeline(AnalysisOptions().model, load_gazetteer()); laps.append(("model", time.perf_counter()))
    load_for_analysis(); small_place_index().connection(); laps.append(("GeoNames", time.perf_counter()))
    records = len(open_cache(Path(sys.argv[1])).records); laps.append(("records", time.perf_counter()))
before = started
for name, at in laps:
    print(f"{name} {at - before:.2f} s", end=", ")
    before = at
print(f"total {laps[-1][1] - started:.2f} s ({records} records)")
"""


def startup(out: Path) -> None:
    """What a build pays before it reads an article, in a fresh process (the best of 3: the first also fills
    the GeoNames cache when it is empty): imports, the spaCy model, GeoNames, the records, with the cycle
    collector set as a build sets it."""
    import subprocess

    runs = [subprocess.run([sys.executable, "-c", STARTUP, str(out)], capture_output=True, text=True, check=True,
                           cwd=ROOT).stdout.strip() for _ in range(3)]
    best = min(runs, key=lambda line: float(line.split("total ")[1].split(" s")[0]))
    print(f"start-up of a build in a fresh process (best of 3): {best}")


def stages(report: BuildReport) -> str:
    return ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in report.stages)


def peak_memory() -> str:
    """Peak memory of this process and its workers together (the sampled PSS of the process tree: pages
    forked workers share with this process count once), and the peak resident memory of this process and
    of its largest worker (getrusage: shared pages count in each)."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return (f"peak memory of the process and its workers {TREE_MEMORY.peak / 2**20:.0f} MB (PSS, sampled every "
            f"{TREE_MEMORY.every} s); peak RSS {own:.0f} MB (this process), {child:.0f} MB (its largest worker)")


class TreeMemory:
    """The peak proportional set size (PSS) of this process and all its descendants, sampled by a thread."""

    def __init__(self, every: float = 0.25) -> None:
        self.every, self.peak = every, 0

    def start(self) -> None:
        import threading

        threading.Thread(target=self._sample, daemon=True).start()

    def reset(self) -> None:
        self.peak = 0

    def _sample(self) -> None:
        import psutil  # pip install -e ".[bench]"

        me = psutil.Process()
        while True:
            total = 0
            for process in (me, *me.children(recursive=True)):
                with contextlib.suppress(psutil.Error):  # a worker that ended between the listing and the reading
                    total += process.memory_full_info().pss
            self.peak = max(self.peak, total)
            time.sleep(self.every)


TREE_MEMORY = TreeMemory()


def cluster_figures(work: Path, seeds: Path, n: int) -> None:
    """``--cluster``: cold generation with ``--jobs 2``, ``--scheduler local:2`` and ``local:1`` (each cluster
    started inside the timing, as a build starts it), outputs compared byte for byte; the engine's overhead
    (local:2 over --jobs 2) and the speed-up of local:2 over local:1."""
    def tree(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    times = {}
    for name, analysis in (("--jobs 2", AnalysisOptions(jobs=2)), ("local:2", AnalysisOptions(scheduler="local:2")),
                           ("local:1", AnalysisOptions(scheduler="local:1"))):
        start_cpu = cpu_seconds()
        seconds, _ = timed(generate, BuildOptions(seeds=seeds, out=work / f"out-{name}", analysis=analysis))
        times[name] = seconds
        print(f"cold generation {name}: {seconds:.1f} s wall, {cpu_seconds() - start_cpu:.1f} s CPU of this process "
              "and its joined children")
    same = tree(work / "out---jobs 2") == tree(work / "out-local:2") == tree(work / "out-local:1")
    overhead, speedup = times["local:2"] / times["--jobs 2"], times["local:1"] / times["local:2"]
    print(f"cluster at N={n}: outputs identical: {same}; local:2 / --jobs 2 = {overhead:.2f}; "
          f"speed-up of local:2 over local:1 = {speedup:.2f}")


def pagefind_figures(project: Path, out: Path, n: int) -> None:
    """The N-briefing site once more with ``pagefind: true``: what Pagefind writes, and what one query fetches
    (the entry file, index chunks, one fragment per result), beside lunr's single file."""
    site = project.parent / "site-pagefind"
    seconds, *_ = mkdocs_build(project, out, site, pagefind=True)
    bundle = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in bundle)

    def mean_size(folder: str) -> float:
        sizes = [p.stat().st_size for p in bundle if p.parent.name == folder]
        return sum(sizes) / max(1, len(sizes))

    # Before its first result a reader fetches Pagefind's own files (script, interface, WebAssembly, the
    # entry and metadata files: those at the bundle's top), one index chunk per word searched, and one
    # fragment per result shown.
    first = sum(p.stat().st_size for p in bundle if p.parent == site / "pagefind") + mean_size("index") \
        + mean_size("fragment")
    print(f"Pagefind at N={n}: MkDocs + Pagefind {seconds:.1f} s; bundle {size / 1e6:.1f} MB = "
          f"{size / n / 1000:.1f} KB per briefing in {len(bundle)} files; a query fetches index chunks of "
          f"{mean_size('index') / 1000:.1f} KB and a fragment of {mean_size('fragment') / 1000:.1f} KB per result; "
          f"before the first result a reader downloads {first / 1e6:.2f} MB (lunr: its whole index)")


if __name__ == "__main__":
    main()
