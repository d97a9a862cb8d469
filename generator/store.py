"""Where the records live: ``briefings/_records/`` by default, or a shared store any ``fsspec`` URL names.

The default keeps each briefing's record beside its pages, committed with them, written by
:mod:`generator.writer` with the rest of ``briefings/``. A cluster's workers cannot reach the client's
``briefings/``: with ``records: URL`` in the plugin's settings (or ``briefings build --records URL``) the
records live in a store they share with the client (``file:///shared/records``, ``s3://bucket/records``,
``gs://...``: whatever ``fsspec`` and its backends reach), the workers write the records of what they
analysed, and the client reads them back. The store holds ``<article ID>.json`` files, one per briefing;
records of briefings no longer in the archive are removed from it, as :mod:`generator.writer` removes stale
files from ``briefings/``.

This module only moves record texts; their format is :mod:`generator.records`, and which of them a build
reuses is :mod:`generator.cache`.
"""

from __future__ import annotations

import logging
import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import ConfigError
from generator.writer import write_file

log = logging.getLogger(__name__)

SUFFIX = ".json"


def record_name(article_id: str) -> str:
    """A record's file name in any store."""
    return article_id + SUFFIX


@dataclass(frozen=True)
class RecordStore:
    """The records' home: ``url`` empty for ``<out>/_records`` (the default), else an ``fsspec`` URL."""

    url: str = ""

    @property
    def shared(self) -> bool:
        """Whether the records live outside ``briefings/`` (and workers write them)."""
        return bool(self.url)

    def read_all(self) -> dict[str, str]:
        """Every record's text in the shared store, by article ID ({} when it is empty or does not exist yet).
        The default store's records are read by :func:`generator.cache.load_records`, from its snapshot and
        the files changed since (:func:`read_folder`)."""
        fs, root = self._open()
        try:
            names = [path for path in fs.find(root) if path.endswith(SUFFIX)] if fs.exists(root) else []
        except OSError as error:
            raise self._error("cannot list", error) from None
        return self._texts(fs, names)

    def read(self, ids: Iterable[str]) -> dict[str, str]:
        """The records of ``ids`` in the shared store, by article ID (those it cannot read are left out)."""
        fs, root = self._open()
        return self._texts(fs, [posixpath.join(root, record_name(id)) for id in ids])

    def write(self, texts: Mapping[str, str]) -> None:
        """Write records (article ID -> text) to the shared store, each whole or not at all."""
        if not texts:
            return
        fs, root = self._open()
        try:
            fs.makedirs(root, exist_ok=True)
            if _local(fs):  # a folder (shared by a local cluster, or mounted): the writer's atomic rename
                for id, text in texts.items():
                    write_file(posixpath.join(root, record_name(id)), text)
            else:  # object storage: each object appears whole when its upload ends
                fs.pipe({posixpath.join(root, record_name(id)): text.encode("utf-8") for id, text in texts.items()})
        except OSError as error:
            raise self._error("cannot write to", error) from None

    def prune(self, wanted: Iterable[str]) -> tuple[str, ...]:
        """Remove the shared store's records of articles not in ``wanted``: their IDs."""
        fs, root = self._open()
        if not fs.exists(root):
            return ()
        keep = {record_name(id) for id in wanted}
        stale = sorted(path for path in fs.find(root) if path.endswith(SUFFIX) and posixpath.basename(path) not in keep)
        if stale:
            fs.rm(stale)
            log.info("%s: %d stale records removed", self.url, len(stale))
        return tuple(posixpath.basename(path)[:-len(SUFFIX)] for path in stale)

    def _open(self) -> tuple[Any, str]:
        try:
            from fsspec.core import url_to_fs

            fs, root = url_to_fs(self.url)
        except (ImportError, ValueError, OSError) as error:
            raise self._error("cannot open", error) from None
        return fs, root.rstrip("/")

    def _texts(self, fs: Any, paths: list[str]) -> dict[str, str]:
        if not paths:
            return {}
        try:
            found = fs.cat(sorted(paths), on_error="omit")
        except OSError as error:
            raise self._error("cannot read", error) from None
        texts = {}
        for path, data in sorted(found.items()):
            try:
                texts[posixpath.basename(path)[:-len(SUFFIX)]] = data.decode("utf-8")
            except UnicodeDecodeError:
                log.warning("%s: unreadable record ignored (not UTF-8); it will be recomputed", path)
        return texts

    def _error(self, what: str, error: Exception) -> ConfigError:
        return ConfigError(f"{what} the records store {self.url} ({type(error).__name__}: {error}). "
                           "Fix: check the URL and its credentials, or leave `records` unset to keep them in "
                           "briefings/_records")


def _local(fs: Any) -> bool:
    from fsspec.implementations.local import LocalFileSystem

    return isinstance(fs, LocalFileSystem)


def read_folder(folder: Path, names: Iterable[str]) -> dict[str, str]:
    """The texts of the record files ``names`` in ``folder``, by article ID (unreadable ones left out)."""
    texts: dict[str, str] = {}
    for name in names:
        path = folder / name
        try:
            texts[name[:-len(SUFFIX)]] = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            log.warning("%s: unreadable record ignored (%s); it will be recomputed", path, error)
    return texts


DEFAULT = RecordStore()  # briefings/_records
