"""A reader's view, in a real browser: Playwright driving Debian's chromium against the built site,
served on localhost. Article text may carry script; none of it may run."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import SEED, serve

SEED_PAGE = f"briefings/2017/09/21/{SEED.stem}/"

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError("chromium is required in CI: run tests/setup.sh")
    pytest.skip("Debian's chromium is not installed (tests/setup.sh installs it)", allow_module_level=True)

from playwright.sync_api import sync_playwright  # noqa: E402


@pytest.fixture(scope="module")
def site(hostile_site):
    """The hostile corpus with the good articles (conftest.hostile_site), served on localhost."""
    project, _ = hostile_site
    with serve(project / "site") as url:
        yield project / "site", url


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def reader(browser):
    """A browser tab that records every dialog an article's script might open."""
    tab = browser.new_page()
    tab.dialogs = []
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    yield tab
    tab.close()


def test_no_article_script_runs_on_any_page(site, reader):
    page = reader
    root, url = site
    pages = sorted(p.relative_to(root).parent.as_posix() for p in root.rglob("index.html"))
    assert len(pages) > 20
    redirects = [path for path in pages if 'http-equiv="refresh"' in (root / path / "index.html").read_text("utf-8")]
    for path in redirects:  # a page that sends the reader on (a merged story, a folded duplicate): no script at all
        assert "<script" not in (root / path / "index.html").read_text("utf-8")
    for path in sorted(set(pages) - set(redirects)):
        page.goto(url + ("" if path == "." else path + "/"))
        assert page.dialogs == [], f"{path}: a dialog opened"
        assert page.evaluate("typeof window.__pwned") == "undefined", f"{path}: article script ran"
    page.goto(url + "briefings/2021/03/01/h-script/")
    assert "<script>" in page.inner_text("article")  # shown as text, not run
    assert page.locator("a[href^='javascript:'], a[href^='data:'], iframe").count() == 0


def search(page, url: str, words: str):
    """Type into Material's search box key by key (it listens to key presses) and wait for results."""
    page.goto(url)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(words, delay=50)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    return results


def test_search_results_for_hostile_articles_run_nothing(site, reader):
    search(reader, site[1], "Kabul")
    reader.wait_for_timeout(500)
    assert reader.dialogs == [] and reader.evaluate("typeof window.__pwned") == "undefined"


def first_results(results, count: int = 5) -> list[str]:
    return [results.nth(i).locator("a").first.get_attribute("href") or "" for i in range(min(count, results.count()))]


@pytest.mark.parametrize("words", ["Daesh", "IS", "Islamic State"])
def test_the_group_is_the_first_result_for_its_names(site, reader, words):
    results = search(reader, site[1], words)
    reader.wait_for_timeout(300)  # let the ranking settle as the last key press is searched
    links = first_results(results)
    assert "groups/islamic-state/" in links[0], links


def test_no_request_leaves_the_site(site, reader):
    url = site[1]
    requests: list[str] = []
    reader.on("request", lambda request: requests.append(request.url))
    for path in ("", SEED_PAGE, "places/hawija/", "groups/islamic-state/", "method/", "briefings/", "map/", "tags/"):
        reader.goto(url + path)
        reader.wait_for_load_state("networkidle")
    search(reader, url, "Hawija")
    reader.wait_for_load_state("networkidle")
    assert any(r.endswith("search_index.json") for r in requests)  # the page's own assets were recorded
    outside = [r for r in requests
               if urlsplit(r).scheme not in ("data", "blob") and urlsplit(r).hostname != "127.0.0.1"]
    assert outside == []


def test_the_cite_box_has_one_heading_an_absolute_url_and_a_copy_button(site, reader):
    reader.goto(site[1] + SEED_PAGE)
    article = reader.locator("article")
    assert article.inner_text().count("Cite this briefing") == 1
    code = reader.locator("#cite ~ pre code").first
    lines = code.inner_text().strip().splitlines()
    permanent = f"https://briefings.example.org/{SEED_PAGE}"
    assert lines[0].startswith("[") and lines[0].endswith(f"]({permanent})")
    assert lines[1] == permanent and lines[2].endswith(f"AFP, 2017-09-21. {permanent}")
    assert reader.locator("#cite ~ pre button[data-md-type=copy]").count() == 1  # Material's copy button


def test_briefings_link_to_the_one_before_and_after_by_date(site, reader):
    reader.goto(site[1] + "briefings/2019/05/12/somalia-drought-2019-05/")
    around = reader.locator(".briefing-around")
    assert "Earlier" in around.inner_text() and "Later" in around.inner_text()
    around.locator("a").first.click()
    reader.wait_for_url("**/briefings/2019/03/04/wire_flood/")


def test_place_link_reaches_the_place_page_which_links_back(site, reader):
    page = reader
    _, url = site
    page.goto(url + "briefings/2019/03/04/wire_flood/")
    page.locator("#places ~ ul a", has_text="Somalia").first.click()
    page.wait_for_url("**/places/somalia/")
    assert page.locator("h1").inner_text().startswith("Somalia")
    page.locator('a[href*="wire_flood"]').first.click()  # back to the briefing, by its link
    page.wait_for_url("**/briefings/2019/03/04/wire_flood/")


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory):
    """The test articles built with the project's mkdocs.yml (lunr's search plugin listed, `pagefind: auto` by
    default) and `pagefind_above: 2`: an archive above the size, so Pagefind searches instead of lunr."""
    from conftest import make_project, run_cli

    project = make_project(tmp_path_factory.mktemp("pagefind"))
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - search:\n" in config and "pagefind:" not in config
    config = config.replace("  - briefings:\n", "  - briefings:\n      pagefind_above: 2\n")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = run_cli("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    assert (site / "pagefind" / "pagefind.js").is_file() and any((site / "pagefind" / "fragment").iterdir())
    assert not (site / "search" / "search_index.json").exists()  # no lunr index to download
    with serve(site) as url:
        yield url


def test_pagefind_search_finds_places_and_briefings_by_their_text(pagefind_site, reader):
    reader.goto(pagefind_site)
    assert reader.locator('label[for="__search"]').count() == 0  # lunr's box is gone from the header
    reader.locator(".md-tabs a", has_text="Search").first.click()  # Pagefind's page ends the navigation
    reader.wait_for_url("**/find/")
    reader.locator(".pagefind-ui__search-input").press_sequentially("Beledweyne")
    reader.wait_for_selector(".pagefind-ui__result-link", timeout=20000)
    links = reader.locator(".pagefind-ui__result-link")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert any("/places/beledweyne/" in h for h in hrefs) and any("/briefings/" in h for h in hrefs)
    assert "¶" not in links.first.inner_text()
    reader.goto(pagefind_site + hrefs[0].lstrip("/"))
    assert reader.locator("h1").first.inner_text().startswith("Beledweyne")
    assert reader.dialogs == []


SHOTS = [("places/hawija/", "place"), (SEED_PAGE, "briefing"), ("map/", "map")]


@pytest.mark.parametrize(("scheme", "width"), [("light", 1280), ("dark", 1280), ("light", 390), ("dark", 390)])
def test_maps_show_in_both_palettes_and_on_a_phone(site, browser, tmp_path, scheme, width):
    tab = browser.new_page(color_scheme=scheme, viewport={"width": width, "height": 900})
    try:
        for path, name in SHOTS:
            tab.goto(site[1] + path)
            figure = tab.locator(".briefing-map").first
            figure.scroll_into_view_if_needed()
            box = figure.bounding_box()
            assert box and 100 < box["width"] <= width and box["height"] > 50, (path, box)
            land = tab.locator(".briefing-map .map-land").first.evaluate("e => getComputedStyle(e).fill")
            page_background = tab.evaluate("getComputedStyle(document.body).backgroundColor")
            assert land != page_background  # the land shows against the page in this palette
            shot = tmp_path / f"{name}-{scheme}-{width}.png"
            tab.screenshot(path=str(shot))
            assert shot.stat().st_size > 10_000
            # The same places as text beside the map.
            assert tab.locator(".briefing-figure figcaption").first.inner_text()
    finally:
        tab.close()


def test_a_map_marker_leads_to_its_place(site, reader):
    reader.goto(site[1] + "map/")
    marker = reader.locator(".briefing-map a.map-marker", has=reader.locator("title", has_text="Hawija")).first
    href = marker.get_attribute("href")
    assert href == "../places/hawija/"
    reader.goto(site[1] + "map/" + href)
    assert reader.locator("h1").first.inner_text().startswith("Hawija")
    reader.goto(site[1] + SEED_PAGE)
    dateline = reader.locator(".briefing-map a.map-marker", has=reader.locator("title", has_text="(dateline)"))
    assert dateline.count() == 1 and dateline.get_attribute("href").endswith("/places/baghdad/")


def test_a_briefing_page_keeps_within_its_download_budget(site, browser):
    """What a reader's browser downloads to show a briefing (HTML, styles, scripts; the search index, which
    loads on first use, apart): within the budget docs/publishing.md states."""
    tab = browser.new_page()
    sizes: dict[str, int] = {}
    tab.on("response", lambda response: sizes.__setitem__(response.url, len(response.body())))
    try:
        tab.goto(site[1] + SEED_PAGE)
        tab.wait_for_load_state("networkidle")
    finally:
        tab.close()
    page = sum(n for url, n in sizes.items() if "search_index" not in url)
    html = next(n for url, n in sizes.items() if url.endswith(SEED_PAGE))
    assert html < 200_000 and page < 600_000, (html, page)
