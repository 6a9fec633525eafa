"""Who a quote's speaker words name: an entity cluster, by name, role or pronoun.

spaCy's small model has no coreference. A name goes to the cluster that holds it; a role
('the senator') to the last person who has it; a pronoun, and a description no one holds the
role of ('the Vermont senator'), to the person the passage is about (``quote_pronouns``,
``quote_descriptions``).
"""

from __future__ import annotations

import re

from briefing.nlp.entities import Cluster
from briefing.nlp.lexicon import (
    KIN_NOUNS,
    NEWS_OUTLETS,
    ORG_ROLE_NOUNS,
    ORG_WORDS,
    PEOPLES,
    PERSON_TITLES,
    PLACE_WORDS,
    ROLE_NOUNS,
    TITLE_WORDS,
)
from briefing.nlp.quote_descriptions import (
    DESCRIBING_WORDS,
    described_pronoun,
    met_unnamed,
    ruled_out,
)
from briefing.nlp.quote_gender import name_votes
from briefing.nlp.quote_pronouns import PRONOUN_WORDS, Scene, has_role, latest, latest_subject, resolve_pronoun
from briefing.nlp.quote_topics import UNNAMED_HEADS, Subjects

PERSON_WORDS = ROLE_NOUNS | PERSON_TITLES
POSSESSIVES = {"his": "he", "her": "she"}
INDEFINITE = frozenset(("a", "an", "one", "another"))
POSSESSED = re.compile(r"\w['’]s?\s")  # "the victim's mother", "the workers' union"
KIN = KIN_NOUNS | frozenset("mother father brother sister stepmother stepfather friend friends family partner".split())
# People known through someone named before them, who speak for themselves: 'Gary Johnson's doctor',
# 'a CNN viewer', 'the Clinton supporter', 'Schilling's son, Grant' (a name after them is theirs)
OTHER_PEOPLE = KIN | frozenset(
    """
relative relatives supporter supporters fan fans viewer viewers reader readers listener listeners user users
constituent constituents voter voters follower followers employee employees customer customers client clients
member members colleague colleagues neighbour neighbours neighbor neighbors rival rivals opponent opponents
critic critics ally allies insider insiders impersonator patient patients man woman veteran veterans
questioner questioners interviewer interviewers
""".split()
)
AGE_ONLY = re.compile(r"the (?:[\w,]+ ){0,2}[\w]+-year-old")  # 'the 46-year-old', 'the bespectacled, 71-year-old'
MEMBER_WORDS = PEOPLES | frozenset("republican democrat libertarian tory".split())  # not "The Independent"
PART_WORDS = frozenset("one some two three several many most each another".split())
QUANTIFIERS = PART_WORDS | frozenset("much all part half none few".split())  # 'Much of Beck's ire'
PART_OF = re.compile(r"(?i)\w+\s+of\s+(?:the\s+|[\w.’'-]+['’]s?\s+)?(?:[\w-]+\s+){0,2}?(\w+)\s*$")  # '… friends'
SAME_ROLE = {"congressman": "representative", "congresswoman": "representative"}  # 'Rep. Schiff' is 'the congressman'
# People of a body who speak in their own name, not the body's ('an expert at the university').
OWN_VOICE_ROLES = frozenset(
    """
expert professor scientist researcher lecturer scholar astronomer economist historian student teacher
doctor engineer fellow physicist geologist
""".split()
)
# roles news gives those it does not name: 'the Yemeni official told AFP' is none of the people
# named before unless one was called an official
UNNAMED_ROLES = frozenset(("official", "source", "insider"))
SPEAKS_FOR = frozenset(("spokesman", "spokeswoman", "spokesperson", "spokespeople"))  # the one named before speaks
# someone unnamed who talked, never the body or person named beside: 'an NBC source', 'the Mirror's
# source', 'one Trump campaign source', 'one source who identified Sullivan'
SOURCE_WORDS = frozenset(("source", "sources"))
RELATIVE = frozenset(("who", "whom", "whose", "which", "that"))  # a name after them is another's
TAIL = re.compile(r"\s(?:of|at|from|for|with)\s")  # where the words after a name start ('X of Y')
WRITTEN_WORDS = frozenset("statement letter release memo note email message".split())
# what comes right after such words and names their author: ', which was attributed to'
AUTHORED = re.compile(
    r",?\s+(?:which|that)\s+(?:was|is|had been|has been)\s+(?:attributed to|signed by|issued by|written by|sent by)\s"
)
AUTHOR_REACH = 80  # characters after it where the author is named
PERSON_SHARE = 1 / 3  # of a body's or place's mentions, typed person, that make it speak as one
INTRODUCED_UNNAMED_REACH = 2000  # characters before a quote where 'a doctor' still makes 'the doctor' unnamed


def resolve_speaker(
    speaker_text: str,
    start: int,
    end: int,
    head: int | None,
    clusters: list[Cluster],
    text: str,
    quotes: list,
    subjects: Subjects | None = None,
    people: set[int] | None = None,
    genders: dict[int, str] | None = None,
) -> int | None:
    """The entity that the speaker words at [start, end) name: a name, then a pronoun or a role
    noun. ``people``: the clusters that speak as persons (``find_people``), ``genders`` their
    known genders (``quote_gender.find_genders``), when known already."""
    people = find_people(clusters, text) if people is None else people
    if genders is None:
        genders = {i: g for i, c in enumerate(clusters) if (g := cluster_gender(c, text)) is not None}
    scene = Scene(clusters, text, quotes, subjects or Subjects(), people, genders)
    # 'a Mexican official', or a name the tagger missed before a description ('Obi Ezekwesili, a
    # former education minister'): someone not named before, whatever the description says
    indefinite = speaker_text.split(" ", 1)[0].lower() in INDEFINITE or _untagged_name(speaker_text)
    possessed = _possessed(speaker_text)  # before the words shrink to their role
    found, speaker_text = _resolve_by_name(speaker_text, start, end, head, clusters, people)
    if found is not None:
        return found
    words = speaker_text.lower().replace("’s", "").replace("'s", "").split()
    if not words:
        return None
    if words[-1] in PRONOUN_WORDS:
        return resolve_pronoun(words[-1], start, scene)
    role = _role_of(words)
    if role is not None and indefinite:
        return None  # 'a Mexican official', 'one former aide': someone not named before
    if role is not None:
        unnamed = possessed or met_unnamed(role, text[max(0, start - INTRODUCED_UNNAMED_REACH) : start])
        return _resolve_role(role, words, unnamed, (start, end), scene)
    author = _author_after(words, end, scene)
    if author is not None:
        return author
    # the body a statement is of: 'a government statement', 'the company's statement'
    org_word = next((w for w in reversed(words) if w in ORG_ROLE_NOUNS and w != "statement"), None)
    org_word = org_word or ("statement" if "statement" in words else None)
    if org_word is not None:
        return _body_speaker(org_word, words, start, scene)
    if words[0] in POSSESSIVES and not KIN.intersection(words) and len(words) <= 3:
        # 'His campaign protested', 'Her statement said': the words speak for the one 'his' names
        # (not 'His wife's sign read': hers)
        pronoun = POSSESSIVES[words[0]]
        return resolve_pronoun(pronoun, start, scene)
    return _cluster_by_form(clusters, speaker_text)


def _resolve_role(
    role: str,
    words: list[str],
    unnamed: bool,
    span: tuple[int, int],
    scene: Scene,
) -> int | None:
    """The last person with that role ('the senator': 'Sen. Rubio'); else, unless the role came
    in unnamed ('his lawyer', 'A doctor on the scene'), the one the passage is about, taken up
    as a pronoun is (``quote_descriptions``): 'the Vermont senator' after 'hatred of Clinton'."""
    start, end = span
    if not role:
        return _described_topic(role, words, span, scene)  # 'said the 46-year-old': the one the passage is about
    found = latest(scene.clusters, start, "person", scene.quotes, scene.people, role=role, any_person=False)
    if found is not None or unnamed or role in UNNAMED_ROLES:
        return found
    return _described_topic(role, words, span, scene)


def _role_of(words: list[str]) -> str | None:
    """The role noun of the speaker words ('senator'), '' for an age alone ('the 46-year-old'),
    None for neither."""
    role = next((SAME_ROLE.get(w, w) for w in reversed(words) if w in ROLE_NOUNS or w in DESCRIBING_WORDS), None)
    return "" if role is None and (AGE_ONLY.fullmatch(" ".join(words)) or _one_member(words)) else role


def _untagged_name(speaker_text: str) -> bool:
    """Two or three capitalised words, no title nor article, set off by a comma before the rest."""
    if "," not in speaker_text:
        return False
    name = speaker_text.split(",", 1)[0].split()
    return 2 <= len(name) <= 3 and all(
        w[:1].isupper() and w.lower().strip(".") not in TITLE_WORDS | INDEFINITE | {"the"} for w in name
    )


def _one_member(words: list[str]) -> bool:
    """'a New Hampshire Republican', 'the Wisconsin Republican', 'one senior Democrat': one
    member of a party or people, described, not the party or people."""
    if not words or words[-1] not in MEMBER_WORDS or words[0] not in ("a", "an", "one", "another", "the"):
        return False
    return len(words) > (2 if words[0] == "the" else 1)  # not 'The Hindu', a newspaper


def _described_topic(role: str, words: list[str], span: tuple[int, int], scene: Scene) -> int | None:
    """The one the passage is about, taken up by a description as by a pronoun (``quote_descriptions``)."""
    start, end = span
    pronoun = described_pronoun(words, scene.text, start, end)
    others = scene.people - ruled_out(scene.text, start, end, scene.clusters, scene.subjects)
    if role and role not in KIN:
        # 'his sister Lucy Somers' is no 'Yemeni official': one known only as kin holds no office
        others -= {i for i in others if scene.clusters[i].roles and scene.clusters[i].roles <= KIN}
    return resolve_pronoun(pronoun, start, scene._replace(people=others), unnamed=False)


def _author_after(words: list[str], end: int, scene: Scene) -> int | None:
    """The person a text that speaks is then said to come from: 'said the statement, which was
    attributed to Foley's mother, Diane Foley' is hers, not the body last in the news."""
    if words[-1] not in WRITTEN_WORDS:
        return None
    author = AUTHORED.match(scene.text, end)
    if author is None:
        return None
    reach = author.end() + AUTHOR_REACH
    named = [
        (m.start, index)
        for index in scene.people
        for m in scene.clusters[index].mentions
        if author.end() <= m.start < reach and not _possessive(scene.text, m.end)
    ]
    return min(named)[1] if named else None  # not 'Foley' of "Foley's mother": the one named after


def _body_speaker(word: str, words: list[str], start: int, scene: Scene) -> int | None:
    """Speaker words with a body's word ('the group said'): that body, taken up as a topic."""
    if words[-1] in OTHER_PEOPLE | UNNAMED_HEADS:
        return None  # 'one company source': a person of the body, not named
    if words[0] == word:
        return None  # 'Police say…': a body of that kind, none named before
    return _body_as_topic(word, start, scene)


def _body_as_topic(word: str, start: int, scene: Scene) -> int | None:
    """'The group said' after 'The watchdog group Judicial Watch claimed that ISIS terrorists
    were planning …': the body last a subject outside what is reported, as a pronoun's
    person is, before the body named last; with the word as its role if one has it."""
    clusters, people = scene.clusters, scene.people
    bodies = {i for i, c in enumerate(clusters) if c.type == "organisation" and i not in people}
    with_role = {i for i in bodies if has_role(clusters[i], word)}
    if word == "government" and not with_role:
        return None  # a state's, never the group named last ('The government vowed revenge' after ISIS)
    found = latest_subject(scene, with_role or bodies, start)
    return found if found is not None else latest(clusters, start, "organisation", scene.quotes, people, role=word)


def find_people(clusters: list[Cluster], text: str, referred: set[int] | frozenset[int] = frozenset()) -> set[int]:
    """The clusters that speak as persons; ``referred``: those the text calls 'he' or 'she'."""
    return {i for i, c in enumerate(clusters) if speaks_as_person(c, text, i in referred)}


def speaks_as_person(cluster: Cluster, text: str, referred: bool = False) -> bool:
    """A person, or a name the tagger often took for a body or a place ('Trump said', 'Kasich
    told'): one with a known given name, honorific or role, whose mentions were typed person
    a third of the time, or that the text calls 'he' or 'she' ('Schlafly said she…'), unless
    its last word makes it a body or place ('Fox News')."""
    typed_person = sum(m.type == "person" for m in cluster.mentions)
    if not typed_person and not cluster.roles and not referred:
        return False  # most bodies and places: never typed person (a person always is), no role
    kind = cluster.type
    if kind == "person":
        return True
    if kind not in ("organisation", "place") or cluster.name in NEWS_OUTLETS:
        return False
    if cluster.name.split()[-1].lower() in ORG_WORDS | PLACE_WORDS:
        return False
    if typed_person >= PERSON_SHARE * len(cluster.mentions) or cluster.roles & PERSON_WORDS or referred:
        return True
    return cluster_gender(cluster, text) is not None


def cluster_gender(cluster: Cluster, text: str) -> str | None:
    """'f', 'm' or None (unknown) from given names, honorifics and gendered roles."""
    votes = name_votes(cluster, text)
    if votes["f"] == votes["m"]:
        return None
    return "f" if votes["f"] > votes["m"] else "m"


def _resolve_by_name(
    speaker_text: str, start: int, end: int, head: int | None, clusters: list[Cluster], people: set[int]
) -> tuple[int | None, str]:
    """A named speaker, or (None, the words left to resolve: a role or pronoun when that is the
    head; none for the writer or the writer's own: 'I said', 'my father often said', 'we're
    told', 'our source')."""
    if _one_member(speaker_text.lower().split()):
        return None, speaker_text  # 'a New Hampshire Republican': one person, not the party
    found, rest = _named_speaker(speaker_text, start, end, head, clusters, people)
    written = speaker_text.lower().split()
    if found is None and written and (written[-1] in ("i", "we") or written[0] in ("my", "our")):
        return None, ""
    return found, rest


def _named_speaker(
    speaker_text: str, start: int, end: int, head: int | None, clusters: list[Cluster], people: set[int]
) -> tuple[int | None, str]:
    if _member_of(speaker_text, start, head):
        return None, speaker_text  # 'the astronomy expert at Nottingham Trent University': not the university
    head_word = _head_word(speaker_text, start, head) if head is not None else None
    # 'an ICO spokesperson said': the body
    if re.match(r"(?i)an?\s", speaker_text) and head_word not in OTHER_PEOPLE | SOURCE_WORDS:
        body = cluster_at(clusters, start, end, kinds=("organisation",))
        if body is not None:
            return body, speaker_text
    if head is not None:
        at_head = cluster_at(clusters, head, head + 1)
        if at_head is not None:
            return at_head, speaker_text
        named = _named_after(clusters, speaker_text, start, head, people)
        if head_word in SPEAKS_FOR and named is None:
            named = cluster_at(clusters, start, head, among=people)  # 'One Clinton spokesman': hers
        if named is not None and (
            head_word in ROLE_NOUNS | OTHER_PEOPLE
            and not _served(clusters[named], speaker_text, start, head)
            or _after_a_body(clusters[named], speaker_text, start)
        ):
            return named, speaker_text  # 'its spokeswoman, Áine Ní Bhriain': apposition
        if head_word in ROLE_NOUNS | PRONOUN_WORDS | OTHER_PEOPLE | SOURCE_WORDS:
            # 'the Corvane spokesperson', 'Donald Trump's campaign manager': the role, not the company
            # or the person named before it
            return None, head_word
    tail = TAIL.search(speaker_text)
    person = cluster_at(clusters, start, start + tail.start(), among=people) if tail else None
    if person is not None:
        return person, speaker_text  # 'Stephen Vladeck of the University of Texas': the person
    return _named_within(clusters, start, end, speaker_text), speaker_text


def _named_within(clusters: list[Cluster], start: int, end: int, speaker_text: str) -> int | None:
    """The cluster named in the speaker words, unless they are only a role or pronoun, or the
    name is a group's describing another noun ('two British men from west London', 'British
    intelligence': not the British)."""
    named = cluster_at(clusters, start, end)
    if named is None or speaker_text.lower() in ROLE_NOUNS | PRONOUN_WORDS:
        return None
    if _named_after_the_head(clusters[named], speaker_text, start, end):
        return None
    if clusters[named].type == "group" and _modifies(clusters[named], speaker_text):
        return None
    return named


def _named_after_the_head(cluster: Cluster, speaker_text: str, start: int, end: int) -> bool:
    """A name only after the preposition that follows the speaker's noun, when that noun is
    someone unnamed ('The source with knowledge of Kim Jong Un's health') or the name a
    possessor ('The militant at Foley's side'): another than the speaker."""
    tail = TAIL.search(speaker_text)
    if tail is None:
        return False
    inside = [m for m in cluster.mentions if start <= m.start < end]
    if not inside or any(m.start < start + tail.start() for m in inside):
        return False
    head = speaker_text[: tail.start()].lower().split()[-1:]
    if not head or head[0] in QUANTIFIERS:
        return False  # 'Much of Beck's ire was directed at Bannon, who Beck called “…”': the words are Beck's
    possessor = all(_possessive(speaker_text, m.end - start) for m in inside)
    return possessor or head[0] in UNNAMED_HEADS - SPEAKS_FOR


def _possessive(text: str, end: int) -> bool:
    """The name ending at ``end`` owns what follows: "Foley's mother"."""
    return text[end : end + 2] in ("'s", "’s")


def _modifies(group: Cluster, speaker_text: str) -> bool:
    """A group's word describing the speaker's noun ("two British men") rather than naming the
    speakers ("the British", "Republicans")."""
    names = {group.name.lower(), *(m.text.lower() for m in group.mentions)}
    words = [w for w in re.findall(r"[\w'’-]+", speaker_text.lower()) if w not in ("the", "a", "an", "many", "some")]
    return not any(" ".join(words) == name for name in names)


def _member_of(speaker_text: str, start: int, head: int | None) -> bool:
    """ "the astronomy expert at Nottingham Trent University", "a professor of law at Yale": one
    of a body's people who speaks for themselves (a spokesperson or an official speaks for it)."""
    if head is None or not re.match(r"(?i)(?:the|an?|one)\s", speaker_text):
        return False
    return (
        _head_word(speaker_text, start, head) in OWN_VOICE_ROLES
        and TAIL.search(speaker_text[head - start :]) is not None
    )


def _head_word(speaker_text: str, start: int, head: int) -> str:
    """The speaker words' head noun, folded: 'expert' of 'the astronomy expert at ...';
    'friends' of 'One of Emwazi's friends', whose head the parser makes 'One'."""
    words = speaker_text[head - start :].split(None, 1)
    word = words[0].lower().strip(",") if words else ""
    part = PART_OF.match(speaker_text[head - start :])
    return part.group(1).lower() if part and word in PART_WORDS else word


def _named_after(clusters: list[Cluster], speaker_text: str, start: int, head: int, people: set[int]) -> int | None:
    """The person named first after the head noun, who holds it: 'its spokeswoman, Áine Ní
    Bhriain', 'Cruz constituent Dan Golvach when asked about Lindsey Graham', 'a spokesman for
    the utility, Jonas Brekke', 'the base chief known as Bob' (not 'a committee member who
    supports Trump')."""
    best, best_at = None, start + len(speaker_text)
    for index in people:
        for mention in clusters[index].mentions:
            if head < mention.start < best_at:
                best, best_at = index, mention.start
    if best is None:
        return None
    between = re.findall(r"[\w'’]+", speaker_text[head - start : best_at - start].lower())
    return None if RELATIVE.intersection(between) else best


def _after_a_body(cluster: Cluster, speaker_text: str, start: int) -> bool:
    """The name closing the speaker's words right after a body's name, a title set before it:
    'terror expert and Director at the Asia Pacific Foundation Sajjan M. Cohel'."""
    end = start + len(speaker_text)
    for mention in cluster.mentions:
        if start < mention.start and mention.end == end:
            before = speaker_text[: mention.start - start].split()[-1:]
            return bool(before) and before[0].lower() in ORG_WORDS
    return False


def _served(cluster: Cluster, speaker_text: str, start: int, head: int) -> bool:
    """ "an aide to President Goodluck Jonathan", "a spokesman for Marta Okafor": the name the
    role serves, right after it (a title between), not the name of the one who holds it."""
    after = re.match(r"\S+\s+(?:to|for|of|with)\s+(?:the\s+)?", speaker_text[head - start :])
    if after is None:
        return False
    at, end = head + after.end(), start + len(speaker_text)
    for mention in cluster.mentions:
        if at <= mention.start < end:
            between = speaker_text[at - start : mention.start - start]
            if all(w.lower().rstrip(".") in PERSON_TITLES for w in between.split()):
                return True
    return False


def cluster_at(
    clusters: list[Cluster],
    start: int,
    end: int,
    kinds: tuple[str, ...] = ("person", "organisation", "group"),
    among: set[int] | None = None,
) -> int | None:
    """The cluster of those kinds (or among those indices) with the mention overlapping [start, end) most."""
    best, best_len = None, 0
    for index, cluster in enumerate(clusters):
        if among is not None and index not in among:
            continue
        for mention in cluster.mentions:
            if mention.end <= start or mention.start >= end:
                continue  # most mentions of a long text are far away: no arithmetic for them
            overlap = min(end, mention.end) - max(start, mention.start)
            if overlap > best_len and (among is not None or cluster.type in kinds):
                best, best_len = index, overlap
    return best


def _cluster_by_form(clusters: list[Cluster], words: str) -> int | None:
    wanted = words.strip().lower()
    for index, cluster in enumerate(clusters):
        if any(f.lower() == wanted for f in cluster.forms):
            return index
    return None


def _possessed(speaker_text: str) -> bool:
    """ "the victim's mother", "his lawyer": someone known through another."""
    return bool(POSSESSED.search(speaker_text)) or speaker_text.split(" ", 1)[0].lower() in {*POSSESSIVES, "their"}
