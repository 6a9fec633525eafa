"""Mentions of people, organisations, places and groups in one text, typed.

spaCy's small English model finds the spans; the rules here repair what it gets
wrong on news: titles glued to names, possessives, lists read as one name,
companies typed as people or places, places after "in" or "from", hyphenated
and particle names ("van den Heuvel"), and names it misses after a role
("spokesperson Lucas Brennholt") or before an organisation word ("Tidewater
Collective"). Linking the mentions of one entity is briefing/nlp/entities.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from briefing.domain import normalise_name
from briefing.nlp.entity_words import (
    DESCRIBING_PARTICIPLES,
    OPENING_WORDS,
    after_description,
    before_country,
    common_noun_opening,
    dictionary_words,
    in_capitals,
    in_place_context,
    is_number,
    strays_after_name,
    strays_before_name,
)
from briefing.nlp.lexicon import (
    CLUB_PREFIXES,
    COUNTRIES,
    GIVEN_NAMES,
    KNOWN_VARIANT_TYPES,
    KNOWN_VARIANTS,
    LEADING_NOISE,
    LEGAL_FORMS,
    NAME_PARTICLES,
    NEWS_OUTLETS,
    ORG_FIRST_WORDS,
    ORG_WORDS,
    PERSON_TITLES,
    PLACE_WORDS,
    ROLE_NOUNS,
    SPACY_TYPES,
    SPEECH_VERBS,
    TITLE_WORDS,
)
from briefing.nlp.model import load_model
from briefing.nlp.parse import Paragraph, ParsedText
from briefing.nlp.title_lines import Recased, entities, recase_paragraphs

POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$")
# An owner's possessive inside a run of capitalised words ("Trump's RT", "Kaine's Senate").
OWNER = re.compile(r"(?<=\w)['’]s(?= )")
_VARIANT_TYPES = {normalise_name(v): KNOWN_VARIANT_TYPES[group[0]] for group in KNOWN_VARIANTS for v in group}
_OUTLETS = frozenset(normalise_name(name) for name in NEWS_OUTLETS)
_COUNTRIES = frozenset(normalise_name(name) for name in COUNTRIES)


@dataclass
class Mention:
    start: int
    end: int
    text: str
    type: str
    weight: int = 1  # how sure the type is: 3 when a title, role or keyword says so
    role: str | None = None
    adjectival: bool = False  # "Veldran utilities": a name used as a modifier
    common: bool = False  # "Scholars have long debated": one word a sentence start capitalises, read as a noun

    def cut_to(self, name: str) -> Mention:
        """The mention narrowed to ``name``, a part of its text, in its place."""
        start = self.start + self.text.index(name)
        return Mention(start, start + len(name), name, self.type, self.weight, self.role)

    def inside(self, ranges: list[tuple[int, int]]) -> bool:
        return any(s <= self.start and self.end <= e for s, e in ranges)


def find_mentions(parsed: ParsedText) -> list[Mention]:
    """Every typed mention of the text, in order. The rules that read capitals in the text
    read it with its title-case lines true-cased (briefing/nlp/title_lines.py)."""
    text, recased = recase_paragraphs(parsed, load_model())
    mentions = [m for i, para in enumerate(parsed.paragraphs) for m in _paragraph_mentions(para, recased.get(i))]
    mentions = _with_role_names(mentions, text)
    mentions = _with_org_names(mentions, text)
    mentions = _join_adjacent(sorted(mentions, key=lambda m: m.start), text)
    mentions = _with_full_names(mentions, text, parsed)
    return sorted(mentions, key=lambda m: m.start)


_NAME = r"[A-Z][\w'’-]+(?:[ ]+(?:(?:van der|van den|van|de la|de|del|da|dos|al|bin)[ ]+)?[A-Z][\w'’-]+){1,3}"
ROLE_NAME = re.compile(
    rf"\b(?i:(?P<role>{'|'.join(sorted(ROLE_NOUNS | PERSON_TITLES, key=len, reverse=True))}))\.?\s+(?P<name>{_NAME})"
)


def _with_role_names(mentions: list[Mention], text: str) -> list[Mention]:
    """'spokesperson Lucas Brennholt': a name right after a role is a person, found or not."""
    for match in ROLE_NAME.finditer(text):
        name = match["name"]
        if not name[0].isupper() or any(w.lower() in ORG_WORDS | PLACE_WORDS for w in name.split()):
            continue
        # 'Mr. Trump's RT appearance': a person's name ends at its owner's possessive
        name = POSSESSIVE.sub("", OWNER.split(name, maxsplit=1)[0])
        start = match.start("name")
        first = name.split(" ")[0]
        if match["role"].lower() == "miss" and " " in name and _pageant_word(first):
            name, start = name[len(first) + 1 :], start + len(first) + 1  # 'Miss Universe Alicia Machado'
        while " " in name and name.split(" ")[0].lower().rstrip(".") in TITLE_WORDS:
            first = name.split(" ")[0]
            name, start = name[len(first) + 1 :], start + len(first) + 1
        if all(w.lower().rstrip(".") in TITLE_WORDS for w in name.split()):
            continue
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


def _with_org_names(mentions: list[Mention], text: str) -> list[Mention]:
    """'Tidewater Collective', 'Medicines Evaluation Board': capitalised words ending in an
    organisation word are an organisation, whether or not the model saw it."""
    people = {m.text for m in mentions if m.type == "person"}
    names = {m.text for m in mentions}
    for match in ORG_NAME.finditer(text):
        start, name = match.start(), match.group()
        while " " in name and name.split(" ")[0].lower() in _NOT_NAME_WORDS:
            first = name.split(" ")[0]
            name, start = name[len(first) + 1 :], start + len(first) + 1
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


def _join_adjacent(mentions: list[Mention], text: str) -> list[Mention]:
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
    'Republicans'."""
    return "group" not in (first.type, second.type)


def _with_full_names(mentions: list[Mention], text: str, parsed: ParsedText) -> list[Mention]:
    """'Yusuf' found alone, 'Halima Sadiq Yusuf' in the text: the full name is a person."""
    known = {m.text for m in mentions if len(m.text.split()) > 1}
    names = {m.text for m in mentions}
    lone = [m for m in mentions if len(m.text.split()) == 1 and m.weight < 3 and not m.adjectival]
    for mention in [m for m in lone if m.type == "person" or _speaks(text, m)]:
        word = re.escape(mention.text)
        before = rf"(?<![\w-])(?:(?:{_CAPITALISED})[ ]+){{1,3}}{word}(?![\w-])"
        after = rf"(?<![\w-]){word}(?:[ ]+{_CAPITALISED}){{1,2}}(?![\w-])"
        pattern = f"{before}|{after}"
        for match in re.finditer(pattern, text):
            start, name = _after_quote_mark(match.start(), match.group())
            start, name = _without_opening_word(parsed, start, name, names)
            words = name.split()
            if name in known or len(words) < 2 or not all(_plain_word(w) for w in words):
                continue
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


def _speaks(text: str, mention: Mention) -> bool:
    """A one-word name that speaks ('Yusuf said') or is addressed ('Ms Yusuf') is a person's."""
    return bool(SPEAKS_AFTER.match(text, mention.end) or HONORIFIC_BEFORE.search(text[: mention.start]))


def _paragraph_mentions(para: Paragraph, recased: Recased | None) -> list[Mention]:
    found = []
    for ent in entities(para, recased):
        if ent.label_ not in SPACY_TYPES:
            continue
        for part in _split_lists(ent):
            mention = _clean_mention(para, part)
            if mention is not None:
                found.append(mention)
    return found


def _split_lists(ent) -> list:
    """'Saltmarsh, Harbourside', 'Veldra - Press', 'Leeds 2 Wimbledon' or 'Jim Urquhart / Reuters'
    is two names, not one; a link, handle or hashtag is no name, nor the one word that
    labels it ('Twitter @NolteNC')."""
    parts, start = [], ent.start
    for token in ent:
        spaced = token.i > 0 and bool(token.doc[token.i - 1].whitespace_)
        dash = token.text in ("-", "–", "—") and spaced
        two_people = ent.label_ == "PERSON" and token.lower_ in ("and", "or")  # 'Ann Lee and Bo Kim'
        if is_link(token):
            if token.i - start > 1:  # one word before a handle is its label ('Twitter')
                parts.append(ent.doc[start : token.i])
            start = token.i + 1
        elif token.i > start and (token.text in (",", ";", "|", "/") or dash or two_people or is_number(token)):
            parts.append(ent.doc[start : token.i])
            start = token.i + 1
    parts.append(ent.doc[start : ent.end])
    return [p for p in parts if len(p)]


def _names_person(words: str, people: set[str]) -> bool:
    """``words`` end in the name of a person the text names ('President Obama', 'Tim Kaine')."""
    return any(words == name or words.endswith(" " + name) for name in people)


def is_link(token) -> bool:
    """A web address with a path, an @handle, a #hashtag or markup: never a name, whatever
    its capitals. A bare site name ("Breitbart.com", "Factcheck.org") is an outlet's name."""
    text = token.text
    if (text[:1] in "@#" and len(text) > 1) or "<" in text or ">" in text:
        return True
    return "://" in text or text.lower().startswith("www.") or (token.like_url and "/" in text)


def _clean_mention(para: Paragraph, ent) -> Mention | None:
    label = ent.label_ or ent.root.ent_type_
    tokens = list(ent)
    inner = [i for i, t in enumerate(tokens[:-1]) if t.tag_ == "POS" and i > 0]
    if inner:  # "Port Halden’s Saltmarsh": the owner and the owned are two places
        tokens = tokens[inner[-1] + 1 :]
    tokens = _without_strays(tokens)
    title = None
    while len(tokens) > 1 and _title_before_name(tokens):
        title = tokens.pop(0).lower_.rstrip(".")
    if tokens and _pageant_title(tokens[0], title):
        tokens = tokens[1:]
    if not tokens or all(t.lower_ in TITLE_WORDS for t in tokens):
        return None
    tokens = _with_particles(tokens)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = POSSESSIVE.sub("", para.text[start:end]) if end - start > 3 else para.text[start:end]
    if not any(c.isupper() for c in text) or len(text) < 2 or common_noun_opening(tokens):
        return None
    kind, weight = _fix_type(text, SPACY_TYPES[label], title, tokens)
    role = _role_before(tokens[0]) if kind == "person" else None
    following = tokens[-1].nbor(1) if tokens[-1].i + 1 < len(tokens[-1].doc) else None
    adjectival = following is not None and following.pos_ == "NOUN"
    common = len(tokens) == 1 and tokens[0].tag_ in ("NN", "NNS") and _opens_sentence(tokens[0])
    start += para.start
    return Mention(start, start + len(text), text, kind, weight, role or title, adjectival, common)


def _pageant_title(token, title: str | None) -> bool:
    """'Universe' of 'Miss Universe Alicia Machado' or 'a former Miss Universe': after 'Miss', a
    word of the language or a country is a title won, no name ('Miss Rose Tan' keeps 'Rose')."""
    before = token.nbor(-1).lower_ if token.i > 0 else ""
    return "miss" in (title, before) and _pageant_word(token.text)


def _pageant_word(word: str) -> bool:
    """'Universe', 'America': a word of the language or a country, no given name."""
    lower = word.lower()
    if lower in GIVEN_NAMES or not word[:1].isupper():
        return False
    return lower in dictionary_words() or normalise_name(word) in _COUNTRIES


def _opens_sentence(token) -> bool:
    """``token`` opens its paragraph or follows a full stop, question or exclamation mark
    (not a semicolon, quotation mark or bracket: 'Golden Nugget by 29 percent; Resorts by')."""
    i = token.i - 1
    while i >= 0 and token.doc[i].is_space:
        i -= 1
    return i < 0 or token.doc[i].text in (".", "!", "?")


def _title_before_name(tokens: list) -> bool:
    """'Senator', 'Chief Executive': a title before a name. A word that only qualifies a title
    ('State' of 'State Senator', 'City' of 'City Councillor') counts only before one: 'City
    Hall' is no person."""
    word = tokens[0].lower_.rstrip(".")
    if word not in TITLE_WORDS:
        return False
    return word in PERSON_TITLES | ROLE_NOUNS or tokens[1].lower_.rstrip(".") in TITLE_WORDS


def _without_strays(tokens: list) -> list:
    """The tokens without noise, punctuation, figures, conjunctions and sentence-initial verbs
    at either end: 'Hammering Hillary Clinton', 'Although Berm', 'Rios of', 'Haig 1'."""
    tokens = after_description(tokens)
    while tokens and (
        tokens[0].lower_ in LEADING_NOISE
        or tokens[0].is_punct
        or tokens[0].is_space
        or strays_before_name(tokens[0], tokens[1:])
    ):
        tokens = tokens[1:]
    while tokens and (
        tokens[-1].tag_ == "POS" or tokens[-1].is_punct or tokens[-1].is_space or strays_after_name(tokens[-1])
    ):
        tokens = tokens[:-1]
    return tokens


def _with_particles(tokens: list) -> list:
    """'Maarten van den' + 'Heuvel': carry a name across its particles and hyphens."""
    doc = tokens[-1].doc
    i = tokens[-1].i + 1
    extra: list = []
    ends_in_particle = len(tokens) > 1 and tokens[-1].lower_ in NAME_PARTICLES
    while i < len(doc) and len(extra) < 4:
        token = doc[i]
        if token.lower_ in NAME_PARTICLES or (token.text in "-‑" and not doc[i - 1].whitespace_):
            extra.append(token)
        elif (extra or ends_in_particle) and token.text[:1].isupper():
            return tokens + extra + [token]
        else:
            break
        i += 1
    return tokens


def _fix_type(text: str, kind: str, title: str | None, tokens) -> tuple[str, int]:
    words = text.replace("-", " ").split()
    last, first = words[-1].lower().strip("."), words[0].lower()
    key = normalise_name(text)
    known = _VARIANT_TYPES.get(key) or ("organisation" if key in _OUTLETS else None)
    if known is not None:
        return known, 3
    if key in _COUNTRIES and kind != "person":  # 'Israel said' may be Steve Israel
        return "place", 2 if kind == "organisation" else 1
    if any(w.lower() in LEGAL_FORMS for w in text.split()) or (first in CLUB_PREFIXES and len(words) > 1):
        return "organisation", 3
    if last in ORG_WORDS or (first in ORG_FIRST_WORDS and len(words) > 1):
        return "organisation", 3
    if title is not None:
        return "person", 3
    if last in PLACE_WORDS and kind != "organisation":
        return "place", 2
    if text.isupper() and len(text) <= 6 and kind in ("person", "place") and not in_capitals(tokens[0].doc.text):
        return "organisation", 2
    if kind in ("person", "organisation") and len(words) == 1 and in_place_context(tokens[0]):
        return "place", 2
    if kind != "person" and (weight := _person_weight(kind, tokens)):
        return "person", weight
    return kind, 1


def _person_weight(kind: str, tokens) -> int:
    """3 for a name a role or a speech verb makes a person, 2 for one listed with its
    country ('Renzo Furlan ( Italy )'), else 0."""
    if _looks_like_person(tokens):
        return 3
    return 2 if kind == "organisation" and before_country(tokens) else 0


def _looks_like_person(tokens) -> bool:
    """A bare name introduced by a role ("chief executive Marta Okafor") or speaking."""
    words = [t for t in tokens if not t.is_punct]
    if not 2 <= len(words) <= 5 or not all(t.text[:1].isupper() or t.lower_ in NAME_PARTICLES for t in words):
        return False
    if _role_before(tokens[0]) or _role_after(tokens[-1]):
        return True
    before = tokens[0].nbor(-1) if tokens[0].i > 0 else None
    if before is not None and before.lemma_ in SPEECH_VERBS and before.tag_ != "VBN":
        return True  # 'said Lakshmi Narayanaswamy'; but 'a group called Black Votes Matter' names it
    head = max(words, key=lambda t: t.dep_ == "nsubj")
    return head.dep_ == "nsubj" and head.head.lemma_ in SPEECH_VERBS


def _role_before(token) -> str | None:
    """'spokesperson Lucas Brennholt' or 'Its secretary, Lakshmi Narayanaswamy'."""
    if token.i == 0:
        return None
    before = token.nbor(-1)
    if before.text == "," and token.i > 1:
        before = token.nbor(-2)
    word = before.lower_.rstrip(".")
    return word if word in ROLE_NOUNS or word in PERSON_TITLES else None


def _role_after(token) -> str | None:
    """ ", a spokesperson for" / ", the chief executive of" / " is the spokesperson" after a name."""
    doc = token.doc
    i = token.i + 1
    if i >= len(doc) or (doc[i].text != "," and doc[i].lemma_ != "be"):
        return None
    for follower in doc[i + 1 : i + 6]:
        if follower.lower_ in ROLE_NOUNS:
            return follower.lower_
        if follower.is_punct:
            return None
    return None
