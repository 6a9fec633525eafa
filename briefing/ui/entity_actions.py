"""The Entities tab's context menu: rename, retype, merge, split and delete, as the analyst decides.

Rename, retype and split go through the undo stack. Merge and delete change many rows
across sources; they ask first, are recorded in the judgement history, and the
names they remove are not brought back by re-analysis.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QDialog, QInputDialog, QMenu

from briefing.domain import ENTITY_TYPES, BriefingError
from briefing.store.edits import delete_entity, merge_entities
from briefing.store.mentions import list_mentions
from briefing.store.records import read_entities
from briefing.store.views import entity_page
from briefing.ui.commands import rename_entity_command, retype_entity_command
from briefing.ui.panels import ItemRole
from briefing.ui.plain import ask, ask_item
from briefing.ui.split_entity import SplitChoice, SplitDialog, SplitEntity


class EntityActions:
    def __init__(self, window):
        self.window = window
        tree = window.panel.entities
        tree.setContextMenuPolicy(tree.contextMenuPolicy().CustomContextMenu)
        tree.customContextMenuRequested.connect(self.show_menu)
        tree.itemDoubleClicked.connect(lambda *_: self.open_page())
        window.entity_dock.splitRequested.connect(lambda entity_id: self.split(entity_id))

    def open_page(self) -> None:
        entity = self.current()
        if entity is not None:
            self.window.open_entity(entity[0])

    def current(self) -> tuple[int, str, str] | None:
        item = self.window.panel.entities.currentItem()
        data = item.data(0, ItemRole) if item is not None else None
        if not data:
            return None
        entity = next((e for e in read_entities(self.window.ws) if e["id"] == data[1]), None)
        return (entity["id"], entity["name"], entity["type"]) if entity else None

    def show_menu(self, point: QPoint) -> None:
        entity = self.current()
        if entity is None:
            return
        menu = QMenu(self.window)
        menu.addAction("&Open Entity Page").triggered.connect(self.open_page)
        menu.addAction("&Rename…").triggered.connect(lambda: self.rename())
        retype = menu.addMenu("Change &Type")
        for kind in ENTITY_TYPES:
            action = retype.addAction(kind.capitalize())
            action.triggered.connect(partial(self.retype, kind))
            action.setEnabled(kind != entity[2])
        menu.addAction("&Merge Into…").triggered.connect(lambda: self.merge())
        split = menu.addAction("S&plit Entity…")
        split.setShortcut("Ctrl+Alt+Shift+S")
        split.triggered.connect(lambda: self.split(entity[0]))
        menu.addAction("Add to &Briefing Note").triggered.connect(
            lambda: self.window.add_to_briefing("entity", entity[0])
        )
        menu.addSeparator()
        menu.addAction("&Delete Entity…").triggered.connect(lambda: self.delete())
        menu.exec(self.window.panel.entities.viewport().mapToGlobal(point))

    def rename(self, name: str | None = None) -> None:
        entity = self.current()
        if entity is None:
            return
        if name is None:
            name, ok = QInputDialog.getText(self.window, "Rename Entity", "New name:", text=entity[1])
            if not ok:
                return
        self.window.push_command(
            lambda: rename_entity_command(
                self.window.ws, entity[0], name.strip(), entity[1], None, self.window.after_edit
            )
        )

    def retype(self, kind: str) -> None:
        entity = self.current()
        if entity is not None:
            self.window.push_command(
                lambda: retype_entity_command(self.window.ws, entity[0], kind, entity[2], None, self.window.after_edit)
            )

    def merge(self, target_name: str | None = None) -> None:
        entity = self.current()
        if entity is None:
            return
        others = {f"{e['name']} ({e['type']})": e["id"] for e in read_entities(self.window.ws) if e["id"] != entity[0]}
        if target_name is None:
            target_name = ask_item(self.window, "Merge Entity", f"Merge “{entity[1]}” into:", sorted(others))
            if target_name is None:
                return
        self._run(
            lambda: merge_entities(self.window.ws, others[target_name], [entity[0]], reason="merged"),
            f"Merged “{entity[1]}” into {target_name}.",
        )

    def split(self, entity_id: int | None = None, choice: SplitChoice | None = None) -> None:
        """Move the chosen mentions to a new entity (the dialog asks which, unless ``choice``);
        without an id, the entity page's entity when it is open, else the Entities tab's."""
        window = self.window
        if entity_id is None:
            shown = window.entity_dock.entity_id if window.entity_dock.isVisible() else None
            entity_id = shown if shown is not None else (self.current() or (None,))[0]
        if entity_id is None:
            window.statusBar().showMessage("Select an entity in the Entities tab first.", 6000)
            return
        if choice is None:
            page = entity_page(window.ws, entity_id, limit=0)
            dialog = SplitDialog(window, page.name, page.type, list_mentions(window.ws, entity_id))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            choice = dialog.choice()
        command = SplitEntity(window.ws, entity_id, choice, window.quote_actions.changed)
        if window.push_command(lambda: command):
            window.statusBar().showMessage(f"Split: {len(choice.mention_ids)} mentions moved to “{choice.name}”.", 8000)

    def delete(self, confirmed: bool = False) -> None:
        entity = self.current()
        if entity is None:
            return
        if not confirmed and not ask(
            self.window,
            "Delete Entity",
            f"Delete “{entity[1]}” everywhere? Re-analysis will not bring it back. This cannot be undone.",
        ):
            return
        self._run(
            lambda: delete_entity(self.window.ws, entity[0], reason="deleted by the analyst"), f"Deleted “{entity[1]}”."
        )

    def _run(self, change, message: str) -> None:
        try:
            change()
        except BriefingError as exc:
            self.window.statusBar().showMessage(str(exc), 8000)
            return
        self.window.after_edit()
        self.window.statusBar().showMessage(message, 8000)
