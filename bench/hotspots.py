"""Where the import spends its time in our own code: cProfile over ``import_paths``.

    python -m bench.hotspots [--words 30000] [--top 15] [--seed 1] [--save FILE]

Builds a small corpus, loads the model outside the profile, imports the corpus into a
fresh workspace under cProfile and lists the ``briefing.*`` functions with the largest
cumulative time, each as a share of the whole import. cProfile slows Python code more than
spaCy's compiled code, so shares of our code read somewhat high.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
from pathlib import Path

from bench.corpus import build_corpus
from briefing.nlp.model import load_model

PACKAGE_DIR = str(Path(__file__).resolve().parent.parent / "briefing")
Key = tuple[str, int, str]  # pstats: (file, line, function)


def profile_import(folder: Path) -> pstats.Stats:
    from briefing.pipeline import import_paths
    from briefing.store import open_workspace

    load_model()
    profiler = cProfile.Profile()
    with open_workspace(folder / "bench.briefing") as ws:
        profiler.runcall(import_paths, ws, [folder / "articles"])
    return pstats.Stats(profiler)


def ours(key: Key) -> bool:
    return key[0].startswith(PACKAGE_DIR)


def describe(key: Key) -> str:
    module = Path(key[0]).relative_to(Path(PACKAGE_DIR).parent).with_suffix("")
    return f"{'.'.join(module.parts)}.{key[2]}"


def spacy_share(stats: pstats.Stats, total: float) -> float:
    """Cumulative time of spaCy's ``Language.pipe`` (all parsing), as a share of the total."""
    table = stats.stats  # type: ignore[attr-defined]
    times = [v[3] for k, v in table.items() if k[2] == "pipe" and k[0].endswith("spacy/language.py")]
    return max(times, default=0.0) / total


def format_hotspots(stats: pstats.Stats, top: int) -> str:
    table = stats.stats  # type: ignore[attr-defined]
    total = stats.total_tt  # type: ignore[attr-defined]
    keys = sorted((k for k in table if ours(k)), key=lambda k: -table[k][3])[:top]
    lines = [
        f"total {total:.1f} s under cProfile; spaCy Language.pipe {spacy_share(stats, total):.0%} cumulative",
        f"{'cum %':>6} {'cum s':>7} {'own s':>7} {'calls':>9}  function (briefing.*)",
    ]
    for key in keys:
        calls, _, own, cumulative, _ = table[key]
        lines.append(f"{cumulative / total:>6.1%} {cumulative:>7.2f} {own:>7.2f} {calls:>9,}  {describe(key)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.hotspots", description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=30_000, help="corpus size in words (default %(default)s)")
    parser.add_argument("--top", type=int, default=15, help="functions to list (default %(default)s)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default %(default)s)")
    parser.add_argument("--save", type=Path, help="also write the raw profile here (for pstats or snakeviz)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="briefing-hotspots-") as name:
        folder = Path(name)
        articles = build_corpus(folder / "articles", words=args.words, seed=args.seed)
        print(f"corpus: {len(articles)} articles, about {args.words:,} words")
        stats = profile_import(folder)
        if args.save:
            stats.dump_stats(args.save)
        print(format_hotspots(stats, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
