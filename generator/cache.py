"""What a build reuses from the last one: the only code that reads back what was written to ``briefings/``.

* **records** (``_records/<id>.json``, format in :mod:`generator.records`): an article whose text, gazetteer
  and analysis fingerprint match its record reuses the recorded analysis; a seed that fails to read keeps
  its last good record, so nothing published is lost;
* **fingerprints**: the pipeline's (model, code, lexicons, settings: :func:`pipeline_fingerprint`) and each
  article's (the pipeline's and the gazetteer entries its text names: :func:`article_fingerprint`);
* **page keys** (``_pages.json``): a digest of what each page was rendered from, so an unchanged page is not
  rendered again;
* **what the search for near-duplicates compared** (``_compared.json``: :class:`~generator.model.Compared`), so
  a build compares only the articles new or changed since the last against the rest.

:func:`open_cache` reads them; :meth:`Cache.plan` says which articles the build analyses; :meth:`Cache.records`
makes the record files of the build's briefings.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from generator.errors import InputError
from generator.gazetteer import Gazetteer
from generator.model import Analysis, Article, Compared
from generator.nlp.analyse import AnalysisOptions
from generator.nlp.pipeline import article_fingerprint, pipeline_fingerprint
from generator.reader import ReadResult
from generator.records import FOLDER, Record, dump_record, load_record, record_path
from generator.render import PAGE_KEYS

log = logging.getLogger(__name__)

COMPARED = "_compared.json"  # what the search for near-duplicates compared (not published)


def load_records(out: Path) -> dict[str, Record]:
    """Every readable record under ``out``, by article ID."""
    records: dict[str, Record] = {}
    folder = out / FOLDER
    if not folder.is_dir():
        return records
    for path in sorted(folder.glob("*.json")):
        try:
            text = path.read_text(encoding="utf-8")
            article, analysis, fingerprint, source, gazetteer = load_record(text)
        except (OSError, ValueError, KeyError, TypeError) as error:
            log.warning("%s: unreadable record ignored (%s); it will be recomputed", path, error)
            continue
        if path.stem == article.id:
            records[article.id] = Record(article, analysis, fingerprint, source, text, gazetteer)
    return records


def known_sources(records: dict[str, Record]) -> dict[str, tuple[str, tuple[Article, ...]]]:
    """Seed file -> (digest of its bytes, its articles), for files whose records all agree on the digest."""
    by_file: dict[str, list[Record]] = {}
    for record in records.values():
        by_file.setdefault(record.article.path, []).append(record)
    return {
        path: (group[0].source, tuple(sorted((r.article for r in group), key=lambda a: a.line)))
        for path, group in by_file.items()
        if group[0].source and all(r.source == group[0].source for r in group)
    }


def load_page_keys(out: Path) -> dict[str, str]:
    """Page -> digest of what it was rendered from, as the last build wrote them ({} when unreadable)."""
    try:
        data = json.loads((out / PAGE_KEYS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def load_compared(out: Path) -> Compared:
    """The last build's search for near-duplicates (nothing when unreadable: everything is compared again)."""
    try:
        data = json.loads((out / COMPARED).read_text(encoding="utf-8"))
        articles = {str(id): str(key) for id, key in data["articles"].items()}
        pairs = tuple((str(a), str(b), float(similarity)) for a, b, similarity in data["pairs"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return Compared()
    return Compared(articles, pairs)


def compared_file(compared: Compared) -> dict[str, str]:
    """The file :func:`load_compared` reads, one article or pair a line."""
    articles = ",\n".join(f"{json.dumps(id)}:{json.dumps(key)}" for id, key in sorted(compared.articles.items()))
    pairs = ",\n".join(json.dumps(list(pair)) for pair in compared.pairs)
    return {COMPARED: f'{{"articles":{{\n{articles}}},\n"pairs":[\n{pairs}]}}\n'}


@dataclass(frozen=True)
class Plan:
    """What the build analyses and what it reuses."""

    reused: dict[str, Analysis]  # article ID -> its recorded analysis
    todo: list[Article]  # articles to analyse
    kept: list[Record]  # records of seeds that failed to read: their briefings stay published
    fingerprints: dict[str, str]  # article ID -> its analysis fingerprint
    made_with: dict[str, str]  # article ID -> the gazetteer digest its fingerprint was made with


@dataclass(frozen=True)
class RecordFiles:
    files: dict[str, str]  # record files to write
    unchanged: set[str]  # record files already right
    made_from: dict[str, str]  # article ID -> digest of its record: what its briefing page is made from


@dataclass(frozen=True)
class Cache:
    records: dict[str, Record]
    page_keys: dict[str, str]
    compared: Compared

    def sources(self) -> dict[str, tuple[str, tuple[Article, ...]]]:
        """What the reader may take from records instead of parsing a seed again: :func:`known_sources`."""
        return known_sources(self.records)

    def plan(self, read: ReadResult, gazetteer: Gazetteer, options: AnalysisOptions) -> Plan:
        """Reuse a record whose article, gazetteer and pipeline are unchanged; keep the records of seeds that
        failed to read (not of seeds deleted); analyse the rest."""
        pipeline = pipeline_fingerprint(options)
        fresh = {a.id for a in read.articles}
        failed = {problem.path for problem in read.problems}
        kept = [r for r in self.records.values() if r.article.path in failed and r.article.id not in fresh]
        for record in kept:
            log.warning("%s: kept the published briefing %s from its last good version", record.article.path,
                        record.article.id)
        reused: dict[str, Analysis] = {}
        todo: list[Article] = []
        fingerprints = {r.article.id: r.fingerprint for r in kept}
        made_with = {r.article.id: r.gazetteer for r in kept}
        for article in read.articles:
            record = self.records.get(article.id)
            if record and record.article.digest == article.digest and record.gazetteer == gazetteer.fingerprint \
                    and record.fingerprint.startswith(pipeline + "-"):
                fingerprints[article.id] = record.fingerprint  # same text, same gazetteer: the same entries named
            else:
                fingerprints[article.id] = article_fingerprint(pipeline, gazetteer, article)
            made_with[article.id] = gazetteer.fingerprint
            if record and (record.article.digest, record.fingerprint) == (article.digest, fingerprints[article.id]):
                reused[article.id] = record.analysis
            else:
                todo.append(article)
        return Plan(reused, todo, kept, fingerprints, made_with)

    def after_failures(self, read: ReadResult, plan: Plan, failures: Sequence[tuple[Article, str]]
                       ) -> tuple[ReadResult, Plan]:
        """Articles whose analysis raised are as seeds that failed to read: each is a problem naming its file,
        and its last good record, if any, is kept, so its published briefing stays."""
        if not failures:
            return read, plan
        ids = {article.id for article, _ in failures}
        problems = tuple(InputError(a.path, f"the analysis of article {a.id} failed ({error})",
                                    "report it with this file; the rest of the archive was built", a.line)
                         for a, error in failures)
        kept = [self.records[id] for id in sorted(ids) if id in self.records]
        read = replace(read, articles=tuple(a for a in read.articles if a.id not in ids),
                       problems=(*read.problems, *problems))
        plan = replace(plan, todo=[a for a in plan.todo if a.id not in ids], kept=[*plan.kept, *kept],
                       fingerprints={**plan.fingerprints, **{r.article.id: r.fingerprint for r in kept}},
                       made_with={**plan.made_with, **{r.article.id: r.gazetteer for r in kept}})
        return read, plan

    def record_files(self, items: Sequence[tuple[Article, Analysis]], read: ReadResult, plan: Plan) -> RecordFiles:
        """The record of each briefing: written when anything in it changed, else left as it is."""
        fresh = {a.id for a in read.articles}
        files: dict[str, str] = {}
        unchanged: set[str] = set()
        made_from: dict[str, str] = {}
        for article, analysis in items:
            old = self.records.get(article.id)
            source = read.sources.get(article.path, "") if article.id in fresh else old.source if old else ""
            fingerprint, gazetteer = plan.fingerprints[article.id], plan.made_with[article.id]
            if old is not None and (old.article, old.analysis, old.fingerprint, old.source, old.gazetteer) == (
                    article, analysis, fingerprint, source, gazetteer):
                unchanged.add(record_path(article.id))  # the file there is the record: not even read again
                text = old.text
            else:
                text = files[record_path(article.id)] = dump_record(article, analysis, fingerprint, source,
                                                                    gazetteer)
            made_from[article.id] = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
        return RecordFiles(files, unchanged, made_from)


def open_cache(out: Path) -> Cache:
    """The records, page keys and near-duplicate comparisons the last build left in ``out``."""
    return Cache(load_records(out), load_page_keys(out), load_compared(out))
