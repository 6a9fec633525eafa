"""How well the claim finder finds what an analyst would track, on public data.

    python -m bench.claim_finding DATA_DIR [--cache DIR] [--speed N]

DATA_DIR holds ``claimbuster/train.json`` and ``fnc1/train_stances.csv`` (and
``fnc1/train_bodies.csv`` for the timing). Printed in one run:

(a) ClaimBuster check-worthy debate sentences, the held-out part of the train split
    (sentence_id % 5 == 0; weights are fit on the rest, the test split is never read):
    precision, recall and F1 of the finder (a sentence is predicted check-worthy when a
    claim is found in it) and of a TF-IDF + logistic regression baseline fit on the dev part;
(b) the share of FNC-1 train headlines that become claims, each analysed as a
    one-paragraph source whose title is the headline;
(c) with --speed N: the finder's share of analysis CPU time on N FNC-1 train bodies, and its
    CPU time per 1,000 sentences.
"""

from __future__ import annotations

import argparse
import csv
import re
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from bench.fit_claim_weights import f1_at, fit_logistic, load_claimbuster, parse_all
from briefing.nlp.analyse import analyse_parsed
from briefing.nlp.claims import find_claims
from briefing.nlp.model import load_model
from briefing.nlp.parse import Paragraph, ParsedText, parse_texts

TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
MIN_DF = 2


def run(data_dir: str | Path, cache: str | None = None, speed_articles: int = 0) -> dict[str, Any]:
    nlp = load_model()
    dev, held = load_claimbuster(data_dir)
    labels = np.array([label for _, label in held])
    cache_file = str(Path(cache) / "claimbuster_held.spacy") if cache else None
    docs = parse_all(nlp, [text for text, _ in held], cache_file)
    found = np.array([bool(find_claims(ParsedText(d.text, [Paragraph(0, d, d.text)]), None, nlp)) for d in docs])
    result: dict[str, Any] = {
        "held_out_sentences": len(held),
        "finder": _prf(found, labels),
        "tfidf_lr": tfidf_baseline(dev, held),
        "headlines": headline_share(nlp, Path(data_dir) / "fnc1" / "train_stances.csv"),
    }
    if speed_articles:
        result["speed"] = finder_time_share(nlp, Path(data_dir) / "fnc1" / "train_bodies.csv", speed_articles)
    return result


def _prf(predicted: np.ndarray, labels: np.ndarray) -> dict[str, float]:
    """Precision, recall and F1 of the check-worthy class; also F1 averaged over both classes,
    plain (macro) and weighted by class size, the averages fact-checking papers report."""
    p, r, f = f1_at(predicted.astype(float), labels, 0.5)
    f_negative = f1_at(1.0 - predicted, 1 - labels, 0.5)[2]
    share = float(labels.mean())
    return {
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(f, 3),
        "macro_f1": round((f + f_negative) / 2, 3),
        "weighted_f1": round(share * f + (1 - share) * f_negative, 3),
        "accuracy": round(float(np.mean(predicted == labels)), 3),
    }


def tfidf_baseline(dev: list[tuple[str, int]], held: list[tuple[str, int]]) -> dict[str, float]:
    """Unigram + bigram TF-IDF and an L2 logistic regression fit on dev, threshold 0.5."""
    docs = [_ngrams(text) for text, _ in dev]
    df = Counter(g for d in docs for g in set(d))
    vocab = {g: i for i, g in enumerate(sorted(g for g, n in df.items() if n >= MIN_DF))}
    idf = np.log((1 + len(docs)) / (1 + np.array([df[g] for g in vocab]))) + 1

    def matrix(texts: list[list[str]]) -> np.ndarray:
        x = np.zeros((len(texts), len(vocab)), dtype=np.float32)
        for row, grams in enumerate(texts):
            for g, n in Counter(grams).items():
                if g in vocab:
                    x[row, vocab[g]] = n
        x *= idf.astype(np.float32)
        x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)
        return x

    y = np.array([label for _, label in dev], dtype=float)
    weights, bias = _fit_gradient(matrix(docs), y)
    x_held = matrix([_ngrams(text) for text, _ in held])
    predicted = 1 / (1 + np.exp(-(x_held @ weights + bias))) >= 0.5
    return _prf(predicted, np.array([label for _, label in held]))


def _fit_gradient(x: np.ndarray, y: np.ndarray, l2: float = 1e-5, steps: int = 600) -> tuple[np.ndarray, float]:
    """Logistic regression by Adam on the full batch; classes balanced (sklearn's C=1 style)."""
    if x.shape[1] <= 200:
        return fit_logistic(x, y)
    w, b = np.zeros(x.shape[1], dtype=np.float32), 0.0
    sample = np.where(y == 1, 0.5 / y.mean(), 0.5 / (1 - y.mean())).astype(np.float32)
    m, v, mb, vb = np.zeros_like(w), np.zeros_like(w), 0.0, 0.0
    for step in range(1, steps + 1):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        error = (p - y).astype(np.float32) * sample
        grad, grad_b = x.T @ error / len(y) + l2 * w, float(error.mean())
        m, v = 0.9 * m + 0.1 * grad, 0.999 * v + 0.001 * grad * grad
        mb, vb = 0.9 * mb + 0.1 * grad_b, 0.999 * vb + 0.001 * grad_b * grad_b
        scale = 0.03 * np.sqrt(1 - 0.999**step) / (1 - 0.9**step)
        w -= scale * m / (np.sqrt(v) + 1e-8)
        b -= scale * mb / (np.sqrt(vb) + 1e-8)
    return w, b


def _ngrams(text: str) -> list[str]:
    words = TOKEN.findall(text.lower())
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def headline_share(nlp: Any, stances: Path) -> dict[str, Any]:
    """Share of distinct FNC-1 train headlines found as claims (one-paragraph sources)."""
    with stances.open(encoding="utf-8") as handle:
        headlines = sorted({row["Headline"].strip() for row in csv.DictReader(handle)} - {""})
    found, kinds, missed = 0, Counter[str](), []
    for headline, parsed in zip(headlines, parse_texts(nlp, headlines), strict=True):
        claims = [c for c in find_claims(parsed, headline, nlp) if c.start < len(headline)]
        if claims:
            found += 1
            kinds[claims[0].kind] += 1
        else:
            missed.append(headline)
    return {
        "headlines": len(headlines),
        "share": round(found / len(headlines), 3),
        "kinds": dict(kinds),
        "missed": missed,
    }


def finder_time_share(nlp: Any, bodies: Path, articles: int) -> dict[str, float]:
    """CPU seconds of parsing + analysis and of the finder alone, on the first N bodies."""
    with bodies.open(encoding="utf-8") as handle:
        texts = [row["articleBody"] for _, row in zip(range(articles), csv.DictReader(handle), strict=False)]
    started = time.process_time()
    parsed = list(parse_texts(nlp, texts))
    parse_s = time.process_time() - started
    started = time.process_time()
    for item in parsed:
        analyse_parsed(item)
    analyse_s = time.process_time() - started
    started = time.process_time()
    for item in parsed:
        find_claims(item, None, nlp)
    finder_s = time.process_time() - started
    words = sum(len(t.split()) for t in texts)
    sentences = sum(1 for item in parsed for para in item.paragraphs for _ in para.doc.sents)
    total = parse_s + analyse_s
    return {
        "words": words,
        "sentences": sentences,
        "words_per_s": round(words / total),
        "finder_s": round(finder_s, 2),
        "finder_ms_per_1000_sentences": round(1000 * finder_s / max(sentences, 1) * 1000),
        "total_s": round(total, 2),
        "finder_share": round(finder_s / total, 3),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.claim_finding", description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir")
    parser.add_argument("--cache", help="a folder outside the repository to keep parses in")
    parser.add_argument("--speed", type=int, default=0, metavar="N", help="time the finder on N FNC-1 bodies")
    parser.add_argument("--missed", action="store_true", help="list the headlines that are not claims")
    args = parser.parse_args(argv)
    result = run(args.data_dir, args.cache, args.speed)
    print(f"(a) ClaimBuster held-out ({result['held_out_sentences']} sentences, sentence_id % 5 == 0)")
    for name in ("finder", "tfidf_lr"):
        m = result[name]
        print(
            f"    {name:<9} precision {m['precision']:.3f}  recall {m['recall']:.3f}  F1 {m['f1']:.3f}  "
            f"(over both classes: macro F1 {m['macro_f1']:.3f}, weighted F1 {m['weighted_f1']:.3f}; "
            f"accuracy {m['accuracy']:.3f})"
        )
    h = result["headlines"]
    print(f"(b) FNC-1 train headlines as claims: {h['share']:.1%} of {h['headlines']}  kinds {h['kinds']}")
    if args.missed:
        for headline in h["missed"]:
            print(f"    missed: {headline}")
    if "speed" in result:
        s = result["speed"]
        print(
            f"(c) finder CPU time: {s['finder_s']} s of {s['total_s']} s analysis ({s['finder_share']:.1%}), "
            f"{s['finder_ms_per_1000_sentences']} ms per 1,000 sentences; "
            f"{s['words']} words, {s['sentences']} sentences at {s['words_per_s']} words per CPU s"
        )


if __name__ == "__main__":
    main()
