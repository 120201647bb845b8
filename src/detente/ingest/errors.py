"""The one error type ingest raises for bad input: it always names the file and the reason."""

from __future__ import annotations

import re

# What must not reach a terminal raw: C0 and C1 controls (a newline, an escape sequence), DEL, the
# Unicode line and paragraph separators, lone surrogates (a file name that is not UTF-8) and the
# bidirectional overrides that reorder what follows them.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """`text` on one printable line: each control character written as its escape (\\n, \\x1b, \\u2028)."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class InputError(Exception):
    """`path` and `reason` are kept as given; str() is always one printable line."""

    def __init__(self, path: str, reason: str, line: int | None = None):
        self.path, self.reason, self.line = path, reason, line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(printable(f"{where}: {reason}"))
