"""A short extractive summary: central sentences, with a lead bonus, in order.

No captions, headlines, headline duplicates, bare quotes, links, table rows or boilerplate lines.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from briefing.nlp.claim_junk import is_junk
from briefing.nlp.parse import ParsedText

SUMMARY_SENTENCES = 3
MIN_WORDS, MAX_WORDS = 8, 60
REDUNDANT = 0.5
LEAD_WEIGHT = 0.35
BOILERPLATE = re.compile(
    r"(?i)^(photo|image|file photo|credit|editing by|reporting by|copyright|©|read more|sign up)\b"
)
QUOTE_MARKS = '“”"«»‘’'


def summarise(parsed: ParsedText, title: str | None = None) -> str:
    candidates = _candidates(parsed)
    if not candidates:
        return ""
    vectors = [_vector(tokens) for _, _, tokens in candidates]
    document: Counter = Counter()
    for vector in vectors:
        document.update(vector)
    document_square = sum(v * v for v in document.values())
    title_vector = _vector_from_text(title or "")
    scored = []
    for rank, ((start, end, _), vector) in enumerate(zip(candidates, vectors, strict=True)):
        if title and _cosine(vector, title_vector) > 0.8:
            continue  # the headline again, as a first paragraph
        centrality = _cosine_to_rest(vector, document, document_square)
        lead = 1.0 / (1.0 + rank / 2.0)
        scored.append(((1 - LEAD_WEIGHT) * centrality + LEAD_WEIGHT * lead, start, end, vector))
    chosen = _pick(sorted(scored, key=lambda s: -s[0]))
    return " ".join(parsed.text[start:end] for start, end in sorted(chosen))


def _candidates(parsed: ParsedText) -> list[tuple[int, int, list[str]]]:
    found = []
    for para in parsed.paragraphs:
        sentences = list(para.doc.sents)
        if len(sentences) == 1 and not sentences[0].text.rstrip().endswith((".", "!", "”", '"')):
            continue  # a caption, subheading or headline: no closing punctuation
        for sent in sentences:
            text = sent.text.strip()
            words = [t for t in sent if t.is_alpha]
            if not MIN_WORDS <= len(words) <= MAX_WORDS or BOILERPLATE.match(text) or _mostly_quote(text):
                continue
            if is_junk(text):  # a link, a promo, a table's row, a byline: furniture, as for claims
                continue
            if not text.endswith((".", "!", "”", '"', "’", ")")):
                continue  # a header or dateline line, not a sentence
            tokens = [t.lemma_.lower() for t in words if not t.is_stop]
            start = para.start + sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
            found.append((start, start + len(text), tokens))
    return found


def _mostly_quote(text: str) -> bool:
    """A bare quotation, or a piece of one cut off by the sentence splitter."""
    opening = sum(text.count(c) for c in "“«")
    closing = sum(text.count(c) for c in "”»")
    if opening != closing or text.count('"') % 2:
        return True
    return text[:1] in QUOTE_MARKS and sum(c in QUOTE_MARKS for c in text) >= 2 and len(text) < 400


def _pick(scored) -> list[tuple[int, int]]:
    chosen: list[tuple[int, int]] = []
    vectors: list[Counter] = []
    for _, start, end, vector in scored:
        if any(_cosine(vector, v) > REDUNDANT for v in vectors):
            continue
        chosen.append((start, end))
        vectors.append(vector)
        if len(chosen) == SUMMARY_SENTENCES:
            break
    return chosen


def _vector(tokens: list[str]) -> Counter:
    return Counter(tokens)


def _vector_from_text(text: str) -> Counter:
    return Counter(w.lower() for w in re.findall(r"[A-Za-z]{3,}", text))


def _cosine_to_rest(vector: Counter, document: Counter, document_square: int) -> float:
    """``_cosine(vector, document - vector)`` without building the difference: the document
    is the sum of all vectors, so every count of the rest is the document's minus the vector's."""
    dot_document = sum(value * document[key] for key, value in vector.items())
    square = sum(v * v for v in vector.values())
    rest_square = document_square - 2 * dot_document + square
    if not square or rest_square <= 0:
        return 0.0
    return (dot_document - square) / (math.sqrt(square) * math.sqrt(rest_square))


def _cosine(a: Counter, b: Counter) -> float:
    if not a or not b:
        return 0.0
    dot = sum(value * b.get(key, 0) for key, value in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0
