"""Records: each published briefing's article and analysis, kept as JSON beside the pages it produced.

``briefings/_records/<id>.json`` is generated and committed with the pages (the site never shows it), or kept
in a shared store (:mod:`generator.store`). It serves two purposes:

* **nothing published is lost**: when a seed that was published before fails to read, its last good
  record is used instead, so its briefing stays in the archive (a deleted seed removes it);
* **analysis is not repeated**: an article whose digest and pipeline fingerprint match its record reuses
  the recorded analysis, also on a fresh clone in CI.

This module is the record's format (one record to and from its JSON text); :mod:`generator.cache` reads
them back and decides what a build reuses. A record that cannot be read is ignored (and recomputed), never
fatal.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import logging
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

from generator.model import Analysis, Article, ArticleEntity, Paragraph

log = logging.getLogger(__name__)

FOLDER = "_records"
VERSION = 1


@dataclass(frozen=True)
class Stamp:
    """What a record holds besides its article and analysis."""

    fingerprint: str  # the analysis fingerprint (generator.nlp.pipeline.article_fingerprint)
    # Digest of the seed file's bytes, and how many articles were read from it: an unchanged file whose
    # articles all have their records is not parsed again.
    source: str = ""
    # The whole gazetteer's digest when the fingerprint was made: while it and the article's text stay the
    # same, so do the gazetteer entries the article names, and they need not be looked for again.
    gazetteer: str = ""
    source_articles: int = 0

    def record(self, article: Article, analysis: Analysis) -> str:
        """The record's text (:func:`dump_record`)."""
        return dump_record(article, analysis, self)


def dump_record(article: Article, analysis: Analysis, stamp: Stamp) -> str:
    data = {
        "version": VERSION,
        "fingerprint": stamp.fingerprint,
        "gazetteer": stamp.gazetteer,
        "source": stamp.source,
        "source_articles": stamp.source_articles,
        "article": {**plain(article), "date": article.date.isoformat()},
        "analysis": plain(analysis),
    }
    # One line per top-level field, each written by the C encoder (``indent`` would use the slow one).
    lines = (json.dumps(key) + ":" + json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
             for key, value in sorted(data.items()))
    return "{\n" + ",\n".join(lines) + "\n}\n"


def plain(value: Any) -> Any:
    """``dataclasses.asdict`` for the model's frozen dataclasses, without its deep copies (which took most
    of a record's time): dataclasses become dicts, tuples lists."""
    kind = type(value)
    if kind is str or kind is int or kind is float or kind is bool or value is None:  # most values
        return value
    if kind is tuple or kind is list:
        return [plain(item) for item in value]
    if is_dataclass(value):
        return {name: plain(getattr(value, name)) for name in _field_names(kind)}
    if isinstance(value, (tuple, list)):
        return [plain(item) for item in value]
    return value


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def load_record(text: str) -> tuple[Article, Analysis, Stamp]:
    data = json.loads(text)
    if data.get("version") != VERSION:
        raise ValueError(f"record version {data.get('version')!r}")
    a: dict[str, Any] = data["article"]
    article = Article(
        id=a["id"], path=a["path"], line=a["line"], date=dt.date.fromisoformat(a["date"]), title=a["title"],
        source=a["source"], dateline=a["dateline"], caption=a["caption"], credit=a["credit"],
        paragraphs=tuple(Paragraph(p["text"], p["line"], p["crosshead"], p.get("credit"), p.get("table", False),
                                   p.get("signoff", False)) for p in a["paragraphs"]),
        url=a["url"], tags=tuple(a["tags"]), digest=a["digest"], aliases=tuple(a.get("aliases", ())),
    )
    n: dict[str, Any] = data["analysis"]
    analysis = Analysis(
        article_id=n["article_id"], title=n["title"], summary=tuple(n["summary"]),
        key_points=tuple(n["key_points"]),
        entities=tuple(
            ArticleEntity(key=e["key"], name=e["name"], kind=e["kind"], aliases=tuple(e["aliases"]),
                          mentions=e["mentions"], votes=tuple(map(tuple, e["votes"])),
                          from_gazetteer=e["from_gazetteer"], first=e.get("first", 0),
                          outlet=e.get("outlet", False), roles=tuple(e.get("roles", ())))
            for e in n["entities"]
        ),
        sentences=n["sentences"],
        terms=tuple(map(tuple, n.get("terms", ()))),  # (term, count) pairs: map() makes them in C
        signature=tuple(n.get("signature", ())),
    )
    if analysis.article_id != article.id:
        raise ValueError("analysis and article IDs differ")
    stamp = Stamp(data["fingerprint"], data.get("source", ""), data.get("gazetteer", ""),
                  data.get("source_articles", 0))
    return article, analysis, stamp


@dataclass(frozen=True)
class Record:
    article: Article
    analysis: Analysis
    stamp: Stamp
    digest: str  # of the record's text as stored (text_digest): what its briefing page is made from


def text_digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
