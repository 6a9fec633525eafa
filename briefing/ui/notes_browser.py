"""The Notes browser (View ▸ Notes, Ctrl+Shift+N): every annotation of the workspace with its
source, passage, note and tags, newest first; filtered by tag and by text; Enter or a
double-click opens the note in the reader; a row's context menu or a drag adds it to the briefing
note. Right-click a tag to choose its colour.

The table model holds the ids the store found and fetches rows a page at a time, as the
source list does, so ten thousand notes cost a list of ints.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefing.domain import BriefingError, clipped, inert_bidi, strip_bidi
from briefing.store.notes_list import NoteListRow, annotation_ids, annotation_rows, count_annotations, tag_counts
from briefing.ui.paging import RowPages
from briefing.ui.pane_heights import first_pane_height, open_bottom_pane
from briefing.ui.plain import plain_label, tip
from briefing.ui.tag_colours import TagColours
from briefing.ui.widgets import BRIEFING_MIME, arrows_into_list, item_mime, menu_key_at_current

NoteRole = Qt.ItemDataRole.UserRole + 1  # (annotation id, source id)
FilterRole = Qt.ItemDataRole.UserRole + 2  # of a tag row: ("all" | "untagged" | "tag", name)
COLUMNS = ("Source", "Passage", "Note", "Tags", "Added")
PAGE_SIZE = 200
CACHED_PAGES = 16
EXCERPT = 160
NOTES_ROWS = 2  # of notes in sight, at the least, when the pane opens on its own
EMPTY_HINT = (
    "No notes yet. Select a passage in the reader and choose Edit ▸ Annotate Selection… "
    "(Ctrl+Shift+A), or right-click it; every note and its tags gather here. "
    "New to Briefing? Help ▸ Getting Started."
)

if TYPE_CHECKING:
    from briefing.ui.main_window import MainWindow

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def excerpt(text: str | None, limit: int = EXCERPT) -> str:
    """One line of at most ``limit`` characters."""
    line = strip_bidi(" ".join((text or "").split()))
    return clipped(line, limit)


class NotesTableModel(QAbstractTableModel):
    """Annotation ids in view order plus a cache of row pages."""

    def __init__(
        self,
        fetch_ids: Callable[[], list[int]],
        fetch_rows: Callable[[list[int]], dict[int, NoteListRow]],
        colours: TagColours,
        parent: Any = None,
    ):
        super().__init__(parent)
        self._fetch_ids, self.colours = fetch_ids, colours
        self._ids: list[int] = []
        self._pages: RowPages[NoteListRow] = RowPages(fetch_rows, PAGE_SIZE, CACHED_PAGES)

    def reload(self) -> None:
        self.beginResetModel()
        self._ids = self._fetch_ids()
        self._pages.clear()
        self.endResetModel()

    def repaint(self) -> None:
        """Read the shown rows again (a colour or a note changed, not which notes there are)."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [BRIEFING_MIME]

    def mimeData(self, indexes) -> QMimeData:
        """A dragged row is the note as a briefing item (the briefing pane takes it)."""
        found = next((i.data(NoteRole) for i in indexes if i.isValid()), None)
        return item_mime("annotation", found[0]) if found is not None else QMimeData()

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        row = self.row(index.row())
        if row is None:
            return None
        if role == NoteRole:
            return row.id, row.source_id
        if role == Qt.ItemDataRole.DisplayRole:  # a received title's U+202E reverses nothing after it
            return inert_bidi(_display(row, index.column()))
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(inert_bidi(_tooltip(row, index.column())))
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 3 and row.tags:
            return QColor(self.colours.colour(row.tags[0]))
        return None

    def row(self, position: int) -> NoteListRow | None:
        return self._pages.row(self._ids, position)


def _display(row: NoteListRow, column: int) -> str:
    if column == 0:
        return excerpt(row.title or "(untitled)", 80)
    if column == 1:
        return ("⚠ " if row.anchor in ("altered", "orphaned") else "") + "“" + excerpt(row.exact) + "”"
    if column == 2:
        return excerpt(row.note)
    if column == 3:
        return ", ".join(strip_bidi(t) for t in row.tags)
    return row.created_at[:10]


def _tooltip(row: NoteListRow, column: int) -> str:
    if column == 1:
        where = {
            "moved": "\n(The passage moved in its source.)",
            "altered": "\n(A newer version of the source words this passage differently.)",
            "orphaned": "\n(The passage is no longer found in its source.)",
        }.get(row.anchor, "")
        return row.exact + where
    return (row.title or "(untitled)", "", row.note or "", ", ".join(row.tags), row.created_at)[column]


class NotesTable(QTableView):
    """Enter opens the current note, as a double-click does."""

    opened = Signal(QModelIndex)

    def __init__(self) -> None:
        super().__init__()
        self.setTabKeyNavigation(False)  # Tab leaves the list; it went from cell to cell, every note's five

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.opened.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class NotesDock(QDockWidget):
    """Emits ``opened("note", annotation id, source id)``."""

    opened = Signal(str, int, int)
    addToBriefing = Signal(str, int)  # "annotation", its id
    noteAction = Signal(str, int)  # "edit" | "delete", the annotation's id
    coloursChanged = Signal()

    def __init__(self, window: MainWindow):
        super().__init__("Notes", window)
        self.setObjectName("notes-dock")
        self.window_ = window
        self.colours = TagColours()
        self.tag: str | None = None
        self.untagged = False
        self.total = 0  # notes in the workspace, whatever the filter
        self.filter_timer = QTimer(self, singleShot=True, interval=200)
        self.filter_timer.timeout.connect(self.reload)
        self.model = NotesTableModel(self._ids, self._rows, self.colours, self)
        self.setWidget(self._build())

    # -- building ---------------------------------------------------------
    def _build(self) -> QWidget:
        self.tags = QListWidget()
        self.tags.setAccessibleName("Tags")
        self.tags.setToolTip("Show the notes with one tag; right-click a tag to choose its colour")
        self.tags.currentItemChanged.connect(lambda *_: self._tag_chosen())
        self.tags.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tags.customContextMenuRequested.connect(self._tag_menu)
        self.field = QLineEdit(placeholderText="Filter notes (note, passage, source title)")
        self.field.setAccessibleName("Filter notes")
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(lambda _: self.filter_timer.start())
        self.status = plain_label()
        self.status.setObjectName("notes-status")  # read by its words, not a name
        self.hint = plain_label(EMPTY_HINT, word_wrap=True)
        self.hint.setObjectName("notes-hint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.table = self._make_table()
        arrows_into_list(self.field, self.table)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.field, stretch=1)
        row.addWidget(self.status)
        column.addLayout(row)
        column.addWidget(self.hint, stretch=1)  # shown instead of the table: at the top
        column.addWidget(self.table, stretch=1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.tags)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([190, 1200])
        return split

    def _make_table(self) -> NotesTable:
        table = NotesTable()
        table.setAccessibleName("Notes")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        for column, width in ((0, 220), (3, 140), (4, 86)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            table.setColumnWidth(column, width)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        table.doubleClicked.connect(self.open_index)
        table.opened.connect(self.open_index)
        table.setDragEnabled(True)
        table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        menu_key_at_current(table)
        table.customContextMenuRequested.connect(self._row_menu)
        return table

    # -- data -------------------------------------------------------------
    def _workspace(self):
        """The window's workspace, or None while it is still opening."""
        try:
            return self.window_.ws
        except BriefingError:
            return None

    def _ids(self) -> list[int]:
        ws = self._workspace()
        if ws is None:
            return []
        return annotation_ids(ws, self.tag, self.field.text(), self.untagged)

    def _rows(self, ids: list[int]) -> dict[int, NoteListRow]:
        ws = self._workspace()
        return annotation_rows(ws, ids) if ws is not None else {}

    def attach(self, ws) -> None:
        """A workspace was opened: its tag colours, and its notes if the pane shows."""
        self.colours.use(ws.path)
        self.coloursChanged.emit()
        self.refresh_if_shown()

    def refresh_if_shown(self) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Read the tags and the notes again (after an edit, or when the pane is shown)."""
        self._fill_tags()
        self.reload()

    def reload(self) -> None:
        self.filter_timer.stop()
        self.model.reload()
        self._show_counts()

    def _fill_tags(self) -> None:
        ws = self._workspace()
        total, untagged = count_annotations(ws) if ws is not None else (0, 0)
        self.total = total
        self.tags.blockSignals(True)
        self.tags.clear()
        self._add_tag_row(f"All notes ({total})", ("all", ""))
        if untagged:
            self._add_tag_row(f"Untagged ({untagged})", ("untagged", ""))
        for name, count in tag_counts(ws) if ws is not None else []:
            item = self._add_tag_row(f"{strip_bidi(name)} ({count})", ("tag", name))
            item.setIcon(self.colours.icon(name))
        self._select_current_filter()
        self.tags.blockSignals(False)

    def _add_tag_row(self, text: str, key: tuple[str, str]) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setData(FilterRole, key)
        item.setToolTip(tip(text))
        self.tags.addItem(item)
        return item

    def _select_current_filter(self) -> None:
        wanted = ("untagged", "") if self.untagged else ("tag", self.tag) if self.tag else ("all", "")
        for row in range(self.tags.count()):
            kind, name = self.tags.item(row).data(FilterRole)
            if (kind, name.casefold()) == (wanted[0], (wanted[1] or "").casefold()):
                self.tags.setCurrentRow(row)
                return
        self.tag, self.untagged = None, False  # the tag is gone: all notes
        self.tags.setCurrentRow(0)

    def _show_counts(self) -> None:
        shown = self.model.rowCount()
        total = self.total
        self.hint.setVisible(total == 0)
        self.table.setVisible(total > 0)
        filtered = bool(self.tag or self.untagged or self.field.text().strip())
        if total == 0:
            self.status.setText("")
        elif filtered:
            self.status.setText(f"{shown} of {total} notes" if shown else "No notes match this filter")
        else:
            self.status.setText(f"{total} note{'s' if total != 1 else ''}")

    # -- acting -----------------------------------------------------------
    def show_notes(self) -> None:
        """View ▸ Notes: show the pane on top, the filter field focused. Opened where Search and
        Timeline are closed, the place is the pane's own: it takes their first height (a fifth of
        the window) with its filter, headings and ``NOTES_ROWS`` notes at the least. Qt's height
        for its lists, 188 pixels whatever the font, left the claims tab above 468 of a 1152x720
        window at 15 points, and the reader 11 lines."""
        if self.isVisible():
            self.refresh()  # else showing it refreshes it
        alone = self.isHidden() and open_bottom_pane(self.window_) is None
        self.show()
        if alone and not self.isFloating():
            height = max(first_pane_height(self.window_.height()), self.least_for_rows(NOTES_ROWS))
            self.window_.resizeDocks([self], [height], Qt.Orientation.Vertical)
        if self.window_.isVisible():  # raised before its window shows, a tab never comes up again
            self.raise_()
        self.field.setFocus()

    def least_for_rows(self, rows: int) -> int:
        """The pane's height with its filter, its headings and ``rows`` notes in sight."""
        table = self.table
        frame = 2 * table.frameWidth()
        least_rows = table.minimumSizeHint().height() - table.horizontalHeader().sizeHint().height() - frame
        return self.minimumSizeHint().height() + max(0, rows * table.verticalHeader().defaultSectionSize() - least_rows)

    def show_for_screenshot(self) -> None:
        """``briefing --screenshot --view notes``: the pane tall enough to read, its newest note
        open in the reader (nothing is added: a workspace without notes shows the empty pane)."""
        self.show_notes()
        self.refresh()  # the window is not shown yet, so neither is the pane
        QTimer.singleShot(0, self, self.raise_)  # once its window shows; dropped if the pane goes first
        self.window_.resizeDocks([self], [330], Qt.Orientation.Vertical)
        first = self.model.index(0, 0)
        if first.isValid():
            self.table.setCurrentIndex(first)
            self.open_index(first)

    def set_tag(self, tag: str | None, untagged: bool = False) -> None:
        self.tag, self.untagged = tag, untagged
        self.tags.blockSignals(True)
        self._select_current_filter()
        self.tags.blockSignals(False)
        self.reload()

    def _tag_chosen(self) -> None:
        item = self.tags.currentItem()
        kind, name = item.data(FilterRole) if item is not None else ("all", "")
        self.set_tag(name if kind == "tag" else None, kind == "untagged")

    def open_index(self, index: QModelIndex) -> None:
        found = index.data(NoteRole) if index.isValid() else None
        if found is not None:
            self.opened.emit("note", found[0], found[1])

    def _row_menu(self, point) -> None:
        menu = self.row_menu(self.table.indexAt(point))
        if menu is not None:
            menu.exec(self.table.viewport().mapToGlobal(point))
            menu.deleteLater()

    def row_menu(self, index: QModelIndex) -> QMenu | None:
        """Open in Reader, Edit Annotation…, Delete Annotation and Add to Briefing Note, for the note at ``index``."""
        found = index.data(NoteRole) if index.isValid() else None
        if found is None:
            return None
        menu = QMenu(self)
        menu.addAction("&Open in Reader").triggered.connect(lambda: self.open_index(index))
        menu.addAction("&Edit Annotation…").triggered.connect(lambda: self.noteAction.emit("edit", found[0]))
        menu.addAction("&Delete Annotation").triggered.connect(lambda: self.noteAction.emit("delete", found[0]))
        menu.addAction("Add to &Briefing Note").triggered.connect(
            lambda: self.addToBriefing.emit("annotation", found[0])
        )
        return menu

    def _tag_menu(self, point) -> None:
        item = self.tags.itemAt(point)
        if item is not None and item.data(FilterRole)[0] == "tag":
            menu = self.tag_menu(item.data(FilterRole)[1])
            menu.exec(self.tags.viewport().mapToGlobal(point))
            menu.deleteLater()

    def tag_menu(self, name: str) -> QMenu:
        """Colour… and Default Colour, for the tag ``name``."""
        menu = QMenu(self)
        menu.addAction("&Colour…").triggered.connect(lambda: self.choose_colour(name))
        default = menu.addAction("&Default Colour")
        default.setEnabled(self.colours.is_chosen(name))
        default.triggered.connect(lambda: self.set_colour(name, None))
        return menu

    def choose_colour(self, tag: str, ask=None) -> None:
        """Right-click a tag ▸ Colour…: ``ask`` (Qt's colour dialog) picks it; cancelled, nothing changes."""
        ask = ask or QColorDialog.getColor
        chosen = ask(QColor(self.colours.colour(tag)), self, f"Colour of the tag {strip_bidi(tag)}")
        if chosen.isValid():
            self.set_colour(tag, chosen.name())

    def set_colour(self, tag: str, colour: str | None) -> None:
        """Keep ``colour`` for ``tag`` (None: its default) and repaint the list, table and reader."""
        self.colours.set_colour(tag, colour)
        for row in range(self.tags.count()):
            kind, name = self.tags.item(row).data(FilterRole)
            if kind == "tag":
                self.tags.item(row).setIcon(self.colours.icon(name))
        self.model.repaint()
        self.coloursChanged.emit()

    def showEvent(self, event) -> None:
        self.refresh()  # the workspace may have changed while the pane was hidden
        super().showEvent(event)


def install_notes_dock(window: MainWindow) -> NotesDock:
    """The Notes pane beside Search and Timeline (hidden until View ▸ Notes); the reader paints
    each note in its first tag's colour."""
    dock = NotesDock(window)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    window.tabifyDockWidget(window.search_dock, dock)
    dock.hide()
    window.search_dock.raise_()  # hiding the new tab raised the timeline, which reads the workspace
    dock.opened.connect(window.open_item)
    dock.addToBriefing.connect(window.briefing_dock.add)
    window.reader.tag_colour = dock.colours.note_colour
    dock.coloursChanged.connect(lambda: window.reader.set_highlights(window.reader.highlights))
    return dock
