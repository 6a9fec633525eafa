"""The source list's table model: one row per source, counts included."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from briefing.domain import SourceRow

SourceIdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2

COLUMNS = ("Title", "Outlet", "Published", "Grade", "Quotes", "Claims")
_NUMERIC = {4, 5}

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class SourceTableModel(QAbstractTableModel):
    """Rows come from the store as ``SourceRow`` records; the model keeps no SQL."""

    def __init__(self, rows: list[SourceRow] | None = None, parent: Any = None):
        super().__init__(parent)
        self._rows: list[SourceRow] = list(rows or [])

    def set_rows(self, rows: list[SourceRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def source_id(self, row: int) -> int:
        return self._rows[row].id

    def row_of(self, source_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == source_id), None)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column)
        if role == SortRole:
            value = _cells(row)[column]
            return value if value is not None else ("" if column not in _NUMERIC else -1)
        if role == SourceIdRole:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return row.title or "(untitled)"
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC | {3}:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


def _cells(row: SourceRow) -> tuple[Any, ...]:
    return (row.title, row.outlet, row.published, row.reliability, row.quote_count, row.claim_count)


def _display(row: SourceRow, column: int) -> str:
    value = _cells(row)[column]
    if column == 0 and not value:
        return "(untitled)"
    return "" if value is None else str(value)
