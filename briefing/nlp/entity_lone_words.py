"""Mentions that are words of the language, no name.

A sentence start or a headline capitalises any word, and the model takes some for names.
A common noun where a sentence opens (the tagger reads it so there) that the text
capitalises nowhere else, no given name or country and no word of another name of the
text, is no name: "Scholars have long debated", "Demonstrators said". Nor is an adjective
that starts place and body names alone, wherever it stands ("Eastern and Northern European
heritage", "the National ticket"), or a page's label on a line of its own ("Correction
Appended.").
"""

from __future__ import annotations

from briefing.nlp.entity_words import inflected_from, is_dictionary_word, open_class_words
from briefing.nlp.lexicon import (
    COUNTRIES,
    GIVEN_NAMES,
    ORG_WORDS,
    PLACE_WORDS,
)
from briefing.nlp.mention import Mention

# Adjectives that start names ('Eastern Europe', 'National Guard', 'Federal Reserve') and name
# nothing alone; the compass nouns ('the South', 'the West') do, and so does 'United' (the
# airline: 'the United flight').
LONE_NAME_ADJECTIVES = frozenset(
    "eastern western northern southern central national international federal greater upper lower".split()
)
_COUNTRY_WORDS = frozenset(c.lower() for c in COUNTRIES)


def is_lone_adjective(mention: Mention) -> bool:
    """'Eastern', 'National' alone (a people's adjective, 'Western' officials, is a group's)."""
    return mention.text.lower() in LONE_NAME_ADJECTIVES and mention.text.istitle() and mention.type != "group"


def is_opening_word(mention: Mention, capitalised_elsewhere: set[str], name_words: set[str]) -> bool:
    """'Scholars', 'Demonstrators' capitalised only where a sentence opens, where the tagger
    reads a common noun (``Mention.common``): a word of the language that the text
    capitalises nowhere else (``capitalised_elsewhere``, lower-cased) and no word of its
    other names (``name_words``)."""
    word = mention.text
    lower = word.lower()
    if not mention.common or not word.istitle() or mention.weight >= 3 or mention.type == "group":
        return False
    if lower in capitalised_elsewhere or lower in name_words:
        return False
    return is_plain_word(word)


def is_plain_word(word: str) -> bool:
    """A word of the language, no given name nor country ('Georgia', 'Chad', 'Turkey')."""
    lower = word.lower()
    return lower not in GIVEN_NAMES and lower not in _COUNTRY_WORDS and is_dictionary_word(word)


def is_label_line(mention: Mention, text: str) -> bool:
    """'Correction Appended.' on a line of its own: words of the language with a verb's past
    form ('Appended', 'Updated'), no organisation or place word; a page's label, no name."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    line = text[line_start : len(text) if line_end < 0 else line_end].strip().rstrip(".")
    words = mention.text.split()
    if line != mention.text or len(words) < 2 or any(w.lower() in ORG_WORDS | PLACE_WORDS for w in words):
        return False
    return all(is_dictionary_word(w) for w in words) and any(_participle(w) for w in words)


def _participle(word: str) -> bool:
    """'Appended', 'Updated': a verb's past form the lemma tables know."""
    return len(word) > 4 and inflected_from(word.lower(), open_class_words(), (("ed", ""), ("ed", "e")))
