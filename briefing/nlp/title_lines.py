"""Title-case lines inside a text, true-cased so that names are found on them.

A related story's headline, a section head or a "Follow ... on Twitter" line inside an
article is set in title case ("Rand Paul Scores Direct Hit On Donald Trump"). The tagger
reads each of its words as a proper noun, and the model's entity spans run over the
verbs and prepositions between the names; cutting them at verbs cannot work, since no
word of such a line is tagged a verb. So each such line is read a second time, with
its capitals lowered where they are not names, and its entities come from that reading.

The capitals lowered are those of claim_headline.true_case: function words, words the
rest of the text writes in lower case, verbs, adjectives and adverbs the model knows;
"the rest of the text" leaves out the title-case lines themselves, whose capitals say
nothing. Kept: words the rest of the text capitalises mid-sentence, a base-form word
right after a name ("Donald Trump") but not after a plural, where it is the headline's
verb ("Wealthy Voters Abandon", "Latinos Share"), and the words of short names the model found on
the line ("Getty Images"). A line with no function word or verb to lower is a line of
names (a credit, a table row) and is left as it is. The lowered text keeps its length,
so the entities read on it are ranges of the source text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from briefing.nlp.census_given_names import census_given_names
from briefing.nlp.census_surnames import census_surnames
from briefing.nlp.claim_headline import WORD, body_words, known_words, word_bases
from briefing.nlp.entity_words import in_capitals, lemma_words
from briefing.nlp.lexicon import FEMALE_NAMES, MALE_NAMES
from briefing.nlp.parse import Paragraph, ParsedText

# Words a title-case line may leave in lower case ("Rand Paul Scores Direct Hit on Donald Trump").
FUNCTION_WORDS = frozenset("a an the and or nor but of on in at to for by with from as via vs per into".split())
MIN_WORDS, MAX_WORDS = 3, 25
GIVEN = FEMALE_NAMES | MALE_NAMES
# Tokens no capital says anything about: links, handles, hashtags, markup.
LINK_LIKE = re.compile(r"\S*(?:[@#/<>]|\.com)\S*")
# A head run into its paragraph: words up to a colon, then the paragraph's first sentence.
RUN_IN_HEAD = re.compile(r"([^:\n]{5,120}):\s+(?=[\"“‘'A-Z0-9])")


def is_title_case_line(line: str) -> bool:
    """Three to 25 words, each capitalised but for short function words; not set in capitals."""
    words = WORD.findall(LINK_LIKE.sub(" ", line))
    if not MIN_WORDS <= len(words) <= MAX_WORDS or in_capitals(line):
        return False
    return all(w[0].isupper() for w in words if w.lower() not in FUNCTION_WORDS)


def title_case_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each title-case line of ``text``, and of each run-in head: a title-case
    phrase opening a line and set off by a colon ("Veto Power Impedes Peace Efforts: Eliminating
    the scourge of war is…")."""
    start = 0
    for line in text.split("\n"):
        if is_title_case_line(line):
            yield start, start + len(line)
        elif (head := RUN_IN_HEAD.match(line)) and is_title_case_line(head[1]):
            yield start, start + len(head[1])
        start += len(line) + 1


def text_title_lines(parsed: ParsedText) -> list[tuple[int, int]]:
    """:func:`title_case_lines` of a parsed text, read once for every step that asks."""
    return parsed.once("title_case_lines", lambda p: list(title_case_lines(p.text)))


def true_case_lines(text: str, nlp: Any, kept: frozenset[int] = frozenset()) -> str:
    """``text`` with the headline capitals of its title-case lines lowered; same length.
    The words starting at the offsets in ``kept`` keep their capitals (names the caller
    read on those lines)."""
    lines = list(title_case_lines(text))
    if not lines:
        return text
    names, lower_words = body_words("\n".join(text[a:b] for a, b in _outside(lines, len(text))))
    words = _Words(names, lower_words, known_words(nlp), irregular_forms(nlp), base_verbs(nlp))
    out = list(text)
    for start, end in lines:
        lowered = list(_to_lower(text, start, end, words, kept))
        first = WORD.search(text, start, end)
        if first and any(
            verb or words.headline_word(m.group().lower()) for m, verb in lowered if m.start() > first.start()
        ):
            for match, _ in lowered:
                out[match.start() : match.end()] = match.group().lower()
    return "".join(out)


def _to_lower(text: str, start: int, end: int, words: _Words, kept: frozenset[int]) -> Iterator[tuple[re.Match, bool]]:
    """The words of a line to lower, each with whether it is a verb in its base form after a
    plural subject ("Latinos Share", "Wealthy Voters Abandon"): a headline's verb, as an
    inflected one is (right after a name, such a word may be the name's: "Donald Trump")."""
    after_name = after_plural = False
    for match in WORD.finditer(text, start, end):
        word = match.group()
        lower = match.start() not in kept and words.lower_it(word, after_name and not after_plural)
        if lower:
            yield match, after_plural and word.lower() in words.verbs
        spaced = text[match.end() : match.end() + 1] == " "
        after_name = not lower and word[0].isupper() and spaced
        after_plural = spaced and _plural(word)


def _plural(word: str) -> bool:
    """'Voters', 'Latinos', 'PACs': a plural, which no given name is ('James' is one)."""
    lower = word.lower()
    return len(word) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and lower not in GIVEN


@dataclass
class _Words:
    names: AbstractSet[str]  # words the rest of the text capitalises mid-sentence
    lower_words: AbstractSet[str]  # words the rest of the text writes in lower case
    known: frozenset[str]  # verbs, adjectives and adverbs the model knows
    irregular: frozenset[str]  # their irregular inflected forms ("sent", "fed")
    verbs: frozenset[str]  # verbs in their base form

    def lower_it(self, word: str, after_name: bool) -> bool:
        """A capital that is no name's: a function word, a word the rest of the text writes
        in lower case, or a verb, adjective or adverb the model knows, unless the rest of
        the text capitalises it mid-sentence. Right after a name, a known word in its base
        form is taken for the name's next word ("Donald Trump", "Jeff Poor"), an inflected
        one for the headline's verb ("Rand Paul Scores")."""
        if (len(word) < 2 and word != "A") or not word[0].isupper() or any(c.isupper() for c in word[1:]):
            return False  # an initial, lower already, an acronym, or "iPhone", "McDonald"
        lowered = word.lower()
        if len(lowered) != len(word) or word in self.names and lowered not in self.lower_words:
            return False
        if lowered in STOP_WORDS or lowered in self.lower_words:
            return True
        if after_name and not self.inflected(lowered):
            return False
        return any(b in self.known for b in word_bases(lowered))

    def headline_word(self, word: str) -> bool:
        """What a headline has and a line of names does not: a function word or a verb."""
        return word in STOP_WORDS or self.inflected(word)

    def inflected(self, word: str) -> bool:
        """An inflected verb form: "sent", "scores", "stressed" (though also an adjective)."""
        return word in self.irregular or any(b in self.verbs for b in word_bases(word)[1:])


@lru_cache(maxsize=4)
def base_verbs(nlp: Any) -> frozenset[str]:
    """Verbs in their base form, from the model's lemma tables."""
    try:
        index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, ValueError, AttributeError):
        return frozenset()
    return frozenset(w for w in index["verb"] if "_" not in w) if "verb" in index else frozenset()


@lru_cache(maxsize=4)
def irregular_forms(nlp: Any) -> frozenset[str]:
    """Irregular inflected forms of verbs, adjectives and adverbs ("sent", "better")."""
    try:
        exceptions = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")
    except (KeyError, ValueError, AttributeError):
        return frozenset()
    return frozenset(
        form
        for pos in ("verb", "adj", "adv")
        if pos in exceptions
        for form, lemmas in exceptions[pos].items()
        if form not in lemmas and "_" not in form
    )


def _outside(ranges: list[tuple[int, int]], length: int) -> Iterator[tuple[int, int]]:
    position = 0
    for start, end in ranges:
        yield position, start
        position = end
    yield position, length


# -- reading the lines again ---------------------------------------------------

MAX_KEPT_WORDS = 3


@dataclass
class Recased:
    doc: Any  # the paragraph parsed with its title-case lines true-cased
    lines: list[tuple[int, int]]  # those lines, as ranges of the paragraph
    common: frozenset[str] = frozenset()  # words that name nothing alone (_common_words)


def recase_paragraphs(parsed: ParsedText, nlp: Any) -> tuple[str, dict[int, Recased]]:
    """The text true-cased, and the paragraphs whose title-case lines lose capitals, parsed
    again, by index."""
    lines = text_title_lines(parsed)
    if not lines:
        return parsed.text, {}
    kept = frozenset(at for para in parsed.paragraphs for at in _names_on_lines(para, lines, nlp))
    cased = true_case_lines(parsed.text, nlp, kept)
    lines = [(s, e) for s, e in lines if cased[s:e] != parsed.text[s:e]]
    changed = [i for i, p in enumerate(parsed.paragraphs) if cased[p.start : p.end] != p.text]
    docs = nlp.pipe(cased[parsed.paragraphs[i].start : parsed.paragraphs[i].end] for i in changed)
    common = _common_words(parsed.text, lines, nlp)
    recased = {}
    for i, doc in zip(changed, docs, strict=True):
        para = parsed.paragraphs[i]
        on_para = [(max(s, para.start) - para.start, min(e, para.end) - para.start) for s, e in lines]
        recased[i] = Recased(doc, [(s, e) for s, e in on_para if s < e], common)
    return cased, recased


def _common_words(text: str, lines: list[tuple[int, int]], nlp: Any) -> frozenset[str]:
    """Words of the lines that are a verb, adjective or adverb the model knows ("Appear",
    "EPIC"), or a noun of the language written as one ("Hospital", "Recommendations" of a
    related story's headline), and that the rest of the text never capitalises mid-sentence:
    alone, such a word names nothing. (The model's noun table also holds names, "paul",
    "gop", so a noun counts only in title case and when it is no given name or surname.)"""
    names, _ = body_words("\n".join(text[a:b] for a, b in _outside(lines, len(text))))
    known = known_words(nlp)
    on_lines = {m.group() for s, e in lines for m in WORD.finditer(text, s, e)}
    return frozenset(
        w
        for w in on_lines
        if len(w) > 2 and (w.lower() in known or _common_noun(w)) and not {w, w.capitalize()} & names
    )


def _common_noun(word: str) -> bool:
    lower = word.lower()
    if not word.istitle() or lower in GIVEN or lower in census_surnames() or lower in census_given_names():
        return False
    return any(base in lemma_words("noun") for base in word_bases(lower))


def entities(para: Paragraph, recased: Recased | None) -> list[Any]:
    """The paragraph's entity spans: on its true-cased lines, those read on them."""
    if recased is None:
        return list(para.doc.ents)
    lines = recased.lines

    def on_lines(ent: Any) -> bool:
        return any(s < ent.end_char and ent.start_char < e for s, e in lines)

    kept = [e for e in para.doc.ents if not on_lines(e)]
    read = [e for e in recased.doc.ents if on_lines(e) and not _common(e, recased.common) and not _clause(e)]
    return sorted(kept + read, key=lambda e: e.start_char)


def _common(ent: Any, common: frozenset[str]) -> bool:
    """'Said', 'EPIC': one or two common words taken for an organisation or a work, no name
    (places and groups, 'Republican', are left be); 'Man Shot', 'Recommendations' taken for a
    person when no word is a given name."""
    if len(ent) > 2 or not all(t.text in common for t in ent):
        return False
    if ent.label_ == "PERSON":
        return not any(t.lower_ in GIVEN or t.lower_ in census_given_names() for t in ent)
    return ent.label_ not in KEPT_KINDS


def _clause(ent: Any) -> bool:
    """'refoulement violates international law': three words or more with no capital left
    once true-cased are a clause, not a name ('fed', 'middle east' may still be names)."""
    return len(ent) >= 3 and ent.text.islower()


KEPT_KINDS = frozenset({"PERSON", "NORP", "GPE", "LOC", "FAC"})


def _names_on_lines(para: Paragraph, lines: list[tuple[int, int]], nlp: Any) -> Iterator[int]:
    """Where the words of the short names the model found on the lines start, less the
    inflected verbs in a three-word person ("Donald Trump Invokes", "Ferrera Sent Donald"),
    and a verb's '-s' or '-ed' form opening a person ("Denounces Clinton") or ending another
    name before a function word ("Wisconsin Elects A", "St. Paul Votes To"); those the rest
    of the text capitalises keep their capitals all the same (_Words.lower_it)."""
    words = _Words(set(), set(), known_words(nlp), irregular_forms(nlp), base_verbs(nlp))
    for ent in para.doc.ents:
        start, end = para.start + ent.start_char, para.start + ent.end_char
        if ent.label_ == "WORK_OF_ART" or not any(s <= start and end <= e for s, e in lines):
            continue
        tokens = [t for t in ent if t.is_alpha]
        if len(tokens) <= MAX_KEPT_WORDS:
            yield from (para.start + t.idx for i, t in enumerate(tokens) if not _verb_in_name(ent, tokens, i, words))


def _verb_in_name(ent: Any, tokens: list[Any], i: int, words: _Words) -> bool:
    person = ent.label_ == "PERSON"
    if person and len(tokens) > 2:  # "Harry Milling" is a name
        return words.inflected(tokens[i].lower_)
    lower = tokens[i].lower_
    if len(tokens) < 2 or not lower.endswith(("s", "ed")) or not words.inflected(lower):
        return False
    if person:
        return i == 0
    # the verb's object follows: 'Wisconsin Elects A', not 'Getty Images' ending a credit
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return i == len(tokens) - 1 and following is not None and following.lower_ in STOP_WORDS
