"""Source Details…: the analyst corrects a source's title, outlet, author, date, URL and language.

Real imports need it: a byline read as "The Russian; Syrian defense ministries", a PDF headline
cut at its line break, a page whose title was the site's name. The dialog checks each field as
the store will (one line naming the field and the reason, the dialog stays open), and the
window applies every changed field as one undoable command; re-analysis keeps them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from briefing.domain import BriefingError
from briefing.ingest.dates import written_date
from briefing.store import Workspace
from briefing.store.sources import DETAIL_FIELDS, check_source_field, source_values, update_source
from briefing.ui.step_names import name_step, source_title

LABELS = {
    "title": ("&Title:", "The headline as published"),
    "outlet": ("&Outlet:", "Who published it"),
    "author": ("&Author:", "Who wrote it"),
    "published": ("&Published:", "YYYY-MM-DD or 18 November 2019"),
    "url": ("&URL:", "https://… where it was published"),
    "language": ("&Language:", "en, de, pt-BR…"),
}


class SourceDetailsDialog(QDialog):
    """The fields of one source; ``changes()`` holds what the analyst changed once accepted."""

    def __init__(self, parent: QWidget, source_id: int, values: dict[str, Any]):
        super().__init__(parent)
        self.source_id, self.previous = source_id, values
        self.setWindowTitle("Source Details")
        self.setMinimumWidth(520)
        layout = QFormLayout(self)
        self.fields: dict[str, QLineEdit] = {}
        for name in DETAIL_FIELDS:
            label, hint = LABELS[name]
            edit = QLineEdit(values.get(name) or "", placeholderText=hint)
            edit.setAccessibleName(label.replace("&", "").rstrip(":"))
            edit.setCursorPosition(0)  # a long title shows its beginning
            layout.addRow(label, edit)
            self.fields[name] = edit
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # the message quotes what was typed
        self.error.setObjectName("source-details-error")
        self.error.setStyleSheet("QLabel#source-details-error { color: #b00020; }")
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Problem")
        self.error.hide()
        layout.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def changes(self) -> dict[str, str | None]:
        """The fields whose value differs from the stored one (empty: cleared)."""
        typed = {name: edit.text().strip() or None for name, edit in self.fields.items()}
        typed["published"] = written_date(typed.get("published"))
        return {name: value for name, value in typed.items() if value != self.previous.get(name)}

    def accept(self) -> None:
        for name, value in self.changes().items():
            try:
                check_source_field(name, value)
            except BriefingError as exc:
                said = str(exc)
                if said.startswith(f"{name}:"):  # the store names its column; the dialog shows a label
                    said = LABELS[name][0].replace("&", "").rstrip(":") + said[len(name) :]
                self.show_error(said, name)
                return
        super().accept()

    def show_error(self, message: str, field: str | None = None) -> None:
        self.error.setText(message)
        self.error.show()
        if field in self.fields:
            self.fields[field].setFocus()
            self.fields[field].selectAll()


class EditSourceDetails(QUndoCommand):
    """Every changed field of one source in one step: redo writes them, undo writes the old ones
    back (both recorded in the judgement history, field by field)."""

    def __init__(
        self,
        ws: Workspace,
        source_id: int,
        changes: dict[str, Any],
        changed: Callable[[], None],
        seen: dict[str, Any] | None = None,
    ):
        names = ", ".join(LABELS[name][0].replace("&", "").rstrip(":").lower() for name in changes)
        super().__init__()
        name_step(self, f"Edit {names} of {{}}", source_title(ws, source_id))
        self.ws, self.source_id, self.changes, self.changed = ws, source_id, dict(changes), changed
        self.previous = source_values(ws, source_id, tuple(changes))
        # the values the analyst saw (the dialog's), then as this window left them: a colleague's
        # change to one of these fields in between refuses the write, the undo and the redo
        self.expected = {name: (seen or self.previous).get(name) for name in changes}

    def redo(self) -> None:
        update_source(self.ws, self.source_id, "edited in Source Details", expected=self.expected, **self.changes)
        self.expected = source_values(self.ws, self.source_id, tuple(self.changes))
        self.changed()

    def undo(self) -> None:
        update_source(self.ws, self.source_id, "undo", expected=self.expected, **self.previous)
        self.expected = source_values(self.ws, self.source_id, tuple(self.changes))
        self.changed()
