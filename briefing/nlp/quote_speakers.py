"""Who a quote's speaker words name: an entity cluster, by name, role or pronoun.

spaCy's small model has no coreference. A pronoun goes to the earlier person
that agrees with it: "she" never to a man named "Donald", called "Mr." or that
the text itself calls "he" ("Reyes said he…", see ``quote_gender``), "they" to a
body first. Among those, the topic wins: the last speaker while no one else
became a subject, else the one last named as the subject of a clause that no
speech verb reports. The search starts at the pronoun, not at the quote: in
'He says Obama “knows…”' the speaker is named before "Obama".
"""

from __future__ import annotations

import re
from typing import NamedTuple

from briefing.nlp.entities import Cluster
from briefing.nlp.lexicon import (
    FEMALE_NAMES,
    MALE_NAMES,
    NEWS_OUTLETS,
    ORG_ROLE_NOUNS,
    ORG_WORDS,
    PERSON_TITLES,
    PLACE_WORDS,
    PRONOUNS_GROUP,
    PRONOUNS_PERSON,
    ROLE_NOUNS,
)
from briefing.nlp.quote_descriptions import (
    DESCRIBING_WORDS,
    described_pronoun,
    described_subjects,
    met_unnamed,
    ruled_out,
)
from briefing.nlp.quote_gender import name_votes
from briefing.nlp.quote_topics import Subjects

PRONOUN_WORDS = PRONOUNS_PERSON | PRONOUNS_GROUP | {"it"}
FEMALE_PRONOUNS = frozenset({"she", "her"})
MALE_PRONOUNS = frozenset({"he", "him"})
PERSON_WORDS = ROLE_NOUNS | PERSON_TITLES
POSSESSIVES = {"his": "he", "her": "she"}
INDEFINITE = frozenset(("a", "an", "one", "another"))
POSSESSED = re.compile(r"\w['’]s?\s")  # "the victim's mother", "the workers' union"
KIN = frozenset("wife husband son daughter mother father brother sister nephew niece friend friends family".split())
SAME_ROLE = {"congressman": "representative", "congresswoman": "representative"}  # 'Rep. Schiff' is 'the congressman'
ROLE_SHORT = {"sen": "senator", "gov": "governor", "rep": "representative", "gen": "general", "pres": "president"}
# People of a body who speak in their own name, not the body's ('an expert at the university').
OWN_VOICE_ROLES = frozenset(
    """
expert professor scientist researcher lecturer scholar astronomer economist historian student teacher
doctor engineer fellow physicist geologist
""".split()
)
# What a sign, a law or a post says, taken up by 'it' ('The post ... It says: “…”'). Not a
# statement, letter or report, which 'it' takes up for the one who issued it.
WRITTEN_THINGS = frozenset(
    """
post tweet sign banner ad advertisement poster caption label headline constitution law bill amendment
website page video verse
""".split()
)
TAIL = re.compile(r"\s(?:of|at|from|for|with)\s")  # where the words after a name start ('X of Y')
PERSON_SHARE = 1 / 3  # of a body's or place's mentions, typed person, that make it speak as one
SUBJECT_REACH = 500  # characters before a pronoun where a subject still holds the topic
PREVIOUS_REACH = 1000  # characters after a quote within which its speaker is still the topic
INTRODUCED_REACH = 400  # characters before a pronoun where a person just introduced still speaks next
INTRODUCED_UNNAMED_REACH = 2000  # characters before a quote where 'a doctor' still makes 'the doctor' unnamed
AS_THEY_SAY = re.compile(r"(?i)\bas\s+$")  # 'as' right before the speaker words 'they'
# after a first mention: ", president of", ", 31, a lawyer", ", the chief executive"
INTRODUCTION = re.compile(
    r",\s+(?:\d+,\s+)?(?:a|an|the|[a-z][\w-]*\s+(?:of|at|for)|president|director|chairman|chief)\b"
)


class Scene(NamedTuple):
    """What resolving a speaker reads: the text's entity clusters, the text, the quotes found so
    far, its subjects, the clusters that speak as persons and their known genders."""

    clusters: list[Cluster]
    text: str
    quotes: list
    subjects: Subjects
    people: set[int]
    genders: dict[int, str]


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
    indefinite = speaker_text.split(" ", 1)[0].lower() in INDEFINITE
    possessed = _possessed(speaker_text)  # before the words shrink to their role
    found, speaker_text = _resolve_by_name(speaker_text, start, end, head, clusters, people)
    if found is not None:
        return found
    words = speaker_text.lower().replace("’s", "").split()
    if not words:
        return None
    if words[-1] in PRONOUN_WORDS:
        return _resolve_pronoun(words[-1], start, scene)
    role = next((SAME_ROLE.get(w, w) for w in reversed(words) if w in ROLE_NOUNS or w in DESCRIBING_WORDS), None)
    if role is not None and indefinite:
        return None  # 'a Mexican official', 'one former aide': someone not named before
    if role is not None:
        unnamed = possessed or met_unnamed(role, text[max(0, start - INTRODUCED_UNNAMED_REACH) : start])
        return _resolve_role(role, words, unnamed, (start, end), scene)
    org_word = next((w for w in reversed(words) if w in ORG_ROLE_NOUNS), None)
    if org_word is not None and words[0] == org_word:
        return None  # 'Police say…': a body of that kind, none named before
    if org_word is not None:
        return latest(clusters, start, "organisation", quotes, people, role=org_word)
    if words[0] in POSSESSIVES and words[-1] not in KIN and len(words) <= 3:
        # 'His campaign protested', 'Her statement said': the words speak for the one 'his' names
        pronoun = POSSESSIVES[words[0]]
        return _resolve_pronoun(pronoun, start, scene)
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
    found = latest(scene.clusters, start, "person", scene.quotes, scene.people, role=role, any_person=False)
    if found is not None or unnamed:
        return found
    pronoun = described_pronoun(words, scene.text, start, end)
    others = scene.people - ruled_out(scene.text, start, end, scene.clusters, scene.subjects)
    return _resolve_pronoun(pronoun, start, scene._replace(people=others))


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


def _resolve_pronoun(pronoun: str, before: int, scene: Scene) -> int | None:
    """News keeps its topic as subject: 'Ortiz thanked Lind and Moss. “…,” he said' is Ortiz's.
    The last agreeing person named as a subject nearby wins over one named later as an object."""
    clusters, text, quotes, subjects, people, genders = scene
    if pronoun == "they" and AS_THEY_SAY.search(text, max(0, before - 12), before):
        return None  # 'As they say, “…”': a saying, nobody's words
    if pronoun == "it" and _thing_as_topic(subjects, text, before):
        return None  # 'The post showed a man in a wig. It says: “…”': the post, no body
    if pronoun in ("it", "they"):
        found = latest(clusters, before, "organisation", quotes, people)
        return found if found is not None else latest(clusters, before, "person", quotes, people)
    wanted = "f" if pronoun in FEMALE_PRONOUNS else "m" if pronoun in MALE_PRONOUNS else None
    agrees = {i for i in people if wanted is None or genders.get(i) in (wanted, None)}
    known = {i for i in agrees if genders.get(i) == wanted} if wanted else set()
    introduced = _introduced(scene, known, before)
    if introduced is not None:
        return introduced
    last = next((q for q in reversed(quotes) if q.speaker is not None and q.end < before), None)
    if last is not None and before - last.end < PREVIOUS_REACH and last.speaker in agrees:
        # the last speaker goes on speaking unless someone else became the subject since
        found = _latest_subject(scene, agrees, before, since=last.end)
        return found if found is not None else last.speaker
    found = _latest_subject(scene, agrees, before, pronoun=pronoun)
    return found if found is not None else latest(clusters, before, "person", quotes, people, among=agrees)


def _thing_as_topic(subjects: Subjects, text: str, before: int) -> bool:
    """The last subject before the pronoun is a text or a sign ('The post', 'the constitution'),
    which 'it' takes up, not a body."""
    earlier = [(s, e) for s, e, _ in subjects.spans if e <= before and before - s < SUBJECT_REACH]
    return bool(earlier) and text[earlier[-1][0] : earlier[-1][1]] in WRITTEN_THINGS


def _introduced(scene: Scene, among: set[int], before: int) -> int | None:
    """'…, which concerns Henry Crespo, president of the Black Caucus.' then '“…,” he said': a
    person named for the first time, in full and with a description set off after the name,
    since the last quotation and shortly before the pronoun, is the one who speaks next."""
    clusters, text, quotes, subjects = scene.clusters, scene.text, scene.quotes, scene.subjects
    earlier = sorted((q.start, q.end) for q in quotes if q.end < before)
    upto = before
    if earlier and not text[earlier[-1][1] : before].strip(" ,.”’\"'\n"):
        upto = earlier.pop()[0]  # '“…,” he said': the pronoun's own quote comes after its speaker
    since = max(max((end for _, end in earlier), default=0), upto - INTRODUCED_REACH)
    best, best_at = None, -1
    for index in among:
        first = min(clusters[index].mentions, key=lambda m: m.start)
        if not since < first.start < upto or first.start < best_at or " " not in text[first.start : first.end]:
            continue
        if INTRODUCTION.match(text, first.end):
            best, best_at = index, first.start
    if best is None or latest(clusters, upto, "person", quotes, among) != best:
        return None  # someone agreeing was named after the introduction
    named_end = min(m.end for m in clusters[best].mentions)
    if any(named_end <= start < upto and _names_someone(text[start:end]) for start, end, _ in subjects.spans):
        return None  # 'Kasich agreed…' then 'Cruz played down a deal with Kasich': a subject since
    return best


def _names_someone(word: str) -> bool:
    return word[:1].isupper() or word.lower() in ("he", "she")


def _latest_subject(
    scene: Scene,
    among: set[int],
    before: int,
    since: int | None = None,
    pronoun: str | None = None,
    described: bool = True,
) -> int | None:
    """Of those clusters, the one last named as a subject shortly before (or since ``since``),
    by the subject's rank (``quote_topics``): 'Clinton said she called Sanders' keeps Clinton
    the topic, though Sanders came later. A description ranked higher (``described``) stands
    for the topic before it."""
    clusters, text, quotes, subjects = scene.clusters, scene.text, scene.quotes, scene.subjects
    best, best_at = None, None
    for index in among:
        at = _subject_mention(clusters, index, before, subjects, quotes, since, text, pronoun)
        if at is not None and (best_at is None or at > best_at):
            best, best_at = index, at
    if not described:
        return best
    # 'Mike Pence says … The Republican vice presidential nominee was speaking hours after Trump
    # unleashed …': a description as the later subject carries the topic on, not Trump
    low = before - SUBJECT_REACH if since is None else since
    later = [d for d in described_subjects(text, subjects, low, before, quotes) if best_at is None or d[0] > best_at]
    if not later:
        return best
    _, start, _ = max(later)
    return _latest_subject(scene, among, start, described=False)


def untyped_last_speaker(
    pronoun: str,
    before: int,
    clusters: list[Cluster],
    quotes: list,
    subjects: Subjects,
    people: set[int],
    genders: dict[int, str],
) -> tuple[int | None, str] | None:
    """'“I would,” Melanie said.' then '“You winning?” she said': the tagger never typed
    Melanie a person, so she cannot take a pronoun, yet the pronoun is hers. The last quote's
    speaker (its entity if any, and its name) when that is a name no person entity stands for,
    it does not clash in gender and nobody agreeing was named as a subject since."""
    if pronoun not in ("he", "she"):
        return None
    last = next((q for q in reversed(quotes) if q.speaker_text is not None and q.end < before), None)
    if last is None or last.speaker in people or before - last.end >= PREVIOUS_REACH:
        return None
    words = last.speaker_text.split()
    if not 1 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return None
    lowered = {w.lower().strip(".,") for w in words}
    if lowered & (PRONOUN_WORDS | ROLE_NOUNS | PERSON_TITLES):
        return None
    clash = FEMALE_NAMES if pronoun == "he" else MALE_NAMES
    if words[0].lower() in clash:
        return None
    wanted = "f" if pronoun == "she" else "m"
    agreeing = {i for i in people if genders.get(i) in (wanted, None)}
    if any(_subject_mention(clusters, i, before, subjects, quotes, last.end) is not None for i in agreeing):
        return None
    return last.speaker, last.speaker_text


def _subject_mention(
    clusters: list[Cluster],
    index: int,
    before: int,
    subjects: Subjects,
    quotes: list,
    since: int | None = None,
    text: str | None = None,
    pronoun: str | None = None,
) -> tuple | None:
    """The rank and place of the cluster's best subject mention shortly before (or since
    ``since``), outside any quotation; None when it was no subject there. Where it stood for
    ``pronoun`` as a subject counts too ('He added…'): not since the last quote, where such a
    pronoun went to the last speaker by this same rule. With ``text``, a possessive ('Ed Rendell, one of
    Clinton's supporters') names no subject."""
    found = None
    low = before - SUBJECT_REACH if since is None else since
    for start, end in subjects.positions(index, clusters[index].mentions, pronoun):
        if not low <= start < before or any(q.start <= start < q.end for q in quotes):
            continue
        if text is not None and text.startswith(("’s", "'s", "’ ", "' "), end):
            continue
        rank = subjects.rank_at(start, end)
        if rank is not None and (found is None or (*rank, start) > found):
            found = (*rank, start)
    return found


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
    head; none for the writer or the writer's own: 'I said', 'my father often said')."""
    found, rest = _named_speaker(speaker_text, start, end, head, clusters, people)
    written = speaker_text.lower().split()
    if found is None and written and (written[-1] == "i" or written[0] == "my"):
        return None, ""
    return found, rest


def _named_speaker(
    speaker_text: str, start: int, end: int, head: int | None, clusters: list[Cluster], people: set[int]
) -> tuple[int | None, str]:
    if _member_of(speaker_text, start, head):
        return None, speaker_text  # 'the astronomy expert at Nottingham Trent University': not the university
    if re.match(r"(?i)an?\s", speaker_text):  # 'an ICO spokesperson said': the body speaks
        body = cluster_at(clusters, start, end, kinds=("organisation",))
        if body is not None:
            return body, speaker_text
    if head is not None:
        at_head = cluster_at(clusters, head, head + 1)
        if at_head is not None:
            return at_head, speaker_text
        head_word = _head_word(speaker_text, start, head)
        named_inside = cluster_at(clusters, start, end, among=people)
        if (
            head_word in ROLE_NOUNS
            and named_inside is not None
            and not _served(clusters[named_inside], speaker_text, start, head)
        ):
            return named_inside, speaker_text  # 'its spokeswoman, Áine Ní Bhriain': apposition
        if head_word in ROLE_NOUNS | PRONOUN_WORDS:
            return None, head_word  # 'the Corvane spokesperson': the role, not the company
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
    if clusters[named].type == "group" and _modifies(clusters[named], speaker_text):
        return None
    return named


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
    """The speaker words' head noun, folded: 'expert' of 'the astronomy expert at ...'."""
    return speaker_text[head - start :].split(" ")[0].lower().strip(",")


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


def latest(
    clusters: list[Cluster],
    before: int,
    kind: str,
    quotes: list,
    people: set[int],
    role: str | None = None,
    among: set[int] | None = None,
    any_person: bool = True,
) -> int | None:
    """The entity of that kind ('person': one of ``people``; another kind: not one of them)
    mentioned last before ``before``, outside quotations; with a role, the last with that
    role, else (``any_person``) the last of the kind."""
    inside = [(q.start, q.end) for q in quotes]
    best, best_pos = None, -1
    for index, cluster in enumerate(clusters):
        if (
            ((index not in people) if kind == "person" else (cluster.type != kind or index in people))
            or (role and not _has_role(cluster, role))
            or (among is not None and index not in among)
        ):
            continue
        for mention in cluster.mentions:
            if best_pos < mention.start < before and not any(s <= mention.start < e for s, e in inside):
                best, best_pos = index, mention.start
    if best is None and role is not None and any_person:
        return latest(clusters, before, kind, quotes, people)
    return best


def _has_role(cluster: Cluster, role: str) -> bool:
    """'the senator' is 'Sen. Rubio', 'the governor' 'Gov. Kasich'."""
    roles = {ROLE_SHORT.get(r.rstrip("."), r) for r in cluster.roles}
    if role in roles:
        return True
    return any(role == w.lower() for w in cluster.name.split())
