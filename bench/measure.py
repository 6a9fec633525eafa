"""One measurement in a process of its own, so its peak RSS is its own.

Run by ``bench.analysis`` as ``python -m bench.measure KIND FOLDER``; prints one JSON line.
The model is loaded before the clock starts in every kind, so the times compare the work,
not a fixed start-up cost; the load time is reported beside them.

FOLDER holds ``articles/`` (the corpus) and ``cleaned.json`` ([text, title] pairs as the
importer produced them). The import writes a fresh ``bench.briefing`` workspace there.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefing.nlp.model import load_model
from briefing.nlp.parse import DEFAULT_BATCH_SIZE, split_paragraphs

Work = Callable[[], dict[str, Any]]


def load_cleaned(folder: Path) -> list[tuple[str, str | None]]:
    return [(text, title) for text, title in json.loads((folder / "cleaned.json").read_text(encoding="utf-8"))]


def spacy_texts(nlp: Any, folder: Path) -> Work:
    """Plain ``nlp.pipe`` over whole cleaned texts; docs are discarded."""
    texts = [text for text, _ in load_cleaned(folder)]
    return lambda: {"docs": sum(1 for _ in nlp.pipe(texts, batch_size=DEFAULT_BATCH_SIZE))}


def spacy_paragraphs(nlp: Any, folder: Path) -> Work:
    """Plain ``nlp.pipe`` over the paragraphs the pipeline parses one by one."""
    texts = [para for text, _ in load_cleaned(folder) for _, para in split_paragraphs(text)]
    return lambda: {"docs": sum(1 for _ in nlp.pipe(texts, batch_size=DEFAULT_BATCH_SIZE))}


def analysis_only(nlp: Any, folder: Path) -> Work:
    """``analyse_texts`` (parsing plus our rules), nothing stored."""
    from briefing.nlp.analyse import analyse_texts

    items = load_cleaned(folder)
    return lambda: {"docs": sum(1 for _ in analyse_texts(items, DEFAULT_BATCH_SIZE, nlp))}


def whole_import(nlp: Any, folder: Path) -> Work:
    """``import_paths`` of the corpus folder into a fresh workspace file."""
    from briefing.pipeline import import_paths
    from briefing.store import open_workspace

    target = folder / "bench.briefing"
    for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        leftover.unlink(missing_ok=True)

    def run() -> dict[str, Any]:
        with open_workspace(target) as ws:
            report = import_paths(ws, [folder / "articles"])
        return {"docs": len(report.imported), "analysed": report.analysed, "failed": len(report.failed)}

    return run


KINDS: dict[str, Callable[[Any, Path], Work]] = {
    "spacy": spacy_texts,
    "spacy-paragraphs": spacy_paragraphs,
    "analysis": analysis_only,
    "import": whole_import,
}


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def measure(kind: str, folder: Path) -> dict[str, Any]:
    started = time.perf_counter()
    nlp = load_model()
    load_seconds = time.perf_counter() - started
    work = KINDS[kind](nlp, folder)
    cpu, started = time.process_time(), time.perf_counter()
    result = work()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {
        **result,
        "kind": kind,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "load_seconds": load_seconds,
        "peak_rss_mb": peak_rss_mb(),
    }


def main(argv: list[str]) -> int:
    kind, folder = argv
    print(json.dumps(measure(kind, Path(folder))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
