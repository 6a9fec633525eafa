"""Quote variants: the same speaker's words reported differently by two sources.

Two quotes of one speaker from different sources are variants when most of their words match
in order but they are not the same quotation after case, quotation marks, punctuation and
spaces are set aside. The differences are named: a number changed, a negation ("not", "n't",
"never", "no") added or dropped, words cut from the middle, other words changed. A quote that
is only a shorter excerpt of the other (trimmed at its ends) is not a variant: quoting part of
a sentence is fair reporting.

Comparing every pair of a speaker's quotes is quadratic, so pairs are only compared when one
quote holds two of the other's four rarest words (among that speaker's quotes; a word in more
than one quote in twenty is never rare): a variant keeps most of its words, and the rarest are
the ones that tell a quotation apart. Imports nothing of the
project, so the store can compute variants on read.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property, lru_cache
from itertools import chain, combinations

TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:['’]\w+)*")
NEGATIONS = frozenset({"not", "no", "never", "nobody", "nothing", "none", "neither", "nor", "cannot"})
NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
    "million billion half dozen".split()
)
MIN_SHARED_WORDS = 4  # fewer matching words than this is a coincidence, not one quotation
MIN_SHARE_OF_SHORTER = 0.75  # of the shorter quote's compared words, this share must match
MIN_RATIO = 0.5  # difflib's ratio over the compared words of both
MIN_SHARE_OF_QUOTE = 0.5  # and half of the shorter quote's words match: a real overlap, not a joint
RARE_WORDS = 4  # each quote is compared with the quotes holding two of its four rarest words
RARE_HITS = 2
COMMON_SHARE = 0.05  # a word in more than this share of the speaker's quotes (and over 50) is not rare
CACHED_QUOTES = 50_000  # tokenised quote texts kept between calls (a few tens of MB at most)
CACHED_SPEAKERS = 32  # the variants of this many speakers' (or sources') quotes kept between calls
KIND_LABELS = {
    "number": "a number changed",
    "negation": "a negation added or dropped",
    "cut": "words cut",
    "changed": "words changed",
}


@dataclass(frozen=True)
class QuoteText:
    id: int
    source_id: int
    text: str


@dataclass(frozen=True)
class Variant:
    """Two quotes (``first`` < ``second`` by id), the kinds of difference and, for each quote,
    the character ranges of its words that differ from the other's."""

    first: int
    second: int
    kinds: tuple[str, ...]  # of KIND_LABELS, in that order
    first_spans: tuple[tuple[int, int], ...]
    second_spans: tuple[tuple[int, int], ...]

    def describe(self) -> str:
        return ", ".join(KIND_LABELS[k] for k in self.kinds)

    def other(self, quote_id: int) -> int:
        return self.second if quote_id == self.first else self.first

    def spans_of(self, quote_id: int) -> tuple[tuple[int, int], ...]:
        return self.first_spans if quote_id == self.first else self.second_spans


@dataclass(frozen=True)
class _Words:
    quote: QuoteText
    words: tuple[str, ...]

    @cached_property
    def counts(self) -> Counter[str]:
        return Counter(self.words)

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        return tuple(m.span() for m in TOKEN.finditer(self.quote.text))


def words_of(text: str) -> tuple[str, ...]:
    """The quote's words, lower-cased with curly apostrophes made straight."""
    return _words_and_vocabulary(text)[0]


@lru_cache(maxsize=CACHED_QUOTES)
def _words_and_vocabulary(text: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """Kept between calls: a speaker's quotes are read again each time one of their sources
    or their entity page is shown, and tokenising thousands of quotes was half the time."""
    words = tuple(TOKEN.findall(text.lower().replace("’", "'")))
    return words, frozenset(words)


def find_variants(quotes: Iterable[QuoteText], among: Iterable[int] | None = None) -> list[Variant]:
    """Variant pairs among one speaker's ``quotes``; with ``among``, only pairs that include
    one of those quote ids (a source's quotes against all the speaker's quotes)."""
    return list(_variants_of(tuple(quotes), None if among is None else frozenset(among)))


@lru_cache(maxsize=CACHED_SPEAKERS)
def _variants_of(quotes: tuple[QuoteText, ...], wanted: frozenset[int] | None) -> tuple[Variant, ...]:
    """Kept between calls, keyed by the quotes themselves (id, source and words): each edit
    the analyst makes redraws the open source and entity page, and a rename or a grade changes
    no quote, while comparing a speaker's 300 quotes again held the window 70 ms."""
    return tuple(_find_variants(quotes, wanted))


def _find_variants(quotes: tuple[QuoteText, ...], wanted: frozenset[int] | None) -> list[Variant]:
    analysed = [(q, _words_and_vocabulary(q.text)) for q in quotes]
    items = [_Words(q, words) for q, (words, _) in analysed]
    vocabularies = [vocabulary for _, (_, vocabulary) in analysed]
    asking = [i for i, item in enumerate(items) if wanted is None or item.quote.id in wanted]
    frequency = Counter(chain.from_iterable(vocabularies))
    limit = max(50, COMMON_SHARE * len(items))
    rare = {word for word, count in frequency.items() if count <= limit}
    if wanted is not None:  # only the words the asking quotes can be found by
        rare &= frozenset().union(*(vocabularies[i] for i in asking))
    postings: dict[str, set[int]] = defaultdict(set)
    for i, vocabulary in enumerate(vocabularies):
        for word in vocabulary & rare:
            postings[word].add(i)
    pairs = {tuple(sorted((i, j))) for i in asking for j in _candidates(i, items, vocabularies, postings, frequency)}
    if wanted is not None:  # and the others that would find an asking quote: the same pairs as without among
        pairs |= _found_by_others(asking, items, vocabularies, postings, frequency, limit)
    found = [v for i, j in pairs if (v := compare(*sorted((items[i], items[j]), key=lambda w: w.quote.id)))]
    return sorted(found, key=lambda v: (v.first, v.second))


def _found_by_others(
    asking: list[int],
    items: list[_Words],
    vocabularies: list[frozenset[str]],
    postings: dict[str, set[int]],
    frequency: Counter[str],
    limit: float,
) -> set[tuple[int, int]]:
    """Pairs an other quote makes with an asking one by its own rarest words. Its rarest words
    are rare, so it shares one with an asking quote only if ``postings`` (the asking quotes'
    rare words) lists it: the others no posting lists cannot pair, and are not looked at."""
    pairs: set[tuple[int, int]] = set()
    asked = set(asking)
    for j in sorted(set().union(*postings.values()) - asked):
        vocabulary = vocabularies[j]
        rarest = set(
            sorted((w for w in vocabulary if frequency[w] <= limit), key=lambda w: (frequency[w], w))[:RARE_WORDS]
        )
        enough = min(RARE_HITS, len(rarest))
        for i in asking:
            if (
                enough
                and len(rarest & vocabularies[i]) >= enough
                and items[i].quote.source_id != items[j].quote.source_id
                and len(vocabulary & vocabularies[i]) >= MIN_SHARED_WORDS
            ):
                pairs.add((min(i, j), max(i, j)))
    return pairs


def _candidates(
    index: int,
    items: list[_Words],
    vocabularies: list[frozenset[str]],
    postings: dict[str, set[int]],
    frequency: Counter[str],
) -> set[int]:
    """The quotes holding two of this one's rarest words (its only rare word, if it has one)."""
    mine, source_id = vocabularies[index], items[index].quote.source_id
    rarest = sorted(mine & postings.keys(), key=lambda w: (frequency[w], w))[:RARE_WORDS]
    near: set[int] = set()
    if len(rarest) == 1:
        near = postings[rarest[0]]
    for first, second in combinations(rarest, RARE_HITS):
        near |= postings[first] & postings[second]
    return {
        j
        for j in near
        if j != index and items[j].quote.source_id != source_id and len(mine & vocabularies[j]) >= MIN_SHARED_WORDS
    }


def compare(a: _Words, b: _Words) -> Variant | None:
    """The variant the two quotes make, or None (the same quotation, an excerpt, or unrelated)."""
    if a.words == b.words or not _may_match(a, b):
        return None
    ops = SequenceMatcher(None, a.words, b.words, autojunk=False).get_opcodes()
    while ops and ops[0][0] in ("insert", "delete"):  # one starts later: an excerpt, not a change
        ops.pop(0)
    while ops and ops[-1][0] in ("insert", "delete"):
        ops.pop()
    if not ops:
        return None
    matched = sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal")
    length_a, length_b = ops[-1][2] - ops[0][1], ops[-1][4] - ops[0][3]
    if (
        matched < _least_match(a.words, b.words)
        or matched < MIN_SHARE_OF_SHORTER * min(length_a, length_b)
        or 2 * matched < MIN_RATIO * (length_a + length_b)
    ):
        return None
    kinds: set[str] = set()
    spans_a: list[tuple[int, int]] = []
    spans_b: list[tuple[int, int]] = []
    all_a, all_b = a.spans, b.spans
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        kinds.add(_kind(tag, a.words[i1:i2], b.words[j1:j2]))
        spans_a.extend(all_a[i1:i2])
        spans_b.extend(all_b[j1:j2])
    if not kinds:
        return None
    ordered = tuple(k for k in KIND_LABELS if k in kinds)
    return Variant(a.quote.id, b.quote.id, ordered, tuple(spans_a), tuple(spans_b))


def _least_match(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    return max(MIN_SHARED_WORDS, MIN_SHARE_OF_QUOTE * min(len(a), len(b)))


def _may_match(a: _Words, b: _Words) -> bool:
    """No more words can match in order than the two share, counted with repeats: a cheap bound."""
    shared = sum((a.counts & b.counts).values())
    return shared >= _least_match(a.words, b.words)


def _kind(tag: str, left: tuple[str, ...], right: tuple[str, ...]) -> str:
    if _negations(left) != _negations(right):
        return "negation"
    if tag == "replace" and any(map(_is_number, left)) and any(map(_is_number, right)):
        return "number"
    if tag in ("insert", "delete"):
        return "cut"
    return "changed"


def _negations(words: tuple[str, ...]) -> int:
    return sum(1 for w in words if w in NEGATIONS or w.endswith("n't"))


def _is_number(word: str) -> bool:
    return word[0].isdigit() or word in NUMBER_WORDS
