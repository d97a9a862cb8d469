"""End to end: the real CLI, the real model and a real `mkdocs build --strict` into a temporary folder."""

import html as html_module
import json
import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from conftest import make_project, run_cli

BRIEFING = "briefings/2019/03/04/wire_flood/index.html"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("a", "link") and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        if attrs.get("id"):
            self.ids.add(attrs["id"])


def parse(path: Path) -> Links:
    links = Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def test_pages_exist(built_site):
    site = built_site / "site"
    for page in (BRIEFING, "briefings/2019/05/12/somalia-drought-2019-05/index.html", "places/somalia/index.html",
                 "groups/al-shabaab/index.html", "people/hassan-ali-khaire/index.html", "places/index.html",
                 "groups/index.html", "people/index.html", "briefings/index.html", "index.html",
                 "method/index.html", "manifest.json"):
        assert (site / page).is_file(), page


def test_briefing_page_has_every_section(built_site):
    html = (built_site / "site" / BRIEFING).read_text(encoding="utf-8")
    ids = parse(built_site / "site" / BRIEFING).ids
    for anchor in ("summary", "key-points", "entities", "people", "places", "groups", "related", "full-text",
                   "source", "cite"):
        assert anchor in ids, anchor
    assert "Floods along the Shabelle river" in html
    assert "AFP Photo/MARTA OKAFOR" in html  # the credit, shown as metadata
    assert 'href="../../../../../places/somalia/"' in html
    assert 'href="../../../../../groups/al-shabaab/"' in html
    assert "/briefings/2019/03/04/wire_flood/" in html  # the permanent URL in the cite box


def test_related_briefings_link_each_other(built_site):
    html = (built_site / "site" / BRIEFING).read_text(encoding="utf-8")
    assert 'href="../../../05/12/somalia-drought-2019-05/"' in html


def test_every_internal_link_resolves(built_site):
    site = built_site / "site"
    checked = 0
    for page in site.rglob("*.html"):
        if page.name == "404.html":
            continue  # served at any depth, so Material links its assets from the site root
        base = page.relative_to(site).parent.as_posix()
        for href in parse(page).hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("#", "mailto:")):
                continue
            target = posixpath.normpath(posixpath.join(base, parts.path))
            path = site / target
            if path.is_dir() or parts.path.endswith("/"):
                path = path / "index.html"
            assert path.exists(), f"{page.relative_to(site)} links to missing {href}"
            if parts.fragment and path.suffix == ".html":
                assert parts.fragment in parse(path).ids, f"{page.relative_to(site)}: no #{parts.fragment} in {href}"
            checked += 1
    assert checked > 100


def test_manifest_follows_the_schema(built_site):
    manifest = json.loads((built_site / "site" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest == json.loads((built_site / "briefings" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["version"] == 1
    assert [b["id"] for b in manifest["briefings"]] == [
        "ethiopia-dam-2019-07", "kenya-markets-2019-06", "somalia-drought-2019-05", "wire_flood",
        "000_e3cfbe08a7571c72"]
    keys = {e["key"] for e in manifest["entities"]}
    ids = {b["id"] for b in manifest["briefings"]}
    for b in manifest["briefings"]:
        assert set(b) >= {"id", "url", "title", "date", "source", "dateline", "summary", "entities", "related"}
        assert b["path"] == f"briefings/{b['date'].replace('-', '/')}/{b['id']}/"
        assert b["url"] == "https://briefings.example.org/" + b["path"]  # absolute, from site_url
        assert (built_site / "site" / b["path"] / "index.html").is_file()
        assert set(b["related"]) <= ids - {b["id"]}
        for e in b["entities"]:
            assert set(e) == {"key", "name", "kind", "aliases", "mentions"}
            assert e["kind"] in ("person", "place", "group") and e["key"] in keys and e["mentions"] >= 1
    for e in manifest["entities"]:
        assert set(e) - {"geonames"} == {"key", "name", "kind", "aliases", "url", "path", "feed", "briefings"}
        assert (built_site / "site" / e["path"] / "index.html").is_file()
        assert e["feed"] == e["url"] + "feed.xml" and (built_site / "site" / e["path"] / "feed.xml").is_file()
        assert set(e["briefings"]) <= ids


def test_search_index_holds_briefings_entities_and_aliases(built_site):
    index = json.loads((built_site / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = {d["location"]: d for d in index["docs"]}
    assert "briefings/2019/03/04/wire_flood/" in docs
    assert "places/somalia/" in docs and "groups/al-shabaab/" in docs
    ocha = next(loc for loc in docs if loc.startswith("groups/office-for-the-coordination"))
    assert "OCHA" in docs[ocha]["text"]
    assert "briefings/2019/03/04/wire_flood/#full-text" in docs


def test_search_index_leaves_out_lists_of_other_pages(built_site):
    """An entity page is found by its name and aliases, not by the titles of the briefings it lists (they
    are found on their own pages); related briefings, sources and citation blocks are not searched either."""
    index = json.loads((built_site / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    anchors = {d["location"].partition("#")[2] for d in index["docs"]}
    assert not anchors & {"briefings", "appears-with", "timeline", "cite", "related", "source"}
    html = (built_site / "site" / "places" / "somalia" / "index.html").read_text(encoding="utf-8")
    assert 'id="briefings"' in html and 'data-search-exclude' in html


def test_home_page_lists_the_latest_briefings(built_site):
    html = (built_site / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="briefings/2019/07/15/ethiopia-dam-2019-07/"' in html
    assert "What the archive covers" in html


def test_same_seeds_same_bytes(built_site, tmp_path):
    def snapshot(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    before = snapshot(built_site / "briefings")
    result = run_cli("build", "--no-site", cwd=built_site)
    assert result.returncode == 0, result.stderr
    assert "0 files written" in result.stdout
    assert snapshot(built_site / "briefings") == before
    other = run_cli("build", "--no-site", "--out", str(tmp_path / "other"), cwd=built_site)
    assert other.returncode == 0, other.stderr
    assert snapshot(tmp_path / "other") == before


def test_bad_article_is_reported_and_the_rest_is_built(tmp_path):
    project = make_project(tmp_path, {"broken.md": "---\ntitle: [unclosed\ndate: 2020-01-01\n---\nBody.\n",
                                      "nodate.txt": "A lead with no date line.\n"})
    lenient = run_cli("build", cwd=project)
    assert lenient.returncode == 0, lenient.stderr
    assert "broken.md:2: front matter is not valid YAML" in lenient.stderr
    assert "nodate.txt:1: wire text without a date line" in lenient.stderr
    assert (project / "site" / BRIEFING).is_file()
    strict = run_cli("build", "--strict", cwd=project)
    assert strict.returncode == 1
    assert (project / "site" / BRIEFING).is_file()
    check = run_cli("check", cwd=project)
    assert check.returncode == 1 and "2 problem(s) found" in check.stderr
    assert "broken.md:2" in check.stderr


def test_check_passes_on_good_seeds_and_writes_nothing(tmp_path):
    project = make_project(tmp_path)
    result = run_cli("check", cwd=project)
    assert result.returncode == 0, result.stderr
    assert not (project / "briefings").exists() and not (project / "site").exists()


def test_user_mistakes_are_one_line_errors(tmp_path):
    result = run_cli("build", "--seeds", "missing", cwd=make_project(tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "does not exist" in result.stderr


def test_place_pages_show_country_and_coordinates(built_site):
    html = (built_site / "site" / "places" / "beledweyne" / "index.html").read_text(encoding="utf-8")
    assert "Somalia" in html and "4.74° N, 45.20° E" in html and "https://www.geonames.org/64460" in html
    manifest = json.loads((built_site / "site" / "manifest.json").read_text(encoding="utf-8"))
    somalia = next(e for e in manifest["entities"] if e["key"] == "somalia")
    assert somalia["geonames"]["country"] == "Somalia"


def test_drawn_figures_are_back_in_the_written_pages_and_not_in_the_search_index(built_site):
    # The plugin sets the maps aside while MkDocs converts and holds every page, and puts them back in each
    # page's HTML as it is written, from its Markdown file: the same SVG as generated, no token left behind.
    site = built_site / "site"
    markdown = (built_site / "briefings" / "briefings" / "2019" / "03" / "04" / "wire_flood.md").read_text(
        encoding="utf-8")
    html = (site / BRIEFING).read_text(encoding="utf-8")
    from generator import setaside

    figures = setaside.set_aside(markdown)[1]
    assert figures and all(figure in html for figure in figures)
    assert not [p for p in site.rglob("*.html") if "briefing-figure:" in p.read_text(encoding="utf-8")]
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "<svg" not in index and "briefing-figure" not in index
    # Each converted page waited on disk until it was written: it came back whole, before the search read it.
    assert not [p for p in site.rglob("*.html") if setaside.PLACEHOLDER in p.read_text(encoding="utf-8")]
    assert setaside.PLACEHOLDER not in index
    briefings = json.loads((site / "manifest.json").read_text(encoding="utf-8"))["briefings"]
    summary = next(b["summary"] for b in briefings if b["id"] == "wire_flood")
    assert html_module.escape(summary[:30], quote=False) in html and summary[:30] in index
