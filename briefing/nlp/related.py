"""Related passages for a claim in other sources, with a suggested relation.

A dependency-free TF-IDF ranker over sentences (stemmed words, digits kept as
tokens) through an inverted index, so a claim is compared only with passages
that share a word with it. The relation is a suggestion for the analyst: a
passage on the same subject with different figures or the opposite polarity
"contradicts", otherwise it "supports". Nothing is applied on its own.

Postings are numpy arrays (numpy comes with spaCy), so scoring a claim is a few
array operations per query term rather than a Python loop over every posting.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

TOKEN = re.compile(r"[^\W_]+(?:[.,]\d+)*", re.UNICODE)
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
NEGATIONS = frozenset("no not never none nothing denied denies deny without n't".split())
STOP = frozenset("""
a an the and or but of to in on at for from by with as is are was were be been being it its this that these
those he she they we you i his her their our your said says say told has have had will would could should
may might do does did not no than then there here which who whom what when where while after before into
over under about also more most other such only own same so very can just
""".split())
MIN_SCORE = 0.1
COMMON_SHARE = 0.05  # terms in more than this share of passages are not looked up
COMMON_FLOOR = 200
TOP_N = 5


@dataclass(frozen=True)
class Passage:
    source_id: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Suggestion:
    passage: Passage
    score: float
    relation: str  # supports | contradicts


def terms(text: str) -> list[str]:
    words = [w.lower() for w in TOKEN.findall(text)]
    return [_stem(w) for w in words if w not in STOP and (len(w) > 2 or w.isdigit())]


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    if word[0].isdigit():
        return word.replace(",", "")
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


class PassageIndex:
    """Passages of many sources, searchable by claim text."""

    def __init__(self, passages: Iterable[Passage]):
        self.passages: list[Passage] = []
        postings: dict[str, list[int]] = defaultdict(list)
        counts = []
        for passage in passages:
            counted = Counter(terms(passage.text))
            if counted:
                for term in counted:
                    postings[term].append(len(self.passages))
                self.passages.append(passage)
                counts.append(counted)
        total = max(1, len(self.passages))
        self.idf = {t: math.log(1 + total / len(ids)) for t, ids in postings.items()}
        weights: dict[str, list[float]] = defaultdict(list)
        for counted in counts:  # passages in index order, so each term's weights follow its ids
            for term, weight in self._weigh(counted).items():
                weights[term].append(weight)
        self.postings = {t: (np.array(ids, dtype=np.int64), np.array(weights[t])) for t, ids in postings.items()}
        self.sources = np.array([p.source_id for p in self.passages], dtype=np.int64)

    def _weigh(self, counted: Counter) -> dict[str, float]:
        weights = {t: (1 + math.log(n)) * self.idf.get(t, math.log(1 + len(self.passages))) for t, n in counted.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {t: w / norm for t, w in weights.items()}

    def related(self, claim_text: str, exclude_source: int, top_n: int = TOP_N) -> list[Suggestion]:
        query = self._weigh(Counter(terms(claim_text)))
        common = max(COMMON_FLOOR, int(len(self.passages) * COMMON_SHARE))
        ids, parts = [], []
        for term, weight in query.items():
            found = self.postings.get(term)
            if found is None or len(found[0]) > common:
                continue  # a word in most passages cannot tell them apart; skip its long list
            ids.append(found[0])
            parts.append(found[1] * weight)
        if not ids:
            return []
        touched, slots = np.unique(np.concatenate(ids), return_inverse=True)
        scores = np.bincount(slots, weights=np.concatenate(parts))
        keep = (scores >= MIN_SCORE) & (self.sources[touched] != exclude_source)
        touched, scores = touched[keep], scores[keep]
        best = np.lexsort((touched, -scores))[:top_n]  # best score first; the earlier passage on a tie
        claim = _Sides(claim_text)
        return [
            Suggestion(self.passages[int(i)], round(float(v), 4), claim.relation(self.passages[int(i)].text))
            for i, v in zip(touched[best], scores[best], strict=True)
        ]


def relation(claim: str, passage: str) -> str:
    """'contradicts' when the figures differ or one side negates; else 'supports'."""
    return _Sides(claim).relation(passage)


class _Sides:
    """A claim's figures and polarity, read once for all its candidate passages."""

    def __init__(self, claim: str):
        self.numbers = _numbers(claim)
        self.negated = _negated(claim)

    def relation(self, passage: str) -> str:
        passage_numbers = _numbers(passage)
        if self.numbers and passage_numbers and not self.numbers & passage_numbers:
            return "contradicts"
        if self.negated != _negated(passage):
            return "contradicts"
        return "supports"


SCALED = re.compile(r"(\d+(?:[.,]\d+)?)\s*(k|thousand|m|million|bn|billion)\b", re.IGNORECASE)
SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
NEGATION_PHRASES = re.compile(
    r"(?i)\b(ruled out|turned down|rejected|dismissed|refused|no longer|not yet|denied|deny|denies)\b"
)


def _numbers(text: str) -> set[str]:
    """Figures as plain numbers ('62k', '62,000' and '62 thousand' agree); four-digit years and
    small counts say little about agreement, big figures do."""
    found = set()
    for match in SCALED.finditer(text):
        value = float(match.group(1).replace(",", "")) * SCALES[match.group(2).lower()]
        found.add(f"{value:g}")
    rest = SCALED.sub(" ", text)
    for number in NUMBER.findall(rest):
        plain = number.replace(",", "")
        if len(plain) >= 2 and not _year(number):
            try:
                found.add(f"{float(plain):g}")
            except ValueError:
                continue
    return found


def _year(number: str) -> bool:
    return len(number) == 4 and number.isdigit() and 1900 <= int(number) <= 2100


def _negated(text: str) -> bool:
    words = set(re.findall(r"[a-z']+", text.lower()))
    return bool(words & NEGATIONS) or NEGATION_PHRASES.search(text) is not None
