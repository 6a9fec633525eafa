"""Where a workspace's backups live and what their files are called.

Backups are ``<stem>-YYYYMMDD-HHMMSS-ffffff[-label].briefing`` in the folder
``<workspace>.backups``; each is first written to ``.<backup name>.<pid>.tmp`` (and SQLite's
``-journal`` of it) and renamed into place. A backup killed half-way leaves those temporary
files: ``remove_interrupted`` clears them when the workspace is next opened. Only names of that
exact shape are touched, never another file in the folder.

Kept apart from ``briefing.store.backup`` so that opening a workspace can tidy the folder
without importing the backup machinery (which imports the opening code).
"""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

STALE_TEMPORARY_SECONDS = 3600
SET_ASIDE = "replaced"  # the label of a file a restore moved aside
_KINDS = {"before-restore": "before a restore", "before-upgrade": "before an upgrade"}
_NAME = r"-\d{8}-\d{6}-\d{6}(-[a-z-]+)?\.briefing"


def backup_folder(workspace: Path) -> Path:
    return workspace.with_name(workspace.name + ".backups")


def list_backups(workspace: Path) -> list[Path]:
    """The workspace's backups, oldest first; other files in the folder are not counted, nor
    the damaged files a restore kept aside (``list_set_aside``): no backup, never offered for a
    restore nor pruned with the backups."""
    return [path for path in _listed(workspace) if not path.stem.endswith(f"-{SET_ASIDE}")]


def backup_kind(backup: Path, workspace: Path) -> str:
    """Why a backup of ``workspace`` was made, in the analyst's words."""
    parts = backup.stem.removeprefix(f"{workspace.stem}-").split("-", 3)
    label = parts[3] if len(parts) > 3 else ""
    return _KINDS.get(label, label.replace("-", " ") if label else "automatic or Back Up Now")


def list_set_aside(workspace: Path) -> list[Path]:
    """The files a restore moved aside because they could not be opened (damaged, of another
    kind, of a newer version), oldest first: kept for the analyst, never removed by Briefing."""
    return [path for path in _listed(workspace) if path.stem.endswith(f"-{SET_ASIDE}")]


def _listed(workspace: Path) -> list[Path]:
    folder = backup_folder(workspace)
    pattern = re.compile(re.escape(workspace.stem) + _NAME)
    try:
        names = sorted(entry.name for entry in os.scandir(folder) if pattern.fullmatch(entry.name))
    except OSError:
        return []
    return [folder / name for name in names]


def temporary_name(target: Path) -> Path:
    """The file a backup (or any copy) is written to before it is renamed to ``target``."""
    return target.with_name(f".{target.name}.{os.getpid()}.tmp")


def remove_interrupted(workspace: Path) -> None:
    """Delete the temporary files of this workspace's backups whose writer is gone: its process
    no longer runs, or the file is more than an hour old (a process id may be reused)."""
    pattern = re.compile(r"\." + re.escape(workspace.stem) + _NAME + r"\.(?P<pid>\d+)\.tmp(-journal)?")
    cutoff = time.time() - STALE_TEMPORARY_SECONDS
    try:
        entries = list(os.scandir(backup_folder(workspace)))
    except OSError:
        return  # no folder yet, or not ours to read
    for entry in entries:
        found = pattern.fullmatch(entry.name)
        if not found or not entry.is_file(follow_symlinks=False):
            continue
        try:
            if not _is_running(int(found["pid"])) or entry.stat().st_mtime < cutoff:
                os.unlink(entry.path)
        except OSError:
            pass  # removed meanwhile, or a read-only folder: it stays for the next open


def _is_running(pid: int) -> bool:
    if sys.platform == "win32":
        return True  # os.kill cannot probe a process there; the age rule clears the file
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it runs, as another user
    return True
