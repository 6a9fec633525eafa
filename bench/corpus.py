"""A synthetic but realistic news corpus, built deterministically from the repository's texts.

The paragraphs of the demo corpus and the evaluation set (as the importer cleans them) are
shuffled with a fixed seed and dealt into articles of 300-700 words. Each article gets a
headline, a byline and a date line, and its people are renamed consistently from
``bench.names`` so that entities differ from article to article.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from bench.names import DEMO_PEOPLE, FAMILY_NAMES, GIVEN_NAMES
from briefing import paths
from briefing.ingest import collect_files, read_document

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = ROOT / "tests" / "data" / "eval"
MIN_WORDS, MAX_WORDS = 300, 700
DEFAULT_WORDS = 200_000
DATE_FORMATS = ("%B %-d, %Y", "%A, %B %-d, %Y", "%-d %B %Y")
FIRST_DAY, DAYS = date(2025, 1, 1), 730


@dataclass(frozen=True)
class Source:
    title: str
    paragraphs: list[str]


def source_files() -> list[Path]:
    """Every demo file, and every evaluation text that has a gold file beside it."""
    demo, _ = collect_files([paths.demo_dir()])
    evaluation = [p for p in sorted(EVAL_DIR.iterdir()) if p.suffix != ".json" and p.with_suffix(".json").exists()]
    return sorted(demo) + evaluation


def read_sources(files: list[Path]) -> list[Source]:
    sources = []
    for path in files:
        doc = read_document(path)
        paragraphs = [p.strip() for p in doc.text.split("\n\n") if p.strip()]
        sources.append(Source(doc.title or path.stem, paragraphs))
    return sources


class NameSwapper:
    """Renames known people in a text, consistently within one article's cast."""

    def __init__(self, people: list[tuple[str, list[str]]]):
        # form -> (person index, honorific kept before the new family name; None = full name)
        self.forms: dict[str, tuple[int, str | None]] = {}
        for index, (name, aliases) in enumerate(people):
            self.forms.setdefault(name, (index, None))
            for alias in aliases:
                full = alias.casefold() == name.casefold()  # "OH HA-EUN" for "Oh Ha-eun"
                self.forms.setdefault(alias, (index, None if full else _honorific(alias, name)))
        alternatives = "|".join(re.escape(f) for f in sorted(self.forms, key=len, reverse=True))
        self.pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")

    def swap(self, text: str, cast: dict[int, tuple[str, str]], rng: random.Random) -> str:
        def replace(match: re.Match[str]) -> str:
            index, honorific = self.forms[match.group(0)]
            if index not in cast:
                cast[index] = (rng.choice(GIVEN_NAMES), rng.choice(FAMILY_NAMES))
            given, family = cast[index]
            new = f"{given} {family}" if honorific is None else f"{honorific} {family}".strip()
            return new.upper() if match.group(0).isupper() else new

        return self.pattern.sub(replace, text)


def _honorific(alias: str, name: str) -> str:
    """The words of an alias that are not part of the name: "Ms Hạnh" -> "Ms"."""
    name_words = set(name.casefold().split())
    return " ".join(w for w in alias.split() if w.casefold() not in name_words)


def load_people() -> list[tuple[str, list[str]]]:
    """(full name, capitalised aliases) of the evaluation set's people and the demo's."""
    people = []
    for gold in sorted(EVAL_DIR.glob("*.json")):
        for entity in json.loads(gold.read_text(encoding="utf-8")).get("entities", []):
            if entity.get("type") == "person":
                aliases = [a for a in entity.get("aliases", []) if a[:1].isupper()]
                people.append((entity["name"], aliases))
    people += [(name, [name.split()[-1], name.upper()]) for name in DEMO_PEOPLE]  # transcripts shout names
    return people


def deal_paragraphs(pool: list[str], rng: random.Random) -> Iterator[str]:
    """The pool's paragraphs, shuffled, then shuffled again each time it runs out."""
    while True:
        deck = list(pool)
        rng.shuffle(deck)
        yield from deck


def pick_paragraphs(deck: Iterator[str], rng: random.Random) -> list[str]:
    """Paragraphs for one article of between MIN_WORDS and MAX_WORDS words (roughly a target)."""
    target, words, chosen = rng.randint(MIN_WORDS, MAX_WORDS), 0, []
    while words < target:
        paragraph = next(deck)
        size = len(paragraph.split())
        if words >= MIN_WORDS and words + size > MAX_WORDS:
            break
        chosen.append(paragraph)
        words += size
    return chosen


def compose_article(
    sources: list[Source], deck: Iterator[str], swapper: NameSwapper, rng: random.Random
) -> tuple[str, int]:
    """Headline, byline, date line and body, with one cast of renamed people; and the body's words."""
    cast: dict[int, tuple[str, str]] = {}
    headline = swapper.swap(rng.choice(sources).title, cast, rng)
    byline = f"By {rng.choice(GIVEN_NAMES)} {rng.choice(FAMILY_NAMES)}"
    dateline = (FIRST_DAY + timedelta(days=rng.randrange(DAYS))).strftime(rng.choice(DATE_FORMATS))
    body = [swapper.swap(p, cast, rng) for p in pick_paragraphs(deck, rng)]
    text = "\n\n".join([headline, byline, dateline, *body]) + "\n"
    return text, sum(len(p.split()) for p in body)


def build_corpus(folder: Path, words: int = DEFAULT_WORDS, articles: int | None = None, seed: int = 1) -> list[Path]:
    """Write the corpus as .txt files into ``folder``: ``articles`` of them, or enough for ``words``."""
    rng = random.Random(seed)
    sources = read_sources(source_files())
    deck = deal_paragraphs([p for s in sources for p in s.paragraphs], rng)
    swapper = NameSwapper(load_people())
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    total = 0  # body words: what the importer keeps once headline, byline and date line are read
    while (len(written) < articles) if articles is not None else (total < words):
        text, body_words = compose_article(sources, deck, swapper, rng)
        path = folder / f"article-{len(written) + 1:04d}.txt"
        path.write_text(text, encoding="utf-8")
        written.append(path)
        total += body_words
    return written
