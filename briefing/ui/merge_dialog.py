"""The Merge Into… dialog: the entity's likely duplicates first, each with the reason it is
proposed, then the names that look alike but probably are someone else, then every other
entity; one filter field narrows all three. Each row counts the sources that mention the
entity, which tells two entities of one name apart (the "Pence" of twelve sources, and of one)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from briefing.domain import inert_bidi
from briefing.store.entity_candidates import MergeCandidate
from briefing.ui.plain import plain_label, tip

EntityIdRole = Qt.ItemDataRole.UserRole + 1  # a row's entity id; group rows have none
TitleRole = Qt.ItemDataRole.UserRole + 2  # a group's title without its count


class _Filter(QSortFilterProxyModel):
    """Entity rows whose name contains the text; a group shows while one of its rows does."""

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        index = self.sourceModel().index(row, 0, parent)
        if index.data(EntityIdRole) is None:
            return False  # a group: shown by the recursive filter when one of its rows is
        return super().filterAcceptsRow(row, parent)


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
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels(["Entity", "Type", "Sources", "Why"])
        self._fill(candidates, everyone)
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter.textChanged.connect(self._filter)
        self.view = QTreeView()
        self.view.setAccessibleName("Entities to merge into")
        self.view.setModel(self.proxy)
        self.view.setUniformRowHeights(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setColumnWidth(0, 250)
        self.view.setColumnWidth(1, 100)
        self.view.setColumnWidth(2, 90)
        self.view.expandAll()
        self._span_groups()
        self.view.doubleClicked.connect(self._double_clicked)
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

    def _fill(self, candidates: list[MergeCandidate], everyone: list[tuple[int, str, str]]) -> None:
        likely = [c for c in candidates if c.likely]
        unlikely = [c for c in candidates if not c.likely]
        proposed = {c.id for c in candidates}
        others = [e for e in everyone if e[0] not in proposed]
        for title, rows in (
            (LIKELY_TITLE, [(c.id, c.name, c.type, _why(c)) for c in likely]),
            ("Similar names, probably different", [(c.id, c.name, c.type, _why(c)) for c in unlikely]),
            ("All other entities", [(i, n, k, "") for i, n, k in others]),
        ):
            if not rows:
                continue
            group = QStandardItem(f"{title} ({len(rows)})")
            group.setData(title, TitleRole)
            group.setEditable(False)
            group.setSelectable(False)
            font = group.font()
            font.setBold(True)
            group.setFont(font)
            for entity_id, name, kind, why in rows:
                group.appendRow(_row(entity_id, name, kind, why, self.sources.get(entity_id)))
            self.model.appendRow([group, _cell(""), _cell(""), _cell("")])

    def _span_groups(self) -> None:
        for group in range(self.proxy.rowCount()):
            self.view.setFirstColumnSpanned(group, QModelIndex(), True)  # a group's title reads whole

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._count_shown()
        self.view.expandAll()
        self._span_groups()
        if self.chosen() is None:
            self._select_first()

    def _count_shown(self) -> None:
        """Each group's title counts the entities the filter leaves: 'All other entities (3 of 415)'."""
        for group in range(self.proxy.rowCount()):
            parent = self.proxy.index(group, 0)
            item = self.model.itemFromIndex(self.proxy.mapToSource(parent))
            shown, total = self.proxy.rowCount(parent), item.rowCount()
            counted = f"{shown} of {total}" if shown < total else str(total)
            item.setText(f"{item.data(TitleRole)} ({counted})")

    def _select_first(self) -> None:
        """The first likely duplicate, or the first entity the filter shows; none when the
        dialog opens without a likely duplicate (Enter would merge into someone else)."""
        for group in range(self.proxy.rowCount()):
            parent = self.proxy.index(group, 0)
            likely = str(parent.data()).startswith(LIKELY_TITLE)
            if self.proxy.rowCount(parent) and (likely or self.filter.text()):
                self.view.setCurrentIndex(self.proxy.index(0, 0, parent))
                break
        self._enable()

    def _enable(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.chosen() is not None)

    def rows(self) -> list[tuple[str, str, str, str, str]]:
        """What the list shows: (group, entity, type, sources, why), in order, filtered."""
        shown = []
        for group in range(self.proxy.rowCount()):
            parent = self.proxy.index(group, 0)
            for row in range(self.proxy.rowCount(parent)):
                cells = [self.proxy.index(row, column, parent).data() or "" for column in range(4)]
                shown.append((parent.data(), *cells))
        return shown

    def choose(self, entity_id: int) -> None:
        for group in range(self.proxy.rowCount()):
            parent = self.proxy.index(group, 0)
            for row in range(self.proxy.rowCount(parent)):
                if self.proxy.index(row, 0, parent).data(EntityIdRole) == entity_id:
                    self.view.setCurrentIndex(self.proxy.index(row, 0, parent))
                    return
        raise LookupError(f"entity {entity_id} is not listed")

    def chosen(self) -> int | None:
        index = self.view.currentIndex()
        return index.siblingAtColumn(0).data(EntityIdRole) if index.isValid() else None


LIKELY_TITLE = "Likely duplicates"


def _why(candidate: MergeCandidate) -> str:
    shared = candidate.shared_sources
    both = f"; {shared} sources mention both" if shared != 1 else "; 1 source mentions both"
    return candidate.reason + (both if shared else "")


def _cell(text: str) -> QStandardItem:
    item = QStandardItem(inert_bidi(text))  # plain item text: a name is data, never markup nor a U+202E
    item.setEditable(False)
    return item


def _sources(count: int) -> str:
    return f"{count} source{'s' if count != 1 else ''}"


def _row(entity_id: int, name: str, kind: str, why: str, sources: int | None) -> list[QStandardItem]:
    cells = [_cell(name), _cell(kind), _cell(_sources(sources) if sources is not None else "")]
    cells[0].setData(entity_id, EntityIdRole)
    if why:  # only proposals have a reason (10,000 other rows are three cells, built quickly)
        cells.append(_cell(why))
        cells[3].setToolTip(tip(why))
        cells[0].setToolTip(tip(name))
    return cells
