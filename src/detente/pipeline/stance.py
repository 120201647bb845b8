"""`detente_stance`: how a document characterises each relationship it discusses at length.

A dyad is discussed at length when both states are named together in at least MIN_SHARED
sentences. Each sentence about it (naming both, or naming one of them beside a word for the
relationship) is read for the cue phrases of stance.yaml; a negated or doubted cue ("is not an
alliance") votes for the label's contrast. The label with most weight wins; its confidence is its
share of all the weight, and the sentences that gave it most are its evidence.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..knowledge.kb import read_yaml

if not Doc.has_extension("stances"):
    Doc.set_extension("stances", default=None)

MIN_SHARED = 3  # sentences naming both states
RELATION_WORDS = {"relationship", "relations", "ties", "partnership", "alliance", "axis", "cooperation",
                  "partners", "allies", "both", "two", "sides", "bromance", "marriage", "rivalry", "rivals"}
NEGATION_WINDOW = 8  # tokens before a cue that can negate it ...
SCOPE_BREAKS = {"but", "yet", ";", ":", "—", "–"}  # ... unless a contrast ends the negation: "not X, but Y"


@dataclass
class Stance:
    a: str
    b: str
    label: str
    confidence: float
    scores: dict[str, float]
    evidence: list[int] = field(default_factory=list)  # sentence start tokens, strongest first


@dataclass(frozen=True)
class StanceLexicon:
    labels: tuple[str, ...]
    contrast: dict[str, str]
    cues: dict[str, tuple[str, float]]  # phrase -> (label, weight)
    negators: frozenset[str]


@functools.lru_cache(maxsize=1)
def load_lexicon() -> StanceLexicon:
    data = read_yaml("stance.yaml")
    cues: dict[str, tuple[str, float]] = {}
    for entry in data["labels"]:
        for weight, phrases in entry["cues"].items():
            for phrase in phrases:
                cues.setdefault(phrase.lower(), (entry["code"], float(weight)))
    return StanceLexicon(tuple(e["code"] for e in data["labels"]), {e["code"]: e["contrast"] for e in data["labels"]},
                         cues, frozenset(n.lower() for n in data["negators"]))


class StanceReader:
    def __init__(self, nlp: Language):
        self.lexicon = load_lexicon()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for phrase in self.lexicon.cues:
            self.matcher.add(phrase, [nlp.make_doc(phrase)])

    def __call__(self, doc: Doc) -> Doc:
        states_in: dict[int, set[str]] = defaultdict(set)  # sentence start -> state codes named
        for span in doc.spans.get("actors", []):
            actor = span._.actor
            if actor and actor.code and actor.country and actor.country == actor.code[:3]:
                states_in[span.sent.start].add(actor.country)
        shared = Counter(pair for codes in states_in.values() for pair in combinations(sorted(codes), 2))
        dyads = [pair for pair, n in shared.items() if n >= MIN_SHARED]
        cues_in: dict[int, list[tuple[str, float]]] = defaultdict(list)
        for span in filter_spans(self.matcher(doc, as_spans=True)):  # the longest cue, once
            label, weight = self.lexicon.cues[span.label_]
            if self._negated(doc, span):
                label = self.lexicon.contrast[label]
            cues_in[span.sent.start].append((label, weight))
        doc._.stances = [s for s in (self._stance(doc, a, b, states_in, cues_in) for a, b in dyads) if s]
        return doc

    def _negated(self, doc: Doc, cue: Span) -> bool:
        """A negator or doubt shortly before the cue, in the same stretch of the clause; a cue that
        carries its own negation ("not an alliance", "cannot be overstated") means what it says."""
        negators = self.lexicon.negators
        if any(t.lower_ in negators for t in cue):
            return False
        for i in range(cue.start - 1, max(cue.sent.start, cue.start - NEGATION_WINDOW) - 1, -1):
            word, pair = doc[i].lower_, f"{doc[i].lower_} {doc[i + 1].lower_}"
            if word in SCOPE_BREAKS:
                return False
            if word in negators or pair in negators:
                return True
        return False

    def _stance(self, doc: Doc, a: str, b: str, states_in: dict[int, set[str]],
                cues_in: dict[int, list[tuple[str, float]]]) -> Stance | None:
        scores: Counter = Counter()
        by_sentence: dict[int, Counter] = {}
        before = False  # the sentence before was about the dyad
        for sent in doc.sents:
            named = states_in.get(sent.start, set())
            about = bool({a, b} <= named or (named & {a, b} and any(t.lower_ in RELATION_WORDS for t in sent))
                         # "Both stand to benefit ...", right after a sentence about the pair
                         or (before and not named and _opens_with_pair(sent)))
            before = about
            if not about or sent.start not in cues_in:
                continue
            votes = Counter()
            for label, weight in cues_in[sent.start]:
                votes[label] += weight
            by_sentence[sent.start] = votes
            scores.update(votes)
        if not scores:
            return None
        label, top = scores.most_common(1)[0]
        evidence = sorted((s for s, v in by_sentence.items() if v[label] > 0), key=lambda s: -by_sentence[s][label])
        total = sum(scores.values())
        return Stance(a, b, label, round(top / total, 3), {k: round(v, 2) for k, v in scores.items()}, evidence[:3])


def _opens_with_pair(sent: Span) -> bool:
    """"Both ...", "They ...", "The two ...": a sentence that goes on about the pair just named."""
    words = [t.lower_ for t in sent[:2]]
    return words[:1] in (["both"], ["they"]) or words == ["the", "two"]


@Language.factory("detente_stance")
def make_stance_reader(nlp: Language, name: str) -> StanceReader:
    return StanceReader(nlp)
