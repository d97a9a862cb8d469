"""Drawn figures set aside while Python-Markdown converts a page, and put back, unchanged, after.

A briefing page's map is inline SVG (so that the theme's palettes colour it and its markers link to their
places): about 120 KB on a page whose text is 8 KB when a briefing names places on several continents.
Python-Markdown reads raw HTML with its own parser, and that took longer than the rest of the page (23 ms a
briefing page with its map, 11 ms without, measured on 200 pages of the 10,000-article synthetic archive).
The figures the renderer draws (``<svg class="briefing-...">``, never article text, which is escaped) are
replaced by a short comment before the conversion and put back in the page's HTML as MkDocs writes it
(read again from the page's Markdown file), so the page is the same bytes and Markdown never reads them.
MkDocs converts every page before it writes one: with the figures held in the converted pages, its memory
at 10,000 briefings was 6.5 GB. The site search does not index the figures' labels.
"""

from __future__ import annotations

import hashlib

OPEN = '<svg class="briefing-'
CLOSE = "</svg>"


def token(index: int, figure: str) -> str:
    digest = hashlib.blake2b(figure.encode("utf-8"), digest_size=8).hexdigest()
    return f"<!--briefing-figure:{index}:{digest}-->"


def set_aside(markdown: str) -> tuple[str, tuple[str, ...]]:
    """``markdown`` with each drawn figure replaced by a :func:`token`, and the figures in order."""
    if OPEN not in markdown:
        return markdown, ()
    parts: list[str] = []
    figures: list[str] = []
    at = 0
    while (start := markdown.find(OPEN, at)) != -1 and (end := markdown.find(CLOSE, start)) != -1:
        end += len(CLOSE)
        figure = markdown[start:end]
        parts += (markdown[at:start], token(len(figures), figure))
        figures.append(figure)
        at = end
    parts.append(markdown[at:])
    return "".join(parts), tuple(figures)


def put_back(html: str, figures: tuple[str, ...]) -> str:
    """The converted page with its figures where their tokens are."""
    for index, figure in enumerate(figures):
        html = html.replace(token(index, figure), figure, 1)
    return html
