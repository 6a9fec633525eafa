"""Merge Into…, Delete Entity, Remove Alias and Not This Entity as undoable commands: each keeps
the entities as they were (store.entity_snapshots) and Undo writes them back with their ids,
mentions, quotes and aliases."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from briefing.store import Workspace
from briefing.store.edits import delete_entity, merge_entities, remove_alias
from briefing.store.entity_snapshots import EntitySnapshot, restore_entity_snapshot, take_entity_snapshot
from briefing.store.mention_edits import unlink_mention
from briefing.ui.step_names import name_step


class _SnapshotCommand(QUndoCommand):
    """``edit`` of ``entity_ids`` in one transaction after a snapshot of them; Undo writes the
    snapshot back. ``edit`` gets ``seen``, the revision the analyst saw, for the store to refuse a
    colleague's newer change, and None on a redo (it follows this connection's own undo)."""

    def __init__(
        self,
        text: tuple[str, ...],
        ws: Workspace,
        entity_ids: list[int],
        edit: Callable[[int | None], None],
        changed: Callable[[], None],
        seen: int | None,
    ):
        super().__init__()
        name_step(self, *text)  # the template and the names it holds
        self.ws, self.entity_ids, self.edit, self.changed, self.seen = ws, entity_ids, edit, changed, seen
        self.kept: EntitySnapshot | None = None

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
        self,
        ws: Workspace,
        target: int,
        other: int,
        names: tuple[str, str],
        changed: Callable[[], None],
        seen: int | None = None,
    ):
        """``names``: of ``other`` and of ``target``, as the analyst sees them."""

        def edit(seen: int | None) -> None:
            expected = {other: seen} if seen is not None else None
            merge_entities(ws, target, [other], reason="merged", expected=expected)

        super().__init__(("Merge {} into {}", *names), ws, [target, other], edit, changed, seen)


class DeleteEntity(_SnapshotCommand):
    def __init__(self, ws: Workspace, entity_id: int, name: str, changed: Callable[[], None], seen: int | None = None):
        def edit(seen: int | None) -> None:
            delete_entity(ws, entity_id, reason="deleted by the analyst", expected=seen)

        super().__init__(("Delete {}", name), ws, [entity_id], edit, changed, seen)


class RemoveAlias(_SnapshotCommand):
    """A wrong name form taken off an entity (a headline's "Donald Trump Leads"); re-analysis does
    not give it back, and Undo puts the alias back with the rejection lifted."""

    def __init__(self, ws: Workspace, entity_id: int, alias: str, changed: Callable[[], None], seen: int | None = None):
        def edit(seen: int | None) -> None:
            remove_alias(ws, entity_id, alias, reason="removed by the analyst", expected=seen)

        super().__init__(("Remove Alias {}", alias), ws, [entity_id], edit, changed, seen)


class UnlinkMention(_SnapshotCommand):
    """One wrong mention taken off its entity (his wife "Pence" read as Mike Pence): re-analysis of
    its source does not link those words to it again, and Undo puts the mention back with the
    rejection lifted."""

    def __init__(
        self,
        ws: Workspace,
        entity_id: int,
        mention_id: int,
        words: str,
        changed: Callable[[], None],
        seen: int | None = None,
    ):
        def edit(seen: int | None) -> None:
            unlink_mention(ws, mention_id, reason="not this entity", expected=seen)

        super().__init__(("Not This Entity: {}", words), ws, [entity_id], edit, changed, seen)
