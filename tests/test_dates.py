"""Dates of events, explicit or relative to the article's publication date."""

from __future__ import annotations

from datetime import date

import pytest

from detente.pipeline.dates import read_date

PUB = date(2022, 7, 22)  # a Friday


@pytest.mark.parametrize("text,value,precision,basis", [
    ("On February 24, 2022", "2022-02-24", "day", "explicit"),
    ("24 February 2022", "2022-02-24", "day", "explicit"),
    ("Nov. 23, 2015", "2015-11-23", "day", "explicit"),
    ("in September 2015", "2015-09", "month", "explicit"),
    ("March 2011", "2011-03", "month", "explicit"),
    ("since 1991", "1991", "year", "explicit"),
    ("1980-88", "1980", "year", "explicit"),
    ("the spring 2015", "2015", "year", "explicit"),
    ("the early 2000s", "2000", "decade", "explicit"),
    ("October 15", "2021-10-15", "day", "explicit"),  # no year: the last October 15 before publication
    ("July 20", "2022-07-20", "day", "explicit"),
    ("on Monday", "2022-07-18", "day", "relative-to-publication"),
    ("Friday", "2022-07-22", "day", "relative-to-publication"),
    ("last Friday", "2022-07-15", "day", "relative-to-publication"),
    ("yesterday", "2022-07-21", "day", "relative-to-publication"),
    ("this week", "2022-07-18", "week", "relative-to-publication"),
    ("last week", "2022-07-11", "week", "relative-to-publication"),
    ("last month", "2022-06", "month", "relative-to-publication"),
    ("last year", "2021", "year", "relative-to-publication"),
    ("two years ago", "2020", "year", "relative-to-publication"),
    ("in March", "2022-03", "month", "relative-to-publication"),
    ("in December", "2021-12", "month", "relative-to-publication"),
])
def test_read_date(text, value, precision, basis):
    found = read_date(text, PUB)
    assert (found.value, found.precision, found.basis) == (value, precision, basis)


def test_relative_dates_need_a_publication_date():
    assert read_date("on Monday", None) is None
    assert read_date("last week", None) is None
    assert read_date("in September 2015", None).value == "2015-09"


def test_nothing_datable():
    assert read_date("the days following", PUB) is None
    assert read_date("decades", PUB) is None


def test_named_periods_date_by_their_first_year():
    from detente.pipeline.dates import period_date

    assert period_date("World War II").value == "1939"
    assert period_date("the Iran-Iraq War").basis == "period"
    assert period_date("the Peloponnesian War") is None
