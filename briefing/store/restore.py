"""Restoring a backup: check it like a foreign file, keep the current state as a backup, then
replace the workspace's content in one transaction.

Above ``backup`` and ``opening`` in the store's one-way layers: restoring opens the workspace.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from briefing.domain import WorkspaceError, WorkspaceLocked
from briefing.store import lock as locking
from briefing.store.backup import back_up, copy_database, has_content, keep_count, new_backup_name
from briefing.store.backup_files import SET_ASIDE, backup_folder
from briefing.store.integrity import EMPTY, RESTORE_HINT, check_existing, read_only_uri
from briefing.store.opening import open_workspace
from briefing.store.workspace import Workspace


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
        kept = back_up(ws, keep=max(keep_count(keep), 1), label="before-restore") if has_content(ws) else None
        _copy_into(source, ws)
    open_workspace(target).close()  # a backup from an older version is migrated now
    return kept


def check_backup(path: Path) -> None:
    """Refuse a file that is not a sound Briefing workspace; one-line WorkspaceError."""
    if path.is_dir():
        raise WorkspaceError(f"{path}: is a folder, not a backup file")
    if not path.is_file():
        there = path.exists() or path.is_symlink()  # a pipe, a device, a dangling link
        raise WorkspaceError(f"{path}: " + ("not a regular file, not a backup" if there else "no such backup file"))
    try:
        version = check_existing(path, thorough=True)
    except WorkspaceError as exc:  # restoring is what the analyst is doing: no advice to do it
        raise WorkspaceError(f"cannot restore from {str(exc).removesuffix(RESTORE_HINT)}") from None
    if version in (EMPTY, 0):
        raise WorkspaceError(f"cannot restore from {path}: not a Briefing workspace (empty)")


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
        aside = new_backup_name(folder, target.stem, SET_ASIDE)
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
