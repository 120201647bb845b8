"""Hostile input, generated: whatever a folder holds, reading it never raises, every good record comes
out whole, every bad input is one printable error line naming its file, and no document carries a
character the store or a terminal cannot take.

A good record here is a valid JSON object (or CSV row, or text file) in a file whose bytes are mostly
good records: a file that is mostly junk may rightly be refused whole as binary.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from pathlib import Path
from urllib.parse import urlparse

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.document import Document
from detente.ingest import InputError, discover, read_sources

GOOD_TEXTS = [
    "Turkey and Qatar signed a defence pact in Doha.",
    "Министр иностранных дел России Сергей Лавров прибыл в Тегеран.",
    "Le ministre a déclaré à Genève que la coopération était « préoccupante ».",
    "中国和巴基斯坦外长在北京举行会谈。",
    "Oman mediated — again — between Iran and the US \U0001F91D.",
]
NASTY = ["\x00", "\x01", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9b", "\u2028", "\u2029", "\ufeff",
         "\ufffe", "\ud800", "\udfff", "\ud83d", "\r", "\n", "\t", "\u202e", '"', ",", "{", "[", "\\"]
characters = st.one_of(st.characters(), st.sampled_from(NASTY))
hostile_text = st.text(characters, max_size=60)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | hostile_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(hostile_text, inner, max_size=4),
    max_leaves=12,
)
field_values = st.one_of(
    json_values, hostile_text,
    st.sampled_from(["http://[::1/x", "http://\u2100.com/", "https://ex.org/a b", "0000-01-01", "99999-12-31",
                     "9999-12-31T99:99", "2021-02-30", "1e400", "", " ", "\u0000"]),
)
hostile_record = st.fixed_dictionaries({}, optional={
    "text": field_values, "title": field_values, "published": field_values, "url": field_values,
    "authors": field_values, "source": field_values,
})


def _encode(text: str) -> bytes:
    return text.encode("utf-8", errors="surrogatepass")  # a lone surrogate becomes invalid UTF-8


hostile_line = st.one_of(
    st.binary(max_size=80),
    hostile_text.map(_encode),
    st.tuples(json_values, st.booleans()).map(lambda v: _encode(json.dumps(v[0], ensure_ascii=v[1]))),
    st.tuples(hostile_record, st.booleans()).map(lambda v: _encode(json.dumps(v[0], ensure_ascii=v[1]))),
    st.integers(900, 6000).map(lambda n: b"[" * n + b"]" * n),
    st.integers(4000, 6000).map(lambda n: b'{"text": "x", "n": ' + b"9" * n + b"}"),
)
file_names = st.text(st.characters(blacklist_characters="/\x00.", blacklist_categories=["Cs"]) | st.sampled_from(
    ["\n", "\x1b", "\u2028", "\r", " "]), min_size=1, max_size=12)


def _good_jsonl(i: int, ascii_only: bool) -> tuple[bytes, dict]:
    record = {"text": f"{GOOD_TEXTS[i % len(GOOD_TEXTS)]} Record {i}.", "title": f"Title {i}"}
    return json.dumps(record, ensure_ascii=ascii_only).encode(), record


def _csv_row(values: list[str]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(values)
    return _encode(out.getvalue())


@st.composite
def folders(draw):
    """(files {name: bytes}, expected good records [(file name, text, title)])."""
    files, expected, counter = {}, [], iter(range(10**6))
    names = draw(st.lists(file_names, min_size=3, max_size=3, unique_by=str.lower))

    # JSONL: good records and hostile lines, in any order; junk never more than a third of the bytes
    good = [_good_jsonl(next(counter), draw(st.booleans())) for _ in range(draw(st.integers(3, 6)))]
    bad = draw(st.lists(hostile_line, max_size=4))
    budget = sum(len(line) for line, _ in good) // 2
    bad = [line for line in bad if len(line) <= budget][:4]
    lines = draw(st.permutations([line for line, _ in good] + bad))
    if lines[0][:2] in (b"\xff\xfe", b"\xfe\xff"):  # a leading UTF-16 mark declares the whole file
        lines[0] = b"x" + lines[0]
    files[names[0] + ".jsonl"] = b"\n".join(lines) + draw(st.sampled_from([b"", b"\n", b"\r\n"]))
    expected += [(names[0] + ".jsonl", r["text"], r["title"]) for _, r in good]

    # CSV: good rows and rows of hostile values (quoted by the writer), and raw junk lines without quotes
    rows = [(f"{GOOD_TEXTS[i % len(GOOD_TEXTS)]} Row {i}.", f"Row title {i}") for i in
            [next(counter) for _ in range(draw(st.integers(3, 6)))]]
    good_rows = [_csv_row([text, title, "2021-08-03"]) for text, title in rows]
    bad_rows = [_csv_row(values) for values in draw(st.lists(st.lists(hostile_text, min_size=1, max_size=4), max_size=3))]
    junk = [line.replace(b'"', b"").replace(b"\r", b"").replace(b"\n", b"") for line in draw(st.lists(st.binary(max_size=40), max_size=2))]
    bad_rows += [j + b"\n" for j in junk]
    while sum(map(len, bad_rows)) * 2 > sum(map(len, good_rows)):
        bad_rows.pop()
    body = draw(st.permutations(good_rows + bad_rows))
    files[names[1] + ".csv"] = b"text,title,published\n" + b"".join(body)
    expected += [(names[1] + ".csv", text, title) for text, title in rows]

    # a text file with junk after a good article, and a hostile one
    i = next(counter)
    article = f"{GOOD_TEXTS[i % len(GOOD_TEXTS)]} Article {i}."
    files[names[2] + ".txt"] = _encode(article)
    files[names[2] + " hostile.txt"] = draw(st.one_of(st.binary(max_size=200), hostile_text.map(_encode)))
    files[names[2] + " hostile.json"] = draw(hostile_line)
    files[names[2] + " hostile.html"] = b"<html><body><p>" + draw(hostile_text.map(_encode)) + b"</p></body></html>"
    expected.append((names[2] + ".txt", article, None))
    return files, expected


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.data_too_large])
@given(folders())
def test_hostile_folders_never_stop_a_run(tmp_path_factory, folder):
    files, expected = folder
    root = tmp_path_factory.mktemp("attack")
    for name, data in files.items():
        (root / name).write_bytes(data)
    paths = {str(root / name) for name in files}

    items = list(read_sources(discover([root])))  # never raises

    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(docs) + len(errors) == len(items)
    for error in errors:
        line = str(error)
        assert "\n" not in line and "\r" not in line and not _CONTROL.search(line)
        assert "\u2028" not in line and "\u2029" not in line
        assert error.path in paths and line.startswith(str(root))
    for doc in docs:
        assert doc.source_path in paths
        assert not _CONTROL.search(doc.text.replace("\t", "").replace("\n", "")), repr(doc.text)
        doc.text.encode("utf-8")
        assert len(doc.doc_id) == 16
        for value in (doc.title, doc.publication, doc.url, *doc.authors, *doc.keywords):
            if value is not None:
                assert not _CONTROL.search(value) and "\n" not in value
                value.encode("utf-8")
        if doc.url:
            urlparse(doc.url).hostname  # what the store does: must not raise
    found = {(Path(d.source_path).name, d.text, d.title) for d in docs}
    for name, text, title in expected:
        text = unicodedata.normalize("NFC", text)
        assert (name, text, title) in found or (title is None and any(n == name and t == text for n, t, _ in found)), \
            f"good record lost: {name!r} {text!r}\n{[str(e) for e in errors]}"
