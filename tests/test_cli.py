"""The command line as a user meets it: ingest, re-ingest, bad inputs, docs, show, sql."""

from __future__ import annotations

import csv
import io
import json
import shutil

import duckdb
import pytest

from .conftest import assert_no_traceback, run_cli

GOOD = ("Turkey and Azerbaijan signed a gas pipeline agreement in Baku on Monday. "
        "President Erdogan said the deal would bind Ankara and Baku for decades.")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory, seeds):
    """A store holding the seed corpus, ingested once for this module."""
    db = tmp_path_factory.mktemp("seeded") / "detente.duckdb"
    result = run_cli("ingest", seeds, "--db", db)
    assert result.returncode == 0, result.stderr
    return db, result


def test_ingest_seeds_then_again_stores_nothing_new(seeded, seeds):
    db, first = seeded
    assert "stored 5, skipped 0 (already stored), failed 0" in first.stdout
    again = run_cli("ingest", seeds, "--db", db)
    assert again.returncode == 0
    assert "stored 0, skipped 5 (already stored), failed 0" in again.stdout
    count = run_cli("sql", "SELECT count(*) AS n FROM documents", "--db", db, "--format", "json")
    assert json.loads(count.stdout) == [{"n": 5}]


def test_store_is_consistent_and_offsets_point_into_the_text(seeded):
    db, _ = seeded
    query = """
        SELECT count(*) AS bad FROM sentences s JOIN documents d USING (doc_id)
        WHERE substr(d.text, s.start_char + 1, s.end_char - s.start_char) <> s.text
        UNION ALL
        SELECT count(*) FROM mentions m JOIN documents d USING (doc_id)
        WHERE substr(d.text, m.start_char + 1, m.end_char - m.start_char) <> m.surface
        UNION ALL
        SELECT count(*) FROM documents d WHERE n_sentences <> (SELECT count(*) FROM sentences s WHERE s.doc_id = d.doc_id)
        UNION ALL
        SELECT count(*) FROM mentions m LEFT JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sent_idx
        WHERE s.idx IS NULL OR m.start_char < s.start_char OR m.end_char > s.end_char
    """
    result = run_cli("sql", query, "--db", db, "--format", "csv")
    assert result.stdout.split() == ["bad", "0", "0", "0", "0"]
    totals = json.loads(run_cli("sql", "SELECT count(*) AS s, (SELECT count(*) FROM mentions) AS m FROM sentences",
                                "--db", db, "-f", "json").stdout)[0]
    assert totals["s"] > 150 and totals["m"] > 400


def test_docs_lists_metadata_in_every_format(seeded):
    db, _ = seeded
    table = run_cli("docs", "--db", db)
    assert table.returncode == 0
    assert "The Twisted Tehran-Moscow Axis" in table.stdout and "Berlin Policy Journal" in table.stdout
    rows = json.loads(run_cli("docs", "--db", db, "--format", "json").stdout)
    assert len(rows) == 5
    by_title = {r["title"]: r for r in rows}
    axis = by_title["The Twisted Tehran-Moscow Axis"]
    assert axis["published"] == "2015-12-10"
    assert axis["authors"] == ["Ali Alfoneh", "Flemming Splidsboel Hansen"]
    as_csv = list(csv.DictReader(io.StringIO(run_cli("docs", "--db", db, "-f", "csv").stdout)))
    assert {r["doc_id"] for r in as_csv} == {r["doc_id"] for r in rows}


def test_show_marks_sentences_and_mentions_and_takes_a_prefix(seeded):
    db, _ = seeded
    rows = json.loads(run_cli("docs", "--db", db, "-f", "json").stdout)
    doc_id = next(r["doc_id"] for r in rows if r["published"] == "2015-12-10")
    shown = run_cli("show", doc_id[:6], "--db", db)
    assert shown.returncode == 0, shown.stderr
    assert "(dateline)" in shown.stdout and "(author note)" in shown.stdout
    assert "[0] The Twisted Tehran[IRN GOV]-Moscow[RUS GOV] Axis" in shown.stdout
    assert "Iranian parliamentary speaker Ali Larijani[IRN LEG]" in shown.stdout
    data = json.loads(run_cli("show", doc_id, "--db", db, "-f", "json").stdout)
    assert data["document"]["doc_id"] == doc_id
    assert data["sentences"][0]["text"] == "The Twisted Tehran-Moscow Axis"
    larijani = next(m for m in data["mentions"] if m["surface"].endswith("Ali Larijani"))
    assert (larijani["label"], larijani["actor_code"], larijani["role"], larijani["kind"]) == ("PERSON", "IRN", "LEG", "person")
    unknown = run_cli("show", "ffffffffff", "--db", db)
    assert unknown.returncode == 3 and "no document with id 'ffffffffff'" in unknown.stderr


def test_sql_is_read_only_and_errors_are_one_line(seeded):
    db, _ = seeded
    write = run_cli("sql", "DELETE FROM documents", "--db", db)
    assert write.returncode == 3
    assert write.stderr.startswith("detente: error: SQL:") and write.stderr.count("\n") == 1
    assert_no_traceback(write)
    bad = run_cli("sql", "SELEC nonsense", "--db", db)
    assert bad.returncode == 3 and "syntax error" in bad.stderr.lower()
    count = run_cli("sql", "SELECT count(*) AS n FROM documents", "--db", db, "-f", "json")
    assert json.loads(count.stdout) == [{"n": 5}]


def test_reading_a_missing_store_says_so(tmp_path):
    result = run_cli("docs", "--db", tmp_path / "none.duckdb")
    assert result.returncode == 3
    assert "none.duckdb: no store here" in result.stderr
    assert_no_traceback(result)


def test_bad_inputs_each_get_one_line_and_the_good_ones_are_stored(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.md").write_bytes(bytes(range(256)) * 4)
    (corpus / "russian.txt").write_bytes(
        "Министр иностранных дел России Сергей Лавров прибыл в Тегеран для переговоров о зерне и ядерной сделке.".encode("cp1251"))
    (corpus / "french.txt").write_bytes(
        "Le président iranien a reçu à Téhéran le ministre russe des Affaires étrangères, a indiqué l'agence.".encode("latin-1"))
    (corpus / "feed.jsonl").write_text(json.dumps({"text": "Qatar hosted talks between Washington and Kabul."}) + "\n{broken\n")
    (corpus / "table.csv").write_text("title,summary\nA,B\n")
    db = tmp_path / "detente.duckdb"
    result = run_cli("ingest", corpus, tmp_path / "missing-folder", "--db", db)
    assert_no_traceback(result)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("detente:")]
    assert sorted(errors) == sorted([
        f"detente: {corpus / 'binary.md'}: binary file, not text",
        f"detente: {corpus / 'empty.txt'}: empty file",
        f"detente: {corpus / 'feed.jsonl'}:2: invalid JSON (Expecting property name enclosed in double quotes at column 2)",
        f"detente: {corpus / 'table.csv'}: no text column (need one of: text, body, content; found: title, summary)",
        f"detente: {tmp_path / 'missing-folder'}: no such file or folder",
    ])
    assert "stored 4, skipped 0 (already stored), failed 5" in result.stdout
    texts = json.loads(run_cli("sql", "SELECT text, encoding FROM documents ORDER BY text", "--db", db, "-f", "json").stdout)
    assert any(t["text"].startswith("Министр иностранных дел") for t in texts)
    assert any("Téhéran" in t["text"] for t in texts)


def test_a_changed_document_is_a_new_document(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(GOOD)
    db = tmp_path / "d.duckdb"
    assert run_cli("ingest", corpus, "--db", db).returncode == 0
    (corpus / "a.txt").write_text(GOOD + " Officials in Yerevan objected.")
    again = run_cli("ingest", corpus, "--db", db)
    assert "stored 1, skipped 0" in again.stdout
    (corpus / "copy.txt").write_text(GOOD + "\r\n")  # the same text, other line endings: not new
    third = run_cli("ingest", corpus, "--db", db)
    assert "stored 0, skipped 2" in third.stdout


def test_default_corpus_is_the_seeds_when_run_beside_shared(tmp_path, seeds):
    work = tmp_path / "project"
    work.mkdir()
    shutil.copytree(seeds, tmp_path / "shared" / "corpus" / "seeds")
    result = run_cli("ingest", "--db", "here.duckdb", cwd=work)
    assert result.returncode == 0, result.stderr
    assert "stored 5" in result.stdout and (work / "here.duckdb").exists()


def test_usage_errors_exit_2_without_traceback(tmp_path):
    result = run_cli("ingest", "--batch-size", "0", "--db", tmp_path / "x.duckdb")
    assert result.returncode == 2
    assert_no_traceback(result)


def test_actors_lists_codes_with_counts_and_filters_by_date(seeded):
    db, _ = seeded
    rows = json.loads(run_cli("actors", "--db", db, "-f", "json").stdout)
    by_code = {r["code"]: r for r in rows}
    assert rows[0]["code"] in ("IRN", "RUS")
    assert by_code["RUS"]["documents"] == 5 and by_code["RUS"]["mentions"] > 100
    assert by_code["TUR"]["name"] == "Turkey"
    recent = {r["code"]: r for r in json.loads(run_cli("actors", "--db", db, "--since", "2022-01-01", "-f", "json").stdout)}
    assert recent["RUS"]["documents"] == 2  # the dated 2022 article, and the one dated by the visit it shares
    assert "UKR" in recent and "HEZBOLLAH" not in recent
    unresolved = json.loads(run_cli("actors", "--unresolved", "--db", db, "-f", "json").stdout)
    assert unresolved and all(r["code"] for r in unresolved)  # unresolved names are listed by surface


def test_actor_shows_mentions_in_context(seeded):
    db, _ = seeded
    shown = run_cli("actor", "hassan_rouhani", "--db", db)
    assert shown.returncode == 0, shown.stderr
    assert "Hassan Rouhani (person, IRN, GOV)" in shown.stdout and "head_of_state 2013-08-03..2021-08-03" in shown.stdout
    rows = json.loads(run_cli("actor", "hassan_rouhani", "--db", db, "-f", "json").stdout)
    assert {r["surface"] for r in rows} >= {"Rouhani", "Hassan Rouhani"}
    assert all(r["sentence"][r["offset"]:r["offset"] + len(r["surface"])] == r["surface"] for r in rows)
    dated = json.loads(run_cli("actor", "hassan_rouhani", "--db", db, "--until", "2017-01-01", "-f", "json").stdout)
    assert dated and all(r["published"] <= "2017-01-01" for r in dated)
    missing = run_cli("actor", "NOSUCH", "--db", db)
    assert missing.returncode == 3 and "no actor 'NOSUCH'" in missing.stderr


def test_eval_actors_prints_precision_recall_f1(seeds):
    result = run_cli("eval", "actors", "--format", "json")
    assert result.returncode == 0, result.stderr
    scores = {r["measure"]: r for r in json.loads(result.stdout)}
    assert scores["actors per document"]["f1"] >= 0.9
    assert scores["mentions: gold surfaces resolved"]["f1"] >= 0.85
    assert set(scores["actors per document"]) == {"measure", "tp", "fp", "fn", "precision", "recall", "f1"}
    bad = run_cli("eval", "actors", "--gold", "/nonexistent")
    assert bad.returncode == 2 and "/nonexistent: no such gold folder" in bad.stderr


def test_reanalyse_brings_old_documents_up_to_date(tmp_path, seeds):
    db = tmp_path / "old.duckdb"
    assert run_cli("ingest", seeds, "--db", db).returncode == 0
    import duckdb

    con = duckdb.connect(str(db))
    con.execute("UPDATE documents SET pipeline = 'an older detente' WHERE doc_id IN (SELECT doc_id FROM documents LIMIT 2)")
    before = con.execute("SELECT count(*) FROM mentions WHERE actor_code IS NOT NULL").fetchone()[0]
    con.close()
    result = run_cli("reanalyse", "--db", db)
    assert result.returncode == 0 and "re-analysed 2 documents" in result.stdout
    counts = json.loads(run_cli("sql", "SELECT (SELECT count(*) FROM mentions WHERE actor_code IS NOT NULL) AS m, "
                                "count(DISTINCT pipeline) AS p, count(*) AS d FROM documents",
                                "--db", db, "-f", "json").stdout)[0]
    assert counts == {"m": before, "p": 1, "d": 5}
    assert "re-analysed 0 documents" in run_cli("reanalyse", "--db", db).stdout


def test_events_with_filters_and_evidence(seeded):
    db, _ = seeded
    rows = json.loads(run_cli("events", "--db", db, "-f", "json").stdout)
    assert len(rows) > 50
    assert {"event_id", "date", "source", "target", "cameo", "goldstein", "quad", "plover_type", "modality"} <= set(rows[0])
    dyad = json.loads(run_cli("events", "--db", db, "--dyad", "RUS,IRN", "-f", "json").stdout)
    assert dyad and all({r["source"], r["target"]} == {"RUS", "IRN"} for r in dyad)
    conflict = json.loads(run_cli("events", "--db", db, "--quad", "material_conflict", "--code", "19", "-f", "json").stdout)
    assert conflict and all(r["cameo"].startswith("19") and r["quad"] == "material_conflict" for r in conflict)
    counted = json.loads(run_cli("events", "--db", db, "--modality", "asserted,reported", "--actor", "TUR",
                                 "--since", "2020-01-01", "-f", "json").stdout)
    assert all(r["modality"] in ("asserted", "reported") and "TUR" in (r["source"], r["target"])
               and r["date"] >= "2020" for r in counted)
    evidence = json.loads(run_cli("events", "--db", db, "--evidence", "--limit", "5", "-f", "json").stdout)
    assert len(evidence) == 5
    assert all(r["sentence"][r["trigger_offset"]:r["trigger_offset_end"]] == r["trigger"] for r in evidence)
    table = run_cli("events", "--db", db, "--evidence", "--limit", "3")
    assert table.returncode == 0 and f"3 of {len(rows)} events" in table.stdout
    bad = run_cli("events", "--db", db, "--dyad", "RUS")
    assert bad.returncode == 2 and "--dyad takes two codes" in bad.stderr


def test_eval_events_prints_scores_and_confusions(seeds):
    result = run_cli("eval", "events", "-f", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    triples, everything = data["scores"]  # at the counting threshold, then at any confidence
    assert set(triples) == set(everything) == {"measure", "tp", "fp", "fn", "precision", "recall", "f1"}
    assert triples["tp"] > 0 and 0 < triples["f1"] <= 1
    assert everything["tp"] + everything["fp"] >= triples["tp"] + triples["fp"]  # the threshold only drops events
    assert 0 <= data["rates"]["quad accuracy"] <= 1 and data["rates"]["matched events (sentence, source, target)"] > 0
    assert all({"what", "gold", "ours", "count"} == set(c) for c in data["confusions"])


def test_eval_events_on_plover_records(tmp_path):
    records = [
        {"id": "T-1", "text": "Turkish officials accused Greece of provocations on Monday.", "event": "DISAPPROVE",
         "source": [{"actorText": "Turkish officials", "code": "TUR"}], "target": [{"actorText": "Greece", "code": "GRC"}]},
        {"id": "T-2", "text": "Norway will provide Kenya with food aid.", "event": "AGREE",
         "source": [{"actorText": "Norway", "code": "NOR"}], "target": [{"actorText": "Kenya", "code": "KEN"}]},
        # the records write an act of both sides as two sources and no target
        {"id": "T-3", "text": "Chile and Peru signed a friendship treaty on Monday.", "event": "SUPPORT",
         "source": [{"actorText": "Chile", "code": "CHL"}, {"actorText": "Peru", "code": "PER"}], "target": ""},
    ]
    path = tmp_path / "gsr.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    result = run_cli("eval", "events", "--plover", path, "-f", "json")
    assert result.returncode == 0, result.stderr
    rows = {r["measure"].strip(): r for r in json.loads(result.stdout)}
    from detente.analysis.events import MIN_CONFIDENCE

    counted = rows[f"PLOVER (source, target, type), confidence >= {MIN_CONFIDENCE}"]
    assert counted["tp"] == rows["PLOVER, any confidence"]["tp"] == 4
    assert rows["DISAPPROVE"]["f1"] == 1.0 and rows["AGREE"]["recall"] == 1.0 and rows["SUPPORT"]["f1"] == 1.0
    (tmp_path / "bad.jsonl").write_text("{not json\n")
    bad = run_cli("eval", "events", "--plover", tmp_path / "bad.jsonl")
    assert bad.returncode == 2 and "bad.jsonl:1: not a PLOVER record" in bad.stderr


def test_plover_scoring_writes_organisations_as_the_records_do():
    # the records write Hamas as PSE (sector REB) and Amnesty International as IGO, as they write the UN
    from types import SimpleNamespace

    from detente.eval import plover_actor_codes, plover_keys

    written = plover_actor_codes()
    assert written["HAMAS"] == "PSE" and written["HEZBOLLAH"] == "LBN" and written["GAZPROM"] == "RUS"
    assert written["UN"] == written["AMNESTY"] == written["ICRC"] == "IGO"
    assert "ALQAEDA" not in written and "USA" not in written  # no state of its own; a state is itself

    def event(source, target):
        return SimpleNamespace(plover_type="THREATEN", source=source, target=target, cameo="138", cues=frozenset())

    assert plover_keys(event("ISR", "HAMAS"), set(), written) == {("ISR", "PSE", "THREATEN")}
    assert plover_keys(event("AMNESTY", "USA"), set(), written) == {("IGO", "USA", "THREATEN")}
    assert plover_keys(event("ALQAEDA", "USA"), set(), written) == {("ALQAEDA", "USA", "THREATEN")}


def test_quotes_and_eval_quotes(seeded):
    db, _ = seeded
    rows = json.loads(run_cli("quotes", "--db", db, "-f", "json").stdout)
    assert len(rows) >= 8
    assert {"doc_id", "sent_idx", "start_char", "end_char", "text", "speaker", "speaker_actor", "speaker_id",
            "affiliation", "how", "title", "publication", "published"} == set(rows[0])
    con = duckdb.connect(str(db), read_only=True)
    texts = dict(con.execute("SELECT doc_id, text FROM documents").fetchall())
    con.close()
    assert all(texts[r["doc_id"]][r["start_char"]:r["end_char"]] == r["text"] for r in rows)  # offsets point at the words
    javedanfar = json.loads(run_cli("quotes", "--db", db, "--speaker", "javedanfar", "-f", "json").stdout)
    assert javedanfar and all("javedanfar" in r["speaker"].lower() for r in javedanfar)
    assert all(r["speaker_actor"] is None for r in javedanfar)  # an analyst acts for no state
    russian = json.loads(run_cli("quotes", "--db", db, "--actor", "RUS", "-f", "json").stdout)
    assert russian and all(r["speaker_actor"] == "RUS" for r in russian)
    scores = {r["measure"]: r for r in json.loads(run_cli("eval", "quotes", "-f", "json").stdout)}
    assert scores["quotes (speaker, text)"]["f1"] >= 0.85


def test_issues_and_eval_issues(seeded):
    db, _ = seeded
    rows = {r["issue"]: r for r in json.loads(run_cli("issues", "--db", db, "-f", "json").stdout)}
    assert rows["syria_war"]["documents"] == 5 and rows["syria_war"]["events"] > 0
    scores = {r["measure"]: r for r in json.loads(run_cli("eval", "issues", "-f", "json").stdout)}
    assert scores["issues per document"]["f1"] >= 0.8
