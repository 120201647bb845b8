"""How sure the event coder is of an event: a small logistic model over the cues it reports.

The coder says how it read each act (aimed at someone or not, verb or noun, a specific pattern,
the modality, a borrowed agent ...: `EventCoder._cues`); this model turns those cues into the
probability that the event is right - that a careful annotator codes the same source, target and
CAMEO root in that sentence. Its weights live in event_confidence.json beside this module, fitted
by scripts/fit_confidence.py on development gold that it names there; `detente eval events` prints
the reliability table that checks the probabilities on any gold folder.
"""

from __future__ import annotations

import bisect
import functools
import json
import math
from dataclasses import dataclass

from .kb import DATA

FILE = DATA / "event_confidence.json"


def with_interactions(cues, interactions) -> frozenset[str]:
    """The cues and, for each pair of cue kinds in `interactions` (("root", "pos"): how sure a noun
    is as a strike need not be how sure it is as a statement), the pair the event has ("root:19&pos:NOUN")."""
    plain = [c for c in cues if "&" not in c]
    kind = {c: c.split(":", 1)[0] for c in plain}
    return frozenset(cues) | {f"{a}&{b}" for x, y in interactions for a in plain if kind[a] == x
                              for b in plain if kind[b] == y}


# cues of acts the coder shows but never counts, whatever the model makes of their other cues: a
# condition, the scene of another act, what a message conveys, what an appeal asks for, a directed act
# whose parties only a "between" names (pipeline.events EventCoder._doubtful)
SHOWN_ONLY = frozenset({"doubtful"})


@dataclass(frozen=True)
class ConfidenceModel:
    bias: float
    weights: dict[str, float]
    threshold: float = 0.5  # events at this probability or more feed counts (the fit chooses it)
    # isotonic recalibration of the logistic score: (score, probability) knots, increasing; the
    # logistic ranks events, the knots make "0.6" mean six right in ten on the gold it was fit on
    knots: tuple[tuple[float, float], ...] = ()
    interactions: tuple[tuple[str, str], ...] = ()  # pairs of cue kinds weighed together (with_interactions)

    def score(self, cues) -> float:
        z = self.bias + sum(self.weights.get(c, 0.0) for c in with_interactions(cues, self.interactions))
        return 1.0 / (1.0 + math.exp(-z))

    def of(self, cues) -> float:
        probability = round(self.calibrated(self.score(cues)), 2)
        if SHOWN_ONLY.intersection(cues):  # shown with its evidence, never counted
            return min(probability, round(self.threshold - 0.01, 2))
        return probability

    def calibrated(self, score: float) -> float:
        if not self.knots:
            return score
        xs = [x for x, _ in self.knots]
        i = bisect.bisect_right(xs, score)
        if i == 0:
            return self.knots[0][1]
        if i == len(xs):
            return self.knots[-1][1]
        (x0, y0), (x1, y1) = self.knots[i - 1], self.knots[i]
        return y0 + (y1 - y0) * (score - x0) / (x1 - x0) if x1 > x0 else y1


@functools.lru_cache(maxsize=1)
def load_confidence() -> ConfidenceModel:
    data = json.loads(FILE.read_text(encoding="utf-8"))
    return ConfidenceModel(float(data["bias"]), {k: float(v) for k, v in data["weights"].items()},
                           float(data.get("threshold", 0.5)), tuple(tuple(k) for k in data.get("knots", [])),
                           tuple(tuple(p) for p in data.get("interactions", [])))
