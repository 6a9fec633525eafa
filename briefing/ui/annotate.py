"""Annotating a selected passage: a note and tags, added through the undo stack."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from briefing.store import Workspace
from briefing.store.annotations import add_annotation, delete_annotation
from briefing.store.claim_spans import snap_to_words
from briefing.store.sources import get_source
from briefing.ui.plain import plain_label
from briefing.ui.widgets import add_ok_cancel


class AnnotationDialog(QDialog):
    def __init__(self, parent: QWidget | None, passage: str):
        super().__init__(parent)
        self.setWindowTitle("Annotate Passage")
        layout = QFormLayout(self)
        shown = passage if len(passage) < 300 else passage[:297] + "…"
        layout.addRow("Passage:", plain_label(f"“{shown}”", word_wrap=True))
        self.note = QPlainTextEdit()
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("Why this passage matters")
        self.note.setTabChangesFocus(True)  # Tab goes on to Tags, as in every other field
        layout.addRow("&Note:", self.note)
        self.tags = QLineEdit(placeholderText="figures, follow-up (comma separated)")
        self.tags.setAccessibleName("Tags")
        layout.addRow("&Tags:", self.tags)
        add_ok_cancel(self, layout)

    def values(self) -> tuple[str | None, tuple[str, ...]]:
        note = self.note.toPlainText().strip() or None
        tags = tuple(t.strip() for t in self.tags.text().split(",") if t.strip())
        return note, tags


class AddAnnotationCommand(QUndoCommand):
    def __init__(self, ws: Workspace, source_id: int, start: int, end: int, note, tags, changed):
        super().__init__("Annotate passage")
        self.ws, self.source_id, self.start, self.end = ws, source_id, start, end
        self.note, self.tags, self.changed = note, tags, changed
        self.annotation_id: int | None = None

    def redo(self) -> None:
        self.annotation_id = add_annotation(self.ws, self.source_id, self.start, self.end, self.note, self.tags)
        self.changed()

    def undo(self) -> None:
        if self.annotation_id is not None:
            delete_annotation(self.ws, self.annotation_id, reason="undo")
        self.changed()


def annotation_command(
    parent,
    ws: Workspace,
    source_id: int | None,
    selected: tuple[int, int] | None,
    changed,
    dialog_factory=AnnotationDialog,
) -> AddAnnotationCommand | None:
    """Ask for the note and tags of the selected passage; None when there is nothing to do."""
    if source_id is None or selected is None:
        parent.statusBar().showMessage("Select a passage in the reader first, then annotate it.", 6000)
        return None
    text = get_source(ws, source_id).text
    start, end = snap_to_words(text, *selected)  # a drag that starts inside a word takes the whole word
    if end <= start:
        parent.statusBar().showMessage("Select some words in the reader first, then annotate them.", 6000)
        return None
    dialog = dialog_factory(parent, text[start:end])
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    note, tags = dialog.values()
    return AddAnnotationCommand(ws, source_id, start, end, note, tags, changed)
