"""The command line under attack: SQL that reaches past the store, names that carry escape codes,
errors that must stay one line each however narrow the terminal or pipe."""

from __future__ import annotations

import json

import pytest

from .conftest import assert_no_traceback, run_cli


@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("small")
    (folder / "a.txt").write_text("Russia and Iran signed an energy agreement in Moscow on Monday.", encoding="utf-8")
    db = folder / "detente.duckdb"
    assert run_cli("ingest", folder / "a.txt", "--db", db).returncode == 0
    return db


@pytest.mark.parametrize("query", [
    "COPY (SELECT * FROM documents) TO '{out}'",
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_text('/etc/hostname')",
    "ATTACH '{out}' AS other",
    "EXPORT DATABASE '{dir}'",
    "INSTALL httpfs",
    "SET enable_external_access = true",
])
def test_sql_reaches_the_store_alone(small_store, tmp_path, query):
    out = tmp_path / "leak.csv"
    result = run_cli("sql", query.format(out=out, dir=tmp_path / "export"), "--db", small_store)
    assert_no_traceback(result)
    assert result.returncode == 3 and result.stderr.startswith("detente: error: SQL:")
    assert result.stderr.count("\n") == 1
    assert not out.exists() and not (tmp_path / "export").exists()
    fine = run_cli("sql", "SELECT count(*) AS n FROM documents", "--db", small_store, "-f", "json")
    assert json.loads(fine.stdout) == [{"n": 1}]


def test_errors_stay_one_line_each_in_a_narrow_pipe(tmp_path):
    corpus = tmp_path / ("a-folder-with-a-rather-long-name-" * 3)
    corpus.mkdir()
    (corpus / "good.txt").write_text("Turkey and Azerbaijan signed a gas agreement in Baku.", encoding="utf-8")
    bad = [("empty.txt", ""), ("bad\x1b[31mname\nsecond.txt", "\x00\x01\x02" * 50), ("table.csv", "title\nx\n")]
    for name, content in bad:
        (corpus / name).write_text(content, encoding="utf-8")
    result = run_cli("ingest", corpus, "--db", tmp_path / "d.duckdb", env={"COLUMNS": "40"})
    assert_no_traceback(result)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == len(bad) and all(line.startswith("detente: ") for line in lines)
    assert "\x1b" not in result.stderr and "bad\\x1b[31mname\\nsecond.txt" in result.stderr


def test_a_document_with_no_sentence_ends_is_stored_and_the_cut_is_reported(tmp_path):
    doc = tmp_path / "table.txt"
    doc.write_text("Russia Iran Turkey " * 2000, encoding="utf-8")  # 6,000 words, no punctuation
    result = run_cli("ingest", doc, "--db", tmp_path / "d.duckdb")
    assert result.returncode == 0, result.stderr
    assert "stored 1" in result.stdout
    assert result.stderr.strip() == f"detente: note: {doc}: 29 runs of 200 words with no sentence end were cut into sentences"
