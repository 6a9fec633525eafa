"""Child processes for CPU-heavy steps: the one module outside ``briefing.ui`` that starts any.

``Worker`` calls module-level functions in one child process, reused call after call; when the
caller's ``cancelled()`` turns true the child is killed at once (a parser busy in C code
cannot check a flag). ``AnalysisPool`` keeps several workers busy with batches of texts to
analyse and hands the analyses back in the order the texts came, so one writer (the caller)
saves them: the import on every core, for the command line and the window alike.
``EmbeddingProcess`` keeps one worker with the sentence-embedding model for the window's
re-ranking of related passages.

Children are spawned, not forked: the window's process has Qt and worker threads, which a
fork would copy half-way. A child imports only what the functions it runs import, so the
GUI process never loads spaCy nor the embedding model. Parent and child talk over two one-way
pipes, never a socket.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from multiprocessing.connection import Connection
from typing import Any

from briefing.domain import Analysis, BriefingError, IngestError

POLL_SECONDS = 0.05  # how often a waiting call looks at the cancel flag
BATCH_WORDS = 3_000  # words of text sent to a worker at a time: enough for spaCy's batching
MAX_BATCH_TEXTS = 32
IN_FLIGHT = 2  # batches queued per worker, so none waits for the writer


class Cancelled(Exception):  # noqa: N818 - it is an event, not an error
    """Raised by a call whose work was stopped because the run was cancelled."""


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class Worker:
    """One child process; ``call(fn, *args)`` returns what ``fn(*args)`` returns there, or raises
    what it raised. A child that dies (a crash, the out-of-memory killer) fails that call with
    a BriefingError; the next call starts a new child. Use it as a context manager."""

    def __init__(self, cancelled: Callable[[], bool] = lambda: False, name: str = "briefing-worker"):
        self.cancelled = cancelled
        self.name = name
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: _Duplex | None = None

    def __enter__(self) -> Worker:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def call(self, fn: Callable[..., Any], *args: Any) -> Any:
        self.send(fn, *args)
        return self.receive()

    def send(self, fn: Callable[..., Any], *args: Any) -> None:
        """Start ``fn(*args)`` in the child; ``receive`` gets its result."""
        if self.cancelled():
            raise Cancelled()
        self._connection().send((fn, args))

    def receive(self) -> Any:
        conn = self._connection()
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

    def _connection(self) -> _Duplex:
        if self._conn is None:
            context = multiprocessing.get_context("spawn")
            # two one-way pipes rather than one two-way Pipe, which is a socket pair: solo work
            # opens no socket of any kind (tests/test_no_network.py refuses them all)
            from_child, child_out = context.Pipe(duplex=False)
            child_in, to_child = context.Pipe(duplex=False)
            self._conn = _Duplex(from_child, to_child)
            self._process = context.Process(
                target=serve, args=(_Duplex(child_in, child_out),), daemon=True, name=self.name
            )
            self._process.start()
            child_in.close()
            child_out.close()
        return self._conn


class _Duplex:
    """Both ends a process holds: what it receives and what it sends, each a one-way pipe."""

    def __init__(self, inbox: Connection, outbox: Connection):
        self.inbox, self.outbox = inbox, outbox

    def send(self, message: Any) -> None:
        self.outbox.send(message)

    def recv(self) -> Any:
        return self.inbox.recv()

    def poll(self, timeout: float) -> bool:
        return self.inbox.poll(timeout)

    def close(self) -> None:
        self.inbox.close()
        self.outbox.close()


class AnalysisPool:
    """``jobs`` workers analysing (key, text, title) items; ``analyse`` yields (key, Analysis)
    in the items' order. Each worker loads the language model once, on its first batch."""

    def __init__(
        self, jobs: int, cancelled: Callable[[], bool] = lambda: False, batch_fn: Callable[..., list] | None = None
    ):
        """``batch_fn``: the module-level function a worker runs on a list of (text, title)
        pairs (default ``analyse_batch``)."""
        self.cancelled = cancelled
        self.batch_fn = batch_fn or analyse_batch
        self.workers = [Worker(cancelled, f"briefing-analysis-{n + 1}") for n in range(max(1, jobs))]

    def __enter__(self) -> AnalysisPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def stop(self) -> None:
        for worker in self.workers:
            worker.stop()

    def spread(self, fn: Callable[..., Any], calls: list[tuple[Any, ...]]) -> list[Any]:
        """``fn(*args)`` for each ``args`` of ``calls``, one call per worker at a time, all at once;
        the results in the order of ``calls``. Cancelled() raises Cancelled, as ``call`` does."""
        results: list[Any] = []
        for start in range(0, len(calls), len(self.workers)):
            batch = list(zip(self.workers, calls[start : start + len(self.workers)], strict=False))
            for worker, args in batch:
                worker.send(fn, *args)
            results.extend(worker.receive() for worker, _ in batch)
        return results

    def analyse(self, items: Iterable[tuple[Any, str, str | None]]) -> Iterator[tuple[Any, Analysis]]:
        batches = _batches(items)
        pending: deque[tuple[Worker, list[Any]]] = deque()  # in the order sent
        load = {id(w): 0 for w in self.workers}
        exhausted = False
        while True:
            while not exhausted and len(pending) < IN_FLIGHT * len(self.workers):
                batch = next(batches, None)
                if batch is None:
                    exhausted = True
                    break
                worker = min(self.workers, key=lambda w: load[id(w)])
                worker.send(self.batch_fn, [(text, title) for _, text, title in batch])
                load[id(worker)] += 1
                pending.append((worker, [key for key, _, _ in batch]))
            if not pending:
                return
            worker, keys = pending.popleft()  # a worker answers its batches in the order sent
            analyses = worker.receive()
            load[id(worker)] -= 1
            yield from zip(keys, analyses, strict=True)


def _batches(items: Iterable[tuple[Any, str, str | None]]) -> Iterator[list[tuple[Any, str, str | None]]]:
    batch: list[tuple[Any, str, str | None]] = []
    words = 0
    for item in items:
        batch.append(item)
        words += item[1].count(" ") + 1
        if words >= BATCH_WORDS or len(batch) >= MAX_BATCH_TEXTS:
            yield batch
            batch, words = [], 0
    if batch:
        yield batch


class EmbeddingProcess:
    """Sentence embeddings (``briefing.nlp.embeddings.embed``) computed in a child process kept
    for the caller's life: the window's process never loads the model, its tokenizer and
    onnxruntime (some 250 MB), and their work never holds its GIL. Called from one thread at a
    time (the window's workspace thread); the child loads the model on its first call.

    A load that fails in the child is recorded here too, so ``unavailable_reason`` says why; a
    child that dies fails that call alone with EmbeddingsUnavailable, and the next call starts
    another, up to MAX_DEATHS in a row: then re-ranking is off for this process's life and
    ``unavailable_reason`` says why, so a model that kills every child it loads into is not
    loaded again for each claim opened."""

    MAX_DEATHS = 3

    def __init__(self, embed: Callable[[list[str]], Any] | None = None) -> None:
        """``embed``: the module-level function the child runs (default ``embeddings.embed``)."""
        self._embed = embed
        self._child = Worker(name="briefing-embeddings")
        self._deaths = 0

    def __call__(self, texts: Sequence[str]) -> Any:
        from briefing.nlp import embeddings

        if self._deaths >= self.MAX_DEATHS:
            raise embeddings.EmbeddingsUnavailable(embeddings.unavailable_reason() or "the embedding process ended")
        try:
            result = self._child.call(self._embed or embeddings.embed, list(texts))
        except embeddings.EmbeddingsUnavailable as exc:
            embeddings.note_unavailable(str(exc))
            raise
        except BriefingError as exc:  # the child died: out of memory, killed
            self._died(str(exc))
            raise embeddings.EmbeddingsUnavailable(str(exc)) from None
        self._deaths = 0
        return result

    def _died(self, reason: str) -> None:
        from briefing.nlp import embeddings

        self._deaths += 1
        if self._deaths >= self.MAX_DEATHS:
            embeddings.note_unavailable(
                f"the embedding process ended {self._deaths} times in a row ({reason}); "
                "it is not started again until Briefing is"
            )

    def stop(self) -> None:
        self._child.stop()


_model: Any = None


def analyse_batch(items: list[tuple[str, str | None]]) -> list[Analysis]:
    """In a worker: the analyses of (text, title) pairs, the model loaded on first use."""
    global _model
    from briefing.nlp.analyse import analyse_texts
    from briefing.nlp.model import load_model

    if _model is None:
        _model = load_model()
    return list(analyse_texts(items, nlp=_model))


def serve(conn: _Duplex) -> None:
    """The child's loop: (fn, args) in, (True, result) or (False, portable error) out. Ctrl+C on
    the terminal reaches the children too; the parent decides what it means and stops them."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
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
