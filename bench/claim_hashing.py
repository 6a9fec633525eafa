"""Would hashed words lift the claim score to F1 0.80 on ClaimBuster? The experiment.

    python -m bench.claim_hashing DATA_DIR [--cache DIR]

DATA_DIR holds ``claimbuster/train.json``. The split is ``bench.fit_claim_weights``'s:
sentences with sentence_id % 5 == 0 are held out, the rest is the fitting part; the test
split is never read. Only the sentences the finder's rules let through
(``claims.sentence_candidate``) are scored, as in the app; a debate sentence counts as found
when one of its candidates passes the finder's thresholds (``STATEMENT_THRESHOLD`` for a
sentence no rule gives a kind).

Each configuration is a logistic regression (L-BFGS, ``bench.sparse_logistic``) over the
standardised hand features (``claim_features``), alone or with lower-cased words and word
pairs hashed by CRC-32 into 2**15 buckets (each bucket once, valued 1 / sqrt(how many)), in
every candidate or only in those no rule gives a kind. Weights of that size would ship as
64 KB of float16, numbers only. 5-fold cross-validation inside the fitting part picks each
configuration's threshold; the held-out part is scored once per configuration, for the report.
"""

from __future__ import annotations

import argparse
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from bench import sparse_logistic
from bench.fit_claim_weights import FOLDS, L2, f1_at, load_claimbuster, parse_all, print_configurations
from bench.sparse_logistic import Design, sparse_triples
from briefing.nlp.claim_features import sentence_features
from briefing.nlp.claims import STATEMENT_THRESHOLD, sentence_candidate

BUCKETS = 1 << 15
# (name, L2 on the word buckets or None for no words, words only where no rule gives a kind)
CONFIGURATIONS = (
    ("features", None, False),
    ("features+words l2=0.03", 0.03, False),
    ("features+words l2=0.1", 0.1, False),
    ("features+words where no kind l2=0.03", 0.03, True),
)
THRESHOLDS = np.arange(0.2, 0.8, 0.01)


@dataclass
class Candidates:
    """A part's candidate sentences: which debate sentence each is, its features, whether a rule
    gave it a kind, its word buckets; and the part's labels, one per debate sentence."""

    index: np.ndarray
    features: np.ndarray
    has_kind: np.ndarray
    buckets: list[set[int]]
    labels: np.ndarray


def word_buckets(span) -> set[int]:
    """The distinct buckets of a span's lower-cased words and word pairs (start and end as words)."""
    words = [t.lower_ for t in span if not t.is_space]
    grams = [f"w:{w}" for w in words]
    grams += [f"b:{a} {b}" for a, b in zip(["<s>", *words], [*words, "</s>"], strict=True)]
    return {zlib.crc32(g.encode("utf-8")) & (BUCKETS - 1) for g in grams}


def candidate_rows(docs: list[Any], labels: list[int]) -> Candidates:
    index, features, has_kind, buckets = [], [], [], []
    for i, doc in enumerate(docs):
        for sent in doc.sents:
            candidate = sentence_candidate(sent)
            if candidate is None:
                continue
            index.append(i)
            features.append(sentence_features(sent, *candidate))
            has_kind.append(candidate[1] is not None)
            buckets.append(word_buckets(sent))
    return Candidates(
        np.array(index, dtype=int),
        np.array(features, dtype=float),
        np.array(has_kind, dtype=bool),
        buckets,
        np.array(labels, dtype=float),
    )


def standard_scale(features: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    std = features.std(axis=0)
    std[std == 0] = 1.0
    return features.mean(axis=0), std


def design(c: Candidates, scale: tuple[np.ndarray, np.ndarray], config: tuple) -> Design:
    _, l2_words, no_kind_only = config
    dense = (c.features - scale[0]) / scale[1]
    if l2_words is None:
        empty = np.zeros(0, dtype=np.int64)
        return Design(dense, empty, empty, np.zeros(0), 0)
    buckets = [set() if no_kind_only and kind else b for b, kind in zip(c.buckets, c.has_kind, strict=True)]
    return Design(dense, *sparse_triples(buckets), BUCKETS)


def found(p: np.ndarray, c: Candidates, threshold: float) -> np.ndarray:
    """A debate sentence is found when one of its candidates passes the finder's threshold."""
    passed = p >= np.where(c.has_kind, threshold, max(threshold, STATEMENT_THRESHOLD))
    predicted = np.zeros(len(c.labels))
    predicted[c.index[passed]] = 1.0
    return predicted


def fit_and_predict(fit: Candidates, mask: np.ndarray, score: Candidates, rows: np.ndarray, config: tuple):
    """Fit on ``fit``'s candidates where ``mask`` is true; the probabilities of ``score``'s ``rows``."""
    scale = standard_scale(fit.features[mask])
    w = sparse_logistic.fit(design(fit, scale, config).take(mask), fit.labels[fit.index[mask]], L2, config[1] or 0.0)
    return 1 / (1 + np.exp(-design(score, scale, config).take(rows).dot(w)))


def cross_validate(c: Candidates, config: tuple) -> tuple[float, tuple[float, float, float]]:
    """The threshold with the best out-of-fold F1 (folds by debate sentence), and that F1."""
    fold, p = c.index % FOLDS, np.zeros(len(c.index))
    for k in range(FOLDS):
        p[fold == k] = fit_and_predict(c, fold != k, c, fold == k, config)
    scores = {float(t): f1_at(found(p, c, float(t)), c.labels, 0.5) for t in THRESHOLDS}
    best = max(scores, key=lambda t: scores[t][2])
    return best, scores[best]


def run(data_dir: str | Path, cache: str | None = None) -> list[dict[str, Any]]:
    from briefing.nlp.model import load_model

    nlp = load_model()
    parts = []
    for part, name in zip(load_claimbuster(data_dir), ("dev.spacy", "claimbuster_held.spacy"), strict=True):
        docs = parse_all(nlp, [text for text, _ in part], str(Path(cache) / name) if cache else None)
        parts.append(candidate_rows(docs, [label for _, label in part]))
    fit_part, held = parts
    rows = []
    for config in CONFIGURATIONS:
        threshold, folds = cross_validate(fit_part, config)
        everything = np.ones(len(fit_part.index), dtype=bool)
        p = fit_and_predict(fit_part, everything, held, np.ones(len(held.index), dtype=bool), config)
        held_f1 = f1_at(found(p, held, threshold), held.labels, 0.5)
        rows.append({"name": config[0], "threshold": threshold, "cv": folds, "held": held_f1})
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.claim_hashing", description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir")
    parser.add_argument("--cache", help="a folder outside the repository to keep parses in")
    args = parser.parse_args(argv)
    rows = run(args.data_dir, args.cache)
    print_configurations(rows, 37)


if __name__ == "__main__":
    main()
