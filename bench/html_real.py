"""Article-body extraction on real pages: Briefing's HTML import against plain trafilatura.

    python -m bench.html_real DATA_DIR [--split dev|held-out|all] [--worst N]

DATA_DIR is a copy of scrapinghub/article-extraction-benchmark (MIT): ``ground-truth.json``,
``html/<id>.html.gz`` and the benchmark's own ``evaluate.py``, whose shingle metric (4-grams
of ``\\w+`` tokens, precision and recall averaged over pages) scores both systems, so the
figures compare with the benchmark's published table. The data stays out of the repository.

The 181 pages are split by a stable hash of the page id: develop on ``dev`` (``--worst``
lists the pages Briefing scores lowest on, to read), and only measure ``held-out``.

- Briefing: ``read_document`` on the page, the whole import (decoding, extraction, cleaning,
  byline and dateline handling); the headline it takes as the title is not part of the body.
- trafilatura: ``trafilatura.extract`` with its defaults, the page as a string.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path

from briefing.domain import IngestError
from briefing.ingest import read_document


def page_split(page_id: str) -> str:
    """``dev`` or ``held-out``, fixed for a page whatever else is in the folder."""
    return "dev" if hashlib.sha256(page_id.encode()).digest()[0] % 2 == 0 else "held-out"


def load_metric(data_dir: Path):
    """The benchmark's evaluate.py as a module (its metric, not a copy of it)."""
    spec = importlib.util.spec_from_file_location("aeb_evaluate", data_dir / "evaluate.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"{data_dir / 'evaluate.py'}: not found (copy it from the benchmark)")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def extract_briefing(raw: bytes, scratch: Path) -> str:
    scratch.write_bytes(raw)
    try:
        return read_document(scratch).text
    except IngestError:
        return ""


def extract_trafilatura(raw: bytes) -> str:
    import trafilatura

    return trafilatura.extract(raw.decode("utf-8", "replace")) or ""


def score(metric, gold: dict[str, str], predicted: dict[str, str]) -> dict[str, float]:
    counts = [metric.string_shingle_matching(true=gold[key], pred=predicted[key]) for key in gold]
    return metric.metrics_from_tp_fp_fns(counts)


def run(data_dir: Path, split: str, worst: int) -> None:
    metric = load_metric(data_dir)
    truth = json.loads((data_dir / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(key for key in truth if split == "all" or page_split(key) == split)
    gold = {key: truth[key].get("articleBody", "") for key in ids}
    outputs: dict[str, dict[str, str]] = {"briefing": {}, "trafilatura": {}}
    seconds = dict.fromkeys(outputs, 0.0)
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder) / "page.html"
        for key in ids:
            raw = gzip.decompress((data_dir / "html" / f"{key}.html.gz").read_bytes())
            for name, extract in (("briefing", lambda r: extract_briefing(r, scratch)), ("trafilatura", None)):
                started = time.perf_counter()
                outputs[name][key] = extract(raw) if extract else extract_trafilatura(raw)
                seconds[name] += time.perf_counter() - started
    print(f"{len(ids)} pages ({split})")
    print(f"{'':<12} {'precision':>9} {'recall':>7} {'F1':>6} {'s/page':>7}")
    for name, predicted in outputs.items():
        found = score(metric, gold, predicted)
        print(
            f"{name:<12} {found['precision']:>9.3f} {found['recall']:>7.3f} {found['f1']:>6.3f}"
            f" {seconds[name] / max(1, len(ids)):>7.3f}"
        )
    if worst:
        print_worst(metric, gold, outputs["briefing"], worst)


def print_worst(metric, gold: dict[str, str], predicted: dict[str, str], count: int) -> None:
    rows = []
    for key in gold:
        tp, fp, fn = metric.string_shingle_matching(true=gold[key], pred=predicted[key])
        rows.append((tp, key, tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0))
    for _, key, precision, recall in sorted(rows)[:count]:
        print(f"  {key[:16]}  precision {precision:.2f}  recall {recall:.2f}  gold {len(gold[key].split())} words")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.html_real", description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--split", choices=("dev", "held-out", "all"), default="dev")
    parser.add_argument("--worst", type=int, default=0, help="list the N pages Briefing scores lowest on")
    args = parser.parse_args(argv)
    run(args.data_dir, args.split, args.worst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
