"""Independent origins: evidence passages that are near-copies of one another share one origin.

Five outlets reprinting one wire story are one voice, so information credibility (Admiralty
1-6) counts origins, not sources. This module decides which excerpts share an origin; it is
pure text work (no Qt, no SQL) so the store can use it when it grades a claim and the exports
and the CLI can show the same numbers.

Two excerpts share an origin when any of these holds (then, by union-find, A~B and B~C put
A, B and C in one origin):

1. They come from the same source: one source repeating itself confirms nothing.
2. Their passages are near-copies: at least half of the word 4-grams ("shingles", over
   case-folded words; CJK characters count as words) of the shorter passage occur in the
   other. Containment of the shorter, not Jaccard, because one outlet quotes a sentence where
   another quotes the paragraph; light edits ("on Tuesday" -> "Tuesday") cost a few shingles
   each and stay above the threshold, while two reporters writing the same fact in their own
   words share almost no 4-grams.
3. Each passage, with the words around it, is reprinted in the other's source: at least half
   of the shingles of excerpt A's context (the passage and up to 40 words either side) occur in
   B's whole text, and the same the other way round. This finds reprints whose evidence is
   another sentence of the same wire copy, and it decides short passages (under 8 words),
   which shingle too coarsely and which independent reports often phrase alike ("Twelve
   people died."): identical short sentences are one origin only when their surroundings are
   copies too.

Why contexts and not whole texts: comparing whole documents ("B contains most of A") would
merge a live blog or a round-up that carries a wire story with a reprint of that story, even
when the evidence taken from the blog is the blog's own reporting. Asking that each excerpt's
neighbourhood be found in the other source, both ways, keeps those apart. When the texts are
unknown (plain strings), short passages fall back to comparing their normalised words.

Errors lean towards one origin (a shared press statement quoted at length is one origin too):
merging two origins costs a claim a grade, splitting one overstates a confirmation, and an
Admiralty 1 ("confirmed by independent sources") must not rest on a reprint.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from functools import cached_property

from briefing.cjk import spaced

SHINGLE_WORDS = 4
SHORT_WORDS = 8  # fewer words than this: too few shingles to measure overlap
CONTEXT_WORDS = 40  # words either side of a passage that travel with it in a reprint
NEAR_COPY = 0.5  # share of the shorter side's shingles found in the other
_CONTEXT_CHARS = CONTEXT_WORDS * 25  # a window of characters wide enough for CONTEXT_WORDS words
_WORD = re.compile(r"\w+", re.UNICODE)


class SourceText:
    """A source's whole text; its shingles are computed once, however many excerpts share it
    (give every excerpt of one source the same ``SourceText``)."""

    def __init__(self, text: str):
        self.text = text

    @cached_property
    def shingles(self) -> frozenset[int]:
        return _shingles(normal_words(self.text))


class HeadedText(SourceText):
    """A title over the start of its story: where a title claim's passage stands, with the
    words that follow it in a reprint. Only the story's first window of characters is kept, and
    its whole-text shingles are the story's own, shared rather than copied: a workspace's
    export reads every title claim's story at once."""

    def __init__(self, title: str, story: SourceText):
        super().__init__(f"{title}\n\n{story.text[:_CONTEXT_CHARS]}")
        self.story = story

    @cached_property
    def shingles(self) -> frozenset[int]:
        return self.story.shingles


@dataclass(frozen=True)
class Excerpt:
    """A passage, and what is known of where it stands: its source (any key; the same key
    means the same source), that source's whole text and the passage's offset in it."""

    passage: str
    source: Hashable | None = None
    document: SourceText | str = ""
    start: int | None = None

    @cached_property
    def text(self) -> SourceText:
        return self.document if isinstance(self.document, SourceText) else SourceText(self.document)

    @cached_property
    def words(self) -> tuple[str, ...]:
        return normal_words(self.passage)

    @cached_property
    def shingles(self) -> frozenset[int]:
        return _shingles(self.words)

    @cached_property
    def context(self) -> frozenset[int]:
        """Shingles of the passage with the words around it (empty when the text is unknown)."""
        document = self.text.text
        if not document:
            return frozenset()
        start = self.start if self.start is not None else document.find(self.passage)
        if start < 0:
            return frozenset()
        end = start + len(self.passage)
        # a window of characters wide enough for the words, so a long text is not read whole
        before = normal_words(document[max(0, start - _CONTEXT_CHARS) : start])[-CONTEXT_WORDS:]
        after = normal_words(document[end : end + _CONTEXT_CHARS])[:CONTEXT_WORDS]
        return _shingles(before + self.words + after)


def normal_words(text: str) -> tuple[str, ...]:
    """Words compared across outlets: NFKC, case-folded, punctuation dropped, CJK per character."""
    return tuple(_WORD.findall(spaced(unicodedata.normalize("NFKC", text).casefold())))


def group_origins(excerpts: Sequence[str | Excerpt]) -> list[int]:
    """An origin number per excerpt, 1 for the first excerpt's origin, numbered in order of
    first appearance; excerpts with the same number are near-copies (see the module's rules)."""
    items = [_excerpt(e) for e in excerpts]
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(items)):
        for j in range(i):
            if root(i) != root(j) and same_origin(items[i], items[j]):
                parent[root(i)] = root(j)
    return _numbered([root(i) for i in range(len(items))])


def extend_origins(known: Sequence[str | Excerpt], groups: Sequence[int], new: Sequence[str | Excerpt]) -> list[int]:
    """Origin numbers for ``new`` excerpts (suggestions) in the numbering of ``known`` ones
    (evidence, numbered by ``group_origins``): the origin of the first known excerpt each one
    copies, else a new number shared with the earlier new excerpts it copies. Known origins are
    never merged through a new excerpt, so a suggestion cannot change a claim's grade."""
    known_items = [_excerpt(e) for e in known]
    placed: list[tuple[Excerpt, int]] = list(zip(known_items, groups, strict=True))
    next_number = max(groups, default=0) + 1
    result = []
    for excerpt in map(_excerpt, new):
        number = next((n for other, n in placed if same_origin(excerpt, other)), None)
        if number is None:
            number, next_number = next_number, next_number + 1
        placed.append((excerpt, number))
        result.append(number)
    return result


def same_origin(a: Excerpt, b: Excerpt) -> bool:
    """Whether two excerpts are one origin by rule 1, 2 or 3 of the module docstring."""
    if a.source is not None and a.source == b.source:
        return True
    if near_copies(a, b):
        return True
    if a.context and b.context:
        return _contained(a.context, b.text.shingles, smaller_only=False) and _contained(
            b.context, a.text.shingles, smaller_only=False
        )
    return bool(a.words) and a.words == b.words  # short passages whose texts are unknown


def near_copies(a: Excerpt, b: Excerpt) -> bool:
    """Rule 2: two passages long enough to measure, one mostly found in the other."""
    return len(a.words) >= SHORT_WORDS and len(b.words) >= SHORT_WORDS and _contained(a.shingles, b.shingles)


OWN_STORY = 0  # the origin number of evidence copied from the claim's own story: no independent origin


def describe_origins(sources: int, origins: int, own: int = 0) -> str:
    """'3 sources, 1 origin': what a reader sees next to a claim's evidence; ``own`` of the
    sources copy the claim's own story and are no origin of their own."""
    said = f"{sources} source{'s' if sources != 1 else ''}, {origins} origin{'s' if origins != 1 else ''}"
    if own:
        said += f" ({own} {'copies' if own == 1 else 'copy'} the claim's own story)"
    return said


def origin_name(number: int) -> str:
    """'origin 2', or what origin 0 is: the claim's own story."""
    return "the claim's own story" if number == OWN_STORY else f"origin {number}"


def origins_apart_from(own: Excerpt, excerpts: Sequence[str | Excerpt]) -> list[int]:
    """``group_origins`` with the claim's own passage (``own``) among them: an excerpt that
    copies the claim's own story (a reprint of its wire copy) is ``OWN_STORY``, not an origin of
    its own; the others are numbered from 1 in order of first appearance."""
    numbers = group_origins([own, *excerpts])
    mine, renumbered = numbers[0], dict[int, int]()
    return [OWN_STORY if n == mine else renumbered.setdefault(n, len(renumbered) + 1) for n in numbers[1:]]


def _excerpt(value: str | Excerpt) -> Excerpt:
    return value if isinstance(value, Excerpt) else Excerpt(value)


def _shingles(words: Sequence[str]) -> frozenset[int]:
    if len(words) < SHINGLE_WORDS:
        return frozenset([hash(" ".join(words))]) if words else frozenset()
    return frozenset(hash(" ".join(words[i : i + SHINGLE_WORDS])) for i in range(len(words) - SHINGLE_WORDS + 1))


def _contained(a: frozenset[int], b: frozenset[int], smaller_only: bool = True) -> bool:
    """At least ``NEAR_COPY`` of the smaller set (or of ``a``) is in the other."""
    part = min(a, b, key=len) if smaller_only else a
    whole = b if part is a else a
    return bool(part) and len(part & whole) >= NEAR_COPY * len(part)


def _numbered(roots: list[int]) -> list[int]:
    numbers: dict[int, int] = {}
    return [numbers.setdefault(r, len(numbers) + 1) for r in roots]
