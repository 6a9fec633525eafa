"""Long work off the UI thread: the only module that knows about threads.

A task is a core function ``fn(progress, cancelled) -> result``. ``TaskRunner``
runs it in a worker thread and delivers progress, the result or the error to
the GUI thread through signals. With ``synchronous=True`` (tests) it runs in
place, so tests stay deterministic.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from briefing.domain import BriefingError

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

    def cancel_all_and_wait(self) -> None:
        for task, thread in list(self._running.items()):
            task.cancel()
            thread.quit()
            thread.wait()

    def _forget(self, task: Task) -> None:
        thread = self._running.pop(task, None)
        if thread is not None:
            thread.deleteLater()
