"""Maps and timelines drawn at build time (no model): the outlines, clipping, projection and escaping."""

import math
import re

from generator import charts, maps


def test_the_outlines_hold_the_worlds_countries():
    countries = maps.countries()
    assert len(countries) > 200
    iraq = maps.country_of("Iraq")
    assert iraq is not None and iraq.name == "Iraq"
    west, south, east, north = iraq.main
    assert 38 < west < 40 and 48 < east < 49 and 29 < south < 30 and 37 < north < 38


def test_a_ring_is_cut_to_the_frame():
    square = ((0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0))
    inside = maps.clip(square, (5.0, 5.0, 20.0, 20.0))
    assert set(inside) == {(5.0, 5.0), (10.0, 5.0), (10.0, 10.0), (5.0, 10.0)}
    assert maps.clip(square, (20.0, 20.0, 30.0, 30.0)) == []


def test_a_ring_across_the_antimeridian_is_drawn_on_both_sides():
    ring = ((179.0, -16.0), (-179.0, -16.0), (-179.0, -17.0), (179.0, -17.0))
    east, west = maps.unwrapped(ring)
    assert max(lon for lon, _ in east) == 181.0 and min(lon for lon, _ in west) == -181.0


def test_a_map_escapes_names_and_links_its_markers():
    hostile = '<script>alert(1)</script>"'
    marker = maps.Marker(35.3, 43.8, hostile, "../hawija/", ringed=True, note="dateline")
    svg = maps.draw(maps.around([(43.8, 35.3)]), [marker], {"368"}, label=hostile)
    assert "<script" not in svg and 'href="../hawija/"' in svg
    assert '<path class="map-focus"' in svg and "<title>Iraq</title>" in svg
    assert "(dateline)" in svg and 'class="map-dateline"' in svg
    assert len(svg) < 60_000  # a regional map stays small


def test_hrefs_between_generated_pages_follow_directory_urls():
    assert maps.href("briefings/2017/09/21/x.md", "places/hawija/") == "../../../../../places/hawija/"
    assert maps.href("map.md", "places/hawija/") == "../places/hawija/"
    assert maps.href("places/hawija.md", "places/hawija/") == "./"


def test_a_timeline_names_its_first_last_and_highest_period():
    svg = charts.bars([("2017-01", 1), ("2017-02", 0), ("2017-03", 5), ("2017-04", 2)], "Mentions <b>")
    assert svg.count("<rect") == 4 and "<b>" not in svg
    labels = re.findall(r'class="chart-label"[^>]*>([^<]+)<', svg)
    assert labels == ["2017-01", "2017-03", "2017-04"]
    assert "2017-03: 5 mentions" in svg
    assert charts.months_between("2016-11", "2017-02") == ["2016-11", "2016-12", "2017-01", "2017-02"]


def test_with_a_tile_server_the_map_lies_over_the_tile_that_holds_each_place():
    tiles = maps.Tiles("https://tiles.example.org/{z}/{x}/{y}.png?a=1&b=2", "© Tile <Makers>")
    hawija = maps.Marker(35.32, 43.76, "Hawija", "./", ringed=True)
    svg = maps.draw(maps.around([(43.76, 35.32)]), [hawija], {"368"}, "Map", tiles=tiles)
    assert 'class="briefing-map map-tiled"' in svg and "&amp;b=2" in svg and "&lt;Makers&gt;" in svg
    images = re.findall(r'<image class="map-tile" href="([^"]+)" x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)"', svg)
    assert 2 <= len(images) <= 64
    zoom = int(images[0][0].split("/")[3])
    # Web Mercator's tile of Hawija at this zoom, by the slippy-map formula
    n = 2**zoom
    tile_x = int((43.76 + 180) / 360 * n)
    tile_y = int((1 - math.asinh(math.tan(math.radians(35.32))) / math.pi) / 2 * n)
    cx, cy = (float(v) for v in re.search(r'class="map-dot" cx="([\d.]+)" cy="([\d.]+)"', svg).groups())
    held = [(url, float(x), float(y), float(w)) for url, x, y, w in images
            if float(x) <= cx < float(x) + float(w) and float(y) <= cy < float(y) + float(w)]
    assert len(held) == 1 and held[0][0].startswith(f"https://tiles.example.org/{zoom}/{tile_x}/{tile_y}.png")


def test_a_tile_server_must_be_a_url_with_its_three_parts():
    assert maps.Tiles.problem("https://tile.openstreetmap.org/{z}/{x}/{y}.png") is None
    assert "http(s)" in maps.Tiles.problem("javascript:alert(1)//{z}{x}{y}")
    assert "{y}" in maps.Tiles.problem("https://tiles.example.org/{z}/{x}.png")
    assert "<image" not in maps.draw(maps.around([(43.8, 35.3)]), [], {"368"})  # no tiles by default


def test_drawn_figures_skip_markdown_and_come_back_as_they_were():
    import markdown

    from generator import setaside

    drawn = maps.draw(maps.around([(43.8, 35.3)]), [maps.Marker(35.3, 43.8, "Hawija", "../hawija/")], {"368"},
                      label="Map")
    timeline = charts.bars([("2017-09", 1), ("2017-10", 3)], "Briefings by month")
    page = (f"# A *page*\n\n<figure>{drawn}<figcaption>Places</figcaption></figure>\n\nText with *emphasis*.\n\n"
            f"<figure>{timeline}</figure>\n\nThe end.\n")
    converted_whole = markdown.markdown(page)
    text, figures = setaside.set_aside(page)
    assert figures == (drawn, timeline) and "<svg" not in text and "*page*" in text
    assert setaside.put_back(markdown.markdown(text), figures) == converted_whole
    assert setaside.set_aside("no figure here") == ("no figure here", ())
