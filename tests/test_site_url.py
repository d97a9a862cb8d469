"""site_url: the permanent URLs, the manifest, the feed, the sitemap and the canonical links are absolute;
without it `briefings build --strict` fails saying what to set, a plain build warns once, and `mkdocs serve`
never puts its own address into a permanent URL."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import make_project, run_cli

SITE = "https://briefings.example.org/"
STORY = "---\nid: talks-2021\ntitle: Talks resume in Kabul\ndate: 2021-03-02\nsource: AFP\n---\n\n" \
        "Officials in Kabul said talks with the Taliban would resume on Monday.\n"


def without_site_url(project: Path) -> None:
    config = project / "mkdocs.yml"
    text, count = re.subn(r"(?m)^site_url:.*\n", "", config.read_text(encoding="utf-8"))
    assert count == 1
    config.write_text(text, encoding="utf-8")


def test_every_published_url_is_absolute(built_site):
    site = built_site / "site"
    manifest = json.loads((site / "manifest.json").read_text(encoding="utf-8"))
    for item in (*manifest["briefings"], *manifest["entities"]):
        assert item["url"] == SITE + item["path"]
    briefing = manifest["briefings"][0]
    html = (site / briefing["path"] / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{briefing["url"]}">' in html
    assert briefing["url"] in html  # in the cite box
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{briefing['url']}</loc>" in sitemap
    assert f"<link href=\"{briefing['url']}\"" in (site / "feed.xml").read_text(encoding="utf-8")


def test_strict_build_without_site_url_fails_saying_what_to_set(tmp_path):
    project = make_project(tmp_path, {"story.md": STORY}, copy_data=False)
    without_site_url(project)
    result = run_cli("build", "--strict", cwd=project)
    assert result.returncode == 1
    assert "site_url is not set in mkdocs.yml" in result.stderr and "Fix: set it" in result.stderr
    assert not (project / "briefings").exists()  # it failed before writing anything


def test_plain_build_without_site_url_warns_once(tmp_path):
    project = make_project(tmp_path, {"story.md": STORY}, copy_data=False)
    without_site_url(project)
    result = run_cli("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("site_url is not set") == 1
    manifest = json.loads((project / "briefings" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["briefings"][0]["url"] == "/briefings/2021/03/02/talks-2021/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_mkdocs_serve_keeps_the_configured_permanent_url(tmp_path):
    project = make_project(tmp_path, {"story.md": STORY}, copy_data=False)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "--no-livereload"],
                              cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        page = None
        deadline = time.monotonic() + 180
        while page is None and time.monotonic() < deadline:
            try:
                url = f"http://127.0.0.1:{port}/briefings/2021/03/02/talks-2021/"
                with urllib.request.urlopen(url, timeout=5) as response:
                    page = response.read().decode("utf-8")
            except OSError:
                assert server.poll() is None, "mkdocs serve stopped"
                time.sleep(0.5)
        assert page is not None, "mkdocs serve never served the page"
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert f"{SITE}briefings/2021/03/02/talks-2021/" in page
    cite = page[page.index('id="cite"'):]
    assert "127.0.0.1" not in cite
    committed = (project / "briefings" / "briefings" / "2021" / "03" / "02" / "talks-2021.md").read_text("utf-8")
    assert "127.0.0.1" not in committed and SITE in committed
