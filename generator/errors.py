"""The project's exceptions: one tree, one message shape for bad input."""

from __future__ import annotations


class BriefingError(Exception):
    """Base class of every error the archive raises on purpose."""


class ConfigError(BriefingError):
    """A setting (mkdocs.yml plugin option, CLI option) is wrong."""


class InputError(BriefingError):
    """A seed or data file that cannot be used as it is.

    Always names the file, the line where one is known, what is wrong and what to do.
    """

    def __init__(self, path: str, message: str, fix: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.message = message
        self.fix = fix
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}. Fix: {self.fix}"
