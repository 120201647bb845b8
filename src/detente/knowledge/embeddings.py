"""Static sentence embeddings: all-MiniLM-L6-v2 distilled into one vector per word.

data/word_vectors.npz (built by scripts/distil_embeddings.py, provenance in its `meta` and in
data/SOURCES) holds int8 word vectors with a per-row scale and a weight per word that falls with the
word's frequency. A sentence vector is the weighted mean of its known words' vectors, L2-normalised:
a lookup and a sum, so the issue tagger can compare every sentence with the issue descriptions at
spaCy's pace. NumPy only; nothing is downloaded.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Iterable, Sequence

import numpy as np

DATA = resources.files("detente.knowledge") / "data" / "word_vectors.npz"
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


class Embeddings:
    """Word vectors and the sentence vectors made from them."""

    def __init__(self, words: Sequence[str], vectors: np.ndarray, scales: np.ndarray, weights: np.ndarray,
                 stop_words: Iterable[str] = (), meta: dict | None = None) -> None:
        self.index = {w: i for i, w in enumerate(words)}
        self.vectors, self.scales, self.weights = vectors, scales, weights
        self.stop_words = frozenset(stop_words)
        self.meta = meta or {}
        self.dims = vectors.shape[1]

    def lookup(self, word: str) -> list[int]:
        """Rows for one spaCy token text: itself, else its possessive-less, hyphen-split or singular form."""
        word = word.lower().translate(APOSTROPHES).strip("'")
        if not word or word in self.stop_words:
            return []
        if word in self.index:
            return [self.index[word]]
        if word.endswith("'s"):  # a possessive spaCy left whole
            return self.lookup(word[:-2])
        if "-" in word:  # "anti-Assad", "Russian-Iranian": the parts, unless written solid is known
            solid = word.replace("-", "")
            if solid in self.index:
                return [self.index[solid]]
            return [i for part in word.split("-") if part for i in self.lookup(part)]
        if len(word) > 4 and word.endswith("s"):  # plurals and 3rd person: "hardliners", "allies"
            for stem in (word[:-1], word[:-2], word[:-3] + "y" if word.endswith("ies") else None):
                if stem and stem in self.index:
                    return [self.index[stem]]
        return []

    def vector(self, words: Iterable[str]) -> np.ndarray:
        """The weighted mean of the known words' vectors, L2-normalised; zeros when none is known."""
        rows = [i for w in words for i in self.lookup(w)]
        if not rows:
            return np.zeros(self.dims, dtype=np.float32)
        idx = np.array(rows)
        v = (self.vectors[idx].astype(np.float32) * (self.scales[idx] * self.weights[idx])[:, None]).sum(axis=0)
        norm = float(np.linalg.norm(v))
        return v / norm if norm > 0 else np.zeros(self.dims, dtype=np.float32)

    def matrix(self, texts: Iterable[Iterable[str]]) -> np.ndarray:
        """One row per word list: the vectors of many sentences at once."""
        rows = [self.vector(words) for words in texts]
        return np.vstack(rows) if rows else np.zeros((0, self.dims), dtype=np.float32)

    def similarity(self, a: np.ndarray | Iterable[str], b: np.ndarray | Iterable[str]) -> float:
        """Cosine similarity of two vectors or word lists (0 when either has no known word)."""
        va = a if isinstance(a, np.ndarray) else self.vector(a)
        vb = b if isinstance(b, np.ndarray) else self.vector(b)
        return float(va @ vb)


def words_of(tokens: Iterable) -> list[str]:
    """The words of a spaCy Doc or Span as vector() wants them: lower case, no punctuation or spaces."""
    return [t.lower_ for t in tokens if not (t.is_punct or t.is_space)]


@functools.lru_cache(maxsize=1)
def load_embeddings() -> Embeddings:
    with DATA.open("rb") as fh, np.load(fh) as npz:
        return Embeddings(npz["words"].tolist(), npz["vectors"], npz["scales"], npz["weights"],
                          npz["stop_words"].tolist(), json.loads(str(npz["meta"])))
