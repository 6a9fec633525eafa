"""One measurement in a process of its own, so its peak RSS is its own.

Run by ``bench.analysis`` as ``python -m bench.measure KIND FOLDER``; prints one JSON line.
The model is loaded before the clock starts in every kind, so the times compare the work,
not a fixed start-up cost; the load time is reported beside them.

FOLDER holds ``articles/`` (the corpus) and ``cleaned.json`` ([text, title] pairs as the
importer produced them). The import writes a fresh ``bench.briefing`` workspace there.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import threading
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


def import_on_every_core(nlp: Any, folder: Path) -> Work:
    """``import_paths`` with one analysis worker process per core (``--jobs``' default); this
    process reads, stores and saves. Its peak RSS is the sum over this process and its
    workers, sampled while the import runs."""
    from briefing.pipeline import import_paths
    from briefing.store import open_workspace
    from briefing.workers import default_jobs

    target = folder / "bench-jobs.briefing"
    for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        leftover.unlink(missing_ok=True)

    def run() -> dict[str, Any]:
        jobs = default_jobs()
        with TreeMemory() as memory, open_workspace(target) as ws:
            report = import_paths(ws, [folder / "articles"], jobs=jobs)
        return {
            "docs": len(report.imported),
            "analysed": report.analysed,
            "failed": len(report.failed),
            "jobs": jobs,
            "tree_peak_rss_mb": memory.peak_mb,
        }

    return run


class TreeMemory:
    """Samples the resident memory of this process and all its descendants, every
    SAMPLE_SECONDS, in a thread, and keeps the largest total seen."""

    SAMPLE_SECONDS = 0.05

    def __init__(self) -> None:
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while True:
            self.peak_mb = max(self.peak_mb, tree_rss_mb(os.getpid()))
            if self._stop.wait(self.SAMPLE_SECONDS):
                return


def tree_rss_mb(root: int) -> float:
    """Resident memory of ``root`` and its descendants, from /proc (Linux)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree, frontier = {root}, [root]
    while frontier:
        children = [pid for pid, parent in parents.items() if parent in frontier and pid not in tree]
        tree.update(children)
        frontier = children
    total_kb = 0
    for pid in tree:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        total_kb += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
    return total_kb / 1024


KINDS: dict[str, Callable[[Any, Path], Work]] = {
    "spacy": spacy_texts,
    "spacy-paragraphs": spacy_paragraphs,
    "analysis": analysis_only,
    "import": whole_import,
    "import-jobs": import_on_every_core,
}


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def measure(kind: str, folder: Path) -> dict[str, Any]:
    started = time.perf_counter()
    nlp = None if kind == "import-jobs" else load_model()  # its workers load their own
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
