"""``briefings``: the command line. Thin: it turns library errors into one-line messages and exit codes."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import click

from generator.build import BuildOptions, check, generate
from generator.errors import BriefingError
from generator.nlp.analyse import AnalysisOptions

SEEDS = click.option("--seeds", type=click.Path(file_okay=False, path_type=Path), default=Path("seeds"),
                     show_default=True, help="Folder of input articles.")
CONFIG = click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
                      default=Path("mkdocs.yml"), show_default=True, help="The site's MkDocs configuration.")


def fail(message: str) -> None:
    click.secho(f"Error: {message}", fg="red", err=True)
    sys.exit(1)


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Show progress details.")
@click.version_option(package_name="briefing-archive")
def main(verbose: bool) -> None:
    """Turn news articles in seeds/ into a searchable briefing archive."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(message)s")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@main.command()
@SEEDS
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("briefings"),
              show_default=True, help="Folder for the generated Markdown and manifest.json.")
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("site"),
              show_default=True, help="Folder for the built site.")
@click.option("--no-site", is_flag=True, help="Stop after writing --out; do not build the site.")
@click.option("--strict", is_flag=True, help="Exit non-zero on any bad article or site warning (CI).")
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes for the analysis.")
@CONFIG
def build(seeds: Path, out: Path, site_dir: Path, no_site: bool, strict: bool, jobs: int,
          config_file: Path) -> None:
    """Generate briefings from SEEDS and build the site."""
    if no_site:
        try:
            report = generate(BuildOptions(seeds=seeds, out=out, analysis=AnalysisOptions(jobs=jobs)))
        except BriefingError as error:
            fail(str(error))
        for problem in report.problems:
            click.secho(f"Skipped {problem}", fg="yellow", err=True)
        click.echo(f"{report.articles} briefings, {report.entities} entities: "
                   f"{len(report.written.written)} files written, {report.written.unchanged} unchanged, "
                   f"{len(report.written.removed)} removed -> {out}")
        if strict and report.problems:
            fail(f"{len(report.problems)} article(s) could not be read (--strict)")
        return
    build_site(seeds, out, site_dir, strict, jobs, config_file)


def build_site(seeds: Path, out: Path, site_dir: Path, strict: bool, jobs: int, config_file: Path) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    if not config_file.is_file():
        fail(f"{config_file} not found: run from the archive's folder or pass --config")
    try:
        config = load_config(str(config_file), site_dir=str(site_dir.resolve()), strict=strict)
        plugin = config.plugins.get("briefings")
        if plugin is None:
            fail(f"{config_file} does not enable the `briefings` plugin")
        base = config_file.resolve().parent
        plugin.config.seeds = os.path.relpath(seeds.resolve(), base)
        plugin.config.out = os.path.relpath(out.resolve(), base)
        plugin.config.jobs = jobs
        mkdocs_build(config)
    except (Abort, ConfigurationError, PluginError) as error:
        fail(str(error))
    report = plugin.report
    if report is not None:
        click.echo(f"{report.articles} briefings, {report.entities} entities -> {out}; site -> {site_dir}")


@main.command(name="check")
@SEEDS
@click.option("--gazetteer", "gazetteers", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="An extra gazetteer file to validate (repeatable).")
def check_command(seeds: Path, gazetteers: tuple[Path, ...]) -> None:
    """Validate seeds and gazetteer without writing anything; exit 1 on any problem."""
    try:
        problems = check(seeds, gazetteers)
    except BriefingError as error:
        fail(str(error))
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        fail(f"{len(problems)} problem(s) found")
    click.echo(f"OK: {seeds} and the gazetteer are valid.")
