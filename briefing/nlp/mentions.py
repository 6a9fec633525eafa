"""Mentions of people, organisations, places and groups in one text, typed.

spaCy's small English model finds the spans, paragraph by paragraph; the rules here repair
what it gets wrong on news: titles glued to names, possessives, lists read as one name,
companies typed as people or places, places after "in" or "from", hyphenated and particle
names ("van den Heuvel"). The names it misses, after a role ("spokesperson Lucas
Brennholt") or before an organisation word ("Tidewater Collective"), are added by passes
over the whole text (briefing/nlp/mention_passes.py). A mention is briefing/nlp/mention.py;
linking the mentions of one entity is briefing/nlp/entities.py.
"""

from __future__ import annotations

import re

from briefing.domain import normalise_name
from briefing.nlp.census_surnames import census_surnames
from briefing.nlp.entity_words import (
    after_description,
    before_country,
    common_noun_opening,
    dictionary_words,
    in_capitals,
    in_place_context,
    is_given_name,
    is_number,
    names_an_office,
    strays_after_name,
    strays_before_name,
)
from briefing.nlp.lexicon import (
    ARTICLE_BODY_WORDS,
    CLUB_PREFIXES,
    KNOWN_VARIANT_TYPES,
    KNOWN_VARIANTS,
    LEADING_NOISE,
    LEGAL_FORMS,
    NAME_PARTICLES,
    NEWS_OUTLETS,
    ORG_FIRST_WORDS,
    ORG_LAST_WORDS,
    PERSON_NOUNS,
    PERSON_TITLES,
    PLACE_WORDS,
    ROLE_NOUNS,
    SPACY_TYPES,
    SPEECH_VERBS,
    TITLE_WORDS,
)
from briefing.nlp.mention import Mention
from briefing.nlp.mention_passes import (
    COUNTRY_KEYS,
    POSSESSIVE,
    STATE_KEYS,
    join_adjacent,
    pageant_word,
    with_full_names,
    with_org_names,
    with_role_names,
)
from briefing.nlp.model import load_model
from briefing.nlp.parse import Paragraph, ParsedText
from briefing.nlp.title_lines import Recased, entities, recase_paragraphs

# A known variant in any case ('u.s.'), except a short one, which must be written as it is: 'UN' is
# the United Nations, 'Un' of a pun on Kim Jong-Un ('There can only be Un') is not; 'WHO' is not 'Who'
_VARIANT_NAMES = {
    (normalise_name(v) if len(v.replace(".", "")) > 3 else v.rstrip(".")): group[0]
    for group in KNOWN_VARIANTS
    for v in group
}


def known_variant(text: str) -> str | None:
    """The known name ``text`` is a variant of ('U.S.', and 'U.S' cut before a full stop: 'United
    States'), else None."""
    return _VARIANT_NAMES.get(text.rstrip(".")) or _VARIANT_NAMES.get(normalise_name(text))


OUTLET_KEYS = frozenset(normalise_name(name) for name in NEWS_OUTLETS)  # outlets' names as entity keys
_OUTLET_ACRONYMS = frozenset(name for name in NEWS_OUTLETS if name.isupper() and " " not in name)  # 'CBS', 'AFP'
_CODE_GOES_ON = re.compile(r"[-/]\w")  # an identifier runs on past the name the model cut from it
# 'P.O. Box 69440, Los Angeles' (an address the model reads as a person's name)
_POSTAL_BOX = re.compile(r"P\.?\s?O\.?\s+Box\b", re.IGNORECASE)


AWARD_MODIFIER = re.compile(r"-(?:winning|nominated|winner|nominee)\b")


def find_mentions(parsed: ParsedText) -> list[Mention]:
    """Every typed mention of the text, in order. The rules that read capitals in the text
    read it with its title-case lines true-cased (briefing/nlp/title_lines.py)."""
    text, recased = recase_paragraphs(parsed, load_model())
    mentions = [m for i, para in enumerate(parsed.paragraphs) for m in _paragraph_mentions(para, recased.get(i))]
    mentions = with_role_names(mentions, text)
    mentions = with_org_names(mentions, text)
    mentions = join_adjacent(sorted(mentions, key=lambda m: m.start), text)
    mentions = with_full_names(mentions, text, parsed)
    return sorted(mentions, key=lambda m: m.start)


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
    labels it ('Twitter @NolteNC'); nor does a name run over a line break (a page's menu:
    'The Weekend Interview', then 'Potomac Watch Podcast' on the next line)."""
    parts, start = [], ent.start
    for token in ent:
        spaced = token.i > 0 and bool(token.doc[token.i - 1].whitespace_)
        dash = token.text in ("-", "–", "—") and spaced
        two_people = ent.label_ == "PERSON" and token.lower_ in ("and", "or")  # 'Ann Lee and Bo Kim'
        line_break = token.is_space and "\n" in token.text  # not a no-break space: 'Newt\xa0Gingrich'
        if line_break or (token.i > start and "\n" in token.doc[token.i - 1].whitespace_):
            if token.i > start:
                parts.append(ent.doc[start : token.i])
            start = token.i + 1 if line_break else token.i
        elif is_link(token) or _tagged(token):
            if token.i - start > 1:  # one word before a handle is its label ('Twitter')
                parts.append(ent.doc[start : token.i])
            start = token.i + 1
        elif token.i > start and (token.text in (",", ";", "|", "/") or dash or two_people or is_number(token)):
            parts.append(ent.doc[start : token.i])
            start = token.i + 1
    parts.append(ent.doc[start : ent.end])
    return [p for p in parts if len(p)]


def _tagged(token) -> bool:
    """The word of a hashtag or handle the tokenizer split from its mark: 'Browns' of '#Browns'."""
    return token.i > 0 and token.doc[token.i - 1].text in ("#", "@") and not token.doc[token.i - 1].whitespace_


def is_link(token) -> bool:
    """A web address with a path, an @handle, a #hashtag or markup: never a name, whatever
    its capitals. A bare site name ("Breitbart.com", "Factcheck.org") is an outlet's name."""
    text = token.text
    if (text[:1] in "@#" and len(text) > 1) or "<" in text or ">" in text:
        return True
    return "://" in text or text.lower().startswith("www.") or (token.like_url and "/" in text)


def _no_name_here(text: str, paragraph: str, end: int) -> bool:
    """A post-office box; an award's name in a word describing someone ('Oscar-winning
    actress'); a piece of an identifier ('VCSC-2026' of the advisory 'VCSC-2026-0311')."""
    if _POSTAL_BOX.match(text) or AWARD_MODIFIER.match(paragraph, end):
        return True
    return any(c.isdigit() for c in text) and bool(_CODE_GOES_ON.match(paragraph, end))


def _with_name_before_preposition(tokens: list, label: str) -> tuple[list, str]:
    """'Without Borders' or 'Borders' read without 'Doctors': the whole name, a body's."""
    if _inner_preposition(tokens[0]):
        return [tokens[0].nbor(-1), *tokens], "ORG"
    if tokens[0].i > 1 and _inner_preposition(tokens[0].nbor(-1)):
        return [tokens[0].nbor(-2), tokens[0].nbor(-1), *tokens], "ORG"
    return tokens, label


def _inner_preposition(first) -> bool:
    """'Doctors Without Borders', 'Reporters Without Borders': a capitalised preposition after
    a capitalised noun is inside a name, which the model cut there."""
    if first.pos_ != "ADP" or not first.text.istitle() or first.i == 0 or first.is_sent_start:
        return False  # not 'CLICK PHOTO FOR SLIDESHOW', capitals throughout
    before = first.nbor(-1)
    return before.pos_ in ("NOUN", "PROPN") and before.text[:1].isupper() and not before.ent_type_


def _clean_mention(para: Paragraph, ent) -> Mention | None:
    label = ent.label_ or ent.root.ent_type_
    tokens = list(ent)
    tokens, label = _with_name_before_preposition(tokens, label)
    inner = [i for i, t in enumerate(tokens[:-1]) if t.tag_ == "POS" and i > 0 and not _of_a_group(tokens[:i])]
    if inner:  # "Port Halden’s Saltmarsh": the owner and the owned are two places
        tokens = _owner_or_owned(label, tokens[: inner[-1]], tokens[inner[-1] + 1 :])
    tokens = _without_leading_qualifiers(_without_strays(tokens))
    title = None
    while len(tokens) > 1 and _title_before_name(tokens):
        title = tokens.pop(0).lower_.rstrip(".")
    if tokens and _pageant_title(tokens[0], title):
        tokens = tokens[1:]
    if not tokens or all(t.lower_ in TITLE_WORDS for t in tokens):
        return None
    tokens = _with_particles(tokens)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    start += len(para.text[start:end]) - len(para.text[start:end].lstrip("-–—"))  # a sign-off's '-David Andersen'
    text = POSSESSIVE.sub("", para.text[start:end]) if end - start > 3 else para.text[start:end]
    if not any(c.isupper() for c in text) or len(text) < 2 or common_noun_opening(tokens):
        return None
    if _no_name_here(text, para.text, end):
        return None
    kind, weight = _fix_type(text, SPACY_TYPES[label], title, tokens)
    if _after_stance_prefix(tokens[0]):
        if text.lower().startswith("semit"):
            return None  # 'anti-Semitic', 'anti-Semitism': one word, antisemitism, no group 'Semitic'
        kind = "person" if _person_name_word(text) else kind  # 'anti-Cruz': the name after the prefix is Cruz's
    if kind != "organisation" and names_an_office([t.text for t in tokens if not t.is_punct]):
        return None  # 'Strategy Officer', 'your GREAT Governor' (the model read a place)
    role = _role_before(tokens[0]) if kind == "person" else None
    following = tokens[-1].nbor(1) if tokens[-1].i + 1 < len(tokens[-1].doc) else None
    adjectival = following is not None and following.pos_ == "NOUN"
    common = len(tokens) == 1 and tokens[0].tag_ in ("NN", "NNS") and _opens_sentence(tokens[0])
    start += para.start
    return Mention(start, start + len(text), text, kind, weight, role or title, adjectival, common)


def _owner_or_owned(label: str, owner: list, owned: list) -> list:
    """The owned place of "Port Halden’s Saltmarsh"; the person of "Barack Obama’s Endorsement"
    (a headline read as one person's name), a given name and a surname owning one word."""
    if label == "PERSON" and len(owner) >= 2 and len(owned) == 1 and is_given_name(owner[0].lower_):
        return owner
    return owned


def _after_stance_prefix(token) -> bool:
    """The token follows a stance prefix and its hyphen ('Cruz' of 'anti-Cruz')."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text in "-‑" and _stance_prefix(doc[token.i - 2])


def _person_name_word(text: str) -> bool:
    """A given name or a common surname, alone or ending a name ('Hillary', 'Castro', 'Jeb Bush'),
    that is no country's or state's ('anti-Washington')."""
    words = text.lower().split()
    if len(words) > 3 or normalise_name(text) in COUNTRY_KEYS | STATE_KEYS:
        return False
    return is_given_name(words[-1]) or words[-1] in census_surnames()


def _of_a_group(owner: list) -> bool:
    """ "the People’s Daily", "Children’s Hospital", "Women’s March": a plural noun owns the
    rest as part of one name, no owner of its own."""
    words = [t for t in owner if t.lower_ != "the"]
    return len(words) == 1 and words[0].tag_ in ("NNS", "NNPS")


def _pageant_title(token, title: str | None) -> bool:
    """'Universe' of 'Miss Universe Alicia Machado' or 'a former Miss Universe': after 'Miss', a
    word of the language or a country is a title won, no name ('Miss Rose Tan' keeps 'Rose')."""
    before = token.nbor(-1).lower_ if token.i > 0 else ""
    return "miss" in (title, before) and pageant_word(token.text)


def _opens_sentence(token) -> bool:
    """``token`` opens its paragraph or follows a full stop, question or exclamation mark
    (not a semicolon, quotation mark or bracket: 'Golden Nugget by 29 percent; Resorts by')."""
    i = token.i - 1
    while i >= 0 and token.doc[i].is_space:
        i -= 1
    return i < 0 or token.doc[i].text in (".", "!", "?")


def _after_title(token) -> bool:
    """A person's title the model left out of the name stands before it: "President" of "from
    both President Obama and ..."."""
    before = token.nbor(-1) if token.i > 0 else None
    return before is not None and before.text[:1].isupper() and before.lower_.rstrip(".") in PERSON_TITLES


def _without_leading_qualifiers(tokens: list) -> list:
    """'Jordanian King Abdullah': a people's adjective before a title; 'The head of RCMP Bob
    Paulson', 'MP Louise Mensch': a body's initials before a given name. Neither is the name."""
    while len(tokens) > 2 and tokens[0].tag_ == "JJ" and _title_before_name(tokens[1:]):
        tokens = tokens[1:]
    if (
        len(tokens) > 2
        and tokens[0].text.isupper()
        and tokens[0].text.isalpha()  # not the initial of 'J. Joe Ricketts'
        and len(tokens[0].text) > 1
        and not tokens[1].text.isupper()
        and is_given_name(tokens[1].lower_)
    ):
        tokens = tokens[1:]
    return tokens


def _title_before_name(tokens: list) -> bool:
    """'Senator', 'Chief Executive': a title before a name. A word that only qualifies a title
    ('State' of 'State Senator', 'City' of 'City Councillor') counts only before one: 'City
    Hall' is no person."""
    word = tokens[0].lower_.rstrip(".")
    if word not in TITLE_WORDS:
        return False
    return word in PERSON_TITLES | ROLE_NOUNS or tokens[1].lower_.rstrip(".") in TITLE_WORDS


# a word's prefix before a name, which makes it a stance or a time, no name: 'pro-Clinton', 'un-American'
STANCE_PREFIXES = frozenset("pro anti un non post pre neo".split())
# ... and one that does so in lower case only: 'mid-March', but a region's 'Mid-Atlantic' ('Post-'
# capitalised is still a time's or the paper's: 'Post-Democratic Convention', a 'Post-ABC poll')
LOWER_CASE_PREFIXES = frozenset(("mid",))


def _stance_prefix(token) -> bool:
    """A stance prefix ('Anti' opening a sentence too), or a time's in lower case ('mid')."""
    return token.lower_ in STANCE_PREFIXES or token.text in LOWER_CASE_PREFIXES


def _without_strays(tokens: list) -> list:
    """The tokens without noise, punctuation, figures, conjunctions and sentence-initial verbs
    at either end: 'Hammering Hillary Clinton', 'Although Berm', 'Rios of', 'Haig 1'; the name
    of 'pro-Clinton' is 'Clinton'."""
    tokens = after_description(tokens)
    while tokens and (
        tokens[0].lower_ in LEADING_NOISE
        or (_stance_prefix(tokens[0]) and len(tokens) > 2 and tokens[1].text in "-‑")
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
    # an outlet, or a network's station ('CBS DFW reports', 'NBC 5'): no one who speaks
    outlet = key in OUTLET_KEYS or (len(words) > 1 and words[0] in _OUTLET_ACRONYMS)
    variant = known_variant(text)
    known = KNOWN_VARIANT_TYPES[variant] if variant else "organisation" if outlet else None
    if known is not None:
        return known, 3
    if _country_or_state(key, kind):
        return "place", 2 if kind in ("organisation", "person") else 1
    # a legal form, a club's prefix or an "&" ("Nissan Sales & Regional Operations", "Procter &
    # Gamble"): no one's name
    if (
        any(w.lower() in LEGAL_FORMS for w in text.split())
        or (first in CLUB_PREFIXES and len(words) > 1)
        or " & " in text
    ):
        return "organisation", 3
    # "the Obama White House" speaks, as a person would
    arabic_body = first == "al" and len(words) == 2 and words[1].lower() in ARTICLE_BODY_WORDS  # 'Al Qaeda'
    first_word_body = first in ORG_FIRST_WORDS and len(words) > 1
    if last in ORG_LAST_WORDS or first_word_body or key.endswith("white house") or arabic_body:
        return "organisation", 3
    if title is not None:
        return "person", 3
    if last in PLACE_WORDS and kind != "organisation":
        return _place_word_type(first, tokens)
    if text.isupper() and len(text) <= 6 and kind in ("person", "place") and not in_capitals(tokens[0].doc.text):
        return "organisation", 2
    if kind in ("person", "organisation") and len(words) == 1 and in_place_context(tokens[0]):
        return ("place", 2) if not _after_title(tokens[0]) else (kind, 1)  # "from both President Obama and"
    if kind != "person" and (weight := _person_weight(kind, tokens)):
        return "person", weight
    return kind, 1


def _place_word_type(first: str, tokens) -> tuple[str, int]:
    """A name ending in a place's word ('Texas City') is a place, unless a given name opens it
    and it speaks or has a role: 'Fellow expert Jenny Town, of the US-Korea Institute, said'."""
    return ("person", 3) if is_given_name(first) and _looks_like_person(tokens) else ("place", 2)


def _country_or_state(key: str, kind: str) -> bool:
    """A country's or a US state's name, unless the model read a person's of one word: 'Israel
    said' may be Steve Israel, 'Georgia said' a woman; no one is named 'New Hampshire'."""
    return (key in COUNTRY_KEYS or key in STATE_KEYS) and (kind != "person" or (key in STATE_KEYS and " " in key))


def _person_weight(kind: str, tokens) -> int:
    """3 for a name a role or a speech verb makes a person, or a lone given name after kin or
    a role ('his wife, Kimberly,'); 2 for one listed with its country ('Renzo Furlan ( Italy )'),
    else 0."""
    if _looks_like_person(tokens):
        return 3
    if len(tokens) == 1 and (is_given_name(tokens[0].lower_) and _role_before(tokens[0]) or _described(tokens[0])):
        return 3
    return 2 if kind == "organisation" and before_country(tokens) else 0


def _described(token) -> bool:
    """A one-word name set off with 'a' or 'an' and someone's role or calling: 'Mishaal, an
    angry blogger, blasted the fatwa' (not ', the governor said', a speaker after a clause)."""
    doc, i = token.doc, token.i + 1
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ("a", "an"):
        return False
    for follower in doc[i + 2 : i + 6]:
        if follower.lower_ in ROLE_NOUNS or follower.lower_ in PERSON_NOUNS:
            after = doc[follower.i + 1] if follower.i + 1 < len(doc) else None
            return after is not None and (after.text == "," or after.lower_ in ("of", "for", "at", "with", "who"))
        if follower.is_punct:
            return False
    return False


def _looks_like_person(tokens) -> bool:
    """A bare name introduced by a role ("chief executive Marta Okafor") or speaking."""
    words = [t for t in tokens if not t.is_punct]
    if not 2 <= len(words) <= 5 or not all(t.text[:1].isupper() or t.lower_ in NAME_PARTICLES for t in words):
        return False
    if _named_for_country(words) or any(t.pos_ == "ADP" and t.lower_ not in NAME_PARTICLES for t in words[1:-1]):
        return False  # 'Doctors Without Borders said': a preposition inside no one's name
    if _role_before(tokens[0]) or _role_after(tokens[-1]):
        return True
    before = tokens[0].nbor(-1) if tokens[0].i > 0 else None
    if before is not None and before.lemma_ in SPEECH_VERBS and before.tag_ != "VBN" and not _subject_after(words):
        return True  # 'said Lakshmi Narayanaswamy'; but 'a group called Black Votes Matter' names it
    head = max(words, key=lambda t: t.dep_ == "nsubj")
    return head.dep_ == "nsubj" and head.head.lemma_ in SPEECH_VERBS


def _subject_after(words) -> bool:
    """'said Al Qaeda has used the tactic': the name is the subject of what was said, no speaker."""
    head = max(words, key=lambda t: t.dep_ in ("nsubj", "nsubjpass"))
    return head.dep_ in ("nsubj", "nsubjpass") and head.head.i > head.i


def _named_for_country(words) -> bool:
    """'Scotland Yard confirmed', 'China Daily reported': a country no one bears as a given name,
    then a word of the language no one bears as a surname, names a body, whoever speaks through
    it ('Jordan Peterson', 'Chad Brown' and 'Israel Smith' stay people)."""
    first, last = words[0].lower_, words[-1].lower_
    return (
        normalise_name(words[0].text) in COUNTRY_KEYS
        and not is_given_name(first)
        and last in dictionary_words()
        and last not in census_surnames()
    )


def _role_before(token) -> str | None:
    """'spokesperson Lucas Brennholt', 'Its secretary, Lakshmi Narayanaswamy', 'hosts Joe Scarborough'."""
    if token.i == 0:
        return None
    before = token.nbor(-1)
    if before.text == "," and token.i > 1:
        before = token.nbor(-2)
    word = before.lower_.rstrip(".")
    if word[:-1] in ROLE_NOUNS and word.endswith("s"):
        return word[:-1]  # 'Morning Joe hosts Joe Scarborough and Mika Brzezinski': the first is a host
    return word if word in ROLE_NOUNS or word in PERSON_TITLES or word in PERSON_NOUNS else None


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
