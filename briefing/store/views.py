"""What the app shows across nouns: where a quote, claim or note sits, a claim's evidence and
suggestions together, and the timeline. A claim's own rows are in ``store.claims``, a note's in
``store.annotations``, a source's entities and quotes as rows in ``store.entities`` and
``store.quotes``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from briefing.domain import BriefingError
from briefing.store.claims import get_claim
from briefing.store.evidence import list_evidence
from briefing.store.origins import claim_origins, suggestion_origins
from briefing.store.revisions import missing
from briefing.store.sources import NEWEST, shown_title_sql  # older versions of an article are not shown
from briefing.store.suggestions import list_suggestions
from briefing.store.workspace import Workspace


def item_range(ws: Workspace, kind: str, ref_id: int) -> tuple[int, int, int]:
    """(source_id, start, end) of a quote, claim or note in its source's text; a whole source,
    and a claim in the title, is (id, 0, 0)."""
    if kind == "source":
        return ref_id, 0, 0
    table = {"quote": "quotes", "claim": "claims", "note": "annotations"}.get(kind)
    if table is None:
        raise BriefingError(f"unknown item kind {kind!r}")
    in_text = "part = 'text'" if kind == "claim" else "1"
    row = ws.db.execute(f'SELECT source_id, start, "end", {in_text} FROM {table} WHERE id = ?', [ref_id]).fetchone()
    if row is None:
        raise missing(ws, "annotation" if kind == "note" else kind, ref_id)
    return (row[0], row[1], row[2]) if row[3] else (row[0], 0, 0)


def get_claim_related(ws: Workspace, claim_id: int) -> dict[str, Any]:
    """A claim's evidence and open suggestions, each with its source and origin number, and the
    line the panel and the note show ("3 sources, 1 origin"). A suggestion whose origin number is
    one of the evidence's would add no independent origin if confirmed."""
    get_claim(ws, claim_id)
    summary = claim_origins(ws, claim_id)
    numbers = suggestion_origins(ws, claim_id)
    evidence = [
        {
            "id": e["id"],
            "source": {"id": e["source_id"], "title": e["title"]},
            "passage": e["passage"],
            "relation": e["relation"],
            "note": e["note"],
            "start": e["start"],
            "end": e["end"],
            "origin": summary.origin_of(e["id"]),
        }
        for e in list_evidence(ws, claim_id)
    ]
    suggestions = [
        {
            "id": s["id"],
            "source": {"id": s["source_id"], "title": s["title"]},
            "passage": s["passage"],
            "score": s["score"],
            "ranking": s["ranking"],
            "relation": s["relation"],
            "start": s["start"],
            "end": s["end"],
            "origin": numbers.get(s["id"]),
        }
        for s in list_suggestions(ws, claim_id)
        if s["state"] == "open"
    ]
    return {
        "summary": f"evidence from {summary.describe()}" if summary.sources else "no evidence yet",
        "sources": summary.sources,
        "origins": summary.origins,
        "evidence": evidence,
        "suggestions": suggestions,
    }


TIMELINE_DETAIL_LIMIT = 1_500  # more dated sources than this: the timeline shows a bar per day


@dataclass(frozen=True)
class Timeline:
    """What the timeline draws: each dated source and its claims, or, for a workspace with more
    than TIMELINE_DETAIL_LIMIT dated sources, one bar per day."""

    sources: list[tuple[int, str, str]]  # id, published, title
    claims: list[tuple[int, int, str, str, str]]  # id, source id, published, status, text
    days: list[tuple[str, int, dict[str, int]]]  # published, sources, claims by status
    undated: int = 0  # sources without a published date, which the timeline cannot place


def timeline_items(ws: Workspace) -> Timeline:
    dated, undated = ws.db.execute(
        f"SELECT count(published), count(*) - count(published) FROM sources s WHERE {NEWEST}"
    ).fetchone()
    if dated > TIMELINE_DETAIL_LIMIT:
        return Timeline([], [], _timeline_days(ws), undated)
    sources = [
        tuple(r)
        for r in ws.db.execute(
            f"SELECT id, published, {shown_title_sql()} FROM sources s WHERE published IS NOT NULL "
            f"AND {NEWEST} ORDER BY published, id"
        )
    ]
    claims = [
        tuple(r)
        for r in ws.db.execute(
            "SELECT c.id, c.source_id, s.published, c.status, c.text "
            "FROM claims c JOIN sources s ON s.id = c.source_id "
            f"WHERE s.published IS NOT NULL AND c.dismissed = 0 AND {NEWEST} ORDER BY s.published, c.source_id, c.start"
        )
    ]
    return Timeline(sources, claims, [], undated)


def _timeline_days(ws: Workspace) -> list[tuple[str, int, dict[str, int]]]:
    claims: dict[str, dict[str, int]] = {}
    for day, status, count in ws.db.execute(
        "SELECT s.published, c.status, count(*) FROM claims c JOIN sources s ON s.id = c.source_id "
        f"WHERE s.published IS NOT NULL AND c.dismissed = 0 AND {NEWEST} GROUP BY s.published, c.status"
    ):
        claims.setdefault(day, {})[status] = count
    return [
        (day, count, claims.get(day, {}))
        for day, count in ws.db.execute(
            f"SELECT published, count(*) FROM sources s WHERE published IS NOT NULL AND {NEWEST} "
            "GROUP BY published ORDER BY published"
        )
    ]
