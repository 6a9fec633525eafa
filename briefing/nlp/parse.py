"""Running spaCy paragraph by paragraph, with offsets back into the source text.

Each paragraph is its own spaCy doc, so a headline, caption or dateline never
glues onto the next sentence. Texts stream through ``nlp.pipe`` in batches:
memory follows the batch size, not the corpus.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
DEFAULT_BATCH_SIZE = 64  # paragraphs per spaCy batch; memory stays far under the 500 MB budget
MAX_PARAGRAPH_CHARS = 20_000  # ordinary paragraphs are under 2,000
MAX_BATCH_CHARS = 50_000  # 64 ordinary paragraphs hold about 40,000
# spaCy's tokenizer splits affixes off a token one at a time: a run of 20,000 "(" took 81 s.
# Runs of letters, and punctuation mixed with letters, are fast. No text has 200 punctuation
# marks in a row: a longer run is left out of the analysis (its text stays in the source), the
# paragraph split around it, so the offsets stay those of the source.
MAX_RUN_CHARS = 200
# a line break before a bulleted item ('- ', '• ', '* '); a dash of dialogue or a signature
# ('— Jane Doe') is no bullet, and a numbered line may be a roundup's headline ("2. U.N. PANEL
# RULES FOR WIKILEAKS FOUNDER.", read as the paragraph it is)
# a list's bullet: a mark and a space ('~ Two former college punters died', a digest's items), or
# a hyphen run into a capital ('-Bernie Sanders won 84 percent')
_MARKS = "-•*~+·▪‣◦"  # not a dash: "— Jane Doe" under a quote signs it
BULLET = rf"[ \t]*(?:[{_MARKS}][ \t]+|-(?=[A-Z]))"
LIST_ITEM = re.compile(rf"\n(?={BULLET}\S)")
LIST_MARKER = re.compile(rf"{BULLET}(?=\S)")
BULLET_BEFORE = re.compile(rf"(?:^|\n)[ \t]*(?:[{_MARKS}][ \t]+|-)$")
# a typographic apostrophe inside a word ("D’Souza", "BlazeTV’s"): the parser, trained on straight
# ones, missed "Dinesh D’Souza" and read "BlazeTV’s Glenn Beck" as one organisation; it parses the
# straight one, same length, while the paragraph's text (names, quotes) stays as written
WORD_APOSTROPHE = re.compile(r"(?<=\w)’(?=\w)")
LONG_RUN = re.compile(rf"(?<![^\w\s])[^\w\s]{{{MAX_RUN_CHARS + 1},}}")


@dataclass
class Paragraph:
    start: int  # offset of the paragraph in the source text
    doc: Any  # spacy.tokens.Doc
    text: str  # the doc's text; spaCy's Doc.text joins every token anew on each read

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @cached_property
    def token_starts(self) -> list[int]:
        return [token.idx for token in self.doc]

    def token_from(self, offset: int) -> int | None:
        """The index of the first token starting at or after ``offset`` (None past the end)."""
        i = bisect_left(self.token_starts, offset)
        return i if i < len(self.token_starts) else None


@dataclass
class ParsedText:
    text: str
    paragraphs: list[Paragraph]
    # what the analysis steps read more than once, worked out once (see ``once``)
    _kept: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def once(self, key: str, compute: Callable[[ParsedText], Any]) -> Any:
        """``compute(self)``, worked out on the first call for ``key`` and kept for the next ones."""
        if key not in self._kept:
            self._kept[key] = compute(self)
        return self._kept[key]

    def sentences(self) -> list[tuple[int, int]]:
        spans = []
        for para in self.paragraphs:
            for sent in para.doc.sents:
                start, end = trim_range(para.text, sent.start_char, sent.end_char)
                if end > start:
                    spans.append((para.start + start, para.start + end))
        return spans


def split_paragraphs(text: str) -> list[tuple[int, str]]:
    """(offset, paragraph) pairs; paragraphs are separated by blank lines.

    A paragraph longer than MAX_PARAGRAPH_CHARS (a page without breaks, a 10 MB line) is cut
    after a sentence or at a space: spaCy refuses docs over a million characters and needs
    memory in proportion to one doc's length. Runs of over MAX_RUN_CHARS punctuation
    marks are cut out.
    """
    pieces: list[tuple[int, str]] = []
    position = 0
    for match in PARAGRAPH_BREAK.finditer(text):
        pieces.extend(_bounded(position, text[position : match.start()]))
        position = match.end()
    pieces.extend(_bounded(position, text[position:]))
    return [(offset, para) for offset, para in pieces if para.strip()]


def _bounded(offset: int, para: str) -> Iterator[tuple[int, str]]:
    position = 0
    for run in LONG_RUN.finditer(para):
        yield from _items(offset + position, para[position : run.start()])
        position = run.end()
    yield from _items(offset + position, para[position:])


def _items(offset: int, para: str) -> Iterator[tuple[int, str]]:
    """A bulleted list's items each on their own and without their bullet: the lines '- 8-9 ripe
    pears' and '- 1 lemon' are two pieces, which the parser would read as one sentence running
    over both, the dash taken for a word of it."""
    starts = [0, *(match.end() for match in LIST_ITEM.finditer(para))]
    for start, end in zip(starts, [*(s - 1 for s in starts[1:]), len(para)], strict=True):
        marker = LIST_MARKER.match(para, start, end)
        start = marker.end() if marker else start
        yield from _cut(offset + start, para[start:end])


def after_bullet(text: str, start: int) -> bool:
    """The piece at ``start`` of ``text`` is a bulleted list's item, its bullet left out (``_items``)."""
    return bool(BULLET_BEFORE.search(text, max(0, start - 12), start))


def _cut(offset: int, para: str) -> Iterator[tuple[int, str]]:
    while len(para) > MAX_PARAGRAPH_CHARS:
        window = para[:MAX_PARAGRAPH_CHARS]
        cut = max(window.rfind(". "), window.rfind("\n")) + 1 or window.rfind(" ") + 1 or MAX_PARAGRAPH_CHARS
        yield offset, para[:cut]
        offset, para = offset + cut, para[cut:]
    yield offset, para


def parse_texts(nlp: Any, texts: Iterable[str], batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[ParsedText]:
    """Parse texts in order, yielding each as soon as all its paragraphs are done."""
    queue: deque[list[Any]] = deque()  # [ParsedText, paragraphs still to come]

    def paragraphs() -> Iterator[tuple[str, tuple[int, str]]]:
        for text in texts:
            pieces = split_paragraphs(text)
            queue.append([ParsedText(text, []), len(pieces)])
            for offset, para in pieces:
                yield WORD_APOSTROPHE.sub("'", para), (offset, para)

    for batch in _batches(paragraphs(), batch_size):
        for doc, (offset, para) in nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
            yield from _finished(queue)
            entry = queue[0]
            entry[0].paragraphs.append(Paragraph(offset, doc, para))
            entry[1] -= 1
    yield from _finished(queue)


def _batches(pieces: Iterator[tuple[str, Any]], size: int) -> Iterator[list[tuple[str, Any]]]:
    """``size`` paragraphs at a time, fewer when they hold over ``MAX_BATCH_CHARS``: the parser's
    memory follows the words of a batch (64 paragraphs of 20,000 characters, a page without
    line breaks cut up, peaked at 4 GB)."""
    batch: list[tuple[str, Any]] = []
    chars = 0
    for piece in pieces:
        batch.append(piece)
        chars += len(piece[0])
        if len(batch) >= size or chars >= MAX_BATCH_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _finished(queue: deque[list[Any]]) -> Iterator[ParsedText]:
    while queue and queue[0][1] == 0:
        yield queue.popleft()[0]


def trim_range(text: str, start: int, end: int) -> tuple[int, int]:
    """The range without the white space at its ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
