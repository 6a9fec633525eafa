"""The briefing note's item list: a drag inside reorders, a drop from the panels adds."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget

from briefing.ui.widgets import parse_mime

ItemIdRole = Qt.ItemDataRole.UserRole + 10


class ItemList(QListWidget):
    """The note's items; a drag inside reorders, a drop from the panels adds."""

    moved = Signal(int, int)  # item id, new position
    dropped = Signal(str, int, int)  # kind, ref id, position

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Items of the briefing note")
        self.setWordWrap(True)
        self.setSpacing(2)
        self.setAlternatingRowColors(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setAcceptDrops(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.source() is self or parse_mime(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.source() is self or parse_mime(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        row = self._drop_row(event)
        if event.source() is self:
            current = self.currentItem()
            if current is not None:
                old = self.row(current)
                self.moved.emit(current.data(ItemIdRole), row - 1 if row > old else row)
            event.ignore()  # the store reorders; the list is refilled from it
            return
        found = parse_mime(event.mimeData())
        if found is not None:
            event.acceptProposedAction()
            self.dropped.emit(found[0], found[1], row)

    def _drop_row(self, event: QDropEvent) -> int:
        target = self.itemAt(event.position().toPoint())
        if target is None:
            return self.count()
        row = self.row(target)
        below = event.position().toPoint().y() > self.visualItemRect(target).center().y()
        return row + 1 if below else row
