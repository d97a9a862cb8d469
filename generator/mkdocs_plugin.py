"""The MkDocs plugin: wires the generator into MkDocs events. No analysis logic lives here.

* ``on_config``: generate ``briefings/`` from ``seeds/`` (bad seeds are logged as warnings, so
  ``mkdocs build --strict`` fails on them after building the rest), and point the snippets extension at
  the generated folder for the home page's latest briefings;
* ``on_files``: add every generated page (and ``manifest.json``) to the site beside ``docs/``;
* ``on_page_markdown`` and ``on_post_page``: drawn figures (the maps' inline SVG) skip Python-Markdown and
  are not held in memory while MkDocs holds every converted page: they go back into each page's HTML as it
  is written, read again from its Markdown file (:mod:`generator.setaside`);
* ``on_page_content``, ``on_page_context`` and ``on_post_page``: MkDocs converts every page before it writes
  one; each converted page waits on disk (:class:`generator.setaside.Spool`), comes back just before its
  template (and the search index) reads it, and is let go once written, so that MkDocs' memory does not
  grow with the archive's pages;
* ``on_serve``: ``mkdocs serve`` rebuilds when a seed or gazetteer file changes;
* with ``pagefind: true``, or ``auto`` (the default) and an archive of more than :data:`PAGEFIND_ABOVE`
  briefings, ``on_files`` switches Material's lunr search off and adds a search page (``find/``, in the
  navigation), and ``on_post_build`` indexes the built site with Pagefind, whose index is split into
  fragments a browser fetches per query (lunr's single index grows with the archive and is downloaded whole
  before search works). Pagefind reads a slim copy of each page as it is written (its article, without the
  drawn figures: :func:`generator.setaside.search_copy`), not the site's files.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from generator import maps, setaside
from generator.build import BuildOptions, BuildReport, generate
from generator.errors import BriefingError
from generator.nlp.analyse import AnalysisOptions
from generator.nlp.pipeline import DEFAULT_MODEL
from generator.progress import for_terminal
from generator.reader import DEFAULT_MAX_BYTES
from generator.render import SITE_URL_UNSET, SiteOptions
from generator.writer import MARKER

log = logging.getLogger("mkdocs.plugins.briefings")

FIND_PAGE = "find.md"
LISTING = "<!-- material/tags"  # a page Material's tags plugin lists tags on
# `pagefind: auto` searches with Pagefind above this many briefings. Lunr's one index is fetched whole before
# the first result: 6-14 KB a briefing (benchmarks/scale.py), so 3-7 MB at 500 briefings and 60-140 MB at
# 10,000. Pagefind's first fetch is its own files, one index chunk and a fragment per result: 0.7 MB at any
# size. Below it lunr stays: its search box in the header answers as one types, on every page.
PAGEFIND_ABOVE = 500
# The search page of `pagefind: true`: Pagefind's own interface, loaded from the bundle it writes.
FIND_CONTENT = """# Search the archive

Search every briefing, place, group and person. The index is fetched a piece at a time, as you type.

<link href="../pagefind/pagefind-ui.css" rel="stylesheet">
<div id="pagefind-search"></div>
<script src="../pagefind/pagefind-ui.js"></script>
<script>
  new PagefindUI({ element: "#pagefind-search", showSubResults: true, showImages: false });
</script>
"""


class TileURL(c.Type):
    """``map_tiles``: empty (no tiles, the default) or a URL with {z}, {x} and {y}; checked when mkdocs.yml
    is loaded, so a wrong one fails before anything is built."""

    def __init__(self) -> None:
        super().__init__(str, default="")

    def run_validation(self, value: object) -> str:
        url = super().run_validation(value)
        if url and (problem := maps.Tiles.problem(url)):
            raise base.ValidationError(problem)
        return url


class BriefingsConfig(base.Config):
    seeds = c.Type(str, default="seeds")
    out = c.Type(str, default="briefings")
    model = c.Type(str, default=DEFAULT_MODEL)
    gazetteer = c.ListOfItems(c.Type(str), default=[])
    summary_sentences = c.Type(int, default=AnalysisOptions.summary_sentences)
    summary_words = c.Type(int, default=AnalysisOptions.summary_words)
    key_points = c.Type(int, default=AnalysisOptions.key_points)
    max_bytes = c.Type(int, default=DEFAULT_MAX_BYTES)
    jobs = c.Type(int, default=0)  # 0: the machine's cores
    scheduler = c.Type(str, default="")  # a Dask cluster for the analysis: tcp://host:8786 or local:N
    records = c.Type(str, default="")  # an fsspec URL or folder the records live in, else <out>/_records
    generate = c.Type(bool, default=True)
    # Search with Pagefind (a page at find/) instead of lunr: true, false, or auto (above PAGEFIND_ABOVE briefings)
    pagefind = c.Choice(("auto", True, False), default="auto")
    pagefind_above = c.Type(int, default=PAGEFIND_ABOVE)  # briefings above which `auto` means Pagefind
    map_tiles = TileURL()  # a tile server under the maps, https://.../{z}/{x}/{y}.png (off)
    map_attribution = c.Type(str, default="")  # the credit the tile server's terms ask for


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    report: BuildReport | None = None
    # Set by `briefings build`, which generates before MkDocs runs: what it generated, and where.
    override: BuildOptions | None = None
    command: str = "build"
    pagefind: bool = False  # this build searches with Pagefind (decided in on_files)
    set_aside: set[str]  # the pages whose drawn figures are set aside until their HTML is written
    spool: setaside.Spool | None = None  # converted pages waiting to be written
    search_copy: Path | None = None  # with Pagefind: what it reads of each written page (setaside.search_copy)
    listings: set[str]  # pages with a tags listing, which the tags plugin fills in after the conversion

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def site_url(self, config: MkDocsConfig) -> str:
        """``site_url`` as mkdocs.yml sets it. `mkdocs serve` replaces it with its own address
        (http://127.0.0.1:8000/), which must never reach a permanent URL: read it from the file again."""
        if self.command != "serve" or not config.config_file_path:
            return config.site_url or ""
        from mkdocs.utils.yaml import yaml_load

        with open(config.config_file_path, "rb") as handle:
            return str((yaml_load(handle) or {}).get("site_url") or "")

    def path(self, config: MkDocsConfig, value: str) -> Path:
        return (Path(config.config_file_path or ".").parent / value).resolve()

    def options(self, config: MkDocsConfig) -> BuildOptions:
        cfg = self.config
        return BuildOptions(
            seeds=self.path(config, cfg.seeds),
            out=self.path(config, cfg.out),
            gazetteers=tuple(self.path(config, g) for g in cfg.gazetteer),
            analysis=AnalysisOptions(
                model=cfg.model,
                summary_sentences=cfg.summary_sentences,
                summary_words=cfg.summary_words,
                key_points=cfg.key_points,
                jobs=cfg.jobs or os.cpu_count() or 1,
                scheduler=cfg.scheduler,
            ),
            site=SiteOptions(site_url=self.site_url(config), site_name=config.site_name,
                             map_tiles=cfg.map_tiles, map_attribution=cfg.map_attribution),
            max_bytes=cfg.max_bytes,
            records=cfg.records if "://" in cfg.records or not cfg.records else str(self.path(config, cfg.records)),
        )

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.set_aside, self.listings = set(), set()
        self.close_spool()
        self.spool = setaside.Spool()
        options = self.override or self.options(config)
        if not options.site.site_url:
            log.warning(SITE_URL_UNSET)  # once a build: `--strict` fails on it
        if self.config.generate and self.override is None:  # `mkdocs build` or `serve`: generate first
            try:
                self.report = generate(options, progress=for_terminal(log))
            except BriefingError as error:
                raise PluginError(str(error)) from None
            for problem in self.report.problems:
                log.warning("%s (skipped; the rest of the archive is built)", problem)
            for notice in self.report.notices:
                log.info("note: %s", notice)
            log.info(
                "briefings: %d articles (%d analysed, %d from records, %d kept), %d entities; "
                "%d files written, %d removed, %d problems",
                self.report.articles, self.report.analysed, self.report.reused, len(self.report.kept),
                self.report.entities, len(self.report.written.written), len(self.report.written.removed),
                len(self.report.problems),
            )
        if "pymdownx.snippets" in config.markdown_extensions:
            snippets = config.mdx_configs.setdefault("pymdownx.snippets", {})
            snippets["base_path"] = [str(options.out)]
            snippets.setdefault("check_paths", True)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        out = (self.override or self.options(config)).out
        if not out.is_dir():
            raise PluginError(f"generated folder {out} does not exist: run `briefings build` first")
        for path in sorted(out.rglob("*")):
            relative = path.relative_to(out).as_posix()
            if not path.is_file() or relative == MARKER or any(
                part.startswith((".", "_")) for part in Path(relative).parts
            ):
                continue
            if files.get_file_from_path(relative) is not None:
                raise PluginError(f"{relative} exists both in docs/ and in the generated {out.name}/: rename one")
            files.append(File(relative, str(out), config.site_dir, config.use_directory_urls))
        self.pagefind = self.search_with_pagefind(out)
        if self.pagefind:
            if files.get_file_from_path(FIND_PAGE) is not None:
                raise PluginError(f"{FIND_PAGE} exists in docs/, and Pagefind's search makes its own: rename it")
            files.append(File.generated(config, FIND_PAGE, content=FIND_CONTENT))
            self.search_copy = Path(tempfile.mkdtemp(prefix="briefings-search-"))
            lunr = config.plugins.get("material/search") or config.plugins.get("search")
            if lunr is not None and hasattr(lunr.config, "enabled"):
                lunr.config.enabled = False  # its later events do nothing, and the header hides its box
        return files

    def search_with_pagefind(self, out: Path) -> bool:
        """``pagefind: true`` or ``false`` as set; ``auto``: above ``pagefind_above`` briefings (counted in the
        manifest; :data:`PAGEFIND_ABOVE` unless set), when Pagefind is installed."""
        if self.config.pagefind in (True, False):
            return bool(self.config.pagefind)
        try:
            count = len(json.loads((out / "manifest.json").read_text(encoding="utf-8"))["briefings"])
        except (OSError, ValueError, KeyError, TypeError):
            count = 0
        if count <= self.config.pagefind_above:
            return False
        if importlib.util.find_spec("pagefind") is None:
            log.warning("briefings: %d briefings make lunr's search index large (it is fetched whole): install "
                        "Pagefind (pip install 'pagefind[extended]') and it is used instead", count)
            return False
        log.info("briefings: %d briefings (more than %d): searching with Pagefind at find/ instead of lunr",
                 count, self.config.pagefind_above)
        return True

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if LISTING in markdown:
            self.listings.add(page.file.src_uri)
        if page.file.abs_src_path is None:  # a page made in memory: nothing to read its figures back from
            return markdown
        markdown, figures = setaside.set_aside(markdown)
        if figures:
            self.set_aside.add(page.file.src_uri)
        return markdown

    @event_priority(-100)  # after every other plugin's
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The converted page waits on disk until it is written (its Markdown is not needed again)."""
        if self.spool is None or page.file.src_uri in self.listings:
            return html
        page.markdown = ""  # not None: MkDocs reads that as a page not yet read (and gives it no title)
        return self.spool.put(page.file.src_uri, html)

    @event_priority(100)  # before every other plugin's: the search index reads the page's HTML here
    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        if self.spool is not None and (html := self.spool.take(page.file.src_uri)) is not None:
            page.content = html
        return context

    @event_priority(-100)  # after every other plugin's
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """The page's figures back in its HTML, read again from its Markdown file: MkDocs converts every page
        before it writes one, and holding the figures until then took most of its memory. The page's HTML is
        then let go: MkDocs would hold every written page's until the build ends."""
        if self.spool is not None and page.file.src_uri not in self.listings:
            page.content = None
        if self.search_copy is not None and (copy := setaside.search_copy(output)):
            target = self.search_copy / page.file.dest_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(copy, encoding="utf-8", errors="xmlcharrefreplace")
        if page.file.src_uri not in self.set_aside or page.file.abs_src_path is None:
            return output
        self.set_aside.discard(page.file.src_uri)
        source = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
        return setaside.put_back(output, setaside.set_aside(source)[1])

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """With Pagefind, its search page ends the navigation (unless mkdocs.yml places it)."""
        found = files.get_file_from_path(FIND_PAGE)
        if self.pagefind and found is not None and found.page is not None and found.page not in nav.pages:
            found.page.title = "Search"
            nav.items.append(found.page)
            nav.pages.append(found.page)
        return nav

    def close_spool(self) -> None:
        if self.spool is not None:
            self.spool.close()
            self.spool = None

    def remove_search_copy(self) -> None:
        if self.search_copy is not None:
            shutil.rmtree(self.search_copy, ignore_errors=True)
            self.search_copy = None

    def on_build_error(self, *, error: Exception) -> None:
        self.close_spool()
        self.remove_search_copy()

    def on_post_build(self, config: MkDocsConfig) -> None:
        self.close_spool()
        if not self.pagefind or self.search_copy is None:
            return
        command = [sys.executable, "-m", "pagefind", "--site", str(self.search_copy), "--output-path",
                   str(Path(config.site_dir) / "pagefind"), "--root-selector", "article.md-content__inner",
                   "--exclude-selectors", ".headerlink", "--quiet"]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=3600)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise PluginError(f"pagefind could not index the site: {error}") from None
        finally:
            self.remove_search_copy()
        if result.returncode != 0:
            problem = (result.stderr or result.stdout).strip() or f"exit code {result.returncode}"
            if "No module named pagefind" in problem:
                problem = "pagefind is not installed. Fix: pip install 'pagefind[extended]'"
            raise PluginError(f"pagefind could not index the site: {problem}")
        log.info("briefings: search index written by Pagefind to %s/pagefind/", config.site_dir)

    def on_serve(
        self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., None]
    ) -> LiveReloadServer:
        options = self.options(config)
        for path in (options.seeds, *options.gazetteers):
            server.watch(str(path))
        return server
