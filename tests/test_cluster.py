"""The analysis on a real Dask cluster (a LocalCluster): the same bytes as a local build, a worker killed
mid-build, an article whose analysis raises, an unreachable scheduler."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")  # the dask extra: tests/setup.sh installs it

from generator.build import BuildOptions, generate  # noqa: E402
from generator.nlp.analyse import AnalysisOptions  # noqa: E402

from conftest import DATA, SEED, run_cli  # noqa: E402

TOWNS = ["Kismayo", "Baidoa", "Garowe", "Hargeisa", "Bosaso", "Galkayo", "Jowhar", "Merca", "Dhusamareb",
         "Beledweyne", "Burao", "Berbera"]
EVENTS = ["the port reopened after a week of storms", "a new clinic for mothers opened its doors",
          "teachers went on strike over unpaid wages", "the council banned plastic bags in the market",
          "fishermen landed a record catch of tuna", "a bridge over the river collapsed under a lorry",
          "the airport runway was extended by a kilometre", "farmers began planting sorghum early",
          "police arrested six men over a bank robbery", "the water company raised its prices",
          "a football stadium was named after a local poet", "exporters shipped camels to the Gulf"]


def seeds(where: Path) -> Path:
    """The tests' articles, the seed, and a dozen short stories of their own: enough for several chunks."""
    folder = where / "seeds"
    folder.mkdir()
    for path in (*DATA.iterdir(), SEED):
        shutil.copy(path, folder / path.name)
    for i, (town, event) in enumerate(zip(TOWNS, EVENTS, strict=True)):
        (folder / f"town-{i:02}.txt").write_text(
            f"date 2020-02-{i + 1:02}\n{town} (Wire Desk) - Officials in {town} said on Monday that {event}.\n\n"
            f"The district commissioner said {100 + 7 * i} people had come to see it.\n", encoding="utf-8")
    return folder


@contextlib.contextmanager
def local_cluster(workers: int) -> Iterator[tuple[object, object]]:
    """A real LocalCluster of worker processes (each with its nanny), and a client of it."""
    with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        yield cluster, client


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def local_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    where = tmp_path_factory.mktemp("local")
    folder = seeds(where)
    generate(BuildOptions(seeds=folder, out=where / "out", analysis=AnalysisOptions(jobs=1)))
    return folder, tree(where / "out")


def test_a_local_cluster_build_is_byte_for_byte_a_local_build(local_build, tmp_path):
    folder, expected = local_build
    result = run_cli("build", "--seeds", str(folder), "--out", str(tmp_path / "out"), "--no-site",
                     "--scheduler", "local:2", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert tree(tmp_path / "out") == expected


def test_with_a_shared_records_store_the_workers_write_the_records_and_the_client_reads_them(
        local_build, tmp_path, monkeypatch):
    from generator.store import RecordStore

    folder, expected = local_build
    real = RecordStore.write

    def client_write(self, texts):  # this process is the client: the workers' processes keep the real one
        assert not texts, f"the client wrote records the workers had written: {sorted(texts)}"
        real(self, texts)

    monkeypatch.setattr(RecordStore, "write", client_write)
    store = tmp_path / "store"
    options = BuildOptions(seeds=folder, out=tmp_path / "out", records=str(store),
                           analysis=AnalysisOptions(jobs=1, scheduler="local:2"))
    report = generate(options)
    assert report.analysed == report.articles
    records = {name.removeprefix("_records/"): data for name, data in expected.items() if name.startswith("_records/")}
    assert tree(store) == records
    assert tree(tmp_path / "out") == {n: d for n, d in expected.items() if not n.startswith("_records/")}


def test_a_worker_killed_mid_build_has_its_chunks_run_again(local_build, tmp_path):
    folder, expected = local_build
    with local_cluster(2) as (cluster, client):
        pids = sorted(client.run(os.getpid).values())

        class KillOnFirstChunk:
            killed = False

            def start(self, total: int) -> None:
                pass

            def advance(self, count: int) -> None:
                if not self.killed:
                    os.kill(pids[0], signal.SIGKILL)  # the nanny starts a new worker; its tasks run again
                    self.killed = True

        progress = KillOnFirstChunk()
        options = BuildOptions(seeds=folder, out=tmp_path / "out",
                               analysis=AnalysisOptions(jobs=1, scheduler=cluster.scheduler_address))
        report = generate(options, progress=progress)
    assert progress.killed and report.analysed == report.articles
    assert tree(tmp_path / "out") == expected


def fail_on_one_article() -> None:
    """Run on each worker: the analysis of the article ``town-03`` raises (a fault the test injects)."""
    import generator.cluster

    real = generator.cluster.analyse_chunk

    def analyse_chunk(articles, *args, **kwargs):
        if any(a.id == "town-03" for a in articles):
            raise RuntimeError("injected fault")
        return real(articles, *args, **kwargs)

    generator.cluster.analyse_chunk = analyse_chunk


def test_an_article_whose_analysis_raises_is_reported_with_its_file_and_the_rest_builds(local_build, tmp_path):
    import sys

    import cloudpickle

    folder, expected = local_build
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    with local_cluster(1) as (cluster, client):
        client.run(fail_on_one_article)
        options = BuildOptions(seeds=folder, out=tmp_path / "out",
                               analysis=AnalysisOptions(jobs=1, scheduler=cluster.scheduler_address))
        report = generate(options)
    (problem,) = report.problems
    assert problem.path == "town-03.txt" and "injected fault" in str(problem) and "Fix:" in str(problem)
    built = tree(tmp_path / "out")
    assert "_records/town-02.json" in built and "_records/town-03.json" not in built
    assert built["_records/town-02.json"] == expected["_records/town-02.json"]  # the others, analysed as ever


def test_an_unreachable_scheduler_is_one_line_and_touches_nothing(local_build, tmp_path):
    folder, _ = local_build
    out = tmp_path / "out"
    generate(BuildOptions(seeds=folder, out=out, analysis=AnalysisOptions(jobs=1)))
    before = tree(out)
    (folder.parent / "extra").mkdir(exist_ok=True)
    extra = tmp_path / "seeds"
    shutil.copytree(folder, extra)
    (extra / "new.txt").write_text("date 2020-03-01\nNairobi (Wire Desk) - A new article to analyse.\n", "utf-8")
    result = run_cli("build", "--seeds", str(extra), "--out", str(out), "--no-site", "--scheduler",
                     "tcp://127.0.0.1:9", cwd=tmp_path)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in errors[0]
    assert tree(out) == before
