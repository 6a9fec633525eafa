"""The source list's table model: ids in view order, rows fetched page by page.

The model keeps only the ids of the sources shown, in the order the store
sorted and filtered them; the columns of a row are fetched by id, a page at a
time, when the view paints it, so a million sources cost a list of ints.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView

from briefing.domain import SourceRow, strip_bidi
from briefing.ui.paging import RowPages
from briefing.ui.plain import tip

SourceIdRole = Qt.ItemDataRole.UserRole + 1
AnalysedRole = Qt.ItemDataRole.UserRole + 2  # False: this version's analysis has not run on the source
NOT_ANALYSED_MARK = "–"  # in the Quotes and Claims columns: nothing found yet, not zero found
NOT_ANALYSED_TIP = (
    "Not analysed: its entities, quotes and claims have not been found yet (or were found by an older "
    "version). Source ▸ Analyse Now analyses every source waiting."
)

QUEUED_MARK = "Queued · "  # before the title of a source waiting for a team worker (ui.team_queue)
QUEUED_TIP = (
    "Waiting for a team worker: its analysis is queued, and its entities, quotes and claims show "
    "once a worker (briefing worker) saves it."
)

COLUMNS = ("Title", "Outlet", "Published", "Grade", "Quotes", "Claims")
ORDER_KEYS = ("title", "outlet", "published", "grade", "quotes", "claims")
PAGE_SIZE = 200
CACHED_PAGES = 32
_NUMERIC = {4, 5}

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
FetchIds = Callable[[str, bool, str], list[int]]
FetchRows = Callable[[list[int]], Mapping[int, SourceRow]]


class SourceTableModel(QAbstractTableModel):
    """Ids plus a cache of row pages; sorting and filtering happen in the store."""

    def __init__(self, fetch_ids: FetchIds, fetch_rows: FetchRows, parent: Any = None):
        super().__init__(parent)
        self._fetch_ids = fetch_ids
        self._ids: list[int] = []
        self._pages: RowPages[SourceRow] = RowPages(fetch_rows, PAGE_SIZE, CACHED_PAGES)
        self.order, self.descending, self.text = "published", True, ""
        self.loaded = False  # ids are read on the first reload(), not by each view set-up call
        self.waiting: frozenset[int] = frozenset()  # sources whose analysis waits for a team worker

    def reload(self) -> None:
        self.beginResetModel()
        self.loaded = True
        self._ids = self._fetch_ids(self.order, self.descending, self.text)
        self._pages.clear()
        self.endResetModel()

    def refresh_rows(self) -> None:
        """Read the shown rows again (an edit changed their columns, not which rows there are)."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    def set_waiting(self, source_ids: list[int]) -> None:
        """Mark these sources as waiting for a team worker (while they are not analysed)."""
        waiting = frozenset(source_ids)
        if waiting == self.waiting:
            return
        self.waiting = waiting
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    def set_filter(self, text: str) -> None:
        self.text = text
        self.reload()

    def source_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, source_id: int) -> int | None:
        try:
            return self._ids.index(source_id)
        except ValueError:
            return None

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(ORDER_KEYS):
            return
        wanted = (ORDER_KEYS[column], order == Qt.SortOrder.DescendingOrder)
        if self.loaded and wanted == (self.order, self.descending):
            return  # the view asks again for the order it has (reload() reads afresh)
        self.order, self.descending = wanted
        if not self.loaded:
            return  # the view's set-up sorts before there is anything to show
        self.layoutAboutToBeChanged.emit()
        before = self._ids
        self._ids = self._fetch_ids(self.order, self.descending, self.text)
        self._pages.clear()
        self._follow_rows(before)
        self.layoutChanged.emit()

    def _follow_rows(self, before: list[int]) -> None:
        """Move the view's current row and selection with their sources when the rows reorder
        (else the highlight stays at its row number, on another source, and Source ▸ actions
        would act on it rather than on the source being read)."""
        rows = {source_id: row for row, source_id in enumerate(self._ids)}
        old = self.persistentIndexList()
        new = []
        for index in old:
            row = rows.get(before[index.row()]) if 0 <= index.row() < len(before) else None
            new.append(self.index(row, index.column()) if row is not None else QModelIndex())
        self.changePersistentIndexList(old, new)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == SourceIdRole:
            return self._ids[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter) if index.column() in _NUMERIC | {3} else None
        if role not in _ROW_ROLES:
            return None
        row = self._row(index.row())
        if row is None:
            return None
        analysed = getattr(row, "analysed", True)
        if role == AnalysedRole:
            return analysed
        queued = not analysed and self._ids[index.row()] in self.waiting
        if role == Qt.ItemDataRole.DisplayRole:
            if analysed or index.column() not in _NUMERIC:
                return (QUEUED_MARK if queued and index.column() == 0 else "") + _display(row, index.column())
            return NOT_ANALYSED_MARK
        if analysed:
            return tip(_title_tip(row)) if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0 else None
        return _not_analysed(row, index.column(), role, queued)

    def _row(self, position: int) -> SourceRow | None:
        return self._pages.row(self._ids, position)


_ROW_ROLES = {
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.AccessibleDescriptionRole,
    AnalysedRole,
}


def _not_analysed(row: SourceRow, column: int, role: int, queued: bool = False) -> Any:
    """How a source the analysis has not run on looks: an empty circle before its title in italics
    (the counts' columns may be hidden in a narrow window), a dash for its counts in the muted text
    colour, and a tooltip that says why and what to do (or that a team worker will: ``queued``)."""
    if role == Qt.ItemDataRole.ToolTipRole:
        why = QUEUED_TIP if queued else NOT_ANALYSED_TIP
        return tip(_title_tip(row) + "\n\n" + why if column == 0 else why)
    if role == Qt.ItemDataRole.AccessibleDescriptionRole:
        return "waiting for a team worker" if queued else "not analysed"
    if role == Qt.ItemDataRole.ForegroundRole and column in _NUMERIC:
        return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
    if role == Qt.ItemDataRole.FontRole and column == 0:
        font = QFont()
        font.setItalic(True)
        return font
    if role == Qt.ItemDataRole.DecorationRole and column == 0:
        return not_analysed_icon()
    return None


def shown_title(row: SourceRow) -> str:
    """The title, or for a source without one "(untitled) · " and the name of the file imported."""
    if row.title:
        return strip_bidi(row.title)  # a received title's U+202E would show the rest of it reversed
    name = getattr(row, "file_name", None)
    return f"(untitled) · {name}" if name else "(untitled)"


def _title_tip(row: SourceRow) -> str:
    version = getattr(row, "version", 1)
    if version == 1:
        return shown_title(row)
    return (
        f"{shown_title(row)}\n\nVersion {version}: a newer copy of an article imported before. "
        "Source ▸ Compare with Previous Version… shows what changed."
    )


def not_analysed_icon() -> QIcon:
    """An empty circle in the muted text colour (the selection's text colour when selected):
    nothing found in the source yet."""
    palette = QApplication.palette()
    muted = palette.color(QPalette.ColorRole.PlaceholderText)
    selected = palette.color(QPalette.ColorRole.HighlightedText)
    key = (muted.rgba(), selected.rgba())
    if key not in _ICONS:
        icon = QIcon()
        icon.addPixmap(_circle(muted), QIcon.Mode.Normal)
        icon.addPixmap(_circle(selected), QIcon.Mode.Selected)
        _ICONS[key] = icon
    return _ICONS[key]


def _circle(colour: QColor) -> QPixmap:
    ratio, size = 2.0, 12  # drawn at twice the size: sharp on high-DPI screens, smooth when scaled down
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, 1.5))
    painter.drawEllipse(2, 2, size - 4, size - 4)
    painter.end()
    return pixmap


_ICONS: dict[tuple[int, int], QIcon] = {}


def _display(row: SourceRow, column: int) -> str:
    value = (row.title, row.outlet, row.published, row.reliability, row.quote_count, row.claim_count)[column]
    if column == 0:
        return version_mark(row) + shown_title(row)
    return "" if value is None else strip_bidi(str(value))


def version_mark(row: SourceRow) -> str:
    """'v2 · ' before the title of a newer version of an article ('' for the first)."""
    version = getattr(row, "version", 1)
    return f"v{version} · " if version > 1 else ""


def source_table(model: SourceTableModel) -> QTableView:
    """The source list: rows selected whole, sorted newest first, the title taking the room left."""
    table = QTableView()
    table.setAccessibleName("Sources")
    table.setModel(model)
    table.setSortingEnabled(True)
    table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # Tab leaves the list; it went from cell to cell, opening sources
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column, width in ((1, 130), (2, 86), (3, 48), (4, 54), (5, 54)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(column, width)
    return table
