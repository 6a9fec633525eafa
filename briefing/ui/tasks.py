"""Long work off the UI thread: the only module that knows about threads and processes.

A task is a core function ``fn(progress, cancelled) -> result``. ``TaskRunner``
runs it in a worker thread and delivers progress, the result or the error to
the GUI thread through signals. With ``synchronous=True`` (tests) it runs in
place, so tests stay deterministic.

``ChildProcess`` (``briefing.workers.Worker``) runs the CPU-heavy steps a task hands it
(reading a file, analysing a text) in a child process, so Cancel and Close stop them at once
by stopping the child: a parser busy in C code cannot check a flag.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDeadlineTimer, QObject, QThread, Signal, Slot

from briefing.domain import BriefingError
from briefing.workers import Worker as ChildProcess  # the steps a task hands to a child process

__all__ = ["ChildProcess", "Task", "TaskFn", "TaskRunner"]

TaskFn = Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any]


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

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn(self.progressed.emit, self.is_cancelled)
        except BriefingError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a worker must never take the app down
            self.failed.emit(f"{self.label} failed: {type(exc).__name__}: {exc}".splitlines()[0])
        else:
            self.succeeded.emit(result)
        finally:
            self.done.emit()


class TaskRunner(QObject):
    """Starts tasks in worker threads and keeps them alive until they end."""

    def __init__(self, synchronous: bool = False, parent: QObject | None = None):
        super().__init__(parent)
        self.synchronous = synchronous
        self._running: dict[Task, QThread] = {}

    def start(self, task: Task) -> None:
        if self.synchronous:
            task.run()
            return
        thread = QThread(self)
        task.moveToThread(thread)
        thread.started.connect(task.run)
        task.done.connect(thread.quit)
        thread.finished.connect(lambda: self._forget(task))
        self._running[task] = thread
        thread.start()

    def busy(self) -> bool:
        return bool(self._running)

    def cancel_all_and_wait(self, timeout_ms: int = 5000) -> bool:
        """Cancel every task and wait for their threads, at most ``timeout_ms`` in all.

        Tasks stop their child processes on cancel, so their threads end within a poll
        interval; the bound keeps Close from waiting forever should one not. True when all ended.
        """
        for task, thread in list(self._running.items()):
            task.cancel()
            thread.quit()  # ends its event loop once the task returns; done->quit would need our loop
        deadline = QDeadlineTimer(timeout_ms)
        return all(thread.wait(deadline) for thread in list(self._running.values()))

    def _forget(self, task: Task) -> None:
        thread = self._running.pop(task, None)
        if thread is not None:
            thread.deleteLater()
