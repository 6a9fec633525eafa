"""Groups of people the model types as organisations, and lone surnames the text shows are people.

"Latinos", "Hispanics": a people named by its origin is a group, though the small model reads
a capitalised plural it does not know as an organisation. "the Clintons", "the Bushes": the
plural of a surname the text uses for a person (in full, or with a title) is that family, a group.

A one-word name the model calls a person but the text never gives in full is more often a
brand ("Twitter", "Pfizer"), unless the text treats it as a person: a personal pronoun takes it
up ("Vigurie has dedicated his life") with no person named before it in its sentence, or it
is listed only with people ("Hillary and Obama and Panetta and Susan Rice", "Hitler and
Mussolini").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from spacy.tokens import Span

from briefing.domain import normalise_name
from briefing.nlp.census_surnames import census_surnames
from briefing.nlp.entity_words import is_dictionary_word
from briefing.nlp.lexicon import FEMALE_NAMES, MALE_NAMES, ORG_WORDS, PEOPLES
from briefing.nlp.mention import Mention
from briefing.nlp.parse import Paragraph, ParsedText

PERSONAL_PRONOUNS = frozenset("he she him his her himself herself".split())
PRONOUN_REACH = 2  # sentences: the mention's own and the next one
NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"})
PRONOUN_ROLES = frozenset({"nsubj", "nsubjpass", "poss"})  # 'he said', 'his life'; not 'give him'


class ClusterLike(Protocol):
    """What the retyping rules read and change of an entity (``entities.Cluster``)."""

    mentions: list[Mention]

    @property
    def name(self) -> str: ...

    @property
    def type(self) -> str: ...


def plural_singulars(word: str) -> set[str]:
    """The singulars a one-word plural may stand for: 'clintons' -> clinton, 'bushes' -> bush."""
    found = set()
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        found.add(word[:-1])
        if word.endswith("es"):
            found.add(word[:-2])
    return found


def _as_group(cluster: ClusterLike) -> None:
    for mention in cluster.mentions:
        mention.type = "group"
        mention.weight = max(mention.weight, 2)


def retype_peoples(clusters: Iterable[ClusterLike]) -> None:
    """'Latinos', 'Latino': a people named by its origin is a group, whatever the model said."""
    for cluster in clusters:
        key = normalise_name(cluster.name)
        if " " not in key and (key in PEOPLES or plural_singulars(key) & PEOPLES):
            _as_group(cluster)


C = TypeVar("C", bound=ClusterLike)


def without_name_adjectives(clusters: list[C]) -> list[C]:
    """'Carsonian', 'Trumpian', 'Reaganesque' beside Ben Carson, Donald Trump, Ronald Reagan: a
    word made of a person's surname describes a manner, it is no group of people."""
    surnames = {normalise_name(c.name).split()[-1] for c in clusters if c.type == "person" and c.name.strip()}
    return [c for c in clusters if not (c.type == "group" and _surname_adjective(normalise_name(c.name), surnames))]


def _surname_adjective(key: str, surnames: set[str]) -> bool:
    if " " in key or key in PEOPLES:  # 'Christian' beside 'Jesus Christ' is a faith's people
        return False
    return any(key.endswith(end) and key[: -len(end)] in surnames for end in ("ian", "esque"))


def retype_families(clusters: Sequence[ClusterLike]) -> None:
    """'the Clintons' beside 'Hillary Clinton' or 'Mr. Clinton': the plural of a surname the
    text uses for a person in full or with a title is that family. A surname that ends in s
    ('Williams') stays."""
    surnames: dict[str, set[int]] = {}  # a surname -> the people's clusters that use it
    for cluster in clusters:
        if cluster.type == "person":
            for mention in cluster.mentions:
                words = normalise_name(mention.text).split()
                if len(words) > 1 or (words and (mention.weight >= 2 or mention.role)):  # not a lone guess
                    surnames.setdefault(words[-1], set()).add(id(cluster))
    for cluster in clusters:
        key = normalise_name(cluster.name)
        if cluster.type == "group" or " " in key or any(" " in m.text.strip() for m in cluster.mentions):
            continue
        others = {word for word, owners in surnames.items() if owners - {id(cluster)}}
        if key not in others and plural_singulars(key) & others:
            _as_group(cluster)


def retype_honoured_names(clusters: Sequence[ClusterLike], text: str) -> None:
    """'Tashfeen Malik' read as an organisation, and 'Ms. Malik' ten times in the same text: a name
    of two or three words, none a body's word, that an honorific ('Mr.', 'Ms.') comes before
    once is a person's."""
    for cluster in clusters:
        words = cluster.name.lower().split()
        if cluster.type == "person" or not 2 <= len(words) <= 3 or set(words) & ORG_WORDS:
            continue
        if any(honorific_gender(text, m.start) for m in cluster.mentions):
            for mention in cluster.mentions:
                mention.type = "person"


# what only a person holds, right after the name: "the Obama administration", "the Bush presidency"
PERSON_HELD_AFTER = re.compile(r"(?:['’]s)?\s+(?:administration|presidency|White House)\b")
# who serves or backs a person, after the name: "a Sanders aide", "former Obama adviser", "Trump supporters"
PERSON_STAFF_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:aides?|advis[eo]rs?|appointees?|delegates?|supporters?|loyalists|surrogates?|voters)\b"
)
# a person's kin, after the name's possessive: "Trump's children", "Obama's wife"
PERSON_KIN_AFTER = re.compile(
    r"['’]s\s+(?:wife|husband|widow|children|sons?|daughters?|father|mother|parents|brothers?|sisters?|grandchildren)\b"
)
# and what a common surname has besides: "the Carson campaign", "the Reagan era" ("a Twitter campaign" is a brand's)
SURNAME_HELD_AFTER = re.compile(r"(?:['’]s)?\s+(?:campaign|camp|era)\b")


def person_held(cluster: ClusterLike, text: str) -> bool:
    """Whether a lone name heads what only a person has: an office ("the Obama administration"),
    staff or backers ("a Sanders aide"), and for a common surname a campaign or an era."""
    surname = cluster.name.lower() in census_surnames()
    for mention in cluster.mentions:
        if any(p.match(text, mention.end) for p in (PERSON_HELD_AFTER, PERSON_STAFF_AFTER, PERSON_KIN_AFTER)):
            return True
        if surname and SURNAME_HELD_AFTER.match(text, mention.end):
            return True
    return False


# where a common surname is a place's, a team's or a title's name: "Beyond Washington", "off the
# Hill", "Durham 259 and 207", "Queens Park Rangers v Bolton", "Forbes magazine"
_BODY_OR_PLACE_BEFORE = re.compile(r"(?:^|\s)(?:[Tt]he|in|at|from|near|across|[Bb]eyond|v\.?)\s+$")
_BODY_AFTER = re.compile(
    rf"\s*\d|\s+v\.?\s|(?:['’]s?)?\s+(?:magazine|newspaper|show|{'|'.join(sorted(ORG_WORDS))})\b", re.IGNORECASE
)


def written_as_body_or_place(cluster: ClusterLike, parsed: ParsedText) -> bool:
    """Whether a lone name stands somewhere where a place, a team or a publication stands. The
    word before a name that qualifies a noun after it is that noun's: 'the Trump campaign',
    'from Obama aides' say nothing of the name."""
    text = parsed.text
    return any(
        (_BODY_OR_PLACE_BEFORE.search(text, max(0, m.start - 8), m.start) and not _qualifies_noun(m, parsed))
        or _BODY_AFTER.match(text, m.end)
        for m in cluster.mentions
    )


def _qualifies_noun(mention: Mention, parsed: ParsedText) -> bool:
    """Whether the name qualifies the common noun right after it ('the Trump troops')."""
    found = _tokens(mention, parsed)
    if found is None:
        return False
    para, span = found
    if span.end >= len(para.doc):
        return False
    after = para.doc[span.end]
    return after.pos_ == "NOUN" and after.is_lower and span.root.head == after


def retype_lone_surname_bodies(clusters: Sequence[ClusterLike], parsed: ParsedText) -> None:
    """'Obama', 'Reagan' alone typed an organisation by the model: a one-word name the text makes a
    person's is a person. It heads what only a person has ('the Reagan era', 'Trump supporters',
    'a Sanders delegate'); or, for a name that is no word of the language, it is listed only
    with people, and for a common surname besides a personal pronoun takes it up. 'Bloomberg
    reported', 'Gallup' and 'the World has not witnessed ... his' keep their type."""
    people = [m for c in clusters if c.type == "person" for m in c.mentions]
    # a word of a body's or a place's longer name: 'Cerrado' of 'Atlético Cerrado' ('Cerrado's supporters')
    bodies = {w.lower() for c in clusters if c.type in ("organisation", "place") for w in c.name.split()[1:]}
    for cluster in clusters:
        name = cluster.name
        if cluster.type != "organisation" or " " in name or not name.istitle() or name.lower() in ORG_WORDS | bodies:
            continue  # 'Senate aides' are the chamber's
        if any(len(m.text.split()) > 1 for m in cluster.mentions) or written_as_body_or_place(cluster, parsed):
            continue
        surname = name.lower() in census_surnames()
        if (
            person_held(cluster, parsed.text)
            or _owner_of_his_own(cluster, parsed)
            or (not is_dictionary_word(name.lower()) and _in_person_context(cluster, parsed, people, pronoun=surname))
        ):
            for mention in cluster.mentions:
                mention.type = "person"


NEUTER_OWNER = frozenset(("its",))


def _owner_of_his_own(cluster: ClusterLike, parsed: ParsedText) -> bool:
    """'When Trump launched his campaign': the name the subject of a verb whose own noun 'his' or
    'her' owns (``_owns_in_its_clause``), more often than 'its' does."""
    personal = neuter = 0
    for mention in cluster.mentions:
        found = _tokens(mention, parsed)
        if found is not None:
            personal += _owns_in_its_clause(found[1], PERSONAL_PRONOUNS)
            neuter += _owns_in_its_clause(found[1], NEUTER_OWNER)
    return personal > neuter


def person_in_context(cluster: ClusterLike, parsed: ParsedText, people: Sequence[Mention]) -> bool:
    """Whether the text treats a lone name as a person's: it heads what only a person holds
    (``person_held``: "the Obama administration", "a Sanders aide"), a personal pronoun takes it up in
    its sentence or the next with no other name between, or it is listed only with people
    (``people``: the mentions the model or a rule typed a person, this cluster's left out)."""
    return person_held(cluster, parsed.text) or _in_person_context(cluster, parsed, people, pronoun=True)


def _in_person_context(cluster: ClusterLike, parsed: ParsedText, people: Sequence[Mention], pronoun: bool) -> bool:
    """Listed only with people, or (with ``pronoun``) taken up by a personal pronoun."""
    for mention in cluster.mentions:
        found = _tokens(mention, parsed)
        if found is None:
            continue
        if _listed_with_person(mention, *found, people) or (pronoun and _taken_up_by_pronoun(mention, *found, people)):
            return True
    return False


def _tokens(mention: Mention, parsed: ParsedText) -> tuple[Paragraph, Span] | None:
    """The mention's paragraph and its tokens there (None when they cannot be found)."""
    for para in parsed.paragraphs:
        if para.start <= mention.start and mention.end <= para.start + len(para.text):
            span = para.doc.char_span(mention.start - para.start, mention.end - para.start, alignment_mode="expand")
            return (para, span) if span is not None and len(span) else None
    return None


def _taken_up_by_pronoun(
    mention: Mention,
    para: Paragraph,
    span: Span,
    people: Sequence[Mention],
    pronouns: frozenset[str] = PERSONAL_PRONOUNS,
) -> bool:
    """'Vigurie has dedicated his life', 'Keidis continued. He said': the name a subject or an
    owner, and 'he', 'she', 'his' or 'her' (or another of ``pronouns``) as a subject or an owner
    after it. Not where a person or a pronoun comes before it in its sentence ('He uses products
    like Twitter but ... his fortune'), unless the name is the subject of the verb that owns the
    pronoun's noun ('Years after Bill Clinton claimed ..., Obama won his party's nomination'); nor
    an object ('offered to give him the money')."""
    if span.root.dep_ not in PRONOUN_ROLES:
        return False  # 'took to Twitter ... his assault': a pronoun takes up a subject, not a place it went
    if _owns_in_its_clause(span, pronouns):
        return True
    sentence_start = para.start + span.sent.start_char
    if any(sentence_start <= p.start < mention.start for p in people):
        return False
    if any(t.lower_ in PERSONAL_PRONOUNS for t in para.doc[span.sent.start : span.start]):
        return False
    sentences = 0
    for token in para.doc[span.end :]:
        if token.is_sent_start:
            sentences += 1
            if sentences >= PRONOUN_REACH:
                return False
        if token.lower_ in pronouns and token.dep_ in PRONOUN_ROLES:
            return True
        if token.ent_type_ in NAME_TYPES or (token.pos_ == "PROPN" and not token.ent_type_):
            return False  # another name comes first: the pronoun may be its ('Monday' is none)
    return False


def _owns_in_its_clause(span: Span, pronouns: frozenset[str]) -> bool:
    """'Obama won his party's nomination': the name the subject of a verb, and one of ``pronouns``
    owning a noun of that verb's own (no other verb between), with no other name before it
    ('Springbok scrum-half Joost van der Westhuizen was his side's inspiration')."""
    verb = span.root.head
    if span.root.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
        return False
    for token in verb.subtree:
        if token.i >= span.end and (token.ent_type_ in NAME_TYPES or token.pos_ == "PROPN"):
            return False
        if token.i >= span.end and token.lower_ in pronouns and token.dep_ == "poss":
            head = token.head
            while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
                head = head.head
            if head.i == verb.i:
                return True
    return False


def pronoun_takes_up(cluster: ClusterLike, parsed: ParsedText, pronouns: frozenset[str]) -> int:
    """How many of the cluster's mentions one of ``pronouns`` takes up (``_taken_up_by_pronoun``)."""
    taken = 0
    for mention in cluster.mentions:
        found = _tokens(mention, parsed)
        taken += found is not None and _taken_up_by_pronoun(mention, *found, [], pronouns)
    return taken


def _listed_with_person(mention: Mention, para: Paragraph, span: Span, people: Sequence[Mention]) -> bool:
    """'Hitler and Mussolini', 'Hillary and Obama and Susan Rice': every name listed with it
    is a person's ('v Gloucestershire or Sussex or Surrey' lists a club the model missed)."""
    listed = span.root.conjuncts
    return bool(listed) and all(
        any(p.start <= para.start + other.idx < p.end and p is not mention for p in people) for other in listed
    )


def ends_name(longer: str, form: str) -> bool:
    """Whether ``form`` is the last words of ``longer`` and shorter."""
    words, ending = longer.split(), form.split()
    return len(words) > len(ending) and words[-len(ending) :] == ending


FEMALE_BEFORE = re.compile(r"\b(?:Mrs|Ms|Miss|Madam|Lady|Dame|Queen|Sister)\.?\s+$")
MALE_BEFORE = re.compile(r"\b(?:Mr|Sir|Lord|King|Father|Brother)\.?\s+$")


def honorific_gender(text: str, start: int) -> str | None:
    """'f' after 'Mrs.' or 'Ms.', 'm' after 'Mr.', else None: what the honorific before a name says."""
    before = text[max(0, start - 12) : start]
    if FEMALE_BEFORE.search(before):
        return "f"
    return "m" if MALE_BEFORE.search(before) else None


def given_name_gender(name: str) -> str | None:
    """'f' or 'm' for a full name whose first word is a given name of one gender only."""
    words = name.split()
    first = words[0].lower().strip(".,") if len(words) > 1 else ""
    female, male = first in FEMALE_NAMES, first in MALE_NAMES
    return "f" if female and not male else "m" if male and not female else None


def lone_surname_genders(mentions: Iterable[Mention], text: str) -> dict[str, str]:
    """The sex a text gives a surname written alone, where every honorific before it agrees:
    "Mr. Obama" in a story that names only "Michelle Obama" in full makes each lone "Obama" a
    man's ("President Obama said" too), not hers. A text with both "Mr." and "Mrs. Obama"
    gives none."""
    seen: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.type == "person" and " " not in mention.text:
            gender = honorific_gender(text, mention.start)
            if gender is not None:
                seen.setdefault(normalise_name(mention.text), set()).add(gender)
    return {key: genders.pop() for key, genders in seen.items() if len(genders) == 1}
