"""The main window: source list on the left, reader in the centre."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefing import __version__
from briefing.domain import BriefingError, ImportReport
from briefing.store import Workspace
from briefing.store.sources import get_source, list_sources
from briefing.ui.import_flow import ImportFlow
from briefing.ui.reader import Reader
from briefing.ui.source_model import SortRole, SourceIdRole, SourceTableModel
from briefing.ui.tasks import TaskRunner


class MainWindow(QMainWindow):
    def __init__(self, ws: Workspace, runner: TaskRunner | None = None):
        super().__init__()
        self.ws = ws
        self.runner = runner or TaskRunner(parent=self)
        self.setWindowTitle(f"{ws.name} – Briefing")
        self.setAcceptDrops(True)
        self.model = SourceTableModel(parent=self)
        self.proxy = _source_proxy(self.model, self)
        self.reader = Reader(self)
        self.imports = ImportFlow(self, ws, self.runner, self._import_finished)
        self._build_layout()
        self._build_menus()
        self.refresh_sources()
        self._restore_state()

    # -- building -------------------------------------------------------
    def _build_layout(self) -> None:
        self.filter_edit = QLineEdit(placeholderText="Filter sources (title, outlet, date)")
        self.filter_edit.setAccessibleName("Filter sources")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = _source_table(self.proxy)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        left = QWidget()
        layout = QVBoxLayout(left)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.reader)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([640, 960])
        self.setCentralWidget(self.splitter)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self._add_action(file_menu, "&Import Files…", self.imports.choose_files, "Ctrl+I")
        self._add_action(file_menu, "Import &Folder…", self.imports.choose_folder, "Ctrl+Shift+I")
        file_menu.addSeparator()
        self._add_action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        view_menu = self.menuBar().addMenu("&View")
        self._add_action(view_menu, "&Filter Sources", self._focus_filter, "Ctrl+L")
        help_menu = self.menuBar().addMenu("&Help")
        self._add_action(help_menu, "&About Briefing", self._about)

    def _add_action(self, menu, text, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # -- behaviour ------------------------------------------------------
    def refresh_sources(self, select_id: int | None = None) -> None:
        current = select_id if select_id is not None else self.current_source_id()
        self.model.set_rows(list_sources(self.ws))
        count = self.model.rowCount()
        self.statusBar().showMessage(
            f"{count} source{'s' if count != 1 else ''} in {self.ws.name}" if count
            else "No sources yet: use File ▸ Import Files… (Ctrl+I) or drop files on the window"
        )
        self._select(current if current is not None else self._first_id())

    def current_source_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(SourceIdRole) if index.isValid() else None

    def select_source(self, source_id: int) -> None:
        self._select(source_id)

    def _select(self, source_id: int | None) -> None:
        row = self.model.row_of(source_id) if source_id is not None else None
        if row is None:
            self.reader.show_source(None)
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def _first_id(self) -> int | None:
        index = self.proxy.index(0, 0)
        return index.data(SourceIdRole) if index.isValid() else None

    def _current_changed(self, current, previous) -> None:
        source_id = current.data(SourceIdRole) if current.isValid() else None
        try:
            self.reader.show_source(get_source(self.ws, source_id) if source_id is not None else None)
        except BriefingError as exc:
            self.statusBar().showMessage(str(exc))

    def _import_finished(self, report: ImportReport) -> None:
        self.refresh_sources()
        self.statusBar().showMessage(f"Import: {report.summary_line()}", 10000)

    def _focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def _about(self) -> None:
        QMessageBox.about(
            self, "About Briefing",
            f"<h3>Briefing {__version__}</h3><p>Read sources offline, see who said what, "
            "judge claims and write briefing notes.</p><p>Workspace: "
            f"{self.ws.path or 'in memory'}</p>",
        )

    # -- Qt overrides ---------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        local = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if local:
            event.acceptProposedAction()
            self.imports.start(local)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.runner.cancel_all_and_wait()
        settings = QSettings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/splitter", self.splitter.saveState())
        settings.setValue("main/table", self.table.horizontalHeader().saveState())
        super().closeEvent(event)

    def _restore_state(self) -> None:
        settings = QSettings()
        for key, restore in (
            ("main/geometry", self.restoreGeometry),
            ("main/splitter", self.splitter.restoreState),
            ("main/table", self.table.horizontalHeader().restoreState),
        ):
            value = settings.value(key)
            if isinstance(value, QByteArray):
                restore(value)


def _source_proxy(model: SourceTableModel, parent) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterKeyColumn(-1)
    proxy.setSortRole(SortRole)
    return proxy


def _source_table(proxy: QSortFilterProxyModel) -> QTableView:
    table = QTableView()
    table.setAccessibleName("Sources")
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column, width in ((1, 130), (2, 86), (3, 48), (4, 54), (5, 54)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(column, width)
    return table
