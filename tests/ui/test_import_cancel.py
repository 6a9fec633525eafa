"""Cancel and Close end an import whose reading or analysis would take minutes.

The long work runs in a child process that Cancel stops: the worker thread notices within
a poll interval, so the signals below come promptly. Timeouts are safety nets, not speeds.
"""

from __future__ import annotations

import json

import pytest

from briefing.store import open_workspace
from briefing.ui.main_window import MainWindow
from tests.processes import run_python


def long_prose(path, paragraphs: int = 30_000):
    """About 3 MB of ordinary sentences: spaCy needs minutes for it on a loaded machine."""
    text = "\n\n".join(
        f"The mayor of district {i} said on Tuesday that {i % 97} pumps had failed again. "
        f"Engineers from the ministry arrived in Port Halden {i % 13} hours later, officials said."
        for i in range(paragraphs)
    )
    path.write_text("Pumps fail across the city\n\n" + text, encoding="utf-8")
    return path


def labels_of(task) -> list[str]:
    labels: list[str] = []
    task.progressed.connect(lambda done, total, label: labels.append(label))
    return labels


@pytest.mark.slow
def test_cancel_ends_an_analysis_that_would_take_minutes(qtbot, tmp_path):
    source = long_prose(tmp_path / "long.txt")
    with open_workspace(tmp_path / "w.briefing") as ws:
        win = MainWindow(ws)  # a threaded runner, as in the app
        qtbot.addWidget(win)
        win.imports.start([source])
        task = win.imports.task
        labels = labels_of(task)
        qtbot.waitUntil(lambda: any(label.startswith("Analysing") for label in labels), timeout=120_000)
        # task.done is emitted on the worker thread: waiting on it directly would stop the
        # wait's timer from that thread, so wait for the GUI thread's view of the end instead
        win.imports.dialog.canceled.emit()  # what the Cancel button does
        qtbot.waitUntil(lambda: win.imports.task is None and not win.runner.busy(), timeout=30_000)
        assert "(cancelled)" in win.statusBar().currentMessage()


CLOSE_WHILE_ANALYSING = r"""
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication
from briefing.store import open_workspace
from briefing.ui.main_window import MainWindow
app = QApplication([])
with open_workspace(sys.argv[1]) as ws:
    win = MainWindow(ws, remember=False)
    win.show()
    win.imports.start([Path(sys.argv[2])])
    labels = []
    win.imports.task.progressed.connect(lambda done, total, label: labels.append(label))
    while not any(label.startswith("Analysing") for label in labels):
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)  # each progress is an event
    win.files.ask = lambda text, answers: 0  # Stop and Continue
    start = time.perf_counter()
    win.close()
    print(json.dumps({"close_seconds": round(time.perf_counter() - start, 3)}), flush=True)
"""


@pytest.mark.slow
def test_close_during_an_analysis_ends_it(tmp_path):
    source = long_prose(tmp_path / "long.txt")
    result = run_python(CLOSE_WHILE_ANALYSING, str(tmp_path / "w.briefing"), str(source), timeout=180)
    assert result.returncode == 0, result.stderr[-3000:]
    print(json.loads(result.stdout.strip().splitlines()[-1]))


def test_the_child_returns_results_errors_and_survives_a_crash(tmp_path):
    import os

    from briefing.domain import BriefingError, IngestError
    from briefing.ingest import read_document
    from briefing.ui.tasks import ChildProcess

    with ChildProcess(lambda: False) as child:
        with pytest.raises(IngestError) as caught:
            child.call(read_document, str(tmp_path / "gone.txt"))
        assert (caught.value.path, caught.value.reason) == (str(tmp_path / "gone.txt"), "no such file")
        with pytest.raises(BriefingError, match="the worker process stopped unexpectedly"):
            child.call(os._exit, 3)
        assert child.call(len, "abc") == 3  # a new child takes over


def test_the_import_dialogs_open_at_home_then_where_the_last_import_was(demo_window, monkeypatch, tmp_path):
    """They opened in the folder the app was started from: for a new user who ran 'make run',
    the source code's folder."""
    from pathlib import Path

    from briefing.ui import import_flow

    opened: list[str] = []
    articles = tmp_path / "articles"
    articles.mkdir()
    monkeypatch.setattr(
        import_flow,
        "open_folder",
        lambda parent, title, folder: opened.append(folder) or str(articles),
    )
    monkeypatch.setattr(
        import_flow,
        "open_files",
        lambda parent, title, folder, filters: opened.append(folder) or [],
    )
    imports = demo_window.imports
    imports.choose_folder()
    imports.choose_files()
    assert opened == [str(Path.home()), str(tmp_path)]
