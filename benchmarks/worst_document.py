"""The cost of the worst single document: a 2-million-character text with no sentence breaks.

    .venv/bin/python benchmarks/worst_document.py [--chars 2000000] [--seeds PATH] [--kinds prose,letters]

Analyses, one document at a time in this process, texts of `--chars` characters (2,000,000, the
longest ingest accepts):
  - prose (the baseline): the seed articles repeated, with their sentences and paragraphs;
  - words: the seeds' words with every punctuation mark and line break removed (one 2 MB line);
  - letters: "a a a ...", the most tokens a text of that length can hold, no sentence end;
  - commas: "Iran, Russia, Turkey, ..." (every token an actor, no sentence end);
  - acts: short sentences of two states, their bodies and acts ("Police in Lima fired at protesters.
    Chile accused Peru."): every act reads the story's two sides, every body the states near it;
  - one token: 2 MB with no space at all.
Prints for each the seconds, characters per second, peak resident memory and the ratio of its time
to the prose baseline's. The bound it checks (exit 1 if broken): every kind within 4x the prose
time and under 1.5 GiB peak, so the worst document costs what four articles of its length cost.
Parsing in pieces of 20,000 characters and cutting runs of 200 tokens with no sentence end into
sentences is what keeps it there (pipeline.CHUNK_CHARS, pipeline.paragraphs.MAX_SENTENCE_TOKENS).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ingest import PeakRSS  # noqa: E402

from detente.document import Document  # noqa: E402
from detente.pipeline import analyse, load_nlp  # noqa: E402

TIME_BAR = 4.0
MEMORY_BAR = 1.5 * 2**30


def texts(seeds: Path, n: int) -> dict[str, str]:
    prose = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt")))
    words = re.sub(r"[^\w ]+", " ", prose.replace("\n", " "))
    words = re.sub(r" +", " ", words)

    def fill(unit: str) -> str:
        return (unit * (n // len(unit) + 1))[:n]

    return {"prose": fill(prose + "\n\n"), "words": fill(words + " "), "letters": fill("a "),
            "commas": fill("Iran, Russia, Turkey, "),
            "acts": fill("Police in Lima fired at protesters. Chile accused Peru. The government denied it. "
                         "Troops were deployed.\n"),
            "one token": fill("x")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=2_000_000)
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "corpus" / "seeds")
    parser.add_argument("--kinds", default="prose,words,letters,commas,acts,one token",
                        help="Which documents, comma-separated (prose first: it is the baseline).")
    args = parser.parse_args()
    kinds = args.kinds.split(",")
    nlp = load_nlp()
    rows, ok = [], True
    print(f"{'document':<10} {'chars':>10} {'seconds':>8} {'chars/s':>9} {'sentences':>9} {'peak MiB':>9} {'x prose':>8}")
    for kind, text in ((k, t) for k, t in texts(args.seeds, args.chars).items() if k in kinds):
        document = Document(text=text.strip(), source_path=kind)
        with PeakRSS() as peak:
            start = time.perf_counter()
            records = next(analyse([document], nlp))
            seconds = time.perf_counter() - start
        base = rows[0][1] if rows else seconds
        rows.append((kind, seconds))
        ratio = seconds / base
        ok &= ratio <= TIME_BAR and peak.peak <= MEMORY_BAR
        print(f"{kind:<10} {len(document.text):>10,} {seconds:>8.1f} {len(document.text) / seconds:>9,.0f} "
              f"{len(records.sentences):>9,} {peak.peak / 2**20:>9,.0f} {ratio:>8.2f}", flush=True)
    print(f"bound: every document within {TIME_BAR}x the prose time and under {MEMORY_BAR / 2**30} GiB peak: "
          f"{'held' if ok else 'BROKEN'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
