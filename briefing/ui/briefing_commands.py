"""Briefing-note edits as undoable commands. Each writes through the store (which records
it in the judgement history); undo writes the opposite change, recorded as well."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from briefing.domain import BriefingError, BriefingNote
from briefing.store import Workspace
from briefing.store.briefings import (
    add_item,
    create_briefing,
    delete_briefing,
    move_item,
    read_briefing,
    remove_item,
    update_briefing,
    update_text,
)

Changed = Callable[[int | None], None]  # called with the note to show (None: whichever is first)
ITEM_LABELS = {
    "quote": "quote",
    "claim": "claim",
    "annotation": "annotation",
    "summary": "source summary",
    "entity": "entity card",
    "text": "text section",
}


class AddItem(QUndoCommand):
    def __init__(
        self,
        ws: Workspace,
        briefing_id: int,
        kind: str,
        ref_id: int | None,
        body: str | None,
        position: int | None,
        changed: Changed,
    ):
        super().__init__(f"Add {ITEM_LABELS.get(kind, kind)} to the note")
        self.ws, self.briefing_id, self.changed = ws, briefing_id, changed
        self.kind, self.ref_id, self.body, self.position = kind, ref_id, body, position
        self.item_id: int | None = None

    def redo(self) -> None:
        self.item_id = add_item(self.ws, self.briefing_id, self.kind, self.ref_id, self.body, self.position)
        self.changed(self.briefing_id)

    def undo(self) -> None:
        if self.item_id is not None:
            remove_item(self.ws, self.item_id, reason="undo")
        self.changed(self.briefing_id)


class RemoveItem(QUndoCommand):
    def __init__(self, ws: Workspace, briefing_id: int, item_id: int, changed: Changed):
        super().__init__("Remove item from the note")
        self.ws, self.briefing_id, self.item_id, self.changed = ws, briefing_id, item_id, changed
        item = next(i for i in read_briefing(ws, briefing_id).items if i.id == item_id)
        self.kind, self.ref_id, self.body, self.position = item.kind, item.ref_id, item.body, item.position

    def redo(self) -> None:
        remove_item(self.ws, self.item_id)
        self.changed(self.briefing_id)

    def undo(self) -> None:
        body = self.body if self.kind == "text" else None
        self.item_id = add_item(self.ws, self.briefing_id, self.kind, self.ref_id, body, self.position)
        self.changed(self.briefing_id)


class Change(QUndoCommand):
    """Runs ``apply(new, reason)`` on redo and ``apply(old, "undo")`` on undo, then shows the note."""

    def __init__(
        self,
        text: str,
        briefing_id: int,
        apply: Callable[[Any, str | None], None],
        old: Any,
        new: Any,
        changed: Changed,
    ):
        super().__init__(text)
        self.briefing_id, self.apply, self.changed = briefing_id, apply, changed
        self.old, self.new = old, new

    def redo(self) -> None:
        self.apply(self.new, None)
        self.changed(self.briefing_id)

    def undo(self) -> None:
        self.apply(self.old, "undo")
        self.changed(self.briefing_id)


def move_item_command(ws: Workspace, briefing_id: int, item_id: int, old: int, new: int, changed: Changed) -> Change:
    return Change(
        "Move item in the note", briefing_id, lambda position, _: move_item(ws, item_id, position), old, new, changed
    )


def edit_text_command(ws: Workspace, briefing_id: int, item_id: int, old: str, new: str, changed: Changed) -> Change:
    return Change(
        "Edit text section",
        briefing_id,
        lambda body, why: update_text(ws, item_id, body, reason=why),
        old,
        new,
        changed,
    )


def edit_details_command(
    ws: Workspace, briefing_id: int, old: dict[str, str | None], new: dict[str, str | None], changed: Changed
) -> Change:
    return Change(
        "Edit note details",
        briefing_id,
        lambda values, why: update_briefing(ws, briefing_id, reason=why, **values),
        old,
        new,
        changed,
    )


class CreateNote(QUndoCommand):
    def __init__(self, ws: Workspace, details: dict[str, str | None], changed: Changed):
        super().__init__(f"New note “{details['title']}”")
        self.ws, self.details, self.changed = ws, details, changed
        self.briefing_id: int | None = None

    def redo(self) -> None:
        self.briefing_id = create_briefing(self.ws, **self.details)  # type: ignore[arg-type]
        self.changed(self.briefing_id)

    def undo(self) -> None:
        if self.briefing_id is not None:
            delete_briefing(self.ws, self.briefing_id, reason="undo")
        self.changed(None)


class DeleteNote(QUndoCommand):
    """Undo makes the note again (a new id) with the same details and items in order."""

    def __init__(self, ws: Workspace, briefing_id: int, changed: Changed):
        self.note: BriefingNote = read_briefing(ws, briefing_id)
        super().__init__(f"Delete note “{self.note.title}”")
        self.ws, self.briefing_id, self.changed = ws, briefing_id, changed

    def redo(self) -> None:
        delete_briefing(self.ws, self.briefing_id)
        self.changed(None)

    def undo(self) -> None:
        note = self.note
        self.briefing_id = create_briefing(self.ws, note.title, note.audience, note.date, note.author)
        for item in note.items:
            body = item.body if item.kind == "text" else None
            try:
                add_item(self.ws, self.briefing_id, item.kind, item.ref_id, body)
            except BriefingError:
                continue  # its record was deleted meanwhile: nothing left to cite
        self.changed(self.briefing_id)
