"""`detente_issues`: the issue areas each sentence is about, and their weight in the document.

A sentence is on an issue when it holds one of the issue's terms (issues.yaml, matched on whole
tokens, case-insensitively) or names one of the issue's actors. A document's weight for an issue is
the share of its sentences on it, and the document is on the issue when two or more sentences are;
events take their sentence's strongest issue.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass

import yaml
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..knowledge.kb import DATA

if not Doc.has_extension("issues"):
    Doc.set_extension("issues", default=None)


@dataclass(frozen=True)
class Issue:
    code: str
    name: str
    description: str
    terms: tuple[str, ...]
    actors: frozenset[str]


@functools.lru_cache(maxsize=1)
def load_issues() -> dict[str, Issue]:
    entries = yaml.safe_load((DATA / "issues.yaml").read_text(encoding="utf-8"))
    return {e["code"]: Issue(e["code"], e["name"], e["description"], tuple(e.get("terms") or []),
                             frozenset(e.get("actors") or [])) for e in entries}


MIN_SENTENCES = 2  # a document is on an issue when at least this many of its sentences are


@dataclass
class DocIssues:
    by_sentence: dict[int, list[str]]  # sentence start token -> issues, strongest first
    counts: dict[str, int]  # issue -> number of the document's sentences on it
    sentences: int

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

    def __call__(self, doc: Doc) -> Doc:
        starts = {t.i: s.start for s in doc.sents for t in s}
        hits: dict[int, Counter] = {}
        for match_id, start, _end in self.matcher(doc):
            hits.setdefault(starts[start], Counter())[doc.vocab.strings[match_id]] += 1
        for span in doc.spans.get("actors", []):
            code = span._.actor.code if span._.actor else None
            for issue in self.issues.values():
                if code in issue.actors:
                    hits.setdefault(starts[span.start], Counter())[issue.code] += 1
        sentences = sum(1 for _ in doc.sents) or 1
        totals = Counter(code for counter in hits.values() for code in counter)
        doc._.issues = DocIssues(
            {start: [code for code, _ in counter.most_common()] for start, counter in hits.items()},
            dict(totals.most_common()), sentences)
        return doc


@Language.factory("detente_issues")
def make_issue_tagger(nlp: Language, name: str) -> IssueTagger:
    return IssueTagger(nlp)
