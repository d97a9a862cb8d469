"""A build killed at any point (SIGKILL) leaves every file in briefings/ whole, old or new, and the next
build completes with the same output as an uninterrupted one."""

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

PLACES = ["Kabul", "Herat", "Kandahar", "Mosul", "Baghdad", "Aleppo", "Mogadishu", "Nairobi", "Khartoum", "Sanaa"]
GROUPS = ["the Taliban", "the Islamic State group", "Al-Shabaab", "the United Nations", "the World Food Programme"]


def article(i: int, version: int) -> str:
    place, other = PLACES[i % len(PLACES)], PLACES[(i * 3 + 1) % len(PLACES)]
    group = GROUPS[i % len(GROUPS)]
    return (f"date 2020-{1 + i % 12:02d}-{1 + i % 27:02d} Residents walk past a damaged building in {place}\n"
            f"{place} (AFP) - Officials in {place} said on Monday that {group} had agreed to talks in {other}, "
            f"version {version} of report number {i}.\n\n"
            f"Aid workers said convoys would leave {other} for {place} within days, according to {group}.\n")


def write_seeds(folder: Path, version: int, count: int = 40) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for i in range(count):
        (folder / f"report-{i:03d}.txt").write_text(article(i, version), encoding="utf-8")


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def build(project: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "generator", "build", "--no-site"], cwd=project,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


@pytest.fixture(scope="module")
def states(tmp_path_factory):
    """The briefings/ of version 1 (old) and of version 2 (new), each from an uninterrupted build."""
    project = tmp_path_factory.mktemp("kill")
    write_seeds(project / "seeds", 1)
    assert build(project).wait() == 0
    old = snapshot(project / "briefings")
    write_seeds(project / "seeds", 2)
    started = time.monotonic()
    assert build(project).wait() == 0
    duration = time.monotonic() - started
    new = snapshot(project / "briefings")
    return project, old, new, duration


@pytest.mark.parametrize("attempt", range(6))
def test_killed_build_leaves_whole_files_and_recovers(states, tmp_path, attempt):
    project, old, new, duration = states
    work = tmp_path / "project"
    shutil.copytree(project, work)
    shutil.rmtree(work / "briefings")
    (work / "briefings").mkdir()
    for name, content in old.items():
        (work / "briefings" / name).parent.mkdir(parents=True, exist_ok=True)
        (work / "briefings" / name).write_bytes(content)
    process = build(work)
    time.sleep(random.Random(attempt).uniform(0.3, duration))
    process.send_signal(signal.SIGKILL)
    process.wait()
    for name, content in snapshot(work / "briefings").items():
        if Path(name).name.startswith(".tmp-"):
            continue  # a temporary file the killed build had not yet renamed: removed by the next build
        assert content in (old.get(name), new.get(name)), f"{name} is neither the old nor the new file"
    assert build(work).wait() == 0
    assert snapshot(work / "briefings") == new
