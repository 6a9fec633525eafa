"""How often a text file's headline is found, and how often a lead is taken for one.

    python -m bench.text_headlines TEXT_DIR [--misses N]

TEXT_DIR holds news articles as text files whose first paragraph is the headline (PolNeAR's
train or dev texts, as ``python -m bench.quotes_real_data`` writes them; never the test
split). Each file with three or more paragraphs is read twice by the import's metadata reader
(``read_text_metadata``): as it is, where the headline should be found, and without its first
paragraph, where the lead should stay in the body. Printed: the share of headlines found and
the number of leads taken as headlines; ``--misses N`` lists N headlines not found and N leads
taken.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from briefing.ingest.metadata import read_text_metadata


def measure(folder: Path, misses: int = 0) -> dict[str, int]:
    texts = found = leads = 0
    missed: list[str] = []
    taken: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        paragraphs = [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        if len(paragraphs) < 3:
            continue
        texts += 1
        if read_text_metadata("\n\n".join(paragraphs), None).title is not None:
            found += 1
        else:
            missed.append(paragraphs[0])
        lead_title = read_text_metadata("\n\n".join(paragraphs[1:]), None).title
        if lead_title is not None:
            leads += 1
            taken.append(lead_title)
    print(
        f"{texts} texts: headline found in {found} ({found / max(texts, 1):.1%}); lead taken as the headline in {leads}"
    )
    for headline in missed[:misses]:
        print(f"  missed: {headline[:100]}")
    for title in taken[:misses]:
        print(f"  lead taken: {title[:100]}")
    return {"texts": texts, "found": found, "leads": leads}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.text_headlines", description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a folder of article texts, headline first")
    parser.add_argument("--misses", type=int, default=0, help="list this many headlines not found, and leads taken")
    args = parser.parse_args(argv)
    measure(args.folder, args.misses)


if __name__ == "__main__":
    main()
