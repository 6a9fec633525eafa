"""File > Import and drag-and-drop: pick files, import off the UI thread, report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from briefing.domain import ImportReport
from briefing.pipeline import import_paths
from briefing.store import Workspace
from briefing.ui.plain import message_box, plain_label, warn
from briefing.ui.tasks import ChildProcess, Task, TaskRunner

PROGRESS_DELAY_MS = 500


def file_filter() -> str:
    from briefing.ingest import SUPPORTED_SUFFIXES  # loads the importers only when a dialog opens

    return "Sources ({});;All files (*)".format(" ".join(f"*{s}" for s in sorted(SUPPORTED_SUFFIXES)))


class ImportFlow(QObject):
    """Owns the dialogs of one import at a time; the window stays responsive.

    A QObject living in the GUI thread, so the task's signals reach its slots
    through queued connections and widgets are only touched on the GUI thread.
    """

    def __init__(
        self,
        parent: QWidget,
        workspace: Callable[[], Workspace],
        runner: TaskRunner,
        on_done: Callable[[ImportReport], None],
    ):
        super().__init__(parent)
        self.owner = parent
        self.workspace = workspace  # the window's, once it has opened one
        self.runner = runner
        self.on_done = on_done
        self.task: Task | None = None
        self.dialog: QProgressDialog | None = None

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self.owner, "Import Sources", "", file_filter())
        if files:
            self.start([Path(f) for f in files])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.owner, "Import a Folder of Sources")
        if folder:
            self.start([Path(folder)])

    def start(self, targets: list[Path]) -> None:
        if self.task is not None:
            warn(self.owner, "Import", "An import is already running.", QMessageBox.Icon.Information)
            return
        self.task = Task(self._work(targets), "import")
        self.dialog = self._progress_dialog()
        self.task.progressed.connect(self._progressed)
        self.task.succeeded.connect(self._succeeded)
        self.task.failed.connect(self._failed)
        self.task.done.connect(self._finished)
        self.runner.start(self.task)

    def _work(self, targets: list[Path]):
        ws = self.workspace()
        path = ws.path
        if path is None or self.runner.synchronous:
            return lambda progress, cancelled: import_paths(ws, targets, progress, cancelled)

        def run_in_worker(progress, cancelled) -> ImportReport:
            # A Database belongs to the thread that opened it: the worker opens its own. Files
            # are read and texts analysed in a child process, which Cancel and Close stop.
            with ws.reopen() as worker_ws, ChildProcess(cancelled) as child:  # same mode: read-only imports nothing
                return import_paths(worker_ws, targets, progress, cancelled, call=child.call)

        return run_in_worker

    def _progress_dialog(self) -> QProgressDialog:
        dialog = QProgressDialog("Importing…", "Cancel", 0, 0, self.owner)
        dialog.setLabel(plain_label("Importing…"))  # the label shows file names: text, never HTML
        dialog.setWindowTitle("Import")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self._cancel)
        return dialog

    @Slot()
    def _cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, label: str) -> None:
        dialog = self.dialog  # setValue() may process events that end the import
        if dialog is not None:
            dialog.setLabelText(f"{label}…" if label else "Finishing…")
            dialog.setMaximum(total)
            dialog.setValue(done)

    @Slot(object)
    def _succeeded(self, report: ImportReport) -> None:
        self.on_done(report)
        if report.failed:
            box = message_box(self.owner, QMessageBox.Icon.Warning, "Import", report.summary_line())
            box.setInformativeText("Some files could not be imported; see the details.")
            box.setDetailedText("\n".join(f"{path}: {reason}" for path, reason in report.failed))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

    @Slot(str)
    def _failed(self, message: str) -> None:
        warn(self.owner, "Import", message)

    @Slot()
    def _finished(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = None
        self.task = None
