"""The source title as a claim: true-cased, then parsed, so a headline's verbs are found.

Title-case headlines ("IBM Denies Layoff Rumors") parse as strings of proper nouns. Before
parsing, each capitalised word that is not a known name is lower-cased: a word the body
writes in lower case, a function word, or a word the model's own lemma tables know as a
verb, adjective or adverb. Words the body capitalises mid-sentence, acronyms and words with
inner capitals ("iPhone") keep their case. The text keeps its length, so offsets hold.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from spacy.lang.en.stop_words import STOP_WORDS

from briefing.nlp.lexicon import STATE_ABBREVIATIONS
from briefing.nlp.parse import trim_range

if TYPE_CHECKING:
    from briefing.nlp.parse import ParsedText

WORD = re.compile(r"[^\W\d_][\w'’-]*")
OPEN_CLASSES = ("verb", "adj", "adv")
TITLE_CASE_SHARE = 0.6
# a sentence's end inside a headline: a full stop before a capital or a figure, or a line
# break; not the dot of an initial ("U.S. Media", "J. Smith") nor of an abbreviation ("Gov.
# Christie", "Pa., Md. and Del."). A question or an exclamation stays with what follows it:
# "Axl Rose Dead? Fans Freak Out Over Death Rumors" is one rumour, "Black Girls Rock! Is ..."
# one headline.
SENTENCE_END = re.compile(r"(?<!\b[A-Z])\.[\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9])|\n")
ABBREVIATIONS = frozenset(
    """mr mrs ms dr sen rep gov lt col gen sgt capt adm maj st sr jr rev prof pres vs v inc corp co ltd
    jan feb mar apr jun jul aug sep sept oct nov dec mt ft""".split()
) | frozenset(state[:-1].lower() for state in STATE_ABBREVIATIONS if "." not in state[:-1])


def is_title_case(title: str) -> bool:
    words = [w for w in WORD.findall(title)[1:] if w.lower() not in STOP_WORDS or len(w) > 3]
    if len(words) < 2:
        return False
    return sum(1 for w in words if w[0].isupper()) / len(words) >= TITLE_CASE_SHARE


def headline_ranges(parsed: ParsedText) -> list[tuple[int, int]]:
    """The (start, end) of each title-case paragraph of the text, read once per text."""
    return parsed.once(
        "headline_ranges", lambda p: [(para.start, para.end) for para in p.paragraphs if is_title_case(para.text)]
    )


def sentence_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a headline or a line by its marks ("The real Trump
    showed up at debate. GOP must live with it."), without the spaces around them; a
    headline's words are too few for the parser to split it reliably."""
    ranges, start = [], 0
    for match in SENTENCE_END.finditer(text):
        if match.group() != "\n" and _abbreviation(text, match.start(), match.end()):
            continue
        ranges.append((start, match.end()))
        start = match.end()
    ranges.append((start, len(text)))
    return [trimmed for s, e in ranges if (trimmed := trim_range(text, s, e))[0] < trimmed[1]]


def _abbreviation(text: str, mark: int, after: int) -> bool:
    word = (text[:mark].rsplit(None, 1)[-1:] or [""])[0].lower()
    return word in ABBREVIATIONS or word == "no" and text[after:].lstrip()[:1].isdigit()  # "No. 1"


WEEKDAYS = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun".split()
)


def true_case(title: str, body: str, nlp: Any) -> str:
    """``title`` with its headline capitals lowered where they are not names; same length."""
    if not is_title_case(title):
        return title
    if title.isupper():
        title = title.lower()  # an all-capitals headline: keep only the body's names
    names, lower_words = body_words(body)
    known = known_words(nlp)
    out = list(title)
    # "Tue – Sat 4PM (Closed on Sun & Mon)": beside another weekday, "Sat" and "Sun" are days
    days = WEEKDAYS if sum(m.group() in WEEKDAYS for m in WORD.finditer(title)) >= 2 else frozenset()
    for index, match in enumerate(WORD.finditer(title)):
        word = match.group()
        if index == 0 or word in days or not _lower_it(word, names, lower_words, known):
            continue
        lowered = word.lower()
        if len(lowered) == len(word):
            out[match.start() : match.end()] = lowered
    if title.islower():
        return _restore_names("".join(out), names)
    return "".join(out)


def _lower_it(word: str, names: AbstractSet[str], lower_words: AbstractSet[str], known: frozenset[str]) -> bool:
    if not word[0].isupper() or any(c.isupper() for c in word[1:]):
        return False  # lower already, an acronym, or "iPhone", "McDonald"
    lowered = word.lower()
    if word in names and lowered not in lower_words:
        return False
    if lowered in lower_words or lowered in STOP_WORDS:
        return True
    return word not in names and any(base in known for base in word_bases(lowered))


def _restore_names(text: str, names: AbstractSet[str]) -> str:
    def restore(match: re.Match) -> str:
        word = match.group()
        return word.capitalize() if word.capitalize() in names else word

    text = WORD.sub(restore, text)
    return text[:1].upper() + text[1:]


@lru_cache(maxsize=4)  # each headline and subhead of one text reads the same body
def body_words(body: str) -> tuple[frozenset[str], frozenset[str]]:
    """Words the body capitalises mid-sentence (names) and words it writes in lower case."""
    names: set[str] = set()
    lower_words: set[str] = set()
    for match in WORD.finditer(body):
        word = match.group()
        if word[0].islower():
            lower_words.add(word)
            continue
        before = body[max(0, match.start() - 3) : match.start()].rstrip(" \"'“‘(")
        if before and before[-1] not in ".!?:\n":
            names.add(word)
    return frozenset(names), frozenset(lower_words)


def word_bases(word: str) -> list[str]:
    """The word and the stems an English inflection could have come from."""
    bases = [word]
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
        ("ly", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            stem = word[: len(word) - len(suffix)] + repl
            bases.append(stem)
            if repl == "" and len(stem) > 2 and stem[-1] == stem[-2]:
                bases.append(stem[:-1])  # "ripped" -> "rip"
    return bases


@lru_cache(maxsize=4)
def known_words(nlp: Any) -> frozenset[str]:
    """Verbs, adjectives and adverbs (with irregular forms) from the model's lemma tables."""
    try:
        lookups = nlp.get_pipe("lemmatizer").lookups
        index, exceptions = lookups.get_table("lemma_index"), lookups.get_table("lemma_exc")
    except (KeyError, ValueError, AttributeError):
        return frozenset()
    words: set[str] = set()
    for pos in OPEN_CLASSES:
        words.update(index[pos] if pos in index else ())
        if pos in exceptions:
            words.update(exceptions[pos].keys())
    return frozenset(w for w in words if "_" not in w)
