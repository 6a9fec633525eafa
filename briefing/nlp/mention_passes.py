"""Passes over the whole text that add the names the model missed paragraph by paragraph.

A name right after a role is a person's ("spokesperson Lucas Brennholt"); capitalised words
ending in an organisation word are an organisation ("Tidewater Collective"), unless the
model read two names there ("Lester Holt of NBC News"); two one-word names side by side are
one person ("Fergal" + "Moynihan"); and a one-word person found alone takes the full name
the text gives elsewhere ("Yusuf", "Halima Sadiq Yusuf"). briefing/nlp/mentions.py runs them
in that order on the mentions it cleaned.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from briefing.domain import normalise_name
from briefing.nlp.census_surnames import census_surnames
from briefing.nlp.entity_person_names import plain_given_names
from briefing.nlp.entity_words import (
    DESCRIBING_PARTICIPLES,
    OPENING_WORDS,
    dictionary_words,
    is_given_name,
    names_an_office,
)
from briefing.nlp.lexicon import (
    COUNTRIES,
    GIVEN_NAMES,
    LEADING_NOISE,
    ORG_WORDS,
    PERSON_TITLES,
    PLACE_WORDS,
    ROLE_NOUNS,
    TITLE_WORDS,
    US_STATES,
)
from briefing.nlp.mention import Mention
from briefing.nlp.parse import ParsedText

# POSSESSIVE and pageant_word serve the paragraph rules too; they live here, below mentions.py.
POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$")
# An owner's possessive inside a run of capitalised words ("Trump's RT", "Kaine's Senate").
OWNER = re.compile(r"(?<=\w)['’]s(?= )")
# countries' and US states' names as keys (``normalise_name``); mentions.py reads them too
COUNTRY_KEYS = frozenset(normalise_name(name) for name in COUNTRIES)
STATE_KEYS = frozenset(normalise_name(name) for name in US_STATES)


_NAME = r"[A-Z][\w'’-]+(?:[ ]+(?:(?:van der|van den|van|de la|de|del|da|dos|al|bin)[ ]+)?[A-Z][\w'’-]+){1,3}"
_ROLES = "|".join(sorted(ROLE_NOUNS | PERSON_TITLES, key=len, reverse=True))
MAX_TITLE_ABBREVIATION = 4  # 'Gov.', 'Capt.', 'Prof.'; a longer role word before a full stop ends a sentence
ROLE_NAME = re.compile(rf"\b(?i:(?P<role>{_ROLES}))\.?[^\S\n]+(?P<name>{_NAME})")


def with_role_names(mentions: list[Mention], text: str) -> list[Mention]:
    """'spokesperson Lucas Brennholt': a name right after a role, on the same line, is a
    person, found or not ('-- CONCERNED SISTER' signing a letter is no role before the next
    paragraph's 'DEAR CONCERNED SISTER')."""
    for match in ROLE_NAME.finditer(text):
        name = match["name"]
        if not name[0].isupper() or any(w.lower() in ORG_WORDS | PLACE_WORDS for w in name.split()):
            continue
        if text.startswith(".", match.end("role")) and len(match["role"]) > MAX_TITLE_ABBREVIATION:
            continue  # 'to back the mayor. The GOP said': the sentence ended there
        # 'Mr. Trump's RT appearance': a person's name ends at its owner's possessive
        name = POSSESSIVE.sub("", OWNER.split(name, maxsplit=1)[0])
        start = match.start("name")
        first = name.split(" ")[0]
        if match["role"].lower() == "miss" and " " in name and pageant_word(first):
            name, start = name[len(first) + 1 :], start + len(first) + 1  # 'Miss Universe Alicia Machado'
        while " " in name and name.split(" ")[0].lower().rstrip(".") in TITLE_WORDS:
            first = name.split(" ")[0]
            name, start = name[len(first) + 1 :], start + len(first) + 1
        if all(w.lower().rstrip(".") in TITLE_WORDS for w in name.split()) or names_an_office(name.split()):
            continue  # 'the company's first Chief Strategy Officer' names an office
        end = start + len(name)
        overlapping = [m for m in mentions if m.start < end and start < m.end]
        if any(m.end - m.start >= end - start and m.type == "person" for m in overlapping):
            continue
        mentions = [m for m in mentions if m not in overlapping]
        mentions.append(Mention(start, end, name, "person", 3, match["role"].lower()))
    return mentions


_CAPITALISED = r"[A-Z\u00C0-\u024F\u1E00-\u1EFF][\w'’]*(?:-[\w'’]+)*"
_NOT_NAME_WORDS = frozenset(
    """
the a an in on at for from by with and or but of to as this that these those his her their our its
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december mr mrs ms dr prof
""".split()
)


def _acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper() and word.isalpha()


def _plain_word(word: str) -> bool:
    """A word that may be part of a person's name: no function, opening, title or organisation
    word, and no word closing a quotation ('Trump Was ‘Mocking’ Clinton')."""
    lower = word.lower().rstrip(".")
    return (
        not word.endswith(("’", "'"))
        and lower not in _NOT_NAME_WORDS | OPENING_WORDS | LEADING_NOISE
        and lower not in ORG_WORDS | PLACE_WORDS | TITLE_WORDS
    )


_ORG_END = "|".join(sorted((w.capitalize() for w in ORG_WORDS if w.isalpha()), key=len, reverse=True))
ORG_NAME = re.compile(
    rf"(?<![\w-])(?:{_CAPITALISED}[ ]+(?:(?:of|for|on|de|du)[ ]+(?:the[ ]+)?)?){{1,5}}(?:{_ORG_END})(?![\w-])"
)


DESCRIBED = re.compile(rf"\S+-(?:{'|'.join(DESCRIBING_PARTICIPLES)})\s+")


def with_org_names(mentions: list[Mention], text: str) -> list[Mention]:
    """'Tidewater Collective', 'Medicines Evaluation Board': capitalised words ending in an
    organisation word are an organisation, whether or not the model saw it."""
    people = {m.text for m in mentions if m.type == "person"}
    names = {m.text for m in mentions}
    for match in ORG_NAME.finditer(text):
        name, start = _without_leading_words(match.group(), match.start())
        described = DESCRIBED.match(name)  # 'Halden-based Corvane Systems'
        if described:
            name, start = name[described.end() :], start + described.end()
        end = start + len(name)
        if _two_names_read(mentions, start, end, text):
            continue
        person = next((m for m in mentions if m.type == "person" and start <= m.start < end), None)
        owner = OWNER.search(name)
        if owner is not None and (_names_person(name[: owner.start()], people) or name[: owner.start()] in names):
            # "Tim Kaine's Senate seat", "Obama's Cabinet": a person's body, no name of its own;
            # "the Supreme Court's Citizens United decision": the owner is a name of its own
            name, start = name[owner.end() + 1 :], start + owner.end() + 1
            if re.match(r" [A-Z]", text[end : end + 2]):
                continue  # 'the Environmental Protection Agency’s Clean Power Plan': cut mid-name
        elif person is not None and " of " in text[person.end : end]:
            # 'Hugo Tenbrook of the Civic Alliance': the person, then the organisation
            cut = text.index(" of ", person.end) + 4
            cut += 4 if text.startswith("the ", cut) else 0
            name, start = text[cut:end], cut
        if " " not in name:
            continue
        overlapping = [m for m in mentions if m.start < end and start < m.end]
        if any(m.end - m.start >= end - start for m in overlapping):
            continue
        mentions = [m for m in mentions if m not in overlapping]
        mentions.append(Mention(start, end, name, "organisation", 3))
    return mentions


_JOINING = re.compile(r"\s+(?:of|for|on)\s+(?:the\s+)?")


_PRONOUNS = frozenset("i we you they he she it".split())


def _without_leading_words(name: str, start: int) -> tuple[str, int]:
    """The name and where it starts, less words before it that no name opens with, and less
    what comes before an article inside it ('Follow The New York Times on Twitter', 'Ross
    Sorkin of The New York Times'), unless a pronoun ('We The People Foundation')."""
    article = name.find(" The ")
    if article > 0 and name[:article].split()[-1].lower() not in _PRONOUNS:
        name, start = name[article + 1 :], start + article + 1
    while " " in name and name.split(" ")[0].lower() in _NOT_NAME_WORDS:
        first = name.split(" ")[0]
        name, start = name[len(first) + 1 :], start + len(first) + 1
    return name, start


def _two_names_read(mentions: list[Mention], start: int, end: int, text: str) -> bool:
    """The model read two names where capitalised words run over 'of', 'for' or 'on' to an
    organisation word: 'Lester Holt of NBC News', 'the GOP for the Republican Party'. A name
    of two words or more comes after; an office or body before 'of' is part of the name
    ('Legal Counsel of the European Parliament'), as is a lone body after ('Kirkpatrick for Senate')."""
    inside = sorted((m for m in mentions if start <= m.start and m.end <= end), key=lambda m: m.start)
    for a, b in zip(inside, inside[1:], strict=False):
        joining = _JOINING.fullmatch(text, a.end, b.start)
        if joining is None or " " not in b.text:
            continue
        office = a.text.split()[-1].lower() in ORG_WORDS | TITLE_WORDS
        if not (office and " of " in joining.group()):
            return True
    return False


def join_adjacent(mentions: list[Mention], text: str) -> list[Mention]:
    """'Fergal' + 'Moynihan' found as two one-word names: one person."""
    joined: list[Mention] = []
    for mention in mentions:
        last = joined[-1] if joined else None
        if (
            last is not None
            and text[last.end : mention.start] == " "
            and len(last.text.split()) == 1
            and len(mention.text.split()) == 1
            and _plain_word(last.text)
            and _plain_word(mention.text)
            and last.weight < 3
            and mention.weight < 3
            and _may_be_one_person(last, mention)
        ):
            joined[-1] = Mention(last.start, mention.end, text[last.start : mention.end], "person", 2, last.role)
        else:
            joined.append(mention)
    return joined


def _may_be_one_person(first: Mention, second: Mention) -> bool:
    """Two words the model read apart may be one person's names ('Amanda' + 'Terkel', both
    read as organisations), unless one is a group's: 'Nevada' + 'Democratic', 'House' +
    'Republicans'; nor is an acronym after a name a surname: 'Washington' + 'GOP', 'Kenya' + 'CDC'."""
    acronym = second.text.isupper() and len(second.text) > 1 and not first.text.isupper()
    return "group" not in (first.type, second.type) and not acronym and not _country_not_surname(second.text)


def _country_not_surname(word: str) -> bool:
    """A country no one bears as a name: "Lexus" + "Philippines" is a brand's branch there, where
    "Michael" + "Jordan" and "Steve" + "Israel" are people."""
    key = normalise_name(word)
    return key in COUNTRY_KEYS and not is_given_name(key) and key not in census_surnames()


def with_full_names(mentions: list[Mention], text: str, parsed: ParsedText) -> list[Mention]:
    """'Yusuf' found alone, 'Halima Sadiq Yusuf' in the text: the full name is a person."""
    known = {m.text for m in mentions if len(m.text.split()) > 1}
    names = {m.text for m in mentions}
    lone = [m for m in mentions if len(m.text.split()) == 1 and m.weight < 3 and not m.adjectival]
    # an acronym speaks for a body ('the Chinese CDC said'), never as a person's surname; each
    # word is looked for once, however often it stands alone ('Trump' 500 times in a long text)
    # a plain given name the model read as a place or a body ('Touché, Carly') is looked for too
    words_alone = dict.fromkeys(
        m.text
        for m in lone
        if m.type == "person" or _misread_given_name(m) or _speaks(text, m) and not _acronym(m.text)
    )
    for alone in words_alone:  # in the order they first stand
        word = re.escape(alone)
        before = rf"(?<![\w-])(?:(?:{_CAPITALISED})[ ]+){{1,3}}{word}(?![\w-])"
        after = rf"(?<![\w-]){word}(?:[ ]+{_CAPITALISED}){{1,2}}(?![\w-])"
        pattern = f"{before}|{after}"
        for match in re.finditer(pattern, text):
            start, name = _after_quote_mark(match.start(), match.group())
            start, name = _without_opening_word(parsed, start, name, names)
            words = name.split()
            if name in known or len(words) < 2 or not all(_plain_word(w) for w in words) or OWNER.search(name):
                continue  # 'Iowa’s Scott and Polk counties' is no one's full name
            end = start + len(name)
            if any(m.start < end and start < m.end and len(m.text.split()) > 1 for m in mentions):
                continue
            mentions = [m for m in mentions if not (start <= m.start and m.end <= end)]
            mentions.append(Mention(start, end, name, "person", 2))
            known.add(name)
    return sorted(mentions, key=lambda m: m.start)


_AFTER_QUOTE_MARK = re.compile(r".*[’'](?:\s+|$)")


def _after_quote_mark(start: int, name: str) -> tuple[int, str]:
    """``name`` (at ``start``) after its last word that ends in a quote mark: an owner's
    ('Democracy Corps’ Stan Greenberg') or a quotation's end ('Was ‘Mocking’ Clinton')."""
    match = _AFTER_QUOTE_MARK.match(name)
    return (start, name) if match is None else (start + match.end(), name[match.end() :])


# Parts of speech the tagger gives, in context, to a word that opens a clause, never a name:
# 'Let Hillary and I sit there', 'Hold Melania Trump to...', 'Everything Trump says'.
_OPENING_POS = frozenset("VERB AUX PRON DET ADP CCONJ SCONJ ADV PART INTJ".split())


def _without_opening_word(parsed: ParsedText, start: int, name: str, names: set[str]) -> tuple[int, str]:
    """``name`` (at ``start``) less a first word of the language that the tagger reads as a
    verb, pronoun or other word opening a clause; a given name stays ('Will Hurd', 'Mark
    Warner'), so does a word the model does not know ('Waverly Crenshaw') and one of the
    text's ``names`` ('Trump Calls On Obama')."""
    first = name.split(" ", 1)[0]
    para = next((p for p in parsed.paragraphs if p.start <= start < p.end), None)
    if para is None or " " not in name or first.lower() in GIVEN_NAMES or first in names:
        return start, name
    i = para.token_from(start - para.start)
    if i is None:
        return start, name
    lower = first.lower()
    if not _plain_word(first) or (lower not in STOP_WORDS and lower not in dictionary_words()):
        return start, name  # 'The', 'As' reject the whole match (_plain_word), as before
    token = para.doc[i]
    if token.idx != start - para.start or token.pos_ not in _OPENING_POS:
        return start, name
    rest = name[len(first) :].lstrip(" ")
    return start + len(name) - len(rest), rest


SPEAKS_AFTER = re.compile(r"\s+(?:said|says|told|added|insisted|warned|argued|wrote|denied|replied)\b")
HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+$")


def _misread_given_name(mention: Mention) -> bool:
    """'Carly' read as a place: a given name that is no word, country or state ('Virginia')."""
    key = normalise_name(mention.text)
    if mention.type not in ("place", "organisation") or key in COUNTRY_KEYS or key in STATE_KEYS:
        return False
    return key in plain_given_names()


def _speaks(text: str, mention: Mention) -> bool:
    """A one-word name that speaks ('Yusuf said') or is addressed ('Ms Yusuf') is a person's."""
    before = text[max(0, mention.start - 16) : mention.start]  # the honorific's room: not the whole text
    return bool(SPEAKS_AFTER.match(text, mention.end) or HONORIFIC_BEFORE.search(before))


def _names_person(words: str, people: set[str]) -> bool:
    """``words`` end in the name of a person the text names ('President Obama', 'Tim Kaine')."""
    return any(words == name or words.endswith(" " + name) for name in people)


def pageant_word(word: str) -> bool:
    """'Universe', 'America': a word of the language or a country, no given name."""
    lower = word.lower()
    if lower in GIVEN_NAMES or not word[:1].isupper():
        return False
    return lower in dictionary_words() or normalise_name(word) in COUNTRY_KEYS
