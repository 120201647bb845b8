"""The one error type ingest raises for bad input: it always names the file and the reason."""

from __future__ import annotations


class InputError(Exception):
    def __init__(self, path: str, reason: str, line: int | None = None):
        self.path, self.reason, self.line = path, reason, line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")
