"""The File menu's workspace commands: New, Open and Open Recent (the window closes the workspace
it shows and shows the other; one that fails to open leaves the first open), Back Up Now and
Restore Backup… (the workspace's present state is kept as a backup first, so a restore can be
undone by restoring that one)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from briefing.domain import BriefingError, strip_bidi
from briefing.paths import WORKSPACE_SUFFIX
from briefing.ui.file_dialogs import open_file, save_file
from briefing.ui.plain import choose, tip, warn
from briefing.ui.tasks import Task

if TYPE_CHECKING:
    from collections.abc import Callable

    from briefing.store import Workspace
    from briefing.ui.main_window import MainWindow

RECENT_KEY = "recent/workspaces"
RECENT_COUNT = 8
TEAM_BACKUPS = "A team workspace is backed up by its server (pg_dump); 'briefing copy' makes a file of it"
FILE_FILTER = f"Briefing workspaces (*{WORKSPACE_SUFFIX});;All files (*)"


class WorkspaceFiles(QObject):
    """New, Open, Open Recent, Back Up Now and Restore Backup… for one window."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.recent_menu: QMenu | None = None
        self.file_actions: list[QAction] = []  # Back Up Now, Restore Backup…
        self.ask: Callable[[str, tuple[str, ...]], int | None] = lambda text, answers: choose(
            window, "Briefing", text, answers
        )  # tests answer in its place

    def fill_menu(self, menu: QMenu) -> None:
        self._add(menu, "&New Workspace…", self.choose_new, QKeySequence.StandardKey.New)
        self._add(menu, "&Open Workspace…", self.choose_open, QKeySequence.StandardKey.Open)
        self.recent_menu = menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        menu.addSeparator()
        self.file_actions = [
            self._add(menu, "&Back Up Now", self.back_up_now),
            self._add(menu, "Res&tore Backup…", self.choose_backup),
        ]
        menu.addSeparator()
        menu.aboutToShow.connect(self._fit_file_actions)

    def _fit_file_actions(self) -> None:
        """Back Up Now and Restore Backup… act on a workspace file: a team workspace has none
        (they opened a box saying so), the status bar says where its backups come from."""
        window = self.window
        fileless = window.attached and window.ws.path is None
        for action in self.file_actions:
            action.setEnabled(not fileless)
            action.setStatusTip(TEAM_BACKUPS if fileless else "")

    def _add(self, menu: QMenu, text: str, slot, key=None) -> QAction:
        action = menu.addAction(text)
        if key is not None:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda: slot())
        return action

    # -- opening ---------------------------------------------------------
    def choose_open(self) -> None:
        name = open_file(self.window, "Open Workspace", self._folder(), FILE_FILTER)
        if name:
            self.open_path(Path(name))

    def choose_new(self) -> None:
        # an existing file is refused, never replaced: no question about replacing it
        name, _ = save_file(self.window, "New Workspace", self._folder(), FILE_FILTER, confirm=False)
        if name:
            self.new_path(Path(name))

    def new_path(self, path: Path) -> bool:
        """Make an empty workspace at ``path`` (``.briefing`` added) and show it."""
        if path.suffix.lower() != WORKSPACE_SUFFIX:
            path = path.with_name(path.name + WORKSPACE_SUFFIX)
        if path.exists():
            warn(self.window, "New Workspace", f"{path}: already exists; File ▸ Open Workspace… opens it")
            return False
        return self.open_path(path)

    def open_path(self, path: Path, note: str = "") -> bool:
        """Show the workspace at ``path`` in the window. The slow part (the full check of a file
        not closed normally here, an upgrade) runs in the worker behind a progress dialog, as at
        startup; the workspace open stays open when the other cannot be opened (the reason is
        said in one line). False when it cannot be opened or the analyst keeps the one open."""
        from briefing.store.backup_files import list_backups
        from briefing.ui.startup import Opening, check_file

        window = self.window
        current = window.ws.path if window.attached else None
        if current is not None and _same_file(current, path):
            window.statusBar().showMessage(f"{path.name} is already open in this window", 5000)
            return True
        if not note and not self.may_leave(f"open {path.name}"):
            return False
        kept = set(list_backups(path))
        result: list[bool] = []  # the outcome, once known (at once with a synchronous runner)

        def failed(exc: BriefingError) -> None:
            result.append(self._not_opened(path, exc))

        def shown(ws: Workspace) -> None:
            self._show(path, ws, kept, note)
            result.append(True)

        Opening(window, lambda: _open_file(path), failed, shown).start(check_file(path))
        return result[0] if result else True

    def _not_opened(self, path: Path, exc: BriefingError) -> bool:
        """A damaged file's newest backup is offered; anything else is said in one line."""
        from briefing.store.backup_files import backup_folder
        from briefing.ui.damaged import offer_restore

        if offer_restore(self.window, path, exc):  # restored: open it now
            return self.open_path(
                path, f"; restored from its newest backup (the damaged file is in {backup_folder(path)})"
            )
        return False

    def _show(self, path: Path, ws: Workspace, kept: set[Path], note: str) -> None:
        from briefing.store.backup_files import list_backups

        self.switch_to(ws)
        upgraded = [b for b in list_backups(path) if b not in kept and b.stem.endswith("-before-upgrade")]
        if upgraded:  # a colleague's older Briefing can no longer open it
            note += f"; upgraded for this version of Briefing, the file as it was is kept as {upgraded[-1].name}"
        read_only = " read-only" if ws.read_only else ""
        opened = strip_bidi(f"Opened {ws.name}{read_only} ({path.parent}){note}")
        self.window.statusBar().showMessage(opened, 30000 if note else 10000)

    def may_leave(self, doing: str) -> bool:
        """Ask before a running import or analysis is stopped (what it finished is kept)."""
        task = self.window.imports.task
        if task is None:
            return True
        what = "An import" if task.label == "import" else "An analysis"
        text = f"{what} is still running. Stop it and {doing}? What it finished is kept."
        return self.ask(text, ("Stop and Continue",)) == 0

    def may_close(self) -> bool:
        """Closing the window: a running import stops only if the analyst agrees; a summary being
        typed is saved; then every task ends. False when the window stays open."""
        if not self.may_leave("close the window"):
            return False
        self.window.source_actions.keep_typed_summary(None)
        if self.window.runner.cancel_all_and_wait():
            self.window.runner.stop_children()  # the embedding model's process
        return True

    def switch_to(self, ws: Workspace) -> None:
        """Close the window's workspace (its place is remembered) and show ``ws``."""
        self.detach()
        self.window.attach(ws)

    def detach(self) -> None:
        """Stop the window's work on its workspace and close it: nothing of it stays in the
        window to act on another (undo steps, a pinned claim, search results, an entity page)."""
        from briefing.ui.window_state import save_reading

        window = self.window
        window.source_actions.keep_typed_summary(None)
        window.runner.cancel_all_and_wait()
        window.backup_timer.stop()
        if not window.attached:
            return
        if window.remember:
            save_reading(window)
        window.team_changes.stop()
        window.undo_stack.clear()
        window.evidence_flow.unpin()
        window.entity_dock.hide()
        window.search_dock.results.clear()
        window.search_dock.field.clear()
        # the source and rows picked, and the filter, were the first workspace's: the same ids in
        # the next one are other records
        window.filter_edit.blockSignals(True)
        window.filter_edit.clear()
        window.filter_edit.blockSignals(False)
        window.filter_timer.stop()  # a filter typed a moment ago is not applied to the next one
        window.model.text = ""
        window.table.setCurrentIndex(QModelIndex())
        old, window._ws = window.ws, None
        old.close()

    # -- recent ----------------------------------------------------------
    def remember_recent(self, ws: Workspace) -> None:
        if ws.path is None:
            return
        path = str(ws.path.resolve())
        settings = QSettings()
        recent = [p for p in _recent(settings) if p != path]
        settings.setValue(RECENT_KEY, [path, *recent][:RECENT_COUNT])

    def recent_paths(self) -> list[Path]:
        return [Path(p) for p in _recent(QSettings())]

    def _fill_recent(self) -> None:
        menu = self.recent_menu
        assert menu is not None
        menu.clear()
        paths = self.recent_paths()
        for number, path in enumerate(paths[:9], start=1):
            # a received file's name may hold a bidi override; an & in it is no mnemonic
            shown = strip_bidi(f"{path.name}  ({path.parent})").replace("&", "&&")
            action = menu.addAction(f"&{number} {shown}")
            action.setToolTip(tip(str(path)))
            action.triggered.connect(lambda _=False, p=path: self.open_recent(p))
        if not paths:
            menu.addAction("No recent workspaces").setEnabled(False)

    def open_recent(self, path: Path) -> bool:
        if not path.exists():
            settings = QSettings()
            settings.setValue(RECENT_KEY, [p for p in _recent(settings) if p != str(path)])
            warn(self.window, "Open Recent", f"{path}: no longer there (moved or deleted); it is taken off the list")
            return False
        return self.open_path(path)

    # -- backups ---------------------------------------------------------
    def back_up_soon(self) -> None:
        """A rolling backup in the worker when one is due (store.backup decides; cheap if not)."""
        from briefing.store import open_workspace
        from briefing.store.backup import maybe_back_up

        path = self.window.ws.path
        if path is None or self.window.ws.read_only:
            return

        def work(progress, cancelled):
            with open_workspace(path, read_only=True) as reader:  # a connection belongs to its thread
                return maybe_back_up(reader)

        task = Task(work, "backup")
        task.succeeded.connect(self.backed_up)
        # the message says it failed, and why
        task.failed.connect(lambda message: self.window.statusBar().showMessage(f"Automatic backup: {message}", 30000))
        self.window.runner.start(task)

    def backed_up(self, made) -> None:
        """A routine notice: it joins what the status bar says (an import's result stays in view)."""
        if made is None:
            return
        bar = self.window.statusBar()
        shown, note = bar.currentMessage(), f"Backed up to {made.name}"
        bar.showMessage(f"{shown} · {note}" if shown else note, 10000 if shown else 5000)

    def back_up_now(self) -> None:
        """Copy the workspace into its backup folder now, in the worker; say where, or why not."""
        window = self.window
        path = self._file("Back Up Now")
        if path is None:
            return

        def work(progress, cancelled):
            from briefing.store import open_workspace
            from briefing.store.backup import back_up

            with open_workspace(path, read_only=True) as reader:  # a connection belongs to its thread
                return back_up(reader)

        task = Task(work, "backup")
        task.succeeded.connect(lambda made: window.statusBar().showMessage(f"Backed up to {made}", 15000))
        task.failed.connect(lambda message: warn(window, "Back Up Now", message, QMessageBox.Icon.Critical))
        window.runner.start(task)

    def choose_backup(self) -> None:
        """The workspace's backups, newest first, with when and why each was made (or a copy kept
        elsewhere), then the question of ``restore``."""
        from briefing.ui.backup_dialog import BackupDialog

        path = self._file("Restore Backup")
        if path is None:
            return
        dialog = BackupDialog(self.window, path)
        if dialog.exec() and dialog.chosen is not None:
            self.restore(dialog.chosen)

    def restore(self, backup: Path) -> bool:
        """Replace the workspace's content with ``backup``'s, once the analyst agrees; its present
        state is kept as a backup first. True when restored."""
        window = self.window
        path = self._file("Restore Backup")
        if path is None:
            return False
        if window.ws.read_only:
            warn(
                window,
                "Restore Backup",
                f"{path.name} is open read-only ({window.ws.read_only_reason}); nothing was restored",
            )
            return False
        when = datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M") if backup.exists() else "?"
        text = (
            f"Replace everything in {path.name} with the backup {backup.name} (made {when})? "
            "Its present state is kept as a backup first, so Restore Backup… can bring it back."
        )
        if self.ask(text, ("Restore",)) != 0 or not self.may_leave("restore the backup"):
            return False
        return self._restore(path, backup)

    def _restore(self, path: Path, backup: Path) -> bool:
        from briefing.store.restore import restore_backup

        window = self.window
        self.detach()
        kept: Path | None = None
        failure: BriefingError | None = None
        try:
            kept = restore_backup(path, backup)
        except BriefingError as exc:
            failure = exc
        try:
            window.attach(_open_file(path))
        except BriefingError as exc:
            warn(window, "Restore Backup", str(exc), QMessageBox.Icon.Critical)
            return False
        if failure is not None:
            warn(window, "Restore Backup", f"{failure}; nothing was restored", QMessageBox.Icon.Critical)
            return False
        note = f"; its previous state is kept as {kept.name}" if kept is not None else ""
        window.statusBar().showMessage(f"Restored {path.name} from {backup.name}{note}", 30000)
        return True

    def _file(self, title: str) -> Path | None:
        """The workspace's file, or None after saying why there is none (a team workspace)."""
        ws = self.window.ws
        if ws.path is None:
            warn(self.window, title, f"{ws.name}: a team workspace is backed up by its server (pg_dump)")
        return ws.path

    def _folder(self) -> str:
        window = self.window
        path = window.ws.path if window.attached else None
        return str(path.parent) if path is not None else ""


def _open_file(path: Path) -> Workspace:
    """As the app opens its first workspace: read-only when another process writes it or it
    cannot be written, after waiting a moment for a command that holds the lock briefly."""
    from briefing.pipeline import open_default_workspace
    from briefing.store.lock import LOCK_WAIT
    from briefing.ui.startup import opened_by

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a file not closed normally is checked in full
    try:
        return opened_by(lambda: open_default_workspace(path, fallback_read_only=True, backup=False, wait=LOCK_WAIT))
    finally:
        QGuiApplication.restoreOverrideCursor()


def _recent(settings: QSettings) -> list[str]:
    value = settings.value(RECENT_KEY)
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, list) else []


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False
