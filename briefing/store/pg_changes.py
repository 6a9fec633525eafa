"""Change notifications on a team workspace: PostgreSQL's LISTEN/NOTIFY.

Every write transaction on a PostgreSQL workspace ends with ``NOTIFY briefing_changes`` carrying
its workspace's origin (``Workspace.transaction``; a window and the connections it reopens for its
worker threads share one); the notice is delivered when the transaction commits, never for one
rolled back. A window listens on a connection of its own and redraws from the store when a
change of another origin arrives: a colleague's, a worker's, never its own import's.
"""

from __future__ import annotations

from briefing.domain import WorkspaceError
from briefing.store.postgres import connect, describe, error_line
from briefing.store.workspace import CHANGES_CHANNEL


class ChangeListener:
    """Waits for changes committed by other connections to one team workspace."""

    def __init__(self, conninfo: str, own: str | None = None):
        """Listen to the workspace at ``conninfo``, ignoring the changes of the origin ``own``
        (``Workspace.origin``: a window redraws after its own edits by itself)."""
        self._own = own
        self.ignored = 0  # notices of the own origin read so far
        self._name = describe(conninfo)
        self._conn = connect(conninfo)
        self._conn.autocommit = True
        self._conn.execute(f"LISTEN {CHANGES_CHANNEL}")

    def wait(self, timeout: float) -> bool:
        """True when another connection committed a change within ``timeout`` seconds (all the
        notices waiting are read at once: a burst of changes is one redraw). WorkspaceError in one
        line when the server dropped the connection."""
        import psycopg

        changed = False
        try:
            for notice in self._conn.notifies(timeout=timeout):
                changed = self._heard(notice.payload) or changed
                if changed:
                    break
            for notice in self._conn.notifies(timeout=0):  # drain the rest of a burst
                changed = self._heard(notice.payload) or changed
        except psycopg.OperationalError as exc:
            raise WorkspaceError(f"{self._name}: the connection to the server was lost ({error_line(exc)})") from None
        return changed

    def _heard(self, origin: str) -> bool:
        if origin == self._own:
            self.ignored += 1
            return False
        return True

    def close(self) -> None:
        self._conn.close()
