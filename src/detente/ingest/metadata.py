"""Metadata found in the text itself: date, title, byline, publication, URL, tags.

Each finder returns what it found, the basis (how it was found) and the span of text it
consumed, so that analysis can skip pure metadata lines. Fields a source already gives
(a JSONL `published`, an HTML <meta>) win: these only fill what is missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

from ..document import Document

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))


def _month(n):
    return rf"(?P<month{n}>{_MONTH_NAMES})\.?"


def _day(n):
    return rf"(?P<day{n}>[0-3]?\d)(?:st|nd|rd|th)?"


def _year(n):
    return rf"(?P<year{n}>(?:19|20)\d\d)"


# A whole date as datelines write it: 2015-12-10, December 10, 2015, 10 December 2015.
DATE_RE = (
    r"(?:(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)"
    rf"|{_month(1)}\s+{_day(1)},?\s+{_year(1)}"
    rf"|{_day(2)}\s+{_month(2)},?\s+{_year(2)})"
)

# [^\S\n] is inline whitespace: spaces, tabs and the no-break spaces web copies are full of.
# `date 2022-07-22` (or `Date: ...`) opening the text, the rest of the line being prose.
_LEADING_DATE = re.compile(rf"\A\s*(?:date|published|posted)\s*:?\s*{DATE_RE}\s*", re.I)
# A line that is only a date (`date 2023-11-14` or `Published: ...` too, as under a headline), possibly
# followed by `| Publication` or `- Publication`.
_DATE_LINE = re.compile(rf"^[^\S\n]*\**(?:(?:date|published|posted)[^\S\n]*:?[^\S\n]*)?{DATE_RE}\**[^\S\n]*(?:[|\u2013\u2014-][^\S\n]*(?P<pub>[^\n|]{{2,80}}?))?[^\S\n]*$", re.I | re.M)
_HEADING = re.compile(r"^[^\S\n]*#{1,2}[^\S\n]+(?P<title>\S[^\n]*?)[ \t#]*$", re.M)
_BYLINE = re.compile(r"^[^\S\n]*\**by\**[^\S\n]+(?P<names>[^\n]{3,200})$", re.I | re.M)
_URL_LINE = re.compile(r"^[^\S\n]*(?:original[^\S\n]+url|source[^\S\n]+url|url|source)[^\S\n]*:[^\S\n]*<?(?P<url>https?://[^\s>]+)>?[^\S\n]*$", re.I | re.M)
_TAGS = re.compile(r"^[^\S\n]*(?:issues|tags|topics|keywords)[^\S\n]*:[^\S\n]*\n+(?P<tags>[^\n]{1,300})\s*\Z", re.I | re.M)
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_NAME = r"[A-Z][\w'\u2019.-]+(?:[^\S\n]+(?:[A-Z][\w'\u2019.-]+|al-\w+|van|von|de|bin|ibn)){1,3}"
# A closing author note: "Ali Alfoneh is senior fellow at ...", "*X is the author of ...*".
_BIO = re.compile(
    rf"(?:^|(?<=[.!?][^\S\n])|(?<=\*))(?P<name>{_NAME})[^\S\n]+is[^\S\n]+(?:is[^\S\n]+)?(?:an?[^\S\n]+|the[^\S\n]+)?"
    r"(?i:(?:(?:senior|junior|former|visiting|non-resident|nonresident|associate|assistant|deputy|chief|contributing|adjunct|research|distinguished)[^\S\n]+)*"
    r"(?:fellow|researcher|professor|author|director|editor|analyst|journalist|correspondent|lecturer|writer|columnist|reporter|scholar|expert|head|president|founder|partner))\b",
    re.M,
)

# A wire dateline opening a paragraph: where the story was filed, and by whom. "DUBAI:", "NEW DELHI (AP) —",
# "CAIRO/JERUSALEM, Oct 13 (Reuters) –", "PRISTINA, Kosovo —", "Kyiv, Ukraine (AP) —". Its places are no
# actors of the sentence it opens: the actor resolver keeps them as places (pipeline/actors.py).
_CAPS = r"[A-Z][A-Z'\u2019.-]+(?:[^\S\n]+[A-Z][A-Z'\u2019.-]*){0,3}"
_TITLED = r"[A-Z][a-z'\u2019.-]+(?:[^\S\n]+[A-Z][a-z'\u2019.-]+){0,2}"
_WIRE_TAIL = (rf"(?:,[^\S\n]*(?P<region>{_TITLED}|[A-Z]\.[A-Z]\.))?"
              rf"(?:,[^\S\n]*(?P<date>(?i:{_MONTH_NAMES})\.?[^\S\n]+\d{{1,2}}(?:,[^\S\n]*\d{{4}})?))?"
              r"[^\S\n]*(?:\((?P<credit>[^()\n]{2,40})\))?[^\S\n]*")
_WIRE_DATELINE = re.compile(
    rf"^[^\S\n]*(?:(?P<caps>{_CAPS}(?:[^\S\n]*/[^\S\n]*{_CAPS})*)|(?P<titled>{_TITLED}(?:/{_TITLED})*))"
    rf"{_WIRE_TAIL}(?P<sep>[\u2014\u2013:]|--?)[^\S\n]+(?=[\"\u201c\u2018'A-Z])",
    re.M,
)


@dataclass
class Dateline:
    start: int
    end: int  # just after the dash or colon
    places: list  # (start, end) of each place it names: "CAIRO", "JERUSALEM"; "PRISTINA", "Kosovo"
    credit: tuple | None  # (start, end) of the agency in brackets: "Reuters"


def wire_datelines(text: str) -> list[Dateline]:
    """Wire datelines at the start of the text or of a paragraph. Title-case ones ("Kyiv, Ukraine —")
    need a region, date or credit and a dash, so that a sentence is never taken for one."""
    found = []
    for m in _WIRE_DATELINE.finditer(text):
        group = "caps" if m.group("caps") else "titled"
        if group == "titled" and not ((m.group("region") or m.group("date") or m.group("credit"))
                                      and m.group("sep") in "\u2014\u2013"):
            continue
        places, pos = [], m.start(group)
        for name in m.group(group).split("/"):
            start = text.index(name.strip(), pos)
            places.append((start, start + len(name.strip())))
            pos = start + len(name.strip())
        if m.group("region"):
            places.append((m.start("region"), m.end("region")))
        credit = (m.start("credit"), m.end("credit")) if m.group("credit") else None
        found.append(Dateline(m.start(), m.end(), places, credit))
    return found


@dataclass
class Found:
    values: dict = field(default_factory=dict)
    basis: dict = field(default_factory=dict)
    spans: list = field(default_factory=list)

    def put(self, name, value, basis, span=None):
        if name in self.values or value in (None, "", []):
            return
        self.values[name] = value
        self.basis[name] = basis
        if span is not None:
            self.spans.append(span)


def parse_date(m: re.Match) -> date | None:
    try:
        if m.group("iso"):
            return date.fromisoformat(m.group("iso"))
        n = 1 if m.group("year1") else 2
        return date(int(m.group(f"year{n}")), _MONTHS[m.group(f"month{n}").lower()], int(m.group(f"day{n}")))
    except (ValueError, KeyError):
        return None


# The years a publication date may have: anything else (year 0, 9999, 99999) is a wrong field, and
# analysis counts days from the date, which must not overflow.
MIN_YEAR, MAX_YEAR = 1000, 2999
# The time after an ISO date, where one follows: its hour and minute must exist.
_ISO_TIME = re.compile(r"[T ](\d\d):?(\d\d)")


def parse_date_text(text: str) -> date | None:
    """A date from a metadata field: ISO first (a time after it must be a real time), then the
    dateline forms. None for anything else, or a year outside MIN_YEAR..MAX_YEAR."""
    text = text.strip()
    try:
        found = date.fromisoformat(text[:10])
        time = _ISO_TIME.match(text, 10)
        if time and (int(time[1]) > 24 or int(time[2]) > 59):
            return None
    except ValueError:
        m = re.fullmatch(DATE_RE, text, re.I)
        found = parse_date(m) if m else None
    return found if found and MIN_YEAR <= found.year <= MAX_YEAR else None


def usable_url(url: str) -> bool:
    """Whether a URL can be taken apart (its site is its host): `http://[::1/x` cannot."""
    try:
        urlsplit(url).hostname
    except ValueError:
        return False
    return True


def _split_names(names: str) -> list[str]:
    names = _MD_LINK.sub(r"\1", names).strip(" *_")
    names = re.split(r"\s*(?:,|\band\b|&)\s*", names)
    return [n.strip(" *_") for n in names if re.fullmatch(_NAME, n.strip(" *_"))]


def _head(text: str, chars: int = 1500) -> int:
    """Metadata lines sit in the first lines of a text: look no further than this offset."""
    return min(len(text), chars)


def find_metadata(text: str) -> Found:
    found = Found()
    head = _head(text)

    m = _LEADING_DATE.match(text)
    if m and (d := parse_date(m)):
        found.put("published", d, "leading date prefix", (m.start(), m.end()))

    for m in _DATE_LINE.finditer(text, 0, head):
        if d := parse_date(m):
            found.put("published", d, "dateline" if m.group("pub") else "date line", (m.start(), m.end()))
            if m.group("pub"):
                found.put("publication", m.group("pub").strip(" *"), "dateline")
            break

    m = _HEADING.search(text, 0, head)
    if m:
        # Titles stay in the analysed text (they name actors); only pure metadata is masked.
        found.put("title", _MD_LINK.sub(r"\1", m.group("title")).strip(" *"), "markdown heading")
    else:
        _first_short_line(text, found)

    m = _BYLINE.search(text, 0, head)
    if m and (names := _split_names(m.group("names"))):
        found.put("authors", names, "byline", (m.start(), m.end()))

    m = _URL_LINE.search(text)
    if m and usable_url(m.group("url")):
        found.put("url", m.group("url"), "url line", (m.start(), m.end()))

    m = _TAGS.search(text)
    if m:
        found.put("keywords", m.group("tags").split(), "tag footer", (m.start(), m.end()))

    if "authors" not in found.values:
        tail_start = max(0, len(text) - 800)
        bios = [m.group("name").strip() for m in _BIO.finditer(text, tail_start)]
        found.put("authors", list(dict.fromkeys(bios)), "author note")
    return found


def _first_short_line(text: str, found: Found) -> None:
    """A title is a short line standing alone near the top, not ending like a sentence."""
    pos = 0
    for line in text[: _head(text)].split("\n"):
        start, pos = pos, pos + len(line) + 1
        stripped = line.strip().strip("*_ ")
        if not stripped or any(a <= start < b for a, b in found.spans):
            continue
        words = stripped.split()
        if 2 <= len(words) <= 16 and not re.search(r"[.,;:]$", stripped) and stripped[0].isupper():
            found.put("title", stripped, "first short line")
        return  # only the first line of prose can be a title


def apply_metadata(doc: Document) -> Document:
    """Fill the document's missing metadata from its text and mark the consumed spans."""
    found = find_metadata(doc.text)
    for name, value in found.values.items():
        if getattr(doc, name) in (None, [], ""):
            setattr(doc, name, value)
            doc.basis[name] = found.basis[name]
    doc.masked = sorted(set(doc.masked) | set(found.spans))
    return doc
