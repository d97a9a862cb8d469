"""Shared fixtures. Articles used by the tests are written by the tests (tests/data holds a few, composed
for the purpose); the real spaCy model and a real MkDocs build are used where the tests say so."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.gazetteer import Gazetteer, load_gazetteer

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEED = ROOT / "seeds" / "000_e3cfbe08a7571c72.txt"  # the project's seed article (AFP, 2017-09-21)


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def make_project(where: Path, seeds: dict[str, str | bytes] | None = None, copy_data: bool = True) -> Path:
    """A small archive project: the repository's mkdocs.yml and docs/, and a seeds/ folder."""
    shutil.copy(ROOT / "mkdocs.yml", where / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", where / "docs")
    (where / "seeds").mkdir()
    if copy_data:  # the articles written for the tests, and the seed
        for path in (*DATA.iterdir(), SEED):
            shutil.copy(path, where / "seeds" / path.name)
    for name, content in (seeds or {}).items():
        target = where / "seeds" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return where


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The real ``briefings`` command in a subprocess, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd, capture_output=True, text=True, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project built once for the session with `briefings build --strict` (real model, real MkDocs)."""
    project = make_project(tmp_path_factory.mktemp("site-project"))
    result = run_cli("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The hostile corpus (tests/hostile.py) beside the good articles, built with `briefings build`."""
    from hostile import all_files

    jail = tmp_path_factory.mktemp("hostile")
    (jail / "project").mkdir()
    project = make_project(jail / "project", all_files())
    result = run_cli("build", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project, result


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep the test output readable
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (a free port) while the block runs; yields its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
