"""Which of several clusters a short name joins: a bare surname two people of the text share.

"Mr. Clinton" is Bill beside Hillary (the honorific, decided by the caller). Without one, a
bare "Clinton" goes, mention by mention:
- to the one the headline or lead names in full (``OPENING_CHARS``): a senator the story is
  about keeps his surname when a victim who shares it is named in passing;
- else not to one the text also calls by the given name alone ("Melania"): "Everything Trump
  says is a lie" is the other one's;
- else to the one named in full last before it, within ``NAMED_REACH`` and no other since:
  "former president Bill Clinton said his wife ... Clinton said" is Bill, however often
  Hillary Clinton is named elsewhere.

A name given as someone's kin ("for his wife Hillary Clinton", ``kin_mentions``) never counts
as naming who the story is about.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from typing import Protocol, TypeVar

NAMED_REACH = 2000  # characters: a surname after a full name this close is that person's (no other named since)
OPENING_CHARS = 300  # the headline and lead, where a story names whom it is about
KIN_BEFORE = re.compile(
    r"\b(?:(?:his|her|their)\s+)?(?:(?:former|late|then)\s+)?(?:wife|husband|spouse|son|daughter|mother|father|"
    r"brother|sister|partner)\s*,?\s*$",
    re.IGNORECASE,
)
KIN_REACH = 30  # characters before a name where "his wife" stands


class _Named(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def text(self) -> str: ...


class _Clustered(Protocol):
    @property
    def mentions(self) -> Sequence[_Named]: ...


C = TypeVar("C", bound=_Clustered)


def kin_mentions(mentions: Iterable[_Named], text: str) -> set[int]:
    """Where a name is given as someone's kin: "his wife Hillary Clinton", "daughter Chelsea"."""
    return {m.start for m in mentions if KIN_BEFORE.search(text, max(0, m.start - KIN_REACH), m.start)}


def the_one_named(candidates: list[C], at: int, kin: AbstractSet[int]) -> tuple[C | None, bool]:
    """The cluster a short name at ``at`` joins, or None; True when it was one of several."""
    if len(candidates) <= 1:
        return (candidates[0] if candidates else None), False
    opening = [c for c in candidates if 0 <= _last_in_full(c, OPENING_CHARS, kin)]
    if len(opening) == 1:
        return opening[0], True
    surnamed = [c for c in candidates if not _called_by_given_name(c)]
    if len(surnamed) == 1:
        return surnamed[0], True
    candidates = surnamed or candidates
    last = {id(c): _last_in_full(c, at, kin) for c in candidates}
    latest = max(candidates, key=lambda c: last[id(c)])
    others = [last[id(c)] for c in candidates if c is not latest]
    near = at - last[id(latest)] <= NAMED_REACH and all(n < last[id(latest)] for n in others)
    return (latest if near else None), True


def _called_by_given_name(cluster: _Clustered) -> bool:
    full = max((m.text for m in cluster.mentions), key=lambda name: len(name.split()))
    first = full.split()[0] if len(full.split()) > 1 else None
    return first is not None and any(m.text == first for m in cluster.mentions)


def _last_in_full(cluster: _Clustered, before: int, kin: AbstractSet[int]) -> int:
    """Where the cluster was last named in more than one word before ``before``, not as
    someone's kin (-1: never)."""
    named = (m.start for m in cluster.mentions if " " in m.text and m.start < before and m.start not in kin)
    return max(named, default=-1)
