"""Annotating a selected passage: a note and tags, added, edited and deleted through the undo stack."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand
from PySide6.QtWidgets import (
    QApplication,
    QCompleter,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from briefing.domain import clipped, one_line
from briefing.store import Workspace
from briefing.store.annotations import (
    add_annotation,
    delete_annotation,
    edit_annotation,
    get_annotation,
    restore_annotation,
)
from briefing.store.claim_spans import snap_to_words
from briefing.store.notes_list import tag_counts
from briefing.store.revisions import Gone, last_written
from briefing.store.sources import get_source
from briefing.ui.notes_browser import NoteRole
from briefing.ui.plain import plain_label, tip
from briefing.ui.read_only import refuse_change
from briefing.ui.refusals import refusing, show_refusal
from briefing.ui.sorted_items import ItemRole
from briefing.ui.step_names import item_words, name_step, passage_words
from briefing.ui.widgets import add_ok_cancel


class AnnotationDialog(QDialog):
    def __init__(self, parent: QWidget | None, passage: str, note: str | None = None, tags: tuple[str, ...] = ()):
        super().__init__(parent)
        self.setWindowTitle("Edit Annotation" if note is not None or tags else "Annotate Passage")
        layout = QFormLayout(self)
        shown = passage if len(passage) < 300 else passage[:297] + "…"
        layout.addRow("Passage:", plain_label(f"“{shown}”", word_wrap=True))
        self.note = QPlainTextEdit()
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("Why this passage matters")
        self.note.setTabChangesFocus(True)  # Tab goes on to Tags, as in every other field
        # Return starts a new line in the note: Ctrl+Return saves, as in the briefing note's editor
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self.note, self.accept, context=Qt.ShortcutContext.WidgetShortcut)
        self.note.setToolTip(tip("Why this passage matters; Ctrl+Return saves"))
        layout.addRow("&Note:", self.note)
        self.note.setPlainText(note or "")
        self.tags = QLineEdit(", ".join(tags), placeholderText="figures, follow-up (comma separated)")
        self.tags.setAccessibleName("Tags")
        layout.addRow("&Tags:", self.tags)
        add_ok_cancel(self, layout)

    def offer_tags(self, known: list[str]) -> None:
        """Complete the tag being typed from the tags in use: "Follow-up" and "follow up" made
        two tags of two colours where the analyst meant one."""
        self.tags.setCompleter(TagCompleter(known, self.tags))

    def values(self) -> tuple[str | None, tuple[str, ...]]:
        note = self.note.toPlainText().strip() or None
        tags = tuple(t.strip() for t in self.tags.text().split(",") if t.strip())
        return note, tags


class TagCompleter(QCompleter):
    """Completes the last of comma-separated tags, keeping the ones before it."""

    def __init__(self, known: list[str], field: QLineEdit):
        super().__init__(field)
        self.setModel(QStringListModel(known, self))  # parented: a model without one was collected
        self.field = field
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 - Qt's name
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index) -> str:  # noqa: N802 - Qt's name
        before = [t.strip() for t in self.field.text().split(",")[:-1] if t.strip()]
        return ", ".join([*before, str(index.data())]) if index.isValid() else self.field.text()


def _offer_tags(dialog, ws: Workspace) -> None:
    offer = getattr(dialog, "offer_tags", None)  # a test's stand-in dialog has none
    if offer is not None:
        offer([name for name, _count in tag_counts(ws)])


class AddAnnotationCommand(QUndoCommand):
    def __init__(self, ws: Workspace, source_id: int, start: int, end: int, note, tags, changed):
        super().__init__()
        name_step(self, "Annotate {}", passage_words(ws, source_id, start, end))
        self.ws, self.source_id, self.start, self.end = ws, source_id, start, end
        self.note, self.tags, self.changed = note, tags, changed
        self.annotation_id: int | None = None

    def redo(self) -> None:
        self.annotation_id = add_annotation(self.ws, self.source_id, self.start, self.end, self.note, self.tags)
        self.changed()

    def undo(self) -> None:
        if self.annotation_id is not None:  # as this window left it: never over a colleague's edit
            expected = last_written(self.ws, "annotation", self.annotation_id)
            delete_annotation(self.ws, self.annotation_id, reason="undo", expected=expected)
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
    if refuse_change(parent, ws):
        return None
    if source_id is None or selected is None:
        parent.statusBar().showMessage("Select a passage in the reader first, then annotate it.", 6000)
        return None
    try:
        text = get_source(ws, source_id).text
    except Gone as exc:  # a colleague deleted the source the reader still shows: who, and when
        show_refusal(parent, exc)
        return None
    start, end = snap_to_words(text, *selected)  # a drag that starts inside a word takes the whole word
    if end <= start:
        parent.statusBar().showMessage("Select some words in the reader first, then annotate them.", 6000)
        return None
    dialog = dialog_factory(parent, text[start:end])
    _offer_tags(dialog, ws)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    note, tags = dialog.values()
    return AddAnnotationCommand(ws, source_id, start, end, note, tags, changed)


class EditAnnotationCommand(QUndoCommand):
    """``before`` and ``after``: (note, tags) as they were and as the analyst wants them."""

    def __init__(
        self,
        ws: Workspace,
        annotation_id: int,
        before: tuple[str | None, tuple[str, ...]],
        after: tuple[str | None, tuple[str, ...]],
        changed,
        expected: int | None = None,
    ):
        super().__init__()
        name_step(self, "Edit annotation on {}", item_words(ws, "note", annotation_id))
        self.ws, self.annotation_id, self.changed, self.expected = ws, annotation_id, changed, expected
        self.before, self.after = before, after

    def redo(self) -> None:
        note, tags = self.after
        edit_annotation(self.ws, self.annotation_id, note, tags, expected=self._expected())
        self.expected = None  # an undo and a redo follow this connection's own writes
        self.changed()

    def undo(self) -> None:
        note, tags = self.before
        edit_annotation(self.ws, self.annotation_id, note, tags, reason="undo", expected=self._expected())
        self.changed()

    def _expected(self) -> int | None:
        """The revision the analyst saw, then the one this window last wrote: an undo or redo is
        refused when a colleague changed the annotation in between."""
        if self.expected is not None:
            return self.expected
        return last_written(self.ws, "annotation", self.annotation_id)


class DeleteAnnotationCommand(QUndoCommand):
    def __init__(self, ws: Workspace, annotation_id: int, changed, expected: int | None = None):
        super().__init__()
        name_step(self, "Delete annotation on {}", item_words(ws, "note", annotation_id))
        self.ws, self.annotation_id, self.changed, self.expected = ws, annotation_id, changed, expected
        self.kept: dict | None = None  # the annotation as it was, read when it is deleted

    def redo(self) -> None:
        self.kept = get_annotation(self.ws, self.annotation_id)
        expected = self.expected
        if expected is None:  # a redo after an undo: as this window left it
            expected = last_written(self.ws, "annotation", self.annotation_id)
        delete_annotation(self.ws, self.annotation_id, reason="deleted by the analyst", expected=expected)
        self.expected = None
        self.changed()

    def undo(self) -> None:
        if self.kept is not None:
            restore_annotation(self.ws, self.kept)
        self.changed()


def edit_annotation_command(parent, ws: Workspace, annotation_id: int, changed, dialog_factory=AnnotationDialog):
    """Ask for the annotation's new note and tags; None when cancelled or unchanged."""
    if refuse_change(parent, ws):
        return None
    kept = get_annotation(ws, annotation_id)
    dialog = dialog_factory(parent, kept["exact"], kept["note"] or "", tuple(kept["tags"]))
    _offer_tags(dialog, ws)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    before, after = (kept["note"], tuple(kept["tags"])), dialog.values()
    if after == before:
        return None
    return EditAnnotationCommand(ws, annotation_id, before, after, changed, kept["revision"])


def keep_refused_note(window, note: str | None) -> None:
    """A refused edit (a colleague changed or deleted the annotation): the analyst's words wait
    on the clipboard, as a refused briefing text's do."""
    if not note:
        return
    QApplication.clipboard().setText(note)
    bar = window.statusBar()
    said = bar.currentMessage().rstrip(".")
    bar.showMessage(f"{said}. Your note is on the clipboard.", 20000)


def say_noted(window, command: AddAnnotationCommand, saved: bool) -> None:
    """The status bar after Annotate Selection: the dialog closed and nothing else showed that the
    note was kept (the selection still covers its highlight). A refusal (the source went meanwhile)
    is said already: the words typed wait on the clipboard."""
    if not saved or command.annotation_id is None:
        keep_refused_note(window, command.note)
        return
    words = clipped(one_line(get_annotation(command.ws, command.annotation_id)["exact"]), 40)
    window.statusBar().showMessage(f"Note added to “{words}”. Undo (Ctrl+Z) takes it back.", 8000)


class NoteActions:
    """Edit Annotation… and Delete Annotation, from the Notes tab's and the Notes pane's menus."""

    def __init__(self, window):
        self.window = window
        window.panel.noteAction.connect(self.act)
        window.notes_dock.noteAction.connect(self.act)

    def current(self) -> int | None:
        """The annotation picked in the Notes pane while the keyboard is there, else the Notes tab's."""
        window = self.window
        table = window.notes_dock.table
        found = table.currentIndex().data(NoteRole) if table.hasFocus() and table.currentIndex().isValid() else None
        if found is not None:
            return found[0]
        item = window.panel.notes.currentItem()
        data = item.data(0, ItemRole) if item is not None else None
        return data[1] if data else None

    def act_on_current(self, action: str) -> None:
        """Edit Annotation… and Delete Annotation of the Edit menu."""
        annotation_id = self.current()
        if annotation_id is None:
            self.window.statusBar().showMessage("Select an annotation in the Notes tab or the Notes pane first.", 6000)
            return
        self.act(action, annotation_id)

    @refusing
    def act(self, action: str, annotation_id: int) -> None:
        window = self.window
        if action == "edit":
            command = edit_annotation_command(window, window.ws, annotation_id, window.after_edit)
            if command is not None and not window.push_command(lambda: command):
                keep_refused_note(window, command.after[0])
            return
        shown = window.panel.shown_note_revision(annotation_id)  # a colleague's edit since is not deleted unseen
        expected = shown or get_annotation(window.ws, annotation_id)["revision"]
        after = window.panel.listed_after("note", annotation_id)  # the Notes tab goes on down its list
        if window.push_command(lambda: DeleteAnnotationCommand(window.ws, annotation_id, window.after_edit, expected)):
            if after is not None:
                window.panel.pick("note", after)
            window.statusBar().showMessage("Deleted the annotation. Undo (Ctrl+Z) brings it back.", 6000)
