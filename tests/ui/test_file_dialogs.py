"""A file dialog showing the workspace's folder leaves the window's hold on the workspace alone."""

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileSystemModel

from briefing.store import open_workspace
from briefing.ui.file_dialogs import WORKSPACE_TYPE
from briefing.ui.main_window import MainWindow
from briefing.ui.tasks import TaskRunner

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX locks")

# another program reading the workspace once (sqlite-utils, Datasette, the sqlite3 shell)
READ_ONCE = (
    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
    "c.execute('SELECT count(*) FROM sqlite_master').fetchone(); c.close()"
)


@pytest.fixture
def window(qtbot, tmp_path):
    ws = open_workspace(tmp_path / "case.briefing")
    win = MainWindow(ws, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(win)
    yield win
    ws.close()


def look_then_cancel(qtbot, path: Path, seen: list[str]) -> None:
    """Once the open dialog has typed every file of ``path``'s folder, note the workspace's type
    and cancel."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        model = dialog.findChild(QFileSystemModel)
        qtbot.waitUntil(lambda: model.index(str(path), 2).data() not in (None, ""))
        seen.append(model.index(str(path), 2).data())
        dialog.reject()

    QTimer.singleShot(0, look)


@pytest.mark.parametrize("which", ["files", "folder", "workspace"])
def test_file_dialogs_never_open_the_workspace(window, qtbot, tmp_path, monkeypatch, which):
    """Qt named the workspace's type by reading it: closing that descriptor dropped the SQLite
    locks of the window's connection, and the next program to read the file deleted its -wal
    under the window (later edits lost if the app was then killed)."""
    path = window.ws.path
    monkeypatch.setattr("briefing.ui.import_flow.import_folder", lambda: path.parent)
    (path.parent / "articles").mkdir()  # what the folder dialog lists beside the workspace
    seen: list[str] = []
    look_then_cancel(qtbot, path.parent / "articles" if which == "folder" else path, seen)
    {
        "files": window.imports.choose_files,
        "folder": window.imports.choose_folder,
        "workspace": window.files.choose_open,
    }[which]()
    assert seen
    subprocess.run([sys.executable, "-c", READ_ONCE, str(path)], check=True)
    assert Path(f"{path}-wal").exists()
    if which != "folder":
        assert seen == [WORKSPACE_TYPE]
