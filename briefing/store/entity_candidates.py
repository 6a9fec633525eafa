"""Likely duplicates of an entity, for Merge Into…: the other entities whose names look like the
same person or organisation, best first, each with a reason the analyst can check.

Signals, strongest first: the same name or an alias in common, initials ("J. Smith", "HWA"),
the same surname ("Neumann" and "Adam Neumann"), a spelling that differs by an edit or two,
one name inside the other. A generational suffix ("Donald Trump" and "Donald Trump Jr.") or a
different first name ("Adam" and "Eva Neumann") marks different people and ranks low. An
entity of another type ranks lower (a person the analysis typed as an organisation). Sources
that mention both break ties.

SQL picks the few entities worth comparing (compatible types, a name sharing a token's start,
end or outline); only those are compared in Python, so a 10,000-entity workspace answers in
milliseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.domain import BriefingError, normalise_name
from briefing.store.workspace import Workspace

try:  # optional: a C implementation; the pure-Python one below gives the same numbers
    from rapidfuzz.distance import Levenshtein as _Levenshtein
except ImportError:  # pragma: no cover - depends on the environment
    _Levenshtein = None

TITLES = frozenset("mr mrs ms miss dr prof sir dame lord lady president minister senator gen col capt".split())
SUFFIXES = {"jr": "Jr.", "junior": "Jr.", "sr": "Sr.", "senior": "Sr.", "ii": "II", "iii": "III", "iv": "IV"}
FILLER = frozenset("of the and for de du la le van von der".split())  # skipped by initials
LIKELY = 50.0  # a candidate at or above this score is a likely duplicate
ANOTHER_FIRST_NAME = "same surname, different first name"
ANOTHER_START = "same last word, different first words"  # 'Democratic Party' and 'Republican Party'
SAME_LAST = {True: "same surname", False: "same last word"}
# another type than the entity's: the analysis mistypes people and organisations, less often places
TYPE_WEIGHT = {
    frozenset(("person", "organisation")): 0.6,
    frozenset(("organisation", "place")): 0.5,
    frozenset(("organisation", "group")): 0.5,
    frozenset(("place", "group")): 0.5,
}
_TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class MergeCandidate:
    id: int
    name: str
    type: str
    score: float  # 0-100: how alike the names are, lowered for another type
    reason: str  # "same surname", "alias ‘HWA’", "spelling differs by 1"…
    shared_sources: int  # sources that mention both

    @property
    def likely(self) -> bool:
        return self.score >= LIKELY


@dataclass(frozen=True)
class _Name:
    text: str  # as written
    tokens: tuple[str, ...]  # normalised, without titles and generational suffix
    suffix: str  # "Jr.", "III"… or ""


def merge_candidates(ws: Workspace, entity_id: int, limit: int = 20) -> list[MergeCandidate]:
    """Up to ``limit`` other entities that may be ``entity_id`` under another name, best first."""
    row = ws.db.execute("SELECT name, type FROM entities WHERE id = ?", [entity_id]).fetchone()
    if row is None:
        raise BriefingError(f"entity {entity_id} no longer exists")
    own = [_parse(text) for text in [row[0], *_aliases(ws, entity_id)]]
    found = []
    for other_id, name, kind, aliases in _prefilter(ws, entity_id, row[1], own):
        forms = [_parse(name), *(_parse(a) for a in aliases)]
        best = _best_match(own, forms, people="person" in (kind, row[1]))
        names = _compare(own[0], forms[0], people="person" in (kind, row[1]))
        if best is not None and names is not None and names[1] in (ANOTHER_FIRST_NAME, ANOTHER_START):
            best = names  # 'Hillary Clinton' and 'Bill Clinton': a lone 'Clinton' alias joins neither
        if best is not None:
            weight = TYPE_WEIGHT.get(frozenset((row[1], kind)), 1.0) if kind != row[1] else 1.0
            reason = best[1] if weight == 1.0 else f"{best[1]}; typed {kind}"
            found.append((best[0] * weight, reason, other_id, name, kind))
    shared = _shared_sources(ws, entity_id, [f[2] for f in found])
    ranked = sorted(found, key=lambda f: (-f[0], -shared.get(f[2], 0), f[3].casefold(), f[2]))
    return [MergeCandidate(i, n, k, round(s, 1), r, shared.get(i, 0)) for s, r, i, n, k in ranked[:limit]]


def list_entity_names(ws: Workspace) -> list[tuple[int, str, str]]:
    """Every entity as (id, name, type), by name: the list the merge dialog filters."""
    return [tuple(r) for r in ws.db.execute("SELECT id, name, type FROM entities ORDER BY lower(name), id")]


def entity_source_counts(ws: Workspace) -> dict[int, int]:
    """Entity id -> how many sources mention it (an entity no source mentions is left out)."""
    rows = ws.db.execute("SELECT entity_id, count(DISTINCT source_id) FROM mentions GROUP BY entity_id")
    return {entity_id: count for entity_id, count in rows}


def _aliases(ws: Workspace, entity_id: int) -> list[str]:
    return [r[0] for r in ws.db.execute("SELECT alias FROM entity_aliases WHERE entity_id = ?", [entity_id])]


def _parse(text: str) -> _Name:
    tokens = _TOKEN.findall(normalise_name(text).replace("'", "").replace("’", ""))
    while len(tokens) > 1 and tokens[0] in TITLES:
        tokens = tokens[1:]
    suffix = ""
    while len(tokens) > 1 and tokens[-1] in SUFFIXES:
        suffix, tokens = SUFFIXES[tokens[-1]], tokens[:-1]
    return _Name(text, tuple(tokens), suffix)


# -- the SQL prefilter ---------------------------------------------------------------------------
def _compatible_types(kind: str) -> list[str]:
    return [kind, *sorted(t for pair in TYPE_WEIGHT if kind in pair for t in pair if t != kind)]


def _patterns(names: list[_Name]) -> list[str]:
    """LIKE patterns, matched against a name padded with spaces, that a name alike to one of
    ``names`` matches: its surname's (last token's) first or last three letters, or its first and
    last two around anything (one edit inside); the other tokens as a whole name ("Adam"); an
    acronym's letters as words ("HWA": "H… W… A…") or a long name's acronym as a whole name."""
    patterns: set[str] = set()
    for name in names:
        *given, last = name.tokens or ("",)
        patterns.update(f" {token} " for token in given if len(token) > 1)
        if len(last) < 4:
            patterns.add(f"% {last} %" if last else "")
        else:
            patterns.update((f"% {last[:3]}%", f"%{last[-3:]} %", f"% {last[:2]}%{last[-2:]} %"))
        letters = _initials(name.tokens)
        if len(letters) >= 2:
            patterns.add(f" {letters} ")
        if len(name.tokens) == 1 and 2 <= len(last) <= 6:
            patterns.add(" " + " ".join(f"{c}%" for c in last))
    patterns.discard("")
    return sorted(patterns)


def _prefilter(ws: Workspace, entity_id: int, kind: str, own: list[_Name]):
    patterns = _patterns(own)
    if not patterns:
        return []
    types = _compatible_types(kind)
    likes = " OR ".join(["' ' || name || ' ' LIKE ?"] * len(patterns))
    alias_likes = " OR ".join(["' ' || alias || ' ' LIKE ?"] * len(patterns))
    rows = ws.db.execute(
        f"""SELECT e.id, e.name, e.type,
               (SELECT group_concat(alias, char(31)) FROM entity_aliases a WHERE a.entity_id = e.id)
            FROM entities e
            WHERE e.id != ? AND e.type IN ({", ".join("?" * len(types))})
              AND (({likes}) OR e.id IN (SELECT entity_id FROM entity_aliases WHERE {alias_likes}))""",
        [entity_id, *types, *patterns, *patterns],
    )
    return [(i, name, k, aliases.split("\x1f") if aliases else []) for i, name, k, aliases in rows]


def _shared_sources(ws: Workspace, entity_id: int, ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    return dict(
        ws.db.execute(
            f"""SELECT entity_id, count(DISTINCT source_id) FROM mentions
                WHERE entity_id IN ({", ".join("?" * len(ids))})
                  AND source_id IN (SELECT source_id FROM mentions WHERE entity_id = ?)
                GROUP BY entity_id""",
            [*ids, entity_id],
        ).fetchall()
    )


# -- comparing names -----------------------------------------------------------------------------
def _best_match(own: list[_Name], forms: list[_Name], people: bool) -> tuple[float, str] | None:
    """The strongest signal between any of the entity's names and any of the candidate's
    (``people``: one of the two is a person)."""
    best: tuple[float, str] | None = None
    for i, mine in enumerate(own):
        for j, theirs in enumerate(forms):
            found = _compare(mine, theirs, people)
            if found is None:
                continue
            score, reason = found
            if reason == "same name" and (i or j):
                reason = f"alias ‘{theirs.text if j else mine.text}’"
                score = 95.0
            elif j and not reason.startswith("alias"):
                reason = f"{reason} (alias ‘{theirs.text}’)"
                score -= 2  # a canonical name's match is a little stronger than an alias's
            if best is None or score > best[0]:
                best = (score, reason)
    return best


def _compare(a: _Name, b: _Name, people: bool) -> tuple[float, str] | None:
    if not a.tokens or not b.tokens:
        return None
    found = _name_signal(a, b, people)
    if found is None:
        return None
    if a.suffix != b.suffix:  # Jr. and Sr. are two people, however alike the rest
        return min(found[0], 15.0), f"different generation ({a.suffix or b.suffix})"
    return found


def _name_signal(a: _Name, b: _Name, people: bool) -> tuple[float, str] | None:
    if a.tokens == b.tokens:
        return 100.0, "same name"
    acronym = _acronym(a, b) or _acronym(b, a)
    if acronym:
        return 80.0, f"initials ‘{acronym}’"
    if a.tokens[-1] == b.tokens[-1]:
        return _same_last(a, b, people)
    whole_a, whole_b = " ".join(a.tokens), " ".join(b.tokens)
    bound = max(1, min(3, max(len(whole_a), len(whole_b)) // 6))
    distance = _distance(whole_a, whole_b, bound)
    if distance <= bound:
        return 90.0 - 8 * distance, f"spelling differs by {distance}"
    if min(len(a.tokens), len(b.tokens)) == 1:
        single, other = (a, b) if len(a.tokens) == 1 else (b, a)
        edits = _distance(single.tokens[0], other.tokens[-1], 1)
        if len(single.tokens[0]) >= 5 and edits <= 1:
            return 70.0, f"surname spelt differently (‘{single.text}’)"
    inside = _inside(a.tokens, b.tokens) or _inside(b.tokens, a.tokens)
    if inside:
        short, long_ = (a, b) if len(a.tokens) < len(b.tokens) else (b, a)
        if not people and long_.tokens[: len(short.tokens)] == short.tokens:
            return 55.0, f"short for ‘{long_.text}’"  # "Kessel", "Corvane": a name's first words
        return 45.0, f"‘{short.text}’ is part of ‘{long_.text}’"
    return None


def _same_last(a: _Name, b: _Name, people: bool = True) -> tuple[float, str]:
    """Names ending in the same word: a person's surname, or a body's last word ('Party')."""
    first_a, first_b = a.tokens[:-1], b.tokens[:-1]
    if not first_a or not first_b:
        return 85.0, SAME_LAST[people]
    short, long_ = (a, b) if len(a.tokens) < len(b.tokens) else (b, a)
    if not people and long_.tokens[-len(short.tokens) :] == short.tokens:
        # 'White House' ends 'Obama White House': more words in common than a lone 'House'
        return 88.0, f"short for ‘{long_.text}’"
    if _given_names_agree(first_a, first_b):
        short = a if sum(map(len, first_a)) < sum(map(len, first_b)) else b
        if any(len(t) == 1 for t in short.tokens[:-1]):
            return 82.0, f"initials ‘{short.text}’"
        return 80.0, "same name with a middle name" if people else "same name with a word more"
    distance = _distance(" ".join(first_a), " ".join(first_b), 1)
    if distance <= 1 and min(len(first_a[0]), len(first_b[0])) >= 3:
        return 82.0, f"spelling differs by {distance}"
    return 20.0, ANOTHER_FIRST_NAME if people else ANOTHER_START


def _given_names_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """ "J" and "John", "Adam" and "Adam J": each given name of the shorter list matches, in order,
    a given name of the longer one, in full or by its initial."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if short[0][0] != long_[0][0]:
        return False
    rest = iter(long_)
    return all(any(_given_match(s, t) for t in rest) for s in short)


def _given_match(a: str, b: str) -> bool:
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _initials(tokens: tuple[str, ...]) -> str:
    return "".join(t[0] for t in tokens if t not in FILLER)


def _acronym(short: _Name, long_: _Name) -> str:
    """``short`` written as the initials of ``long_`` ("HWA", "Halden Water Authority")."""
    if len(short.tokens) != 1 or len(long_.tokens) < 2:
        return ""
    letters = _initials(long_.tokens)
    return short.text if len(letters) >= 2 and short.tokens[0] == letters else ""


def _inside(small: tuple[str, ...], big: tuple[str, ...]) -> bool:
    return len(small) < len(big) and any(big[i : i + len(small)] == small for i in range(len(big) - len(small) + 1))


def _distance(a: str, b: str, bound: int) -> int:
    """Levenshtein distance (insertions, deletions, substitutions), or ``bound + 1`` as soon as
    it is known to exceed ``bound``."""
    if abs(len(a) - len(b)) > bound:
        return bound + 1
    if _Levenshtein is not None:
        return _Levenshtein.distance(a, b, score_cutoff=bound)
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > bound:
            return bound + 1
        previous = current
    return previous[-1]
