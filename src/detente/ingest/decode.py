"""Bytes to text: UTF-8 first, then a detected legacy encoding; binary files are refused."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from .errors import InputError

# Control characters that never occur in text files (tab, LF, FF, CR and ESC excluded).
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13, 27}
# Legacy encodings we accept from the detector; anything else is more likely a misdetection.
_LEGACY_OK = {
    "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
    "latin_1", "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_9", "iso8859_15",
    "koi8_r", "koi8_u", "mac_cyrillic", "utf_16", "utf_16_le", "utf_16_be", "gb18030",
    "big5", "shift_jis", "euc_jp", "euc_kr", "cp949", "mac_roman", "ascii",
}


def looks_binary(data: bytes) -> bool:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _CONTROL)
    return controls > max(2, len(sample) // 100)


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Return (text, encoding name). Raises InputError for empty or binary input."""
    if not data.strip():
        raise InputError(path, "empty file")
    if looks_binary(data):
        raise InputError(path, "binary file, not text")
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=sorted(_LEGACY_OK)).best()
    if best is None or best.encoding not in _LEGACY_OK:
        # Every byte is a character in cp1252/latin-1: better a readable guess than a loss.
        return data.decode("cp1252", errors="replace"), "cp1252"
    return str(best), best.encoding
