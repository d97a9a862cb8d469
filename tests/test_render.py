"""Escaping: article text reaches the page as text, never as HTML, links or Markdown structure."""

import dataclasses
import html as html_lib
import re

import markdown
import pytest

from generator.render import Renderer, md_escape, relative, safe_url

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "<javascript:alert(1)>",
    "![x](data:text/html;base64,PHNjcmlwdD4=)",
    "# Heading",
    "> quote",
    "- list",
    "1. list",
    "| a | b |",
    "```",
    "[ref]: http://evil.example",
    "{{ config }} {% include 'x' %}",
    "*emphasis* __strong__ `code`",
    "&lt;script&gt;",
    "<!-- comment -->",
    "{: onclick='alert(1)' }",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_as_itself(text):
    html = markdown.markdown(md_escape(text), extensions=["attr_list", "tables", "admonition", "toc"])
    assert "<script" not in html and "<img" not in html and "<a " not in html and "<h1" not in html
    assert "<blockquote" not in html and "<ul" not in html and "<ol" not in html and "<table" not in html
    assert "<em" not in html and "<strong" not in html and "<code" not in html
    assert not re.search(r"<[^>]*onclick", html)
    # What the reader sees is the original text.
    visible = html_lib.unescape(re.sub(r"<[^>]+>", "", html)).strip()
    assert visible == text


def test_links_between_generated_pages():
    assert relative("briefings/2019/03/04/x.md", "places/somalia.md") == "../../../../places/somalia.md"
    assert relative("index.md", "briefings/index.md") == "briefings/index.md"
    assert relative("places/a.md", "places/b.md") == "b.md"


def test_source_urls_cannot_break_out_of_a_link():
    url = safe_url('https://example.org/a b)<script>"x')
    assert " " not in url and ")" not in url and "<" not in url and '"' not in url


def test_code_spans_hold_any_text():
    r = Renderer.__new__(Renderer)
    assert Renderer.code(r, "a`b") == "``a`b``"
    assert Renderer.code(r, "id_1") == "`id_1`"



@pytest.mark.parametrize("name", [*HOSTILE, 'He said "no"', "back\\slash", "a: b", "- x", "#tag", "🙂 emoji", "[1, 2]"])
def test_search_keywords_are_read_back_by_yaml_as_the_same_names(name):
    import yaml

    from generator.render import search_keywords

    assert yaml.safe_load(f"tags: {search_keywords(('Islamic State group', name))}\n") == {
        "tags": ["Islamic State group", name]}


def test_search_keywords_leave_out_what_yaml_cannot_read():
    from generator.render import search_keywords

    assert search_keywords(("ok", "bell\x07", "\x85next")) == '["ok"]'


def test_citation_opens_on_a_quotation_mark_whatever_the_title():
    from generator.render import citation

    line = citation('--8<-- "mkdocs.yml"', "https://example.org/b/", "briefing", "AFP", "2021-03-02")
    assert line == '"--8<-- "mkdocs.yml"." AFP, 2021-03-02. https://example.org/b/'


def test_home_page_lists_the_most_mentioned_entities_first(gazetteer):
    from test_index import item

    from generator.index import build_archive

    a, analysis = item("a", 1, ("aleppo", "Aleppo", "place"), ("zarqa", "Zarqa", "place"))
    named = tuple(dataclasses.replace(e, mentions=9 if e.key == "zarqa" else 1) for e in analysis.entities)
    archive = build_archive([(a, dataclasses.replace(analysis, entities=named))], gazetteer)
    places = Renderer(archive).latest().split("**Places:**")[1]
    assert places.index("Zarqa") < places.index("Aleppo")


def test_each_briefing_links_the_one_before_and_after_it_by_date(gazetteer):
    from test_index import item

    from generator.index import build_archive
    from generator.render import neighbours

    archive = build_archive([item("b", 5), item("a", 1), item("c", 9), item("d", 9)], gazetteer)
    # Oldest to newest: a, b, then the two of day 9 (the archive lists "c" before "d" as the newer).
    assert neighbours(archive) == {"a": (None, "b"), "b": ("a", "d"), "d": ("b", "c"), "c": ("d", None)}


def test_a_place_links_its_region_and_the_regions_page_lists_the_places_in_it(gazetteer):
    """A city's first-level region (from GeoNames) links to the archive's page of that region when the
    archive has one: a place GeoNames does not locate, named as the region is, with or without "province";
    that page says whose region it is. A place located as a city is never taken for a region."""
    from test_index import item

    from generator.index import build_archive

    archive = build_archive([item("a", 1, ("kirkuk-province", "Kirkuk province", "place"),
                                  ("hawija", "Hawija", "place"), ("mosul", "Mosul", "place"),
                                  ("iraq", "Iraq", "place"))], gazetteer)
    renderer = Renderer(archive)
    hawija, mosul, region = (archive.entities[k] for k in ("hawija", "mosul", "kirkuk-province"))
    assert (hawija.geo.region, mosul.geo.region, region.geo) == ("Kirkuk", "Nineveh", None)
    assert "[Kirkuk province](kirkuk-province.md), **[Iraq](iraq.md)**" in renderer.entity(hawija)
    assert "Nineveh, **[Iraq](iraq.md)**" in renderer.entity(mosul)
    page = renderer.entity(region)
    assert "A first-level region of **[Iraq](iraq.md)** in GeoNames" in page and "[Hawija](hawija.md)" in page
    assert "Mosul" not in page.split("## Briefings")[0] and "Not found in GeoNames" not in page
