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
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator import model, usercache
from generator import records as records_module
from generator.errors import InputError
from generator.gazetteer import Gazetteer
from generator.model import Analysis, Article, Compared
from generator.nlp.analyse import AnalysisOptions
from generator.nlp.pipeline import article_fingerprint, pipeline_fingerprint
from generator.reader import ReadResult
from generator.records import FOLDER, Record, Stamp, load_record, text_digest
from generator.render import PAGE_KEYS
from generator.store import DEFAULT, SUFFIX, RecordStore, read_folder, record_name

log = logging.getLogger(__name__)

COMPARED = "_compared.json"  # what the search for near-duplicates compared (not published)


SNAPSHOT_STALE = 20  # the snapshot is made again once more than 1/20 of the records differ from it
SNAPSHOTS = 8  # archives whose snapshots the user's cache folder keeps (the most recently taken)
_CODE = hashlib.blake2b(b"".join(Path(m).read_bytes() for m in (model.__file__, records_module.__file__, __file__)),
                        digest_size=8).hexdigest()  # the classes a snapshot pickles


@dataclass(frozen=True)
class Snapshot:
    """The records of ``briefings/_records/`` as a build last held them, pickled in the user's cache folder
    (:mod:`generator.usercache`): a build reads back only the record files that changed since (by size,
    modification time and inode), instead of parsing every JSON file again (4.0 s for 10,000 records on
    a slow machine; 1.6 s from the snapshot)."""

    files: dict[str, tuple[int, int, int]]  # record file name -> (size, mtime_ns, inode) when it was taken
    records: dict[str, Record]

    @staticmethod
    def name(out: Path) -> str:
        where = hashlib.blake2b(str(out.resolve()).encode("utf-8"), digest_size=8).hexdigest()
        return f"records-{where}-{_CODE}.pickle"


def record_files_now(folder: Path) -> dict[str, tuple[int, int, int]]:
    """Record file name -> (size, mtime_ns, inode), for every record file in ``folder``."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return {}
    files = {}
    for entry in entries:
        if entry.name.endswith(SUFFIX) and entry.is_file():
            stat = entry.stat()
            files[entry.name] = (stat.st_size, stat.st_mtime_ns, stat.st_ino)
    return files


def load_records(out: Path, store: RecordStore = DEFAULT) -> tuple[dict[str, Record], int]:
    """Every readable record in ``store`` (``out``'s ``_records/`` by default), by article ID, and how many
    were parsed from their files (the rest came from the :class:`Snapshot`)."""
    if store.shared:
        found = parse_records(store.read_all(), store.url)
        return found, len(found)
    folder = out / FOLDER
    now = record_files_now(folder)
    snapshot = usercache.load(Snapshot.name(out)) if now else None
    if not isinstance(snapshot, Snapshot):
        snapshot = Snapshot({}, {})
    same = {name for name, stat in now.items() if snapshot.files.get(name) == stat}
    held = {r.article.id: r for r in snapshot.records.values() if record_name(r.article.id) in same}
    parsed = parse_records(read_folder(folder, sorted(name for name in now if name not in same)), str(folder))
    merged = {**held, **parsed}
    return {id: merged[id] for id in sorted(merged)}, len(now) - len(held)


def keep_snapshot(out: Path, records: Mapping[str, Record]) -> None:
    """Take a :class:`Snapshot` of ``records``, the records ``out`` now holds."""
    usercache.keep(Snapshot.name(out), Snapshot(record_files_now(out / FOLDER), dict(records)))
    usercache.prune("records-*.pickle", SNAPSHOTS)


def parse_records(texts: Mapping[str, str], where: str) -> dict[str, Record]:
    """Records from their texts (article ID -> text); one that cannot be read is ignored and recomputed."""
    records: dict[str, Record] = {}
    for id, text in texts.items():
        try:
            article, analysis, stamp = load_record(text)
        except (ValueError, KeyError, TypeError) as error:
            log.warning("%s/%s: unreadable record ignored (%s); it will be recomputed", where, record_name(id), error)
            continue
        if id == article.id:
            records[article.id] = Record(article, analysis, stamp, text_digest(text))
    return records


def known_sources(records: dict[str, Record]) -> dict[str, tuple[str, tuple[Article, ...]]]:
    """Seed file -> (digest of its bytes, its articles), for files whose records all agree on the digest."""
    by_file: dict[str, list[Record]] = {}
    for record in records.values():
        by_file.setdefault(record.article.path, []).append(record)
    return {
        path: (group[0].stamp.source, tuple(sorted((r.article for r in group), key=lambda a: a.line)))
        for path, group in by_file.items()
        if group[0].stamp.source and all(r.stamp.source == group[0].stamp.source for r in group)
        and all(r.stamp.source_articles == len(group) for r in group)  # no record of the file's is missing
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
    texts: dict[str, str]  # article ID -> its record, to write (anything in it changed)
    unchanged: set[str]  # article IDs whose stored record is already right
    made_from: dict[str, str]  # article ID -> digest of its record: what its briefing page is made from
    store: RecordStore = DEFAULT
    records: dict[str, Record] = field(default_factory=dict)  # every briefing's record, as the build leaves it
    stale: int = 0  # records that differ from the snapshot the build started from

    def files(self) -> dict[str, str]:
        """The records to write into ``briefings/`` (none when they live in a shared store)."""
        return {} if self.store.shared else {f"{FOLDER}/{record_name(id)}": t for id, t in self.texts.items()}

    def keep(self) -> set[str]:
        """The record files ``briefings/`` keeps as they are."""
        return set() if self.store.shared else {f"{FOLDER}/{record_name(id)}" for id in self.unchanged}

    def save(self) -> None:
        """Write the changed records to the shared store and remove the stale ones (with the default store,
        :func:`generator.writer.write_tree` does both, from :meth:`files` and :meth:`keep`)."""
        if self.store.shared:
            self.store.write(self.texts)
            self.store.prune(self.made_from)

    def snapshot(self, out: Path) -> None:
        """After the records were written: a new :class:`Snapshot`, when the last one is missing or too many
        records differ from it (taking one costs about as much as parsing every record, so not every build
        does)."""
        if not self.store.shared and self.stale * SNAPSHOT_STALE > len(self.records):
            keep_snapshot(out, self.records)


@dataclass(frozen=True)
class Cache:
    records: dict[str, Record]
    page_keys: dict[str, str]
    compared: Compared
    store: RecordStore = DEFAULT
    parsed: int = 0  # records read from their files, not from the snapshot

    def with_records(self, records: Mapping[str, Record]) -> Cache:
        """This cache, with records a cluster's workers wrote to the shared store during the build."""
        return replace(self, records={**self.records, **records})

    def stamp(self, article: Article, read: ReadResult, plan: Plan, fresh: bool = True) -> Stamp:
        """What the record of ``article`` says besides its article and analysis (``fresh``: read in this
        build, not kept from its last good record)."""
        if not fresh:
            old = self.records.get(article.id)
            source, count = (old.stamp.source, old.stamp.source_articles) if old else ("", 0)
        else:
            source, count = read.sources.get(article.path, ""), read.counts.get(article.path, 0)
        return Stamp(plan.fingerprints[article.id], source, plan.made_with[article.id], count)

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
        fingerprints = {r.article.id: r.stamp.fingerprint for r in kept}
        made_with = {r.article.id: r.stamp.gazetteer for r in kept}
        for article in read.articles:
            record = self.records.get(article.id)
            if record and record.article.digest == article.digest and record.stamp.gazetteer == gazetteer.fingerprint \
                    and record.stamp.fingerprint.startswith(pipeline + "-"):
                fingerprints[article.id] = record.stamp.fingerprint  # same text, same gazetteer: the same entries
            else:
                fingerprints[article.id] = article_fingerprint(pipeline, gazetteer, article)
            made_with[article.id] = gazetteer.fingerprint
            if record and record.article.digest == article.digest \
                    and record.stamp.fingerprint == fingerprints[article.id]:
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
                       fingerprints={**plan.fingerprints, **{r.article.id: r.stamp.fingerprint for r in kept}},
                       made_with={**plan.made_with, **{r.article.id: r.stamp.gazetteer for r in kept}})
        return read, plan

    def record_files(self, items: Sequence[tuple[Article, Analysis]], read: ReadResult, plan: Plan) -> RecordFiles:
        """The record of each briefing: written when anything in it changed, else left as it is."""
        texts: dict[str, str] = {}
        unchanged: set[str] = set()
        records: dict[str, Record] = {}
        fresh = {a.id for a in read.articles}
        for article, analysis in items:
            old = self.records.get(article.id)
            stamp = self.stamp(article, read, plan, article.id in fresh)
            if old is not None and (old.article, old.analysis, old.stamp) == (article, analysis, stamp):
                unchanged.add(article.id)  # the stored file is the record: not even read again
                records[article.id] = old
            else:
                text = texts[article.id] = stamp.record(article, analysis)
                records[article.id] = Record(article, analysis, stamp, text_digest(text))
        made_from = {id: record.digest for id, record in records.items()}
        stale = self.parsed + len(texts) + len(self.records.keys() - records.keys())
        return RecordFiles(texts, unchanged, made_from, self.store, records, stale)


def open_cache(out: Path, store: RecordStore = DEFAULT) -> Cache:
    """The records (in ``store``), page keys and near-duplicate comparisons the last build left in ``out``."""
    records, parsed = load_records(out, store)
    return Cache(records, load_page_keys(out), load_compared(out), store, parsed)
