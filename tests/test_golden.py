"""Rendered pages for the small articles in tests/data against tests/golden (real model).

Regenerate with `python tests/golden.py` after an intended change, and review the diff."""

import difflib
from pathlib import Path

from golden import GOLDEN, build


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_generated_tree_matches_golden_files(tmp_path):
    build(tmp_path / "out")
    got, want = tree(tmp_path / "out"), tree(GOLDEN)
    assert sorted(got) == sorted(want), "files differ; run `python tests/golden.py` if intended"
    for name in want:
        if got[name] != want[name]:
            diff = "\n".join(difflib.unified_diff(want[name].decode().splitlines(), got[name].decode().splitlines(),
                                                  f"golden/{name}", f"new/{name}", lineterm=""))
            raise AssertionError(f"{name} differs from its golden file:\n{diff}")
