"""Throughput and peak memory of the import pipeline against plain spaCy.

    python -m bench.analysis [--words N] [--articles N] [--seed N] [--keep]

Builds a synthetic corpus (``bench.corpus``) in a temporary folder, then runs each
measurement in its own process, one after another (``bench.measure``):

- spaCy: ``nlp.pipe`` over the cleaned texts;
- spaCy per paragraph: the same over the paragraphs the pipeline parses one by one
  (the baseline is the faster of these two);
- analysis: ``analyse_texts`` without the store (our rules on top of parsing);
- import: ``import_paths`` into a fresh workspace (read, clean, store, analyse, save,
  related passages), in one process;
- import on every core: the same with one analysis worker process per core (``--jobs``'
  default), this process reading and saving; its workers load the model inside the clock,
  and its peak RSS is the sum over all its processes, sampled during the run.

Goals: the one-process import runs at 0.8 or more of plain spaCy's words per second with a
peak RSS under 500 MB; the import on every core at 1.6 or more of plain single-process
spaCy (on two cores) with all its processes together under 800 MB.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.corpus import DEFAULT_WORDS, ROOT, build_corpus
from briefing.ingest import read_document
from briefing.nlp.parse import DEFAULT_BATCH_SIZE

SPEED_GOAL = 0.8
MEMORY_GOAL_MB = 500
JOBS_SPEED_GOAL = 1.6
JOBS_MEMORY_GOAL_MB = 800
CHILD_TIMEOUT_S = 1200
MEASUREMENTS = (
    ("spacy", "a. spaCy nlp.pipe, whole texts"),
    ("spacy-paragraphs", "   spaCy nlp.pipe, per paragraph"),
    ("analysis", "c. analyse_texts (no store)"),
    ("import", "b. whole import (import_paths)"),
    ("import-jobs", "d. import on every core (--jobs)"),
)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.analysis", description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=DEFAULT_WORDS, help="corpus size in words (default %(default)s)")
    parser.add_argument("--articles", type=int, help="corpus size in articles instead of words (e.g. 500)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default %(default)s)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    return parser.parse_args(argv)


def write_cleaned(folder: Path, articles: list[Path]) -> int:
    """Save the importer's cleaned (text, title) pairs for the children; returns their words."""
    docs = [read_document(path) for path in articles]
    pairs = [[doc.text, doc.title] for doc in docs]
    (folder / "cleaned.json").write_text(json.dumps(pairs), encoding="utf-8")
    return sum(len(doc.text.split()) for doc in docs)


def run_child(kind: str, folder: Path) -> dict[str, Any]:
    """One measurement in a fresh interpreter; its last stdout line is the JSON result."""
    command = [sys.executable, "-m", "bench.measure", kind, str(folder)]
    try:
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=CHILD_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return {"kind": kind, "error": f"over {CHILD_TIMEOUT_S} s"}
    if done.returncode != 0:
        return {"kind": kind, "error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def format_row(label: str, words: int, result: dict[str, Any]) -> str:
    if "error" in result:
        return f"{label:<34} {words:>9,}  error: {result['error']}"
    rate = words / result["seconds"]
    return (
        f"{label:<34} {words:>9,} {result['seconds']:>9.1f} {result['cpu_seconds']:>8.1f}"
        f" {rate:>9,.0f} {result.get('tree_peak_rss_mb', result['peak_rss_mb']):>9.0f}"
    )


def verdict(passed: bool) -> str:
    return "PASS" if passed else "BELOW"


def format_goals(words: int, results: dict[str, dict[str, Any]]) -> list[str]:
    analysis, whole = results["analysis"], results["import"]
    plain = [results["spacy"], results["spacy-paragraphs"]]
    jobs = results["import-jobs"]
    if any("error" in r for r in (*plain, analysis, whole, jobs)):
        return ["goals: not computed (a measurement failed)"]
    # the baseline is the faster of the two plain runs: the strictest comparison on a noisy machine
    spacy = min(plain, key=lambda r: r["seconds"])
    ratio = spacy["seconds"] / whole["seconds"]  # same words, so the ratio of words/s
    rss = whole["peak_rss_mb"]
    cpu_spacy = min(r["cpu_seconds"] for r in plain)
    cpu_ratio = cpu_spacy / whole["cpu_seconds"]
    jobs_ratio = spacy["seconds"] / jobs["seconds"]
    tree = jobs["tree_peak_rss_mb"]
    return [
        f"import words/s ÷ spaCy words/s:   {ratio:.2f}  (goal ≥ {SPEED_GOAL})  {verdict(ratio >= SPEED_GOAL)}",
        f"  the same by CPU time:           {cpu_ratio:.2f}  (steadier when other work shares the machine)",
        f"analysis words/s ÷ spaCy words/s: {spacy['seconds'] / analysis['seconds']:.2f}  (no store; for attribution)",
        f"import peak RSS:                  {rss:.0f} MB  (goal < {MEMORY_GOAL_MB} MB)  "
        f"{'PASS' if rss < MEMORY_GOAL_MB else 'ABOVE'}",
        f"import on {jobs['jobs']} cores ÷ spaCy on one: {jobs_ratio:.2f}  (goal ≥ {JOBS_SPEED_GOAL})  "
        f"{verdict(jobs_ratio >= JOBS_SPEED_GOAL)}",
        f"  all its processes' peak RSS:    {tree:.0f} MB  (goal < {JOBS_MEMORY_GOAL_MB} MB)  "
        f"{'PASS' if tree < JOBS_MEMORY_GOAL_MB else 'ABOVE'}",
    ]


def format_report(articles: int, words: int, results: dict[str, dict[str, Any]]) -> str:
    load = max((r.get("load_seconds", 0.0) for r in results.values()), default=0.0)
    whole = results["import"]
    lines = [
        f"corpus: {articles} articles, {words:,} words after cleaning; batch size {DEFAULT_BATCH_SIZE}",
        f"{'measurement':<34} {'words':>9} {'seconds':>9} {'cpu s':>8} {'words/s':>9} {'peak MB':>9}",
        *(format_row(label, words, results[kind]) for kind, label in MEASUREMENTS),
        *format_goals(words, results),
        f"times exclude model loading (≤ {load:.1f} s, before the clock in each process); peak RSS includes it",
    ]
    if "error" not in whole and (whole["analysed"] != articles or whole["failed"]):
        lines.append(f"warning: import analysed {whole['analysed']} of {articles}, {whole['failed']} failed")
    return "\n".join(lines)


def run_benchmark(folder: Path, args: argparse.Namespace) -> str:
    articles = build_corpus(folder / "articles", words=args.words, articles=args.articles, seed=args.seed)
    words = write_cleaned(folder, articles)
    print(f"corpus of {len(articles)} articles, {words:,} words in {folder}", file=sys.stderr)
    results = {}
    for kind, label in MEASUREMENTS:
        results[kind] = run_child(kind, folder)
        print(format_row(label.strip(), words, results[kind]), file=sys.stderr)
    return format_report(len(articles), words, results)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.keep:
        folder = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
        print(run_benchmark(folder, args))
        print(f"kept {folder}")
        return 0
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as name:
        print(run_benchmark(Path(name), args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
