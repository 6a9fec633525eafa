"""What a speaker's description tells of who it is, when no one in the text holds its role.

'the Vermont senator', 'The former first lady and U.S. senator': news describes the one it
is about rather than naming them again, so such words are taken up as a pronoun is (see
``quote_speakers``), by the topic, never merely by the last person named ('hatred of
Clinton', 'the raid that killed Osama bin Laden'). What this module reads is the pronoun they
would take and who they cannot be.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from briefing.nlp.entities import Cluster
from briefing.nlp.lexicon import ROLE_NOUNS
from briefing.nlp.marks import pair_marks
from briefing.nlp.quote_gender import FEMALE_ROLES, MALE_ROLES
from briefing.nlp.quote_topics import Subjects

FEMALE_DESCRIPTIONS = FEMALE_ROLES | frozenset("lady woman actress widow queen princess".split())
MALE_DESCRIPTIONS = MALE_ROLES | frozenset("man widower king prince".split())
# words that describe someone as a role does ('the first lady', 'the New York businessman');
# not 'the man' or 'the woman', who are mostly no one the text names
DESCRIBING_WORDS = frozenset(
    "lady congresswoman congressman businesswoman businessman actress widow widower queen king princess prince".split()
)
# the head of a subject that describes someone already named ('The Republican vice presidential
# nominee was speaking Friday'): the topic goes on through it
DESCRIBED_HEADS = (
    ROLE_NOUNS
    | DESCRIBING_WORDS
    | frozenset("nominee candidate frontrunner front-runner billionaire incumbent".split())
)
THE_BEFORE = re.compile(r"\b[Tt]he\s+(?:[\w.’'-]+\s+){0,5}$")  # 'The Indiana ' before 'governor'
# the words between 'a' and a role: 'a senior Obama administration official', not 'a meeting with the official'
ATTRIBUTES = r"(?:(?!(?:the|of|with|to|and|for|at|in|on|by)\b)[\w-]+\s+){0,4}"
ANYONE = "someone"  # the pronoun of a description of no known sex: it agrees with any person
SENTENCE_REACH = 300  # characters either side of a description where its sentence is read
SENTENCE_END = re.compile(r"[.!?][”\"’']?\s+(?=[“\"‘'A-Z])")
# 'Reprising one of her own lines, the senator …' before the words; 'the senator said she …'
# after them, where an object's 'himself' or 'him' is no clue ('mocked Trump for calling himself')
BEFORE_PRONOUN = re.compile(r"(?i)\b(?:she|her|hers|herself|he|his|himself)\b")
AFTER_PRONOUN = re.compile(r"(?i)\b(?:she|he)\b")
FEMALE_WORDS = frozenset(("she", "her", "hers", "herself"))


def described_pronoun(words: list[str], text: str, start: int, end: int) -> str:
    """'she' or 'he' from the description's own gendered words ('the first lady'), else from
    the first he or she of its sentence outside quotation marks ('the former secretary of state
    said she wanted …'), else ``ANYONE``."""
    if any(w in FEMALE_DESCRIPTIONS for w in words):
        return "she"
    if any(w in MALE_DESCRIPTIONS for w in words):
        return "he"
    _, before, after = _sentence_around(text, start, end)
    for part, pronouns in ((before, BEFORE_PRONOUN), (after, AFTER_PRONOUN)):
        found = pronouns.search(part)
        if found is not None:
            return "she" if found.group(0).lower() in FEMALE_WORDS else "he"
    return ANYONE


def ruled_out(text: str, start: int, end: int, clusters: list[Cluster], subjects: Subjects) -> set[int]:
    """Who a description cannot be: a person named earlier in its sentence as the subject of
    the main clause. 'Trump said he would not get on with Cameron because the British prime
    minister …' is not Trump, who would be 'he' there; 'As far as whether Sanders still senses
    anger, the Vermont senator acknowledged' may be Sanders, the subject of a clause below."""
    sentence_start, _, _ = _sentence_around(text, start, end)
    main = [(s, e) for s, e, rank in subjects.spans if sentence_start <= s < start and rank[0] and rank[2]]
    return {
        index
        for index, cluster in enumerate(clusters)
        if any(m.start <= s < m.end or s <= m.start < e for m in cluster.mentions for s, e in main)
    }


@lru_cache(maxsize=4)  # a description reads its sentence for its pronoun and for who it cannot be
def _sentence_around(text: str, start: int, end: int) -> tuple[int, str, str]:
    """Where the sentence of [start, end) starts, and its words before and after, quotations
    blanked out (whole in their paragraph, so a quotation's own full stops end no sentence)."""
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para = list(text[para_start : len(text) if para_end < 0 else para_end])
    for span in pair_marks("".join(para)):
        para[span.open + 1 : span.close] = " " * (span.close - span.open - 1)  # the marks stay: they end sentences
    blank = "".join(para)
    low, high = max(0, start - para_start - SENTENCE_REACH), end - para_start
    before = blank[low : start - para_start]
    cut = max((m.end() for m in SENTENCE_END.finditer(before)), default=0)
    after = blank[high : high + SENTENCE_REACH]
    after = after[: next((m.start() + 1 for m in SENTENCE_END.finditer(after)), len(after))]
    return para_start + low + cut, before[cut:], after


def described_subjects(
    text: str, subjects: Subjects, low: int, before: int, quotes: list
) -> list[tuple[tuple, int, str]]:
    """The subjects in [low, before), outside quotations, that describe someone with 'the'
    ('The Indiana governor said', 'The Republican vice presidential nominee was speaking'):
    each as its rank and place (as ``quote_speakers`` ranks subjects), its start and its head."""
    found = []
    for start, end, rank in subjects.spans[bisect_left(subjects.spans, (low,)) :]:
        if start >= before:
            break
        if any(q.start <= start < q.end for q in quotes):
            continue
        head = text[start:end].lower()
        if head in DESCRIBED_HEADS and THE_BEFORE.search(text, max(0, start - 60), start):
            found.append(((*rank, start), start, head))
    return found


def met_unnamed(role: str, before: str) -> bool:
    """ "A doctor on the scene told Ruptly ...", "the prime minister's spokesman said": the role
    came in before the quote with 'a' or as someone's."""
    found = re.search(rf"(?:\b(?:a|an)\s+|\w['’]s?\s+){ATTRIBUTES}{re.escape(role)}\b", before, re.IGNORECASE)
    return found is not None
