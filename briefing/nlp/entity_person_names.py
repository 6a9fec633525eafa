"""Whether a name is a person's by its words, where the model's type is only a guess.

The small model types many full names in news as organisations or places ("NBC's Lester
Holt", "Keith Lamont Scott, a 43-year-old black man"), and some two-word names of shows,
firms and programmes as people ("Morning Consult", "Squawk Box", "Crime Bill"). A given name
first (the lexicon's, or the 1990 US census's in briefing/nlp/census_given_names.py) says a
name is a person's; two words of the language with no given name says it is none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from briefing.domain import normalise_name
from briefing.nlp.census_given_names import census_given_names
from briefing.nlp.census_surnames import census_surnames
from briefing.nlp.entity_people import ClusterLike, ends_name, plural_singulars
from briefing.nlp.entity_types import IN_PLACE_BEFORE, placed_by_context
from briefing.nlp.entity_words import dictionary_words, follows_the, is_dictionary_word, is_given_name
from briefing.nlp.lexicon import (
    COUNTRIES,
    EVENT_WORDS,
    FIRMS_NAMED_FOR_PEOPLE,
    GIVEN_NAMES,
    KNOWN_VARIANTS,
    LEGAL_FORMS,
    NAME_PARTICLES,
    NEWS_OUTLETS,
    ORG_ROLE_NOUNS,
    ORG_WORDS,
    PLACE_ACRONYMS,
    PLACE_WORDS,
    STATE_ABBREVIATIONS,
    TITLE_WORDS,
    WORD_GIVEN_NAMES,
)
from briefing.nlp.mention import Mention

NOT_NAME_WORDS = ORG_WORDS | PLACE_WORDS | EVENT_WORDS | TITLE_WORDS | ORG_ROLE_NOUNS | LEGAL_FORMS
# Names that are never a person's whatever their words: outlets, countries, firms named after people.
_KNOWN_NON_PEOPLE = frozenset(
    normalise_name(name)
    for name in (*NEWS_OUTLETS, *COUNTRIES, *FIRMS_NAMED_FOR_PEOPLE, *(v for group in KNOWN_VARIANTS for v in group))
)
# A capitalised name word ('Holt', 'McConnell', "O'Rourke", 'Lamont-Scott') or an initial ('J.').
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:['’]?[A-Z][a-z]+)?(?:-[A-Z][a-z]+)*|[A-Z]\.")


@lru_cache(maxsize=1)
def plain_given_names() -> frozenset[str]:
    """Given names that are no other word: the lexicon's, and the census's less those the
    model's lemma tables hold ('dallas', 'virginia', 'morgan', 'young' name places, firms and
    things as often as people)."""
    return GIVEN_NAMES | (census_given_names() - dictionary_words())


def word_before_full_name(words: list[str], known: dict[str, str]) -> bool:
    """A capitalised word before a full name the text uses on its own, which opens with a given
    name, the word being nobody's name: 'Billionaire Donald Trump', 'Businessman Donald Trump',
    'Cheeto Donald Trump' ('Rose Mary Tan' keeps 'Rose', 'Chandler Van Voorhis' keeps
    'Chandler', a surname too)."""
    word, rest = words[0], " ".join(words[1:])
    if not word.istitle() or known.get(rest) != "person" or _a_name(word.lower()) or word.lower() in census_surnames():
        return False
    # a word no dictionary holds may be a given name the lists lack ('Wilfried Van Moer', the text
    # using 'Van Moer' alone): it goes only before a given name that is no particle of a surname
    return _a_name(words[1].lower()) and (is_dictionary_word(word) or words[1].lower() not in NAME_PARTICLES)


def _a_name(word: str) -> bool:
    """A given name: the lexicon's or the census's (membership read in each, not their union)."""
    return word in GIVEN_NAMES or word in census_given_names()


def _written_as_name(words: list[str]) -> bool:
    """Capitalised words or initials, with particles inside ('Maarten van den Heuvel')."""
    last = len(words) - 1
    return last > 0 and all(
        _NAME_WORD.fullmatch(w) or (0 < i < last and w in NAME_PARTICLES) for i, w in enumerate(words)
    )


def _person_name_shape(name: str, places: set[str]) -> bool:
    """Two to four capitalised words, the first a given name that is no place of the text,
    and no word of an organisation, place, event, title or legal form."""
    words = name.split()
    if not 2 <= len(words) <= 4 or normalise_name(name) in _KNOWN_NON_PEOPLE:
        return False
    if not _written_as_name(words):
        return False
    if any(_not_name_word(w) for w in words):
        return False
    first = words[0].lower()
    return first in plain_given_names() and first not in places


def _not_name_word(word: str) -> bool:
    """An organisation, place, event or title word, in the singular or the plural ('Ministries')."""
    lower = word.lower().rstrip(".")
    singulars = plural_singulars(lower) | ({lower[:-3] + "y"} if lower.endswith("ies") else set())
    return lower in NOT_NAME_WORDS or bool(singulars & NOT_NAME_WORDS)


# 'The Kelly File.', 'at a Hilton Garden Inn,': a name after an article and not before a noun
# it qualifies ('the Bernie Sanders campaign') names a thing.
_ARTICLE_BEFORE = re.compile(r"(?:^|\W)(?:[Tt]he|[Aa]n?)\s+$")
_NOUN_AFTER = re.compile(r"\s+[a-z]")


def _named_as_thing(name: str, text: str) -> bool:
    start = text.find(name)
    while start != -1:
        end = start + len(name)
        if _ARTICLE_BEFORE.search(text[max(0, start - 6) : start]) and not _NOUN_AFTER.match(text, end):
            return True
        start = text.find(name, end)
    return False


# 'from Charlotte' too, and 'In Charlotte,' opening a sentence
_PLACE_PREPOSITION_BEFORE = re.compile(r"\b(?:[Ii]n|[Nn]ear|[Aa]cross|[Ff]rom|[Aa]t)\s+$")
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")  # 'at Bernie Sanders' rally' puts the rally in a place
# 'more updates from Amanda?' (the writer's sign-off), 'a letter from Charlotte': someone, not a place
_MESSAGE_FROM = re.compile(
    r"\b(?:updates?|news|letters?|messages?|e-?mails?|notes?|calls?|word|tweets?|posts?|texts?|words)\s+from\s+$",
    re.IGNORECASE,
)


def _placed_word(mention: Mention, text: str) -> bool:
    """A one-word place the layout or the words before it make one ('in Charlotte', 'In
    Charlotte,', a dateline), not a sender ('updates from Amanda')."""
    return (
        " " not in mention.text.strip()
        and placed_by_context(mention, text, _PLACE_PREPOSITION_BEFORE)
        and not _MESSAGE_FROM.search(text[max(0, mention.start - 30) : mention.start])
    )


def _after_place_preposition(mention: Mention, text: str) -> bool:
    """A one-word place after 'in', 'near', 'across' ('In Virginia, they voted'; not 'from' or
    'at', as in 'from Trump'), not a name qualifying what follows ('in Trump world', 'in
    Trump's march')."""
    return (
        mention.type == "place"
        and " " not in mention.text.strip()
        and IN_PLACE_BEFORE.search(text[max(0, mention.start - 8) : mention.start]) is not None
        and not mention.adjectival
        and not _POSSESSIVE_AFTER.match(text, mention.end)
    )


def retype_given_name_people(mentions: Sequence[Mention], text: str) -> None:
    """'Lester Holt', 'Bernie Sanders' guessed an organisation or a place: a full name whose
    first word is a given name is a person's, unless a keyword, the layout or the context
    made it something else (weight 2 or more), the text puts that given name in a place
    ('Charlotte Panthers' beside 'in Charlotte') or writes it as a thing's ('The Kelly File')."""
    places = {normalise_name(m.text) for m in mentions if _placed_word(m, text)}
    # 'at Sandy Hook': a name opening with a given name that is also a word of the language
    # ('Sandy', 'Chase'), which the text puts in a place, is the place's
    placed_names = {
        normalise_name(m.text)
        for m in mentions
        if " " in m.text.strip()
        and m.text.split()[0].lower() in WORD_GIVEN_NAMES
        and m.type != "person"
        and _PLACE_PREPOSITION_BEFORE.search(text[max(0, m.start - 8) : m.start])
        and not _POSSESSIVE_AFTER.match(text, m.end)
    }
    for mention in mentions:
        if mention.type not in ("organisation", "place") or mention.weight >= 2:
            continue
        if normalise_name(mention.text) in placed_names:
            continue
        if _person_name_shape(mention.text, places) and not _named_as_thing(mention.text, text):
            mention.type = "person"


def retype_name_words(clusters: Sequence[ClusterLike], text: str) -> None:
    """'Trump demands', 'I despise Trump' guessed an organisation beside 'Donald Trump' and
    'Melania Trump': a lone word of one or more people's full names in the text is a person,
    though it joins none of them when it could be several. Not where a keyword or the lexicon
    made it something else (weight 3) or the text puts it in a place ('In Virginia,' beside
    'Virginia Democrats', which the model read as a person's name), nor a country, outlet or
    organisation word."""
    words = {w for c in clusters if c.type == "person" for w in _full_name_words(c.name)}
    for cluster in clusters:
        if cluster.type not in ("organisation", "place") or not cluster.mentions:
            continue
        if any(" " in m.text.strip() or (m.type != "person" and m.weight >= 3) for m in cluster.mentions):
            continue
        if any(_after_place_preposition(m, text) for m in cluster.mentions):
            continue
        key = normalise_name(cluster.name)
        if (
            _NAME_WORD.fullmatch(cluster.name)
            and key in words
            and key not in _KNOWN_NON_PEOPLE
            and key not in NOT_NAME_WORDS
        ):
            for mention in cluster.mentions:
                mention.type = "person"


def _full_name_words(name: str) -> set[str]:
    """The folded words of a person's name of two words or more written as a name (no
    acronym, lower-case word or organisation word: not 'Bernie or Bust', 'PAC Priorities
    USA Action'), less particles and initials."""
    if not _written_as_name(name.split()) or any(_not_name_word(w) for w in name.split()):
        return set()
    return {w for w in normalise_name(name).replace("-", " ").split() if len(w) > 1 and w not in NAME_PARTICLES}


def retype_word_people(clusters: Sequence[ClusterLike], text: str) -> None:
    """'Morning Consult', 'Squawk Box', 'Crime Bill', 'Congressional Black Caucus' guessed a
    person: two or three words of the language, the first no given name, are a show's, a firm's
    or a programme's name. Not where a title or role made it a person's, nor where another
    person of the text has its last word ('Ivanka Trump' beside 'Donald Trump') or the text
    calls it by its last two words ('Le Pen' of 'Marine Le Pen'); nor where the
    last word is a common surname ('Tiger Woods', 'Spike Lee') or a speech verb made it a
    person's (weight 3), unless the text writes the name after 'the' ('the White House said')."""
    people = [c for c in clusters if c.type == "person"]
    last_words = [(c, normalise_name(c.name).split()[-1]) for c in people if " " in c.name.strip()]
    for cluster in people:
        words = cluster.name.split()
        if not 2 <= len(words) <= 3 or not _written_as_name(words) or not _language_words(words):
            continue
        last = normalise_name(words[-1])
        if any(m.role for m in cluster.mentions) or any(w == last and c is not cluster for c, w in last_words):
            continue
        if any(" " in m.text.strip() and ends_name(cluster.name, m.text) for m in cluster.mentions):
            continue  # the text calls it by a surname of two words: 'Marine Le Pen' ... 'said Le Pen'
        common_surname = words[-1].lower() in census_surnames()
        if (common_surname or any(m.weight >= 3 for m in cluster.mentions)) and not _after_the(cluster.name, text):
            continue
        for mention in cluster.mentions:
            mention.type = "organisation"


def _language_words(words: list[str]) -> bool:
    """Every word (each part of a hyphenated one) a word of the language, the first no given name."""
    if is_given_name(words[0].lower()):
        return False
    return all(is_dictionary_word(part) for word in words for part in word.split("-"))


def _after_the(name: str, text: str) -> bool:
    start = text.find(name)
    while start != -1:
        if follows_the(text, start):
            return True
        start = text.find(name, start + len(name))
    return False


_ACRONYM = re.compile(r"[A-Z]{3,5}|(?:[A-Z]\.){3,5}")


def retype_acronym_places(clusters: Sequence[ClusterLike], text: str) -> None:
    """'the IRS', 'at MIT', 'GOP' guessed a place (the context reads 'from the IRS' as a
    place's): an acronym of three to five capitals is a body's, unless it is a country's or
    a state's ('USA', 'DPRK', 'N.H.'), a name the text also writes in title case, or a city
    opening a line ('MIAMI - Democrats got...', a dateline the layout did not mark)."""
    for cluster in clusters:
        name = cluster.name.strip()
        if cluster.type != "place" or not _ACRONYM.fullmatch(name) or any(m.role for m in cluster.mentions):
            continue
        key = normalise_name(name)
        if key in _KNOWN_NON_PEOPLE or name in STATE_ABBREVIATIONS or key.upper() in PLACE_ACRONYMS:
            continue
        if any(m.text.strip() != name or text[m.start - 1 : m.start] in ("", "\n") for m in cluster.mentions):
            continue
        if not re.search(rf"\b{re.escape(name.title())}\b", text):
            for mention in cluster.mentions:
                mention.type = "organisation"


# A capital inside one word ('SoftBank', 'WeWork', 'YouTube') marks a brand; places written so
# open with a name's prefix ('McAllen', 'DeKalb', 'LaGrange', "O'Fallon").
_CAMEL_CASE = re.compile(r"[A-Z][a-z]+[A-Z][A-Za-z]*")
_NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "La", "Le", "Van", "Von", "O'", "O’", "St")


def retype_camel_case_places(clusters: Sequence[ClusterLike]) -> None:
    """'SoftBank' guessed a place: one word with a capital inside is a company's or a brand's."""
    for cluster in clusters:
        name = cluster.name.strip()
        if cluster.type != "place" or not _CAMEL_CASE.fullmatch(name) or name.startswith(_NAME_PREFIXES):
            continue
        if any(m.role for m in cluster.mentions):
            continue
        for mention in cluster.mentions:
            mention.type = "organisation"
