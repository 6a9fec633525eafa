"""Analysis workers of a team workspace: imports queue one job per source, ``briefing worker``
processes run them, each source is analysed once, and a killed worker's job is retried.

Every wait here is for a line, a process's exit or a database row, bounded only against hangs.
"""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time

import psycopg
import pytest

from briefing.store import open_workspace
from briefing.store.copying import copy_workspace
from tests.processes import ROOT, child_env, run_cli, spawn_python

HANG_S = 600  # a bound against hangs only: every wait ends on an event long before

# Every write of a source's analysis (save_analysis stamps analysed_at once per save), kept by the
# database itself: a source analysed twice, by two workers or one job run twice, leaves two rows.
COUNT_ANALYSIS_WRITES = """
CREATE TABLE analysis_writes (source_id bigint NOT NULL);
CREATE FUNCTION log_analysis_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN INSERT INTO analysis_writes VALUES (NEW.id); RETURN NEW; END $$;
CREATE TRIGGER log_analysis_write AFTER UPDATE OF analysed_at ON sources
FOR EACH ROW WHEN (NEW.analysed_at IS DISTINCT FROM OLD.analysed_at) EXECUTE FUNCTION log_analysis_write();
"""

# A worker whose analysis blocks once it started, after saying so: the test kills it there.
BLOCKING_WORKER = """
import sys, threading
from briefing import team_jobs

def block(text, title):
    print("blocked", flush=True)
    threading.Event().wait()

team_jobs.analyse_text = block
from briefing.cli import main
sys.exit(main(sys.argv[1:]))
"""


FAILING_WORKER = """
import sys
from briefing import team_jobs

def fail(text, title):
    raise RuntimeError("the model is damaged\\nsecond line")

team_jobs.analyse_text = fail
from briefing.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _worker(database: str, *options: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "briefing", "worker", "--workspace", database, *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
        cwd=ROOT,
    )


def _queue(database: str, folder) -> subprocess.CompletedProcess:
    done = run_cli("import", "--queue", "--workspace", database, str(folder), timeout=HANG_S)
    assert done.returncode == 0, done.stderr
    return done


def _writes(database: str) -> dict[int, int]:
    with psycopg.connect(database) as conn:
        rows = conn.execute("SELECT source_id, count(*) FROM analysis_writes GROUP BY source_id").fetchall()
    return dict(rows)


def _source_ids(database: str) -> list[int]:
    with psycopg.connect(database) as conn:
        return [r[0] for r in conn.execute("SELECT id FROM sources ORDER BY id")]


def _analysed_lines(*outputs: str) -> list[int]:
    return sorted(int(line.split()[-1]) for out in outputs for line in out.splitlines() if line.startswith("analysed "))


def _count_writes(database: str) -> None:
    with psycopg.connect(database) as conn:
        conn.execute(COUNT_ANALYSIS_WRITES)


def _line_from(process: subprocess.Popen, wanted: str) -> str:
    """Read ``process``'s stdout until a line equal to ``wanted``; fail if it ends first."""
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        for line in process.stdout:  # type: ignore[union-attr]
            lines.put(line.rstrip("\n"))
            if line.strip() == wanted:
                return
        lines.put("")  # the process ended

    threading.Thread(target=read, daemon=True).start()
    while True:
        line = lines.get(timeout=HANG_S)
        if line == wanted:
            return line
        if line == "":
            raise AssertionError(f"the worker ended without saying {wanted!r}: {process.stderr.read()}")  # type: ignore[union-attr]


def test_queueing_and_workers_refuse_a_workspace_file_in_one_line(tmp_path, demo_dir):
    refused = run_cli("import", "--queue", "--workspace", str(tmp_path / "solo.briefing"), str(demo_dir))
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1 and "team workspace" in refused.stderr
    assert not (tmp_path / "solo.briefing").exists()
    worker = run_cli("worker", "--workspace", str(tmp_path / "solo.briefing"), "--until-empty")
    assert worker.returncode == 2 and worker.stderr.count("\n") == 1 and "team workspace" in worker.stderr  # as --queue


def test_a_solo_workspace_never_loads_the_job_queue():
    code = (
        "import sys, briefing.cli, briefing.pipeline\n"
        "print(any(m.startswith(('procrastinate', 'psycopg')) for m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=child_env(), cwd=ROOT)
    assert done.stdout.strip() == "False", done.stderr


@pytest.mark.slow
def test_two_workers_analyse_every_source_once(team_database, demo_dir, tmp_path):
    queued = _queue(team_database, demo_dir)
    sources = _source_ids(team_database)
    assert f"{len(sources)} analysis jobs queued" in queued.stdout
    again = _queue(team_database, demo_dir)  # the same sources: their jobs are waiting already
    assert f"0 analysis jobs queued, {len(sources)} queued already" in again.stdout
    info = run_cli("info", "--workspace", team_database, timeout=HANG_S)  # said to run 'briefing analyse'
    assert f"{len(sources)} sources wait for the analysis; their jobs are queued: 'briefing worker" in info.stdout
    listed = run_cli("sources", "--workspace", team_database, timeout=HANG_S)
    assert listed.stdout.count(" queued ") == len(sources)
    _count_writes(team_database)

    started = time.monotonic()
    workers = [_worker(team_database, "--until-empty") for _ in range(2)]
    outputs = [w.communicate(timeout=HANG_S) for w in workers]
    elapsed = time.monotonic() - started
    for worker, (out, err) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, (out, err)
        assert out.splitlines()[-1].startswith("worker stopped (the queue is empty)"), out
        assert "Traceback" not in err
    print(f"two workers analysed {len(sources)} sources in {elapsed:.1f} s")

    assert _analysed_lines(*(out for out, _ in outputs)) == sources
    assert _writes(team_database) == dict.fromkeys(sources, 1)
    with psycopg.connect(team_database) as conn:
        per_source = conn.execute(
            "SELECT s.id, s.analysis_version IS NOT NULL, "
            "(SELECT count(*) FROM claims c WHERE c.source_id = s.id) "
            "+ (SELECT count(*) FROM quotes q WHERE q.source_id = s.id) FROM sources s ORDER BY s.id"
        ).fetchall()
        statuses = conn.execute("SELECT DISTINCT status::text FROM procrastinate_jobs").fetchall()
    assert all(analysed and found for _, analysed, found in per_source), per_source
    assert statuses == [("succeeded",)]

    # the job queue's tables stay out of an offline copy, and a copy goes into a database that has them
    offline = tmp_path / "offline.briefing"
    copy_workspace(team_database, str(offline))
    with open_workspace(offline, read_only=True) as ws:
        names = [r[0] for r in ws.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        assert names and not [n for n in names if n.startswith("procrastinate")]


def test_a_copy_goes_into_a_database_whose_job_queue_is_ready(postgres_server, tmp_path):
    from briefing.team_jobs import prepare_queue

    empty = tmp_path / "empty.briefing"
    open_workspace(empty).close()
    target = postgres_server.new_database()
    open_workspace(target).close()  # the workspace's schema, then the queue's beside it
    prepare_queue(target)
    report = copy_workspace(str(empty), target)
    assert "counted equal" in report.line()


@pytest.mark.slow
def test_a_killed_workers_job_is_retried_by_another_and_its_source_analysed_once(team_database, demo_dir, tmp_path):
    folder = tmp_path / "pile"
    folder.mkdir()
    for path in sorted(demo_dir.iterdir())[:3]:
        shutil.copy(path, folder / path.name)
    _queue(team_database, folder)
    sources = _source_ids(team_database)
    _count_writes(team_database)

    doomed = spawn_python(BLOCKING_WORKER, "worker", "--workspace", team_database)
    try:
        _line_from(doomed, "blocked")
        with psycopg.connect(team_database) as conn:
            (taken,) = conn.execute("SELECT (args->>'source_id')::int FROM procrastinate_jobs WHERE status = 'doing'")
    finally:
        os.kill(doomed.pid, signal.SIGKILL)
        doomed.wait(timeout=HANG_S)
    assert _writes(team_database) == {}  # it died before saving anything

    survivor = _worker(team_database, "--until-empty", "--stalled-after", "3")
    out, err = survivor.communicate(timeout=HANG_S)
    assert survivor.returncode == 0, err
    assert f"analysed source {taken[0]}" in out.splitlines()
    assert _analysed_lines(out) == sources
    assert _writes(team_database) == dict.fromkeys(sources, 1)
    with psycopg.connect(team_database) as conn:
        jobs = conn.execute(
            "SELECT (args->>'source_id')::int, status::text FROM procrastinate_jobs "
            "WHERE task_name = 'briefing.analyse_source' ORDER BY 1"
        ).fetchall()
    assert jobs == [(i, "succeeded") for i in sources]


def test_ctrl_c_stops_a_waiting_worker_in_one_line(team_database):
    worker = _worker(team_database)
    try:
        _line_from(worker, f"waiting for analysis jobs on {team_database}; Ctrl+C stops")
        worker.send_signal(signal.SIGINT)
        out, err = worker.communicate(timeout=HANG_S)
    finally:
        worker.kill()
    assert worker.returncode == 0 and err == "", err
    assert out.splitlines() == ["worker stopped (interrupted): 0 sources analysed"]


@pytest.mark.slow
def test_one_worker_with_two_processes_analyses_every_source_once(team_database, demo_dir, tmp_path):
    folder = tmp_path / "pile"
    folder.mkdir()
    for path in sorted(demo_dir.iterdir())[:4]:
        shutil.copy(path, folder / path.name)
    _queue(team_database, folder)
    sources = _source_ids(team_database)
    _count_writes(team_database)
    worker = _worker(team_database, "--concurrency", "2", "--until-empty")
    out, err = worker.communicate(timeout=HANG_S)
    assert worker.returncode == 0 and err == "", err
    lines = out.splitlines()
    assert lines[0].startswith("2 workers waiting for analysis jobs on ")
    assert lines[-1] == f"worker stopped (the queue is empty): {len(sources)} sources analysed"
    assert _analysed_lines(out) == sources
    assert _writes(team_database) == dict.fromkeys(sources, 1)


def test_the_worker_processes_of_a_killed_worker_end_with_it(team_database):
    """SIGKILL on 'worker --concurrency 2' left both processes running under init, and the jobs
    they went on to analyse were marked failed (their lines had nowhere to go)."""
    import select

    from briefing.team_jobs import prepare_queue

    prepare_queue(team_database)
    with psycopg.connect(team_database, autocommit=True) as listener:  # a word from each worker that starts
        listener.execute(
            "CREATE FUNCTION test_worker_started() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN PERFORM pg_notify('test_workers', NEW.id::text); RETURN NEW; END $$"
        )
        listener.execute(
            "CREATE TRIGGER test_worker_started AFTER INSERT ON procrastinate_workers "
            "FOR EACH ROW EXECUTE FUNCTION test_worker_started()"
        )
        listener.execute("LISTEN test_workers")
        worker = _worker(team_database, "--concurrency", "2")
        try:
            started = list(listener.notifies(timeout=HANG_S, stop_after=2))  # both working, not only made
            assert len(started) == 2
            children = [
                int(pid)
                for task in os.listdir(f"/proc/{worker.pid}/task")
                for pid in open(f"/proc/{worker.pid}/task/{task}/children").read().split()
            ]
            assert len(children) == 2
            ends = [os.pidfd_open(pid) for pid in children]  # readable once the process has ended
        finally:
            os.kill(worker.pid, signal.SIGKILL)
            worker.wait(timeout=HANG_S)
    try:
        for end in ends:
            ended, _, _ = select.select([end], [], [], HANG_S)  # the bound only stops a hang
            assert ended, "a worker process outlived its killed parent"
    finally:
        for end in ends:
            os.close(end)


def test_a_failed_analysis_is_one_line_and_its_job_kept_as_failed(team_database, demo_dir, tmp_path):
    folder = tmp_path / "pile"
    folder.mkdir()
    first = sorted(demo_dir.iterdir())[0]
    shutil.copy(first, folder / first.name)
    _queue(team_database, folder)
    (source,) = _source_ids(team_database)
    worker = spawn_python(FAILING_WORKER, "worker", "--workspace", team_database, "--until-empty")
    out, err = worker.communicate(timeout=HANG_S)
    assert worker.returncode == 1 and "Traceback" not in err, err
    assert f"source {source}: analysis failed: RuntimeError: the model is damaged" in out.splitlines()
    assert out.splitlines()[-1].endswith("0 sources analysed, 1 failed (their jobs are kept as failed)")
    with psycopg.connect(team_database) as conn:
        assert conn.execute("SELECT status::text FROM procrastinate_jobs").fetchall() == [("failed",)]


def test_a_worker_puts_back_the_jobs_of_silent_workers_but_never_its_own():
    """Its own heartbeat can lag on a loaded machine; it knows it is alive."""
    import asyncio
    from types import SimpleNamespace

    from briefing.team_jobs import _retry_stalled

    retried: list[int] = []

    class Jobs:
        async def get_stalled_jobs(self, **_):
            return [
                SimpleNamespace(id=1, worker_id=7),
                SimpleNamespace(id=2, worker_id=8),
                SimpleNamespace(id=3, worker_id=None),
            ]

        async def retry_job(self, job):
            retried.append(job.id)

    asyncio.run(_retry_stalled(SimpleNamespace(job_manager=Jobs()), 30, 7))  # type: ignore[arg-type]
    assert retried == [2, 3]


def test_two_analysis_saves_run_one_after_the_other(team_database, demo_dir):
    """Two workers' saves of different sources do not overlap: the second waits for the first to
    commit (else both could create the same entity, or deadlock on entities both touch)."""
    from briefing.store.pg_jobs import claim_for_analysis

    _queue(team_database, demo_dir)
    first_id, second_id = _source_ids(team_database)[:2]
    second_claimed = threading.Event()
    with open_workspace(team_database) as first, first.transaction():
        assert claim_for_analysis(first, first_id)

        def save_the_second() -> None:
            with open_workspace(team_database) as second, second.transaction():
                claim_for_analysis(second, second_id)
                second_claimed.set()

        thread = threading.Thread(target=save_the_second)
        thread.start()
        with psycopg.connect(team_database) as watcher:  # wait until the second save waits on the lock
            while not watcher.execute(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
            ).fetchone()[0]:
                assert thread.is_alive() and not second_claimed.is_set()
        assert not second_claimed.is_set()
    thread.join(timeout=HANG_S)
    assert second_claimed.is_set()


def _finished_jobs(database: str, finished: dict[str, tuple[str, int]]) -> None:
    """Jobs of the analysis queue already finished: {name: (status, days since they finished)}.
    Their source ids are beyond any source, so no job would analyse anything if it ran."""
    from briefing.store.pg_jobs import ANALYSIS_QUEUE
    from briefing.team_jobs import ANALYSE_TASK, prepare_queue

    prepare_queue(database)
    with psycopg.connect(database) as conn:
        for number, (name, (status, days)) in enumerate(finished.items(), 1000):
            (job_id,) = conn.execute(
                "INSERT INTO procrastinate_jobs (queue_name, task_name, args) VALUES (%s, %s, %s) RETURNING id",
                [ANALYSIS_QUEUE, ANALYSE_TASK, f'{{"source_id": {number}, "name": "{name}"}}'],
            ).fetchone()
            conn.execute("UPDATE procrastinate_jobs SET status = %s WHERE id = %s", [status, job_id])
            conn.execute(
                "UPDATE procrastinate_events SET at = now() - make_interval(days => %s) WHERE job_id = %s",
                [days, job_id],
            )


def _jobs_left(database: str) -> list[str]:
    with psycopg.connect(database) as conn:
        return sorted(r[0] for r in conn.execute("SELECT args->>'name' FROM procrastinate_jobs"))


@pytest.mark.parametrize("processes", ["1", "2"])
def test_a_worker_removes_jobs_finished_long_ago_and_keeps_failed_ones_longer(team_database, processes):
    open_workspace(team_database).close()
    _finished_jobs(
        team_database,
        {
            "succeeded long ago": ("succeeded", 10),
            "succeeded lately": ("succeeded", 2),
            "cancelled long ago": ("cancelled", 8),
            "aborted long ago": ("aborted", 9),
            "failed lately": ("failed", 10),
            "failed long ago": ("failed", 40),
        },
    )
    out = run_cli("worker", "--workspace", team_database, "--until-empty", "--concurrency", processes, timeout=HANG_S)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "removed 3 jobs finished more than 7 days ago and 1 job failed more than 30 days ago"
    assert lines[-1] == "worker stopped (the queue is empty): 0 sources analysed; 4 jobs finished long ago removed"
    assert _jobs_left(team_database) == ["failed lately", "succeeded lately"]

    shorter = run_cli(
        "worker",
        "--workspace",
        team_database,
        "--until-empty",
        "--keep-finished",
        "1",
        "--keep-failed",
        "5",
        timeout=HANG_S,
    )
    assert shorter.returncode == 0, shorter.stderr
    assert shorter.stdout.splitlines()[0].startswith("removed 1 job finished more than 1 day ago and 1 job failed")
    assert _jobs_left(team_database) == []
    quiet = run_cli("worker", "--workspace", team_database, "--until-empty", timeout=HANG_S)
    assert not [line for line in quiet.stdout.splitlines() if line.startswith("removed")], quiet.stdout


def test_a_worker_refuses_a_retention_that_is_no_number_of_days(team_database):
    refused = run_cli("worker", "--workspace", team_database, "--keep-finished", "a week")
    assert refused.returncode == 2 and "a number of days" in refused.stderr and "Traceback" not in refused.stderr


@pytest.mark.parametrize(
    "option, value, says",
    [
        ("--stalled-after", "2", "3 or more (a worker's heartbeat comes every second)"),
        ("--concurrency", "100000", "at most"),
    ],
)
def test_a_worker_refuses_a_number_it_cannot_honour(team_database, option, value, says):
    """--stalled-after 3 beside a worker of the default 30 took its live job: each worker's
    heartbeat came every stalled_after / 3 seconds. --concurrency 500 started 500 processes."""
    refused = run_cli("worker", "--workspace", team_database, option, value)
    assert refused.returncode == 2 and says in refused.stderr and refused.stderr.count("\n") == 1


def test_every_worker_beats_often_enough_for_the_shortest_stall_any_worker_judges_by():
    from briefing.team_jobs import HEARTBEAT_S, MIN_STALLED_AFTER_S

    assert MIN_STALLED_AFTER_S >= 3 * HEARTBEAT_S


def test_a_running_worker_purges_again_once_an_hour_has_passed():
    import asyncio

    from briefing.team_purge import PURGE_EVERY_S, HourlyPurge

    runs: list[int] = []

    async def purge() -> None:
        runs.append(1)

    hourly = HourlyPurge(purge, last=time.monotonic() - PURGE_EVERY_S)  # started an hour ago
    asyncio.run(hourly.when_due())
    asyncio.run(hourly.when_due())  # just purged: not again
    assert runs == [1]
    assert not asyncio.run(HourlyPurge(purge).when_due()) and runs == [1]  # a new worker purged as it started


def test_an_import_to_queue_that_cannot_make_the_queue_stores_nothing(team_database, demo_dir):
    """A role that may write but not create tables stored 15 sources, then said 'cannot create the
    job queue' and left them with no jobs."""
    from briefing.store import open_workspace

    open_workspace(team_database).close()
    with psycopg.connect(team_database, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = 'writer'").fetchone():
            conn.execute("CREATE ROLE writer LOGIN")
        conn.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO writer")
        conn.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO writer")
    writer = team_database.replace("user=briefing", "user=writer")
    refused = run_cli("import", "--queue", "--workspace", writer, str(demo_dir), timeout=HANG_S)
    assert refused.returncode != 0 and refused.stderr.count("\n") == 1, refused.stderr
    assert "cannot create the job queue" in refused.stderr and "owner" in refused.stderr
    assert _source_ids(team_database) == []


def _reading_role(team_database: str) -> str:
    """The connection string of role 'looker', granted only SELECT on the workspace's tables."""
    with psycopg.connect(team_database, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = 'looker'").fetchone():
            conn.execute("CREATE ROLE looker LOGIN")
        conn.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO looker")
    return team_database.replace("user=briefing", "user=looker")


def test_a_read_only_role_is_told_it_may_only_read_by_import_to_queue_and_worker(team_database, demo_dir):
    """A role granted only SELECT read 'cannot create the job queue: permission denied for schema
    public' from import --queue, and 'the job queue failed: Database error.' from a worker once
    the queue existed: neither said the role may only read the workspace."""
    open_workspace(team_database).close()
    looker = _reading_role(team_database)
    said = "is read-only here: the database role looker may only read it"
    for queue_made in (False, True):
        for command in (["import", "--queue", "--workspace", looker, str(demo_dir)], ["worker", "--until-empty"]):
            if command[0] == "worker":
                command += ["--workspace", looker]
            refused = run_cli(*command, timeout=HANG_S)
            assert refused.returncode != 0 and refused.stderr.count("\n") == 1, refused.stderr
            assert said in refused.stderr and refused.stdout == "", (command, refused.stderr)
        if not queue_made:
            run_cli("worker", "--until-empty", "--workspace", team_database, timeout=HANG_S)  # the owner makes it
            with psycopg.connect(team_database, autocommit=True) as conn:
                conn.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO looker")
    assert _source_ids(team_database) == []


def test_a_read_only_roles_change_from_the_command_line_is_refused_before_its_work(
    team_database, demo_dir, analysed_path, tmp_path
):
    """'analyse --all' loaded the analysis and 'sources delete' asked 'Delete …? [y/N]' for a role
    granted only SELECT; only the first write then said the change was not saved."""
    copy = tmp_path / "copy.briefing"
    copy.write_bytes(analysed_path.read_bytes())
    copy_workspace(str(copy), team_database)
    looker = _reading_role(team_database)
    said = "is read-only here: the database role looker may only read it; nothing was changed\n"
    for command in (
        ["analyse", "--all"],
        ["sources", "delete", "1"],
        ["sources", "edit", "1", "--title", "Pumps"],
        ["claims", "mark", "1", "disputed"],
        ["search", "pumps", "--save", "pumps"],
        ["import", str(demo_dir)],
        ["entities", "rename", "1", "Somebody"],
        ["entities", "unlink", "1"],
    ):
        refused = run_cli(*command, "--workspace", looker, timeout=HANG_S)
        assert refused.returncode != 0 and refused.stderr.endswith(said), (command, refused.stderr)
        assert refused.stderr.count("\n") == 1 and refused.stdout == "", (command, refused.stdout)
    for command in (
        ["info"],
        ["claims"],
        ["search", "pumps"],
        ["entities"],
        ["entities", "show", "1"],
    ):  # reading goes on
        assert run_cli(*command, "--workspace", looker, timeout=HANG_S).returncode == 0, command


# A worker that gives up a query after a second without a connection, and tries every 0.2 s.
IMPATIENT_WORKER = """
import sys
from briefing import team_jobs
team_jobs.POOL_WAIT_S, team_jobs.RECONNECT_S = 1.0, 0.2
from briefing.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _line_starting(process: subprocess.Popen, prefix: str) -> str:
    """Read ``process``'s stdout until a line that starts with ``prefix``; fail if it ends first."""
    for line in process.stdout:  # type: ignore[union-attr]
        if line.startswith(prefix):
            return line.rstrip("\n")
    raise AssertionError(f"the worker ended without a line starting {prefix!r}: {process.stderr.read()}")  # type: ignore[union-attr]


def test_a_waiting_worker_waits_for_its_server_and_goes_on_once_it_is_back(team_database, demo_dir, tmp_path):
    """The server was out of reach for longer than a query waits for a connection (a restart, a
    network cut): the worker stopped with 'the job queue failed: Database error.' and ran no job
    after it came back."""
    from briefing.team_jobs import BACK, LOST, prepare_queue

    prepare_queue(team_database)
    with psycopg.connect(team_database, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = 'walker'").fetchone():
            conn.execute("CREATE ROLE walker LOGIN")
        conn.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO walker")
        conn.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO walker")
    walker = team_database.replace("user=briefing", "user=walker")
    worker = spawn_python(IMPATIENT_WORKER, "worker", "--workspace", walker)
    try:
        _line_from(worker, f"waiting for analysis jobs on {walker}; Ctrl+C stops")
        with psycopg.connect(team_database, autocommit=True) as conn:  # the server turns the worker away
            conn.execute("ALTER ROLE walker NOLOGIN")
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'walker'")
        lost = _line_starting(worker, LOST)
        assert lost.endswith("); trying again every 0.2 seconds") and "\n" not in lost
        with psycopg.connect(team_database, autocommit=True) as conn:
            conn.execute("ALTER ROLE walker LOGIN")
        _line_starting(worker, BACK)
        folder = tmp_path / "pile"
        folder.mkdir()
        shutil.copy(sorted(demo_dir.iterdir())[0], folder)
        _queue(team_database, folder)
        assert _line_starting(worker, "analysed source") == f"analysed source {_source_ids(team_database)[0]}"
        worker.send_signal(signal.SIGINT)
        out, err = worker.communicate(timeout=HANG_S)
    finally:
        worker.kill()
        with psycopg.connect(team_database, autocommit=True) as conn:
            conn.execute("ALTER ROLE walker LOGIN")
    assert worker.returncode == 0, err
