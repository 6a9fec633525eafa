"""The analysis job queue's tables in a team workspace's database, and the one-writer check.

The queue is procrastinate's (``briefing.team_jobs``); its tables, types and functions are all
named ``procrastinate_*`` and live beside the workspace's own, never copied by ``briefing copy``.
This module keeps the SQL Briefing itself runs about them: creating them once, counting what is
left, the sources still waiting for a worker (the window marks and counts them), and the check
that makes a source's analysis written once however often its job runs.
"""

from __future__ import annotations

from briefing.domain import ANALYSIS_VERSION, WorkspaceError
from briefing.store import postgres
from briefing.store.workspace import Workspace

JOB_TABLE_PREFIX = "procrastinate_"
# Two workers starting on a new database would both create the queue's tables: the first to
# take this transaction lock creates them, the second finds them there.
_SCHEMA_LOCK = 0x6272_6A6F  # any bigint of ours: "brjo"
# Analyses are saved one at a time, as a file's import has one writer: a save links the
# source's names to the workspace's entities, and two saves at once would each create the same
# entity unseen by the other, or deadlock on entities both touch. The analysis itself, the slow
# part, still runs on every worker at once.
_SAVE_LOCK = 0x6272_7361  # "brsa"
# Jobs of a queue not finished yet: waiting, or running on some worker (alive or not).
UNFINISHED_JOBS = (
    "SELECT count(*) AS unfinished FROM procrastinate_jobs WHERE queue_name = %(queue)s AND status IN ('todo', 'doing')"
)


# Jobs of a queue in a final state (``statuses``) since longer than ``nb_hours``, by the time of
# their last event, as procrastinate's ``delete_old_jobs`` picks them: what a purge will remove.
OLD_JOBS = """SELECT job.id FROM procrastinate_jobs job
WHERE job.queue_name = %(queue)s AND job.status = ANY(%(statuses)s::procrastinate_job_status[])
AND (SELECT max(event.at) FROM procrastinate_events event WHERE event.job_id = job.id)
    < NOW() - (%(nb_hours)s || ' HOUR')::INTERVAL"""
# How many of these jobs are left (after a purge)
JOBS_LEFT = "SELECT count(*) AS left FROM procrastinate_jobs WHERE id = ANY(%(ids)s)"


def is_job_table(name: str) -> bool:
    """True for the job queue's tables: never part of the data model, never copied."""
    return name.startswith(JOB_TABLE_PREFIX)


def ensure_job_schema(conninfo: str, schema_sql: str) -> bool:
    """Create the job queue's tables from ``schema_sql`` when the database has none; True when
    it created them. WorkspaceError in one line when it cannot."""
    with postgres.connect(conninfo) as conn:
        try:
            conn.execute("SELECT pg_advisory_xact_lock(%s)", [_SCHEMA_LOCK])
            row = conn.execute("SELECT to_regclass('procrastinate_jobs') IS NULL").fetchone()
            missing = bool(row and row[0])
            if missing:
                conn.execute(schema_sql)  # procrastinate's own schema file
            conn.commit()
        except Exception as exc:
            conn.rollback()
            if not type(exc).__module__.startswith("psycopg"):
                raise
            raise WorkspaceError(
                f"{postgres.describe(conninfo)}: cannot create the job queue: {postgres.error_line(exc)} "
                "(a role that may create tables makes it once: the database's owner running 'briefing worker')"
            ) from None
    return missing


# A source's job carries its id in the job's arguments (``team_jobs``: one job per source).
_WAITING = (
    "SELECT DISTINCT s.id FROM procrastinate_jobs j JOIN sources s ON s.id = (j.args->>'source_id')::bigint "
    "WHERE j.queue_name = ? AND j.status IN ('todo', 'doing') "
    "AND (s.analysis_version IS NULL OR s.analysis_version < ?) ORDER BY s.id"
)


ANALYSIS_QUEUE = "briefing-analysis"  # the queue of the analysis jobs (team_jobs queues them)


def list_waiting_for_workers(ws: Workspace, queue: str = ANALYSIS_QUEUE) -> list[int]:
    """Ids of the sources whose analysis job waits or runs in ``queue``, still not analysed by
    this version; none on a workspace file, or on a database whose job queue was never made."""
    if ws.backend != "postgresql":
        return []
    if ws.db.execute("SELECT to_regclass('procrastinate_jobs') IS NULL").fetchone()[0]:
        return []
    return [row[0] for row in ws.db.execute(_WAITING, [queue, ANALYSIS_VERSION]).fetchall()]


def needs_analysis(ws: Workspace, source_id: int) -> bool:
    """True when the source has no analysis by this version of Briefing yet."""
    row = ws.db.execute(
        "SELECT 1 FROM sources WHERE id = ? AND (analysis_version IS NULL OR analysis_version < ?)",
        [source_id, ANALYSIS_VERSION],
    ).fetchone()
    return row is not None


def claim_for_analysis(ws: Workspace, source_id: int) -> bool:
    """Inside the caller's transaction: hold the source's row until it ends and say whether it
    still needs analysis. A second writer of the same source waits here for the first to commit,
    then finds it analysed: the analysis is saved once even if its job ran twice. Saves of
    different sources wait for each other too (``_SAVE_LOCK``)."""
    ws.db.execute(f"SELECT pg_advisory_xact_lock({_SAVE_LOCK})").fetchall()
    row = ws.db.execute(
        "SELECT 1 FROM sources WHERE id = ? AND (analysis_version IS NULL OR analysis_version < ?) FOR UPDATE",
        [source_id, ANALYSIS_VERSION],
    ).fetchone()
    return row is not None
