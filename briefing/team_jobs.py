"""Analysis jobs of a team workspace: ``briefing import --queue`` queues them, ``briefing worker``
runs them, on any machine that reaches the database.

The queue is procrastinate's, in the workspace's own PostgreSQL database (``store.pg_jobs``
creates its tables when missing). One job analyses one source, as ``briefing analyse`` does, and
saves it in one transaction. Each source's job carries the source as its queueing lock (queued
once while it waits) and as its lock (run by one worker at a time); the save checks, holding
the source's row, that the source still needs this version's analysis, so a job that ran twice
writes once. After an analysis, one "related passages" job (its own locks: at most one waiting,
one running) ranks suggestions for the whole workspace, after the analyses waiting before it.

Every worker sends a heartbeat every ``HEARTBEAT_S`` seconds, whatever its ``stalled_after``; one
that dies mid-job (killed, its machine gone) sends no more, and its transaction is rolled back by
the server. Every running worker looks, every second, for jobs of workers silent for longer than
its ``stalled_after`` seconds (at least ``MIN_STALLED_AFTER_S``) and puts them back in the queue,
where a worker takes them again. A heartbeat paced by each worker's own ``stalled_after`` let a
worker started with a shorter one take a live worker's job.

When it starts and every hour after, a worker purges the jobs finished long ago (``team_purge``).

psycopg and procrastinate load only here, when a team workspace's jobs are used: a solo
workspace never loads them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefing.domain import Analysis, BriefingError, WorkspaceError, WorkspaceReadOnly
from briefing.store.pg_jobs import ANALYSIS_QUEUE
from briefing.store.postgres import describe, error_line, is_postgres
from briefing.team_purge import PURGED, HourlyPurge, Retention, jobs, purge_finished_jobs, purge_line, purged

if TYPE_CHECKING:
    from procrastinate import App

ANALYSE_TASK = "briefing.analyse_source"
SUGGEST_TASK = "briefing.suggest_related"
SUGGEST_LOCK = "briefing-related-passages"
SUGGEST_PRIORITY = -1  # after every analysis waiting (procrastinate runs higher priorities first)
STALLED_AFTER_S = 30.0  # procrastinate's default: a worker silent this long is gone
HEARTBEAT_S = 1.0  # every worker's, so that any worker's stalled_after spans several of them
MIN_STALLED_AFTER_S = 3
PARENT_ENV = "BRIEFING_WORKER_PARENT"  # a child worker's parent process, which it ends without
CHECK_EVERY_S = 1.0  # how often a worker looks for stalled jobs and, with until_empty, for the end
Echo = Callable[[str], None]
ANALYSED, FAILED = "analysed source", "analysis failed"  # how a worker's lines begin and say a failure
# A waiting worker whose server went away (a restart, a network cut) waits for it: its queries
# give up after POOL_WAIT_S without a connection, then it tries to connect every RECONNECT_S.
POOL_WAIT_S = 30.0
RECONNECT_S = 5.0
LOST = "the connection to the team's server was lost"
BACK = "connected to the team's server again"


@dataclass
class WorkerReport:
    analysed: int = 0
    failed: int = 0
    interrupted: bool = False
    removed: int = 0  # finished jobs purged

    def count(self, line: str) -> None:
        """Count a job's line: an analysis saved, or one that failed; or a purge's line."""
        self.analysed += line.startswith(ANALYSED)
        self.failed += line.startswith("source ") and f": {FAILED}: " in line
        self.removed += purged(line)

    def line(self) -> str:
        done = f"{self.analysed} source{'s' if self.analysed != 1 else ''} analysed"
        done += f", {self.failed} failed (their jobs are kept as failed)" if self.failed else ""
        done += f"; {jobs(self.removed)} finished long ago removed" if self.removed else ""
        return f"worker stopped ({'interrupted' if self.interrupted else 'the queue is empty'}): {done}"


def one_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text.splitlines()[0]}" if text else type(exc).__name__


def source_lock(source_id: int) -> str:
    return f"briefing-source-{source_id}"


def analyse_text(text: str, title: str | None) -> Analysis:
    """The analysis of one source's text, the language model loaded once per process."""
    from briefing.workers import analyse_batch

    return analyse_batch([(text, title)])[0]


def analyse_source(conninfo: str, source_id: int) -> bool:
    """The job: analyse one source and save it in one transaction; False when there was nothing
    to do (analysed already by another run of the job, or the source is gone)."""
    from briefing.languages import analysis_withheld
    from briefing.pipeline import NOT_ANALYSED
    from briefing.store import open_workspace
    from briefing.store.analysis import save_analysis
    from briefing.store.pg_jobs import claim_for_analysis, needs_analysis
    from briefing.store.sources import get_source

    with open_workspace(conninfo) as ws:
        if not needs_analysis(ws, source_id):
            return False
        source = get_source(ws, source_id)
        analysis = NOT_ANALYSED if analysis_withheld(source.language) else analyse_text(source.text, source.title)
        with ws.transaction():
            if not claim_for_analysis(ws, source_id):
                return False
            save_analysis(ws, source_id, analysis)
    return True


def suggest_related(conninfo: str) -> None:
    """The job: rank every claim's related passages over the whole workspace."""
    from briefing.store import open_workspace
    from briefing.suggesting import suggest_related_passages

    with open_workspace(conninfo) as ws:
        suggest_related_passages(ws)


def make_app(conninfo: str, echo: Echo | None = None) -> App:
    """A procrastinate app on the workspace's database with Briefing's two tasks."""
    try:
        from procrastinate import App, PsycopgConnector
    except ImportError:  # pragma: no cover - a dependency; a broken install says so
        raise WorkspaceError("analysis workers need procrastinate: reinstall Briefing (make run)") from None
    say = echo or (lambda line: None)
    app = App(connector=PsycopgConnector(conninfo=conninfo, min_size=1, max_size=4, timeout=POOL_WAIT_S))

    @app.task(name=ANALYSE_TASK, queue=ANALYSIS_QUEUE)
    def analyse(source_id: int) -> bool:
        try:
            done = analyse_source(conninfo, source_id)
        except Exception as exc:  # the job is marked failed; the worker says why in one line
            say(f"source {source_id}: {FAILED}: {one_line(exc)}")
            raise
        say(f"{ANALYSED} {source_id}" if done else f"source {source_id} needs no analysis (done already, or removed)")
        if done:
            _defer_once(app.configure_task(SUGGEST_TASK, **_suggest_options()))
        return done

    @app.task(name=SUGGEST_TASK, queue=ANALYSIS_QUEUE)
    def suggest() -> None:
        suggest_related(conninfo)

    return app


def _suggest_options() -> dict[str, Any]:
    return {"lock": SUGGEST_LOCK, "queueing_lock": SUGGEST_LOCK, "priority": SUGGEST_PRIORITY}


def _defer_once(deferrer, **kwargs: Any) -> bool:
    """Queue a job; False when its twin is waiting already (its queueing lock is taken)."""
    from procrastinate.exceptions import AlreadyEnqueued

    try:
        deferrer.defer(**kwargs)
    except AlreadyEnqueued:
        return False
    return True


def prepare_queue(conninfo: str) -> None:
    """Make the workspace database ready for jobs: its tables, created when missing."""
    if not is_postgres(str(conninfo or "")):
        raise BriefingError(
            "analysis workers need a team workspace: give --workspace postgresql://… (or host=… dbname=…)"
        )
    from procrastinate.schema import SchemaManager

    from briefing.store import open_workspace
    from briefing.store.pg_jobs import ensure_job_schema

    with open_workspace(conninfo) as ws:  # the workspace first: a database with other tables is refused
        if ws.read_only_reason:  # a role that may only read would meet 'permission denied' in the queue
            raise WorkspaceReadOnly(
                f"{ws.name} is read-only here: {ws.read_only_reason}; "
                "analysis jobs are queued and run by a role that may write"
            )
    ensure_job_schema(conninfo, SchemaManager.get_schema())


def queue_analysis(conninfo: str, source_ids: list[int]) -> tuple[int, int]:
    """Queue the analysis of ``source_ids``: (jobs queued, sources whose job was waiting already)."""
    prepare_queue(conninfo)
    app = make_app(conninfo)
    queued = 0
    with _database_errors(conninfo), app.open():
        for source_id in source_ids:
            lock = source_lock(source_id)
            deferrer = app.configure_task(ANALYSE_TASK, lock=lock, queueing_lock=lock)
            queued += _defer_once(deferrer, source_id=source_id)
    return queued, len(source_ids) - queued


def run_worker(
    conninfo: str,
    concurrency: int = 1,
    until_empty: bool = False,
    stalled_after: float = STALLED_AFTER_S,
    echo: Echo | None = None,
    retention: Retention | None = None,
) -> WorkerReport:
    """Run analysis jobs until interrupted (Ctrl+C, SIGTERM: the running job ends first), or with
    ``until_empty`` until no job waits or runs anywhere. ``concurrency`` > 1 runs that many
    worker processes, each with its own connection and model (the analysis is CPU-bound).
    Finished jobs older than ``retention`` are purged at the start and every hour."""
    echo, retention = echo or print, retention or Retention()
    prepare_queue(conninfo)
    report = WorkerReport()
    if concurrency > 1:
        with _database_errors(conninfo):
            asyncio.run(_purge_once(conninfo, retention, echo, report))
        return _run_processes(conninfo, concurrency, until_empty, stalled_after, echo, retention, report)
    with _database_errors(conninfo):
        while True:
            try:
                asyncio.run(_work(conninfo, until_empty, stalled_after, echo, report, retention))
                return report
            except Exception as exc:
                if until_empty or report.interrupted or (lost := _connection_lost(exc)) is None:
                    raise  # a script waiting for the queue to empty is told, not kept waiting
            echo(f"{LOST} ({lost}); trying again every {RECONNECT_S:g} seconds")
            _wait_for_server(conninfo)
            echo(BACK)  # a job it was running is put back in the queue once stalled


def _connection_lost(exc: BaseException) -> str | None:
    """Why the server could not be reached, when that is what ``exc`` (or its cause) says."""
    import psycopg
    from psycopg_pool import PoolTimeout

    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, psycopg.OperationalError | PoolTimeout):
            return error_line(seen)
        seen = seen.__cause__ or seen.__context__
    return None


def _wait_for_server(conninfo: str) -> None:
    """Return once a connection to the workspace's database can be made again (Ctrl+C stops)."""
    import time

    import psycopg

    while True:
        try:
            psycopg.connect(conninfo, connect_timeout=max(2, int(RECONNECT_S))).close()
            return
        except psycopg.OperationalError:
            time.sleep(RECONNECT_S)


async def _purge_once(conninfo: str, retention: Retention, echo: Echo, report: WorkerReport) -> None:
    app = make_app(conninfo)
    async with app.open_async():
        await _purge(app, retention, echo, report)


async def _purge(app: App, retention: Retention, echo: Echo, report: WorkerReport) -> None:
    finished, failed = await purge_finished_jobs(app, ANALYSIS_QUEUE, retention)
    if finished or failed:
        line = purge_line(finished, failed, retention)
        report.count(line)
        echo(line)


def _run_processes(
    conninfo: str,
    count: int,
    until_empty: bool,
    stalled_after: float,
    echo: Echo,
    retention: Retention,
    report: WorkerReport,
) -> WorkerReport:
    """``count`` single workers as child processes, their lines relayed here. They run in a
    session of their own: a Ctrl+C reaches this process only, which passes it on once to each."""
    import os
    import signal
    import subprocess

    command = [*_briefing_command(), "worker", "--workspace", conninfo, "--stalled-after", str(int(stalled_after))]
    command += ["--until-empty"] if until_empty else []
    command += retention.options()
    env = {**os.environ, PARENT_ENV: str(os.getpid())}  # a child outlives a killed parent by one job at most
    children = [
        subprocess.Popen(command, stdout=subprocess.PIPE, start_new_session=True, env=env) for _ in range(count)
    ]
    echo(f"{count} workers waiting for analysis jobs on {describe(conninfo)}" + _how_to_stop(until_empty))
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)  # SIGTERM as Ctrl+C
    try:
        _relay(children, echo, report)
    finally:
        signal.signal(signal.SIGTERM, previous)
        failed = [code for code in (child.wait() for child in children) if code != 0]
    if failed:
        raise BriefingError(f"{len(failed)} of {count} worker processes failed (their errors are above)")
    return report


def _relay(children, echo: Echo, report: WorkerReport) -> None:
    """Pass on the children's job lines until every child has ended; a Ctrl+C here goes on to them."""
    import os
    import selectors
    import signal

    pending = {child.stdout.fileno(): b"" for child in children}
    with selectors.DefaultSelector() as selector:
        for fd in pending:
            selector.register(fd, selectors.EVENT_READ)
        while pending:
            try:
                events = selector.select()
            except KeyboardInterrupt:
                report.interrupted = True
                for child in children:
                    if child.poll() is None:
                        child.send_signal(signal.SIGINT)
                continue
            for key, _ in events:
                chunk = os.read(key.fd, 65536)
                *lines, pending[key.fd] = (pending[key.fd] + chunk).split(b"\n")
                if not chunk:
                    selector.unregister(key.fd)
                    lines.append(pending.pop(key.fd))
                for line in (raw.decode("utf-8", "replace") for raw in lines):
                    if line.startswith((ANALYSED, "source ", PURGED, LOST, BACK)):  # their other lines are this one's
                        report.count(line)
                        echo(line)


def _briefing_command() -> list[str]:
    """How to start Briefing again: the bundle itself when frozen, else this Python."""
    import sys

    return [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "briefing"]


def _how_to_stop(until_empty: bool) -> str:
    return " until the queue is empty" if until_empty else "; Ctrl+C stops"


async def _work(
    conninfo: str, until_empty: bool, stalled_after: float, echo: Echo, report: WorkerReport, retention: Retention
) -> None:
    from procrastinate.worker import Worker

    def say(line: str) -> None:
        report.count(line)
        try:
            echo(line)
        except BrokenPipeError:  # the parent relaying the lines is gone: the job's work still counts
            pass

    app = make_app(conninfo, say)
    async with app.open_async():
        await _purge(app, retention, echo, report)
        worker = Worker(
            app=app,
            queues=[ANALYSIS_QUEUE],
            name="briefing-worker",
            concurrency=1,  # the analysis is CPU-bound: more processes, not more threads
            fetch_job_polling_interval=CHECK_EVERY_S,  # a job put back after a stall is seen soon
            update_heartbeat_interval=HEARTBEAT_S,
            stalled_worker_timeout=stalled_after,
            install_signal_handlers=False,  # ours below: they also say the run was interrupted
        )
        running = asyncio.create_task(worker.run())
        await asyncio.sleep(0)  # run() has started: a stop asked from now on is kept
        with _stopped_by_signals(worker, report):
            echo(f"waiting for analysis jobs on {describe(conninfo)}" + _how_to_stop(until_empty))
            hourly = HourlyPurge(lambda: _purge(app, retention, echo, report))
            await _watch(app, worker, running, until_empty, stalled_after, hourly)
        running.result()  # a failed worker raises here


async def _watch(
    app: App, worker, running: asyncio.Task, until_empty: bool, stalled_after: float, purges: HourlyPurge
) -> None:
    """Every second while the worker runs: put stalled jobs back, purge finished jobs once an
    hour; with ``until_empty``, stop it once no job waits or runs anywhere."""
    import os

    from briefing.store.pg_jobs import UNFINISHED_JOBS

    parent = os.environ.get(PARENT_ENV)
    while not running.done():
        if parent and os.getppid() != int(parent):  # the parent was killed: end with the running job
            worker.stop()
            parent = None
        await _retry_stalled(app, stalled_after, worker.worker_id)
        await purges.when_due()
        if until_empty:
            row = await app.connector.execute_query_one_async(UNFINISHED_JOBS, queue=ANALYSIS_QUEUE)
            if not row["unfinished"]:
                worker.stop()
        await asyncio.wait([running], timeout=CHECK_EVERY_S)


@contextmanager
def _stopped_by_signals(worker, report: WorkerReport) -> Iterator[None]:
    """SIGINT (Ctrl+C) and SIGTERM stop the worker once its running job ends; a second Ctrl+C
    interrupts at once (the job is then put back in the queue as a stalled one)."""
    import signal

    loop = asyncio.get_running_loop()
    signals = (signal.SIGINT, signal.SIGTERM)

    def stop() -> None:
        report.interrupted = True
        for number in signals:
            loop.remove_signal_handler(number)
        worker.stop()

    for number in signals:
        loop.add_signal_handler(number, stop)
    try:
        yield
    finally:
        for number in signals:
            loop.remove_signal_handler(number)


async def _retry_stalled(app: App, stalled_after: float, own_id: int | None) -> None:
    """Put back in the queue the jobs of workers silent for longer than ``stalled_after``; never
    this worker's own job (its heartbeat may lag on a loaded machine, but it is alive)."""
    stalled = await app.job_manager.get_stalled_jobs(queue=ANALYSIS_QUEUE, seconds_since_heartbeat=stalled_after)
    for job in stalled:
        if own_id is None or job.worker_id != own_id:
            await app.job_manager.retry_job(job)


@contextmanager
def _database_errors(conninfo: str) -> Iterator[None]:
    """psycopg's and procrastinate's errors as one-line WorkspaceErrors naming the database
    without its password."""
    try:
        yield
    except Exception as exc:
        if not (type(exc).__module__ or "").startswith(("psycopg", "procrastinate")):
            raise
        cause = exc.__cause__ if exc.__cause__ is not None else exc  # procrastinate says only "Database error."
        raise WorkspaceError(f"{describe(conninfo)}: the job queue failed: {error_line(cause)}") from None
