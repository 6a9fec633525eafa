"""Analyst edits as undoable commands: each one writes through the store, and its
undo is another recorded judgement, so the history shows both."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from briefing.domain import BriefingError, one_of
from briefing.store import Workspace
from briefing.store.claims import get_claim_status, mark_claim
from briefing.store.edits import rename_entity, retype_entity
from briefing.store.revisions import last_written
from briefing.store.sources import get_source, update_source
from briefing.ui.step_names import claim_words, copy_name, entity_name, name_step, source_title


class Applied(QUndoCommand):
    """A command that has already been carried out once: the stack's first redo() is skipped.

    Pushing runs redo() inside QUndoStack, which keeps the command even when redo() raised; a
    command is therefore run first and pushed only when it succeeded. A later undo or redo the
    store refuses (a colleague changed the item since: store.revisions) writes nothing; the step
    leaves the stack (it can no longer be undone as it was) and ``refused`` gets the reason."""

    def __init__(
        self,
        inner: QUndoCommand,
        refused: Callable[[BriefingError], None] | None = None,
        done: Callable[[QUndoCommand, str], None] | None = None,
    ):
        super().__init__()
        copy_name(self, inner)  # what Edit ▸ Undo and the status bar call it
        self.inner = inner
        self._first = True
        self._refused = refused
        self._done = done  # told (command, "Undone" or "Redone") after a later step, to show it

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self.inner.redo, "Redone")

    def undo(self) -> None:
        self._run(self.inner.undo, "Undone")

    def _run(self, step: Callable[[], None], verb: str) -> None:
        try:
            step()
        except BriefingError as exc:
            self.setObsolete(True)  # QUndoStack drops an obsolete command instead of moving past it
            if self._refused is None:
                raise
            self._refused(exc)
            return
        if self._done is not None:
            self._done(self.inner, verb)


def claim_of(command: QUndoCommand) -> int | None:
    """The claim an undoable command changes (its ``claim_id``, or the claim its revisions
    follow), or None for a command on something else."""
    claim_id = getattr(command, "claim_id", None)
    if isinstance(claim_id, int):
        return claim_id
    revisions = getattr(command, "revisions", None) or getattr(command, "_revisions", None)
    item = getattr(revisions, "item", None)
    return item[1] if item is not None and item[0] == "claim" else None


class Revisions:
    """The revision each write of an undoable command expects (store.revisions): the first time
    the one the analyst saw (``seen``), then the one this window last wrote of ``item`` (kind, id),
    so an undo or redo is refused when a colleague changed the item in between."""

    def __init__(self, seen: int | None, ws: Workspace | None = None, item: tuple[str, int] | None = None):
        self.seen, self.ws, self.item = seen, ws, item
        self.written_once = False

    def expected(self) -> int | None:
        if not self.written_once:
            return self.seen
        return last_written(self.ws, *self.item) if self.ws is not None and self.item is not None else None

    def wrote(self) -> None:
        self.written_once = True


class StoreCommand(QUndoCommand):
    """Runs ``apply(value, reason, expected)`` on redo and ``apply(previous, "undo", expected)``
    on undo, then ``changed()``; ``expected`` is the item's revision ``revisions`` gives (None for
    what has none), and ``apply`` is refused when a colleague changed the item in between."""

    def __init__(
        self,
        text: str,
        apply: Callable[[Any, str | None, int | None], int | None],
        value: Any,
        previous: Any,
        reason: str | None,
        changed: Callable[[], None],
        revisions: Revisions | None = None,
    ):
        super().__init__(text)
        self._apply, self._value, self._previous = apply, value, previous
        self._reason, self._changed = reason, changed
        self._revisions = revisions or Revisions(None)

    def redo(self) -> None:
        self._apply(self._value, self._reason, self._revisions.expected())
        self._revisions.wrote()
        self._changed()

    def undo(self) -> None:
        self._apply(self._previous, "undo", self._revisions.expected())
        self._changed()


def mark_claim_command(
    ws: Workspace,
    claim_id: int,
    status: str,
    reason: str | None,
    changed: Callable[[], None],
    seen: int | None = None,
) -> StoreCommand:
    previous = get_claim_status(ws, claim_id)
    command = StoreCommand(
        "",
        lambda value, why, expected: mark_claim(ws, claim_id, value, why, expected=expected),
        status,
        previous,
        reason,
        changed,
        Revisions(seen, ws, ("claim", claim_id)),
    )
    template = f"Give Reason for claim {{}} being {status}" if previous == status else f"Mark claim {{}} {status}"
    name_step(command, template, claim_words(ws, claim_id))
    return command


# what Edit ▸ Undo and Redo name a source edit ("Undo Grade source" read as a typo)
SOURCE_EDITS = {
    "reliability": "Set Reliability Grade",
    "summary": "Edit Summary",
    "published": "Edit Publication Date",
    "url": "Edit Address",
}


NOT_SEEN = object()  # edit_source_command: the analyst saw the value stored as the command is made


def edit_source_command(
    ws: Workspace,
    source_id: int,
    field: str,
    value: str | None,
    reason: str | None,
    changed: Callable[[], None],
    seen: Any = NOT_SEEN,
) -> StoreCommand:
    """One field of a source set; ``seen`` is the value the analyst saw (a summary typed over the
    one drawn): a colleague's change to the field since refuses the write, and an undo or redo
    expects the value as this window left it (sources carry no revision)."""
    previous = getattr(get_source(ws, source_id), field)
    label = SOURCE_EDITS.get(field, f"Edit {field.capitalize()}")
    expected = {field: previous if seen is NOT_SEEN else seen}

    def apply(new: Any, why: str | None, _: int | None) -> None:
        update_source(ws, source_id, reason=why, expected=dict(expected), **{field: new})
        expected[field] = getattr(get_source(ws, source_id), field)

    command = StoreCommand("", apply, value, previous, reason, changed)
    name_step(command, f"{label} of {{}}", source_title(ws, source_id))
    return command


def rename_entity_command(
    ws: Workspace,
    entity_id: int,
    name: str,
    current: str,
    reason: str | None,
    changed: Callable[[], None],
    seen: int | None = None,
) -> StoreCommand:
    command = StoreCommand(
        "",
        lambda value, why, expected: rename_entity(ws, entity_id, value, why, expected=expected),
        name,
        current,
        reason,
        changed,
        Revisions(seen, ws, ("entity", entity_id)),
    )
    name_step(command, "Rename {} to {}", current, name)
    return command


def retype_entity_command(
    ws: Workspace,
    entity_id: int,
    kind: str,
    current: str,
    reason: str | None,
    changed: Callable[[], None],
    seen: int | None = None,
) -> StoreCommand:
    command = StoreCommand(
        "",
        lambda value, why, expected: retype_entity(ws, entity_id, value, why, expected=expected),
        kind,
        current,
        reason,
        changed,
        Revisions(seen, ws, ("entity", entity_id)),
    )
    name_step(command, f"Make {{}} {one_of(kind)}", entity_name(ws, entity_id))
    return command
