"""A pronoun's speaker: the person the passage is about, as news keeps its topic as subject.

"she" never goes to a man named "Donald", called "Mr." or that the text itself calls "he"
("Reyes said he…", see ``quote_gender``), "they" to a body first. Among those who agree, the
topic wins: the last speaker while no one else became a subject, else the one last named as
the subject of a clause that no speech verb reports (``quote_topics``). The search starts at
the pronoun, not at the quote: in 'He says Obama “knows…”' the speaker is named before "Obama".
"""

from __future__ import annotations

import re
from typing import NamedTuple

from briefing.nlp.entities import Cluster
from briefing.nlp.lexicon import FEMALE_NAMES, MALE_NAMES, PERSON_TITLES, PRONOUNS_GROUP, PRONOUNS_PERSON, ROLE_NOUNS
from briefing.nlp.quote_descriptions import FEMALE_DESCRIPTIONS, MALE_DESCRIPTIONS, described_subjects
from briefing.nlp.quote_topics import Subjects

PRONOUN_WORDS = PRONOUNS_PERSON | PRONOUNS_GROUP | {"it"}
SUBJECT_REACH = 500  # characters before a pronoun where a subject still holds the topic
PREVIOUS_REACH = 1000  # characters after a quote within which its speaker is still the topic
INTRODUCED_REACH = 400  # characters before a pronoun where a person just introduced still speaks next
AS_THEY_SAY = re.compile(r"(?i)\bas\s+$")  # 'as' right before the speaker words 'they'
FEMALE_PRONOUNS = frozenset({"she", "her"})
MALE_PRONOUNS = frozenset({"he", "him"})
ROLE_SHORT = {"sen": "senator", "gov": "governor", "rep": "representative", "gen": "general", "pres": "president"}
# What a sign, a law or a post says, taken up by 'it' ('The post ... It says: “…”'). Not a
# statement, letter or report, which 'it' takes up for the one who issued it.
WRITTEN_THINGS = frozenset(
    """
post tweet sign banner ad advertisement poster caption label headline constitution law bill amendment
website page video verse account document directive memo
""".split()
)
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


def resolve_pronoun(pronoun: str, before: int, scene: Scene, unnamed: bool = True) -> int | None:
    """News keeps its topic as subject: 'Ortiz thanked Lind and Moss. “…,” he said' is Ortiz's.
    The last agreeing person named as a subject nearby wins over one named later as an object;
    (``unnamed``) someone unnamed who spoke after them takes the pronoun (nobody's)."""
    clusters, text, quotes, subjects, people, genders = scene
    if pronoun == "they" and AS_THEY_SAY.search(text, max(0, before - 12), before):
        return None  # 'As they say, “…”': a saying, nobody's words
    if pronoun == "it" and _thing_as_topic(subjects, text, before, quotes):
        return None  # 'The post showed a man in a wig. It says: “…”': the post, no body
    if pronoun == "they":
        # a body that was the subject shortly before ('The Journal's editors … they conclude'); else
        # people the text did not name ('As they made their way down Broad Street, they chanted'),
        # not the last body mentioned ('Temple University')
        bodies = {i for i, c in enumerate(clusters) if c.type == "organisation" and i not in people}
        return latest_subject(scene, bodies, before)
    if pronoun == "it":
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
        if unnamed and _unnamed_since(scene, found, pronoun, before, since=last.end):
            return None
        return found if found is not None else last.speaker
    found = _latest_subject(scene, agrees, before, pronoun=pronoun)
    if unnamed and _unnamed_since(scene, found, pronoun, before):
        return None
    return found if found is not None else latest(clusters, before, "person", quotes, people, among=agrees)


def _unnamed_since(scene: Scene, found: int | None, pronoun: str, before: int, since: int | None = None) -> bool:
    """Someone brought in unnamed spoke after the person found was last a subject: 'a South
    Korean official claimed that … Kim Jong-Il … banned' then '“…,” he added' is the
    official's, nobody named (``quote_topics``: 'a', 'one' or 'another' and a role, speaking)."""
    clusters, text, quotes, subjects = scene.clusters, scene.text, scene.quotes, scene.subjects
    low = before - SUBJECT_REACH if since is None else since
    clash = MALE_DESCRIPTIONS if pronoun in FEMALE_PRONOUNS else FEMALE_DESCRIPTIONS if pronoun in MALE_PRONOUNS else ()
    unnamed = [
        (*rank, start)
        for start, end, rank in subjects.unnamed
        if low <= start < before
        and not any(q.start <= start < q.end for q in quotes)
        and text[start:end].lower() not in clash
    ]
    if not unnamed:
        return False
    if found is None:
        return True
    at = _subject_mention(clusters, found, before, subjects, quotes, since, text, pronoun)
    return at is None or max(unnamed) > at


def _thing_as_topic(subjects: Subjects, text: str, before: int, quotes: list) -> bool:
    """The last subject before the pronoun is a text or a sign ('The post', 'the constitution'),
    which 'it' takes up, not a body; a subject inside quoted words is the speaker's ('“Our story
    portrays the figure as a rumor; the initial headline has been changed …,” it said' is the
    magazine's)."""
    earlier = [
        (s, e)
        for s, e, _ in subjects.spans
        if e <= before and before - s < SUBJECT_REACH and not any(q.start <= s < q.end for q in quotes)
    ]
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
    since_named = [(start, end) for start, end, _ in subjects.spans if named_end <= start < upto]
    if any(_names_someone(text[start:end], start, clusters) for start, end in since_named):
        return None  # 'Kasich agreed…' then 'Cruz played down a deal with Kasich': a subject since
    return best


def _names_someone(word: str, start: int, clusters: list[Cluster]) -> bool:
    """A subject that is 'he', 'she' or a name; not the introduction's own description ('Louise
    Mensch, the former Conservative MP who is active on Twitter')."""
    if word.lower() in ("he", "she"):
        return True
    return word[:1].isupper() and any(m.start <= start < m.end for c in clusters for m in c.mentions)


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


def latest_subject(scene: Scene, among: set[int], before: int) -> int | None:
    """Of those clusters, the one last named as a subject shortly before, by rank."""
    return _latest_subject(scene, among, before, described=False)


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
    name, _, described = last.speaker_text.partition(",")  # 'Obi Ezekwesili, a former education minister'
    words = name.split()
    if not 1 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return None
    if described and last.speaker is not None:
        return None  # 'Xinhua, the official Chinese news agency': the description tells what it is
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
            or (role and not has_role(cluster, role))
            or (among is not None and index not in among)
        ):
            continue
        for mention in cluster.mentions:
            if best_pos < mention.start < before and not any(s <= mention.start < e for s, e in inside):
                best, best_pos = index, mention.start
    if best is None and role is not None and any_person:
        return latest(clusters, before, kind, quotes, people)
    return best


def has_role(cluster: Cluster, role: str) -> bool:
    """'the senator' is 'Sen. Rubio', 'the governor' 'Gov. Kasich'."""
    roles = {ROLE_SHORT.get(r.rstrip("."), r) for r in cluster.roles}
    if role in roles:
        return True
    return any(role == w.lower() for w in cluster.name.split())
