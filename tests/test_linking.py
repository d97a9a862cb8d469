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

from generator.linking import Target, Targets, find
from generator.model import repeats

from conftest import make_project, run_cli, serve

BASE = "https://archive.example.org/"
SITE = "https://briefings.example.org/"  # mkdocs.yml's placeholder site_url
FLOOD_URL = "briefings/2019/03/04/wire_flood/"


def test_inventory_lists_every_briefing_and_entity(built_site):
    inventory = soi.Inventory(str(built_site / "site" / "objects.inv"))
    entries = {(o.role, o.name): o.uri for o in inventory.objects}
    manifest = json.loads((built_site / "site" / "manifest.json").read_text(encoding="utf-8"))
    for b in manifest["briefings"]:
        assert entries[("doc", b["id"])] == b["path"] and entries[("label", b["id"])] == b["path"]
    for e in manifest["entities"]:
        assert entries[("doc", e["path"].strip("/"))] == e["path"]
        assert entries[("label", e["key"])] == e["path"]


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
    assert first.link == manifest["briefings"][0]["url"] == SITE + manifest["briefings"][0]["path"]
    assert first.published.startswith("2019-07-15")
    # the summary, without the sentence its derived title was made from (the title already says it)
    summary, title = manifest["briefings"][0]["summary"], manifest["briefings"][0]["title"]
    made_from = summary[:len(summary) - len(first.summary)]
    assert summary.endswith(first.summary) and repeats(title, made_from) and not repeats(title, first.summary)
    assert 'type="application/atom+xml"' in (built_site / "site" / "index.html").read_text(encoding="utf-8")


def test_link_command(built_site):
    result = run_cli("link", "wire_flood", cwd=built_site)
    assert result.returncode == 0, result.stderr
    markdown, url, citation = result.stdout.splitlines()
    manifest = json.loads((built_site / "site" / "manifest.json").read_text(encoding="utf-8"))
    title = next(b["title"] for b in manifest["briefings"] if b["id"] == "wire_flood")
    assert title.startswith("Floods")
    assert markdown == f"[{title}]({SITE}{FLOOD_URL})"
    assert url == SITE + FLOOD_URL and citation == f'"{title}." AFP, 2019-03-04. {SITE}{FLOOD_URL}'
    assert run_cli("link", "kenyan", "traders", cwd=built_site).stdout.splitlines()[1] == (
        SITE + "briefings/2019/06/03/kenya-markets-2019-06/")
    assert run_cli("link", "somalia", cwd=built_site).stdout.splitlines()[1] == SITE + "places/somalia/"
    ambiguous = run_cli("link", "floods", cwd=built_site)  # a word of two briefings' titles
    assert ambiguous.returncode == 1
    assert "wire_flood" in ambiguous.stderr and "somalia-drought-2019-05" in ambiguous.stderr
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
    assert run_cli("link", "talks-2021", cwd=project).stdout.splitlines()[1] == (
        SITE + "briefings/2021/03/02/kabul-talks/")


def test_an_alias_used_twice_is_an_error(tmp_path):
    project = make_project(tmp_path, copy_data=False, seeds={
        "a.md": "---\nid: a\naliases: [old]\ndate: 2021-03-02\n---\nText one.\n",
        "b.md": "---\nid: b\naliases: [old]\ndate: 2021-03-02\n---\nText two.\n",
    })
    result = run_cli("check", cwd=project)
    assert result.returncode == 1 and "b.md:1: ID or alias 'old' is already used by a.md" in result.stderr


def targets(*found: Target) -> Targets:
    return Targets.of(list(found))


SYRIA = Target("syria", "Syria", "places/syria/", "place")
ISLAMIC_STATE = Target("islamic-state", "Islamic State group", "groups/islamic-state/", "group",
                       aliases=("IS", "ISIS", "Daesh"))
RAQQA = Target("raqqa", "Raqqa", "places/raqqa/", "place", aliases=("Raqa", "Ar-Raqqah"))
NEMISIS = Target("nemisis-project", "NEMISIS project", "groups/nemisis-project/", "group")
SDF = Target("syrian-democratic-forces", "Syrian Democratic Forces", "groups/syrian-democratic-forces/", "group",
             aliases=("SDF",))
STORY = Target("syria-talks", "Syria talks resume in Geneva", "briefings/2021/03/02/syria-talks/", "briefing",
               "2021-03-02", "AFP")
ARCHIVE = targets(SYRIA, ISLAMIC_STATE, RAQQA, NEMISIS, SDF, STORY)


@pytest.mark.parametrize(("query", "key"), [
    ("Daesh", "islamic-state"), ("daesh", "islamic-state"), ("Raqa", "raqqa"), ("ISIS", "islamic-state"),
    ("Syria", "syria"), ("syria-talks", "syria-talks"), ("places/raqqa", "raqqa"), ("ar raqqah", "raqqa"),
    ("geneva talks", "syria-talks"),
])
def test_find_prefers_a_whole_name_or_alias(query, key):
    assert [t.name for t in find(query, ARCHIVE)] == [key]


def test_find_never_matches_inside_a_word():
    assert NEMISIS not in find("ISIS", ARCHIVE)
    assert find("isi", ARCHIVE) == [] and find("syr", ARCHIVE) == []


def test_find_ranks_entities_before_briefings_when_words_match_several():
    found = find("syria", targets(SDF, STORY, NEMISIS))
    assert [t.name for t in found] == ["syria-talks"]  # 'Syrian' is another word
    assert [t.name for t in find("talks", targets(STORY, Target("talks", "Talks", "groups/talks/", "group")))] == [
        "talks"]  # the name itself, before a title that holds the word


def test_link_names_an_alias_and_lists_what_is_ambiguous(built_site):
    manifest = json.loads((built_site / "briefings" / "manifest.json").read_text(encoding="utf-8"))
    names = {e["name"] for e in manifest["entities"]}
    assert "Islamic State group" in names
    result = run_cli("link", "Daesh", cwd=built_site)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1] == SITE + "groups/islamic-state/"
    for query, path in (("Raqa", "places/raqqa/"), ("Syria", "places/syria/"), ("ISIS", "groups/islamic-state/")):
        result = run_cli("link", query, cwd=built_site)
        assert result.returncode == 0 and result.stdout.splitlines()[1] == SITE + path, (query, result.stderr)


def test_link_says_how_many_candidates_it_did_not_show(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from generator.cli import SHOWN, main

    briefings = [{"id": f"flood-{i:02d}", "path": f"briefings/2021/03/02/flood-{i:02d}/", "url": "",
                  "title": f"Flood report {i}", "date": "2021-03-02"} for i in range(SHOWN + 5)]
    (tmp_path / "briefings").mkdir()
    (tmp_path / "briefings" / "manifest.json").write_text(json.dumps({"briefings": briefings, "entities": []}))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["link", "flood", "report"])
    assert result.exit_code == 1
    assert f"{SHOWN + 5} matches" in result.output and "and 5 more not shown" in result.output
