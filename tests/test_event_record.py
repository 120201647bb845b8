"""One event record everywhere: `detente events -f json/csv`, /api/events and `detente export
jsonl/csv` give the same events with the same fields and values; the counted flag is the rule the
counts use; unknown filter values are errors."""

from __future__ import annotations

import csv
import io
import json

import pytest

from detente.analysis.events import MIN_CONFIDENCE
from detente.web import create_app

from .conftest import local, run_cli


@pytest.fixture(scope="module")
def db(seed_db):
    return seed_db


def cli_records(db, *args) -> list[dict]:
    result = run_cli("events", "--db", db, "-f", "json", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def api_records(db, **params) -> list[dict]:
    with local(create_app(db)) as client:
        items, offset = [], 0
        while True:
            page = client.get("/api/events", params={**params, "limit": 1000, "offset": offset}).json()
            items += page["items"]
            offset += page["limit"]
            if offset >= page["total"]:
                return items


def test_cli_api_and_export_give_the_same_records(db, tmp_path):
    cli = cli_records(db)
    assert len(cli) > 50
    api = api_records(db)
    out = tmp_path / "events.jsonl"
    assert run_cli("export", "--db", db, "-o", out).returncode == 0
    exported = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert cli == api == exported
    fields = {"event_id", "doc_id", "sent_idx", "trigger_start", "trigger_end", "cluster_id", "counted", "date_precision",
              "date_basis", "plover_mode", "source_text", "target_text", "sentence", "trigger_offset"}
    assert fields <= set(cli[0])
    one = cli[len(cli) // 2]
    with local(create_app(db)) as client:
        assert client.get(f"/api/events/{one['event_id']}").json() == one
    as_csv = run_cli("events", "--db", db, "-f", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(as_csv)))
    assert list(rows[0]) == list(cli[0]) and [r["event_id"] for r in rows] == [r["event_id"] for r in cli]


def test_counted_is_the_rule_the_counts_use(db):
    every = cli_records(db)
    counted = cli_records(db, "--counted")
    assert counted == [r for r in every if r["counted"]]
    assert all(r["modality"] in ("asserted", "reported") and r["confidence"] >= MIN_CONFIDENCE for r in counted)
    assert [r for r in every if r["counted"] != (r["modality"] in ("asserted", "reported") and r["confidence"] >= MIN_CONFIDENCE)] == []
    sure = cli_records(db, "--min-confidence", "0.8")
    assert sure == [r for r in every if r["confidence"] >= 0.8] and 0 < len(sure) < len(every)
    assert api_records(db, counted="true") == counted
    assert api_records(db, min_confidence=0.8) == sure
    # the dyad figures count exactly these
    summary = json.loads(run_cli("dyad", "RUS", "IRN", "--db", db, "-f", "json").stdout)
    pair = [r for r in counted if {r["source"], r["target"]} == {"RUS", "IRN"}]
    assert summary["totals"]["events"] == len(pair)


@pytest.mark.parametrize("args, message", [
    (["--quad", "coop"], "--quad takes"),
    (["--issue", "nosuch"], "--issue takes"),
    (["--code", "x19"], "--code takes"),
    (["--modality", "maybe"], "--modality takes"),
    (["--min-confidence", "2"], "--min-confidence"),
])
def test_unknown_values_are_errors(db, args, message):
    result = run_cli("events", "--db", db, *args)
    assert result.returncode == 2 and message in result.stderr, result.stderr


def test_the_cli_and_the_api_give_the_same_quote_records(db):
    result = run_cli("quotes", "--db", db, "-f", "json")
    cli = json.loads(result.stdout)
    with local(create_app(db)) as client:
        api = client.get("/api/quotes", params={"limit": 1000}).json()
    assert api["total"] == len(cli) > 5 and api["items"] == cli
    assert {"sent_idx", "start_char", "end_char", "speaker_id"} <= set(cli[0])
