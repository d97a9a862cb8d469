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

The converted pages themselves wait on disk too (:class:`Spool`): between MkDocs' conversion of every page and
the writing of each, a page's HTML lives in one unnamed temporary file, and MkDocs holds only a short
placeholder; the HTML comes back just before the page's template is rendered (search indexes it then) and is
let go once the page is written.

Pagefind reads a page as :func:`search_copy` makes it: the page's ``<html>`` tag, title and article only, without
the drawn figures and without the sections the site search leaves out. Pagefind's memory grows with the words
it indexes (about 600 bytes a word, measured), not with the bytes of the files it reads: at 1,000 briefings it
took 821 MB over the built site and takes 309 MB over these copies.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile

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


PLACEHOLDER = "<!--briefing-content-set-aside-->"


class Spool:
    """Pages' HTML by page, in an unnamed temporary file (removed by the system when it is closed, or when the
    process ends, however it ends): :meth:`put` it and hold :data:`PLACEHOLDER` instead, :meth:`take` it back
    once."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="briefings-pages-")  # noqa: SIM115 (open for the build: close())
        self._end = 0
        self._at: dict[str, tuple[int, int]] = {}  # page -> (offset, length) of its UTF-8 bytes

    def put(self, page: str, html: str) -> str:
        data = html.encode("utf-8", "surrogatepass")
        written = 0
        while written < len(data):  # a regular file takes it whole; a signal may cut a write short
            written += os.pwrite(self._file.fileno(), data[written:], self._end + written)
        self._at[page] = (self._end, len(data))
        self._end += len(data)
        return PLACEHOLDER

    def take(self, page: str) -> str | None:
        """The HTML put for ``page`` (None if none was), which the spool then forgets."""
        found = self._at.pop(page, None)
        if found is None:
            return None
        offset, length = found
        parts = []
        while length:
            part = os.pread(self._file.fileno(), length, offset)
            if not part:
                raise OSError(f"the spooled HTML of {page} was cut short")
            parts.append(part)
            offset, length = offset + len(part), length - len(part)
        return b"".join(parts).decode("utf-8", "surrogatepass")

    def __len__(self) -> int:
        return len(self._at)

    def close(self) -> None:
        self._file.close()
        self._at.clear()


ARTICLE = "<article"
_HEADING = re.compile(r"<h([1-6])\b[^>]*>")
_TAG = re.compile(r"<[^>]*>")
_TEXT = re.compile(r"\w")


def without_excluded_sections(html: str) -> str:
    """``html`` without the sections the site search leaves out, as Material's search does: a heading marked
    ``data-search-exclude``, and what follows it up to the next heading of its level or higher (the lists of
    other pages on every entity page, the cite boxes). Pagefind's memory grows with the words it indexes
    (about 600 bytes a word, measured), and these repeat what other pages say."""
    if "data-search-exclude" not in html:
        return html
    headings = [(m.start(), int(m.group(1)), "data-search-exclude" in m.group(0)) for m in _HEADING.finditer(html)]
    closing = html.rfind("</article>") if "</article>" in html else len(html)
    cuts: list[tuple[int, int]] = []
    for index, (start, level, excluded) in enumerate(headings):
        if excluded and (not cuts or start >= cuts[-1][1]):
            cuts.append((start, next((s for s, lv, _ in headings[index + 1:] if lv <= level), closing)))
    ends = [0, *(end for _, end in cuts)]
    starts = [*(start for start, _ in cuts), len(html)]
    return "".join(html[end:start] for end, start in zip(ends, starts, strict=True))


def search_copy(html: str) -> str:
    """What Pagefind needs of a written page: its ``<html>`` tag (the language), its ``<title>`` and its
    ``<article>`` (the part it indexes), without the drawn figures. A page without an article is no page to
    search: empty."""
    start, end = html.find(ARTICLE), html.rfind("</article>")
    if start == -1 or end < start:
        return ""
    at = html.find("<html")
    opening = html[at:html.find(">", at) + 1] if at != -1 else "<html>"
    title_start, title_end = html.find("<title>"), html.find("</title>")
    title = html[title_start:title_end + len("</title>")] if -1 < title_start < title_end < start else ""
    article, _ = set_aside(html[start:end + len("</article>")])
    article = without_excluded_sections(article)
    if not _TEXT.search(_TAG.sub(" ", article)):
        return ""
    return f'<!doctype html>\n{opening}<head><meta charset="utf-8">{title}</head><body>{article}</body></html>\n'
