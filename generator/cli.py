"""``briefings``: the command line. Thin: it turns library errors into one-line messages and exit codes.

Settings come from the ``briefings`` plugin in ``mkdocs.yml`` (gazetteer files, summary length, ...), so
``briefings build``, ``briefings check`` and ``mkdocs build`` always agree; options given here win.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from generator.build import BuildOptions, BuildReport, check, generate
from generator.errors import BriefingError
from generator.nlp.analyse import AnalysisOptions
from generator.progress import for_terminal
from generator.render import SITE_URL_UNSET

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from generator.mkdocs_plugin import BriefingsPlugin

SEEDS = click.option("--seeds", type=click.Path(file_okay=False, path_type=Path), default=None,
                     help="Folder of input articles [default: the plugin's `seeds`, else seeds/].")
CONFIG = click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
                      default=Path("mkdocs.yml"), show_default=True, help="The site's MkDocs configuration.")


def fail(message: str) -> NoReturn:
    click.secho(f"Error: {message}", fg="red", err=True)
    sys.exit(1)


def load_site_config(config_file: Path, **overrides: object) -> tuple[MkDocsConfig, BriefingsPlugin]:
    """mkdocs.yml, loaded by MkDocs itself (imported here only: `briefings check` need not load it early)."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    if not config_file.is_file():
        fail(f"{config_file} not found: run from the archive's folder or pass --config")
    try:
        config = load_config(str(config_file), **overrides)
    except ConfigurationError as error:
        fail(f"{config_file}: {error}")
    except Abort:  # MkDocs logged what is wrong (the ERROR line above)
        fail(f"{config_file}: a setting is wrong (said above); fix it and run again")
    plugin = config.plugins.get("briefings")
    if plugin is None:
        fail(f"{config_file} does not enable the `briefings` plugin")
    return config, plugin


def build_options(config_file: Path, seeds: Path | None, out: Path | None, jobs: int | None) -> BuildOptions:
    """The plugin's options from mkdocs.yml when there is one, with the command line's on top."""
    if config_file.is_file():
        config, plugin = load_site_config(config_file)
        options = plugin.options(config)
    else:
        options = BuildOptions(seeds=Path("seeds"), out=Path("briefings"),
                               analysis=AnalysisOptions(jobs=os.cpu_count() or 1))
    if seeds is not None:
        options = replace(options, seeds=seeds)
    if out is not None:
        options = replace(options, out=out)
    if jobs is not None:
        options = replace(options, analysis=replace(options.analysis, jobs=jobs))
    return options


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Show progress details.")
@click.version_option(package_name="briefing-archive")
def main(verbose: bool) -> None:
    """Turn news articles in seeds/ into a searchable briefing archive."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(message)s")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@main.command()
@SEEDS
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for the generated Markdown and manifest.json [default: briefings/].")
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("site"),
              show_default=True, help="Folder for the built site.")
@click.option("--no-site", is_flag=True, help="Stop after writing --out; do not build the site.")
@click.option("--strict", is_flag=True, help="Exit non-zero on any bad article or site warning (CI).")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Processes for the analysis [default: the plugin's `jobs`, else the machine's cores].")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Analyse on a Dask cluster: tcp://host:8786, or local:N for N local worker processes "
                   "[default: the plugin's `scheduler`, else no cluster]. Needs the dask extra.")
@click.option("--records", default=None, metavar="URL",
              help="Keep the analysis records in a store the cluster's workers share: a folder or an fsspec URL "
                   "(s3://bucket/records) [default: the plugin's `records`, else OUT/_records].")
@CONFIG
def build(seeds: Path | None, out: Path | None, site_dir: Path, no_site: bool, strict: bool, jobs: int | None,
          scheduler: str | None, records: str | None, config_file: Path) -> None:
    """Generate briefings from the seeds, then build the site."""
    options = build_options(config_file, seeds, out, jobs)
    if scheduler is not None:
        options = replace(options, analysis=replace(options.analysis, scheduler=scheduler))
    if records is not None:
        options = replace(options, records=records)
    if not options.site.site_url:
        if strict:
            fail(SITE_URL_UNSET)
        if no_site:  # with the site, the plugin says it
            click.secho(f"Warning: {SITE_URL_UNSET}", fg="yellow", err=True)
    try:
        report = generate(options, progress=for_terminal())
    except BriefingError as error:
        fail(str(error))
    for problem in report.problems:
        click.secho(f"Skipped {problem}", fg="yellow", err=True)
    for notice in report.notices:
        click.secho(f"Note: {notice}", err=True)
    if strict and report.problems:
        fail(f"{len(report.problems)} article(s) could not be read (--strict)")
    if no_site:
        click.echo(summary_line(report) + f" -> {options.out}")
        return
    build_site(options, report, site_dir, strict, config_file)
    click.echo(summary_line(report) + f" -> {options.out}; site -> {site_dir}")


def build_site(options: BuildOptions, report: BuildReport, site_dir: Path, strict: bool, config_file: Path) -> None:
    """MkDocs on what :func:`generate` wrote: the plugin is given the build's report and does not generate."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import Abort, PluginError

    config, plugin = load_site_config(config_file, site_dir=str(site_dir.resolve()), strict=strict)
    plugin.override, plugin.report = options, report
    try:
        mkdocs_build(config)
    except (Abort, PluginError) as error:
        fail(str(error))


def summary_line(report: BuildReport) -> str:
    return (f"{report.articles} briefings ({report.analysed} analysed, {report.reused} from records, "
            f"{len(report.kept)} kept from the last good build), {report.entities} entities: "
            f"{len(report.written.written)} files written, {report.written.unchanged} unchanged, "
            f"{len(report.written.removed)} removed")


@main.command(name="check")
@SEEDS
@click.option("--gazetteer", "gazetteers", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="An extra gazetteer file to validate (repeatable), besides those in mkdocs.yml.")
@CONFIG
def check_command(seeds: Path | None, gazetteers: tuple[Path, ...], config_file: Path) -> None:
    """Validate seeds and gazetteer files without writing anything; exit 1 on any problem."""
    options = build_options(config_file, seeds, None, None)
    try:
        problems = check(options.seeds, (*options.gazetteers, *gazetteers), options.max_bytes)
    except BriefingError as error:
        fail(str(error))
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        fail(f"{len(problems)} problem(s) found")
    click.echo(f"OK: {options.seeds} and the gazetteer are valid.")


SHOWN = 15  # candidates listed for an ambiguous query


@main.command()
@click.argument("query", nargs=-1, required=True)
@click.option("--feed", is_flag=True, help="Print the URL of the entity's Atom feed instead.")
@CONFIG
def link(query: tuple[str, ...], feed: bool, config_file: Path) -> None:
    """Print the Markdown link, URL and citation of a briefing, story or entity, by ID, key, name, alias or
    words."""
    from generator.linking import find, link_lines, load_targets
    from generator.text import absolute_url

    options = build_options(config_file, None, None, None)
    try:
        targets = load_targets(options.out / "manifest.json")
    except BriefingError as error:
        fail(str(error))
    text = " ".join(query)
    found = find(text, targets)
    if not found:
        fail(f"nothing in the archive matches {text!r}")
    if len(found) > 1:
        click.echo(f"{len(found)} matches for {text!r}; use one of these IDs or keys:", err=True)
        for target in found[:SHOWN]:
            click.echo(f"  {target.name}  ({target.kind}{', ' + target.date if target.date else ''}) {target.title}",
                       err=True)
        if len(found) > SHOWN:
            click.echo(f"  ... and {len(found) - SHOWN} more not shown: add a word, or use an ID or key", err=True)
        sys.exit(1)
    if feed:
        if found[0].kind in ("briefing", "story"):
            fail(f"{found[0].name} is a {found[0].kind}: feeds are the archive's (feed.xml) and each entity's")
        click.echo(absolute_url(found[0].path + "feed.xml", options.site.site_url))
        return
    for line in link_lines(found[0], options.site.site_url, options.site.site_name):
        click.echo(line)
