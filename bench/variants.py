"""Quote variants of a much-quoted speaker: the time the window waits for them.

    python -m bench.variants [--quotes N] [--per-source K]

Builds a workspace in a temporary folder with one speaker quoted N times (default 5,000)
over N/K sources, one quote in 2K reported again by the next source with a number
changed, and times the three reads the app makes: a source's variants (every time a
source is shown), a quote's, and the entity page's (all pairs). The baseline, in the same
run, is reading the speaker's quotes from the workspace and splitting them into words,
the least any comparison must do; each read prints its time and its ratio to that.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from briefing.quote_variants import TOKEN
from briefing.store import open_workspace
from briefing.store.quote_variants import list_entity_variants, list_quote_variants, list_source_variants
from briefing.store.workspace import Workspace, utc_now

WORDS = [f"w{n}" for n in range(20_000)]
WEIGHTS = [1 / (n + 1) for n in range(len(WORDS))]  # Zipf: a few common words, many rare ones
REPEATS = 7


def build(ws: Workspace, quotes: int, per_source: int, rng: random.Random) -> int:
    speaker = ws.insert("entities", {"name": "Much Quoted", "type": "person", "created_at": utc_now()})
    texts = [" ".join(rng.choices(WORDS, WEIGHTS, k=rng.randint(8, 30))) + " 40,000" for _ in range(quotes)]
    for n in range(0, quotes - per_source, 2 * per_source):  # the next source reports every other
        texts[n + per_source] = texts[n].replace("40,000", "62,000")  # source's first quote changed
    with ws.transaction():
        for first in range(0, quotes, per_source):
            batch = texts[first : first + per_source]
            text = "\n\n".join(f"“{t}”" for t in batch)
            source = ws.insert(
                "sources",
                {
                    "path": f"s{first}.txt",
                    "format": "txt",
                    "content_hash": f"h{first}",
                    "text": text,
                    "title": f"Source {first}",
                    "imported_at": utc_now(),
                },
            )
            position = 0
            for quoted in batch:
                start = text.index(quoted, position)
                position = start + len(quoted)
                ws.insert(
                    "quotes",
                    {"source_id": source, "text": quoted, "start": start, "end": position, "speaker_id": speaker},
                )
    return speaker


def timed(run: Callable[[], object]) -> float:
    """Median seconds of REPEATS runs after one warm-up run (the app reads them repeatedly)."""
    run()
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.variants", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotes", type=int, default=5_000)
    parser.add_argument("--per-source", type=int, default=10)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        ws = open_workspace(Path(folder) / "variants.briefing")
        speaker = build(ws, args.quotes, args.per_source, random.Random(1))
        source, quote = ws.db.execute("SELECT source_id, id FROM quotes ORDER BY id LIMIT 1").fetchone()

        def baseline() -> None:
            rows = ws.db.execute("SELECT id, source_id, text FROM quotes WHERE speaker_id = ?", [speaker])
            [TOKEN.findall(text.lower()) for _, _, text in rows]

        base = timed(baseline)
        print(f"{args.quotes:,} quotes of one speaker; baseline (read and split them): {base * 1000:.0f} ms")
        for label, run in (
            ("a source's variants", lambda: list_source_variants(ws, source)),
            ("a quote's variants", lambda: list_quote_variants(ws, quote)),
            ("the entity page's variants", lambda: list_entity_variants(ws, speaker)),
        ):
            seconds = timed(run)
            print(f"{label:28} {seconds * 1000:6.0f} ms  {seconds / base:4.1f}x baseline")
        print(f"variant pairs found: {len(list_entity_variants(ws, speaker)):,}")
        ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
