"""Re-dating an article from its frozen analysis (pipeline.freeze / redate) gives what a fresh
analysis with the date gives, and ingest dates articles without parsing them again."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from detente import store
from detente.document import Document
from detente.engine import ingest
from detente.ingest import discover, read_sources
from detente.pipeline import analyse_docs, dateable, freeze, redate

UNDATED = ("Putin's visit to Tehran last week drew attention.\n\n"
           "Rouhani criticised the talks, and Raisi traveled to Moscow in January.\n")
NO_OFFICE_HOLDER = "Russia's talks with Iran last week ended without an agreement. Iran said it would meet Russia again.\n"


def fresh_and_redated(nlp, document: Document, day: date):
    (records, doc), = analyse_docs([dataclasses.replace(document, published=None)], nlp)
    frozen = freeze(records, doc)
    dated = dataclasses.replace(document, published=day, basis={**document.basis, "published": "inferred: test"})
    (expected, _), = analyse_docs([dated], nlp)
    return expected, redate(dated, frozen, nlp)


@pytest.mark.parametrize("day", [date(2022, 7, 25), date(2016, 8, 29), date(2009, 3, 2)])
def test_redating_a_frozen_seed_analysis_equals_a_fresh_analysis_with_the_date(nlp, seeds, day):
    documents = [d for d in read_sources(discover([seeds])) if isinstance(d, Document)]
    assert len(documents) == 5
    for document in documents:
        expected, got = fresh_and_redated(nlp, document, day)
        assert got == expected, document.source_path
        assert got.events  # something to compare


def count_calls(monkeypatch, nlp, name: str) -> list:
    calls = []
    kind = type(nlp.get_pipe(name))
    original = kind.__call__
    monkeypatch.setattr(kind, "__call__", lambda self, doc: calls.append(1) or original(self, doc))
    return calls


def redated_with_calls(nlp, monkeypatch, text: str, day: date = date(2022, 7, 25)):
    """(what a fresh analysis with the date gives, what re-dating gives, the components re-dating ran)."""
    document = Document(text=text, source_path="x.txt")
    (records, doc), = analyse_docs([document], nlp)
    frozen = freeze(records, doc)
    names = ("detente_actors", "detente_quotes", "detente_events", "detente_issues", "detente_stance")
    calls = {n: count_calls(monkeypatch, nlp, n) for n in names}
    dated = dataclasses.replace(document, published=day)
    got = redate(dated, frozen, nlp)
    monkeypatch.undo()
    (expected, _), = analyse_docs([dated], nlp)
    return expected, got, {n: len(c) for n, c in calls.items() if c}


def test_when_no_resolution_changes_the_events_are_redated_without_the_coder(nlp, monkeypatch):
    expected, got, ran = redated_with_calls(nlp, monkeypatch, NO_OFFICE_HOLDER)
    assert ran == {}
    assert got == expected and {e.date_basis for e in got.events} == {"relative-to-publication", "publication"}


# Each re-dated without the coder, as a fresh analysis with the date: "on Monday" and "yesterday" in
# their sentences; "October 15" (no year) is an explicit date, the next sentence's too; "last week" moves
# the article's time, and 1990 turns it to history: the next paragraph's act is dated 'background'.
REDATED_BY_SENTENCE = [
    "Russia criticised Iran on Monday. Iran condemned Russia yesterday.\n\nChina met Japan.\n",
    "On October 15 Russia met Iran in Moscow. Iran praised Russia.\n\nChina met Japan.\n",
    "Russia met Iran last week.\n\nIn 1990 Russia attacked Iran.\n\nChina criticised Japan.\n",
]


@pytest.mark.parametrize("text", REDATED_BY_SENTENCE)
def test_events_redated_by_their_sentences_dates_equal_a_fresh_analysis(nlp, monkeypatch, text):
    expected, got, ran = redated_with_calls(nlp, monkeypatch, text)
    assert got == expected
    assert ran == {}


# The coder runs again where a new date could change which acts it finds: two dates in one sentence
# (an act per dyad and date), a standing noun in a sentence that gains a date (sanctions: an act once dated).
@pytest.mark.parametrize("text", [
    "Russia criticised Iran on Monday and met China last week.\n",
    "American sanctions against Iran since last month have hurt its economy.\n",
])
def test_where_new_dates_could_change_the_acts_the_coder_runs_again(nlp, monkeypatch, text):
    expected, got, ran = redated_with_calls(nlp, monkeypatch, text)
    assert got == expected
    assert ran == {"detente_quotes": 1, "detente_events": 1}


def test_when_an_office_holders_role_changes_the_actors_and_events_are_redated_without_resolver_or_coder(nlp, monkeypatch):
    # Rouhani: undated, the office he took up last (GOV); in 2022, former (ELI). The coder compared no pair
    # whose roles changed, and neither role is a non-state speaker's: its acts stand, with his new role
    expected, got, ran = redated_with_calls(nlp, monkeypatch, UNDATED)
    assert ran == {"detente_quotes": 1}  # not issues, stances: same codes, countries
    assert got == expected
    assert {e.source_role for e in got.events if e.source_text == "Rouhani"} == {"ELI"}


def test_a_changed_role_the_coder_compared_or_a_non_state_speakers_makes_it_run_again(nlp):
    """_roles_unread, on mentions whose roles a date changes: Rouhani (Iran's government undated, a
    former official in 2022) beside Iran's government."""
    from detente.pipeline import _roles_unread
    from detente.pipeline.actor_ref import ActorRef

    coder = nlp.get_pipe("detente_events")
    rouhani = ActorRef("IRN", "IRN", "GOV", "person", "name", "rouhani")
    government = ActorRef("IRN", "IRN", "GOV", "organization", "demonym + role noun", "IRN", "government")
    before = [(0, 1, rouhani), (3, 5, government)]
    after = [(0, 1, dataclasses.replace(rouhani, role="ELI")), (3, 5, government)]
    assert _roles_unread(before, after, set(), coder)  # compared nothing
    assert _roles_unread(before, after, {((3, 5), None)}, coder)  # nothing of his
    assert not _roles_unread(before, after, {((3, 5), (0, 1))}, coder)  # GOV on GOV: not domestic; GOV on ELI: domestic
    journalist = [(0, 1, dataclasses.replace(rouhani, role="MED")), (3, 5, government)]
    assert not _roles_unread(before, journalist, set(), coder)  # a source the coder drops, or no longer drops
    from detente.pipeline.event_arguments import FORCES_READ

    assert not _roles_unread(before, after, {((0, 1), FORCES_READ)}, coder)  # whose forces he spoke of, read by role
    assert _roles_unread(before, after, {((3, 5), FORCES_READ)}, coder)  # another speaker's, unchanged


def test_when_a_resolution_changes_country_every_component_runs_again(nlp, monkeypatch):
    # Guterres: undated, the office he took up last (the UN's secretary-general); in 2000, Portugal's prime minister
    expected, got, ran = redated_with_calls(nlp, monkeypatch, "Guterres criticised Russia last week.\n", date(2000, 3, 1))
    assert ran == {"detente_actors": 1, "detente_quotes": 1, "detente_events": 1, "detente_issues": 1, "detente_stance": 1}
    assert got == expected


def test_when_a_group_was_not_yet_the_government_on_the_new_day_every_component_runs_again(nlp, monkeypatch):
    # the Taliban: undated, Afghanistan's government (as now); in 2020, an insurgency with its own code
    text = "Taliban fighters attacked a Pakistani border post last week.\n"
    expected, got, ran = redated_with_calls(nlp, monkeypatch, text, date(2020, 3, 1))
    assert ran.get("detente_actors") == 1 and got == expected
    assert any(m.actor.code == "TALIBAN" for m in got.mentions)


def test_ingest_dates_the_articles_it_analysed_without_parsing_them_again(tmp_path, nlp, monkeypatch):
    import detente.pipeline as pipeline

    parsed = []
    original = pipeline.analyse_docs

    def counting(documents, *args, **kwargs):
        documents = list(documents)
        parsed.extend(d.doc_id for d in documents)
        return original(documents, *args, **kwargs)

    monkeypatch.setattr(pipeline, "analyse_docs", counting)
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(3):
        (folder / f"undated{i}.txt").write_text(UNDATED.replace("attention", f"attention ({i})"), encoding="utf-8")
    (folder / "dated.txt").write_text("date 2022-07-22 Putin visited Tehran on Tuesday for talks.\n", encoding="utf-8")
    con = store.connect(tmp_path / "detente.duckdb")
    try:
        summary = ingest([folder], con, nlp, workers=1)
        assert summary.stored == 4
        dated = con.execute("SELECT count(*) FROM documents WHERE published_basis LIKE 'inferred%'").fetchone()[0]
    finally:
        con.close()
    assert dated == 3
    assert sorted(parsed) == sorted(set(parsed)) and len(parsed) == 4  # each article parsed once


def test_a_worker_killed_mid_run_loses_nothing(tmp_path):
    """--workers 2, one worker process killed after the first batch is written: its batches run in
    this process, later ones on new workers, and the store equals a one-process run's."""
    import os
    import signal

    import psutil

    from detente.pipeline import load_nlp
    from tests.test_resume import make_anchored_corpus, store_rows

    corpus = tmp_path / "corpus"
    make_anchored_corpus(corpus, n_fill=40)
    killed = []

    def is_worker(process) -> bool:
        try:
            return "spawn_main" in " ".join(process.cmdline())
        except psutil.Error:  # gone, or a zombie another test left: not a live worker
            return False

    def kill_a_worker(batch, _n):
        children = [p for p in psutil.Process().children(recursive=True) if is_worker(p)]
        if batch == 1 and children:  # a pool worker (not multiprocessing's resource tracker)
            os.kill(children[0].pid, signal.SIGKILL)
            killed.append(children[0].pid)

    stores = {}
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.duckdb"
        con = store.connect(db)
        try:
            summary = ingest([corpus], con, load_nlp, batch_size=4, workers=workers,
                             on_batch=kill_a_worker if workers == 2 else lambda *_: None)
        finally:
            con.close()
        assert (summary.stored, summary.failed) == (48, 0)
        stores[workers] = store_rows(db)
    assert killed
    assert stores[2] == stores[1]


def test_the_event_coder_reads_roles_only_where_redating_checks_them():
    """Re-dating keeps the coder's acts when only roles change (pipeline._roles_unread), knowing the two
    ways the coder reads a role: whether a mention speaks for no state (NON_STATE_SPEAKERS: dropping
    such sources, and not taking such a speaker's statement for a state's), whether it commands the
    unnamed forces it speaks of, and telling a domestic act. A new one must be checked there too, or re-dating could keep acts a fresh analysis would not find."""
    import re
    from pathlib import Path

    import detente.pipeline as pipeline

    folder = Path(pipeline.__file__).parent
    reads = sorted(line.strip() for name in ("events.py", "event_arguments.py", "event_context.py", "event_cues.py", "event_dates.py")
                   for line in (folder / name).read_text(encoding="utf-8").splitlines()
                   if re.search(r"\.role\b|\brole\b\s*\)", line.split("#")[0]))
    assert reads == sorted([
        "sources = [s for s in sources if s._.actor.role not in NON_STATE_SPEAKERS][:MAX_SOURCES]",
        "speakers = {_code(s) for s in said_by if s._.actor.role not in NON_STATE_SPEAKERS}",
        # the press (MED, one of NON_STATE_SPEAKERS, whose changes re-dating already refuses to keep)
        "return actor._.actor.role == PRESS_ROLE and not (known is not None and known.state_organ)",
        "roles = (source._.actor.role, target._.actor.role)",
        "return ref.kind == \"country\" and ref.role in OFFICIAL_ROLES",
        "return bool(ref.code) and ref.code == ref.country and ref.role in OWN_FORCE_ROLES",
        # an armed group as one of "both sides" (SIDE_ROLES: a changed role there is refused like NON_STATE_SPEAKERS)
        "if (span is not None and (span._.actor.kind == kind or (side and span._.actor.role in SIDE_ROLES))",
    ]), reads


# Read again without the resolver (a person's office on the new day: by name, title, "former" title,
# coreference), or resolved again where the new day answers otherwise who a name or a title is (the supreme leader undated: either of two; in 2022, one)
@pytest.mark.parametrize("text, again", [
    ("Iranian President Hassan Rouhani met Putin last week. Rouhani said the talks went well.\n", True),
    ("Former president Rouhani criticised Raisi last week, and Rouhani's allies agreed.\n", True),
    ("Hassan Rouhani spoke last week. Later, Mr. Rouhanii left for Moscow.\n", True),  # a typo: coreference
    ("Iran's supreme leader spoke last week. The supreme leader criticised America.\n", False),
])
def test_the_actors_read_again_for_a_date_equal_the_resolvers(nlp, text, again):
    from detente.pipeline import _actors_of
    from detente.pipeline.actors import DATED

    resolver = nlp.get_pipe("detente_actors")
    (_, doc), = analyse_docs([Document(text=text, source_path="x.txt")], nlp)
    day = date(2022, 7, 25)
    got = resolver.redated(doc.user_data[DATED], _actors_of(doc), day)
    (_, fresh), = analyse_docs([Document(text=text, source_path="x.txt", published=day)], nlp)
    assert (got is not None) == again
    if again:
        assert got == _actors_of(fresh) and got != _actors_of(doc)


def test_a_pool_that_never_notices_a_dead_worker_does_not_hang_the_run(monkeypatch):
    """A worker killed while it held the pool's queue can leave ProcessPoolExecutor waiting for ever
    without breaking: the wait looks at the workers, gives the pool up and runs the batch here."""
    from concurrent.futures import Future

    from detente import workers

    ran = []
    monkeypatch.setattr(workers, "run_batch", lambda documents, frozen, nlp: ran.append(documents) or "here")
    pool = workers.LocalWorkers(1, load=lambda: None, on_done=lambda _n: None)
    pool.POLL_SECONDS = 0.05
    try:
        stuck, also_stuck = Future(), Future()  # never done: the executor did not notice
        pool.sent[stuck] = pool.sent[also_stuck] = pool.pool
        first = pool.pool
        monkeypatch.setattr(workers.LocalWorkers, "_a_worker_died", lambda self: True)
        assert pool.result(["a"], stuck, frozen=[]) == "here" and pool.pool is not first  # given up, renewed
        monkeypatch.setattr(workers.LocalWorkers, "_a_worker_died", lambda self: False)
        assert pool.result(["b"], also_stuck, frozen=[]) == "here"  # sent to the pool given up: runs here too
        assert ran == [["a"], ["b"]]
    finally:
        pool.close()
