"""A workspace's connection and its transactions: the store's lowest layer.

A ``Workspace`` wraps one sqlite-utils ``Database`` and, like it, belongs to
the thread that opened it; a background worker opens its own (``reopen``).
Opening one (lock, checks, connection settings, migrations, backups) is
``briefing.store.opening``, above this module: it hands each workspace the way
to reopen it and the hooks to run after a commit (the rolling backup).
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.domain import BriefingError, WorkspaceError, WorkspaceReadOnly
from briefing.store.postgres import describe  # text only: psycopg loads when one is opened

if TYPE_CHECKING:
    from sqlite_utils import Database

    from briefing.store.lock import WorkspaceLock


# Ends each write transaction on a team workspace: other windows redraw (store.pg_changes).
# PostgreSQL delivers identical notices of one transaction once, and none when it rolls back.
# The payload is the writer's origin: a window and the connections it reopens share one.
CHANGES_CHANNEL = "briefing_changes"
NOTIFY_CHANGES = f"SELECT pg_notify('{CHANGES_CHANNEL}', ?)"


class Workspace:
    """One open workspace; use as a context manager or call ``close``."""

    def __init__(
        self,
        db: Database,
        path: Path | None,
        *,
        read_only_reason: str | None = None,
        lock: WorkspaceLock | None = None,
        opener: Callable[..., Workspace] | None = None,
        conninfo: str | None = None,
    ):
        self.db = db
        self.path = path
        # A team workspace on PostgreSQL: its libpq connection string (path is then None)
        self.conninfo = conninfo
        self.backend = "postgresql" if conninfo is not None else "sqlite"
        # The database role a team workspace's connection acts as (the history's default "who")
        self.role: str | None = None
        self.read_only_reason = read_only_reason
        # What makes a read-only workspace writable, for the window's banner
        self.writable_when = "it is opened for writing"
        self._lock = lock
        self._opener = opener
        self._bulk_depth = 0
        self.closed = False
        # Called with this workspace after each change commits (outside bulk work); the
        # opener registers them (briefing.store.backup.BackUpNowAndThen).
        self.after_commit: list[Callable[[Workspace], None]] = []
        # The rolling backup's switch and its last failure, kept for the after-commit hook:
        # the CLI and the app turn it on; a failed backup never fails the edit, it is kept here.
        self.auto_backup = False
        self.backup_problem: str | None = None
        # The revisions this connection wrote and committed, by (kind, id) (store.revisions):
        # an undo expects the item to be as this window left it
        self.written_revisions: dict[tuple[str, int], int] = {}
        self.pending_revisions: dict[tuple[str, int], int] = {}
        # Who writes, for change notices (store.pg_changes): new for each opened workspace,
        # kept by ``reopen`` so a window's worker connections are not taken for a colleague
        self.origin = uuid.uuid4().hex

    @property
    def name(self) -> str:
        if self.conninfo is not None:
            return describe(self.conninfo)
        return self.path.name if self.path else ":memory:"

    @property
    def read_only(self) -> bool:
        """True when this workspace cannot be changed; ``read_only_reason`` says why."""
        return self.read_only_reason is not None

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """All writes inside commit together or not at all.

        Storage failures (disk full, a read-only or damaged file) come out as one-line
        WorkspaceErrors after the rollback, so nothing of the change is left behind.
        """
        if self.read_only_reason is not None:
            raise WorkspaceReadOnly(f"{self.name} is read-only here: {self.read_only_reason}; the change was not saved")
        try:
            try:
                with self.db.atomic():
                    yield self.db
                    if self.conninfo is not None:  # delivered once, on commit (store.pg_changes)
                        self.db.execute(NOTIFY_CHANGES, [self.origin])
            except BaseException:
                self._settle_revisions(committed=False)
                raise
            self._settle_revisions(committed=True)
        except sqlite3.Error as exc:
            error = storage_error(self.name, exc)
            if error is None:
                raise
            raise error from None
        except Exception as exc:
            if self.conninfo is None or not type(exc).__module__.startswith("psycopg"):
                raise
            raise WorkspaceError(f"{self.name}: the change was not saved: {_first_line(exc)}") from None
        if self.after_commit and not self._bulk_depth and not self.db.conn.in_transaction:
            for hook in list(self.after_commit):
                hook(self)

    def _settle_revisions(self, committed: bool) -> None:
        """Once the outermost transaction ends: the revisions it counted were written when it
        committed (kept, for undo), none when it rolled back."""
        if self.db.conn.in_transaction:
            return
        if committed:
            self.written_revisions.update(self.pending_revisions)
        self.pending_revisions.clear()

    @property
    def can_reopen(self) -> bool:
        """False for a workspace in memory: a worker thread cannot open a connection of its own."""
        return self.path is not None or self.conninfo is not None

    def reopen(self) -> Workspace:
        """Another connection to the same file in the same mode, for a worker thread."""
        if self.conninfo is not None and self._opener is not None:
            again = self._opener(self.conninfo, read_only=self.read_only)
            again.origin = self.origin  # its changes are this window's own
            return again
        if self.path is None:
            raise WorkspaceError("an in-memory workspace cannot be opened twice")
        if self._opener is None:
            raise WorkspaceError(f"{self.name}: this workspace was not opened from a file")
        return self._opener(self.path, read_only=self.read_only)

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """Machine work that can be redone (import, analysis): commits still happen per
        source, but are not flushed to disk one by one; a crash keeps the workspace
        consistent and loses at most the last sources, never an analyst's edit."""
        if self.path is None or self._bulk_depth:
            self._bulk_depth += 1
            try:
                yield
            finally:
                self._bulk_depth -= 1
            return
        self._bulk_depth = 1
        self.db.conn.execute("PRAGMA synchronous = NORMAL")
        try:
            yield
        finally:
            self._bulk_depth = 0
            self.db.conn.execute("PRAGMA synchronous = FULL")

    def insert(self, table: str, record: dict) -> int:
        """Insert one row and return its id."""
        row_id = self.db.table(table).insert(record).last_pk
        assert isinstance(row_id, int)
        return row_id

    def close(self) -> None:
        self.closed = True
        try:
            self.db.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


# SQLite's primary result codes for failures of the storage, not of our SQL
_STORAGE_PROBLEMS = {
    13: "disk full; the change was not saved (free some space and try again)",  # SQLITE_FULL
    8: "the workspace file is read-only; the change was not saved",  # SQLITE_READONLY
    10: "could not write to the disk ({}); the change was not saved",  # SQLITE_IOERR
    11: "the workspace file is damaged ({}); restore a backup with 'briefing restore'",  # SQLITE_CORRUPT
    26: "the workspace file is damaged ({}); restore a backup with 'briefing restore'",  # SQLITE_NOTADB
    5: "busy in another program; the change was not saved (try again)",  # SQLITE_BUSY
}


def storage_error(name: str, exc: sqlite3.Error) -> BriefingError | None:
    """A one-line WorkspaceError for a failure of the disk or the file, else None."""
    code = getattr(exc, "sqlite_errorcode", None)
    problem = _STORAGE_PROBLEMS.get(code & 0xFF) if isinstance(code, int) else None
    if problem is None:
        return None
    return WorkspaceError(f"{name}: {problem.format(' '.join(str(exc).split()))}")


def utc_now() -> str:
    """The current time as stored in the workspace: ISO 8601, UTC, seconds."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def utc_after(previous: str | None) -> str:
    """The current time in microseconds, and later than ``previous`` (a time stored in the same
    column) even when the clock is not: two stamps of one thing never read the same, however
    close together, on whichever machine. An older app's time in seconds, or a date, compares
    as the first instant it names."""
    now = datetime.now(UTC)
    try:
        before = datetime.fromisoformat(previous) if previous else None
    except ValueError:
        before = None  # another tool's words: nothing to be later than
    if before is not None:
        before = before if before.tzinfo is not None else before.replace(tzinfo=UTC)
        now = max(now, before + timedelta(microseconds=1))
    return now.isoformat(timespec="microseconds")
