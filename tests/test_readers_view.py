"""What a reader gets beyond lists, in the real built site (seed + test articles): maps, timelines, an Atom
feed per entity, share cards and NewsArticle JSON-LD, tag pages."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import feedparser

from conftest import SEED, make_project, run_cli

SITE_URL = "https://briefings.example.org/"
SEED_PAGE = f"briefings/2017/09/21/{SEED.stem}/index.html"
PAGE_BUDGET = 200_000  # bytes of HTML in a briefing or place page, maps included (docs/publishing.md)


class Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.links: list[dict[str, str]] = []
        self.jsonld: list[str] = []
        self.times: list[str] = []
        self._in_jsonld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "meta" and ("property" in found or "name" in found):
            self.meta[found.get("property") or found["name"]] = found.get("content", "")
        elif tag == "link":
            self.links.append(found)
        elif tag == "script" and found.get("type") == "application/ld+json":
            self._in_jsonld = True
        elif tag == "time":
            self.times.append(found.get("datetime", ""))

    def handle_data(self, data: str) -> None:
        if self._in_jsonld:
            self.jsonld.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_jsonld = False


def head(path: Path) -> Head:
    parsed = Head()
    parsed.feed(path.read_text(encoding="utf-8"))
    return parsed


def test_hawija_is_on_a_map_of_iraq(built_site):
    page = (built_site / "site" / "places" / "hawija" / "index.html").read_text(encoding="utf-8")
    manifest = json.loads((built_site / "site" / "manifest.json").read_text(encoding="utf-8"))
    hawija = next(e for e in manifest["entities"] if e["key"] == "hawija")
    assert hawija["geonames"]["country"] == "Iraq" and hawija["geonames"]["id"] == 390188
    start = page.index('<svg class="briefing-map"')
    svg = page[start:page.index("</svg>", start)]
    assert re.search(r'<path class="map-focus" d="[^"]+"><title>Iraq</title>', svg)
    assert 'class="map-dateline"' in svg and "<title>Hawija</title>" in svg  # the place, ringed
    assert 'href="../iraq/"' in page  # the country, linked
    assert len(page.encode()) < PAGE_BUDGET


def test_the_seeds_briefing_maps_its_places_with_the_dateline_marked(built_site):
    page = (built_site / "site" / SEED_PAGE).read_text(encoding="utf-8")
    start = page.index('<svg class="briefing-map"')
    svg = page[start:page.index("</svg>", start)]
    assert "<title>Baghdad (dateline)</title>" in svg and ">Baghdad</text>" in svg
    for place in ("Hawija", "Mosul", "Kirkuk", "Raqqa"):
        assert f"<title>{place}</title>" in svg
    assert 'href="../../../../../places/hawija/"' in svg
    assert "Places in this briefing:" in page and "Baghdad (dateline)" in page  # the same places as text
    assert len(page.encode()) < PAGE_BUDGET


def test_the_map_page_lists_every_place(built_site):
    site = built_site / "site"
    page = (site / "map" / "index.html").read_text(encoding="utf-8")
    manifest = json.loads((site / "manifest.json").read_text(encoding="utf-8"))
    places = [e for e in manifest["entities"] if e["kind"] == "place"]
    listed = page[page.index('id="places"'):]
    for e in places:
        assert f'href="../{e["path"]}"' in listed, e["key"]
        if e.get("geonames", {}).get("latitude") is not None:
            assert f'href="../{e["path"]}"' in page[:page.index('id="places"')], e["key"]  # a dot on the map


def test_every_entity_has_a_timeline_chart_and_an_atom_feed_with_absolute_links(built_site):
    site = built_site / "site"
    manifest = json.loads((site / "manifest.json").read_text(encoding="utf-8"))
    for e in manifest["entities"]:
        page = site / e["path"] / "index.html"
        assert 'class="briefing-chart"' in page.read_text(encoding="utf-8"), e["key"]
        feed = feedparser.parse((site / e["path"] / "feed.xml").read_bytes())
        assert not feed.bozo, (e["key"], feed.bozo_exception)
        assert feed.feed.title.endswith(e["name"]) and e["feed"] == SITE_URL + e["path"] + "feed.xml"
        assert [entry.link for entry in feed.entries] == [
            SITE_URL + b["path"] for b in manifest["briefings"] if b["id"] in e["briefings"]][:20]
        assert any(link.get("href") == "feed.xml" and link.get("type") == "application/atom+xml"
                   for link in head(page).links), e["key"]


def test_briefings_carry_share_cards_and_news_article_json_ld(built_site):
    site = built_site / "site"
    manifest = json.loads((site / "manifest.json").read_text(encoding="utf-8"))
    for b in manifest["briefings"]:
        parsed = head(site / b["path"] / "index.html")
        assert parsed.meta["og:type"] == "article" and parsed.meta["og:url"] == b["url"]
        assert parsed.meta["og:title"] == b["title"] and parsed.meta["twitter:card"] == "summary"
        assert parsed.meta["description"] == parsed.meta["og:description"] == b["summary"]
        assert parsed.times and parsed.times[0] == b["date"]
        (text,) = parsed.jsonld
        data = json.loads(text)
        assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
        assert data["headline"] == b["title"] and data["datePublished"] == b["date"] and data["url"] == b["url"]
        assert data["about"] and all(thing["@type"] in ("Person", "Place", "Organization") for thing in data["about"])
    seed = json.loads(head(site / SEED_PAGE).jsonld[0])
    hawija = next(thing for thing in seed["about"] if thing["name"] == "Hawija")
    assert hawija["@type"] == "Place" and hawija["sameAs"] == "https://sws.geonames.org/390188/"


def test_front_matter_tags_become_tag_pages_linked_from_the_briefing(built_site):
    site = built_site / "site"
    page = (site / "briefings/2019/05/12/somalia-drought-2019-05/index.html").read_text(encoding="utf-8")
    assert 'href="../../../../../tags/#tag:drought"' in page
    tags = (site / "tags" / "index.html").read_text(encoding="utf-8")
    assert 'id="tag:drought"' in tags and "somalia-drought-2019-05" in tags


def test_the_home_page_charts_the_archives_volume(built_site):
    page = (built_site / "site" / "index.html").read_text(encoding="utf-8")
    assert 'aria-label="Briefings over time"' in page


KABUL = "---\nid: talks-2021\ntitle: Talks resume in Kabul\ndate: 2021-03-02\nsource: AFP\n---\n\n" \
        "Officials in Kabul said talks with the Taliban would resume on Monday in Afghanistan.\n"


def with_tiles(project: Path, url: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      out: briefings\n" in text
    config.write_text(text.replace("      out: briefings\n", f"      out: briefings\n      map_tiles: '{url}'\n"
                                   "      map_attribution: '© Example Tiles'\n"), encoding="utf-8")


def test_an_owners_tile_server_lies_under_the_maps(tmp_path):
    project = make_project(tmp_path, {"talks.md": KABUL}, copy_data=False)
    with_tiles(project, "https://tiles.example.org/{z}/{x}/{y}.png")
    result = run_cli("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    page = (project / "site" / "places" / "kabul" / "index.html").read_text(encoding="utf-8")
    assert '<svg class="briefing-map map-tiled"' in page and "© Example Tiles" in page
    assert re.search(r'<image class="map-tile" href="https://tiles\.example\.org/\d+/\d+/\d+\.png"', page)


def test_a_wrong_tile_server_fails_before_anything_is_built(tmp_path):
    project = make_project(tmp_path, {"talks.md": KABUL}, copy_data=False)
    with_tiles(project, "https://tiles.example.org/{z}/{x}.png")
    result = run_cli("build", cwd=project)
    assert result.returncode == 1
    assert "map_tiles must hold {y}" in result.stderr and "mkdocs.yml" in result.stderr
    assert not (project / "briefings").exists()
