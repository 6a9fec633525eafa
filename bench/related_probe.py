"""How well related passages are found and labelled, on the paraphrase probe.

``python -m bench.related_probe`` reads ``tests/data/related/probe.json``: claims, each with
the one pool sentence (from another source) that paraphrases it and the gold relation. Every
pool sentence and every claim is indexed as a passage of its own source, as the app does, and
the claim's own source is excluded from its results.

Reported per ranker: top-1 and top-3 accuracy (the paraphrase is first / among the first
three), and top-1 with the right relation. Relation accuracy is ``relation()`` on the gold
(claim, paraphrase) pairs, so it does not depend on the ranker. Rankers: the TF-IDF
``PassageIndex``; when ``bench.minilm`` is available, cosine over its sentence
embeddings, and a hybrid of both scores. Speed is sentences embedded per second on one thread
(``--threads``), the model loaded beforehand; the load time is given beside it.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.nlp.related import Passage, PassageIndex, relation

PROBE = Path(__file__).resolve().parent.parent / "tests" / "data" / "related" / "probe.json"
HYBRID_WEIGHT = 0.5  # share of the TF-IDF score in the hybrid

Scorer = Callable[[int], Sequence[float]]  # item index -> a score for every passage


@dataclass
class Probe:
    items: list[dict[str, Any]]
    passages: list[Passage]
    ids: list[str]  # pool id, or the item id for a claim indexed as a passage


def load_probe(path: Path = PROBE) -> Probe:
    data = json.loads(path.read_text(encoding="utf-8"))
    passages, ids = [], []
    for entry in data["pool"]:
        passages.append(Passage(entry["source_id"], 0, len(entry["text"]), entry["text"]))
        ids.append(entry["id"])
    for item in data["items"]:
        passages.append(Passage(item["source_id"], 0, len(item["claim"]), item["claim"]))
        ids.append(item["id"])
    return Probe(data["items"], passages, ids)


def ranked(probe: Probe, item_index: int, scores: Sequence[float], top_n: int = 3) -> list[str]:
    exclude = probe.items[item_index]["source_id"]
    candidates = [i for i, p in enumerate(probe.passages) if p.source_id != exclude]
    candidates.sort(key=lambda i: -scores[i])
    return [probe.ids[i] for i in candidates[:top_n]]


def tfidf_scores(probe: Probe, index: PassageIndex) -> Scorer:
    """The BM25 score of every passage (as ``related`` ranks them, before keeping one per source)."""
    position = {id(p): i for i, p in enumerate(index.passages)}

    def score(item_index: int) -> list[float]:
        by_index = index.scores(probe.items[item_index]["claim"])
        return [float(by_index[position[id(p)]]) if id(p) in position else 0.0 for p in probe.passages]

    return score


def tfidf_app_top(probe: Probe, index: PassageIndex, item_index: int) -> list[str]:
    """What the app shows: ``PassageIndex.related`` with its own cut-off."""
    item = probe.items[item_index]
    by_text = {p.text: probe.ids[i] for i, p in enumerate(probe.passages)}
    return [by_text[s.passage.text] for s in index.related(item["claim"], item["source_id"], top_n=3)]


def evaluate(probe: Probe, top3: Callable[[int], list[str]]) -> dict[str, Any]:
    top1 = top3_hits = top1_relation = 0
    misses = []
    for n, item in enumerate(probe.items):
        found = top3(n)
        if found[:1] == [item["target"]]:
            top1 += 1
            top1_relation += relation(item["claim"], _text(probe, item["target"])) == item["relation"]
        else:
            misses.append(item["id"])
        top3_hits += item["target"] in found
    total = len(probe.items)
    return {"top1": top1 / total, "top3": top3_hits / total, "top1_relation": top1_relation / total, "misses": misses}


def _text(probe: Probe, passage_id: str) -> str:
    return probe.passages[probe.ids.index(passage_id)].text


def relation_accuracy(probe: Probe) -> dict[str, Any]:
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for item in probe.items:
        gold = item["relation"]
        total[gold] += 1
        right[gold] += relation(item["claim"], _text(probe, item["target"])) == gold
    return {
        "accuracy": sum(right.values()) / len(probe.items),
        **{f"{gold}_recall": right[gold] / total[gold] for gold in total},
    }


def embedding_rankers(probe: Probe, tfidf: Scorer, threads: int) -> dict[str, Any]:
    import numpy as np

    from bench import minilm as embeddings

    if not embeddings.available():
        return {}
    embedder = embeddings.Embedder(threads=threads)
    started = time.perf_counter()
    embedder.embed(["warm up"])
    load = time.perf_counter() - started
    texts = [p.text for p in probe.passages]
    sample = [texts[i % len(texts)] for i in range(1000)]
    started = time.perf_counter()
    embedder.embed(sample)
    per_1000 = time.perf_counter() - started
    passages = embedder.embed(texts)
    claims = embedder.embed([item["claim"] for item in probe.items])
    cosine = claims @ passages.T

    def hybrid(n: int) -> list[float]:
        return [(1 - HYBRID_WEIGHT) * c + HYBRID_WEIGHT * t for c, t in zip(cosine[n], tfidf(n), strict=True)]

    return {
        "embedding": evaluate(probe, lambda n: ranked(probe, n, cosine[n])),
        "hybrid": evaluate(probe, lambda n: ranked(probe, n, hybrid(n))),
        "speed": {
            "seconds_per_1000": round(per_1000, 2),
            "load_seconds": round(load, 2),
            "threads": threads,
            "tokens_mean": round(float(np.mean([len(embedder._load()[0].encode(t)) for t in sample])), 1),
        },
    }


def run(threads: int = 1) -> dict[str, Any]:
    probe = load_probe()
    index = PassageIndex(probe.passages)
    tfidf = tfidf_scores(probe, index)
    results: dict[str, Any] = {
        "probe": {
            "items": len(probe.items),
            "passages": len(probe.passages),
            "contradicts": sum(i["relation"] == "contradicts" for i in probe.items),
        },
        "relation": relation_accuracy(probe),
        "tfidf_app": evaluate(probe, lambda n: tfidf_app_top(probe, index, n)),
        "tfidf": evaluate(probe, lambda n: ranked(probe, n, tfidf(n))),
    }
    results.update(embedding_rankers(probe, tfidf, threads))
    return results


def report(results: dict[str, Any]) -> str:
    probe, rel = results["probe"], results["relation"]
    lines = [
        f"probe: {probe['items']} claims ({probe['contradicts']} contradict), {probe['passages']} passages",
        f"relation() on gold pairs: {rel['accuracy']:.0%} "
        f"(supports {rel['supports_recall']:.0%}, contradicts {rel['contradicts_recall']:.0%})",
        f"{'ranker':<12}{'top-1':>7}{'top-3':>7}{'top-1+rel':>11}  misses at top-1",
    ]
    for name in ("tfidf_app", "tfidf", "embedding", "hybrid"):
        if name in results:
            r = results[name]
            lines.append(
                f"{name:<12}{r['top1']:>7.0%}{r['top3']:>7.0%}{r['top1_relation']:>11.0%}  " + " ".join(r["misses"])
            )
    if "speed" not in results:
        lines.append(
            "embeddings: not available here (bench.minilm.available() is False: "
            "onnxruntime and the model packages are not installed)"
        )
    else:
        s = results["speed"]
        lines.append(
            f"embedding speed: {s['seconds_per_1000']} s per 1,000 sentences on {s['threads']} thread(s), "
            f"{s['tokens_mean']} tokens each on average; model load {s['load_seconds']} s"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, default=1, help="onnxruntime threads for the embedding timing")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    results = run(args.threads)
    print(json.dumps(results, indent=1) if args.json else report(results))


if __name__ == "__main__":
    main()
