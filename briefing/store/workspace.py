"""Opening a workspace file: lock, checks, connection settings, migrations.

A ``Workspace`` wraps one sqlite-utils ``Database`` and, like it, belongs to
the thread that opened it; a background worker opens its own (``reopen``).
One process at a time writes a workspace (``briefing.store.lock``); another
one gets WorkspaceLocked, or a read-only workspace when it asks for one.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.domain import BriefingError, WorkspaceError, WorkspaceLocked, WorkspaceReadOnly
from briefing.store import lock as locking
from briefing.store.backup_files import remove_interrupted
from briefing.store.integrity import EMPTY, check_existing, check_file_kind, read_only_uri
from briefing.store.migrations import SCHEMA_VERSION, migrations

if TYPE_CHECKING:
    from sqlite_utils import Database

BUSY_TIMEOUT_MS = 5000
BACKUP_CHECK_SECONDS = 60.0
# Files this process checked in full for a read-only open, by identity and last change: a
# search or a worker reading the same unchanged file does not read all of it again.
_checked_read_only: set[tuple[int, ...]] = set()


class Workspace:
    """One open workspace; use as a context manager or call ``close``."""

    def __init__(
        self,
        db: Database,
        path: Path | None,
        *,
        read_only_reason: str | None = None,
        lock: locking.WorkspaceLock | None = None,
    ):
        self.db = db
        self.path = path
        self.read_only_reason = read_only_reason
        self._lock = lock
        self._bulk_depth = 0
        # Back up now and then as edits commit (briefing.store.backup.maybe_back_up); the CLI
        # and the app turn it on. A failed backup never fails the edit: it is kept here.
        self.auto_backup = False
        self.backup_problem: str | None = None
        self._next_backup_check = 0.0

    @property
    def name(self) -> str:
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
            with self.db.atomic():
                yield self.db
        except sqlite3.Error as exc:
            error = storage_error(self.name, exc)
            if error is None:
                raise
            raise error from None
        if self.auto_backup and not self._bulk_depth and not self.db.conn.in_transaction:
            self._back_up_now_and_then()

    def _back_up_now_and_then(self) -> None:
        """After an edit committed: at most once a minute, ask for a backup if one is due."""
        now = time.monotonic()
        if now < self._next_backup_check:
            return
        self._next_backup_check = now + BACKUP_CHECK_SECONDS
        from briefing.store.backup import maybe_back_up

        try:
            maybe_back_up(self)
            self.backup_problem = None
        except WorkspaceError as exc:
            self.backup_problem = str(exc)

    def reopen(self) -> Workspace:
        """Another connection to the same file in the same mode, for a worker thread."""
        if self.path is None:
            raise WorkspaceError("an in-memory workspace cannot be opened twice")
        return open_workspace(self.path, read_only=self.read_only)

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


def open_workspace(
    path: str | Path | None = None,
    *,
    memory: bool = False,
    read_only: bool = False,
    fallback_read_only: bool = False,
) -> Workspace:
    """Open (creating if needed) and migrate the workspace at ``path``.

    With ``memory=True`` the workspace lives in memory (tests, previews). With
    ``read_only=True`` it is opened for reading only, next to any writer. Raises
    WorkspaceLocked when another process has it open, unless ``fallback_read_only``
    asks for a read-only workspace then (also when the file or its folder is
    read-only). Raises WorkspaceError with a one-line message when the file is not
    a Briefing workspace, is damaged or was made by a newer version; the file is
    not touched.
    """
    if memory:
        return _prepare(_database(memory=True), None)
    if path is None:
        raise WorkspaceError("no workspace path given")
    target = Path(path).expanduser()
    if read_only:
        return _open_read_only(target, "it was opened read-only")
    _check_location(target)
    try:
        lock = locking.acquire(target)
    except WorkspaceLocked:
        if fallback_read_only:
            return _open_read_only(target, f"{locking.describe_holder(target)} has it open for writing")
        raise
    except OSError as exc:
        return _unwritable(target, _unwritable_folder(exc), fallback_read_only)
    try:
        return _open_locked(target, lock, fallback_read_only)
    except BaseException:
        lock.release()
        raise


def _check_location(target: Path) -> None:
    """Refuse, before the lock file is made beside it, what cannot become a workspace file."""
    check_file_kind(target)
    if not target.parent.is_dir():
        raise WorkspaceError(f"{target}: folder {target.parent} does not exist")


def _open_locked(target: Path, lock: locking.WorkspaceLock, fallback_read_only: bool) -> Workspace:
    first = not lock.opened
    version = check_existing(target, thorough=lock.check_due, exclusive=True)
    if first:
        remove_interrupted(target)  # backups killed half-way; we hold the lock, none is running
    if version != EMPTY and not os.access(target, os.W_OK):
        lock.release()
        return _unwritable(target, "the file is read-only", fallback_read_only)
    if 0 < version < SCHEMA_VERSION:
        from briefing.store.backup import back_up_file

        back_up_file(target, label="before-upgrade")  # the migrations change the file for good
    db = _database(target)
    try:
        ws = _prepare(db, target, lock)
    except sqlite3.Error as exc:
        db.close()
        error = storage_error(target.name, exc)
        raise (error or WorkspaceError(f"{target}: cannot open workspace ({exc})")) from None
    except BaseException:
        db.close()
        raise
    lock.mark_open()
    return ws


def _unwritable_folder(exc: OSError) -> str:
    if exc.errno == errno.EROFS:
        return "it is on a read-only disk"
    return f"its folder cannot be written ({(exc.strerror or type(exc).__name__).lower()})"


def _unwritable(target: Path, reason: str, fallback_read_only: bool) -> Workspace:
    if fallback_read_only and target.exists():
        return _open_read_only(target, reason)
    raise WorkspaceError(f"{target}: cannot be changed: {reason}")


def _open_read_only(target: Path, reason: str) -> Workspace:
    """A workspace that refuses every change, opened beside any writer without taking the lock."""
    # a writer (here or elsewhere) checked the file when it opened it
    identity = _identity(target)
    thorough = (
        identity not in _checked_read_only and locking.marker(target) != locking.CLOSED and not locking.in_use(target)
    )
    version = check_existing(target, thorough=thorough)
    if thorough:
        _checked_read_only.add(identity)
    if version == EMPTY:
        raise WorkspaceError(f"{target}: no workspace there (missing or empty file)")
    if version < SCHEMA_VERSION:
        raise WorkspaceError(
            f"{target}: made by an older version of Briefing; it is upgraded when opened for writing, "
            f"which is not possible now ({reason})"
        )
    try:
        conn = sqlite3.connect(read_only_uri(target), uri=True)
        db = _database(conn)
        _configure(db)
        db.execute("PRAGMA query_only = ON")
    except sqlite3.Error as exc:
        raise WorkspaceError(f"{target}: cannot open workspace read-only ({exc})") from None
    return Workspace(db, target, read_only_reason=reason)


def _identity(target: Path) -> tuple[int, ...]:
    """The file and its -wal as they are now: device, inode, size and time of last change."""
    found: list[int] = []
    for path in (target, Path(f"{target}-wal")):
        try:
            info = os.stat(path)
        except OSError:
            info = None
        if info is None or (path != target and not info.st_size):  # an empty -wal: as none
            found += [0, 0, 0, 0]
        else:
            found += [info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns]
    return tuple(found)


def _database(target: str | Path | sqlite3.Connection | None = None, memory: bool = False) -> Database:
    """A sqlite-utils Database; sqlite-utils is imported with the first workspace opened."""
    from sqlite_utils import Database

    return Database(target, memory=memory, execute_plugins=False)


def _configure(db: Database) -> None:
    conn = db.conn
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA foreign_keys = ON")


def _prepare(db: Database, path: Path | None, lock: locking.WorkspaceLock | None = None) -> Workspace:
    _configure(db)
    if path is not None:
        db.conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a committed edit survives power loss, not only a crash of the app.
        db.conn.execute("PRAGMA synchronous = FULL")
    migrations.apply(db)
    return Workspace(db, path, lock=lock)


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
