"""Would sentence embeddings lift the claim score to F1 0.80 on ClaimBuster? The experiment and its cost.

    python -m bench.claim_embeddings DATA_DIR [--cache DIR] [--embeddings FILE] [--speed N]

DATA_DIR holds ``claimbuster/train.json`` (and ``fnc1/train_bodies.csv`` for ``--speed``).
The split is ``bench.fit_claim_weights``'s: sentences with sentence_id % 5 == 0 are held out,
the rest is the fitting part; the test split is never read. Only the sentences the finder's
rules let through (``claims.sentence_candidate``) are scored, as in the app; a debate
sentence is predicted check-worthy when one of its candidates reaches the threshold.

Each configuration is a logistic regression (Newton steps, L2) over standardised hand
features (``claim_features``), the all-MiniLM-L6-v2 vectors of the candidate sentences
(``briefing.nlp.embeddings``), or both. It is chosen by 5-fold cross-validation inside the
fitting part (threshold included); the held-out part is scored once per configuration, for
the report. The vectors are kept in FILE (default ``DATA_DIR/claimbuster/embeddings_minilm.npz``,
outside the repository) so a rerun embeds nothing. ``--speed N`` compares, on N FNC-1 train
bodies, the CPU time of embedding their candidate sentences with that of parsing and analysing them.
"""

from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path
from typing import Any

import numpy as np

from bench.fit_claim_weights import FOLDS, f1_at, fit_logistic, load_claimbuster, parse_all, print_configurations
from briefing.nlp.analyse import analyse_parsed
from briefing.nlp.claim_features import sentence_features
from briefing.nlp.claims import sentence_candidate
from briefing.nlp.parse import parse_texts, trim_range

# (name, uses features, uses embeddings, L2); the L2 values are the grid the folds choose from
CONFIGURATIONS = (
    ("features", True, False, 1.0),
    ("embeddings", False, True, 1.0),
    ("features+embeddings l2=0.3", True, True, 0.3),
    ("features+embeddings l2=1", True, True, 1.0),
    ("features+embeddings l2=3", True, True, 3.0),
)
THRESHOLDS = np.arange(0.1, 0.9, 0.01)


def candidate_rows(docs: list[Any]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """For each candidate sentence: the index of its debate sentence, its features, its text."""
    index, features, texts = [], [], []
    for i, doc in enumerate(docs):
        for sent in doc.sents:
            candidate = sentence_candidate(sent)
            if candidate is None:
                continue
            start, end = trim_range(doc.text, sent.start_char, sent.end_char)
            index.append(i)
            features.append(sentence_features(sent, *candidate))
            texts.append(doc.text[start:end])
    return np.array(index, dtype=int), np.array(features, dtype=float), texts


def cached_embeddings(texts: list[str], path: Path) -> np.ndarray:
    """Unit vectors of ``texts``; those already in ``path`` are read, the others embedded and added."""
    from briefing.nlp.embeddings import embed

    known: dict[str, np.ndarray] = {}
    if path.exists():
        stored = np.load(path)
        known = dict(zip(stored["texts"].tolist(), stored["vectors"].astype(np.float32), strict=True))
    missing = sorted(set(texts) - set(known))
    if missing:
        known.update(zip(missing, embed(missing), strict=True))
        names = sorted(known)
        np.savez_compressed(path, texts=np.array(names), vectors=np.array([known[t] for t in names], dtype=np.float16))
    return np.array([known[t] for t in texts], dtype=np.float32)


def design(
    features: np.ndarray, vectors: np.ndarray, config: tuple, scale: tuple[np.ndarray, np.ndarray]
) -> np.ndarray:
    _, use_features, use_vectors, _ = config
    mean, std = scale
    parts = ([(features - mean) / std] if use_features else []) + ([vectors] if use_vectors else [])
    return np.hstack(parts)


def standard_scale(features: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    std = features.std(axis=0)
    std[std == 0] = 1.0
    return features.mean(axis=0), std


def sentence_predictions(p: np.ndarray, index: np.ndarray, count: int, threshold: float) -> np.ndarray:
    """A debate sentence is check-worthy when one of its candidates reaches the threshold."""
    predicted = np.zeros(count, dtype=float)
    predicted[index[p >= threshold]] = 1.0
    return predicted


def cross_validated(features, vectors, index, labels, config) -> tuple[float, tuple[float, float, float]]:
    """The threshold with the best out-of-fold F1 inside the fitting part, and that F1."""
    rows_y, fold, p = labels[index], index % FOLDS, np.zeros(len(index))
    for k in range(FOLDS):
        train = fold != k
        x = design(features, vectors, config, standard_scale(features[train]))
        weights, bias = fit_logistic(x[train], rows_y[train], l2=config[3])
        p[~train] = 1 / (1 + np.exp(-(x[~train] @ weights + bias)))
    scores = {float(t): f1_at(sentence_predictions(p, index, len(labels), t), labels, 0.5) for t in THRESHOLDS}
    best = max(scores, key=lambda t: scores[t][2])
    return best, scores[best]


def held_out(fit_part, held_part, config, threshold: float) -> tuple[float, float, float]:
    features, vectors, index, labels = fit_part
    scale = standard_scale(features)
    weights, bias = fit_logistic(design(features, vectors, config, scale), labels[index], l2=config[3])
    h_features, h_vectors, h_index, h_labels = held_part
    p = 1 / (1 + np.exp(-(design(h_features, h_vectors, config, scale) @ weights + bias)))
    return f1_at(sentence_predictions(p, h_index, len(h_labels), threshold), h_labels, 0.5)


def prepare(nlp, part, cache_file, vectors_file) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    docs = parse_all(nlp, [text for text, _ in part], cache_file)
    index, features, texts = candidate_rows(docs)
    return features, cached_embeddings(texts, vectors_file), index, np.array([y for _, y in part], dtype=float)


def run(data_dir: str | Path, cache: str | None = None, vectors_file: str | None = None) -> list[dict[str, Any]]:
    from briefing.nlp.model import load_model

    nlp = load_model()
    dev, held = load_claimbuster(data_dir)
    vectors_path = Path(vectors_file) if vectors_file else Path(data_dir) / "claimbuster" / "embeddings_minilm.npz"
    cached = (str(Path(cache) / "dev.spacy"), str(Path(cache) / "claimbuster_held.spacy")) if cache else (None, None)
    fit_part = prepare(nlp, dev, cached[0], vectors_path)
    held_part = prepare(nlp, held, cached[1], vectors_path)
    rows = []
    for config in CONFIGURATIONS:
        threshold, folds = cross_validated(*fit_part, config)
        rows.append(
            {
                "name": config[0],
                "threshold": threshold,
                "cv": folds,
                "held": held_out(fit_part, held_part, config, threshold),
            }
        )
    return rows


def embedding_cost(nlp, bodies: Path, articles: int) -> dict[str, float]:
    """CPU seconds of parsing + analysis and of embedding every candidate sentence, on N bodies."""
    from briefing.nlp.embeddings import default_embedder, embed

    with bodies.open(encoding="utf-8") as handle:
        texts = [row["articleBody"] for _, row in zip(range(articles), csv.DictReader(handle), strict=False)]
    started = time.process_time()
    parsed = list(parse_texts(nlp, texts))
    for item in parsed:
        analyse_parsed(item)
    analysis_s = time.process_time() - started
    candidates = [
        para.text[slice(*trim_range(para.text, s.start_char, s.end_char))]
        for item in parsed
        for para in item.paragraphs
        for s in para.doc.sents
        if sentence_candidate(s) is not None
    ]
    default_embedder()._load()  # the model's load is paid once per process, not per text
    started = time.process_time()
    embed(candidates)
    embed_s = time.process_time() - started
    words = sum(len(t.split()) for t in texts)
    return {
        "words": words,
        "sentences": sum(1 for item in parsed for para in item.paragraphs for _ in para.doc.sents),
        "candidates": len(candidates),
        "analysis_words_per_cpu_s": round(words / analysis_s),
        "embedding_words_per_cpu_s": round(words / embed_s),
        "both_words_per_cpu_s": round(words / (analysis_s + embed_s)),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.claim_embeddings", description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir")
    parser.add_argument("--cache", help="a folder outside the repository to keep parses in")
    parser.add_argument("--embeddings", help="the vectors file (default DATA_DIR/claimbuster/embeddings_minilm.npz)")
    parser.add_argument("--speed", type=int, default=0, metavar="N", help="the embedding's cost on N FNC-1 bodies")
    args = parser.parse_args(argv)
    rows = run(args.data_dir, args.cache, args.embeddings)
    print_configurations(rows, 27)
    if args.speed:
        from briefing.nlp.model import load_model

        cost = embedding_cost(load_model(), Path(args.data_dir) / "fnc1" / "train_bodies.csv", args.speed)
        print(
            f"cost on {args.speed} FNC-1 bodies ({cost['words']} words, {cost['sentences']} sentences, "
            f"{cost['candidates']} candidates): analysis {cost['analysis_words_per_cpu_s']} words per CPU s, "
            f"embedding the candidates {cost['embedding_words_per_cpu_s']}, both {cost['both_words_per_cpu_s']}"
        )


if __name__ == "__main__":
    main()
