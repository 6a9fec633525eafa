"""Passage items as undoable commands: adding the words the analyst selected in the reader,
and putting a removed passage back with its source, range and the words as they were when
first added, so the export still checks those words (``RemoveItem.undo``, which a deleted
note's undo uses for its passages too)."""

from __future__ import annotations

from briefing.note_content import BriefingItem
from briefing.store import Workspace
from briefing.store.briefings import add_passage
from briefing.ui.briefing_commands import AddItem, Changed, RemoveItem
from briefing.ui.step_names import name_step, passage_words


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
        name_step(self, "Add passage {} to the note", passage_words(ws, source_id, start, end))
        self.source_id, self.start, self.end = source_id, start, end

    def redo(self) -> None:
        self.item_id = add_passage(
            self.ws, self.briefing_id, self.source_id, self.start, self.end, self.position, item_id=self.item_id
        )
        self.changed(self.briefing_id)


class RemovePassage(RemoveItem):
    """Removes a passage item; undo (``RemoveItem.undo``) puts it back at its place with its range
    and words."""

    def __init__(self, ws: Workspace, briefing_id: int, item: BriefingItem, changed: Changed):
        super().__init__(ws, briefing_id, item.id, changed)
        name_step(
            self,
            "Remove passage {} from the note",
            item.body or passage_words(ws, item.ref_id or 0, item.start or 0, item.end or 0),
        )
