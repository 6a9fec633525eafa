"""Long work off the UI thread: the only module that knows about threads and processes.

A task is a core function ``fn(progress, cancelled) -> result``. ``TaskRunner``
runs it in a worker thread and delivers progress, the result or the error to
the GUI thread through signals. With ``synchronous=True`` (tests) it runs in
place, so tests stay deterministic.

``ChildProcess`` runs the CPU-heavy steps a task hands it (reading a file, analysing a
text) in a child process, so Cancel and Close stop them at once by stopping the child:
a parser busy in C code cannot check a flag.
"""

from __future__ import annotations

import multiprocessing
import pickle
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from PySide6.QtCore import QDeadlineTimer, QObject, QThread, Signal, Slot

from briefing.domain import BriefingError, IngestError
from briefing.pipeline import Cancelled

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


POLL_SECONDS = 0.05  # how often a waiting call looks at the cancel flag


class ChildProcess:
    """Calls module-level functions in one child process, reused call after call.

    ``call(fn, *args)`` returns what ``fn(*args)`` returns there, or raises what it raised;
    when ``cancelled()`` turns true meanwhile, the child is killed and ``Cancelled`` raised.
    A child that dies (a crash, the out-of-memory killer) fails that call with a
    BriefingError; the next call starts a new child. Use it as a context manager.
    """

    def __init__(self, cancelled: Callable[[], bool]):
        self.cancelled = cancelled
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None

    def __enter__(self) -> ChildProcess:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def call(self, fn: Callable[..., Any], *args: Any) -> Any:
        if self.cancelled():
            raise Cancelled()
        conn = self._connection()
        conn.send((fn, args))
        while not conn.poll(POLL_SECONDS):
            if self.cancelled():
                self.stop()
                raise Cancelled()
            if self._process is None or not self._process.is_alive():
                break
        try:
            ok, value = conn.recv()
        except (EOFError, OSError):
            self.stop()
            raise BriefingError("the worker process stopped unexpectedly") from None
        if ok:
            return value
        raise rebuilt(value)

    def stop(self) -> None:
        """End the child now: work it was doing is lost, as a cancel wants."""
        process, conn, self._process, self._conn = self._process, self._conn, None, None
        if conn is not None:
            conn.close()
        if process is not None:
            process.kill()
            process.join(5)

    def _connection(self) -> Connection:
        if self._conn is None:
            # spawn, not fork: the parent has Qt and worker threads, which a fork would copy half-way
            context = multiprocessing.get_context("spawn")
            self._conn, child_end = context.Pipe()
            self._process = context.Process(target=serve, args=(child_end,), daemon=True, name="briefing-worker")
            self._process.start()
            child_end.close()
        return self._conn


def serve(conn: Connection) -> None:
    """The child's loop: (fn, args) in, (True, result) or (False, portable error) out."""
    while True:
        try:
            fn, args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply: tuple[bool, Any] = (True, fn(*args))
        except BaseException as error:  # noqa: BLE001 - every error goes back to the caller
            reply = (False, portable(error))
        conn.send(reply)


def portable(error: BaseException) -> BaseException | tuple[str, str]:
    """``error`` as it can cross the pipe; IngestError keeps its path and reason."""
    if isinstance(error, IngestError):
        return (error.path, error.reason)
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:  # noqa: BLE001 - an exception whose arguments do not round-trip
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error


def rebuilt(value: BaseException | tuple[str, str]) -> BaseException:
    return IngestError(*value) if isinstance(value, tuple) else value
