"""Checkable statements: figures, money, percentages, dates, allegations, findings
and reported actions. Opinions, questions and hedged speculation are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.nlp.parse import ParsedText, trim_range

MONEY = re.compile(r"[$€£¥]\s?\d|\b[A-Z]{3}\s?\d[\d,.]*(?:\s?(?:million|billion|bn|m)\b)?")
DIGIT = re.compile(r"\d")
ALLEGATION_LEMMAS = frozenset("allege accuse blame deny suspect claim charge implicate".split())
ALLEGATION_WORDS = frozenset("reportedly allegedly purportedly".split())
FINDING_LEMMAS = frozenset("find confirm reveal show conclude discover establish identify determine verify".split())
ACTION_LEMMAS = frozenset("""
announce approve arrest charge order launch close suspend restore release sign vote resign fire sue fine
ban lift declare raise cut hire dismiss appoint acquire buy sell agree reject pass award evacuate shut
reopen recall cancel postpone seize detain convict sentence acquit invest expand withdraw deploy
""".split())
HEDGES = frozenset("may might perhaps possibly probably maybe speculate rumour rumor".split())
OPINION_CUES = re.compile(r"(?i)\b(i|we) (think|believe|feel|hope)\b|\bin my view\b|\bshould\b|\bmust\b|\bought to\b")
MIN_TOKENS, MAX_TOKENS = 6, 90


@dataclass(frozen=True)
class Claim:
    start: int
    end: int
    kind: str


def find_claims(parsed: ParsedText) -> list[Claim]:
    claims = []
    for para in parsed.paragraphs:
        for sent in para.doc.sents:
            kind = claim_kind(sent)
            if kind is not None:
                start, end = trim_range(para.text, sent.start_char, sent.end_char)
                claims.append(Claim(para.start + start, para.start + end, kind))
    return claims


def claim_kind(sent) -> str | None:
    """The kind of checkable statement a spaCy sentence makes, or None."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if not MIN_TOKENS <= len(words) <= MAX_TOKENS or sent.text.rstrip().endswith("?"):
        return None
    if _hedged(sent) or OPINION_CUES.search(sent.text):
        return None
    return _kind_by_entities(sent) or _kind_by_verbs(sent)


def _hedged(sent) -> bool:
    for token in sent:
        lower = token.lower_
        if lower in HEDGES:
            return True
        if lower == "could" and token.i + 1 < len(token.doc) and token.nbor(1).lower_ not in ("not", "n't"):
            return True
    return False


def _kind_by_entities(sent) -> str | None:
    labels = {e.label_ for e in sent.ents if DIGIT.search(e.text)}
    if MONEY.search(sent.text) or ("MONEY" in labels and re.search(r"[$€£¥]|\b[A-Z]{3}\b", sent.text)):
        return "money"
    if "PERCENT" in labels or "%" in sent.text or " per cent" in sent.text:
        return "percent"
    if labels & {"CARDINAL", "QUANTITY"}:
        return "figure"
    if labels & {"DATE", "TIME"}:
        return "date"
    return None


def _kind_by_verbs(sent) -> str | None:
    if any(t.lower_ in ALLEGATION_WORDS for t in sent):
        return "allegation"
    for token in sent:
        if token.pos_ != "VERB":
            continue
        if token.lemma_ in ALLEGATION_LEMMAS:
            return "allegation"
        if token.lemma_ in FINDING_LEMMAS and any(c.dep_ in ("ccomp", "dobj") for c in token.children):
            return "finding"
        if token.lemma_ in ACTION_LEMMAS and _has_named_subject(token):
            return "action"
    return None


def _has_named_subject(verb) -> bool:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for s in subjects for t in s.subtree)


