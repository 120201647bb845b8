"""The analysis layer: event clusters rule by rule on hand-written stores, then the dyad view,
the network and their commands on the seed corpus."""

from __future__ import annotations

import json
from datetime import date

import networkx as nx
import pytest

from detente import store
from detente.analysis.clusters import assign_clusters, list_clusters, refresh_clusters
from detente.analysis.dyad import dyad_figures, dyad_summary
from detente.analysis.events import MIN_CONFIDENCE, EventFilter
from detente.analysis.network import actor_network, network_json, network_rows

from .conftest import assert_no_traceback, run_cli

QUAD = {"04": "verbal_cooperation", "05": "verbal_cooperation", "06": "material_cooperation",
        "11": "verbal_conflict", "19": "material_conflict", "17": "material_conflict"}
GOLDSTEIN = {"04": 1.0, "05": 3.5, "06": 6.0, "11": -2.0, "19": -10.0, "17": -7.0}


class Store:
    """A temporary store filled by hand: documents, their sentences, and events on them."""

    def __init__(self, path):
        self.con = store.connect(path)
        self.docs: set[str] = set()
        self.n = 0

    def doc(self, doc_id, publication=None, site=None, published=None, title=None):
        self.con.execute("INSERT INTO documents (doc_id, source_path, text, publication, site, published, title) "
                         "VALUES (?, ?, '', ?, ?, ?, ?)", [doc_id, f"{doc_id}.txt", publication, site, published, title])
        self.docs.add(doc_id)

    def event(self, doc_id, source, target, cameo, when=None, precision=None, modality="asserted", issue=None,
              sentence_issues=None, text=None, confidence=0.8, basis=None):
        if doc_id not in self.docs:
            self.doc(doc_id)
        self.n += 1
        sent = self.n
        self.con.execute("INSERT INTO sentences VALUES (?, ?, 0, 1, ?, ?)",
                         [doc_id, sent, text or f"sentence {sent}", sentence_issues])
        start = None
        if when:
            parts = when.split("-")
            start = date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
            precision = precision or {1: "year", 2: "month", 3: "day"}[len(parts)]
        root = cameo[:2]
        event_id = f"{doc_id}:{sent}:0:{source}:{target}:{cameo}"
        self.con.execute("""INSERT INTO events (event_id, doc_id, sent_idx, trigger_start, trigger_end, trigger, source,
            target, cameo, root, cameo_name, goldstein, quad, modality, date, date_start, date_precision, issue,
            confidence, date_basis) VALUES (?, ?, ?, 0, 1, 'x', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                         [event_id, doc_id, sent, source, target, cameo, root, f"code {cameo}", GOLDSTEIN[root],
                          QUAD[root], modality, when, start, precision, issue, confidence, basis])
        return event_id

    def clusters(self):
        refresh_clusters(self.con)
        rows = self.con.execute("SELECT cluster_id, list(event_id ORDER BY event_id) FROM event_clusters "
                                "GROUP BY cluster_id").fetchall()
        return sorted(sorted(members) for _, members in rows)


@pytest.fixture
def hand(tmp_path):
    s = Store(tmp_path / "hand.duckdb")
    yield s
    s.con.close()


# -- clustering rules ---------------------------------------------------------------------------

def test_dates_match_within_their_precision(hand):
    day = hand.event("d1", "RUS", "IRN", "062", "2016-08-16")
    month = hand.event("d2", "RUS", "IRN", "062", "2016-08")
    year = hand.event("d3", "RUS", "IRN", "062", "2016")
    other_day = hand.event("d4", "RUS", "IRN", "062", "2016-09-01")
    other_year = hand.event("d5", "RUS", "IRN", "062", "2017")
    assert hand.clusters() == sorted([sorted([day, month, year]), [other_day], [other_year]])


def test_two_precise_days_stay_apart_and_a_vague_report_joins_one(hand):
    a1 = hand.event("d1", "RUS", "IRN", "062", "2016-08-16")
    a2 = hand.event("d2", "RUS", "IRN", "062", "2016-08-16")
    b = hand.event("d3", "RUS", "IRN", "062", "2016-08-22")
    vague = hand.event("d4", "RUS", "IRN", "062", "2016-08")
    # The month report joins the best-attested day it covers, and does not chain the two days.
    assert hand.clusters() == sorted([sorted([a1, a2, vague]), [b]])


def test_week_precision_spans_seven_days(hand):
    week = hand.event("d1", "RUS", "IRN", "111", "2016-08-15", precision="week")
    inside = hand.event("d2", "RUS", "IRN", "111", "2016-08-21")
    outside = hand.event("d3", "RUS", "IRN", "111", "2016-08-22")
    assert hand.clusters() == sorted([sorted([week, inside]), [outside]])


def test_symmetric_codes_ignore_direction_others_do_not(hand):
    visit = hand.event("d1", "RUS", "IRN", "042", "2022-07-19")
    host = hand.event("d2", "IRN", "RUS", "043", "2022-07-19")
    fight1 = hand.event("d1", "ISR", "SYR", "190", "2022-07-19")
    fight2 = hand.event("d2", "SYR", "ISR", "193", "2022-07-19")
    accuse1 = hand.event("d1", "RUS", "IRN", "112", "2022-07-19")
    accuse2 = hand.event("d2", "IRN", "RUS", "112", "2022-07-19")
    assert hand.clusters() == sorted([sorted([visit, host]), sorted([fight1, fight2]), [accuse1], [accuse2]])


def test_compatible_codes_share_a_root(hand):
    general = hand.event("d1", "RUS", "IRN", "04", "2022-07-19")
    specific = hand.event("d2", "RUS", "IRN", "046", "2022-07-19")
    praise = hand.event("d3", "RUS", "IRN", "051", "2022-07-19")
    assert hand.clusters() == sorted([sorted([general, specific]), [praise]])
    (cluster,) = [c for c in list_clusters(hand.con) if c["root"] == "04"]
    assert cluster["cameo"] == "046"  # the most specific report speaks for it
    assert cluster["representative"] == specific


def test_undated_events_match_only_within_their_document(hand):
    dated = hand.event("d1", "RUS", "IRN", "062", "2016-08-16")
    same_doc = hand.event("d1", "RUS", "IRN", "062")
    other_doc = hand.event("d2", "RUS", "IRN", "062")
    other_doc2 = hand.event("d2", "RUS", "IRN", "061")
    third_doc = hand.event("d3", "RUS", "IRN", "062")
    assert hand.clusters() == sorted([sorted([dated, same_doc]), sorted([other_doc, other_doc2]), [third_doc]])
    undated = [c for c in list_clusters(hand.con) if c["date"] is None]
    assert len(undated) == 2 and all(c["date_start"] is None for c in undated)


def test_sources_are_publications_or_sites_else_documents(hand):
    hand.doc("d1", publication="Reuters")
    hand.doc("d2", publication="Reuters")
    hand.doc("d3", site="www.tasnimnews.com")
    hand.doc("d4")
    for d in ("d1", "d2", "d3", "d4"):
        hand.event(d, "RUS", "IRN", "062", "2016-08-16")
    refresh_clusters(hand.con)
    (c,) = list_clusters(hand.con)
    assert (c["n_events"], c["n_documents"], c["n_sources"]) == (4, 4, 3)
    assert c["sources"] == sorted(["Reuters", "www.tasnimnews.com", "d4"])
    assert len(c["members"]) == 4 and {m["doc_id"] for m in c["members"]} == {"d1", "d2", "d3", "d4"}


def test_hypothetical_and_negated_get_their_own_clusters_and_do_not_count(hand):
    fact = hand.event("d1", "RUS", "IRN", "062", "2016-08-16")
    reported = hand.event("d2", "RUS", "IRN", "062", "2016-08-16", modality="reported")
    maybe = hand.event("d3", "RUS", "IRN", "062", "2016-08-16", modality="hypothetical")
    denied = hand.event("d4", "RUS", "IRN", "062", "2016-08-16", modality="negated")
    assert hand.clusters() == sorted([sorted([fact, reported]), [maybe], [denied]])
    s = dyad_summary(hand.con, "RUS", "IRN")
    assert {c["modality"] for c in s["clusters"]} == {"asserted", "hypothetical", "negated"}
    assert s["totals"]["clusters"] == 1 and s["totals"]["events"] == 2 and s["totals"]["uncounted"] == 2
    assert sum(r["clusters"] for r in s["series"]) == 1


def test_an_unanchored_report_joins_the_one_dated_cluster_of_its_code(hand):
    # an undated article's "visit to Tehran last week" and a dated report of the visit
    dated = hand.event("d1", "RUS", "IRN", "042", "2022-07-19", basis="explicit")
    last_week = hand.event("d2", "RUS", "IRN", "042", basis="unanchored")
    background = hand.event("d4", "RUS", "IRN", "042")  # undated without a relative date: its own
    assert [dated, last_week] in hand.clusters() and [background] in hand.clusters()
    # a cluster dated only by its article's publication date is no anchor
    published_only = hand.event("d5", "USA", "IRN", "046", "2022-07-22", basis="publication")
    talks = hand.event("d6", "USA", "IRN", "046", basis="unanchored")
    assert [published_only] in hand.clusters() and [talks] in hand.clusters()
    # two dated candidates: which one is meant is unknown, so it stays alone
    other = hand.event("d3", "RUS", "IRN", "042", "2016-01-10", basis="explicit")
    rest = sorted(c for c in hand.clusters() if background not in c and [published_only] != c != [talks])
    assert sorted([[dated], [last_week], [other]]) == rest


def test_cluster_ids_are_stable_and_refresh_replaces_everything(hand):
    hand.event("d1", "RUS", "IRN", "062", "2016-08-16")
    hand.event("d2", "RUS", "IRN", "062", "2016-08")
    first = hand.con.execute("SELECT cluster_id FROM clusters").fetchall() if refresh_clusters(hand.con) else None
    assert refresh_clusters(hand.con) == 1
    assert hand.con.execute("SELECT cluster_id FROM clusters").fetchall() == first
    assert hand.con.execute("SELECT count(*) FROM event_clusters").fetchone()[0] == 2


def test_assign_clusters_is_near_linear_in_groups():
    # 20,000 events over 40 dyads and a year of days: one cluster per (dyad, day) that occurs.
    rows = []
    for i in range(20_000):
        day = date(2020, 1, 1).toordinal() + i % 365
        rows.append((f"e{i}", f"d{i % 500}", f"A{i % 40}", "B", "062", "06", "asserted",
                     date.fromordinal(day), "day", date.fromordinal(day).isoformat(), "explicit"))
    assignment = assign_clusters(rows)
    assert len(assignment) == 20_000
    assert len(set(assignment.values())) == len({(i % 40, i % 365) for i in range(20_000)})


# -- the dyad summary on a hand-made store --------------------------------------------------------

def test_dyad_summary_series_ledger_actors_quotes_stances(hand):
    hand.doc("d1", publication="Reuters", published=date(2016, 8, 20), title="Bombers in Hamadan")
    hand.doc("d2", publication="Tass", published=date(2016, 8, 22))
    hand.doc("d3", publication="Reuters", published=date(2018, 5, 1))
    hand.event("d1", "RUS", "IRN", "062", "2016-08-16", issue="syria_war", text="Russian bombers flew from Hamadan.")
    hand.event("d2", "RUS", "IRN", "062", "2016-08", issue="syria_war")
    hand.event("d2", "IRN", "RUS", "111", "2016-08-22", sentence_issues=["syria_war", "nuclear"],
               text="Iran criticised Russia for showing off.")
    hand.event("d3", "IRN", "RUS", "11", "2018-05-01", issue="energy_oil", text="Iran denounced Russian oil dumping.")
    hand.event("d3", "RUS", "IRN", "042", "2018-05-01", issue="energy_oil")
    hand.event("d3", "RUS", "USA", "111", "2018-05-01")  # another dyad: not in this one
    con = hand.con
    con.execute("""INSERT INTO mentions (doc_id, sent_idx, start_char, end_char, surface, label, actor_code, country,
        kind, actor_id, detail) VALUES
        ('d1', 1, 0, 5, 'Putin', 'PERSON', 'RUS', 'RUS', 'person', 'vladimir_putin', 'head_of_state, in office'),
        ('d2', 2, 0, 5, 'Putin', 'PERSON', 'RUS', 'RUS', 'person', 'vladimir_putin', 'head_of_state, in office'),
        ('d2', 2, 9, 14, 'Zarif', 'PERSON', 'IRN', 'IRN', 'person', 'mohammad_javad_zarif', 'foreign_minister'),
        ('d2', 2, 20, 25, 'Iran', 'GPE', 'IRN', 'IRN', 'country', 'IRN', NULL)""")
    con.execute("INSERT INTO actors (code, name, kind, country) VALUES ('vladimir_putin', 'Vladimir Putin', 'person', 'RUS'),"
                " ('mohammad_javad_zarif', 'Mohammad Javad Zarif', 'person', 'IRN'), ('RUS', 'Russia', 'country', 'RUS')")
    con.execute("""INSERT INTO quotes (doc_id, sent_idx, start_char, end_char, text, speaker, speaker_actor) VALUES
        ('d2', 2, 10, 30, 'Iran will not be a base', 'Zarif', 'IRN'),
        ('d3', 4, 0, 10, 'Markets are volatile', 'An analyst', NULL)""")
    con.execute("INSERT INTO stances VALUES ('d1', 'IRN', 'RUS', 'marriage_of_convenience', 0.7, '{}', [1])")
    refresh_clusters(con)

    s = dyad_summary(con, "RUS", "IRN", by="month")
    assert s["pair"] == ["RUS", "IRN"]
    assert s["totals"] == {"clusters": 4, "events": 5, "documents": 3, "sources": 2, "mean_goldstein": round((6 - 2 - 2 + 1) / 4, 2),
                           "first_date": "2016-08-16", "last_date": "2018-05-01", "undated": 0, "uncounted": 0}
    rows = {(r["period"], r["direction"]): r for r in s["series"]}
    assert rows[("2016-08", "RUS>IRN")]["clusters"] == 1 and rows[("2016-08", "RUS>IRN")]["material_cooperation"] == 1
    assert rows[("2016-08", "IRN>RUS")]["verbal_conflict"] == 1 and rows[("2016-08", "IRN>RUS")]["mean_goldstein"] == -2.0
    assert rows[("2018-05", "IRN>RUS")]["clusters"] == 1 and rows[("2018-05", "RUS>IRN")]["clusters"] == 1
    assert sum(r["clusters"] for r in s["series"]) == s["totals"]["clusters"]

    ledger = {e["issue"]: e for e in s["ledger"]}
    assert set(ledger) == {"syria_war", "energy_oil"}
    assert ledger["syria_war"]["label"] == "Syrian war"
    (coop,) = ledger["syria_war"]["cooperation"]
    assert coop["sentence"] == "Russian bombers flew from Hamadan." and coop["sources"] == ["Reuters", "Tass"]
    assert coop["title"] == "Bombers in Hamadan"
    (friction,) = ledger["syria_war"]["friction"]  # issue from the sentence, the event having none
    assert friction["sentence"] == "Iran criticised Russia for showing off."
    assert [p["sentence"] for p in ledger["energy_oil"]["friction"]] == ["Iran denounced Russian oil dumping."]
    assert ledger["energy_oil"]["cooperation"][0]["cameo"] == "042"

    assert s["actors"]["RUS"] == [{"code": "vladimir_putin", "name": "Vladimir Putin", "role": "head of state", "mentions": 2}]
    assert [a["code"] for a in s["actors"]["IRN"]] == ["mohammad_javad_zarif"]  # the state itself is not a key actor
    assert [q["speaker"] for q in s["quotes"]] == ["Zarif", "An analyst"]
    assert s["stances"] == [{"doc_id": "d1", "title": "Bombers in Hamadan", "publication": "Reuters",
                             "published": "2016-08-20", "label": "marriage_of_convenience", "confidence": 0.7,
                             "evidence": ["Russian bombers flew from Hamadan."]}]
    json.dumps(s)  # plain JSON all through

    later = dyad_summary(con, "IRN", "RUS", since=date(2018, 1, 1))
    assert later["pair"] == ["IRN", "RUS"] and later["totals"]["clusters"] == 2
    assert {r["direction"] for r in later["series"]} == {"IRN>RUS", "RUS>IRN"}
    assert [r["period"] for r in dyad_summary(con, "RUS", "IRN", by="quarter")["series"]][::2] == ["2016-Q3", "2018-Q2"]


def test_periods_are_as_precise_as_the_dates(hand):
    """A day falls in its month, quarter and year; a date known to the year only is its year in every
    series (never January or Q1), a decade its decade; an undated cluster is in no period."""
    hand.event("d1", "RUS", "IRN", "062", "2016-08-16")
    hand.event("d2", "RUS", "IRN", "111", "1881")
    hand.event("d3", "RUS", "IRN", "042", "1990", precision="decade")
    hand.event("d4", "RUS", "IRN", "051")
    refresh_clusters(hand.con)
    for by, periods in [("month", ["1990s", "1881", "2016-08"]), ("quarter", ["1990s", "1881", "2016-Q3"]),
                        ("year", ["1990s", "1881", "2016"])]:
        _, rows = dyad_figures(hand.con, ("RUS", "IRN"), by, levels=("period",))
        assert {r["period"] for r in rows if r["period"]} == set(periods), by
        spans = {r["period"]: (r["period_start"], r["period_end"]) for r in rows}
        assert spans["1881"] == ("1881-01-01", "1882-01-01") and spans["1990s"] == ("1990-01-01", "2000-01-01")
    series = dyad_summary(hand.con, "RUS", "IRN", by="quarter")["series"]
    assert [r["period"] for r in series][::2] == ["1881", "1990s", "2016-Q3"]  # in time order


def test_empty_dyad_and_empty_stances(hand):
    hand.event("d1", "RUS", "USA", "111", "2016-08-16")
    refresh_clusters(hand.con)
    s = dyad_summary(hand.con, "RUS", "IRN")
    assert s["totals"]["clusters"] == 0 and s["series"] == [] and s["ledger"] == [] and s["stances"] == []


def test_network_on_hand_made_store(hand):
    hand.event("d1", "RUS", "IRN", "062", "2016-08-16")
    hand.event("d2", "RUS", "IRN", "062", "2016-08")  # the same event: one cluster, two reports
    hand.event("d1", "RUS", "IRN", "111", "2016-09-01")
    hand.event("d1", "IRN", "SYR", "190", "2016-09-01")
    hand.event("d1", "USA", "SYR", "111", "2016-09-01", modality="hypothetical")  # not counted
    refresh_clusters(hand.con)
    G = actor_network(hand.con)
    assert set(G.edges) == {("RUS", "IRN"), ("IRN", "SYR")}
    e = G.edges["RUS", "IRN"]
    assert (e["clusters"], e["events"], e["cooperation"], e["conflict"], e["mean_goldstein"]) == (2, 3, 1, 1, 2.0)
    assert set(actor_network(hand.con, min_clusters=2).edges) == {("RUS", "IRN")}
    assert set(actor_network(hand.con, since=date(2016, 8, 20)).edges) == {("RUS", "IRN"), ("IRN", "SYR")}
    assert actor_network(hand.con, since=date(2016, 8, 20)).edges["RUS", "IRN"]["clusters"] == 1
    columns, rows = network_rows(G)
    by_code = {r[0]: dict(zip(columns, r)) for r in rows}
    assert by_code["IRN"]["betweenness"] > 0 and by_code["RUS"]["betweenness"] == 0  # IRN bridges RUS and SYR
    assert rows[0][0] == "SYR"  # PageRank flows to the end of the chain
    data = network_json(G)
    assert {n["id"] for n in data["nodes"]} == {"RUS", "IRN", "SYR"}
    assert len(data["edges"]) == 2


# -- the commands on the seed corpus ------------------------------------------------------------

@pytest.fixture(scope="module")
def seeded(tmp_path_factory, seeds):
    db = tmp_path_factory.mktemp("analysis") / "detente.duckdb"
    result = run_cli("ingest", seeds, "--db", db)
    assert result.returncode == 0, result.stderr
    return db


def test_ingest_builds_consistent_clusters(seeded):
    con = store.connect(seeded, read_only=True)
    try:
        n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
        assert con.execute("SELECT count(*) FROM event_clusters").fetchone()[0] == n_events > 0
        bad = con.execute("""
            SELECT count(*) FROM clusters c JOIN (SELECT cluster_id, count(*) AS n FROM event_clusters GROUP BY 1) m
            USING (cluster_id) WHERE m.n <> c.n_events OR c.n_documents > c.n_events OR c.n_sources > c.n_documents
               OR c.n_sources <> len(c.sources)""").fetchone()[0]
        assert bad == 0
        orphans = con.execute("SELECT count(*) FROM event_clusters WHERE cluster_id NOT IN (SELECT cluster_id FROM clusters)")
        assert orphans.fetchone()[0] == 0
        # A cluster's members share its root and, when the code is not symmetric (the codebook's mutual
        # codes, meetings and fights), its direction.
        from detente.analysis.clusters import symmetric

        members = con.execute("""
            SELECT c.cameo, e.root <> c.root, e.source IS DISTINCT FROM c.source OR e.target IS DISTINCT FROM c.target
            FROM event_clusters ec JOIN events e USING (event_id) JOIN clusters c USING (cluster_id)
        """).fetchall()
        assert not [m for m in members if m[1] or (m[2] and not symmetric(m[0]))]
    finally:
        con.close()


CONTRACT = {"pair", "totals", "series", "clusters", "ledger", "actors", "quotes", "stances"}


def test_dyad_json_matches_the_contract_and_the_store(seeded):
    result = run_cli("dyad", "RUS", "IRN", "--db", seeded, "-f", "json")
    assert result.returncode == 0, result.stderr
    s = json.loads(result.stdout)
    assert CONTRACT <= set(s)
    assert set(s["totals"]) >= {"clusters", "events", "documents", "sources", "mean_goldstein", "first_date", "last_date"}
    t = s["totals"]
    assert sum(r["clusters"] for r in s["series"]) + t["undated"] == t["clusters"]
    for r in s["series"]:
        assert set(r) >= {"period", "direction", "clusters", "mean_goldstein", "verbal_cooperation",
                          "material_cooperation", "verbal_conflict", "material_conflict"}
        assert r["direction"] in ("RUS>IRN", "IRN>RUS")
        assert r["clusters"] == sum(r[q] for q in ("verbal_cooperation", "material_cooperation", "verbal_conflict",
                                                   "material_conflict"))
    # Totals agree with the events themselves: every counted RUS-IRN report is in one counted cluster.
    con = store.connect(seeded, read_only=True)
    try:
        events, docs = con.execute("""SELECT count(*), count(DISTINCT doc_id) FROM events
            WHERE ((source = 'RUS' AND target = 'IRN') OR (source = 'IRN' AND target = 'RUS'))
              AND modality IN ('asserted', 'reported') AND confidence >= ?""", [MIN_CONFIDENCE]).fetchone()
    finally:
        con.close()
    assert (t["events"], t["documents"]) == (events, docs) and t["clusters"] <= events
    assert t["clusters"] > 0
    counted = [c for c in s["clusters"] if c["modality"] in ("asserted", "reported")]
    assert len(counted) == t["clusters"]
    assert all(len(c["members"]) == c["n_events"] and c["sentence"] for c in s["clusters"])
    dates = [c["date_start"] for c in s["clusters"] if c["date_start"]]
    assert dates == sorted(dates)  # newest last
    for entry in s["ledger"]:
        assert all(p["goldstein"] > 0 for p in entry["cooperation"]) and all(p["goldstein"] < 0 for p in entry["friction"])
        for p in entry["cooperation"] + entry["friction"]:
            assert set(p) >= {"cluster_id", "cameo", "cameo_name", "goldstein", "date", "sentence", "doc_id",
                              "sent_idx", "title", "sources"}
    assert set(s["actors"]) == {"RUS", "IRN"}
    assert any(a["code"] == "vladimir_putin" for a in s["actors"]["RUS"])  # Putin is named in every seed article


def test_dyad_table_and_csv(seeded):
    result = run_cli("dyad", "RUS", "IRN", "--db", seeded, "--by", "quarter")
    assert result.returncode == 0, result.stderr
    for heading in ("Russia (RUS) and Iran (IRN)", "cooperation and conflict by quarter", "issue ledger", "key actors",
                    "quotes", "stances"):
        assert heading in result.stdout
    csv_out = run_cli("dyad", "RUS", "IRN", "--db", seeded, "-f", "csv", "--by", "month")
    header, *lines = csv_out.stdout.splitlines()
    assert header.startswith("period,direction,clusters,mean_goldstein") and lines
    assert all(len(line.split(",")[0]) == 7 or line.split(",")[-1] in ("year", "decade") for line in lines)  # 2016-08


def test_clusters_command_agrees_with_the_dyad(seeded):
    dyad = json.loads(run_cli("dyad", "RUS", "IRN", "--db", seeded, "-f", "json").stdout)
    listed = run_cli("clusters", "--dyad", "IRN,RUS", "--db", seeded, "-f", "json")
    assert listed.returncode == 0, listed.stderr
    assert [c["cluster_id"] for c in json.loads(listed.stdout)] == [c["cluster_id"] for c in dyad["clusters"]]
    limited = json.loads(run_cli("clusters", "--db", seeded, "-f", "json", "--limit", "3", "--code", "04").stdout)
    assert len(limited) <= 3 and all(c["cameo"].startswith("04") for c in limited)
    table = run_cli("clusters", "--actor", "RUS", "--db", seeded)
    assert table.returncode == 0 and "event clusters" in table.stdout


def test_network_exports_read_back(seeded, tmp_path):
    graphml, path = tmp_path / "net.graphml", tmp_path / "net.json"
    result = run_cli("network", "--db", seeded, "-o", graphml, "--output", path, "-f", "csv")
    assert result.returncode == 0, result.stderr
    bad = run_cli("network", "--db", seeded, "-o", tmp_path / "net.png")
    assert bad.returncode == 2 and "writes .graphml or .json" in bad.stderr
    G = nx.read_graphml(graphml)
    data = json.loads(path.read_text())
    assert G.number_of_edges() == len(data["edges"]) > 0
    for e in data["edges"]:
        assert G.edges[e["source"], e["target"]]["clusters"] == e["clusters"]
        assert -10 <= e["mean_goldstein"] <= 10
    assert G.nodes["RUS"]["name"] == "Russia"
    con = store.connect(seeded, read_only=True)
    try:
        counted = con.execute("""SELECT count(*) FROM clusters WHERE modality IN ('asserted', 'reported')
            AND source IS NOT NULL AND target IS NOT NULL AND source <> target""").fetchone()[0]
    finally:
        con.close()
    assert sum(e["clusters"] for e in data["edges"]) == counted
    header, *rows = result.stdout.splitlines()
    assert header.startswith("code,name,kind,clusters") and len(rows) == G.number_of_nodes()
    strong = json.loads(run_cli("network", "--db", seeded, "-f", "json", "--min-clusters", "3").stdout)
    assert all(e["clusters"] >= 3 for e in strong["edges"]) and len(strong["edges"]) < len(data["edges"])


def test_a_store_without_clusters_gets_them(seeded, tmp_path):
    import shutil

    db = tmp_path / "old.duckdb"
    shutil.copy(seeded, db)
    con = store.connect(db)
    con.execute("DROP TABLE clusters")
    con.execute("DROP TABLE event_clusters")
    con.close()
    result = run_cli("clusters", "--db", db, "-f", "json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) > 0


def test_errors_are_one_line(seeded, tmp_path):
    same = run_cli("dyad", "RUS", "rus", "--db", seeded)
    assert same.returncode == 2 and "two different codes" in same.stderr
    unknown = run_cli("dyad", "RUS", "XYZ", "--db", seeded)
    assert unknown.returncode == 2 and "XYZ" in unknown.stderr  # an unknown value is bad usage
    missing = run_cli("network", "--db", tmp_path / "none.duckdb")
    assert missing.returncode == 3 and "no store here" in missing.stderr
    bad = run_cli("clusters", "--dyad", "RUS", "--db", seeded)
    assert bad.returncode == 2
    period = run_cli("dyad", "RUS", "IRN", "--by", "week", "--db", seeded)
    assert period.returncode == 2
    for r in (same, unknown, missing, bad, period):
        assert_no_traceback(r)
        assert len(r.stderr.strip().splitlines()) <= 8


def test_the_ledger_shows_what_sources_say_and_the_dyad_its_shared_fronts(hand):
    hand.doc("d1", publication="Reuters", published=date(2022, 7, 25), title="Oil rivals")
    con = hand.con
    sentences = [(1, "Russia and Iran compete in the oil market.", ["energy_oil"], ["RUS", "IRN"]),
                 (2, "They do not cooperate on gas pricing either.", ["energy_oil"], []),  # negated: not a point
                 (3, "Russia and Iran talk about oil often.", ["energy_oil"], ["RUS", "IRN"]),
                 (4, "They undercut each other in Asia.", ["energy_oil"], []),  # "they" after a pair sentence
                 (5, "They squeezed out Iraq.", ["energy_oil"], []),  # "they" after one that is not
                 (6, "Iran alone competes with Syria.", ["energy_oil"], ["IRN"]),  # one side only
                 (7, "The Joint Comprehensive Plan of Action binds Iran and Russia.", ["nuclear"], ["IRN", "RUS"])]
    for idx, text, issues, codes in sentences:
        con.execute("INSERT INTO sentences VALUES ('d1', ?, 0, 1, ?, ?)", [100 + idx, text, issues])
        for k, code in enumerate(codes):
            con.execute("INSERT INTO mentions (doc_id, sent_idx, start_char, end_char, surface, label, actor_code, "
                        "country, kind) VALUES ('d1', ?, ?, ?, ?, 'GPE', ?, ?, 'country')",
                        [100 + idx, 1000 * idx + 10 * k, 1000 * idx + 10 * k + 5, code, code, code])
    hand.event("d1", "RUS", "SYR", "190", "2015-09-30", issue="syria_war", text="Russia bombed Syria.")
    hand.event("d1", "IRN", "SYR", "062", "2013-03", issue="syria_war", text="Iran armed Syria.")
    hand.event("d1", "RUS", "USA", "111", "2022-07-01", text="Russia criticised the US.")  # only one side deals
    hand.event("d1", "RUS", "IRN", "042", "2022-07-19", issue="energy_oil", text="Putin visited Tehran.")
    refresh_clusters(con)
    s = dyad_summary(con, "RUS", "IRN")
    oil = next(e for e in s["ledger"] if e["issue"] == "energy_oil")
    assert [p["sentence"] for p in oil["said"]["friction"]] == [sentences[0][1], sentences[3][1]]
    assert oil["said"]["cooperation"] == [] and oil["n_said"] == {"cooperation": 0, "friction": 2}
    assert oil["said"]["friction"][0]["sources"] == ["Reuters"]
    assert not any(e["issue"] == "nuclear" for e in s["ledger"])  # a name is not the word "joint"
    assert sorted((f["source"], f["target"], f["party"]) for f in s["fronts"]) == [("IRN", "SYR", "SYR"),
                                                                                ("RUS", "SYR", "SYR")]


def test_the_seed_dyad_shows_the_episodes_analysts_look_for(seeded):
    """Issue 6's reading of the seeds, derived by the pipeline: the 2015 intervention in Syria as a
    shared front, the Tehran visit of July 2022 reported by two articles (one undated, anchored by
    the other), the S-300 delay as friction on arms, and oil-market friction in the sources' words."""
    con = store.connect(seeded, read_only=True)
    try:
        s = dyad_summary(con, "RUS", "IRN")
    finally:
        con.close()
    assert any((f["source"], f["target"], f["cameo"][:2]) == ("RUS", "SYR", "19") and (f["date"] or "").startswith("2015")
               for f in s["fronts"])
    visit = [c for c in s["clusters"] if (c["source"], c["target"], c["cameo"]) == ("RUS", "IRN", "042")
             and (c["date"] or "").startswith("2022-07")]
    assert visit and visit[0]["n_sources"] == 2
    ledger = {e["issue"]: e for e in s["ledger"]}
    assert any("S-300" in p["sentence"] for p in ledger["arms_trade"]["friction"])
    assert any("oil market" in p["sentence"] for p in ledger["energy_oil"]["said"]["friction"])
    assert ledger["syria_war"]["cooperation"]
