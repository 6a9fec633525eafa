"""Whether an entity is a man or a woman, as the text itself says.

Given names and honorifics say it for many ('Hillary', 'Mr.'); for the rest the text
does, by the pronoun it uses next: 'Schlafly said she would…', 'Sanders spoke first. He…'.
A pronoun counts for the name just before it when both are subjects, of a clause and one
it governs or of two sentences in a row, nothing named stands between them and both are
outside quotation marks (inside them, 'he' is whoever the speaker means). Such an entity also speaks as a person,
whatever type the tagger gave its name.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from briefing.nlp.entities import Cluster
from briefing.nlp.entity_people import honorific_gender
from briefing.nlp.lexicon import FEMALE_NAMES, MALE_NAMES
from briefing.nlp.marks import pair_marks
from briefing.nlp.parse import Paragraph, ParsedText
from briefing.nlp.quote_topics import is_subject

FEMALE_ROLES = frozenset("spokeswoman chairwoman congresswoman businesswoman mother wife daughter sister".split())
MALE_ROLES = frozenset("spokesman chairman congressman businessman father husband son brother".split())
PRONOUN_GENDER = {"she": "f", "he": "m"}
PRONOUN_WORD = re.compile(r"\b(?:" + "|".join(PRONOUN_GENDER) + r")\b", re.IGNORECASE)  # where to look first
SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass"))


def find_genders(parsed: ParsedText, clusters: list[Cluster]) -> tuple[dict[int, str], set[int]]:
    """Each cluster's gender when known ('f' or 'm'), and the clusters the text refers to
    as 'he' or 'she' often enough to be people."""
    pronouns = pronoun_votes(parsed, clusters)
    genders, referred = {}, set()
    for index, cluster in enumerate(clusters):
        votes = name_votes(cluster, parsed.text)
        for gender, count in pronouns.get(index, {}).items():
            votes[gender] += count
        if _referred_as_person(cluster, sum(pronouns.get(index, {}).values())):
            referred.add(index)
        if votes["f"] != votes["m"]:
            genders[index] = "f" if votes["f"] > votes["m"] else "m"
    return genders, referred


def _referred_as_person(cluster: Cluster, pronouns: int) -> bool:
    """Called 'he' or 'she' twice, or once for a name that could be a surname: not a
    place ('South Carolina'), not an acronym ('AT&T')."""
    if pronouns >= 2:
        return True
    name = cluster.name
    return pronouns == 1 and cluster.type != "place" and name[1:2].islower() and "&" not in name


def name_votes(cluster: Cluster, text: str) -> dict[str, int]:
    """Votes from given names, honorifics and gendered roles."""
    votes = {"f": 0, "m": 0}
    for mention in cluster.mentions:
        words = mention.text.split()
        # a lone word is a surname more often than not ('Bradley', 'Grant')
        first = words[0].lower().strip(".,") if len(words) > 1 else ""
        votes["f"] += first in FEMALE_NAMES
        votes["m"] += first in MALE_NAMES
        honorific = honorific_gender(text, mention.start)
        if honorific is not None:
            votes[honorific] += 1
    votes["f"] += len(cluster.roles & FEMALE_ROLES)
    votes["m"] += len(cluster.roles & MALE_ROLES)
    return votes


def pronoun_votes(parsed: ParsedText, clusters: list[Cluster]) -> dict[int, dict[str, int]]:
    """Per cluster, how often a subject mention of it is followed by 'he…' or 'she…'."""
    kinds = [c.type for c in clusters]
    mentions = sorted((m.start, m.end, i, kinds[i]) for i, c in enumerate(clusters) for m in c.mentions)
    starts = [m[0] for m in mentions]
    votes: dict[int, dict[str, int]] = {}
    for para in parsed.paragraphs:
        quoted: list[tuple[int, int]] | None = None  # read only for a paragraph with a pronoun
        for word in PRONOUN_WORD.finditer(para.text):
            i = bisect_left(para.token_starts, word.start())
            if i >= len(para.token_starts) or para.token_starts[i] != word.start():
                continue
            token = para.doc[i]
            gender = PRONOUN_GENDER.get(token.lower_)
            if quoted is None:
                quoted = [(para.start + s.open, para.start + s.close) for s in pair_marks(para.text)]
            at = para.start + token.idx
            if gender is None or _inside(at, quoted):
                continue
            found = _antecedent(para, token, at, mentions, starts, quoted)
            if found is not None:
                votes.setdefault(found, {"f": 0, "m": 0})[gender] += 1
    return votes


def _antecedent(para: Paragraph, pronoun, at: int, mentions, starts, quoted) -> int | None:
    """The cluster of the nearest subject mention before the pronoun, outside quotation marks,
    in the pronoun's sentence or the one before, with no person named between them (a place or
    body may be: 'Pate claimed in an interview with Breitbart News that he…')."""
    if pronoun.dep_ not in SUBJECT_DEPS:
        return None
    i = bisect_right(starts, at)
    for start, end, index, kind in reversed(mentions[max(0, i - 8) : i]):
        if start < para.start:
            return None
        if _inside(start, quoted):
            continue
        token = _name_token(para, end, pronoun)
        if token is not None and is_subject(token):
            return index if _governs(token, pronoun) else None
        if kind == "person":
            return None
    return None


def _name_token(para: Paragraph, end: int, pronoun):
    """The token heading the name that ends at ``end``; None for a modifier ('the Florida senator')."""
    token_i = bisect_right(para.token_starts, end - 1 - para.start) - 1  # the name's last token
    if not 0 <= token_i < pronoun.i:
        return None
    token = para.doc[token_i]
    if not token.text[:1].isupper() or (token_i + 1 < len(para.doc) and para.doc[token_i + 1].pos_ == "NOUN"):
        return None  # 'the Florida senator': the name is a modifier, the senator the subject
    while token.dep_ in ("compound", "flat") and token.head.i > token.i and token.head.pos_ == "PROPN":
        token = token.head  # a name the tagger cut short; never 'Florida' of 'the Florida senator'
    return token


def _governs(token, pronoun) -> bool:
    """The subject's clause governs the pronoun's, or the two are the subjects of two sentences in a row."""
    if token.sent.start == pronoun.sent.start:  # 'Okafor said she…', 'Okafor left, and she…'
        return token.head in pronoun.head.ancestors or token.head is pronoun.head.head
    # 'Okafor left early. She…'
    return token.sent.end == pronoun.sent.start and token.head is token.sent.root and pronoun.head is pronoun.sent.root


def _inside(offset: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in ranges)
