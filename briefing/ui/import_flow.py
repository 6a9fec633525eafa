"""File > Import, drag-and-drop and Analyse: long work off the UI thread, with a progress dialog.

One import or analysis runs at a time (both write the analysis). Files are read and texts
analysed in a child process (``ChildProcess``): the GUI process never loads spaCy, and Cancel
stops the child at once. Each run reports what it really did: how many sources it imported,
which older sources it analysed too, and how many are still waiting for the analysis. On a team
workspace the import may instead queue the analysis for the team's workers (``team_queue``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from briefing.domain import ImportReport
from briefing.languages import withheld_note
from briefing.pipeline import analyse_sources, import_paths
from briefing.store import Workspace
from briefing.store.sources import not_analysed_ids
from briefing.ui.file_dialogs import open_files, open_folder
from briefing.ui.plain import message_box, plain_label, warn
from briefing.ui.tasks import ChildProcess, Task, TaskRunner
from briefing.ui.team_queue import QueuedImport, import_and_queue
from briefing.workers import default_jobs

PROGRESS_DELAY_MS = 500


def file_filter() -> str:
    from briefing.ingest import SUPPORTED_SUFFIXES  # loads the importers only when a dialog opens

    return "Sources ({});;All files (*)".format(" ".join(f"*{s}" for s in sorted(SUPPORTED_SUFFIXES)))


def import_counted(ws: Workspace, targets: list[Path], progress, cancelled, call=None, jobs=1) -> ImportReport:
    """``import_paths`` with the report's analysis counts (older sources analysed, still waiting)."""
    waiting = not_analysed_ids(ws)
    report = import_paths(ws, targets, progress, cancelled, call=call, jobs=jobs)
    report.count_analysis(waiting, not_analysed_ids(ws))
    return report


def analyse_counted(
    ws: Workspace, source_ids: list[int] | None, progress, cancelled, call=None, jobs=1
) -> ImportReport:
    """Analyse these sources (None: every one waiting); the report says how many and what is left."""
    withheld: list[str] = []
    report = ImportReport()
    waiting = not_analysed_ids(ws)
    report.analysed = analyse_sources(ws, source_ids, progress, cancelled, call, withheld, jobs)
    report.count_analysis(waiting, not_analysed_ids(ws))
    report.cancelled = cancelled()
    if withheld:
        report.notes.append(withheld_note(withheld))
    return report


PROGRESS_WIDTH = 480  # pixels: the import dialog's width, whatever its label says


class ImportFlow(QObject):
    """Owns the dialogs of one import or analysis at a time; the window stays responsive.

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
        self.on_analysed: Callable[[ImportReport], None] = lambda report: None
        # a team workspace's imports may hand their analysis to its workers (ui.team_queue)
        self.to_workers: Callable[[], bool] = lambda: False
        self.on_queued: Callable[[QueuedImport], None] = lambda report: None
        self.task: Task | None = None
        self.title = "Import"
        self.dialog: QProgressDialog | None = None

    def choose_files(self) -> None:
        if self._refused("Import"):
            return
        files = open_files(self.owner, "Import Sources", str(import_folder()), file_filter())
        if files:
            remember_import_folder(Path(files[0]).parent)
            self.start([Path(f) for f in files])

    def choose_folder(self) -> None:
        if self._refused("Import"):
            return
        folder = open_folder(self.owner, "Import a Folder of Sources", str(import_folder()))
        if folder:
            remember_import_folder(Path(folder).parent)
            self.start([Path(folder)])

    def start(self, targets: list[Path]) -> None:
        if self._refused("Import") or self._busy("Import"):
            return
        step = import_and_queue if self.to_workers() else import_counted
        work = self._in_worker(
            lambda ws, progress, cancelled, call, jobs: step(ws, targets, progress, cancelled, call, jobs)
        )
        self._run(Task(work, "import"), "Import", "Importing…", self._succeeded)

    def analyse(self, source_ids: list[int] | None = None) -> None:
        """Analyse these sources (None: every source waiting for the analysis) in the worker."""
        if self._refused("Analyse") or self._busy("Analyse"):
            return
        ids = None if source_ids is None else list(source_ids)
        work = self._in_worker(
            lambda ws, progress, cancelled, call, jobs: analyse_counted(ws, ids, progress, cancelled, call, jobs)
        )
        self._run(Task(work, "analysis"), "Analyse", "Analysing…", self._analysed)

    def _refused(self, title: str) -> bool:
        """A workspace that may only be read refuses here, in one line, before a file picker or a
        progress dialog opens: the import or analysis would only fail at its first write."""
        ws = self.workspace()
        if not ws.read_only:
            return False
        done = "nothing was imported" if title == "Import" else "nothing was analysed"
        warn(self.owner, title, f"{ws.name} is read-only here: {ws.read_only_reason}; {done}")
        return True

    def _busy(self, title: str) -> bool:
        if self.task is None:
            return False
        what = "An import" if self.task.label == "import" else "An analysis"
        warn(self.owner, title, f"{what} is already running.", QMessageBox.Icon.Information)
        return True

    def _in_worker(self, fn):
        """``fn(ws, progress, cancelled, call, jobs)`` as a task: in place for tests and in-memory
        workspaces, else on the worker's own connection with a child process for reading files
        and one analysis process per core (``jobs``) for a large enough batch."""
        ws = self.workspace()
        if not ws.can_reopen or self.runner.synchronous:
            return lambda progress, cancelled: fn(ws, progress, cancelled, None, 1)

        def run_in_worker(progress, cancelled) -> ImportReport:
            # A Database belongs to the thread that opened it: the worker opens its own. Files
            # are read and texts analysed in a child process, which Cancel and Close stop.
            with ws.reopen() as worker_ws, ChildProcess(cancelled) as child:  # same mode: read-only imports nothing
                return fn(worker_ws, progress, cancelled, child.call, default_jobs())

        return run_in_worker

    def _run(self, task: Task, title: str, label: str, succeeded) -> None:
        self.task, self.title = task, title
        self.dialog = self._progress_dialog(title, label)
        task.progressed.connect(self._progressed)
        task.succeeded.connect(succeeded)
        task.failed.connect(self._failed)  # a bound slot: delivered on the GUI thread, never a lambda
        task.done.connect(self._finished)
        self.runner.start(task)

    def _progress_dialog(self, title: str = "Import", label: str = "Importing…") -> QProgressDialog:
        dialog = QProgressDialog(label, "Cancel", 0, 0, self.owner)
        dialog.setLabel(plain_label(label))  # the label shows file names: text, never HTML
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self._cancel)
        dialog.setFixedWidth(PROGRESS_WIDTH)  # it kept resizing to each label: "Reading…", "Analysing…"
        return dialog

    @Slot()
    def _cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, label: str) -> None:
        dialog = self.dialog  # setValue() may process events that end the import
        if dialog is not None:
            text = f"{label}…" if label else "Finishing…"
            room = PROGRESS_WIDTH - 40  # a long file name is cut in its middle, not the dialog widened
            dialog.setLabelText(dialog.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, room))
            dialog.setMaximum(total)
            dialog.setValue(done)

    @Slot(object)
    def _succeeded(self, report: ImportReport) -> None:
        if isinstance(report, QueuedImport):
            self.on_queued(report)  # marked waiting before the list is drawn again
        self.on_done(report)
        if report.failed or report.left_out:
            icon = QMessageBox.Icon.Warning if report.failed else QMessageBox.Icon.Information
            box = message_box(self.owner, icon, "Import", report.summary_line())
            box.setInformativeText(failures_in_brief(report.failed + report.left_out))
            box.setDetailedText("\n".join(f"{path}: {reason}" for path, reason in report.failed + report.left_out))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

    @Slot(str)
    def _failed(self, message: str) -> None:
        warn(self.owner, self.title, message)

    @Slot(object)
    def _analysed(self, report: ImportReport) -> None:
        self.on_analysed(report)

    @Slot()
    def _finished(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = None
        self.task = None


FAILURES_SHOWN = 3  # named in the message itself; all of them, with their folders, in the details


def failures_in_brief(failed: list[tuple[str, str]]) -> str:
    """The first few files that failed (or that left something out), by name, with their
    reasons: 'broken.pdf: empty file'. The message said only "see the details", behind a button,
    even for one file."""
    lines = [f"{Path(path).name or path}: {reason}" for path, reason in failed[:FAILURES_SHOWN]]
    more = len(failed) - FAILURES_SHOWN
    if more > 0:
        lines.append(f"and {more} more (Show Details… lists them all)")
    return "\n".join(lines)


IMPORT_FOLDER_KEY = "import/folder"


def import_folder() -> Path:
    """Where the import dialogs open: the folder of the last import while it exists, else the
    home folder (they opened in the folder the app was started from, a stranger's for a new user)."""
    folder = QSettings().value(IMPORT_FOLDER_KEY)
    return Path(folder) if isinstance(folder, str) and folder and Path(folder).is_dir() else Path.home()


def remember_import_folder(folder: Path) -> None:
    QSettings().setValue(IMPORT_FOLDER_KEY, str(folder))
