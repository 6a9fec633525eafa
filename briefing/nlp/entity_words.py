"""Words at the edges of a name span that are not part of the name.

The small model's spans often take in the word before or after a name: a sentence-initial
verb or conjunction ("Hammering Hillary Clinton", "Although Berm"), a score or count after
it ("Aiden Haig 1 goal", "Leeds 2"), a preposition ("Rios of"). These helpers say which
tokens to drop, and where a span that runs over a number holds two names; and which words
around a one-word name put it in a place's position ("in Dewsbury", "the Tuas terminal").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from briefing.nlp.census_given_names import census_given_names
from briefing.nlp.census_surnames import census_surnames
from briefing.nlp.lexicon import GIVEN_NAMES, ORG_WORDS, PLACE_WORDS, ROLE_NOUNS
from briefing.nlp.model import load_model

# Parts of speech a name never starts or ends with (spaCy's universal tags).
_NEVER_AT_EDGE = frozenset("CCONJ SCONJ DET PRON AUX PART INTJ ADP".split())
# Tagged as such only at a sentence start: in mid-sentence the tagger is right more often
# than the capital letter ("the Rolling Stones").
_NOT_AT_SENTENCE_START = frozenset("VERB ADV".split())
# Sentence openers the tagger reads as proper nouns when capitalised.
OPENING_WORDS = frozenset(
    """
although though however while whilst when whenever after before if unless because since as but and or so yet
also still even meanwhile moreover then thus instead besides despite like unlike following according asked
some both several many most few each every any another such what why who whom whose whether whereas among
against within without amid
""".split()
)
EDGE_CONJUNCTIONS = frozenset("and or but nor".split())
CAPITALS_SHARE = 0.6
DESCRIBING_PARTICIPLES = frozenset("based born led backed owned run controlled".split())
_INFLECTIONS = (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("ly", ""), ("es", ""), ("s", ""))
_DICTIONARY_ENDINGS = (*_INFLECTIONS, ("est", ""), ("est", "e"), ("er", ""), ("ies", "y"))


def is_number(token: Any) -> bool:
    """'1', '4-95', '38:35.297', '+358': a figure, never a name or part of one."""
    text = token.text
    if re.fullmatch(r"\d+(?:st|nd|rd|th)", text.lower()):
        return True  # '75th' after a scorer's name is the minute
    return any(c.isdigit() for c in text) and not any(c.isalpha() for c in text)


def after_description(tokens: list[Any]) -> list[Any]:
    """'Bergamo-based Atalanta', 'Ontario-based Magna': the name after the description."""
    for i in range(len(tokens) - 2, 0, -1):
        if tokens[i].lower_ in DESCRIBING_PARTICIPLES and tokens[i - 1].text == "-":
            return tokens[i + 1 :]
    return tokens


def in_capitals(text: str) -> bool:
    """Most words of ``text`` (a paragraph) are in capitals: a headline or a label, where
    capitals say nothing of a word (every word would look like an acronym)."""
    words = re.findall(r"[^\W\d_]{2,}", text)
    return len(words) >= 2 and sum(w.isupper() for w in words) / len(words) >= CAPITALS_SHARE


_THE_BEFORE = re.compile(r"(?:^|\W)[Tt]he\s+$")


def follows_the(text: str, start: int) -> bool:
    """'the' right before ``start`` ('the Browns had 11 hits', 'the White House said')."""
    return _THE_BEFORE.search(text[max(0, start - 5) : start]) is not None


def is_sentence_start(token: Any) -> bool:
    if token.i == 0 or token.is_sent_start:
        return True
    before = token.nbor(-1)
    return before.is_punct and before.text in ".!?:;\"“‘'(-–—"


_STREET_WORDS = frozenset("street avenue road boulevard drive lane place".split())


def _street_after_ordinal(rest: list[Any]) -> bool:
    """One street word after an ordinal: '6th Avenue' (not '75th Ernie Els', a scorer's minute)."""
    return len(rest) == 1 and rest[0].lower_ in _STREET_WORDS and rest[0].text[:1].isupper()


def strays_before_name(token: Any, rest: list[Any]) -> bool:
    """``token`` starts a span whose other tokens ``rest`` are the name."""
    if is_number(token) and rest and token.text[:1].isdigit() and _street_after_ordinal(rest):
        return False  # 'Fort Worth's 6th Avenue', '42nd Street': the ordinal is the street's name
    if not rest or not rest[0].text[:1].isupper() or is_number(token):
        return is_number(token) and bool(rest)
    if token.pos_ in _NEVER_AT_EDGE or token.lower_ in OPENING_WORDS:
        return not token.text.isupper() or len(token.text) > 3  # "AND" in a headline, never "US"
    if not is_sentence_start(token) or rest[-1].lower_ in ORG_WORDS | PLACE_WORDS:
        return False  # 'Downing Street', 'Reading Football Club' keep their first word
    if rest[0].pos_ == "ADP" and rest[0].text[:1].isupper():
        return False  # 'Doctors Without Borders said': a capitalised preposition is the name's
    if token.pos_ == "ADV" and is_given_name(token.lower_) and token.lower_ not in dictionary_words():
        return False  # 'Carly Fiorina threw ...': a given name the model reads as an adverb for its -ly
    if token.pos_ == "PROPN" and is_given_name(token.lower_) and _inflected_open_word(token):
        return False  # 'James Van Der Beek has been ...': 'James' is no form of 'jam'
    return token.pos_ in _NOT_AT_SENTENCE_START or _inflected_open_word(token) or _command_before_person(token, rest)


def _command_before_person(token: Any, rest: list[Any]) -> bool:
    """'Scratch Christian Bale off the list', 'Meet Jane Doe', 'Billionaire Donald Trump
    praised ...': a verb or a noun opening the sentence before a given name and a surname, the
    word itself no given name ('Chase Elliott', 'Hope Hicks', 'Will Smith' keep it) and the
    noun no surname ('Chandler Van Voorhis' keeps his)."""
    lower = token.lower_
    if len(rest) < 2 or not token.text.istitle():
        return False
    if lower not in lemma_words("verb") and (lower not in lemma_words("noun") or lower in census_surnames()):
        return False
    return not is_given_name(lower) and is_given_name(rest[0].lower_) and rest[1].text[:1].isupper()


def names_an_office(words: list[str]) -> bool:
    """'(Chief) Strategy Officer', 'Executive Producer': words ending in a role noun, none a
    given name, name an office, not its holder ('Mike Judge' keeps his)."""
    if len(words) < 2 or words[-1].lower().rstrip(".") not in ROLE_NOUNS:
        return False
    return not any(is_given_name(w.lower()) for w in words)


def is_given_name(word: str) -> bool:
    """A given name of the lexicon or the 1990 census, in lower case, words of the language
    among them ('will', 'hope'); ``entity_person_names.plain_given_names`` leaves those out."""
    return word in GIVEN_NAMES or word in census_given_names()


# Bodies a text names by their organisation word alone, whatever follows ("Senate majority leader").
BODIES_NAMED_ALONE = frozenset("parliament congress senate cabinet".split())


def common_noun_opening(tokens: list) -> bool:
    """'Press release', 'Police officers' at a line or sentence start, or after a dash: an
    organisation or place word alone, capitalised by its place, before a lower-case noun."""
    if len(tokens) != 1 or not is_sentence_start(tokens[0]) or tokens[0].i + 1 >= len(tokens[0].doc):
        return False
    word, following = tokens[0].lower_, tokens[0].nbor(1)
    common = word in ORG_WORDS | PLACE_WORDS and word not in BODIES_NAMED_ALONE
    return common and following.pos_ == "NOUN" and following.text.islower()


def strays_after_name(token: Any) -> bool:
    """``token`` ends a span but is a figure, a preposition or a conjunction."""
    if is_number(token) or (token.lower_ in EDGE_CONJUNCTIONS and not token.text.isupper()):
        return True  # 'Liberal Or' of a title-case book title: tagged a proper noun there
    return token.pos_ in _NEVER_AT_EDGE and not token.text.isupper() and token.text not in ("-", "&")


def _inflected_open_word(token: Any) -> bool:
    """'Bumping', 'Reportedly': an inflected verb or an adverb the model's lemma tables
    know, capitalised only because it opens the sentence."""
    lower = token.lower_
    if len(lower) < 5 or lower[:1] == token.text[:1]:
        return False
    return inflected_from(lower, open_class_words())


# Endings of a verb's or adverb's forms ('steps', 'announced', 'hoping', 'openly'), with what
# they replace in the base form.
VERB_ENDINGS = (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ly", ""))


def blanked(text: str, ranges: list[tuple[int, int]]) -> str:
    """The text with ``ranges`` blanked, its length kept."""
    out = list(text)
    for start, end in ranges:
        out[start:end] = " " * (end - start)
    return "".join(out)


def inflected_from(lower: str, known: frozenset[str], endings: tuple[tuple[str, str], ...] = _INFLECTIONS) -> bool:
    """``lower`` is a word of ``known`` with one of ``endings`` (suffix, what it replaced):
    'bumping' (bump), 'stated' (state), 'stopped' (stop, its last letter doubled)."""
    for suffix, repl in endings:
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 3:
            stem = lower[: len(lower) - len(suffix)]
            if stem + repl in known or (len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in known):
                return True
    return False


@lru_cache(maxsize=1)
def _lemma_index() -> Any:
    """The model's lemma tables by part of speech (a spaCy Table, its keys strings hashed; empty
    when the model has none)."""
    try:
        return load_model().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, ValueError, AttributeError):
        return {}


@lru_cache(maxsize=1)
def open_class_words() -> frozenset[str]:
    """Verbs and adverbs in the model's lemma tables."""
    index = _lemma_index()
    return frozenset(w for pos in ("verb", "adv") if pos in index for w in index[pos] if "_" not in w)


@lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    """Every word in the model's lemma tables, of any part of speech. The noun table also
    holds some proper names ('egypt'), so callers ask the text too."""
    index = _lemma_index()
    return frozenset(w for pos in ("adj", "adv", "noun", "verb") if pos in index for w in index[pos] if "_" not in w)


@lru_cache(maxsize=4)
def lemma_words(pos: str) -> frozenset[str]:
    """The words of one part of speech ('adj', 'noun', 'verb', 'adv') in the model's lemma tables."""
    index = _lemma_index()
    return frozenset(w for w in index[pos] if "_" not in w) if pos in index else frozenset()


def is_dictionary_word(word: str) -> bool:
    """'Images', 'Oldest', 'Featured', 'Reply', 'February': a word of the language, inflected or not."""
    lower = word.lower()
    known = dictionary_words()
    return lower in known or lower in MONTHS or inflected_from(lower, known, _DICTIONARY_ENDINGS)


MONTHS = frozenset("january february march april may june july august september october november december".split())


def before_country(tokens: list[Any]) -> bool:
    """'Renzo Furlan ( Italy )', 'Anders Forsbrand (Sweden)': a name of two or three plain
    words followed by a country in brackets, the way results and line-ups list people."""
    words = [t for t in tokens if not t.is_punct]
    if not 2 <= len(words) <= 3 or any(not t.text.istitle() or t.lower_ in ORG_WORDS | PLACE_WORDS for t in words):
        return False
    doc, after = tokens[-1].doc, tokens[-1].i + 1
    if after < len(doc) and doc[after].text == "(" and tokens[-1].text != "(":
        after += 1
    elif tokens[-1].text != "(":
        return False
    inside = doc[after : after + 4]
    close = next((t.i for t in inside if t.text == ")"), None)
    if close is None or close == after or any(t.ent_type_ != "GPE" for t in doc[after:close]):
        return False
    places = {e.text for e in doc.ents if e.label_ == "GPE"}
    return not any(t.text in places for t in words)  # 'Bayern Munich ( Germany )' is a club


PLACE_PREPOSITIONS = frozenset("in at from near across".split())
PLACE_MODIFIED = frozenset(
    """
district districts terminal terminals region area province county suburb neighbourhood neighborhood port
city town village airport station prefecture state side club coast border
""".split()
)
PLACE_OF = frozenset(
    "island port city town village province region state prefecture outskirts north south east west "
    "republic kingdom emirate principality".split()
)


def in_place_context(token: Any, depth: int = 0) -> bool:
    """'in Dewsbury, Pontefract and Huddersfield', 'the Tuas terminal', 'the island of Kyushu',
    'the Saltmarsh and Kessel districts': a one-word name in a place's position, or listed
    with such a name."""
    if _word_before(token) in PLACE_PREPOSITIONS | {"visited", "visit", "near"}:
        return True
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if following is not None and following.lower_ in PLACE_MODIFIED and _word_before(token) in ("the", "a"):
        return True
    if token.i > 1 and token.nbor(-1).lower_ == "of" and token.nbor(-2).lower_ in PLACE_OF:
        return True
    if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPOSITIONS:
        return True
    if token.dep_ in ("nmod", "compound") and token.head.tag_ == "NNS" and token.head.lemma_ in PLACE_MODIFIED:
        return True  # 'the Saltmarsh, Kessel and Brackenholm districts'
    listed = token.dep_ in ("conj", "appos") or (token.dep_ == "nmod" and token.head.pos_ == "PROPN")
    return depth < 4 and listed and in_place_context(token.head, depth + 1)


def _word_before(token: Any) -> str:
    return token.nbor(-1).lower_ if token.i > 0 else ""
