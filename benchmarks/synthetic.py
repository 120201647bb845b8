"""A synthetic detente store of N events, to the real schema, for measuring views and ingest at scale.

    .venv/bin/python benchmarks/synthetic.py --events 100000 [--seed 0] [--out PATH] [--force]

    from synthetic import build_store, cached_store
    build_store("big.duckdb", 1_000_000, seed=0)       # a new store at that path
    path = cached_store(1_000_000)                      # built once, kept under benchmarks/.stores

The store is created by `detente.store.connect` (its schema, its meta rows) with the knowledge
base's actors table (`store.write_actors`), filled by bulk SQL from arrays numpy draws (a seeded
generator: the same seed gives the same store), and clustered by the real clustering
(`analysis.clusters.refresh_clusters`), so the clusters are current and a later ingest into the
store behaves as it would in a real one. What it holds, per the seed:
  - documents of 20-40 events each (about 30), dated over ten years (2015-2024; 3 % undated), from
    40 publications, each with its sentences (an event's sentence names its sides and its trigger;
    other sentences name a person of one side, and some say the sides cooperate or compete on an
    issue), the actor mentions in them, quotes, issues and, for one document in five, a stance on
    its main dyad;
  - dyads drawn from a heavy-tailed (gravity: Zipf weight times Zipf weight) distribution over 150
    states and 15 organisations, RUS-IRN among the largest; a document keeps to its main dyad for
    about half its events; some events have no target (statements) or no source;
  - CAMEO codes drawn by root with GDELT-like frequencies (statements and consultations common,
    force rare), Goldstein, quad class and PLOVER from the package's codebook;
  - modalities (asserted 70 %, reported 20 %, hypothetical 6 %, negated 4 %), confidences spread
    around the counting threshold (about 15 % under it), date bases and precisions as the coder
    gives them (day most, then month, year, week, decade; 5 % undated).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from detente import store  # noqa: E402
from detente.analysis.clusters import refresh_clusters  # noqa: E402
from detente.analysis.events import MIN_CONFIDENCE, issue_codes  # noqa: E402
from detente.knowledge.events import load_vocabulary  # noqa: E402
from detente.knowledge.kb import load_kb, read_yaml  # noqa: E402

# Bump when the generator changes what it writes: cached stores of an older version are rebuilt.
GENERATOR_VERSION = "1"
STORES = Path(os.environ.get("DETENTE_BENCH_STORES", ROOT / "benchmarks" / ".stores"))

# The most reported actors first (a Zipf weight by rank); the rest of the KB's states follow in code order.
LEADING = ["USA", "RUS", "CHN", "IRN", "ISR", "UKR", "SYR", "TUR", "GBR", "FRA", "DEU", "SAU", "IRQ", "IND", "PRK",
           "JPN", "PAK", "AFG", "EGY", "KOR", "QAT", "ARE", "LBN", "YEM", "AZE", "ARM", "BLR", "KAZ", "VEN", "CUB"]
ORGANISATIONS = ["UN", "UNSC", "IAEA", "EU", "NATO", "OPEC", "AU", "ASEAN", "WHO", "UNGA", "GCC", "SCO", "BRICS",
                 "ICC", "IMF"]
N_STATES = 150
BOOSTED = {("RUS", "IRN"): 4.0}  # a pair reported more than its sides' weights alone say
# CAMEO roots by share of events (GDELT's mix, roughly): statements and consultations common, force rare.
ROOT_SHARES = {"01": 15, "02": 7, "03": 7, "04": 22, "05": 10, "06": 3, "07": 3, "08": 2.5, "09": 1, "10": 2,
               "11": 6, "12": 3, "13": 2, "14": 3, "15": 0.7, "16": 1.5, "17": 4, "18": 3, "19": 4, "20": 0.3}
MODALITIES = (("asserted", 70), ("reported", 20), ("hypothetical", 6), ("negated", 4))
# (date basis, share, whether it dates the event away from its article's publication date)
BASES = (("publication", 40), ("explicit", 25), ("relative-to-publication", 15), ("inferred", 8), ("period", 3),
         ("unanchored", 2), ("background", 2), ("none", 5))
PRECISIONS = (("day", 75), ("month", 12), ("year", 9), ("week", 3), ("decade", 1))
ROLES = ("GOV", "GOV", "GOV", "MIL", "LEG", "ELI", None, None)
STANCE_LABELS = ("strategic_alliance", "limited_partnership", "marriage_of_convenience", "rivalry")
FILLERS = ("on Tuesday, officials said.", "after weeks of talks.", "according to people familiar with the matter.",
           "in a statement carried by state media.", "amid rising tensions in the region.",
           "as the two governments weighed their options.", "during a visit to the capital.",
           "in remarks to reporters.", "despite objections from several governments.", "late on Sunday.")
REREPORTED = 0.35
FIRST_DAY, DAYS = date(2015, 1, 1).toordinal(), 3653
DAY0 = date(1970, 1, 1).toordinal()


def _shares(pairs) -> tuple[list, np.ndarray]:
    names = [p[0] for p in pairs]
    weights = np.array([p[1] for p in pairs], dtype=float)
    return names, weights / weights.sum()


def _actors(kb_rows: list[tuple]) -> list[tuple[str, str, str]]:
    """(code, name, kind) of the actors events are drawn over, most reported first."""
    known = {r[0]: r for r in kb_rows if r[2] in ("country", "organization")}
    states = [c for c in LEADING if c in known]
    states += sorted(c for c, r in known.items() if r[2] == "country" and c not in states)
    states = states[:N_STATES]
    orgs = [c for c in ORGANISATIONS if c in known]
    # organisations interleaved by weight: the UN and the EU are reported about as much as a mid-sized state
    codes = states[:8] + orgs[:3] + states[8:40] + orgs[3:] + states[40:]
    return [(c, known[c][1], known[c][2]) for c in codes]


def _triggers(vocab) -> dict[str, str]:
    """A trigger word for each code: the lemma of its first pattern, else its name's first word."""
    found = {}
    for (lemma, _pos), patterns in vocab.patterns.items():
        for p in patterns:
            found.setdefault(p.code, lemma)
    return {code: found.get(code) or c.name.split()[0].lower() for code, c in vocab.codes.items()}


def build_store(path: str | Path, n_events: int, seed: int = 0, log=print) -> dict:
    """Write a new store of `n_events` events at `path` (refused when a file is there). Returns counts
    and the seconds each step took."""
    path = Path(path)
    if n_events < 1:
        raise ValueError(f"n_events must be at least 1 (got {n_events})")
    if path.exists():
        raise FileExistsError(f"{path}: a file is there already (remove it, or pass --force)")
    rng = np.random.default_rng(seed)
    kb = load_kb()
    vocab = load_vocabulary()
    times: dict[str, float] = {}
    t0 = time.perf_counter()

    # -- draws --------------------------------------------------------------------------------
    actors = _actors(kb.actor_rows())
    n_actors = len(actors)
    index = {code: i for i, (code, _, _) in enumerate(actors)}
    weight = 1.0 / np.arange(1, n_actors + 1)
    pair_w = np.outer(weight, weight)
    np.fill_diagonal(pair_w, 0)
    for (a, b), boost in BOOSTED.items():
        pair_w[index[a], index[b]] *= boost
        pair_w[index[b], index[a]] *= boost
    pair_p = (pair_w / pair_w.sum()).ravel()

    counts = rng.integers(20, 41, size=n_events // 20 + 2)
    ends = np.cumsum(counts)
    n_docs = int(np.searchsorted(ends, n_events) + 1)
    counts = counts[:n_docs].copy()
    counts[-1] -= int(ends[n_docs - 1] - n_events)
    doc_of = np.repeat(np.arange(n_docs), counts)
    first_of_doc = np.concatenate([[0], np.cumsum(counts)[:-1]])
    j_in_doc = np.arange(n_events) - first_of_doc[doc_of]
    extra = rng.integers(5, 16, size=n_docs)
    n_sent = counts + extra

    published = np.sort(FIRST_DAY + rng.integers(0, DAYS, size=n_docs))  # documents in order of publication
    dated_doc = rng.random(n_docs) >= 0.03
    main_pair = rng.choice(pair_p.size, size=n_docs, p=pair_p)
    issue_list = list(issue_codes())
    doc_issue = rng.integers(0, len(issue_list), size=n_docs)

    own_pair = rng.random(n_events) < 0.5
    pair = np.where(own_pair, main_pair[doc_of], rng.choice(pair_p.size, size=n_events, p=pair_p))
    src, tgt = pair // n_actors, pair % n_actors
    swap = rng.random(n_events) < 0.5
    src, tgt = np.where(swap, tgt, src), np.where(swap, src, tgt)
    lone = rng.random(n_events)
    tgt = np.where(lone < 0.08, -1, tgt)  # no target named
    src = np.where(lone > 0.97, -1, src)  # no source named

    roots, root_p = _shares(ROOT_SHARES.items())
    by_root: dict[str, list[str]] = {}
    for code, c in vocab.codes.items():
        by_root.setdefault(c.root, []).append(code)
    codes = [code for r in roots for code in sorted(by_root[r])]
    root_first = np.cumsum([0] + [len(by_root[r]) for r in roots])
    root_idx = rng.choice(len(roots), size=n_events, p=root_p)
    # the root's own code and its short codes most often, as coders give them
    within = np.minimum((rng.pareto(1.2, size=n_events)).astype(int), np.diff(root_first)[root_idx] - 1)
    code_idx = root_first[root_idx] + within

    modal_names, modal_p = _shares(MODALITIES)
    modality = rng.choice(len(modal_names), size=n_events, p=modal_p)
    # a beta spread whose mass under the threshold is about 15 %
    confidence = np.round(rng.beta(5.0, 2.2, size=n_events), 3)
    basis_names, basis_p = _shares(BASES)
    basis = rng.choice(len(basis_names), size=n_events, p=basis_p)
    prec_names, prec_p = _shares(PRECISIONS)
    precision = rng.choice(len(prec_names), size=n_events, p=prec_p)
    back = rng.integers(0, 30, size=n_events) * (basis_names.index("publication") != basis)
    back = np.where(np.isin(basis, [basis_names.index("background"), basis_names.index("period")]),
                    rng.integers(0, 3650, size=n_events), back)
    event_day = published[doc_of] - back
    undated = (basis == basis_names.index("none")) | ~dated_doc[doc_of] & (
        np.isin(basis, [basis_names.index("publication"), basis_names.index("relative-to-publication")]))
    event_issue = np.where(rng.random(n_events) < 0.6, doc_issue[doc_of], -1)
    # A third of the events re-report one an article of the last days reported: the same sides, code
    # and day, told by the text; these make the clusters of several documents and sources.
    again = np.flatnonzero((rng.random(n_events) < REREPORTED) & (doc_of > 0))
    earlier = first_of_doc[np.maximum(doc_of[again] - rng.integers(1, 20, size=again.size), 0)]
    told = earlier + (rng.random(again.size) * counts[doc_of[earlier]]).astype(int)
    for column in (src, tgt, code_idx, event_day, event_issue):
        column[again] = column[told]
    basis[again], precision[again], undated[again] = basis_names.index("explicit"), prec_names.index("day"), False

    quotes_per_doc = rng.integers(1, 6, size=n_docs)
    speaker_side = rng.random(n_docs) < 0.5
    stance_doc = rng.random(n_docs) < 0.2
    stance_label = rng.integers(0, len(STANCE_LABELS), size=n_docs)
    publication = rng.integers(0, 40, size=n_docs)
    times["draw"] = time.perf_counter() - t0

    # -- tables -------------------------------------------------------------------------------
    t = time.perf_counter()
    con = store.connect(path)
    store.write_actors(con, kb.actor_rows, kb.version)
    con.execute("SET preserve_insertion_order = false")
    people = [(pid, p.name, t0_.country, t0_.role, t0_.office) for pid, p in sorted(kb.people.items())
              for t0_ in p.tenures[:1] if t0_.country in index]
    lookups = {
        "g_actor": {"i": np.arange(n_actors), "code": np.array([a[0] for a in actors]),
                    "name": np.array([a[1] for a in actors]), "kind": np.array([a[2] for a in actors])},
        "g_code": {"i": np.arange(len(codes)), "cameo": np.array(codes),
                   "root": np.array([vocab.codes[c].root for c in codes]),
                   "cname": np.array([vocab.codes[c].name for c in codes]),
                   "goldstein": np.array([vocab.codes[c].goldstein for c in codes]),
                   "quad": np.array([vocab.codes[c].quad for c in codes]),
                   "ptype": np.array([vocab.codes[c].plover_type or "" for c in codes]),
                   "pmode": np.array([vocab.codes[c].plover_mode or "" for c in codes]),
                   "trig": np.array([_triggers(vocab)[c] for c in codes])},
        "g_issue": {"i": np.arange(len(issue_list)), "issue": np.array(issue_list)},
        "g_person": {"i": np.arange(len(people)), "pid": np.array([p[0] for p in people]),
                     "pname": np.array([p[1] for p in people]), "country": np.array([p[2] for p in people]),
                     "prole": np.array([p[3] or "" for p in people]), "office": np.array([p[4] or "" for p in people])},
        "g_modality": {"i": np.arange(len(modal_names)), "modality": np.array(modal_names)},
        "g_basis": {"i": np.arange(len(basis_names)), "basis": np.array(basis_names)},
        "g_prec": {"i": np.arange(len(prec_names)), "prec": np.array(prec_names)},
        "g_filler": {"i": np.arange(len(FILLERS)), "filler": np.array(FILLERS)},
        "g_role": {"i": np.arange(len(ROLES)), "role": np.array([r or "" for r in ROLES])},
        "g_label": {"i": np.arange(len(STANCE_LABELS)), "label": np.array(STANCE_LABELS)},
    }
    ledger = read_yaml("stance.yaml")["ledger"]
    cues = [(tone, phrase) for tone in ("cooperation", "friction") for phrase in ledger[tone][:5]]
    lookups["g_cue"] = {"i": np.arange(len(cues)), "cue": np.array([c[1] for c in cues])}
    for name, columns in lookups.items():
        con.register(f"{name}_src", columns)
        con.execute(f"CREATE TEMP TABLE {name} AS SELECT * FROM {name}_src")
        con.unregister(f"{name}_src")
    n_persons_by_country = {}
    for p in people:
        n_persons_by_country[p[2]] = n_persons_by_country.get(p[2], 0) + 1
    con.execute("CREATE TEMP TABLE g_pc AS SELECT country, row_number() OVER (PARTITION BY country ORDER BY pid) - 1 AS k, "
                "count(*) OVER (PARTITION BY country) AS n, pid, pname, prole, office FROM g_person")

    ma, mb = main_pair // n_actors, main_pair % n_actors
    docs = {"d": np.arange(n_docs), "n_ev": counts, "n_sent": n_sent, "first_ev": first_of_doc,
            "pub": np.where(dated_doc, published - DAY0, -1), "issue_i": doc_issue, "ma": ma, "mb": mb,
            "pubn": publication, "nq": quotes_per_doc, "speaker_b": speaker_side, "stance": stance_doc,
            "label_i": stance_label, "r1": rng.integers(0, 1 << 30, size=n_docs)}
    con.register("g_docs_src", docs)
    con.execute("CREATE TEMP TABLE g_doc AS SELECT *, left(md5('synthetic:' || ? || ':' || d), 16) AS doc_id "
                "FROM g_docs_src", [seed])
    con.unregister("g_docs_src")
    # events: the sentence each sits in (distinct sentences within a document, spread over it)
    sent_idx = (j_in_doc * n_sent[doc_of]) // counts[doc_of]
    ev = {"d": doc_of, "sent": sent_idx, "src": src, "tgt": tgt, "code_i": code_idx, "mod_i": modality,
          "conf": confidence, "basis_i": basis, "prec_i": precision, "day": event_day - DAY0, "undated": undated,
          "issue_i": event_issue, "srole": rng.integers(0, len(ROLES), size=n_events),
          "trole": rng.integers(0, len(ROLES), size=n_events), "fill": rng.integers(0, len(FILLERS), size=n_events)}
    con.register("g_ev_src", ev)
    con.execute("CREATE TEMP TABLE g_ev AS SELECT * FROM g_ev_src")
    con.unregister("g_ev_src")
    times["lookups"] = time.perf_counter() - t

    t = time.perf_counter()
    # every sentence: an event's sentence names its sides around its trigger; the others have a
    # person of one side speak (a cue phrase of cooperation or friction in some), or name a side.
    con.execute("""
    CREATE TEMP TABLE g_sent AS
    WITH s AS (
        SELECT g.d, g.doc_id, g.ma, g.mb, g.issue_i, g.r1, i.idx
        FROM g_doc g, LATERAL (SELECT unnest(range(g.n_sent)) AS idx) i
    ), e AS (
        SELECT ev.*, row_number() OVER () - 1 AS ev_n FROM g_ev ev
    )
    SELECT s.d, s.doc_id, s.idx, s.issue_i, e.ev_n,
           coalesce(sa.name, 'Officials') AS src_name, c.trig, coalesce(ta.name, 'the region') AS tgt_name,
           e.src, e.tgt, e.code_i, e.fill,
           CASE WHEN e.d IS NULL THEN hash(s.d, s.idx, s.r1) END AS h,
           CASE WHEN hash(s.d, s.idx, s.r1) % 2 = 0 THEN s.ma ELSE s.mb END AS side
    FROM s LEFT JOIN e ON e.d = s.d AND e.sent = s.idx
    LEFT JOIN g_actor sa ON sa.i = e.src LEFT JOIN g_actor ta ON ta.i = e.tgt
    LEFT JOIN g_code c ON c.i = e.code_i
    """)
    con.execute("""
    CREATE TEMP TABLE g_text AS
    SELECT s.d, s.doc_id, s.idx, s.ev_n, s.src, s.tgt, s.side, s.h, s.src_name, s.trig, s.tgt_name,
           p.pid, p.pname, p.prole, p.office, p.country AS pcountry, a.code AS side_code, a.name AS side_name,
           CASE
             WHEN s.ev_n IS NOT NULL THEN s.src_name || ' ' || s.trig || ' ' || s.tgt_name || ' ' || f.filler
             WHEN p.pid IS NOT NULL AND s.h % 5 = 0 THEN
                  p.pname || ' said: "We ' || cue.cue || ' with ' || b.name || ' on this, and we will go on."'
             WHEN p.pid IS NOT NULL THEN p.pname || ' said ' || a.name || ' ' || f2.filler
             ELSE 'They ' || cue.cue || ' with each other, ' || a.name || ' and ' || b.name || ' officials said.'
           END AS text,
           CASE WHEN s.h % 7 = 0 THEN [gi.issue, (SELECT issue FROM g_issue WHERE i = s.h % 12)]
                WHEN s.h % 3 <> 0 OR s.ev_n IS NOT NULL THEN [gi.issue] ELSE []::VARCHAR[] END AS issues,
           b.name AS other_name, b.code AS other_code, b.kind AS other_kind, a.kind AS side_kind, cue.cue
    FROM g_sent s JOIN g_doc g ON g.d = s.d
    JOIN g_actor a ON a.i = s.side
    JOIN g_actor b ON b.i = CASE WHEN s.side = g.ma THEN g.mb ELSE g.ma END
    JOIN g_issue gi ON gi.i = s.issue_i
    LEFT JOIN g_filler f ON f.i = s.fill
    LEFT JOIN g_filler f2 ON f2.i = s.h % 10
    LEFT JOIN g_cue cue ON cue.i = s.h % 10
    LEFT JOIN g_pc p ON p.country = a.code AND p.k = (s.h // 7) % p.n AND s.h % 4 <> 3
    """)
    con.execute("""
    CREATE TEMP TABLE g_pos AS
    SELECT *, coalesce(sum(length(text) + 1) OVER (PARTITION BY d ORDER BY idx
                                                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS start_char
    FROM g_text
    """)
    times["sentences"] = time.perf_counter() - t

    t = time.perf_counter()
    con.execute("BEGIN TRANSACTION")
    con.execute("""
    INSERT INTO documents (doc_id, source_path, record, url, site, title, publication, authors, published, keywords,
                           title_basis, published_basis, publication_basis, authors_basis, url_basis, encoding,
                           n_chars, n_words, n_sentences, pipeline, ingested_at, text, masked)
    SELECT g.doc_id, 'synthetic/feed-' || (g.d // 1000) || '.jsonl', (g.d % 1000)::VARCHAR,
           'https://news' || g.pubn || '.example/' || g.doc_id, 'news' || g.pubn || '.example',
           CASE WHEN g.d % 50 = 7 THEN NULL ELSE a.name || ' and ' || b.name || ': ' || gi.issue || ' ' || g.d END,
           'Publication ' || g.pubn, ['Reporter ' || (g.r1 % 300)],
           CASE WHEN g.pub >= 0 THEN DATE '1970-01-01' + g.pub::INTEGER END, [gi.issue],
           'field', CASE WHEN g.pub >= 0 THEN 'field' END, 'field', 'field', 'field', 'utf-8',
           length(t.text), len(string_split(t.text, ' ')), g.n_sent, 'synthetic ' || ?,
           TIMESTAMP '2025-01-01' + to_seconds(g.d), t.text, []::INTEGER[][]
    FROM g_doc g JOIN g_actor a ON a.i = g.ma JOIN g_actor b ON b.i = g.mb JOIN g_issue gi ON gi.i = g.issue_i
    JOIN (SELECT d, string_agg(text, ' ' ORDER BY idx) AS text FROM g_pos GROUP BY d) t ON t.d = g.d
    """, [GENERATOR_VERSION])
    con.execute("""
    INSERT INTO sentences SELECT doc_id, idx, start_char, start_char + length(text), text, issues FROM g_pos
    """)
    threshold = MIN_CONFIDENCE
    con.execute("""
    INSERT INTO events
    SELECT s.doc_id || ':' || s.idx || ':' || (s.start_char + length(s.src_name) + 1) || ':' ||
               coalesce(sa.code, '') || ':' || coalesce(ta.code, '') || ':' || c.cameo,
           s.doc_id, s.idx, s.start_char + length(s.src_name) + 1, s.start_char + length(s.src_name) + 1 + length(c.trig),
           c.trig, sa.code, ta.code, nullif(sr.role, ''), nullif(tr.role, ''),
           CASE WHEN sa.code IS NOT NULL THEN s.src_name END, CASE WHEN ta.code IS NOT NULL THEN s.tgt_name END,
           c.cameo, c.root, c.cname, c.goldstein, c.quad, nullif(c.ptype, ''), nullif(c.pmode, ''), m.modality,
           CASE WHEN e.undated THEN NULL WHEN p.prec = 'year' THEN strftime(e.day_, '%Y')
                WHEN p.prec = 'decade' THEN strftime(e.day_, '%Y')[:3] || '0'
                WHEN p.prec = 'month' THEN strftime(e.day_, '%Y-%m') ELSE strftime(e.day_, '%Y-%m-%d') END,
           CASE WHEN e.undated THEN NULL WHEN p.prec = 'year' THEN date_trunc('year', e.day_)
                WHEN p.prec = 'decade' THEN make_date(year(e.day_) // 10 * 10, 1, 1)
                WHEN p.prec = 'month' THEN date_trunc('month', e.day_)
                WHEN p.prec = 'week' THEN date_trunc('week', e.day_) ELSE e.day_ END,
           CASE WHEN NOT e.undated THEN p.prec END,
           CASE WHEN e.undated AND b.basis <> 'none' THEN 'unanchored' ELSE b.basis END,
           gi.issue, e.conf
    FROM (SELECT *, DATE '1970-01-01' + day::INTEGER AS day_ FROM g_ev) e JOIN g_code c ON c.i = e.code_i
    JOIN g_pos s ON s.d = e.d AND s.idx = e.sent
    LEFT JOIN g_actor sa ON sa.i = e.src LEFT JOIN g_actor ta ON ta.i = e.tgt
    JOIN g_role sr ON sr.i = e.srole JOIN g_role tr ON tr.i = e.trole
    JOIN g_modality m ON m.i = e.mod_i JOIN g_basis b ON b.i = e.basis_i JOIN g_prec p ON p.i = e.prec_i
    LEFT JOIN g_issue gi ON gi.i = e.issue_i
    """)
    # mentions: an event's sides in its sentence; a speaking person (acting for their state) or the side named
    con.execute("""
    INSERT INTO mentions (doc_id, sent_idx, start_char, end_char, surface, label, actor_code, country, role, kind,
                          actor_id, how, detail)
    SELECT doc_id, idx, start_char, start_char + length(src_name), src_name,
           CASE WHEN sa.kind = 'organization' THEN 'ORG' ELSE 'GPE' END, sa.code, CASE WHEN sa.kind = 'country' THEN sa.code END,
           NULL, sa.kind, sa.code, 'name', NULL
    FROM g_pos JOIN g_actor sa ON sa.i = g_pos.src WHERE ev_n IS NOT NULL
    UNION ALL
    SELECT doc_id, idx, start_char + length(src_name) + length(trig) + 2,
           start_char + length(src_name) + length(trig) + 2 + length(tgt_name), tgt_name,
           CASE WHEN ta.kind = 'organization' THEN 'ORG' ELSE 'GPE' END, ta.code, CASE WHEN ta.kind = 'country' THEN ta.code END,
           NULL, ta.kind, ta.code, 'name', NULL
    FROM g_pos JOIN g_actor ta ON ta.i = g_pos.tgt WHERE ev_n IS NOT NULL
    UNION ALL
    SELECT doc_id, idx, start_char, start_char + length(pname), pname, 'PERSON', pcountry, pcountry, nullif(prole, ''),
           'person', pid, 'name', nullif(office, '')
    FROM g_pos WHERE ev_n IS NULL AND pid IS NOT NULL
    UNION ALL   -- "P said A ...": the side named after the speaker
    SELECT doc_id, idx, start_char + length(pname) + 6, start_char + length(pname) + 6 + length(side_name), side_name,
           CASE WHEN side_kind = 'organization' THEN 'ORG' ELSE 'GPE' END, side_code,
           CASE WHEN side_kind = 'country' THEN side_code END, NULL, side_kind, side_code, 'name', NULL
    FROM g_pos WHERE ev_n IS NULL AND pid IS NOT NULL AND h % 5 <> 0
    UNION ALL   -- 'P said: "We cooperate with B ..."': the other side
    SELECT doc_id, idx, start_char + length(pname) + 17 + length(cue), start_char + length(pname) + 17 + length(cue)
           + length(other_name), other_name, CASE WHEN other_kind = 'organization' THEN 'ORG' ELSE 'GPE' END, other_code,
           CASE WHEN other_kind = 'country' THEN other_code END, NULL, other_kind, other_code, 'name', NULL
    FROM g_pos WHERE ev_n IS NULL AND pid IS NOT NULL AND h % 5 = 0
    UNION ALL   -- "They compete with each other, A and B officials said.": both sides
    SELECT doc_id, idx, start_char + 23 + length(cue), start_char + 23 + length(cue) + length(side_name), side_name,
           CASE WHEN side_kind = 'organization' THEN 'ORG' ELSE 'GPE' END, side_code,
           CASE WHEN side_kind = 'country' THEN side_code END, NULL, side_kind, side_code, 'name', NULL
    FROM g_pos WHERE ev_n IS NULL AND pid IS NULL
    UNION ALL
    SELECT doc_id, idx, start_char + 28 + length(cue) + length(side_name),
           start_char + 28 + length(cue) + length(side_name) + length(other_name), other_name,
           CASE WHEN other_kind = 'organization' THEN 'ORG' ELSE 'GPE' END, other_code,
           CASE WHEN other_kind = 'country' THEN other_code END, NULL, other_kind, other_code, 'name', NULL
    FROM g_pos WHERE ev_n IS NULL AND pid IS NULL
    """)
    # quotes: what the people of a document's sides say, in the sentences they speak in
    con.execute("""
    INSERT INTO quotes
    SELECT p.doc_id, p.idx, p.start_char + strpos(p.text, '"'), p.start_char + length(p.text) - 1,
           substr(p.text, strpos(p.text, '"') + 1, length(p.text) - strpos(p.text, '"') - 1),
           p.pname, p.pcountry, p.pid, nullif(p.prole, ''), nullif(replace(p.office, '_', ' '), ''), 'reporting verb'
    FROM g_pos p JOIN g_doc g ON g.d = p.d
    WHERE p.ev_n IS NULL AND p.pid IS NOT NULL AND strpos(p.text, '"') > 0
    QUALIFY row_number() OVER (PARTITION BY p.d ORDER BY p.idx) <= g.nq
    """)
    con.execute("""
    INSERT INTO issues
    SELECT g.doc_id, issue, round(n / g.n_sent, 3), n, n >= 2
    FROM (SELECT d, issue, count(*) AS n FROM (SELECT p.d, unnest(p.issues) AS issue FROM g_pos p) GROUP BY ALL)
    JOIN g_doc g USING (d)
    """)
    con.execute("""
    INSERT INTO stances
    SELECT g.doc_id, least(a.code, b.code), greatest(a.code, b.code), l.label, round(0.4 + (g.r1 % 60) / 100, 2),
           '{"' || l.label || '": 1.0}', [1, 2]
    FROM g_doc g JOIN g_actor a ON a.i = g.ma JOIN g_actor b ON b.i = g.mb JOIN g_label l ON l.i = g.label_i
    WHERE g.stance
    """)
    con.execute("COMMIT")
    times["insert"] = time.perf_counter() - t
    for name in ("g_pos", "g_text", "g_sent", "g_ev", "g_doc", "g_pc", *lookups):
        con.execute(f"DROP TABLE {name}")

    t = time.perf_counter()
    n_clusters = refresh_clusters(con)
    times["clusters"] = time.perf_counter() - t
    con.execute("CHECKPOINT")
    out = {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
           for table in ("documents", "sentences", "mentions", "events", "quotes", "issues", "stances", "clusters")}
    out["counted_share"] = round(con.execute(
        f"SELECT avg((modality IN ('asserted', 'reported') AND confidence >= {threshold})::INT) FROM events").fetchone()[0], 3)
    con.close()
    assert out["clusters"] == n_clusters
    out["seconds"] = {k: round(v, 1) for k, v in times.items()}
    out["seconds"]["total"] = round(time.perf_counter() - t0, 1)
    log(f"{path}: {out}")
    return out


def cached_store(n_events: int, seed: int = 0, folder: Path = STORES, log=print) -> Path:
    """The path of a synthetic store of `n_events` events, built the first time it is asked for."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"synthetic-{n_events}-seed{seed}-v{GENERATOR_VERSION}-s{store.SCHEMA_VERSION}.duckdb"
    if not path.exists():
        tmp = path.with_suffix(".building.duckdb")
        for leftover in (tmp, Path(f"{tmp}.wal")):
            leftover.unlink(missing_ok=True)
        build_store(tmp, n_events, seed, log)
        tmp.rename(path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, required=True, help="How many events (10000, 100000, 1000000).")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, help="Where to write it (default: cached under benchmarks/.stores).")
    parser.add_argument("--force", action="store_true", help="Replace a store already at --out.")
    args = parser.parse_args(argv)
    if args.events < 1:
        parser.error(f"--events must be at least 1 (got {args.events})")
    if args.out is None:
        print(cached_store(args.events, args.seed))
        return 0
    if args.force:
        for leftover in (args.out, Path(f"{args.out}.wal")):
            leftover.unlink(missing_ok=True)
    try:
        build_store(args.out, args.events, args.seed)
    except FileExistsError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
