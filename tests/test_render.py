"""Escaping: article text reaches the page as text, never as HTML, links or Markdown structure."""

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

