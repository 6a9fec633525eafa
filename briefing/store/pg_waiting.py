"""Sources of a team workspace waiting for a worker: not analysed by this version of Briefing yet,
with an analysis job waiting or running in the job queue (procrastinate's table, ``pg_jobs``).
The window marks them in the source list and counts them in the status bar.
"""

from __future__ import annotations

from briefing.domain import ANALYSIS_VERSION
from briefing.store.workspace import Workspace

# A source's job carries its id in the job's arguments (``team_jobs``: one job per source).
_WAITING = (
    "SELECT DISTINCT s.id FROM procrastinate_jobs j JOIN sources s ON s.id = (j.args->>'source_id')::bigint "
    "WHERE j.queue_name = ? AND j.status IN ('todo', 'doing') "
    "AND (s.analysis_version IS NULL OR s.analysis_version < ?) ORDER BY s.id"
)


def list_waiting_for_workers(ws: Workspace, queue: str) -> list[int]:
    """Ids of the sources whose analysis job waits or runs in ``queue``, still not analysed; none
    on a workspace file, or on a database whose job queue was never made."""
    if ws.backend != "postgresql":
        return []
    if ws.db.execute("SELECT to_regclass('procrastinate_jobs') IS NULL").fetchone()[0]:
        return []
    return [row[0] for row in ws.db.execute(_WAITING, [queue, ANALYSIS_VERSION]).fetchall()]
