import gc
import os

import pytest
from PySide6.QtCore import QSettings

from briefing.ui.main_window import MainWindow
from briefing.ui.tasks import TaskRunner


@pytest.fixture(autouse=True)
def collect_qt_garbage():
    """Destroy the Qt objects a test leaves in reference cycles now, while no
    worker thread runs, instead of in a later test's garbage collection."""
    yield
    gc.collect()


@pytest.fixture(autouse=True)
def private_settings(tmp_path):
    """Each test's window layout in a QSettings folder of its own: a pane one test opens wide
    is not restored into the next test's window."""
    native, user = QSettings.Format.NativeFormat, QSettings.Scope.UserScope
    QSettings.setPath(native, user, str(tmp_path / "settings"))
    yield
    QSettings.setPath(native, user, os.environ["XDG_CONFIG_HOME"])


@pytest.fixture
def demo_window(qtbot, analysed_path, tmp_path):
    from briefing.store import open_workspace

    copy = tmp_path / "copy.briefing"
    copy.write_bytes(analysed_path.read_bytes())
    ws = open_workspace(copy)
    win = MainWindow(ws, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    yield win
    ws.close()
