"""What MkDocs and Pagefind need not hold: converted pages spooled to disk, and the search copy of a page."""

from generator import setaside


def test_a_spooled_page_comes_back_once_as_it_was_put():
    spool = setaside.Spool()
    try:
        pages = {"a.md": "<p>Ḩawījah — “quoted” ✓</p>" * 50, "b.md": "", "c.md": "<p>plain</p>"}
        assert all(spool.put(page, html) == setaside.PLACEHOLDER for page, html in pages.items())
        assert len(spool) == 3
        assert spool.take("c.md") == pages["c.md"] and spool.take("a.md") == pages["a.md"]
        assert spool.take("b.md") == "" and spool.take("a.md") is None and len(spool) == 0
    finally:
        spool.close()


def test_the_search_copy_keeps_the_article_without_figures_or_excluded_sections():
    page = ('<!doctype html><html lang="fr" class="no-js"><head><title>Hawija - Archive</title>'
            '<link rel="stylesheet" href="x.css"></head><body><nav>Home Places</nav>'
            '<article class="md-content__inner"><h1 id="hawija">Hawija</h1><p>A town in Iraq.</p>'
            '<figure><svg class="briefing-map"><text>Kirkuk</text></svg></figure>'
            '<h2 data-search-exclude id="briefings">Briefings</h2><ul><li>Another page\'s title</li></ul>'
            '<h3>More of it</h3><p>also left out</p>'
            '<h2 id="about">About</h2><p>Kept.</p>'
            '<h2 data-search-exclude id="cite">Cite</h2><p>left out</p></article><footer>f</footer></body></html>')
    copy = setaside.search_copy(page)
    assert copy.startswith('<!doctype html>\n<html lang="fr" class="no-js"><head><meta charset="utf-8">'
                           '<title>Hawija - Archive</title></head><body><article class="md-content__inner">')
    assert "A town in Iraq." in copy and "<h2 id=\"about\">About</h2><p>Kept.</p></article>" in copy
    for gone in ("Kirkuk", "<svg", "Another page", "also left out", "left out</p>", "Home Places", "footer",
                 "x.css"):
        assert gone not in copy
    # A page whose whole article the search leaves out, or a page without an article, is not searched.
    assert setaside.search_copy('<html><article><h1 data-search-exclude>Year</h1><p>list</p></article>') == ""
    assert setaside.search_copy("<html><body><p>redirect</p></body></html>") == ""
