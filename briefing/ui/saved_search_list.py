"""The search pane's saved searches: a list beside the results; clicking one runs it, its
context menu renames or deletes it. The searches live in the workspace (store.saved_searches)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMenu, QMessageBox, QWidget

from briefing.domain import BriefingError, inert_bidi
from briefing.store import Workspace
from briefing.store.saved_searches import (
    delete_saved_search,
    list_saved_searches,
    rename_saved_search,
    save_search,
)
from briefing.ui.plain import ask, ask_text, confirm_delete, tip, warn
from briefing.ui.read_only import refuse_change

SearchRole = Qt.ItemDataRole.UserRole + 1  # (id, name, query)


class SavedSearchList(QListWidget):
    """Emits ``chosen(query)`` when a saved search is clicked or activated."""

    chosen = Signal(str)

    def __init__(self, workspace: Callable[[], Workspace | None], parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.setAccessibleName("Saved searches")
        self.setToolTip("Saved searches: click one to run it; right-click to rename or delete it")
        self.itemClicked.connect(self._run)
        self.itemActivated.connect(self._run)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._show_menu)

    def refresh(self) -> None:
        ws = self.workspace()
        searches = list_saved_searches(ws) if ws is not None else []
        self.clear()
        for saved in searches:
            item = QListWidgetItem(inert_bidi(saved.name))  # a received name's U+202E reverses nothing
            item.setData(SearchRole, (saved.id, saved.name, saved.query))
            item.setToolTip(tip(saved.query))
            self.addItem(item)

    def names(self) -> list[str]:
        return [self.item(row).data(SearchRole)[1] for row in range(self.count())]

    def show_chosen(self, query: str) -> None:
        """The saved search chosen stays selected while its query is in the field, and only then."""
        current = self.currentItem()
        if current is not None and current.data(SearchRole)[2] != query:
            self.setCurrentRow(-1)
            self.clearSelection()

    def save(self, query: str, name: str | None = None) -> None:
        """Keep ``query`` under a name (asked for when not given)."""
        if refuse_change(self, self.workspace()):
            return
        if name is None:
            name = ask_text(self, "Save Search", f"Save “{query}” as:")  # the query shown as text
            if name is None:
                return
        existing = {n.lower() for n in self.names()}
        if name.strip().lower() in existing and not ask(self, "Save Search", f"Replace the saved search “{name}”?"):
            return
        self._write(lambda ws: save_search(ws, name, query))

    def rename(self, item: QListWidgetItem, name: str | None = None) -> None:
        search_id, old, _ = item.data(SearchRole)
        if refuse_change(self, self.workspace()):
            return
        if name is None:
            name = ask_text(self, "Rename Saved Search", "New name:", old)
            if name is None:
                return
        self._write(lambda ws: rename_saved_search(ws, search_id, name))

    def delete(self, item: QListWidgetItem, confirm: bool = True) -> None:
        search_id, name, _ = item.data(SearchRole)
        if confirm and not confirm_delete(self, "Delete Saved Search", f"Delete the saved search “{name}”?"):
            return
        self._write(lambda ws: delete_saved_search(ws, search_id))

    def _write(self, change: Callable[[Workspace], object]) -> None:
        ws = self.workspace()
        if ws is None:
            return
        try:
            change(ws)
        except BriefingError as exc:
            warn(self, "Saved Searches", str(exc), QMessageBox.Icon.Information)
        self.refresh()

    def _run(self, item: QListWidgetItem) -> None:
        self.chosen.emit(item.data(SearchRole)[2])

    def _show_menu(self, point) -> None:
        item = self.itemAt(point)
        if item is None:
            return
        menu = QMenu(self)
        menu.addAction("&Run").triggered.connect(lambda: self._run(item))
        menu.addAction("Re&name…").triggered.connect(lambda: self.rename(item))
        menu.addAction("&Delete…").triggered.connect(lambda: self.delete(item))
        menu.exec(self.viewport().mapToGlobal(point))
