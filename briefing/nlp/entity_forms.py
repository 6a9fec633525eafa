"""The forms of a name: which one an entity is called by, and mentions cut to a real name.

An entity is called by its most frequent clean full form: "Donald Trump" seen five times
beats "Donald Trump Invokes" seen once in a title-case headline, while "Marta Okafor" seen
once still beats "Okafor" seen five times (a full name beats a surname). Before linking,
a headline mention that is a body name plus a headline word is cut to the body name, and
two names run together without a space ("CanberraWellington") are split when both are
names the text uses on their own. A headline mention the body never names, made of words
the body writes in lower case ("Top Climate Group", "Turnout Numbers"), is no name; one that
is a body name followed (or preceded) by such words ("Trump Tower Rent Once Somebody") is cut
to that name; and a one-word name found only where a sentence opens that the text also writes
in lower case ("Turnout makes a difference" beside "black turnout") is no name. Anywhere in
the text, a mention that is a name the text uses elsewhere plus one word that is no name
("Trump Should", "Clinton Wades", "Neither Cruz", "Christie Says He") is cut to that name,
the word being a function word, or a verb or adverb form the model's lemma tables know that
the text never uses as a name of its own; or, where a sentence or a headline opens, an
adjective ("Poor Mexico", "Derelict Obama") or a person's noun the text writes in lower case
("Candidate Trump") that the body never capitalises mid-sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from collections.abc import Set as AbstractSet

from spacy.lang.en.stop_words import STOP_WORDS

from briefing.domain import normalise_name
from briefing.nlp.claim_headline import body_words, headline_ranges, word_bases
from briefing.nlp.entity_lone_words import is_label_line, is_lone_adjective, is_opening_word
from briefing.nlp.entity_people import ends_name
from briefing.nlp.entity_words import (
    OPENING_WORDS,
    VERB_ENDINGS,
    blanked,
    inflected_from,
    is_dictionary_word,
    lemma_words,
    open_class_words,
)
from briefing.nlp.lexicon import (
    GIVEN_NAMES,
    KNOWN_VARIANT_TYPES,
    KNOWN_VARIANTS,
    NEWS_OUTLETS,
    ORG_WORDS,
    PLACE_WORDS,
)
from briefing.nlp.mention import Mention
from briefing.nlp.parse import ParsedText
from briefing.nlp.title_lines import text_title_lines

RUN_TOGETHER = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
# Words that are never the first or last word of a name, whatever the tagger made of them
# in a capitalised line: pronouns, auxiliaries and modals, prepositions, conjunctions.
FUNCTION_WORDS = frozenset(
    """
he she it they we i you him her them us me his its their our my your who which that this these those
is are was were be been being am has have had do does did would shall should could might must
in on at by for from with to of into onto over under between through during about against amid amidst nor neither either
once well not never now here there
""".split()
)
# Adjectives that start place and body names ('Great Britain', 'Northern Ireland', 'Latin America').
NAME_ADJECTIVES = frozenset(
    "north south east west northern southern eastern western central great greater new upper lower old little "
    "grand royal latin holy united middle far near national international federal".split()
)
# Endings of the adjectives of a people or place ('African', 'Chinese', 'British', 'Israeli').
_PEOPLE_ENDINGS = ("an", "ese", "ish", "ino", "i")
_FIGURE = re.compile(r"\d")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;(\"“‘'–—-]|\n)[ \t]*$")


# A country's or a union's abbreviation opening a longer name: 'U.S. Senate' is the 'United
# States Senate' of another source, 'UN Security Council' the 'United Nations Security Council'
_ABBREVIATIONS = {
    variant: group[0]
    for group in KNOWN_VARIANTS
    if KNOWN_VARIANT_TYPES.get(group[0]) == "place" or group[0] in ("European Union", "United Nations")
    for variant in group[1:]
    if variant.replace(".", "").isupper()
}
_OUTLET_KEYS = frozenset(map(normalise_name, NEWS_OUTLETS))  # 'USA Today' is no 'United States Today'


def spelled_out(name: str) -> str | None:
    """The name with an opening abbreviation written out ('U.S. District Court' -> 'United States
    District Court'), or None when it opens with none or is the abbreviation alone."""
    first, _, rest = name.partition(" ")
    full = _ABBREVIATIONS.get(first) if normalise_name(name) not in _OUTLET_KEYS else None
    return f"{full} {rest}" if full and rest[:1].isupper() else None


def choose_name(forms: Iterable[str]) -> str:
    """The most frequent clean form with the most words; ties go to more words, then length.
    A form that ends another ('Wasserman Schultz' of 'Debbie Wasserman Schultz', 'Le Pen' of
    'Marine Le Pen') is the short form, however often the text uses it."""
    counts = Counter(forms)
    clean = [f for f in counts if is_clean(f)] or list(counts)
    most_words = max(min(len(f.split()), 2) for f in clean)
    candidates = [f for f in clean if min(len(f.split()), 2) == most_words]
    candidates = [f for f in candidates if not any(ends_name(g, f) for g in candidates)] or candidates
    return max(candidates, key=lambda f: (counts[f], len(f.split()), len(f)))


def is_clean(form: str) -> bool:
    """No figure, opening word or conjunction at either end of the name."""
    words = form.split()
    edges = {words[0].lower(), words[-1].lower()} if words else set()
    return bool(words) and not edges & OPENING_WORDS and not any(c.isdigit() for c in words[0] + words[-1])


def trim_headline_names(mentions: list[Mention], parsed: ParsedText) -> list[Mention]:
    """'Donald Trump Invokes' in a title-case headline is 'Donald Trump' when the body
    names 'Donald Trump': the capitals of a headline run a name into the next word; so
    is 'Trump Tower Rent Once Somebody' when the body writes 'rent' in lower case."""
    headlines = headline_ranges(parsed)
    if not headlines:
        return mentions
    body = {m.text for m in mentions if len(m.text.split()) > 1 and not m.inside(headlines)}
    words = _BodyWords(parsed, mentions)
    trimmed = []
    for mention in mentions:
        name = None
        if mention.inside(headlines):
            name = _known_part(mention.text, body) or _before_common_words(mention.text, body, words)
        trimmed.append(mention if name is None else mention.cut_to(name))
    return trimmed


def without_headline_phrases(mentions: list[Mention], parsed: ParsedText) -> list[Mention]:
    """The mentions less those of a title-case headline, line or run-in head that are words
    of the language, no name: 'Top Climate Group' when the body writes 'climate group' and
    never the name."""
    headlines = heading_ranges(parsed)
    if not headlines:
        return mentions
    words = _BodyWords(parsed, mentions)
    # a line with figures is a table's or a results line, whose capitals are names
    lines = [(s, e) for s, e in text_title_lines(parsed) if not _FIGURE.search(parsed.text, s, e)]
    return [m for m in mentions if not (m.inside(headlines) and words.headline_phrase(m.text, m.inside(lines)))]


def heading_ranges(parsed: ParsedText) -> list[tuple[int, int]]:
    """The title-case paragraphs of the text, and its title-case lines and run-in heads
    ("Success on Signature Issue: Mr. Ban focused on..."), read once per text."""
    return parsed.once(
        "heading_ranges",
        lambda p: sorted(set(headline_ranges(p)) | set(text_title_lines(p))),
    )


def _read_body(text: str, headlines: list[tuple[int, int]]) -> tuple[str, AbstractSet[str], set[str]]:
    """The body, the words it writes in lower case (and the parts of hyphened ones:
    'voter-registration') and those it capitalises."""
    body = blanked(text, headlines)
    _, lower = body_words(body)
    lower = lower | {part for word in lower for part in word.split("-")}
    return body, lower, set(re.findall(r"\b[A-Z][\w'’-]*", body))


def without_capitalised_words(mentions: list[Mention], text: str) -> list[Mention]:
    """The mentions less a one-word name found only where a sentence opens, that the text
    also writes in lower case ('Turnout makes a difference' beside 'black turnout') or that is
    a word of the language it capitalises nowhere else ('Scholars have long debated'); less
    an adjective that only starts names, alone ('Eastern', briefing/nlp/entity_lone_words.py);
    and less a label on a line of its own ('Correction Appended.')."""
    lower_words = set(re.findall(r"\b[a-z]+\b", text))
    inside: set[str] = set()  # forms found where no sentence opens
    for mention in mentions:
        if _SENTENCE_END.search(text, max(0, mention.start - 3), mention.start) is None:
            inside.add(mention.text)
    elsewhere = _capitalised_mid_sentence(text)
    name_words = {w.lower() for m in mentions if " " in m.text for w in m.text.split()}
    return [
        m
        for m in mentions
        if not is_lone_adjective(m)
        and not is_label_line(m, text)
        and (m.text in inside or not is_opening_word(m, elsewhere, name_words))
        and (
            " " in m.text
            or m.weight >= 3
            or m.text in inside
            or not m.text.istitle()
            or m.text.lower() not in lower_words
        )
    ]


class _BodyWords:
    """How the body (the text less its headings: ``heading_ranges``) writes the words of a headline."""

    def __init__(self, parsed: ParsedText, mentions: list[Mention]):
        headings = heading_ranges(parsed)
        self.names = {m.text for m in mentions if not m.inside(headings)}  # the forms the body names
        # the body's words depend on the text alone: read once for both steps that ask
        self.body, self.lower, self.capitalised = parsed.once("body_words", lambda p: _read_body(p.text, headings))

    def common(self, word: str) -> bool:
        """A word the body writes in lower case (in either number), or a function word."""
        lower = word.lower()
        if lower in STOP_WORDS or lower in FUNCTION_WORDS:
            return True
        return any(form in self.lower for form in (lower, lower + "s", *word_bases(lower)))

    def headline_phrase(self, form: str, on_line: bool = False) -> bool:
        """Words of the language, not a name: the body never names ``form``, writes two of
        its words in lower case as a phrase ('a major climate group') and never capitalises
        the others ('Top'). A list of names set in title case ('Bend the Arc, We Act Radio')
        keeps its names: the body does not write them as a phrase. On a line set wholly in
        title case (``on_line``), where every capital is the headline's, words of the language
        the body never capitalises are no name even when it does not write them as a phrase
        ('Renewal Amid Allegations'), unless one is an organisation or place word."""
        words = re.findall(r"[^\W\d_][\w'’]*", form)
        if not words or form in self.names or len(words) != len(form.replace("-", " ").split()):
            return False
        if len(words) == 1:
            return words[0].lower() in self.lower and words[0] not in self.capitalised
        common = [self.common(w) for w in words]
        rest = [w for w, c in zip(words, common, strict=True) if not c]
        if not all(w not in self.capitalised and is_dictionary_word(w) for w in rest):
            return False
        places = any(w.lower() in ORG_WORDS | PLACE_WORDS for w in words)
        if on_line and len(rest) < len(words) and not places:
            return True
        pairs = (f"{re.escape(a.lower())}[ -]{re.escape(b.lower())}" for a, b in zip(words, words[1:], strict=False))
        return any(re.search(rf"(?<![\w-]){pair}s?(?![\w-])", self.body) for pair in pairs)


def trim_to_known_names(
    mentions: list[Mention], text: str, headlines: list[tuple[int, int]] | None = None
) -> list[Mention]:
    """A mention that is a name used elsewhere plus a word that is no name, at either end,
    cut to the name: 'Trump Should' -> 'Trump' when the text names 'Trump' otherwise. The
    cut mention keeps its place; a word the text also uses as a name ('Fields' of
    'Michelle Fields', said 'Fields' later) is kept, and so is a name seen as often as
    its shorter part or more (a name of its own, not a slip). A form written only in the
    title-case ``headlines`` may end in an '-s' verb the body never writes ('Clinton Wades')."""
    counts = Counter(m.text for m in mentions)
    outside = {m.text for m in mentions if not m.inside(headlines or [])}
    headline_only = {m.text for m in mentions if m.text not in outside}
    types = {m.text: m.type for m in mentions}
    name_words: Counter[str] = Counter()
    for form in counts:
        name_words.update({w.lower() for w in form.split()})
    lower_words = set(re.findall(r"\b[a-z]+\b", text))
    surnames = Counter(f.split()[-1] for f in counts if types[f] == "person" and " " in f)
    mid_capitals = _capitalised_mid_sentence(blanked(text, headlines or []))
    result = []
    for mention in mentions:
        # a headline-only form's last word counts as written in lower case
        also_lower = mention.text.split()[-1].lower() if mention.text in headline_only else None
        opening = _SENTENCE_END.search(text, max(0, mention.start - 3), mention.start) is not None
        cut = _known_without_stray(
            mention, counts, types, name_words, (lower_words, also_lower, opening, mid_capitals), surnames
        )
        result.append(mention if cut is None else mention.cut_to(cut))
    return result


def _capitalised_mid_sentence(body: str) -> set[str]:
    """The words (lower-cased) ``body`` writes with a capital where no sentence opens:
    'African' of '... of African Americans', never 'Poor' of '“Poor Mexico, so far ...'."""
    return {
        m.group().lower()
        for m in re.finditer(r"\b[A-Z][a-z]+\b", body)
        if _SENTENCE_END.search(body, max(0, m.start() - 3), m.start()) is None
    }


def _known_without_stray(
    mention: Mention,
    counts: Counter[str],
    types: dict[str, str],
    name_words: Counter[str],
    writing: tuple[set[str], str | None, bool, set[str]],
    surnames: Counter[str],
) -> str | None:
    """``writing``: the words the text writes in lower case, one more counted so, whether
    the mention opens a sentence, and the words the body capitalises where no sentence opens."""
    lower_words, also_lower, opening, mid_capitals = writing
    words = mention.text.split()
    if len(words) < 2:
        return None
    for name, stray, leading in ((" ".join(words[:-1]), words[-1], False), (" ".join(words[1:]), words[0], True)):
        word = stray.lower()
        written_lower = word in lower_words or word == also_lower
        # a short capitalised word ('Jared': jar + ed) needs a name seen on its own
        plain = written_lower or word in FUNCTION_WORDS or word in OPENING_WORDS or len(stray) >= 6
        # before a place or a body named alone, a verb opening a sentence is no given name
        verb = leading and opening and _opening_verb(stray, written_lower or _named_alone(name, counts, types))
        # capitalised only by a sentence start or a headline, before a name used alone of any type
        # (the model types 'Poor Mexico' a person)
        epithet = (
            leading
            and (opening or also_lower is not None)
            and counts[name] >= max(1, counts[mention.text])
            and word not in mid_capitals
            and name.lower() not in lower_words
            and _epithet(stray, mention.type, written_lower)
        )
        # anywhere, an adjective before a person's full name the text uses alone ('working
        # Crooked Hillary Clinton'): a nickname, also where it makes other forms ('Crooked Hillary')
        nickname = leading and _nickname(stray, name, mention, counts, types)
        if (
            not (verb and counts[name])
            and not epithet
            and not nickname
            and not _known_name(name, mention, counts, types, surnames if plain else Counter())
        ):
            continue
        # the stray word belongs to no other name of the text (it is in this mention's own form)
        if (name_words[word] > 1 and not nickname) or word in ORG_WORDS or word in PLACE_WORDS:
            continue
        headline_verb = word == also_lower and not leading and mention.type == "person" and _base_verb(stray)
        if verb or headline_verb or epithet or nickname or _no_name_word(stray, leading, written_lower):
            return name
    return None


def _known_name(
    name: str, mention: Mention, counts: Counter[str], types: dict[str, str], surnames: Counter[str]
) -> bool:
    """Named as often as the mention or more, with its type; or the surname of a person
    named in full ('Stone' of 'Roger Stone' for 'Stated Stone')."""
    if counts[name] >= max(1, counts[mention.text]) and types[name] == mention.type:
        return True
    own = mention.type == "person" and mention.text.endswith(" " + name)
    return " " not in name and surnames[name] > own


def _no_name_word(word: str, leading: bool, written_lower: bool) -> bool:
    """A function word, an opening word, or an inflected verb or adverb ('Wades', 'Releasing',
    'Stated') the lemma tables know: capitalised only by a headline or a sentence start.
    An '-s' or '-ly' form counts only where the text also writes it in lower case, and never
    before a name: 'LeBron James', 'Michelle Fields', 'Charles' are no verbs."""
    lower = word.lower()
    if lower in FUNCTION_WORDS or lower in OPENING_WORDS:
        return True
    if not word[:1].isupper() or word.isupper() or len(lower) < 4:
        return False
    plain_too = written_lower and not leading
    endings = tuple(e for e in VERB_ENDINGS if plain_too or e[0] in ("ed", "ing"))
    return inflected_from(lower, open_class_words(), endings)


def _base_verb(word: str) -> bool:
    """'Face' of 'Clinton And Trump Face', a headline-only person: a verb or adverb in its base
    form after a name the text uses alone, no given name ('Brady Campaign' is a body)."""
    lower = word.lower()
    return word.istitle() and len(lower) > 2 and lower in open_class_words() and lower not in GIVEN_NAMES


def _epithet(word: str, kind: str, written_lower: bool) -> bool:
    """'Poor Mexico', 'Derelict Obama', 'Candidate Trump' where a sentence or a headline opens:
    an adjective the lemma tables know, or for a person a noun the text writes in lower case,
    before a name the text uses alone; not a given name nor a word that starts place names
    ('Great Britain', 'New Mexico', 'South Africa')."""
    lower = word.lower()
    if not word.istitle() or len(lower) < 4 or lower in GIVEN_NAMES or lower in NAME_ADJECTIVES:
        return False
    if lower.endswith(_PEOPLE_ENDINGS):
        return False  # 'African Americans', 'American Crossroads', 'Chinese', 'Irish': of a people
    return lower in lemma_words("adj") or (kind == "person" and written_lower and lower in lemma_words("noun"))


def _nickname(word: str, name: str, mention: Mention, counts: Counter[str], types: dict[str, str]) -> bool:
    """'Crooked' before 'Hillary Clinton': an adjective the lemma tables know, no given name nor
    name-starting adjective, before a person's full name (a given name first) that the text
    uses alone as often as the mention or more, or before the given name of one."""
    parts = name.split()
    if mention.type != "person" or parts[0].lower() not in GIVEN_NAMES:
        return False
    if len(parts) > 1:
        named = types.get(name) == "person" and counts[name] >= counts[mention.text]
    else:  # 'Crooked Hillary' beside 'Hillary Clinton'
        named = any(types[f] == "person" and f.startswith(name + " ") for f in counts)
    return named and _epithet(word, "adj", False) and word.lower() in lemma_words("adj")


def _opening_verb(word: str, plain: bool) -> bool:
    """'See Sexton', 'Take Idaho', 'Top Republican Party': a verb or adverb in its base form
    opening a sentence before a name, no given name ('Mark Warner', 'Bill Clinton', 'Rob
    Portman'); ``plain`` when the text writes it in lower case or the name is no person's."""
    lower = word.lower()
    return plain and word.istitle() and lower not in GIVEN_NAMES and lower in open_class_words()


def _named_alone(name: str, counts: Counter[str], types: dict[str, str]) -> bool:
    """The text names ``name`` on its own as a place, body or group."""
    return bool(counts[name]) and types[name] != "person"


def _before_common_words(text: str, body: set[str], words: _BodyWords) -> str | None:
    """'Trump Tower Rent Once Somebody' -> 'Trump Tower': the longest body name at either end,
    next to a word the body writes in lower case that is no organisation or place word."""
    parts = text.split()
    for size in range(len(parts) - 1, 1, -1):
        for name, next_word in ((parts[:size], parts[size]), (parts[-size:], parts[-size - 1])):
            lower = next_word.lower()
            if " ".join(name) in body and words.common(next_word) and lower not in ORG_WORDS | PLACE_WORDS:
                return " ".join(name)
    return None


def _known_part(text: str, body: set[str]) -> str | None:
    words = text.split()
    if len(words) < 3 or words[-1].lower() in ORG_WORDS | PLACE_WORDS:
        return None
    for name in (" ".join(words[:-1]), " ".join(words[1:])):
        if name in body:
            return name
    return None


def split_run_together(mentions: list[Mention], text: str) -> list[Mention]:
    """'CanberraWellington' is 'Canberra' and 'Wellington' when the text names both alone; a
    name made of words of the language ('AirPower' beside 'MacBook Air') is one, unless the
    text's names hold each part."""
    known = {m.text for m in mentions}
    result = []
    for mention in mentions:
        parts = RUN_TOGETHER.split(mention.text) if " " not in mention.text else [mention.text]
        if len(parts) < 2 or not all(p in known or _a_name_alone(p, text) for p in parts):
            result.append(mention)
            continue
        start = mention.start
        for part in parts:
            result.append(Mention(start, start + len(part), part, mention.type, mention.weight))
            start += len(part)
    return result


def _a_name_alone(word: str, text: str) -> bool:
    return _stands_alone(word, text) and not is_dictionary_word(word)


def _stands_alone(word: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None
