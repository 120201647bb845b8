"""Dates of events: a DATE expression read against the article's publication date.

`read_date("On February 24, 2022", published)` gives a WhenDate with its precision (day, week,
month, year, decade) and basis (explicit, relative-to-publication). Expressions with no anchor we
can trust ("two years ago" with no publication date, "the days following") give None. Named
periods ("during World War II") date by their first year (periods.yaml).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    name: i + 1
    for i, names in enumerate([
        ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
        ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
        ("december", "dec"),
    ])
    for name in names
}
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"


@dataclass(frozen=True)
class WhenDate:
    value: str  # ISO, as precise as known: 2022-02-24, 2022-07, 2015, 1990s as 1990
    precision: str  # day, week, month, year, decade
    basis: str  # explicit, relative-to-publication

    @property
    def start(self) -> date:
        parts = [int(p) for p in self.value.split("-")]
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _day(d: date, precision: str = "day") -> str:
    return {"day": d.isoformat(), "week": d.isoformat(), "month": d.isoformat()[:7], "year": str(d.year)}[precision]


def _explicit(text: str, published: date | None) -> WhenDate | None:
    t = text.lower()
    m = re.search(rf"{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{_YEAR}", t) or re.search(
        rf"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}", t)
    if m:
        try:
            return WhenDate(date(int(m["year"]), MONTHS[m["month"]], int(m["day"])).isoformat(), "day", "explicit")
        except ValueError:
            return None
    if m := re.search(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b", t):
        try:
            return WhenDate(date(int(m["year"]), int(m["m"]), int(m["d"])).isoformat(), "day", "explicit")
        except ValueError:
            return None
    if m := re.search(rf"{_MONTH},?\s+(?:of\s+)?{_YEAR}", t):
        return WhenDate(f"{m['year']}-{MONTHS[m['month']]:02d}", "month", "explicit")
    if m := re.search(rf"(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?{_YEAR}", t) or re.search(
            rf"{_YEAR}\s+(?:spring|summer|autumn|fall|winter)", t):
        return WhenDate(m["year"], "year", "explicit")
    if m := re.search(r"\b(?P<year>1[5-9]\d0|20\d0)'?s\b", t):  # the 1990s, the early 2000s
        return WhenDate(m["year"], "decade", "explicit")
    if m := re.search(rf"\b{_YEAR}\b", t):
        return WhenDate(m["year"], "year", "explicit")
    # A day and month with no year: the year of publication, or the one before if that lies ahead.
    m = re.search(rf"{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b", t) or re.search(
        rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}", t)
    if m and published:
        try:
            d = date(published.year, MONTHS[m["month"]], int(m["day"]))
        except ValueError:
            return None
        if d > published + timedelta(days=7):
            d = d.replace(year=d.year - 1)
        return WhenDate(d.isoformat(), "day", "explicit")
    if m := re.fullmatch(rf"(?:in\s+|early\s+|late\s+|mid-?)?{_MONTH}", t.strip()):
        if published:
            year = published.year if MONTHS[m["month"]] <= published.month else published.year - 1
            return WhenDate(f"{year}-{MONTHS[m['month']]:02d}", "month", "relative-to-publication")
    return None


def _relative(text: str, published: date) -> WhenDate | None:
    t = text.lower().strip()
    rel = "relative-to-publication"
    if re.search(r"\b(today|tonight|this morning|this afternoon|this evening)\b", t):
        return WhenDate(published.isoformat(), "day", rel)
    if re.search(r"\byesterday\b", t):
        return WhenDate((published - timedelta(days=1)).isoformat(), "day", rel)
    if m := re.search(r"\b(last|this|next|on|past)?\s*(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", t):
        back = (published.weekday() - WEEKDAYS[m.group(2)]) % 7
        if m.group(1) == "next":
            return WhenDate((published + timedelta(days=(7 - back) % 7 or 7)).isoformat(), "day", rel)
        if m.group(1) == "last" and back == 0:
            back = 7
        return WhenDate((published - timedelta(days=back)).isoformat(), "day", rel)
    monday = published - timedelta(days=published.weekday())
    if re.search(r"\b(this|the past|earlier this)\s+week\b", t):
        return WhenDate(monday.isoformat(), "week", rel)
    if re.search(r"\b(last|previous)\s+week\b", t):
        return WhenDate((monday - timedelta(days=7)).isoformat(), "week", rel)
    if re.search(r"\bnext\s+week\b", t):
        return WhenDate((monday + timedelta(days=7)).isoformat(), "week", rel)
    first = published.replace(day=1)
    if re.search(r"\b(this|earlier this|later this)\s+month\b", t):
        return WhenDate(first.isoformat()[:7], "month", rel)
    if re.search(r"\b(last|previous)\s+month\b", t):
        return WhenDate((first - timedelta(days=1)).isoformat()[:7], "month", rel)
    if re.search(r"\bnext\s+month\b", t):
        return WhenDate((first + timedelta(days=32)).isoformat()[:7], "month", rel)
    if re.search(r"\b(this|earlier this|later this)\s+year\b", t):
        return WhenDate(f"{published.year:04d}", "year", rel)
    if re.search(r"\b(last|previous)\s+year\b", t):
        return WhenDate(f"{published.year - 1:04d}", "year", rel)
    if re.search(r"\bnext\s+year\b", t):
        return WhenDate(f"{published.year + 1:04d}", "year", rel)
    if m := re.search(r"\b(\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week|month|year)s?\s+ago\b", t):
        words = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
        n = int(words.get(m.group(1), m.group(1)) if m.group(1) in words else m.group(1))
        unit = m.group(2)
        if unit == "day":
            return WhenDate((published - timedelta(days=n)).isoformat(), "day", rel)
        if unit == "week":
            return WhenDate((monday - timedelta(days=7 * n)).isoformat(), "week", rel)
        if unit == "month":
            y, mo = divmod(published.year * 12 + published.month - 1 - n, 12)
            return WhenDate(f"{y:04d}-{mo + 1:02d}", "month", rel)
        return WhenDate(f"{published.year - n:04d}", "year", rel)
    return None


@functools.lru_cache(maxsize=1)
def _periods() -> dict[str, int]:
    from ..knowledge.kb import read_yaml

    periods = {}
    for p in read_yaml("periods.yaml"):
        for name in [p["name"], *(p.get("aliases") or [])]:
            periods[re.sub(r"^the\s+", "", name.lower())] = p["start"]
    return periods


def period_names() -> list[str]:
    """Every name and alias of the named periods, lower case, without a leading "the"."""
    return list(_periods())


def period_date(text: str) -> WhenDate | None:
    """The first year of a named period: "World War II" -> 1939."""
    year = _periods().get(re.sub(r"^the\s+", "", text.strip().lower()))
    return WhenDate(str(year), "year", "period") if year else None


def read_date(text: str, published: date | None) -> WhenDate | None:
    """The date a DATE expression names, explicit first, then relative to publication; None for
    one that falls outside the calendar ("999999 days ago", "yesterday" on 0001-01-01)."""
    try:
        found = _explicit(text, published)
        if not found and published is not None:
            found = _relative(text, published)
        if found:
            found.start  # noqa: B018  (a year before 1 or after 9999 does not parse)
        return found
    except (OverflowError, ValueError):
        return None


def needs_anchor(text: str) -> bool:
    """Whether a DATE expression names a date only relative to publication ("last week", "in
    January"): for a document with no publication date, such an event is 'unanchored'."""
    return read_date(text, None) is None and read_date(text, date(2001, 1, 1)) is not None
