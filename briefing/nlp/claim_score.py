"""How check-worthy a sentence is, 0-1: a logistic regression over ``claim_features``.

The weights live in ``claim_weights`` (written by ``bench/fit_claim_weights.py`` from
labelled debate sentences); only numbers are stored, no text. A sentence is a claim when
its score reaches ``THRESHOLD``, the cut that gave the best F1 on the fitting data.
"""

from __future__ import annotations

import math

from briefing.nlp.claim_features import FEATURE_NAMES
from briefing.nlp.claim_weights import BIAS, THRESHOLD, WEIGHTS

VECTOR = tuple(WEIGHTS.get(name, 0.0) for name in FEATURE_NAMES)

__all__ = ["THRESHOLD", "check_worthiness"]


def check_worthiness(features: list[float]) -> float:
    z = BIAS + sum(w * x for w, x in zip(VECTOR, features, strict=True) if x)
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
