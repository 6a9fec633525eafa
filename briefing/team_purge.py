"""Finished analysis jobs of a team workspace, purged: else the queue's tables grow for ever.

A worker (``team_jobs``), when it starts and every hour after, deletes the jobs that succeeded,
were cancelled or aborted more than ``Retention.finished_days`` ago, and failed jobs after the
longer ``Retention.failed_days``, so that an analyst has time to see and retry them (a retried
job waits again and is not finished any more). The deleting is procrastinate's
(``JobManager.delete_old_jobs``, which judges a job's age by its last event); it says nothing of
how many it removed, so the jobs it is to remove are read first and counted after.
"""

from __future__ import annotations

import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from procrastinate import App

KEEP_FINISHED_DAYS, KEEP_FAILED_DAYS = 7, 30
PURGE_EVERY_S = 3600.0  # how often a running worker purges again
FINISHED = ["succeeded", "cancelled", "aborted"]
PURGED = "removed "  # how a purge's line begins


@dataclass(frozen=True)
class Retention:
    """How long finished jobs are kept, in days: succeeded, cancelled and aborted ones, and failed ones."""

    finished_days: int = KEEP_FINISHED_DAYS
    failed_days: int = KEEP_FAILED_DAYS

    def options(self) -> list[str]:
        """The same retention on a worker's command line."""
        return ["--keep-finished", str(self.finished_days), "--keep-failed", str(self.failed_days)]


async def purge_finished_jobs(app: App, queue: str, retention: Retention) -> tuple[int, int]:
    """Delete ``queue``'s jobs finished longer ago than ``retention``: (succeeded, cancelled or
    aborted jobs removed, failed jobs removed)."""
    finished = await _delete_old(app, queue, retention.finished_days, FINISHED)
    failed = await _delete_old(app, queue, retention.failed_days, ["failed"])
    return finished, failed


async def _delete_old(app: App, queue: str, days: int, statuses: list[str]) -> int:
    """procrastinate's ``delete_old_jobs`` on ``statuses``; how many of the jobs it was to remove
    are gone (two workers purging at once may both count a job)."""
    from briefing.store.pg_jobs import JOBS_LEFT, OLD_JOBS

    hours = days * 24
    connector = app.connector
    rows = await connector.execute_query_all_async(OLD_JOBS, queue=queue, statuses=statuses, nb_hours=hours)
    ids = [row["id"] for row in rows]
    if not ids:
        return 0
    await app.job_manager.delete_old_jobs(
        nb_hours=hours,
        queue=queue,
        include_failed="failed" in statuses,
        include_cancelled="cancelled" in statuses,
        include_aborted="aborted" in statuses,
    )
    left = await connector.execute_query_one_async(JOBS_LEFT, ids=ids)
    return len(ids) - int(left["left"])


def purge_line(finished: int, failed: int, retention: Retention) -> str:
    """What a worker says of a purge that removed jobs."""
    return (
        f"{PURGED}{jobs(finished)} finished more than {_days(retention.finished_days)} ago"
        f" and {jobs(failed)} failed more than {_days(retention.failed_days)} ago"
    )


def purged(line: str) -> int:
    """The jobs a purge's line says were removed (0 for any other line)."""
    if not line.startswith(PURGED):
        return 0
    return sum(int(n) for n in re.findall(r"(\d+) jobs? (?:finished|failed) more than", line))


def jobs(count: int) -> str:
    return f"{count} job{'s' if count != 1 else ''}"


def _days(count: int) -> str:
    return f"{count} day{'s' if count != 1 else ''}"


@dataclass
class HourlyPurge:
    """A running worker's purge, run again once ``PURGE_EVERY_S`` has passed."""

    purge: Callable[[], Awaitable[None]]
    last: float = field(default_factory=time.monotonic)

    async def when_due(self) -> None:
        if time.monotonic() - self.last >= PURGE_EVERY_S:
            self.last = time.monotonic()
            await self.purge()
