"""A fresh clone, built with the README's command, changes nothing that is committed: briefings/ in the
repository is exactly what its seeds/ and generator/ make. The site it builds holds the seed's briefing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, SEED

GIT = shutil.which("git")


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True, timeout=300).stdout


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if GIT is None or not (ROOT / ".git").exists():
        if os.environ.get("CI"):
            raise RuntimeError("CI runs in a git clone: git and .git/ are needed for this test")
        pytest.skip("not a git checkout")
    where = tmp_path_factory.mktemp("clone") / "archive"
    git("clone", "--quiet", str(ROOT), str(where), cwd=ROOT)
    # `python -m generator` runs the clone's own generator (the folder it runs in comes first on sys.path).
    result = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=where, capture_output=True, text=True,
                            timeout=900, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    return where


def test_a_fresh_clone_builds_to_no_change(clone):
    assert git("status", "--porcelain", "--untracked-files=all", cwd=clone) == ""


def test_the_committed_seed_is_the_shared_one():
    shared = ROOT.parent / "shared" / "seeds" / SEED.name
    if shared.exists():
        assert SEED.read_bytes() == shared.read_bytes()
    assert (ROOT / "briefings" / "_records" / f"{SEED.stem}.json").is_file()


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: set[str] = set()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a" and found.get("href"):
            self.hrefs.add(found["href"] or "")
        if found.get("id"):
            self.ids.add(found["id"] or "")


def test_the_clones_site_holds_the_seeds_briefing(clone):
    page_file = clone / "site" / "briefings" / "2017" / "09" / "21" / SEED.stem / "index.html"
    text = page_file.read_text(encoding="utf-8")
    page = Page()
    page.feed(text)
    assert {"summary", "key-points", "entities", "people", "places", "groups", "full-text", "cite"} <= page.ids
    assert "Haider al-Abadi" in text and "Victory after victory" in text  # the index and the full text
    assert "../../../../../places/hawija/" in page.hrefs
    assert "../../../../../groups/islamic-state/" in page.hrefs
    assert (clone / "site" / "places" / "hawija" / "index.html").is_file()
    assert (clone / "site" / "groups" / "islamic-state" / "index.html").is_file()
