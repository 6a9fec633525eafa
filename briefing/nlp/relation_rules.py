"""The narrow cues that make a passage contradict a claim, bound to the claim's subject: a
source saying one of the claim's names "is a hoax / was fake / is not true", and a figure the
claim rejects ("62,000 households, not the 40,000") stated by the passage for the same noun."""

from __future__ import annotations

import re

from briefing.nlp.relation_text import key, words

SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
NAME = re.compile(r"\b[A-Z][A-Za-z0-9]*(?:['’][a-z]+)?")
# "X is a hoax", "X were false", "X turned out to be fake", "X are not true": the debunking word as X's predicate
SAID_FALSE = re.compile(
    r"\b(?:is|was|are|were|been|be|proved|proven|turned out to be|appears to be|revealed as|exposed as)\s+"
    r"(?:(?:an?|the|just|actually|completely|totally|entirely|elaborate|complete|total|nothing but)\s+)*"
    r"(?:hoax|fake|false|untrue|fabricated|fabrication|bogus|myth|prank|satire|satirical)\b"
    r"|\b(?:is|was|are|were)(?:\s+not|n['’]t)\s+(?:true|real|genuine|accurate|authentic)\b",
    re.IGNORECASE,
)
SUBJECT_REACH = 3  # the claim's name at most this many words before "is a hoax"
# a claim that is not a plain assertion (it doubts, denies, hedges, asks, quotes or attributes) is
# agreed with, not contradicted, by a source calling the story false
NOT_PLAIN = frozenset(
    """
says say said claim claims report reports reported according staged staging truth real really debunk debunks
busted wrong rumored myth why how what who witness eyewitness joke joking nope
""".split()
)
NOT_PLAIN_MARK = re.compile(r"n['’]t\b|[?:\"“”‘]", re.IGNORECASE)
# "62,000 households, not the 40,000 cited by the city": the figure the claim rejects
REJECTED = re.compile(r"\bnot (?:the )?(?:about |approximately |some )?(\d+(?:,\d{3})*(?:\.\d+)?)\b", re.IGNORECASE)
COUNTED = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)\s+([a-z]+)", re.IGNORECASE)
SAME_NOUN = {"home": "household", "house": "household", "households": "household", "homes": "household"}
RULES = ("hoax_of_subject", "rejected_figure")


def noun(word: str) -> str:
    word = word.lower()
    word = SAME_NOUN.get(word, word)
    return SAME_NOUN.get(word[:-1], word[:-1]) if word.endswith("s") and len(word) > 3 else word


def said_false_subjects(text: str) -> frozenset[str]:
    """Keys of the words at most ``SUBJECT_REACH`` words before a debunking predicate, per sentence."""
    keys: set[str] = set()
    for sentence in SENTENCE.split(text):
        for match in SAID_FALSE.finditer(sentence):
            keys.update(key(w) for w in words(sentence[: match.start()])[-SUBJECT_REACH:])
    return frozenset(keys)
