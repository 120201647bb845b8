"""Every source kind, and every kind of bad input: one clear error naming the file, and the rest still read."""

from __future__ import annotations

import codecs
import json
from datetime import date

import pytest

from detente.document import Document, normalise_text
from detente.ingest import InputError, discover, read_sources
from detente.ingest.decode import decode
from detente.ingest.metadata import parse_date_text

RUSSIAN = ("Министр иностранных дел России Сергей Лавров заявил в понедельник, что Москва готова "
           "продолжить переговоры с Тегераном о ядерной программе и поставках зерна.")
FRENCH = ("Le ministre français des Affaires étrangères a déclaré à Genève que la coopération militaire "
          "entre l'Iran et la Russie était « préoccupante » pour la sécurité européenne.")


def read(*paths):
    return list(read_sources(discover(paths)))


def docs_and_errors(items):
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, InputError)]


@pytest.mark.parametrize("text,encoding", [(RUSSIAN, "cp1251"), (RUSSIAN, "koi8-r"), (FRENCH, "latin-1"), (FRENCH, "cp1252")])
def test_legacy_encodings_are_decoded_not_dropped(text, encoding):
    decoded, found = decode(text.encode(encoding), "f.txt")
    assert decoded == text


def test_utf8_bom_and_utf16_are_decoded():
    assert decode(codecs.BOM_UTF8 + FRENCH.encode(), "f")[0] == FRENCH
    assert decode(FRENCH.encode("utf-16"), "f")[0] == FRENCH


def test_binary_and_empty_files_are_refused(tmp_path):
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("  \n\n \t\n")
    docs, errors = docs_and_errors(read(tmp_path))
    assert docs == []
    reasons = {e.path.rsplit("/", 1)[-1]: e.reason for e in errors}
    assert reasons == {"blob.txt": "binary file, not text", "empty.txt": "empty file", "blank.md": "empty file"}


def test_folder_is_read_recursively_in_order_skipping_hidden_and_unknown(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.md").write_text("Armenia and Azerbaijan met in Vienna.")
    (tmp_path / "one.txt").write_text("Turkey and Qatar met in Doha.")
    (tmp_path / ".hidden.txt").write_text("Not me.")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    docs, errors = docs_and_errors(read(tmp_path))
    assert [d.text for d in docs] == ["Armenia and Azerbaijan met in Vienna.", "Turkey and Qatar met in Doha."]
    assert errors == []


def test_missing_path_and_unsupported_file_are_named(tmp_path):
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    _, errors = docs_and_errors(read(tmp_path / "nowhere", tmp_path / "report.pdf"))
    assert [str(e) for e in errors] == [
        f"{tmp_path / 'nowhere'}: no such file or folder",
        f"{tmp_path / 'report.pdf'}: unsupported file type '.pdf' (supported: "
        ".csv, .htm, .html, .json, .jsonl, .markdown, .md, .ndjson, .text, .txt, .urls)",
    ]


def test_jsonl_with_one_broken_line_keeps_the_good_records(tmp_path):
    lines = [
        json.dumps({"text": "Turkey and Qatar signed a defence pact.", "title": "Pact", "published": "2017-12-14",
                    "source": "Example Wire", "authors": ["A. Writer", "B. Writer"], "url": "https://ex.org/a"}),
        '{"text": "broken',
        json.dumps({"title": "no text here"}),
        json.dumps({"body": "Egypt and Sudan discussed the Nile dam.", "author": "C. Writer and D. Writer"}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n")
    docs, errors = docs_and_errors(read(path))
    assert [(e.line, e.reason.split(" (")[0]) for e in errors] == [(2, "invalid JSON"), (3, "record has no text")]
    assert all(str(e).startswith(f"{path}:") for e in errors)
    first, second = docs
    assert (first.title, first.published, first.publication, first.authors, first.url) == (
        "Pact", date(2017, 12, 14), "Example Wire", ["A. Writer", "B. Writer"], "https://ex.org/a")
    assert first.basis == {"title": "field", "published": "field", "publication": "field", "authors": "field", "url": "field"}
    assert first.record == "1" and second.record == "4"
    assert second.authors == ["C. Writer", "D. Writer"]


def test_json_list_and_single_object(tmp_path):
    (tmp_path / "list.json").write_text(json.dumps([{"text": "Oman mediated between Iran and the US."}, {"text": "Qatar hosted talks."}]))
    (tmp_path / "one.json").write_text(json.dumps({"text": "Japan and Korea held talks.", "date": "March 1, 2019"}))
    docs, errors = docs_and_errors(read(tmp_path))
    assert errors == [] and len(docs) == 3
    assert docs[2].published == date(2019, 3, 1)


def test_csv_with_text_column_in_a_legacy_encoding(tmp_path):
    path = tmp_path / "articles.csv"
    content = f'title,text,published\nЛавров в Тегеране,"{RUSSIAN}",2022-06-23\nEmpty,,2022-06-24\n'
    path.write_bytes(content.encode("cp1251"))
    docs, errors = docs_and_errors(read(path))
    assert len(docs) == 1 and docs[0].text == RUSSIAN and docs[0].title == "Лавров в Тегеране"
    assert docs[0].published == date(2022, 6, 23) and docs[0].record == "2"
    assert [(e.line, e.reason.split(" (")[0]) for e in errors] == [(3, "record has no text")]


def test_csv_without_a_text_column_is_refused_whole(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("title,summary\nA,B\n")
    _, errors = docs_and_errors(read(path))
    assert [str(e) for e in errors] == [
        f"{path}: no text column (need one of: text, body, content; found: title, summary)"]


def test_html_main_text_is_extracted_without_boilerplate(tmp_path):
    body = " ".join(
        f"Paragraph {i}: the foreign ministers of Turkey and Azerbaijan discussed the new gas pipeline, "
        "the security of the Caspian route and the prospects of a regional trade agreement." for i in range(6))
    html = f"""<!doctype html><html><head><title>Baku talks | Example News</title>
    <meta property="og:title" content="Baku and Ankara agree on pipeline">
    <meta name="author" content="Jane Public">
    <meta property="article:published_time" content="2021-05-06T08:00:00Z"></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a> Subscribe now for unlimited access</nav>
    <article><h1>Baku and Ankara agree on pipeline</h1><p>{body}</p><p>{body}</p></article>
    <footer>Copyright 2021 Example News. All rights reserved. Cookie settings.</footer></body></html>"""
    (tmp_path / "page.html").write_text(html)
    (doc,), errors = docs_and_errors(read(tmp_path / "page.html"))
    assert errors == []
    assert "foreign ministers of Turkey and Azerbaijan" in doc.text
    assert "Subscribe now" not in doc.text and "Cookie settings" not in doc.text
    assert doc.title == "Baku and Ankara agree on pipeline" and doc.basis["title"] == "html metadata"
    assert doc.published == date(2021, 5, 6)
    assert doc.authors == ["Jane Public"]


def test_html_without_article_text_is_an_error(tmp_path):
    (tmp_path / "empty.html").write_text("<html><body><nav>Home</nav></body></html>")
    _, errors = docs_and_errors(read(tmp_path / "empty.html"))
    assert [e.reason for e in errors] == ["no article text found in the HTML"]


def test_same_text_in_other_encodings_and_line_endings_has_one_id(tmp_path):
    (tmp_path / "a.txt").write_bytes(FRENCH.encode("latin-1") + b"\r\n")
    (tmp_path / "b.txt").write_bytes(codecs.BOM_UTF8 + FRENCH.encode() + b"   \n\n")
    a, b = docs_and_errors(read(tmp_path))[0]
    assert a.doc_id == b.doc_id
    (tmp_path / "c.txt").write_text(FRENCH + " Changed.")
    assert docs_and_errors(read(tmp_path / "c.txt"))[0][0].doc_id != a.doc_id


def test_a_url_list_is_fetched_and_extracted(tmp_path):
    import functools
    import http.server
    import threading

    body = " ".join(f"Sentence {i}: the foreign ministers of Qatar and Oman met in Doha to discuss shipping." for i in range(8))
    site = tmp_path / "site"
    site.mkdir()
    (site / "a.html").write_text(f"<html><head><title>Doha talks</title></head><body><article><h1>Doha talks</h1>"
                                 f"<p>{body}</p></article></body></html>")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a, **k: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        urls = tmp_path / "list.urls"
        urls.write_text(f"# reading list\n{base}/a.html\n{base}/missing.html\nftp://example.org/x\n")
        docs, errors = docs_and_errors(read(urls))
    finally:
        server.shutdown()
    (doc,) = docs
    assert "foreign ministers of Qatar and Oman" in doc.text and doc.title == "Doha talks"
    assert doc.url == f"{base}/a.html" and doc.record == "2"
    assert [(e.line, e.reason) for e in errors] == [
        (3, f"{base}/missing.html: cannot fetch (HTTP 404 File not found)"),
        (4, "not an http(s) address: 'ftp://example.org/x'"),
    ]


# -- what an outside tester found (issue 16): each test failed before its fix --


@pytest.mark.parametrize("text", [RUSSIAN, FRENCH, "The minister said “no” — twice, and left."])
def test_utf8_with_a_bad_byte_is_utf8_with_a_replacement_not_a_legacy_misreading(text):
    data = text[:12].encode() + b"\xff" + text[12:].encode()
    assert decode(data, "f.txt") == (text[:12] + "\ufffd" + text[12:], "utf-8 (1 invalid byte replaced)")
    # before: cp1252 or mac_roman mojibake of every valid character ("ÐœÐ¸Ð½", "‚Äúno‚Äù")
    data = text.encode()[:-1] + b"\xe2\x80"  # a last character cut short
    assert decode(data, "f.txt") == (text[:-1] + "\ufffd", "utf-8 (2 invalid bytes replaced)")


def test_a_short_legacy_text_with_one_accented_letter_is_still_legacy():
    assert decode("We met at the café before the talks.".encode("cp1252"), "f.txt")[0] == "We met at the café before the talks."


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [FRENCH, RUSSIAN, "Ο υπουργός Εξωτερικών της Ελλάδας συναντήθηκε με τον Τούρκο ομόλογό του.",
                                  "التقى وزير الخارجية السعودي نظيره الإيراني في بكين لبحث استئناف العلاقات."])
def test_utf16_without_a_bom_is_decoded_not_refused_as_binary(tmp_path, codec, text):
    assert decode(text.encode(codec), "f.txt") == (text, codec)
    (tmp_path / "a.txt").write_bytes((text + "\n").encode(codec))
    (doc,), errors = docs_and_errors(read(tmp_path / "a.txt"))
    assert errors == [] and doc.text == text


def test_ascii_with_a_space_in_every_other_byte_is_not_utf16(tmp_path):
    # "- - - -" pairs as U+202D (found by tests/test_isolation.py's hypothesis test: a JSONL file
    # with such a record was read as UTF-16 and lost every good record)
    text = "- " * 500 + "\n"
    assert decode(text.encode("ascii"), "f.txt") == (text, "utf-8")
    lines = [json.dumps({"text": "- " * 400}), json.dumps({"text": "Turkey and Qatar signed a pact.", "published": "2022-07-22"})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = docs_and_errors(read(tmp_path / "feed.jsonl"))
    assert "Turkey and Qatar signed a pact." in [d.text for d in docs]


def test_no_nul_control_or_lone_surrogate_reaches_a_document(tmp_path):
    lines = [
        json.dumps({"text": "Turkey\u0000 and Qatar signed a pact.\u001b", "title": "Pact\ud800\nsigned\u0007"}),
        json.dumps({"text": "Egypt and Sudan \ud800discussed the dam.", "authors": ["A.\u0000 Writer", "\ud83d"],
                    "source": "Wire\u2028Service", "url": "https://ex.org/\u0000a"}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    (tmp_path / "late.txt").write_bytes(b"Oman mediated between Iran and the US. " * 300 + b"\x00 Talks resume.\x1b[31m")
    docs, errors = docs_and_errors(read(tmp_path))
    assert errors == []
    for doc in docs:
        assert not any(c < " " and c not in "\t\n" or "\ud800" <= c <= "\udfff" for c in doc.text)
        doc.doc_id  # noqa: B018 - the id is the SHA-256 of the UTF-8 text: it used to raise UnicodeEncodeError
    first, second, late = docs
    assert first.text == "Turkey  and Qatar signed a pact." and first.title == "Pact\ufffd signed"
    assert second.text == "Egypt and Sudan \ufffddiscussed the dam." and second.authors == ["A. Writer", "\ufffd"]
    assert second.publication == "Wire Service" and second.url == "https://ex.org/ a"
    assert late.text.endswith("Talks resume. [31m") and "\x00" not in late.text
    assert normalise_text("a\x0cb\x0bc\x00d\x1be\x7ff\x9bg\ud800h") == "a\nb\nc d e f g\ufffdh"
    assert normalise_text(FRENCH + "\n\n" + RUSSIAN) == FRENCH + "\n\n" + RUSSIAN  # ordinary text: same text, same id


@pytest.mark.parametrize("raw,expected", [
    ("0999-12-31", None), ("1000-01-01", date(1000, 1, 1)), ("2999-12-31", date(2999, 12, 31)), ("3000-01-01", None),
    ("2021-08-03T25:00", None), ("2021-08-03T10:61", None), ("2021-08-03T10:00:00Z", date(2021, 8, 3)),
    ("2021-08-03 10:00", date(2021, 8, 3)), ("2021-08-03T10:00:00.000+02:00", date(2021, 8, 3)),
])
def test_a_date_field_is_a_real_date_in_a_sane_year(raw, expected):
    assert parse_date_text(raw) == expected


def test_jsonl_lines_split_on_newline_only(tmp_path):
    lines = [json.dumps({"text": "Iran and Russia\u2028signed\u2029a deal.\u0085", "title": "Deal\u000b"}, ensure_ascii=False),
             "{broken", json.dumps({"text": "Qatar hosted talks."})]
    path = tmp_path / "feed.jsonl"
    path.write_bytes("\r\n".join(lines).encode() + b"\r\n")
    docs, errors = docs_and_errors(read(path))
    assert [(d.record, d.text) for d in docs] == [("1", "Iran and Russia\u2028signed\u2029a deal."), ("3", "Qatar hosted talks.")]
    assert [(e.line, e.reason.split(" (")[0]) for e in errors] == [(2, "invalid JSON")]
    urls = tmp_path / "list.urls"
    urls.write_text("# reading list\u2028still a comment\nftp://a.example/x\n")
    assert [(e.line, e.reason) for e in docs_and_errors(read(urls))[1]] == [(2, "not an http(s) address: 'ftp://a.example/x'")]


def test_a_bad_byte_fails_only_its_line_of_a_jsonl_or_csv_file(tmp_path):
    good = [json.dumps({"text": f"Oman hosted round {i} of the talks.", "title": f"Round {i}"}).encode() for i in range(3)]
    (tmp_path / "feed.jsonl").write_bytes(b"\n".join([good[0], b'{"text": "a\x00b c"}', b"\x00\x01\x02\x03\xff\xfe junk",
                                                     good[1], b'{"text": "caf\xe9 au lait"}', good[2]]) + b"\n")
    (tmp_path / "table.csv").write_bytes("text,title\nOman hosted talks.,One\nQatar\x00 hosted talks.,Two\n"
                                         "Genève hosted talks.,Three\n".encode())
    docs, errors = docs_and_errors(read(tmp_path))
    texts = {(d.source_path.rsplit("/", 1)[-1], d.record): d.text for d in docs}
    assert texts == {
        ("feed.jsonl", "1"): "Oman hosted round 0 of the talks.", ("feed.jsonl", "2"): "a b c",
        ("feed.jsonl", "4"): "Oman hosted round 1 of the talks.", ("feed.jsonl", "5"): "café au lait",
        ("feed.jsonl", "6"): "Oman hosted round 2 of the talks.",
        ("table.csv", "2"): "Oman hosted talks.", ("table.csv", "3"): "Qatar  hosted talks.", ("table.csv", "4"): "Genève hosted talks.",
    }
    assert [(e.path.rsplit("/", 1)[-1], e.line) for e in errors] == [("feed.jsonl", 3)]


def test_really_binary_multi_record_files_are_still_refused(tmp_path):
    (tmp_path / "image.jsonl").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "program.csv").write_bytes(b"\x7fELF\x02\x01\x01" + bytes(500))
    (tmp_path / "noise.jsonl").write_bytes(bytes(range(256)) * 8)
    docs, errors = docs_and_errors(read(tmp_path))
    assert docs == [] and {(e.path.rsplit("/", 1)[-1], e.reason) for e in errors} == {
        ("image.jsonl", "binary file, not text"), ("program.csv", "binary file, not text"), ("noise.jsonl", "binary file, not text")}


def test_symbolic_links_are_not_followed_out_of_the_folder(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("A secret outside the corpus.")
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a.txt").write_text("Oman hosted talks.")
    (corpus / "link-out.txt").symlink_to(outside / "secret.txt")
    (corpus / "passwd.txt").symlink_to("/etc/passwd")
    (corpus / "dir-out").symlink_to(outside)
    (corpus / "sub" / "link-in.txt").symlink_to(corpus / "a.txt")
    (corpus / "sub" / "up").symlink_to(corpus)  # a loop, if it were followed
    (corpus / "loop1.txt").symlink_to(corpus / "loop2.txt")
    (corpus / "loop2.txt").symlink_to(corpus / "loop1.txt")
    (corpus / "gone.txt").symlink_to(corpus / "nothing.txt")
    docs, errors = docs_and_errors(read(corpus))
    assert [d.source_path for d in docs] == [str(corpus / "a.txt"), str(corpus / "sub" / "link-in.txt")]
    assert [str(e) for e in errors] == [
        f"{corpus / 'dir-out'}: symbolic link to a folder outside the folder, skipped",
        f"{corpus / 'gone.txt'}: broken symbolic link (its target is missing or a loop), skipped",
        f"{corpus / 'link-out.txt'}: symbolic link to a file outside the folder, skipped",
        f"{corpus / 'loop1.txt'}: broken symbolic link (its target is missing or a loop), skipped",
        f"{corpus / 'loop2.txt'}: broken symbolic link (its target is missing or a loop), skipped",
        f"{corpus / 'passwd.txt'}: symbolic link to a file outside the folder, skipped",
    ]
    # named on the command line, a link is read wherever it points: the user chose it
    (doc,), errors = docs_and_errors(read(corpus / "link-out.txt"))
    assert errors == [] and doc.text == "A secret outside the corpus."


def test_values_that_crashed_the_run_are_one_error_each(tmp_path):
    from urllib.parse import urlparse

    lines = [
        json.dumps({"text": "A url that cannot be parsed.", "url": "http://[::1/x"}),
        "[" * 5000 + "]" * 5000,
        '{"text": "A huge number.", "n": ' + "7" * 5000 + "}",
        json.dumps({"text": "Year zero.", "published": "0000-01-01"}),
        json.dumps({"text": "Year 99999.", "published": "99999-01-01"}),
        json.dumps({"text": "No such time.", "published": "9999-12-31T99:99"}),
        json.dumps({"text": "Far future.", "published": "9999-12-31"}),
        json.dumps({"text": "A title that is a list.", "title": [[1], {"a": 2}]}),
        json.dumps({"text": "Fine.", "published": "2021-08-03T10:00:00Z", "url": "https://ex.org/a"}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    (tmp_path / "deep.json").write_text("[" * 5000 + "]" * 5000)
    (tmp_path / "table.csv").write_text('text,url\n"Bad url.",http://[::1/x\n"Good url.",https://ex.org/b\n')
    (tmp_path / "note.txt").write_text("Oman hosted talks.\n\nOriginal url: <http://[::1/x>\n")
    docs, errors = docs_and_errors(read(tmp_path))
    reasons = [(e.path.rsplit("/", 1)[-1], e.line, e.reason) for e in errors]
    assert reasons == [
        ("deep.json", None, "JSON nested too deeply"),
        ("feed.jsonl", 1, "unreadable url 'http://[::1/x'"),
        ("feed.jsonl", 2, "JSON nested too deeply"),
        ("feed.jsonl", 3, "invalid JSON (a number with more than 4,300 digits)"),
        ("feed.jsonl", 4, "unreadable date '0000-01-01'"),
        ("feed.jsonl", 5, "unreadable date '99999-01-01'"),
        ("feed.jsonl", 6, "unreadable date '9999-12-31T99:99'"),
        ("feed.jsonl", 7, "unreadable date '9999-12-31'"),
        ("feed.jsonl", 8, "'title' should be text, got list"),
        ("table.csv", 2, "unreadable url 'http://[::1/x'"),
    ]
    assert sorted(d.text for d in docs) == ["Fine.", "Good url.", "Oman hosted talks.\n\nOriginal url: <http://[::1/x>"]
    for doc in docs:  # what the store does with a url
        urlparse(doc.url).hostname if doc.url else None
    assert {d.text: d.url for d in docs}["Oman hosted talks.\n\nOriginal url: <http://[::1/x>"] is None


def test_a_reader_failing_unforeseen_is_one_error_and_the_next_file_is_read(tmp_path, monkeypatch):
    from detente import ingest

    def broken(path):
        yield Document(text="Half a file.", source_path=str(path), record="1")
        raise KeyError("something unforeseen")

    monkeypatch.setitem(ingest.READERS, ".md", broken)
    (tmp_path / "a.md").write_text("x")
    (tmp_path / "b.txt").write_text("Oman hosted talks.")
    items = read(tmp_path)
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "Document"]
    assert str(items[1]) == f"{tmp_path / 'a.md'}: cannot read (KeyError: 'something unforeseen')"


def test_an_error_is_one_printable_line_whatever_the_file_is_called(tmp_path):
    name = "evil\nname\x1b[2J\u2028\u202e.txt"
    (tmp_path / name).write_bytes(b"")
    (error,) = read(tmp_path / name)
    assert error.path == str(tmp_path / name)  # kept as it is, for code
    assert str(error) == f"{tmp_path}/evil\\nname\\x1b[2J\\u2028\\u202e.txt: empty file"
    assert str(InputError("f\udcff.txt", "bad\rreason", 3)) == "f\\udcff.txt:3: bad\\rreason"


def test_a_server_that_drips_bytes_is_cut_off_at_the_page_deadline(tmp_path, monkeypatch):
    import http.server
    import threading
    import time

    from detente.ingest import urls as urls_module

    class Drip(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            try:
                if self.path == "/slow-headers":
                    for byte in b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n<html>":
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(0.1)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", "60")
                self.end_headers()
                for _ in range(60):  # 6 s in all, each byte well within the per-read timeout
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass

        def log_message(self, *args):
            pass

    monkeypatch.setattr(urls_module, "PAGE_DEADLINE_S", 1, raising=False)
    monkeypatch.setattr(urls_module, "TIMEOUT_S", 5)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Drip)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        (tmp_path / "list.urls").write_text(f"{base}/slow-body\n{base}/slow-headers\n")
        started = time.monotonic()
        docs, errors = docs_and_errors(read(tmp_path / "list.urls"))
        took = time.monotonic() - started
    finally:
        server.shutdown()
        server.server_close()
    assert docs == [] and [(e.line, e.reason) for e in errors] == [
        (1, f"{base}/slow-body: cannot fetch (took longer than 1 s)"),
        (2, f"{base}/slow-headers: cannot fetch (took longer than 1 s)"),
    ]
    assert took < 4


def test_a_file_name_that_is_not_utf8_reaches_the_store_written_out(tmp_path):
    import os

    name = os.fsdecode(b"caf\xe9.txt")  # a Latin-1 name on a UTF-8 file system: a lone surrogate in Python
    (tmp_path / name).write_text("Oman hosted talks.")
    (doc,) = read(tmp_path)
    assert doc.source_path == f"{tmp_path}/caf\\xe9.txt"
    doc.source_path.encode("utf-8")  # DuckDB refuses a string with a lone surrogate
    (tmp_path / name).write_bytes(b"")
    (error,) = read(tmp_path)
    assert str(error) == f"{tmp_path}/caf\\udce9.txt: empty file"


def test_a_jsonl_or_url_file_with_old_mac_line_ends_is_still_split_into_lines(tmp_path):
    lines = [json.dumps({"text": "Oman hosted talks."}), "{broken", json.dumps({"text": "Qatar hosted talks."})]
    (tmp_path / "feed.jsonl").write_bytes("\r".join(lines).encode() + b"\r")
    (tmp_path / "list.urls").write_bytes(b"# list\rftp://a.example/x\r")
    docs, errors = docs_and_errors(read(tmp_path))
    assert [(d.record, d.text) for d in docs] == [("1", "Oman hosted talks."), ("3", "Qatar hosted talks.")]
    assert [(e.line, e.reason.split(" (")[0]) for e in errors] == [(2, "invalid JSON"), (2, "not an http(s) address: 'ftp://a.example/x'")]
