"""Revisions: what analysts edit together is never overwritten unseen.

Claims, entities, annotations and briefing items carry a revision number, who made the last
revision and when. Every write through the store counts one more revision (``revise``), inside
the write's transaction. A caller that shows an item passes the revision it showed
(``expected``); when somebody else has revised the item since, the write is refused with
``StaleWrite`` ("changed by NAME at TIME"), nothing is written, and the caller shows the current
state. The check and the count are one ``UPDATE … WHERE revision = ?``: on PostgreSQL the row lock
makes a second writer wait and then find the new revision, so two analysts can never both win.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.domain import BriefingError, clipped, one_line
from briefing.store.history import current_actor, last_deletion
from briefing.store.workspace import Workspace, utc_now

REVISED_TABLES = {"claim": "claims", "entity": "entities", "annotation": "annotations", "item": "briefing_items"}


@dataclass(frozen=True)
class Revision:
    number: int
    by: str | None
    at: str | None


class StaleWrite(BriefingError):
    """A write over a revision the analyst had not seen; ``current`` is the revision now stored."""

    def __init__(self, kind: str, item_id: int, current: Revision, name: str | None = None):
        who = current.by or "someone else"
        when = shown_time(current.at)
        what = f"{kind} {item_id}" if name is None else f"{kind} “{name}”"
        super().__init__(
            f"{what} was changed by {who} at {when} after you opened it; nothing was saved, its current state is shown"
        )
        self.kind, self.item_id, self.current = kind, item_id, current


class GoneWrite(StaleWrite):
    """A write to an item a colleague deleted (or merged into another) after the analyst saw it."""

    def __init__(self, kind: str, item_id: int, removal: Removal | None):
        unrecorded = f"{kind} {item_id} was {_UNRECORDED.get(kind, 'deleted')} by a colleague"
        said = removal.sentence() if removal else unrecorded
        BriefingError.__init__(self, f"{said} after you opened it; nothing was saved")
        by, at = (removal.by, removal.at) if removal else (None, None)
        self.kind, self.item_id, self.current = kind, item_id, Revision(0, by, at)


_UNRECORDED = {"entity": "merged into another or deleted"}


@dataclass(frozen=True)
class Removal:
    """How an item left, as the history recorded it: 'deleted' or 'merged into “Republicans”'."""

    what: str  # 'entity “Grand Old Party”', 'annotation 12'
    how: str
    by: str
    at: str

    def done(self) -> str:
        return f"{self.how} by {self.by} at {shown_time(self.at)}"

    def sentence(self) -> str:
        return f"{self.what} was {self.done()}"


def get_revision(ws: Workspace, kind: str, item_id: int) -> Revision:
    row = ws.db.execute(
        f"SELECT revision, revised_by, revised_at FROM {REVISED_TABLES[kind]} WHERE id = ?", [item_id]
    ).fetchone()
    if row is None:
        raise BriefingError(f"{kind} {item_id} does not exist")
    return Revision(*row)


def hold(ws: Workspace, kind: str, item_id: int, expected: int | None = None) -> None:
    """Lock the item's row until the transaction ends, before a write reads what it changes: on a
    team workspace a colleague's write to it waits, or this waits for theirs, so the old value the
    history records is the one the write replaced. (SQLite lets one writer in at a time.) With
    ``expected`` (the analyst saw the item), an item gone since raises GoneWrite."""
    table = REVISED_TABLES[kind]
    lock = " FOR UPDATE" if ws.backend == "postgresql" else ""
    found = ws.db.execute(f"SELECT 1 FROM {table} WHERE id = ?{lock}", [item_id]).fetchall()
    if not found and expected is not None:
        raise gone(ws, kind, item_id)


def gone(ws: Workspace, kind: str, item_id: int) -> GoneWrite:
    """The refusal of a write to an item no longer there, naming who removed it, when and how
    where the history says."""
    return GoneWrite(kind, item_id, find_removal(ws, kind, item_id))


def find_removal(ws: Workspace, kind: str, item_id: int) -> Removal | None:
    """Who deleted the item, or merged it into which other (an entity), and when; None while it
    exists or when its removal went unrecorded (a merge before merges were recorded on both)."""
    removed = last_deletion(ws, kind, item_id) if kind in ("entity", "annotation") else None
    if removed is None:
        return None
    how = "deleted"
    if removed.action == "merge":
        how = f"merged into “{clipped(one_line(removed.new_value or ''), 60)}”"
    named = kind == "entity" and removed.old_value
    what = f"{kind} “{clipped(one_line(removed.old_value or ''), 60)}”" if named else f"{kind} {item_id}"
    return Removal(what, how, removed.actor, removed.at)


def revise(ws: Workspace, kind: str, item_id: int, expected: int | None = None) -> int:
    """Count one more revision of the item, by the current analyst, now; its new number.

    Call inside the write's transaction, before the write. With ``expected`` (the revision the
    analyst saw), a newer stored revision raises StaleWrite and the transaction rolls back."""
    table = REVISED_TABLES[kind]
    values: list[object] = [current_actor(ws), utc_now(), item_id]
    check = ""
    if expected is not None:
        check = " AND revision = ?"
        values.append(expected)
    row = ws.db.execute(
        f"UPDATE {table} SET revision = revision + 1, revised_by = ?, revised_at = ? WHERE id = ?{check} "
        "RETURNING revision",
        values,
    ).fetchall()  # read to the end: the statement is finished before the transaction goes on
    if not row:
        if expected is not None and not ws.db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [item_id]).fetchall():
            raise gone(ws, kind, item_id)
        current = get_revision(ws, kind, item_id)  # raises when the item is gone
        raise StaleWrite(kind, item_id, current, _name(ws, kind, item_id))
    ws.pending_revisions[(kind, item_id)] = row[0][0]  # kept once the transaction commits
    return row[0][0]


def _name(ws: Workspace, kind: str, item_id: int) -> str | None:
    """An entity's name, for a refusal the analyst reads ('entity “Jeb Bush”', not 'entity 2');
    other kinds are named by their number, as the command line names them."""
    if kind != "entity":
        return None
    row = ws.db.execute("SELECT name FROM entities WHERE id = ?", [item_id]).fetchone()
    return clipped(one_line(row[0]), 60) if row else None


def created(ws: Workspace, kind: str, item_id: int) -> None:
    """This connection made the item (its first revision): an undo expects it as made."""
    ws.pending_revisions[(kind, item_id)] = 1


def last_written(ws: Workspace, kind: str, item_id: int) -> int | None:
    """The revision this connection last wrote of the item (None: none yet): what an undo
    expects to find, so it never undoes over a colleague's later change."""
    return ws.written_revisions.get((kind, item_id))


def ensure_current(ws: Workspace, kind: str, item_id: int, expected: int | None) -> int:
    """The item's stored revision number; StaleWrite when the analyst saw another one (for a
    write that turns out to change nothing: it must not pass on an outdated view either)."""
    current = get_revision(ws, kind, item_id)
    if expected is not None and current.number != expected:
        raise StaleWrite(kind, item_id, current, _name(ws, kind, item_id))
    return current.number


def shown_time(at: str | None) -> str:
    """A stored UTC time as the message shows it: date and minutes."""
    if not at:
        return "an unknown time"
    return at.replace("T", " ")[:16] + " UTC"
