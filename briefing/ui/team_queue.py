"""On a team workspace, the window's imports can hand their analysis to the team's workers.

File ▸ Analyse Imports on Team Workers (remembered per workspace; off at first: the window
analyses as before) makes an import store the sources and queue one analysis job per source, as
``briefing import --queue`` does; ``briefing worker`` runs them on any machine that reaches the
database. The sources waiting for a worker are marked in the source list and counted in the
status bar, and a worker's saved analysis arrives through the change notices (``team_changes``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Slot
from PySide6.QtGui import QAction

from briefing.domain import BriefingError, ImportReport
from briefing.pipeline import import_paths
from briefing.store import Workspace
from briefing.store.pg_jobs import ANALYSIS_QUEUE, list_waiting_for_workers
from briefing.store.sources import not_analysed_ids
from briefing.ui.plain import plain_label, tip
from briefing.ui.tasks import Task
from briefing.ui.window_state import workspace_key

if TYPE_CHECKING:
    from briefing.ui.main_window import MainWindow

SETTING = "analyse_on_workers"  # in the workspace's settings group (window_state.workspace_key)
ACTION_TIP = (
    "Imports store the sources here and queue their analysis for the team's workers "
    "(briefing worker, on any machine that reaches the database) instead of analysing in this window"
)
WAITING_TIP = (
    "Their analysis is queued for the team's workers: briefing worker --workspace … runs it on any "
    "machine that reaches the database. Each source shows its entities, quotes and claims once a "
    "worker saves its analysis."
)


@dataclass
class QueuedImport(ImportReport):
    """An import whose analysis went to the team's workers."""

    waiting: list[int] = field(default_factory=list)  # sources whose analysis is queued
    not_queued: str | None = None  # why the analysis could not be queued

    def summary_line(self) -> str:
        line = super().summary_line()
        if self.not_queued:
            return f"{line}; their analysis was not queued ({self.not_queued}): Source ▸ Analyse Now analyses here"
        return f"{line}, {waiting_line(len(self.waiting))}" if self.waiting else line


def waiting_line(count: int) -> str:
    return f"{count} source{'s' if count != 1 else ''} waiting for a team worker"


def import_and_queue(ws: Workspace, targets: list[Path], progress, cancelled, call=None, jobs=1) -> QueuedImport:
    """Import the files here, then queue the analysis of every source still waiting for one (once
    per source: a job already queued is not queued again), as ``briefing import --queue`` does."""
    from briefing.team_jobs import queue_analysis  # the job queue's libraries load only when used

    report = QueuedImport(**vars(import_paths(ws, targets, progress, cancelled, analyse=False, call=call)))
    waiting = not_analysed_ids(ws)
    if waiting and ws.conninfo is not None:
        progress(0, 0, "Queueing the analysis for the team's workers")
        try:
            queue_analysis(ws.conninfo, waiting)
        except BriefingError as exc:
            report.not_queued = str(exc)
            return report
        report.waiting = waiting
    return report


class TeamQueue(QObject):
    """The File menu's choice, the source list's marks and the status bar's count. A QObject so
    that the count, read in the workspace thread, arrives in its slots on the GUI thread."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.waiting: list[int] = []
        self.action = QAction("Analyse Imports on Team &Workers", window, checkable=True)
        self.action.setObjectName("analyse-on-team-workers")
        self.action.setToolTip(tip(ACTION_TIP))
        self.action.setStatusTip(ACTION_TIP)
        self.action.setVisible(False)  # a workspace file has no workers
        self.action.toggled.connect(self._remember)
        self.label = plain_label()
        self.label.setObjectName("team-queue")  # read by its words, not a name
        self.label.setToolTip(tip(WAITING_TIP))
        self.label.hide()
        window.statusBar().addPermanentWidget(self.label)
        window.imports.to_workers = self.wanted
        window.imports.on_queued = self._queued
        window.model.modelReset.connect(self.refresh)  # the list drawn again: an import, a colleague's change

    def attach(self) -> None:
        """The window opened a workspace: offer the choice on a team workspace one can write to,
        as it was left there."""
        ws = self.window.ws
        team = ws.conninfo is not None and not ws.read_only
        self.action.setVisible(team)
        self.action.blockSignals(True)  # restoring the choice is no change to remember
        self.action.setChecked(team and self._saved())
        self.action.blockSignals(False)

    def wanted(self) -> bool:
        """True when the next import hands its analysis to the team's workers."""
        return self.action.isVisible() and self.action.isChecked()

    def refresh(self) -> None:
        """Read which sources wait for a worker, in the workspace thread, then mark and count them."""
        window = self.window
        if not window.attached or window.ws.conninfo is None:
            self._show([])
            return
        task = Task.on_workspace(
            lambda ws, progress, cancelled: list_waiting_for_workers(ws, ANALYSIS_QUEUE), "sources waiting"
        )
        task.succeeded.connect(self._show)
        task.failed.connect(self._failed)
        window.runner.start_on(window.ws, task)

    @Slot(object)
    def _show(self, waiting: object) -> None:
        ids = list(waiting)  # type: ignore[call-overload]
        changed, self.waiting = ids != self.waiting, ids
        self.window.model.set_waiting(ids)
        self.label.setText(waiting_line(len(ids)))
        self.label.setVisible(bool(ids))
        if changed:
            self.window.source_actions.update_waiting()  # Analyse Now offers the sources no worker will analyse

    def _queued(self, report: QueuedImport) -> None:
        """Mark the queued sources at once, before the list is drawn again."""
        self._show(sorted(set(self.waiting) | set(report.waiting)))

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.window.statusBar().showMessage(f"Cannot count the sources waiting for a team worker: {message}", 10000)

    def _key(self) -> str | None:
        group = workspace_key(self.window)
        return None if group is None else f"{group}/{SETTING}"

    def _saved(self) -> bool:
        key = self._key()
        return key is not None and str(QSettings().value(key, "false")).lower() == "true"

    def _remember(self, checked: bool) -> None:
        key = self._key()
        if key is not None:
            QSettings().setValue(key, "true" if checked else "false")
        where = "the team's workers" if checked else "this window"
        self.window.statusBar().showMessage(f"Imports are analysed by {where}.", 6000)
