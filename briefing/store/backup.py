"""Rolling backups of a workspace through SQLite's online backup API.

A backup is a complete workspace file on its own (rollback journal, no ``-wal`` beside it) in
the folder ``<workspace>.backups`` next to the workspace, named
``<stem>-YYYYMMDD-HHMMSS-ffffff[-label].briefing`` (UTC). It is written to a temporary file,
flushed to disk and renamed into place, so no half-written file ever carries a backup's name.
The newest N are kept: ``keep`` when given, else the ``BRIEFING_BACKUPS`` environment variable,
else 10; 0 turns automatic backups off.

``maybe_back_up`` copies the workspace when the newest backup is more than ten minutes old and
the file changed since; the CLI and the app call it when they open a workspace, the app again
while edits happen (``BackUpNowAndThen``, the after-commit hook ``briefing.store.opening``
registers). Restoring a backup opens workspaces, so it lives above, in ``briefing.store.restore``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

from briefing.domain import WorkspaceError
from briefing.store.backup_files import backup_folder, list_backups, remove_interrupted, temporary_name
from briefing.store.integrity import read_only_uri
from briefing.store.workspace import Workspace, storage_error

DEFAULT_KEEP = 10
INTERVAL_SECONDS = 600
BACKUP_CHECK_SECONDS = 60.0  # after an edit, ask at most this often whether a backup is due
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
        if not target.parent.is_dir():
            raise WorkspaceError(f"{target.parent}: no such folder for the backup")
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
    elif not has_content(ws):
        return None
    return back_up(ws, keep=keep)


class BackUpNowAndThen:
    """After-commit hook of a workspace opened for writing (``briefing.store.opening``): while
    ``ws.auto_backup`` is on, at most once a minute, back up if one is due (``maybe_back_up``).
    A failed backup never fails the edit: it is kept in ``ws.backup_problem``."""

    def __init__(self) -> None:
        self._next_check = 0.0

    def __call__(self, ws: Workspace) -> None:
        if not ws.auto_backup:
            return
        now = time.monotonic()
        if now < self._next_check:
            return
        self._next_check = now + BACKUP_CHECK_SECONDS
        try:
            maybe_back_up(ws)
            ws.backup_problem = None
        except WorkspaceError as exc:
            ws.backup_problem = str(exc)


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
            with contextlib.suppress(OSError):  # a read-only folder refuses even this: its error was said
                leftover.unlink(missing_ok=True)


def _into_folder(conn: sqlite3.Connection, workspace: Path, keep: int | None, label: str) -> Path:
    folder = backup_folder(workspace)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise WorkspaceError(f"{folder}: cannot make the backup folder ({exc.strerror})") from None
    remove_interrupted(workspace)
    target = new_backup_name(folder, workspace.stem, label)
    try:
        copy_database(conn, target)
    except _DiskFull as exc:
        kept = len(list_backups(workspace))
        kept_now = f"{kept} earlier backup{'s are' if kept != 1 else ' is'} kept"
        raise WorkspaceError(f"{exc}; {kept_now} (free some space)") from None
    _prune(workspace, max(keep_count(keep), 1))
    return target


def new_backup_name(folder: Path, stem: str, label: str) -> Path:
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


def has_content(ws: Workspace) -> bool:
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
