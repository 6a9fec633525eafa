"""The entities of one text: its mentions (briefing/nlp/mentions.py) linked into one
cluster per person, organisation, place or group: "Marta Okafor" ... "Okafor";
"Halden Water Authority (HWA)" ... "HWA" ... "the Authority"; "United States" ...
"U.S."; then the occurrences of each entity's names that spaCy missed.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache

from briefing.domain import normalise_name, singular_of
from briefing.nlp.census_surnames import census_surnames
from briefing.nlp.claim_headline import headline_ranges
from briefing.nlp.entity_bodies import (
    retype_group_numbers,
    retype_neuter_people,
    retype_organised_people,
    retype_plural_nouns,
)
from briefing.nlp.entity_capitals import trim_capitals_names, without_capitals_phrases
from briefing.nlp.entity_cuts import cut_to_names, without_possessed
from briefing.nlp.entity_extend import add_acronyms, extend_mentions, initials
from briefing.nlp.entity_forms import (
    choose_name,
    spelled_out,
    split_run_together,
    trim_headline_names,
    trim_to_known_names,
    without_capitalised_words,
    without_headline_phrases,
)
from briefing.nlp.entity_glue import split_glued
from briefing.nlp.entity_pairs import split_name_pairs
from briefing.nlp.entity_people import (
    ends_name,
    given_name_gender,
    honorific_gender,
    lone_surname_genders,
    person_in_context,
    retype_families,
    retype_honoured_names,
    retype_lone_surname_bodies,
    retype_peoples,
    without_name_adjectives,
    written_as_body_or_place,
)
from briefing.nlp.entity_person_names import (
    plain_given_names,
    retype_acronym_places,
    retype_camel_case_places,
    retype_given_name_people,
    retype_name_words,
    retype_word_people,
)
from briefing.nlp.entity_surnames import kin_mentions, the_one_named
from briefing.nlp.entity_types import (
    COUNTRY_KEYS,
    DATELINE_ROLE,
    IN_PLACE_BEFORE,
    placed_by_context,
    with_layout_types,
)
from briefing.nlp.entity_words import is_dictionary_word
from briefing.nlp.lexicon import (
    GIVEN_NAMES,
    KNOWN_VARIANT_TYPES,
    KNOWN_VARIANTS,
    ORG_WORDS,
    PEOPLES,
)
from briefing.nlp.mention import Mention
from briefing.nlp.mentions import OUTLET_KEYS, find_mentions, known_variant
from briefing.nlp.parse import ParsedText

GENERATION_SUFFIXES = frozenset("jr sr ii iii iv junior senior".split())


@dataclass
class Cluster:
    mentions: list[Mention] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    extra_forms: set[str] = field(default_factory=set)  # forms known without a mention (acronyms)

    @property
    def type(self) -> str:
        votes: dict[str, float] = {}
        ties: dict[str, float] = {}
        single_word = all(len(m.text.split()) == 1 for m in self.mentions)
        forms = {m.text for m in self.mentions}
        for mention in self.mentions:
            # a lone capitalised word is more often a place or body than a person; beside a
            # full name ('Jared Sexton'), its last word's type ('Sexton said', 'the Sexton
            # campaign', however often) only breaks ties, and so does a surname of two words
            # ('Le Pen' beside 'Marine Le Pen') and one the lexicon knows as something else
            # ('Bloomberg' the outlet beside 'Michael Bloomberg'); another lone word counts a
            # tenth ('Apple' beside 'Apple Store')
            ending = any(ends_name(f, mention.text) for f in forms)
            weak = mention.weight < 3 or (ending and mention.type != "person")
            lone = not single_word and weak and (ending or len(mention.text.split()) == 1)
            bias = 0.9 if single_word and mention.type == "person" and mention.weight < 3 else 1.0
            bias *= 0.1 if lone and not ending else 1.0
            tally = ties if lone and ending else votes
            tally[mention.type] = tally.get(mention.type, 0.0) + mention.weight * bias
        if not votes:
            return max(ties, key=lambda kind: ties[kind])
        return max(votes, key=lambda kind: (round(votes[kind], 6), ties.get(kind, 0.0)))

    @property
    def name(self) -> str:
        return choose_name(m.text for m in self.mentions)

    @property
    def forms(self) -> set[str]:
        return {m.text for m in self.mentions} | self.extra_forms

    def aliases(self) -> tuple[str, ...]:
        name = self.name
        return tuple(sorted(f for f in self.forms if f != name))


# a country's names in every spelling ("U.S.", "America", "UK", "Britain")
_COUNTRY_VARIANTS = frozenset(
    normalise_name(v) for group in KNOWN_VARIANTS if KNOWN_VARIANT_TYPES.get(group[0]) == "place" for v in group
)


def find_entities(parsed: ParsedText) -> list[Cluster]:
    mentions = with_layout_types(find_mentions(parsed), parsed)
    mentions = trim_capitals_names(trim_headline_names(mentions, parsed), parsed)
    mentions = without_possessed(cut_to_names(split_name_pairs(split_glued(mentions, parsed.text)), parsed))
    mentions = split_run_together(mentions, parsed.text)
    headlines = headline_ranges(parsed)
    mentions = without_headline_phrases(trim_to_known_names(mentions, parsed.text, headlines), parsed)
    mentions = without_capitals_phrases(without_capitalised_words(mentions, parsed.text), parsed.text)
    mentions = _with_chamber_groups(mentions, parsed.text)
    retype_given_name_people(mentions, parsed.text)
    clusters = _cluster(mentions, parsed.text)
    add_acronyms(clusters, parsed.text)
    clusters = [c for c in clusters if c.mentions]
    retype_peoples(clusters)
    clusters = without_name_adjectives(clusters)
    retype_families(clusters)
    retype_honoured_names(clusters, parsed.text)
    retype_name_words(clusters, parsed.text)
    _retype_lone_surnames(clusters, parsed)
    retype_lone_surname_bodies(clusters, parsed)
    retype_plural_nouns(clusters, parsed.text)
    retype_word_people(clusters, parsed.text)
    retype_acronym_places(clusters, parsed.text)
    retype_camel_case_places(clusters)
    retype_group_numbers(clusters)
    retype_organised_people(clusters, parsed.text)
    retype_neuter_people(clusters, parsed)
    extend_mentions(clusters, parsed.text)
    return clusters


CHAMBERS = frozenset("House Senate Congressional".split())


def _with_chamber_groups(mentions: list[Mention], text: str) -> list[Mention]:
    """'House' + 'Republicans' read apart: one group, the party's members of that chamber
    ('House Republicans'), not the House and the party's voters."""
    joined: list[Mention] = []
    for mention in mentions:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.text in CHAMBERS
            and mention.type == "group"
            and mention.text.endswith("s")
            and text[last.end : mention.start] == " "
        ):
            joined[-1] = Mention(last.start, mention.end, text[last.start : mention.end], "group", mention.weight)
        else:
            joined.append(mention)
    return joined


def _retype_lone_surnames(clusters: list[Cluster], parsed: ParsedText) -> None:
    """News names a person in full first; a one-word 'person' never named in full,
    with no title or role, is far more often a company or brand the model mistook.
    A word that is part of a person's full name in the same text stays a person, and so
    do a given name ('Elin, go ahead'), a common surname, and a name the text treats as a person's: taken up
    by 'he' or 'she', or listed only with people ('Hitler and Mussolini')."""
    full_name_words = {w for c in clusters if c.type == "person" for w in _name_words(c.name)[1:]}
    people = [m for c in clusters if c.type == "person" for m in c.mentions]
    lone = []
    for cluster in clusters:
        mentions = cluster.mentions
        if cluster.type != "person" or any(len(m.text.split()) > 1 or m.weight >= 3 or m.role for m in mentions):
            continue
        if set(_name_words(cluster.name)) & full_name_words or cluster.name.lower() in GIVEN_NAMES:
            continue  # 'Okafor' of 'Marta Okafor'; 'Elin' alone is a given name
        if cluster.name.lower() in census_surnames() and not written_as_body_or_place(cluster, parsed):
            continue  # the model's person and a common surname ('Reagan', 'Carson') agree
        own = set(map(id, mentions))
        if person_in_context(cluster, parsed, [m for m in people if id(m) not in own]):
            continue
        lone.append(cluster)
    for cluster in lone:
        for mention in cluster.mentions:
            if mention.type == "person":
                mention.type = "organisation"


# -- linking ---------------------------------------------------------------


def _outlet_key(key: str) -> str:
    """'Fox News Channel' is the 'Fox News' the same text names: an outlet and its channel."""
    return key[: -len(" channel")] if key.endswith(" channel") and key[: -len(" channel")] in OUTLET_KEYS else key


def _cluster(mentions: list[Mention], text: str) -> list[Cluster]:
    clusters: list[Cluster] = []
    by_key: dict[str, Cluster] = {}
    by_nearness: set[str] = set()  # surnames of several people: joined by which was named last
    undecided: dict[str, Cluster] = {}  # those of them named far from every full name
    kin = kin_mentions(mentions, text)
    lone_genders = lone_surname_genders(mentions, text)  # "Mr. Obama" beside "Michelle Obama" alone
    shapes: dict[int, _Shape] = {}  # id(cluster) -> its name and type, redone when it grows
    # names the text puts in a place ('in Washington', a dateline) or countries: places throughout
    placed = {normalise_name(m.text) for m in mentions if placed_by_context(m, text, IN_PLACE_BEFORE)} | COUNTRY_KEYS
    for mention in sorted(mentions, key=lambda m: (-len(m.text.split()), m.start)):
        spelled = spelled_out(mention.text)  # 'U.S. Senate' is the 'United States Senate'
        variant = known_variant(mention.text)
        key = _outlet_key(normalise_name(variant or spelled or mention.text))
        key += "\0dateline" if mention.role == DATELINE_ROLE else ""  # not the club of 'CHICAGO 69 59'
        honorific = honorific_gender(text, mention.start)
        honorific = honorific or (lone_genders.get(key) if " " not in mention.text else None)
        # 'Mr. Clinton' is Bill, though a bare 'Clinton' (either of them) came first
        if honorific or key in by_nearness or key not in by_key:
            # a surname two people share goes, mention by mention, to the one named last
            cluster, near = _partial_match(mention, clusters, shapes, placed, honorific, kin)
            by_nearness.update([key] if near and not honorific else [])
            cluster = cluster or by_key.get(key) or (undecided.get(key) if key in by_nearness else None)
        else:
            cluster = by_key[key]
        if cluster is None:
            cluster = Cluster()
            clusters.append(cluster)
            if key in by_nearness:
                undecided[key] = cluster  # 'Clinton' far from either full name: one cluster, as before
        cluster.mentions.append(mention)
        if (variant := known_variant(mention.text)) is not None:
            cluster.extra_forms.add(variant)  # "U.S." here, "America" there: one place in every source
        if spelled is not None:
            cluster.extra_forms.add(spelled)  # and its Senate in full, as other sources write it
        shapes[id(cluster)] = _Shape(cluster)
        if mention.role:
            cluster.roles.add(mention.role)
        if key not in by_nearness:
            by_key.setdefault(key, cluster)
    for cluster in clusters:
        cluster.mentions.sort(key=lambda m: m.start)
    return sorted(clusters, key=lambda c: c.mentions[0].start)


class _Shape:
    """A cluster's name, name words and type, read once while linking."""

    def __init__(self, cluster: Cluster):
        self.name = cluster.name
        self.words = _name_words(self.name)
        self.type = cluster.type


def _partial_match(
    mention: Mention,
    clusters: list[Cluster],
    shapes: dict[int, _Shape],
    placed: set[str],
    honorific: str | None,
    kin: AbstractSet[int] = frozenset(),
) -> tuple[Cluster | None, bool]:
    """A surname, given name or 'the Authority' joins the one longer name it belongs to; of
    two people with the surname, the one whose given name the honorific fits ('Mr. Clinton'
    is Bill beside Hillary; 'Mrs. Clinton' beside Hillary and Chelsea joins neither). A
    country's other name ("U.S.", "America") joins none ("U.S. Senate", "White America")."""
    if normalise_name(mention.text) in _COUNTRY_VARIANTS:
        return None, False
    words = _name_words(mention.text)
    candidates = []
    for cluster in clusters:
        shape = shapes[id(cluster)]
        name_words = shape.words
        if len(name_words) <= len(words) or _another_chamber(words, name_words):
            continue
        if shape.type == "person" and mention.type in ("person", "organisation", "place"):
            if _part_of_person(words, name_words, mention.type) and not _place_not_given_name(
                mention, words, name_words, placed
            ):
                candidates.append(cluster)
        elif shape.type == "organisation" and len(words) == 1 and _part_of_body(mention, shape, placed, honorific):
            candidates.append(cluster)
    return the_one_named(_narrowed(candidates, shapes, honorific), mention.start, kin)


def _part_of_body(mention: Mention, shape: _Shape, placed: set[str], honorific: str | None) -> bool:
    """Whether a one-word mention is a short form of the organisation's name ``shape``."""
    word, name_words = _name_words(mention.text)[0], shape.words
    if name_words[-1] == word and (word in ORG_WORDS or (honorific and not set(name_words) & ORG_WORDS)):
        return True  # 'the Authority'; 'Ms. Malik' of 'Tashfeen Malik', a name the model read as a body's
    if normalise_name(mention.text) not in placed and not _people_or_side(mention, word):
        if _short_company_name(mention, [word], name_words):
            return True  # "Corvane" for "Corvane Systems"
    return mention.text.isupper() and initials(shape.name) == mention.text.replace(".", "")  # "HWA"


def _narrowed(candidates: list[Cluster], shapes: dict[int, _Shape], honorific: str | None) -> list[Cluster]:
    """Of several: the people (a bare "Trump" is not the "Trump Foundation"), and of those the
    ones whose given name the honorific fits. An honorific never joins a person whose given
    name is the other sex's, even the only one: "Mr. Obama" in a story naming only Michelle
    Obama in full is not her."""
    people = [c for c in candidates if shapes[id(c)].type == "person"]
    candidates = people if len(candidates) > 1 and people else candidates
    if honorific is None:
        return candidates
    candidates = [c for c in candidates if given_name_gender(shapes[id(c)].name) in (None, honorific)]
    if len(candidates) > 1:
        candidates = [c for c in candidates if given_name_gender(shapes[id(c)].name) == honorific]
    return candidates


COMPASS = frozenset("north south east west northern southern eastern western central".split())


def _place_not_given_name(mention: Mention, words: list[str], name_words: list[str], placed: set[str]) -> bool:
    """A place the text puts somewhere is not the given name of a longer name it opens: "in
    Charlotte" ... "Charlotte Panthers", "Vermont Democrats", "Orlando Sentinel". A surname the
    model took for a place still joins its person ("Trump" of "Donald Trump"), and so does a
    given name ("in Hillary's campaign" ... "Hillary Clinton") unless the name ends in a plural
    of the language, as a team's does."""
    if mention.type != "place" or normalise_name(mention.text) not in placed:
        return False
    if name_words[: len(words)] != words or name_words[-len(words) :] == words:
        return False
    last = name_words[-1]
    team = last.endswith("s") and is_dictionary_word(last[:-1])
    return team or " ".join(words) not in plain_given_names()


def _another_chamber(words: list[str], name_words: list[str]) -> bool:
    """'the House' is Congress's chamber, not 'the White House' (which the model may have
    called a person, for it speaks)."""
    return words == ["house"] and name_words[-2:] == ["white", "house"]  # "the Obama White House" too


def _people_or_side(mention: Mention, word: str) -> bool:
    """A people's or a party's word ('British', 'Republican') or a compass point ('West') leads
    many names without being one's short form: 'British Medical Journal', 'Republican National
    Committee', 'West Virginia University'."""
    return mention.type == "group" or word in PEOPLES or word in COMPASS or singular_of(word) in PEOPLES


def _part_of_person(words: list[str], name_words: list[str], kind: str = "person") -> bool:
    """'Okafor' or 'Marta' of 'Marta Okafor', 'Trump' of 'Donald Trump Jr.', and a surname of two
    words the model took for a person ('Wasserman Schultz' of 'Debbie Wasserman Schultz'); but
    'Donald Trump' is not 'Donald Trump Jr.' (father and son), nor 'Ann Smith' 'Mary Smith'."""
    suffix = name_words[-1] in GENERATION_SUFFIXES
    if len(words) > 1 and kind == "person" and _double_surname(words, name_words):
        return True
    if len(words) > 1 and (suffix != (words[-1] in GENERATION_SUFFIXES) or words[0] != name_words[0]):
        return False
    core = name_words[:-1] if suffix and len(words) == 1 else name_words
    return core[-len(words) :] == words or core[: len(words)] == words


def _double_surname(words: list[str], name_words: list[str]) -> bool:
    """The last words of a longer name, the first of them no given name (so 'Ann Smith' is not
    taken for 'Mary Ann Smith')."""
    return len(name_words) > len(words) and name_words[-len(words) :] == words and words[0] not in plain_given_names()


def _short_company_name(mention: Mention, words: list[str], name_words: list[str]) -> bool:
    """'Corvane' of 'Corvane Systems', even where the model guessed a place (the caller leaves
    out countries and names the text puts in a place: 'Israel Radio', 'in Washington'). A
    chamber is a body of its own: 'the House' is not the 'House Armed Services Committee', nor
    a maker its product: 'Apple' is not the 'Apple Watch'."""
    if mention.weight >= 3 or mention.adjectival or mention.text in CHAMBERS:
        return False
    return name_words[0] == words[0] and name_words[-1] in ORG_WORDS and name_words[-1] not in PRODUCT_WORDS


# last words of a body's name that also name a maker's product: 'Apple' is not the 'Apple Watch'
PRODUCT_WORDS = frozenset(("watch", "tv"))


@lru_cache(maxsize=4096)
def _name_words(name: str) -> list[str]:
    """The folded words of a name without Arabic articles inside it ('Ahmed al-Tayeb');
    a first word 'Al' is a given name ('Al Gore'). Callers never change the list."""
    words = normalise_name(name).replace("-", " ").split()
    return [w for i, w in enumerate(words) if not i or w not in ("al", "el")] or words
