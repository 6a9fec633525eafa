"""Evidence suggestions: passages of other sources that may support or contradict a claim.

The analysis proposes them (``replace_suggestions``); the analyst confirms one, which adds it
as evidence to the claim, or dismisses it, and a dismissed passage is never suggested again.
Each records how it was ranked (``RANKINGS``): by shared words, its score the share of the
claim's best one; or re-ranked by meaning, its score a 0-1 blend with sentence embeddings.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from briefing.domain import EVIDENCE_RELATIONS, BriefingError
from briefing.store.claims import LINKED_SUGGESTION_SQL
from briefing.store.evidence import add_evidence, delete_evidence
from briefing.store.history import record_judgement
from briefing.store.revisions import missing
from briefing.store.sources import check_range, get_source_text, shown_title_sql
from briefing.store.workspace import Workspace

BY_WORDS, BY_MEANING = "words", "meaning"
RANKINGS = (BY_WORDS, BY_MEANING)


def replace_suggestions(
    ws: Workspace, claim_id: int, suggestions: list[tuple[int, int, int, float, str]], ranking: str = BY_WORDS
) -> None:
    """Replace a claim's open suggestions with (source_id, start, end, score, relation) tuples,
    ranked by ``ranking`` (one of ``RANKINGS``).

    Confirmed and dismissed suggestions stay, and a dismissed passage is never suggested again.
    """
    replace_all_suggestions(ws, [(claim_id, suggestions)], ranking)


def replace_all_suggestions(
    ws: Workspace, claims: Iterable[tuple[int, list[tuple[int, int, int, float, str]]]], ranking: str = BY_WORDS
) -> None:
    """``replace_suggestions`` for many claims in one transaction, reading each source's text once."""
    if ranking not in RANKINGS:
        raise BriefingError(f"ranking: must be one of {', '.join(RANKINGS)}, not {ranking!r}")
    texts: dict[int, str] = {}
    with ws.transaction() as db:
        for claim_id, suggestions in claims:
            claim_source = _claim_source(ws, claim_id)
            db.execute("DELETE FROM claim_suggestions WHERE claim_id = ? AND state = 'open'", [claim_id])
            sql = 'SELECT source_id, start, "end" FROM claim_suggestions WHERE claim_id = ?'
            taken = {tuple(row) for row in db.execute(sql, [claim_id])}
            rows = []
            for source_id, start, end, score, relation in sorted(suggestions, key=lambda s: -s[3]):
                if relation not in EVIDENCE_RELATIONS:
                    raise BriefingError(f"relation: must be one of {', '.join(EVIDENCE_RELATIONS)}, not {relation!r}")
                if source_id == claim_source:
                    raise BriefingError("a suggestion must come from another source than the claim")
                if (source_id, start, end) in taken:
                    continue
                taken.add((source_id, start, end))
                if source_id not in texts:
                    texts[source_id] = get_source_text(ws, source_id)
                check_range(texts[source_id], start, end, source_id)
                rows.append([claim_id, source_id, start, end, texts[source_id][start:end], score, relation, ranking])
            db.conn.executemany(
                'INSERT INTO claim_suggestions (claim_id, source_id, start, "end", passage, score, relation, ranking) '
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )


def list_suggestions(ws: Workspace, claim_id: int) -> list[dict[str, Any]]:
    """Every suggestion of a claim, open or decided, best score first, with its source's title; an
    open one whose passage the analyst linked by hand meanwhile is evidence now, not a suggestion."""
    cursor = ws.db.execute(
        'SELECT g.id, g.claim_id, g.source_id, g.start, g."end", g.passage, g.score, g.relation, g.state, '
        f"g.ranking, {shown_title_sql()} AS title FROM claim_suggestions g JOIN sources s ON s.id = g.source_id "
        f"WHERE g.claim_id = ? AND NOT (g.state = 'open' AND {LINKED_SUGGESTION_SQL}) ORDER BY g.score DESC, g.id",
        [claim_id],
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def suggestion_relations(ws: Workspace) -> dict[int, dict[tuple[int, int, int], str]]:
    """Each claim's suggestions (open or decided) by claim id: (source id, start, end) -> relation."""
    found: dict[int, dict[tuple[int, int, int], str]] = {}
    sql = 'SELECT claim_id, source_id, start, "end", relation FROM claim_suggestions'
    for claim_id, source_id, start, end, relation in ws.db.execute(sql):
        found.setdefault(claim_id, {})[(source_id, start, end)] = relation
    return found


def claims_ranked_by_words(ws: Workspace, source_id: int) -> list[int]:
    """The claims of a source with open suggestions still ranked by shared words only."""
    sql = (
        "SELECT DISTINCT g.claim_id FROM claim_suggestions g JOIN claims c ON c.id = g.claim_id "
        "WHERE c.source_id = ? AND g.state = 'open' AND g.ranking = ? ORDER BY g.claim_id"
    )
    return [row[0] for row in ws.db.execute(sql, [source_id, BY_WORDS]).fetchall()]


def confirm_suggestion(
    ws: Workspace, suggestion_id: int, note: str | None = None, *, expected: int | None = None
) -> int:
    """Turn a suggestion into evidence for its claim; returns the evidence id. ``expected`` is the
    claim's revision as the analyst saw it (StaleWrite, nothing written, when it is not)."""
    with ws.transaction() as db:
        claim_id, source_id, start, end, relation, state = _suggestion(ws, suggestion_id)
        if state == "confirmed":
            raise BriefingError(f"suggestion {suggestion_id} is already confirmed")
        evidence_id = add_evidence(ws, claim_id, source_id, start, end, relation, note, expected=expected)
        db.execute("UPDATE claim_suggestions SET state = 'confirmed' WHERE id = ?", [suggestion_id])
        record_judgement(ws, "confirm", "suggestion", suggestion_id, "state", state, "confirmed", note)
        return evidence_id


def dismiss_suggestion(ws: Workspace, suggestion_id: int, reason: str | None = None) -> None:
    with ws.transaction() as db:
        state = _suggestion(ws, suggestion_id)[-1]
        if state != "open":
            raise BriefingError(f"suggestion {suggestion_id} is already {state}")
        db.execute("UPDATE claim_suggestions SET state = 'dismissed' WHERE id = ?", [suggestion_id])
        record_judgement(ws, "dismiss", "suggestion", suggestion_id, "state", state, "dismissed", reason)


def reopen_suggestion(ws: Workspace, suggestion_id: int, *, expected: int | None = None) -> None:
    """Undo a confirm or a dismiss: the suggestion is open again, and a confirmed one's
    evidence (the same passage, whatever its id is by now) is unlinked; ``expected`` is the
    claim's revision the unlinking expects (StaleWrite, nothing written, when it is not)."""
    with ws.transaction() as db:
        claim_id, source_id, start, end, relation, state = _suggestion(ws, suggestion_id)
        if state == "confirmed":
            rows = db.execute(
                'SELECT id FROM evidence WHERE claim_id = ? AND source_id = ? AND start = ? AND "end" = ? '
                "AND relation = ?",
                [claim_id, source_id, start, end, relation],
            ).fetchall()
            for (evidence_id,) in rows:
                delete_evidence(ws, evidence_id, reason="undo", expected=expected, reopen=False)
                expected = None  # checked once: the first removal counted the claim's next revision
        db.execute("UPDATE claim_suggestions SET state = 'open' WHERE id = ?", [suggestion_id])
        record_judgement(ws, "reopen", "suggestion", suggestion_id, "state", state, "open", "undo")


def _claim_source(ws: Workspace, claim_id: int) -> int:
    row = ws.db.execute("SELECT source_id FROM claims WHERE id = ?", [claim_id]).fetchone()
    if row is None:
        raise missing(ws, "claim", claim_id, writing=True)
    return row[0]


def _suggestion(ws: Workspace, suggestion_id: int) -> Any:
    row = ws.db.execute(
        'SELECT claim_id, source_id, start, "end", relation, state FROM claim_suggestions WHERE id = ?',
        [suggestion_id],
    ).fetchone()
    if row is None:
        raise missing(ws, "suggestion", suggestion_id)
    return row  # (claim_id, source_id, start, end, relation, state)
