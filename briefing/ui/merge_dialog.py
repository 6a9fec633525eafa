"""The Merge Into… dialog: the entity's likely duplicates first, each with the reason it is
proposed, then the names that look alike but probably are someone else, then every other
entity; one filter field narrows all three. Each row counts the sources that mention the
entity, which tells two entities of one name apart (the "Pence" of twelve sources, and of one).

The rows are one flat table model over plain lists, read as the view draws them: a workspace
has thousands of entities; an item per cell took most of a second to build, and a filter proxy
under a tree view two seconds per key typed (the tree laid out its rows again for each stretch
the filter hid). A filter is one reset of the model; a table view reads only the rows in sight."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefing.domain import inert_bidi
from briefing.store.entity_candidates import MergeCandidate
from briefing.ui.plain import plain_label, tip
from briefing.ui.widgets import arrows_into_list

EntityIdRole = Qt.ItemDataRole.UserRole + 1  # a row's entity id; group rows have none
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class _Row(NamedTuple):
    entity_id: int
    cells: tuple[str, str, str, str]  # entity, type, sources, why: as shown
    key: str  # the name, casefolded, for the filter


class _Group:
    def __init__(self, title: str, rows: list[_Row]):
        self.title = title
        self.rows = rows
        self.shown = rows

    def label(self) -> str:
        """'All other entities (3 of 415)' while a filter leaves 3 of them."""
        shown, total = len(self.shown), len(self.rows)
        return f"{self.title} ({shown} of {total})" if shown < total else f"{self.title} ({total})"


_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled  # a group's title: not selectable
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class _Groups(QAbstractTableModel):
    """The groups' titles and rows in one flat list, a filter on the name; a group without a
    row left is not shown. A table view reads only the rows it draws (a tree view lays out every
    row of an open group, a call into Python for each)."""

    HEADERS = ("Entity", "Type", "Sources", "Why")

    def __init__(self, groups: list[_Group], parent: QObject | None = None):
        super().__init__(parent)
        self.groups = groups
        self.lines: list[_Group | _Row] = []
        self._lay_out()

    def set_filter(self, text: str) -> None:
        wanted = text.casefold()
        self.beginResetModel()
        for group in self.groups:
            group.shown = [r for r in group.rows if wanted in r.key] if wanted else group.rows
        self._lay_out()
        self.endResetModel()

    def _lay_out(self) -> None:
        self.lines = []
        for group in self.groups:
            if group.shown:
                self.lines.append(group)
                self.lines.extend(group.shown)

    def visible(self) -> list[_Group]:
        return [line for line in self.lines if isinstance(line, _Group)]

    def group_rows(self) -> list[int]:
        return [n for n, line in enumerate(self.lines) if isinstance(line, _Group)]

    def row_of(self, index: Index) -> _Row | None:
        line = self.lines[index.row()] if index.isValid() else None
        return line if isinstance(line, _Row) else None

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _GROUP_FLAGS if isinstance(self.lines[index.row()], _Group) else _ROW_FLAGS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line, column = self.lines[index.row()], index.column()
        if isinstance(line, _Group):
            if role == Qt.ItemDataRole.DisplayRole:
                return line.label() if column == 0 else ""
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return ("    " if column == 0 else "") + line.cells[column]  # under its group's title
        if role == EntityIdRole and column == 0:
            return line.entity_id
        if role == Qt.ItemDataRole.ToolTipRole and line.cells[3] and column in (0, 3):
            return tip(line.cells[column])
        return None


class MergeDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        name: str,
        kind: str,
        candidates: list[MergeCandidate],
        everyone: list[tuple[int, str, str]],
        sources: Mapping[int, int] | None = None,
        own_sources: int | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle("Merge Entity")
        self.resize(820, 540)
        self.sources = sources or {}
        layout = QVBoxLayout(self)
        counted = f", {_sources(own_sources)}" if own_sources is not None else ""
        layout.addWidget(plain_label(f"Merge “{name}” ({kind}{counted}) into the entity you choose:", word_wrap=True))
        self.filter = QLineEdit(placeholderText="Filter by name")
        self.filter.setAccessibleName("Filter entities")
        self.filter.setClearButtonEnabled(True)
        layout.addWidget(self.filter)
        self.model = _Groups(self._groups(candidates, everyone), self)
        self.filter.textChanged.connect(self._filter)
        self.view = QTableView()
        self.view.setAccessibleName("Entities to merge into")
        self.view.setModel(self.model)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        rows = self.view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.view.fontMetrics().height() + 2)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.view.setColumnWidth(0, 250)
        self.view.setColumnWidth(1, 100)
        self.view.setColumnWidth(2, 90)
        self._lay_out()
        self.view.doubleClicked.connect(self._double_clicked)
        arrows_into_list(self.filter, self.view)
        layout.addWidget(self.view, stretch=1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Merge")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self._select_first()

    def _double_clicked(self) -> None:
        if self.chosen() is not None:
            self.accept()

    def _groups(self, candidates: list[MergeCandidate], everyone: list[tuple[int, str, str]]) -> list[_Group]:
        likely = [c for c in candidates if c.likely]
        unlikely = [c for c in candidates if not c.likely]
        proposed = {c.id for c in candidates}
        others = [e for e in everyone if e[0] not in proposed]
        return [
            _Group(LIKELY_TITLE, [self._row(c.id, c.name, c.type, _why(c)) for c in likely]),
            _Group("Similar names, probably different", [self._row(c.id, c.name, c.type, _why(c)) for c in unlikely]),
            _Group("All other entities", [self._row(i, n, k, "") for i, n, k in others]),
        ]

    def _row(self, entity_id: int, name: str, kind: str, why: str) -> _Row:
        count = self.sources.get(entity_id)
        shown = inert_bidi(name)  # plain item text: a name is data, never markup nor a U+202E
        cells = (shown, inert_bidi(kind), _sources(count) if count is not None else "", inert_bidi(why))
        return _Row(entity_id, cells, shown.casefold())

    def _lay_out(self) -> None:
        """Each group's title across the row."""
        self.view.clearSpans()
        for row in self.model.group_rows():
            self.view.setSpan(row, 0, 1, len(_Groups.HEADERS))

    def _filter(self, text: str) -> None:
        chosen = self.chosen()
        self.model.set_filter(text)
        self._lay_out()
        if chosen is None or not self._pick(chosen):
            self._select_first()

    def _select_first(self) -> None:
        """The first likely duplicate, or the first entity the filter shows; none when the
        dialog opens without a likely duplicate (Enter would merge into someone else)."""
        groups = self.model.visible()
        if groups and (groups[0].title == LIKELY_TITLE or self.filter.text()):
            self.view.setCurrentIndex(self.model.index(self.model.group_rows()[0] + 1, 0))
        self._enable()

    def _enable(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.chosen() is not None)

    def rows(self) -> list[tuple[str, str, str, str, str]]:
        """What the list shows: (group, entity, type, sources, why), in order, filtered."""
        return [(group.label(), *row.cells) for group in self.model.visible() for row in group.shown]

    def choose(self, entity_id: int) -> None:
        if not self._pick(entity_id):
            raise LookupError(f"entity {entity_id} is not listed")

    def _pick(self, entity_id: int) -> bool:
        for number, line in enumerate(self.model.lines):
            if isinstance(line, _Row) and line.entity_id == entity_id:
                self.view.setCurrentIndex(self.model.index(number, 0))
                return True
        return False

    def chosen(self) -> int | None:
        row = self.model.row_of(self.view.currentIndex())
        return row.entity_id if row is not None else None


LIKELY_TITLE = "Likely duplicates"


def _why(candidate: MergeCandidate) -> str:
    shared = candidate.shared_sources
    both = f"; {shared} sources mention both" if shared != 1 else "; 1 source mentions both"
    return candidate.reason + (both if shared else "")


def _sources(count: int) -> str:
    return f"{count} source{'s' if count != 1 else ''}"
