"""The briefing note's item list: a drag inside reorders, a drop from the panels adds; and the
line each item shows in it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget

from briefing.domain import counted
from briefing.export.citations import unquoted
from briefing.note_content import ClaimContent, EntityCard, QuoteContent, SummaryContent
from briefing.ui.widgets import parse_mime

ItemIdRole = Qt.ItemDataRole.UserRole + 10


class ItemList(QListWidget):
    """The note's items; a drag inside reorders, a drop from the panels adds."""

    moved = Signal(int, int)  # item id, new position
    dropped = Signal(str, int, int)  # kind, ref id, position
    stepped = Signal(int)  # Ctrl+Up (-1) or Ctrl+Down (+1): move the current item
    removing = Signal()  # Delete: remove the current item

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Items of the briefing note")
        self.setWordWrap(True)
        self.setSpacing(2)
        self.setAlternatingRowColors(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setAcceptDrops(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Reorder and remove from the keyboard as the buttons and a drag do."""
        ctrl = event.modifiers() == Qt.KeyboardModifier.ControlModifier
        if ctrl and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.stepped.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
        elif event.key() == Qt.Key.Key_Delete and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.removing.emit()
        else:
            super().keyPressEvent(event)

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


def row_text(section) -> str:
    item = section.item
    flag = "⚠ " if section.flags or section.cautions else ""
    if item.kind == "text":
        first = next((line for line in (item.body or "").splitlines() if line.strip()), "")
        return f"{flag}Text · {first.lstrip('# ')[:120]}"
    words = (item.body or "").replace("\n", " ")
    if isinstance(item.content, SummaryContent):  # the body kept is the source's title, in the heading already
        words = " ".join((item.content.summary or "no summary yet").split())
    elif isinstance(item.content, (ClaimContent, QuoteContent)):  # the words now, as the preview and exports show
        words = " ".join(item.content.passage.text.split())
    elif isinstance(item.content, EntityCard):  # its name is the heading's: how much the workspace holds of it
        card = item.content
        words = f"{counted(card.mentions, 'mention')} in {counted(card.sources, 'source')}"
    if item.kind == "passage":
        return f"{flag}{_passage_row(section)}"
    heading = section.heading or item.kind.capitalize()
    return f"{flag}{heading}" + (f" · {words[:110]}{'…' if len(words) > 110 else ''}" if words else "")


def _passage_row(section) -> str:
    """'Passage: <words> — <source title>', the words cut at 110 characters."""
    words = " ".join(unquoted(section.item.body or "").split())
    words = words[:110] + ("…" if len(words) > 110 else "")
    passage = getattr(section.item.content, "passage", None)
    citation = passage.citation if passage is not None else None
    title = citation.shown_title if citation is not None else "source no longer in the workspace"
    return f"Passage: {words} — {title}"
