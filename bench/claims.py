"""Claims on public data, in one run: the finder, related sources, relations, re-ranking time.

    python -m bench.claims DATA_DIR [--limit N] [--lexical]

DATA_DIR holds the train splits only (test splits are kept for acceptance and never read):
``claimbuster/train.json`` from utaresearch/claimbuster-spotter (data/two_class/train.json) and
``fnc1/train_stances.csv`` and ``fnc1/train_bodies.csv`` from FakeNewsChallenge/fnc-1. Neither is
in the repository (ClaimBuster's data is GPL-3.0; FNC-1's comes from the Emergent data set).
Each figure is printed beside its target; ``bench.claim_finding`` and ``bench.claim_related``
print the details.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from bench import claim_finding, claim_related

TARGETS = {
    "headlines as claims": 0.95,
    "ClaimBuster F1 (held-out part of train)": 0.80,
    "success@1": 0.95,
    "contradicts precision": 0.80,
    "re-ranking s per claim (at most)": 0.5,
}


def verdict(name: str, value: float | None) -> str:
    target = TARGETS[name]
    if value is None:
        return "n/a"
    met = value <= target if "at most" in name else value >= target
    return "PASS" if met else "BELOW"


def summary_lines(finding: dict[str, Any], related: dict[str, Any]) -> list[str]:
    rows = [
        ("headlines as claims", finding["headlines"]["share"], f"{finding['headlines']['headlines']} FNC-1 headlines"),
        (
            "ClaimBuster F1 (held-out part of train)",
            finding["finder"]["f1"],
            f"precision {finding['finder']['precision']}, recall {finding['finder']['recall']}; "
            f"TF-IDF + LR baseline F1 {finding['tfidf_lr']['f1']} in the same run",
        ),
    ]
    for part in related["parts"]:
        success, story, bm25 = part["success"]["briefing"], part["success_story"]["briefing"], part["success"]["bm25"]
        rows += [
            (
                "success@1",
                success[1],
                f"{part['part']}: @3 {success[3]:.3f} @5 {success[5]:.3f}; plain BM25 "
                f"@1 {bm25[1]:.3f}; any body of the same story @1 {story[1]:.3f}",
            ),
            (
                "contradicts precision",
                part["contradicts_precision"],
                f"{part['part']}: said {part['contradicts_said']} times; relation accuracy "
                f"{part['relation_accuracy']:.3f} vs constant '{part['constant']}' {part['constant_accuracy']:.3f}",
            ),
        ]
        if part["rerank_s_per_claim"] is not None:
            rows.append(("re-ranking s per claim (at most)", part["rerank_s_per_claim"], f"{part['part']}, one core"))
    return [
        f"{verdict(name, value):<6} {name:<42} {'-' if value is None else value!s:<7} {detail}"
        for name, value, detail in rows
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.claims", description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path, help="holds claimbuster/train.json and fnc1/train_*.csv")
    parser.add_argument("--limit", type=int, default=None, help="FNC-1 claims per part (default: all)")
    parser.add_argument("--lexical", action="store_true", help="skip the semantic re-ranking")
    parser.add_argument("--cache", help="a folder outside the repository to keep spaCy parses in")
    args = parser.parse_args(argv)
    finding = claim_finding.run(args.data_dir, cache=args.cache)
    related = claim_related.run(args.data_dir / "fnc1", args.limit, args.lexical)
    print(claim_related.format_result(related))
    print()
    print("\n".join(summary_lines(finding, related)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
