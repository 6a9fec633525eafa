"""Passage items as undoable commands: adding the words the analyst selected in the reader,
and putting a removed passage (or a deleted note's passages) back with its source, range and
the words as they were when first added, so the export still checks those words."""

from __future__ import annotations

from briefing.domain import BriefingError
from briefing.note_content import BriefingItem
from briefing.store import Workspace
from briefing.store.briefings import add_item, add_passage, create_briefing
from briefing.ui.briefing_commands import AddItem, Changed, DeleteNote, RemoveItem


class AddPassage(AddItem):
    """Redo adds the passage item; undo (``AddItem.undo``) removes it, recorded as "undo"."""

    def __init__(
        self,
        ws: Workspace,
        briefing_id: int,
        source_id: int,
        start: int,
        end: int,
        position: int | None,
        changed: Changed,
    ):
        super().__init__(ws, briefing_id, "passage", source_id, None, position, changed)
        self.setText("Add passage to the note")
        self.source_id, self.start, self.end = source_id, start, end

    def redo(self) -> None:
        self.item_id = add_passage(
            self.ws, self.briefing_id, self.source_id, self.start, self.end, self.position, item_id=self.item_id
        )
        self.changed(self.briefing_id)


class RemovePassage(RemoveItem):
    """Removes a passage item; undo puts it back at its place with its range and words."""

    def __init__(self, ws: Workspace, briefing_id: int, item: BriefingItem, changed: Changed):
        super().__init__(ws, briefing_id, item.id, changed)
        self.setText("Remove passage from the note")
        self.start, self.end = item.start, item.end

    def undo(self) -> None:
        self.item_id = add_item(
            self.ws,
            self.briefing_id,
            "passage",
            self.ref_id,
            self.body,
            self.position,
            start=self.start,
            end=self.end,
            item_id=self.item_id,  # under its old id, so the steps below it on the stack still find it
        )
        self.changed(self.briefing_id)


class DeleteNoteWithPassages(DeleteNote):
    """``DeleteNote`` whose undo also puts back passage items (their range and words)."""

    def undo(self) -> None:
        note = self.note
        create_briefing(self.ws, note.title, note.audience, note.date, note.author, briefing_id=self.briefing_id)
        for item in note.items:
            body = item.body if item.kind in ("text", "passage") else None
            try:
                add_item(
                    self.ws,
                    self.briefing_id,
                    item.kind,
                    item.ref_id,
                    body,
                    start=item.start,
                    end=item.end,
                    item_id=item.id,  # the ids it had: the steps below it on the stack name them
                )
            except BriefingError:
                continue  # its record was deleted meanwhile: nothing left to cite
        self.changed(self.briefing_id)
