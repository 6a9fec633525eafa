"""A claim a source states twice is listed once.

Pages repeat their own sentences: a live blog restates its tallies under every update ("It
takes 1,237 delegates to win the Republican nomination."), a photo's caption restates the
paragraph beside it ("Dr Mark Harvey says the fear of spiders fuels urban myths" over "Harvey
said the fear most people have of spiders fuels urban myths …"). The analyst would judge the
same claim twice. Two sentences are one claim when they share most of their content words
(``SHARED``, of all the words of both), give the same figures and the names of one are all in
the other ("Trump won Virginia, Georgia and Alabama" is no repeat of "Clinton won Virginia,
Georgia and Alabama"); a caption (no closing mark) is one claim with the sentence that holds
most of its words. The body's sentence stays, else the first. The headline is no repeat of
the lead that tells its story at length.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Protocol

from spacy.lang.en.stop_words import STOP_WORDS

from briefing.nlp.captions import CLOSING_MARK

WORD = re.compile(r"\w+")
MIN_CONTENT_WORDS = 5  # fewer, and two different claims share them by chance: "Turnout rose in 2016."
SHARED = 0.7  # of the content words of both: "It takes 2,383 delegates to win (the nomination)."
CAPTION_SHARED = 0.7  # of the caption's content words ("Dr Mark Harvey says" / "Harvey said")


class Ranged(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def part(self) -> str: ...


def repeated(claims: Sequence[Ranged], text: str, after: int = 0) -> set[int]:
    """Indexes of the claims in ``text`` that repeat another one, which stays; the claims
    before ``after`` (the headline's) are never compared."""
    read = [_Read(text[c.start : c.end]) if c.part == "text" and c.start >= after else None for c in claims]
    seen: dict[str, list[int]] = defaultdict(list)
    dropped: set[int] = set()
    for index, own in enumerate(read):
        if own is None or len(own.words) < MIN_CONTENT_WORDS:
            continue
        shared: dict[int, int] = defaultdict(int)
        for word in own.words:
            for earlier in seen[word]:
                shared[earlier] += 1
            seen[word].append(index)
        for earlier, count in shared.items():
            first = read[earlier]
            if first is not None and earlier not in dropped and first.same_claim(own, count):
                dropped.add(earlier if first.caption else index)
                break
    return dropped


class _Read:
    """A claim's content words, figures and names, and whether it is set as a caption."""

    def __init__(self, text: str):
        found = [w for w in WORD.findall(text) if w.lower() not in STOP_WORDS]
        self.words = {w.lower() for w in found}
        self.figures = {w for w in self.words if any(c.isdigit() for c in w)}
        self.names = {w for w in found if w[0].isupper()}
        self.caption = not CLOSING_MARK.search(text)

    def same_claim(self, other: _Read, shared: int) -> bool:
        if self.figures != other.figures or not (self.names <= other.names or other.names <= self.names):
            return False
        if shared >= SHARED * len(self.words | other.words):
            return True
        captions = [read.words for read in (self, other) if read.caption]
        return len(captions) == 1 and shared >= CAPTION_SHARED * len(captions[0])
