"""The learned support score: a logistic model over a claim's alignment features and the structured
checks' signals, giving the probability that the original supports the claim.

The weights ship in ``corefact/data/verify_scorer.json``, written by ``training/train_verify.py``
(SummEval's expert-labelled summaries and perturbation pairs from BBC articles the benchmark does
not use). A summary is consistent when every claim is supported, so the model is fitted on bags of
claims: P(summary supported) = the product of its claims' probabilities.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

PROBLEM_KINDS = ("number", "qualifier", "name", "date", "negation", "modality", "speaker", "evidence")
FEATURES = (
    "coverage",  # content coverage by the evidence (with part credit for words found elsewhere)
    "raw_coverage",  # content coverage by the evidence sentences alone
    "pairs",  # word-pair precision against the evidence sentences
    "article_pairs",  # word-pair precision against the whole original
    "article_triples",  # word-triple precision against the whole original
    "novel",  # share of the claim's content words the original never has
    "log_words",  # log(1 + content words of the claim)
    "evidence_sents",  # how many sentences the evidence takes
    "verbatim",  # copied word for word
    "faq",  # an FAQ answer read with its question
    "contradicts",  # any check found a contradiction
    "n_problems",  # how many problems the checks found
) + tuple("problem_" + k for k in PROBLEM_KINDS)

WEIGHTS = Path(__file__).resolve().parents[1] / "data" / "verify_scorer.json"


def feature_vector(f: dict) -> list[float]:
    return [float(f[name]) for name in FEATURES]


@dataclass(frozen=True)
class Scorer:
    """z-scored features, a weight each and a bias; ``threshold`` is the probability a claim needs to
    be ``supported`` (chosen on the training data only)."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float

    def logit(self, f: dict) -> float:
        x = feature_vector(f)
        return self.bias + sum(w * (v - m) / s for w, v, m, s in zip(self.weights, x, self.mean, self.scale))

    def probability(self, f: dict) -> float:
        z = self.logit(f)
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))

    @classmethod
    def from_dict(cls, d: dict) -> "Scorer":
        if tuple(d["features"]) != FEATURES:
            raise ValueError("verify_scorer.json was trained on other features: retrain with training/train_verify.py")
        return cls(tuple(d["mean"]), tuple(d["scale"]), tuple(d["weights"]), float(d["bias"]), float(d["threshold"]))


@lru_cache(maxsize=1)
def load_scorer() -> Optional[Scorer]:
    """The shipped scorer, or None when no weights file is shipped (the rules alone then decide)."""
    if not WEIGHTS.exists():
        return None
    return Scorer.from_dict(json.loads(WEIGHTS.read_text(encoding="utf-8")))
