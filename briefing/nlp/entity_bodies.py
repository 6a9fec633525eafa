"""Names the model typed a person that are bodies or groups by what the text does with them.

"Compliant Fuels", "Pell Grants", "Charlotte Panthers" (two words, the last a plural of the
language) are a company's, a programme's or a team's name; "African-Americans" beside the group
"African-American" is that group; "Boko Haram", called a body ("Boko Haram militants", "the
militant group Boko Haram"), is an organisation; so is "Twitter", which the text calls "it".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.domain import normalise_name, singular_of
from briefing.nlp.census_surnames import census_surnames
from briefing.nlp.entity_people import PERSONAL_PRONOUNS, ClusterLike, pronoun_takes_up
from briefing.nlp.entity_words import follows_the, is_dictionary_word
from briefing.nlp.lexicon import GIVEN_NAMES
from briefing.nlp.parse import ParsedText


def retype_plural_nouns(clusters: Sequence[ClusterLike], text: str) -> None:
    """'Compliant Fuels', 'Pell Grants', 'Crosscut Strategies' typed a person: two words, the
    first no given name, the last a plural the text also writes in lower case ('fuels'), are
    a company's or a programme's name ('Michelle Fields', 'Rick Gates' keep theirs); so is a
    team's ('Charlotte Panthers', ``_team_name``), given name in front or not."""
    lower_words = set(re.findall(r"\b[a-z]+s\b", text))
    places = {normalise_name(c.name) for c in clusters if c.type == "place"}
    for cluster in clusters:
        words = cluster.name.split()
        if cluster.type != "person" or len(words) != 2 or not words[-1].istitle():
            continue
        last = words[-1].lower()
        if not last.endswith("s") or not is_dictionary_word(last[:-1]):
            continue
        if words[0].lower() not in GIVEN_NAMES and last in lower_words or _team_name(cluster, last, places, text):
            for mention in cluster.mentions:
                mention.type = "organisation"


def _team_name(cluster: ClusterLike, last: str, places: set[str], text: str) -> bool:
    """'Charlotte Panthers', 'Vermont Democrats': a place of the text, or a name whose plural the
    text writes alone after 'the' ('the Browns had 11 hits' beside 'Cleveland Browns'), then a
    plural of the language no family bears (the census's surnames keep 'Rivers', 'Brooks',
    'Fields'), with no title or role making it a person's."""
    if last in census_surnames() or any(m.weight >= 3 for m in cluster.mentions):
        return False
    first, plural = cluster.name.split()[0], cluster.name.split()[-1]
    alone = [m for m in cluster.mentions if m.text == plural]
    return normalise_name(first) in places or any(follows_the(text, m.start) for m in alone)


def retype_group_numbers(clusters: Sequence[ClusterLike]) -> None:
    """'African-Americans' typed a person beside the group 'African-American': a one-word plural
    of a group the text names is that group of people too. A place keeps its type ('Philippines'
    beside 'Philippine'), and a singular its own ('Khan' beside 'the Khans')."""
    groups = {c.name.lower() for c in clusters if c.type == "group" and " " not in c.name}
    for cluster in clusters:
        name = cluster.name.lower()
        if cluster.type in ("group", "place") or " " in name:
            continue
        if singular_of(name) in groups:
            for mention in cluster.mentions:
                mention.type = "group"


# Words that make a name an armed or organised body: "Boko Haram militants", "members of Boko
# Haram", "the Islamist group Boko Haram" (the small model reads an unfamiliar two-word name as
# a person's)
MEMBER_NOUNS = (
    "militants|fighters|insurgents|rebels|gunmen|jihadists|extremists|terrorists|members|militiamen|commanders"
)
BODY_NOUNS = "group|militia|movement|sect|organi[sz]ation|network|faction|outfit"
# and a publisher: "the Italian newspaper L’Unione Sarda", "the news site Al Marsad"
PUBLICATION_NOUNS = "newspaper|magazine|weekly|tabloid|website"  # never a person's calling before a name
OUTLET_NOUNS = f"{PUBLICATION_NOUNS}|paper|daily|site|blog|broadcaster|channel|station|agency"
_MEMBERS_AFTER = re.compile(rf"(?:['’]s)?\s+(?:{MEMBER_NOUNS}|leaders?)\b")
# 'the French satirical magazine ', 'a weekly newspaper ': a publication named next, whatever its first word
_PUBLICATION_BEFORE = re.compile(rf"\b(?:the|a|an)\s+(?:[\w-]+\s+){{0,3}}(?:{PUBLICATION_NOUNS})\s+\Z", re.IGNORECASE)
_BODY_BEFORE = re.compile(
    rf"\b(?:(?:{BODY_NOUNS}|{OUTLET_NOUNS})|(?:{MEMBER_NOUNS}|leaders?|members?) of)\s+(?:the\s+)?\Z", re.I
)


def retype_organised_people(clusters: Sequence[ClusterLike], text: str) -> None:
    """'Boko Haram' typed a person: a name of two or more words whose first is no given name,
    never given a title or role, that the text calls a body or a publisher at least once ('Boko
    Haram militants', 'the militant group Boko Haram', 'leader of Boko Haram', 'the Italian
    newspaper L’Unione Sarda') is an organisation; so is one opening with a given name that the
    text calls a newspaper, magazine or website ('the French satirical magazine Charlie Hebdo')."""
    for cluster in clusters:
        words = cluster.name.split()
        if cluster.type != "person" or len(words) < 2:
            continue
        if any(m.type == "person" and m.weight >= 3 for m in cluster.mentions):
            continue
        if words[0].lower() in GIVEN_NAMES:
            # 'the French satirical magazine Charlie Hebdo': a given name, yet a publication's
            called = any(_PUBLICATION_BEFORE.search(text, max(0, m.start - 60), m.start) for m in cluster.mentions)
        else:
            called = any(
                _MEMBERS_AFTER.match(text, m.end) or _BODY_BEFORE.search(text, max(0, m.start - 40), m.start)
                for m in cluster.mentions
            )
        if called:
            for mention in cluster.mentions:
                mention.type = "organisation"


NEUTER_PRONOUNS = frozenset(("it", "its", "itself"))
NEUTER_TAKES = 2  # one 'its' may be another thing's: 'Twitter has struggled since its offering' twice


def retype_neuter_people(clusters: Sequence[ClusterLike], parsed: ParsedText) -> None:
    """'Twitter' typed a person in every one of its 35 mentions ('Twitter has now made clear that it
    was stepping up its fight'): a name never given a title, a role or a given name, that 'it' or
    'its' takes up as a subject or owner twice and at least twice as often as 'he' or 'she' (which
    may be someone's the text names next: 'Twitter's founders ... his'), is a body's. Its longer
    forms need no given name either ('Wilayat Twitter', the jihadists' name for it)."""
    for cluster in clusters:
        if cluster.type != "person" or any(_named_as_someone(m) for m in cluster.mentions):
            continue
        neuter = pronoun_takes_up(cluster, parsed, NEUTER_PRONOUNS)
        if neuter >= NEUTER_TAKES and neuter >= 2 * pronoun_takes_up(cluster, parsed, PERSONAL_PRONOUNS):
            for mention in cluster.mentions:
                mention.type = "organisation"


def _named_as_someone(mention) -> bool:
    """A title or role before the mention, a given name opening it ('Jack Dorsey'), or a surname
    ending a longer form ('Chandhok Jasdip Singh': a given name the lexicon does not know)."""
    words = mention.text.lower().split()
    if mention.weight >= 3 or mention.role or words[0] in GIVEN_NAMES:
        return True
    return len(words) > 1 and words[-1] in census_surnames()
