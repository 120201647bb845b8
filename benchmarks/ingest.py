"""Ingest throughput and memory against bare spaCy, in one process.

    .venv/bin/python benchmarks/ingest.py [--docs 200] [--rounds 2] [--seeds PATH]

Builds a corpus of at least 200 documents from the seed articles, each changed so that it is a
new document (paragraphs rotated, a numbered note added), then measures, alternating rounds:
  - bare: `nlp.pipe` of the plain spaCy model (no detente components) over the very texts
    ingest analyses;
  - ingest: detente's whole ingest (read files, metadata, analysis, DuckDB writes) into a new store;
  - ingest without events: the same with the event coder switched off (issue 4's "ingest alone").
Prints words per second, peak resident memory during each phase, the ratio ingest/bare and the
cost of event coding (ingest time / ingest-without-events time). Exits 1 when the ratio falls below
its bar (0.8) or event coding more than doubles the time of ingest (bar 2.0).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from detente import store  # noqa: E402
from detente.engine import ingest  # noqa: E402
from detente.ingest import discover, read_sources  # noqa: E402
from detente.pipeline import MODEL, count_words, load_nlp  # noqa: E402

BAR = 0.8
CODING_BAR = 2.0  # ingest with event coding may take at most this many times ingest without it


class PeakRSS:
    """Peak resident set size of this process (and, with children=True, of all its child processes
    together with it) while the block runs, sampled every 20 ms."""

    def __init__(self, children: bool = False):
        self.children = children

    def __enter__(self):
        self.peak = self.current()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.current())

    def _sample(self):
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, self.current())

    def current(self) -> int:
        if not self.children:
            with open("/proc/self/statm") as f:
                return int(f.read().split()[1]) * 4096
        import psutil

        try:
            me = psutil.Process()
            return sum(p.memory_info().rss for p in (me, *me.children(recursive=True)))
        except psutil.Error:  # a child ended while being read
            return 0


def build_corpus(seeds: Path, folder: Path, n: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    if not texts:
        sys.exit(f"benchmark: no .txt seeds in {seeds}")
    for i in range(n):
        paragraphs = texts[i % len(texts)].split("\n\n")
        k = (i // len(texts)) % len(paragraphs)
        body = "\n\n".join(paragraphs[k:] + paragraphs[:k])
        (folder / f"bench{i:04}.txt").write_text(f"{body}\n\nBenchmark note {i}.\n", encoding="utf-8")


def bare_round(nlp, texts):
    with PeakRSS() as rss:
        start = time.perf_counter()
        words = sum(count_words(doc) for doc in nlp.pipe(texts, batch_size=16))
        seconds = time.perf_counter() - start
    return words, seconds, rss.peak


def ingest_round(nlp, folder, db):
    con = store.connect(db)
    with PeakRSS() as rss:
        start = time.perf_counter()
        summary = ingest([folder], con, nlp, workers=1)  # one process: the bar is against bare spaCy in one
        seconds = time.perf_counter() - start
    con.close()
    assert summary.failed == 0 and summary.skipped == 0, summary.line()
    return summary.words, seconds, rss.peak


def word_vector_figures(tokenizer, texts: list[str]) -> str:
    """A cold load of the shipped word vectors and how fast they embed sentences (issue tagging)."""
    from detente.knowledge.embeddings import load_embeddings, words_of

    start = time.perf_counter()
    emb = load_embeddings.__wrapped__()  # bypass the cache
    load_ms = (time.perf_counter() - start) * 1000
    docs = [tokenizer(t) for t in texts]
    sentences = [words_of(d[i:i + 25]) for d in docs for i in range(0, len(d), 25)]  # sentence-sized
    start = time.perf_counter()
    emb.matrix(sentences)
    rate = len(sentences) / (time.perf_counter() - start)
    return f"word vectors: cold load {load_ms:.0f} ms, {len(emb.index):,} words; {rate:,.0f} sentences/s embedded"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "corpus" / "seeds")
    args = parser.parse_args()

    import spacy

    nlp = load_nlp()
    bare_nlp = spacy.load(MODEL)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        build_corpus(args.seeds, folder, max(args.docs, 200))
        documents = [d for d in read_sources(discover([folder])) if hasattr(d, "doc_id")]
        assert len({d.doc_id for d in documents}) == len(documents), "benchmark documents must all be new"
        texts = [d.analysable_text() for d in documents]
        for model in (nlp, bare_nlp):  # warm-up, outside the timings
            list(model.pipe(texts[:5]))

        bare, ours, uncoded = [], [], []
        for r in range(args.rounds):  # alternate so drift in machine speed hits all alike
            bare.append(bare_round(bare_nlp, texts))
            ours.append(ingest_round(nlp, folder, Path(tmp) / f"round{r}.duckdb"))
            with nlp.select_pipes(disable=["detente_events"]):
                uncoded.append(ingest_round(nlp, folder, Path(tmp) / f"uncoded{r}.duckdb"))

    def report(name, runs):
        words = runs[0][0]
        rate = statistics.median(w / s for w, s, _ in runs)
        peak = max(p for _, _, p in runs) / 2**20
        print(f"{name:<22} {words:>9,} words  {statistics.median(s for _, s, _ in runs):7.2f} s  "
              f"{rate:9,.0f} words/s  peak RSS {peak:7.1f} MiB")
        return rate

    print(f"corpus: {len(documents)} documents, {sum(len(t) for t in texts):,} characters; "
          f"{args.rounds} rounds each, median shown")
    print(f"bare: {MODEL} {', '.join(bare_nlp.pipe_names)}; detente: {', '.join(nlp.pipe_names)}")
    bare_rate = report("bare nlp.pipe", bare)
    ours_rate = report("detente ingest", ours)
    uncoded_rate = report("ingest without events", uncoded)
    print(word_vector_figures(bare_nlp.tokenizer, texts))
    ratio = ours_rate / bare_rate
    verdict = "ok" if ratio >= BAR else "BELOW BAR"
    print(f"ratio ingest/bare: {ratio:.3f} (bar {BAR}) {verdict}")
    coding = uncoded_rate / ours_rate  # time with events / time without, for the same words
    print(f"event coding: ingest takes {coding:.3f}x the time of ingest without events "
          f"(bar {CODING_BAR}) {'ok' if coding <= CODING_BAR else 'ABOVE BAR'}")
    return 0 if ratio >= BAR and coding <= CODING_BAR else 1


if __name__ == "__main__":
    sys.exit(main())
