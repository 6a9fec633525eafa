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

from briefing.domain import BriefingError, clipped, one_line, strip_bidi
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

    def __init__(self, kind: str, item_id: int, current: Revision, name: str | None = None, how: str = "changed"):
        who = current.by or "someone else"
        when = shown_time(current.at)
        what = f"{kind} {item_id}" if name is None else f"{_NOUNS.get(kind, kind)} {_marked(name)}"
        super().__init__(
            f"{what} was {how} by {who} at {when} after you opened it; nothing was saved, its current state is shown"
        )
        self.kind, self.item_id, self.current = kind, item_id, current


class GoneWrite(StaleWrite):
    """A write to an item a colleague deleted (or merged into another) after the analyst saw it
    (``seen``), or, where the history says who removed it, a write naming an item gone."""

    def __init__(self, kind: str, item_id: int, removal: Removal | None, seen: bool = True):
        unrecorded = f"{kind} {item_id} was {_UNRECORDED.get(kind, 'deleted')} by a colleague"
        said = removal.sentence() if removal else unrecorded
        BriefingError.__init__(self, f"{said}{' after you opened it' if seen else ''}; nothing was saved")
        by, at = (removal.by, removal.at) if removal else (None, None)
        self.kind, self.item_id, self.current = kind, item_id, Revision(0, by, at)


class Gone(BriefingError):
    """A read of an item that was removed, saying who removed it, how and when, as the history
    recorded it ("the source of the claim, “Outage”, was deleted by Ben Adler at …")."""

    def __init__(self, removal: Removal):
        super().__init__(removal.sentence())
        self.removal = removal


class Missing(BriefingError):
    """An item not there whose removal the history does not record: machine output a re-analysis
    drew again without it (store.analysis: churn the judgement history leaves out), or an item
    removed before removals were recorded. ``kind`` and ``item_id`` let the window say which."""

    def __init__(self, kind: str, item_id: int, said: str | None = None):
        super().__init__(said or f"{kind} {item_id} does not exist")
        self.kind, self.item_id = kind, item_id
        self.by_number = said is None  # named as a command names it: the window says it in words


_UNRECORDED = {"entity": "merged into another or deleted"}
_NOUNS = {"item": "briefing item"}  # how a message names a kind whose store name is short
_WORDED = ("entity", "source", "claim", "annotation", "quote")  # removals the history names in words


@dataclass(frozen=True)
class Removal:
    """How an item left, as the history recorded it: 'deleted', 'merged into “Republicans”', or
    deleted with its source (``source``: the source's title, '' when it had none)."""

    what: str  # 'entity “Grand Old Party”', 'claim “The outage hit…”', 'the claim' (with its source)
    how: str
    by: str
    at: str
    source: str | None = None

    def done(self) -> str:
        how = self.how if self.source is None else f"{self.how} with its source{_titled(self.source, ' ')}"
        return f"{how} by {self.by} at {shown_time(self.at)}"

    def sentence(self) -> str:
        if self.source is None:
            return f"{self.what} was {self.done()}"
        titled = _titled(self.source, ", ") + ("," if self.source else "")
        return f"the source of {self.what}{titled} was {self.how} by {self.by} at {shown_time(self.at)}"


def _titled(title: str, before: str) -> str:
    return f"{before}“{title}”" if title else ""


def get_revision(ws: Workspace, kind: str, item_id: int) -> Revision:
    row = ws.db.execute(
        f"SELECT revision, revised_by, revised_at FROM {REVISED_TABLES[kind]} WHERE id = ?", [item_id]
    ).fetchone()
    if row is None:
        raise missing(ws, kind, item_id)
    return Revision(*row)


def hold(ws: Workspace, kind: str, item_id: int, expected: int | None = None) -> None:
    """Lock the item's row until the transaction ends, before a write reads what it changes: on a
    team workspace a colleague's write to it waits, or this waits for theirs, so the old value the
    history records is the one the write replaced. (SQLite lets one writer in at a time.) An item
    gone raises GoneWrite when the analyst saw it (``expected``) or the history says who removed it."""
    table = REVISED_TABLES[kind]
    lock = " FOR UPDATE" if ws.backend == "postgresql" else ""
    found = ws.db.execute(f"SELECT 1 FROM {table} WHERE id = ?{lock}", [item_id]).fetchall()
    if found:
        return
    removal = find_removal(ws, kind, item_id)
    if removal is not None or expected is not None:
        raise GoneWrite(kind, item_id, removal, seen=expected is not None)


def gone(ws: Workspace, kind: str, item_id: int) -> GoneWrite:
    """The refusal of a write to an item no longer there, naming who removed it, when and how
    where the history says."""
    return GoneWrite(kind, item_id, find_removal(ws, kind, item_id))


def missing(ws: Workspace, kind: str, item_id: int, *, writing: bool = False, said: str | None = None) -> BriefingError:
    """The error for an item not there: who removed it, how and when where the history says (Gone,
    or GoneWrite ``writing``), else Missing: ``said`` or '{kind} {id} does not exist'."""
    removal = find_removal(ws, kind, item_id)
    if removal is None:
        return Missing(kind, item_id, said)
    return GoneWrite(kind, item_id, removal, seen=False) if writing else Gone(removal)


_HOW = {"remove": "removed", "drop": "dropped as not a quote"}
_OPENING_MARKS = '"“„«‘'  # a passage that opens with a quotation mark of its own


def find_removal(ws: Workspace, kind: str, item_id: int) -> Removal | None:
    """Who deleted the item (or its source with it), merged it into which other (an entity),
    removed or dropped it, and when; None while it exists or when its removal went unrecorded (a
    merge before merges were recorded on both, a source deleted before it recorded what it took)."""
    removed = last_deletion(ws, kind, item_id)
    if removed is None:
        return None
    if removed.field == "source":
        # its words went with the source: named by its kind and the source's title
        return Removal(f"the {_NOUNS.get(kind, kind)}", "deleted", removed.actor, removed.at, _line(removed.old_value))
    how = _HOW.get(removed.action, "deleted")
    if removed.action == "merge":
        how = f"merged into “{_line(removed.new_value)}”"
    named = kind in _WORDED and removed.old_value  # its words: the analyst never sees its number
    what = f"{kind} {_marked(_line(removed.old_value))}" if named else f"{kind} {item_id}"
    if kind == "evidence" and removed.old_value:
        what, how = f"the evidence passage {_marked(_line(removed.old_value))}", f"already {how}"
    return Removal(what, how, removed.actor, removed.at)


def _line(text: str | None) -> str:
    """A name or title the history kept, as one plain line of a message."""
    return clipped(one_line(strip_bidi(text or "")), 60)


def _marked(words: str) -> str:
    """Words in quotation marks; a passage that opens with a mark of its own keeps it, not doubled."""
    return words if words[:1] in _OPENING_MARKS else f"“{words}”"


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
        raise StaleWrite(kind, item_id, current, item_name(ws, kind, item_id))
    ws.pending_revisions[(kind, item_id)] = row[0][0]  # kept once the transaction commits
    return row[0][0]


# the table and column of each kind's words (a briefing item citing one keeps them in its body)
ITEM_WORDS = {
    "entity": ("entities", "name"),
    "claim": ("claims", "text"),
    "annotation": ("annotations", "exact"),
    "item": ("briefing_items", "body"),
    "quote": ("quotes", "text"),
}


def item_name(ws: Workspace, kind: str, item_id: int) -> str | None:
    """The item's words, for a refusal the analyst reads ('entity “Jeb Bush”', 'claim “The outage
    hit…”', not 'claim 12'): an entity's name, a claim's or a quote's text, an annotation's passage,
    a briefing item's words; None (named by its number) where it has none."""
    if kind not in ITEM_WORDS:
        return None
    table, column = ITEM_WORDS[kind]
    row = ws.db.execute(f"SELECT {column} FROM {table} WHERE id = ?", [item_id]).fetchone()
    return (_line(row[0]) or None) if row else None


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
        raise StaleWrite(kind, item_id, current, item_name(ws, kind, item_id))
    return current.number


def shown_time(at: str | None) -> str:
    """A stored UTC time as the message shows it: date and minutes."""
    if not at:
        return "an unknown time"
    return at.replace("T", " ")[:16] + " UTC"
