"""Briefing-note edits as undoable commands. Each writes through the store (which records
it in the judgement history); undo writes the opposite change, recorded as well."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from briefing.note_content import BriefingItem, BriefingNote
from briefing.store import Workspace
from briefing.store.briefings import (
    add_item,
    create_briefing,
    delete_briefing,
    move_item,
    put_back_item,
    read_briefing,
    remove_item,
    update_briefing,
    update_text,
)
from briefing.ui.commands import Revisions
from briefing.ui.step_names import name_step, note_item_words

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
        super().__init__()
        if kind == "text":
            self.setText("Add text section to the note")
        else:
            name_step(
                self, f"Add {ITEM_LABELS.get(kind, kind)} {{}} to the note", note_item_words(ws, kind, ref_id, body)
            )
        self.ws, self.briefing_id, self.changed = ws, briefing_id, changed
        self.kind, self.ref_id, self.body, self.position = kind, ref_id, body, position
        self.item_id: int | None = None

    def redo(self) -> None:
        # a redo puts the item back under the id it had: the steps above it on the stack name it
        self.item_id = add_item(
            self.ws, self.briefing_id, self.kind, self.ref_id, self.body, self.position, item_id=self.item_id
        )
        self.changed(self.briefing_id)

    def undo(self) -> None:
        if self.item_id is not None:
            remove_item(self.ws, self.item_id, reason="undo")
        self.changed(self.briefing_id)


class RemoveItem(QUndoCommand):
    """Remove an item; ``seen`` is its revision as the pane showed it (store.revisions)."""

    def __init__(self, ws: Workspace, briefing_id: int, item_id: int, changed: Changed, seen: int | None = None):
        super().__init__()
        self.ws, self.briefing_id, self.item_id, self.changed = ws, briefing_id, item_id, changed
        item = next(i for i in read_briefing(ws, briefing_id).items if i.id == item_id)
        name_step(self, "Remove {} from the note", item_words_in_note(ws, item))
        self.kind, self.ref_id, self.body, self.position = item.kind, item.ref_id, item.body, item.position
        self.start, self.end = item.start, item.end
        self.seen = seen

    def redo(self) -> None:
        remove_item(self.ws, self.item_id, expected=self.seen)
        self.seen = None  # the item is added again on undo, as a new one
        self.changed(self.briefing_id)

    def undo(self) -> None:
        # as it was, under its old id (the commands below it on the stack name it), even when its
        # record is gone since: the note showed it as orphaned and shows it so again
        put_back_item(
            self.ws,
            self.briefing_id,
            self.item_id,
            self.kind,
            self.ref_id,
            self.body,
            self.position,
            self.start,
            self.end,
        )
        self.changed(self.briefing_id)


class Change(QUndoCommand):
    """Runs ``apply(new, reason, expected)`` on redo and ``apply(old, "undo", expected)`` on undo,
    then shows the note. ``expected`` is the item's revision ``revisions`` gives, so a
    colleague's edit in between refuses the undo or redo instead of being overwritten."""

    def __init__(
        self,
        text: str,
        briefing_id: int,
        apply: Callable[[Any, str | None, int | None], None],
        old: Any,
        new: Any,
        changed: Changed,
        revisions: Revisions | None = None,
    ):
        super().__init__(text)
        self.briefing_id, self.apply, self.changed = briefing_id, apply, changed
        self.old, self.new = old, new
        self.revisions = revisions or Revisions(None)

    def redo(self) -> None:
        self.apply(self.new, None, self.revisions.expected())
        self.revisions.wrote()
        self.changed(self.briefing_id)

    def undo(self) -> None:
        self.apply(self.old, "undo", self.revisions.expected())
        self.changed(self.briefing_id)


def item_words_in_note(ws: Workspace, item: BriefingItem) -> str | None:
    return note_item_words(ws, item.kind, item.ref_id, item.body)


def move_item_command(
    ws: Workspace, briefing_id: int, item_id: int, old: int, new: int, changed: Changed, seen: int | None = None
) -> Change:
    item = next((i for i in read_briefing(ws, briefing_id).items if i.id == item_id), None)
    command = Change(
        "",
        briefing_id,
        lambda position, _, expected: move_item(ws, item_id, position, expected=expected),
        old,
        new,
        changed,
        Revisions(seen, ws, ("item", item_id)),
    )
    words = item_words_in_note(ws, item) if item is not None else None
    name_step(command, f"Move {{}} {'up' if new < old else 'down'} in the note", words)
    return command


def edit_text_command(
    ws: Workspace, briefing_id: int, item_id: int, old: str, new: str, changed: Changed, seen: int | None = None
) -> Change:
    command = Change(
        "",
        briefing_id,
        lambda body, why, expected: update_text(ws, item_id, body, reason=why, expected=expected),
        old,
        new,
        changed,
        Revisions(seen, ws, ("item", item_id)),
    )
    name_step(command, "Edit text section {}", old)
    return command


def edit_details_command(
    ws: Workspace, briefing_id: int, old: dict[str, str | None], new: dict[str, str | None], changed: Changed
) -> Change:
    command = Change(
        "",
        briefing_id,
        lambda values, why, _: update_briefing(ws, briefing_id, reason=why, **values),
        old,
        new,
        changed,
    )
    name_step(command, "Edit details of note {}", old.get("title"))
    return command


class CreateNote(QUndoCommand):
    def __init__(self, ws: Workspace, details: dict[str, str | None], changed: Changed):
        super().__init__()
        name_step(self, "New note {}", details["title"])
        self.ws, self.details, self.changed = ws, details, changed
        self.briefing_id: int | None = None

    def redo(self) -> None:
        # a redo makes the note again under the id it had: the steps above it on the stack name it
        self.briefing_id = create_briefing(self.ws, **self.details, briefing_id=self.briefing_id)  # type: ignore[arg-type]
        self.changed(self.briefing_id)

    def undo(self) -> None:
        if self.briefing_id is not None:
            delete_briefing(self.ws, self.briefing_id, reason="undo")
        self.changed(None)


class DeleteNote(QUndoCommand):
    """Undo makes the note again with the same details and items in order, under the ids they
    had (the steps below it on the stack name them), each as it was: a passage with its range and
    words, an item whose record was deleted still shown as orphaned."""

    def __init__(self, ws: Workspace, briefing_id: int, changed: Changed):
        self.note: BriefingNote = read_briefing(ws, briefing_id)
        super().__init__()
        name_step(self, "Delete note {}", self.note.title)
        self.ws, self.briefing_id, self.changed = ws, briefing_id, changed

    def redo(self) -> None:
        delete_briefing(self.ws, self.briefing_id)
        self.changed(None)

    def undo(self) -> None:
        note = self.note
        create_briefing(self.ws, note.title, note.audience, note.date, note.author, briefing_id=self.briefing_id)
        for at, item in enumerate(note.items):
            put_back_item(
                self.ws, self.briefing_id, item.id, item.kind, item.ref_id, item.body, at, item.start, item.end
            )
        self.changed(self.briefing_id)
