"""Rebuild paragraphs from lines: join wrapped lines, keep list items as lines, split the rest.

Input is a list of lines where empty strings are paragraph breaks. Inside a run of lines each
line break is one of three things:
- a list item follows: kept as a single line break, so lists stay one item per line;
- the line was wrapped: joined with a space (PDF lines, or text hard-wrapped at a fixed width);
- anything else (a headline above its article, a byline, one-line paragraphs): a paragraph
  break, so a headline never runs into the first sentence.
"""

from __future__ import annotations

import re
from itertools import pairwise
from statistics import median

from briefing.ingest.words import COMPOUND_FIRST_PARTS, COMPOUND_SECOND_PARTS

BULLET = re.compile(r"^(?:[-*•‣◦▪·+–]|\d{1,3}[.)]|\(\d{1,3}\))\s")
SENTENCE_END = re.compile(r"[.!?…:;][\"'’”»)\]]*$")
# the lookbehind starts a match only where a word starts: searching a 24,000-letter "word"
# took 9 s when every position inside it was tried
HYPHENATED_END = re.compile(r"(?<![^\W\d_])([^\W\d_]{2,})-$")
SOFT_HYPHEN = "\u00ad"
RANGE_BREAK = re.compile(r"\d[-–]$")
FIRST_WORD = re.compile(r"^([^\W\d_]+)")
WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
MIN_WRAP_LINES = 3  # fewer wrapped-looking lines are no evidence of a fixed width
MIN_CONTINUED = 30
MAX_WRAP_WIDTH = 100  # fixed-width wrapping beyond this is not a human-readable text file
TAIL = 200  # characters of a paragraph's end that decide how the next line joins it


def assemble_paragraphs(lines: list[str], *, hard_wrapped: bool) -> list[str]:
    """Return lines with "" between paragraphs; see the module docstring for the rules."""
    blocks = split_blocks(lines)
    joiner = PdfJoiner(blocks) if hard_wrapped else TextJoiner(blocks)
    out: list[str] = []
    for block in blocks:
        for paragraph in join_block(block, joiner):
            out.extend([*paragraph.split("\n"), ""])
    return out[:-1]


def split_blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


class TextJoiner:
    """Joins lines of text that was hard-wrapped at a fixed width (e-mail, some text files)."""

    def __init__(self, blocks: list[list[str]]):
        self.width = detect_wrap_width(blocks)

    def is_wrapped(self, last: str, line: str) -> bool:
        if continues_sentence(last, line):
            return True
        # a greedy wrapper breaks only where the next word would not have fitted
        return self.width > 0 and len(last) + 1 + len(line.split(" ", 1)[0]) > self.width

    def joint(self, tail: str, line: str) -> tuple[bool, str]:
        # wrappers break after hyphens of real compounds, so the hyphen stays
        return joint(tail, line, keep_hyphen=True)


class PdfJoiner:
    """Joins the lines of a PDF paragraph; a short line ending a sentence ends the paragraph."""

    def __init__(self, blocks: list[list[str]]):
        lengths = sorted(len(line) for block in blocks for line in block)
        self.width = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
        self.vocabulary = collect_vocabulary(blocks)

    def is_wrapped(self, last: str, line: str) -> bool:
        if continues_sentence(last, line):
            return True
        ends_sentence = SENTENCE_END.search(last) is not None
        return len(last) >= 0.6 * self.width and not (ends_sentence and len(last) < 0.85 * self.width)

    def joint(self, tail: str, line: str) -> tuple[bool, str]:
        return joint(tail, line, vocabulary=self.vocabulary)


def join_block(block: list[str], joiner: TextJoiner | PdfJoiner) -> list[str]:
    """Split one run of lines into paragraphs (list items stay one per line).

    A paragraph is built as a list of pieces and joined once, and a join looks only at the
    paragraph's last characters: re-reading the growing paragraph for every line made a
    400 KB hard-wrapped file take over two minutes.
    """
    paragraphs = [[block[0]]]
    for last, line in pairwise(block):
        pieces = paragraphs[-1]
        if BULLET.match(line) and BULLET.match(pieces[0]):
            pieces.append("\n" + line)
        elif not BULLET.match(line) and joiner.is_wrapped(last, line):
            drop_hyphen, separator = joiner.joint(_tail(pieces), line)
            if drop_hyphen:
                pieces[-1] = pieces[-1][:-1]
            pieces.append(separator + line)
        else:
            paragraphs.append([line])
    return ["".join(pieces) for pieces in paragraphs]


def _tail(pieces: list[str]) -> str:
    return (pieces[-2][-TAIL:] + pieces[-1][-TAIL:])[-TAIL:] if len(pieces) > 1 else pieces[-1][-TAIL:]


def continues_sentence(last: str, line: str) -> bool:
    """A lower-case start after a hyphenated word, or after a longish unpunctuated line; a
    number after a number and its dash ("2026-" + "2027")."""
    if RANGE_BREAK.search(last) and line[:1].isdigit():
        return True
    if not line[:1].islower():
        return False
    if HYPHENATED_END.search(last) or last.endswith(SOFT_HYPHEN):
        return True
    return len(last) >= MIN_CONTINUED and not SENTENCE_END.search(last)


def detect_wrap_width(blocks: list[list[str]]) -> int:
    """The fixed width the text was wrapped at, or 0 when it does not look hard-wrapped."""
    inner = [len(line) for block in blocks for line in block[:-1] if not BULLET.match(line)]
    if len(inner) < MIN_WRAP_LINES:
        return 0
    every = [len(line) for block in blocks for line in block]
    fitting = [n for n in every if n <= MAX_WRAP_WIDTH]
    width = max(fitting, default=0)
    # most lines fit the width and the lines inside paragraphs nearly fill it
    wrapped = width >= 40 and len(fitting) >= 0.9 * len(every) and median(inner) >= 0.75 * width
    return width if wrapped else 0


def joint(tail: str, line: str, *, keep_hyphen: bool = False, vocabulary=frozenset()) -> tuple[bool, str]:
    """How ``line`` joins a paragraph ending in ``tail``: (drop its final hyphen, separator).

    A hyphenation break is undone when the joined word is plausible; else a space joins.
    """
    if tail.endswith(SOFT_HYPHEN):
        return True, ""  # the typesetter's own mark of a hyphenated word: "docu\u00ad" + "ment"
    if RANGE_BREAK.search(tail) and line[:1].isdigit():
        return False, ""  # "2026-" + "2027": a range or a number, broken after its dash
    match = HYPHENATED_END.search(tail)
    right = FIRST_WORD.match(line)
    if match and right and line[:1].islower():
        return not (keep_hyphen or keeps_hyphen(match.group(1), right.group(1), vocabulary)), ""
    return False, " "


def keeps_hyphen(left: str, right: str, vocabulary: frozenset[str]) -> bool:
    """Decide whether "left-" + "right" at a line break is a compound (keep) or a split word.

    Evidence from the document wins: the joined word or the hyphenated compound written
    elsewhere in it. Otherwise compounds are recognised by common first or second parts
    ("long-term", "state-owned", "well-known"); everything else is a typesetting split.
    """
    left_l, right_l = left.lower(), right.lower()
    if left_l + right_l in vocabulary:
        return False
    if f"{left_l}-{right_l}" in vocabulary:
        return True
    return left_l in COMPOUND_FIRST_PARTS or right_l in COMPOUND_SECOND_PARTS


def collect_vocabulary(blocks: list[list[str]]) -> frozenset[str]:
    return frozenset(w.lower() for block in blocks for line in block for w in WORDS.findall(line))
