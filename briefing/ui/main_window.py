"""The main window: source list on the left, reader in the centre."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from briefing import __version__
from briefing.domain import BriefingError, ImportReport, strip_bidi
from briefing.store import Workspace
from briefing.store.annotations import list_note_rows
from briefing.store.claims import list_claim_rows
from briefing.store.entities import list_entity_rows
from briefing.store.quote_variants import list_source_variants
from briefing.store.quotes import list_quote_rows
from briefing.store.sources import get_source, source_ids, source_rows
from briefing.store.views import item_range
from briefing.ui.analyst import apply_saved_name
from briefing.ui.annotate import NoteActions, annotation_command, say_noted
from briefing.ui.briefing_pane import BriefingDock
from briefing.ui.claim_actions import ClaimActions, has_status, marked_message, unchanged_message
from briefing.ui.commands import Applied, edit_source_command, mark_claim_command
from briefing.ui.entity_actions import EntityActions, load_page
from briefing.ui.entity_page import PAGE_ROWS, EntityDock
from briefing.ui.evidence_flow import EvidenceFlow
from briefing.ui.help import EMPTY_WORKSPACE, Help
from briefing.ui.import_flow import ImportFlow
from briefing.ui.menus import build_menus
from briefing.ui.navigation import Navigation
from briefing.ui.notes_browser import install_notes_dock
from briefing.ui.panels import SidePanel
from briefing.ui.panes import keep_hidden_tabs_out_of_reach, open_wide
from briefing.ui.plain import as_sentence
from briefing.ui.quote_actions import QuoteActions
from briefing.ui.read_only_banner import ReadOnlyBanner
from briefing.ui.reader import Reader, highlights_of
from briefing.ui.redrawn import DrawnAnalyses
from briefing.ui.refusals import keep_typed, show_refusal
from briefing.ui.search_dock import SearchDock
from briefing.ui.selection_actions import SelectionActions
from briefing.ui.slot_errors import showing
from briefing.ui.source_actions import SourceActions
from briefing.ui.source_filter import SourceFilter
from briefing.ui.source_model import SourceIdRole, SourceTableModel, source_table
from briefing.ui.standing import StandingLine
from briefing.ui.tasks import TaskRunner
from briefing.ui.team_changes import TeamChanges
from briefing.ui.team_queue import TeamQueue
from briefing.ui.timeline_dock import TimelineDock
from briefing.ui.widgets import arrows_into_list, fit_columns
from briefing.ui.window_state import fit_screen, restore_reading, restore_state, save_state
from briefing.ui.workspace_files import WorkspaceFiles

if TYPE_CHECKING:
    from briefing.ui.startup import FirstPaint

BACKUP_DELAY_MS = 5000


class MainWindow(QMainWindow):
    help: Help  # the Help menu's pages (menus.build_menus)
    first_paint: FirstPaint  # opens the workspace once the window has painted (startup)

    def __init__(self, ws: Workspace | None, runner: TaskRunner | None = None, remember: bool = True):
        """``ws``: the workspace, or None to paint the window first and ``attach`` it after (the
        app's start). ``remember``: restore and save window geometry and layout (QSettings); a
        screenshot uses the default layout and leaves the user's settings alone."""
        super().__init__()
        self._ws: Workspace | None = None
        self.remember = remember
        self._reloading = False  # refresh_sources is reading the list again
        self.runner = runner or TaskRunner(parent=self)
        self.setWindowTitle("Briefing")
        self.setAcceptDrops(True)
        self.model = SourceTableModel(
            lambda order, desc, text: source_ids(self.ws, order, desc, text),
            lambda ids: source_rows(self.ws, ids),
            parent=self,
        )
        self.source_filter = SourceFilter(self)  # the field over the source list
        self.filter_edit, self.filter_timer = self.source_filter.edit, self.source_filter.timer
        self.reader = Reader(self)
        self.panel = SidePanel(self)
        self.undo_stack = QUndoStack(self)
        self.team_changes = TeamChanges(self)  # a team workspace redraws on colleagues' changes
        self.imports = ImportFlow(self, lambda: self.ws, self.runner, self._import_finished)
        self.team_queue = TeamQueue(self)  # a team's imports may queue their analysis for its workers
        self.analyses = DrawnAnalyses()  # what a re-analysis may draw again under the window
        self.search_dock = SearchDock(lambda: self.ws, self.runner, self, self.analyses)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.search_dock)
        self.resizeDocks([self.search_dock], [210], Qt.Orientation.Vertical)
        self.search_dock.resultOpened.connect(self.open_item)
        self.search_dock.passageOpened.connect(self.open_passage)
        self.entity_dock = EntityDock(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.entity_dock)
        self.entity_dock.hide()
        self.entity_dock.passageOpened.connect(self.open_passage)
        self.timeline = TimelineDock(self, lambda: self.ws if self.attached else None, self.analyses)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.timeline)
        self.tabifyDockWidget(self.search_dock, self.timeline)  # Search is raised in front by install_notes_dock
        self.timeline.view.opened.connect(self.open_item)
        self.timeline.view.day_chosen.connect(self.list_day)
        self.briefing_dock = BriefingDock(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.briefing_dock)
        self.briefing_dock.hide()
        self.search_dock.addToBriefing.connect(self.briefing_dock.add)
        self.standing = StandingLine(self.statusBar())  # the count of sources under passing messages
        self.files = WorkspaceFiles(self)  # File ▸ New, Open, Open Recent, Back Up Now, Restore Backup…
        self.notes_dock = install_notes_dock(self)  # View ▸ Notes; tag colours for the reader
        keep_hidden_tabs_out_of_reach(self)
        self._build_layout()
        build_menus(self)
        apply_saved_name()  # the history records the name the user gave, if any
        if remember:
            restore_state(self)
        self.backup_timer = QTimer(self, singleShot=True, interval=BACKUP_DELAY_MS)
        self.backup_timer.timeout.connect(self.files.back_up_soon)
        if ws is None:
            self._set_ready(False)
            self.statusBar().showMessage("Opening the workspace…")
        else:
            self.attach(ws)

    @property
    def ws(self) -> Workspace:
        """The open workspace (the window's actions are enabled only once there is one)."""
        if self._ws is None:
            raise BriefingError("no workspace is open yet")
        return self._ws

    @property
    def attached(self) -> bool:
        return self._ws is not None

    def attach(self, ws: Workspace) -> None:
        """Show ``ws``: its sources, the first one in the reader, its notes."""
        self._ws = ws
        self.statusBar().clearMessage()  # "Opening the workspace…" is over
        self.team_changes.listen()
        self.team_queue.attach()
        self.setWindowTitle(f"{strip_bidi(ws.name)}{' (read-only)' if ws.read_only else ''} – Briefing")
        self.banner.setVisible(ws.read_only)
        if ws.read_only:
            self.banner.setText(
                f"<b>Read-only.</b> {html.escape(as_sentence(ws.read_only_reason or ''))}. You can read, search and "
                f"export; changes cannot be saved until {html.escape(ws.writable_when, quote=False)}."
            )
        self.briefing_dock.attach(ws)
        self.evidence_flow.attached(ws)
        self.notes_dock.attach(ws)
        self.search_dock.saved.refresh()  # the pane was shown before the workspace was open
        self.refresh_sources()
        if self.remember:
            restore_reading(self)  # the source, scroll position and entity page of last time
        self.navigation.reset()  # opening the workspace is not a jump Back could return from
        self.timeline.redraw_if_shown()
        self._set_ready(True)
        if self.focusWidget() is None:  # else Qt's first in line, the search field at the bottom
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.remember:  # the app, not a screenshot: a backup shortly after start if one is due
            self.backup_timer.start()
            self.files.remember_recent(ws)

    def _set_ready(self, ready: bool) -> None:
        """Nothing can be clicked or typed into until the workspace is open."""
        for part in (self.central, self.menuBar(), self.search_dock, self.timeline):
            part.setEnabled(ready)

    # -- building -------------------------------------------------------
    def _build_layout(self) -> None:
        self.banner = ReadOnlyBanner()
        self.table = source_table(self.model)
        arrows_into_list(self.filter_edit, self.table)
        fit_columns(self.table, priority=(2, 1, 3, 5, 4))  # date, outlet, grade, claims, quotes
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        left = QWidget()
        layout = QVBoxLayout(left)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.reader)
        self.splitter.addWidget(self.panel)
        for index, stretch in enumerate((47, 70, 43)):  # a smaller window takes from each in proportion
            self.splitter.setStretchFactor(index, stretch)
        self.splitter.setSizes([470, 700, 430])
        left.setMinimumWidth(180)
        self.reader.setMinimumWidth(320)  # the text stays readable when docks open beside it
        central = self.central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.splitter, stretch=1)
        self.setCentralWidget(central)
        self.reader.highlightClicked.connect(self.panel.select)
        self.reader.entityRequested.connect(self.open_entity)
        self.panel.itemActivated.connect(self.reader.show_item)
        self.panel.claimMarked.connect(self.mark_claim)
        self.panel.addToBriefing.connect(self.add_to_briefing)
        self.panel.reason.undo_stack = self.undo_stack  # Ctrl+Z in an empty reason field undoes the judgement
        self.claim_actions = ClaimActions(self)
        self.panel.claimAction.connect(self._claim_action)
        self.evidence_flow = EvidenceFlow(self)
        self.entity_actions = EntityActions(self)
        self.quote_actions = QuoteActions(self)
        self.note_actions = NoteActions(self)
        self.source_actions = SourceActions(self)
        self.navigation = Navigation(self)
        self.selection_actions = SelectionActions(self)

    def refresh_sources(self, select_id: int | None = None) -> None:
        current = select_id if select_id is not None else self.current_source_id()
        self._reloading = True  # the list is read again: the source being read is not opened anew
        try:
            count = self._reload_sources(current)
        finally:
            self._reloading = False
        shown = self.current_source_id()
        if select_id is None and shown == current and shown is not None:
            self._refresh_current()  # the same source: the reader keeps its place and selection
        else:
            self._current_changed(self.table.currentIndex(), None)
        if not count and not self.model.text:
            self.reader.setPlainText(EMPTY_WORKSPACE)  # the first run: what to do next

    def _reload_sources(self, current: int | None) -> int:
        self.model.reload()
        count = self.model.rowCount()
        self.standing.show_count(self.ws, count)
        self._select(self.source_actions.listed_or_newer(current) if current is not None else self._first_id())
        return count

    def current_source_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(SourceIdRole) if index.isValid() else None

    def select_source(self, source_id: int) -> None:
        self.navigation.jump_to(source_id)  # records the location left, for Back

    def _select(self, source_id: int | None) -> None:
        row = self.model.row_of(source_id) if source_id is not None else None
        if row is None:
            self.source_actions.show_unlisted(source_id)  # an older version opens; else nothing
            return
        index = self.model.index(row, 0)
        # that row alone: the view's own setCurrentIndex reads the keys held, and a jump made with
        # Ctrl down (Ctrl+Alt+G) would add the row to the selection a delete acts on
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def _first_id(self) -> int | None:
        index = self.model.index(0, 0)
        return index.data(SourceIdRole) if index.isValid() else None

    def _current_changed(self, current, previous) -> None:
        if self._reloading:
            return  # refresh_sources shows what is current once the list is read
        source_id = current.data(SourceIdRole) if current.isValid() else None
        self.navigation.source_changed(source_id)  # a source picked by hand is a jump too
        try:
            with showing("The source"):
                self.show_source(source_id)
        except BriefingError as exc:
            self.statusBar().showMessage(str(exc))
            self.reader.show_unavailable(str(exc))  # not the last source's text under the row picked
            self.panel.show_items(None, [], [], [], [])

    def show_source(self, source_id: int | None, keep_position: bool = False) -> None:
        """Reader and side panels for one source (None: the empty state)."""
        self.source_actions.keep_typed_summary(source_id)
        self.panel.summary_source = source_id
        if source_id is None:
            self.reader.show_source(None)
            self.panel.show_items(None, [], [], [], [])
            return
        position = self.reader.verticalScrollBar().value()
        selected = self.reader.selected_range() if keep_position else None  # the open claim or quote
        source = get_source(self.ws, source_id)
        entities, quotes = list_entity_rows(self.ws, source_id), list_quote_rows(self.ws, source_id)
        claims, notes = list_claim_rows(self.ws, source_id), list_note_rows(self.ws, source_id)
        self.reader.show_source(source, highlights_of(entities, quotes, claims, notes))
        self.analyses.drew_source(self.ws, source_id, claims, quotes)
        variants = list_source_variants(self.ws, source_id)
        self.panel.show_items(source.summary, entities, quotes, claims, notes, variants, source.language)
        self.claim_actions.rerank_source(source_id)  # the claims list counts passages close in meaning
        if keep_position:
            if selected is not None:
                self.reader.select_range(*selected)
            self.reader.verticalScrollBar().setValue(position)

    def open_item(self, kind: str, ref_id: int, source_id: int) -> None:
        """Open a search result: its source, scrolled to the passage."""
        try:
            _, start, end = item_range(self.ws, kind, ref_id)
        except BriefingError as exc:  # a re-analysis drew the claim or quote again: when, and drawn as now
            if not show_refusal(self, exc):
                self.statusBar().showMessage(str(exc), 8000)
            return
        self.filter_edit.clear()
        self.select_source(source_id)
        if kind in ("quote", "claim", "note"):
            self.reader.show_item(kind, ref_id, start, end)  # a headline claim has no range in the text
            self.panel.select(kind, ref_id)
        elif end > start:
            self.reader.scroll_to(start, end)

    def open_passage(self, source_id: int, start: int, end: int) -> None:
        self.filter_edit.clear()
        self.select_source(source_id)
        if end > start:
            self.reader.scroll_to(start, end)

    def show_timeline(self) -> None:
        self.timeline.bring_up()

    def list_day(self, day: str) -> None:
        """The sources published on ``day`` (a bar of the timeline was clicked)."""
        self.filter_edit.setText(day)
        self.statusBar().showMessage(f"Sources published on {day}; clear the filter to see all again", 8000)

    def open_entity(self, entity_id: int, record: bool = True) -> None:
        """The entity page: every mention, its quotes and who appears with it. Opening another
        entity's page is a jump Back returns from (``record``)."""
        dock = self.entity_dock
        if record and dock.isVisible() and dock.entity_id not in (None, entity_id):
            self.navigation.record()
        rows = dock.rows if dock.entity_id == entity_id else PAGE_ROWS  # another entity: its first rows
        try:
            with showing("The entity page"):
                page, ranges, variants = load_page(self.ws, entity_id, rows)
        except BriefingError as exc:
            self.statusBar().showMessage(str(exc), 8000)
            return
        dock.rows = rows
        dock.show_page(page, ranges, variants)
        self.entity_actions.stale = False  # read just now: raising its tab reads it no second time
        open_wide(self, self.entity_dock)

    def show_briefing(self, focus: bool = False) -> None:
        """Open the note beside the reader; ``focus``: with the keyboard in its items (the menu's
        Show Briefing Note, as Ctrl+T and Ctrl+Shift+N put it in the timeline and the notes)."""
        open_wide(self, self.briefing_dock)
        self.briefing_dock.refresh()
        if focus:
            self.briefing_dock.items.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def add_to_briefing(self, kind: str | None = None, ref_id: int | None = None) -> None:
        """Add a record to the note being composed (default: the row selected in the side panel)."""
        if kind is None:
            picked = self.panel.current_item()
            if picked is None:
                self.statusBar().showMessage("Select a quote, claim, note or entity first.", 5000)
                return
            kind, ref_id = picked
        if kind == "summary":
            ref_id = self.current_source_id()
            if ref_id is None:
                self.statusBar().showMessage("Select a source first.", 5000)
                return
        self.briefing_dock.add(kind, ref_id)

    def _refresh_current(self) -> None:
        self.show_source(self.current_source_id(), keep_position=True)

    def mark_claim(self, claim_id: int, status: str, reason: str) -> None:
        unchanged = unchanged_message(self.ws, claim_id, status, reason)
        if unchanged is not None:
            self.statusBar().showMessage(unchanged, 10000)
            return
        seen = self.panel.shown_revision(claim_id)
        again = has_status(self.ws, claim_id, status)
        if self.push_command(
            lambda: mark_claim_command(self.ws, claim_id, status, reason or None, self.after_edit, seen)
        ):
            self.panel.reason.clear()  # a refused judgement keeps it, to try again
            self.statusBar().showMessage(marked_message(self.ws, claim_id, status, reason, again), 6000)
        elif not self.panel.reason.text().strip():  # the claim went with the redraw, and the field with it
            keep_typed(self, reason, "reason")

    def edit_source(self, field: str, value: str | None) -> None:
        source_id = self.current_source_id()
        if source_id is None:
            self.statusBar().showMessage("Select a source first.", 5000)
            return
        self.push_command(lambda: edit_source_command(self.ws, source_id, field, value, None, self.after_edit))

    def annotate(self) -> None:
        command = annotation_command(
            self, self.ws, self.current_source_id(), self.reader.selected_range(), self.after_edit
        )
        if command is not None:
            say_noted(self, command, self.push_command(lambda: command))

    def push_command(self, make_command) -> bool:
        """Carry out a command and put it on the undo stack; False (and the reason in the status
        bar) when the store refused it."""
        try:
            command = make_command()
            command.redo()  # a refused change raises here: nothing written, nothing to undo
            self.undo_stack.push(Applied(command, self._step_refused, self.claim_actions.show_step))
        except BriefingError as exc:  # a colleague's change: who and when, and what is stored now
            if not show_refusal(self, exc):
                self.statusBar().showMessage(as_sentence(str(exc)), 8000)
            return False
        return True

    def _step_refused(self, exc: BriefingError) -> None:
        """An undo or redo the store refused: say why, show what is stored now."""
        if not show_refusal(self, exc, "Undo step dropped: "):
            self.statusBar().showMessage(f"Undo step dropped: {exc}", 15000)
            self.after_edit()

    def _claim_action(self, action: str, ref_id: int) -> None:
        {
            "edit": self.claim_actions.edit_text,
            "dismiss": self.claim_actions.not_a_claim,
            "quote": self.claim_actions.add_quote,
        }[action](ref_id)

    def after_edit(self) -> None:
        """Show an edit: the list's rows (not its order: re-reading a million ids per click
        would be the wrong place), the open source and the claim's evidence."""
        self.model.refresh_rows()
        self._refresh_current()
        self.evidence_flow.refresh()
        self.backup_timer.start()  # a rolling backup once edits pause, at most every ten minutes
        if self.briefing_dock.isVisible():
            self.briefing_dock.refresh()  # its checks and citations follow the sources
        self.notes_dock.refresh_if_shown()
        self.search_dock.refresh_after_edit()
        self.timeline.redraw_if_shown()
        self.entity_actions.refresh_page()  # a rename, retype or merge shows on the entity page at once

    def after_ranking(self) -> None:
        """Suggestions re-ranked by meaning in the worker (each source opened, each claim opened):
        only the open source's claims list and the claim's suggestions show them. The rest of the
        window is not read again: after_edit here held a 1,300-source window for up to 0.6 s a
        second after each source opened, with the entity page, the timeline or the note in sight,
        and drawing the whole source again held it 0.3 s for a long article."""
        source_id = self.current_source_id()
        if source_id is not None:  # the list says how many passages each claim still has suggested
            self.panel.show_claims(list_claim_rows(self.ws, source_id))  # and the open claim's, below

    def _import_finished(self, report: ImportReport) -> None:
        self.refresh_sources()
        self.statusBar().showMessage(f"Import: {report.summary_line()}", 10000)
        self.source_actions.after_import(report)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About Briefing",
            f"<h3>Briefing {__version__}</h3><p>Read sources offline, see who said what, "
            "judge claims and write briefing notes.</p><p>Workspace: "
            f"{html.escape(str(self.ws.path or self.ws.name))}</p>",  # a file name is not markup
        )

    # -- Qt overrides ---------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.attached:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        local = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if local:
            event.acceptProposedAction()
            self.imports.start(local)

    def showEvent(self, event) -> None:
        fit_screen(self)  # for this screen's size
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.may_close():
            event.ignore()  # the analyst let the import run on
            return
        if self.remember:
            save_state(self)
        super().closeEvent(event)
