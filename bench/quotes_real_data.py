"""PolNeAR attributions as gold direct quotes, for ``bench.quotes_real``.

PolNeAR (political news of 2015-2016, annotated with attributions: source, cue and
content spans in BRAT standoff files) is not redistributed with Briefing. Export the
train and dev splits from a git mirror of the corpus into a data folder once:

    python -m bench.quotes_real_data MIRROR DATA_DIR

The test split is never read. Each article keeps its text, the annotation file of its
first annotator (a few dev articles were annotated by several) and the CoreNLP
coreference chains of the corpus, reduced to character ranges (the XML is 800 MB).

What counts as a gold direct quote: a span between a pair of quotation marks (double
marks, curly or straight or typeset as two apostrophes, or a curly single pair, paired within one paragraph; an
opening mark left open runs to the paragraph end, as news does for a quote that goes
on in the next paragraph) of which at least half of the characters between the marks
lie inside the content span of one attribution. The quote is the text between the
marks; its speaker is that attribution's source span. Quoted spans inside no
attribution's content (scare quotes, titles, words merely mentioned) are not quotes.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

SPLITS = ("train", "dev")  # never the test split
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
MARKS = re.compile("''|[\"“”‘’]")


@dataclass
class GoldQuote:
    start: int
    end: int
    source: tuple[int, int] | None  # the attribution's source span
    source_text: str


@dataclass
class Article:
    name: str
    text: str
    quotes: list[GoldQuote]
    chains: list[list[tuple[int, int]]]  # CoreNLP coreference chains, as character ranges


def export(mirror: Path, out: Path) -> None:
    """Copy texts, annotations and coreference chains of train and dev out of a git mirror."""
    listing = _git(mirror, "ls-tree", "-r", "--name-only", "HEAD", "data").split("\n")
    for split in SPLITS:
        folder = out / split
        for sub in ("text", "attributions", "coref"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
        texts = sorted(p for p in listing if p.startswith(f"data/{split}/text/"))
        annotations = sorted(p for p in listing if p.startswith(f"data/{split}/attributions/"))
        for path in texts:
            name = Path(path).stem
            (folder / "text" / f"{name}.txt").write_text(_git(mirror, "show", f"HEAD:{path}"), encoding="utf-8")
            first = next((a for a in annotations if Path(a).name.startswith(name + "_")), None)
            if first is not None:
                (folder / "attributions" / f"{name}.ann").write_text(_git(mirror, "show", f"HEAD:{first}"), "utf-8")
            xml = _git(mirror, "show", f"HEAD:data/{split}/corenlp/{name}.txt.xml", check=False)
            if xml:
                (folder / "coref" / f"{name}.json").write_text(json.dumps(read_chains(xml)), encoding="utf-8")
        print(f"{split}: {len(texts)} articles", file=sys.stderr)


def _git(mirror: Path, *args: str, check: bool = True) -> str:
    done = subprocess.run(["git", "-C", str(mirror), *args], capture_output=True, check=check)
    return done.stdout.decode("utf-8") if done.returncode == 0 else ""


def read_chains(xml: str) -> list[list[tuple[int, int]]]:
    """CoreNLP's coreference chains as lists of (start, end) character ranges."""
    root = ET.fromstring(xml)
    offsets: dict[tuple[int, int], tuple[int, int]] = {}
    for s_index, sentence in enumerate(root.iter("sentence"), start=1):
        for t_index, token in enumerate(sentence.iter("token"), start=1):
            begin, end = token.findtext("CharacterOffsetBegin"), token.findtext("CharacterOffsetEnd")
            if begin is not None and end is not None:
                offsets[(s_index, t_index)] = (int(begin), int(end))
    chains = []
    outer = root.find(".//coreference")
    for chain in outer.findall("coreference") if outer is not None else []:
        ranges = []
        for mention in chain.findall("mention"):
            s, a, b = (int(mention.findtext(k) or 0) for k in ("sentence", "start", "end"))
            if (s, a) in offsets and (s, b - 1) in offsets:
                ranges.append((offsets[(s, a)][0], offsets[(s, b - 1)][1]))
        chains.append(ranges)
    return chains


def load_split(data_dir: Path, split: str) -> list[Article]:
    folder = data_dir / split
    articles = []
    for path in sorted((folder / "text").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        ann = folder / "attributions" / f"{path.stem}.ann"
        coref = folder / "coref" / f"{path.stem}.json"
        attributions = read_attributions(ann.read_text(encoding="utf-8")) if ann.exists() else []
        chains = [[(r[0], r[1]) for r in c] for c in json.loads(coref.read_text())] if coref.exists() else []
        articles.append(Article(path.stem, text, gold_quotes(text, attributions), chains))
    return articles


def read_attributions(ann: str) -> list[dict]:
    """Each attribution as {'content': [(start, end)...], 'source': (start, end) or None}."""
    spans: dict[str, list[tuple[int, int]]] = {}
    relations = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            ranges = parts[1].split(" ", 1)[1]
            spans[parts[0]] = [tuple(int(x) for x in r.split()) for r in ranges.split(";")]  # type: ignore[misc]
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":") for arg in parts[1].split()))
    attributions = []
    for relation in relations:  # 'Content2' continues a content; some files spell 'source'
        contents = [spans[v] for k, v in relation.items() if k.lower().startswith("content") and v in spans]
        source = next((v for k, v in relation.items() if k.lower() == "source" and v in spans), None)
        if contents:
            source_span = (spans[source][0][0], spans[source][-1][1]) if source else None
            attributions.append({"content": [r for c in contents for r in c], "source": source_span})
    return attributions


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Inner ranges of quotation-mark pairs, paragraph by paragraph (see the module docstring)."""
    spans = []
    position = 0
    for match in [*PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        spans.extend(_pair(text, position, end))
        position = match.end() if match else end
    return spans


def _pair(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    opened: tuple[int, str, int] | None = None  # position, family, length of the mark
    for match in MARKS.finditer(text, start, end):
        i, mark = match.start(), match.group().replace("''", '"')
        before = text[i - 1] if i > start else " "
        after = text[match.end()] if match.end() < end else " "
        if opened is None:
            if mark in '“"' or (mark == "‘" and after.isalnum() and not before.isalnum()):
                opened = (i, "‘" if mark == "‘" else "“", len(match.group()))
        elif (opened[1] == "“" and mark in '”"') or (opened[1] == "‘" and mark == "’" and not after.isalnum()):
            spans.append((opened[0] + opened[2], i))
            opened = None
    if opened is not None and opened[1] == "“" and len(text[opened[0] : end].split()) >= 4:
        spans.append((opened[0] + opened[2], end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def gold_quotes(text: str, attributions: list[dict]) -> list[GoldQuote]:
    quotes = []
    for start, end in quoted_spans(text):
        for attribution in attributions:
            inside = sum(max(0, min(end, b) - max(start, a)) for a, b in attribution["content"])
            if inside * 2 >= end - start:
                source = attribution["source"]
                source_text = text[source[0] : source[1]] if source else ""
                quotes.append(GoldQuote(start, end, source, source_text))
                break
    return quotes


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m bench.quotes_real_data MIRROR DATA_DIR")
    export(Path(sys.argv[1]), Path(sys.argv[2]))
