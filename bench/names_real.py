"""Entity names on real news: the canonical name of every entity, per article, to read.

    python -m bench.names_real TEXT_DIR [--limit N] [--all]

TEXT_DIR is a folder of article texts (``*.txt``), such as PolNeAR's ``train/text``
exported by ``python -m bench.quotes_real_data``. Each text goes through the parser and
``find_entities`` as the app runs them (no mention inside a quoted title of a work), and
each entity's canonical name is listed with its type.

Names are read by hand; to make that quick, the names a reader should look at first are
marked and counted by what looks wrong: a link, handle or hashtag ("url"); two words run
together ("run-together"); a word in lower case that is no name particle ("lower word");
a capitalised function word or inflected verb the model's lemma tables know ("headline
word"). The marks are a screen, not a score: "Associated Press" and "Peyton Manning" are
marked and are names; read the marked list.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from briefing.nlp.entities import find_entities
from briefing.nlp.entity_words import open_class_words
from briefing.nlp.mentions import NAME_PARTICLES
from briefing.nlp.model import load_model
from briefing.nlp.parse import ParsedText, parse_texts
from briefing.nlp.quotes import title_spans

LINK = re.compile(r"https?:|www\.|\.com\b|[@#]\w|/")
RUN_TOGETHER = re.compile(r"[a-z][A-Z][a-z]")
NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "La", "Le", "O’", "O'", "Van", "Von")
NOT_VERBS = frozenset("associated united rolling states times news affairs services".split())
LOWER_PREFIXES = frozenset("pro anti un non ex bin al el de van von da di du la le".split())
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")  # "42nd Street" opens with no word in lower case
CONNECTORS = frozenset("of the and for de du la le von van der den al el bin y & -".split())


def entity_names(parsed: ParsedText) -> list[tuple[str, str]]:
    titles = title_spans(parsed)
    names = []
    for cluster in find_entities(parsed):
        if any(not any(s < m.start and m.end <= e for s, e in titles) for m in cluster.mentions):
            names.append((cluster.name, cluster.type))
    return names


def suspicions(name: str) -> list[str]:
    """What looks wrong in ``name`` (empty when nothing does)."""
    found = []
    if LINK.search(name):
        found.append("url")
    if any(RUN_TOGETHER.search(w) and not w.startswith(NAME_PREFIXES) for w in name.split()):
        found.append("run-together")
    words = name.replace("-", " ").split()
    # a word in lower case inside a name, or in front of it ("rang Taylor"); not "bin Laden", "iPad"
    lower_opening = words[0].islower() and words[0] not in LOWER_PREFIXES and not ORDINAL.fullmatch(words[0])
    opening = words[:1] if len(words) > 1 and lower_opening else []
    if opening or any(w[:1].islower() and w.lower() not in NAME_PARTICLES | CONNECTORS for w in words[1:]):
        found.append("lower word")
    if len(words) > 1 and _headline_word(words):
        found.append("headline word")
    return found


def _headline_word(words: list[str]) -> bool:
    """A function word other than a connector, or an inflected verb, written with a capital."""
    for i, word in enumerate(words):
        lower = word.lower().strip(".,:;!?")
        if not word[:1].isupper() or word.isupper() or (i == 0 and lower == "the"):
            continue
        if lower in STOP_WORDS and lower not in CONNECTORS or _inflected_verb(lower):
            return True
    return False


def _inflected_verb(word: str) -> bool:
    known = open_class_words()
    for suffix, repl in (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and word not in NOT_VERBS:
            stem = word[: len(word) - len(suffix)]
            if stem + repl in known or (stem[-1:] == stem[-2:-1] and stem[:-1] in known):
                return True
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.names_real", description=__doc__.split("\n\n")[0])
    parser.add_argument("text_dir", type=Path, help="folder of article .txt files")
    parser.add_argument("--limit", type=int, help="only the first N articles (by file name)")
    parser.add_argument("--all", action="store_true", help="list every name, not only the marked ones")
    args = parser.parse_args(argv)
    paths = sorted(args.text_dir.glob("*.txt"))[: args.limit]
    texts = (p.read_text(encoding="utf-8") for p in paths)
    marks: Counter = Counter()
    total = marked = 0
    for path, parsed in zip(paths, parse_texts(load_model(), texts), strict=True):
        for name, kind in entity_names(parsed):
            total += 1
            found = suspicions(name)
            marks.update(found)
            marked += bool(found)
            if found or args.all:
                print(f"{path.stem}\t{kind}\t{name}\t{','.join(found)}")
    print(f"{len(paths)} articles, {total} entities, {marked} names marked", file=sys.stderr)
    for mark, n in marks.most_common():
        print(f"  {n:5}  {mark}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
