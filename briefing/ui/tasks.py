"""Long work off the UI thread: the only module that knows about threads and processes.

A task is a core function ``fn(progress, cancelled) -> result``. ``TaskRunner``
runs it in a worker thread and delivers progress, the result or the error to
the GUI thread through signals. With ``synchronous=True`` (tests) it runs in
place, so tests stay deterministic.

Work on the open workspace (a search, a claim's suggestions) goes to ``TaskRunner.start_on``:
one long-lived thread keeps one connection of its own to the window's workspace and runs such
tasks one after the other, as Anki's collection worker does. A ``Database`` belongs to the
thread that opened it, and opening one (lock, checks, settings) costs more than a search; the
connection is opened on first use, opened anew when the window's workspace changes, and closed
in its own thread when the runner stops.

``ChildProcess`` (``briefing.workers.Worker``) runs the CPU-heavy steps a task hands it
(reading a file, analysing a text) in a child process, so Cancel and Close stop them at once
by stopping the child: a parser busy in C code cannot check a flag.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QDeadlineTimer, QObject, QThread, Signal, Slot

from briefing.domain import BriefingError
from briefing.workers import EmbeddingProcess
from briefing.workers import Worker as ChildProcess  # the steps a task hands to a child process

if TYPE_CHECKING:
    from briefing.store.workspace import Workspace

__all__ = ["ChildProcess", "Task", "TaskFn", "TaskRunner", "WorkspaceFn"]

TaskFn = Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any]
WorkspaceFn = Callable[["Workspace", Callable[[int, int, str], None], Callable[[], bool]], Any]


class Task(QObject):
    """One unit of work; connect to its signals before ``TaskRunner.start``."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    done = Signal()

    def __init__(self, fn: TaskFn, label: str):
        super().__init__()
        self.fn = fn
        self.label = label
        self._cancel = threading.Event()
        self.work_on: WorkspaceFn | None = None

    @classmethod
    def on_workspace(cls, fn: WorkspaceFn, label: str) -> Task:
        """A task ``fn(ws, progress, cancelled)`` for ``TaskRunner.start_on``."""
        task = cls(_needs_a_workspace, label)
        task.work_on = fn
        return task

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        self._run(lambda: self.fn(self.progressed.emit, self.is_cancelled))

    def run_on(self, ws: Workspace) -> None:
        """Run a ``start_on`` task on the given connection (the workspace thread's)."""
        work = self.work_on
        if work is None:
            raise TypeError("run_on needs a task made with Task.on_workspace")
        self._run(lambda: work(ws, self.progressed.emit, self.is_cancelled))

    def _run(self, call: Callable[[], Any]) -> None:
        try:
            result = call()
        except BriefingError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a worker must never take the app down
            self.failed.emit(f"{self.label} failed: {type(exc).__name__}: {exc}".splitlines()[0])
        else:
            self.succeeded.emit(result)
        finally:
            self.done.emit()


def _needs_a_workspace(progress, cancelled):
    raise TypeError("a task made with Task.on_workspace runs with TaskRunner.start_on")


# Running threads, and the objects they run, held until each thread finishes: a runner (with the
# window that owns it) may be destroyed first, and Qt aborts the whole process when a running
# QThread is destroyed ("QThread: Destroyed while thread is still running").
_RUNNING: dict[QThread, tuple[QObject, ...]] = {}


def _hold_until_finished(thread: QThread, objects: tuple[QObject, ...], then: Callable[[], None] | None = None) -> None:
    """Keep ``thread`` and ``objects`` until the thread finishes; then call ``then`` (the runner's
    own bookkeeping) and let the thread go. One handler does both, in that order: a thread
    deleted first took the runner's queued call with it, and the runner stayed busy for ever."""
    _RUNNING[thread] = objects
    thread.finished.connect(lambda: _finished(thread, then))


def _finished(thread: QThread, then: Callable[[], None] | None) -> None:
    if then is not None:
        then()
    if _RUNNING.pop(thread, None) is not None:
        thread.deleteLater()


def wait_for_running_tasks() -> None:
    """Wait until every task thread has ended: at the app's exit, before Python tears down what
    they run (a running thread destroyed aborts the process). Close cancelled them and waited 5
    seconds; one still working (a backup of a large workspace on a loaded machine) finishes."""
    for thread in list(_RUNNING):
        thread.quit()  # once its task returns: the task's own done->quit needs this thread's loop
        thread.wait()


def threads_running() -> int:
    """How many task threads have not finished, whoever started them (tests wait for none)."""
    return len(_RUNNING)


class _Connection(QObject):
    """Lives in the workspace thread: holds its connection and runs the tasks queued to it."""

    ran = Signal(object)  # the task, once it has ended (or was skipped)

    def __init__(self) -> None:
        super().__init__()
        self.ws: Workspace | None = None
        self._for: weakref.ref | None = None  # the window's workspace this connection mirrors
        self.opened = 0  # connections opened so far (tests check it stays one)

    @Slot(object, object)
    def run(self, task: Task, source: Workspace) -> None:
        try:
            if task.is_cancelled():
                task.done.emit()
                return
            try:
                ws = self._connection(source)
            except BriefingError as exc:  # the workspace went away or cannot be opened again
                task.failed.emit(str(exc))
                task.done.emit()
                return
            task.run_on(ws)
        finally:
            self.ran.emit(task)

    def _connection(self, source: Workspace) -> Workspace:
        if self.ws is not None and self._for is not None and self._for() is source:
            return self.ws
        self.close()
        self.ws = source.reopen()  # same file, same mode: a read-only window searches read-only
        self._for = weakref.ref(source)
        self.opened += 1
        return self.ws

    @Slot()
    def close(self) -> None:
        if self.ws is not None:
            ws, self.ws, self._for = self.ws, None, None
            ws.close()


class TaskRunner(QObject):
    """Starts tasks in worker threads and keeps them alive until they end."""

    _queue = Signal(object, object)  # (task, workspace) to the workspace thread
    idle = Signal()  # the last task ended: nothing runs or waits any more

    def __init__(self, synchronous: bool = False, parent: QObject | None = None):
        super().__init__(parent)
        self.synchronous = synchronous
        self._running: dict[Task, QThread] = {}
        self._queued: set[Task] = set()
        self._thread: QThread | None = None
        self._connection: _Connection | None = None
        self._embedding: EmbeddingProcess | None = None

    @property
    def embedding(self) -> EmbeddingProcess:
        """Sentence embeddings for the tasks of the workspace thread, computed in a child process
        that loads the model once and stays until :meth:`stop_children` (the window closes)."""
        if self._embedding is None:
            self._embedding = EmbeddingProcess()
        return self._embedding

    def stop_children(self) -> None:
        """End the child processes the runner keeps; call it once no task runs."""
        if self._embedding is not None:
            self._embedding.stop()

    def start_on(self, ws: Workspace, task: Task) -> None:
        """Run ``task`` (made with ``Task.on_workspace``) on the workspace thread's own connection.

        Tasks run one after another in the order given. In place when the runner is synchronous
        (tests) or ``ws`` lives in memory (it cannot be opened twice); connect to the task's
        signals first, as for ``start``.
        """
        if self.synchronous or not ws.can_reopen:
            task.run_on(ws)
            return
        if self._thread is None:
            self._thread = QThread()  # no parent: held until it ends, though the runner go first
            self._connection = _Connection()
            _hold_until_finished(self._thread, (self._connection,))
            self.destroyed.connect(self._thread.quit)  # a runner gone: its thread ends after its tasks
            self._connection.moveToThread(self._thread)
            self._queue.connect(self._connection.run)
            self._connection.ran.connect(self._dequeue)
            self._thread.finished.connect(self._connection.close)  # runs in the thread, before it ends
            self._thread.start()
        self._queued.add(task)
        self._queue.emit(task, ws)

    @property
    def connections_opened(self) -> int:
        """How many times the workspace thread opened a connection (one per workspace)."""
        return self._connection.opened if self._connection is not None else 0

    @Slot(object)
    def _dequeue(self, task: Task) -> None:
        self._queued.discard(task)
        self._tell_when_idle()

    def start(self, task: Task) -> None:
        if self.synchronous:
            task.run()
            return
        thread = QThread()  # no parent: held until it ends, though the runner go first
        _hold_until_finished(thread, (task,), lambda: self._forget(task))
        task.moveToThread(thread)
        thread.started.connect(task.run)
        task.done.connect(thread.quit)
        self._running[task] = thread
        thread.start()

    def busy(self) -> bool:
        return bool(self._running or self._queued)

    def cancel_all_and_wait(self, timeout_ms: int = 5000) -> bool:
        """Cancel every task and wait for their threads, at most ``timeout_ms`` in all.

        Tasks stop their child processes on cancel, so their threads end within a poll
        interval; the bound keeps Close from waiting forever should one not. True when all ended.
        """
        for task in list(self._queued):
            task.cancel()  # the workspace thread skips it, or it sees the flag
        for task, thread in list(self._running.items()):
            task.cancel()
            thread.quit()  # ends its event loop once the task returns; done->quit would need our loop
        threads = list(self._running.values())
        if self._thread is not None:
            self._thread.quit()  # after the queued tasks; its connection closes in the thread
            threads.append(self._thread)
        deadline = QDeadlineTimer(timeout_ms)
        ended = all(thread.wait(deadline) for thread in threads)
        if ended and self._thread is not None:
            self._thread = self._connection = None  # a later task starts a new thread
            self._queued.clear()  # cancelled; the thread ended before running them
        return ended

    def _forget(self, task: Task) -> None:
        if not shiboken6.isValid(self):
            return  # the runner was destroyed first; its thread was held until now
        self._running.pop(task, None)
        self._tell_when_idle()

    def _tell_when_idle(self) -> None:
        if not self.busy():
            self.idle.emit()
