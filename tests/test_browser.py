"""A reader's view, in a real browser: Playwright driving Debian's chromium against the built site,
served on localhost. Article text may carry script; none of it may run."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import serve

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
    for path in pages:
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


def test_searching_an_alias_finds_the_group_page(site, reader):
    results = search(reader, site[1], "Daesh")
    links = [results.nth(i).locator("a").first.get_attribute("href") for i in range(results.count())]
    assert any("groups/islamic-state/" in (href or "") for href in links), links


def test_place_link_reaches_the_place_page_which_links_back(site, reader):
    page = reader
    _, url = site
    page.goto(url + "briefings/2019/03/04/wire_flood/")
    page.locator("#places ~ ul a", has_text="Somalia").first.click()
    page.wait_for_url("**/places/somalia/")
    assert page.locator("h1").inner_text().startswith("Somalia")
    page.locator("a", has_text="Floods along the Shabelle river").first.click()
    page.wait_for_url("**/briefings/2019/03/04/wire_flood/")
