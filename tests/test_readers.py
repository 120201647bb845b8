"""Every source kind, and every kind of bad input: one clear error naming the file, and the rest still read."""

from __future__ import annotations

import codecs
import json
from datetime import date

import pytest

from detente.document import Document
from detente.ingest import InputError, discover, read_sources
from detente.ingest.decode import decode

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
