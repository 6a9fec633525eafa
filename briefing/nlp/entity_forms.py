"""The forms of a name: which one an entity is called by, and mentions cut to a real name.

An entity is called by its most frequent clean full form: "Donald Trump" seen five times
beats "Donald Trump Invokes" seen once in a title-case headline, while "Marta Okafor" seen
once still beats "Okafor" seen five times (a full name beats a surname). Before linking,
a headline mention that is a body name plus a headline word is cut to the body name, and
two names run together without a space ("CanberraWellington") are split when both are
names the text uses on their own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from briefing.nlp.claim_headline import is_title_case
from briefing.nlp.entity_words import OPENING_WORDS
from briefing.nlp.lexicon import ORG_WORDS, PLACE_WORDS
from briefing.nlp.mentions import Mention
from briefing.nlp.parse import ParsedText

RUN_TOGETHER = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


def choose_name(forms: Iterable[str]) -> str:
    """The most frequent clean form with the most words; ties go to more words, then length."""
    counts = Counter(forms)
    clean = [f for f in counts if is_clean(f)] or list(counts)
    most_words = max(min(len(f.split()), 2) for f in clean)
    candidates = [f for f in clean if min(len(f.split()), 2) == most_words]
    return max(candidates, key=lambda f: (counts[f], len(f.split()), len(f)))


def is_clean(form: str) -> bool:
    """No figure, opening word or conjunction at either end of the name."""
    words = form.split()
    edges = {words[0].lower(), words[-1].lower()} if words else set()
    return bool(words) and not edges & OPENING_WORDS and not any(c.isdigit() for c in words[0] + words[-1])


def trim_headline_names(mentions: list[Mention], parsed: ParsedText) -> list[Mention]:
    """'Donald Trump Invokes' in a title-case headline is 'Donald Trump' when the body
    names 'Donald Trump': the capitals of a headline run a name into the next word."""
    headlines = [(p.start, p.end) for p in parsed.paragraphs if is_title_case(p.text)]
    if not headlines:
        return mentions
    body = {m.text for m in mentions if len(m.text.split()) > 1 and not _inside(m, headlines)}
    trimmed = []
    for mention in mentions:
        name = _known_part(mention.text, body) if _inside(mention, headlines) else None
        if name is None:
            trimmed.append(mention)
            continue
        start = mention.start + mention.text.index(name)
        trimmed.append(Mention(start, start + len(name), name, mention.type, mention.weight, mention.role))
    return trimmed


def _inside(mention: Mention, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= mention.start and mention.end <= e for s, e in ranges)


def _known_part(text: str, body: set[str]) -> str | None:
    words = text.split()
    if len(words) < 3 or words[-1].lower() in ORG_WORDS | PLACE_WORDS:
        return None
    for name in (" ".join(words[:-1]), " ".join(words[1:])):
        if name in body:
            return name
    return None


def split_run_together(mentions: list[Mention], text: str) -> list[Mention]:
    """'CanberraWellington' is 'Canberra' and 'Wellington' when the text names both alone."""
    known = {m.text for m in mentions}
    result = []
    for mention in mentions:
        parts = RUN_TOGETHER.split(mention.text) if " " not in mention.text else [mention.text]
        if len(parts) < 2 or not all(p in known or _stands_alone(p, text) for p in parts):
            result.append(mention)
            continue
        start = mention.start
        for part in parts:
            result.append(Mention(start, start + len(part), part, mention.type, mention.weight))
            start += len(part)
    return result


def _stands_alone(word: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None
