"""Change notifications on a team workspace: PostgreSQL's LISTEN/NOTIFY.

Every write transaction on a PostgreSQL workspace ends with ``NOTIFY briefing_changes`` carrying
its connection's server process id (``Workspace.transaction``); the notice is delivered when the
transaction commits, never for one rolled back. A window listens on a connection of its own and
redraws from the store when another connection's change arrives.
"""

from __future__ import annotations

from briefing.store.pg_database import server_connection
from briefing.store.postgres import connect
from briefing.store.workspace import CHANGES_CHANNEL, Workspace


def own_process(ws: Workspace) -> int | None:
    """The server process id of the workspace's connection (None: not a team workspace)."""
    if ws.conninfo is None:
        return None
    return server_connection(ws).info.backend_pid


class ChangeListener:
    """Waits for changes committed by other connections to one team workspace."""

    def __init__(self, conninfo: str, own: int | None = None):
        """Listen to the workspace at ``conninfo``, ignoring the changes of the connection whose
        server process is ``own`` (``own_process``: a window redraws after its own edits)."""
        self._own = str(own)
        self._conn = connect(conninfo)
        self._conn.autocommit = True
        self._conn.execute(f"LISTEN {CHANGES_CHANNEL}")

    def wait(self, timeout: float) -> bool:
        """True when another connection committed a change within ``timeout`` seconds (all the
        notices waiting are read at once: a burst of changes is one redraw)."""
        changed = False
        for notice in self._conn.notifies(timeout=timeout):
            changed = changed or notice.payload != self._own
            if changed:
                break
        for notice in self._conn.notifies(timeout=0):  # drain the rest of a burst
            changed = changed or notice.payload != self._own
        return changed

    def close(self) -> None:
        self._conn.close()
