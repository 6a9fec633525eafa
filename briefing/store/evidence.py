"""A claim's evidence and the credibility it gives the claim.

Evidence is a passage of another source linked to a claim as supporting, contradicting or
related to it; adding or removing one goes into the claim's judgement history and works out
the claim's credibility again (Admiralty 1-6, from the independent origins on each side,
``store.origins``). Claims themselves are ``store.claims``; suggested passages, which become
evidence when confirmed, ``store.suggestions``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from briefing.domain import EVIDENCE_RELATIONS, BriefingError
from briefing.store.claims import dismissed_refusal
from briefing.store.history import history_for, record_judgement
from briefing.store.origins import claim_origins
from briefing.store.revisions import missing, revise
from briefing.store.rows import dict_rows
from briefing.store.sources import get_passage, shown_title_sql
from briefing.store.workspace import Workspace, utc_now

ATTACHED_AS = "attached as"  # a suggestion closed because its passage became evidence with another relation


def attached_reason(relation: str, suggested: str) -> str:
    """Why a suggested passage was closed when the analyst made it evidence with another relation
    than the one suggested: removing that evidence suggests it again (``_reopen_decided``)."""
    return f"{ATTACHED_AS} {relation} evidence; suggested as {suggested}"


def add_evidence(
    ws: Workspace,
    claim_id: int,
    source_id: int,
    start: int,
    end: int,
    relation: str,
    note: str | None = None,
    *,
    expected: int | None = None,
    confirms: Sequence[int] = (),
) -> int:
    """Link a passage to a claim; returns the evidence id. ``confirms``: the suggestions of this
    passage that removing it reopened (``delete_evidence``), decided again by an undo as they were."""
    if relation not in EVIDENCE_RELATIONS:
        raise BriefingError(f"relation: must be one of {', '.join(EVIDENCE_RELATIONS)}, not {relation!r}")
    with ws.transaction() as db:
        claim = db.execute("SELECT source_id, dismissed FROM claims WHERE id = ?", [claim_id]).fetchone()
        if claim is None:
            raise missing(ws, "claim", claim_id, writing=True)
        if claim[1] and expected is not None:  # the analyst saw it as a claim: who dismissed it since
            raise dismissed_refusal(ws, claim_id, expected)
        if claim[0] == source_id:
            raise BriefingError("evidence must come from another source than the claim")
        if db.execute("SELECT 1 FROM sources WHERE id = ?", [source_id]).fetchone() is None:
            raise missing(ws, "source", source_id, writing=True)  # the passage's source went: said before the claim
        revise(ws, "claim", claim_id, expected)  # a stale view is refused first: what it shows is outdated
        linked = db.execute(
            'SELECT relation FROM evidence WHERE claim_id = ? AND source_id = ? AND start = ? AND "end" = ?',
            [claim_id, source_id, start, end],
        ).fetchone()
        if linked is not None:
            raise BriefingError(
                f"that passage is already {linked[0]} evidence for this claim; remove it first to link it otherwise"
            )
        passage = get_passage(ws, source_id, start, end)
        evidence_id = ws.insert(
            "evidence",
            {
                "claim_id": claim_id,
                "source_id": source_id,
                "start": start,
                "end": end,
                "passage": passage,
                "relation": relation,
                "note": note,
                "created_at": utc_now(),
            },
        )
        # recorded against the claim, so its history still shows evidence removed later
        record_judgement(ws, "add_evidence", "claim", claim_id, relation, None, passage, note)
        _decide_again(ws, confirms, (claim_id, source_id, start, end))
        _update_credibility(ws, claim_id)
        return evidence_id


def delete_evidence(
    ws: Workspace, evidence_id: int, reason: str | None = None, *, expected: int | None = None, reopen: bool = True
) -> list[int]:
    """Remove one piece of evidence; ``expected`` is its claim's revision as the analyst saw it.
    A suggestion confirmed at its passage, or closed when the passage was attached with another
    relation (``ATTACHED_AS``), is open again, to be confirmed or dismissed anew (``reopen``; False
    when the suggestion reopens itself); returns the ids of those reopened."""
    with ws.transaction() as db:
        claim_id, passage, relation, source_id, start, end = _evidence_to_change(
            ws, evidence_id, 'e.passage, e.relation, e.source_id, e.start, e."end"', expected
        )
        revise(ws, "claim", claim_id, expected)
        db.execute("DELETE FROM evidence WHERE id = ?", [evidence_id])
        record_judgement(ws, "remove_evidence", "claim", claim_id, relation, passage, None, reason)
        # and against the evidence: a colleague's window that still shows it is told who removed it
        record_judgement(ws, "remove", "evidence", evidence_id, "passage", passage, None, reason)
        reopened = _reopen_decided(ws, (claim_id, source_id, start, end)) if reopen else []
        _update_credibility(ws, claim_id)
        return reopened


def change_evidence(
    ws: Workspace,
    evidence_id: int,
    relation: str,
    note: str | None,
    reason: str | None = None,
    *,
    expected: int | None = None,
) -> None:
    """Set how a piece of evidence bears on its claim and its note; each change goes into the
    claim's history and credibility is worked out again. ``expected`` as for ``delete_evidence``."""
    if relation not in EVIDENCE_RELATIONS:
        raise BriefingError(f"relation: must be one of {', '.join(EVIDENCE_RELATIONS)}, not {relation!r}")
    with ws.transaction() as db:
        claim_id, was_relation, was_note = _evidence_to_change(ws, evidence_id, "e.relation, e.note", expected)
        if (relation, note) == (was_relation, was_note):
            return  # nothing to change: no revision, no history line
        revise(ws, "claim", claim_id, expected)
        db.execute("UPDATE evidence SET relation = ?, note = ? WHERE id = ?", [relation, note, evidence_id])
        if relation != was_relation:
            record_judgement(ws, "relate_evidence", "claim", claim_id, "relation", was_relation, relation, reason)
            # and against the evidence, saying which: a note's cautions compare it with the judgement
            record_judgement(ws, "relate", "evidence", evidence_id, "relation", was_relation, relation, reason)
        if note != was_note:
            record_judgement(ws, "note_evidence", "claim", claim_id, "note", was_note, note, reason)
        _update_credibility(ws, claim_id)


def _evidence_to_change(ws: Workspace, evidence_id: int, columns: str, expected: int | None) -> tuple[Any, ...]:
    """(claim id, *``columns``) of a piece of evidence about to change; refused when it is gone, or
    when its claim was dismissed since the analyst saw it as a claim (``expected`` given)."""
    sql = f"SELECT e.claim_id, {columns}, c.dismissed FROM evidence e JOIN claims c ON c.id = e.claim_id WHERE e.id = ?"
    row = ws.db.execute(sql, [evidence_id]).fetchone()
    if row is None:
        raise missing(ws, "evidence", evidence_id, writing=True)
    if expected is not None and row[-1]:
        raise dismissed_refusal(ws, row[0], expected)
    return tuple(row[:-1])


def _reopen_decided(ws: Workspace, passage: tuple[int, int, int, int]) -> list[int]:
    """Open again the suggestions at (claim id, source id, start, end) that its evidence decided:
    those confirmed, and those closed because the passage was attached with another relation
    (``ATTACHED_AS``). One the analyst dismissed stays dismissed."""
    sql = (
        'SELECT id, state FROM claim_suggestions WHERE claim_id = ? AND source_id = ? AND start = ? AND "end" = ? '
        "AND state IN ('confirmed', 'dismissed') ORDER BY id"
    )
    rows = ws.db.execute(sql, list(passage)).fetchall()
    decided = [(row[0], row[1]) for row in rows if row[1] == "confirmed" or _attached_reason_of(ws, row[0])]
    for suggestion_id, state in decided:
        ws.db.execute("UPDATE claim_suggestions SET state = 'open' WHERE id = ?", [suggestion_id])
        reason = "its evidence was removed"
        record_judgement(ws, "reopen", "suggestion", suggestion_id, "state", state, "open", reason)
    return [suggestion_id for suggestion_id, _ in decided]


def _attached_reason_of(ws: Workspace, suggestion_id: int) -> str | None:
    """The reason the suggestion was last closed, when its passage was attached with another relation."""
    closed = [j.reason for j in history_for(ws, "suggestion", suggestion_id) if j.action == "dismiss"]
    return closed[-1] if closed and (closed[-1] or "").startswith(ATTACHED_AS) else None


def _decide_again(ws: Workspace, suggestion_ids: Sequence[int], passage: tuple[int, int, int, int]) -> None:
    """Decide again, as they were, the open suggestions of this passage that removing its evidence
    reopened (an undo): confirmed, or closed as attached with another relation, saying so again."""
    sql = (
        "UPDATE claim_suggestions SET state = ? WHERE id = ? AND state = 'open' "
        'AND claim_id = ? AND source_id = ? AND start = ? AND "end" = ?'
    )
    for suggestion_id in suggestion_ids:
        reopened = [j for j in history_for(ws, "suggestion", suggestion_id) if j.action == "reopen"]
        was = reopened[-1].old_value if reopened else "confirmed"
        if was == "dismissed":
            reason = _attached_reason_of(ws, suggestion_id)
            if ws.db.execute(sql, ["dismissed", suggestion_id, *passage]).rowcount:
                record_judgement(ws, "dismiss", "suggestion", suggestion_id, "state", "open", "dismissed", reason)
        elif ws.db.execute(sql, ["confirmed", suggestion_id, *passage]).rowcount:
            record_judgement(ws, "confirm", "suggestion", suggestion_id, "state", "open", "confirmed", "undo")


def credibility_from_evidence(supports: int, contradicts: int) -> int:
    """Admiralty information credibility from the independent origins on each side of a claim
    (``store.origins``): 1 confirmed by other independent origins, 2 probably true, 3 possibly
    true (nothing yet), 4 doubtful, 5 improbable, 6 truth cannot be judged (evidence both ways)."""
    if supports and contradicts:
        return 6 if supports == contradicts else (2 if supports > contradicts else 4)
    if supports:
        return 1 if supports >= 2 else 2
    if contradicts:
        return 5 if contradicts >= 2 else 4
    return 3


def refresh_credibility(ws: Workspace, claim_ids: Iterable[int]) -> None:
    """Work out again the credibility of claims whose evidence changed under them: the passages
    of a deleted source go with it, and come back when it is restored."""
    for claim_id in sorted(set(claim_ids)):
        _update_credibility(ws, claim_id)


# The schema version from which credibility sets apart evidence that copies the claim's own story:
# a workspace upgraded from before it has its credibility worked out again once (store.opening).
CREDIBILITY_APART_FROM_OWN_STORY = 14


def refresh_all_credibility(ws: Workspace) -> None:
    """Work out again the credibility of every claim with evidence, by today's rules."""
    ids = [row[0] for row in ws.db.execute("SELECT DISTINCT claim_id FROM evidence").fetchall()]
    if ids:
        with ws.transaction():
            refresh_credibility(ws, ids)


def _update_credibility(ws: Workspace, claim_id: int) -> None:
    """Count independent origins on each side: one source repeating itself, or five outlets
    reprinting one wire story, confirm nothing. 'related' evidence counts on neither side."""
    origins = claim_origins(ws, claim_id)
    supports, contradicts = origins.supports.origins, origins.contradicts.origins
    value = credibility_from_evidence(supports, contradicts) if supports or contradicts else None
    ws.db.execute("UPDATE claims SET credibility = ? WHERE id = ?", [value, claim_id])


def relations_changed_since(ws: Workspace, claim_id: int, since: int) -> list[tuple[str, str, str]]:
    """(passage, relation then, relation now) of the claim's evidence whose relation was changed
    after history entry ``since`` and is another now (``export.cautions``), oldest change first."""
    rows = ws.db.execute(
        "SELECT e.id, e.passage, h.old_value, e.relation FROM history h JOIN evidence e ON e.id = h.target_id "
        "WHERE h.target_kind = 'evidence' AND h.action = 'relate' AND e.claim_id = ? AND h.id > ? ORDER BY h.id",
        [claim_id, since],
    ).fetchall()
    first: dict[int, tuple[str, str, str]] = {}
    for evidence_id, passage, then, now in rows:
        first.setdefault(evidence_id, (passage, then, now))
    return [changed for changed in first.values() if changed[1] != changed[2]]


def list_evidence(ws: Workspace, claim_id: int) -> list[dict[str, Any]]:
    return dict_rows(
        ws,
        f"""
        SELECT v.id, v.source_id, {shown_title_sql()} AS title, v.passage, v.relation, v.note,
               v.start, v."end" FROM evidence v JOIN sources s ON s.id = v.source_id
        WHERE v.claim_id = ? ORDER BY v.id""",
        [claim_id],
    )
