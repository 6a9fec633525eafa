"""Claims: adding, editing, dismissing and judging them, and reading them back.

Readers follow one scheme: ``get_`` one by id (or an error), ``list_`` a list. A claim's status
(``mark_claim``) and its judgement history are here; its evidence and the credibility it gives
are ``store.evidence``, and suggested passages ``store.suggestions``, both above this module
(confirming a suggestion adds evidence); where a claim's words sit (snapping, finding a passage
or the headline) is ``store.claim_spans``, below it.

A claim the analyst makes has ``origin='analyst'`` and survives re-analysis; a machine claim
the analyst edits becomes theirs. "Not a claim" keeps the row with ``dismissed = 1``: its
evidence stays, it is hidden everywhere, and re-analysis does not find it again (the kept row
blocks its range and text). Every change goes into the judgement history.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from briefing.domain import CLAIM_STATUSES, BriefingError
from briefing.store.changed_words import SourceWords
from briefing.store.claim_spans import checked_span, part_text, snap_to_words
from briefing.store.history import Judgement, history_for, present_judgement, record_judgement, status_marks
from briefing.store.revisions import (
    Revision,
    StaleWrite,
    created,
    ensure_current,
    get_revision,
    hold,
    item_name,
    missing,
    revise,
)
from briefing.store.rows import dict_rows, grouped_rows
from briefing.store.search_index import reindex_sources, set_claim_status_in_index
from briefing.store.sources import shown_title_sql
from briefing.store.workspace import Workspace, utc_now

# a passage already linked to the claim as evidence (by hand, or by confirming it) is no open suggestion
LINKED_SUGGESTION_SQL = (
    "EXISTS (SELECT 1 FROM evidence e WHERE e.claim_id = g.claim_id AND e.source_id = g.source_id "
    'AND e.start = g.start AND e."end" = g."end")'
)
OPEN_SUGGESTION_SQL = f"g.state = 'open' AND NOT {LINKED_SUGGESTION_SQL}"

_CLAIM_COLUMNS = (
    f'c.id, c.source_id, {shown_title_sql()} AS title, c.text, c.start, c."end" AS "end", c.status, '
    "c.credibility, c.origin, c.kind, c.score, c.dismissed, c.part, c.revision, c.revised_by, c.revised_at, "
    "(SELECT count(*) FROM evidence v WHERE v.claim_id = c.id) AS evidence, "
    f"(SELECT count(*) FROM claim_suggestions g WHERE g.claim_id = c.id AND {OPEN_SUGGESTION_SQL}) AS suggestions"
)


@dataclass(frozen=True)
class ClaimRow:
    id: int
    start: int
    end: int
    text: str
    status: str
    credibility: int | None
    evidence: int
    open_suggestions: int
    score: float | None = None  # how check-worthy the analysis found it
    origin: str = "analysis"  # or "analyst": made by hand
    kind: str | None = None  # figure, allegation, denial, rumour, headline, ...
    part: str = "text"  # "title": start and end count in the source's title
    revision: int = 1  # the stored revision this row shows (store.revisions)
    words_now: str | None = None  # the source's words at its place, when a newer version changed them


def claim_at(ws: Workspace, source_id: int, start: int, end: int, part: str = "text") -> dict[str, Any] | None:
    """The claim (dismissed or not) on exactly these words once snapped to whole words, if any."""
    start, end = snap_to_words(part_text(ws, source_id, part), start, end)
    rows = dict_rows(
        ws,
        f"SELECT {_CLAIM_COLUMNS} FROM claims c JOIN sources s ON s.id = c.source_id "
        'WHERE c.source_id = ? AND c.part = ? AND c.start = ? AND c."end" = ?',
        [source_id, part, start, end],
    )
    return rows[0] if rows else None


def add_claim(
    ws: Workspace,
    source_id: int,
    start: int,
    end: int,
    reason: str | None = None,
    claim_id: int | None = None,
    part: str = "text",
) -> int:
    """Make the passage (of the text, or of the title with ``part='title'``) an analyst claim,
    snapped to whole words; returns its id.

    A dismissed claim on the same words comes back as the analyst's. ``claim_id`` re-creates a
    claim under its old id (redo after undo), so later commands that name it still find it."""
    with ws.transaction() as db:
        text = part_text(ws, source_id, part)
        start, end = checked_span(text, start, end, source_id)
        same = db.execute(
            'SELECT id, dismissed FROM claims WHERE source_id = ? AND part = ? AND start = ? AND "end" = ?',
            [source_id, part, start, end],
        ).fetchone()
        if same is not None and not same[1]:
            raise BriefingError(f"that passage is already claim {same[0]}")
        if same is not None:
            revise(ws, "claim", same[0])
            db.execute("UPDATE claims SET dismissed = 0, origin = 'analyst' WHERE id = ?", [same[0]])
            record_judgement(ws, "restore", "claim", same[0], "dismissed", 1, 0, reason)
            new_id = same[0]
        else:
            row: dict[str, Any] = {
                "source_id": source_id,
                "text": text[start:end],
                "start": start,
                "end": end,
                "status": "unreviewed",
                "origin": "analyst",
                "part": part,
            }
            if claim_id is not None:
                row["id"] = claim_id
            new_id = ws.insert("claims", row)
            created(ws, "claim", new_id)
            record_judgement(ws, "add", "claim", new_id, "text", None, text[start:end], reason)
        reindex_sources(ws, [source_id])
        return new_id


def remove_claim(ws: Workspace, claim_id: int, reason: str | None = None, *, expected: int | None = None) -> None:
    """Delete an analyst claim outright (undoing its creation); a machine claim is dismissed
    instead, so re-analysis does not bring it back."""
    with ws.transaction() as db:
        hold(ws, "claim", claim_id, expected)
        claim = get_claim(ws, claim_id)
        if claim["origin"] != "analyst":
            raise BriefingError(f"claim {claim_id} was found by the analysis: dismiss it instead")
        revise(ws, "claim", claim_id, expected)
        db.execute("DELETE FROM claims WHERE id = ?", [claim_id])
        record_judgement(ws, "remove", "claim", claim_id, "text", claim["text"], None, reason)
        reindex_sources(ws, [claim["source_id"]])


def edit_claim_span(
    ws: Workspace,
    claim_id: int,
    start: int,
    end: int,
    reason: str | None = None,
    *,
    expected: int | None = None,
    back_to_analysis: bool = False,
) -> int:
    """Give a claim other words of its source; the claim becomes the analyst's, and the
    sentence the analysis found is not proposed again. ``back_to_analysis`` undoes the edit that
    made a machine claim the analyst's: the words are the analysis's again, and so is the claim.
    Returns the claim's revision after."""
    with ws.transaction() as db:
        hold(ws, "claim", claim_id, expected)
        claim = get_claim(ws, claim_id)
        if claim["dismissed"]:
            raise dismissed_refusal(ws, claim_id, expected)
        text = part_text(ws, claim["source_id"], claim["part"])
        start, end = checked_span(text, start, end, claim["source_id"])
        if (start, end) == (claim["start"], claim["end"]):
            return ensure_current(ws, "claim", claim_id, expected)
        other = db.execute(
            'SELECT id FROM claims WHERE source_id = ? AND part = ? AND start = ? AND "end" = ? AND id != ? '
            "AND dismissed = 0",
            [claim["source_id"], claim["part"], start, end, claim_id],
        ).fetchone()
        if other is not None:
            raise BriefingError(f"that passage is already claim {other[0]}")
        if back_to_analysis:
            db.execute(
                "DELETE FROM rejections WHERE kind = 'claim' AND source_id = ? AND key = ?",
                [claim["source_id"], text[start:end]],
            )
        elif claim["origin"] == "analysis":
            db.execute(
                "INSERT INTO rejections (kind, source_id, key, created_at) VALUES ('claim', ?, ?, ?)",
                [claim["source_id"], claim["text"], utc_now()],
            )
        revision = revise(ws, "claim", claim_id, expected)
        db.execute(
            'UPDATE claims SET start = ?, "end" = ?, text = ?, origin = ? WHERE id = ?',
            [start, end, text[start:end], "analysis" if back_to_analysis else "analyst", claim_id],
        )
        record_judgement(ws, "edit", "claim", claim_id, "text", claim["text"], text[start:end], reason)
        reindex_sources(ws, [claim["source_id"]])
        return revision


def dismiss_claim(ws: Workspace, claim_id: int, reason: str | None = None, *, expected: int | None = None) -> int:
    """ "Not a claim": hidden from the panels, search and exports, never found again."""
    return _set_dismissed(ws, claim_id, True, reason, expected)


def restore_claim(ws: Workspace, claim_id: int, reason: str | None = None, *, expected: int | None = None) -> int:
    return _set_dismissed(ws, claim_id, False, reason, expected)


def _set_dismissed(ws: Workspace, claim_id: int, dismissed: bool, reason: str | None, expected: int | None) -> int:
    with ws.transaction() as db:
        hold(ws, "claim", claim_id, expected)
        claim = get_claim(ws, claim_id)
        if dismissed and claim["dismissed"] and expected is not None:
            raise dismissed_refusal(ws, claim_id, expected)  # a colleague dismissed it first: who, when
        ensure_current(ws, "claim", claim_id, expected)
        if bool(claim["dismissed"]) == dismissed:
            raise BriefingError(f"claim {claim_id} is {'already dismissed' if dismissed else 'not dismissed'}")
        revision = revise(ws, "claim", claim_id, expected)
        db.execute("UPDATE claims SET dismissed = ? WHERE id = ?", [int(dismissed), claim_id])
        record_judgement(
            ws,
            "dismiss" if dismissed else "restore",
            "claim",
            claim_id,
            "dismissed",
            int(not dismissed),
            int(dismissed),
            reason,
        )
        reindex_sources(ws, [claim["source_id"]])
        return revision


def dismissed_message(claim_id: int) -> str:
    return f"claim {claim_id} is dismissed (not a claim); restore it first (briefing claims restore {claim_id})"


def dismissed_refusal(ws: Workspace, claim_id: int, expected: int | None) -> BriefingError:
    """The refusal of a write to a dismissed claim: when the analyst saw it as a claim (an older
    revision), who dismissed it and when, as a StaleWrite (the window shows it gone); else how to
    restore it."""
    current = get_revision(ws, "claim", claim_id)
    if expected is None or current.number == expected:
        return BriefingError(dismissed_message(claim_id))
    marks = [j for j in history_for(ws, "claim", claim_id) if j.action == "dismiss"]
    if marks:
        current = Revision(current.number, marks[-1].actor, marks[-1].at)
    return StaleWrite("claim", claim_id, current, item_name(ws, "claim", claim_id), how="dismissed as not a claim")


def dismissed_among(ws: Workspace, claim_ids: list[int]) -> set[int]:
    """Those of ``claim_ids`` dismissed as not claims."""
    if not claim_ids:
        return set()
    marks = ", ".join("?" * len(claim_ids))
    rows = ws.db.execute(f"SELECT id FROM claims WHERE dismissed = 1 AND id IN ({marks})", claim_ids).fetchall()
    return {row[0] for row in rows}


def get_claim(ws: Workspace, claim_id: int) -> dict[str, Any]:
    """One claim with its source title and evidence and suggestion counts, or an error."""
    rows = dict_rows(
        ws, f"SELECT {_CLAIM_COLUMNS} FROM claims c JOIN sources s ON s.id = c.source_id WHERE c.id = ?", [claim_id]
    )
    if not rows:
        raise missing(ws, "claim", claim_id)
    return rows[0]


def claim_exists(ws: Workspace, claim_id: int) -> bool:
    """True while the claim is stored (dismissed or not)."""
    return ws.db.execute("SELECT 1 FROM claims WHERE id = ?", [claim_id]).fetchone() is not None


def get_claim_status(ws: Workspace, claim_id: int) -> str:
    row = ws.db.execute("SELECT status FROM claims WHERE id = ?", [claim_id]).fetchone()
    if row is None:
        raise missing(ws, "claim", claim_id)
    return row[0]


def list_claims(
    ws: Workspace,
    source_id: int | None = None,
    status: str | None = None,
    include_dismissed: bool = False,
    only_dismissed: bool = False,
) -> list[dict[str, Any]]:
    """Claims, source by source in text order, optionally of one source or status; the dismissed
    ones too (``include_dismissed``) or only them (``only_dismissed``)."""
    if status is not None and status not in CLAIM_STATUSES:
        raise BriefingError(f"status: must be one of {', '.join(CLAIM_STATUSES)}, not {status!r}")
    where: list[str] = []
    params: list[Any] = []
    if source_id is not None:
        where.append("c.source_id = ?")
        params.append(source_id)
    if status is not None:
        where.append("c.status = ?")
        params.append(status)
    if only_dismissed:
        where.append("c.dismissed = 1")
    elif not include_dismissed:
        where.append("c.dismissed = 0")
    sql = f"SELECT {_CLAIM_COLUMNS} FROM claims c JOIN sources s ON s.id = c.source_id"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return dict_rows(ws, sql + " ORDER BY c.source_id, c.start, c.id", params)


def list_claims_with_evidence(ws: Workspace) -> list[dict[str, Any]]:
    """Every claim not dismissed, source by source in text order, each with its evidence (exports)."""
    claims = dict_rows(
        ws,
        'SELECT id, source_id, text, status, credibility, start, "end", kind, score, origin, part '
        "FROM claims WHERE dismissed = 0 "
        "ORDER BY source_id, start, id",
    )
    evidence = grouped_rows(
        ws, 'SELECT claim_id, source_id, passage, relation, note, start, "end" FROM evidence ORDER BY id'
    )
    for claim in claims:
        claim["evidence"] = evidence.get(claim["id"], [])
    return claims


def list_claim_rows(ws: Workspace, source_id: int) -> list[ClaimRow]:
    """One source's claims not dismissed, as the window's rows: title claims first, then in text order."""
    rows = ws.db.execute(
        'SELECT c.id, c.start, c."end", c.text, c.status, c.credibility, '
        "(SELECT count(*) FROM evidence v WHERE v.claim_id = c.id), "
        f"(SELECT count(*) FROM claim_suggestions g WHERE g.claim_id = c.id AND {OPEN_SUGGESTION_SQL}), "
        "c.score, c.origin, c.kind, c.part, c.revision FROM claims c WHERE c.source_id = ? AND c.dismissed = 0 "
        "ORDER BY c.part = 'text', c.start, c.id",
        [source_id],
    ).fetchall()
    words = SourceWords.of(ws, source_id)
    return [replace(ClaimRow(*row), words_now=words.now(row[3], row[1], row[2], row[11])) for row in rows]


def list_claim_texts(ws: Workspace) -> list[tuple[int, int, str]]:
    """(claim_id, source_id, text) of every claim not dismissed."""
    return ws.db.execute("SELECT id, source_id, text FROM claims WHERE dismissed = 0 ORDER BY id").fetchall()


# -- the judgements on a claim: status, evidence, history --


def mark_claim(
    ws: Workspace, claim_id: int, status: str, reason: str | None = None, *, expected: int | None = None
) -> int:
    """Set a claim's status; the change goes into the judgement history. The status it has
    already, with a reason other than the one it was given for, records that reason as the
    judgement's own (an analyst adding why after judging); without one nothing is written.
    Returns the claim's revision after the change (StaleWrite when ``expected`` is not the stored one)."""
    if status not in CLAIM_STATUSES:
        raise BriefingError(f"status: must be one of {', '.join(CLAIM_STATUSES)}, not {status!r}")
    with ws.transaction() as db:
        hold(ws, "claim", claim_id, expected)
        row = db.execute("SELECT status, dismissed FROM claims WHERE id = ?", [claim_id]).fetchone()
        if row is None:
            raise missing(ws, "claim", claim_id, writing=True)
        if row[1]:
            raise dismissed_refusal(ws, claim_id, expected)
        if row[0] == status and not reason_differs(ws, claim_id, status, reason):
            return ensure_current(ws, "claim", claim_id, expected)
        revision = revise(ws, "claim", claim_id, expected)
        if row[0] != status:
            db.execute("UPDATE claims SET status = ? WHERE id = ?", [status, claim_id])
            set_claim_status_in_index(ws, claim_id, status)
        record_judgement(ws, "mark", "claim", claim_id, "status", row[0], status, reason)
        return revision


def reason_differs(ws: Workspace, claim_id: int, status: str, reason: str | None) -> bool:
    """Whether ``reason`` would change what the claim's present ``status`` is said to rest on:
    a reason typed that is not the one its judgement has (an unreviewed claim has none to give)."""
    typed = (reason or "").strip()
    if not typed or status == "unreviewed":
        return False
    judgement = present_judgement(status_marks(ws, claim_id).get(claim_id, []), status)
    return judgement is None or (judgement.reason or "").strip() != typed


def list_claim_history(ws: Workspace, claim_id: int) -> list[Judgement]:
    """Everything decided about a claim, oldest first: its status, its evidence and the
    suggested passages confirmed or dismissed for it."""
    rows = ws.db.execute(
        "SELECT id, at, actor, action, target_kind, target_id, field, old_value, new_value, reason FROM history "
        "WHERE (target_kind = 'claim' AND target_id = ?) OR (target_kind = 'suggestion' AND target_id IN "
        "(SELECT id FROM claim_suggestions WHERE claim_id = ?)) ORDER BY id",
        [claim_id, claim_id],
    ).fetchall()
    return [Judgement(*row) for row in rows]
