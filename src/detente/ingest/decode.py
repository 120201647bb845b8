"""Bytes to text, and binary files refused.

The rule, in order:

1. A byte-order mark says the encoding (UTF-8, UTF-16, UTF-32).
2. UTF-16 without a mark: one byte of each pair is, for nearly every pair, the high byte of Latin,
   Greek, Cyrillic, Hebrew or Arabic text or of punctuation (0x00-0x06, 0x20), for most pairs of a
   letter (0x00-0x06), the other byte is not, and the pairs decode to text.
3. A file of magic numbers (PNG, ELF, ZIP ...) or dense in control bytes is binary, not text.
4. UTF-8. Where some bytes are not valid UTF-8, the valid multi-byte characters are the evidence for
   UTF-8 and the invalid bytes the evidence for a legacy encoding: if the valid ones are more, the file
   is UTF-8 with a few corrupt bytes, each replaced by U+FFFD and counted in the encoding's name
   ("utf-8 (2 invalid bytes replaced)").
5. Otherwise a legacy encoding, where the detector finds one of those we accept and its reading is
   plausible text (no C1 controls); where it does not, UTF-8 with the invalid bytes replaced: a visible
   loss rather than a silent misreading.

Multi-record files (JSONL, CSV, URL lists) are decoded line by line (`decode_lines`): a line that is
valid UTF-8 is read as UTF-8 whatever the others hold, so that one bad line costs only itself.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from .errors import InputError

# Control bytes that never occur in text files (tab, LF, FF, CR and ESC excluded).
_CONTROL = bytes(sorted(set(range(0, 32)) - {9, 10, 12, 13, 27}))
_HIGH = bytes(range(0x80, 0x100))
# Legacy encodings we accept from the detector; anything else is more likely a misdetection. Not
# mac_roman: it reads any byte soup, and took UTF-8 with a bad byte for Mac text.
_LEGACY_OK = {
    "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
    "latin_1", "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_9", "iso8859_15",
    "koi8_r", "koi8_u", "mac_cyrillic", "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr", "cp949",
}
# File signatures that are never text, whatever the bytes after them.
_MAGIC = (
    b"\x89PNG\r\n\x1a\n", b"\x7fELF", b"\xff\xd8\xff", b"%PDF-", b"PK\x03\x04", b"PK\x05\x06",
    b"\x1f\x8b", b"\xfd7zXZ\x00", b"7z\xbc\xaf\x27\x1c", b"\x28\xb5\x2f\xfd", b"SQLite format 3\x00",
    b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe", b"\x00asm", b"GIF87a", b"GIF89a",
)
# The high byte of a UTF-16 code unit in Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic text and
# in general punctuation (U+2000-U+20FF).
_UTF16_LETTERS = bytes(range(0x00, 0x07))
_UTF16_HIGH = _UTF16_LETTERS + b"\x20"
_TEXT_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x80-\x9f]")


def _count(data: bytes, members: bytes) -> int:
    """How many bytes of `data` are in `members` (in C, fast for a whole file)."""
    return len(data) - len(data.translate(None, members))


def _too_many(controls: int, size: int) -> bool:
    return controls > max(2, size // 100)


def has_magic(data: bytes) -> bool:
    return data.startswith(_MAGIC)


def looks_binary(data: bytes) -> bool:
    """A known binary signature, or more than 1% control bytes (but at least 3)."""
    return has_magic(data) or _too_many(_count(data, _CONTROL), len(data))


def _is_text(text: str) -> bool:
    return not _too_many(len(_TEXT_CONTROLS.findall(text)), len(text))


def _declared(data: bytes) -> tuple[str, str] | None:
    """Text by its byte-order mark, or UTF-16 recognised without one; None if neither."""
    for bom, codec, name in (
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"), (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"), (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
    ):
        if data.startswith(bom):
            body = data[len(bom):]
            text = body.decode(codec, errors="replace")
            if codec == "utf-8":
                return _utf8_reading(body, text, name)
            return text, name
    return _utf16_without_bom(data)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for high, low, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        # ... and most high bytes are those of letters, not of U+20xx punctuation: ASCII such as
        # "- - - -" has a space in every other byte and is no run of U+202D
        if _count(high, _UTF16_HIGH) >= 0.7 * len(high) and _count(low, _UTF16_HIGH) <= 0.4 * len(low) \
                and _count(high, _UTF16_LETTERS) >= 0.5 * len(high):
            try:
                text = data.decode(codec)  # strict: a lone surrogate is no UTF-16 text
            except UnicodeDecodeError:
                return None
            return (text, codec) if _is_text(text) else None
    return None


def _utf8_reading(data: bytes, text: str, name: str = "utf-8") -> tuple[str, str]:
    """`text` is `data` decoded with errors="replace": name it with the count of invalid bytes."""
    replaced = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if not replaced:
        return text, name
    invalid = len(data) - len(text.encode("utf-8")) + 3 * replaced
    return text, f"{name} ({invalid} invalid byte{'s' if invalid != 1 else ''} replaced)"


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """`data` as UTF-8 if its valid multi-byte characters outnumber its invalid sequences."""
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    # An ASCII byte is never part of an invalid sequence: the other characters are multi-byte ones.
    multibyte = len(text) - (len(data) - _count(data, _HIGH)) - replaced
    return _utf8_reading(data, text) if multibyte > replaced else None


def _legacy(data: bytes) -> tuple[str, str] | None:
    best = from_bytes(data, cp_isolation=sorted(_LEGACY_OK)).best()
    if best is None or best.encoding not in _LEGACY_OK:
        return None
    text = str(best)
    if re.search("[\x80-\x9f]", text):  # C1 controls: a misreading, not text
        return None
    return text, best.encoding


def _decode_bytes(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _mostly_utf8(data) or _legacy(data) or _utf8_reading(data, data.decode("utf-8", errors="replace"))


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Return (text, encoding name) of a one-document file. Raises InputError for empty or binary input."""
    if not data.strip():
        raise InputError(path, "empty file")
    declared = None if has_magic(data) else _declared(data)
    if declared is not None:
        if not _is_text(declared[0]):
            raise InputError(path, "binary file, not text")
        return declared
    if looks_binary(data):
        raise InputError(path, "binary file, not text")
    return _decode_bytes(data)


def decode_lines(data: bytes, path: str) -> tuple[list[str], list[str]]:
    """Lines and the encoding of each, of a file of one record a line. Lines are split on LF only (a
    CR before it kept), or on CR where the file has no LF at all (an old Mac file): never on U+2028,
    NEL or form feed, as str.splitlines() would. Raises InputError for an empty file, or a binary one:
    most of its bytes in lines dense in control bytes, as a PNG, an ELF or a ZIP file is (their
    signature alone does not count here, where a first line of junk must cost only itself). Other
    lines are for the reader to judge."""
    if not data.strip():
        raise InputError(path, "empty file")
    declared = _declared(data)
    if declared is not None:
        text, encoding = declared
        if not _is_text(text):
            raise InputError(path, "binary file, not text")
        lines = text.split("\n" if "\n" in text or "\r" not in text else "\r")
        return lines, [encoding] * len(lines)
    sep = b"\n" if b"\n" in data or b"\r" not in data else b"\r"
    raw = data.split(sep)
    junk = {n for n, line in enumerate(raw) if _too_many(_count(line, _CONTROL), len(line))}
    if sum(len(raw[n]) for n in junk) * 2 > len(data):
        raise InputError(path, "binary file, not text")
    try:
        lines = data.decode("utf-8").split(sep.decode())
        return lines, ["utf-8"] * len(lines)
    except UnicodeDecodeError:
        pass
    lines, encodings, legacy = [], [], []
    for number, line in enumerate(raw):
        try:
            text, encoding = line.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            reading = _mostly_utf8(line)
            if reading is None and number in junk:  # binary junk: no evidence of any encoding
                reading = _utf8_reading(line, line.decode("utf-8", errors="replace"))
            if reading is None:
                legacy.append(number)
                reading = (None, None)
            text, encoding = reading
        lines.append(text)
        encodings.append(encoding)
    if legacy:
        # The lines that are not UTF-8 are detected together: one line alone is too short to tell.
        found = _legacy(b"\n".join(raw[n] for n in legacy))
        for n in legacy:
            if found is not None:
                lines[n], encodings[n] = raw[n].decode(found[1], errors="replace"), found[1]
            else:
                lines[n], encodings[n] = _utf8_reading(raw[n], raw[n].decode("utf-8", errors="replace"))
    return lines, encodings
