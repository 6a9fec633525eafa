"""Merge Into…, Delete Entity and Remove Alias as undoable commands: each keeps the entities as they were
(store.entity_snapshots) and Undo writes them back with their ids, mentions, quotes and aliases."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from briefing.store import Workspace
from briefing.store.edits import delete_entity, merge_entities, remove_alias
from briefing.store.entity_snapshots import EntitySnapshot, restore_entity_snapshot, take_entity_snapshot


class MergeEntities(QUndoCommand):
    def __init__(
        self, ws: Workspace, target: int, other: int, label: str, changed: Callable[[], None], seen: int | None = None
    ):
        super().__init__(f"Merge {label}")
        self.ws, self.target, self.other, self.changed, self.seen = ws, target, other, changed, seen
        self.kept: EntitySnapshot | None = None

    def redo(self) -> None:
        with self.ws.transaction():
            self.kept = take_entity_snapshot(self.ws, [self.target, self.other])
            seen = {self.other: self.seen} if self.seen is not None else None
            merge_entities(self.ws, self.target, [self.other], reason="merged", expected=seen)
        self.seen = None  # a redo follows this connection's own undo
        self.changed()

    def undo(self) -> None:
        if self.kept is not None:
            restore_entity_snapshot(self.ws, self.kept)
        self.changed()


class DeleteEntity(QUndoCommand):
    def __init__(self, ws: Workspace, entity_id: int, label: str, changed: Callable[[], None], seen: int | None = None):
        super().__init__(f"Delete {label}")
        self.ws, self.entity_id, self.changed, self.seen = ws, entity_id, changed, seen
        self.kept: EntitySnapshot | None = None

    def redo(self) -> None:
        with self.ws.transaction():
            self.kept = take_entity_snapshot(self.ws, [self.entity_id])
            delete_entity(self.ws, self.entity_id, reason="deleted by the analyst", expected=self.seen)
        self.seen = None
        self.changed()

    def undo(self) -> None:
        if self.kept is not None:
            restore_entity_snapshot(self.ws, self.kept)
        self.changed()


class RemoveAlias(QUndoCommand):
    """A wrong name form taken off an entity (a headline's "Donald Trump Leads"); re-analysis does
    not give it back, and Undo puts the alias back with the rejection lifted."""

    def __init__(self, ws: Workspace, entity_id: int, alias: str, changed: Callable[[], None], seen: int | None = None):
        super().__init__(f"Remove Alias {alias}")
        self.ws, self.entity_id, self.alias, self.changed, self.seen = ws, entity_id, alias, changed, seen
        self.kept: EntitySnapshot | None = None

    def redo(self) -> None:
        with self.ws.transaction():
            self.kept = take_entity_snapshot(self.ws, [self.entity_id])
            remove_alias(self.ws, self.entity_id, self.alias, reason="removed by the analyst", expected=self.seen)
        self.seen = None
        self.changed()

    def undo(self) -> None:
        if self.kept is not None:
            restore_entity_snapshot(self.ws, self.kept)
        self.changed()
