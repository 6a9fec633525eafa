"""Two versions of one article's text: what changed, and where a passage of the older one went.

Pure text work (no Qt, no SQL). Whether a passage still stands where it was, or verbatim
elsewhere, is decided by ``briefing.note_content.verify_passage``, the check the briefing note's
export runs (verified / moved / altered); this module only adds what a newer version needs on
top of it: for a passage not found verbatim, the place its words went in the newer text, found
through a word diff of the two texts. When at least half of its characters survive there it is
*altered* (carried to the changed words, flagged); otherwise it is *orphaned* (gone).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from briefing.note_content import Verification, paragraph_number, verify_passage

SURVIVES = 0.5  # share of an altered passage's characters that must stand unchanged in the newer text
_WORD = re.compile(r"\S+")
_PARAGRAPHS = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True)
class Words:
    """A text cut into words (runs without white space) with their offsets."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    tokens: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> Words:
        found = list(_WORD.finditer(text))
        return cls(
            text, tuple(m.start() for m in found), tuple(m.end() for m in found), tuple(m.group() for m in found)
        )


class TextDiff:
    """A word diff of an older and a newer text, computed once for every passage carried over."""

    def __init__(self, old: str, new: str):
        self.old = Words.of(old)
        self.new = Words.of(new)
        matcher = SequenceMatcher(None, self.old.tokens, self.new.tokens, autojunk=False)
        self.opcodes = matcher.get_opcodes()

    def locate(self, text: str, start: int, end: int) -> Verification:
        """Where the older text's passage ``text`` at ``start``-``end`` stands in the newer text."""
        found = verify_passage(self.new.text, text, start, end)
        if found.state != "altered":
            return found
        return self._nearby(start, end)

    def _nearby(self, start: int, end: int) -> Verification:
        first = next((i for i, e in enumerate(self.old.ends) if e > start), None)
        if first is None or self.old.starts[first] >= end:
            return Verification("orphaned")
        last = max(i for i in range(first, len(self.old.starts)) if self.old.starts[i] < end)
        kept = total = 0
        new_first: int | None = None
        new_last: int | None = None
        for tag, i1, i2, j1, j2 in self.opcodes:
            low, high = max(i1, first), min(i2, last + 1)
            if low >= high:
                continue
            size = sum(self.old.ends[i] - self.old.starts[i] for i in range(low, high))
            total += size
            if tag == "equal":
                kept += size
                begin, stop = j1 + (low - i1), j1 + (high - i1) - 1
            elif tag == "replace" and j2 > j1:
                begin, stop = j1, j2 - 1
            else:  # deleted words leave no place of their own
                continue
            new_first = begin if new_first is None else min(new_first, begin)
            new_last = stop if new_last is None else max(new_last, stop)
        if not total or kept / total < SURVIVES or new_first is None or new_last is None:
            return Verification("orphaned")
        new_start, new_end = self.new.starts[new_first], self.new.ends[new_last]
        # a passage that starts or ends inside an unchanged word does so in the newer text too
        if self._same_word(first, new_first):
            new_start += start - self.old.starts[first]
        if self._same_word(last, new_last):
            new_end -= self.old.ends[last] - end
        if new_end <= new_start:
            return Verification("orphaned")
        return Verification("altered", new_start, new_end, paragraph_number(self.new.text, new_start))

    def _same_word(self, old_index: int, new_index: int) -> bool:
        return any(
            tag == "equal" and i1 <= old_index < i2 and new_index == j1 + old_index - i1
            for tag, i1, i2, j1, _ in self.opcodes
        )


@dataclass(frozen=True)
class ParagraphChange:
    """One paragraph of the comparison: ``same``, ``added``, ``removed`` or ``changed``; a changed
    one carries its words as (kind, text) runs, kind ``same``, ``added`` or ``removed``."""

    kind: str
    old: str | None
    new: str | None
    runs: tuple[tuple[str, str], ...] = ()


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in _PARAGRAPHS.split(text) if p.strip()]


def compare_paragraphs(old: str, new: str) -> list[ParagraphChange]:
    """The two texts' differences paragraph by paragraph, changed words marked within a paragraph."""
    before, after = paragraphs(old), paragraphs(new)
    changes: list[ParagraphChange] = []
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            changes += [ParagraphChange("same", p, p) for p in before[i1:i2]]
        elif tag == "delete":
            changes += [ParagraphChange("removed", p, None) for p in before[i1:i2]]
        elif tag == "insert":
            changes += [ParagraphChange("added", None, p) for p in after[j1:j2]]
        else:
            changes += _paired(before[i1:i2], after[j1:j2])
    return changes


def _paired(before: list[str], after: list[str]) -> list[ParagraphChange]:
    """Replaced paragraphs side by side: a pair alike enough is one changed paragraph."""
    changes: list[ParagraphChange] = []
    j = 0
    for old in before:
        match = next((k for k in range(j, len(after)) if _alike(old, after[k])), None)
        if match is None:
            changes.append(ParagraphChange("removed", old, None))
            continue
        changes += [ParagraphChange("added", None, p) for p in after[j:match]]
        changes.append(ParagraphChange("changed", old, after[match], word_runs(old, after[match])))
        j = match + 1
    changes += [ParagraphChange("added", None, p) for p in after[j:]]
    return changes


def _alike(old: str, new: str) -> bool:
    return SequenceMatcher(None, old.split(), new.split(), autojunk=False).ratio() >= 0.5


def word_runs(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """``old`` turned into ``new`` as runs of same, removed and added words."""
    a, b = old.split(), new.split()
    runs: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            runs.append(("same", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            runs.append(("removed", " ".join(a[i1:i2])))
        if j2 > j1:
            runs.append(("added", " ".join(b[j1:j2])))
    return tuple(runs)


def shares_text(old: str, new: str) -> bool:
    """Whether two texts have a paragraph in common, as it stands or changed in under half its
    words: two pieces under one recurring headline ("Morning briefing") share none."""
    return any(change.kind in ("same", "changed") for change in compare_paragraphs(old, new))


def change_counts(changes: list[ParagraphChange]) -> dict[str, int]:
    counts = {"added": 0, "removed": 0, "changed": 0, "same": 0}
    for change in changes:
        counts[change.kind] += 1
    return counts
