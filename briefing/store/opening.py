"""Opening a workspace file: lock, checks, connection settings, migrations, backups.

The top of the store's one-way layers: the connection and its transactions
(``workspace``) <- migrations <- checks (``integrity``); lock <- backup <- opening.
One process at a time writes a workspace (``briefing.store.lock``); another
one gets WorkspaceLocked, or a read-only workspace when it asks for one.
A workspace opened for writing backs itself up now and then as edits commit:
the opener registers ``backup.BackUpNowAndThen`` as its after-commit hook.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.domain import WorkspaceError, WorkspaceLocked
from briefing.paths import WORKSPACE_SUFFIX
from briefing.store import lock as locking
from briefing.store import postgres
from briefing.store.backup import BackUpNowAndThen, back_up_file
from briefing.store.backup_files import remove_interrupted
from briefing.store.integrity import EMPTY, check_existing, check_file_kind, read_only_uri
from briefing.store.migrations import SCHEMA_VERSION, migrations
from briefing.store.workspace import Workspace, storage_error

if TYPE_CHECKING:
    from sqlite_utils import Database

BUSY_TIMEOUT_MS = 5000
# Files this process checked in full for a read-only open, by identity and last change: a
# search or a worker reading the same unchanged file does not read all of it again.
_checked_read_only: set[tuple[int, ...]] = set()


def open_workspace(
    path: str | Path | None = None,
    *,
    memory: bool = False,
    read_only: bool = False,
    fallback_read_only: bool = False,
    create: bool = True,
    wait: float = 0.0,
) -> Workspace:
    """Open (creating if needed) and migrate the workspace at ``path``; ``wait``: the seconds
    to wait for a lock another process holds (``lock.acquire``).

    With ``memory=True`` the workspace lives in memory (tests, previews). With
    ``read_only=True`` it is opened for reading only, next to any writer. Raises
    WorkspaceLocked when another process has it open, unless ``fallback_read_only``
    asks for a read-only workspace then (also when the file or its folder is
    read-only). Raises WorkspaceError with a one-line message when the file is not
    a Briefing workspace, is damaged or was made by a newer version; the file is
    not touched. Without ``create`` an empty PostgreSQL database is refused, not given a
    workspace (a file's callers check that it exists).
    """
    if memory:
        return _prepare(_database(memory=True), None)
    if path is None:
        raise WorkspaceError("no workspace path given")
    if isinstance(path, str) and postgres.is_postgres(path):
        return _open_postgres(path, read_only, create)
    target = Path(path).expanduser()
    if read_only:
        return _open_read_only(target, "it was opened read-only")
    _check_location(target)
    try:
        lock = locking.acquire(target, wait)
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
    """Refuse, before the lock file is made beside it, what cannot become a workspace file: an
    empty file is one only when its name ends in .briefing (made for a new workspace), and a file
    opened here for the first time (no lock file yet) must be a workspace: notes or a page named
    by mistake are refused without a lock file left beside them."""
    if check_file_kind(target):
        if not os.stat(target).st_size and target.suffix.lower() != WORKSPACE_SUFFIX:
            raise WorkspaceError(
                f"{target}: an empty file, not a workspace; a new workspace's name ends in {WORKSPACE_SUFFIX}"
            )
        if not os.path.lexists(locking.lock_path(target)):
            # through SQLite, never a descriptor of our own: closing one would drop the POSIX
            # locks this process's connections hold on the file. No Briefing has it open (no
            # lock file): read as the lock holder does, leaving no -wal or -shm behind.
            check_existing(target, thorough=False, exclusive=True)
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
    ws.after_commit.append(BackUpNowAndThen())  # does nothing until the caller sets ws.auto_backup
    lock.mark_open()
    return ws


def _unwritable_folder(exc: OSError) -> str:
    if exc.errno == errno.EROFS:
        return "it is on a read-only disk"
    return f"its folder cannot be written ({(exc.strerror or type(exc).__name__).lower()})"


def _unwritable(target: Path, reason: str, fallback_read_only: bool) -> Workspace:
    if fallback_read_only and target.exists():
        return _open_read_only(target, reason)
    made = "changed" if target.exists() else "made"  # a new workspace's file is not there yet
    raise WorkspaceError(f"{target}: cannot be {made}: {reason}")


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
    return Workspace(db, target, read_only_reason=reason, opener=open_workspace)


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


def _open_postgres(conninfo: str, read_only: bool, create: bool = True) -> Workspace:
    """A team workspace: connect, create the schema in an empty database, refuse another version."""
    from briefing.store.pg_database import PgDatabase

    conn = postgres.connect(conninfo)
    before = None
    try:
        if not read_only:
            before = postgres.schema_version(conn)
            postgres.prepare(conn, postgres.describe(conninfo), create)
        elif not postgres.readable(version := postgres.schema_version(conn)):
            raise WorkspaceError(postgres.unreadable_reason(postgres.describe(conninfo), version))
        conn.commit()

        def session(opened):
            """A connection set as the workspace's are: autocommit outside transactions, read-only if so."""
            opened.autocommit = True
            if read_only:
                opened.execute("SET default_transaction_read_only = on")
            return opened

        db = PgDatabase(session(conn), lambda: session(postgres.connect(conninfo)), postgres.describe(conninfo))
    except BaseException:
        conn.close()
        raise
    role = str(db.execute("SELECT current_user").fetchone()[0])  # type: ignore[index]
    reason = "it was opened read-only" if read_only else None
    if reason is None and not db.execute("SELECT has_table_privilege('claims', 'UPDATE')").fetchone()[0]:  # type: ignore[index]
        reason = f"the database role {role} may only read it"  # the window says so before a write is tried
    ws = Workspace(db, None, read_only_reason=reason, opener=open_workspace, conninfo=conninfo)  # type: ignore[arg-type]
    ws.role = role
    if reason is not None and not read_only:  # reopening will not do: the server must grant it
        ws.writable_when = f"the team's server grants the role {role} writing (INSERT, UPDATE, DELETE)"
    _rework_derived(ws, before)
    return ws


# Pages in the write-ahead log after which a commit during the migrations copies them into the
# file: the migrations of a new workspace otherwise grow the log to 760 KB, three times the new
# file, before the checkpoint that ends them (200 KB with this).
_MIGRATION_CHECKPOINT_PAGES = 32


def _prepare(db: Database, path: Path | None, lock: locking.WorkspaceLock | None = None) -> Workspace:
    _configure(db)
    if path is not None:
        db.conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a committed edit survives power loss, not only a crash of the app.
        db.conn.execute("PRAGMA synchronous = FULL")
    before = db.conn.execute("PRAGMA user_version").fetchone()[0]
    if path is not None:  # each migration's pages move into the file as it commits: the log stays small
        db.conn.execute(f"PRAGMA wal_autocheckpoint = {_MIGRATION_CHECKPOINT_PAGES}")
    migrations.apply(db)
    if path is not None:
        db.conn.execute("PRAGMA wal_autocheckpoint = 1000")  # SQLite's default
    if path is not None and db.conn.execute("PRAGMA user_version").fetchone()[0] != before:
        # a new or upgraded file: the migrations' pages go into the file now, not into a
        # write-ahead log that would otherwise keep them (and their disk space) until later
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ws = Workspace(db, path, lock=lock, opener=open_workspace)
    _rework_derived(ws, before)
    return ws


def _rework_derived(ws: Workspace, before: int | None) -> None:
    """Values the store keeps worked out from others, worked out again once when a workspace is
    upgraded from a schema whose rules made them otherwise (credibility, since evidence that
    copies the claim's own story is no origin)."""
    from briefing.store.evidence import CREDIBILITY_APART_FROM_OWN_STORY, refresh_all_credibility

    if before and before < CREDIBILITY_APART_FROM_OWN_STORY and not ws.read_only:
        refresh_all_credibility(ws)


def discard_new_workspace(path: Path) -> None:
    """Remove a workspace this process just made and left empty (an import that imported
    nothing): the file, its journal, its lock file and an empty backup folder."""
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), locking.lock_path(path)):
        leftover.unlink(missing_ok=True)
    folder = path.with_name(path.name + ".backups")
    if folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
