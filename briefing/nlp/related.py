"""Related passages for a claim in other sources: the best passage of each source, best sources first.

Lexical ranking is BM25 over sentences (stemmed words, figures kept as tokens) through an
inverted index, so a claim is compared only with passages that share a word with it. Every word
counts, however common: its weight falls with its spread (BM25's idf) instead of being skipped,
so "apple" still finds the Apple story. A length prior discounts passages of few words, and
passages of fewer than ``MIN_TERMS`` words ("I was stunned.", "1.") and site furniture ("Have
something to add to this story?", share rows) are not indexed at all.

Sources, not sentences, are ranked: each source offers its best sentence, widened to a window of
up to ``WINDOW`` sentences when a neighbour adds claim words, and at most ``TOP_SOURCES`` sources
are suggested; a near-copy of a passage ranked above it (one wire story reprinted) loses half
its score. :func:`rerank` reorders the lexical candidates by sentence
embeddings when a caller has them (``briefing.nlp.embeddings``). Each suggestion carries a
relation from ``briefing.nlp.relation``; nothing is applied on its own.

Postings are built as compact arrays and turned into numpy weight arrays on a term's first use,
so building the index for a large workspace costs little more than reading its sentences.
"""

from __future__ import annotations

import math
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from briefing.ingest.boilerplate import is_boilerplate_line
from briefing.ingest.dates import find_full_dates
from briefing.nlp.relation import ClaimSides
from briefing.nlp.relation import relation as relation
from briefing.origins import Excerpt, near_copies

TOKEN = re.compile(r"[^\W_]+(?:[.,]\d+)*", re.UNICODE)
STOP = frozenset(
    """
a an the and or but of to in on at for from by with as is are was were be been being it its this that these
those he she they we you i his her their our your said says say told has have had will would could should
may might do does did not no than then there here which who whom what when where while after before into
over under about also more most other such only own same so very can just
""".split()
)
K1 = 1.2
B = 0.75
MIN_TERMS = 3  # fewer content words than this: never a passage
FULL_TERMS = 8  # the length prior reaches 1 at this many content words
SOURCE_WEIGHTS = (1.0, 0.3, 0.15)  # a source's score: its best passages' scores, so weighted
WINDOW = 3
TOP_SOURCES = 5
RERANK_CANDIDATES = 10
COPY_DISCOUNT = 0.5  # share of its score a reprint of a passage ranked above it loses
COPIES_READ = 3  # sources read per place at most, while reprints keep places open
# Share of the normalised lexical score in the semantic re-ranking, the rest the cosine. On
# FNC-1's train split (dev part), the first source in the claim's story: 0.953 at 0.5, 0.956
# at 0.25 and 0.42, 0.957 at 0.35, 0.952 at 0.65.
LEXICAL_WEIGHT = 0.35
# The least share of the claim's word weight (idf) a suggested passage must hold. A passage that
# shares only "sales" or "less" with a claim is on another subject, however few sources the
# workspace has. On FNC-1's train split (dev part), related bodies' best passages hold 0.20 or
# more in 99% of pairs (median 0.56); 2 of 4,047 related suggestions fall under 0.15. In a
# workspace of 14 real articles on unrelated stories, 30 of 31 chance suggestions did.
MIN_COVERAGE = 0.15
# The least cosine of a suggested passage's meaning with its claim. Measured on FNC-1's train
# split (250 headlines against the best sentence of their own article, 250 against another
# story's): the same story scored 0.42 or more in 99% of pairs (median 0.70), another story
# under 0.30 in 83% (median 0.19).
MIN_MEANING = 0.30
# furniture of comment boxes and promos that the ingest rules keep because it reads as a sentence
FURNITURE = re.compile(
    r"(have|got) (something|anything) to (add|say)\b.{0,60}|"
    r"(click|tap) here\b.{0,80}|(subscribe|sign up|register) (now|today|here|for free)\b.{0,80}|"
    r"(please )?(share|like|follow|comment on) (this|our|us)\b.{0,60}|"
    r"(we|you) (welcome|value) your (comments?|feedback|tips?)\b.{0,80}|"
    r"(send|email|share) (us )?your (story|tips?|news)\b.{0,80}|"
    r"(this article|this story|this content) (is|was) (more than|over) .{0,40}(old|ago)\.?|"
    r"(join|continue) the (conversation|discussion)\b.{0,60}",
    re.IGNORECASE,
)
FURNITURE_WORDS = 25  # longer sentences are article text, whatever they mention
DATE_LINE_WORDS = 14  # a dateline or a release's heading line is short
SENTENCE_STOP = re.compile(r"[.!?][\"'”’)]*$")


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
    relation: str  # related | supports | contradicts


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


def is_furniture(text: str) -> bool:
    """Site boilerplate that must never be suggested as evidence, nor a line that is only a
    place and a date ("Hollin Bay, 5 March 2026" over a statement): it shares the claim's
    date and says nothing of it."""
    line = " ".join(text.split())
    if len(line.split()) > FURNITURE_WORDS:
        return False
    return FURNITURE.fullmatch(line) is not None or is_boilerplate_line(line) or _date_line(line)


def _date_line(line: str) -> bool:
    """A dateline or a release's heading: a short line with a full date and no sentence's full
    stop ("Hollin Bay, 5 March 2026", "Halden Water Authority – Press update no. 5 – Friday 6
    March 2026, 16:30")."""
    if len(line.split()) > DATE_LINE_WORDS or not any(c.isdigit() for c in line):
        return False  # most passages, at no more cost than this
    return not SENTENCE_STOP.search(line) and bool(find_full_dates(line))


class PassageIndex:
    """Passages of many sources, searchable by claim text; ``passages`` in the order given."""

    def __init__(self, passages: Iterable[Passage]):
        self.passages: list[Passage] = []
        self._postings: dict[str, tuple[array, array]] = defaultdict(lambda: (array("i"), array("H")))
        lengths = array("H")
        seen: set[tuple[int, int, int]] = set()
        for passage in passages:
            found = terms(passage.text)
            key = (passage.source_id, passage.start, passage.end)
            if len(found) < MIN_TERMS or key in seen or is_furniture(passage.text):
                continue
            seen.add(key)
            index = len(self.passages)
            for term, count in Counter(found).items():
                ids, counts = self._postings[term]
                ids.append(index)
                counts.append(min(count, 65535))
            lengths.append(min(len(found), 65535))
            self.passages.append(passage)
        self._postings.default_factory = None
        self.lengths = np.array(lengths, dtype=np.float32)
        self.sources = np.array([p.source_id for p in self.passages], dtype=np.int64)
        average = float(self.lengths.mean()) if len(self.lengths) else 1.0
        self._norm = K1 * (1 - B + B * self.lengths / average)
        self._prior = np.minimum(1.0, self.lengths / FULL_TERMS) ** 0.5
        self._weights: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._source_texts: dict[int, str] = {}
        self._term_sets: dict[int, frozenset[str]] = {}

    def may_relate(self, claim_text: str, words: set[str]) -> bool:
        """Whether passages holding only ``words`` could hold ``MIN_COVERAGE`` of the claim's word
        weight, as a suggestion must (``candidates``)."""
        claim_terms = set(terms(claim_text))
        mass = sum(self._idf(t) for t in claim_terms)
        return mass > 0 and sum(self._idf(t) for t in claim_terms & words) >= MIN_COVERAGE * mass

    def source_text(self, source_id: int) -> str:
        """A source's indexed passages joined in order: the context the relation reads."""
        if not self._source_texts and len(self.passages):
            texts: dict[int, list[str]] = defaultdict(list)
            for passage in self.passages:
                texts[passage.source_id].append(passage.text)
            self._source_texts = {source: "\n".join(parts) for source, parts in texts.items()}
        return self._source_texts.get(source_id, "")

    def _idf(self, term: str) -> float:
        """BM25's idf of a term over the passages; 0 for a term no passage holds."""
        raw = self._postings.get(term)
        if raw is None:
            return 0.0
        count = len(raw[0])
        return math.log(1 + (len(self.passages) - count + 0.5) / (count + 0.5))

    def _posting(self, term: str) -> tuple[np.ndarray, np.ndarray] | None:
        """(passage ids, BM25 weights with the length prior) of a term, computed on first use."""
        if term not in self._weights:
            raw = self._postings.get(term)
            if raw is None:
                return None
            ids = np.frombuffer(raw[0], dtype=np.int32)
            counts = np.frombuffer(raw[1], dtype=np.uint16).astype(np.float32)
            idf = self._idf(term)
            weights = idf * counts * (K1 + 1) / (counts + self._norm[ids]) * self._prior[ids]
            self._weights[term] = (ids, weights.astype(np.float32))
        return self._weights[term]

    def scores(self, claim_text: str) -> np.ndarray:
        """The BM25 score of every passage for the claim (0 where no word is shared)."""
        scores = np.zeros(len(self.passages), dtype=np.float32)
        for term in set(terms(claim_text)):
            found = self._posting(term)
            if found is not None:
                scores[found[0]] += found[1]
        return scores

    def candidates(
        self, claim_text: str, exclude_source: int, top_n: int = TOP_SOURCES, among: Collection[int] | None = None
    ) -> list[tuple[Passage, float]]:
        """The best passage of each of the ``top_n`` best sources, with the source's score, best
        first; only sources in ``among`` when it is given.

        A source scores its best passages weighted by ``SOURCE_WEIGHTS``, so a story that keeps
        returning to the claim's subject outranks one sentence that happens to share its words.
        """
        scores = self.scores(claim_text)
        touched = np.flatnonzero(scores)
        touched = touched[self.sources[touched] != exclude_source]
        if among is not None:
            touched = touched[np.isin(self.sources[touched], np.fromiter(among, dtype=np.int64))]
        if not len(touched):
            return []
        order = touched[np.lexsort((touched, -scores[touched]))]  # best first; the earlier passage on a tie
        grouped = order[np.argsort(self.sources[order], kind="stable")]  # by source, best first within
        sources = self.sources[grouped]
        starts = np.flatnonzero(np.r_[True, sources[1:] != sources[:-1]])
        rank = np.arange(len(grouped)) - np.repeat(starts, np.diff(np.r_[starts, len(grouped)]))
        weights = np.zeros(len(grouped), dtype=np.float32)
        for position, weight in enumerate(SOURCE_WEIGHTS):
            weights[rank == position] = weight
        totals = np.add.reduceat(scores[grouped] * weights, starts)
        best = grouped[starts]
        claim_terms = set(terms(claim_text))
        idf = {term: self._idf(term) for term in claim_terms}
        mass = sum(idf.values()) or 1.0
        found: list[tuple[Passage, float]] = []
        copies = Copies()
        ends = np.r_[starts[1:], len(grouped)]

        def coverage(found: set[str] | frozenset[str]) -> float:
            return sum(idf[t] for t in claim_terms.intersection(found)) / mass

        for i in np.lexsort((best, -totals)):
            shown = self._shown(int(best[i]), grouped[starts[i] : ends[i]], coverage)
            passage, covered = self._widened(shown, claim_terms)
            score = float(totals[i])
            if coverage(covered) >= MIN_COVERAGE and not is_furniture(passage.text[-(passage.end - passage.start) :]):
                found.append((passage, copies.discounted(passage.text, score)))
                if copies.originals == top_n or len(found) >= COPIES_READ * top_n:
                    break  # every later source scores under the last original even undiscounted
        return sorted(found, key=lambda item: -item[1])[:top_n]

    def terms_of(self, index: int) -> frozenset[str]:
        """The terms of a passage, kept once read: ranking a claim reads many sources' passages
        and their neighbours, and the claims of one story read the same ones."""
        found = self._term_sets.get(index)
        if found is None:
            found = self._term_sets[index] = frozenset(terms(self.passages[index].text))
        return found

    def _shown(self, index: int, others: np.ndarray, coverage: Callable[[frozenset[str]], float]) -> int:
        """The passage to show for a source whose best passage is its lead with its title in
        front (``store.passages``): the lead when it holds the claim's words itself, else the
        source's best passage that does ("It was the story that had everyone paralysed with
        fear." proves nothing; the title's words found the source)."""
        passage = self.passages[index]
        own = passage.end - passage.start
        if len(passage.text) == own:
            return index  # a sentence as it stands in the source
        lead = passage.text[-own:]
        if coverage(frozenset(terms(lead))) >= MIN_COVERAGE and not is_furniture(lead):
            return index  # a lead that says it too; not "Hollin Bay, 5 March 2026" under the title
        return next((int(o) for o in others if o != index and coverage(self.terms_of(int(o))) >= MIN_COVERAGE), index)

    def _widened(self, index: int, claim_terms: set[str]) -> tuple[Passage, set[str]]:
        """The passage, joined with a neighbour sentence of its source while that adds claim
        words; with the terms it holds."""
        first = last = index
        held = set(self.terms_of(index))
        covered = claim_terms & held
        while last - first + 1 < WINDOW:
            gains = []
            for neighbour in (first - 1, last + 1):
                if 0 <= neighbour < len(self.passages) and self.sources[neighbour] == self.sources[index]:
                    new = (claim_terms & self.terms_of(neighbour)) - covered
                    gains.append((len(new), -abs(neighbour - index), neighbour, new))
            gains = [g for g in gains if g[0] >= 2]  # one shared word is a coincidence, two are context
            if not gains:
                break
            _, _, neighbour, new = max(gains)
            covered |= new
            held |= self.terms_of(neighbour)
            first, last = min(first, neighbour), max(last, neighbour)
        if first == last:
            return self.passages[index], held
        joined = " ".join(p.text for p in self.passages[first : last + 1])
        head, tail = self.passages[first], self.passages[last]
        return Passage(head.source_id, head.start, tail.end, joined), held

    def related(
        self,
        claim_text: str,
        exclude_source: int,
        top_n: int = TOP_SOURCES,
        among: Collection[int] | None = None,
        known: Mapping[tuple[int, int, int], str] | None = None,
    ) -> list[Suggestion]:
        """Lexical suggestions: one passage per source (of ``among`` when given), at most ``top_n``
        sources, each scored as a share of the best one's score (the first is 1.0), the scale of
        :func:`rerank`'s scores. ``known`` holds relations judged before, by (source id, start, end)."""
        sides = ClaimSides(claim_text)
        found = self.candidates(claim_text, exclude_source, top_n, among)
        top = max((score for _, score in found), default=0.0) or 1.0
        known = known or {}
        suggestions = []
        for passage, score in found:
            relation = known.get((passage.source_id, passage.start, passage.end))
            if relation is None:
                relation = sides.relation(passage.text, self.source_text(passage.source_id))
            suggestions.append(Suggestion(passage, round(score / top, 4), relation))
        return suggestions


class Copies:
    """Near-copies of passages ranked above them (reprinted wire copy: rule 2 of
    ``briefing.origins``) lose ``COPY_DISCOUNT`` of their score, so that one story reprinted by
    several outlets does not fill the places while other sources report the claim too; where
    nothing else comes close, the reprints stay and show how far the story travelled."""

    def __init__(self) -> None:
        self.seen: list[Excerpt] = []

    @property
    def originals(self) -> int:
        return len(self.seen)

    def discounted(self, text: str, score: float) -> float:
        """The score of a passage noted in rank order: lowered when it copies an earlier one."""
        excerpt = Excerpt(text)
        if any(near_copies(excerpt, seen) for seen in self.seen):
            return score * (1.0 - COPY_DISCOUNT)
        self.seen.append(excerpt)
        return score


SuggestionRow = tuple[int, int, int, float, str]  # source id, start, end, score, relation


def related_rows(
    passages: Sequence[tuple[int, int, int, str]],
    claims: Sequence[tuple[int, int, str]],
    changed: Collection[int] | None = None,
    suggested: Mapping[int, Mapping[tuple[int, int, int], str]] | None = None,
) -> list[tuple[int, list[SuggestionRow]]]:
    """Each claim's lexical suggestions over an index of ``passages`` (source id, start, end, text):
    (claim id, rows) for each (claim id, source id, text) of ``claims``, in their order. A module
    function taking plain tuples, so a worker process can run it on its share of the claims.

    With ``changed`` (the sources just analysed), the claims of those sources are ranked against
    every source, and other claims only when the new passages could be suggested for them: a
    passage must hold ``MIN_COVERAGE`` of a claim's word weight, so a claim whose words the new
    sources hardly share keeps its suggestions as they are. Such a claim is ranked among the
    changed sources and those it suggests now (``suggested``: claim id -> (source id, start,
    end) -> relation), since a source it does not suggest scored under them before and still
    does, and a passage it suggests keeps the relation judged then. One file imported into a
    workspace of 15,000 claims ranked them all (163 s); one on a story 4,400 of them share,
    each against every source (41 s)."""
    index = PassageIndex(Passage(*p) for p in passages)
    if changed is None:
        return [(claim_id, _suggestion_rows(index.related(text, source_id))) for claim_id, source_id, text in claims]
    changed, suggested = set(changed), suggested or {}
    new_terms = {t for i, p in enumerate(index.passages) if p.source_id in changed for t in index.terms_of(i)}
    found = []
    for claim_id, source_id, text in claims:
        if source_id in changed:
            found.append((claim_id, _suggestion_rows(index.related(text, source_id))))
        elif index.may_relate(text, new_terms):
            known = {key: relation for key, relation in suggested.get(claim_id, {}).items() if key[0] not in changed}
            among = changed.union(key[0] for key in known)
            found.append((claim_id, _suggestion_rows(index.related(text, source_id, among=among, known=known))))
    return found


def _suggestion_rows(found: list[Suggestion]) -> list[SuggestionRow]:
    return [(s.passage.source_id, s.passage.start, s.passage.end, s.score, s.relation) for s in found]


Embed = Callable[[Sequence[str]], np.ndarray]


def rerank(
    claim_text: str,
    candidates: Sequence[tuple[Passage, float]],
    embed: Embed,
    top_n: int = TOP_SOURCES,
    context: Callable[[int], str] | None = None,
) -> list[Suggestion]:
    """Candidates reordered by a blend of their lexical score and the cosine of sentence embeddings.

    ``embed`` maps texts to unit vectors (``briefing.nlp.embeddings.embed``). Scores stay in
    [0, 1]: the lexical part is divided by the best candidate's. A candidate whose cosine is under
    ``MIN_MEANING`` is on another subject and is left out. ``context`` gives a source's text
    for the relation (``PassageIndex.source_text``); without it the relation reads the passage alone.
    """
    if not candidates:
        return []
    vectors = embed([claim_text, *(p.text for p, _ in candidates)])
    cosines = vectors[1:] @ vectors[0]
    top = max(score for _, score in candidates) or 1.0
    blended = [
        LEXICAL_WEIGHT * score / top + (1 - LEXICAL_WEIGHT) * max(0.0, float(cosine))
        for (_, score), cosine in zip(candidates, cosines, strict=True)
    ]
    close = [i for i, cosine in enumerate(cosines) if cosine >= MIN_MEANING]  # another subject is no suggestion
    order = sorted(close, key=lambda i: (-blended[i], i))[:top_n]  # a reprint's lexical score is discounted
    sides = ClaimSides(claim_text)
    suggestions = []
    for i in order:
        passage = candidates[i][0]
        around = context(passage.source_id) if context else None
        suggestions.append(Suggestion(passage, round(blended[i], 4), sides.relation(passage.text, around)))
    return suggestions
