"""Rolling backups of a workspace through SQLite's online backup API, and restoring one.

A backup is a complete workspace file on its own (rollback journal, no ``-wal`` beside it) in
the folder ``<workspace>.backups`` next to the workspace, named
``<stem>-YYYYMMDD-HHMMSS-ffffff[-label].briefing`` (UTC). It is written to a temporary file,
flushed to disk and renamed into place, so no half-written file ever carries a backup's name.
The newest N are kept: ``keep`` when given, else the ``BRIEFING_BACKUPS`` environment variable,
else 10; 0 turns automatic backups off.

``maybe_back_up`` copies the workspace when the newest backup is more than ten minutes old and
the file changed since; the CLI and the app call it when they open a workspace, the app again
while edits happen. ``restore_backup`` checks the backup like a foreign file, keeps the current
state as a backup, then replaces the workspace's content in one transaction.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

from briefing.domain import WorkspaceError, WorkspaceLocked
from briefing.store import lock as locking
from briefing.store.backup_files import backup_folder, list_backups, remove_interrupted, temporary_name
from briefing.store.integrity import EMPTY, check_existing, read_only_uri
from briefing.store.workspace import Workspace, open_workspace, storage_error

DEFAULT_KEEP = 10
INTERVAL_SECONDS = 600
KEEP_VARIABLE = "BRIEFING_BACKUPS"
_STAMP = "%Y%m%d-%H%M%S-%f"
_CONTENT_TABLES = ("sources", "entities", "annotations", "briefings", "history")
_SQLITE_FULL = 13


class _DiskFull(WorkspaceError):
    """The disk filled up while a backup was written; nothing of it is left."""


def keep_count(keep: int | None = None) -> int:
    """How many backups to keep: ``keep``, else ``BRIEFING_BACKUPS``, else 10."""
    if keep is None:
        value = os.environ.get(KEEP_VARIABLE, "").strip()
        if not value:
            return DEFAULT_KEEP
        if not value.isdigit():
            raise WorkspaceError(f"{KEEP_VARIABLE}={value!r}: give the number of backups to keep (0 turns them off)")
        keep = int(value)
    if keep < 0:
        raise WorkspaceError(f"cannot keep {keep} backups")
    return keep


def back_up(ws: Workspace, to: str | Path | None = None, *, keep: int | None = None, label: str = "") -> Path:
    """Copy the workspace, as committed, to ``to`` or into its backup folder; returns the file.

    Into the folder, the oldest backups beyond ``keep`` are deleted afterwards (at least the
    new one stays). An existing ``to`` is never overwritten.
    """
    if ws.path is None:
        raise WorkspaceError("an in-memory workspace has no file to back up")
    if ws.db.conn.in_transaction:
        raise WorkspaceError(f"{ws.name}: cannot back up in the middle of a change")
    if to is not None:
        target = Path(to).expanduser()
        if target.exists():
            raise WorkspaceError(f"{target}: already exists; choose a new file name for the backup")
        copy_database(ws.db.conn, target)
        return target
    return _into_folder(ws.db.conn, ws.path, keep, label)


def back_up_file(workspace: Path, *, keep: int | None = None, label: str = "") -> Path:
    """Back up a workspace file that has no open connection here (before migrations change it)."""
    conn = sqlite3.connect(read_only_uri(workspace), uri=True)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        return _into_folder(conn, workspace, keep, label)
    finally:
        conn.close()


def maybe_back_up(ws: Workspace, *, interval: float | None = None, keep: int | None = None) -> Path | None:
    """Back up when the newest backup is older than ``interval`` seconds (default ten minutes)
    and the file changed since.

    Cheap when there is nothing to do (a directory listing and two stats), so the app may call
    it after every edit or on a timer. Returns the new backup, or None.
    """
    if ws.path is None or ws.db.conn.in_transaction or keep_count(keep) == 0:
        return None
    backups = list_backups(ws.path)
    if backups:
        newest = backups[-1].stat().st_mtime
        due = INTERVAL_SECONDS if interval is None else interval
        if time.time() - newest < due or _last_change(ws.path) <= newest:
            return None
    elif not _has_content(ws):
        return None
    return back_up(ws, keep=keep)


def restore_backup(workspace: str | Path, backup: str | Path, *, keep: int | None = None) -> Path | None:
    """Make ``workspace`` hold what ``backup`` holds; returns where its previous state was kept.

    The backup must pass the checks of a foreign workspace (header, version, schema objects,
    quick_check). Raises WorkspaceLocked while another process has the workspace open.
    """
    target, source = Path(workspace).expanduser(), Path(backup).expanduser()
    check_backup(source)
    if target.exists() and source.resolve() == target.resolve():
        raise WorkspaceError(f"{source}: is the workspace itself, not a backup of it")
    try:
        ws = open_workspace(target)
    except WorkspaceLocked:
        holder = locking.describe_holder(target)
        raise WorkspaceLocked(f"{target}: open in {holder}; close it there before restoring") from None
    except WorkspaceError:
        if not target.exists():
            raise
        return _replace_unopenable(target, source)  # damaged, foreign or newer: kept aside, then replaced
    with ws:
        kept = back_up(ws, keep=max(keep_count(keep), 1), label="before-restore") if _has_content(ws) else None
        _copy_into(source, ws)
    open_workspace(target).close()  # a backup from an older version is migrated now
    return kept


def check_backup(path: Path) -> None:
    """Refuse a file that is not a sound Briefing workspace; one-line WorkspaceError."""
    if not path.is_file():
        raise WorkspaceError(f"{path}: no such backup file")
    try:
        version = check_existing(path, thorough=True)
    except WorkspaceError as exc:
        raise WorkspaceError(f"cannot restore from {exc}") from None
    if version in (EMPTY, 0):
        raise WorkspaceError(f"cannot restore from {path}: not a Briefing workspace (empty)")


def copy_database(conn: sqlite3.Connection, target: Path) -> None:
    """Write the database of ``conn`` to ``target`` whole or not at all."""
    temporary = temporary_name(target)
    try:
        temporary.unlink(missing_ok=True)
        out = sqlite3.connect(temporary)
        try:
            conn.backup(out)
            out.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal needed
        finally:
            out.close()
        _fsync(temporary)
        os.replace(temporary, target)
        _fsync(target.parent)
    except sqlite3.Error as exc:
        if getattr(exc, "sqlite_errorcode", 0) & 0xFF == _SQLITE_FULL:
            raise _DiskFull(f"{target.parent}: disk full; no backup was made") from None
        error = storage_error(target.name, exc)
        raise (error or WorkspaceError(f"{target}: backup failed ({exc})")) from None
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            raise _DiskFull(f"{target.parent}: disk full; no backup was made") from None
        raise WorkspaceError(f"{target}: backup failed ({exc.strerror or exc})") from None
    finally:
        for leftover in (temporary, Path(f"{temporary}-journal")):
            leftover.unlink(missing_ok=True)


def _into_folder(conn: sqlite3.Connection, workspace: Path, keep: int | None, label: str) -> Path:
    folder = backup_folder(workspace)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise WorkspaceError(f"{folder}: cannot make the backup folder ({exc.strerror})") from None
    remove_interrupted(workspace)
    target = _new_name(folder, workspace.stem, label)
    try:
        copy_database(conn, target)
    except _DiskFull as exc:
        kept = len(list_backups(workspace))
        kept_now = f"{kept} earlier backup{'s are' if kept != 1 else ' is'} kept"
        raise WorkspaceError(f"{exc}; {kept_now} (free some space)") from None
    _prune(workspace, max(keep_count(keep), 1))
    return target


def _new_name(folder: Path, stem: str, label: str) -> Path:
    suffix = f"-{label}" if label else ""
    while True:
        target = folder / f"{stem}-{datetime.now(UTC).strftime(_STAMP)}{suffix}.briefing"
        if not target.exists():
            return target
        time.sleep(0.001)


def _prune(workspace: Path, keep: int) -> None:
    backups = list_backups(workspace)
    for old in backups[: max(0, len(backups) - keep)]:
        old.unlink(missing_ok=True)


def _replace_unopenable(target: Path, source: Path) -> Path:
    """Move a workspace that cannot be opened (and its -wal) aside into the backup folder, then
    put a copy of the backup in its place."""
    try:
        lock = locking.acquire(target)  # inside: on a read-only disk even the lock file fails
    except OSError as exc:
        raise WorkspaceError(f"{target}: restore failed ({_reason(exc)})") from None
    try:
        folder = backup_folder(target)
        folder.mkdir(exist_ok=True)
        aside = _new_name(folder, target.stem, "replaced")
        os.replace(target, aside)
        for suffix in ("-wal", "-shm"):
            if Path(f"{target}{suffix}").exists():
                os.replace(f"{target}{suffix}", f"{aside}{suffix}")
        conn = sqlite3.connect(read_only_uri(source), uri=True)
        try:
            copy_database(conn, target)
        finally:
            conn.close()
    except OSError as exc:
        raise WorkspaceError(f"{target}: restore failed ({_reason(exc)})") from None
    finally:
        lock.release()
    return aside


def _reason(exc: OSError) -> str:
    if exc.errno == errno.EROFS:
        return "it is on a read-only disk"
    return (exc.strerror or str(exc)).lower()


def _copy_into(source: Path, ws: Workspace) -> None:
    """Replace the open workspace's content with the backup's: one write transaction in the WAL,
    so a crash half-way leaves the workspace as it was."""
    conn = sqlite3.connect(read_only_uri(source), uri=True)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.backup(ws.db.conn)
    except sqlite3.Error as exc:
        raise WorkspaceError(f"{ws.path}: restore failed ({exc}); the workspace was not changed") from None
    finally:
        conn.close()


def _has_content(ws: Workspace) -> bool:
    """False for a workspace that is still as new: nothing to keep a copy of."""
    checks = " OR ".join(f"EXISTS (SELECT 1 FROM {table})" for table in _CONTENT_TABLES)
    return bool(ws.db.execute(f"SELECT {checks}").fetchone()[0])


def _last_change(path: Path) -> float:
    times = [p.stat().st_mtime for p in (path, Path(f"{path}-wal")) if p.exists()]
    return max(times, default=0.0)


def _fsync(path: Path) -> None:
    if os.name == "nt" and path.is_dir():
        return  # Windows cannot open a folder to flush it
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
