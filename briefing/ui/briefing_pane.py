"""The briefing pane: compose a note from items picked anywhere in the app, reorder them by
drag, write Markdown sections, see a live preview and export it in five formats.

Items arrive by the Briefing menu (Ctrl+B adds what is selected), the side panels' context
menus and drag and drop (``widgets.BRIEFING_MIME``: "kind:id"). Every change is an undoable command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QFocusEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefing.domain import BriefingError, clipped, counted
from briefing.export.note import cautions_line
from briefing.note_content import BriefingNote
from briefing.store.briefings import list_briefings, read_briefing
from briefing.store.history import given_name
from briefing.ui.briefing_commands import (
    AddItem,
    CreateNote,
    DeleteNote,
    RemoveItem,
    edit_details_command,
    edit_text_command,
    move_item_command,
)
from briefing.ui.briefing_details import DetailsDialog, one_line_details
from briefing.ui.briefing_items import ItemIdRole, ItemList, row_text
from briefing.ui.export_dialog import SUFFIXES, ask_export_target
from briefing.ui.passage_items import AddPassage, RemovePassage
from briefing.ui.plain import InertDocument, as_sentence, ask, confirm_delete, isolated, tip, warn
from briefing.ui.read_only import refuse_change
from briefing.ui.refusals import refused_as_dismissed
from briefing.ui.widgets import add_buttons

if TYPE_CHECKING:  # the exporters (markdown, python-docx, Qt's PDF writer) load on first use
    from briefing.export.note import RenderedNote
    from briefing.store import Workspace
    from briefing.ui.main_window import MainWindow

EMPTY_HELP = (
    "No briefing note yet. Click New… to start one, then add quotes, claims, notes and "
    "entities with Ctrl+B, their context menus, or by dragging them here. "
    "New to Briefing? Help ▸ Getting Started."
)

EMPTY_NOTE_HELP = (
    "This note is empty. Select a quote, claim, note or entity anywhere in the window and press "
    "Ctrl+B (or use its context menu, or drag it here); Add Text writes a section of your own."
)
MIN_ITEM_LINES = 8  # lines of the note's item list that always show


class BriefingDock(QDockWidget):
    def __init__(self, window: MainWindow):
        super().__init__("Briefing Note", window)
        self.setObjectName("briefing")
        self.window_ = window
        self.note: BriefingNote | None = None
        self.rendered: RenderedNote | None = None
        # the text item the editor holds and its words as stored: what differs is not saved yet
        self.editing: tuple[int, str] | None = None
        self.previewed: int | None = None  # the note the preview shows
        self.warned: tuple[int, str] | None = None  # the note and the warning the status bar gave
        self.preview_timer = QTimer(self, singleShot=True, interval=150)
        self.preview_timer.timeout.connect(self.update_preview)
        self.setWidget(self._build())
        window.installEventFilter(self)  # closing the window saves the section being written
        if window.attached:
            self.refresh()

    @property
    def ws(self) -> Workspace:
        """The window's workspace (a BriefingError until it is attached)."""
        return self.window_.ws

    def attach(self, ws: Workspace) -> None:
        """The workspace, opened after the window first painted (the window holds it)."""
        self.refresh()

    # -- building ---------------------------------------------------------
    def _build(self) -> QWidget:
        body = QWidget()
        layout = QVBoxLayout(body)
        # the note's name on a row of its own and two short rows of buttons: at 1280x800 one row
        # of each made the pane so wide that the window grew past the screen's edge
        self.notes = QComboBox()
        self.notes.setAccessibleName("Briefing notes")
        self.notes.setToolTip("The briefing note you are composing")
        self.notes.currentIndexChanged.connect(lambda _: self._show_selected())
        layout.addWidget(self.notes)
        top = QHBoxLayout()
        # Alt+letters only where no menu or tab has them; the Briefing menu has every command
        add_buttons(
            top,
            (
                ("Ne&w…", "Start a new briefing note", self.new_note),
                ("Details…", "Title, audience, date and author", self.edit_details),
                ("E&xport…", "Export as Markdown, HTML, PDF, Word or JSON", self.export),
            ),
            narrow=True,
        )
        layout.addLayout(top)
        self.help = QLabel(EMPTY_HELP)
        self.help.setWordWrap(True)
        layout.addWidget(self.help)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._items_box())
        self.preview = QTextBrowser()
        self.preview.setDocument(InertDocument(self.preview))  # loads no file an <img src> names
        self.preview.setAccessibleName("Preview of the briefing note")
        self.preview.setOpenLinks(False)  # a link opens only after the analyst has seen where it goes
        self.preview.anchorClicked.connect(self.open_link)
        splitter.addWidget(self.preview)
        splitter.setSizes([320, 420])
        layout.addWidget(splitter, stretch=1)
        return body

    def _items_box(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.items = ItemList()
        # room for a few items when the text editor opens under them (it left about two lines)
        self.items.setMinimumHeight(self.items.fontMetrics().lineSpacing() * MIN_ITEM_LINES)
        self.items.moved.connect(self.move_item)
        self.items.stepped.connect(self.step)
        self.items.removing.connect(self.remove_selected)
        self.items.dropped.connect(lambda kind, ref, row: self.add(kind, ref, position=row))
        self.items.currentItemChanged.connect(lambda *_: self._item_selected())
        # above the list, two by two: the text editor opening under the list never moves them,
        # and a narrow pane keeps the window within a 1280x800 screen
        adding, moving = QHBoxLayout(), QHBoxLayout()
        add_buttons(
            adding,
            (
                ("Add Text", "Add a section you write in Markdown", self.add_text),
                ("Remove", "Remove the selected item from the note (Delete)", self.remove_selected),
            ),
            narrow=True,
        )
        add_buttons(
            moving,
            (
                ("Move Up", "Move the selected item up (Ctrl+Up in the list)", lambda: self.step(-1)),
                ("Move Down", "Move the selected item down (Ctrl+Down in the list)", lambda: self.step(1)),
            ),
            narrow=True,
        )
        layout.addLayout(adding)
        layout.addLayout(moving)
        layout.addWidget(self.items, stretch=1)
        self.editor = QPlainTextEdit(placeholderText="Write this section in Markdown")
        self.editor.setAccessibleName("Text section")
        self.editor.setMaximumHeight(140)
        self.editor.installEventFilter(self)  # leaving the editor saves what was written
        self.save_text = QPushButton("Save Text")
        self.save_text.setToolTip(tip("Save the section (Ctrl+Return); leaving the editor saves it too"))
        QShortcut(QKeySequence("Ctrl+Return"), self.editor, self.save_editor, context=Qt.ShortcutContext.WidgetShortcut)
        self.save_text.clicked.connect(self.save_editor)
        layout.addWidget(self.editor)
        layout.addWidget(self.save_text, alignment=Qt.AlignmentFlag.AlignRight)
        self._show_editor(False)
        return box

    # -- showing ----------------------------------------------------------
    def current_id(self) -> int | None:
        value = self.notes.currentData()
        return value if isinstance(value, int) else None

    def refresh(self, briefing_id: int | None = None) -> None:
        """Refill the list of notes and show ``briefing_id`` (default: the one shown now)."""
        wanted = briefing_id if briefing_id is not None else self.current_id()
        self.notes.blockSignals(True)
        self.notes.clear()
        for row in list_briefings(self.ws):
            self.notes.addItem(f"{isolated(row.title)} ({row.items})", row.id)
        index = self.notes.findData(wanted) if wanted is not None else -1
        self.notes.setCurrentIndex(index if index >= 0 else 0)
        self.notes.blockSignals(False)
        self._show_selected()

    def _show_selected(self) -> None:
        briefing_id = self.current_id()
        selected = self.items.currentItem().data(ItemIdRole) if self.items.currentItem() else None
        # the row of an item that goes (removed, or undone): its neighbour takes the selection
        row_before = self.items.currentRow() if self.note is not None and self.note.id == briefing_id else -1
        draft = self.unsaved_text()  # an edit elsewhere (Ctrl+B, an undo) keeps the words being written
        self.items.clear()
        self.note = self.rendered = None
        self.help.setText(EMPTY_HELP)
        self.help.setVisible(briefing_id is None)
        if briefing_id is None:
            self.preview.clear()
            return
        try:
            self.note = read_briefing(self.ws, briefing_id)
        except BriefingError as exc:
            self.window_.statusBar().showMessage(str(exc), 8000)
            return
        if not self.note.items:  # a new note: how to fill it, where the items will be
            self.help.setText(EMPTY_NOTE_HELP)
            self.help.setVisible(True)
        from briefing.export.formats import render_workspace_note

        self.rendered = render_workspace_note(self.ws, self.note)
        for section in self.rendered.sections:
            row = QListWidgetItem(row_text(section))
            row.setData(ItemIdRole, section.item.id)
            row.setToolTip(tip("\n".join((*section.cautions, *section.flags)) or row_text(section)))
            if section.flags or section.cautions:
                row.setForeground(Qt.GlobalColor.red)
            self.items.addItem(row)
            if section.item.id == selected:
                self.items.setCurrentItem(row)
        if self.items.currentItem() is None and row_before >= 0 and self.items.count():
            self.items.setCurrentRow(min(row_before, self.items.count() - 1))
        if draft is not None and self.editing is not None and self.editing[0] == draft[0]:
            self.editor.setPlainText(draft[1])
        self._say_warnings(briefing_id)
        self.preview_timer.start()

    def _say_warnings(self, briefing_id: int) -> None:
        """Say in the status bar what in the note no longer holds, once for each change of it:
        not over each later message (a refusal, why an undo step was dropped)."""
        if self.note is None or self.rendered is None:
            return
        warnings = []
        if self.note.problems():
            count = len(self.note.problems())
            warnings.append(f"{counted(count, 'passage')} in this note no longer match their sources word for word")
        if self.rendered.cautioned():
            warnings.append(cautions_line(self.rendered.cautioned()))
        said = (briefing_id, as_sentence("; ".join(warnings)) + ": see the items in red.") if warnings else None
        bar = self.window_.statusBar()
        if said is not None and said != self.warned:
            bar.showMessage(said[1], 10000)
        elif said is None and self.warned is not None and bar.currentMessage() == self.warned[1]:
            bar.clearMessage()  # what it warned of is gone (an undo, the source restored): it would mislead
        self.warned = said

    def update_preview(self) -> None:
        if self.rendered is not None:
            from briefing.export.html import render_html
            from briefing.export.pdf import read_right_to_left
            from briefing.ui.preview_page import page_stylesheet

            bar = self.preview.verticalScrollBar()
            # the same note after an edit stays where the analyst was reading; another starts at its top
            kept = bar.value() if self.rendered.note.id == self.previewed else 0
            # no language guess for a page no reader receives: it would load the identifier in the window
            self.preview.setHtml(render_html(self.rendered, page_stylesheet(self.preview.palette()), "und"))
            read_right_to_left(self.preview.document())  # Qt reads no dir="auto": a Hebrew title as the PDF shows it
            self.preview.document().documentLayout().documentSize()  # laid out now, so the bar reaches
            bar.setValue(kept)
            self.previewed = self.rendered.note.id

    def open_link(self, url: QUrl) -> None:
        """A clicked link: say where it goes, open it in the browser only when the analyst agrees."""
        if url.scheme() not in ("http", "https", "mailto"):
            self.window_.statusBar().showMessage(f"Not opened: {url.toString()}", 8000)
            return
        if ask(self, "Open Link", f"Open this address in your web browser?\n\n{url.toString()}"):
            QDesktopServices.openUrl(url)

    def _item_selected(self) -> None:
        item = self._selected_item()
        is_text = item is not None and item.kind == "text"
        self._show_editor(is_text)
        self.editing = (item.id, item.body or "") if is_text and item is not None else None
        if self.editing is not None:
            self.editor.setPlainText(self.editing[1])

    def unsaved_text(self) -> tuple[int, str] | None:
        """The text item being written and its words, when they differ from the stored ones."""
        if self.editing is None or self.editor.toPlainText() == self.editing[1]:
            return None
        return self.editing[0], self.editor.toPlainText()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Save the section being written when the analyst leaves the editor (not for a menu or
        another window: the words stay in the editor) and when the window closes."""
        if event.type() == QEvent.Type.FocusOut and watched is self.editor and isinstance(event, QFocusEvent):
            if event.reason() not in (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason):
                self.save_editor()
        elif event.type() == QEvent.Type.Close and watched is self.window_:
            self.save_editor()
        return False

    def _show_editor(self, visible: bool) -> None:
        self.editor.setVisible(visible)
        self.save_text.setVisible(visible)

    def _selected_item(self):
        row = self.items.currentItem()
        if row is None or self.note is None:
            return None
        return next((i for i in self.note.items if i.id == row.data(ItemIdRole)), None)

    # -- editing ----------------------------------------------------------
    def _changed(self, briefing_id: int | None) -> None:
        self.refresh(briefing_id)

    def _push(self, make) -> bool:
        return self.window_.push_command(make)

    def ensure_note(self) -> int | None:
        """The note being composed; offers to start one when there is none."""
        if self.current_id() is None:
            self.new_note()
        return self.current_id()

    def add(self, kind: str, ref_id: int | None, body: str | None = None, position: int | None = None) -> None:
        if kind == "claim" and isinstance(ref_id, int) and refused_as_dismissed(self.window_, ref_id):
            return  # dismissed since the list, a search or a drag showed it: who, and when
        self.save_editor()  # the section being written first: the new item is selected
        briefing_id = self.ensure_note()
        if briefing_id is None:
            return
        command = AddItem(self.ws, briefing_id, kind, ref_id, body, position, self._changed)
        self.show()
        self.raise_()
        if self._push(lambda: command):  # a refusal ("already item 3 of the note") is in the status bar
            self._select(command.item_id)
            self.window_.statusBar().showMessage(f"Added to “{isolated(self.note.title) if self.note else ''}”.", 5000)

    def _select(self, item_id: int | None) -> None:
        """Select the item (one just added) and bring its row into sight."""
        for row in range(self.items.count()):
            if self.items.item(row).data(ItemIdRole) == item_id:
                self.items.setCurrentRow(row)
                self.items.scrollToItem(self.items.item(row))

    def add_passage(self, source_id: int, start: int, end: int) -> bool:
        """Add the words of a source between ``start`` and ``end`` as a passage item; False when
        there is no note or the store refused it (the reason is in the status bar)."""
        self.save_editor()  # the section being written first: the new item is selected
        briefing_id = self.ensure_note()
        if briefing_id is None:
            return False
        command = AddPassage(self.ws, briefing_id, source_id, start, end, None, self._changed)
        added = self.window_.push_command(lambda: command)
        if added:
            self.show()
            self.raise_()
            self._select(command.item_id)
        return added

    def add_text(self) -> None:
        self.add("text", None, "New section: write it here in Markdown.")
        if self.editing is not None:  # the new section, selected
            self.editor.setFocus()
            self.editor.selectAll()

    def save_editor(self) -> None:
        draft = self.unsaved_text()
        item = next((i for i in self.note.items if i.id == draft[0]), None) if draft and self.note else None
        if item is None or item.kind != "text" or self.note is None:
            return
        text = self.editor.toPlainText()
        if text != (item.body or ""):
            note_id = self.note.id
            saved = self._push(
                lambda: edit_text_command(
                    self.ws, note_id, item.id, item.body or "", text, self._changed, item.revision
                )
            )
            if not saved:  # refused (a colleague's newer text is shown now): the analyst's words are kept
                QApplication.clipboard().setText(text)
                self._item_selected()  # the stored words in the editor, not the refused ones
                bar = self.window_.statusBar()
                bar.showMessage(f"{bar.currentMessage()} Your text is on the clipboard.", 20000)

    def remove_selected(self) -> None:
        item = self._selected_item()
        if item is not None and self.note is not None:
            note_id = self.note.id
            if item.kind == "passage":
                self._push(lambda: RemovePassage(self.ws, note_id, item, self._changed))
            else:
                self._push(lambda: RemoveItem(self.ws, note_id, item.id, self._changed, item.revision))

    def step(self, delta: int) -> None:
        item = self._selected_item()
        if item is not None:
            self.move_item(item.id, item.position + delta)

    def move_item(self, item_id: int, position: int) -> None:
        if self.note is None:
            return
        item = next((i for i in self.note.items if i.id == item_id), None)
        position = max(0, min(position, len(self.note.items) - 1))
        if item is None or position == item.position:
            return
        note_id = self.note.id
        self._push(
            lambda: move_item_command(self.ws, note_id, item_id, item.position, position, self._changed, item.revision)
        )

    def new_note(self, values: dict[str, str | None] | None = None) -> None:
        if refuse_change(self, self.ws):
            return
        self.save_editor()  # into the note it was written for
        if values is None:
            suggested = {"title": "Untitled briefing note", "author": given_name()}  # signed by its analyst
            dialog = DetailsDialog(self, "New Briefing Note", suggested, self._titles())
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            values = dialog.values()
        details = values
        self._push(lambda: CreateNote(self.ws, details, self._changed))
        self.show()
        self.raise_()

    def edit_details(self, values: dict[str, str | None] | None = None) -> None:
        if self.note is None:
            self.new_note()
            return
        note = self.note
        old = {"title": note.title, "audience": note.audience, "date": note.date, "author": note.author}
        if refuse_change(self, self.ws):
            return
        if values is None:
            dialog = DetailsDialog(self, "Briefing Note Details", old, self._titles(note.id))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            values = dialog.values()
        new = values
        undo = one_line_details(old)  # the store refuses the line breaks of an older workspace's details
        self._push(lambda: edit_details_command(self.ws, note.id, undo, new, self._changed))

    def _titles(self, besides: int | None = None) -> frozenset[str]:
        """The titles of the notes (but ``besides``), in lower case: a new title must differ."""
        return frozenset(row.title.lower() for row in list_briefings(self.ws) if row.id != besides)

    def delete_note(self, confirmed: bool = False) -> None:
        if self.note is None:
            return
        self.save_editor()  # an undo brings the note back with it
        if not confirmed and not confirm_delete(
            self, "Delete Briefing Note", f"Delete “{_named(self.note.title)}”? Edit ▸ Undo brings it back."
        ):
            return
        note_id = self.note.id
        self._push(lambda: DeleteNote(self.ws, note_id, self._changed))

    def export(self, target: str | None = None, fmt: str | None = None) -> None:
        """Export the note; without ``target`` a file dialog asks where and in which format
        (``export_dialog``: the typed extension decides, the last folder is offered)."""
        if self.note is None:
            self.window_.statusBar().showMessage("Start a briefing note first (Briefing ▸ New Briefing Note…).", 8000)
            return
        self.save_editor()  # the file has the section as the analyst sees it
        if target is None:
            chosen = ask_export_target(self, self.note.title)
            if chosen is None:
                return
            target, fmt = chosen
        fmt = fmt or next((f for f, suffix in SUFFIXES.items() if target.lower().endswith(suffix)), "md")
        if not target.lower().endswith(SUFFIXES[fmt]):
            target += SUFFIXES[fmt]
        from briefing.export.formats import export_briefing

        try:
            missing = export_briefing(self.ws, self.note.id, fmt, target)
        except BriefingError as exc:
            warn(self, "Export Failed", str(exc))
            return
        problems = len(self.note.problems())
        flagged = f"; {problems} passage{'s' if problems != 1 else ''} flagged as not verified" if problems else ""
        shortfall = f"; {missing}" if missing else ""
        empty = "; the note has no items yet, only its title" if not self.note.items else ""
        message = f"Exported “{isolated(self.note.title)}” to {target}{empty}{flagged}{shortfall}."
        self.window_.statusBar().showMessage(message, 20000 if missing else 10000)


def _named(title: str) -> str:
    """A note's title in a question: a received one may run to pages, or turn around what follows
    a bidi override."""
    return isolated(clipped(title, 160))
