"""How sure the event coder is of an event: a small logistic model over the cues it reports.

The coder says how it read each act (aimed at someone or not, verb or noun, a specific pattern,
the modality, a borrowed agent ...: `EventCoder._cues`); this model turns those cues into the
probability that the event is right - that a careful annotator codes the same source, target and
CAMEO root in that sentence. Its weights live in event_confidence.json beside this module, fitted
by scripts/fit_confidence.py on development gold that it names there; `detente eval events` prints
the reliability table that checks the probabilities on any gold folder.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass

from .kb import DATA

FILE = DATA / "event_confidence.json"


@dataclass(frozen=True)
class ConfidenceModel:
    bias: float
    weights: dict[str, float]
    threshold: float = 0.5  # events at this probability or more feed counts (the fit chooses it)

    def of(self, cues) -> float:
        z = self.bias + sum(self.weights.get(c, 0.0) for c in cues)
        return round(1.0 / (1.0 + math.exp(-z)), 2)


@functools.lru_cache(maxsize=1)
def load_confidence() -> ConfidenceModel:
    data = json.loads(FILE.read_text(encoding="utf-8"))
    return ConfidenceModel(float(data["bias"]), {k: float(v) for k, v in data["weights"].items()},
                           float(data.get("threshold", 0.5)))
