"""More of each entity than the model marked: the acronym a body is given in brackets after
its name ('Halden Water Authority (HWA)'), and the occurrences of an entity's forms the model
missed, a person's surname or given name among them when no one else bears it."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Protocol

from briefing.domain import normalise_name
from briefing.nlp.lexicon import ORG_WORDS, PLACE_WORDS
from briefing.nlp.mention import Mention

ACRONYM_AFTER = re.compile(r"\s*\((?P<acr>[A-Z][A-Za-z0-9&.]{1,9})\)")
_CONNECTORS = frozenset("of for and the de du des la le van von der den da di & -".split())


class FormsCluster(Protocol):
    """What these passes read and change of an entity (``entities.Cluster``)."""

    mentions: list[Mention]
    extra_forms: set[str]

    @property
    def name(self) -> str: ...

    @property
    def type(self) -> str: ...

    @property
    def forms(self) -> set[str]: ...


def add_acronyms(clusters: Sequence[FormsCluster], text: str) -> None:
    """'Halden Water Authority (HWA)' makes HWA a form of that organisation."""
    for cluster in clusters:
        if cluster.type != "organisation":
            continue
        for mention in list(cluster.mentions):
            match = ACRONYM_AFTER.match(text, mention.end)
            if match and _initials_fit(match["acr"], mention.text):
                cluster.extra_forms.add(match["acr"])
    _merge_acronym_clusters(clusters)


def initials(name: str) -> str:
    return "".join(w[0].upper() for w in re.split(r"[\s-]+", name) if w and w.lower() not in _CONNECTORS)


def _initials_fit(acronym: str, name: str) -> bool:
    letters = initials(name)
    return acronym.replace(".", "").upper().startswith(letters[:2]) and len(letters) >= 2


def _merge_acronym_clusters(clusters: Sequence[FormsCluster]) -> None:
    owners = {normalise_name(f): c for c in clusters for f in c.extra_forms}
    for cluster in list(clusters):
        owner = owners.get(normalise_name(cluster.name))
        if owner is not None and owner is not cluster and all(len(m.text.split()) == 1 for m in cluster.mentions):
            owner.mentions.extend(cluster.mentions)
            owner.mentions.sort(key=lambda m: m.start)
            cluster.mentions.clear()


def extend_mentions(clusters: Sequence[FormsCluster], text: str) -> None:
    """Find the occurrences of each entity's forms that spaCy missed."""
    taken = bytearray(len(text))  # 1 where a mention stands: an overlap test as long as the form, not the text
    for m in (m for c in clusters for m in c.mentions):
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    short_forms = _person_short_forms(clusters)
    for cluster in clusters:
        kind = cluster.type
        forms = cluster.forms | short_forms.get(id(cluster), set())
        for form in sorted(forms, key=len, reverse=True):
            if len(form) < 2 or normalise_name(form) in _COMMON_FORMS:
                continue
            for span in _occurrences(text, form):
                if taken.find(1, span[0], span[1]) != -1 or _inside_longer_name(text, *span):
                    continue
                cluster.mentions.append(Mention(span[0], span[1], form, kind, 0))
                taken[span[0] : span[1]] = b"\x01" * (span[1] - span[0])
        cluster.mentions.sort(key=lambda m: m.start)


def _occurrences(text: str, form: str) -> Iterator[tuple[int, int]]:
    r"""Where ``form`` stands as whole words (not inside a longer word or hyphenated name);
    the same as a ``(?<![\w-])form(?![\w-])`` regex without compiling one per form."""
    start = text.find(form)
    while start != -1:
        end = start + len(form)
        if (
            not (start and _word_char(text[start - 1]))
            and not (end < len(text) and _word_char(text[end]))
            and not _in_domain(text, start, end)
        ):
            yield start, end
            start = text.find(form, end)
        else:
            start = text.find(form, start + 1)


def _in_domain(text: str, start: int, end: int) -> bool:
    """'MSNBC.website', 'www.cnn.com': a name run into a web address by a dot is the address's."""
    after = text[end : end + 2]
    before = text[max(0, start - 2) : start]
    return (len(after) == 2 and after[0] == "." and after[1].islower()) or (
        len(before) == 2 and before[1] == "." and before[0].isalnum()
    )


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_-"


def _person_short_forms(clusters: Sequence[FormsCluster]) -> dict[int, set[str]]:
    """Surname and given name of each person, when no other person shares them."""
    owners: dict[str, list[FormsCluster]] = {}
    for cluster in clusters:
        words = cluster.name.split()
        if cluster.type == "person" and len(words) >= 2:
            for word in {words[0], words[-1]}:
                owners.setdefault(word, []).append(cluster)
    forms: dict[int, set[str]] = {}
    for word, clusters_with_word in owners.items():
        if len(clusters_with_word) == 1 and len(word) > 2 and word[0].isupper():
            forms.setdefault(id(clusters_with_word[0]), set()).add(word)
    return forms


_COMMON_FORMS = frozenset({"authority", "centre", "center", "ministry", "government", "council", "court", "union"})


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """'Halden' inside 'Port Halden' or 'Okafor' inside 'Okafor Street' is not a mention."""
    before = re.search(r"([A-Z][\w'’-]*)\s+$", text[max(0, start - 30) : start])
    after = re.match(r"\s+([A-Z][\w'’-]*)", text[end : end + 30])
    sentence_start = before is not None and re.search(r"[.!?\"”]\s+[A-Z][\w'’-]*\s+$", text[max(0, start - 32) : start])
    return bool((before and not sentence_start) or (after and after.group(1).lower() in ORG_WORDS | PLACE_WORDS))
