"""Names in heads set in capitals, where capitals say nothing of a word.

A head in capitals ("GARLAND STEPS ASIDE", "ENGLAND BEAT PAKISTAN BY") runs a name into
the head's verb: the mention is cut to the words the body uses as a name. A phrase in
capitals that the text writes as words of the language ("QUESTIONABLE MEDICAL CLAIMS —",
a run-in head) is no name at all.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from spacy.lang.en.stop_words import STOP_WORDS

from briefing.nlp.claim_headline import body_words
from briefing.nlp.entity_lone_words import is_plain_word
from briefing.nlp.entity_words import (
    VERB_ENDINGS,
    blanked,
    in_capitals,
    inflected_from,
    lemma_words,
    open_class_words,
)
from briefing.nlp.lexicon import ORG_WORDS, PLACE_WORDS
from briefing.nlp.mention import Mention
from briefing.nlp.parse import ParsedText

CAPITALS_RUN = 3  # words in capitals in a row: a head or a shout, where capitals say nothing of a word


def trim_capitals_names(mentions: list[Mention], parsed: ParsedText) -> list[Mention]:
    """'GARLAND STEPS ASIDE' in a head set in capitals is 'GARLAND' when the body names
    'Garland' and writes 'steps' in lower case: capitals say nothing of a word, so the
    body says which words are names. A mention with no such word, or none the body
    names, is left as it is ('HEMPSTEAD', 'BANK OF ENGLAND')."""
    heads = [(p.start, p.end) for p in parsed.paragraphs if in_capitals(p.text)]
    if not heads:
        return mentions
    names, lower = body_words(blanked(parsed.text, heads))
    result = []
    for mention in mentions:
        words = mention.text.split()
        if len(words) < 2 or not mention.inside(heads):
            result.append(mention)
            continue
        named = [w.strip(".,:;").capitalize() in names for w in words]
        plain = [not n and _plain_in_capitals(w, lower) for w, n in zip(words, named, strict=True)]
        name = _named_run(words, named, plain) if any(named) and any(plain) else None
        if name is not None:
            # the model typed the whole run ('ENGLAND BEAT'): the name's other mentions decide
            mention = mention.cut_to(name)
            mention.weight = 0
        result.append(mention)
    return result


def without_capitals_phrases(mentions: list[Mention], text: str) -> list[Mention]:
    """The mentions less a phrase set in capitals that the text writes as words of the
    language: 'QUESTIONABLE MEDICAL CLAIMS —', a run-in head the dateline rule took for a
    place, beside 'questionable medical advice' and 'medical claims'."""
    if not any(m.text.isupper() for m in mentions):
        return mentions  # most texts: no phrase in capitals, no need to read the body's words
    names, lower = body_words(text)
    return [
        m
        for m in mentions
        if not _capitals_phrase(m, text, names, lower) and not _lone_capitals_word(m, text, names, lower)
    ]


def _lone_capitals_word(mention: Mention, text: str, names: AbstractSet[str], lower: AbstractSet[str]) -> bool:
    """'DOZENS' and 'ATTACK' of 'ELEVEN POLICE KILLED, DOZENS WOUNDED IN TURKEY CAR BOMB ATTACK',
    'PENCHANT' of 'A PENCHANT FOR SEXISM': one word of the language (no given name nor country)
    in a run of words in capitals, which the text never capitalises as a name ('Turkey' is one,
    and so is 'AIDS' among words in lower case) and either writes in lower case ('dozens',
    'penchant') or is more than a noun ('attack'). 'SIGN UP FOR OUR NEWSLETTER' keeps its
    'NEWSLETTER': a noun alone could be a place the noun tables hold."""
    word = mention.text
    if " " in word or not word.isupper() or len(word) < 4 or word.capitalize() in names:
        return False
    if not is_plain_word(word) or text[mention.end : mention.end + 2] in ("’S", "'S"):
        return False  # 'WHAT TRUMP’S IMMIGRATION WAFFLING REFLECTS': an owner is named
    if not _in_capitals_run(text, mention.start, mention.end):
        return _stress_word(word.lower())
    return word.lower() in lower or _more_than_a_noun(word.lower())


def _stress_word(lower: str) -> bool:
    """'I have NEVER been prouder': an adverb and nothing else, set in capitals for stress (not
    an abbreviation: 'B.C.' is British Columbia as often as an era)."""
    if not lower.isalpha() or lower not in lemma_words("adv"):
        return False
    return not any(lower in lemma_words(pos) for pos in ("noun", "verb", "adj"))


def _more_than_a_noun(lower: str) -> bool:
    """A verb, adjective or adverb too ('attack', 'defeat', 'necessarily'; not 'olympics'): the
    noun tables also hold places ('chicago', 'texas'), which a text in capitals may name and
    nowhere else."""
    if lower in lemma_words("adj") or lower in lemma_words("adv"):
        return True
    return lower in lemma_words("verb") or inflected_from(lower, lemma_words("verb"), VERB_ENDINGS)


def _in_capitals_run(text: str, start: int, end: int) -> bool:
    """The words at ``start:end`` stand among CAPITALS_RUN or more words in capitals in a row."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before = text[line_start:start].split()
    after = text[end : len(text) if line_end < 0 else line_end].split()
    run = 1 + _capitals_words(reversed(before)) + _capitals_words(after)
    return run >= CAPITALS_RUN


def _capitals_words(words) -> int:
    """How many of ``words``, from the first, are in capitals (a word with no letter ends them)."""
    count = 0
    for word in words:
        letters = [c for c in word if c.isalpha()]
        if not letters or not all(c.isupper() for c in letters):
            break
        count += 1
    return count


def _capitals_phrase(mention: Mention, text: str, names: AbstractSet[str], lower: AbstractSet[str]) -> bool:
    """Every word one the text writes in lower case, and either none it capitalises
    mid-sentence or two of them written as a lower-case phrase ('medical claims', though
    'British Medical Journal' capitalises one)."""
    words = re.findall(r"[^\W\d_]+", mention.text)
    if len(words) < 2 or not mention.text.isupper():
        return False
    plain = [w for w in words if w.lower() not in STOP_WORDS]
    if not plain or not all(w.lower() in lower for w in plain):
        return False
    if all(w.capitalize() not in names for w in plain):
        return True
    pairs = (f"{a.lower()} {b.lower()}" for a, b in zip(words, words[1:], strict=False))
    return any(re.search(rf"(?<![\w-]){re.escape(pair)}(?![\w-])", text) for pair in pairs)


def _plain_in_capitals(word: str, lower: AbstractSet[str]) -> bool:
    """A word of a head in capitals that is no name's: one the body writes in lower case, or
    a verb or adverb the model knows ('STEPS', 'ASIDE'); never an organisation or place word
    nor a function word (those join names: 'BANK OF ENGLAND')."""
    folded = word.lower().strip(".,:;")
    if folded in STOP_WORDS or folded in ORG_WORDS or folded in PLACE_WORDS or len(folded) < 3:
        return False
    known = open_class_words()
    return folded in lower or folded in known or inflected_from(folded, known, VERB_ENDINGS)


def _named_run(words: list[str], named: list[bool], plain: list[bool]) -> str | None:
    """The first run of words between plain ones that holds a named word, without function
    words at its edges."""
    run: list[int] = []
    for i in [*range(len(words)), len(words)]:
        if i < len(words) and not plain[i]:
            run.append(i)
            continue
        while run and words[run[0]].lower() in STOP_WORDS:
            run.pop(0)
        while run and words[run[-1]].lower() in STOP_WORDS:
            run.pop()
        if any(named[j] for j in run):
            return " ".join(words[run[0] : run[-1] + 1])
        run = []
    return None
