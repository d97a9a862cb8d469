"""Golden files: the generated tree for the articles in tests/data, checked by test_golden.py.

Regenerate after an intended change of the output, then review the diff:

    python tests/golden.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from generator.build import BuildOptions, generate  # noqa: E402

GOLDEN = HERE / "golden"
DATA = HERE / "data"


def build(out: Path) -> None:
    report = generate(BuildOptions(seeds=DATA, out=out))
    assert not report.problems, report.problems


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as temp:
        build(Path(temp) / "out")
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(Path(temp) / "out", GOLDEN)
    print(f"golden files written to {GOLDEN}")
