"""The claims the finder proposes in real news articles, listed for reading by hand.

    python -m bench.claims_read DATA_DIR [--split train|dev] [--count 15] [--offset 3]
                                [--verdicts FILE] [--all]

DATA_DIR is the folder written by ``python -m bench.quotes_real_data`` (PolNeAR's train
and dev texts; the test split is never read). The articles taken are every (n / count)-th
of the split's sorted file names, starting at ``--offset``, so a reading names its
articles by split, count and offset. Each file goes through the import's own reader
(``build_document``: title, byline and date lines as the app sees them) and the finder.

Every proposed claim is printed with its article, kind and score. With ``--verdicts``, a
JSON file (kept outside the repository: it holds article text) maps a claim's text to
``true`` (a real claim: a checkable statement of fact an analyst might verify) or
``false`` plus the cause; claims read before keep their verdict, new ones are printed as
unread, and the totals count real claims among those read. ``--all`` also prints the
sentences that were not proposed, to check that no headline claim was missed.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from briefing.ingest.reader import build_document
from briefing.nlp.analyse import analyse_texts


def pick_articles(folder: Path, count: int, offset: int) -> list[Path]:
    names = sorted(folder.glob("*.txt"))
    step = max(len(names) // count, 1)
    return names[offset::step][:count]


def read_claims(paths: list[Path]) -> list[dict]:
    """One row per article: its title, its claims (text, kind, score, part) and its other sentences."""
    documents = [build_document(p) for p in paths]
    rows = []
    for path, doc, analysis in zip(paths, documents, analyse_texts((d.text, d.title) for d in documents), strict=True):
        claims = []
        for c in analysis.claims:
            words = (doc.title or "") if c.part == "title" else doc.text
            claims.append({"text": words[c.start : c.end], "kind": c.kind, "score": round(c.score, 2), "part": c.part})
        spans = {(c.start, c.end) for c in analysis.claims if c.part == "text"}
        others = [doc.text[s:e] for s, e in analysis.sentences if not any(a < e and s < b for a, b in spans)]
        rows.append({"article": path.stem, "title": doc.title, "claims": claims, "others": others})
    return rows


def tally(rows: list[dict], verdicts: dict[str, object]) -> tuple[int, int, int, Counter[str]]:
    """(real, read, unread, causes of the false ones) over all proposed claims."""
    real = read = unread = 0
    causes: Counter[str] = Counter()
    for row in rows:
        for claim in row["claims"]:
            verdict = verdicts.get(claim["text"])
            if verdict is None:
                unread += 1
                continue
            read += 1
            if verdict is True:
                real += 1
            else:
                causes[str(verdict)] += 1
    return real, read, unread, causes


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.claims_read", description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir")
    parser.add_argument("--split", choices=("train", "dev"), default="train")
    parser.add_argument("--count", type=int, default=15)
    parser.add_argument("--offset", type=int, default=3)
    parser.add_argument("--verdicts", help="JSON file of claim text -> true or the cause it is not a claim")
    parser.add_argument("--all", action="store_true", help="also print the sentences not proposed")
    args = parser.parse_args(argv)
    paths = pick_articles(Path(args.data_dir) / args.split / "text", args.count, args.offset)
    rows = read_claims(paths)
    verdicts = json.loads(Path(args.verdicts).read_text(encoding="utf-8")) if args.verdicts else {}
    for row in rows:
        print(f"== {row['article']}\n   title: {row['title']}")
        for claim in row["claims"]:
            verdict = verdicts.get(claim["text"])
            mark = "unread" if verdict is None else "REAL" if verdict is True else f"NOT ({verdict})"
            where = " [title]" if claim["part"] == "title" else ""
            print(f"   + {claim['kind']:<10} {claim['score']:.2f}{where} {mark}: {claim['text']}")
        if args.all:
            for sentence in row["others"]:
                print(f"   - {sentence}")
    real, read, unread, causes = tally(rows, verdicts)
    claims = sum(len(r["claims"]) for r in rows)
    print(f"{len(rows)} articles, {claims} claims; read {read}: {real} real, {read - real} not; unread {unread}")
    for cause, n in causes.most_common():
        print(f"   {n:>3}  {cause}")


if __name__ == "__main__":
    main()
