"""Fit the relation model on the dev part of FNC-1's train split and write its weights.

    python -m bench.fit_relation_weights DATA_DIR [--out briefing/nlp/relation_weights.py]

Only the dev part (``Body_ID % 5 != 0``) is read for fitting; the held-out part is left to
``bench/claim_related.py``. For every related pair (agree -> supports, disagree -> contradicts,
discuss -> related) the pair is the passage Briefing shows for that body, with the body as its
source text, exactly as the bench and the app see it. A multinomial logistic regression (plain
numpy, L2) is fitted on standardised features; the thresholds come from out-of-fold predictions
(5 folds by body) so that they are not chosen on the rows the weights were fitted on:
"contradicts" at the lowest probability whose out-of-fold precision stays >= ``TARGET`` (0.85),
"supports" where out-of-fold accuracy is best while its precision stays >= ``SUPPORTS_TARGET``.
Only numbers are written, never FNC-1 text; run ``ruff format`` on the written file.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from bench.claim_related import GOLD_RELATION, best_passage, read_parts, split_sentences
from briefing.nlp.related import PassageIndex, terms
from briefing.nlp.relation import FEATURES, ClaimSides

LABELS = ("related", "supports", "contradicts")
TARGET = 0.85
SUPPORTS_TARGET = 0.6
MIN_SAID = 10  # a threshold needs at least this many out-of-fold answers above it
L2 = 1e-2
FOLDS = 5


def dev_pairs(data_dir: Path) -> list[tuple[str, str, str, int, int]]:
    """(claim, passage, source text, label index, body id) of every dev pair with a shown passage."""
    dev = read_parts(data_dir)[0]
    assert dev.name == "dev"
    index = PassageIndex(p for body_id, text in dev.bodies.items() for p in split_sentences(body_id, text))
    pairs = []
    for claim, stances in sorted(dev.related.items()):
        scores, claim_terms = index.scores(claim), set(terms(claim))
        for body_id, stance in sorted(stances.items()):
            passage = best_passage(index, scores, claim_terms, body_id)
            if passage is not None:
                label = LABELS.index(GOLD_RELATION[stance])
                pairs.append((claim, passage.text, index.source_text(body_id), label, body_id))
    return pairs


def raw_matrix(pairs: list[tuple[str, str, str, int, int]]) -> np.ndarray:
    sides: dict[str, ClaimSides] = {}
    rows = []
    for claim, passage, context, _, _ in pairs:
        reader = sides.setdefault(claim, ClaimSides(claim))
        rows.append(reader.raw_features(passage, context))
    return np.array(rows, dtype=np.float64)


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2, steps: int = 3000) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression by full-batch gradient descent with momentum: (bias, weights)."""
    n, d = x.shape
    onehot = np.eye(len(LABELS))[y]
    w, b = np.zeros((len(LABELS), d)), np.zeros(len(LABELS))
    vw, vb = np.zeros_like(w), np.zeros_like(b)
    for _ in range(steps):
        p = softmax(x @ w.T + b)
        gw = (p - onehot).T @ x / n + l2 * w
        gb = (p - onehot).mean(axis=0)
        vw, vb = 0.9 * vw - 0.5 * gw, 0.9 * vb - 0.5 * gb
        w, b = w + vw, b + vb
    return b, w


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def out_of_fold(x: np.ndarray, y: np.ndarray, bodies: np.ndarray) -> np.ndarray:
    fold = (bodies // 5) % FOLDS
    probs = np.zeros((len(y), len(LABELS)))
    for k in range(FOLDS):
        train, test = fold != k, fold == k
        b, w = fit(x[train], y[train])
        probs[test] = softmax(x[test] @ w.T + b)
    return probs


def precise_threshold(p: np.ndarray, right: np.ndarray, target: float) -> float:
    """The lowest probability above which precision is >= target (over >= MIN_SAID answers)."""
    order = np.argsort(-p, kind="stable")
    precision = np.cumsum(right[order]) / np.arange(1, len(p) + 1)
    ok = np.flatnonzero((precision >= target) & (np.arange(1, len(p) + 1) >= MIN_SAID))
    return float(p[order][ok[-1]]) if len(ok) else 1.01


def supports_threshold(probs: np.ndarray, y: np.ndarray, contradicts_at: float) -> float:
    best, best_accuracy = 1.01, -1.0
    for t in np.unique(np.round(probs[:, 1], 3)):
        said = decide(probs, contradicts_at, float(t))
        hit = said == 1
        if hit.sum() < MIN_SAID or (y[hit] == 1).mean() < SUPPORTS_TARGET:
            continue
        accuracy = float((said == y).mean())
        if accuracy > best_accuracy:
            best, best_accuracy = float(t), accuracy
    return best


def decide(probs: np.ndarray, contradicts_at: float, supports_at: float) -> np.ndarray:
    said = np.zeros(len(probs), dtype=int)
    said[probs[:, 1] >= supports_at] = 1
    said[probs[:, 2] >= contradicts_at] = 2
    return said


def summary(name: str, said: np.ndarray, y: np.ndarray) -> str:
    parts = [f"{name}: accuracy {np.mean(said == y):.3f} (constant {np.mean(y == 0):.3f})"]
    for k in (1, 2):
        n, right = int((said == k).sum()), int(((said == k) & (y == k)).sum())
        precision = f"{right / n:.3f}" if n else "-"
        parts.append(f"{LABELS[k]} said {n} precision {precision} recall {right / max(1, (y == k).sum()):.3f}")
    return "; ".join(parts)


def write(out: Path, mean: np.ndarray, scale: np.ndarray, b: np.ndarray, w: np.ndarray, thresholds: tuple) -> None:
    def vector(v: np.ndarray) -> str:
        return "(" + ", ".join(f"{float(x):.6g}" for x in v) + ",)"

    rows = "\n".join(f"    {vector(row)},  # {label}" for row, label in zip(w, LABELS, strict=True))
    names = "\n".join(f"#   {i:2d} {name}" for i, name in enumerate(FEATURES))
    out.write_text(
        '"""Weights of the relation model (``briefing.nlp.relation``), written by\n'
        "``python -m bench.fit_relation_weights DATA_DIR`` from FNC-1's train split, dev part only.\n"
        'Numbers only; the features, in order:\n"""\n\n'
        f"{names}\n\n"
        f"MEAN = {vector(mean)}\n"
        f"SCALE = {vector(scale)}\n"
        f"BIAS = {vector(b)}  # related, supports, contradicts\n"
        f"WEIGHTS = (\n{rows}\n)\n"
        f"SUPPORTS_THRESHOLD = {thresholds[0]:.4f}\n"
        f"CONTRADICTS_THRESHOLD = {thresholds[1]:.4f}  # out-of-fold dev precision >= {TARGET}\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--out", type=Path, default=Path("briefing/nlp/relation_weights.py"))
    args = parser.parse_args(argv)
    pairs = dev_pairs(args.data_dir)
    raw = raw_matrix(pairs)
    y = np.array([p[3] for p in pairs])
    bodies = np.array([p[4] for p in pairs])
    mean, scale = raw.mean(axis=0), raw.std(axis=0) + 1e-9
    x = (raw - mean) / scale
    probs = out_of_fold(x, y, bodies)
    contradicts_at = precise_threshold(probs[:, 2], y == 2, TARGET)
    supports_at = supports_threshold(probs, y, contradicts_at)
    print(f"{len(y)} dev pairs; thresholds: supports {supports_at:.4f}, contradicts {contradicts_at:.4f}")
    print(summary("out-of-fold dev", decide(probs, contradicts_at, supports_at), y))
    b, w = fit(x, y)
    print(summary("in-sample dev", decide(softmax(x @ w.T + b), contradicts_at, supports_at), y))
    write(args.out, mean, scale, b, w, (supports_at, contradicts_at))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
