"""Analyst edits as undoable commands: each one writes through the store, and its
undo is another recorded judgement, so the history shows both."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from briefing.store import Workspace
from briefing.store.claims import get_claim_status, mark_claim
from briefing.store.edits import rename_entity, retype_entity
from briefing.store.sources import get_source, update_source


class Applied(QUndoCommand):
    """A command that has already been carried out once: the stack's first redo() is skipped.

    Pushing runs redo() inside QUndoStack, which keeps the command even when redo() raised; a
    command is therefore run first and pushed only when it succeeded."""

    def __init__(self, inner: QUndoCommand):
        super().__init__(inner.text())
        self.inner = inner
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.inner.redo()

    def undo(self) -> None:
        self.inner.undo()


class StoreCommand(QUndoCommand):
    """Runs ``apply(value)`` on redo and ``apply(previous)`` on undo, then ``changed()``."""

    def __init__(
        self,
        text: str,
        apply: Callable[[Any, str | None], None],
        value: Any,
        previous: Any,
        reason: str | None,
        changed: Callable[[], None],
    ):
        super().__init__(text)
        self._apply, self._value, self._previous = apply, value, previous
        self._reason, self._changed = reason, changed

    def redo(self) -> None:
        self._apply(self._value, self._reason)
        self._changed()

    def undo(self) -> None:
        self._apply(self._previous, "undo")
        self._changed()


def mark_claim_command(
    ws: Workspace, claim_id: int, status: str, reason: str | None, changed: Callable[[], None]
) -> StoreCommand:
    previous = get_claim_status(ws, claim_id)
    return StoreCommand(
        f"Mark claim {status}",
        lambda value, why: mark_claim(ws, claim_id, value, why),
        status,
        previous,
        reason,
        changed,
    )


def edit_source_command(
    ws: Workspace, source_id: int, field: str, value: str | None, reason: str | None, changed: Callable[[], None]
) -> StoreCommand:
    previous = getattr(get_source(ws, source_id), field)
    label = {"reliability": "Grade source", "summary": "Edit summary"}.get(field, f"Edit {field}")

    def apply(new: Any, why: str | None) -> None:
        update_source(ws, source_id, reason=why, **{field: new})

    return StoreCommand(label, apply, value, previous, reason, changed)


def rename_entity_command(
    ws: Workspace, entity_id: int, name: str, current: str, reason: str | None, changed: Callable[[], None]
) -> StoreCommand:
    return StoreCommand(
        f"Rename {current}", lambda value, why: rename_entity(ws, entity_id, value, why), name, current, reason, changed
    )


def retype_entity_command(
    ws: Workspace, entity_id: int, kind: str, current: str, reason: str | None, changed: Callable[[], None]
) -> StoreCommand:
    return StoreCommand(
        f"Make it a {kind}", lambda value, why: retype_entity(ws, entity_id, value, why), kind, current, reason, changed
    )
