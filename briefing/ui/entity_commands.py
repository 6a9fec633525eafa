"""Merge Into…, Delete Entity and Remove Alias as undoable commands: each keeps the entities as they were
(store.entity_snapshots) and Undo writes them back with their ids, mentions, quotes and aliases."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from briefing.store import Workspace
from briefing.store.edits import delete_entity, merge_entities, remove_alias
from briefing.store.entity_snapshots import EntitySnapshot, restore_entity_snapshot, take_entity_snapshot


class _SnapshotCommand(QUndoCommand):
    """An edit of ``entity_ids`` in one transaction after a snapshot of them; Undo writes the
    snapshot back. ``seen``: the revision the analyst saw, for the store to refuse a colleague's
    newer change (a redo follows this connection's own undo, so it checks none)."""

    def __init__(self, text: str, ws: Workspace, entity_ids: list[int], changed: Callable[[], None], seen: int | None):
        super().__init__(text)
        self.ws, self.entity_ids, self.changed, self.seen = ws, entity_ids, changed, seen
        self.kept: EntitySnapshot | None = None

    def edit(self, seen: int | None) -> None:
        raise NotImplementedError  # each command's store call; QUndoCommand's metaclass rules out ABCMeta

    def redo(self) -> None:
        with self.ws.transaction():
            self.kept = take_entity_snapshot(self.ws, self.entity_ids)
            self.edit(self.seen)
        self.seen = None
        self.changed()

    def undo(self) -> None:
        if self.kept is not None:
            restore_entity_snapshot(self.ws, self.kept)
        self.changed()


class MergeEntities(_SnapshotCommand):
    def __init__(
        self, ws: Workspace, target: int, other: int, label: str, changed: Callable[[], None], seen: int | None = None
    ):
        super().__init__(f"Merge {label}", ws, [target, other], changed, seen)
        self.target, self.other = target, other

    def edit(self, seen: int | None) -> None:
        expected = {self.other: seen} if seen is not None else None
        merge_entities(self.ws, self.target, [self.other], reason="merged", expected=expected)


class DeleteEntity(_SnapshotCommand):
    def __init__(self, ws: Workspace, entity_id: int, label: str, changed: Callable[[], None], seen: int | None = None):
        super().__init__(f"Delete {label}", ws, [entity_id], changed, seen)
        self.entity_id = entity_id

    def edit(self, seen: int | None) -> None:
        delete_entity(self.ws, self.entity_id, reason="deleted by the analyst", expected=seen)


class RemoveAlias(_SnapshotCommand):
    """A wrong name form taken off an entity (a headline's "Donald Trump Leads"); re-analysis does
    not give it back, and Undo puts the alias back with the rejection lifted."""

    def __init__(self, ws: Workspace, entity_id: int, alias: str, changed: Callable[[], None], seen: int | None = None):
        super().__init__(f"Remove Alias {alias}", ws, [entity_id], changed, seen)
        self.entity_id, self.alias = entity_id, alias

    def edit(self, seen: int | None) -> None:
        remove_alias(self.ws, self.entity_id, self.alias, reason="removed by the analyst", expected=seen)
