"""The details of a briefing note (title, audience, date, author), asked for by New… and
Details…: each field is checked as the store will check it, and a problem is said in the
dialog, which stays open with the analyst's words (closing it lost everything typed). Details
an older workspace holds with line breaks, which the store now refuses, are shown on one line and
the dialog says so: OK saves them so."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from briefing.domain import NOT_ONE_LINE, BriefingError, as_one_line, check_iso_date, check_one_line
from briefing.ingest.dates import written_date
from briefing.ui.palette_colours import readable
from briefing.ui.widgets import add_ok_cancel

FIELDS = (
    ("title", "&Title:", "What the note is about"),
    ("audience", "&Audience:", "Who will read it"),
    ("date", "&Date:", "YYYY-MM-DD or 3 December 2014"),
    ("author", "A&uthor:", "Your name"),
)
LABELS = {name: label.replace("&", "").rstrip(":") for name, label, _ in FIELDS}


class DetailsDialog(QDialog):
    """``taken``: the titles (lower case) of the workspace's other notes, which a title must not repeat."""

    def __init__(self, parent: QWidget, title: str, values: dict[str, str | None], taken: frozenset[str] = frozenset()):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.taken = taken
        layout = QFormLayout(self)
        self.fields: dict[str, QLineEdit] = {}
        shown = one_line_details(values)
        for name, label, hint in FIELDS:
            edit = QLineEdit(shown.get(name) or "", placeholderText=hint)
            edit.setMinimumWidth(40 * edit.fontMetrics().averageCharWidth())  # a title shows whole
            edit.setAccessibleName(LABELS[name])
            layout.addRow(label, edit)
            self.fields[name] = edit
        self.fields["title"].selectAll()  # typing replaces the suggested title instead of adding to it
        self.mended = QLabel(mended_note(values))  # our words, the field labels: no text of the note's
        self.mended.setWordWrap(True)
        self.mended.setVisible(bool(self.mended.text()))
        layout.addRow(self.mended)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # the message quotes what was typed
        self.error.setObjectName("briefing-details-error")
        # red that reads on the palette's background, light or dark
        self.error.setStyleSheet(f"QLabel#briefing-details-error {{ color: {readable('#b00020').name()}; }}")
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Problem")
        self.error.hide()
        layout.addRow(self.error)
        add_ok_cancel(self, layout)

    def values(self) -> dict[str, str | None]:
        typed = {name: edit.text().strip() or None for name, edit in self.fields.items()}
        typed["date"] = written_date(typed["date"])  # "3 December 2014" is 2014-12-03
        return typed

    def problem(self) -> tuple[str, str] | None:
        """The first field the store would refuse, and why; None when all are fine."""
        values = self.values()
        for name, value in values.items():
            try:
                check_one_line(LABELS[name], value or "")
            except BriefingError as exc:
                return name, f"{exc}."
        if values["title"] is None:
            return "title", "Title: a briefing note needs a title."
        if values["title"].lower() in self.taken:
            return "title", f"Title: another briefing note is called “{values['title']}”; choose another title."
        if values["date"] is not None:
            try:
                check_iso_date(LABELS["date"], values["date"])
            except BriefingError as exc:
                return "date", f"{exc}."
        return None

    def accept(self) -> None:
        found = self.problem()
        if found is None:
            super().accept()
            return
        field, message = found
        self.error.setText(message)
        self.error.show()
        self.adjustSize()  # the dialog grows to the message's lines instead of cutting them off
        self.fields[field].setFocus()
        self.fields[field].selectAll()


def one_line_details(values: dict[str, str | None]) -> dict[str, str | None]:
    """``values`` with each detail the store would refuse made one line (``domain.as_one_line``):
    a note's details from before the store refused line breaks in them."""
    return {
        name: as_one_line(value) if value and NOT_ONE_LINE.search(value) else value for name, value in values.items()
    }


def mended_note(values: dict[str, str | None]) -> str:
    """What the dialog made one line, said in one sentence; empty when nothing."""
    names = [
        LABELS[name] for name, _, _ in FIELDS if (values.get(name) or "") != (one_line_details(values).get(name) or "")
    ]
    if not names:
        return ""
    return (
        f"{', '.join(names)}: shown on one line, as a note's details must now be (line breaks made spaces, "
        "control characters left out). OK saves them so; Cancel leaves the note as it was."
    )
