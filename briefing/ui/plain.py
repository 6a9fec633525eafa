"""Showing text from sources, received workspaces and the analyst as text, never as HTML.

Qt renders a label, a tooltip or a message box as rich text when the text looks like HTML
(``Qt.mightBeRichText``), and rich text follows ``<img src>``: a title naming /dev/zero aborts
the app, a FIFO hangs the GUI thread. Labels and message boxes take ``Qt.PlainText``; tooltips
have no such flag, so ``tip`` escapes the text and marks it as rich text that says only that.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QInputDialog, QLabel, QMessageBox, QWidget

from briefing.domain import one_line, strip_bidi

MIN_DIALOG_WIDTH = 360  # an input dialog's least width: its title and a sentence of label
TITLE_BAR_EXTRA = 160  # the title bar's icon and buttons beside the title text


def tip(text: str) -> str:
    """A tooltip that shows ``text`` exactly as written. Text that cannot look like HTML (no
    "<" or "&") is returned as it is; other text is escaped and wrapped in a paragraph, so that
    Qt reads it as rich text whose only content is the escaped words."""
    if "<" not in text and "&" not in text:
        return text
    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"


def isolated(text: str) -> str:
    """Untrusted text to set among our own words on one line: without its bidi controls and, when
    it holds right-to-left letters, in a first-strong isolate, so a Hebrew title's last word does
    not pull the count after it to its left ('… — (1) אמר' in the list of notes). Its line breaks
    are spaces: a note's title from an older workspace may hold one, and the list showed it on two
    lines cut to half their height."""
    text = one_line(strip_bidi(text))
    if any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text):
        return f"\u2068{text}\u2069"
    return text


def plain_label(text: str = "", word_wrap: bool = False) -> QLabel:
    """A label that shows its text as written, whatever it looks like."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(word_wrap)
    label.setText(text)
    return label


def make_plain(widget: QWidget) -> None:
    """Every label of a dialog Qt built (QInputDialog, QMessageBox) shows its text as written."""
    for label in widget.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
) -> QMessageBox:
    box = QMessageBox(icon, title, "", buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # before the text: Qt lays rich text out at once
    box.setText(text)
    return box


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """A Yes/No question; True when the analyst answers Yes."""
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    box = message_box(parent, QMessageBox.Icon.Question, title, text, yes | no)
    return box.exec() == yes


def confirm_delete(parent: QWidget | None, title: str, text: str) -> bool:
    """A Yes/No question before deleting; No is the default, so Enter pressed a moment too
    early deletes nothing (it deleted: Yes was the default)."""
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    box = message_box(parent, QMessageBox.Icon.Question, title, text, yes | no)
    box.setDefaultButton(no)
    return box.exec() == yes


def choose(parent: QWidget | None, title: str, text: str, choices: tuple[str, ...]) -> int | None:
    """A question with named answers and Cancel; the answer's index, or None for Cancel or Escape.
    The first answer is the default."""
    box = message_box(parent, QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel)
    buttons = [box.addButton(label, QMessageBox.ButtonRole.AcceptRole) for label in choices]
    box.setDefaultButton(buttons[0])
    box.setEscapeButton(box.button(QMessageBox.StandardButton.Cancel))
    box.exec()
    clicked = box.clickedButton()
    return buttons.index(clicked) if clicked in buttons else None


def warn(parent: QWidget | None, title: str, text: str, icon=QMessageBox.Icon.Warning) -> None:
    message_box(parent, icon, title, as_sentence(text)).exec()


def as_sentence(text: str) -> str:
    """A one-line message of the store's ('a saved search needs a name') opening with a capital in
    a dialog; one opening with a name, a path or a quoted word stays as written."""
    first = text.split(" ", 1)[0]
    return text[:1].upper() + text[1:] if first.isalpha() and first.islower() else text


def input_dialog(parent: QWidget | None, title: str, label: str) -> QInputDialog:
    """A QInputDialog with a plain label, wide enough that the window manager shows its whole
    title (a narrow one showed "Renam…Entity")."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText("")  # makes the label, to be made plain before it holds the text
    make_plain(dialog)
    dialog.setLabelText(label)
    room = dialog.fontMetrics().horizontalAdvance(title) + TITLE_BAR_EXTRA
    dialog.setMinimumWidth(max(MIN_DIALOG_WIDTH, room))
    return dialog


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """A line of text, or None when cancelled (QInputDialog.getText, plain label, title in full).
    OK waits for a word: a name left blank was refused after the dialog closed, in the status bar."""
    dialog = input_dialog(parent, title, label)
    dialog.setTextValue(text)
    ok_needs_words(dialog)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.textValue()


def ok_needs_words(dialog: QInputDialog) -> None:
    """The dialog's OK button is enabled only while its text holds more than spaces."""
    dialog.setOkButtonText(dialog.okButtonText())  # makes the buttons, which Qt makes when shown
    box = dialog.findChild(QDialogButtonBox)
    ok = box.button(QDialogButtonBox.StandardButton.Ok) if box is not None else None
    if ok is None:
        return

    def follow(text: str) -> None:
        ok.setEnabled(bool(text.strip()))

    dialog.textValueChanged.connect(follow)
    follow(dialog.textValue())


def ask_item(
    parent: QWidget | None, title: str, label: str, items: Sequence[str], current: str | None = None
) -> str | None:
    """One of ``items``, or None when cancelled (QInputDialog.getItem, with a plain label);
    ``current`` is chosen when the dialog opens (else the first item)."""
    dialog = input_dialog(parent, title, label)
    dialog.setComboBoxItems(list(items))
    dialog.setComboBoxEditable(False)
    if current is not None and current in items:
        dialog.setTextValue(current)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.textValue()


class InertDocument(QTextDocument):
    """A text document that loads nothing an ``<img src>`` or stylesheet names: the HTML it
    shows is the app's own, and its words are escaped, but a slip must not reach the disk."""

    def loadResource(self, type: int, name) -> None:  # noqa: A002 - Qt's name
        return None
