"""Pairing quotation marks in scraped text without trusting them to be paired.

Curly, straight, single and guillemet marks; apostrophes (“Authority’s”,
“world’ s”) are told apart from closing single quotes; a curly open closed by
a straight mark, or by two single closing marks (“...,’’ as wire copy writes it),
still pairs; a quotation left open runs to the end of its
paragraph (the news convention for quotes that go on in the next paragraph).
An unpaired mark never makes the text fail: it is simply not a quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

DOUBLE_OPEN = "“«„‹"
DOUBLE_CLOSE = "”»›"
# the tokens spaCy makes of double quotation marks, "''", "``" and wire copy's "’’" among them
QUOTE_TOKENS = frozenset((*DOUBLE_OPEN, *DOUBLE_CLOSE, '"', "''", "``", "’’"))
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
OPENING_CONTEXT = " \t\n\xa0\u2009\u202f([{—–-:;/“‘«\"'"  # no-break and thin spaces of web copy too


@dataclass(frozen=True)
class QuoteSpan:
    open: int  # index of the opening mark
    close: int  # index of the closing mark, or the paragraph end when it stays open
    closed: bool
    width: int = 1  # of the closing mark: two for a doubled single close

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close

    @property
    def after(self) -> int:
        """Where the text after the closing mark begins."""
        return self.close + self.width


MARK = re.compile("[\"'" + DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + "]")


@lru_cache(maxsize=2048)  # quotes, titles and speakers all ask about the same paragraphs
def pair_marks(paragraph: str) -> tuple[QuoteSpan, ...]:
    """Top-level quotation spans of one paragraph, in order."""
    stack: list[tuple[int, str]] = []  # (position, "d" or "s")
    spans: list[QuoteSpan] = []
    skip = -1
    for match in MARK.finditer(paragraph):
        i, char = match.start(), match.group()
        if i == skip:
            continue
        action = _classify(paragraph, i, char, stack)
        width = 2 if action == "close-d" and char in (SINGLE_CLOSE, "'") else 1
        skip = i + 1 if width == 2 else skip  # the second mark of a doubled single close
        if action in ("d", "s"):
            stack.append((i, action))
        elif action in ("close-d", "close-s"):
            family = action[-1]
            while stack and stack[-1][1] != family:
                stack.pop()
            if stack:
                position, _ = stack.pop()
                if not stack:
                    spans.append(QuoteSpan(position, i, True, width))
    spans.extend(_left_open(paragraph, stack))
    return tuple(_outermost(spans))


def _classify(text: str, i: int, char: str, stack: list[tuple[int, str]]) -> str | None:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    open_families = {family for _, family in stack}
    if char in DOUBLE_OPEN:
        return "d"
    if char in DOUBLE_CLOSE:
        return "close-d" if "d" in open_families else None
    if char == '"':
        if "d" in open_families and not (before in OPENING_CONTEXT and after.isalnum()):
            return "close-d"
        return "d" if before in OPENING_CONTEXT or i == 0 else ("close-d" if "d" in open_families else None)
    if char == SINGLE_OPEN:
        return "s" if (before in OPENING_CONTEXT or i == 0) and after.isalnum() else None
    if char in (SINGLE_CLOSE, "'") and after == char and "d" in open_families and "s" not in open_families:
        return "close-d"  # “... voters,’’ Will Moy said: wire copy closes a double quote with two singles
    if char in (SINGLE_CLOSE, "'"):
        return _single_close_or_open(text, i, char, before, after, open_families)
    return None


def _single_close_or_open(text: str, i: int, char: str, before: str, after: str, open_families: set[str]) -> str | None:
    if after.isalpha() and before.isalpha():
        return None  # an apostrophe inside a word: Authority’s, don't
    if text[i + 1 : i + 3] in (" s", " t") and (i + 3 >= len(text) or not text[i + 3].isalpha()):
        return None  # a scraper split the apostrophe: "world’ s"
    if char == "'" and (before in OPENING_CONTEXT or i == 0) and after.isalnum():
        return "s"
    if "s" in open_families and not after.isalnum() and not before.isspace():
        if before in "sS" and after == " " and _looks_plural_possessive(text, i):
            return None
        return "close-s"
    return None


def _looks_plural_possessive(text: str, i: int) -> bool:
    """workers’ union: an apostrophe after a plural, followed by a lower-case noun."""
    rest = text[i + 1 : i + 20].lstrip()
    return bool(rest) and rest[0].islower() and rest.split(" ")[0].isalpha()


def _left_open(paragraph: str, stack: list[tuple[int, str]]) -> list[QuoteSpan]:
    """An opening double mark never closed: the quote runs to the paragraph end."""
    doubles = [position for position, family in stack if family == "d"]
    if not doubles:
        return []
    position = doubles[0]
    rest = paragraph[position + 1 :].rstrip()
    if len(rest.split()) < 4:
        return []
    return [QuoteSpan(position, position + 1 + len(rest), False)]


def _outermost(spans: list[QuoteSpan]) -> list[QuoteSpan]:
    spans = sorted(spans, key=lambda s: (s.open, -s.close))
    kept: list[QuoteSpan] = []
    for span in spans:
        if kept and span.open < kept[-1].close:
            continue
        if span.close - span.open > 1:
            kept.append(span)
    return kept
