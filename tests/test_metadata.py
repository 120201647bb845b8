"""Metadata found in the text itself, each field with how it was found."""

from __future__ import annotations

import json
from datetime import date

import pytest

from detente.document import Document, normalise_text
from detente.ingest.metadata import apply_metadata, find_metadata, parse_date_text

from .conftest import GOLD, SEEDS


def meta(text: str):
    return find_metadata(normalise_text(text))


def test_leading_date_prefix_is_found_and_masked():
    text = "date 2019-03-04 The foreign ministers of Armenia and Azerbaijan met in Vienna on Friday."
    found = meta(text)
    assert found.values["published"] == date(2019, 3, 4)
    assert found.basis["published"] == "leading date prefix"
    (start, end), = found.spans
    assert text[end:].startswith("The foreign ministers")


def test_dateline_gives_date_and_publication():
    text = "March 3, 2018 | Eurasia Review\n\nThe Caspian Summit\n\nLeaders of five littoral states signed a convention."
    found = meta(text)
    assert found.values["published"] == date(2018, 3, 3)
    assert found.values["publication"] == "Eurasia Review"
    assert found.basis["publication"] == "dateline"
    assert found.values["title"] == "The Caspian Summit"
    assert found.basis["title"] == "first short line"


def test_date_line_alone_and_day_month_year():
    found = meta("Caspian talks stall\n\n4 July 2017\n\nNegotiators left Astana without a deal on Tuesday.")
    assert found.values["published"] == date(2017, 7, 4)
    assert found.basis["published"] == "date line"


@pytest.mark.parametrize("line", ["date 2023-11-14", "Date: 2023-11-14", "Published: November 14, 2023", "posted 14 November 2023"])
def test_a_labelled_date_line_under_the_headline_is_the_publication_date(line):
    text = f"Russia and Iran sign a gas deal\n{line}\n\nRussia and Iran signed a gas deal in Tehran on Monday."
    found = meta(text)
    assert found.values["published"] == date(2023, 11, 14) and found.basis["published"] == "date line"
    (start, end), = found.spans  # masked: the line is metadata, not prose
    assert text[start:end].strip() == line


def test_markdown_heading_byline_with_link_and_url_line():
    text = (
        "\n\n# Ankara and Baku: Closer Than Ever\n\n**A new pipeline binds them.**\n\n"
        "By [Jane Q. Public](#) and John Roe\n\nMay 5, 2020\n\nTurkey and Azerbaijan signed a gas deal.\n\n"
        "Original url: <https://example.org/2020/05/05/ankara-baku>"
    )
    found = meta(text)
    assert found.values["title"] == "Ankara and Baku: Closer Than Ever"
    assert found.basis["title"] == "markdown heading"
    assert found.values["authors"] == ["Jane Q. Public", "John Roe"]
    assert found.basis["authors"] == "byline"
    assert found.values["url"] == "https://example.org/2020/05/05/ankara-baku"
    assert found.values["published"] == date(2020, 5, 5)


def test_author_note_at_the_end_with_no_break_spaces():
    text = (
        "Turkey and Azerbaijan signed a gas deal on Monday, officials in Ankara said.\n\n"
        "Maria Example is\u00a0a senior fellow at the Example Institute. Tom Sample is Visiting Researcher at Nowhere University."
    )
    found = meta(text)
    assert found.values["authors"] == ["Maria Example", "Tom Sample"]
    assert found.basis["authors"] == "author note"


def test_long_first_line_is_not_a_title_and_nothing_is_invented():
    found = meta(
        "Officials in Baku and Yerevan traded accusations on Tuesday after a night of shelling along the border, "
        "the worst since the ceasefire of 2020 was agreed in Moscow."
    )
    assert found.values == {}


def test_tag_footer_is_kept_as_keywords():
    found = meta("Turkey and Azerbaijan signed a gas deal.\n\nTags:\n\nTurkey Azerbaijan Energy")
    assert found.values["keywords"] == ["Turkey", "Azerbaijan", "Energy"]


def test_fields_given_by_the_source_win_over_the_text():
    doc = Document(text="March 3, 2018 | Eurasia Review\n\nLeaders signed a convention.", source_path="x.jsonl")
    doc.publication, doc.basis["publication"] = "Given Name", "field"
    apply_metadata(doc)
    assert doc.publication == "Given Name" and doc.basis["publication"] == "field"
    assert doc.published == date(2018, 3, 3) and doc.basis["published"] == "dateline"
    # the dateline is metadata: analysis does not see it, offsets stay those of the text
    assert doc.analysable_text().startswith(" " * 10)
    assert len(doc.analysable_text()) == len(doc.text)


@pytest.mark.parametrize("raw,expected", [
    ("2021-08-03", date(2021, 8, 3)), ("2021-08-03T10:00:00Z", date(2021, 8, 3)),
    ("August 3, 2021", date(2021, 8, 3)), ("3 Aug. 2021", date(2021, 8, 3)), ("someday", None),
])
def test_parse_date_text(raw, expected):
    assert parse_date_text(raw) == expected


def test_seed_metadata_matches_every_field_the_gold_gives():
    if not GOLD.is_dir():
        pytest.skip("no seed gold beside the project")
    checked = 0
    for gold_file in sorted(GOLD.glob("*.json")):
        gold = json.loads(gold_file.read_text())
        doc = Document(text=normalise_text((SEEDS / gold["doc"]).read_text()), source_path=gold["doc"])
        apply_metadata(doc)
        got = {"title": doc.title, "published": doc.published and doc.published.isoformat(),
               "source": doc.publication, "authors": doc.authors, "url": doc.url}
        for name, value in gold["metadata"].items():
            if value not in (None, []):
                assert got[name] == value, (gold["doc"], name)
                checked += 1
    assert checked >= 9
