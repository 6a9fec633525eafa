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
def words_only(monkeypatch):
    """Suggestions stay ranked by shared words unless a test turns the embedding model on
    (``embeddings.available`` and ``embed`` set to its own, which the window then calls in
    this process): a window re-ranks the claims of every source it opens, and a panel test
    asserts what the store held before."""
    from briefing.nlp import embeddings
    from briefing.ui import claim_actions

    monkeypatch.setattr(embeddings, "available", lambda: False)
    monkeypatch.setattr(claim_actions, "EMBED_IN_CHILD_PROCESS", False)  # a test's stub lives here


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


TEAM_WAIT_MS = 600_000  # an event is awaited, never a time: this only bounds a hang on a loaded machine


@pytest.fixture
def team_copy(analysed_path, team_database, tmp_path):
    """The analysed demo workspace copied into a fresh team database; its connection string."""
    from briefing.store.copying import copy_workspace

    copy = tmp_path / "copy.briefing"
    copy.write_bytes(analysed_path.read_bytes())
    copy_workspace(str(copy), team_database)
    return team_database


@pytest.fixture
def team_window(qtbot, team_copy):
    """A window on ``team_copy`` with real worker threads, once it listens for colleagues' changes."""
    from briefing.store import open_workspace

    ws = open_workspace(team_copy)
    window = MainWindow(ws, runner=TaskRunner(), remember=False)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitUntil(lambda: window.team_changes.listening, timeout=TEAM_WAIT_MS)
    yield window
    window.close()
    ws.close()


@pytest.fixture
def shared_window(qtbot, analysed_copy):
    """A window on ``analysed_copy`` (a file or a team database a colleague opens too), its tasks
    run in place: no listener redraws a colleague's change before the analyst acts on what is shown."""
    from briefing.store import open_workspace

    ws = open_workspace(analysed_copy)
    win = MainWindow(ws, runner=TaskRunner(synchronous=True), remember=False)
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    yield win
    win.close()
    ws.close()


@pytest.fixture
def integrity_checks(monkeypatch):
    """A start() that makes every full integrity check from then on note whether it ran on the GUI
    thread (True) or a worker (False), in the list it returns."""
    import threading

    from briefing.store import integrity

    checked_on, real_check = [], integrity.check_integrity

    def check(path, conn):
        checked_on.append(threading.current_thread() is threading.main_thread())
        real_check(path, conn)

    def start() -> list[bool]:
        monkeypatch.setattr(integrity, "check_integrity", check)
        return checked_on

    return start


@pytest.fixture
def large_font_window(qapp, qtbot, analysed_path, tmp_path):
    """The demo window built under a 15-point application font, as a desktop's large-text setting gives."""
    from briefing.store import open_workspace
    from briefing.ui.main_window import MainWindow
    from briefing.ui.tasks import TaskRunner

    normal = qapp.font()
    large = qapp.font()
    large.setPointSizeF(15)
    qapp.setFont(large)
    copy = tmp_path / "large.briefing"
    copy.write_bytes(analysed_path.read_bytes())
    ws = open_workspace(copy)
    window = MainWindow(ws, runner=TaskRunner(synchronous=True), remember=False)
    qtbot.addWidget(window)
    window.show()
    yield window
    ws.close()
    qapp.setFont(normal)
