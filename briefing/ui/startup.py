"""The window appears first; the workspace opens once it has painted.

The slow part of opening (building the demo workspace on first use, the full check of a file the
last session did not close) runs first in the window's worker, with a progress dialog when it
lasts; the workspace then opens on the GUI thread, which owns its connection, without repeating
the check (the store checks a file once per process).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from briefing.domain import BriefingError, WorkspaceError
from briefing.ui.plain import plain_label
from briefing.ui.tasks import Task, TaskFn

if TYPE_CHECKING:
    from briefing.store import Workspace
    from briefing.ui.main_window import MainWindow

PROGRESS_DELAY_MS = 600  # as Anki: no dialog for work that ends sooner


def open_when_painted(
    window: MainWindow,
    opener: Callable[[], Workspace],
    failed: Callable[[BriefingError], None],
    prepare: TaskFn | None = None,
) -> None:
    """Once ``window`` (a MainWindow) has painted, run ``prepare(progress, cancelled)`` in its
    worker, then call ``opener`` and attach the workspace it opens: the window appears at once,
    however long the workspace takes. ``failed`` gets the error of either step."""
    opening = Opening(window, opener, failed)
    window.first_paint = FirstPaint(window, lambda: opening.start(prepare))


def check_file(target: Path) -> TaskFn:
    """The slow part of opening ``target`` for the worker: the full check of a file the last
    session did not close, or one never opened here (a received copy), and any upgrade. The store
    checks a file once per process, so the open on the GUI thread that follows skips it."""

    def check(progress, cancelled) -> None:
        from briefing.store import open_workspace
        from briefing.store.lock import CLOSED, OPEN, marker

        if target.is_file() and (state := marker(target)) != CLOSED:
            why = "it was not closed normally" if state == OPEN else "first opening here"
            progress(0, 0, f"Checking {target.name} ({why})")
        with open_workspace(target, fallback_read_only=True):
            pass

    return check


class Opening(QObject):
    """The two steps of opening, their progress dialog, and the hand-over to the window
    (``attach``, the window's own by default)."""

    def __init__(
        self,
        window: MainWindow,
        opener: Callable[[], Workspace],
        failed: Callable[[BriefingError], None],
        attach: Callable[[Workspace], None] | None = None,
    ):
        super().__init__(window)
        self.window, self.opener, self.failed = window, opener, failed
        self.attach = attach or window.attach
        self.dialog: QProgressDialog | None = None
        self.task: Task | None = None

    def start(self, prepare: TaskFn | None) -> None:
        if prepare is None:
            self._open()
            return
        self.dialog = self._progress_dialog()
        self.task = Task(prepare, "Opening the workspace")
        self.task.progressed.connect(self._progressed)
        self.task.succeeded.connect(self._prepared)
        self.task.failed.connect(self._failed)
        self.task.done.connect(self._finished)
        self.window.runner.start(self.task)

    def _progress_dialog(self) -> QProgressDialog:
        dialog = QProgressDialog(self.window)
        dialog.setLabel(plain_label("Opening the workspace…"))  # the label may name the file
        dialog.setWindowTitle("Briefing")
        dialog.setCancelButton(None)
        dialog.setRange(0, 0)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)  # starts the minimum-duration timer
        return dialog

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, label: str) -> None:
        if self.dialog is not None and label:
            self.dialog.setLabelText(f"{label}…")
            self.window.statusBar().showMessage(f"{label}…")

    @Slot(object)
    def _prepared(self, _result: object) -> None:
        self._close_dialog()
        self._open()

    @Slot(str)
    def _failed(self, message: str) -> None:
        """The worker's step failed: the open on this thread says why with the error's own kind
        (a damaged file, for which the window offers a backup), or the worker's words."""
        self._close_dialog()
        try:
            ws = opened_by(self.opener)
        except BriefingError as exc:
            self.failed(exc)
            return
        ws.close()
        self.failed(WorkspaceError(message))

    @Slot()
    def _finished(self) -> None:
        self._close_dialog()
        self.task = None
        self.deleteLater()  # both steps are over

    def _open(self) -> None:
        try:
            ws = opened_by(self.opener)
        except BriefingError as exc:
            self.failed(exc)
            return
        self.attach(ws)

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None


def opened_by(opener: Callable[[], Workspace]) -> Workspace:
    """``opener()``, with an operating system's error the store let through (a folder gone, a
    disk unplugged) made one line the window can show: never an exception that leaves it at
    'Opening the workspace…'."""
    try:
        return opener()
    except OSError as exc:
        reason = (exc.strerror or type(exc).__name__).lower()
        where = f"{exc.filename}: " if exc.filename else "the workspace "
        raise WorkspaceError(f"{where}cannot be opened ({reason})") from None


class FirstPaint(QObject):
    """Calls ``then`` once, after ``window`` first paints (or after a second, if it never does:
    a window started minimised)."""

    def __init__(self, window: QWidget, then: Callable[[], None]):
        super().__init__(window)
        self.window = window
        self.then: Callable[[], None] | None = then
        window.installEventFilter(self)
        QTimer.singleShot(1000, self._fire)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self._fire)  # after this paint has reached the screen
        return False

    def _fire(self) -> None:
        if self.then is not None:
            then, self.then = self.then, None
            self.window.removeEventFilter(self)
            then()
