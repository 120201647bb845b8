"""`detente export`: our schema (csv, parquet, jsonl), GDELT 2.0's event table and PLOVER records,
written from a store of the seed corpus through the real CLI and read back."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pytest

from detente.analysis.events import COUNTED, EventFilter, records_query
from detente.export import GDELT_COLUMNS, MENTION_COLUMNS, ExportError, atomic_output

from .conftest import ROOT, assert_no_traceback, run_cli

PLOVER_GSR = ROOT.parent / "shared" / "data" / "plover-gsr-dev.jsonl"


@pytest.fixture(scope="module")
def db(tmp_path_factory, seeds) -> Path:
    path = tmp_path_factory.mktemp("export") / "seeds.duckdb"
    result = run_cli("ingest", seeds, "--db", path)
    assert result.returncode == 0, result.stderr
    return path


def export(db: Path, out: Path, fmt: str | None, *filters: str) -> Path:
    result = run_cli("export", "--db", db, "-o", out, *(["--format", fmt] if fmt else []), *filters)
    assert_no_traceback(result)
    assert result.returncode == 0, result.stderr
    return out


def store_rows(db: Path, flt: EventFilter | None = None) -> tuple[list[str], list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    result = con.execute(*records_query(flt))
    columns, rows = [c[0] for c in result.description], result.fetchall()
    con.close()
    return columns, rows


def test_parquet_round_trip_reads_back_the_same_rows(db, tmp_path):
    out = export(db, tmp_path / "events.parquet", None)  # the format from the suffix
    columns, rows = store_rows(db)
    assert len(rows) > 50  # the seeds code well over fifty events
    con = duckdb.connect()
    result = con.execute("SELECT * FROM read_parquet(?)", [str(out)])
    assert [c[0] for c in result.description] == columns
    assert result.fetchall() == rows
    # With the filters of `detente events`: the pair's counted events, exactly the store's.
    flt = EventFilter(dyad=("RUS", "IRN"), modality=list(COUNTED))
    out = export(db, tmp_path / "dyad.parquet", "parquet", "--dyad", "RUS,IRN", "--modality", "asserted,reported")
    _, expected = store_rows(db, flt)
    got = con.execute("SELECT * FROM read_parquet(?)", [str(out)]).fetchall()
    assert got == expected and 0 < len(got) < len(rows)
    assert {(r[columns.index("source")], r[columns.index("target")]) for r in got} == {("RUS", "IRN"), ("IRN", "RUS")}


def test_csv_and_jsonl_parse_back_with_their_evidence(db, tmp_path):
    columns, rows = store_rows(db)
    ids = [r[columns.index("event_id")] for r in rows]
    with open(export(db, tmp_path / "events.csv", "csv"), newline="", encoding="utf-8") as f:
        table = list(csv.DictReader(f))
    assert [r["event_id"] for r in table] == ids
    records = [json.loads(line) for line in export(db, tmp_path / "events.jsonl", "jsonl").read_text().splitlines()]
    assert [r["event_id"] for r in records] == ids
    for r in records:  # the evidence: the trigger's offsets point into the sentence exported with it
        assert r["sentence"][r["trigger_offset"]:r["trigger_offset_end"]] == r["trigger"]
    con = duckdb.connect(str(db), read_only=True)
    documents = {d: (t, u, p) for d, t, u, p in con.execute(
        "SELECT doc_id, title, url, strftime(published, '%Y-%m-%d') FROM documents").fetchall()}
    con.close()
    assert {r["doc_id"]: (r["title"], r["url"], r["published"]) for r in records} == {
        d: documents[d] for d in {r["doc_id"] for r in records}}
    assert len({r["doc_id"] for r in records}) == len(documents)  # every seed article codes events


def test_gdelt_has_61_columns_and_valid_codes(db, tmp_path):
    columns, rows = store_rows(db)
    lines = export(db, tmp_path / "events.tsv", "gdelt").read_text(encoding="utf-8").splitlines()
    assert len(GDELT_COLUMNS) == 61 and len(lines) == len(rows)
    quad_of_root = lambda root: 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4  # noqa: E731
    ids, places = set(), set()
    for line, row in zip(lines, rows):
        fields = dict(zip(GDELT_COLUMNS, line.split("\t")))
        assert len(line.split("\t")) == 61
        event = dict(zip(columns, row))
        root = int(fields["EventRootCode"])
        assert 1 <= root <= 20 and fields["EventRootCode"] == event["root"]
        assert fields["QuadClass"] == str(quad_of_root(root))
        assert fields["EventCode"].startswith(fields["EventRootCode"]) and len(fields["EventCode"]) in (3, 4)
        assert float(fields["GoldsteinScale"]) == event["goldstein"]
        assert fields["SQLDATE"] == (event["date_start"].strftime("%Y%m%d") if event["date_start"] else "")
        if event["source"] == "RUS":
            assert fields["Actor1CountryCode"] == "RUS" and fields["Actor1Code"].startswith("RUS")
        if event["target"] == "IRN":
            assert fields["Actor2CountryCode"] == "IRN"
        assert int(fields["NumSources"]) >= 1 and int(fields["NumArticles"]) <= int(fields["NumMentions"])
        if fields["ActionGeo_CountryCode"]:  # GDELT's geography columns take FIPS 10-4 codes, not ISO
            assert len(fields["ActionGeo_CountryCode"]) == 2 and fields["ActionGeo_CountryCode"].isupper()
            places.add((fields["ActionGeo_FullName"], fields["ActionGeo_CountryCode"]))
        ids.add(fields["GLOBALEVENTID"])
    assert len(ids) == len(lines)
    assert {("Bushehr", "IR"), ("Tikrit", "IZ")} <= places  # FIPS: Iraq is IZ (ISO: IRQ, IQ)
    # NumMentions is the size of the event's cluster: one real-world event, however often reported.
    con = duckdb.connect(str(db), read_only=True)
    big = con.execute("SELECT ec.event_id, c.n_events, c.n_sources FROM event_clusters ec JOIN clusters c USING (cluster_id) "
                      "WHERE c.n_sources > 1 LIMIT 1").fetchone()
    con.close()
    assert big, "the seeds report some event in more than one source"
    (line,) = [line for line, row in zip(lines, rows) if row[columns.index("event_id")] == big[0]]
    fields = dict(zip(GDELT_COLUMNS, line.split("\t")))
    assert (int(fields["NumMentions"]), int(fields["NumSources"])) == big[1:]


def test_gdelt_mentions_tie_each_event_to_its_article_sentence_and_offsets(db, tmp_path):
    columns, rows = store_rows(db)
    out = export(db, tmp_path / "events.tsv", "gdelt")
    events = [dict(zip(GDELT_COLUMNS, line.split("\t"))) for line in out.read_text(encoding="utf-8").splitlines()]
    lines = (tmp_path / "events.mentions.tsv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(rows) == len(events)
    con = duckdb.connect(str(db), read_only=True)
    texts = dict(con.execute("SELECT doc_id, text FROM documents").fetchall())
    con.close()
    for line, row, fields in zip(lines, rows, events):
        mention = dict(zip(MENTION_COLUMNS, line.split("\t")))
        event = dict(zip(columns, row))
        assert len(line.split("\t")) == 16 and mention["GLOBALEVENTID"] == fields["GLOBALEVENTID"]
        text = texts[event["doc_id"]]
        assert int(mention["SentenceID"]) == event["sent_idx"] + 1 and int(mention["MentionDocLen"]) == len(text)
        action = int(mention["ActionCharOffset"])
        assert text[action:action + len(event["trigger"])] == event["trigger"]
        for n, side in (("1", "source_text"), ("2", "target_text")):
            at = int(mention[f"Actor{n}CharOffset"])
            assert at == -1 or text[at:at + len(event[side])] == event[side]
        # a date, or the reason there is none
        assert mention["EventTimeDate"] == (fields["SQLDATE"] + "000000" if fields["SQLDATE"] else "")
        assert f"<DATE_BASIS>{event['date_basis']}</DATE_BASIS>" in mention["Extras"]
        assert fields["SQLDATE"] or event["date_basis"] in ("unanchored", "none", "background")
    assert any(m.split("\t")[1] == "" for m in lines) or all(e["SQLDATE"] for e in events)


def test_plover_records_carry_the_fields_of_the_plover_gold_records(db, tmp_path):
    gold = [json.loads(line) for line in PLOVER_GSR.read_text(encoding="utf-8").splitlines() if line.strip()]
    fields = set().union(*gold)
    types = {r["event"] for r in gold}
    records = [json.loads(line) for line in export(db, tmp_path / "events.jsonl", "plover").read_text().splitlines()]
    columns, rows = store_rows(db)
    assert [r["id"] for r in records] == [r[columns.index("event_id")] for r in rows]
    for r in records:
        assert fields <= set(r), fields - set(r)
        assert r["event"] is None or r["event"] in types
        assert r["eventText"] in r["text"]
        for side, flat in (("source", "actor"), ("target", "recipient")):
            assert [a["code"] for a in r[side]] == ([r[flat]] if r[flat] else [])
    assert sum(r["event"] is not None for r in records) > len(records) / 2
    dyad = [r for r in records if r["actor"] == "RUS" and r["recipient"] == "IRN"]
    assert dyad and all(r["actor_country"] == "RUS" and r["recipient_country"] == "IRN" for r in dyad)


@pytest.mark.parametrize("args, message", [
    (["--format", "xml", "-o", "{tmp}/x.xml"], "unknown export format"),
    (["-o", "{tmp}/missing/x.csv"], "does not exist"),
    (["-o", "{tmp}/x.txt"], "cannot tell the format"),
    (["--format", "csv", "-o", "{tmp}"], "is a folder"),
    (["--format", "csv", "--modality", "sure", "-o", "{tmp}/x.csv"], "--modality takes"),
])
def test_bad_outputs_give_one_line_and_exit_2(db, tmp_path, args, message):
    result = run_cli("export", "--db", db, *[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert_no_traceback(result)
    assert result.returncode == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not list(tmp_path.glob("*.csv")) and not list(tmp_path.glob(".*part"))


def test_a_failed_write_leaves_the_old_file_whole(tmp_path):
    target = tmp_path / "events.csv"
    target.write_text("old contents\n")
    with pytest.raises(RuntimeError):
        with atomic_output(target) as tmp:
            tmp.write_text("half a fi")
            raise RuntimeError("killed")
    assert target.read_text() == "old contents\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]
    with pytest.raises(ExportError):
        with atomic_output(tmp_path / "nowhere" / "x.csv"):
            pass
