"""`detente_issues`: the issue areas each sentence is about, and their weight in the document.

A sentence is on an issue when it holds one of the issue's terms (issues.yaml, matched on whole
tokens, case-insensitively) or names one of the issue's actors. A sentence with neither can still be
put on one issue by paraphrase: its sentence vector (knowledge/embeddings.py) is compared with the
issue's description and examples, and the best issue is taken when it is close enough and clearly
ahead of the second best (each issue's `similarity` settings). Terms stay the stronger signal: a
sentence with a term hit is never retagged by similarity. A document's weight for an issue is the
share of its sentences on it, and the document is on the issue when two or more sentences are;
events take their sentence's strongest issue.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass

import numpy as np
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..knowledge.embeddings import load_embeddings, words_of
from ..knowledge.kb import read_yaml

if not Doc.has_extension("issues"):
    Doc.set_extension("issues", default=None)


@dataclass(frozen=True)
class Similarity:
    threshold: float  # cosine to the issue's nearest description or example
    margin: float  # lead over the second-best issue
    min_words: int  # known content words the sentence needs before its vector is trusted


@dataclass(frozen=True)
class Issue:
    code: str
    name: str
    description: str
    terms: tuple[str, ...]
    actors: frozenset[str]
    examples: tuple[str, ...] = ()
    similarity: Similarity | None = None  # None: terms and actors only


@functools.lru_cache(maxsize=1)
def load_issues() -> dict[str, Issue]:
    entries = read_yaml("issues.yaml")
    return {e["code"]: Issue(e["code"], e["name"], e["description"], tuple(e.get("terms") or []),
                             frozenset(e.get("actors") or []), tuple(e.get("examples") or []),
                             Similarity(**e["similarity"]) if e.get("similarity") else None) for e in entries}


MIN_SENTENCES = 2  # a document is on an issue when at least this many of its sentences are


@dataclass
class DocIssues:
    by_sentence: dict[int, list[str]]  # sentence start token -> issues, strongest first
    counts: dict[str, int]  # issue -> number of the document's sentences on it
    sentences: int
    similar: dict[int, float]  # sentence start token -> cosine, for sentences tagged by similarity alone

    def weight(self, issue: str) -> float:
        return round(self.counts[issue] / (self.sentences or 1), 3)

    def assigned(self) -> list[str]:
        return [issue for issue, n in self.counts.items() if n >= MIN_SENTENCES]


class IssueTagger:
    def __init__(self, nlp: Language):
        self.issues = load_issues()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for issue in self.issues.values():
            self.matcher.add(issue.code, list(nlp.tokenizer.pipe(issue.terms)))
        # Issue vectors, built once: one row per description and example, `owner` names its issue.
        self.embeddings = load_embeddings()
        self.vector_issues = [i for i in self.issues.values() if i.similarity]
        texts = [(k, text) for k, i in enumerate(self.vector_issues) for text in (i.description, *i.examples)]
        self.owner = np.array([k for k, _ in texts], dtype=np.intp)
        rows = self.embeddings.matrix(words_of(d) for d in nlp.tokenizer.pipe(t for _, t in texts))
        # What all issues share (international politics at large) is taken out of every vector, so a
        # sentence about the relationship in general is not near whichever issue names its states.
        total = rows.sum(axis=0)
        self.common = total / (np.linalg.norm(total) or 1.0)
        self.rows = self.focus(rows)
        self.min_words = min((i.similarity.min_words for i in self.vector_issues), default=0)

    def term_hits(self, doc: Doc) -> dict[int, Counter]:
        """Sentence start token -> issue -> term and actor hits."""
        starts = {t.i: s.start for s in doc.sents for t in s}
        hits: dict[int, Counter] = {}
        for match_id, start, _end in self.matcher(doc):
            hits.setdefault(starts[start], Counter())[doc.vocab.strings[match_id]] += 1
        for span in doc.spans.get("actors", []):
            code = span._.actor.code if span._.actor else None
            for issue in self.issues.values():
                if code in issue.actors:
                    hits.setdefault(starts[span.start], Counter())[issue.code] += 1
        return hits

    def focus(self, vectors: np.ndarray) -> np.ndarray:
        """The vectors less their common component, L2-normalised again."""
        rest = vectors - np.outer(vectors @ self.common, self.common)
        norms = np.linalg.norm(rest, axis=1, keepdims=True)
        return rest / np.where(norms > 0, norms, 1.0)

    def nearest(self, sentences: list[list[str]]) -> list[tuple[str, float] | None]:
        """For each sentence (its words), the one issue it paraphrases, with the cosine, or None."""
        if not self.vector_issues or not sentences:
            return [None] * len(sentences)
        known = [sum(1 for w in words if self.embeddings.lookup(w)) for words in sentences]
        ask = [k for k, n in enumerate(known) if n >= self.min_words]
        found: list[tuple[str, float] | None] = [None] * len(sentences)
        if not ask:
            return found
        cos = self.focus(self.embeddings.matrix(sentences[k] for k in ask)) @ self.rows.T
        per_issue = np.full((len(ask), len(self.vector_issues)), -1.0, dtype=np.float32)
        np.maximum.at(per_issue.T, self.owner, cos.T)  # each issue: its nearest description or example
        order = np.argsort(-per_issue, axis=1)
        for row, k in enumerate(ask):
            best = order[row, 0]
            top = float(per_issue[row, best])
            second = float(per_issue[row, order[row, 1]]) if len(self.vector_issues) > 1 else -1.0
            rule = self.vector_issues[best].similarity
            if top >= rule.threshold and top - second >= rule.margin and known[k] >= rule.min_words:
                found[k] = (self.vector_issues[best].code, round(top, 3))
        return found

    def __call__(self, doc: Doc) -> Doc:
        hits = self.term_hits(doc)
        rest = [s for s in doc.sents if s.start not in hits]
        similar = {}
        for sent, near in zip(rest, self.nearest([words_of(s) for s in rest])):
            if near:
                hits[sent.start] = Counter({near[0]: 1})
                similar[sent.start] = near[1]
        sentences = sum(1 for _ in doc.sents) or 1
        totals = Counter(code for counter in hits.values() for code in counter)
        doc._.issues = DocIssues(
            {start: [code for code, _ in counter.most_common()] for start, counter in hits.items()},
            dict(totals.most_common()), sentences, similar)
        return doc


@Language.factory("detente_issues")
def make_issue_tagger(nlp: Language, name: str) -> IssueTagger:
    return IssueTagger(nlp)
