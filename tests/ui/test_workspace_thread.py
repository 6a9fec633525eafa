"""Work on the open workspace runs on one long-lived connection in its own thread."""

import threading

import pytest

from briefing.store import open_workspace
from briefing.store.sources import list_sources
from briefing.ui.tasks import Task, TaskRunner


@pytest.fixture
def workspace(analysed_path, tmp_path):
    copy = tmp_path / "copy.briefing"
    copy.write_bytes(analysed_path.read_bytes())
    with open_workspace(copy) as ws:
        yield ws


class Collect:
    """Bound slots (delivered on the GUI thread) that record what the tasks said."""

    def __init__(self):
        self.results, self.errors = [], []

    def task(self, fn, label="work"):
        task = Task.on_workspace(fn, label)
        task.succeeded.connect(self.results.append)
        task.failed.connect(self.errors.append)
        return task


def _seen(ws, progress, cancelled):
    return ws, threading.get_ident(), len(list_sources(ws))


def test_tasks_share_one_connection_in_one_thread_off_the_gui_thread(qtbot, workspace):
    runner, seen = TaskRunner(), Collect()
    try:
        for _ in range(5):
            runner.start_on(workspace, seen.task(_seen))
        qtbot.waitUntil(lambda: len(seen.results) == 5)
        connections = {id(ws) for ws, _, _ in seen.results}
        threads = {thread for _, thread, _ in seen.results}
        assert len(connections) == 1 and runner.connections_opened == 1
        assert threads != {threading.get_ident()} and len(threads) == 1
        assert all(ws is not workspace for ws, _, _ in seen.results)
        assert {count for _, _, count in seen.results} == {len(list_sources(workspace))}
        assert not runner.busy()
        with qtbot.waitSignal(runner.idle):  # the window's panes learn the worker is done
            runner.start_on(workspace, seen.task(_seen))
        assert not runner.busy()
    finally:
        assert runner.cancel_all_and_wait()
    assert seen.results[0][0].closed  # closed in its own thread when the runner stopped


def test_another_workspace_gets_its_own_connection_and_the_old_one_closes(qtbot, workspace, analysed_path, tmp_path):
    other_path = tmp_path / "other.briefing"
    other_path.write_bytes(analysed_path.read_bytes())
    runner, seen = TaskRunner(), Collect()
    try:
        with open_workspace(other_path) as other:
            runner.start_on(workspace, seen.task(_seen))
            runner.start_on(other, seen.task(_seen))
            qtbot.waitUntil(lambda: len(seen.results) == 2)
        first, second = seen.results[0][0], seen.results[1][0]
        assert first.path == workspace.path and second.path == other_path
        assert runner.connections_opened == 2 and first.closed and not second.closed
    finally:
        assert runner.cancel_all_and_wait()


def test_a_read_only_window_works_read_only_in_the_thread_too(qtbot, workspace):
    runner, seen = TaskRunner(), Collect()
    try:
        with open_workspace(workspace.path, read_only=True) as reader:

            def write(ws, progress, cancelled):
                with ws.transaction() as db:
                    db.execute("update sources set title = 'x'")

            runner.start_on(reader, seen.task(write, "renaming"))
            qtbot.waitUntil(lambda: bool(seen.errors))
        assert "read-only" in seen.errors[0] and not seen.results  # WorkspaceReadOnly's one line
    finally:
        assert runner.cancel_all_and_wait()


def test_a_failing_task_reports_one_line_and_the_next_one_still_runs(qtbot, workspace):
    runner, seen = TaskRunner(), Collect()

    def broken(ws, progress, cancelled):
        raise ValueError("bad\nsecond line")

    try:
        runner.start_on(workspace, seen.task(broken, "search"))
        runner.start_on(workspace, seen.task(_seen))
        qtbot.waitUntil(lambda: bool(seen.results))
        assert seen.errors == ["search failed: ValueError: bad"]
        assert runner.connections_opened == 1
    finally:
        assert runner.cancel_all_and_wait()


def test_cancelled_tasks_waiting_in_the_queue_never_run(qtbot, workspace):
    runner, seen = TaskRunner(), Collect()
    gate, ran = threading.Event(), []

    def blocked(ws, progress, cancelled):
        gate.wait()
        return "first"

    def later(ws, progress, cancelled):
        ran.append(True)

    first = seen.task(blocked)
    runner.start_on(workspace, first)
    waiting = seen.task(later)
    runner.start_on(workspace, waiting)
    waiting.cancel()
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy())
    assert seen.results == ["first"] and not ran
    assert runner.cancel_all_and_wait()


def test_a_synchronous_runner_and_an_in_memory_workspace_run_in_place():
    seen = Collect()
    with open_workspace(memory=True) as ws:
        TaskRunner().start_on(ws, seen.task(_seen))
        assert seen.results and seen.results[0][0] is ws
    runner = TaskRunner(synchronous=True)
    with open_workspace(memory=True) as ws:
        runner.start_on(ws, seen.task(_seen))
        assert seen.results[1][1] == threading.get_ident()


# What both child scripts start with: an app, and a task function that blocks until released.
BLOCKING = """
import sys, threading
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject
from PySide6.QtWidgets import QApplication
from briefing.store import open_workspace
from briefing.ui import tasks

app = QApplication([])
started, release = threading.Semaphore(0), threading.Event()

def block(*args):
    started.release()
    release.wait(120)  # a guard against a hang, not a wait for time to pass
"""

OUTLIVE = (
    BLOCKING
    + """
ws = open_workspace(sys.argv[1])
owner = QObject()
runner = tasks.TaskRunner(parent=owner)
runner.start(tasks.Task(block, "blocking"))
runner.start_on(ws, tasks.Task.on_workspace(block, "blocking on the workspace"))
started.acquire()
started.acquire()
del runner
owner.deleteLater()
QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the runner goes with its owner
print("outlived", flush=True)
release.set()
while tasks.threads_running():
    app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
ws.close()
print("ended", flush=True)
"""
)

AT_EXIT = (
    BLOCKING
    + """
runner = tasks.TaskRunner()
runner.start(tasks.Task(block, "a backup"))
started.acquire()
runner.cancel_all_and_wait(0)  # Close's wait ran out: the task still writes
threading.Timer(0.5, release.set).start()  # ends while the process is on its way out
tasks.wait_for_running_tasks()
print("exited", flush=True)
"""
)


def _run_child(script: str, *args: str):
    """``script`` run offscreen in a child Python: an abort there fails the test, not the run."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, timeout=300)


def test_a_runner_destroyed_while_its_threads_run_does_not_abort_the_app(tmp_path):
    """A window (and its runner) destroyed while a task still ran, a close whose wait for the
    tasks timed out under load, aborted the whole process: 'QThread: Destroyed while thread is
    still running', seen as 'Fatal Python error: Aborted' in a later test's event loop."""
    done = _run_child(OUTLIVE, str(tmp_path / "outlive.briefing"))
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["outlived", "ended"]


def test_a_task_still_running_when_the_app_quits_ends_before_the_process():
    """Quit during the first automatic backup of a large workspace: Close's 5-second wait ran
    out, the app's process went on to exit and destroyed the backup's running thread ('QThread:
    Destroyed while thread is still running', exit code 134). The app waits for it now."""
    done = _run_child(AT_EXIT)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["exited"]
