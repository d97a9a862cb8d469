"""The user's cache folder (``$XDG_CACHE_HOME/briefing-archive``): what is slow to make and safe to lose.

Files here are pickles a build made on this machine (GeoNames' index, the parsed records). Each is read with
:func:`load` and made again when missing, unreadable or foreign; nothing here is ever needed for a correct
build, only for a fast one.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
from pathlib import Path
from typing import Any

# What a truncated, foreign or outdated pickle raises.
UNREADABLE = (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError, KeyError,
              IndexError, ImportError)


def folder() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "briefing-archive"


def load(name: str) -> Any:
    """The object kept under ``name``, or None. Unpickling makes millions of objects (the records' snapshot)
    that live as long as the build, none of them garbage: the cycle collector waits meanwhile, and they are
    then set apart from its later collections (``gc.freeze``), which would walk them again and again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        with contextlib.suppress(*UNREADABLE), (folder() / name).open("rb") as handle:
            return pickle.load(handle)
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
    return None


def keep(name: str, value: Any) -> None:
    """Keep ``value`` under ``name``, whole or not at all (a full disk or a read-only home only costs speed)."""
    path = folder() / name
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".tmp-{os.getpid()}-{name}")
        with temp.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)


def prune(pattern: str, most: int) -> None:
    """Remove the files matching ``pattern`` but the ``most`` last written."""
    with contextlib.suppress(OSError):
        found = sorted(folder().glob(pattern), key=lambda path: path.stat().st_mtime_ns, reverse=True)
        for path in found[most:]:
            path.unlink(missing_ok=True)
