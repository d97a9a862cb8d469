"""Linking from reports: a real Sphinx project and a real MkDocs project resolve briefing and entity IDs
through the archive's objects.inv; the feed parses with feedparser; IDs, URLs and anchors survive edits."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import feedparser
import pytest
import sphobjinv as soi

from conftest import make_project, run_cli, serve

BASE = "https://archive.example.org/"
FLOOD_URL = "briefings/2019/03/04/wire_flood/"


def test_inventory_lists_every_briefing_and_entity(built_site):
    inventory = soi.Inventory(str(built_site / "site" / "objects.inv"))
    entries = {(o.role, o.name): o.uri for o in inventory.objects}
    manifest = json.loads((built_site / "site" / "manifest.json").read_text(encoding="utf-8"))
    for b in manifest["briefings"]:
        assert entries[("doc", b["id"])] == b["url"] and entries[("label", b["id"])] == b["url"]
    for e in manifest["entities"]:
        assert entries[("doc", e["url"].strip("/"))] == e["url"]
        assert entries[("label", e["key"])] == e["url"]


def sphinx_project(where: Path, inventory: Path, body: str) -> subprocess.CompletedProcess[str]:
    where.mkdir()
    (where / "conf.py").write_text(textwrap.dedent(f"""
        project = "Report"
        extensions = ["sphinx.ext.intersphinx"]
        intersphinx_mapping = {{"briefings": ("{BASE}", "{inventory}")}}
        """), encoding="utf-8")
    (where / "index.rst").write_text(f"Report\n======\n\n{body}\n", encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", str(where), str(where / "out")],
                          capture_output=True, text=True, timeout=300)


def test_sphinx_resolves_briefings_and_entities(built_site, tmp_path):
    inventory = built_site / "site" / "objects.inv"
    result = sphinx_project(tmp_path / "ok", inventory, textwrap.dedent("""
        The floods (:external+briefings:doc:`wire_flood`) hit :external+briefings:doc:`places/somalia`.
        See :external+briefings:ref:`the drought <somalia-drought-2019-05>` and :external+briefings:ref:`al-shabaab`.
        """))
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "ok" / "out" / "index.html").read_text(encoding="utf-8")
    assert f'href="{BASE}{FLOOD_URL}"' in html
    assert f'href="{BASE}places/somalia/"' in html
    assert f'href="{BASE}briefings/2019/05/12/somalia-drought-2019-05/"' in html
    assert f'href="{BASE}groups/al-shabaab/"' in html


def test_sphinx_fails_on_an_unknown_id(built_site, tmp_path):
    result = sphinx_project(tmp_path / "bad", built_site / "site" / "objects.inv",
                            "Gone: :external+briefings:doc:`no-such-briefing`.")
    assert result.returncode != 0
    assert "no-such-briefing" in result.stderr


@pytest.fixture(scope="module")
def served_archive(built_site):
    with serve(built_site / "site") as url:
        yield url


def mkdocs_project(where: Path, archive_url: str, page: str) -> subprocess.CompletedProcess[str]:
    (where / "docs").mkdir(parents=True)
    (where / "mkdocs.yml").write_text(textwrap.dedent(f"""
        site_name: Report
        plugins:
          - autorefs
          - mkdocstrings:
              handlers:
                python:
                  inventories:
                    - url: {archive_url}objects.inv
                      domains: [std]
        """), encoding="utf-8")
    (where / "docs" / "index.md").write_text(page, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=where,
                          capture_output=True, text=True, timeout=300)


def test_mkdocs_autorefs_resolves_briefings_and_entities(served_archive, tmp_path):
    result = mkdocs_project(tmp_path / "ok", served_archive,
                            "# Report\n\nThe [floods][wire_flood] hit [Somalia][somalia].\n")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "ok" / "site" / "index.html").read_text(encoding="utf-8")
    assert f'href="{served_archive}{FLOOD_URL}"' in html
    assert f'href="{served_archive}places/somalia/"' in html


def test_mkdocs_fails_on_an_unknown_id(served_archive, tmp_path):
    result = mkdocs_project(tmp_path / "bad", served_archive, "# Report\n\nThe [gone][no-such-briefing].\n")
    assert result.returncode != 0
    assert "no-such-briefing" in result.stderr


def test_feed_parses_with_the_latest_briefings(built_site):
    feed = feedparser.parse((built_site / "site" / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    manifest = json.loads((built_site / "site" / "manifest.json").read_text(encoding="utf-8"))
    assert [e.title for e in feed.entries] == [b["title"] for b in manifest["briefings"]]
    first = feed.entries[0]
    assert first.link == manifest["briefings"][0]["url"]
    assert first.published.startswith("2019-07-15")
    assert first.summary == manifest["briefings"][0]["summary"]
    assert 'type="application/atom+xml"' in (built_site / "site" / "index.html").read_text(encoding="utf-8")


def test_link_command(built_site):
    result = run_cli("link", "wire_flood", cwd=built_site)
    assert result.returncode == 0, result.stderr
    markdown, url, citation = result.stdout.splitlines()
    assert markdown == f"[Floods along the Shabelle river have forced more than 200,000 people](/{FLOOD_URL})"
    assert url == f"/{FLOOD_URL}" and citation.endswith(f"AFP, 2019-03-04. /{FLOOD_URL}")
    assert run_cli("link", "kenyan", "traders", cwd=built_site).stdout.splitlines()[1] == (
        "/briefings/2019/06/03/kenya-markets-2019-06/")
    assert run_cli("link", "somalia", cwd=built_site).stdout.splitlines()[1] == "/places/somalia/"
    ambiguous = run_cli("link", "shabelle river", cwd=built_site)
    assert ambiguous.returncode == 1 and "wire_flood" in ambiguous.stderr and "ethiopia-dam-2019-07" in ambiguous.stderr
    assert run_cli("link", "no such thing at all", cwd=built_site).returncode == 1


def test_edits_keep_id_url_and_anchors_and_renames_redirect(tmp_path):
    project = make_project(tmp_path, copy_data=False, seeds={"story.md": textwrap.dedent("""\
        ---
        id: talks-2021
        title: Talks resume in Kabul
        date: 2021-03-02
        ---

        Officials in Kabul said talks with the Taliban would resume on Monday, the United Nations said.
        """)})
    assert run_cli("build", "--strict", cwd=project).returncode == 0
    page = project / "site" / "briefings/2021/03/02/talks-2021/index.html"
    anchors = ('id="summary"', 'id="key-points"', 'id="people"', 'id="places"', 'id="groups"', 'id="related"',
               'id="full-text"', 'id="cite"')
    assert all(a in page.read_text(encoding="utf-8") for a in anchors)
    story = project / "seeds" / "story.md"
    story.write_text(story.read_text(encoding="utf-8").replace("Talks resume in Kabul", "Peace talks resume")
                     .replace("on Monday", "on Tuesday after a delay"), encoding="utf-8")
    assert run_cli("build", "--strict", cwd=project).returncode == 0
    html = page.read_text(encoding="utf-8")
    assert "Peace talks resume" in html and all(a in html for a in anchors)
    renamed = story.read_text(encoding="utf-8").replace("id: talks-2021", "id: kabul-talks\naliases: [talks-2021]")
    story.write_text(renamed, encoding="utf-8")
    result = run_cli("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "briefings/2021/03/02/kabul-talks/index.html").is_file()
    redirect = page.read_text(encoding="utf-8")
    assert 'http-equiv="refresh" content="0; url=../kabul-talks/"' in redirect
    inventory = soi.Inventory(str(project / "site" / "objects.inv"))
    assert {o.name: o.uri for o in inventory.objects if o.role == "doc"}["talks-2021"] == (
        "briefings/2021/03/02/kabul-talks/")
    assert run_cli("link", "talks-2021", cwd=project).stdout.splitlines()[1] == "/briefings/2021/03/02/kabul-talks/"


def test_an_alias_used_twice_is_an_error(tmp_path):
    project = make_project(tmp_path, copy_data=False, seeds={
        "a.md": "---\nid: a\naliases: [old]\ndate: 2021-03-02\n---\nText one.\n",
        "b.md": "---\nid: b\naliases: [old]\ndate: 2021-03-02\n---\nText two.\n",
    })
    result = run_cli("check", cwd=project)
    assert result.returncode == 1 and "b.md:1: ID or alias 'old' is already used by a.md" in result.stderr
