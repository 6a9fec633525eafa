"""What the Source menu, the source list's context menu and double-click do with sources:
Source Details…, Copy Title, Compare with Previous Version…, Analyse Now, Re-analyse and Delete,
on one or several selected.

Analysis runs in the worker's child process through the import flow (one run at a time); a
delete asks first, makes a backup, and stays undoable until the window closes (the command
keeps every row the source took with it). A status-bar button offers Analyse Now while sources
wait for the analysis.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QUndoCommand
from PySide6.QtWidgets import QMenu, QPushButton

from briefing.domain import BriefingError, ImportReport, WorkspaceError, clipped, counted, strip_bidi
from briefing.store import Workspace
from briefing.store.backup import back_up
from briefing.store.source_snapshots import (
    SourceSnapshot,
    cited_in_notes,
    cited_line,
    delete_source_keeping,
    evidence_for_others,
    lost_evidence_line,
    restore_snapshot,
)
from briefing.store.source_versions import newest_version, source_version
from briefing.store.sources import count_not_analysed, list_source_details, source_values
from briefing.ui.commands import edit_source_command
from briefing.ui.compare_versions import COMPARE_HREF, NEWEST_HREF, CompareVersionsDialog, write_version_line
from briefing.ui.plain import confirm_delete, tip
from briefing.ui.read_only import refuse_change
from briefing.ui.source_details import EditSourceDetails, SourceDetailsDialog
from briefing.ui.source_model import SourceIdRole
from briefing.ui.step_names import name_step, source_title
from briefing.ui.widgets import menu_key_at_current

DETAIL_WORDS = {"published": "published date", "url": "web address"}  # the others are their names

if TYPE_CHECKING:
    from briefing.ui.main_window import MainWindow


class DeleteSources(QUndoCommand):
    """Delete sources, keeping what each took with it; undo writes it all back with the same ids."""

    def __init__(self, ws: Workspace, source_ids: list[int], changed: Callable[[list[int]], None]):
        super().__init__()
        if len(source_ids) == 1:
            name_step(self, "Delete source {}", source_title(ws, source_ids[0]))
        else:
            self.setText(f"Delete {len(source_ids)} sources")
        self.ws, self.source_ids, self.changed = ws, list(source_ids), changed
        self.snapshots: list[SourceSnapshot] = []

    def redo(self) -> None:
        with self.ws.transaction():  # all of them or none
            self.snapshots = [delete_source_keeping(self.ws, i, "deleted by the analyst") for i in self.source_ids]
        self.changed([])

    def undo(self) -> None:
        with self.ws.transaction():
            for snapshot in reversed(self.snapshots):
                restore_snapshot(self.ws, snapshot)
        self.changed(self.source_ids)


class SourceActions:
    def __init__(self, window: MainWindow, confirm: Callable[..., bool] = confirm_delete):
        self.window = window
        self.confirm = confirm  # tests answer the delete question without a dialog
        self.dialog: SourceDetailsDialog | None = None
        self._next_id: int | None = None  # shown after a delete
        window.panel.summaryEdited.connect(self.save_summary)
        table = window.table
        table.doubleClicked.connect(lambda index: self.edit_details(index.data(SourceIdRole)))
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        menu_key_at_current(table)
        table.customContextMenuRequested.connect(self._show_context_menu)
        delete = QAction("Delete Selected Sources…", table)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the key deletes only in the list
        delete.triggered.connect(lambda: self.delete_selected())
        table.addAction(delete)
        # in the status bar only while sources wait (offer_analysis): the bar is as tall as its
        # tallest widget, hidden ones too, and a hidden button held it 8 pixels taller at 15 points
        self.analyse_button = QPushButton("Analyse Now", window.statusBar())
        self.analyse_button.setAccessibleName("Analyse Now")
        self.analyse_button.clicked.connect(self.analyse_waiting)
        self.analyse_button.hide()
        window.model.modelReset.connect(self.update_waiting)
        window.imports.on_analysed = self._analysed
        self.compare_dialog: CompareVersionsDialog | None = None
        window.reader.version_line = lambda cursor, source, meta: write_version_line(window.ws, cursor, source, meta)
        window.reader.version_of = lambda source: source_version(window.ws, source.id)
        window.reader.anchorClicked.connect(self._version_link)

    def keep_typed_summary(self, next_source: int | None) -> None:
        """Save a summary typed and not saved as the analyst leaves its source (for another source,
        another workspace, or on closing the window): it was lost without a word. Undo takes it back."""
        window = self.window
        panel, source_id = window.panel, window.panel.summary_source
        document = panel.summary.document()
        if not document.isModified() or source_id is None or source_id == next_source or not window.attached:
            return
        document.setModified(False)
        text = panel.summary.toPlainText()
        try:
            if text == (source_values(window.ws, source_id, ("summary",))["summary"] or ""):
                return
        except BriefingError as exc:  # the source deleted meanwhile, or the team's server out of reach
            self._keep_refused_summary(text, str(exc))
            return
        seen = panel.summary_shown
        if window.push_command(
            lambda: edit_source_command(window.ws, source_id, "summary", text, None, window.after_edit, seen)
        ):
            window.statusBar().showMessage("Your summary of the source you left was saved (Undo takes it back).", 8000)
        else:
            self._keep_refused_summary(text, window.statusBar().currentMessage())

    def save_summary(self, text: str) -> None:
        """Save Summary: the summary typed, over the one the panel drew when typing began; refused
        (the words kept on the clipboard) when a colleague saved another meanwhile."""
        window = self.window
        source_id, seen = window.panel.summary_source, window.panel.summary_shown
        if source_id is None:
            window.statusBar().showMessage("Select a source first.", 5000)
            return
        if not window.push_command(
            lambda: edit_source_command(window.ws, source_id, "summary", text, None, window.after_edit, seen)
        ):
            QGuiApplication.clipboard().setText(text)
            said = window.statusBar().currentMessage().rstrip(".")
            window.statusBar().showMessage(f"{said}. Your summary is on the clipboard.", 20000)

    def _keep_refused_summary(self, text: str, why: str) -> None:
        """A summary typed for a source that could not take it waits on the clipboard."""
        QGuiApplication.clipboard().setText(text)
        said = f"Your summary of the source you left was not saved ({why.rstrip('.')}); it is on the clipboard."
        self.window.statusBar().showMessage(said, 20000)

    def fill_menu(self, menu: QMenu) -> None:
        """The Source menu's entries for the selected sources."""
        window = self.window
        for text, slot, key in (
            ("Source &Details…", lambda: self.edit_details(), "Ctrl+Alt+I"),
            ("&Compare with Previous Version…", lambda: self.compare_versions(), None),
            (None, None, None),
            ("Analyse &Now", self.analyse_waiting, None),
            ("&Re-analyse Selected Sources", lambda: self.analyse_selected(), "Ctrl+Alt+R"),
            ("De&lete Selected Sources…", lambda: self.delete_selected(), None),
        ):
            if text is None:
                menu.addSeparator()
                continue
            action = QAction(text, window)
            if key:
                action.setShortcut(QKeySequence(key))
            action.triggered.connect(slot)
            menu.addAction(action)
            if text.startswith("&Compare"):
                compare = action
        # offered only for a source that has a previous version, as the list's context menu does
        menu.aboutToShow.connect(lambda: compare.setEnabled(self._has_previous_version()))

    def _has_previous_version(self) -> bool:
        shown = self.shown_id()
        return shown is not None and self.window.attached and source_version(self.window.ws, shown)[1] is not None

    # -- what is selected ---------------------------------------------------
    def selected_ids(self) -> list[int]:
        """The selected rows' sources in list order, else the current one."""
        table = self.window.table
        rows = sorted(index.row() for index in table.selectionModel().selectedRows())
        ids = [self.window.model.source_id(row) for row in rows]
        current = self.window.current_source_id()
        return ids or ([current] if current is not None else [])

    def _waiting_among(self, ids: list[int]) -> list[int]:
        return [d.id for d in list_source_details(self.window.ws, ids) if not d.analysed]

    def context_menu(self) -> QMenu:
        """The source list's right-click menu for the selection."""
        ids = self.selected_ids()
        menu = QMenu(self.window.table)
        if not ids:
            menu.addAction("Import Files…", self.window.imports.choose_files)
            return menu
        menu.addAction("Source Details…", lambda: self.edit_details(ids[0])).setEnabled(len(ids) == 1)
        menu.addAction("Copy Title" if len(ids) == 1 else "Copy Titles", lambda: self.copy_titles(ids))
        if len(ids) == 1 and source_version(self.window.ws, ids[0])[1] is not None:
            menu.addAction("Compare with Previous Version…", lambda: self.compare_versions(ids[0]))
        menu.addSeparator()
        waiting = self._waiting_among(ids)
        if waiting:
            menu.addAction(_counted("Analyse Now", len(waiting), len(ids)), lambda: self.analyse(waiting))
        if len(waiting) < len(ids):
            menu.addAction(
                _counted("Re-analyse", len(ids) - len(waiting), len(ids)),
                lambda: self.analyse([i for i in ids if i not in waiting]),
            )
        menu.addSeparator()
        menu.addAction("Delete…" if len(ids) == 1 else f"Delete {len(ids)} Sources…", lambda: self.delete(ids))
        return menu

    def _show_context_menu(self, position: QPoint) -> None:
        menu = self.context_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.window.table.viewport().mapToGlobal(position))

    # -- details ------------------------------------------------------------
    def edit_details(self, source_id: int | None = None) -> None:
        window = self.window
        source_id = source_id if source_id is not None else window.current_source_id()
        if source_id is None:
            window.statusBar().showMessage("Select a source first.", 5000)
            return
        if refuse_change(window, window.ws):
            return
        values = source_values(window.ws, source_id)
        self.dialog = SourceDetailsDialog(window, source_id, values)
        self.dialog.accepted.connect(lambda dialog=self.dialog: self._apply_details(dialog))
        self.dialog.finished.connect(lambda _: self._forget_dialog())
        self.dialog.open()

    def _apply_details(self, dialog: SourceDetailsDialog) -> None:
        changes = dialog.changes()
        if not changes:
            return
        window = self.window
        seen = dialog.previous  # as the dialog opened: a colleague's change while it was open is not saved over
        if window.push_command(
            lambda: EditSourceDetails(window.ws, dialog.source_id, changes, window.after_edit, seen)
        ):
            fields = [DETAIL_WORDS.get(field, field) for field in changes]  # as the dialog's order has them
            window.statusBar().showMessage(
                f"Saved the source's {', '.join(fields)}. Undo (Ctrl+Z) takes it back.", 8000
            )  # the dialog closed on a list that looked the same: a date's row stays where it was

    def _forget_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    def copy_titles(self, ids: list[int]) -> None:
        found = {d.id: d.title or "(untitled)" for d in list_source_details(self.window.ws, ids)}
        titles = [found[i] for i in ids if i in found]  # in the list's order
        QGuiApplication.clipboard().setText("\n".join(titles))
        self.window.statusBar().showMessage("Title copied." if len(ids) == 1 else f"{len(ids)} titles copied.", 4000)

    # -- versions -------------------------------------------------------------
    def shown_id(self) -> int | None:
        """The source in the reader (an older version opened from a newer one included)."""
        shown = self.window.reader.shown
        return shown.id if shown is not None else self.window.current_source_id()

    def compare_versions(self, source_id: int | None = None) -> None:
        """The Compare Versions dialog for a source and its previous version."""
        window = self.window
        source_id = source_id if source_id is not None else self.shown_id()
        if source_id is None:
            window.statusBar().showMessage("Select a source first.", 5000)
            return
        if source_version(window.ws, source_id)[1] is None:
            window.statusBar().showMessage(
                "This source has no previous version: no older copy of its article was imported.", 8000
            )
            return
        if self.compare_dialog is not None:
            self.compare_dialog.close()
        dialog = CompareVersionsDialog(window, window.ws, source_id, self.open_version_passage)
        dialog.finished.connect(lambda _: self._forget_compare(dialog))
        self.compare_dialog = dialog
        dialog.open()

    def _forget_compare(self, dialog: CompareVersionsDialog) -> None:
        dialog.deleteLater()
        if self.compare_dialog is dialog:
            self.compare_dialog = None

    def listed_or_newer(self, source_id: int | None) -> int | None:
        """The source to select once the list is read again: ``source_id``, or its newest version
        when that took its place in the list (an import of the article being read, which left the
        reader empty)."""
        model = self.window.model
        if source_id is None or model.row_of(source_id) is not None:
            return source_id
        newer = newest_version(self.window.ws, source_id)
        return newer if newer != source_id and model.row_of(newer) is not None else source_id

    def show_unlisted(self, source_id: int | None) -> None:
        """A source the list does not show: an older version of an article (a search result, a
        note or Back can lead there) opens in the reader; anything else leaves it empty."""
        window = self.window
        if source_id is not None and window.attached and newest_version(window.ws, source_id) != source_id:
            window.show_source(source_id)
            return
        window.reader.show_source(None)

    def open_version_passage(self, source_id: int, start: int, end: int, in_title: bool = False) -> None:
        """Show a version in the reader (an older one is not in the list), scrolled to a passage
        (``in_title``: of its headline, where a headline claim's offsets count)."""
        window = self.window
        if window.current_source_id() == source_id:  # its row is current already: no change to follow
            window.navigation.record()  # the older version left, for Back
            window.show_source(source_id)
        else:
            window.select_source(source_id)  # a jump Back returns from; an unlisted older version opens too
        if end > start and in_title:
            window.reader.select_headline(start, end)
        elif end > start:
            window.reader.scroll_to(start, end)

    def _version_link(self, url: QUrl) -> None:
        shown = self.shown_id()
        if shown is None:
            return
        if url.toString() == COMPARE_HREF:
            self.compare_versions(shown)
        elif url.toString() == NEWEST_HREF:
            self.open_version_passage(newest_version(self.window.ws, shown), 0, 0)

    # -- analysis -------------------------------------------------------------
    def analyse_waiting(self) -> None:
        """Analyse every source waiting for the analysis (never run, or by an older version)."""
        if count_not_analysed(self.window.ws) == 0:
            self.window.statusBar().showMessage("Every source is analysed.", 5000)
            self.update_waiting()
            return
        self.window.imports.analyse(None)

    def analyse_selected(self) -> None:
        self.analyse(self.selected_ids())

    def analyse(self, ids: list[int]) -> None:
        if not ids:
            self.window.statusBar().showMessage("Select a source first.", 5000)
            return
        self.window.imports.analyse(ids)

    def _analysed(self, report: ImportReport) -> None:
        window = self.window
        window.refresh_sources()
        count = report.analysed
        parts = [f"{count} source{'s' if count != 1 else ''} analysed"]
        if report.not_analysed:
            parts.append(f"{report.not_analysed} not analysed")
        line = ", ".join(parts) + (" (cancelled)" if report.cancelled else "")
        window.statusBar().showMessage("; ".join([line, *report.notes]), 10000)

    def after_import(self, report: ImportReport) -> None:
        """The import's report in the status bar; Analyse Now offered while sources wait."""
        self.update_waiting()
        if report.versions:
            self.window.statusBar().showMessage(
                f"Import: {report.summary_line()}. Source ▸ Compare with Previous Version… shows what changed.", 15000
            )
        if report.not_analysed and self.analyse_button.isVisible():
            self.window.statusBar().showMessage(
                f"Import: {report.summary_line()}. Analyse Now finds their entities, quotes and claims.", 15000
            )

    def update_waiting(self) -> None:
        window = self.window
        waiting = 0 if not window.attached or window.ws.read_only else count_not_analysed(window.ws)
        waiting = max(0, waiting - len(window.team_queue.waiting))  # a team worker analyses those
        self.offer_analysis(waiting > 0)
        self.analyse_button.setText(f"Analyse Now ({waiting} waiting)")
        plural = "s" if waiting != 1 else ""
        self.analyse_button.setToolTip(
            tip(f"{waiting} source{plural} not analysed yet: find their entities, quotes and claims")
        )

    def offer_analysis(self, offered: bool) -> None:
        """Analyse Now in the status bar, or out of it (not merely hidden, see __init__)."""
        button, bar = self.analyse_button, self.window.statusBar()
        if offered and button.isHidden():
            bar.addPermanentWidget(button)
            button.show()
        elif not offered and not button.isHidden():
            bar.removeWidget(button)  # hides it; the bar is laid out again without it

    # -- delete ---------------------------------------------------------------
    def delete_selected(self) -> None:
        self.delete(self.selected_ids())

    def delete(self, ids: list[int]) -> None:
        window = self.window
        if not ids:
            window.statusBar().showMessage("Select a source first.", 5000)
            return
        details = list_source_details(window.ws, ids)
        if len(details) == 1:
            # a received title may run to pages, and turn around what follows a bidi override
            label = f"“{clipped(strip_bidi(details[0].shown_title), 160)}”"
            question = f"Delete the source {label}?"
        else:
            label, question = f"{len(details)} sources", f"Delete {len(details)} sources?"
        quotes, claims = sum(d.quote_count for d in details), sum(d.claim_count for d in details)
        backup = "A backup is made first, and " if window.ws.path is not None else ""  # a server keeps its own
        lent = lost_evidence_line(*evidence_for_others(window.ws, ids))
        cited = cited_line(*cited_in_notes(window.ws, ids))
        question += (
            f"\n\nIts {counted(quotes, 'quote')}, {counted(claims, 'claim')}, evidence and notes go with it. "
            + "".join(f"{line}\n\n" for line in (lent, cited) if line)
            + f"{backup}Edit ▸ Undo brings it back until the window closes."
        )
        if not self.confirm(window, "Delete Sources", question):
            return
        if not self._backed_up():
            return
        self._next_id = self._neighbour(ids)
        command = DeleteSources(window.ws, [d.id for d in details], self._after_delete)
        if window.push_command(lambda: command):
            window.statusBar().showMessage(f"Deleted {_short(label)}. Undo (Ctrl+Z) brings it back.", 8000)

    def _backed_up(self) -> bool:
        window = self.window
        if window.ws.path is None:
            return True  # an in-memory workspace has no file to copy
        try:
            back_up(window.ws, label="before-delete")
        except WorkspaceError as exc:
            window.statusBar().showMessage(f"Nothing deleted: no backup could be made ({exc})", 10000)
            return False
        return True

    def _neighbour(self, ids: list[int]) -> int | None:
        """The source to show once these are gone: the next row in the list, else the one before."""
        model, gone = self.window.model, set(ids)
        rows = [r for r in (model.row_of(i) for i in ids) if r is not None]
        if not rows:
            return None
        after = range(max(rows) + 1, model.rowCount())
        before = range(min(rows) - 1, -1, -1)
        return next((model.source_id(r) for r in [*after, *before] if model.source_id(r) not in gone), None)

    def _after_delete(self, restored: list[int]) -> None:
        window = self.window
        window.refresh_sources(select_id=restored[0] if restored else self._next_id)
        window.after_edit()


def _counted(verb: str, count: int, selected: int) -> str:
    return verb if count == selected else f"{verb} ({count} of {selected})"


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 2] + "…”"
