"""The hostile corpus built into a site: bad files named with a fix, payloads shown as text, nothing lost,
nothing written outside briefings/ and site/. (The browser test runs every page of the same site.)"""

import json
import re
from pathlib import Path

from hostile import CASES, PWN

from conftest import ROOT, run_cli

DANGEROUS = [
    re.compile(r"<script>[^<]*__pwned", re.I),
    re.compile(r"<(?:img|svg|iframe|div|a|b)\b[^>]*\son\w+\s*=", re.I),
    re.compile(r"""(?:href|src)\s*=\s*["']?\s*(?:javascript|data):""", re.I),
    re.compile(r"<iframe", re.I),
]


def test_there_are_at_least_forty_cases():
    assert len(CASES) >= 40
    assert len({c.name for c in CASES}) == len(CASES)


def test_each_bad_file_is_named_with_its_line_and_a_fix(hostile_site):
    _, result = hostile_site
    messages = result.stderr.splitlines()
    for case in CASES:
        if case.outcome == "published":
            continue
        name = sorted(case.files)[-1]
        where = f"{name}:{case.line}:" if case.line else f"{name}:"
        found = [m for m in messages if where in m and case.message in m]
        assert found, f"{case.name}: no message naming {where} with {case.message!r}"
        if case.outcome == "skipped":
            assert "Fix:" in found[0]


def test_good_articles_are_all_published(hostile_site):
    project, _ = hostile_site
    manifest = json.loads((project / "site" / "manifest.json").read_text(encoding="utf-8"))
    ids = {b["id"] for b in manifest["briefings"]}
    for case in CASES:
        for name in case.files:
            stem = Path(name).stem
            if case.outcome in ("published", "notice") and not name.endswith(".jsonl") and not name.endswith(".md"):
                assert stem in ids, f"{case.name}: {stem} not published"
    assert {"h-jsonl", "b-ok-line", "dup-1", "wire_flood", "somalia-drought-2019-05"} <= ids
    assert "h-title" in ids and "h-url" in ids


def test_no_payload_reaches_the_html_as_markup(hostile_site):
    project, _ = hostile_site
    pages = list((project / "site").rglob("*.html"))
    assert len(pages) > 60
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for pattern in DANGEROUS:
            assert not pattern.search(html), f"{page}: {pattern.pattern}"
    flood = (project / "site" / "briefings/2021/03/01/h-snippet/index.html").read_text(encoding="utf-8")
    assert "site_name: Briefing Archive" not in flood  # the snippet line did not include mkdocs.yml
    admonition = (project / "site" / "briefings/2021/03/01/h-admonition/index.html").read_text(encoding="utf-8")
    assert 'class="admonition danger"' not in admonition
    script = (project / "site" / "briefings/2021/03/01/h-script/index.html").read_text(encoding="utf-8")
    assert f"&lt;script&gt;{PWN}" in script  # shown as text


def test_nothing_is_written_outside_briefings_and_site(hostile_site):
    project, _ = hostile_site
    top = sorted(p.name for p in project.iterdir())
    assert top == ["briefings", "docs", "mkdocs.yml", "seeds", "site"]
    docs = sorted(p.relative_to(project / "docs").as_posix() for p in (project / "docs").rglob("*"))
    assert docs == sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*"))
    assert sorted(p.name for p in project.parent.iterdir()) == [project.name]
    assert not Path("/tmp/evil").exists() and not Path("/etc/evil").exists()
    for path in (project / "briefings").rglob("*"):
        assert path.resolve().is_relative_to((project / "briefings").resolve())


def test_strict_and_check_fail_on_the_hostile_corpus(hostile_site):
    project, _ = hostile_site
    assert run_cli("check", cwd=project).returncode == 1
    assert run_cli("build", "--no-site", "--strict", cwd=project).returncode == 1


def test_every_case_is_documented():
    table = (ROOT / "docs" / "inputs.md").read_text(encoding="utf-8")
    for case in CASES:
        assert f"`{case.name}`" in table, f"docs/inputs.md does not list {case.name}"
