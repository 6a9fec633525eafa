"""A claim's evidence and suggestions grouped into independent origins (``briefing.origins``).

Each evidence passage is compared with the others and with the claim's own passage, in the
context of its source's text; credibility (``claims._update_credibility``), the claim panel, the
CLI and the exports all read the same ``OriginSummary``. Origin numbers start at 1 in the order
the evidence was added; evidence that copies the claim's own story (a reprint of the wire copy
the claim comes from) is ``OWN_STORY`` (0) and no independent origin. A suggestion that copies
evidence carries that evidence's number, otherwise a new one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from briefing.origins import (
    OWN_STORY,
    Excerpt,
    HeadedText,
    SourceText,
    describe_origins,
    extend_origins,
    group_origins,
    origins_apart_from,
)
from briefing.store.workspace import Workspace

SIDES = ("supports", "contradicts", "related")
_CHUNK = 900  # ids per statement


@dataclass(frozen=True)
class SideCount:
    sources: int
    origins: int

    def describe(self) -> str:
        return describe_origins(self.sources, self.origins)


@dataclass(frozen=True)
class EvidenceOrigin:
    evidence_id: int
    source_id: int
    start: int
    end: int
    relation: str
    origin: int


@dataclass(frozen=True)
class OriginSummary:
    """A claim's evidence by origin: ``describe()`` gives '3 sources, 1 origin'."""

    claim_id: int
    evidence: tuple[EvidenceOrigin, ...]  # in the order evidence was added (by id)
    sources: int
    origins: int
    supports: SideCount
    contradicts: SideCount
    related: SideCount  # counted on neither side of the grade
    own: int = 0  # sources whose evidence copies the claim's own story

    @classmethod
    def empty(cls, claim_id: int) -> OriginSummary:
        """The summary of a claim without evidence."""
        none = SideCount(0, 0)
        return cls(claim_id, (), 0, 0, none, none, none)

    def describe(self) -> str:
        return describe_origins(self.sources, self.origins, self.own)

    def origin_of(self, evidence_id: int) -> int | None:
        return next((e.origin for e in self.evidence if e.evidence_id == evidence_id), None)

    def origin_at(self, source_id: int, start: int, end: int, relation: str) -> int | None:
        """The origin of the evidence at that place (exports read evidence without its id)."""
        found = (
            e.origin
            for e in self.evidence
            if (e.source_id, e.start, e.end, e.relation) == (source_id, start, end, relation)
        )
        return next(found, None)

    def side(self, relation: str) -> SideCount:
        return {"supports": self.supports, "contradicts": self.contradicts, "related": self.related}[relation]


class _Texts:
    """Source texts read (and shingled) once per call, however many claims they serve."""

    def __init__(self, ws: Workspace):
        self.ws = ws
        self.texts: dict[int, SourceText] = {}
        self.headed: dict[int, HeadedText] = {}  # where a title claim stands

    def excerpt(self, source_id: int, passage: str, start: int) -> Excerpt:
        return _placed(passage, source_id, self._story(source_id), start)

    def headline(self, source_id: int, passage: str, start: int) -> Excerpt:
        """A title claim's passage (``start`` counts in the title) with the story under it, so a
        wire copy reprinted under another headline is still found to be the claim's own story."""
        if source_id not in self.headed:
            row = self.ws.db.execute("SELECT title FROM sources WHERE id = ?", [source_id]).fetchone()
            self.headed[source_id] = HeadedText((row[0] or "") if row else "", self._story(source_id))
        return _placed(passage, source_id, self.headed[source_id], start)

    def _story(self, source_id: int) -> SourceText:
        if source_id not in self.texts:
            row = self.ws.db.execute("SELECT text FROM sources WHERE id = ?", [source_id]).fetchone()
            self.texts[source_id] = SourceText((row[0] or "") if row else "")
        return self.texts[source_id]


def _placed(passage: str, source_id: int, text: SourceText, start: int) -> Excerpt:
    if text.text[start : start + len(passage)] != passage:
        return Excerpt(passage, source_id)  # moved or altered: compared without its surroundings
    return Excerpt(passage, source_id, text, start)


def claim_origins(ws: Workspace, claim_id: int) -> OriginSummary:
    """The claim's evidence grouped into origins, with counts per side."""
    return list_claim_origins(ws, [claim_id])[claim_id]


def list_claim_origins(ws: Workspace, claim_ids: Iterable[int] | None = None) -> dict[int, OriginSummary]:
    """``claim_origins`` for many claims (every claim with evidence when ``claim_ids`` is None;
    a claim without evidence gets an empty summary), reading each source's text once."""
    rows = _evidence_rows(ws, None if claim_ids is None else list(claim_ids))
    texts = _Texts(ws)
    own = _own_passages(ws, list(rows), texts)
    return {claim_id: _summary(claim_id, evidence, texts, own.get(claim_id)) for claim_id, evidence in rows.items()}


def suggestion_origins(ws: Workspace, claim_id: int) -> dict[int, int]:
    """Suggestion id -> origin number, in the numbering of ``claim_origins`` (open and decided
    suggestions alike): a suggestion with an evidence origin's number would add no independent
    origin if confirmed."""
    return list_suggestion_origins(ws, [claim_id]).get(claim_id, {})


def list_suggestion_origins(ws: Workspace, claim_ids: Iterable[int] | None = None) -> dict[int, dict[int, int]]:
    """``suggestion_origins`` for many claims (every claim with suggestions when None)."""
    ids = None if claim_ids is None else list(claim_ids)
    evidence = _evidence_rows(ws, ids)
    suggestions = _rows(
        ws,
        "SELECT claim_id, id, source_id, passage, start FROM claim_suggestions {where} "
        "ORDER BY claim_id, score DESC, id",
        ids,
    )
    texts = _Texts(ws)
    own = _own_passages(ws, list(suggestions), texts)
    result: dict[int, dict[int, int]] = {}
    for claim_id, rows in suggestions.items():
        known = [texts.excerpt(row[1], row[3], row[4]) for row in evidence.get(claim_id, [])]
        groups = _numbers(known, own.get(claim_id))
        if claim_id in own:  # a suggestion that copies the claim's own story is no origin either
            known, groups = [own[claim_id], *known], [OWN_STORY, *groups]
        new = [texts.excerpt(source_id, passage, start) for _, source_id, passage, start in rows]
        numbers = extend_origins(known, groups, new)
        result[claim_id] = {row[0]: number for row, number in zip(rows, numbers, strict=True)}
    return result


def read_suggestions(ws: Workspace) -> dict[int, list[dict[str, Any]]]:
    """Every claim's suggestions (open and decided), best first, each with its origin number:
    claim id -> [{id, source_id, start, end, passage, score, relation, state, ranking, origin}]."""
    origins = list_suggestion_origins(ws)
    cursor = ws.db.execute(
        'SELECT claim_id, id, source_id, start, "end", passage, score, relation, state, ranking '
        "FROM claim_suggestions ORDER BY claim_id, score DESC, id"
    )
    names = [d[0] for d in cursor.description][1:]
    result: dict[int, list[dict[str, Any]]] = {}
    for claim_id, *row in cursor.fetchall():
        suggestion = dict(zip(names, row, strict=True))
        suggestion["origin"] = origins.get(claim_id, {}).get(suggestion["id"])
        result.setdefault(claim_id, []).append(suggestion)
    return result


def _evidence_rows(ws: Workspace, claim_ids: list[int] | None) -> dict[int, list[tuple]]:
    rows = _rows(
        ws,
        'SELECT claim_id, id, source_id, relation, passage, start, "end" FROM evidence {where} ORDER BY claim_id, id',
        claim_ids,
    )
    return {claim_id: rows.get(claim_id, []) for claim_id in claim_ids} if claim_ids is not None else rows


def _rows(ws: Workspace, sql: str, claim_ids: list[int] | None) -> dict[int, list[tuple]]:
    """Rows grouped by their first column (the claim id), without it."""
    if claim_ids is None:
        cursor = ws.db.execute(sql.format(where=""))
    else:
        marks = ", ".join("?" * len(claim_ids))
        cursor = ws.db.execute(sql.format(where=f"WHERE claim_id IN ({marks})"), claim_ids)
    grouped: dict[int, list[tuple]] = {}
    for row in cursor.fetchall():
        grouped.setdefault(row[0], []).append(tuple(row[1:]))
    return grouped


def _own_passages(ws: Workspace, claim_ids: list[int], texts: _Texts) -> dict[int, Excerpt]:
    """Each claim's own passage, where it stands in its source."""
    own: dict[int, Excerpt] = {}
    for first in range(0, len(claim_ids), _CHUNK):
        chunk = claim_ids[first : first + _CHUNK]
        sql = f"SELECT id, source_id, text, start, part FROM claims WHERE id IN ({', '.join('?' * len(chunk))})"
        for claim_id, source_id, text, start, part in ws.db.execute(sql, chunk).fetchall():
            place = texts.headline if part == "title" else texts.excerpt
            own[claim_id] = place(source_id, text, start)
    return own


def _numbers(excerpts: list[Excerpt], own: Excerpt | None) -> list[int]:
    return group_origins(excerpts) if own is None else origins_apart_from(own, excerpts)


def _summary(claim_id: int, rows: list[tuple], texts: _Texts, own: Excerpt | None = None) -> OriginSummary:
    numbers = _numbers([texts.excerpt(row[1], row[3], row[4]) for row in rows], own)
    evidence = tuple(
        EvidenceOrigin(evidence_id, source_id, start, end, relation, number)
        for (evidence_id, source_id, relation, _, start, end), number in zip(rows, numbers, strict=True)
    )
    total = _count(evidence)
    copies = len({e.source_id for e in evidence if e.origin == OWN_STORY})
    supports, contradicts, related = (_count(evidence, side) for side in SIDES)
    return OriginSummary(claim_id, evidence, total.sources, total.origins, supports, contradicts, related, copies)


def _count(evidence: tuple[EvidenceOrigin, ...], relation: str | None = None) -> SideCount:
    """Sources and independent origins: evidence that copies the claim's own story is a source, no origin."""
    chosen = [e for e in evidence if relation is None or e.relation == relation]
    return SideCount(len({e.source_id for e in chosen}), len({e.origin for e in chosen} - {OWN_STORY}))
