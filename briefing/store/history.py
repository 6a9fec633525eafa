"""The append-only judgement history: every analyst decision with old and new value."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from typing import Any

from briefing.store.workspace import Workspace, utc_now


@dataclass(frozen=True)
class Judgement:
    id: int
    at: str
    actor: str
    action: str
    target_kind: str
    target_id: int | None
    field: str | None
    old_value: str | None
    new_value: str | None
    reason: str | None


ANALYST_ENV = "BRIEFING_ANALYST"  # the name the command line records, when set
MAX_NAME = 80
_analyst_name: str | None = None  # the name the app's user gave (Edit > Your Name…)


def clean_name(name: str | None) -> str | None:
    """An analyst's name as recorded: one line of printable text, at most MAX_NAME characters,
    or None when nothing is left."""
    text = " ".join("".join(c if c.isprintable() else " " for c in (name or "")).split())[:MAX_NAME].strip()
    return text or None


def set_analyst_name(name: str | None) -> None:
    """The name this process records in the history from now on (None: the login name)."""
    global _analyst_name
    _analyst_name = clean_name(name)


def given_name() -> str | None:
    """The name the analyst chose: $BRIEFING_ANALYST, else the one given in the app; or None."""
    return clean_name(os.environ.get(ANALYST_ENV)) or _analyst_name


def current_actor(ws: Workspace | None = None) -> str:
    """Who made a change: $BRIEFING_ANALYST, else the name given in the app, else, on a team
    workspace (PostgreSQL), the database role the analyst connects as, else the login name."""
    configured = given_name()
    if configured:
        return configured
    role = clean_name(ws.role) if ws is not None else None
    if role:
        return role
    try:
        return clean_name(getpass.getuser()) or "analyst"
    except (OSError, KeyError):  # no login name in some sandboxes
        return "analyst"


def record_judgement(
    ws: Workspace,
    action: str,
    target_kind: str,
    target_id: int | None,
    field: str | None,
    old_value: Any,
    new_value: Any,
    reason: str | None,
) -> None:
    """Append one entry; call inside the transaction that makes the change."""
    ws.db.execute(
        "INSERT INTO history (at, actor, action, target_kind, target_id, field, old_value, new_value, reason) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            utc_now(),
            current_actor(ws),
            action,
            target_kind,
            target_id,
            field,
            _text(old_value),
            _text(new_value),
            reason,
        ],
    )


def history_for(ws: Workspace, target_kind: str, target_id: int) -> list[Judgement]:
    rows = ws.db.execute(
        "SELECT id, at, actor, action, target_kind, target_id, field, old_value, new_value, reason "
        "FROM history WHERE target_kind = ? AND target_id = ? ORDER BY id",
        [target_kind, target_id],
    ).fetchall()
    return [Judgement(*row) for row in rows]


# the table of each kind of row whose removal the history records, and the actions that remove one
_REMOVED = {
    "source": ("sources", ("delete",)),
    "entity": ("entities", ("delete",)),
    "annotation": ("annotations", ("delete",)),
    "claim": ("claims", ("delete", "remove")),
    "quote": ("quotes", ("delete", "drop")),
    "evidence": ("evidence", ("delete", "remove")),
}


def last_deletion(ws: Workspace, target_kind: str, target_id: int) -> Judgement | None:
    """The history's record of the row's deletion (who, when, its name as ``old_value``; for a row
    its source took with it, field 'source' and the source's title), for an entity merged into
    another the merge (action 'merge', the other's name as ``new_value``), for an analyst's claim
    its removal, for a quote its drop, for evidence its removal (its passage as ``old_value``); None
    when the row is there or its removal went unrecorded."""
    if target_kind not in _REMOVED:
        return None  # a kind whose removal the history does not record
    table, actions = _REMOVED[target_kind]
    if ws.db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [target_id]).fetchone():
        return None  # deleted once, and put back by an undo
    marks = ", ".join("?" * len(actions))
    row = ws.db.execute(
        "SELECT id, at, actor, action, target_kind, target_id, field, old_value, new_value, reason "
        f"FROM history WHERE target_kind = ? AND target_id = ? AND (action IN ({marks}) "
        "OR (action = 'merge' AND field = 'merged_into')) ORDER BY id DESC LIMIT 1",
        [target_kind, target_id, *actions],
    ).fetchone()
    return Judgement(*row) if row else None


def record_taken_with(ws: Workspace, kind: str, ids: list[int], action: str, title: str | None, reason: str) -> None:
    """One entry per row of ``kind`` a source took with it (``action`` 'delete') or brought back
    ('restore'), field 'source' and the source's title: a colleague acting on one of them later is
    told whose deletion took it, and when (store.revisions)."""
    if not ids:
        return
    at, actor = utc_now(), current_actor(ws)
    old, new = (title, None) if action == "delete" else (None, title)
    ws.db.conn.executemany(
        "INSERT INTO history (at, actor, action, target_kind, target_id, field, old_value, new_value, reason) "
        "VALUES (?, ?, ?, ?, ?, 'source', ?, ?, ?)",
        [(at, actor, action, kind, item_id, old, new, reason) for item_id in ids],
    )


def status_marks(ws: Workspace, claim_id: int | None = None) -> dict[int, list[Judgement]]:
    """claim id -> its status marks, oldest first: one claim's, or the whole workspace's read at
    once (an export of every claim)."""
    only = "AND target_id = ? " if claim_id is not None else ""
    rows = ws.db.execute(
        "SELECT id, at, actor, action, target_kind, target_id, field, old_value, new_value, reason FROM history "
        f"WHERE target_kind = 'claim' AND action = 'mark' AND field = 'status' {only}ORDER BY id",
        [claim_id] if claim_id is not None else [],
    ).fetchall()
    marks: dict[int, list[Judgement]] = {}
    for row in rows:
        marks.setdefault(row[5], []).append(Judgement(*row))
    return marks


UNDO_REASON = "undo"  # the reason an undo records: its mark takes back the one before it


def present_judgement(marks: list[Judgement], status: str) -> Judgement | None:
    """The mark that gave a claim its present ``status``, for its analyst and reason. Marks are
    read as the steps they were: an undo takes back the latest mark still standing (a reason
    given for a status the claim already had, undone, gives the earlier reason back). None for a
    claim never marked so."""
    standing: list[Judgement] = []
    for mark in marks:
        if mark.reason != UNDO_REASON:
            standing.append(mark)
        elif standing:
            standing.pop()
    if standing and standing[-1].new_value == status:
        return standing[-1]
    # a history with gaps (a workspace older than its marks): the latest to that status
    return next((j for j in reversed(marks) if j.new_value == status and j.reason != UNDO_REASON), None)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
