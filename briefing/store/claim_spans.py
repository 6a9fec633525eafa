"""Where a claim sits: a selection snapped to whole words, checked against its source, and a
passage or the headline found in a source's text or title (``part``)."""

from __future__ import annotations

import re

from briefing.domain import BriefingError
from briefing.store.revisions import missing
from briefing.store.sources import check_range, get_source_text
from briefing.store.workspace import Workspace

MAX_CLAIM_CHARS = 2000
MIN_CLAIM_WORDS = 2  # "Turnout fell." is a claim; "the" or "have" is a slip of the mouse
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_WORD = re.compile(r"\w", re.UNICODE)
_WORD_JOINERS = frozenset(".,'’-")


def _in_word(text: str, index: int) -> bool:
    """A letter or digit, or a mark inside a word or number ("40,000", "3.5", "don't", "co-op")."""
    if _WORD.match(text[index]):
        return True
    inside = 0 < index < len(text) - 1 and _WORD.match(text[index - 1]) and _WORD.match(text[index + 1])
    return bool(inside) and text[index] in _WORD_JOINERS


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``start``-``end`` to whole words, then trim the spaces at either end.

    A selection made by dragging often starts or ends inside a word; a claim is whole words.
    """
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    if start > end:
        start, end = end, start
    while 0 < start < len(text) and _in_word(text, start - 1) and _in_word(text, start):
        start -= 1
    while 0 < end < len(text) and _in_word(text, end - 1) and _in_word(text, end):
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def checked_span(text: str, start: int, end: int, source_id: int) -> tuple[int, int]:
    check_range(text, start, end, source_id)
    start, end = snap_to_words(text, start, end)
    if not any(_WORD.match(c) for c in text[start:end]):
        raise BriefingError("a claim needs words: the selection has none")
    words = re.findall(r"\w+", text[start:end])
    if len(words) < MIN_CLAIM_WORDS:
        raise BriefingError(f"a claim is a statement of at least {MIN_CLAIM_WORDS} words, not {text[start:end]!r}")
    if PARAGRAPH_BREAK.search(text, start, end):
        raise BriefingError("a claim stays within one paragraph: select one statement")
    if end - start > MAX_CLAIM_CHARS:
        raise BriefingError(f"a claim is at most {MAX_CLAIM_CHARS:,} characters; select one statement")
    return start, end


def part_text(ws: Workspace, source_id: int, part: str = "text") -> str:
    """The words a claim's range counts in: the source's text, or its title."""
    if part == "text":
        return get_source_text(ws, source_id)
    if part != "title":
        raise BriefingError(f"part: must be text or title, not {part!r}")
    row = ws.db.execute("SELECT title FROM sources WHERE id = ?", [source_id]).fetchone()
    if row is None:
        raise missing(ws, "source", source_id)
    if not (row[0] or "").strip():
        raise BriefingError(f"source {source_id} has no title")
    return row[0]


def find_passage(ws: Workspace, source_id: int, passage: str, near: int = 0, part: str = "text") -> tuple[int, int]:
    """The range of ``passage`` in a source's text or title (the occurrence nearest ``near``),
    spaces and line breaks compared loosely; an error names the source when it is not there."""
    words = passage.split()
    if not words:
        raise BriefingError("text: empty passage")
    text = part_text(ws, source_id, part)
    found = [(m.start(), m.end()) for m in _loosely(words[:400]).finditer(text)]
    if not found:
        raise BriefingError(f"text: not found word for word in source {source_id}")
    return min(found, key=lambda span: abs(span[0] - near))


# typed marks and the typographic ones a page prints: "Thomas's" finds "Thomas’s"
_SAME_MARKS = ("'‘’‛′`", '"“”„‟″«»', "-‐‑‒–—")
_MARK_CLASS = {mark: "[" + re.escape(marks) + "]" for marks in _SAME_MARKS for mark in marks}


def _loosely(words: list[str]) -> re.Pattern[str]:
    """The words in order with any run of spaces or line breaks between them, a straight quote
    mark or hyphen matching its typographic forms."""
    return re.compile(r"\s+".join("".join(_MARK_CLASS.get(c) or re.escape(c) for c in w) for w in words))


def title_span(ws: Workspace, source_id: int) -> tuple[str, int, int]:
    """(part, start, end) of the source's headline as a claim: where it opens the text when it
    does (a pasted page), else the whole title, which importers keep apart from the text."""
    title = part_text(ws, source_id, "title")
    opening = get_source_text(ws, source_id)[: len(title) + 500]
    found = _loosely(title.split()).search(opening)
    if found:
        return "text", found.start(), found.end()
    start, end = snap_to_words(title, 0, len(title))
    return "title", start, end
