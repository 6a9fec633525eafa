"""Mentions that hold more than a name, cut to the name.

A title-case headline or a sentence start runs a name into the words around it, and the
model takes them all: "Asked on Fox News", "Two Supreme Court", "In Nevada", "Said Comey",
"That’s Jeb Bush" (a function, opening, clause or number word before the name); "Trump May
be Aligning", "Boyle is Breitbart News' Washington", "Luciana Lopez: Saying", "Trump Can’t"
(a clause after it); "On Sunday" (a date, no name); "Hayes of the Weekly
Standard" (two names the text uses on their own, joined by "of the"); "Obama Speech" (a
person's name and an event or document noun: the name alone, and "Agenda Symposium" is no
person but an event, typed as an organisation); "Jeb Bush-spent",
"Obama-levels" (a lower-case word hyphened to a name the text uses on its own: "Oh Ha-eun"
and "Seongsu-dong" stay whole); "Hulu and Ora" (two words no dictionary holds, one a
name the text uses alone: two names); "Black and Brown" (communities: two words of the
language joined before the noun they describe, no name at all).
"""

from __future__ import annotations

import re
from collections import Counter

from briefing.domain import normalise_name
from briefing.nlp.claim_headline import headline_ranges
from briefing.nlp.entity_forms import FUNCTION_WORDS
from briefing.nlp.entity_fragments import (
    is_fragment,
    with_whole_ends,
    without_lower_opening,
    without_role_time_word,
)
from briefing.nlp.entity_person_names import plain_given_names, word_before_full_name
from briefing.nlp.entity_types import COUNTRY_KEYS
from briefing.nlp.entity_words import (
    DESCRIBING_PARTICIPLES,
    MONTHS,
    OPENING_WORDS,
    dictionary_words,
    inflected_from,
    is_dictionary_word,
    open_class_words,
)
from briefing.nlp.lexicon import (
    EVENT_WORDS,
    NAME_PARTICLES,
    ORG_WORDS,
    PERSON_TITLES,
    PLACE_WORDS,
    ROLE_NOUNS,
    STATE_ABBREVIATIONS,
    STATE_INITIALS,
)
from briefing.nlp.mention import Mention
from briefing.nlp.parse import ParsedText

NUMBER_WORDS = frozenset("two three four five six seven eight nine ten dozens hundreds thousands both".split())
# Words that open a sentence or a phrase before a name; no pronouns ('We The People').
LEADING_WORDS = (FUNCTION_WORDS | OPENING_WORDS) - frozenset(
    "he she it they we i you him her them us me his its their our my your who which that this these those".split()
)
PREPOSITIONS = frozenset("in on at by for from with to of into onto over under between through during about".split())
# Lower-case words that start a clause inside a span: the name ends before them.
CLAUSE_WORDS = frozenset(
    "is are was were be been has have had will would may might can could should must does did says said".split()
)
# Verbs a title-case headline writes with a capital right after a name: 'Christie Says He',
# 'Jordanian Author Waleed Abu Nada Tweeted on Wednesday' (no name has them as a word).
HEADLINE_VERBS = frozenset("is are was were says said tweets tweeted writes wrote tells told adds added".split())
# Words that open a clause before a name: 'Said Comey', 'Says Clinton', 'How Sanders'.
CLAUSE_OPENERS = (CLAUSE_WORDS - frozenset("will may".split())) | frozenset("how where".split())
# A function word run into 's or n't is never part of a name: 'That’s Jeb Bush', 'Trump Can’t'.
CONTRACTIONS = frozenset(
    """
that's it's here's there's what's who's where's how's let's he's she's i'm you're we're they're
i'd i'll i've you'd you'll you've he'd he'll she'd she'll we'd we'll we've they'd they'll they've
can't won't don't doesn't didn't isn't aren't wasn't weren't shouldn't wouldn't couldn't hasn't haven't hadn't
""".split()
)
# Lower-case words inside names: particles and connectors ('Casa de las Gaviotas', 'Council on
# Foreign Relations', 'Walmart Stores v. Dukes').
NAME_CONNECTORS = NAME_PARTICLES | frozenset(
    "of for and the on in at upon with to a an v. vs. las los des und et e ter ten te zu op della degli do".split()
)
# A headline quotes in single marks ('ISIS On ‘Disastrous’ Invasion'); double marks inside a
# name hold a nickname ('Joaquín “El Chapo” Guzmán').
OPENING_QUOTES = "‘'"
# Days and months are no person, organisation or place: 'On Sunday', 'In January'.
CALENDAR_WORDS = MONTHS | frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
HONORIFICS = frozenset("mr mrs ms miss dr".split())
# Words hyphened to a name that make it a description: 'Trump-led', 'Obama-era', 'Journal-ers'.
HYPHEN_WORDS = DESCRIBING_PARTICIPLES | frozenset(
    """era style type friendly like ers ites ite esque
    backed funded linked aligned inspired allied sponsored spent""".split()
)
LEADING_DESCRIPTIONS = frozenset("supporting leaning loving hating owned affiliated backing held".split())
_HYPHEN_SUFFIX = re.compile(r"(?<=[A-Za-z])-[a-z]+$")
_POSSESSIVE_REST = re.compile(r"(?<=\w)['’]s\s.*$")  # "Trump's TV" once "-friendly" is cut
_TOKEN = re.compile(r"\S+")
_NAME_FOLLOWS = re.compile(r" [A-Z]")
_VERB_FORM_ENDINGS = (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"))  # third person, past
_ING_ENDINGS = (("ing", ""), ("ing", "e"))


# a possessive inside or at the end of a person's name: "Trump’s Son", "Obama’s Legacy" (title-case
# headlines), "Donald Trump‘s" (a left quotation mark for the apostrophe)
_POSSESSED = re.compile(r"['’‘]s(?:\s.*)?$")


def without_possessed(mentions: list[Mention]) -> list[Mention]:
    """A person's mention cut before a possessive: the person is the owner, not what they own
    ("Trump’s Son" is Trump); a body's name keeps its possessive ("People’s Party")."""
    cut = []
    for mention in mentions:
        match = _POSSESSED.search(mention.text) if mention.type == "person" else None
        if match is None or match.start() == 0:
            cut.append(mention)
            continue
        text = mention.text[: match.start()].rstrip()
        cut.append(Mention(mention.start, mention.start + len(text), text, "person", mention.weight, mention.role))
    return cut


def cut_to_names(mentions: list[Mention], parsed: ParsedText) -> list[Mention]:
    """Each mention cut to the name (or names) in it."""
    votes = Counter((m.text, m.type) for m in mentions)
    # each form with its most frequent type (sorted by votes: the last write wins)
    known = {text: kind for (text, kind), _ in sorted(votes.items(), key=lambda item: item[1])}
    headlines = headline_ranges(parsed)
    result = []
    for mention in mentions:
        in_headline = any(s <= mention.start and mention.end <= e for s, e in headlines)
        result.extend(_cut(_without_event_word(mention, known), known, in_headline))
    result = [
        with_whole_ends(
            _without_opening_words(_without_title_after(m, parsed.text, known), parsed.text), parsed.text, set(known)
        )
        for m in result
    ]
    return [
        m
        for m in result
        if not is_fragment(m, parsed.text)
        and not _calendar(m.text)
        and not _opens_with_gerund(m)
        and not _joined_words(m)
        and not _contraction(m.text)  # "I’d": a pronoun and its verb
    ]


def _without_opening_words(mention: Mention, text: str) -> Mention:
    """Less a word in lower case ('rang Taylor') or a dating word opening a sentence ('Former')."""
    return without_role_time_word(without_lower_opening(mention), text)


def _without_title_after(mention: Mention, text: str, known: dict[str, str]) -> Mention:
    """'Charlotte Mayor' of 'Charlotte Mayor Jennifer Roberts': a title after a place or body
    the text names on its own belongs to the name that follows; the mention is that place."""
    words = mention.text.split()
    title = words[-1].lower().rstrip(".")
    if len(words) < 2 or title not in PERSON_TITLES | ROLE_NOUNS or not _NAME_FOLLOWS.match(text, mention.end):
        return mention
    name = " ".join(words[:-1])
    if known.get(name, "person") == "person":
        return mention
    piece = mention.cut_to(name)
    piece.type = known[name]
    return piece


def _joined_words(mention: Mention) -> bool:
    """'Black and Brown' (communities): two words of the language joined by a conjunction
    before the noun they describe, no name ('Parks and Recreation' has a plural, 'Politics
    and Pies' a word the model does not know as it stands)."""
    words = mention.text.split()
    if len(words) != 3 or words[1] not in ("and", "or") or not mention.adjectival:
        return False
    known = dictionary_words()
    return all(w.istitle() and w.lower() in known for w in (words[0], words[2]))


def _opens_with_gerund(mention: Mention) -> bool:
    """'Showing Comfort', 'Promoting Engagement': a verb's -ing form opens a phrase, no person
    or place (a body may be named so: 'Building Community Resilience')."""
    words = mention.text.split()
    if mention.type not in ("person", "place") or len(words) < 2 or words[-1].lower() in ORG_WORDS | PLACE_WORDS:
        return False
    first = words[0]
    return first.istitle() and first.endswith("ing") and inflected_from(first.lower(), open_class_words(), _ING_ENDINGS)


def _calendar(form: str) -> bool:
    """'Sunday', 'On Sunday', 'In January': a date, no name."""
    words = [w.lower() for w in form.split()]
    return bool(words) and words[-1] in CALENDAR_WORDS and all(w in CALENDAR_WORDS | PREPOSITIONS for w in words)


def _without_event_word(mention: Mention, known: dict[str, str]) -> Mention:
    """'Obama Speech' -> 'Obama' when the text names the person 'Obama'; 'Agenda Symposium',
    'Drudge Report' or 'EgyptAir Flight MS804' typed a person is an event, a publication or
    a flight, typed an organisation: a person's name never ends in such a noun nor holds a
    figure."""
    words = mention.text.split()
    figure = any(c.isdigit() for c in mention.text)
    if mention.type != "person" or len(words) < 2 or not (words[-1].lower() in EVENT_WORDS or figure):
        return mention
    name = mention.text.rsplit(None, 1)[0]  # the words before the last, whatever space parts them
    if known.get(name) == "person" and not figure:
        return Mention(mention.start, mention.start + len(name), name, "person", mention.weight, mention.role)
    return Mention(mention.start, mention.end, mention.text, "organisation", mention.weight, mention.role)


def _cut(mention: Mention, known: dict[str, str], in_headline: bool) -> list[Mention]:
    tokens = [(t.start(), t.group()) for t in _TOKEN.finditer(mention.text)]
    joined = (
        _joined_names(tokens, known, mention.type)
        or _body_in_place(tokens, known)
        or _body_then_name(tokens, known)
        or _place_then_person(tokens, known)
    )
    joined = joined or (_around_verb(tokens, known) if in_headline else [])
    if joined:
        return [_piece(mention, tokens[a:b], known, split=True) for a, b in joined]
    if _lone_title(tokens):
        return []  # 'Sens.' of 'Sens. John McCain (Ariz.), Kelly Ayotte (N.H.)': a title, no name
    first, last = _name_bounds(tokens, known, mention.type)
    whole = (first, last) == (0, len(tokens))
    if first >= last or (whole and not _HYPHEN_SUFFIX.search(tokens[-1][1])):
        return [mention]
    if last - first == 1 and tokens[first][1].lower().rstrip(".") in HONORIFICS:
        return []  # 'Like Mr', 'When Ms': no name is left
    # only words before the name cut: 'In Nevada' is the place the text names 'Nevada'
    piece = _piece(mention, tokens[first:last], known, trim_hyphen=True, split=first > 0 and last == len(tokens))
    described = _described_kind(tokens[first - 1][1]) if first else None
    if described:  # 'Bergamo-based Atalanta' is a body, 'Ohio-born Smith' a person
        piece.type, piece.weight = described, max(piece.weight, 2)
    suffix = _HYPHEN_SUFFIX.search(tokens[last - 1][1])
    if piece.text in known or described or (suffix and suffix.group()[1:] in HYPHEN_WORDS):
        return [piece]
    # 'Oh Ha-eun', 'Seongsu-dong': a hyphened part stays unless the name stands alone or the
    # part is a word that makes a name a description ('Donald Trump-led')
    return [mention] if whole else [_piece(mention, tokens[first:last], known)]


def _lone_title(tokens: list[tuple[int, str]]) -> bool:
    """One abbreviated title ('Sens.', 'Pres.'), not a state's abbreviation ('Miss.')."""
    if len(tokens) != 1 or not tokens[0][1].endswith(".") or tokens[0][1] in STATE_ABBREVIATIONS:
        return False
    return tokens[0][1].lower().rstrip(".") in PERSON_TITLES


def _name_bounds(tokens: list[tuple[int, str]], known: dict[str, str], kind: str = "person") -> tuple[int, int]:
    """The tokens that are the name: without leading function, opening or number words,
    and ending before a clause ('may be', 'is', 'Says') or after a colon. A preposition
    goes only before a name the text uses on its own ('In Nevada', never 'Under Armour')."""
    first = _name_start(tokens, known, kind)
    last = len(tokens)
    for i in range(first + 1, len(tokens)):
        word = tokens[i][1]
        clause = word in CLAUSE_WORDS or word.lower() in HEADLINE_VERBS and word.istitle() or _contraction(word)
        if clause or tokens[i - 1][1].endswith(":"):
            last = i
            break
        # 'ISIS On ‘Disastrous’ Invasion': a quoted word opens a clause; 'Republican National
        # Convention ended last month', 'Baltimore Sun op-ed': a common word in lower case
        if (word[:1] in OPENING_QUOTES and word[1:2].isupper()) or _common_lower(word, tokens[i + 1 :]):
            last = i
            while last - first > 1 and tokens[last - 1][1].lower() in FUNCTION_WORDS | NAME_CONNECTORS:
                last -= 1
            break
    if last < len(tokens) and tokens[last][1] in ("be", "been", "have") and last - first > 1:
        last -= 1  # 'Trump May be Aligning': the modal goes with the clause
    return first, last


def _name_start(tokens: list[tuple[int, str]], known: dict[str, str], kind: str) -> int:
    """The first token of the name."""
    first = 0
    if len(tokens) > 1 and tokens[0][1] == "One" and " ".join(w for _, w in tokens[1:]) in known:
        first = 1  # 'One Clinton spokesman': a count before a name ('One Nation' is a name)
    if len(tokens) > 2 and tokens[0][1] in STATE_INITIALS and kind == "person":
        first = 1  # 'N.J. Roger Ailes': a state before a person ('D.C. Circuit' is a court)
    if kind == "person" and len(tokens) > 2 and word_before_full_name([w for _, w in tokens], known):
        first = 1  # 'Billionaire Donald Trump has dominated': a word the sentence opens with
    described = [i for i, (_, w) in enumerate(tokens[:-1]) if i and (_described_kind(w) or _describing(w))]
    if described:
        first = described[-1]  # 'Hilary Clinton-run State Department': the description goes too
    while first < len(tokens) - 1 and _leading_stray(tokens[first][1], tokens[first + 1][1]):
        rest = " ".join(w for _, w in tokens[first + 1 :])
        if not first and tokens[0][1].lower() in PREPOSITIONS and rest not in known and tokens[1][1][:1].isupper():
            break
        first += 1
    return first


def _leading_stray(word: str, following: str) -> bool:
    """'Two', 'Both', 'In', 'Well', 'Asked' (on) before the capitalised rest of a span."""
    lower = word.lower()
    if _contraction(word) or _described_kind(word) or _describing(word):
        return True  # 'That’s Jeb Bush', 'Boston-based Reagan Communications', 'Sanders-supporting'
    if word.isupper() or lower not in NUMBER_WORDS | LEADING_WORDS | CLAUSE_OPENERS:
        return False
    return following[:1].isupper() or following in FUNCTION_WORDS


def _described_kind(word: str) -> str | None:
    """The type a description before a name gives it: 'Boston-based' a body's, 'Ohio-born' a
    person's; None for any other word."""
    participle = word.lower().rpartition("-")[2] if "-" in word else ""
    if participle not in DESCRIBING_PARTICIPLES:
        return None
    return "person" if participle == "born" else "organisation"


def _common_lower(word: str, after: list[tuple[int, str]]) -> bool:
    """A word in lower case that no name holds inside it: not a particle ('van', 'al-'), a
    connector ('of', 'and', 'v.'), nor an organisation or place word ('party', 'province'),
    nor before one ('Democratic Senate campaign committee')."""
    if not word[:1].isalpha() or not word.islower() or any(w.lower() in ORG_WORDS | PLACE_WORDS for _, w in after):
        return False
    return word not in NAME_CONNECTORS and word not in ORG_WORDS and word not in PLACE_WORDS


def _describing(word: str) -> bool:
    """'Sanders-supporting', 'Kremlin-backed': a name hyphened to a word that describes what follows."""
    return "-" in word and word.lower().rpartition("-")[2] in HYPHEN_WORDS | LEADING_DESCRIPTIONS


def _contraction(word: str) -> bool:
    return word.lower().replace("’", "'") in CONTRACTIONS


def _joined_names(tokens: list[tuple[int, str]], known: dict[str, str], kind: str) -> list[tuple[int, int]]:
    """'Hayes of the Weekly Standard' -> the token ranges of 'Hayes' and 'Weekly Standard',
    when the text names both on their own, or a person is 'of the' an organisation; so too
    'Cornell and Technion' when the text names both on their own, and 'Rubio and Cruz' or
    'Carly Fiorina to Rubio' when each is a person the text names."""
    words = [w for _, w in tokens]
    for i in range(1, len(words) - 1):
        if _two_joined(words, i, known):
            return [(0, i), (i + 1, len(words))]
    for i in range(1, len(words) - 1):
        # 'Meenakshi Ganguly of Human Rights Watch': a person the text names, of a body
        if words[i] == "of" and words[i + 1][:1].isupper() and _person_named(words[:i], known):
            return [(0, i), (i + 1, len(words))]
    for i in range(1, len(words) - 2):
        # 'Democrats on the House Judiciary Committee': members and their committee
        if words[i] == "on" and words[i + 1] == "the" and words[-1].lower() in ORG_WORDS:
            return [(0, i), (i + 2, len(words))]
        if words[i] == "of" and words[i + 1] == "the":
            left, right = " ".join(words[:i]), " ".join(words[i + 2 :])
            of_outlet = kind == "person" and words[-1].lower() in ORG_WORDS and words[i + 2][:1].isupper()
            if (left in known and right in known) or of_outlet:
                return [(0, i), (i + 2, len(words))]
    return []


def _two_joined(words: list[str], i: int, known: dict[str, str]) -> bool:
    """Whether the conjunction at ``i`` joins two names: 'Cornell and Technion' (two names the
    text also uses on their own); 'Hulu and Ora' (two words no dictionary holds, one a name the
    text uses on its own); 'Deworm the World Initiative and No Lean Season' (a body's name, then
    another name of two words or more: 'Securities and Exchange Commission' and 'Office of
    Management and Budget' stay whole, their first part ending in no body's word, and so does
    'Program on Energy and Sustainable Development', whose first part names what it is on)."""
    if words[i] in ("and", "or", "to") and all(_named(side, known) for side in (words[:i], words[i + 1 :])):
        return True
    if words[i] in ("and", "or") and len(words) == 3 and _two_names(words[0], words[2], known):
        return True
    left, right = words[:i], words[i + 1 :]
    if words[i] != "and" or left[-1].lower() not in ORG_WORDS or {"of", "on", "for"} & set(left):
        return False  # 'Program on Energy and Sustainable Development' is one name
    return len(right) >= 2 and all(w[:1].isupper() for w in right)


def _body_in_place(tokens: list[tuple[int, str]], known: dict[str, str]) -> list[tuple[int, int]]:
    """'Hofstra University on Long Island': where 'on' or 'in' joins a body to the place where
    it is (a place the text names, or a place word's name; 'Council on Foreign Relations' stays)."""
    words = [w for _, w in tokens]
    for i in range(1, len(words) - 1):
        right = words[i + 1 :]
        place = known.get(" ".join(right)) == "place" or right[-1].lower() in PLACE_WORDS
        if words[i] in ("on", "in") and words[i - 1].lower() in ORG_WORDS and right[0].istitle() and place:
            return [(0, i), (i + 1, len(words))]
    return []


def _body_then_name(tokens: list[tuple[int, str]], known: dict[str, str]) -> list[tuple[int, int]]:
    """'the editorial board of the Washington Post Trump said': a body's name (two words or more,
    the last an organisation word) run into a name the text uses alone (whatever its type there)
    of one or two words in title case, no organisation word ('Conservative Solutions PAC',
    'Columbia University Graduate School of Journalism' stay whole)."""
    words = [w for _, w in tokens]
    for i in range(2, len(words)):
        rest = words[i:]
        plain = len(rest) <= 2 and all(w.istitle() and w.lower() not in ORG_WORDS for w in rest)
        if words[i - 1].lower() in ORG_WORDS and plain and " ".join(rest) in known:
            return [(0, i), (i, len(words))]
    return []


def _place_then_person(tokens: list[tuple[int, str]], known: dict[str, str]) -> list[tuple[int, int]]:
    """'former special envoy to Ukraine Kurt Volker': a country, or a place the text names alone,
    run into a given name and a surname ('Chad Smith' stays: 'Smith' is no given name)."""
    words = [w for _, w in tokens]
    given = plain_given_names()  # no 'Virginia' of 'West Virginia University'
    for i in range(1, len(words) - 1):
        left, right = " ".join(words[:i]), words[i:]
        place = normalise_name(left) in COUNTRY_KEYS or known.get(left) == "place"
        person = right[-1][:1].isupper() and not {w.lower() for w in right} & (ORG_WORDS | PLACE_WORDS)
        if place and person and right[0].lower() in given and right[-1].lower() not in given:
            return [(0, i), (i, len(words))]
    return []


def _two_names(left: str, right: str, known: dict[str, str]) -> bool:
    """Two capitalised words no dictionary holds, one of them a name the text uses alone."""
    if not (left.istitle() and right.istitle()) or is_dictionary_word(left) or is_dictionary_word(right):
        return False
    return left in known or right in known


def _person_named(words: list[str], known: dict[str, str]) -> bool:
    """The text names ``words`` (two or more) as a person, or their last word on its own so."""
    return len(words) > 1 and (known.get(" ".join(words)) == "person" or known.get(words[-1]) == "person")


def _named(words: list[str], known: dict[str, str]) -> bool:
    """The text names ``words`` on their own, or they are one word, a person's surname there."""
    name = " ".join(words)
    if name in known:
        return True
    return len(words) == 1 and any(t == "person" and f.endswith(" " + name) for f, t in known.items())


def _around_verb(tokens: list[tuple[int, str]], known: dict[str, str]) -> list[tuple[int, int]]:
    """'Report Reveals Clinton', 'Clinton Cash Debunks Hillary': a verb inside a span of a
    title-case headline; the names on either side that the text uses on their own are kept.
    Before an adverb and a verb ('NYTimes Casually Conflates') the name is what comes first."""
    words = [w for _, w in tokens]
    if words[-1].lower() in ORG_WORDS | PLACE_WORDS:
        return []  # 'Las Vegas Sands Corp', 'United States Supreme Court'
    for i in range(1, len(words) - 1):
        if words[i].endswith("ly") and words[i].lower() in open_class_words() and _is_verb_form(words[i + 1]):
            return [(0, i)]  # 'NYTimes Casually Conflates': an adverb and its verb
        if words[i] == "To" and words[i + 1].lower() in open_class_words() and " ".join(words[:i]) in known:
            return [(0, i)]  # 'Obama To Resign': an infinitive after the name
    for i in range(1, len(words) - 1):
        verb = _is_verb_form(words[i]) or _is_verb_form(words[i], _ING_ENDINGS)
        if words[i].istitle() and verb and not _in_known_name(words, i, known):
            sides = [(0, i), (i + 1, len(words))]
            return [(a, b) for a, b in sides if " ".join(words[a:b]) in known]
    return []


def _in_known_name(words: list[str], i: int, known: dict[str, str]) -> bool:
    """'United States Senate': the word is part of a name the text uses ('United States')."""
    spans = ((a, b) for a in range(i + 1) for b in range(i + 1, len(words) + 1) if 1 < b - a < len(words))
    return any(" ".join(words[a:b]) in known for a, b in spans)


def _is_verb_form(word: str, endings: tuple[tuple[str, str], ...] = ()) -> bool:
    """'Reveals', 'Debunks', 'Hacked': a verb's third person or past, by the lemma tables (or
    the forms of ``endings``: 'Rebuking')."""
    lower = word.lower()
    if len(lower) < 5 or lower.endswith("ss"):
        return False
    return inflected_from(lower, open_class_words(), endings or _VERB_FORM_ENDINGS)


def _piece(
    mention: Mention,
    tokens: list[tuple[int, str]],
    known: dict[str, str],
    trim_hyphen: bool = False,
    split: bool = False,
) -> Mention:
    """The mention cut to ``tokens``; with ``split``, a piece ('Hayes', 'Weekly Standard',
    'Nevada' of 'In Nevada') takes the type the text gives it elsewhere; a name cut before
    a clause ('Trump May be Aligning') keeps the mention's own type."""
    offset = tokens[0][0]
    end = tokens[-1][0] + len(tokens[-1][1])
    text = mention.text[offset:end].rstrip(":,")
    if trim_hyphen and _HYPHEN_SUFFIX.search(text):
        text = _POSSESSIVE_REST.sub("", _HYPHEN_SUFFIX.sub("", text))
    start = mention.start + offset
    kind = mention.type
    if split and text != mention.text:
        last = text.split()[-1].lower()
        org = last in ORG_WORDS and len(text.split()) > 1
        place = last in PLACE_WORDS or normalise_name(text) in COUNTRY_KEYS
        kind = known.get(text, "organisation" if org else "place" if place else mention.type)
    return Mention(start, start + len(text), text, kind, mention.weight, mention.role, mention.adjectival)
